/* emit_svg.h - finishing the SVG that Graphviz drew from emit_dot's DOT, for
 * people who cannot see it: what a screen reader, a search engine or a
 * tooltip gets (docs/accessibility.md). */
#ifndef LADDERC_EMIT_SVG_H
#define LADDERC_EMIT_SVG_H

#include <stddef.h>

#include "buf.h"
#include "model.h"

/* Appends svg[0..len) to out, finished with m: the root <svg> gets
 * role="img", aria-labelledby and aria-describedby pointing at a new <title>
 * (the ladder's title) and <desc> (a one-line summary) as its first
 * children; the groups emit_dot named (id "role-<i>", "box-<k>",
 * "move-<i>", "legend") get a <title> that says what they are, in words,
 * instead of Graphviz's node names; the internal names Graphviz gives the
 * whole graph ("ladder") and the nodes and edges with no id of ours (the
 * axes' and the legend rows') go. Every other byte is copied as it is. One pass, linear in len
 * plus the text written. An SVG it does not recognise (no <svg> root after
 * the prolog, an unterminated tag, a root that already has a role or
 * aria-labelledby, an index past m's entities) is copied unchanged, in whole
 * or from the point it stops recognising. */
void emit_svg_finish(const struct model *m, const char *svg, size_t len, struct buf *out);

#endif
