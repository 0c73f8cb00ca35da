/* layout.c - the relative layout of the map (docs/layout.md).
 *
 * Each axis's distinct values become ranks: columns across, rows up. Roles
 * of one column share an x, roles of one row share a y, so order and ties
 * survive by construction. Rows are placed bottom up, each as low as it may
 * be: at its proportional place (the axis range mapped onto base_h), above
 * the row below it by a visible step, above every lower role it would
 * overlap across (at proportional x) by the node gap, and a frame's height
 * above the row below when a box starts or ends between them. Columns are
 * then placed left to right the same way, against every role and finished
 * frame they overlap up, now that rows are final; a box's roles also clear
 * whatever stood in its frame's height before the box began.
 *
 * The "would overlap" questions are interval maxima: a segment tree over
 * the other axis's interval ends answers each in O(log n), so a layout costs
 * O(n log n) for any input. Roles at one position (W152) are put side by
 * side in their cell, the one exception to "ties stay level" across.
 */
#include "layout.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#define MIN_STEP_X 10.0     /* the least visible step between two columns */
#define MIN_STEP_Y 8.0      /* and between two rows */

/* ---- ranks --------------------------------------------------------------- */

struct layout_key {
    double v;
    size_t i;
};

static int layout_key_cmp(const void *pa, const void *pb)
{
    const struct layout_key *a = pa, *b = pb;
    if (a->v != b->v)
        return a->v < b->v ? -1 : 1;
    return (a->i > b->i) - (a->i < b->i);
}

/* rank[i] = the rank of role i's x (axis 0) or y (axis 1) among the
 * distinct values; order[] lists the roles by rank, then index. Returns the
 * number of ranks. Roles not placed (NaN) get SIZE_MAX and are not listed;
 * *nplaced says how many are. */
static size_t layout_rank(const struct model *m, int axis, size_t *rank, size_t *order, size_t *nplaced,
                          struct heap *heap)
{
    struct layout_key *k = heap_calloc(heap, m->nroles ? m->nroles : 1, sizeof *k);
    size_t n = 0;
    for (size_t i = 0; i < m->nroles; i++) {
        double v = axis ? m->roles[i].y : m->roles[i].x;
        rank[i] = SIZE_MAX;
        if (!isnan(v) && !isnan(axis ? m->roles[i].x : m->roles[i].y))
            k[n++] = (struct layout_key){v, i};
    }
    qsort(k, n, sizeof *k, layout_key_cmp);
    size_t ranks = 0;
    for (size_t j = 0; j < n; j++) {
        if (j > 0 && k[j].v != k[j - 1].v)
            ranks++;
        rank[k[j].i] = ranks;
        order[j] = k[j].i;
    }
    heap_free(heap, k);
    *nplaced = n;
    return n ? ranks + 1 : 0;
}

/* ---- a max tree over intervals ------------------------------------------ */

/* The maximum of values laid over intervals of one axis, asked over an
 * interval: leaves are the gaps between consecutive distinct interval ends,
 * so two intervals share a leaf exactly when they overlap by more than a
 * point. tag[v] holds what was laid over all of v's range, max[v] the
 * maximum anywhere below v: no push-down is needed. */
struct layout_tree {
    double *ends;           /* the distinct ends, ascending */
    size_t nends, size;     /* size: leaves rounded up to a power of two */
    double *tag, *max;
};

static int layout_double_cmp(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    return (a > b) - (a < b);
}

static void layout_tree_init(struct layout_tree *t, double *ends, size_t n, struct heap *heap)
{
    qsort(ends, n, sizeof *ends, layout_double_cmp);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (u == 0 || ends[i] != ends[u - 1])
            ends[u++] = ends[i];
    t->ends = ends;
    t->nends = u;
    t->size = 1;
    while (t->size < (u > 1 ? u - 1 : 1))
        t->size *= 2;
    t->tag = heap_calloc(heap, 2 * t->size, sizeof *t->tag);
    t->max = heap_calloc(heap, 2 * t->size, sizeof *t->max);
    for (size_t i = 0; i < 2 * t->size; i++)
        t->tag[i] = t->max[i] = -HUGE_VAL;
}

static void layout_tree_free(struct layout_tree *t, struct heap *heap)
{
    heap_free(heap, t->tag);
    heap_free(heap, t->max);
}

/* The index of end v (which is one of the ends). */
static size_t layout_tree_end(const struct layout_tree *t, double v)
{
    size_t lo = 0, hi = t->nends;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->ends[mid] <= v)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static void layout_tree_lay(struct layout_tree *t, size_t node, size_t nl, size_t nr, size_t lo, size_t hi,
                            double v)
{
    if (hi <= nl || nr <= lo)
        return;
    t->max[node] = fmax(t->max[node], v);
    if (lo <= nl && nr <= hi) {
        t->tag[node] = fmax(t->tag[node], v);
        return;
    }
    size_t mid = nl + (nr - nl) / 2;
    layout_tree_lay(t, 2 * node, nl, mid, lo, hi, v);
    layout_tree_lay(t, 2 * node + 1, mid, nr, lo, hi, v);
}

static double layout_tree_ask(const struct layout_tree *t, size_t node, size_t nl, size_t nr, size_t lo,
                              size_t hi)
{
    if (hi <= nl || nr <= lo)
        return -HUGE_VAL;
    if (lo <= nl && nr <= hi)
        return t->max[node];
    size_t mid = nl + (nr - nl) / 2;
    double below = fmax(layout_tree_ask(t, 2 * node, nl, mid, lo, hi),
                        layout_tree_ask(t, 2 * node + 1, mid, nr, lo, hi));
    return fmax(t->tag[node], below);
}

/* Lays v over [a, b] (two of the ends). */
static void layout_tree_put(struct layout_tree *t, double a, double b, double v)
{
    size_t lo = layout_tree_end(t, a), hi = layout_tree_end(t, b);
    if (lo < hi)
        layout_tree_lay(t, 1, 0, t->size, lo, hi, v);
}

/* The largest value laid over any part of [a, b]; -HUGE_VAL if none. */
static double layout_tree_get(const struct layout_tree *t, double a, double b)
{
    size_t lo = layout_tree_end(t, a), hi = layout_tree_end(t, b);
    return lo < hi ? layout_tree_ask(t, 1, 0, t->size, lo, hi) : -HUGE_VAL;
}

/* ---- the layout ---------------------------------------------------------- */

/* What the passes share. col/row: each role's ranks; off: its offset
 * across from its column (non-zero only beside roles at its very position);
 * px, py: the proportional place of each column and row. */
struct layout_run {
    const struct model *m;
    const struct layout_metrics *lm;
    struct layout_place *roles;
    struct heap *heap;
    size_t *col, *row, *by_col, *by_row, nplaced;
    size_t ncols, nrows;
    double *off, *px, *py, *X, *Y;
    double hmax;            /* the tallest role: frames are sized by it */
    /* per box: its rank span and, while placing, its extent */
    size_t *bx0, *bx1, *by0, *by1;
    double *limit, *left, *right;
};

/* Roles at one position (a cell of one column and one row) sit side by
 * side, in index order, centred on the column. by_col lists roles by
 * column then index; sorting it by row within a column finds the cells. */
static void layout_cells(struct layout_run *r)
{
    struct layout_key *k = heap_calloc(r->heap, r->nplaced ? r->nplaced : 1, sizeof *k);
    for (size_t j = 0; j < r->nplaced; j++) {
        size_t i = r->by_col[j];
        k[j] = (struct layout_key){(double)r->col[i] * (double)(r->nrows + 1) + (double)r->row[i], i};
    }
    qsort(k, r->nplaced, sizeof *k, layout_key_cmp);
    for (size_t a = 0, b; a < r->nplaced; a = b) {
        double width = 0;
        for (b = a; b < r->nplaced && k[b].v == k[a].v; b++)
            width += r->roles[k[b].i].w + (b > a ? r->lm->node_gap : 0);
        double at = -width / 2;
        for (size_t j = a; j < b; j++) {
            double w = r->roles[k[j].i].w;
            r->off[k[j].i] = b - a > 1 ? at + w / 2 : 0;
            at += w + r->lm->node_gap;
        }
    }
    heap_free(r->heap, k);
}

/* Each column's and row's proportional place, from any of its roles,
 * measured from the lowest role's value: only relative positions matter, so
 * the map starts at its first column and row, not at the axis's minimum. */
static void layout_proportions(struct layout_run *r)
{
    const struct model_axis *ax = &r->m->axis[0], *ay = &r->m->axis[1];
    const struct model_role *left = &r->m->roles[r->by_col[0]], *low = &r->m->roles[r->by_row[0]];
    for (size_t i = 0; i < r->m->nroles; i++) {
        if (r->col[i] == SIZE_MAX)
            continue;
        const struct model_role *ro = &r->m->roles[i];
        r->px[r->col[i]] = round((ro->x - left->x) / (ax->max - ax->min) * r->lm->base_w);
        r->py[r->row[i]] = round((ro->y - low->y) / (ay->max - ay->min) * r->lm->base_h);
    }
}

/* Each box's span in ranks, from its roles. */
static void layout_spans(struct layout_run *r)
{
    for (size_t k = 0; k < r->m->nboxes; k++) {
        r->bx0[k] = r->by0[k] = SIZE_MAX;
        r->bx1[k] = r->by1[k] = 0;
    }
    for (size_t i = 0; i < r->m->nroles; i++) {
        int b = r->m->roles[i].box;
        if (b < 0 || r->col[i] == SIZE_MAX)
            continue;
        r->bx0[b] = r->col[i] < r->bx0[b] ? r->col[i] : r->bx0[b];
        r->bx1[b] = r->col[i] > r->bx1[b] ? r->col[i] : r->bx1[b];
        r->by0[b] = r->row[i] < r->by0[b] ? r->row[i] : r->by0[b];
        r->by1[b] = r->row[i] > r->by1[b] ? r->row[i] : r->by1[b];
    }
}

/* The extent across of role i at its proportional place, with half the
 * gap on each side: two such extents overlap when the roles would be
 * closer than the gap. */
static void layout_across(const struct layout_run *r, size_t i, double *a, double *b)
{
    double x = r->px[r->col[i]] + r->off[i], half = r->roles[i].w / 2 + r->lm->node_gap / 2;
    *a = x - half;
    *b = x + half;
}

/* Rows, bottom up. boundary[k]: a box starts at row k or ends at row k - 1,
 * so a whole frame (margins and label) must fit between the rows. */
static void layout_rows(struct layout_run *r)
{
    const struct layout_metrics *lm = r->lm;
    bool *boundary = heap_calloc(r->heap, r->nrows + 1, sizeof *boundary);
    for (size_t k = 0; k < r->m->nboxes; k++)
        if (r->by0[k] != SIZE_MAX) {
            boundary[r->by0[k]] = true;
            boundary[r->by1[k] + 1] = true;
        }
    double *ends = heap_calloc(r->heap, 2 * r->nplaced + 1, sizeof *ends);
    for (size_t j = 0; j < r->nplaced; j++)
        layout_across(r, r->by_row[j], &ends[2 * j], &ends[2 * j + 1]);
    struct layout_tree t;
    layout_tree_init(&t, ends, 2 * r->nplaced, r->heap);
    double frame = r->hmax + 2 * lm->box_margin + lm->label_h + lm->box_gap;
    for (size_t a = 0, b; a < r->nplaced; a = b) {
        size_t k = r->row[r->by_row[a]];
        double y = r->py[k];
        if (k > 0)
            y = fmax(y, r->Y[k - 1] + (boundary[k] ? fmax(frame, MIN_STEP_Y) : MIN_STEP_Y));
        for (b = a; b < r->nplaced && r->row[r->by_row[b]] == k; b++) {
            size_t i = r->by_row[b];
            double x0, x1;
            layout_across(r, i, &x0, &x1);
            y = fmax(y, layout_tree_get(&t, x0, x1) + lm->node_gap + r->roles[i].h / 2);
        }
        r->Y[k] = ceil(y);
        for (size_t j = a; j < b; j++) {
            size_t i = r->by_row[j];
            double x0, x1;
            layout_across(r, i, &x0, &x1);
            layout_tree_put(&t, x0, x1, r->Y[k] + r->roles[i].h / 2);
        }
    }
    layout_tree_free(&t, r->heap);
    heap_free(r->heap, ends);
    heap_free(r->heap, boundary);
}

/* A box's frame up: from below its lowest role to above its highest, with
 * the label strip on top. Rows are final when this is asked. */
static void layout_frame_up(const struct layout_run *r, size_t k, double *y0, double *y1)
{
    *y0 = r->Y[r->by0[k]] - r->hmax / 2 - r->lm->box_margin;
    *y1 = r->Y[r->by1[k]] + r->hmax / 2 + r->lm->box_margin + r->lm->label_h;
}

/* The extent up of role i, with half the gap on each side. */
static void layout_up(const struct layout_run *r, size_t i, double *a, double *b)
{
    double half = r->roles[i].h / 2 + r->lm->node_gap / 2;
    *a = r->Y[r->row[i]] - half;
    *b = r->Y[r->row[i]] + half;
}

/* A frame's extent up, with half the box gap on each side. */
static void layout_frame_ext(const struct layout_run *r, size_t k, double *a, double *b)
{
    layout_frame_up(r, k, a, b);
    *a -= r->lm->box_gap / 2;
    *b += r->lm->box_gap / 2;
}

/* Columns, left to right: each role against what it overlaps up (earlier
 * roles, finished frames), a box's roles also against what stood in the
 * box's height when it began. A box is finished after its last column. */
static void layout_columns(struct layout_run *r, const double *label_w, struct layout_frame *frames)
{
    const struct model *m = r->m;
    const struct layout_metrics *lm = r->lm;
    size_t nb = m->nboxes;
    double *ends = heap_calloc(r->heap, 2 * (r->nplaced + nb) + 1, sizeof *ends);
    size_t ne = 0;
    for (size_t j = 0; j < r->nplaced; j++, ne += 2)
        layout_up(r, r->by_col[j], &ends[ne], &ends[ne + 1]);
    for (size_t k = 0; k < nb; k++)
        if (r->bx0[k] != SIZE_MAX) {
            layout_frame_ext(r, k, &ends[ne], &ends[ne + 1]);
            ne += 2;
        }
    struct layout_tree t;
    layout_tree_init(&t, ends, ne, r->heap);
    /* boxes by first column and by last, as counting sorts */
    size_t *starts = heap_calloc(r->heap, r->ncols + 2, sizeof *starts);
    size_t *stops = heap_calloc(r->heap, r->ncols + 2, sizeof *stops);
    size_t *start_of = heap_calloc(r->heap, nb ? nb : 1, sizeof *start_of);
    size_t *stop_of = heap_calloc(r->heap, nb ? nb : 1, sizeof *stop_of);
    for (size_t k = 0; k < nb; k++)
        if (r->bx0[k] != SIZE_MAX) {
            starts[r->bx0[k] + 2]++;
            stops[r->bx1[k] + 2]++;
        }
    for (size_t c = 0; c < r->ncols; c++) {
        starts[c + 2] += starts[c + 1];
        stops[c + 2] += stops[c + 1];
    }
    for (size_t k = 0; k < nb; k++)
        if (r->bx0[k] != SIZE_MAX) {
            start_of[starts[r->bx0[k] + 1]++] = k;
            stop_of[stops[r->bx1[k] + 1]++] = k;
        }
    double prev_hi = 0;
    for (size_t a = 0, b; a < r->nplaced; a = b) {
        size_t c = r->col[r->by_col[a]];
        for (size_t s = starts[c]; s < starts[c + 1]; s++) {
            size_t k = start_of[s];
            double y0, y1;
            layout_frame_ext(r, k, &y0, &y1);
            r->limit[k] = layout_tree_get(&t, y0, y1);
            r->left[k] = HUGE_VAL;
            r->right[k] = -HUGE_VAL;
        }
        /* roles side by side in a cell stick out of their column: the step
         * is between the previous column's rightmost centre and this one's
         * leftmost */
        double lo = 0, hi = 0;
        for (b = a; b < r->nplaced && r->col[r->by_col[b]] == c; b++) {
            lo = fmin(lo, r->off[r->by_col[b]]);
            hi = fmax(hi, r->off[r->by_col[b]]);
        }
        double x = r->px[c];
        if (c > 0)
            x = fmax(x, r->X[c - 1] + prev_hi + MIN_STEP_X - lo);
        prev_hi = hi;
        for (b = a; b < r->nplaced && r->col[r->by_col[b]] == c; b++) {
            size_t i = r->by_col[b];
            double y0, y1, half = r->roles[i].w / 2;
            layout_up(r, i, &y0, &y1);
            x = fmax(x, layout_tree_get(&t, y0, y1) + lm->node_gap + half - r->off[i]);
            int box = m->roles[i].box;
            if (box >= 0)
                x = fmax(x, r->limit[box] + lm->box_gap + lm->box_margin + half - r->off[i]);
        }
        r->X[c] = ceil(x);
        for (size_t j = a; j < b; j++) {
            size_t i = r->by_col[j];
            double y0, y1, cx = r->X[c] + r->off[i], half = r->roles[i].w / 2;
            layout_up(r, i, &y0, &y1);
            layout_tree_put(&t, y0, y1, cx + half);
            int box = m->roles[i].box;
            if (box >= 0) {
                r->left[box] = fmin(r->left[box], cx - half);
                r->right[box] = fmax(r->right[box], cx + half);
            }
        }
        for (size_t s = stops[c]; s < stops[c + 1]; s++) {
            size_t k = stop_of[s];
            struct layout_frame *f = &frames[k];
            f->drawn = true;
            f->x0 = floor(r->left[k] - lm->box_margin);
            f->x1 = ceil(fmax(r->right[k] + lm->box_margin, f->x0 + label_w[k]));
            layout_frame_up(r, k, &f->y0, &f->y1);
            double y0, y1;
            layout_frame_ext(r, k, &y0, &y1);
            layout_tree_put(&t, y0, y1, f->x1);
        }
    }
    heap_free(r->heap, stop_of);
    heap_free(r->heap, start_of);
    heap_free(r->heap, stops);
    heap_free(r->heap, starts);
    layout_tree_free(&t, r->heap);
    heap_free(r->heap, ends);
}

void layout_relative(const struct model *m, const struct layout_metrics *lm, const double *label_w,
                     struct layout_place *roles, struct layout_frame *frames, struct heap *heap)
{
    size_t n = m->nroles ? m->nroles : 1, nb = m->nboxes ? m->nboxes : 1, unused;
    struct layout_run r = {.m = m, .lm = lm, .roles = roles, .heap = heap};
    r.col = heap_calloc(heap, n, sizeof *r.col);
    r.row = heap_calloc(heap, n, sizeof *r.row);
    r.by_col = heap_calloc(heap, n, sizeof *r.by_col);
    r.by_row = heap_calloc(heap, n, sizeof *r.by_row);
    r.off = heap_calloc(heap, n, sizeof *r.off);
    r.ncols = layout_rank(m, 0, r.col, r.by_col, &r.nplaced, heap);
    r.nrows = layout_rank(m, 1, r.row, r.by_row, &unused, heap);
    r.px = heap_calloc(heap, r.ncols + 1, sizeof *r.px);
    r.py = heap_calloc(heap, r.nrows + 1, sizeof *r.py);
    r.X = heap_calloc(heap, r.ncols + 1, sizeof *r.X);
    r.Y = heap_calloc(heap, r.nrows + 1, sizeof *r.Y);
    r.bx0 = heap_calloc(heap, nb, sizeof *r.bx0);
    r.bx1 = heap_calloc(heap, nb, sizeof *r.bx1);
    r.by0 = heap_calloc(heap, nb, sizeof *r.by0);
    r.by1 = heap_calloc(heap, nb, sizeof *r.by1);
    r.limit = heap_calloc(heap, nb, sizeof *r.limit);
    r.left = heap_calloc(heap, nb, sizeof *r.left);
    r.right = heap_calloc(heap, nb, sizeof *r.right);
    for (size_t k = 0; k < m->nboxes; k++)
        frames[k] = (struct layout_frame){0, 0, 0, 0, false};

    for (size_t i = 0; i < m->nroles; i++)
        r.hmax = fmax(r.hmax, roles[i].h);
    layout_cells(&r);
    if (r.nplaced)
        layout_proportions(&r);
    layout_spans(&r);
    layout_rows(&r);
    layout_columns(&r, label_w, frames);
    for (size_t i = 0; i < m->nroles; i++)
        if (r.col[i] != SIZE_MAX) {
            roles[i].x = round(r.X[r.col[i]] + r.off[i]);
            roles[i].y = r.Y[r.row[i]];
        }

    void *all[] = {r.col, r.row, r.by_col, r.by_row, r.off, r.px, r.py, r.X, r.Y,
                   r.bx0, r.bx1, r.by0, r.by1, r.limit, r.left, r.right};
    for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
        heap_free(heap, all[k]);
}

/* ---- where the order forbids disjoint frames ---------------------------- */

/* The boxes whose span of rows meets a range, among those still open
 * across: each box is kept in the O(log n) nodes of a segment tree over the
 * rows that cover its span exactly; live[v] counts the entries at and below
 * node v, so empty subtrees are never walked, and a box is dropped from a
 * node the first time a question finds it closed. Entries are indices into
 * one pool, linked per node. */
struct layout_open {
    size_t size;
    size_t *head, *live;            /* per node; head: SIZE_MAX when empty */
    size_t *box, *next, n, cap;     /* the pool */
    size_t *stamp, asked;           /* per box: the last question that found it */
};

static void layout_open_add(struct layout_open *o, size_t v, size_t k, struct heap *heap)
{
    if (o->n == o->cap) {
        o->cap = o->cap ? 2 * o->cap : 64;
        o->box = heap_realloc(heap, o->box, o->cap * sizeof *o->box);
        o->next = heap_realloc(heap, o->next, o->cap * sizeof *o->next);
    }
    o->box[o->n] = k;
    o->next[o->n] = o->head[v];
    o->head[v] = o->n++;
    for (size_t u = v; u >= 1; u /= 2)
        o->live[u]++;
}

static void layout_open_put(struct layout_open *o, size_t v, size_t nl, size_t nr, size_t lo, size_t hi,
                            size_t k, struct heap *heap)
{
    if (hi <= nl || nr <= lo)
        return;
    if (lo <= nl && nr <= hi) {
        layout_open_add(o, v, k, heap);
        return;
    }
    size_t mid = nl + (nr - nl) / 2;
    layout_open_put(o, 2 * v, nl, mid, lo, hi, k, heap);
    layout_open_put(o, 2 * v + 1, mid, nr, lo, hi, k, heap);
}

/* What a question reports into, and the boxes' spans it judges by. */
struct layout_found {
    const size_t *bx1;
    size_t col;                 /* boxes whose last column is before this are closed */
    size_t *boxes, n, max;
};

static void layout_open_ask(struct layout_open *o, size_t v, size_t nl, size_t nr, size_t lo, size_t hi,
                            struct layout_found *f)
{
    if (hi <= nl || nr <= lo || o->live[v] == 0 || f->n == f->max)
        return;
    for (size_t *e = &o->head[v]; *e != SIZE_MAX && f->n < f->max;) {
        size_t k = o->box[*e];
        if (f->bx1[k] < f->col) {
            *e = o->next[*e];
            for (size_t u = v; u >= 1; u /= 2)
                o->live[u]--;
            continue;
        }
        if (o->stamp[k] != o->asked) {
            o->stamp[k] = o->asked;
            f->boxes[f->n++] = k;
        }
        e = &o->next[*e];
    }
    if (nr - nl > 1) {
        size_t mid = nl + (nr - nl) / 2;
        layout_open_ask(o, 2 * v, nl, mid, lo, hi, f);
        layout_open_ask(o, 2 * v + 1, mid, nr, lo, hi, f);
    }
}

/* A box's extreme roles by rank (ties: the first in the file): leftmost,
 * rightmost, lowest, highest. */
static void layout_extremes(const struct model *m, const size_t *col, const size_t *row, size_t (*ext)[4])
{
    for (size_t k = 0; k < m->nboxes; k++)
        ext[k][0] = ext[k][1] = ext[k][2] = ext[k][3] = SIZE_MAX;
    for (size_t i = 0; i < m->nroles; i++) {
        int b = m->roles[i].box;
        if (b < 0 || col[i] == SIZE_MAX)
            continue;
        size_t *e = ext[b];
        if (e[0] == SIZE_MAX) {
            e[0] = e[1] = e[2] = e[3] = i;
            continue;
        }
        if (col[i] < col[e[0]]) e[0] = i;
        if (col[i] > col[e[1]]) e[1] = i;
        if (row[i] < row[e[2]]) e[2] = i;
        if (row[i] > row[e[3]]) e[3] = i;
    }
}

/* The sweep's items: boxes (their span) and roles (a point), by first
 * column; at one column boxes come first, so a role meets every box open
 * there. Roles come by column from their ranks already, boxes by a counting
 * sort on their first column: no third sort. */
struct layout_item {
    size_t col, kind, i;        /* kind 0: box i, 1: role i */
};

static size_t layout_items(const struct model *m, const size_t *col, const size_t *by_col, size_t nplaced,
                           size_t ncols, size_t (*ext)[4], struct layout_item *items, struct heap *heap)
{
    size_t *first = heap_calloc(heap, ncols + 2, sizeof *first);
    size_t *boxes = heap_calloc(heap, m->nboxes, sizeof *boxes);
    for (size_t k = 0; k < m->nboxes; k++)
        if (ext[k][0] != SIZE_MAX)
            first[col[ext[k][0]] + 2]++;
    for (size_t c = 0; c < ncols; c++)
        first[c + 2] += first[c + 1];
    for (size_t k = 0; k < m->nboxes; k++)
        if (ext[k][0] != SIZE_MAX)
            boxes[first[col[ext[k][0]] + 1]++] = k;
    size_t ni = 0, j = 0;
    for (size_t c = 0; c < ncols; c++) {
        for (size_t b = first[c]; b < first[c + 1]; b++)
            items[ni++] = (struct layout_item){c, 0, boxes[b]};
        for (; j < nplaced && col[by_col[j]] == c; j++)
            items[ni++] = (struct layout_item){c, 1, by_col[j]};
    }
    heap_free(heap, boxes);
    heap_free(heap, first);
    return ni;
}

/* The conflict of box a (opened first) with box b. */
static struct layout_conflict layout_pair(size_t a, size_t b, const size_t *row, size_t (*ext)[4])
{
    struct layout_conflict c = {.box_a = (int)a, .box_b = (int)b, .role = SIZE_MAX};
    c.across[0] = ext[a][1];
    c.across[1] = ext[b][0];
    if (row[ext[a][2]] <= row[ext[b][2]]) {
        c.up[0] = ext[a][3];
        c.up[1] = ext[b][2];
    } else {
        c.up[0] = ext[b][3];
        c.up[1] = ext[a][2];
    }
    return c;
}

size_t layout_conflicts(const struct model *m, struct heap *heap, struct layout_conflict *out, size_t max)
{
    if (m->nboxes == 0 || max == 0)
        return 0;
    size_t n = m->nroles ? m->nroles : 1, nplaced, unused;
    size_t *col = heap_calloc(heap, n, sizeof *col), *row = heap_calloc(heap, n, sizeof *row);
    size_t *by_col = heap_calloc(heap, n, sizeof *by_col), *by_row = heap_calloc(heap, n, sizeof *by_row);
    size_t ncols = layout_rank(m, 0, col, by_col, &nplaced, heap);
    size_t nrows = layout_rank(m, 1, row, by_row, &unused, heap);
    size_t (*ext)[4] = heap_calloc(heap, m->nboxes, sizeof *ext);
    layout_extremes(m, col, row, ext);
    size_t *bx1 = heap_calloc(heap, m->nboxes, sizeof *bx1);
    for (size_t k = 0; k < m->nboxes; k++)
        if (ext[k][0] != SIZE_MAX)
            bx1[k] = col[ext[k][1]];
    struct layout_item *items = heap_calloc(heap, m->nboxes + n, sizeof *items);
    size_t ni = layout_items(m, col, by_col, nplaced, ncols, ext, items, heap);

    struct layout_open o = {.size = 1};
    while (o.size < nrows)
        o.size *= 2;
    o.head = heap_calloc(heap, 2 * o.size, sizeof *o.head);
    o.live = heap_calloc(heap, 2 * o.size, sizeof *o.live);
    o.stamp = heap_calloc(heap, m->nboxes, sizeof *o.stamp);
    for (size_t v = 0; v < 2 * o.size; v++)
        o.head[v] = SIZE_MAX;
    size_t *found = heap_calloc(heap, max + 1, sizeof *found), nout = 0;   /* + a role's own box */
    for (size_t j = 0; j < ni && nout < max; j++) {
        const struct layout_item *it = &items[j];
        size_t lo, hi, own = SIZE_MAX;
        if (it->kind == 0) {
            lo = row[ext[it->i][2]];
            hi = row[ext[it->i][3]] + 1;
        } else {
            lo = row[it->i];
            hi = lo + 1;
            own = m->roles[it->i].box >= 0 ? (size_t)m->roles[it->i].box : SIZE_MAX;
        }
        struct layout_found f = {.bx1 = bx1, .col = it->col, .boxes = found, .max = max - nout + 1};
        o.asked++;
        layout_open_ask(&o, 1, 0, o.size, lo, hi, &f);
        for (size_t q = 0; q < f.n && nout < max; q++) {
            size_t k = f.boxes[q];
            if (it->kind == 0) {
                out[nout++] = layout_pair(k, it->i, row, ext);
            } else if (k != own) {
                struct layout_conflict c = {.box_a = (int)k, .box_b = -1, .role = it->i};
                for (int e = 0; e < 4; e++)
                    c.span[e] = ext[k][e];
                out[nout++] = c;
            }
        }
        if (it->kind == 0)
            layout_open_put(&o, 1, 0, o.size, lo, hi, it->i, heap);
    }
    void *all[] = {found, o.stamp, o.live, o.head, o.box, o.next, items, bx1, ext, by_row, by_col, row, col};
    for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
        heap_free(heap, all[k]);
    return nout;
}
