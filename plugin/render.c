/* render.c - SVG and PNG through libgvc, in this process.
 *
 * We hand Graphviz the DOT that the library writes (ld_emit "dot") and ask
 * its "nop2" engine to keep our positions and the edges' own splines (an
 * edge without one, as all in the exact layout's DOT, is routed as "nop"
 * would). The plugins are linked in and named
 * in a table, so rendering does not depend on the plugin configuration file
 * that Debian's libgvc postinst writes. SVG gets only the core plugins: with
 * no text layout plugin loaded, Graphviz measures text with its built-in
 * font metrics, so the same model gives the same SVG bytes on every machine,
 * whatever fonts are installed. PNG needs cairo and pango, which measure text
 * with the installed fonts; a raster picture depends on them anyway.
 */
#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gvc.h>

extern gvplugin_library_t gvplugin_core_LTX_library;
extern gvplugin_library_t gvplugin_neato_layout_LTX_library;
extern gvplugin_library_t gvplugin_pango_LTX_library;

static const lt_symlist_t render_svg_plugins[] = {
    {"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
    {"gvplugin_neato_layout_LTX_library", &gvplugin_neato_layout_LTX_library},
    {NULL, NULL},
};

static const lt_symlist_t render_png_plugins[] = {
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

/* Lays out and renders a graph already read; returns 0 or fills err. */
static int render_graph(GVC_t *gvc, Agraph_t *g, const char *format, struct buf *out,
                        char *err, size_t errsz)
{
    if (gvLayout(gvc, g, render_gv_string("nop2")) != 0) {
        render_reason(err, errsz, "layout failed");
        return -1;
    }
    char *data = NULL;
    unsigned int len = 0;
    int rc = gvRenderData(gvc, g, render_gv_string(format), &data, &len);
    if (rc == 0 && data)
        buf_put(out, data, len);
    else
        render_reason(err, errsz, "rendering failed");
    if (data)
        gvFreeRenderData(data);
    gvFreeLayout(gvc, g);
    return rc == 0 && data ? 0 : -1;
}

int render_graphviz(const char *dot, const char *format, struct buf *out,
                    char *err, size_t errsz)
{
    /* format is "svg" or "png": main.c passes no other (its format table) */
    const lt_symlist_t *plugins = strcmp(format, "png") == 0 ? render_png_plugins : render_svg_plugins;

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
        rc = render_graph(gvc, g, format, out, err, errsz);
        agclose(g);
    }
    gvFreeContext(gvc);
    agseterr(old_level);
    return rc;
}
