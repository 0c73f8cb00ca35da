/* emit.h - the backends. Each turns a checked model into bytes in a buffer. */
#ifndef LADDERC_EMIT_H
#define LADDERC_EMIT_H

#include "buf.h"
#include "model.h"

/* Graphviz DOT with pinned positions (for neato -n / nop). */
void emit_dot(const struct model *m, struct buf *out);

/* GitHub-flavoured Markdown: company tables per track, roles, transitions. */
void emit_md(const struct model *m, struct buf *out);

/* The checked model as JSON. */
void emit_json(const struct model *m, struct buf *out);

/* Renders through libgvc in-process; format is "svg" or "png".
 * Returns 0 on success; on failure writes a one-line reason into err.
 * Built into ladderc-render.so, the one symbol it exports (see plugin.h). */
#if defined(LADDERC_PLUGIN) && defined(__GNUC__)
__attribute__((visibility("default")))
#endif
int render_graphviz(const struct model *m, const char *format, struct buf *out,
                    char *err, size_t errsz);

#endif
