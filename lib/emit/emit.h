/* emit.h - the backends. Each turns a checked model into bytes in a buffer. */
#ifndef LADDERC_EMIT_H
#define LADDERC_EMIT_H

#include "buf.h"
#include "model.h"

/* How the map is drawn: the session's choices over the file's. */
enum emit_theme { EMIT_THEME_LIGHT, EMIT_THEME_DARK };
struct emit_dot_options {
    bool exact;                 /* roles at their written coordinates (else the relative layout) */
    enum emit_theme theme;
    bool links;                 /* each role links to "#role-ID", its section of the page (emit_html) */
};

/* Graphviz DOT with pinned positions (for neato -n / nop). */
void emit_dot(const struct model *m, const struct emit_dot_options *o, struct buf *out);

/* The width in points of one line of UTF-8 text at size points, as
 * Graphviz draws it in SVG or PNG (at most): for the backends that place
 * their own text (emit_chart too). */
double emit_dot_text_width(const char *s, double size);

/* GitHub-flavoured Markdown: company tables per track, the framework and
 * its competencies (when the ladder has some), roles, transitions. */
void emit_md(const struct model *m, struct buf *out);

/* The checked model as JSON. */
void emit_json(const struct model *m, struct buf *out);

#endif
