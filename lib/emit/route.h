/* route.h - the map's arrows and their labels, routed by us, not Graphviz.
 *
 * Graphviz's obstacle-avoiding router (splines=true) costs about the cube of
 * the nodes (docs/routing.md has the measurements); this module computes
 * each arrow's spline and each label's place in near-linear time, from
 * rectangles alone, and the DOT carries them as pos and lp (rendered with
 * Graphviz's nop2 engine, which keeps them).
 *
 * An arrow runs from border to border: straight when the segment crosses no
 * other node, else bent past a node in its way (one cubic Bezier on each
 * side of the bend) when such a bend crosses nothing either, else bent
 * twice (through a gap between rows, then one between columns) when that
 * does, else along a path found by A* on a fine grid (up to 10 bends); a
 * detour longer than 1.5 times the straight line (+60 pt), or out past the
 * outermost nodes, is not taken.
 * A pair of roles with arrows both ways gets two bows, one on each side.
 * A label goes to the first free spot along its arrow (from the middle out,
 * either side), free of every node, every label placed before it and, if
 * it can be, every other arrow; a label with no free spot within its
 * budget is left unplaced (the caller puts the text in a tooltip instead).
 *
 * Work per arrow is bounded (ROUTE_BUDGET tests of a rectangle or a grid
 * cell for the arrow, as many again for its label; the searches share
 * ROUTE_SEARCH_SHARE per arrow and node, at most ROUTE_SEARCH_BUDGET each), so 10k arrows between
 * the same two rows, or every node on one spot, cost linear time: past its
 * budget an arrow stays straight and a label unplaced. Coordinates are
 * Graphviz points, y up. */
#ifndef LADDERC_ROUTE_H
#define LADDERC_ROUTE_H

#include <stdbool.h>
#include <stddef.h>

#include "heap.h"

/* A node: centre and size in points. */
struct route_rect {
    double x, y, w, h;
};

/* An arrow between two nodes (indices into the rectangles) and the size
 * of its label (lw 0: no label). */
struct route_edge {
    size_t from, to;
    double lw, lh;
};

/* Bezier control points: 4 (one cubic, straight), then 3 more per bend,
 * up to 10 bends. */
#define ROUTE_MAX_POINTS 34

/* Where an arrow goes. pt[0] is on from's border; pt[npt - 1] is where the
 * arrowhead starts, and tip, on to's border, where it ends (Graphviz's
 * "e,x,y" end point). */
struct route_path {
    double pt[ROUTE_MAX_POINTS][2];
    int npt;
    double tip[2];
    double lp[2];       /* the label's centre, when placed */
    bool placed;        /* the label has a free spot (false when lw is 0) */
    bool bent;          /* detoured past a node, or bowed */
    bool blocked;       /* crosses a node it does not connect: no detour found */
};

/* What a run did, for tests and for the curious. */
struct route_stats {
    size_t bent, blocked, unplaced;
    size_t work;        /* cells walked and rectangles tested: at most 2 * ROUTE_BUDGET per arrow
                           (its route and its label), and per arrow and node ROUTE_SEARCH_SHARE
                           for the searches and ROUTE_SEG_CELLS to list the arrows for the labels */
};

/* The work one arrow, and one label, may cost (see above), and what
 * listing the arrows may, per arrow and node. */
#define ROUTE_BUDGET 4096
#define ROUTE_SEARCH_SHARE 4096
#define ROUTE_SEARCH_BUDGET 32768
#define ROUTE_SEG_CELLS 64

/* What route_edges works on. keep[0..nkeep) are rectangles that labels
 * keep off and arrows may cross (the boxes' titles); arrow is the
 * arrowhead's length in points (Graphviz: 10 * arrowsize). */
struct route_input {
    const struct route_rect *nodes;
    size_t nnodes;
    const struct route_edge *edges;
    size_t nedges;
    const struct route_rect *keep;
    size_t nkeep;
    double arrow;
};

/* Fills out[0..in->nedges); stats may be NULL. */
void route_edges(struct heap *heap, const struct route_input *in, struct route_path *out,
                 struct route_stats *stats);

#endif
