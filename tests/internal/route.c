/* route.c - lib/emit/route.c on crafted rectangles: a move blocked by a
 * node bends round it; a clear one stays straight, border to border;
 * moves both ways and a fan of moves get labels that overlap neither each
 * other nor a node; and the hostile shapes (every node on one spot, 10k
 * moves between the same two rows) finish within their budget, which
 * route_stats.work counts, so the bound is tested without a clock.
 *
 * Built and run by tests/suites/route.sh against build/libladder.a.
 * Prints one line per failed check and exits 1 when any failed. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "heap.h"
#include "route.h"

static int failures;

/* route_edges with nothing for the labels to keep off */
static void route(struct heap *heap, const struct route_rect *nodes, size_t nn, const struct route_edge *edges,
                  size_t ne, double arrow, struct route_path *out, struct route_stats *st)
{
    struct route_input in = {nodes, nn, edges, ne, NULL, 0, arrow};
    route_edges(heap, &in, out, st);
}

#define EXPECT(cond, what)                                                     \
    do {                                                                       \
        if (!(cond)) {                                                         \
            printf("FAIL %s:%d: %s\n", __func__, __LINE__, what);              \
            failures++;                                                        \
        }                                                                      \
    } while (0)

#define ARROW 8.0

/* Whether (x, y) lies inside r shrunk by `in` on every side. */
static bool inside(const struct route_rect *r, double x, double y, double in)
{
    return fabs(x - r->x) < r->w / 2 - in && fabs(y - r->y) < r->h / 2 - in;
}

/* Whether (x, y) lies on r's border, give or take `tol`. */
static bool on_border(const struct route_rect *r, double x, double y, double tol)
{
    double dx = fabs(x - r->x) - r->w / 2, dy = fabs(y - r->y) - r->h / 2;
    return (fabs(dx) <= tol && dy <= tol) || (fabs(dy) <= tol && dx <= tol);
}

/* Whether path p, sampled finely, enters node r. */
static bool path_enters(const struct route_path *p, const struct route_rect *r)
{
    for (int piece = 0; piece + 3 < p->npt; piece += 3)
        for (int k = 0; k <= 64; k++) {
            double t = k / 64.0, u = 1 - t, xy[2];
            for (int d = 0; d < 2; d++)
                xy[d] = u * u * u * p->pt[piece][d] + 3 * u * u * t * p->pt[piece + 1][d] +
                        3 * u * t * t * p->pt[piece + 2][d] + t * t * t * p->pt[piece + 3][d];
            if (inside(r, xy[0], xy[1], 0))
                return true;
        }
    return false;
}

static bool labels_meet(const struct route_edge *ea, const struct route_path *a, const struct route_edge *eb,
                        const struct route_path *b)
{
    return fabs(a->lp[0] - b->lp[0]) < (ea->lw + eb->lw) / 2 && fabs(a->lp[1] - b->lp[1]) < (ea->lh + eb->lh) / 2;
}

static bool label_on_node(const struct route_edge *e, const struct route_path *p, const struct route_rect *r)
{
    return fabs(p->lp[0] - r->x) < (e->lw + r->w) / 2 && fabs(p->lp[1] - r->y) < (e->lh + r->h) / 2;
}

/* No two placed labels overlap, nor a placed label and a node. */
static int label_clashes(const struct route_rect *nodes, size_t nn, const struct route_edge *e,
                         const struct route_path *p, size_t ne)
{
    int clashes = 0;
    for (size_t i = 0; i < ne; i++) {
        if (!p[i].placed)
            continue;
        for (size_t j = i + 1; j < ne; j++)
            clashes += p[j].placed && labels_meet(&e[i], &p[i], &e[j], &p[j]);
        for (size_t k = 0; k < nn; k++)
            clashes += label_on_node(&e[i], &p[i], &nodes[k]);
    }
    return clashes;
}

/* Three nodes in a row, the outer two joined: the line through the middle
 * one is blocked, and there is room above and below it. */
static void test_blocked_move_bends(void)
{
    struct heap heap;
    heap_init(&heap, NULL, NULL);
    struct route_rect nodes[] = {{0, 0, 80, 34}, {200, 0, 100, 34}, {400, 0, 80, 34}};
    struct route_edge edges[] = {{0, 2, 30, 12}, {0, 1, 30, 12}, {1, 2, 30, 12}};
    struct route_path p[3];
    struct route_stats st;
    route(&heap, nodes, 3, edges, 3, ARROW, p, &st);
    EXPECT(p[0].bent && !p[0].blocked && p[0].npt >= 7, "the move over the middle node bends");
    EXPECT(!path_enters(&p[0], &nodes[1]), "and its curve stays out of the middle node");
    EXPECT(!p[1].bent && !p[1].blocked && p[1].npt == 4, "the moves to and from the middle stay straight");
    EXPECT(on_border(&nodes[0], p[1].pt[0][0], p[1].pt[0][1], 0.01), "a straight move starts on its node's border");
    EXPECT(on_border(&nodes[1], p[1].tip[0], p[1].tip[1], 0.01), "and its tip ends on the other's");
    EXPECT(fabs(hypot(p[1].tip[0] - p[1].pt[3][0], p[1].tip[1] - p[1].pt[3][1]) - ARROW) < 1e-9,
           "the curve stops one arrowhead before the tip");
    EXPECT(on_border(&nodes[2], p[0].tip[0], p[0].tip[1], 0.01), "the bent move's tip is on its target's border");
    EXPECT(st.bent == 1 && st.blocked == 0 && st.unplaced == 0, "the stats count one bend, no block, all labels");
    EXPECT(label_clashes(nodes, 3, edges, p, 3) == 0, "no label on a node or another label");
    heap_free_all(&heap);
}

/* A grid of roles 50 x 34 points, 103 apart across and 84 up (the
 * generated 50-role grid), and a move three columns over and two rows
 * up, across the roles between: it bends through the gaps. */
static void test_grid_move_bends_twice(void)
{
    struct heap heap;
    heap_init(&heap, NULL, NULL);
    struct route_rect nodes[5 * 4];
    for (int r = 0; r < 4; r++)
        for (int k = 0; k < 5; k++)
            nodes[r * 5 + k] = (struct route_rect){40 + 103.0 * k, 28 + 84.0 * r, 50, 34};
    struct route_edge e = {0, 2 * 5 + 3, 30, 12};
    struct route_path p;
    struct route_stats st;
    route(&heap, nodes, 20, &e, 1, ARROW, &p, &st);
    EXPECT(p.bent && !p.blocked, "the long move bends");
    int crossed = 0;
    for (int k = 1; k < 20; k++)
        crossed += k != 13 && path_enters(&p, &nodes[k]);
    EXPECT(crossed == 0, "and enters no role on its way");
    EXPECT(st.work <= 2 * ROUTE_BUDGET + 21 * (ROUTE_SEG_CELLS + ROUTE_SEARCH_SHARE), "within its budget");
    heap_free_all(&heap);
}

/* The same in a denser grid (57 x 34 points, 80 apart across and 56 up,
 * the generated 100-role grid): the gaps are too narrow for two bends,
 * and the search finds the way. */
static void test_dense_grid_move_searches(void)
{
    struct heap heap;
    heap_init(&heap, NULL, NULL);
    struct route_rect nodes[6 * 5];
    for (int r = 0; r < 5; r++)
        for (int k = 0; k < 6; k++)
            nodes[r * 6 + k] = (struct route_rect){40 + 80.0 * k, 28 + 56.0 * r, 57, 34};
    struct route_edge e = {0, 2 * 6 + 3, 30, 12};
    struct route_path p;
    struct route_stats st;
    route(&heap, nodes, 30, &e, 1, ARROW, &p, &st);
    EXPECT(p.bent && !p.blocked && p.npt > 10, "the long move in a dense grid bends more than twice");
    int crossed = 0;
    for (int k = 1; k < 30; k++)
        crossed += k != 15 && path_enters(&p, &nodes[k]);
    EXPECT(crossed == 0, "and enters no role on its way");
    heap_free_all(&heap);
}

/* A wall of nodes from top to bottom, far taller than a bend can clear:
 * no simple detour, so the move stays straight and says it is blocked. */
static void test_wall_blocks(void)
{
    struct heap heap;
    heap_init(&heap, NULL, NULL);
    struct route_rect nodes[2 + 21];
    nodes[0] = (struct route_rect){0, 0, 60, 30};
    nodes[1] = (struct route_rect){400, 0, 60, 30};
    for (int k = 0; k < 21; k++)
        nodes[2 + k] = (struct route_rect){200, (k - 10) * 31.0, 60, 30};
    struct route_edge e = {0, 1, 0, 0};
    struct route_path p;
    route(&heap, nodes, 23, &e, 1, ARROW, &p, NULL);
    EXPECT(p.blocked && p.npt == 4, "behind a wall the move stays straight and is marked blocked");
    heap_free_all(&heap);
}

/* Moves both ways between two nodes bow apart; a fan from one node to a
 * row of eight, each with a label: no label on another or on a node. */
static void test_labels_do_not_stack(void)
{
    struct heap heap;
    heap_init(&heap, NULL, NULL);
    struct route_rect nodes[10];
    nodes[0] = (struct route_rect){300, 0, 80, 34};
    nodes[1] = (struct route_rect){420, 0, 80, 34};
    for (int k = 0; k < 8; k++)
        nodes[2 + k] = (struct route_rect){k * 100.0, 150, 90, 34};
    struct route_edge edges[2 + 8 + 8];
    struct route_path p[18];
    edges[0] = (struct route_edge){0, 1, 36, 12};
    edges[1] = (struct route_edge){1, 0, 36, 12};
    for (int k = 0; k < 8; k++) {
        edges[2 + k] = (struct route_edge){0, (size_t)(2 + k), 30, 12};
        edges[10 + k] = (struct route_edge){1, (size_t)(2 + k), 30, 12};
    }
    struct route_stats st;
    route(&heap, nodes, 10, edges, 18, ARROW, p, &st);
    EXPECT(p[0].bent && p[1].bent, "moves both ways between two nodes bow");
    double side0 = p[0].pt[3][1] - nodes[0].y, side1 = p[1].pt[3][1] - nodes[0].y;
    EXPECT(side0 * side1 < 0, "to opposite sides");
    EXPECT(!labels_meet(&edges[0], &p[0], &edges[1], &p[1]), "their labels do not overlap");
    EXPECT(label_clashes(nodes, 10, edges, p, 18) == 0, "no label of the fan on another label or a node");
    EXPECT(st.unplaced == 0, "and every label found a spot");
    heap_free_all(&heap);
}

/* Whether path p, sampled finely, passes through edge e's label at lp. */
static bool path_through_label(const struct route_path *p, const struct route_edge *e, const double lp[2])
{
    struct route_rect r = {lp[0], lp[1], e->lw, e->lh};
    return path_enters(p, &r);
}

/* Two arrows crossing in an X: each label keeps off the other arrow (the
 * middle of each, where a label goes first, is where they cross). */
static void test_labels_keep_off_arrows(void)
{
    struct heap heap;
    heap_init(&heap, NULL, NULL);
    struct route_rect nodes[] = {{0, 0, 60, 30}, {300, 200, 60, 30}, {0, 200, 60, 30}, {300, 0, 60, 30}};
    struct route_edge edges[] = {{0, 1, 40, 12}, {2, 3, 40, 12}};
    struct route_path p[2];
    route(&heap, nodes, 4, edges, 2, ARROW, p, NULL);
    EXPECT(p[0].placed && p[1].placed, "both labels of an X are placed");
    EXPECT(!path_through_label(&p[1], &edges[0], p[0].lp), "the first label is off the second arrow");
    EXPECT(!path_through_label(&p[0], &edges[1], p[1].lp), "and the second off the first");
    heap_free_all(&heap);
}

/* A rectangle to keep off (a box's title) where the label would go first,
 * beside the middle of the arrow: the label goes elsewhere. */
static void test_labels_keep_off_titles(void)
{
    struct heap heap;
    heap_init(&heap, NULL, NULL);
    struct route_rect nodes[] = {{0, 0, 60, 30}, {300, 0, 60, 30}};
    struct route_edge e = {0, 1, 30, 12};
    struct route_path free, kept;
    route(&heap, nodes, 2, &e, 1, ARROW, &free, NULL);
    struct route_rect title = {free.lp[0], free.lp[1], 40, 16};
    struct route_input in = {nodes, 2, &e, 1, &title, 1, ARROW};
    route_edges(&heap, &in, &kept, NULL);
    EXPECT(free.placed && kept.placed, "the label is placed with and without the title");
    EXPECT(fabs(kept.lp[0] - title.x) >= (e.lw + title.w) / 2 || fabs(kept.lp[1] - title.y) >= (e.lh + title.h) / 2,
           "and off the title when there is one");
    heap_free_all(&heap);
}

/* splitmix64, for deterministic hostile inputs */
static uint64_t next(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* Every node on one spot, 10k moves among them: each arrow's work is
 * capped, so the whole run is linear in the moves, and the labels that
 * were placed still do not overlap. */
static void test_one_spot(void)
{
    struct heap heap;
    heap_init(&heap, NULL, NULL);
    enum { N = 2000, E = 10000 };
    struct route_rect *nodes = heap_calloc(&heap, N, sizeof *nodes);
    struct route_edge *edges = heap_calloc(&heap, E, sizeof *edges);
    struct route_path *p = heap_calloc(&heap, E, sizeof *p);
    uint64_t s = 1;
    for (size_t i = 0; i < N; i++)
        nodes[i] = (struct route_rect){50, 50, 90, 34};
    for (size_t i = 0; i < E; i++)
        edges[i] = (struct route_edge){next(&s) % N, next(&s) % N, 30, 12};
    struct route_stats st;
    route(&heap, nodes, N, edges, E, ARROW, p, &st);
    EXPECT(st.work <= (size_t)E * 2 * ROUTE_BUDGET + (size_t)(E + N) * (ROUTE_SEG_CELLS + ROUTE_SEARCH_SHARE), "every node on one spot: work within 2 budgets per move and the shared ones");
    size_t placed = 0;
    for (size_t i = 0; i < E; i++)
        placed += p[i].placed;
    EXPECT(placed + st.unplaced == E, "each label is placed or counted unplaced");
    heap_free_all(&heap);
}

/* Two rows of 100 nodes, 10k moves between them, many between the same
 * two nodes: bounded work, and no two placed labels overlap. */
static void test_two_rows(void)
{
    struct heap heap;
    heap_init(&heap, NULL, NULL);
    enum { ROW = 100, E = 10000 };
    struct route_rect *nodes = heap_calloc(&heap, 2 * ROW, sizeof *nodes);
    struct route_edge *edges = heap_calloc(&heap, E, sizeof *edges);
    struct route_path *p = heap_calloc(&heap, E, sizeof *p);
    for (size_t i = 0; i < ROW; i++) {
        nodes[i] = (struct route_rect){i * 110.0, 0, 90, 34};
        nodes[ROW + i] = (struct route_rect){i * 110.0, 300, 90, 34};
    }
    uint64_t s = 2;
    for (size_t i = 0; i < E; i++)
        edges[i] = i % 4 ? (struct route_edge){next(&s) % ROW, ROW + next(&s) % ROW, 30, 12}
                         : (struct route_edge){3, ROW + 7, 30, 12};
    struct route_stats st;
    route(&heap, nodes, 2 * ROW, edges, E, ARROW, p, &st);
    EXPECT(st.work <= (size_t)E * 2 * ROUTE_BUDGET + (size_t)(E + 2 * ROW) * (ROUTE_SEG_CELLS + ROUTE_SEARCH_SHARE), "10k moves between two rows: work within 2 budgets per move and the shared ones");
    /* overlap check on the placed labels, by sorting-free brute force on a sample */
    int clashes = 0;
    for (size_t i = 0; i < 600; i++)
        for (size_t j = i + 1; j < 600; j++)
            clashes += p[i].placed && p[j].placed && labels_meet(&edges[i], &p[i], &edges[j], &p[j]);
    EXPECT(clashes == 0, "no two placed labels of the first 600 overlap");
    heap_free_all(&heap);
}

/* No nodes or no edges: nothing to do, and no crash. */
static void test_empty(void)
{
    struct heap heap;
    heap_init(&heap, NULL, NULL);
    struct route_rect n = {0, 0, 10, 10};
    struct route_stats st = {9, 9, 9, 9};
    route(&heap, &n, 1, NULL, 0, ARROW, NULL, &st);
    EXPECT(st.bent == 0 && st.work == 0, "no edges: zero stats");
    EXPECT(heap.nblocks == 0, "and nothing left allocated");
    heap_free_all(&heap);
}

int main(void)
{
    test_blocked_move_bends();
    test_grid_move_bends_twice();
    test_dense_grid_move_searches();
    test_wall_blocks();
    test_labels_do_not_stack();
    test_labels_keep_off_arrows();
    test_labels_keep_off_titles();
    test_one_spot();
    test_two_rows();
    test_empty();
    if (failures)
        printf("%d failed\n", failures);
    return failures != 0;
}
