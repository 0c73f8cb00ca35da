/* alloc.c - the command line's memory: out of memory is exit status 2. */
#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>

static _Noreturn void cli_die_oom(void)
{
    fputs("ladderc: error: out of memory\n", stderr);
    exit(2);
}

static void *cli_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    (void)ud;
    (void)osize;
    if (nsize == 0) {
        free(ptr);
        return NULL;
    }
    void *p = ptr ? realloc(ptr, nsize) : malloc(nsize);
    if (!p)
        cli_die_oom();
    return p;
}

void cli_heap_init(struct heap *h) { heap_init(h, cli_alloc, NULL); }

void *cli_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        cli_die_oom();
    return p;
}
