/* emit_dot.c - the skills map as Graphviz DOT with every node pinned.
 *
 * The picture is a chart, not a graph layout: soft skills run left to right,
 * hard skills bottom to top. So we place everything ourselves (pos="x,y!" in
 * points): by default the relative layout (layout.c: each axis's order kept,
 * the spacing chosen so that roles and box frames stay apart), or with
 * `layout exact` each role where the file put it, at the smallest scale
 * that keeps roles apart. We route the arrows ourselves too (route.c: pos
 * and lp on each edge, in near-linear time; Graphviz's obstacle-avoiding
 * router costs the cube of the nodes), up to ROUTED_MOVES_MAX moves, and let
 * Graphviz's "nop2" engine keep all of it. With the exact layout the DOT has
 * no edge positions, and Graphviz routes, as it always did. Under nop a
 * cluster is drawn only when it carries a bb, so boxes and the legend get
 * theirs from the plan; node sizes are fixed (fixedsize=true) and estimated
 * from font metrics (see emit_dot_char_width), so the estimate is what
 * Graphviz draws.
 *
 * All user text goes through emit_dot_put_text (escape_dot), or in a
 * tooltip, which Graphviz reads twice, escape_dot_tooltip, inside a quoted
 * string: no label can turn into an HTML-like label, a Graphviz escape (\N,
 * \G, \L, \n) or an entity. User text never reaches an id or a comment; a role's
 * link reaches URL= only through escape_dot_url, and only when it is an
 * http: or https: address.
 */
#include "emit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "escape.h"
#include "heap.h"
#include "layout.h"
#include "route.h"
#include "theme.h"
#include "util.h"

#define FONT            "Helvetica"
#define ROLE_FONT       10.0    /* points */
#define BOX_FONT        12.0
#define EDGE_FONT       8.0
#define AXIS_FONT       12.0
#define LEGEND_FONT     10.0
#define TITLE_FONT      20.0
#define LINE_SPACING    1.2     /* Graphviz's own line height factor */
#define TEXT_SLACK      1.03    /* rounding in the font library */

#define ROLE_PAD_X      8.0     /* text to node border */
#define ROLE_PAD_Y      5.0
#define NODE_GAP        12.0    /* between nodes; neato's spline router wants > 2 * 3.2 */
#define BASE_WIDTH      800.0   /* plot area at scale 1, points */
#define BASE_HEIGHT     560.0
#define MAX_SCALE       4.0     /* beyond this the chart gets unreadably large */
#define BOX_MARGIN      8.0     /* node border to box border */
#define AXIS_GAP        24.0    /* outermost node border to axis line */
#define LEGEND_GAP      48.0    /* plot area to legend */
#define LEGEND_ROW      26.0
#define LEGEND_SWATCH   40.0    /* length of the sample edge */
#define BOX_GAP         12.0    /* between two frames, or a frame and a role not in it */
#define EDGE_ARROW      8.0     /* arrowhead length: Graphviz's 10 points x arrowsize 0.8 */
#define EDGE_LABEL_PAD  1.0     /* around a years label, as route.c keeps it clear */

/* Above this many transitions the years go into each arrow's tooltip, not a
 * label beside it. Graphviz places edge labels with a collision search that
 * grows faster than the map (10k moves: 5 s of a 5.2 s render), and so many
 * labels would cover each other anyway. */
#define MAX_EDGE_LABELS 1000

/* A competency's or rung's name in a role's tooltip: at most this many
 * code points, then an ellipsis. */
#define TOOLTIP_NAME_MAX 40

/* A node's centre and size, in points. */
struct emit_dot_place {
    double x, y, w, h;
};

/* Where everything goes. The plot area runs from (0,0) at the axes' minimum
 * to (width,height) at their maximum; role nodes may stick out by half their
 * size, and [left,right] x [bottom,top] is their true extent. */
struct emit_dot_plan {
    struct emit_dot_place *roles;
    struct layout_frame *frames;    /* per box; drawn: the box holds a role */
    double width, height;
    double left, bottom, right, top;
    bool crowded;       /* some roles overlap even at MAX_SCALE */
    bool exact;         /* at the written coordinates (else the relative layout) */
    const struct theme *theme;  /* every colour drawn (lib/emit/theme.h) */
    bool links;         /* roles link to their sections of the page */
};

/* ---- text ---------------------------------------------------------------- */

/* Advance widths (1/1000 em) for ASCII 32..126: the wider of Helvetica's
 * (Adobe AFM, what Graphviz measures with when no font library is loaded)
 * and what Graphviz's pango plugin draws for "Helvetica" on Linux, where
 * fontconfig substitutes DejaVu Sans, hinted, at 9 to 20 points. Nodes sized
 * with these hold their text under either measure, so neither dot nor neato
 * warns that a fixed-size node is too small for its label. */
static const unsigned short emit_dot_char_width[95] = {
    341, 417, 500, 857, 667, 975, 804, 300, 417, 417, 525, 857, 341, 375, 341, 341,
    667, 667, 667, 667, 667, 667, 667, 667, 667, 667, 341, 341, 857, 857, 857, 556,
    1023, 747, 696, 722, 788, 667, 611, 788, 750, 333, 500, 682, 583, 900, 750, 818,
    667, 818, 722, 667, 614, 750, 696, 1023, 696, 667, 696, 417, 341, 417, 857, 556,
    525, 625, 667, 583, 667, 625, 348, 667, 667, 300, 300, 600, 300, 1000, 667, 625,
    667, 667, 417, 545, 417, 667, 614, 833, 614, 614, 545, 667, 341, 667, 857,
};

/* Width of one line of UTF-8 text in points. A non-ASCII code point counts as
 * a full em, so wide scripts fit too; continuation bytes count nothing. */
double emit_dot_text_width(const char *s, double size)
{
    double units = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p >= 32 && *p < 127)
            units += emit_dot_char_width[*p - 32];
        else if ((*p & 0xC0) != 0x80)
            units += 1000;
    }
    return units * size / 1000.0 * TEXT_SLACK;
}

static double emit_dot_line_height(double size) { return size * LINE_SPACING; }

/* User text for the inside of a DOT string (lib/escape.h says how). */
static void emit_dot_put_text(struct buf *b, const char *s)
{
    escape_dot(b, s);
}

static void emit_dot_put_string(struct buf *b, const char *s)
{
    buf_putc(b, '"');
    emit_dot_put_text(b, s);
    buf_putc(b, '"');
}

static void emit_dot_put_number(struct buf *b, double v)
{
    char num[64];
    buf_puts(b, model_number_text(v, num, sizeof num));
}

/* pos="x,y!" plus the fixed size in inches, for a node of our own making. */
static void emit_dot_put_geometry(struct buf *b, struct emit_dot_place p)
{
    buf_puts(b, "pos=\"");
    emit_dot_put_number(b, p.x);
    buf_putc(b, ',');
    emit_dot_put_number(b, p.y);
    buf_puts(b, "!\", width=");
    emit_dot_put_number(b, p.w / 72.0);
    buf_puts(b, ", height=");
    emit_dot_put_number(b, p.h / 72.0);
}

/* bb="llx,lly,urx,ury" in points. */
static void emit_dot_put_bb(struct buf *b, double x0, double y0, double x1, double y1)
{
    buf_puts(b, "bb=\"");
    emit_dot_put_number(b, x0);
    buf_putc(b, ',');
    emit_dot_put_number(b, y0);
    buf_putc(b, ',');
    emit_dot_put_number(b, x1);
    buf_putc(b, ',');
    emit_dot_put_number(b, y1);
    buf_putc(b, '"');
}

/* The role's levels in its track's names, model_role_levels_put's text,
 * whole, with the prefix escaped as user text. */
static void emit_dot_put_role_levels(struct buf *b, const struct model *m, const struct model_role *r)
{
    const struct model_track *t = &m->tracks[r->track];
    const char *prefix = t->level_prefix ? t->level_prefix : m->level_prefix;
    emit_dot_put_text(b, prefix);
    buf_printf(b, "%d", r->lo - t->shift);
    if (r->hi != r->lo) {
        buf_puts(b, "..");
        emit_dot_put_text(b, prefix);
        buf_printf(b, "%d", r->hi - t->shift);
    }
}

/* "3..8", "3" when both ends agree, "3.." when open ('years 3..'). */
static void emit_dot_put_years(struct buf *b, struct model_years y)
{
    emit_dot_put_number(b, y.min);
    if (y.open) {
        buf_puts(b, "..");
    } else if (y.max != y.min) {
        buf_puts(b, "..");
        emit_dot_put_number(b, y.max);
    }
    buf_puts(b, " y");
}

/* s for a tooltip (escape_dot_tooltip), cut after TOOLTIP_NAME_MAX code
 * points with an ellipsis: competency and rung names repeat on every
 * role's tooltip, so a long one must not multiply the output. */
static void emit_dot_put_tooltip_clipped(struct buf *b, const char *s)
{
    size_t n = 0;
    for (const char *p = s; *p; p++) {
        if (((unsigned char)*p & 0xC0) != 0x80 && n++ == TOOLTIP_NAME_MAX) {
            struct buf cut;
            buf_init(&cut, b->heap);
            buf_put(&cut, s, (size_t)(p - s));
            buf_putc(&cut, '\0');
            escape_dot_tooltip(b, cut.data);
            buf_free(&cut);
            buf_puts(b, "\xE2\x80\xA6");
            return;
        }
    }
    escape_dot_tooltip(b, s);
}

/* ---- placement ----------------------------------------------------------- */

/* Role nodes hold two lines, the name and the level range; sizes are whole
 * points so the bb arithmetic stays exact. */
static struct emit_dot_place emit_dot_role_size(const struct model *m, const struct model_role *r,
                                                struct buf *scratch)
{
    scratch->len = 0;
    model_role_levels_put(scratch, m, r);
    buf_putc(scratch, '\0');
    double text = fmax(emit_dot_text_width(r->name, ROLE_FONT),
                       emit_dot_text_width(scratch->data, ROLE_FONT));
    struct emit_dot_place p = {0, 0, 0, 0};
    p.w = ceil(text + 2 * ROLE_PAD_X);
    p.h = ceil(2 * emit_dot_line_height(ROLE_FONT) + 2 * ROLE_PAD_Y);
    return p;
}

/* Position in 0..1 along an axis. */
static double emit_dot_fraction(const struct model_axis *a, double v)
{
    return (v - a->min) / (a->max - a->min);
}

/* The scale two nodes need so they neither overlap nor crowd: enough to part
 * them horizontally or vertically, whichever is cheaper. Positions in the
 * places are at scale 1. */
static double emit_dot_pair_scale(const struct emit_dot_place *a, const struct emit_dot_place *b)
{
    double dx = fabs(a->x - b->x), dy = fabs(a->y - b->y);
    double sx = dx > 0 ? ((a->w + b->w) / 2 + NODE_GAP) / dx : HUGE_VAL;
    double sy = dy > 0 ? ((a->h + b->h) / 2 + NODE_GAP) / dy : HUGE_VAL;
    return fmin(sx, sy);
}

/* A grid over the plot area at scale 1 whose cells are so small that two
 * roles in one cell overlap even at twice MAX_SCALE (they are closer than
 * (w + NODE_GAP) / (2 * MAX_SCALE) across and (h + NODE_GAP) / (2 * MAX_SCALE)
 * up, for the narrowest w and the lowest h): a cell holds one role
 * (the index + 1) until the map is known to be crowded. The area is fixed
 * (BASE_WIDTH x BASE_HEIGHT), so the grid is too: a few thousand cells. */
struct emit_dot_grid {
    size_t *cell;
    long ncx, ncy;
    double cx, cy;
};

static long emit_dot_grid_index(double v, double size, long n)
{
    double k = floor(v / size);
    return k < 0 ? 0 : k >= (double)n ? n - 1 : (long)k;
}

/* Fills the grid; false when two roles share a cell (the map is crowded). */
static bool emit_dot_grid_fill(struct heap *heap, struct emit_dot_grid *g, const struct emit_dot_place *roles,
                               size_t n)
{
    double wmin = HUGE_VAL, hmin = HUGE_VAL;
    for (size_t i = 0; i < n; i++) {
        wmin = fmin(wmin, roles[i].w);
        hmin = fmin(hmin, roles[i].h);
    }
    g->cx = (wmin + NODE_GAP) / (2 * MAX_SCALE);
    g->cy = (hmin + NODE_GAP) / (2 * MAX_SCALE);
    g->ncx = (long)ceil(BASE_WIDTH / g->cx) + 1;
    g->ncy = (long)ceil(BASE_HEIGHT / g->cy) + 1;
    g->cell = heap_calloc(heap, (size_t)g->ncx * (size_t)g->ncy, sizeof *g->cell);
    for (size_t i = 0; i < n; i++) {
        long x = emit_dot_grid_index(roles[i].x, g->cx, g->ncx);
        long y = emit_dot_grid_index(roles[i].y, g->cy, g->ncy);
        size_t *c = &g->cell[y * g->ncx + x];
        if (*c)
            return false;
        *c = i + 1;
    }
    return true;
}

/* Roles widest first, then by index: the order in which they look for
 * neighbours. */
struct emit_dot_by_width {
    double w;
    size_t i;
};

static int emit_dot_by_width_cmp(const void *pa, const void *pb)
{
    const struct emit_dot_by_width *a = pa, *b = pb;
    if (a->w != b->w)
        return a->w > b->w ? -1 : 1;
    return (a->i > b->i) - (a->i < b->i);
}

/* Raises *scale to the largest scale role i needs against a role no wider
 * (ties: of lower index), looking only in the cells such a role could
 * overlap it from at *scale or more; stops early above MAX_SCALE. */
static void emit_dot_scale_against(const struct emit_dot_grid *g, const struct emit_dot_place *roles,
                                   size_t i, double hmax, double *scale)
{
    const struct emit_dot_place *a = &roles[i];
    double rx = (a->w + NODE_GAP) / *scale, ry = (hmax + NODE_GAP) / *scale;
    long x0 = emit_dot_grid_index(a->x - rx, g->cx, g->ncx), x1 = emit_dot_grid_index(a->x + rx, g->cx, g->ncx);
    long y0 = emit_dot_grid_index(a->y - ry, g->cy, g->ncy), y1 = emit_dot_grid_index(a->y + ry, g->cy, g->ncy);
    for (long y = y0; y <= y1; y++)
        for (long x = x0; x <= x1; x++) {
            size_t c = g->cell[y * g->ncx + x];
            if (!c || c - 1 == i)
                continue;
            const struct emit_dot_place *b = &roles[c - 1];
            if (b->w > a->w || (b->w == a->w && c - 1 > i))
                continue;   /* b looks for a */
            *scale = fmax(*scale, emit_dot_pair_scale(a, b));
            if (*scale > MAX_SCALE)
                return;
        }
}

/* The smallest scale (>= 1) at which no two roles overlap, or any scale
 * above MAX_SCALE when that is out of reach; the caller caps it. The result
 * is the largest pair scale, independent of visiting order.
 *
 * Linear in the roles, whatever their widths and places: two roles in one
 * grid cell settle it at once (above MAX_SCALE); otherwise each role, widest
 * first, compares itself with the narrower roles in the cells around it that
 * could overlap it, a window about as wide as the role itself. Roles that
 * get that far without crowding the map are apart, so few wide ones fit
 * the fixed plot area, and the windows add up to a bounded number of cells.
 * (Sweeping in x with a reach set by the widest role, as before, let one
 * long name make every role compare itself with every other.) */
static double emit_dot_fit_scale(struct heap *heap, const struct emit_dot_place *roles, size_t n)
{
    if (n < 2)
        return 1;
    struct emit_dot_grid g;
    double scale = 1;
    if (!emit_dot_grid_fill(heap, &g, roles, n)) {
        heap_free(heap, g.cell);
        return 2 * MAX_SCALE;
    }
    struct emit_dot_by_width *order = heap_calloc(heap, n, sizeof *order);
    double hmax = 0;
    for (size_t i = 0; i < n; i++) {
        order[i] = (struct emit_dot_by_width){roles[i].w, i};
        hmax = fmax(hmax, roles[i].h);
    }
    qsort(order, n, sizeof *order, emit_dot_by_width_cmp);
    for (size_t k = 0; k < n && scale <= MAX_SCALE; k++)
        emit_dot_scale_against(&g, roles, order[k].i, hmax, &scale);
    heap_free(heap, order);
    heap_free(heap, g.cell);
    return scale;
}

/* ---- the parts of the picture -------------------------------------------- */

/* Above this many moves the relative layout's arrows are straight lines:
 * route.c spends about 0.3 ms a move on the bench's maps (0.37 s at 1,000
 * roles and moves, 4.7 s at 10,000), and a map of thousands of moves shows
 * their years only on hover anyway (MAX_EDGE_LABELS). docs/routing.md. */
#define ROUTED_MOVES_MAX 2000

/* With the exact layout, Graphviz routes the edges around nodes
 * (splines=true) unless roles overlap: then its router would give up with a
 * warning, so we ask for straight lines. Otherwise (routed) the arrows carry
 * their own splines (route.c), the engine is nop2, which keeps them, and the
 * only edges without one, the axes and the legend's samples, are straight. */
static void emit_dot_header(const struct model *m, const struct emit_dot_plan *plan, bool routed,
                            struct buf *b)
{
    const struct theme *th = plan->theme;
    buf_puts(b, "digraph ladder {\n");
    buf_printf(b, "  graph [layout=%s, splines=%s, outputorder=edgesfirst, bgcolor=\"%s\", pad=0.3,\n",
               routed ? "nop2" : "nop", routed || plan->crowded || !plan->exact ? "line" : "true",
               th->background);
    buf_printf(b, "         fontname=\"%s\", fontsize=%d, fontcolor=\"%s\", labelloc=t, label=", FONT,
               (int)TITLE_FONT, th->text);
    emit_dot_put_string(b, m->title ? m->title : "");
    buf_puts(b, "];\n");
    buf_printf(b, "  node [fontname=\"%s\", fontsize=%d, fontcolor=\"%s\", fixedsize=true, shape=box, "
                  "style=\"rounded,filled\", penwidth=1.5];\n", FONT, (int)ROLE_FONT, th->text);
    buf_printf(b, "  edge [fontname=\"%s\", fontsize=%d, fontcolor=\"%s\", penwidth=1.2, "
                  "arrowsize=0.8];\n", FONT, (int)EDGE_FONT, th->move_text);
}

/* A track's colours and border pattern, for its roles and its legend row:
 * the pattern only beyond the first THEME_TRACK_COLORS tracks (theme.h). */
static void emit_dot_put_track_look(struct buf *b, const struct theme *th, size_t track)
{
    struct theme_track look = theme_track(th, track);
    buf_printf(b, "color=\"%s\", fillcolor=\"%s\"", look.border, look.fill);
    if (look.dash)
        buf_printf(b, ", style=\"rounded,filled,%s\"", look.dash);
    if (look.penwidth)
        buf_printf(b, ", penwidth=%s", look.penwidth);
}

/* A role with rungs or a summary gets a tooltip: its name and levels (what
 * Graphviz shows without one), its summary, then a line per rung,
 * "Technical craft: Owns (3)". A role with a link (the checker lets only
 * http: and https: through; tested again here) becomes a link in the
 * SVG; for the page (links), every role links to its section instead,
 * which shows the role's own link. Roles with neither are written as before. */
static void emit_dot_role_framework(const struct model *m, const struct model_role *r, bool links, struct buf *b)
{
    if (links || r->about->nexpect || r->about->summary) {   /* a link's name: its tooltip, else the raw label */
        buf_puts(b, ", tooltip=\"");
        escape_dot_tooltip(b, r->name);
        buf_puts(b, " (");
        emit_dot_put_role_levels(b, m, r);
        buf_putc(b, ')');
        if (r->about->summary) {
            buf_puts(b, "\\n");
            escape_dot_tooltip(b, r->about->summary);
        }
        for (size_t k = 0; k < r->about->nexpect; k++) {
            const struct model_competency *c = &m->competencies[r->about->expect[k].competency];
            buf_puts(b, "\\n");
            emit_dot_put_tooltip_clipped(b, c->name);
            buf_puts(b, ": ");
            emit_dot_put_tooltip_clipped(b, c->rungs[r->about->expect[k].rung - 1].name);
            buf_printf(b, " (%d)", r->about->expect[k].rung);
        }
        buf_putc(b, '"');
    }
    if (links) {    /* the page's section of the role; ids are [a-z][a-z0-9_]*: nothing to escape */
        buf_puts(b, ", URL=\"#role-");
        buf_puts(b, r->id);
        buf_putc(b, '"');
    } else if (r->about->link && escape_url_is_web(r->about->link)) {
        buf_puts(b, ", URL=\"");
        escape_dot_url(b, r->about->link);
        buf_putc(b, '"');
    }
}

/* Role ids are always quoted: an id such as "node" or "edge" is a DOT keyword. */
static void emit_dot_role(const struct model *m, const struct emit_dot_plan *plan, size_t i,
                          const char *indent, struct buf *b)
{
    const struct model_role *r = &m->roles[i];
    buf_puts(b, indent);
    emit_dot_put_string(b, r->id);
    buf_puts(b, " [label=\"");
    emit_dot_put_text(b, r->name);
    buf_puts(b, "\\n");
    emit_dot_put_role_levels(b, m, r);
    buf_puts(b, "\", ");
    emit_dot_put_track_look(b, plan->theme, r->track);
    buf_puts(b, ", ");
    emit_dot_put_geometry(b, plan->roles[i]);
    emit_dot_role_framework(m, r, plan->links, b);
    buf_printf(b, ", id=\"role-%zu\"];\n", i);    /* last: tools that read the DOT expect the label first */
}

/* The roles of each box, in source order: box k holds roles[start[k]] up to
 * roles[start[k + 1]], found in one counting pass so that drawing the boxes
 * costs boxes + roles, not boxes x roles. Roles in no box are not listed. */
struct emit_dot_members {
    size_t *roles, *start;
};

/* r->box is -1 or a box of m (the checker sets it from m's boxes). */
static bool emit_dot_in_box(const struct model_role *r)
{
    return r->box >= 0;
}

static void emit_dot_members(struct heap *heap, const struct model *m, struct emit_dot_members *mb)
{
    mb->start = heap_calloc(heap, m->nboxes + 2, sizeof *mb->start);
    mb->roles = heap_calloc(heap, m->nroles ? m->nroles : 1, sizeof *mb->roles);
    for (size_t i = 0; i < m->nroles; i++)
        if (emit_dot_in_box(&m->roles[i]))
            mb->start[m->roles[i].box + 2]++;
    for (size_t k = 0; k < m->nboxes; k++)
        mb->start[k + 2] += mb->start[k + 1];
    /* start[k + 1] is now where box k's roles go; filling moves it to its end */
    for (size_t i = 0; i < m->nroles; i++)
        if (emit_dot_in_box(&m->roles[i]))
            mb->roles[mb->start[m->roles[i].box + 1]++] = i;
}

/* The extent of the roles roles[0..n), n > 0. */
static void emit_dot_extent(const struct emit_dot_plan *plan, const size_t *roles, size_t n,
                            double ext[4])
{
    for (size_t j = 0; j < n; j++) {
        struct emit_dot_place p = plan->roles[roles[j]];
        double x0 = p.x - p.w / 2, y0 = p.y - p.h / 2, x1 = p.x + p.w / 2, y1 = p.y + p.h / 2;
        if (j == 0) {
            ext[0] = x0, ext[1] = y0, ext[2] = x1, ext[3] = y1;
        } else {
            ext[0] = fmin(ext[0], x0), ext[1] = fmin(ext[1], y0);
            ext[2] = fmax(ext[2], x1), ext[3] = fmax(ext[3], y1);
        }
    }
}

/* The box's id (the SVG finisher, lib/emit/emit_svg.c, finds it by that)
 * and a tooltip naming it and its levels: without one, hovering the frame
 * showed Graphviz's "cluster_0". Written after the box's roles (a graph
 * attribute holds for the whole cluster wherever it stands), apart from the
 * lines that draw the frame. */
static void emit_dot_box_a11y(const struct model *m, size_t k, struct buf *b)
{
    const struct model_box *box = &m->boxes[k];
    struct buf levels;
    buf_init(&levels, b->heap);
    model_levels_put(&levels, m, box->lo, box->hi);
    buf_putc(&levels, '\0');
    buf_printf(b, "    graph [id=\"box-%zu\", tooltip=\"Box ", k);
    escape_dot_tooltip(b, box->name);
    buf_puts(b, box->lo == box->hi ? ": level " : ": levels ");
    escape_dot_tooltip(b, levels.data);
    buf_puts(b, "\"];\n");
    buf_free(&levels);
}

/* The roles' sizes, and their places at scale 1 (exact: proportional). */
static void emit_dot_sizes(struct heap *heap, const struct model *m, struct emit_dot_plan *plan)
{
    plan->roles = heap_calloc(heap, m->nroles ? m->nroles : 1, sizeof *plan->roles);
    plan->frames = heap_calloc(heap, m->nboxes ? m->nboxes : 1, sizeof *plan->frames);
    struct buf scratch;
    buf_init(&scratch, heap);
    for (size_t i = 0; i < m->nroles; i++) {
        const struct model_role *r = &m->roles[i];
        struct emit_dot_place *p = &plan->roles[i];
        *p = emit_dot_role_size(m, r, &scratch);
        p->x = emit_dot_fraction(&m->axis[0], r->x) * BASE_WIDTH;
        p->y = emit_dot_fraction(&m->axis[1], r->y) * BASE_HEIGHT;
    }
    buf_free(&scratch);
}

/* The width a box's label needs inside its frame. */
static double emit_dot_label_width(const char *name)
{
    return ceil(emit_dot_text_width(name, BOX_FONT)) + 2 * BOX_MARGIN;
}

/* The extent of the roles and, with frames, of the frames too. */
static void emit_dot_bounds(const struct model *m, struct emit_dot_plan *plan, bool frames)
{
    plan->left = plan->bottom = 0;
    plan->right = plan->width;
    plan->top = plan->height;
    for (size_t i = 0; i < m->nroles; i++) {
        struct emit_dot_place *p = &plan->roles[i];
        plan->left = fmin(plan->left, p->x - p->w / 2);
        plan->right = fmax(plan->right, p->x + p->w / 2);
        plan->bottom = fmin(plan->bottom, p->y - p->h / 2);
        plan->top = fmax(plan->top, p->y + p->h / 2);
    }
    for (size_t k = 0; frames && k < m->nboxes; k++) {
        const struct layout_frame *f = &plan->frames[k];
        if (!f->drawn)
            continue;
        plan->left = fmin(plan->left, f->x0);
        plan->right = fmax(plan->right, f->x1);
        plan->bottom = fmin(plan->bottom, f->y0);
        plan->top = fmax(plan->top, f->y1);
    }
}

/* Every role at its written coordinates, scaled as little as keeps them
 * apart (up to MAX_SCALE); each frame is the box around its roles, widened
 * on both sides for its label. 0.2's picture, byte for byte. */
static void emit_dot_plan_exact(struct heap *heap, const struct model *m, struct emit_dot_plan *plan)
{
    double scale = emit_dot_fit_scale(heap, plan->roles, m->nroles);
    plan->crowded = scale > MAX_SCALE;
    scale = fmin(scale, MAX_SCALE);
    plan->width = round(BASE_WIDTH * scale);
    plan->height = round(BASE_HEIGHT * scale);
    for (size_t i = 0; i < m->nroles; i++) {
        struct emit_dot_place *p = &plan->roles[i];
        p->x = round(p->x * scale);
        p->y = round(p->y * scale);
    }
    emit_dot_bounds(m, plan, false);
    struct emit_dot_members mb;
    emit_dot_members(heap, m, &mb);
    for (size_t k = 0; k < m->nboxes; k++) {
        size_t n = mb.start[k + 1] - mb.start[k];
        if (n == 0)
            continue;
        double e[4];
        emit_dot_extent(plan, mb.roles + mb.start[k], n, e);
        double grow = fmax(0, emit_dot_label_width(m->boxes[k].name) - (e[2] - e[0] + 2 * BOX_MARGIN)) / 2;
        plan->frames[k] = (struct layout_frame){
            floor(e[0] - BOX_MARGIN - grow), floor(e[1] - BOX_MARGIN),
            ceil(e[2] + BOX_MARGIN + grow), ceil(e[3] + BOX_MARGIN + ceil(emit_dot_line_height(BOX_FONT))), true};
    }
    heap_free(heap, mb.roles);
    heap_free(heap, mb.start);
}

/* The relative layout (lib/layout.h): the file's order on each axis, the
 * spacing chosen so that roles and frames stay apart. */
static void emit_dot_plan_relative(struct heap *heap, const struct model *m, struct emit_dot_plan *plan)
{
    struct layout_metrics lm = {
        .node_gap = NODE_GAP, .box_margin = BOX_MARGIN, .box_gap = BOX_GAP,
        .label_h = ceil(emit_dot_line_height(BOX_FONT)), .base_w = BASE_WIDTH, .base_h = BASE_HEIGHT,
    };
    size_t n = m->nroles ? m->nroles : 1;
    struct layout_place *places = heap_calloc(heap, n, sizeof *places);
    double *label_w = heap_calloc(heap, m->nboxes ? m->nboxes : 1, sizeof *label_w);
    for (size_t i = 0; i < m->nroles; i++)
        places[i] = (struct layout_place){0, 0, plan->roles[i].w, plan->roles[i].h};
    for (size_t k = 0; k < m->nboxes; k++)
        label_w[k] = emit_dot_label_width(m->boxes[k].name);
    layout_relative(m, &lm, label_w, places, plan->frames, heap);
    for (size_t i = 0; i < m->nroles; i++) {
        plan->roles[i].x = places[i].x;
        plan->roles[i].y = places[i].y;
    }
    heap_free(heap, label_w);
    heap_free(heap, places);
    plan->crowded = false;
    plan->width = plan->height = 0;
    emit_dot_bounds(m, plan, true);
    plan->width = plan->right;
    plan->height = plan->top;
}

static void emit_dot_plan(struct heap *heap, const struct model *m, const struct emit_dot_options *o,
                          struct emit_dot_plan *plan)
{
    emit_dot_sizes(heap, m, plan);
    plan->exact = o->exact;
    if (o->exact)
        emit_dot_plan_exact(heap, m, plan);
    else
        emit_dot_plan_relative(heap, m, plan);
}

/* One cluster per box that holds a role (roles[0..n)), in the frame the
 * plan gave it: room for the label on top, at least as wide as the label. */
static void emit_dot_box(const struct model *m, const struct emit_dot_plan *plan, size_t k,
                         const size_t *roles, size_t n, struct buf *b)
{
    if (n == 0)
        return;
    const struct layout_frame *f = &plan->frames[k];
    buf_printf(b, "  subgraph cluster_%zu {\n", k);
    buf_printf(b, "    graph [style=\"rounded,dashed\", color=\"%s\", fontcolor=\"%s\", "
                  "fontsize=%d, labeljust=l, label=", plan->theme->frame, plan->theme->frame_text,
               (int)BOX_FONT);
    emit_dot_put_string(b, m->boxes[k].name);
    buf_puts(b, ", ");
    emit_dot_put_bb(b, f->x0, f->y0, f->x1, f->y1);
    buf_puts(b, "];\n");
    for (size_t j = 0; j < n; j++)
        emit_dot_role(m, plan, roles[j], "    ", b);
    emit_dot_box_a11y(m, k, b);
    buf_puts(b, "  }\n");
}

static void emit_dot_roles(const struct model *m, const struct emit_dot_plan *plan, struct buf *b)
{
    struct emit_dot_members mb;
    emit_dot_members(b->heap, m, &mb);
    for (size_t k = 0; k < m->nboxes; k++)
        emit_dot_box(m, plan, k, mb.roles + mb.start[k], mb.start[k + 1] - mb.start[k], b);
    heap_free(b->heap, mb.roles);
    heap_free(b->heap, mb.start);
    for (size_t i = 0; i < m->nroles; i++)
        if (!emit_dot_in_box(&m->roles[i]))
            emit_dot_role(m, plan, i, "  ", b);
}

/* Whether arrows carry their years as labels (else as tooltips). */
static bool emit_dot_labels_years(const struct model *m)
{
    return m->ntransitions <= MAX_EDGE_LABELS;
}

static void emit_dot_edge_style(const struct theme *th, enum model_kind kind, struct buf *b)
{
    const struct theme_move *s = &th->move[kind];
    buf_printf(b, "style=%s, color=\"%s\", arrowhead=%s", s->style, s->color, s->arrowhead);
}

/* The years label's size in points, as route.c needs it (0 wide: none). */
static void emit_dot_years_size(const struct model_transition *t, struct buf *scratch, double *w, double *h)
{
    *w = *h = 0;
    if (!t->years.known)
        return;
    scratch->len = 0;
    emit_dot_put_years(scratch, t->years);
    buf_putc(scratch, '\0');
    *w = ceil(emit_dot_text_width(scratch->data, EDGE_FONT)) + 2 * EDGE_LABEL_PAD;
    *h = ceil(emit_dot_line_height(EDGE_FONT)) + 2 * EDGE_LABEL_PAD;
}

/* Where each drawn box's title sits: the top left of its frame, as wide
 * as the title's label (emit_dot_label_width), a line high and a little
 * more; the years labels keep off them. */
static struct route_rect *emit_dot_box_titles(const struct model *m, const struct emit_dot_plan *plan,
                                              struct heap *heap, size_t *n)
{
    struct route_rect *titles = heap_calloc(heap, m->nboxes ? m->nboxes : 1, sizeof *titles);
    double h = ceil(emit_dot_line_height(BOX_FONT)) + BOX_MARGIN / 2;
    *n = 0;
    for (size_t k = 0; plan->frames && k < m->nboxes; k++) {
        const struct layout_frame *f = &plan->frames[k];
        if (!f->drawn)
            continue;
        double w = emit_dot_label_width(m->boxes[k].name);
        titles[(*n)++] = (struct route_rect){f->x0 + w / 2, f->y1 - h / 2, w, h};
    }
    return titles;
}

/* Every arrow's spline and label spot, from the plan's node rectangles
 * (route.h); labels only when the map shows them. */
static struct route_path *emit_dot_route(const struct model *m, const struct emit_dot_plan *plan,
                                         struct heap *heap)
{
    struct route_rect *nodes = heap_calloc(heap, m->nroles ? m->nroles : 1, sizeof *nodes);
    for (size_t i = 0; i < m->nroles; i++)
        nodes[i] = (struct route_rect){plan->roles[i].x, plan->roles[i].y, plan->roles[i].w, plan->roles[i].h};
    struct route_edge *edges = heap_calloc(heap, m->ntransitions ? m->ntransitions : 1, sizeof *edges);
    struct buf scratch;
    buf_init(&scratch, heap);
    bool labels = emit_dot_labels_years(m);
    for (size_t i = 0; i < m->ntransitions; i++) {
        const struct model_transition *t = &m->transitions[i];
        edges[i] = (struct route_edge){t->from, t->to, 0, 0};
        if (labels)
            emit_dot_years_size(t, &scratch, &edges[i].lw, &edges[i].lh);
    }
    buf_free(&scratch);
    struct route_path *paths = heap_calloc(heap, m->ntransitions ? m->ntransitions : 1, sizeof *paths);
    size_t ntitles = 0;
    struct route_rect *titles = emit_dot_box_titles(m, plan, heap, &ntitles);
    struct route_input in = {nodes, m->nroles, edges, m->ntransitions, titles, ntitles, EDGE_ARROW};
    route_edges(heap, &in, paths, NULL);
    heap_free(heap, titles);
    heap_free(heap, edges);
    heap_free(heap, nodes);
    return paths;
}

/* pos="e,tip p0 p1 ...", and lp="x,y" for a placed label: after the id,
 * before the style, so that its style and label end the line as they
 * always did. */
static void emit_dot_put_path(struct buf *b, const struct route_path *p)
{
    buf_puts(b, "pos=\"e,");
    emit_dot_put_number(b, round(p->tip[0] * 100) / 100);
    buf_putc(b, ',');
    emit_dot_put_number(b, round(p->tip[1] * 100) / 100);
    for (int k = 0; k < p->npt; k++) {
        buf_putc(b, ' ');
        emit_dot_put_number(b, round(p->pt[k][0] * 100) / 100);
        buf_putc(b, ',');
        emit_dot_put_number(b, round(p->pt[k][1] * 100) / 100);
    }
    buf_putc(b, '"');
    if (p->placed) {
        buf_puts(b, ", lp=\"");
        emit_dot_put_number(b, round(p->lp[0] * 100) / 100);
        buf_putc(b, ',');
        emit_dot_put_number(b, round(p->lp[1] * 100) / 100);
        buf_putc(b, '"');
    }
    buf_puts(b, ", ");
}

/* paths NULL: Graphviz routes the arrows (the exact layout's DOT, as it
 * always was); else each carries its own spline, and a label that found no
 * free spot goes into the arrow's tooltip rather than on top of another. */
static void emit_dot_transitions(const struct model *m, const struct theme *th, const struct route_path *paths,
                                 struct buf *b)
{
    bool labels = emit_dot_labels_years(m);
    for (size_t i = 0; i < m->ntransitions; i++) {
        const struct model_transition *t = &m->transitions[i];
        buf_puts(b, "  ");
        emit_dot_put_string(b, m->roles[t->from].id);
        buf_puts(b, " -> ");
        emit_dot_put_string(b, m->roles[t->to].id);
        buf_printf(b, " [id=\"move-%zu\", ", i);
        if (paths)
            emit_dot_put_path(b, &paths[i]);
        emit_dot_edge_style(th, t->kind, b);
        if (t->years.known) {
            bool label = labels && (!paths || paths[i].placed);
            buf_printf(b, ", %s=\"", label ? "label" : "tooltip");
            emit_dot_put_years(b, t->years);
            buf_putc(b, '"');
        }
        buf_puts(b, "];\n");
    }
}

/* A borderless text node of our own; ids start with '_', which role ids
 * never do. */
static void emit_dot_text_node(struct buf *b, const char *indent, const char *id,
                               const char *text, const char *suffix, double size,
                               struct emit_dot_place p)
{
    buf_printf(b, "%s\"%s\" [shape=plaintext, style=\"\", fontsize=%d, label=\"", indent, id,
               (int)size);
    emit_dot_put_text(b, text);
    buf_puts(b, suffix);
    buf_puts(b, "\", ");
    emit_dot_put_geometry(b, p);
    buf_puts(b, "];\n");
}

/* An invisible anchor for the axis arrows and the legend's sample edges. */
static void emit_dot_point(struct buf *b, const char *indent, const char *id, double x, double y)
{
    struct emit_dot_place p = {x, y, 2, 2};
    buf_printf(b, "%s\"%s\" [shape=point, style=invis, label=\"\", ", indent, id);
    emit_dot_put_geometry(b, p);
    buf_puts(b, "];\n");
}

static struct emit_dot_place emit_dot_text_place(const char *text, const char *suffix,
                                                 double size, double x, double y)
{
    double w = emit_dot_text_width(text, size) + emit_dot_text_width(suffix, size);
    struct emit_dot_place p = {x, y, ceil(w) + 4, ceil(emit_dot_line_height(size)) + 2};
    return p;
}

/* Two arrows from the corner below and left of every role, each with its
 * title beside it: x's under the middle of the x axis, y's left of the
 * middle of the y axis. */
static void emit_dot_axes(const struct model *m, const struct emit_dot_plan *plan, struct buf *b)
{
    double ox = plan->left - AXIS_GAP, oy = plan->bottom - AXIS_GAP;
    double ex = plan->right + AXIS_GAP, ey = plan->top + AXIS_GAP;
    emit_dot_point(b, "  ", "_axis_origin", ox, oy);
    emit_dot_point(b, "  ", "_axis_x_end", ex, oy);
    emit_dot_point(b, "  ", "_axis_y_end", ox, ey);
    const char *axis = plan->theme->axis;
    buf_printf(b, "  \"_axis_origin\" -> \"_axis_x_end\" [color=\"%s\", arrowhead=normal];\n", axis);
    buf_printf(b, "  \"_axis_origin\" -> \"_axis_y_end\" [color=\"%s\", arrowhead=normal];\n", axis);

    const char *xt = m->axis[0].title, *yt = m->axis[1].title;
    if (xt[0]) {
        struct emit_dot_place p = emit_dot_text_place(xt, " \xE2\x86\x92", AXIS_FONT, 0, 0);
        p.x = round((ox + ex) / 2);
        p.y = oy - 12 - ceil(p.h / 2);
        emit_dot_text_node(b, "  ", "_axis_x_title", xt, " \xE2\x86\x92", AXIS_FONT, p);
    }
    if (yt[0]) {
        struct emit_dot_place p = emit_dot_text_place(yt, " \xE2\x86\x91", AXIS_FONT, 0, 0);
        p.x = ox - 12 - ceil(p.w / 2);
        p.y = round((oy + ey) / 2);
        emit_dot_text_node(b, "  ", "_axis_y_title", yt, " \xE2\x86\x91", AXIS_FONT, p);
    }
}

/* A legend row that is a swatch with its text inside (a track's card, a
 * box's frame, drawn as look says), centred at height y, its left end at
 * x0. Returns the row's width. */
static double emit_dot_legend_swatch(struct buf *b, const char *id, const char *text, double x0, double y,
                                     const char *look)
{
    struct emit_dot_place p = emit_dot_text_place(text, "", LEGEND_FONT, 0, y);
    p.w += 2 * ROLE_PAD_X;
    p.h = LEGEND_ROW - 10;
    p.x = x0 + p.w / 2;
    buf_printf(b, "    \"%s\" [fontsize=%d, %s, label=", id, (int)LEGEND_FONT, look);
    emit_dot_put_string(b, text);
    buf_puts(b, ", ");
    emit_dot_put_geometry(b, p);
    buf_puts(b, "];\n");
    return p.w;
}

/* The legend's rows, top down: one card per track in its colours and border
 * pattern, one sample edge per kind of move, then one dashed frame per box
 * drawn (a box with roles), named as on the map: the frames' own labels can
 * sit far apart or behind other frames, and the legend is where all of
 * them are read at once. Returns the width of the widest row and counts the
 * rows in *nrows. */
static double emit_dot_legend_rows(const struct model *m, const struct theme *th, double x0, double top,
                                   struct buf *b, size_t *nrows)
{
    double widest = 0, y = top - LEGEND_ROW / 2;
    char id[64];
    struct buf look;
    buf_init(&look, b->heap);
    size_t rows = 0;
    for (size_t t = 0; t < m->ntracks; t++, y -= LEGEND_ROW, rows++) {
        look.len = 0;
        emit_dot_put_track_look(&look, th, t);
        buf_putc(&look, '\0');
        snprintf(id, sizeof id, "_legend_track_%zu", t);
        widest = fmax(widest, emit_dot_legend_swatch(b, id, m->tracks[t].name, x0, y, look.data));
    }
    for (int k = 0; k < KIND_COUNT; k++, y -= LEGEND_ROW, rows++) {
        char from[64], to[64];
        snprintf(from, sizeof from, "_legend_%s_from", model_kind_name(k));
        snprintf(to, sizeof to, "_legend_%s_to", model_kind_name(k));
        snprintf(id, sizeof id, "_legend_%s", model_kind_name(k));
        emit_dot_point(b, "    ", from, x0 + 1, y);
        emit_dot_point(b, "    ", to, x0 + LEGEND_SWATCH, y);
        buf_printf(b, "    \"%s\" -> \"%s\" [", from, to);
        emit_dot_edge_style(th, k, b);
        buf_puts(b, "];\n");
        struct emit_dot_place p = emit_dot_text_place(model_kind_name(k), "", LEGEND_FONT, 0, y);
        p.x = x0 + LEGEND_SWATCH + 10 + p.w / 2;
        emit_dot_text_node(b, "    ", id, model_kind_name(k), "", LEGEND_FONT, p);
        widest = fmax(widest, LEGEND_SWATCH + 10 + p.w);
    }
    look.len = 0;
    buf_printf(&look, "style=\"rounded,dashed\", penwidth=1, color=\"%s\", fontcolor=\"%s\"", th->frame,
               th->frame_text);
    buf_putc(&look, '\0');
    bool *drawn = heap_calloc(b->heap, m->nboxes ? m->nboxes : 1, sizeof *drawn);
    for (size_t i = 0; i < m->nroles; i++)
        if (emit_dot_in_box(&m->roles[i]))
            drawn[m->roles[i].box] = true;
    for (size_t k = 0; k < m->nboxes; k++) {
        if (!drawn[k])
            continue;
        snprintf(id, sizeof id, "_legend_box_%zu", k);
        widest = fmax(widest, emit_dot_legend_swatch(b, id, m->boxes[k].name, x0, y, look.data));
        y -= LEGEND_ROW, rows++;
    }
    heap_free(b->heap, drawn);
    buf_free(&look);
    if (!emit_dot_labels_years(m)) {
        static const char hint[] = "years: hover an arrow";
        struct emit_dot_place p = emit_dot_text_place(hint, "", LEGEND_FONT, 0, y);
        p.x = x0 + p.w / 2;
        emit_dot_text_node(b, "    ", "_legend_years", hint, "", LEGEND_FONT, p);
        widest = fmax(widest, p.w);
        rows++;
    }
    *nrows = rows;
    return widest;
}

/* The legend sits right of the plot, level with its top, so it can never
 * cover a role. */
static void emit_dot_legend(const struct model *m, const struct emit_dot_plan *plan, struct buf *b)
{
    double x0 = plan->right + AXIS_GAP + LEGEND_GAP, top = plan->top;
    size_t rows;
    buf_puts(b, "  subgraph cluster_legend {\n");
    struct buf rowtext;
    buf_init(&rowtext, b->heap);
    double widest = emit_dot_legend_rows(m, plan->theme, x0, top, &rowtext, &rows);
    buf_printf(b, "    graph [style=rounded, color=\"%s\", fontcolor=\"%s\", "
                  "fontsize=%d, labeljust=l, label=\"Legend\", ", plan->theme->legend_frame,
               plan->theme->legend_text, (int)BOX_FONT);
    emit_dot_put_bb(b, x0 - BOX_MARGIN, top - (double)rows * LEGEND_ROW - BOX_MARGIN,
                    ceil(x0 + widest + BOX_MARGIN),
                    top + BOX_MARGIN + ceil(emit_dot_line_height(BOX_FONT)));
    buf_puts(b, "];\n");
    buf_put(b, rowtext.data, rowtext.len);
    buf_free(&rowtext);
    buf_puts(b, "    graph [id=\"legend\"];\n");     /* last, as a box's: the frame's line comes first */
    buf_puts(b, "  }\n");
}

void emit_dot(const struct model *m, const struct emit_dot_options *o, struct buf *out)
{
    struct emit_dot_plan plan;
    emit_dot_plan(out->heap, m, o, &plan);
    plan.theme = theme_get(o->theme);
    plan.links = o->links;
    bool routed = !o->exact && m->ntransitions <= ROUTED_MOVES_MAX;
    struct route_path *paths = routed ? emit_dot_route(m, &plan, out->heap) : NULL;
    emit_dot_header(m, &plan, paths != NULL, out);
    emit_dot_roles(m, &plan, out);
    emit_dot_transitions(m, plan.theme, paths, out);
    heap_free(out->heap, paths);
    emit_dot_axes(m, &plan, out);
    emit_dot_legend(m, &plan, out);
    buf_puts(out, "}\n");
    heap_free(out->heap, plan.frames);
    heap_free(out->heap, plan.roles);
}
