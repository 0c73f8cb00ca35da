/* lsp_text.c - positions, edits and URIs (lsp_text.h). */
#include "lsp_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

/* A code point starts at every byte that is not a continuation byte: the
 * library counts columns so (an invalid byte is a column of its own). */
static bool lsp_starts_cp(unsigned char c) { return (c & 0xC0) != 0x80; }

/* The units of the code point that starts with byte c. */
static long lsp_units(const char *p, lsp_encoding enc)
{
    unsigned char c = (unsigned char)*p;
    if (enc == LSP_UTF8)
        return 1;   /* bytes: every byte of the sequence counts, continuation bytes too */
    if (!lsp_starts_cp(c))
        return 0;
    return c >= 0xF0 ? 2 : 1;   /* outside the BMP: a surrogate pair */
}

/* The end of the line that starts at off: its LF, or the CR before it. */
static size_t lsp_line_end(const char *text, size_t len, size_t off)
{
    const char *nl = memchr(text + off, '\n', len - off);
    size_t end = nl ? (size_t)(nl - text) : len;
    if (end > off && text[end - 1] == '\r')
        end--;
    return end;
}

/* The byte offset where line `line` starts, or len past the last line. */
static size_t lsp_line_start(const char *text, size_t len, long line, bool *past)
{
    size_t off = 0;
    *past = false;
    for (long i = 0; i < line; i++) {
        const char *nl = memchr(text + off, '\n', len - off);
        if (!nl) {
            *past = true;
            return len;
        }
        off = (size_t)(nl - text) + 1;
    }
    return off;
}

void lsp_lines_init(struct lsp_lines *l, const char *text, size_t len)
{
    memset(l, 0, sizeof *l);
    l->text = text;
    l->len = len;
    size_t n = 1;
    for (const char *p = text; (p = memchr(p, '\n', len - (size_t)(p - text))); p++)
        n++;
    l->start = cli_xmalloc(n * sizeof *l->start);
    l->start[0] = 0;
    l->count = 1;
    for (const char *p = text; (p = memchr(p, '\n', len - (size_t)(p - text))); p++)
        l->start[l->count++] = (size_t)(p - text) + 1;
    l->cur_line = (size_t)-1;
}

void lsp_lines_free(struct lsp_lines *l)
{
    free(l->start);
    l->start = NULL;
}

struct lsp_pos lsp_lines_from_ld(struct lsp_lines *l, int line, int column, lsp_encoding enc)
{
    if (line <= 0)
        return (struct lsp_pos){0, 0};
    size_t i = (size_t)line - 1;
    if (i >= l->count)
        i = l->count - 1;
    size_t end = lsp_line_end(l->text, l->len, l->start[i]);
    size_t want = column > 1 ? (size_t)column - 1 : 0;
    if (l->cur_line != i || l->cur_cp > want) {
        l->cur_line = i;
        l->cur_cp = 0;
        l->cur_byte = l->start[i];
        l->cur_units = 0;
    }
    /* walk code points from the last conversion on this line */
    size_t b = l->cur_byte, cp = l->cur_cp;
    long units = l->cur_units;
    while (b < end) {
        if (lsp_starts_cp((unsigned char)l->text[b])) {
            if (cp == want)
                break;
            cp++;
        }
        units += lsp_units(l->text + b, enc);
        b++;
    }
    l->cur_byte = b;
    l->cur_cp = cp;
    l->cur_units = units;
    return (struct lsp_pos){(long)i, units};
}

struct lsp_pos lsp_pos_of_offset(const char *text, size_t len, size_t off, lsp_encoding enc)
{
    if (off > len)
        off = len;
    long line = 0;
    size_t start = 0;
    for (const char *p = text; (p = memchr(p, '\n', off - (size_t)(p - text))); p++) {
        line++;
        start = (size_t)(p - text) + 1;
    }
    long units = 0;
    for (size_t b = start; b < off; b++)
        units += lsp_units(text + b, enc);
    return (struct lsp_pos){line, units};
}

size_t lsp_offset_of_pos(const char *text, size_t len, struct lsp_pos p, lsp_encoding enc)
{
    bool past;
    size_t off = lsp_line_start(text, len, p.line < 0 ? 0 : p.line, &past);
    if (past)
        return len;
    size_t end = lsp_line_end(text, len, off);
    long units = 0;
    while (off < end) {
        if (lsp_starts_cp((unsigned char)text[off])) {
            /* the units of the whole code point: a position inside a
             * surrogate pair (or a UTF-8 sequence) is the point's start */
            long w = 0;
            size_t k = off;
            do
                w += lsp_units(text + k, enc), k++;
            while (k < end && !lsp_starts_cp((unsigned char)text[k]));
            if (units + w > p.character)
                break;
            units += w;
            off = k;
        } else {
            long w = lsp_units(text + off, enc);    /* a stray continuation byte */
            if (units + w > p.character)
                break;
            units += w;
            off++;
        }
    }
    return off;
}

void lsp_pos_to_ld(const char *text, size_t len, struct lsp_pos p, lsp_encoding enc, int *line, int *column)
{
    size_t off = lsp_offset_of_pos(text, len, p, enc);
    bool past;
    size_t start = lsp_line_start(text, len, p.line < 0 ? 0 : p.line, &past);
    if (past) {
        *line = 0;
        *column = 0;
        return;
    }
    int col = 1;
    for (size_t b = start; b < off; b++)
        if (lsp_starts_cp((unsigned char)text[b]))
            col++;
    *line = (int)(p.line < 0 ? 0 : p.line) + 1;
    *column = col;
}

/* ---- texts ---- */

static void lsp_buf_reserve(struct lsp_buf *b, size_t len)
{
    if (len + 2 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < len + 2)
        cap *= 2;
    char *d = realloc(b->data, cap);
    if (!d) {
        fputs("ladderc: error: out of memory\n", stderr);
        exit(2);
    }
    b->data = d;
    b->cap = cap;
}

void lsp_buf_set(struct lsp_buf *b, const char *text, size_t len)
{
    lsp_buf_reserve(b, len);
    memcpy(b->data, text, len);
    b->len = len;
    b->data[len] = b->data[len + 1] = '\0';
}

void lsp_buf_splice(struct lsp_buf *b, size_t from, size_t to, const char *text, size_t n)
{
    size_t len = b->len - (to - from) + n;
    lsp_buf_reserve(b, len);
    memmove(b->data + from + n, b->data + to, b->len - to);
    memcpy(b->data + from, text, n);
    b->len = len;
    b->data[len] = b->data[len + 1] = '\0';
}

void lsp_buf_free(struct lsp_buf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

/* ---- URIs ---- */

static int lsp_hex(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

char *lsp_uri_to_path(const char *uri)
{
    static const char scheme[] = "file://";
    if (strncmp(uri, scheme, sizeof scheme - 1) != 0)
        return NULL;
    const char *p = uri + sizeof scheme - 1;
    if (strncmp(p, "localhost/", 10) == 0)
        p += 9;
    if (*p != '/')
        return NULL;
    char *path = cli_xmalloc(strlen(p) + 1), *o = path;
    for (; *p && *p != '?' && *p != '#'; p++) {
        if (*p == '%' && lsp_hex(p[1]) >= 0 && lsp_hex(p[2]) >= 0) {
            char c = (char)(lsp_hex(p[1]) * 16 + lsp_hex(p[2]));
            if (c == '\0') {
                free(path);
                return NULL;
            }
            *o++ = c;
            p += 2;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    return path;
}

char *lsp_path_to_uri(const char *path)
{
    static const char digits[] = "0123456789ABCDEF";
    char *uri = cli_xmalloc(strlen(path) * 3 + sizeof "file://"), *o = uri;
    memcpy(o, "file://", 7);
    o += 7;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        unsigned char c = *p;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || strchr("-._~/", c)) {
            *o++ = (char)c;
        } else {
            *o++ = '%';
            *o++ = digits[c >> 4];
            *o++ = digits[c & 15];
        }
    }
    *o = '\0';
    return uri;
}
