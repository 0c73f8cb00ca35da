/* layout.h - where the relative map puts its roles and box frames.
 *
 * The file's coordinates say an order, not a distance ("only relative
 * positions matter"): the relative layout keeps each axis's order of roles
 * (left stays left, level stays level) and chooses the spacing, so that no
 * two roles overlap and box frames neither overlap nor take in other roles
 * whenever that order allows it. docs/layout.md explains the algorithm;
 * layout_conflicts finds where the order does not allow it (W153).
 *
 * Everything is in points, y up, computed from ranks and sizes alone:
 * linear after two sorts, whatever the input. */
#ifndef LADDERC_LAYOUT_H
#define LADDERC_LAYOUT_H

#include <stddef.h>

#include "heap.h"
#include "model.h"

/* A rectangle by its centre and size. */
struct layout_place {
    double x, y, w, h;
};

/* A box's frame: its corners; drawn is false for a box with no role. */
struct layout_frame {
    double x0, y0, x1, y1;
    bool drawn;
};

/* The sizes the layout keeps apart (points). */
struct layout_metrics {
    double node_gap;        /* between two roles */
    double box_margin;      /* a frame's border to its roles */
    double box_gap;         /* between two frames, or a frame and a role */
    double label_h;         /* the label strip on top of a frame */
    double base_w, base_h;  /* the plot area the axes' ranges map onto before any push */
};

/* Places the roles of m: roles[i].w and .h are the sizes, set by the
 * caller; .x and .y are written. label_w[k] is the width box k's label
 * needs; frames[k] gets its frame. Every coordinate is a whole point. */
void layout_relative(const struct model *m, const struct layout_metrics *lm, const double *label_w,
                     struct layout_place *roles, struct layout_frame *frames, struct heap *heap);

/* A place where the file's order forbids disjoint frames: two boxes whose
 * roles interleave on both axes (role == SIZE_MAX), or a role lying within
 * the span of a box it does not belong to (box_b == -1). The witnesses are
 * roles: for a pair, across[] says why neither box is left of the other
 * (across[0] is at or right of across[1]) and up[] why neither is below
 * (up[0] is at or above up[1]); for a role, span[] is box_a's leftmost,
 * rightmost, lowest and highest role. */
struct layout_conflict {
    int box_a, box_b;
    size_t role;
    size_t across[2], up[2];
    size_t span[4];
};

/* Fills out[0..max) with the conflicts of m, in a fixed order, and returns
 * how many it found (at most max; more may exist when it returns max).
 * Roles whose position is NaN (not placed) take no part. */
size_t layout_conflicts(const struct model *m, struct heap *heap, struct layout_conflict *out, size_t max);

#endif
