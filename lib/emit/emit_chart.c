/* emit_chart.c - a radar (spider) chart of some roles' rungs, as Graphviz
 * DOT with every point pinned (the "nop" engine keeps pos="x,y!", in
 * points, as for the map), so the plugin that draws the map draws this too,
 * as SVG or PNG, and the SVG bytes depend on the model only.
 *
 * The picture: one spoke per competency that a charted role sets, clockwise
 * from the top, in the model's order; rung r of a competency with n rungs
 * lies at r / n of the radius on its spoke. Grey rings mark the fractions
 * j / N (N the most rungs of a charted competency); a spoke whose competency
 * has fewer or more rungs than N also gets a tick at each of its own rungs.
 * Each role is a closed polygon in its colour, lightly filled so overlaps
 * show, with a dot at each vertex whose tooltip says what it is.
 *
 * The grid and the polygons are lines and shapes, not nodes: they go into
 * the graph's _background, which Graphviz draws in xdot's language (counted
 * strings, so only our own colours and numbers are in it). Text is in
 * nodes: labels, legend and tooltips carry user text, always through
 * escape_dot inside a quoted string; user text never reaches an id or the
 * background.
 */
#include "emit_chart.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "emit.h"
#include "escape.h"
#include "heap.h"

#define FONT            "Helvetica"
#define TITLE_FONT      16.0
#define LABEL_FONT      11.0    /* a spoke's competency name */
#define RING_FONT       8.0     /* the rung numbers on the top spoke */
#define LEGEND_FONT     10.0
#define LINE_SPACING    1.2     /* Graphviz's own line height factor */

#define RADIUS_MIN      200.0   /* the outer ring, points, with few spokes */
#define RADIUS_MAX      1000.0
#define LABEL_ROOM      120.0   /* the widest label the radius makes room for */
#define LABEL_GAP       10.0    /* outer ring to a spoke's label */
#define TICK            4.0     /* half a tick's length */
#define MARKER          7.0     /* a vertex dot's diameter */
#define MARKER_GROW     5.0     /* per later role on the same point, so each stays visible */
#define LEGEND_GAP      36.0    /* widest label to the legend */
#define LEGEND_ROW      20.0
#define SWATCH_W        18.0
#define SWATCH_H        10.0
#define FILL_ALPHA      "26"    /* about 15% */

#define GRID_COLOR      "#c8c8c8"
#define SPOKE_COLOR     "#999999"
#define TEXT_COLOR      "#333333"

/* Okabe and Ito's colour-blind-safe palette, reordered so that the first
 * two (the common case: two roles compared) are the most distinct; yellow,
 * faint on white, comes last. */
static const char *const emit_chart_palette[EMIT_CHART_ROLES_MAX] = {
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442",
};

static const double emit_chart_pi = 3.14159265358979323846;

/* The spokes: competency indices, in the model's order. */
struct emit_chart_plan {
    size_t *spokes;
    size_t nspokes;
    int rings;          /* the most rungs of a spoke's competency */
    double radius;      /* of the outer ring */
    bool uniform;       /* every spoke's competency has `rings` rungs */
};

/* ---- numbers and geometry ------------------------------------------------ */

/* Hundredths of a point: finer than any screen, and coarse enough that the
 * last bits of sin and cos never reach the bytes. */
static double emit_chart_round(double v)
{
    return round(v * 100) / 100;
}

static void emit_chart_put_number(struct buf *b, double v)
{
    char num[64];
    buf_puts(b, model_number_text(emit_chart_round(v), num, sizeof num));
}

/* The direction of spoke k of n: the first points up, the others follow
 * clockwise. */
static void emit_chart_direction(size_t k, size_t n, double *c, double *s)
{
    double a = emit_chart_pi / 2 - 2 * emit_chart_pi * (double)k / (double)n;
    *c = cos(a);
    *s = sin(a);
}

/* The point at fraction f of the radius on spoke k. */
static void emit_chart_point(const struct emit_chart_plan *p, size_t k, double f, double *x, double *y)
{
    double c, s;
    emit_chart_direction(k, p->nspokes, &c, &s);
    *x = emit_chart_round(p->radius * f * c);
    *y = emit_chart_round(p->radius * f * s);
}

/* The role's rung on the competency, 0 when it sets none. */
static int emit_chart_rung(const struct model_role *r, size_t competency)
{
    const struct model_expect *e = model_role_expect(r, competency);
    return e ? e->rung : 0;
}

/* Where role r's vertex on spoke k lies, as a fraction of the radius: at
 * the centre when r sets no rung there. */
static double emit_chart_fraction(const struct model *m, const struct emit_chart_plan *p,
                                  const struct model_role *r, size_t k)
{
    const struct model_competency *c = &m->competencies[p->spokes[k]];
    return (double)emit_chart_rung(r, p->spokes[k]) / (double)c->nrungs;
}

/* Room for the labels: near the top and bottom, neighbouring labels sit
 * side by side about 2 pi r / n apart, so the ring grows with the spokes
 * until labels up to LABEL_ROOM wide fit (a framework of 16 competencies
 * with long names gets a radius of about 330). */
static double emit_chart_radius(size_t nspokes, double widest)
{
    double need = (double)nspokes * (fmin(widest, LABEL_ROOM) + 8) / (2 * emit_chart_pi);
    return round(fmin(RADIUS_MAX, fmax(RADIUS_MIN, need)));
}

/* Every competency one of the roles sets, once, in the model's order: a
 * mark per competency, then one pass. */
static void emit_chart_plan(struct heap *heap, const struct model *m, const size_t *roles, size_t nroles,
                            struct emit_chart_plan *p)
{
    size_t nc = m->ncompetencies;
    bool *used = heap_calloc(heap, nc ? nc : 1, sizeof *used);
    for (size_t i = 0; i < nroles; i++) {
        const struct model_role *r = &m->roles[roles[i]];
        for (size_t e = 0; e < r->about->nexpect; e++)
            used[r->about->expect[e].competency] = true;
    }
    p->spokes = heap_calloc(heap, nc ? nc : 1, sizeof *p->spokes);
    p->nspokes = 0;
    p->rings = 0;
    for (size_t k = 0; k < nc; k++)
        if (used[k]) {
            p->spokes[p->nspokes++] = k;
            if ((int)m->competencies[k].nrungs > p->rings)
                p->rings = (int)m->competencies[k].nrungs;
        }
    p->uniform = true;
    double widest = 0;
    for (size_t k = 0; k < p->nspokes; k++) {
        const struct model_competency *c = &m->competencies[p->spokes[k]];
        p->uniform &= (int)c->nrungs == p->rings;
        widest = fmax(widest, emit_dot_text_width(c->name, LABEL_FONT));
    }
    p->radius = emit_chart_radius(p->nspokes, widest);
    heap_free(heap, used);
}

/* ---- the background: grid and polygons, in xdot ------------------------- */

/* An xdot operation with a counted string: "c 7 -#999999 ". */
static void emit_chart_xdot_string(struct buf *b, char op, const char *s)
{
    buf_printf(b, "%c %zu -%s ", op, strlen(s), s);
}

static void emit_chart_xdot_pen(struct buf *b, const char *color, int width)
{
    char style[32];
    snprintf(style, sizeof style, "setlinewidth(%d)", width);
    emit_chart_xdot_string(b, 'S', style);
    emit_chart_xdot_string(b, 'c', color);
}

static void emit_chart_xdot_xy(struct buf *b, double x, double y)
{
    emit_chart_put_number(b, x);
    buf_putc(b, ' ');
    emit_chart_put_number(b, y);
    buf_putc(b, ' ');
}

static void emit_chart_xdot_line(struct buf *b, double x0, double y0, double x1, double y1)
{
    buf_puts(b, "L 2 ");
    emit_chart_xdot_xy(b, x0, y0);
    emit_chart_xdot_xy(b, x1, y1);
}

/* Ring j of N: the web through every spoke at j / N, or a circle when
 * fewer than three spokes make no polygon. */
static void emit_chart_ring(const struct emit_chart_plan *p, int j, struct buf *b)
{
    double f = (double)j / (double)p->rings;
    if (p->nspokes < 3) {
        buf_puts(b, "e 0 0 ");
        emit_chart_xdot_xy(b, p->radius * f, p->radius * f);
        return;
    }
    buf_printf(b, "p %zu ", p->nspokes);
    for (size_t k = 0; k < p->nspokes; k++) {
        double x, y;
        emit_chart_point(p, k, f, &x, &y);
        emit_chart_xdot_xy(b, x, y);
    }
}

/* Across spoke k at each of its own rungs, when they are not the rings'. */
static void emit_chart_ticks(const struct model *m, const struct emit_chart_plan *p, size_t k, struct buf *b)
{
    size_t n = m->competencies[p->spokes[k]].nrungs;
    double c, s;
    emit_chart_direction(k, p->nspokes, &c, &s);
    for (size_t r = 1; r <= n; r++) {
        double x, y;
        emit_chart_point(p, k, (double)r / (double)n, &x, &y);
        emit_chart_xdot_line(b, x - TICK * s, y + TICK * c, x + TICK * s, y - TICK * c);
    }
}

static void emit_chart_grid(const struct model *m, const struct emit_chart_plan *p, struct buf *b)
{
    emit_chart_xdot_pen(b, GRID_COLOR, 1);
    for (int j = 1; j <= p->rings; j++)
        emit_chart_ring(p, j, b);
    emit_chart_xdot_pen(b, SPOKE_COLOR, 1);
    for (size_t k = 0; k < p->nspokes; k++) {
        double x, y;
        emit_chart_point(p, k, 1, &x, &y);
        emit_chart_xdot_line(b, 0, 0, x, y);
        if (!p->uniform && (int)m->competencies[p->spokes[k]].nrungs != p->rings)
            emit_chart_ticks(m, p, k, b);
    }
}

/* Role i's polygon (its vertices in spoke order), filled faintly; with
 * one spoke there is no shape, only the vertex dot. */
static void emit_chart_polygon(const struct model *m, const struct emit_chart_plan *p,
                               const struct model_role *r, size_t i, struct buf *b)
{
    if (p->nspokes < 2)
        return;
    char fill[16];
    snprintf(fill, sizeof fill, "%s%s", emit_chart_palette[i], FILL_ALPHA);
    emit_chart_xdot_pen(b, emit_chart_palette[i], 2);
    emit_chart_xdot_string(b, 'C', fill);
    buf_printf(b, "P %zu ", p->nspokes);
    for (size_t k = 0; k < p->nspokes; k++) {
        double x, y;
        emit_chart_point(p, k, emit_chart_fraction(m, p, r, k), &x, &y);
        emit_chart_xdot_xy(b, x, y);
    }
}

static void emit_chart_background(const struct model *m, const struct emit_chart_plan *p,
                                  const size_t *roles, size_t nroles, struct buf *b)
{
    buf_puts(b, "         _background=\"");
    emit_chart_grid(m, p, b);
    for (size_t i = 0; i < nroles; i++)
        emit_chart_polygon(m, p, &m->roles[roles[i]], i, b);
    if (b->len && b->data[b->len - 1] == ' ')
        b->len--;
    buf_puts(b, "\"];\n");
}

/* ---- nodes: labels, vertices, legend ------------------------------------ */

/* pos="x,y!" with a fixed size, for a node of ours (w, h in points). */
static void emit_chart_put_geometry(struct buf *b, double x, double y, double w, double h)
{
    buf_puts(b, "pos=\"");
    emit_chart_put_number(b, x);
    buf_putc(b, ',');
    emit_chart_put_number(b, y);
    char num[64];
    buf_printf(b, "!\", width=%s", model_number_text(w / 72.0, num, sizeof num));
    buf_printf(b, ", height=%s", model_number_text(h / 72.0, num, sizeof num));
}

static double emit_chart_text_w(const char *s, double size) { return ceil(emit_dot_text_width(s, size)) + 4; }
static double emit_chart_text_h(double size) { return ceil(size * LINE_SPACING) + 2; }

/* How a text sits in its node: our width is an estimate, a little wider
 * than what is drawn, so a text beside something is pushed to the node's
 * side that faces it ('l': left, 'r': right, 'n': centred). */
enum emit_chart_align { ALIGN_LEFT = 'l', ALIGN_RIGHT = 'r', ALIGN_CENTRE = 'n' };

/* A text node of ours: text is user text (escaped, so its backslashes
 * cannot end a line; the one that aligns it is ours); ids start with '_'. */
static void emit_chart_text(struct buf *b, const char *id, const char *text, double size, const char *color,
                            enum emit_chart_align align, double x, double y, double w)
{
    buf_printf(b, "  \"%s\" [shape=plaintext, margin=0, fontsize=%d, fontcolor=\"%s\", label=\"", id, (int)size, color);
    escape_dot(b, text);
    buf_printf(b, "\\%c\", ", (char)align);
    emit_chart_put_geometry(b, x, y, w, emit_chart_text_h(size));
    buf_puts(b, "];\n");
}

/* A spoke's label just beyond the outer ring, pushed outward by half its
 * box along the spoke's direction: centred above the top spoke, left-aligned
 * right of the chart, right-aligned left of it. Returns its right edge. */
static double emit_chart_label(const struct model *m, const struct emit_chart_plan *p, size_t k, struct buf *b)
{
    const char *name = m->competencies[p->spokes[k]].name;
    double w = emit_chart_text_w(name, LABEL_FONT), h = emit_chart_text_h(LABEL_FONT);
    double c, s;
    emit_chart_direction(k, p->nspokes, &c, &s);
    double x = (p->radius + LABEL_GAP) * c + w / 2 * c, y = (p->radius + LABEL_GAP) * s + h / 2 * s;
    char id[64];
    snprintf(id, sizeof id, "_label_%zu", k);
    enum emit_chart_align align = c > 0.01 ? ALIGN_LEFT : c < -0.01 ? ALIGN_RIGHT : ALIGN_CENTRE;
    emit_chart_text(b, id, name, LABEL_FONT, TEXT_COLOR, align, x, y, w);
    return x + w / 2;
}

/* The rung numbers beside the top spoke, when every spoke has N rungs
 * (else they would be true of some spokes only; the ticks say it then). */
static void emit_chart_ring_numbers(const struct emit_chart_plan *p, struct buf *b)
{
    if (!p->uniform)
        return;
    for (int j = 1; j <= p->rings; j++) {
        char id[32], text[16];
        snprintf(id, sizeof id, "_ring_%d", j);
        snprintf(text, sizeof text, "%d", j);
        double w = emit_chart_text_w(text, RING_FONT), h = emit_chart_text_h(RING_FONT);
        emit_chart_text(b, id, text, RING_FONT, SPOKE_COLOR, ALIGN_LEFT, 6 + w / 2,
                       p->radius * j / p->rings + h / 2 - 2, w);
    }
}

/* "Senior Engineer: Technical craft rung 3 (Owns)", or "... not set". */
static void emit_chart_tooltip(const struct model *m, const struct model_role *r, size_t competency,
                               struct buf *b)
{
    const struct model_competency *c = &m->competencies[competency];
    int rung = emit_chart_rung(r, competency);
    escape_dot_tooltip(b, r->name);
    buf_puts(b, ": ");
    escape_dot_tooltip(b, c->name);
    if (rung == 0) {
        buf_puts(b, " not set");
        return;
    }
    buf_printf(b, " rung %d (", rung);
    escape_dot_tooltip(b, c->rungs[rung - 1].name);
    buf_putc(b, ')');
}

/* Role i's dot on spoke k, a little larger for each later role on the same
 * point, so that every role's dot shows (and answers to the pointer) around
 * the later ones drawn over it. */
static void emit_chart_vertex(const struct model *m, const struct emit_chart_plan *p, const size_t *roles,
                              size_t nroles, size_t i, size_t k, struct buf *b)
{
    const struct model_role *r = &m->roles[roles[i]];
    int rung = emit_chart_rung(r, p->spokes[k]);
    size_t later = 0;
    for (size_t j = i + 1; j < nroles; j++)
        later += emit_chart_rung(&m->roles[roles[j]], p->spokes[k]) == rung;
    double x, y, d = MARKER + MARKER_GROW * (double)later;
    emit_chart_point(p, k, emit_chart_fraction(m, p, r, k), &x, &y);
    buf_printf(b, "  \"_v_%zu_%zu\" [shape=circle, style=filled, color=white, fillcolor=\"%s\", label=\"\", "
                  "tooltip=\"", i, k, emit_chart_palette[i]);
    emit_chart_tooltip(m, r, p->spokes[k], b);
    buf_puts(b, "\", ");
    emit_chart_put_geometry(b, x, y, d, d);
    buf_puts(b, "];\n");
}

/* One row per role, right of the chart, from the top: a swatch in its
 * colour and "Name (levels)". */
static void emit_chart_legend(const struct model *m, const size_t *roles, size_t nroles, double x0,
                              double top, struct buf *b)
{
    struct buf text;
    buf_init(&text, b->heap);
    for (size_t i = 0; i < nroles; i++) {
        const struct model_role *r = &m->roles[roles[i]];
        double y = top - LEGEND_ROW * (double)i;
        buf_printf(b, "  \"_legend_%zu_swatch\" [shape=box, style=filled, color=\"%s\", fillcolor=\"%s%s\", "
                      "penwidth=2, label=\"\", ", i, emit_chart_palette[i], emit_chart_palette[i], FILL_ALPHA);
        emit_chart_put_geometry(b, x0 + SWATCH_W / 2, y, SWATCH_W, SWATCH_H);
        buf_puts(b, "];\n");
        text.len = 0;
        buf_puts(&text, r->name);
        buf_puts(&text, " (");
        model_role_levels_put(&text, m, r);
        buf_puts(&text, ")");
        buf_putc(&text, '\0');
        char id[64];
        snprintf(id, sizeof id, "_legend_%zu", i);
        double w = emit_chart_text_w(text.data, LEGEND_FONT);
        emit_chart_text(b, id, text.data, LEGEND_FONT, TEXT_COLOR, ALIGN_LEFT, x0 + SWATCH_W + 6 + w / 2, y, w);
    }
    buf_free(&text);
}

/* Invisible corners around the rings, so that the picture holds them even
 * where no label reaches (one or two spokes). */
static void emit_chart_corners(const struct emit_chart_plan *p, struct buf *b)
{
    double e = p->radius + LABEL_GAP;
    buf_puts(b, "  \"_corner_0\" [shape=point, style=invis, ");
    emit_chart_put_geometry(b, -e, -e, 1, 1);
    buf_puts(b, "];\n  \"_corner_1\" [shape=point, style=invis, ");
    emit_chart_put_geometry(b, e, e, 1, 1);
    buf_puts(b, "];\n");
}

static void emit_chart_header(const struct model *m, struct buf *b)
{
    buf_puts(b, "graph chart {\n");
    buf_printf(b, "  graph [layout=nop, bgcolor=white, pad=0.3, fontname=\"%s\", fontsize=%d, fontcolor=\"%s\", "
                  "labelloc=t, label=\"", FONT, (int)TITLE_FONT, TEXT_COLOR);
    escape_dot(b, m->title ? m->title : "");
    buf_puts(b, "\",\n");
}

void emit_chart(const struct model *m, const size_t *roles, size_t nroles, struct buf *out)
{
    struct emit_chart_plan p;
    emit_chart_plan(out->heap, m, roles, nroles, &p);
    emit_chart_header(m, out);
    emit_chart_background(m, &p, roles, nroles, out);
    buf_printf(out, "  node [fontname=\"%s\", fixedsize=true, penwidth=1];\n", FONT);
    double right = p.radius + LABEL_GAP;
    for (size_t k = 0; k < p.nspokes; k++)
        right = fmax(right, emit_chart_label(m, &p, k, out));
    emit_chart_ring_numbers(&p, out);
    for (size_t i = 0; i < nroles; i++)
        for (size_t k = 0; k < p.nspokes; k++)
            emit_chart_vertex(m, &p, roles, nroles, i, k, out);
    emit_chart_legend(m, roles, nroles, right + LEGEND_GAP, p.radius, out);
    emit_chart_corners(&p, out);
    buf_puts(out, "}\n");
    heap_free(out->heap, p.spokes);
}
