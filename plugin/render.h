/* render.h - the Graphviz renderer, built into ladderc-render.so (the
 * plugin): the only code that includes Graphviz's headers, so the library
 * builds without them. The command line loads it on demand (cli/plugin.c)
 * and gives it the DOT that the library writes (ld_emit "dot"): the plugin
 * knows nothing of ladders. */
#ifndef LADDERC_RENDER_H
#define LADDERC_RENDER_H

#include <stddef.h>

#include "buf.h"

/* The largest PNG drawn: at most 8192 pixels a side and 16,777,216 pixels
 * (4096 x 4096) in all, so that cairo's canvas (4 bytes a pixel) stays
 * under 64 MiB. A drawing that would be larger is drawn smaller (its dpi
 * lowered before cairo runs), and render_report says so. */
#define RENDER_PNG_MAX_SIDE     8192
#define RENDER_PNG_MAX_PIXELS   16777216L

/* The largest PDF page, in points a side: 14,400 (200 inches), the largest
 * page that PDF readers are required to show (PDF 1.7, annex C). */
#define RENDER_PDF_MAX_SIDE     14400

/* A PNG's pixels per inch unless the options say otherwise: Graphviz's
 * own default. A drawing's size is in points (72 per inch). */
#define RENDER_PNG_DPI          96

struct render_options {
    const char *format;     /* "svg", "png" or "pdf" */
    int dpi;                /* png: pixels per inch; 0: RENDER_PNG_DPI */
    double scale;           /* png and pdf: the drawing's size times scale; 0: 1 */
    long long pdf_date;     /* pdf: its CreationDate, in seconds since 1970
                             * (UTC); -1: no CreationDate, so that the same
                             * map gives the same bytes */
};

/* What was drawn (png and pdf): the size the options asked for and the size
 * given, in pixels (png) or points (pdf); they differ when the asked size
 * was over the maximum (capped is then 1). */
struct render_report {
    int capped;
    long asked_width, asked_height;
    long width, height;
};

/* Renders dot (DOT text with pinned positions, NUL-terminated) through
 * libgvc in-process, as opt says; report (may be NULL) receives the size.
 * Returns 0 on success; on failure writes a one-line reason into err.
 * Built into ladderc-render.so, the one symbol it exports (see plugin.h). */
#if defined(LADDERC_PLUGIN) && defined(__GNUC__)
__attribute__((visibility("default")))
#endif
int render_graphviz(const char *dot, const struct render_options *opt, struct buf *out,
                    struct render_report *report, char *err, size_t errsz);

#endif
