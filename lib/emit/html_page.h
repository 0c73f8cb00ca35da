/* html_page.h - what the parts of the page (emit_html.c, html_role.c)
 * share: the state of one page being written, and the writers every part
 * uses (html_write.c), each of which escapes what it writes. */
#ifndef LADDERC_HTML_PAGE_H
#define LADDERC_HTML_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "grid.h"
#include "model.h"

/* The most code points of a text the page repeats (html_clipped). */
enum { HTML_REPEAT_MAX = 200 };

struct html {
    const struct model *m;
    struct buf *out;
    struct heap *heap;
    struct buf scratch;
    size_t *by_level;           /* role indices by track, then level, then source order */
    size_t *moves_in, *in_start;    /* transitions into role r: moves_in[in_start[r]..in_start[r + 1]) */
    size_t *moves_out, *out_start;
    struct grid_lines lines;   /* company lines by track and company */
    bool role_titles;           /* role sections list their company titles (html_role_titles_fit) */
};

/* ---- writers (html_write.c) ---- */

/* s as HTML text or a quoted attribute value (escape_html). */
void html_text(struct html *h, const char *s);

/* The same, cut after HTML_REPEAT_MAX code points with an ellipsis: for a
 * text the page repeats, whole once in its own section. */
void html_clipped(struct html *h, const char *s);

/* Levels lo..hi of track t in its own names ("M5", "L6..L7"). */
void html_track_levels(struct html *h, size_t t, int lo, int hi);

/* Level `level` of track t, heading a row: a long prefix clipped. */
void html_track_level_clipped(struct html *h, size_t t, int level);

/* A move's years as `ladderc path` writes them: "3..8 years", "unknown". */
void html_years(struct buf *b, struct model_years y);

/* <a href="#PREFIX-ID">name</a>, the name whole or clipped; a role's. */
void html_ref(struct html *h, const char *prefix, const char *id, const char *name);
void html_ref_clipped(struct html *h, const char *prefix, const char *id, const char *name);
void html_role_ref(struct html *h, size_t r);

/* id="PREFIX-IDSUFFIX" with a space before it. */
void html_id_attr(struct html *h, const char *prefix, const char *id, const char *suffix);

/* <section [class=CLASS] id="PREFIX-ID" aria-labelledby="PREFIX-ID-title">
 * and its <h3 id="PREFIX-ID-title">NAME</h3>: a track's, role's,
 * competency's or company's section, named by its heading. */
void html_section_open(struct html *h, const char *class_name, const char *prefix, const char *id, const char *name);

/* The ladder's title, or "Career ladder". */
const char *html_title(const struct model *m);

/* ---- roles (html_role.c) ---- */

/* Whether the roles' sections can list their company titles within a
 * linear budget; the section of every role, in source order. */
bool html_role_titles_fit(const struct html *h);
void html_roles(struct html *h);

#endif
