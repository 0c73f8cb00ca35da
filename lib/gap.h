/* gap.h - what it takes to go from one role to another (ladderc gap): each
 * competency's rung in both roles, ordered by the size of the gap, and,
 * along the fastest route (path.h), which competencies each move must grow.
 * Computed as data, then printed as text, as Markdown or as JSON. */
#ifndef LADDERC_GAP_H
#define LADDERC_GAP_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "heap.h"
#include "model.h"
#include "path.h"

/* grow: both roles set a rung and TO's is higher; met: both set one and
 * FROM's is as high or higher; unset: a role (or both) sets none, which is
 * no gap of 0 but a question the ladder does not answer. */
enum gap_state { GAP_GROW, GAP_MET, GAP_UNSET };

/* One competency between two roles. */
struct gap_item {
    size_t competency;      /* index into model.competencies */
    int from, to;           /* rungs, 0 when that role sets none */
    enum gap_state state;
};

/* One move of the route: the competencies whose rung rises (both roles set
 * one and the move's target sets a higher one), largest rise first. */
struct gap_step {
    size_t transition;      /* index into model.transitions */
    struct gap_item *rises;
    size_t nrises;
};

struct gap {
    struct heap *heap;      /* where the lists come from */
    size_t from, to;        /* role indices */
    /* Every competency once: grow first, by the size of the gap, largest
     * first; then met, the same way (0 first, then FROM above TO); then
     * unset; ties in the competencies' source order. */
    struct gap_item *items;
    size_t nitems, ngrow, nmet, nunset;
    bool want_route;
    /* with want_route: the fastest route (path_search with max 1, so
     * route.nroutes is 0 when there is none) and its moves */
    struct path_routes route;
    struct gap_step *steps;
    size_t nsteps;
    struct gap_item *rises; /* every step's rises, one after the other */
};

/* The gap from role `from` to role `to` (valid, distinct indices), and with
 * route the fastest route's moves. Work: O(competencies log competencies)
 * plus path_search's, plus O(rungs the route's roles set) for the moves. */
void gap_compute(struct heap *mem, const struct model *m, size_t from, size_t to, bool route, struct gap *out);

void gap_free(struct gap *g);

/* For a terminal: names and texts masked by escape_terminal. */
void gap_print_text(struct buf *out, const struct model *m, const struct gap *g);

/* GitHub Markdown: a heading, a table of the competencies, and with a route
 * a table of its moves; cells render as the names' very characters. */
void gap_print_md(struct buf *out, const struct model *m, const struct gap *g);

/* One JSON object (docs/language.md, "Gaps"): every competency with both
 * rungs' numbers, names and meanings, and the route's moves. */
void gap_print_json(struct buf *out, const struct model *m, const struct gap *g);

#endif
