/* emit_chart.h - a radar (spider) chart of some roles' rungs, as Graphviz
 * DOT with every point pinned, for the same renderer as the map (plugin/). */
#ifndef LADDERC_EMIT_CHART_H
#define LADDERC_EMIT_CHART_H

#include <stddef.h>

#include "buf.h"
#include "model.h"

/* Roles on one chart: one colour each from a fixed colour-blind-safe
 * palette (Okabe and Ito's eight); more polygons would hide each other. */
enum { EMIT_CHART_ROLES_MAX = 8 };

/* The chart of roles[0..nroles) (indices into m->roles): one spoke per
 * competency that at least one of them sets, in the model's order; each
 * role a closed polygon in its colour; a legend. The caller guarantees
 * 1 <= nroles <= EMIT_CHART_ROLES_MAX, distinct roles, and that each sets
 * at least one rung (nexpect > 0). Costs roles x competencies. */
void emit_chart(const struct model *m, const size_t *roles, size_t nroles, struct buf *out);

#endif
