/* plugin.h - Graphviz is loaded only when a picture is asked for.
 *
 * libgvc and its plugins take milliseconds to load; `check`, `-T dot`,
 * `-T md` and `-T json` never pay for them. The renderer lives in
 * ladderc-render.so beside the executable and is opened on demand. */
#ifndef LADDERC_PLUGIN_H
#define LADDERC_PLUGIN_H

#include <stddef.h>

#include "buf.h"
#include "render.h"     /* the options and the report; no Graphviz in it */

/* Same contract as render_graphviz() in plugin/render.h. */
int plugin_render(const char *dot, const struct render_options *opt, struct buf *out,
                  struct render_report *report, char *err, size_t errsz);

#endif
