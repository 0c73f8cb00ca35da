/* grid.h - the company tables as data: every company line by track and
 * company, and per track the grid of levels x companies that the Markdown
 * (emit_md) and the page (emit_html) render, each in its own syntax.
 * Computing once and rendering twice keeps the two from disagreeing. */
#ifndef LADDERC_GRID_H
#define LADDERC_GRID_H

#include <stdbool.h>
#include <stddef.h>

#include "heap.h"
#include "model.h"

struct grid_ref {
    size_t track, company;
    const struct model_company_line *line;
};

/* Every company line sorted by track, company, then lowest level (the
 * checker keeps a company's lines in a track apart, E161, so each column
 * is sorted by both ends). A column is one (track, company) run:
 * refs[column_start[c]..column_start[c + 1]); track t's columns are
 * track_start[t]..track_start[t + 1], in company order. */
struct grid_lines {
    struct grid_ref *refs;
    size_t nrefs;
    size_t *column_start;
    size_t ncolumns;
    size_t *track_start;
};

void grid_lines_build(struct heap *heap, const struct model *m, struct grid_lines *out);
void grid_lines_free(struct heap *heap, struct grid_lines *g);

/* One track's table: nrows levels from first (a number of the scale; the
 * scale's levels, or the track's own range when it names its levels), ncols
 * companies (the track's columns, in order); cells[row * ncols + col] is
 * the line that covers that level at that company, or NULL. */
struct grid_track {
    size_t track;
    int first;
    size_t nrows, ncols;
    const struct model_company_line **cells;
};

struct grid_tables {
    struct grid_track *tracks;      /* the tracks that have company lines, in track order */
    size_t n;
};

/* The grids of every track with lines, when all of them together have at
 * most GRID_PER_LINE cells per company line plus GRID_SLACK; false (and
 * nothing built) otherwise, when a renderer lists the lines instead. So a
 * table never costs more than a constant times the lines. */
enum { GRID_PER_LINE = 16, GRID_SLACK = 1024 };
bool grid_tables_build(struct heap *heap, const struct model *m, const struct grid_lines *lines,
                       struct grid_tables *out);
void grid_tables_free(struct heap *heap, struct grid_tables *t);

/* The competency tables. Every role's index, sorted by track, then lowest
 * level, then highest, then source order (a total order, so the same
 * whatever the C library's qsort): each track's roles are one run, lowest
 * first. heap_free it. */
size_t *grid_roles_by_level(struct heap *heap, const struct model *m);

/* Whether the tables of roles x competencies fit: all of them together at
 * most GRID_PER_LINE cells per rung a role sets, plus GRID_SLACK (a row
 * per role: its name, its levels and a cell per competency). Otherwise a
 * renderer lists the rungs set, so that roles which set few of a hundred
 * competencies do not make the output a hundred times the file. */
bool grid_framework_fits(const struct model *m);

#endif
