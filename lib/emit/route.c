/* route.c - arrows and labels on rectangles (route.h says what and why).
 *
 * Uniform grids answer "what is near here": one of the nodes, built once;
 * one of the labels placed so far (and the boxes' titles); one of the
 * arrows' pieces, built once every arrow is drawn, for the labels. A query
 * walks the cells a segment or a box covers and tests the items listed
 * there once each (a stamp per item), and every cell walked and item tested
 * is paid from the arrow's budget, so a pile of nodes on one spot costs
 * each arrow its budget and no more.
 *
 * An arrow is tried straight, then bent once, then twice (candidate bends
 * round the nodes in its way), then along a path that A* finds on a grid
 * of squares (the last resort, whose squares live in a hash table, see
 * below); a label, once every arrow is drawn, along its arrow from the
 * middle out. docs/routing.md has the measurements and the reasons. */
#include "route.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>

#define ROUTE_CLEAR      2.0    /* an arrow keeps this far from other nodes */
#define ROUTE_BEND_GAP   5.0    /* a bend passes this far beyond the blocking corner */
#define ROUTE_MARGIN     12.0   /* and stays this close to the outermost nodes */
#define ROUTE_BOW        14.0   /* how far arrows between the same two nodes bow apart */
#define ROUTE_MAX_BOWS   8      /* beyond this many, parallel arrows share bows */
#define ROUTE_MAX_BLOCKERS 3    /* blocking nodes whose corners are tried */
#define ROUTE_DETOUR_MAX 1.5    /* a detour longer than this times the straight */
#define ROUTE_DETOUR_SLACK 60.0 /* line, plus this, is no better than crossing; */
#define ROUTE_SEARCH_SLACK 120.0 /* the search, which finds a shortest way, may go further */
#define ROUTE_LABEL_GAP  2.0    /* a label's distance from its arrow */
#define ROUTE_LABEL_PAD  1.0    /* and from nodes and other labels */
#define ROUTE_MAX_WAY    10     /* bends in one arrow */

struct route_box {
    double x0, y0, x1, y1;
};

/* A uniform grid of cells over a fixed area; items outside it are listed
 * in the border cells (indices are clamped), so a query always finds
 * them. Each cell is a chain of entries (head and next are 1-based). */
struct route_grid {
    double x0, y0, cell;
    long ncx, ncy;
    size_t *head;
    size_t *next, *item;
    size_t n, cap;
    const struct route_box *boxes;
    size_t *stamp;      /* per item: the query that last tested it */
    size_t tick;
};

/* One query's running cost: it stops when the budget runs out. */
struct route_cost {
    long left;
};

static bool route_pay(struct route_cost *c)
{
    if (c->left < 0)
        return false;
    return --c->left >= 0;
}

/* What a query's cost came to (a spent budget goes one below zero). */
static size_t route_spent(const struct route_cost *c)
{
    return (size_t)(ROUTE_BUDGET - (c->left < 0 ? 0 : c->left));
}

/* ---- geometry ------------------------------------------------------------ */

static struct route_box route_box_of(const struct route_rect *r, double grow)
{
    struct route_box b = {r->x - r->w / 2 - grow, r->y - r->h / 2 - grow,
                          r->x + r->w / 2 + grow, r->y + r->h / 2 + grow};
    return b;
}

static bool route_boxes_meet(const struct route_box *a, const struct route_box *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

static bool route_inside(const struct route_box *b, double x, double y)
{
    return x > b->x0 && x < b->x1 && y > b->y0 && y < b->y1;
}

/* Where segment a-b enters box, as a fraction of the way (Liang-Barsky),
 * or -1 when it misses. */
static double route_segment_enters(const double a[2], const double b[2], const struct route_box *box)
{
    double t0 = 0, t1 = 1;
    double d[2] = {b[0] - a[0], b[1] - a[1]};
    double lo[2] = {box->x0, box->y0}, hi[2] = {box->x1, box->y1};
    for (int k = 0; k < 2; k++) {
        if (d[k] == 0) {
            if (a[k] <= lo[k] || a[k] >= hi[k])
                return -1;
            continue;
        }
        double ta = (lo[k] - a[k]) / d[k], tb = (hi[k] - a[k]) / d[k];
        if (ta > tb) {
            double s = ta;
            ta = tb, tb = s;
        }
        t0 = fmax(t0, ta);
        t1 = fmin(t1, tb);
        if (t0 >= t1)
            return -1;
    }
    return t0;
}

/* The point where the ray from r's centre towards (qx, qy) leaves r. */
static void route_border(const struct route_rect *r, double qx, double qy, double p[2])
{
    double dx = qx - r->x, dy = qy - r->y;
    double t = HUGE_VAL;
    if (dx != 0)
        t = fmin(t, r->w / 2 / fabs(dx));
    if (dy != 0)
        t = fmin(t, r->h / 2 / fabs(dy));
    if (t == HUGE_VAL || t > 1)
        t = dx == 0 && dy == 0 ? 0 : fmin(t, 1);
    p[0] = r->x + t * dx;
    p[1] = r->y + t * dy;
}

static double route_dist(const double a[2], const double b[2])
{
    return hypot(b[0] - a[0], b[1] - a[1]);
}

/* ---- the grids ----------------------------------------------------------- */

static long route_cell_of(double v, double origin, double cell, long n)
{
    double k = floor((v - origin) / cell);
    return k < 0 || k != k ? 0 : k >= (double)n ? n - 1 : (long)k;
}

/* A grid over area with cells no smaller than `least` and about two
 * cells per expected item, so its size stays linear in the items. */
static void route_grid_init(struct heap *heap, struct route_grid *g, struct route_box area, double least,
                            size_t items, const struct route_box *boxes, size_t nboxes)
{
    double w = fmax(area.x1 - area.x0, 1), h = fmax(area.y1 - area.y0, 1);
    double cell = fmax(least, sqrt(w * h / (2.0 * (double)items + 1)));
    if (!(cell > 0) || !isfinite(cell))
        cell = 1;
    g->x0 = area.x0, g->y0 = area.y0, g->cell = cell;
    g->ncx = (long)fmin(floor(w / cell) + 1, 4.0 * (double)items + 64);
    g->ncy = (long)fmin(floor(h / cell) + 1, 4.0 * (double)items + 64);
    if ((double)g->ncx * (double)g->ncy > 8.0 * (double)items + 64) {
        /* a long thin area: one row or column is enough */
        if (g->ncx > g->ncy)
            g->ncy = 1;
        else
            g->ncx = 1;
    }
    g->head = heap_calloc(heap, (size_t)g->ncx * (size_t)g->ncy, sizeof *g->head);
    g->n = 0;
    g->cap = items + 16;
    g->next = heap_calloc(heap, g->cap, sizeof *g->next);
    g->item = heap_calloc(heap, g->cap, sizeof *g->item);
    g->boxes = boxes;
    g->stamp = heap_calloc(heap, nboxes ? nboxes : 1, sizeof *g->stamp);
    g->tick = 0;
}

static void route_grid_free(struct heap *heap, struct route_grid *g)
{
    heap_free(heap, g->head);
    heap_free(heap, g->next);
    heap_free(heap, g->item);
    heap_free(heap, g->stamp);
}

static void route_grid_range(const struct route_grid *g, const struct route_box *b, long r[4])
{
    r[0] = route_cell_of(b->x0, g->x0, g->cell, g->ncx);
    r[1] = route_cell_of(b->y0, g->y0, g->cell, g->ncy);
    r[2] = route_cell_of(b->x1, g->x0, g->cell, g->ncx);
    r[3] = route_cell_of(b->y1, g->y0, g->cell, g->ncy);
}

/* Lists item i (whose box is g->boxes[i]) in every cell its box covers. */
static void route_grid_add(struct heap *heap, struct route_grid *g, size_t i)
{
    long r[4];
    route_grid_range(g, &g->boxes[i], r);
    for (long y = r[1]; y <= r[3]; y++)
        for (long x = r[0]; x <= r[2]; x++) {
            if (g->n == g->cap) {
                g->cap *= 2;
                g->next = heap_realloc(heap, g->next, g->cap * sizeof *g->next);
                g->item = heap_realloc(heap, g->item, g->cap * sizeof *g->item);
            }
            size_t *h = &g->head[y * g->ncx + x];
            g->item[g->n] = i;
            g->next[g->n] = *h;
            *h = ++g->n;
        }
}

/* What a segment query found: up to ROUTE_MAX_BLOCKERS items it crosses,
 * and whether the budget ran out before the answer was sure. */
struct route_hits {
    size_t item[ROUTE_MAX_BLOCKERS];
    double t[ROUTE_MAX_BLOCKERS];
    int n;
    bool unsure;
};

static void route_hits_add(struct route_hits *h, size_t item, double t)
{
    if (h->n < ROUTE_MAX_BLOCKERS) {
        h->item[h->n] = item;
        h->t[h->n++] = t;
    }
}

/* The items of cell (x, y) that segment a-b crosses, except skip0 and
 * skip1; false when the budget ran out or enough were found. */
static bool route_cell_segment(struct route_grid *g, long x, long y, const double a[2], const double b[2],
                               size_t skip0, size_t skip1, struct route_cost *c, struct route_hits *h)
{
    if (!route_pay(c))
        return false;
    for (size_t e = g->head[y * g->ncx + x]; e; e = g->next[e - 1]) {
        size_t i = g->item[e - 1];
        if (g->stamp[i] == g->tick || i == skip0 || i == skip1)
            continue;
        g->stamp[i] = g->tick;
        if (!route_pay(c))
            return false;
        double t = route_segment_enters(a, b, &g->boxes[i]);
        if (t >= 0)
            route_hits_add(h, i, t);
        if (h->n == ROUTE_MAX_BLOCKERS)
            return false;
    }
    return true;
}

/* The rows of cells that segment a-b covers in column x, of the columns
 * cx0..cx1 it spans. */
static void route_column_rows(const struct route_grid *g, const double a[2], const double b[2], long x, long cx0,
                              long cx1, long *cy0, long *cy1)
{
    double xmin = fmin(a[0], b[0]), xmax = fmax(a[0], b[0]);
    double xs = x == cx0 ? xmin : g->x0 + (double)x * g->cell;
    double xe = x == cx1 ? xmax : g->x0 + (double)(x + 1) * g->cell;
    double ys = a[1], ye = b[1];
    if (b[0] != a[0]) {
        ys = a[1] + (b[1] - a[1]) * (xs - a[0]) / (b[0] - a[0]);
        ye = a[1] + (b[1] - a[1]) * (xe - a[0]) / (b[0] - a[0]);
    }
    *cy0 = route_cell_of(fmin(ys, ye), g->y0, g->cell, g->ncy);
    *cy1 = route_cell_of(fmax(ys, ye), g->y0, g->cell, g->ncy);
}

/* Every item whose box segment a-b crosses (up to ROUTE_MAX_BLOCKERS),
 * walking the grid column by column: in each column, the cells between
 * the segment's lowest and highest point there. */
static struct route_hits route_grid_segment(struct route_grid *g, const double a[2], const double b[2],
                                            size_t skip0, size_t skip1, struct route_cost *c)
{
    struct route_hits h = {.n = 0, .unsure = false};
    g->tick++;
    long cx0 = route_cell_of(fmin(a[0], b[0]), g->x0, g->cell, g->ncx);
    long cx1 = route_cell_of(fmax(a[0], b[0]), g->x0, g->cell, g->ncx);
    for (long x = cx0; x <= cx1; x++) {
        long cy0, cy1;
        route_column_rows(g, a, b, x, cx0, cx1, &cy0, &cy1);
        for (long y = cy0; y <= cy1; y++)
            if (!route_cell_segment(g, x, y, a, b, skip0, skip1, c, &h)) {
                h.unsure = h.n < ROUTE_MAX_BLOCKERS;
                return h;
            }
    }
    return h;
}

/* Lists item i, segment a-b, in the cells it walks through, paying a cell
 * each from *left; false when that runs out. */
static bool route_grid_add_segment(struct heap *heap, struct route_grid *g, size_t i, const double a[2],
                                   const double b[2], long *left)
{
    long cx0 = route_cell_of(fmin(a[0], b[0]), g->x0, g->cell, g->ncx);
    long cx1 = route_cell_of(fmax(a[0], b[0]), g->x0, g->cell, g->ncx);
    for (long x = cx0; x <= cx1; x++) {
        long cy0, cy1;
        route_column_rows(g, a, b, x, cx0, cx1, &cy0, &cy1);
        for (long y = cy0; y <= cy1; y++) {
            if (--*left < 0)
                return false;
            if (g->n == g->cap) {
                g->cap *= 2;
                g->next = heap_realloc(heap, g->next, g->cap * sizeof *g->next);
                g->item = heap_realloc(heap, g->item, g->cap * sizeof *g->item);
            }
            size_t *h = &g->head[y * g->ncx + x];
            g->item[g->n] = i;
            g->next[g->n] = *h;
            *h = ++g->n;
        }
    }
    return true;
}

/* Whether some item's box meets box b; a spent budget counts as yes. */
static bool route_grid_box_taken(struct route_grid *g, const struct route_box *b, struct route_cost *c)
{
    long r[4];
    route_grid_range(g, b, r);
    g->tick++;
    for (long y = r[1]; y <= r[3]; y++)
        for (long x = r[0]; x <= r[2]; x++) {
            if (!route_pay(c))
                return true;
            for (size_t e = g->head[y * g->ncx + x]; e; e = g->next[e - 1]) {
                size_t i = g->item[e - 1];
                if (g->stamp[i] == g->tick)
                    continue;
                g->stamp[i] = g->tick;
                if (!route_pay(c) || route_boxes_meet(b, &g->boxes[i]))
                    return true;
            }
        }
    return false;
}

/* Whether point (px, py) lies inside some item's box but skip0's and
 * skip1's; a spent budget counts as yes. */
static bool route_grid_point_taken(struct route_grid *g, double px, double py, size_t skip0, size_t skip1,
                                   struct route_cost *c)
{
    long x = route_cell_of(px, g->x0, g->cell, g->ncx), y = route_cell_of(py, g->y0, g->cell, g->ncy);
    if (!route_pay(c))
        return true;
    for (size_t e = g->head[y * g->ncx + x]; e; e = g->next[e - 1]) {
        size_t i = g->item[e - 1];
        if (i == skip0 || i == skip1)
            continue;
        if (!route_pay(c) || route_inside(&g->boxes[i], px, py))
            return true;
    }
    return false;
}

/* ---- one arrow ----------------------------------------------------------- */

/* What routing needs to know about the whole run. */
struct route_ctx {
    const struct route_rect *nodes;
    struct route_grid nodes_grid;
    struct route_grid labels_grid;
    struct route_box *label_boxes;
    struct route_box bounds;    /* where a bent arrow may go: the nodes' extent, and a margin */
    double arrow;
    /* the arrows' pieces (control polygons), for labels to keep off:
     * segment k runs seg[k][0..1] to seg[k][2..3], a piece of arrow
     * seg_edge[k]; none listed (nseg 0) when listing them all would cost
     * more than ROUTE_SEG_CELLS cells per arrow and node */
    struct route_grid arrows_grid;
    double (*seg)[4];
    size_t *seg_edge;
    size_t nseg;
    struct route_search *search;    /* the last resort's tables, made on first use */
};

/* The arrowhead starts `arrow` before the tip, on the way from `from`
 * (at most halfway, for very short arrows). */
static void route_arrow_start(const double from[2], const double tip[2], double arrow, double p[2])
{
    double len = route_dist(from, tip);
    double k = len > 0 ? fmin(arrow, len / 2) / len : 0;
    p[0] = tip[0] - (tip[0] - from[0]) * k;
    p[1] = tip[1] - (tip[1] - from[1]) * k;
}

static void route_lerp(const double a[2], const double b[2], double t, double p[2])
{
    p[0] = a[0] + (b[0] - a[0]) * t;
    p[1] = a[1] + (b[1] - a[1]) * t;
}

static void route_set_straight(struct route_path *p, const double from[2], const double tip[2], double arrow)
{
    double end[2];
    route_arrow_start(from, tip, arrow, end);
    p->npt = 4;
    route_lerp(from, end, 0, p->pt[0]);
    route_lerp(from, end, 1.0 / 3, p->pt[1]);
    route_lerp(from, end, 2.0 / 3, p->pt[2]);
    route_lerp(from, end, 1, p->pt[3]);
    p->tip[0] = tip[0], p->tip[1] = tip[1];
}

/* Cubics from `from` through the bends way[0..nway) to the arrowhead,
 * one per stretch. Smooth: the tangent at a bend is the direction from
 * the point before it to the point after it, so the curve swings outward
 * of the polyline (away from the corner it bends round); smooth 0: straight
 * stretches; in between, the corners rounded less. */
static void route_set_through(struct route_path *p, const double from[2], const double (*way)[2], int nway,
                              const double tip[2], double arrow, double smooth)
{
    double pts[ROUTE_MAX_WAY + 2][2];
    int n = nway + 2;
    pts[0][0] = from[0], pts[0][1] = from[1];
    for (int k = 0; k < nway; k++)
        pts[k + 1][0] = way[k][0], pts[k + 1][1] = way[k][1];
    route_arrow_start(way[nway - 1], tip, arrow, pts[n - 1]);
    double tan[ROUTE_MAX_WAY + 2][2];
    for (int k = 0; k < n; k++) {
        const double *before = pts[k > 0 ? k - 1 : 0], *after = pts[k + 1 < n ? k + 1 : n - 1];
        double d = route_dist(before, after);
        tan[k][0] = d > 0 ? (after[0] - before[0]) / d : 0;
        tan[k][1] = d > 0 ? (after[1] - before[1]) / d : 0;
    }
    p->npt = 3 * (n - 1) + 1;
    for (int k = 0; k + 1 < n; k++) {
        double *c1 = p->pt[3 * k + 1], *c2 = p->pt[3 * k + 2];
        p->pt[3 * k][0] = pts[k][0], p->pt[3 * k][1] = pts[k][1];
        double third = route_dist(pts[k], pts[k + 1]) / 3, sharp1[2], sharp2[2];
        route_lerp(pts[k], pts[k + 1], 1.0 / 3, sharp1);
        route_lerp(pts[k], pts[k + 1], 2.0 / 3, sharp2);
        for (int d = 0; d < 2; d++) {
            c1[d] = sharp1[d] + smooth * (pts[k][d] + tan[k][d] * third - sharp1[d]);
            c2[d] = sharp2[d] + smooth * (pts[k + 1][d] - tan[k + 1][d] * third - sharp2[d]);
        }
    }
    p->pt[p->npt - 1][0] = pts[n - 1][0], p->pt[p->npt - 1][1] = pts[n - 1][1];
    p->tip[0] = tip[0], p->tip[1] = tip[1];
}

static void route_set_bent(struct route_path *p, const double from[2], const double w[2], const double tip[2],
                           double arrow, bool smooth)
{
    double way[1][2] = {{w[0], w[1]}};
    route_set_through(p, from, (const double(*)[2])way, 1, tip, arrow, smooth ? 1 : 0);
}

/* Whether the control polygon of p (which holds the curve) and the last
 * stretch to the tip cross no node but from and to. */
static bool route_path_clear(struct route_ctx *x, const struct route_path *p, size_t from, size_t to,
                             struct route_cost *c)
{
    for (int k = 0; k + 1 <= p->npt; k++) {
        const double *b = k + 1 < p->npt ? p->pt[k + 1] : p->tip;
        struct route_hits h = route_grid_segment(&x->nodes_grid, p->pt[k], b, from, to, c);
        if (h.n > 0 || h.unsure)
            return false;
    }
    return true;
}

/* Whether p's control points (so its curve) stay within b: a bend never
 * takes an arrow out past the outermost nodes, where the axes are. */
static bool route_path_within(const struct route_box *b, const struct route_path *p)
{
    for (int k = 0; k < p->npt; k++)
        if (p->pt[k][0] < b->x0 || p->pt[k][0] > b->x1 || p->pt[k][1] < b->y0 || p->pt[k][1] > b->y1)
            return false;
    return true;
}

/* Bends at way[0..nway), smooth if that is clear, else less and less
 * rounded, down to sharp; false when none is (or a bend lies inside an
 * end node). */
static bool route_try_way(struct route_ctx *x, const struct route_edge *e, const double (*way)[2], int nway,
                          struct route_path *p, struct route_cost *c)
{
    const struct route_rect *a = &x->nodes[e->from], *b = &x->nodes[e->to];
    struct route_box ba = route_box_of(a, ROUTE_CLEAR), bb = route_box_of(b, ROUTE_CLEAR);
    for (int k = 0; k < nway; k++)
        if (route_inside(&ba, way[k][0], way[k][1]) || route_inside(&bb, way[k][0], way[k][1]))
            return false;
    double from[2], tip[2];
    route_border(a, way[0][0], way[0][1], from);
    route_border(b, way[nway - 1][0], way[nway - 1][1], tip);
    static const double smooth[] = {1, 0.5, 0.2, 0};
    for (size_t k = 0; k < sizeof smooth / sizeof smooth[0]; k++) {
        route_set_through(p, from, way, nway, tip, x->arrow, smooth[k]);
        if (route_path_within(&x->bounds, p) && route_path_clear(x, p, e->from, e->to, c))
            return true;
        if (c->left < 0)
            return false;
    }
    return false;
}

static bool route_try_bend(struct route_ctx *x, const struct route_edge *e, const double w[2],
                           struct route_path *p, struct route_cost *c)
{
    double way[1][2] = {{w[0], w[1]}};
    return route_try_way(x, e, (const double(*)[2])way, 1, p, c);
}

/* Bends to try around the blocking nodes, shortest detour first: round
 * each one, and round the box of all of them together. */
struct route_bend {
    double w[2];
    double len;
};

static int route_bend_cmp(const void *pa, const void *pb)
{
    const struct route_bend *a = pa, *b = pb;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    if (a->w[0] != b->w[0])
        return a->w[0] < b->w[0] ? -1 : 1;
    return (a->w[1] > b->w[1]) - (a->w[1] < b->w[1]);
}

static void route_bend_at(struct route_bend *o, double x, double y, const struct route_rect *ra,
                          const struct route_rect *rb)
{
    o->w[0] = x, o->w[1] = y;
    o->len = hypot(x - ra->x, y - ra->y) + hypot(rb->x - x, rb->y - y);
}

/* Bends round box b: its four corners, pushed out diagonally, and points
 * straight across the line from a to b, on either side, beyond b by one
 * to three times its own half-extent (a bend level with the middle of a
 * long node clears both its corners only when far enough out). */
#define ROUTE_BENDS_PER_BOX 10
static int route_bends_round(const struct route_box *b, const struct route_rect *ra, const struct route_rect *rb,
                             struct route_bend *out)
{
    double g = ROUTE_BEND_GAP;
    double xs[2] = {b->x0 - g, b->x1 + g}, ys[2] = {b->y0 - g, b->y1 + g};
    int n = 0;
    for (int k = 0; k < 4; k++)
        route_bend_at(&out[n++], xs[k & 1], ys[k >> 1], ra, rb);
    double dx = rb->x - ra->x, dy = rb->y - ra->y, len = hypot(dx, dy);
    double nx = len > 0 ? -dy / len : 0, ny = len > 0 ? dx / len : 1;
    double cx = (b->x0 + b->x1) / 2, cy = (b->y0 + b->y1) / 2;
    double across = (cx - ra->x) * nx + (cy - ra->y) * ny;   /* b's centre off the line */
    double half = (b->x1 - b->x0) / 2 * fabs(nx) + (b->y1 - b->y0) / 2 * fabs(ny);
    double px = cx - across * nx, py = cy - across * ny;      /* its foot on the line */
    static const double reach[3] = {1, 2, 3};
    for (int side = 1; side >= -1; side -= 2)
        for (int k = 0; k < 3; k++) {
            double off = across + side * (half * reach[k] + g);
            route_bend_at(&out[n++], px + nx * off, py + ny * off, ra, rb);
        }
    return n;
}

/* Whether the stretch from u to v crosses no node but e's two ends. */
static bool route_leg_clear(struct route_ctx *x, const struct route_edge *e, const double u[2], const double v[2],
                            struct route_cost *c)
{
    struct route_hits h = route_grid_segment(&x->nodes_grid, u, v, e->from, e->to, c);
    return h.n == 0 && !h.unsure;
}

/* Each bend's two outer legs, from's border to it and it to to's border,
 * tested once: clear[k] bit 0 the first, bit 1 the second. */
static void route_outer_legs(struct route_ctx *x, const struct route_edge *e, const struct route_bend *bends,
                             int n, unsigned char *clear, struct route_cost *c)
{
    const struct route_rect *a = &x->nodes[e->from], *b = &x->nodes[e->to];
    struct route_box ba = route_box_of(a, ROUTE_CLEAR), bb = route_box_of(b, ROUTE_CLEAR);
    for (int k = 0; k < n; k++) {
        const double *w = bends[k].w;
        double from[2], tip[2];
        clear[k] = 0;
        if (route_inside(&ba, w[0], w[1]) || route_inside(&bb, w[0], w[1]) || !route_pay(c))
            continue;
        route_border(a, w[0], w[1], from);
        route_border(b, w[0], w[1], tip);
        clear[k] = (unsigned char)(route_leg_clear(x, e, from, w, c) | route_leg_clear(x, e, w, tip, c) << 1);
    }
}

/* Two bends, both from the same candidates, the one nearer from's end of
 * the line first: what a move across a grid of roles needs (along a gap
 * between rows, then one between columns). Pairs shortest first, within
 * the same length limit as one bend, and only those whose outer legs are
 * clear. */
struct route_pair_bend {
    short i, j;
    double len;
};

static int route_pair_bend_cmp(const void *pa, const void *pb)
{
    const struct route_pair_bend *a = pa, *b = pb;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    if (a->i != b->i)
        return a->i < b->i ? -1 : 1;
    return (a->j > b->j) - (a->j < b->j);
}

#define ROUTE_MAX_BENDS (ROUTE_BENDS_PER_BOX * (ROUTE_MAX_BLOCKERS + 1))

static bool route_detour_twice(struct route_ctx *x, const struct route_edge *e, const struct route_bend *bends,
                               int n, const unsigned char *clear, double most, struct route_path *p,
                               struct route_cost *c)
{
    const struct route_rect *a = &x->nodes[e->from], *b = &x->nodes[e->to];
    double dx = b->x - a->x, dy = b->y - a->y;
    struct route_pair_bend pairs[ROUTE_MAX_BENDS * ROUTE_MAX_BENDS];
    size_t np = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n && clear[i] & 1; j++) {
            const double *u = bends[i].w, *v = bends[j].w;
            if (!(clear[j] & 2) || (v[0] - u[0]) * dx + (v[1] - u[1]) * dy <= 0)
                continue;   /* v's leg to the end is blocked, or v is not further along than u */
            double len = hypot(u[0] - a->x, u[1] - a->y) + hypot(v[0] - u[0], v[1] - u[1]) +
                         hypot(b->x - v[0], b->y - v[1]);
            if (len <= most)
                pairs[np++] = (struct route_pair_bend){(short)i, (short)j, len};
        }
    qsort(pairs, np, sizeof *pairs, route_pair_bend_cmp);
    for (size_t k = 0; k < np && c->left > 0; k++) {
        double way[2][2] = {{bends[pairs[k].i].w[0], bends[pairs[k].i].w[1]},
                            {bends[pairs[k].j].w[0], bends[pairs[k].j].w[1]}};
        if (route_leg_clear(x, e, way[0], way[1], c) && route_try_way(x, e, (const double(*)[2])way, 2, p, c))
            return true;
    }
    return false;
}

static bool route_detour(struct route_ctx *x, const struct route_edge *e, const struct route_hits *h,
                         struct route_path *p, struct route_cost *c)
{
    const struct route_rect *a = &x->nodes[e->from], *b = &x->nodes[e->to];
    struct route_bend bends[ROUTE_MAX_BENDS];
    int n = 0;
    struct route_box all = x->nodes_grid.boxes[h->item[0]];
    for (int k = 0; k < h->n; k++) {
        const struct route_box *o = &x->nodes_grid.boxes[h->item[k]];
        n += route_bends_round(o, a, b, bends + n);
        all.x0 = fmin(all.x0, o->x0), all.y0 = fmin(all.y0, o->y0);
        all.x1 = fmax(all.x1, o->x1), all.y1 = fmax(all.y1, o->y1);
    }
    if (h->n > 1)
        n += route_bends_round(&all, a, b, bends + n);
    qsort(bends, (size_t)n, sizeof *bends, route_bend_cmp);
    double most = ROUTE_DETOUR_MAX * hypot(b->x - a->x, b->y - a->y) + ROUTE_DETOUR_SLACK;
    while (n > 0 && bends[n - 1].len > most)
        n--;    /* sorted: the rest are longer still */
    unsigned char clear[ROUTE_MAX_BENDS];
    route_outer_legs(x, e, bends, n, clear, c);
    for (int k = 0; k < n && c->left > 0; k++)
        if (clear[k] == 3 && route_try_bend(x, e, bends[k].w, p, c))
            return true;
    return route_detour_twice(x, e, bends, n, clear, most, p, c);
}

/* ---- the last resort: a search on a fine grid ----------------------------
 *
 * When no one or two bends clear, A* looks for a way between the roles on
 * a grid of squares, ROUTE_STEP points or 1/ROUTE_STEPS_ALONG of the line
 * if larger (8 neighbours, a square free when its
 * centre lies in no role grown by ROUTE_CLEAR), then pulls the string
 * (from each point, on to the farthest one in a clear line) and draws the
 * curve through what is left, up to ROUTE_MAX_WAY bends. Its squares live
 * in a hash table of ROUTE_SEARCH_SLOTS, stamped per search, so a search
 * costs what it visits, never the map's area, and stops when its budget
 * or the table runs out. */
#define ROUTE_STEP          4.0     /* the least square */
#define ROUTE_STEPS_ALONG   128.0   /* squares along the straight line, at most */
#define ROUTE_SEARCH_SLOTS  16384   /* a power of two */
#define ROUTE_SEARCH_WEIGHT 1.2     /* > 1: greedier, fewer squares visited, paths a little longer */

struct route_square {
    int x, y;           /* in steps from the start */
    unsigned stamp;     /* the search it belongs to */
    int parent;         /* slot, -1 at the start */
    double g;           /* path length so far */
    bool closed;
};

struct route_open {
    double f;
    int slot;
};

struct route_search {
    double step;        /* this search's square, in points */
    struct route_square sq[ROUTE_SEARCH_SLOTS];
    struct route_open heap[ROUTE_SEARCH_SLOTS];
    int nheap;
    unsigned stamp;
};

/* The slot of square (x, y) in this search, made if new; -1 when full. */
static int route_square_slot(struct route_search *s, int x, int y, bool *fresh)
{
    unsigned h = ((unsigned)x * 73856093u) ^ ((unsigned)y * 19349663u);
    for (unsigned k = 0; k < ROUTE_SEARCH_SLOTS; k++) {
        int i = (int)((h + k) & (ROUTE_SEARCH_SLOTS - 1));
        struct route_square *q = &s->sq[i];
        if (q->stamp != s->stamp) {
            if (k > 64)
                return -1;  /* crowded: give up rather than probe on */
            *q = (struct route_square){x, y, s->stamp, -1, HUGE_VAL, false};
            *fresh = true;
            return i;
        }
        if (q->x == x && q->y == y) {
            *fresh = false;
            return i;
        }
    }
    return -1;
}

static void route_open_push(struct route_search *s, double f, int slot)
{
    int i = s->nheap++;
    while (i > 0 && s->heap[(i - 1) / 2].f > f) {
        s->heap[i] = s->heap[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    s->heap[i] = (struct route_open){f, slot};
}

static struct route_open route_open_pop(struct route_search *s)
{
    struct route_open top = s->heap[0], last = s->heap[--s->nheap];
    int i = 0;
    for (;;) {
        int k = 2 * i + 1;
        if (k >= s->nheap)
            break;
        if (k + 1 < s->nheap && s->heap[k + 1].f < s->heap[k].f)
            k++;
        if (s->heap[k].f >= last.f)
            break;
        s->heap[i] = s->heap[k];
        i = k;
    }
    if (s->nheap > 0)
        s->heap[i] = last;
    return top;
}

/* A* from a's centre to any square in b (grown by ROUTE_CLEAR); the slot
 * of the square reached, or -1. */
static int route_astar(struct route_ctx *x, const struct route_edge *e, double most, struct route_cost *c)
{
    struct route_search *s = x->search;
    const struct route_rect *a = &x->nodes[e->from], *b = &x->nodes[e->to];
    struct route_box goal = route_box_of(b, ROUTE_CLEAR);
    s->stamp++;
    s->nheap = 0;
    bool fresh;
    int start = route_square_slot(s, 0, 0, &fresh);
    s->sq[start].g = 0;
    route_open_push(s, 0, start);
    static const int dx[8] = {1, -1, 0, 0, 1, 1, -1, -1}, dy[8] = {0, 0, 1, -1, 1, -1, 1, -1};
    while (s->nheap > 0 && route_pay(c)) {
        int at = route_open_pop(s).slot;
        struct route_square *q = &s->sq[at];
        if (q->closed)
            continue;
        q->closed = true;
        double px = a->x + q->x * s->step, py = a->y + q->y * s->step;
        if (route_inside(&goal, px, py))
            return at;
        for (int k = 0; k < 8; k++) {
            int nx = q->x + dx[k], ny = q->y + dy[k];
            double cx = a->x + nx * s->step, cy = a->y + ny * s->step;
            double g = q->g + (k < 4 ? s->step : s->step * 1.4142135623730951);
            double h = hypot(b->x - cx, b->y - cy);
            if (g + h > most || !route_inside(&x->bounds, cx, cy))
                continue;
            int n = route_square_slot(s, nx, ny, &fresh);
            if (n < 0)
                return -1;
            struct route_square *r = &s->sq[n];
            if (r->closed || g >= r->g)
                continue;
            if (fresh && route_grid_point_taken(&x->nodes_grid, cx, cy, e->from, e->to, c)) {
                r->closed = true;   /* a role's square: never open */
                continue;
            }
            if (k >= 4) {
                /* a diagonal step may cut a role's corner between four free squares */
                double from[2] = {px, py}, to[2] = {cx, cy};
                struct route_hits hit = route_grid_segment(&x->nodes_grid, from, to, e->from, e->to, c);
                if (hit.n > 0 || hit.unsure)
                    continue;
            }
            r->g = g;
            r->parent = at;
            if (s->nheap == ROUTE_SEARCH_SLOTS)
                return -1;
            route_open_push(s, g + ROUTE_SEARCH_WEIGHT * h, n);
        }
    }
    return -1;
}

/* The point of the path at index j: the squares' centres from the start
 * (index n - 1) to the last (0), then b's centre (-1). */
static void route_path_point(const struct route_ctx *x, const struct route_edge *e, int j, double p[2])
{
    if (j < 0) {
        p[0] = x->nodes[e->to].x, p[1] = x->nodes[e->to].y;
        return;
    }
    const struct route_square *q = &x->search->sq[x->search->heap[j].slot];
    p[0] = x->nodes[e->from].x + q->x * x->search->step;
    p[1] = x->nodes[e->from].y + q->y * x->search->step;
}

/* The bends of the path that ends at slot `end`, from a's centre through
 * its squares' centres to b's centre, the string pulled tight (each bend
 * the farthest point in a clear line from the last). Returns their
 * number, or -1 when there are more than ROUTE_MAX_WAY. */
static int route_pull(struct route_ctx *x, const struct route_edge *e, int end, double way[][2],
                      struct route_cost *c)
{
    struct route_search *s = x->search;
    int n = 0;  /* the path's squares, last first, in the heap's array */
    for (int i = end; i >= 0 && n < ROUTE_SEARCH_SLOTS; i = s->sq[i].parent)
        s->heap[n++].slot = i;
    double last[2];
    route_path_point(x, e, n - 1, last);
    int nway = 0, k = n - 1;
    while (k >= 0) {
        int far = k - 1;  /* the next square always sees this one */
        for (int j = k - 2; j >= -1; j--) {
            double p[2];
            route_path_point(x, e, j, p);
            struct route_hits h = route_grid_segment(&x->nodes_grid, last, p, e->from, e->to, c);
            if (h.n > 0 || h.unsure)
                break;
            far = j;
        }
        if (far < 0)
            break;  /* b's centre in sight */
        if (nway == ROUTE_MAX_WAY)
            return -1;
        route_path_point(x, e, far, last);
        way[nway][0] = last[0], way[nway][1] = last[1];
        nway++;
        k = far;
    }
    return nway;
}

/* The last resort (see above): true when it found a clear path. */
static bool route_search_way(struct heap *heap, struct route_ctx *x, const struct route_edge *e, double most,
                             struct route_path *p, struct route_cost *c)
{
    if (!x->search) {
        x->search = heap_alloc(heap, sizeof *x->search);
        for (int i = 0; i < ROUTE_SEARCH_SLOTS; i++)
            x->search->sq[i].stamp = 0;
        x->search->stamp = 0;
    }
    /* a long arrow searches on larger squares: the same budget then
     * reaches as far, and the gaps it needs are wider away from crowds */
    const struct route_rect *a = &x->nodes[e->from], *b = &x->nodes[e->to];
    x->search->step = fmax(ROUTE_STEP, hypot(b->x - a->x, b->y - a->y) / ROUTE_STEPS_ALONG);
    int end = route_astar(x, e, most, c);
    if (end < 0)
        return false;
    double way[ROUTE_MAX_WAY][2];
    int nway = route_pull(x, e, end, way, c), kept = 0;
    /* bends within an end's margin (the search starts and stops there) go:
     * the arrow starts and ends on the border anyway */
    struct route_box ba = route_box_of(&x->nodes[e->from], ROUTE_CLEAR);
    struct route_box bb = route_box_of(&x->nodes[e->to], ROUTE_CLEAR);
    for (int k = 0; k < nway; k++)
        if (!route_inside(&ba, way[k][0], way[k][1]) && !route_inside(&bb, way[k][0], way[k][1])) {
            way[kept][0] = way[k][0], way[kept][1] = way[k][1];
            kept++;
        }
    return kept > 0 && route_try_way(x, e, (const double(*)[2])way, kept, p, c);
}

/* The bow of the j-th arrow between one pair of nodes (0 when it is the
 * only one), to the left of the pair's own direction, lower index to
 * higher: arrows both ways bow to opposite sides. */
static double route_bow(size_t j, size_t group)
{
    if (group < 2)
        return 0;
    size_t k = j % (2 * ROUTE_MAX_BOWS);
    double side = k % 2 ? -1 : 1;
    return side * ROUTE_BOW * (double)(k / 2 + 1);
}

/* Edge e's path: bowed when it has parallels, else straight, or bent
 * past what blocks the straight line, or straight and blocked. */
static void route_one(struct heap *heap, struct route_ctx *x, const struct route_edge *e, double bow,
                      struct route_path *p, struct route_cost *c, struct route_cost *search)
{
    const struct route_rect *a = &x->nodes[e->from], *b = &x->nodes[e->to];
    p->bent = p->blocked = false;
    if (e->from == e->to) {
        /* a loop on the right side (the checker allows none; be safe) */
        double from[2] = {a->x + a->w / 2, a->y + a->h / 4}, tip[2] = {a->x + a->w / 2, a->y - a->h / 4};
        double w[2] = {a->x + a->w / 2 + 24, a->y};
        route_set_bent(p, from, w, tip, x->arrow, true);
        p->bent = true;
        return;
    }
    if (bow != 0) {
        /* the pair's direction, lower index to higher */
        const struct route_rect *lo = e->from < e->to ? a : b, *hi = e->from < e->to ? b : a;
        double dx = hi->x - lo->x, dy = hi->y - lo->y, len = hypot(dx, dy);
        if (len > 0) {
            double w[2] = {(a->x + b->x) / 2 - dy / len * bow, (a->y + b->y) / 2 + dx / len * bow};
            if (route_try_bend(x, e, w, p, c)) {
                p->bent = true;
                return;
            }
        }
    }
    double from[2], tip[2];
    route_border(a, b->x, b->y, from);
    route_border(b, a->x, a->y, tip);
    route_set_straight(p, from, tip, x->arrow);
    struct route_hits h = route_grid_segment(&x->nodes_grid, from, tip, e->from, e->to, c);
    if (h.n == 0)
        return;
    struct route_path bent;
    double most = ROUTE_DETOUR_MAX * hypot(b->x - a->x, b->y - a->y) + ROUTE_SEARCH_SLACK;
    if (route_detour(x, e, &h, &bent, c) || route_search_way(heap, x, e, most, &bent, search)) {
        *p = bent;
        p->bent = true;
        p->blocked = false;
        return;
    }
    p->blocked = true;
}

/* ---- labels -------------------------------------------------------------- */

/* The point of the path at t in [0, 1] and its direction there. */
static void route_path_at(const struct route_path *p, double t, double pt[2], double dir[2])
{
    int pieces = (p->npt - 1) / 3;
    double at = t * pieces;
    int piece = at >= pieces ? pieces - 1 : (int)at;
    t = at - piece;
    const double(*q)[2] = p->pt + 3 * piece;
    double u = 1 - t;
    for (int k = 0; k < 2; k++) {
        pt[k] = u * u * u * q[0][k] + 3 * u * u * t * q[1][k] + 3 * u * t * t * q[2][k] + t * t * t * q[3][k];
        dir[k] = 3 * u * u * (q[1][k] - q[0][k]) + 6 * u * t * (q[2][k] - q[1][k]) + 3 * t * t * (q[3][k] - q[2][k]);
    }
    if (dir[0] == 0 && dir[1] == 0) {
        dir[0] = q[3][0] - q[0][0];
        dir[1] = q[3][1] - q[0][1];
    }
}

/* Where along the arrow a label may go, middle first, and on which side. */
static const double route_label_t[] = {0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8};

/* Whether box b crosses a piece of an arrow other than edge i's; a spent
 * budget counts as yes. */
static bool route_arrows_cross(struct route_ctx *x, const struct route_box *b, size_t i, struct route_cost *c)
{
    struct route_grid *g = &x->arrows_grid;
    long r[4];
    route_grid_range(g, b, r);
    g->tick++;
    for (long y = r[1]; y <= r[3]; y++)
        for (long cx = r[0]; cx <= r[2]; cx++) {
            if (!route_pay(c))
                return true;
            for (size_t e = g->head[y * g->ncx + cx]; e; e = g->next[e - 1]) {
                size_t k = g->item[e - 1];
                if (g->stamp[k] == g->tick || x->seg_edge[k] == i)
                    continue;
                g->stamp[k] = g->tick;
                if (!route_pay(c) || route_segment_enters(x->seg[k], x->seg[k] + 2, b) >= 0)
                    return true;
            }
        }
    return false;
}

/* Whether a label of edge i at (cx, cy) keeps ROUTE_LABEL_PAD from every
 * node (whose grid boxes are grown by ROUTE_CLEAR) and from every label
 * placed, and, when `arrows`, lies on no other arrow. */
static bool route_label_free(struct route_ctx *x, size_t i, double cx, double cy, double hw, double hh,
                             bool arrows, struct route_cost *c)
{
    double pn = ROUTE_LABEL_PAD - ROUTE_CLEAR, pl = ROUTE_LABEL_PAD;
    struct route_box bn = {cx - hw - pn, cy - hh - pn, cx + hw + pn, cy + hh + pn};
    struct route_box bl = {cx - hw - pl, cy - hh - pl, cx + hw + pl, cy + hh + pl};
    return !route_grid_box_taken(&x->nodes_grid, &bn, c) && !route_grid_box_taken(&x->labels_grid, &bl, c) &&
           !(arrows && route_arrows_cross(x, &bl, i, c));
}

/* The first free spot for edge e's label beside path p: at each t, on
 * either side, just clear of the arrow (the box's extent across the
 * arrow's direction, plus a gap), then one label further out (further
 * still, a label would float free of its arrow: better a tooltip). First
 * off every other arrow; failing that, on one (a label crossed by a line
 * still reads, one under another label does not). */
static void route_label(struct heap *heap, struct route_ctx *x, const struct route_edge *e, size_t i,
                        struct route_path *p, struct route_cost *c)
{
    double hw = e->lw / 2, hh = e->lh / 2;
    p->placed = false;
    if (e->lw <= 0)
        return;
    for (int arrows = x->nseg > 0; arrows >= 0; arrows--)
        for (int ring = 0; ring < 2; ring++)
            for (size_t k = 0; k < sizeof route_label_t / sizeof route_label_t[0] && c->left > 0; k++) {
                double pt[2], d[2];
                route_path_at(p, route_label_t[k], pt, d);
                double len = hypot(d[0], d[1]);
                double nx = len > 0 ? -d[1] / len : 0, ny = len > 0 ? d[0] / len : 1;
                double across = hw * fabs(nx) + hh * fabs(ny);
                double off = across * (1 + 2 * ring) + ROUTE_LABEL_GAP * (1 + ring);
                for (int side = 1; side >= -1; side -= 2) {
                    double cx = pt[0] + side * nx * off, cy = pt[1] + side * ny * off;
                    if (route_label_free(x, i, cx, cy, hw, hh, arrows, c)) {
                        x->label_boxes[i] = (struct route_box){cx - hw, cy - hh, cx + hw, cy + hh};
                        route_grid_add(heap, &x->labels_grid, i);
                        p->lp[0] = cx, p->lp[1] = cy;
                        p->placed = true;
                        return;
                    }
                }
            }
}

/* Lists every piece of every arrow's control polygon (which holds its
 * curve) in x->arrows_grid, unless that takes more than ROUTE_SEG_CELLS
 * cells per arrow and node: then none (x->nseg 0). Returns the cells it
 * took (work, for the stats). */
static size_t route_list_arrows(struct heap *heap, struct route_ctx *x, struct route_box area, double side,
                                const struct route_path *paths, size_t nedges, size_t nnodes)
{
    size_t n = 0;
    for (size_t i = 0; i < nedges; i++)
        n += (size_t)paths[i].npt;
    x->seg = heap_calloc(heap, n ? n : 1, sizeof *x->seg);
    x->seg_edge = heap_calloc(heap, n ? n : 1, sizeof *x->seg_edge);
    route_grid_init(heap, &x->arrows_grid, area, side, nnodes, NULL, n);
    long most = (long)fmin(ROUTE_SEG_CELLS * (double)(nedges + nnodes), (double)LONG_MAX / 2), left = most;
    bool whole = true;
    x->nseg = 0;
    for (size_t i = 0; i < nedges && whole; i++) {
        const struct route_path *p = &paths[i];
        for (int k = 0; k < p->npt && whole; k++) {
            const double *a = p->pt[k], *b = k + 1 < p->npt ? p->pt[k + 1] : p->tip;
            size_t s = x->nseg++;
            x->seg[s][0] = a[0], x->seg[s][1] = a[1], x->seg[s][2] = b[0], x->seg[s][3] = b[1];
            x->seg_edge[s] = i;
            whole = route_grid_add_segment(heap, &x->arrows_grid, s, a, b, &left);
        }
    }
    if (!whole)
        x->nseg = 0;
    return (size_t)(most - (left < 0 ? 0 : left));
}

static void route_unlist_arrows(struct heap *heap, struct route_ctx *x)
{
    route_grid_free(heap, &x->arrows_grid);
    heap_free(heap, x->seg);
    heap_free(heap, x->seg_edge);
}

/* ---- the run ------------------------------------------------------------- */

/* Arrows in order of their pair of nodes (smaller index first), then of
 * their own index: a run of equal pairs is a group of parallel arrows. */
struct route_pair {
    size_t lo, hi, i;
};

static int route_pair_cmp(const void *pa, const void *pb)
{
    const struct route_pair *a = pa, *b = pb;
    if (a->lo != b->lo)
        return a->lo < b->lo ? -1 : 1;
    if (a->hi != b->hi)
        return a->hi < b->hi ? -1 : 1;
    return (a->i > b->i) - (a->i < b->i);
}

/* Each arrow's bow (0 for an arrow alone between its two nodes). */
static double *route_bows(struct heap *heap, const struct route_edge *edges, size_t n)
{
    double *bow = heap_calloc(heap, n ? n : 1, sizeof *bow);
    struct route_pair *pairs = heap_calloc(heap, n ? n : 1, sizeof *pairs);
    for (size_t i = 0; i < n; i++) {
        size_t f = edges[i].from, t = edges[i].to;
        pairs[i] = (struct route_pair){f < t ? f : t, f < t ? t : f, i};
    }
    qsort(pairs, n, sizeof *pairs, route_pair_cmp);
    for (size_t s = 0, e; s < n; s = e) {
        for (e = s + 1; e < n && pairs[e].lo == pairs[s].lo && pairs[e].hi == pairs[s].hi; e++)
            ;
        for (size_t j = s; j < e; j++)
            bow[pairs[j].i] = route_bow(j - s, e - s);
    }
    heap_free(heap, pairs);
    return bow;
}

static struct route_box route_extent(const struct route_box *boxes, size_t n)
{
    struct route_box all = boxes[0];
    for (size_t i = 1; i < n; i++) {
        all.x0 = fmin(all.x0, boxes[i].x0), all.y0 = fmin(all.y0, boxes[i].y0);
        all.x1 = fmax(all.x1, boxes[i].x1), all.y1 = fmax(all.y1, boxes[i].y1);
    }
    return all;
}

/* The cell size: about the mean node's larger side, so a node covers a
 * few cells at most and a cell holds a few nodes at most (unless they
 * pile up, which the budget answers). */
static double route_mean_side(const struct route_rect *nodes, size_t n)
{
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += fmax(nodes[i].w, nodes[i].h);
    return sum / (double)n + 2 * ROUTE_CLEAR;
}

void route_edges(struct heap *heap, const struct route_input *in, struct route_path *out,
                 struct route_stats *stats)
{
    const struct route_rect *nodes = in->nodes;
    const struct route_edge *edges = in->edges;
    size_t nnodes = in->nnodes, nedges = in->nedges, nkeep = in->nkeep;
    double arrow = in->arrow;
    struct route_stats st = {0, 0, 0, 0};
    if (nnodes == 0 || nedges == 0) {
        if (stats)
            *stats = st;
        return;
    }
    struct route_ctx x;
    x.nodes = nodes;
    x.search = NULL;
    x.arrow = arrow;
    struct route_box *node_boxes = heap_calloc(heap, nnodes, sizeof *node_boxes);
    for (size_t i = 0; i < nnodes; i++)
        node_boxes[i] = route_box_of(&nodes[i], ROUTE_CLEAR);
    struct route_box area = route_extent(node_boxes, nnodes);
    x.bounds = (struct route_box){area.x0 - ROUTE_MARGIN, area.y0 - ROUTE_MARGIN, area.x1 + ROUTE_MARGIN,
                                  area.y1 + ROUTE_MARGIN};
    double side = route_mean_side(nodes, nnodes);
    route_grid_init(heap, &x.nodes_grid, area, side, nnodes, node_boxes, nnodes);
    for (size_t i = 0; i < nnodes; i++)
        route_grid_add(heap, &x.nodes_grid, i);
    /* the labels' grid starts with what they keep off (as labels placed
     * before them, after the edges' own slots) */
    x.label_boxes = heap_calloc(heap, nedges + nkeep, sizeof *x.label_boxes);
    route_grid_init(heap, &x.labels_grid, area, side, nnodes, x.label_boxes, nedges + nkeep);
    for (size_t k = 0; k < nkeep; k++) {
        x.label_boxes[nedges + k] = route_box_of(&in->keep[k], 0);
        route_grid_add(heap, &x.labels_grid, nedges + k);
    }

    double *bow = route_bows(heap, edges, nedges);
    /* the searches' budget, shared: a search costs much more per step than
     * the rest, and 10k blocked arrows must not each spend a whole budget */
    size_t searches = ROUTE_SEARCH_SHARE * (nnodes + nedges);
    for (size_t i = 0; i < nedges; i++) {
        long cap = (long)fmin(ROUTE_SEARCH_BUDGET, (double)searches);
        struct route_cost route = {ROUTE_BUDGET}, search = {cap};
        route_one(heap, &x, &edges[i], bow[i], &out[i], &route, &search);
        size_t searched = (size_t)(cap - (search.left < 0 ? 0 : search.left));
        searches -= searched;
        st.work += route_spent(&route) + searched;
        st.bent += out[i].bent;
        st.blocked += out[i].blocked;
    }
    heap_free(heap, bow);
    /* labels once every arrow is known, so that they can keep off them */
    st.work += route_list_arrows(heap, &x, area, side, out, nedges, nnodes);
    for (size_t i = 0; i < nedges; i++) {
        struct route_cost label = {ROUTE_BUDGET};
        route_label(heap, &x, &edges[i], i, &out[i], &label);
        st.work += route_spent(&label);
        st.unplaced += edges[i].lw > 0 && !out[i].placed;
    }
    route_unlist_arrows(heap, &x);
    heap_free(heap, x.search);
    route_grid_free(heap, &x.labels_grid);
    route_grid_free(heap, &x.nodes_grid);
    heap_free(heap, x.label_boxes);
    heap_free(heap, node_boxes);
    if (stats)
        *stats = st;
}
