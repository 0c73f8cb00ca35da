/* arena.c - bump allocation in growing blocks. Everything a compilation
 * allocates (AST, strings, model, diagnostics) dies together. */
#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <string.h>

#include <stdlib.h>

#include "heap.h"

struct arena_block {
    struct arena_block *prev;
    alignas(max_align_t) char data[];
};

enum { ARENA_BLOCK = 64 * 1024, ARENA_ALIGN = alignof(max_align_t) };

void arena_init(struct arena *a, struct heap *heap)
{
    a->heap = heap;
    a->head = NULL;
    a->next = a->end = NULL;
}

void arena_free(struct arena *a)
{
    struct arena_block *b = a->head;
    while (b) {
        struct arena_block *prev = b->prev;
        heap_free(a->heap, b);
        b = prev;
    }
    arena_init(a, a->heap);
}

static void arena_grow(struct arena *a, size_t n)
{
    size_t size = n > ARENA_BLOCK / 4 ? n : ARENA_BLOCK;
    if (size > SIZE_MAX - sizeof(struct arena_block))
        heap_fail(a->heap);
    struct arena_block *b = heap_alloc(a->heap, sizeof *b + size);
    b->prev = a->head;
    a->head = b;
    /* The unused tail of the previous block is abandoned: it is small,
     * because anything larger than a quarter block gets a block of its own. */
    a->next = b->data;
    a->end = b->data + size;
}

void *arena_alloc(struct arena *a, size_t n)
{
    n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (n == 0)
        n = ARENA_ALIGN;
    /* strings leave next unaligned */
    size_t pad = (size_t)(-(uintptr_t)a->next & (ARENA_ALIGN - 1));
    if ((size_t)(a->end - a->next) < n + pad)
        arena_grow(a, n);
    else
        a->next += pad;
    void *p = a->next;
    a->next += n;
    memset(p, 0, n);
    return p;
}

void *arena_array(struct arena *a, size_t n, size_t size)
{
    if (size && n > (SIZE_MAX - ARENA_ALIGN) / size)
        heap_fail(a->heap);
    return arena_alloc(a, n * size);
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
    if (n == SIZE_MAX)
        heap_fail(a->heap);
    /* bytes need no alignment and no zeroing */
    if ((size_t)(a->end - a->next) < n + 1)
        arena_grow(a, n + 1);
    char *p = a->next;
    a->next += n + 1;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(struct arena *a, const char *s) { return arena_strndup(a, s, strlen(s)); }
