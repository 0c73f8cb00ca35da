/* grid.c - the company tables as data (grid.h). Sorting the lines once
 * makes each track's lines one run and each company's a sub-run; a grid is
 * then filled by walking each column's run beside the levels, so its cost
 * is its cells plus its lines. */
#include "grid.h"

#include <stdlib.h>

static int grid_ref_cmp(const void *pa, const void *pb)
{
    const struct grid_ref *a = pa, *b = pb;
    if (a->track != b->track)
        return (a->track > b->track) - (a->track < b->track);
    if (a->company != b->company)
        return (a->company > b->company) - (a->company < b->company);
    return (a->line->lo > b->line->lo) - (a->line->lo < b->line->lo);
}

void grid_lines_build(struct heap *heap, const struct model *m, struct grid_lines *out)
{
    size_t total = 0;
    for (size_t i = 0; i < m->ncompanies; i++)
        total += m->companies[i].nlines;
    struct grid_ref *refs = heap_calloc(heap, total + 1, sizeof *refs);
    size_t k = 0;
    for (size_t i = 0; i < m->ncompanies; i++)
        for (size_t j = 0; j < m->companies[i].nlines; j++)
            refs[k++] = (struct grid_ref){m->companies[i].lines[j].track, i, &m->companies[i].lines[j]};
    if (total > 1)
        qsort(refs, total, sizeof *refs, grid_ref_cmp);
    size_t *column_start = heap_calloc(heap, total + 2, sizeof *column_start);
    size_t *track_start = heap_calloc(heap, m->ntracks + 2, sizeof *track_start);
    size_t ncolumns = 0;
    for (size_t i = 0; i < total; i++) {
        if (i == 0 || refs[i].track != refs[i - 1].track || refs[i].company != refs[i - 1].company) {
            column_start[ncolumns++] = i;
            track_start[refs[i].track + 1]++;
        }
    }
    column_start[ncolumns] = total;
    for (size_t t = 0; t < m->ntracks; t++)
        track_start[t + 1] += track_start[t];
    *out = (struct grid_lines){refs, total, column_start, ncolumns, track_start};
}

void grid_lines_free(struct heap *heap, struct grid_lines *g)
{
    heap_free(heap, g->refs);
    heap_free(heap, g->column_start);
    heap_free(heap, g->track_start);
}

/* The rows of track t's grid: a level of the scale each, or, for a track
 * with its own level names, a level of its own range. */
static size_t grid_rows(const struct model *m, size_t t, int *first)
{
    const struct model_track *tr = &m->tracks[t];
    int lo = tr->level_prefix ? tr->lo : m->level_min, hi = tr->level_prefix ? tr->hi : m->level_max;
    *first = lo;
    return (size_t)(hi - lo) + 1;
}

static bool grid_fits(const struct model *m, const struct grid_lines *g)
{
    size_t cells = 0, budget = GRID_PER_LINE * g->nrefs + GRID_SLACK;
    for (size_t t = 0; t < m->ntracks; t++) {
        size_t ncols = g->track_start[t + 1] - g->track_start[t];
        int first;
        if (ncols)
            cells += grid_rows(m, t, &first) * (ncols + 1);
        if (cells > budget)
            return false;
    }
    return true;
}

/* Column by column: its lines are sorted and apart, so each cell of the
 * range of a line gets it, once. */
static void grid_fill(const struct grid_lines *g, struct grid_track *gt)
{
    size_t c0 = g->track_start[gt->track];
    for (size_t c = 0; c < gt->ncols; c++)
        for (size_t k = g->column_start[c0 + c]; k < g->column_start[c0 + c + 1]; k++) {
            const struct model_company_line *l = g->refs[k].line;
            for (int level = l->lo; level <= l->hi; level++) {
                long row = (long)level - gt->first;
                if (row >= 0 && (size_t)row < gt->nrows)
                    gt->cells[(size_t)row * gt->ncols + c] = l;
            }
        }
}

bool grid_tables_build(struct heap *heap, const struct model *m, const struct grid_lines *lines,
                       struct grid_tables *out)
{
    *out = (struct grid_tables){NULL, 0};
    if (!grid_fits(m, lines))
        return false;
    out->tracks = heap_calloc(heap, m->ntracks + 1, sizeof *out->tracks);
    for (size_t t = 0; t < m->ntracks; t++) {
        size_t ncols = lines->track_start[t + 1] - lines->track_start[t];
        if (!ncols)
            continue;
        struct grid_track *gt = &out->tracks[out->n++];
        gt->track = t;
        gt->ncols = ncols;
        gt->nrows = grid_rows(m, t, &gt->first);
        gt->cells = heap_calloc(heap, gt->nrows * ncols, sizeof *gt->cells);
        grid_fill(lines, gt);
    }
    return true;
}

void grid_tables_free(struct heap *heap, struct grid_tables *t)
{
    for (size_t i = 0; i < t->n; i++)
        heap_free(heap, t->tracks[i].cells);
    heap_free(heap, t->tracks);
}

/* ---- the competency tables ---- */

struct grid_role_key {
    size_t track, role;
    int lo, hi;
};

static int grid_role_key_cmp(const void *pa, const void *pb)
{
    const struct grid_role_key *a = pa, *b = pb;
    if (a->track != b->track)
        return (a->track > b->track) - (a->track < b->track);
    if (a->lo != b->lo)
        return (a->lo > b->lo) - (a->lo < b->lo);
    if (a->hi != b->hi)
        return (a->hi > b->hi) - (a->hi < b->hi);
    return (a->role > b->role) - (a->role < b->role);
}

size_t *grid_roles_by_level(struct heap *heap, const struct model *m)
{
    struct grid_role_key *keys = heap_calloc(heap, m->nroles + 1, sizeof *keys);
    for (size_t i = 0; i < m->nroles; i++)
        keys[i] = (struct grid_role_key){m->roles[i].track, i, m->roles[i].lo, m->roles[i].hi};
    if (m->nroles > 1)
        qsort(keys, m->nroles, sizeof *keys, grid_role_key_cmp);
    size_t *order = heap_calloc(heap, m->nroles + 1, sizeof *order);
    for (size_t i = 0; i < m->nroles; i++)
        order[i] = keys[i].role;
    heap_free(heap, keys);
    return order;
}

bool grid_framework_fits(const struct model *m)
{
    size_t set = 0;
    for (size_t i = 0; i < m->nroles; i++)
        set += m->roles[i].about->nexpect;
    return m->nroles * (m->ncompetencies + 2) <= GRID_PER_LINE * set + GRID_SLACK;
}
