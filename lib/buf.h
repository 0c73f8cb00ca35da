/* buf.h - a growable byte buffer: every backend writes into one, so output
 * reaches a file or standard output whole, or not at all. */
#ifndef LADDERC_BUF_H
#define LADDERC_BUF_H

#include <stddef.h>
#include <stdbool.h>

struct heap;

struct buf {
    char *data;
    size_t len, cap;
    struct heap *heap;      /* where data comes from */
};

void buf_init(struct buf *b, struct heap *heap);
void buf_free(struct buf *b);
void buf_put(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void buf_printf(struct buf *b, const char *fmt, ...);

#endif
