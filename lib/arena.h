/* arena.h - memory for one compilation: many small allocations, one free. */
#ifndef LADDERC_ARENA_H
#define LADDERC_ARENA_H

#include <stddef.h>

struct arena_block;
struct heap;

struct arena {
    struct heap *heap;      /* where its blocks come from */
    struct arena_block *head;
    char *next, *end;
};

void arena_init(struct arena *a, struct heap *heap);
void arena_free(struct arena *a);
void *arena_alloc(struct arena *a, size_t n);        /* zeroed, max-aligned */
void *arena_array(struct arena *a, size_t n, size_t size); /* checks n*size */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);

#endif
