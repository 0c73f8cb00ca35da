/* unit.h - what the C tests of the API share: a check that counts and
 * prints, and an allocator that counts, can fail at its Nth allocation
 * and knows what is still allocated. Each test program includes it once
 * (its definitions are static), then ladder.h alone. */
#ifndef LADDERC_TESTS_UNIT_H
#define LADDERC_TESTS_UNIT_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static int passed, failed, verbose;

static void check(int ok, const char *what, ...)
{
    va_list ap;
    va_start(ap, what);
    if (ok) {
        passed++;
        if (verbose) {
            fputs("ok   ", stdout);
            vprintf(what, ap);
            putchar('\n');
        }
    } else {
        failed++;
        fputs("FAIL ", stdout);
        vprintf(what, ap);
        putchar('\n');
    }
    va_end(ap);
}

/* ---- a counting allocator that fails on request ---- */

struct counter {
    size_t allocs;          /* allocations (and resizes) asked for */
    size_t fail_at;         /* 1-based: the allocation that fails; 0: none */
    size_t live_blocks;
    long long live_bytes;
};

static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    struct counter *c = ud;
    if (nsize == 0) {
        if (ptr) {
            c->live_blocks--;
            c->live_bytes -= (long long)osize;
        }
        free(ptr);
        return NULL;
    }
    if (++c->allocs == c->fail_at)
        return NULL;
    void *p = realloc(ptr, nsize);
    if (!p)
        return NULL;
    if (ptr)
        c->live_bytes -= (long long)osize;
    else
        c->live_blocks++;
    c->live_bytes += (long long)nsize;
    return p;
}

#endif
