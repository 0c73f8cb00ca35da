/* source.c - reading input and mapping lines. */
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "heap.h"
#include "util.h"

/* EAGAIN or EWOULDBLOCK (the same number on Linux, not by POSIX) */
static bool source_would_block(int e)
{
#if EAGAIN != EWOULDBLOCK
    if (e == EWOULDBLOCK)
        return true;
#endif
    return e == EAGAIN;
}

/* Reads fd to its end. size_hint: the file's size when known, so that a
 * regular file is read into one allocation of the right size (no doubling,
 * no copies: a 145 MB ladder would otherwise pass through buffers of 128 and
 * 256 MB). limit: the most bytes accepted; too_large: the message beyond it. */
/* may_wait: standard input, which may be a pipe left non-blocking by whoever
 * ran us; a file that says "try again" (/proc/kmsg, behind a .ladder link)
 * would block for ever, and is refused. */
static int source_read_fd(struct source *src, int fd, size_t size_hint, size_t limit, const char *too_large,
                          bool may_wait, char *err, size_t errsz)
{
    size_t cap = size_hint && size_hint <= limit ? size_hint + 3 : 64 * 1024, len = 0;
    char *text = heap_alloc(src->heap, cap);
    for (;;) {
        if (cap - len <= 2) {   /* room for at least one byte and the two NULs */
            if (cap >= limit + 2)
                break;
            cap = cap * 2 < limit + 3 ? cap * 2 : limit + 3;
            text = heap_realloc(src->heap, text, cap);
        }
        ssize_t n = read(fd, text + len, cap - len - 2);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && source_would_block(errno) && !may_wait) {
            snprintf(err, errsz, "reading it would wait for more: not a file to read");
            heap_free(src->heap, text);
            return -1;
        }
        if (n < 0 && source_would_block(errno)) {
            /* a standard input left non-blocking by whoever ran us */
            struct pollfd p = {.fd = fd, .events = POLLIN};
            poll(&p, 1, -1);
            continue;
        }
        if (n < 0) {
            snprintf(err, errsz, "%s", strerror(errno));
            heap_free(src->heap, text);
            return -1;
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    if (len > limit) {
        heap_free(src->heap, text);
        snprintf(err, errsz, "%s", too_large);
        return -1;
    }
    text[len] = text[len + 1] = '\0';
    src->text = text;
    src->len = len;
    return 0;
}

/* Standard input streams (a pipe, a terminal) within a lower limit than a
 * file: nothing tells its size, and a buffer that doubles may hold twice
 * what was read. A regular file redirected to it is a file. */
static int source_read_stdin(struct source *src, char *err, size_t errsz)
{
    struct stat st;
    if (fstat(0, &st) != 0) {
        snprintf(err, errsz, "%s", strerror(errno));
        return -1;
    }
    if (S_ISREG(st.st_mode))
        return source_read_fd(src, 0, (size_t)st.st_size, SOURCE_MAX_BYTES, "file is larger than 1 GiB", true, err,
                              errsz);
    if (S_ISDIR(st.st_mode)) {
        snprintf(err, errsz, "%s", strerror(EISDIR));
        return -1;
    }
    return source_read_fd(src, 0, 0, SOURCE_MAX_STREAM_BYTES,
                          "standard input is larger than 256 MiB (name the file, or redirect it: < FILE)", true, err,
                          errsz);
}

/* Why st is not a file to read, or NULL when it is one. */
static const char *source_not_regular(const struct stat *st)
{
    if (S_ISREG(st->st_mode))
        return NULL;
    return S_ISDIR(st->st_mode) ? strerror(EISDIR) : "not a regular file";
}

int source_load(struct source *src, struct heap *heap, const char *path, char *err, size_t errsz)
{
    memset(src, 0, sizeof *src);
    src->heap = heap;
    if (strcmp(path, "-") == 0) {
        src->name = "<stdin>";
        return source_read_stdin(src, err, errsz);
    }
    src->name = path;
    /* Only regular files: a FIFO would block, /dev/zero never ends, a
     * terminal waits for a user. stat first, so that a device is never even
     * opened; O_NONBLOCK, so that a FIFO put in the file's place meanwhile
     * does not block the open; fstat, to judge what was really opened. */
    struct stat st;
    const char *why;
    if (stat(path, &st) != 0) {
        snprintf(err, errsz, "%s", strerror(errno));
        return -1;
    }
    if ((why = source_not_regular(&st))) {
        snprintf(err, errsz, "%s", why);
        return -1;
    }
    int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errsz, "%s", strerror(errno));
        return -1;
    }
    int rc;
    if (fstat(fd, &st) != 0) {
        snprintf(err, errsz, "%s", strerror(errno));
        rc = -1;
    } else if ((why = source_not_regular(&st))) {
        snprintf(err, errsz, "%s", why);
        rc = -1;
    } else if ((unsigned long long)st.st_size > SOURCE_MAX_BYTES) {
        snprintf(err, errsz, "file is larger than 1 GiB");     /* said before a byte is read */
        rc = -1;
    } else {
        rc = source_read_fd(src, fd, (size_t)st.st_size, SOURCE_MAX_BYTES, "file is larger than 1 GiB", false, err,
                            errsz);
    }
    close(fd);
    return rc;
}

void source_from_memory(struct source *src, struct heap *heap, const char *name, const char *text, size_t len)
{
    memset(src, 0, sizeof *src);
    src->heap = heap;
    src->name = name;
    src->text = heap_alloc(src->heap, len + 2);
    if (len)
        memcpy(src->text, text, len);
    src->text[len] = src->text[len + 1] = '\0';
    src->len = len;
}

void source_free(struct source *src)
{
    heap_free(src->heap, src->text);
    heap_free(src->heap, src->line_start);
    struct heap *heap = src->heap;
    memset(src, 0, sizeof *src);
    src->heap = heap;
}

static bool source_has_bom(const struct source *src)
{
    return src->len >= 3 && memcmp(src->text, "\xEF\xBB\xBF", 3) == 0;
}

static void source_map_lines(struct source *src)
{
    size_t n = 1;
    for (size_t i = 0; i < src->len; i++)
        n += src->text[i] == '\n';
    src->line_start = heap_alloc(src->heap, n * sizeof *src->line_start);
    src->line_start[0] = 0;
    size_t k = 1;
    for (size_t i = 0; i < src->len; i++)
        if (src->text[i] == '\n')
            src->line_start[k++] = i + 1;
    src->nlines = n;
}

const char *source_line(struct source *src, int line, size_t *len)
{
    if (!src->line_start)
        source_map_lines(src);
    if (line < 1 || (size_t)line > src->nlines)
        return NULL;
    size_t start = src->line_start[line - 1];
    if (line == 1 && source_has_bom(src))
        start = 3;  /* the scanner skips a byte-order mark: so do columns */
    size_t end = start;
    while (end < src->len && src->text[end] != '\n')
        end++;
    if (end > start && src->text[end - 1] == '\r')
        end--;
    *len = end - start;
    return src->text + start;
}

/* The 0-based index of the line that holds off: the last line start <= off. */
static size_t source_line_index(struct source *src, size_t off)
{
    if (!src->line_start)
        source_map_lines(src);
    size_t lo = 0, hi = src->nlines;    /* line_start[lo] <= off < line_start[hi] */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (src->line_start[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

int source_line_of(struct source *src, size_t off)
{
    return (int)source_line_index(src, off) + 1;
}

/* The column of the byte at off (or of the end of the file) on line index k. */
static int source_column(const struct source *src, size_t k, size_t off)
{
    size_t i = src->line_start[k];
    if (k == 0 && source_has_bom(src) && off >= 3)
        i = 3;
    int col = 1;
    for (; i < off && i < src->len; i++)
        col += ((unsigned char)src->text[i] & 0xC0) != 0x80;
    return col;
}

void source_span(struct source *src, struct loc loc, struct source_pos *first, struct source_pos *last)
{
    size_t k = source_line_index(src, loc.start);
    *first = (struct source_pos){(int)k + 1, source_column(src, k, loc.start)};
    if (loc.end <= loc.start) {
        *last = *first;
        return;
    }
    k = source_line_index(src, loc.end - 1);
    *last = (struct source_pos){(int)k + 1, source_column(src, k, loc.end)};
    if (last->line == first->line && last->column <= first->column)
        last->column = first->column + 1;   /* a lone continuation byte */
}
