/* heap.c - the embedder's allocator, with every live block on a list. */
#include "heap.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The header before each block: a doubly linked list, so a free is O(1).
 * Padded to max_align_t, so the block after it is aligned for anything. */
struct heap_block {
    union {
        struct {
            struct heap_block *prev, *next;
            size_t size;
        } h;
        max_align_t align;
    } u;
};

#define HEAP_HEADER sizeof(struct heap_block)

static void *heap_default(void *ud, void *ptr, size_t osize, size_t nsize)
{
    (void)ud;
    (void)osize;
    if (nsize == 0) {
        free(ptr);
        return NULL;
    }
    return ptr ? realloc(ptr, nsize) : malloc(nsize);
}

void heap_init(struct heap *h, heap_alloc_fn fn, void *ud)
{
    h->fn = fn ? fn : heap_default;
    h->ud = fn ? ud : NULL;
    h->live = NULL;
    h->oom = NULL;
    h->nblocks = 0;
}

_Noreturn void heap_fail(struct heap *h)
{
    if (h->oom)
        longjmp(*h->oom, 1);
#if defined(__GNUC__)
    __builtin_trap();
#else
    for (;;) {}
#endif
}

static void heap_link(struct heap *h, struct heap_block *b, size_t n)
{
    b->u.h.prev = NULL;
    b->u.h.next = h->live;
    b->u.h.size = n;
    if (h->live)
        h->live->u.h.prev = b;
    h->live = b;
    h->nblocks++;
}

static void heap_unlink(struct heap *h, struct heap_block *b)
{
    if (b->u.h.prev)
        b->u.h.prev->u.h.next = b->u.h.next;
    else
        h->live = b->u.h.next;
    if (b->u.h.next)
        b->u.h.next->u.h.prev = b->u.h.prev;
    h->nblocks--;
}

void *heap_alloc(struct heap *h, size_t n)
{
    if (n == 0)
        n = 1;
    if (n > SIZE_MAX - HEAP_HEADER)
        heap_fail(h);
    struct heap_block *b = h->fn(h->ud, NULL, 0, HEAP_HEADER + n);
    if (!b)
        heap_fail(h);
    heap_link(h, b, n);
    return b + 1;
}

void *heap_calloc(struct heap *h, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        heap_fail(h);
    size_t bytes = n * size;
    void *p = heap_alloc(h, bytes);
    memset(p, 0, bytes ? bytes : 1);
    return p;
}

void *heap_realloc(struct heap *h, void *p, size_t n)
{
    if (!p)
        return heap_alloc(h, n);
    if (n == 0)
        n = 1;
    if (n > SIZE_MAX - HEAP_HEADER)
        heap_fail(h);
    struct heap_block *old = (struct heap_block *)p - 1;
    size_t osize = old->u.h.size;
    /* unlinked first: a block that moves leaves dangling neighbours */
    heap_unlink(h, old);
    struct heap_block *b = h->fn(h->ud, old, HEAP_HEADER + osize, HEAP_HEADER + n);
    if (!b) {
        heap_link(h, old, osize);   /* still valid, and still ours to free */
        heap_fail(h);
    }
    heap_link(h, b, n);
    return b + 1;
}

void heap_free(struct heap *h, void *p)
{
    if (!p)
        return;
    struct heap_block *b = (struct heap_block *)p - 1;
    heap_unlink(h, b);
    h->fn(h->ud, b, HEAP_HEADER + b->u.h.size, 0);
}

void heap_free_all(struct heap *h)
{
    while (h->live)
        heap_free(h, h->live + 1);
}
