/* render.c - SVG, PNG and PDF through libgvc, in this process.
 *
 * We hand Graphviz the DOT that the library writes (ld_emit "dot") and ask
 * its "nop2" engine to keep our positions and the edges' own splines (an
 * edge without one, as all in the exact layout's DOT, is routed as "nop"
 * would). The plugins are linked in and named
 * in a table, so rendering does not depend on the plugin configuration file
 * that Debian's libgvc postinst writes. SVG gets only the core plugins: with
 * no text layout plugin loaded, Graphviz measures text with its built-in
 * font metrics, so the same model gives the same SVG bytes on every machine,
 * whatever fonts are installed. PNG and PDF need cairo and pango, which
 * measure text with the installed fonts; such a picture depends on them anyway.
 *
 * Size. The layout fixes the drawing's size in points; the dpi turns it
 * into pixels (PNG) or page points (PDF, where dpi 72 is the natural size).
 * We set the dpi after the layout and before cairo runs, from the
 * drawing's bounding box: a drawing that would be larger than the maximum
 * (render.h) is drawn at a lower dpi, never handed to cairo whole (a 5.6 KB
 * ladder once asked cairo for 22385 x 10606 pixels, 945 MB, and crashed it
 * under a memory limit).
 */
#include "render.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gvc.h>

extern gvplugin_library_t gvplugin_core_LTX_library;
extern gvplugin_library_t gvplugin_neato_layout_LTX_library;
extern gvplugin_library_t gvplugin_pango_LTX_library;

static const lt_symlist_t render_svg_plugins[] = {
    {"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
    {"gvplugin_neato_layout_LTX_library", &gvplugin_neato_layout_LTX_library},
    {NULL, NULL},
};

static const lt_symlist_t render_cairo_plugins[] = {
    {"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
    {"gvplugin_neato_layout_LTX_library", &gvplugin_neato_layout_LTX_library},
    {"gvplugin_pango_LTX_library", &gvplugin_pango_LTX_library},
    {NULL, NULL},
};

/* Graphviz 2.42 wants char * where it only reads; the casts live here. */
static char *render_gv_string(const char *s) { return (char *)s; }

/* Copies Graphviz's last message into err as one line: the message may span
 * several lines and ends in a newline. */
static void render_reason(char *err, size_t errsz, const char *what)
{
    char *last = aglasterr();
    size_t n = 0;
    if (last) {
        n = strcspn(last, "\n");
        while (n > 0 && (last[n - 1] == ' ' || last[n - 1] == '\r'))
            n--;
    }
    if (n > 0)
        snprintf(err, errsz, "graphviz: %s: %.*s", what, (int)n, last);
    else
        snprintf(err, errsz, "graphviz: %s", what);
    free(last);
}

/* ---- the size of the drawing ---- */

/* The largest size allowed for a format. */
struct render_limits {
    long max_side;          /* pixels (png) or points (pdf) */
    double max_area;        /* png only; 0: none */
};

static const struct render_limits render_png_limits = {RENDER_PNG_MAX_SIDE, RENDER_PNG_MAX_PIXELS};
static const struct render_limits render_pdf_limits = {RENDER_PDF_MAX_SIDE, 0};

/* The drawing's size in points with its padding (the graph's pad, in
 * inches, "x" or "x,y"; Graphviz's cairo default is 4 points), as
 * Graphviz's init_job_viewport computes it. No device margin: we set the
 * graph's margin to 0 (render_graph). */
static void render_natural_size(Agraph_t *g, double *w, double *h)
{
    double padx = 4, pady = 4;
    const char *pad = agget(g, render_gv_string("pad"));
    double x, y;
    if (pad && *pad) {
        int n = sscanf(pad, "%lf,%lf", &x, &y);
        if (n >= 1 && x >= 0)
            padx = pady = x * 72;
        if (n == 2 && y >= 0)
            pady = y * 72;
    }
    boxf bb = GD_bb(g);
    *w = bb.UR.x - bb.LL.x + 2 * padx;
    *h = bb.UR.y - bb.LL.y + 2 * pady;
}

/* Graphviz's size of the output at dpi: ROUND((size) * dpi / 72). */
static long render_units(double points, double dpi)
{
    return (long)(points * dpi / 72 + 0.5);
}

static int render_over(const struct render_limits *lim, long w, long h)
{
    return w > lim->max_side || h > lim->max_side || (lim->max_area > 0 && (double)w * (double)h > lim->max_area);
}

/* The dpi to draw at: dpi, or less when that would exceed the limits (the
 * largest size within them, keeping the proportions). Fills the report. */
static double render_fit_dpi(double pw, double ph, double dpi, const struct render_limits *lim,
                             struct render_report *rep)
{
    rep->asked_width = render_units(pw, dpi);
    rep->asked_height = render_units(ph, dpi);
    rep->capped = render_over(lim, rep->asked_width, rep->asked_height);
    if (rep->capped) {
        double w = pw * dpi / 72, h = ph * dpi / 72;
        double f = fmin((double)lim->max_side / w, (double)lim->max_side / h);
        if (lim->max_area > 0)
            f = fmin(f, sqrt(lim->max_area / (w * h)));
        dpi *= f;
        /* rounding may put a side one unit over: step down until it fits */
        while (dpi > 0 && render_over(lim, render_units(pw, dpi), render_units(ph, dpi)))
            dpi *= 0.999;
    }
    rep->width = render_units(pw, dpi);
    rep->height = render_units(ph, dpi);
    return dpi;
}

/* The size a PNG says it has (IHDR, big-endian, bytes 16 to 23). */
static void render_png_size(const struct buf *out, size_t start, struct render_report *rep)
{
    if (out->len < start + 24)
        return;
    const unsigned char *p = (const unsigned char *)out->data + start;
    rep->width = (long)((unsigned long)p[16] << 24 | p[17] << 16 | p[18] << 8 | p[19]);
    rep->height = (long)((unsigned long)p[20] << 24 | p[21] << 16 | p[22] << 8 | p[23]);
}

/* ---- the PDF's date ---- */

/* cairo 1.16 writes the time of the run as the Info dictionary's
 * /CreationDate (it has no SOURCE_DATE_EPOCH; later versions read it), so
 * two runs would differ. We rewrite it in place, at the same length so that
 * the cross-reference offsets stay true: the given date (UTC, the shortest
 * form cairo writes, padded with blanks), or blanks when there is none. The
 * Info dictionary is the last object cairo writes: the last match is it. */
static void render_pdf_fix_date(struct buf *out, size_t start, long long date)
{
    static const char key[] = "/CreationDate (D:";
    const size_t klen = sizeof key - 1;
    char *base = out->data + start, *hit = NULL;
    size_t len = out->len - start;
    for (size_t i = len >= klen ? len - klen + 1 : 0; i-- > 0;)
        if (memcmp(base + i, key, klen) == 0) {
            hit = base + i;
            break;
        }
    if (!hit)
        return;
    char *close = memchr(hit, ')', (size_t)(base + len - hit));
    if (!close)
        return;
    size_t n = (size_t)(close + 1 - hit);
    char stamp[64] = "";
    struct tm tm;
    time_t t = (time_t)date;
    if (date >= 0 && gmtime_r(&t, &tm))
        strftime(stamp, sizeof stamp, "/CreationDate (D:%Y%m%d%H%M%SZ)", &tm);
    size_t m = strlen(stamp);
    if (m > n)
        m = 0;      /* cannot happen with cairo's form: the date goes */
    memcpy(hit, stamp, m);
    memset(hit + m, ' ', n - m);
}

/* ---- rendering ---- */

/* Sets the dpi that draws the laid-out graph as opt asks, within the
 * limits; fills the report. */
static void render_set_size(Agraph_t *g, const struct render_options *opt, int pdf, struct render_report *rep)
{
    const struct render_limits *lim = pdf ? &render_pdf_limits : &render_png_limits;
    double scale = opt->scale > 0 ? opt->scale : 1;
    double dpi = pdf ? 72 : (opt->dpi > 0 ? opt->dpi : RENDER_PNG_DPI);
    double pw, ph;
    render_natural_size(g, &pw, &ph);
    GD_drawing(g)->dpi = render_fit_dpi(pw, ph, dpi * scale, lim, rep);
}

/* Whether a PNG of the report's size can have its canvas: cairo's failure
 * to allocate it is a crash inside Graphviz 2.42 (it draws on a NULL
 * context), so we ask for the memory first and give it back. */
static int render_canvas_fits(const struct render_report *rep)
{
    void *p = malloc((size_t)rep->width * (size_t)rep->height * 4 + 1);
    free(p);
    return p != NULL;
}

/* Lays out and renders a graph already read; returns 0 or fills err. */
static int render_graph(GVC_t *gvc, Agraph_t *g, const struct render_options *opt, struct buf *out,
                        struct render_report *rep, char *err, size_t errsz)
{
    if (gvLayout(gvc, g, render_gv_string("nop2")) != 0) {
        render_reason(err, errsz, "layout failed");
        return -1;
    }
    int png = strcmp(opt->format, "png") == 0, pdf = strcmp(opt->format, "pdf") == 0;
    if (pdf) {
        /* cairo's PDF device puts a blank half inch around the drawing,
         * outside its background: a dark map would get a white frame. The
         * drawing's own pad keeps it off the page's edge. Graphviz reads
         * margin when it renders. */
        agsafeset(g, render_gv_string("margin"), render_gv_string("0"), render_gv_string(""));
    }
    if (png || pdf)
        render_set_size(g, opt, pdf, rep);
    if (png && !render_canvas_fits(rep)) {
        snprintf(err, errsz, "not enough memory for a %ld x %ld PNG (lower --dpi or --scale)", rep->width,
                 rep->height);
        gvFreeLayout(gvc, g);
        return -1;
    }
    char *data = NULL;
    unsigned int len = 0;
    size_t start = out->len;
    int rc = gvRenderData(gvc, g, render_gv_string(opt->format), &data, &len);
    if (rc == 0 && data)
        buf_put(out, data, len);
    else
        render_reason(err, errsz, "rendering failed");
    if (data)
        gvFreeRenderData(data);
    gvFreeLayout(gvc, g);
    if (rc == 0 && data && png)
        render_png_size(out, start, rep);
    if (rc == 0 && data && pdf)
        render_pdf_fix_date(out, start, opt->pdf_date);
    return rc == 0 && data ? 0 : -1;
}

int render_graphviz(const char *dot, const struct render_options *opt, struct buf *out,
                    struct render_report *report, char *err, size_t errsz)
{
    struct render_report unused;
    if (!report)
        report = &unused;
    memset(report, 0, sizeof *report);
    /* format is "svg", "png" or "pdf": main.c passes no other (its format table) */
    const lt_symlist_t *plugins = strcmp(opt->format, "svg") == 0 ? render_svg_plugins : render_cairo_plugins;

    /* Graphviz prints its warnings to stderr; keep every message instead, so
     * a failure comes back through err and a harmless warning (such as
     * falling back to straight edges) does not clutter ours. */
    agerrlevel_t old_level = agseterr(AGMAX);
    GVC_t *gvc = gvContextPlugins(plugins, 0);
    int rc = -1;
    Agraph_t *g = agmemread(render_gv_string(dot));
    if (!g)
        render_reason(err, errsz, "cannot read the generated DOT");
    else {
        rc = render_graph(gvc, g, opt, out, report, err, errsz);
        agclose(g);
    }
    gvFreeContext(gvc);
    agseterr(old_level);
    return rc;
}
