/* emit_html.h - the ladder as one self-contained web page. */
#ifndef LADDERC_EMIT_HTML_H
#define LADDERC_EMIT_HTML_H

#include "buf.h"
#include "model.h"

/* The page (docs/language.md, "The career site"): svg[0..len) is the map,
 * finished (emit_svg_finish), drawn from emit_dot with links (len 0: no
 * map section); json[0..jlen) is emit_json's text of the same model. */
void emit_html(const struct model *m, const char *svg, size_t len, const char *json, size_t jlen, struct buf *out);

#endif
