/* render.h - the Graphviz renderer, built into ladderc-render.so (the
 * plugin): the only code that includes Graphviz's headers, so the library
 * builds without them. The command line loads it on demand (cli/plugin.c)
 * and gives it the DOT that the library writes (ld_emit "dot"): the plugin
 * knows nothing of ladders. */
#ifndef LADDERC_RENDER_H
#define LADDERC_RENDER_H

#include <stddef.h>

#include "buf.h"

/* Renders dot (DOT text with pinned positions, NUL-terminated) through
 * libgvc in-process; format is "svg" or "png".
 * Returns 0 on success; on failure writes a one-line reason into err.
 * Built into ladderc-render.so, the one symbol it exports (see plugin.h). */
#if defined(LADDERC_PLUGIN) && defined(__GNUC__)
__attribute__((visibility("default")))
#endif
int render_graphviz(const char *dot, const char *format, struct buf *out,
                    char *err, size_t errsz);

#endif
