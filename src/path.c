/* path.c - route search: an iterative depth-first search over simple paths
 * (no recursion: a chain of a million roles must not overflow the stack),
 * bounded by a step budget, then a sort by total years. */
#include "path.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "escape.h"
#include "suggest.h"
#include "util.h"

/* The search stops (and says so) after this many steps, routes, or steps
 * stored in routes (80 MB): the number of simple paths grows exponentially
 * with the graph, and a route is as long as the ladder is deep. */
enum { PATH_STEP_BUDGET = 2000000, PATH_ROUTE_BUDGET = 10000, PATH_STORE_BUDGET = 20000000 };

struct route {
    uint32_t *steps;        /* transition indices (the checker caps files far below 2^32 lines) */
    size_t nsteps;
    bool known;
    double min, max;
};

struct search {
    const struct model *m;
    size_t *out_start, *out_list;   /* adjacency: transitions leaving each role */
    struct route *routes;
    size_t nroutes, cap;
    size_t stored;                  /* steps kept in routes */
};

long path_find_role(const struct model *m, const char *text)
{
    for (size_t i = 0; i < m->nroles; i++)
        if (strcmp(m->roles[i].id, text) == 0)
            return (long)i;
    for (size_t i = 0; i < m->nroles; i++)
        if (strcasecmp(m->roles[i].name, text) == 0)
            return (long)i;
    return -1;
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

static void build_adjacency(struct search *s)
{
    const struct model *m = s->m;
    s->out_start = util_xcalloc(m->nroles + 1, sizeof *s->out_start);
    s->out_list = util_xcalloc(m->ntransitions, sizeof *s->out_list);
    for (size_t t = 0; t < m->ntransitions; t++)
        s->out_start[m->transitions[t].from + 1]++;
    for (size_t r = 0; r < m->nroles; r++)
        s->out_start[r + 1] += s->out_start[r];
    size_t *fill = util_xcalloc(m->nroles, sizeof *fill);
    for (size_t t = 0; t < m->ntransitions; t++) {
        size_t r = m->transitions[t].from;
        s->out_list[s->out_start[r] + fill[r]++] = t;   /* source order kept */
    }
    free(fill);
}

static void record_route(struct search *s, const size_t *steps, size_t n)
{
    if (s->nroutes == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->routes = util_xrealloc(s->routes, s->cap * sizeof *s->routes);
    }
    struct route *r = &s->routes[s->nroutes++];
    s->stored += n;
    r->steps = util_xmalloc(n * sizeof *r->steps);
    for (size_t i = 0; i < n; i++)
        r->steps[i] = (uint32_t)steps[i];
    r->nsteps = n;
    r->known = true;
    r->min = r->max = 0;
    for (size_t i = 0; i < n; i++) {
        const struct model_years *y = &s->m->transitions[steps[i]].years;
        if (!y->known)
            r->known = false;
        r->min += y->min;
        r->max += y->max;
    }
}

/* Depth-first over simple paths; stack[d] is the next out-edge to try at depth d. */
static bool search_routes(struct search *s, size_t from, size_t to)
{
    const struct model *m = s->m;
    size_t *path = util_xmalloc((m->nroles + 1) * sizeof *path);   /* transitions taken */
    size_t *next = util_xmalloc((m->nroles + 1) * sizeof *next);   /* per depth: next edge */
    bool *on_path = util_xcalloc(m->nroles, sizeof *on_path);
    size_t depth = 0, budget = PATH_STEP_BUDGET;
    size_t at = from;
    on_path[from] = true;
    next[0] = s->out_start[from];
    bool truncated = false;
    for (;;) {
        if (budget-- == 0) {
            truncated = true;
            break;
        }
        if (next[depth] == s->out_start[at + 1]) {      /* this role is exhausted: back up */
            if (depth == 0)
                break;
            on_path[at] = false;
            depth--;
            at = m->transitions[path[depth]].from;
            continue;
        }
        size_t t = s->out_list[next[depth]++];
        size_t dest = m->transitions[t].to;
        if (on_path[dest])
            continue;
        path[depth] = t;
        if (dest == to) {
            record_route(s, path, depth + 1);
            if (s->nroutes == PATH_ROUTE_BUDGET || s->stored >= PATH_STORE_BUDGET) {
                truncated = true;
                break;
            }
            continue;
        }
        on_path[dest] = true;
        at = dest;
        depth++;
        next[depth] = s->out_start[at];
    }
    free(path);
    free(next);
    free(on_path);
    return truncated;
}

static int route_cmp(const void *pa, const void *pb)
{
    const struct route *a = pa, *b = pb;
    if (a->known != b->known)
        return a->known ? -1 : 1;
    if (a->known && a->min != b->min)
        return a->min < b->min ? -1 : 1;
    if (a->known && a->max != b->max)
        return a->max < b->max ? -1 : 1;
    if (a->nsteps != b->nsteps)
        return a->nsteps < b->nsteps ? -1 : 1;
    /* then by the transitions taken, in source order: a total order */
    for (size_t i = 0; i < a->nsteps; i++)
        if (a->steps[i] != b->steps[i])
            return a->steps[i] < b->steps[i] ? -1 : 1;
    return 0;
}

static void put_years(struct buf *out, const struct route *r)
{
    char lo[32], hi[32];
    if (!r->known)
        buf_puts(out, "unknown");
    else if (r->min == r->max)
        buf_printf(out, "%s", model_number_text(r->min, lo, sizeof lo));
    else
        buf_printf(out, "%s..%s", model_number_text(r->min, lo, sizeof lo), model_number_text(r->max, hi, sizeof hi));
}

/* A role's name for a terminal: no control, bidi or zero-width character
 * from the source reaches it (escape_terminal). */
static void put_name_text(struct buf *out, const char *name) { escape_terminal(out, name, strlen(name)); }

static void put_route_text(struct buf *out, const struct model *m, const struct route *r)
{
    put_years(out, r);
    buf_puts(out, " years: ");
    put_name_text(out, m->roles[m->transitions[r->steps[0]].from].name);
    for (size_t i = 0; i < r->nsteps; i++) {
        const struct model_transition *t = &m->transitions[r->steps[i]];
        buf_printf(out, " -(%s)-> ", model_kind_name(t->kind));
        put_name_text(out, m->roles[t->to].name);
    }
    if (!r->known) {
        for (size_t i = 0; i < r->nsteps; i++) {
            const struct model_transition *t = &m->transitions[r->steps[i]];
            if (!t->years.known) {
                buf_printf(out, " (no years known for %s to %s)", m->roles[t->from].id, m->roles[t->to].id);
                break;
            }
        }
    }
    buf_putc(out, '\n');
}

static void put_route_md(struct buf *out, const struct model *m, const struct route *r, size_t n)
{
    buf_printf(out, "| %zu | ", n);
    escape_md(out, m->roles[m->transitions[r->steps[0]].from].name);
    for (size_t i = 0; i < r->nsteps; i++) {
        const struct model_transition *t = &m->transitions[r->steps[i]];
        buf_printf(out, " → (%s) ", model_kind_name(t->kind));
        escape_md(out, m->roles[t->to].name);
    }
    buf_printf(out, " | %zu | ", r->nsteps);
    put_years(out, r);
    buf_puts(out, " |\n");
}

struct path_result path_routes(const struct model *m, size_t from, size_t to, size_t max, bool markdown,
                               struct buf *out)
{
    struct search s = {.m = m};
    build_adjacency(&s);
    struct path_result res = {0};
    res.truncated = search_routes(&s, from, to);
    res.nroutes = s.nroutes;
    if (s.nroutes > 1)
        qsort(s.routes, s.nroutes, sizeof *s.routes, route_cmp);
    size_t shown = max && max < s.nroutes ? max : s.nroutes;
    if (markdown && shown)
        buf_puts(out, "| # | Route | Steps | Years |\n| --- | --- | --- | --- |\n");
    for (size_t i = 0; i < shown; i++) {
        if (markdown)
            put_route_md(out, m, &s.routes[i], i + 1);
        else
            put_route_text(out, m, &s.routes[i]);
    }
    for (size_t i = 0; i < s.nroutes; i++)
        free(s.routes[i].steps);
    free(s.routes);
    free(s.out_start);
    free(s.out_list);
    return res;
}
