/* suggest.c - Levenshtein distance with an early exit past the limit. */
#include "suggest.h"

#include <string.h>

enum { SUGGEST_MAX_LEN = 64 };

static size_t edit_distance(const char *a, const char *b, size_t limit)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > SUGGEST_MAX_LEN || lb > SUGGEST_MAX_LEN)
        return limit + 1;
    size_t row[SUGGEST_MAX_LEN + 1];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0], best = row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t v = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < v)
                v = up + 1;
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            row[j] = v;
            diag = up;
            if (v < best)
                best = v;
        }
        if (best > limit)
            return limit + 1;
    }
    return row[lb];
}

const char *suggest_closest(const char *name, size_t n, const char *(*get)(const void *ctx, size_t i),
                            const void *ctx)
{
    size_t len = strlen(name);
    size_t limit = len / 3 > 0 ? len / 3 : 1;
    const char *best = NULL;
    size_t best_d = limit + 1;
    for (size_t i = 0; i < n; i++) {
        const char *cand = get(ctx, i);
        size_t lc = strlen(cand);
        if ((lc > len ? lc - len : len - lc) >= best_d)
            continue;   /* the length difference alone is too far */
        size_t d = edit_distance(name, cand, best_d - 1);
        if (d < best_d) {
            best_d = d;
            best = cand;
        }
    }
    return best;
}
