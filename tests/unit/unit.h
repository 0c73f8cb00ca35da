/* unit.h - what the C tests of the API share: a check that counts and
 * prints, and an allocator that counts, can fail at its Nth allocation
 * and knows what is still allocated, and the test of an API call under
 * that allocator failing at each of its allocations. Each test program
 * includes it once (its definitions are static). */
#ifndef LADDERC_TESTS_UNIT_H
#define LADDERC_TESTS_UNIT_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "ladder.h"

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

/* A session on c's allocator, text added as the root name and checked;
 * NULL only when the allocator fails at once (the ladder may have errors:
 * the caller looks). */
static inline ld_session *unit_checked(struct counter *c, const char *name, const char *text)
{
    ld_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.alloc = counting_alloc;
    cfg.alloc_ud = c;
    ld_session *s = ld_session_new(&cfg);
    if (s && ld_session_add_text(s, name, text, strlen(text)) == LD_OK)
        ld_check(s);
    return s;
}

static inline int contains(const ld_text *t, const char *s) { return t->data && strstr(t->data, s) != NULL; }

/* How many times needle stands in hay (overlaps counted). */
static inline size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* call on a session that open builds with c's allocator, that allocator
 * failing at the nth allocation call makes (0: none); *used: how many call
 * made, *spent: the session answers the call with LD_ENOMEM again, *live:
 * blocks left once the session is freed. */
static inline ld_status unit_failing_at(ld_session *(*open)(struct counter *), ld_status (*call)(ld_session *),
                                        size_t n, size_t *used, int *spent, size_t *live)
{
    struct counter c = {0};
    ld_session *s = open(&c);
    c.fail_at = n ? c.allocs + n : 0;
    size_t before = c.allocs;
    ld_status st = call(s);
    *used = c.allocs - before;
    *spent = st == LD_ENOMEM && call(s) == LD_ENOMEM;
    ld_session_free(s);
    *live = c.live_blocks;
    return st;
}

/* call succeeds and allocates; with its Nth allocation failing, for every
 * N, it answers LD_ENOMEM, the session is spent, and nothing is left. */
static inline void check_every_allocation_failing(const char *what, ld_session *(*open)(struct counter *),
                                                  ld_status (*call)(ld_session *))
{
    size_t total, live, used;
    int spent;
    check(unit_failing_at(open, call, 0, &total, &spent, &live) == LD_OK && live == 0, "allocator: %s succeeds",
          what);
    check(total > 0, "allocator: %s allocates (%zu times)", what, total);
    size_t bad = 0;
    for (size_t n = 1; n <= total; n++)
        if (unit_failing_at(open, call, n, &used, &spent, &live) != LD_ENOMEM || !spent || live != 0)
            bad++;
    check(bad == 0, "allocator: failing allocation N of %zu of %s, for every N: LD_ENOMEM, spent, no block left "
          "(%zu were not)", total, what, bad);
}

#endif
