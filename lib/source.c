/* source.c - bytes in memory, their line maps, and one offset space for
 * every file of a session. Reading files is the embedder's (cli/files.c). */
#include "source.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "heap.h"
#include "util.h"

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

void source_borrow(struct source *src, struct heap *heap, const char *name, const char *text, size_t len)
{
    memset(src, 0, sizeof *src);
    src->heap = heap;
    src->name = name;
    src->text = (char *)text;   /* never written: the scanner reads in place */
    src->len = len;
    src->borrowed = 1;
}

void source_free(struct source *src)
{
    if (!src->borrowed)
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

/* The 0-based index of the line that holds off (an offset in the file, not
 * in the session): the last line start <= off. */
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
    return (int)source_line_index(src, off - src->base) + 1;
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

void source_span(struct source *src, struct loc at, struct source_pos *first, struct source_pos *last)
{
    struct loc loc = {at.start - src->base, at.end - src->base};   /* offsets in the file */
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

/* ---- one offset space ---- */

void source_set_init(struct source_set *set, struct heap *heap)
{
    memset(set, 0, sizeof *set);
    set->heap = heap;
}

void source_set_free(struct source_set *set)
{
    heap_free(set->heap, set->v);
    set->v = NULL;
    set->n = set->cap = 0;
}

int source_set_add(struct source_set *set, struct source *src)
{
    /* one offset past the end is the file's too (the end-of-file token's
     * span ends there), so the next file starts after it; the last 64 KB
     * stay free for empty files (one that could not be read still has a
     * place: 10,000 of them take 20 KB) */
    if (src->len > SOURCE_MAX_BYTES || set->next + src->len + 2 > (src->len ? UINT32_MAX - 65536 : UINT32_MAX))
        return -1;
    if (set->n == set->cap) {
        set->cap = set->cap ? 2 * set->cap : 16;
        set->v = heap_realloc(set->heap, set->v, set->cap * sizeof *set->v);
    }
    src->base = (uint32_t)set->next;
    set->next += src->len + 2;
    set->v[set->n++] = src;
    return 0;
}

size_t source_set_index(const struct source_set *set, uint32_t off)
{
    size_t lo = 0, hi = set->n;     /* v[lo]->base <= off < v[hi]->base */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (set->v[mid]->base <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

struct source *source_set_find(const struct source_set *set, uint32_t off)
{
    return set->n ? set->v[source_set_index(set, off)] : NULL;
}
