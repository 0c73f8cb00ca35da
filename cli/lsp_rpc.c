/* lsp_rpc.c - Content-Length framing and JSON-RPC replies (lsp_rpc.h). */
#include "lsp_rpc.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "alloc.h"

void lsp_in_fd(struct lsp_in *in, int fd)
{
    memset(in, 0, offsetof(struct lsp_in, buf));
    in->fd = fd;
}

void lsp_in_mem(struct lsp_in *in, const char *mem, size_t len)
{
    memset(in, 0, offsetof(struct lsp_in, buf));
    in->fd = -1;
    in->mem = mem;
    in->memlen = len;
}

/* Refills the buffer; false at the end of the input. */
static bool lsp_in_fill(struct lsp_in *in)
{
    if (in->start < in->end)
        return true;
    if (in->eof)
        return false;
    in->start = in->end = 0;
    if (in->fd < 0) {
        size_t n = in->memlen - in->mempos;
        if (n > sizeof in->buf)
            n = sizeof in->buf;
        memcpy(in->buf, in->mem + in->mempos, n);
        in->mempos += n;
        in->end = n;
    } else {
        ssize_t n;
        do
            n = read(in->fd, in->buf, sizeof in->buf);
        while (n < 0 && errno == EINTR);
        in->end = n > 0 ? (size_t)n : 0;
    }
    if (in->end == 0)
        in->eof = true;
    return in->end > 0;
}

bool lsp_in_pending(struct lsp_in *in)
{
    if (in->start < in->end)
        return true;
    if (in->eof)
        return false;
    if (in->fd < 0)
        return in->mempos < in->memlen;
    struct pollfd p = {.fd = in->fd, .events = POLLIN};
    return poll(&p, 1, 0) > 0;
}

/* One header line, without its CR LF, cut to cap - 1 bytes (the rest is
 * read and dropped); *used counts every byte read. -1 at the end of input. */
static int lsp_read_line(struct lsp_in *in, char *line, size_t cap, size_t *used)
{
    size_t n = 0;
    for (;;) {
        if (!lsp_in_fill(in))
            return -1;
        char c = in->buf[in->start++];
        ++*used;
        if (c == '\n')
            break;
        if (n + 1 < cap)
            line[n++] = c;
    }
    if (n > 0 && line[n - 1] == '\r')
        n--;
    line[n] = '\0';
    return (int)n;
}

/* The value of a Content-Length header found anywhere in line (so that the
 * bytes left over from a body whose length was too short, before the next
 * header, do not hide it). -1: no such header; -2: not a number; -3: too large. */
static long long lsp_content_length(const char *line)
{
    static const char name[] = "content-length:";
    const char *p = NULL;
    for (const char *q = line; *q; q++)
        if (strncasecmp(q, name, sizeof name - 1) == 0) {
            p = q + sizeof name - 1;
            break;
        }
    if (!p)
        return -1;
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p < '0' || *p > '9')
        return -2;
    long long v = 0;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (v > (long long)LSP_MAX_BODY * 16)
            return -3;      /* no need to count further: over any cap */
        v = v * 10 + (*p - '0');
    }
    while (*p == ' ' || *p == '\t')
        p++;
    return *p ? -2 : v;
}

/* Reads and drops n bytes; false when the input ends first. */
static bool lsp_skip(struct lsp_in *in, size_t n)
{
    while (n > 0) {
        if (!lsp_in_fill(in))
            return false;
        size_t k = in->end - in->start;
        if (k > n)
            k = n;
        in->start += k;
        n -= k;
    }
    return true;
}

static bool lsp_read_exact(struct lsp_in *in, char *dst, size_t n)
{
    while (n > 0) {
        if (!lsp_in_fill(in))
            return false;
        size_t k = in->end - in->start;
        if (k > n)
            k = n;
        memcpy(dst, in->buf + in->start, k);
        in->start += k;
        dst += k;
        n -= k;
    }
    return true;
}

lsp_read lsp_read_message(struct lsp_in *in, char **body, size_t *len, const char **why)
{
    char line[1024];
    long long length = -1;
    size_t used = 0;
    bool any = false;
    *body = NULL;
    *len = 0;
    *why = "";
    for (;;) {
        int n = lsp_read_line(in, line, sizeof line, &used);
        if (n < 0)
            return LSP_READ_EOF;
        if (n == 0) {
            if (!any)
                continue;       /* blank lines between messages */
            break;
        }
        any = true;
        long long v = lsp_content_length(line);
        if (v != -1)
            length = v;
        if (used > LSP_MAX_HEADER) {
            *why = "header section longer than 64 KB";
            return LSP_READ_BAD;
        }
    }
    if (length == -1) {
        *why = "no Content-Length header";
        return LSP_READ_BAD;
    }
    if (length < 0 && length != -3) {
        *why = "Content-Length is not a number";
        return LSP_READ_BAD;
    }
    if (length == -3 || (size_t)length > LSP_MAX_BODY) {
        *why = "message larger than 64 MB";
        if (length != -3 && !lsp_skip(in, (size_t)length))
            return LSP_READ_EOF;
        return LSP_READ_BAD;
    }
    char *b = cli_xmalloc((size_t)length + 1);
    if (!lsp_read_exact(in, b, (size_t)length)) {
        free(b);
        return LSP_READ_EOF;
    }
    b[length] = '\0';
    *body = b;
    *len = (size_t)length;
    return LSP_READ_BODY;
}

int lsp_write(FILE *out, json_t *msg)
{
    char *text = json_dumps(msg, JSON_COMPACT);
    if (!text)
        return -1;
    size_t n = strlen(text);
    fprintf(out, "Content-Length: %zu\r\n\r\n", n);
    fwrite(text, 1, n, out);
    free(text);
    return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}

/* A message that could not be built (json_pack refuses a string that is
 * not UTF-8, as a file's bytes on disk may be) is not sent: NULL here. */
static int lsp_send(FILE *out, json_t *msg)
{
    if (!msg)
        return 0;
    int rc = lsp_write(out, msg);
    json_decref(msg);
    return rc;
}

int lsp_reply(FILE *out, json_t *id, json_t *result)
{
    json_t *msg = json_pack("{s:s, s:O, s:o}", "jsonrpc", "2.0", "id", id ? id : json_null(), "result",
                            result ? result : json_null());
    if (!msg)   /* a request is always answered */
        return lsp_reply_error(out, id, LSP_INTERNAL_ERROR, "the answer could not be written as JSON");
    return lsp_send(out, msg);
}

int lsp_reply_error(FILE *out, json_t *id, int code, const char *message)
{
    json_t *msg = json_pack("{s:s, s:O, s:{s:i, s:s}}", "jsonrpc", "2.0", "id", id ? id : json_null(), "error",
                            "code", code, "message", message);
    if (!msg)   /* a message that is not UTF-8: the error still goes out, without it */
        msg = json_pack("{s:s, s:O, s:{s:i, s:s}}", "jsonrpc", "2.0", "id", id ? id : json_null(), "error", "code",
                        code, "message", "(the reason is not valid UTF-8)");
    return lsp_send(out, msg);
}

int lsp_notify(FILE *out, const char *method, json_t *params)
{
    return lsp_send(out, json_pack("{s:s, s:s, s:o}", "jsonrpc", "2.0", "method", method, "params", params));
}
