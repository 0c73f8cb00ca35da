/* path.c - the fastest routes between two roles.
 *
 * Yen's K shortest simple paths with Lawler's refinement. Costs are vectors
 * compared in order (moves of unknown years, minimum years, maximum years,
 * moves); every part is a sum over the moves, so Dijkstra and A* apply, and
 * years are integers (millionths) so sums and ties are exact.
 *
 * 1. A Dijkstra from TO over the reversed transitions gives h(v), the least
 *    cost from each role v to TO, and next(v), the earliest move (in source
 *    order) that starts such a route: a tree T rooted at TO. The first route
 *    follows T from FROM; it is the fastest, and the first in source order
 *    among the fastest.
 * 2. The routes accepted so far form a prefix tree (a trie). Each trie node
 *    x (a route's first moves) has at most one candidate at a time: the best
 *    route that starts with x's moves and then leaves the trie at x, found by
 *    a "spur search" from x's role that skips the roles before it and the
 *    moves out of x already in the trie. A trie node gets a new candidate
 *    when it is created and when its candidate is accepted (Lawler): every
 *    route is found once, and nothing is stored but the trie and one cost
 *    per candidate. An accepted candidate is searched again to get its moves
 *    (the trie node's children cannot change while it waits, so the same
 *    search finds the same route).
 * 3. A spur search is A* with h as the heuristic (h is exact on the whole
 *    ladder, so admissible and consistent on any part of it), and it stops
 *    at the first role v it settles whose path in T to TO avoids the roles
 *    already used: g(v) + h(v) is then reached, and nothing cheaper exists.
 *    A role's T path avoids them when the role lies in none of their T
 *    subtrees; marking those subtrees costs O(roles) per accepted route.
 * 4. When a route's spur searches together settle more than twice the
 *    ladder's size (many roles whose fastest way runs back through the
 *    route's first roles, settled again by every search), a sweep computes
 *    the remaining spurs' costs instead: one Dijkstra without the route's
 *    roles, then the roles put back from the last, each lowering the
 *    distances it shortens (see sweep_candidates).
 *
 * Work: O((n + m) log n) for step 1, then per accepted route O(n) marking,
 * O(n + m) of A* and at most one sweep, O((n + m) log n) plus the distances
 * its roles lower: on bands, chains, grids and random ladders a route costs
 * about its length; the worst case known (each role put back lowers the
 * distances of a large part of the ladder) is quadratic, as Yen's is.
 * Memory: O(n + m + routes x length). No recursion (a chain of a million
 * roles must not overflow the stack). */
#include "path.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "escape.h"
#include "suggest.h"
#include "heap.h"
#include "util.h"

#define NONE UINT32_MAX

/* Arrays are sized by counts that may be 0 (a ladder without transitions):
 * heap_calloc allocates one byte for a count of 0, and nothing here
 * reads an element a count does not cover. */

/* How much work a route's A* spur searches may do together, in multiples of
 * the ladder's size (roles + moves), before the sweep takes over. The tests
 * also build ladderc with 0, which sends every spur through the sweep. */
#ifndef PATH_SPUR_WORK_FACTOR
#define PATH_SPUR_WORK_FACTOR 2
#endif

/* The last stamp of the epochs and searches (see next_stamp). The tests
 * also build ladderc with 7, so that the stamps start again, and stale ones
 * meet new ones, within a small run, as they would after 2^32 searches. */
#ifndef PATH_STAMP_MAX
#define PATH_STAMP_MAX UINT32_MAX
#endif

/* ---- costs ---- */

struct cost {
    uint32_t unknown, steps;
    uint32_t open;          /* moves whose years are open ('3..'): the total has no maximum */
    int64_t min, max;       /* millionths of a year, saturating; an open move adds its minimum to both */
};

/* -1, 0 or 1 as a is less than, equal to or greater than b; without a
 * branch, so no side of it waits for a test to reach (which sides qsort's
 * calls take in route_cmp depends on its algorithm, not on the input) */
static int cmp_i64(int64_t a, int64_t b) { return (a > b) - (a < b); }

static int cost_cmp(const struct cost *a, const struct cost *b)
{
    int c = cmp_i64(a->unknown, b->unknown);
    if (c == 0)
        c = cmp_i64(a->min, b->min);
    if (c == 0)
        c = cmp_i64(a->max, b->max);
    if (c == 0)
        c = cmp_i64(a->steps, b->steps);
    return c;
}

/* Both operands are >= 0 (years are never negative: E141). */
static int64_t add_saturating(int64_t a, int64_t b) { return a > INT64_MAX - b ? INT64_MAX : a + b; }

static struct cost cost_add(struct cost a, struct cost b)
{
    return (struct cost){a.unknown + b.unknown, a.steps + b.steps, a.open + b.open, add_saturating(a.min, b.min),
                         add_saturating(a.max, b.max)};
}

/* Years are at most 1e9 with at most 6 decimals shown: millionths fit. */
static int64_t millionths(double years) { return (int64_t)llround(years * 1e6); }

static struct cost move_cost(const struct model_transition *t)
{
    if (!t->years.known)
        return (struct cost){1, 1, 0, 0, 0};
    return (struct cost){0, 1, t->years.open, millionths(t->years.min), millionths(t->years.max)};
}

/* ---- a binary heap of (cost, tie, id), least first; equal costs go by
 * tie, then by insertion order, so the search is deterministic ---- */

struct pq_item {
    struct cost key;
    uint32_t tie, id;
    uint64_t seq;
};

struct pq {
    struct heap *mem;
    struct pq_item *a;
    size_t len, cap;
    uint64_t seq;
};

static bool item_less(const struct pq_item *x, const struct pq_item *y)
{
    int c = cost_cmp(&x->key, &y->key);
    if (c != 0)
        return c < 0;
    if (x->tie != y->tie)
        return x->tie < y->tie;
    return x->seq < y->seq;
}

static void pq_push(struct pq *h, struct cost key, uint32_t tie, uint32_t id)
{
    if (h->len == h->cap) {
        h->cap = h->cap ? h->cap * 2 : 64;
        h->a = heap_realloc(h->mem, h->a, h->cap * sizeof *h->a);
    }
    struct pq_item it = {key, tie, id, h->seq++};
    size_t i = h->len++;
    while (i > 0 && item_less(&it, &h->a[(i - 1) / 2])) {
        h->a[i] = h->a[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h->a[i] = it;
}

static struct pq_item pq_pop(struct pq *h)
{
    struct pq_item top = h->a[0], last = h->a[--h->len];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= h->len)
            break;
        if (c + 1 < h->len && item_less(&h->a[c + 1], &h->a[c]))
            c++;
        if (!item_less(&h->a[c], &last))
            break;
        h->a[i] = h->a[c];
        i = c;
    }
    if (h->len)
        h->a[i] = last;
    return top;
}

/* ---- the ladder as a graph: transitions out of and into each role, in
 * source order ---- */

struct graph {
    struct heap *mem;
    const struct model *m;
    uint32_t *out_start, *out_edges;
    uint32_t *in_start, *in_edges;
    struct cost *w;         /* per transition */
};

static void index_edges(struct heap *mem, size_t nroles, size_t nedges, const struct model_transition *t, bool by_to,
                        uint32_t **start_out, uint32_t **edges_out)
{
    uint32_t *start = heap_calloc(mem, nroles + 1, sizeof *start);
    uint32_t *edges = heap_calloc(mem, nedges, sizeof *edges);
    for (size_t e = 0; e < nedges; e++)
        start[(by_to ? t[e].to : t[e].from) + 1]++;
    for (size_t r = 0; r < nroles; r++)
        start[r + 1] += start[r];
    uint32_t *fill = heap_calloc(mem, nroles, sizeof *fill);
    for (size_t e = 0; e < nedges; e++) {
        size_t r = by_to ? t[e].to : t[e].from;
        edges[start[r] + fill[r]++] = (uint32_t)e;
    }
    heap_free(mem, fill);
    *start_out = start;
    *edges_out = edges;
}

static void graph_build(struct graph *g, const struct model *m)
{
    g->m = m;
    index_edges(g->mem, m->nroles, m->ntransitions, m->transitions, false, &g->out_start, &g->out_edges);
    index_edges(g->mem, m->nroles, m->ntransitions, m->transitions, true, &g->in_start, &g->in_edges);
    g->w = heap_calloc(g->mem, m->ntransitions, sizeof *g->w);
    for (size_t e = 0; e < m->ntransitions; e++)
        g->w[e] = move_cost(&m->transitions[e]);
}

static void graph_free(struct graph *g)
{
    heap_free(g->mem, g->out_start);
    heap_free(g->mem, g->out_edges);
    heap_free(g->mem, g->in_start);
    heap_free(g->mem, g->in_edges);
    heap_free(g->mem, g->w);
}

/* ---- step 1: the tree T of fastest routes to TO ---- */

struct tree {
    struct heap *mem;
    struct cost *h;         /* least cost from each role to TO */
    bool *reach;            /* the role has a route to TO */
    uint32_t *next;         /* the earliest transition starting a fastest route; NONE at TO */
    uint32_t *tin, *tout;   /* T's preorder: v's subtree is order[tin[v] .. tout[v]) */
    uint32_t *order;
};

static void tree_distances(struct tree *t, const struct graph *g, uint32_t to)
{
    const struct model *m = g->m;
    bool *done = heap_calloc(g->mem, m->nroles, sizeof *done);
    struct pq q = {.mem = g->mem};
    t->reach[to] = true;
    pq_push(&q, t->h[to], 0, to);
    while (q.len) {
        struct pq_item it = pq_pop(&q);
        uint32_t v = it.id;
        if (done[v])
            continue;
        done[v] = true;
        for (uint32_t k = g->in_start[v]; k < g->in_start[v + 1]; k++) {
            uint32_t e = g->in_edges[k], u = (uint32_t)m->transitions[e].from;
            struct cost c = cost_add(t->h[v], g->w[e]);
            if (!done[u] && (!t->reach[u] || cost_cmp(&c, &t->h[u]) < 0)) {
                t->reach[u] = true;
                t->h[u] = c;
                pq_push(&q, c, 0, u);
            }
        }
    }
    heap_free(g->mem, q.a);
    heap_free(g->mem, done);
}

/* next(v): the first transition in source order on a fastest route. Every
 * move has a step, so h falls strictly along next: T has no cycle. */
static void tree_links(struct tree *t, const struct graph *g, uint32_t to)
{
    const struct model *m = g->m;
    for (size_t v = 0; v < m->nroles; v++) {
        t->next[v] = NONE;
        if (!t->reach[v] || v == to)
            continue;
        for (uint32_t k = g->out_start[v]; k < g->out_start[v + 1]; k++) {
            uint32_t e = g->out_edges[k], w = (uint32_t)m->transitions[e].to;
            if (!t->reach[w])
                continue;
            struct cost c = cost_add(t->h[w], g->w[e]);
            if (cost_cmp(&c, &t->h[v]) == 0) {
                t->next[v] = e;
                break;
            }
        }
    }
}

/* Preorder numbering of T from its root TO, iteratively. */
static void tree_number(struct tree *t, const struct graph *g, uint32_t to)
{
    const struct model *m = g->m;
    size_t n = m->nroles;
    uint32_t *kid_start = heap_calloc(g->mem, n + 1, sizeof *kid_start);
    uint32_t *kids = heap_calloc(g->mem, n, sizeof *kids);
    for (size_t v = 0; v < n; v++)
        if (t->next[v] != NONE)
            kid_start[m->transitions[t->next[v]].to + 1]++;
    for (size_t v = 0; v < n; v++)
        kid_start[v + 1] += kid_start[v];
    uint32_t *fill = heap_calloc(g->mem, n, sizeof *fill);
    for (size_t v = 0; v < n; v++)
        if (t->next[v] != NONE) {
            size_t p = m->transitions[t->next[v]].to;
            kids[kid_start[p] + fill[p]++] = (uint32_t)v;
        }
    uint32_t *stack = fill;     /* reused: at most n roles are pending */
    size_t depth = 0, pos = 0;
    stack[depth++] = to;
    while (depth) {
        uint32_t v = stack[--depth];
        t->tin[v] = (uint32_t)pos;
        t->order[pos++] = v;
        for (uint32_t k = kid_start[v]; k < kid_start[v + 1]; k++)
            stack[depth++] = kids[k];
    }
    /* subtree sizes, children before parents: reverse preorder */
    for (size_t v = 0; v < n; v++)
        t->tout[v] = 1;
    for (size_t i = pos; i-- > 1;) {
        uint32_t v = t->order[i];
        t->tout[m->transitions[t->next[v]].to] += t->tout[v];
    }
    for (size_t i = 0; i < pos; i++) {
        uint32_t v = t->order[i];
        t->tout[v] += t->tin[v];
    }
    heap_free(g->mem, kid_start);
    heap_free(g->mem, kids);
    heap_free(g->mem, fill);
}

static void tree_build(struct tree *t, const struct graph *g, uint32_t to)
{
    size_t n = g->m->nroles;
    t->h = heap_calloc(g->mem, n, sizeof *t->h);
    t->reach = heap_calloc(g->mem, n, sizeof *t->reach);
    t->next = heap_calloc(g->mem, n, sizeof *t->next);
    t->tin = heap_calloc(g->mem, n, sizeof *t->tin);
    t->tout = heap_calloc(g->mem, n, sizeof *t->tout);
    t->order = heap_calloc(g->mem, n, sizeof *t->order);
    tree_distances(t, g, to);
    tree_links(t, g, to);
    tree_number(t, g, to);
}

static void tree_free(struct tree *t)
{
    heap_free(t->mem, t->h);
    heap_free(t->mem, t->reach);
    heap_free(t->mem, t->next);
    heap_free(t->mem, t->tin);
    heap_free(t->mem, t->tout);
    heap_free(t->mem, t->order);
}

/* ---- steps 2 and 3: the search ---- */

/* A node of the trie of accepted routes: the route prefix that ends with
 * transition `edge` (NONE at the root, which is FROM). */
struct tnode {
    uint32_t parent, edge, child, sibling;
};

struct search {
    struct heap *mem;
    const struct model *m;
    struct graph g;
    struct tree t;
    uint32_t from, to;

    struct tnode *trie;
    size_t ntrie, trie_cap;
    uint32_t *leaves;       /* accepted routes, in the order accepted */
    size_t nleaves, leaves_cap;
    struct pq cand;       /* candidates: (total cost, trie node) */

    /* the current root prefix (an "epoch"): roles a spur search may not
     * enter, and roles whose T path meets the prefix */
    uint32_t *removed, *unclean, epoch;
    /* one spur search (stamped with its id, so nothing is cleared) */
    uint32_t *seen, *closed, *blocked, *pred, id;
    struct cost *gcost;
    struct pq open;
    uint32_t *scratch;      /* trie nodes of one route; moves of one spur */
};

static uint32_t trie_role(const struct search *s, uint32_t x)
{
    uint32_t e = s->trie[x].edge;
    return e == NONE ? s->from : (uint32_t)s->m->transitions[e].to;
}

static uint32_t trie_add(struct search *s, uint32_t parent, uint32_t edge)
{
    if (s->ntrie == s->trie_cap) {
        s->trie_cap = s->trie_cap ? s->trie_cap * 2 : 256;
        s->trie = heap_realloc(s->mem, s->trie, s->trie_cap * sizeof *s->trie);
    }
    uint32_t x = (uint32_t)s->ntrie++;
    s->trie[x] = (struct tnode){parent, edge, NONE, NONE};
    if (parent != NONE) {
        s->trie[x].sibling = s->trie[parent].child;
        s->trie[parent].child = x;
    }
    return x;
}

static void accept_leaf(struct search *s, uint32_t leaf)
{
    if (s->nleaves == s->leaves_cap) {
        s->leaves_cap = s->leaves_cap ? s->leaves_cap * 2 : 16;
        s->leaves = heap_realloc(s->mem, s->leaves, s->leaves_cap * sizeof *s->leaves);
    }
    s->leaves[s->nleaves++] = leaf;
}

/* A new stamp, 1 to PATH_STAMP_MAX; after the last one the stamped arrays
 * are cleared and the stamps start again from 1. */
static uint32_t next_stamp(uint32_t *stamp, uint32_t **arrays, size_t narrays, const size_t *sizes)
{
    if (*stamp == PATH_STAMP_MAX) {
        for (size_t i = 0; i < narrays; i++)
            memset(arrays[i], 0, sizes[i] * sizeof *arrays[i]);
        *stamp = 0;
    }
    return ++*stamp;
}

static void epoch_begin(struct search *s)
{
    uint32_t *arrays[] = {s->removed, s->unclean};
    size_t sizes[] = {s->m->nroles, s->m->nroles};
    next_stamp(&s->epoch, arrays, 2, sizes);
}

/* Adds role r to the root prefix: its T subtree becomes unclean (a marked
 * subtree is skipped whole, so an epoch marks each role at most once). r is
 * on an accepted route, so it reaches TO and is in T. */
static void epoch_add(struct search *s, uint32_t r, bool removed)
{
    if (removed)
        s->removed[r] = s->epoch;
    if (s->unclean[r] == s->epoch)
        return;
    for (uint32_t i = s->t.tin[r]; i < s->t.tout[r];) {
        uint32_t v = s->t.order[i];
        if (s->unclean[v] == s->epoch) {
            i = s->t.tout[v];
        } else {
            s->unclean[v] = s->epoch;
            i++;
        }
    }
}

static uint32_t search_begin(struct search *s)
{
    uint32_t *arrays[] = {s->seen, s->closed, s->blocked};
    size_t sizes[] = {s->m->nroles, s->m->nroles, s->m->ntransitions};
    return next_stamp(&s->id, arrays, 3, sizes);
}

enum spur { SPUR_NONE, SPUR_FOUND, SPUR_OVER };

/* The spur search from trie node x under the current epoch. SPUR_NONE when
 * no route leaves the trie at x; SPUR_FOUND sets *cost (from x's role to TO)
 * and, when moves is not NULL, writes the moves into s->scratch and their
 * number into *moves; SPUR_OVER when *work (roles settled plus moves looked
 * at, added to as it goes) passed limit first. */
static enum spur spur_search(struct search *s, uint32_t x, struct cost *cost, size_t *moves, size_t *work,
                             size_t limit)
{
    const struct model *m = s->m;
    const struct tree *t = &s->t;
    uint32_t start = trie_role(s, x);
    uint32_t id = search_begin(s);
    for (uint32_t c = s->trie[x].child; c != NONE; c = s->trie[c].sibling)
        s->blocked[s->trie[c].edge] = id;
    s->open.len = 0;
    s->open.seq = 0;
    s->seen[start] = id;
    s->gcost[start] = (struct cost){0};
    s->pred[start] = NONE;
    pq_push(&s->open, t->h[start], t->h[start].steps, start);
    while (s->open.len) {
        struct pq_item it = pq_pop(&s->open);
        uint32_t v = it.id;
        if (s->closed[v] == id)
            continue;   /* an older, costlier entry */
        s->closed[v] = id;
        *work += 1 + (s->g.out_start[v + 1] - s->g.out_start[v]);
        if (*work > limit)
            return SPUR_OVER;
        if (v != start && s->unclean[v] != s->epoch) {
            *cost = it.key;
            if (moves) {
                size_t n = 0;
                for (uint32_t u = v; u != start; u = (uint32_t)m->transitions[s->pred[u]].from)
                    s->scratch[n++] = s->pred[u];
                for (size_t i = 0; i < n / 2; i++) {
                    uint32_t tmp = s->scratch[i];
                    s->scratch[i] = s->scratch[n - 1 - i];
                    s->scratch[n - 1 - i] = tmp;
                }
                for (uint32_t u = v; u != s->to; u = (uint32_t)m->transitions[t->next[u]].to)
                    s->scratch[n++] = t->next[u];
                *moves = n;
            }
            return SPUR_FOUND;
        }
        for (uint32_t k = s->g.out_start[v]; k < s->g.out_start[v + 1]; k++) {
            uint32_t e = s->g.out_edges[k], w = (uint32_t)m->transitions[e].to;
            if ((v == start && s->blocked[e] == id) || !t->reach[w] || s->removed[w] == s->epoch
                || s->closed[w] == id)
                continue;
            struct cost g = cost_add(s->gcost[v], s->g.w[e]);
            if (s->seen[w] != id || cost_cmp(&g, &s->gcost[w]) < 0) {
                s->seen[w] = id;
                s->gcost[w] = g;
                s->pred[w] = e;
                pq_push(&s->open, cost_add(g, t->h[w]), t->h[w].steps, w);
            }
        }
    }
    return SPUR_NONE;
}

/* The trie nodes from the root to x, into s->scratch; returns how many. */
static size_t trie_path(struct search *s, uint32_t x)
{
    size_t n = 0;
    for (uint32_t y = x; y != NONE; y = s->trie[y].parent)
        s->scratch[n++] = y;
    for (size_t i = 0; i < n / 2; i++) {
        uint32_t tmp = s->scratch[i];
        s->scratch[i] = s->scratch[n - 1 - i];
        s->scratch[n - 1 - i] = tmp;
    }
    return n;
}

/* The sweep, for spur searches that cost too much (a ladder where many
 * roles' fastest way to TO runs through the route's first roles, so each
 * A* settles them all again): the exact distances to TO without the route's
 * roles, by one Dijkstra over the reversed moves, then the route's roles
 * put back one at a time from the end, each lowering the distances it
 * shortens. Before role j is put back the distances are those without
 * roles 0..j, which is what the spur at j needs: its cost is the least
 * move out of role j that is not in the trie, plus the distance of where
 * it leads. Sets s->gcost (distances) and s->seen (finite) under a fresh
 * search id, and s->removed (roles still out) under a fresh epoch. */
static void sweep_relax(struct search *s, struct pq *q, uint32_t id)
{
    const struct model *m = s->m;
    while (q->len) {
        struct pq_item it = pq_pop(q);
        uint32_t v = it.id;
        if (cost_cmp(&it.key, &s->gcost[v]) != 0)
            continue;   /* lowered again since */
        for (uint32_t k = s->g.in_start[v]; k < s->g.in_start[v + 1]; k++) {
            uint32_t e = s->g.in_edges[k], u = (uint32_t)m->transitions[e].from;
            if (s->removed[u] == s->epoch)
                continue;
            struct cost c = cost_add(s->gcost[v], s->g.w[e]);
            if (s->seen[u] != id || cost_cmp(&c, &s->gcost[u]) < 0) {
                s->seen[u] = id;
                s->gcost[u] = c;
                pq_push(q, c, 0, u);
            }
        }
    }
}

static void sweep_candidates(struct search *s, const uint32_t *nodes, const struct cost *prefix, size_t n, size_t lo)
{
    const struct model *m = s->m;
    epoch_begin(s);
    for (size_t j = 0; j + 1 < n; j++)
        s->removed[trie_role(s, nodes[j])] = s->epoch;
    uint32_t id = search_begin(s);
    struct pq q = {.mem = s->mem};
    s->seen[s->to] = id;
    s->gcost[s->to] = (struct cost){0};
    pq_push(&q, s->gcost[s->to], 0, s->to);
    sweep_relax(s, &q, id);
    /* lo <= n - 2: add_candidates calls this for a node before the route's end */
    for (size_t j = n - 2;; j--) {
        uint32_t x = nodes[j], r = trie_role(s, x);
        for (uint32_t c = s->trie[x].child; c != NONE; c = s->trie[c].sibling)
            s->blocked[s->trie[c].edge] = id;
        bool found = false, any = false;
        struct cost best = {0}, least = {0};
        for (uint32_t k = s->g.out_start[r]; k < s->g.out_start[r + 1]; k++) {
            uint32_t e = s->g.out_edges[k], w = (uint32_t)m->transitions[e].to;
            if (s->removed[w] == s->epoch || s->seen[w] != id)
                continue;
            struct cost c = cost_add(s->g.w[e], s->gcost[w]);
            if (!any || cost_cmp(&c, &least) < 0)
                least = c;
            any = true;
            if (s->blocked[e] != id && (!found || cost_cmp(&c, &best) < 0)) {
                best = c;
                found = true;
            }
        }
        for (uint32_t c = s->trie[x].child; c != NONE; c = s->trie[c].sibling)
            s->blocked[s->trie[c].edge] = 0;
        if (found)
            pq_push(&s->cand, cost_add(prefix[j], best), (uint32_t)j, x);
        if (j == lo)
            break;      /* the last spur: no role before it needs r's distance */
        /* put role r back: its distance, then whom it brings closer. Its move
         * on the route leads to the role put back just before (or to TO), so
         * `least` is set: r always has a distance. */
        s->removed[r] = 0;
        s->seen[r] = id;
        s->gcost[r] = least;
        pq_push(&q, least, 0, r);
        sweep_relax(s, &q, id);
    }
    heap_free(s->mem, q.a);
}

/* Lawler: a route accepted at `leaf`, which left the older routes at depth
 * dev, gets a candidate at each of its trie nodes from depth dev on. Each
 * is an A* spur search; when they have together done more work than
 * PATH_SPUR_WORK_FACTOR times the ladder's size, the sweep does the rest,
 * so a route costs at most O((n + m) log n) beyond what the sweep's
 * updates cost. */
static void add_candidates(struct search *s, uint32_t leaf, size_t dev)
{
    size_t n = trie_path(s, leaf);
    uint32_t *nodes = heap_alloc(s->mem, n * sizeof *nodes);
    struct cost *prefix = heap_alloc(s->mem, n * sizeof *prefix);    /* cost from FROM to nodes[j] */
    memcpy(nodes, s->scratch, n * sizeof *nodes);
    prefix[0] = (struct cost){0};
    for (size_t j = 1; j < n; j++)
        prefix[j] = cost_add(prefix[j - 1], s->g.w[s->trie[nodes[j]].edge]);
    size_t work = 0, limit = PATH_SPUR_WORK_FACTOR * (s->m->nroles + s->m->ntransitions);
    epoch_begin(s);
    for (size_t j = 0; j + 1 < n; j++) {
        uint32_t x = nodes[j], r = trie_role(s, x);
        /* out of the later spurs; the spur from r itself never comes back
         * to r (it is closed first) */
        epoch_add(s, r, true);
        if (j < dev)
            continue;   /* before the deviation: the older routes' candidates */
        struct cost spur;
        enum spur found = spur_search(s, x, &spur, NULL, &work, limit);
        if (found == SPUR_OVER) {
            sweep_candidates(s, nodes, prefix, n, j);
            break;
        }
        if (found == SPUR_FOUND)
            pq_push(&s->cand, cost_add(prefix[j], spur), (uint32_t)j, x);
    }
    heap_free(s->mem, nodes);
    heap_free(s->mem, prefix);
}

/* Accepts the candidate of trie node x: searches its spur again, adds it to
 * the trie, and gives the new route's nodes their candidates. */
static void accept_candidate(struct search *s, uint32_t x)
{
    epoch_begin(s);
    size_t depth = 0;   /* of x: the root is at depth 0 */
    for (uint32_t y = x; y != NONE; y = s->trie[y].parent) {
        epoch_add(s, trie_role(s, y), y != x);
        if (y != x)
            depth++;
    }
    struct cost spur;
    size_t moves = 0, work = 0;
    if (spur_search(s, x, &spur, &moves, &work, SIZE_MAX) != SPUR_FOUND)
        return;     /* cannot happen: the same search found it before */
    uint32_t *edges = heap_alloc(s->mem, moves * sizeof *edges);
    memcpy(edges, s->scratch, moves * sizeof *edges);
    uint32_t leaf = x;
    for (size_t i = 0; i < moves; i++)
        leaf = trie_add(s, leaf, edges[i]);
    heap_free(s->mem, edges);
    accept_leaf(s, leaf);
    add_candidates(s, leaf, depth);
}

static void accept_first(struct search *s)
{
    uint32_t leaf = trie_add(s, NONE, NONE);
    for (uint32_t r = s->from; r != s->to; r = (uint32_t)s->m->transitions[s->t.next[r]].to)
        leaf = trie_add(s, leaf, s->t.next[r]);
    accept_leaf(s, leaf);
    add_candidates(s, leaf, 0);
}

static void search_init(struct search *s, struct heap *mem, const struct model *m, size_t from, size_t to)
{
    memset(s, 0, sizeof *s);
    s->mem = s->g.mem = s->t.mem = s->cand.mem = s->open.mem = mem;
    s->m = m;
    s->from = (uint32_t)from;
    s->to = (uint32_t)to;
    graph_build(&s->g, m);
    tree_build(&s->t, &s->g, s->to);
    size_t n = m->nroles, e = m->ntransitions;
    s->removed = heap_calloc(s->mem, n, sizeof *s->removed);
    s->unclean = heap_calloc(s->mem, n, sizeof *s->unclean);
    s->seen = heap_calloc(s->mem, n, sizeof *s->seen);
    s->closed = heap_calloc(s->mem, n, sizeof *s->closed);
    s->pred = heap_calloc(s->mem, n, sizeof *s->pred);
    s->blocked = heap_calloc(s->mem, e, sizeof *s->blocked);
    s->gcost = heap_calloc(s->mem, n, sizeof *s->gcost);
    s->scratch = heap_calloc(s->mem, n + 1, sizeof *s->scratch);
}

static void search_free(struct search *s)
{
    graph_free(&s->g);
    tree_free(&s->t);
    heap_free(s->mem, s->trie);
    heap_free(s->mem, s->leaves);
    heap_free(s->mem, s->cand.a);
    heap_free(s->mem, s->removed);
    heap_free(s->mem, s->unclean);
    heap_free(s->mem, s->seen);
    heap_free(s->mem, s->closed);
    heap_free(s->mem, s->pred);
    heap_free(s->mem, s->blocked);
    heap_free(s->mem, s->gcost);
    heap_free(s->mem, s->open.a);
    heap_free(s->mem, s->scratch);
}

/* ---- routes as data ---- */

static int route_cmp(const void *pa, const void *pb)
{
    const struct path_route *a = pa, *b = pb;
    int c = cmp_i64((int64_t)a->nunknown, (int64_t)b->nunknown);
    if (c == 0)
        c = cmp_i64(a->min, b->min);
    if (c == 0)
        c = cmp_i64(a->max, b->max);
    if (c == 0)
        c = cmp_i64((int64_t)a->nsteps, (int64_t)b->nsteps);
    for (size_t i = 0; c == 0 && i < a->nsteps; i++)
        c = cmp_i64(a->steps[i], b->steps[i]);
    return c;
}

/* Copies the accepted routes out of the trie, totals them, and puts equal
 * routes in source order (the search accepts them by cost alone). */
static void collect_routes(struct search *s, struct path_routes *out)
{
    size_t total = 0;
    for (size_t i = 0; i < s->nleaves; i++)
        total += trie_path(s, s->leaves[i]) - 1;
    out->steps = heap_calloc(s->mem, total, sizeof *out->steps);
    out->routes = heap_calloc(s->mem, s->nleaves, sizeof *out->routes);
    out->nroutes = s->nleaves;
    size_t at = 0;
    for (size_t i = 0; i < s->nleaves; i++) {
        size_t n = trie_path(s, s->leaves[i]);
        struct path_route *r = &out->routes[i];
        struct cost c = {0};     /* its steps are not read: r->nsteps counts them */
        r->steps = out->steps + at;
        r->nsteps = n - 1;
        for (size_t j = 1; j < n; j++) {
            uint32_t e = s->trie[s->scratch[j]].edge;
            out->steps[at++] = e;
            c = cost_add(c, s->g.w[e]);
        }
        r->nunknown = c.unknown;
        r->open = c.open > 0;
        r->min = c.min;
        r->max = c.max;
    }
    if (out->nroutes > 1)
        qsort(out->routes, out->nroutes, sizeof *out->routes, route_cmp);
}

void path_search(struct heap *mem, const struct model *m, size_t from, size_t to, size_t max,
                 struct path_routes *out)
{
    memset(out, 0, sizeof *out);
    out->heap = mem;
    if (max == 0 || from == to || from >= m->nroles || to >= m->nroles)
        return;
    struct search s;
    search_init(&s, mem, m, from, to);
    if (s.t.reach[from]) {
        accept_first(&s);
        while (s.nleaves < max && s.cand.len)
            accept_candidate(&s, pq_pop(&s.cand).id);
    }
    collect_routes(&s, out);
    search_free(&s);
}

void path_routes_free(struct path_routes *r)
{
    heap_free(r->heap, r->routes);
    heap_free(r->heap, r->steps);
    r->routes = NULL;
    r->steps = NULL;
    r->nroutes = 0;
}

/* ---- finding roles ---- */

size_t path_find_roles(const struct model *m, const char *text, size_t *found, size_t cap)
{
    for (size_t i = 0; i < m->nroles; i++)
        if (strcmp(m->roles[i].id, text) == 0) {
            found[0] = i;
            return 1;
        }
    size_t n = 0;
    for (size_t i = 0; i < m->nroles; i++)
        if (strcasecmp(m->roles[i].name, text) == 0) {
            if (n < cap)
                found[n] = i;
            n++;
        }
    return n;
}

static const char *role_key_at(const void *ctx, size_t i)
{
    const struct model *m = ctx;
    return i < m->nroles ? m->roles[i].id : m->roles[i - m->nroles].name;
}

const char *path_suggest_role(const struct model *m, const char *text)
{
    return suggest_closest(text, 2 * m->nroles, role_key_at, m);
}

/* ---- printing ---- */

/* A total in millionths as a person writes it: 3, 0.5, 12.25. */
static void put_millionths(struct buf *out, int64_t v)
{
    buf_printf(out, "%lld", (long long)(v / 1000000));
    int64_t frac = v % 1000000;
    if (frac) {
        char digits[8];
        int n = 0;
        for (int64_t d = 100000; frac; d /= 10) {
            digits[n++] = (char)('0' + frac / d);
            frac %= d;
        }
        buf_putc(out, '.');
        buf_put(out, digits, (size_t)n);
    }
}

static void put_years(struct buf *out, const struct path_route *r)
{
    if (r->nunknown) {
        buf_puts(out, "unknown");
        return;
    }
    put_millionths(out, r->min);
    if (r->open) {
        buf_puts(out, "..");    /* "6..": a move's range is open, so is the total */
        return;
    }
    if (r->min != r->max) {
        buf_puts(out, "..");
        put_millionths(out, r->max);
    }
}

void path_years_put(struct buf *out, const struct path_route *r) { put_years(out, r); }

static void put_term(struct buf *out, const char *s) { escape_terminal(out, s, strlen(s)); }

/* " (no years known for a to b, c to d)": every move whose years are unknown
 * (a route visits a role once, so the list is bounded by the ladder). */
static void put_unknown_moves(struct buf *out, const struct model *m, const struct path_route *r,
                              void (*put)(struct buf *, const char *))
{
    if (!r->nunknown)
        return;
    buf_puts(out, " (no years known for ");
    size_t said = 0;
    for (size_t i = 0; i < r->nsteps; i++) {
        const struct model_transition *t = &m->transitions[r->steps[i]];
        if (t->years.known)
            continue;
        if (said++)
            buf_puts(out, said == r->nunknown ? " and " : ", ");
        put(out, m->roles[t->from].id);
        buf_puts(out, " to ");
        put(out, m->roles[t->to].id);
    }
    buf_putc(out, ')');
}

void path_print_text(struct buf *out, const struct model *m, const struct path_routes *rs)
{
    for (size_t k = 0; k < rs->nroutes; k++) {
        const struct path_route *r = &rs->routes[k];
        put_years(out, r);
        buf_puts(out, " years: ");
        put_term(out, m->roles[m->transitions[r->steps[0]].from].name);
        for (size_t i = 0; i < r->nsteps; i++) {
            const struct model_transition *t = &m->transitions[r->steps[i]];
            buf_printf(out, " -(%s)-> ", model_kind_name(t->kind));
            put_term(out, m->roles[t->to].name);
        }
        put_unknown_moves(out, m, r, put_term);
        buf_putc(out, '\n');
    }
}

void path_print_md(struct buf *out, const struct model *m, const struct path_routes *rs)
{
    buf_puts(out, "| # | Route | Steps | Years |\n| --- | --- | --- | --- |\n");
    for (size_t k = 0; k < rs->nroutes; k++) {
        const struct path_route *r = &rs->routes[k];
        buf_printf(out, "| %zu | ", k + 1);
        escape_md(out, m->roles[m->transitions[r->steps[0]].from].name);
        for (size_t i = 0; i < r->nsteps; i++) {
            const struct model_transition *t = &m->transitions[r->steps[i]];
            buf_printf(out, " → (%s) ", model_kind_name(t->kind));
            escape_md(out, m->roles[t->to].name);
        }
        buf_printf(out, " | %zu | ", r->nsteps);
        put_years(out, r);
        put_unknown_moves(out, m, r, escape_md);
        buf_puts(out, " |\n");
    }
}
