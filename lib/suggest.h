/* suggest.h - "did you mean": the closest name by edit distance. */
#ifndef LADDERC_SUGGEST_H
#define LADDERC_SUGGEST_H

#include <stddef.h>

/* The candidate closest to name (get(ctx, i) for i < n), or NULL when none
 * is within a third of name's length (at least 1 edit). */
const char *suggest_closest(const char *name, size_t n, const char *(*get)(const void *ctx, size_t i),
                            const void *ctx);

#endif
