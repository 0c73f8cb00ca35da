/* heap.h - where the library's memory comes from.
 *
 * Every byte the library allocates comes from the embedder's allocator
 * (Lua's lua_Alloc shape: one function that allocates, grows and frees)
 * through a heap. The heap remembers each live block, so that when the
 * allocator fails mid-compilation everything is given back at once: the
 * failing call jumps to the heap's `oom` (set by the API function that was
 * called, the only place that knows how to report it) instead of returning
 * NULL through every caller. A heap belongs to one session; two sessions
 * never share one, so they can live side by side. */
#ifndef LADDERC_HEAP_H
#define LADDERC_HEAP_H

#include <setjmp.h>
#include <stddef.h>

/* ptr NULL and nsize > 0: allocate; ptr and nsize > 0: resize (osize is the
 * old size); nsize 0: free ptr and return NULL. NULL from an allocation or a
 * resize is a failure (then ptr is still valid). */
typedef void *(*heap_alloc_fn)(void *ud, void *ptr, size_t osize, size_t nsize);

struct heap_block;

struct heap {
    heap_alloc_fn fn;
    void *ud;
    struct heap_block *live;    /* every block not yet freed, newest first */
    jmp_buf *oom;               /* where a failed allocation jumps; NULL: nowhere (see heap_fail) */
    size_t nblocks;
};

/* fn NULL: the C library's malloc, realloc and free. */
void heap_init(struct heap *h, heap_alloc_fn fn, void *ud);

/* Never return NULL: on failure they call heap_fail. */
void *heap_alloc(struct heap *h, size_t n);
void *heap_calloc(struct heap *h, size_t n, size_t size);   /* zeroed; checks n * size */
void *heap_realloc(struct heap *h, void *p, size_t n);      /* p NULL: heap_alloc */
void heap_free(struct heap *h, void *p);                    /* p NULL: nothing */

/* Frees every live block: after a jump to oom, or to drop a session whole. */
void heap_free_all(struct heap *h);

/* Out of memory (or a size no allocator can give): jumps to h->oom. With no
 * oom set, it is a bug in the library's caller, which must arm one before
 * calling in; the library cannot exit or abort, so it loops on a trap. */
_Noreturn void heap_fail(struct heap *h);

#endif
