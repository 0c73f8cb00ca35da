/* path.h - routes between two roles (ladderc path): the fastest simple
 * routes along the transitions, computed as data, then printed as text or
 * as a Markdown table. */
#ifndef LADDERC_PATH_H
#define LADDERC_PATH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "heap.h"
#include "model.h"

/* The roles that text names: the role whose id is text (an id always wins
 * over a name), else every role whose name is text, ignoring ASCII case, in
 * source order. Returns how many roles match (0, 1 or more) and writes the
 * first cap of them into found (cap >= 1). */
size_t path_find_roles(const struct model *m, const char *text, size_t *found, size_t cap);

/* The closest role id or name to text, or NULL. */
const char *path_suggest_role(const struct model *m, const char *text);

/* One route: a simple path of transitions from FROM to TO. */
struct path_route {
    const uint32_t *steps;  /* transition indices, in order (into path_routes.steps) */
    size_t nsteps;
    size_t nunknown;        /* moves whose years are unknown (no own years, no default) */
    bool open;              /* a move's years are open ('3..'): the total is min or more */
    int64_t min, max;       /* total of the known years, in millionths of a year */
};

/* Routes in order: fewest moves of unknown years, then least minimum total,
 * then least maximum total, then fewest moves, then the transitions' source
 * order. */
struct path_routes {
    struct heap *heap;      /* where routes and steps come from */
    struct path_route *routes;
    size_t nroutes;
    uint32_t *steps;        /* every route's steps, one after the other */
};

/* The max (>= 1) first routes from role `from` to role `to` (Yen's K
 * shortest simple paths): the first is always a fastest route. Polynomial:
 * about max x (route length) searches, each bounded by the ladder's size. */
void path_search(struct heap *mem, const struct model *m, size_t from, size_t to, size_t max,
                 struct path_routes *out);

void path_routes_free(struct path_routes *r);

/* A route's total years as the routes print it: "6.5..18", "6.." (a move's
 * years are open), "3", "unknown" (ladderc gap shows its route's so). */
void path_years_put(struct buf *out, const struct path_route *r);

/* One line per route: "6.5..18 years: A -(lateral)-> B ...", names masked
 * for a terminal (escape_terminal). */
void path_print_text(struct buf *out, const struct model *m, const struct path_routes *r);

/* A GitHub Markdown table: | # | Route | Steps | Years |; its header alone
 * when there is no route (ladderc path prints nothing then). */
void path_print_md(struct buf *out, const struct model *m, const struct path_routes *r);

#endif
