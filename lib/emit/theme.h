/* theme.h - the map's colours in one place: for each theme (light, dark)
 * the page, its text, frames and axes, each track's look and each kind of
 * move's. emit_dot.c takes every colour it writes from here. */
#ifndef LADDERC_THEME_H
#define LADDERC_THEME_H

#include <stddef.h>

#include "emit.h"
#include "model.h"

/* Tracks 1..THEME_TRACK_COLORS each get a colour of their own; the next
 * ones repeat the colours with another border pattern, up to
 * THEME_TRACK_LOOKS looks in all, then the looks repeat. */
#define THEME_TRACK_COLORS 8
#define THEME_TRACK_LOOKS 32

/* How one track's roles (and its legend swatch) are drawn. */
struct theme_track {
    const char *border, *fill;
    const char *dash;       /* NULL (solid), "dashed" or "dotted": added to the node's style */
    const char *penwidth;   /* NULL: the nodes' default width */
};

/* How one kind of move is drawn. */
struct theme_move {
    const char *style, *color, *arrowhead;
};

struct theme {
    const char *background;
    const char *text;           /* title, roles, axis titles, the legend's rows */
    const char *move_text;      /* the years beside each arrow */
    const char *axis;           /* the axis arrows */
    const char *frame, *frame_text;     /* a box's dashed frame and its label */
    const char *legend_frame, *legend_text;
    const char *track_border[THEME_TRACK_COLORS], *track_fill[THEME_TRACK_COLORS];
    struct theme_move move[KIND_COUNT];
};

const struct theme *theme_get(enum emit_theme which);

/* The look of track index t (0-based) under th. */
struct theme_track theme_track(const struct theme *th, size_t t);

#endif
