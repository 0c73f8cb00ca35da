/* layout_props.c - the relative layout's promises, on thousands of random
 * models (lib/layout.h): each axis's order kept (ties level), no two roles
 * overlapping, every box's roles inside its frame, frames at least as wide
 * as their labels, and frames apart from each other and from other boxes'
 * roles except where layout_conflicts reports that the order forbids it;
 * layout_conflicts itself against a brute-force search over all pairs.
 *
 * Positions come from a small grid so that ties, crowding and identical
 * positions are common. Usage: layout_props [MODELS]. Prints one line per
 * broken promise and exits 1, or "N models" and exits 0. Built and run by
 * tests/suites/layout.sh against build/libladder.a. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap.h"
#include "layout.h"
#include "model.h"

#define ROLES_MAX 48
#define BOXES_MAX 5

static uint64_t rng = 0x9E3779B97F4A7C15u;

static unsigned next(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

struct world {
    struct model m;
    struct model_role roles[ROLES_MAX];
    struct model_box boxes[BOXES_MAX];
    struct layout_place places[ROLES_MAX];
    struct layout_frame frames[BOXES_MAX];
    double label_w[BOXES_MAX];
};

static const struct layout_metrics metrics = {12, 8, 12, 15, 800, 560};
static int failures;

static void fail(unsigned model, const char *what, long a, long b)
{
    if (failures++ < 20)
        printf("model %u: %s (%ld, %ld)\n", model, what, a, b);
}

static void make(struct world *w)
{
    memset(w, 0, sizeof *w);
    size_t n = 1 + next(ROLES_MAX), nb = next(BOXES_MAX + 1);
    unsigned grid = 2 + next(10);
    w->m.axis[0] = (struct model_axis){"x", 0, (double)grid};
    w->m.axis[1] = (struct model_axis){"y", 0, (double)grid};
    w->m.roles = w->roles;
    w->m.nroles = n;
    w->m.boxes = w->boxes;
    w->m.nboxes = nb;
    for (size_t k = 0; k < nb; k++) {
        w->boxes[k].name = "box";
        w->label_w[k] = 20 + next(200);
    }
    for (size_t i = 0; i < n; i++) {
        w->roles[i].id = w->roles[i].name = "role";
        w->roles[i].x = next(grid + 1);
        w->roles[i].y = next(grid + 1);
        w->roles[i].box = nb && next(4) ? (int)next((unsigned)nb) : -1;
        w->places[i] = (struct layout_place){0, 0, 40 + next(120), 34};
    }
}

static bool overlap(double a0, double a1, double b0, double b1) { return a0 < b1 && b0 < a1; }

static bool roles_overlap(const struct layout_place *a, const struct layout_place *b)
{
    return overlap(a->x - a->w / 2, a->x + a->w / 2, b->x - b->w / 2, b->x + b->w / 2) &&
           overlap(a->y - a->h / 2, a->y + a->h / 2, b->y - b->h / 2, b->y + b->h / 2);
}

/* Box k's span over the written positions: min x, max x, min y, max y. */
static bool span(const struct world *w, size_t k, double s[4])
{
    bool any = false;
    for (size_t i = 0; i < w->m.nroles; i++) {
        const struct model_role *r = &w->roles[i];
        if (r->box != (int)k)
            continue;
        if (!any) {
            s[0] = s[1] = r->x;
            s[2] = s[3] = r->y;
        }
        any = true;
        s[0] = fmin(s[0], r->x), s[1] = fmax(s[1], r->x);
        s[2] = fmin(s[2], r->y), s[3] = fmax(s[3], r->y);
    }
    return any;
}

/* conflict[a][b] (boxes) and inside[i][k] (role i within box k's span, not
 * its own), by brute force over the written positions. */
static void brute(const struct world *w, bool conflict[BOXES_MAX][BOXES_MAX], bool inside[ROLES_MAX][BOXES_MAX])
{
    double s[BOXES_MAX][4];
    bool has[BOXES_MAX];
    for (size_t k = 0; k < w->m.nboxes; k++)
        has[k] = span(w, k, s[k]);
    for (size_t a = 0; a < w->m.nboxes; a++)
        for (size_t b = 0; b < w->m.nboxes; b++)
            conflict[a][b] = a != b && has[a] && has[b] && s[a][0] <= s[b][1] && s[b][0] <= s[a][1] &&
                             s[a][2] <= s[b][3] && s[b][2] <= s[a][3];
    for (size_t i = 0; i < w->m.nroles; i++)
        for (size_t k = 0; k < w->m.nboxes; k++) {
            const struct model_role *r = &w->roles[i];
            inside[i][k] = has[k] && r->box != (int)k && s[k][0] <= r->x && r->x <= s[k][1] &&
                           s[k][2] <= r->y && r->y <= s[k][3];
        }
}

/* Whether role i shares its very position with another (W152): such roles
 * sit side by side, the one exception to "ties stay level" across. */
static bool twin(const struct world *w, size_t i)
{
    for (size_t j = 0; j < w->m.nroles; j++)
        if (j != i && w->roles[j].x == w->roles[i].x && w->roles[j].y == w->roles[i].y)
            return true;
    return false;
}

static void check_order(unsigned model, const struct world *w)
{
    for (size_t i = 0; i < w->m.nroles; i++)
        for (size_t j = 0; j < w->m.nroles; j++) {
            const struct model_role *a = &w->roles[i], *b = &w->roles[j];
            const struct layout_place *p = &w->places[i], *q = &w->places[j];
            bool same = a->x == b->x && a->y == b->y;
            (void)same;
            if (a->x < b->x && !(p->x < q->x))
                fail(model, "x order lost", (long)i, (long)j);
            if (a->x == b->x && !same && !twin(w, i) && !twin(w, j) && p->x != q->x)
                fail(model, "x tie not level", (long)i, (long)j);
            if (a->y < b->y && !(p->y < q->y))
                fail(model, "y order lost", (long)i, (long)j);
            if (a->y == b->y && p->y != q->y)
                fail(model, "y tie not level", (long)i, (long)j);
            if (i < j && roles_overlap(p, q))
                fail(model, "roles overlap", (long)i, (long)j);
        }
}

static void check_frames(unsigned model, const struct world *w, bool conflict[BOXES_MAX][BOXES_MAX],
                         bool inside[ROLES_MAX][BOXES_MAX])
{
    for (size_t k = 0; k < w->m.nboxes; k++) {
        const struct layout_frame *f = &w->frames[k];
        double s[4];
        if (span(w, k, s) != f->drawn)
            fail(model, "frame drawn for a box without roles, or not for one with", (long)k, 0);
        if (!f->drawn)
            continue;
        if (f->x1 - f->x0 < w->label_w[k])
            fail(model, "frame narrower than its label", (long)k, (long)(f->x1 - f->x0));
        for (size_t i = 0; i < w->m.nroles; i++) {
            const struct layout_place *p = &w->places[i];
            bool in_x = overlap(p->x - p->w / 2, p->x + p->w / 2, f->x0, f->x1);
            bool in_y = overlap(p->y - p->h / 2, p->y + p->h / 2, f->y0, f->y1);
            if (w->roles[i].box == (int)k) {
                if (p->x - p->w / 2 < f->x0 || p->x + p->w / 2 > f->x1 || p->y - p->h / 2 < f->y0 ||
                    p->y + p->h / 2 > f->y1)
                    fail(model, "role outside its own frame", (long)i, (long)k);
            } else if (in_x && in_y && !inside[i][k]) {
                bool forced = false;    /* a role of a conflicting box may stand in the overlap */
                if (w->roles[i].box >= 0)
                    forced = conflict[w->roles[i].box][k];
                if (!forced)
                    fail(model, "role inside another box's frame, unwarned", (long)i, (long)k);
            }
        }
        for (size_t b = k + 1; b < w->m.nboxes; b++) {
            const struct layout_frame *g = &w->frames[b];
            if (g->drawn && overlap(f->x0, f->x1, g->x0, g->x1) && overlap(f->y0, f->y1, g->y0, g->y1) &&
                !conflict[k][b])
                fail(model, "frames overlap, unwarned", (long)k, (long)b);
        }
    }
}

static void check_conflicts(unsigned model, const struct world *w, struct heap *heap,
                            bool conflict[BOXES_MAX][BOXES_MAX], bool inside[ROLES_MAX][BOXES_MAX])
{
    /* more than can occur (every role within every box, every pair), and a
     * small cap on a few models: the cap stops the search, never reorders it */
    static struct layout_conflict got[ROLES_MAX * BOXES_MAX + BOXES_MAX * BOXES_MAX];
    size_t all = layout_conflicts(&w->m, heap, got, sizeof got / sizeof got[0]);
    if (all > 3) {
        static struct layout_conflict few[3];
        if (layout_conflicts(&w->m, heap, few, 3) != 3 || memcmp(few, got, sizeof few) != 0)
            fail(model, "a capped search differs from the first ones of the whole", (long)all, 3);
    }
    size_t n = all;
    bool pair[BOXES_MAX][BOXES_MAX] = {{false}}, role[ROLES_MAX][BOXES_MAX] = {{false}};
    for (size_t c = 0; c < n; c++) {
        const struct layout_conflict *k = &got[c];
        if (k->role == SIZE_MAX) {
            if (pair[k->box_a][k->box_b] || pair[k->box_b][k->box_a])
                fail(model, "a pair reported twice", k->box_a, k->box_b);
            pair[k->box_a][k->box_b] = pair[k->box_b][k->box_a] = true;
            /* the witnesses say what they claim */
            const struct model_role *r0 = &w->roles[k->across[0]], *r1 = &w->roles[k->across[1]];
            if (!(r0->x >= r1->x) || r0->box == r1->box)
                fail(model, "an across witness is wrong", (long)k->across[0], (long)k->across[1]);
            r0 = &w->roles[k->up[0]], r1 = &w->roles[k->up[1]];
            if (!(r0->y >= r1->y) || r0->box == r1->box)
                fail(model, "an up witness is wrong", (long)k->up[0], (long)k->up[1]);
        } else {
            if (role[k->role][k->box_a])
                fail(model, "a role reported twice", (long)k->role, k->box_a);
            role[k->role][k->box_a] = true;
        }
    }
    for (size_t a = 0; a < w->m.nboxes; a++)
        for (size_t b = 0; b < w->m.nboxes; b++)
            if (pair[a][b] != conflict[a][b])
                fail(model, pair[a][b] ? "a pair reported that is not forced" : "a forced pair not reported",
                     (long)a, (long)b);
    for (size_t i = 0; i < w->m.nroles; i++)
        for (size_t k = 0; k < w->m.nboxes; k++)
            if (role[i][k] != inside[i][k])
                fail(model, role[i][k] ? "a role reported that is not within" : "a role within not reported",
                     (long)i, (long)k);
}

int main(int argc, char **argv)
{
    unsigned models = argc > 1 ? (unsigned)atoi(argv[1]) : 3000;
    struct heap heap;
    heap_init(&heap, NULL, NULL);
    static struct world w;
    static bool conflict[BOXES_MAX][BOXES_MAX], inside[ROLES_MAX][BOXES_MAX];
    for (unsigned k = 0; k < models; k++) {
        make(&w);
        layout_relative(&w.m, &metrics, w.label_w, w.places, w.frames, &heap);
        brute(&w, conflict, inside);
        check_order(k, &w);
        check_frames(k, &w, conflict, inside);
        check_conflicts(k, &w, &heap, conflict, inside);
    }
    heap_free_all(&heap);
    if (failures) {
        printf("%d broken promises\n", failures);
        return 1;
    }
    printf("%u models\n", models);
    return 0;
}
