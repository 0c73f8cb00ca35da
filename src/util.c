/* util.c - allocation wrappers: out of memory ends the process with status 2. */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>

_Noreturn void util_die_oom(void)
{
    fputs("ladderc: error: out of memory\n", stderr);
    exit(2);
}

void *util_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        util_die_oom();
    return p;
}

void *util_xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        util_die_oom();
    return p;
}

void *util_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        util_die_oom();
    return p;
}
