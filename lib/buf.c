/* buf.c - growable byte buffer, in its heap's memory (a failure jumps to
 * the heap's oom: see heap.h). */
#include "buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap.h"

void buf_init(struct buf *b, struct heap *heap)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->heap = heap;
}

void buf_free(struct buf *b)
{
    heap_free(b->heap, b->data);
    buf_init(b, b->heap);
}

static void buf_reserve(struct buf *b, size_t extra)
{
    if (extra <= b->cap - b->len)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->len < extra) {
        if (cap > SIZE_MAX / 2)
            heap_fail(b->heap);
        cap *= 2;
    }
    b->data = heap_realloc(b->heap, b->data, cap);
    b->cap = cap;
}

void buf_put(struct buf *b, const char *s, size_t n)
{
    if (n == 0)
        return;
    buf_reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
}

void buf_puts(struct buf *b, const char *s) { buf_put(b, s, strlen(s)); }

void buf_putc(struct buf *b, char c)
{
    buf_reserve(b, 1);
    b->data[b->len++] = c;
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        buf_put(b, small, (size_t)n);
        return;
    }
    buf_reserve(b, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}
