/* source.c - reading input and mapping lines. */
#include "source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

/* size_hint: the file's size when known, so that a regular file is read into
 * one allocation of the right size (no doubling, no copies: a 145 MB ladder
 * would otherwise pass through buffers of 128 and 256 MB). */
static int source_read_stream(struct source *src, FILE *f, size_t size_hint, char *err, size_t errsz)
{
    size_t cap = size_hint && size_hint <= SOURCE_MAX_BYTES ? size_hint + 3 : 64 * 1024, len = 0;
    char *text = util_xmalloc(cap);
    for (;;) {
        if (cap - len <= 2) {   /* room for at least one byte and the two NULs */
            if (cap >= SOURCE_MAX_BYTES + 2) {
                free(text);
                snprintf(err, errsz, "file is larger than 1 GiB");
                return -1;
            }
            cap *= 2;
            text = util_xrealloc(text, cap);
        }
        size_t n = fread(text + len, 1, cap - len - 2, f);
        len += n;
        if (n == 0) {
            if (ferror(f)) {
                snprintf(err, errsz, "%s", strerror(errno ? errno : EIO));
                free(text);
                return -1;
            }
            break;
        }
    }
    if (len > SOURCE_MAX_BYTES) {
        free(text);
        snprintf(err, errsz, "file is larger than 1 GiB");
        return -1;
    }
    text[len] = text[len + 1] = '\0';
    src->text = text;
    src->len = len;
    return 0;
}

int source_load(struct source *src, const char *path, char *err, size_t errsz)
{
    memset(src, 0, sizeof *src);
    if (strcmp(path, "-") == 0) {
        src->name = "<stdin>";
        return source_read_stream(src, stdin, 0, err, errsz);
    }
    src->name = path;
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errsz, "%s", strerror(errno));
        return -1;
    }
    struct stat st;
    size_t hint = fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) ? (size_t)st.st_size : 0;
    int rc = source_read_stream(src, f, hint, err, errsz);
    fclose(f);
    return rc;
}

void source_from_memory(struct source *src, const char *name, const char *text, size_t len)
{
    memset(src, 0, sizeof *src);
    src->name = name;
    src->text = util_xmalloc(len + 2);
    if (len)
        memcpy(src->text, text, len);
    src->text[len] = src->text[len + 1] = '\0';
    src->len = len;
}

void source_free(struct source *src)
{
    free(src->text);
    free(src->line_start);
    memset(src, 0, sizeof *src);
}

static void source_map_lines(struct source *src)
{
    size_t n = 1;
    for (size_t i = 0; i < src->len; i++)
        n += src->text[i] == '\n';
    src->line_start = util_xmalloc(n * sizeof *src->line_start);
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
    if (line == 1 && src->len >= 3 && memcmp(src->text, "\xEF\xBB\xBF", 3) == 0)
        start = 3;  /* the scanner skips a byte-order mark: so do columns */
    size_t end = start;
    while (end < src->len && src->text[end] != '\n')
        end++;
    if (end > start && src->text[end - 1] == '\r')
        end--;
    *len = end - start;
    return src->text + start;
}
