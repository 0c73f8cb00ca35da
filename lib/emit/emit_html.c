/* emit_html.c - the ladder as one self-contained web page (ladderc build
 * -T html): the map, the tracks, the route explorer, a section per role,
 * the competency matrix, the competencies and the companies.
 *
 * Nothing leaves the file: the style (page.css, explorer.css) and the
 * script (page.js) are compiled into the library (html_assets.h) and
 * written inline, and a Content-Security-Policy meta tag allows exactly
 * those two by their SHA-256, no other script, style, font, frame,
 * connection or image but data: ones. So no attribute may carry style= or
 * on*=, and none does. The model travels as the bytes of emit_json inside
 * <script type="application/json" id="ladder-data">, escaped by
 * escape_script_json, for the script's search and route explorer.
 *
 * Every user string reaches the page through escape_html (text and quoted
 * attributes); a link only when escape_url_is_web says it is http(s). Ids
 * come from the ladder's ids ([a-z][a-z0-9_]*, so "role-ID" is a valid
 * fragment and cannot collide with "role-ID-title" or with the map's own
 * "role-N" groups, whose N is a digit), so deep links survive a rebuild.
 * No date: the same model gives the same bytes.
 *
 * This file writes the page's frame and its tables; html_role.c the
 * roles' sections; html_write.c the writers both use (html_page.h).
 *
 * Cost: every list is walked once or sorted once; a role's moves come from
 * an index built by counting; a role's company titles from a binary search
 * per company column, so the page stays linear in the model and its tables.
 */
#include "emit_html.h"

#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "grid.h"
#include "heap.h"
#include "html_assets.h"
#include "html_page.h"
#include "ladder.h"
#include "sha256.h"

/* ---- indexes ------------------------------------------------------------- */

/* Each role's moves in (or out), in source order: counted, then placed. */
static void html_index_moves(struct html *h, bool into, size_t **list, size_t **start)
{
    const struct model *m = h->m;
    size_t *st = heap_calloc(h->heap, m->nroles + 2, sizeof *st);
    size_t *ls = heap_calloc(h->heap, m->ntransitions + 1, sizeof *ls);
    for (size_t i = 0; i < m->ntransitions; i++)
        st[(into ? m->transitions[i].to : m->transitions[i].from) + 2]++;
    for (size_t r = 0; r < m->nroles; r++)
        st[r + 2] += st[r + 1];
    for (size_t i = 0; i < m->ntransitions; i++)
        ls[st[(into ? m->transitions[i].to : m->transitions[i].from) + 1]++] = i;
    *list = ls;
    *start = st;    /* role r's moves are ls[st[r]..st[r + 1]) */
}

/* ---- the head: metadata, CSP, style --------------------------------------- */

static void html_hash(struct buf *b, const void *data, size_t n)
{
    unsigned char d[SHA256_BYTES];
    sha256(data, n, d);
    buf_puts(b, "'sha256-");
    sha256_base64_put(b, d, sizeof d);
    buf_putc(b, '\'');
}

static void html_head(struct html *h, const struct buf *style)
{
    struct buf *b = h->out;
    buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src ");
    html_hash(b, html_page_js, html_page_js_len);
    buf_puts(b, "; style-src ");
    html_hash(b, style->data, style->len);
    buf_puts(b, "; img-src data:; base-uri 'none'; form-action 'none'\">\n"
                "<meta name=\"color-scheme\" content=\"light dark\">\n"
                "<meta name=\"generator\" content=\"ladderc " LD_VERSION "\">\n<title>");
    html_text(h, html_title(h->m));
    buf_puts(b, "</title>\n<style>");
    buf_put(b, style->data, style->len);
    buf_puts(b, "</style>\n</head>\n");
}

/* ---- header and contents --------------------------------------------------- */

static void html_header(struct html *h)
{
    buf_puts(h->out, "<a class=\"skip\" href=\"#main\">Skip to content</a>\n"
                     "<header class=\"page-header\">\n<h1>");
    html_text(h, html_title(h->m));
    buf_puts(h->out, "</h1>\n<div id=\"search\"></div>\n</header>\n");
}

static void html_nav(struct html *h, bool map)
{
    const struct model *m = h->m;
    struct buf *b = h->out;
    buf_puts(b, "<nav class=\"toc\" aria-labelledby=\"toc-title\">\n<h2 id=\"toc-title\">Contents</h2>\n<ol>\n");
    if (map)
        buf_puts(b, "<li><a href=\"#map\">Map</a></li>\n");
    buf_puts(b, "<li><a href=\"#tracks\">Tracks</a>\n<ol>\n");
    for (size_t t = 0; t < m->ntracks; t++) {
        buf_puts(b, "<li>");
        html_ref(h, "track", m->tracks[t].id, m->tracks[t].name);
        buf_puts(b, "</li>\n");
    }
    buf_puts(b, "</ol></li>\n<li><a href=\"#explorer\">Route explorer</a></li>\n"
                "<li><a href=\"#roles\">Roles</a></li>\n");
    if (m->ncompetencies)
        buf_puts(b, "<li><a href=\"#matrix\">Competency matrix</a></li>\n"
                    "<li><a href=\"#competencies\">Competencies</a></li>\n");
    if (m->ncompanies)
        buf_puts(b, "<li><a href=\"#companies\">Companies</a></li>\n"
                    "<li><a href=\"#comparison\">Company comparison</a></li>\n");
    buf_puts(b, "</ol>\n</nav>\n");
}

/* ---- the map --------------------------------------------------------------- */

/* Where the <svg element starts in the finished SVG: what comes before it
 * (the XML declaration, the doctype, Graphviz's comments) is not HTML. */
static size_t html_svg_start(const char *svg, size_t len)
{
    for (size_t i = 0; i + 4 <= len; i++) {
        const char *p = memchr(svg + i, '<', len - i);
        if (!p)
            break;
        i = (size_t)(p - svg);
        if (i + 4 <= len && memcmp(p, "<svg", 4) == 0)
            return i;
    }
    return len;
}

/* The map's root tag with role="img" made role="group": an image's
 * children are hidden from assistive technology, and here they are links
 * to the roles' sections, which a screen reader must reach as a keyboard
 * does. The group keeps the SVG's name and description. Returns where the
 * rest of the SVG starts. */
static size_t html_svg_root(struct buf *b, const char *svg, size_t start, size_t len)
{
    const char *end = memchr(svg + start, '>', len - start);
    size_t stop = end ? (size_t)(end - svg) : len;
    static const char img[] = " role=\"img\"";
    for (size_t i = start; i + sizeof img - 1 <= stop; i++)
        if (memcmp(svg + i, img, sizeof img - 1) == 0) {
            buf_put(b, svg + start, i - start);
            buf_puts(b, " role=\"group\"");
            return i + sizeof img - 1;
        }
    return start;
}

static void html_map(struct html *h, const char *svg, size_t len)
{
    struct buf *b = h->out;
    size_t start = html_svg_start(svg, len);
    buf_puts(b, "<section id=\"map\" aria-labelledby=\"map-title\">\n<h2 id=\"map-title\">Map</h2>\n"
                "<figure class=\"map-figure\">\n<div class=\"map\">\n");
    start = html_svg_root(b, svg, start, len);
    buf_put(b, svg + start, len - start);
    buf_puts(b, "</div>\n<figcaption>Each role on the map links to its section below.</figcaption>\n"
                "</figure>\n</section>\n");
}

/* ---- tracks ---------------------------------------------------------------- */

/* The first position in h->by_level of track t's roles, and one past the
 * last: roles are sorted by track, so this is one run. */
static void html_track_run(const struct html *h, size_t *i, size_t t, size_t *end)
{
    const struct model *m = h->m;
    while (*i < m->nroles && m->roles[h->by_level[*i]].track < t)
        (*i)++;
    for (*end = *i; *end < m->nroles && m->roles[h->by_level[*end]].track == t; (*end)++)
        ;
}

static void html_track_levels_note(struct html *h, size_t t)
{
    const struct model *m = h->m;
    const struct model_track *tr = &m->tracks[t];
    if (!tr->level_prefix)
        return;
    buf_puts(h->out, "<p class=\"note\">Levels ");
    html_track_levels(h, t, tr->lo, tr->hi);
    buf_puts(h->out, " of this track are ");
    h->scratch.len = 0;
    model_levels_put(&h->scratch, m, tr->lo, tr->hi);
    buf_putc(&h->scratch, '\0');
    html_text(h, h->scratch.data);
    buf_puts(h->out, " of the ladder.</p>\n");
}

static void html_tracks(struct html *h)
{
    const struct model *m = h->m;
    struct buf *b = h->out;
    buf_puts(b, "<section id=\"tracks\" aria-labelledby=\"tracks-title\">\n<h2 id=\"tracks-title\">Tracks</h2>\n");
    size_t i = 0, end;
    for (size_t t = 0; t < m->ntracks; t++) {
        html_track_run(h, &i, t, &end);
        html_section_open(h, NULL, "track", m->tracks[t].id, m->tracks[t].name);
        html_track_levels_note(h, t);
        if (i == end) {
            buf_puts(b, "<p class=\"note\">No roles.</p>\n</section>\n");
            continue;
        }
        buf_puts(b, "<table>\n<thead><tr><th scope=\"col\">Levels</th><th scope=\"col\">Role</th></tr></thead>\n"
                    "<tbody>\n");
        for (size_t k = i; k < end; k++) {
            const struct model_role *r = &m->roles[h->by_level[k]];
            buf_puts(b, "<tr><td>");
            html_track_levels(h, t, r->lo, r->hi);
            buf_puts(b, "</td><td>");
            html_role_ref(h, h->by_level[k]);
            buf_puts(b, "</td></tr>\n");
        }
        buf_puts(b, "</tbody>\n</table>\n</section>\n");
        i = end;
    }
    buf_puts(b, "</section>\n");
}

/* ---- the explorer: the script fills it ------------------------------------- */

static void html_explorer(struct html *h)
{
    buf_puts(h->out, "<section id=\"explorer\" aria-labelledby=\"explorer-title\">\n"
                     "<h2 id=\"explorer-title\">Route explorer</h2>\n<div id=\"explorer-app\"></div>\n"
                     "<noscript><p>The route explorer needs JavaScript. Without it, each role's section "
                     "lists its moves in and out, and <code>ladderc path FILE FROM TO</code> prints the "
                     "fastest routes.</p></noscript>\n</section>\n");
}

/* ---- the competency matrix ---------------------------------------------------- */

/* A cell: the rung's name and number, its meaning in the cell's title. */
static void html_matrix_cell(struct html *h, const struct model_expect *e)
{
    const struct model_competency *c = &h->m->competencies[e->competency];
    const struct model_rung *g = &c->rungs[e->rung - 1];
    buf_puts(h->out, "<td");
    if (g->meaning) {
        buf_puts(h->out, " title=\"");
        html_clipped(h, g->meaning);
        buf_putc(h->out, '"');
    }
    buf_putc(h->out, '>');
    html_clipped(h, g->name);
    buf_printf(h->out, " (%d)</td>", e->rung);
}

/* One track's grid: a row per competency, a column per role by level. A
 * role's expectations are sorted by competency, so each column keeps a
 * cursor and the grid is walked once. */
static void html_matrix_track(struct html *h, size_t t, const size_t *roles, size_t n)
{
    const struct model *m = h->m;
    struct buf *b = h->out;
    buf_puts(b, "<h3");
    html_id_attr(h, "matrix", m->tracks[t].id, "");
    buf_putc(b, '>');
    html_text(h, m->tracks[t].name);
    buf_puts(b, "</h3>\n<div class=\"table-wrap\"><table>\n<thead><tr><th scope=\"col\">Competency</th>");
    for (size_t j = 0; j < n; j++) {
        const struct model_role *r = &m->roles[roles[j]];
        buf_puts(b, "<th scope=\"col\">");
        html_role_ref(h, roles[j]);
        buf_puts(b, "<br><span class=\"muted\">");
        html_track_levels(h, t, r->lo, r->hi);
        buf_puts(b, "</span></th>");
    }
    buf_puts(b, "</tr></thead>\n<tbody>\n");
    size_t *cursor = heap_calloc(h->heap, n + 1, sizeof *cursor);
    for (size_t k = 0; k < m->ncompetencies; k++) {
        buf_puts(b, "<tr><th scope=\"row\">");
        html_ref_clipped(h, "competency", m->competencies[k].id, m->competencies[k].name);
        buf_puts(b, "</th>");
        for (size_t j = 0; j < n; j++) {
            const struct model_role_about *a = m->roles[roles[j]].about;
            if (cursor[j] < a->nexpect && a->expect[cursor[j]].competency == k)
                html_matrix_cell(h, &a->expect[cursor[j]++]);
            else
                buf_puts(b, "<td class=\"none\">\xE2\x80\x94</td>");
        }
        buf_puts(b, "</tr>\n");
    }
    heap_free(h->heap, cursor);
    buf_puts(b, "</tbody>\n</table></div>\n");
}

static void html_matrix(struct html *h)
{
    const struct model *m = h->m;
    struct buf *b = h->out;
    buf_puts(b, "<section id=\"matrix\" aria-labelledby=\"matrix-title\">\n"
                "<h2 id=\"matrix-title\">Competency matrix</h2>\n");
    if (!grid_framework_fits(m)) {
        buf_puts(b, "<p class=\"note\">The roles set few of the competencies, so the matrix would be mostly "
                    "empty: each role's section lists the rungs it sets.</p>\n</section>\n");
        return;
    }
    buf_puts(b, "<p class=\"note\">A row per competency, a column per role, lowest level first; a rung's "
                "meaning shows when you point at it, and under Competencies.</p>\n");
    size_t i = 0, end;
    for (size_t t = 0; t < m->ntracks; t++) {
        html_track_run(h, &i, t, &end);
        if (end > i)
            html_matrix_track(h, t, h->by_level + i, end - i);
        i = end;
    }
    buf_puts(b, "</section>\n");
}

/* ---- competencies ----------------------------------------------------------- */

static void html_competency(struct html *h, const struct model_competency *c)
{
    const struct model *m = h->m;
    struct buf *b = h->out;
    html_section_open(h, NULL, "competency", c->id, c->name);
    buf_puts(b, "<p class=\"note\">");
    if (c->skill == SKILL_NONE) {
        buf_puts(b, "Neither a hard nor a soft skill: it places roles on neither axis of the map.");
    } else {
        const struct model_axis *a = &m->axis[c->skill == SKILL_HARD ? 1 : 0];
        buf_printf(b, "A %s skill: it places roles on the map's %s axis", c->skill == SKILL_HARD ? "hard" : "soft",
                   c->skill == SKILL_HARD ? "vertical" : "horizontal");
        if (a->title[0]) {
            buf_puts(b, " (");
            html_text(h, a->title);
            buf_putc(b, ')');
        }
        buf_putc(b, '.');
    }
    buf_puts(b, "</p>\n<table>\n<thead><tr><th scope=\"col\">Rung</th><th scope=\"col\">Name</th>"
                "<th scope=\"col\">Meaning</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < c->nrungs; i++) {
        buf_printf(b, "<tr><td>%zu</td><td>", i + 1);
        html_text(h, c->rungs[i].name);
        buf_puts(b, "</td><td>");
        if (c->rungs[i].meaning)
            html_text(h, c->rungs[i].meaning);
        buf_puts(b, "</td></tr>\n");
    }
    buf_puts(b, "</tbody>\n</table>\n</section>\n");
}

static void html_competencies(struct html *h)
{
    buf_puts(h->out, "<section id=\"competencies\" aria-labelledby=\"competencies-title\">\n"
                     "<h2 id=\"competencies-title\">Competencies</h2>\n");
    for (size_t k = 0; k < h->m->ncompetencies; k++)
        html_competency(h, &h->m->competencies[k]);
    buf_puts(h->out, "</section>\n");
}

/* ---- companies ---------------------------------------------------------------- */

/* A company's own lines: track, levels, title, code. */
static void html_company(struct html *h, size_t c)
{
    const struct model *m = h->m;
    const struct model_company *co = &m->companies[c];
    struct buf *b = h->out;
    html_section_open(h, NULL, "company", co->id, co->name);
    if (!co->nlines) {
        buf_puts(b, "<p class=\"note\">No titles.</p>\n</section>\n");
        return;
    }
    buf_puts(b, "<table>\n<thead><tr><th scope=\"col\">Track</th><th scope=\"col\">Levels</th>"
                "<th scope=\"col\">Title</th><th scope=\"col\">Code</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < co->nlines; i++) {
        const struct model_company_line *l = &co->lines[i];
        buf_puts(b, "<tr><td>");
        html_ref_clipped(h, "track", m->tracks[l->track].id, m->tracks[l->track].name);
        buf_puts(b, "</td><td>");
        html_track_levels(h, l->track, l->lo, l->hi);
        buf_puts(b, "</td><td>");
        html_text(h, l->title);
        buf_puts(b, "</td><td>");
        html_text(h, l->code);
        buf_puts(b, "</td></tr>\n");
    }
    buf_puts(b, "</tbody>\n</table>\n</section>\n");
}

static void html_companies(struct html *h)
{
    buf_puts(h->out, "<section id=\"companies\" aria-labelledby=\"companies-title\">\n"
                     "<h2 id=\"companies-title\">Companies</h2>\n");
    for (size_t c = 0; c < h->m->ncompanies; c++)
        html_company(h, c);
    buf_puts(h->out, "</section>\n");
}

/* One track's comparison grid (grid.h): a row per level, a column
 * per company with titles in the track. */
static void html_comparison_track(struct html *h, const struct grid_track *g)
{
    const struct model *m = h->m;
    const struct grid_lines *L = &h->lines;
    struct buf *b = h->out;
    size_t t = g->track;
    buf_puts(b, "<h3");
    html_id_attr(h, "comparison", m->tracks[t].id, "");
    buf_putc(b, '>');
    html_text(h, m->tracks[t].name);
    buf_puts(b, "</h3>\n<div class=\"table-wrap\"><table>\n<thead><tr><th scope=\"col\">Level</th>");
    for (size_t c = 0; c < g->ncols; c++) {
        size_t company = L->refs[L->column_start[L->track_start[t] + c]].company;
        buf_puts(b, "<th scope=\"col\">");
        html_ref_clipped(h, "company", m->companies[company].id, m->companies[company].name);
        buf_puts(b, "</th>");
    }
    buf_puts(b, "</tr></thead>\n<tbody>\n");
    for (size_t row = 0; row < g->nrows; row++) {
        int level = g->first + (int)row;
        buf_puts(b, "<tr><th scope=\"row\">");
        html_track_level_clipped(h, t, level);
        buf_puts(b, "</th>");
        for (size_t c = 0; c < g->ncols; c++) {
            const struct model_company_line *l = g->cells[row * g->ncols + c];
            buf_puts(b, "<td>");
            if (l) {
                html_clipped(h, l->title);
                buf_puts(b, " (");
                html_clipped(h, l->code);
                buf_putc(b, ')');
            }
            buf_puts(b, "</td>");
        }
        buf_puts(b, "</tr>\n");
    }
    buf_puts(b, "</tbody>\n</table></div>\n");
}

static void html_comparison(struct html *h)
{
    struct buf *b = h->out;
    buf_puts(b, "<section id=\"comparison\" aria-labelledby=\"comparison-title\">\n"
                "<h2 id=\"comparison-title\">Company comparison</h2>\n");
    struct grid_tables grids;
    if (!grid_tables_build(h->heap, h->m, &h->lines, &grids)) {
        buf_puts(b, "<p class=\"note\">The companies' titles are too many to compare level by level here: "
                    "each company's section lists its titles.</p>\n</section>\n");
        return;
    }
    for (size_t i = 0; i < grids.n; i++)
        html_comparison_track(h, &grids.tracks[i]);
    grid_tables_free(h->heap, &grids);
    buf_puts(b, "</section>\n");
}

/* ---- the page ------------------------------------------------------------------ */

static void html_footer(struct buf *b)
{
    buf_puts(b, "<footer>Generated by ladderc " LD_VERSION " from the ladder's source. "
                "<a href=\"#main\">Back to the top</a></footer>\n");
}

static void html_data(struct html *h, const char *json, size_t jlen)
{
    buf_puts(h->out, "<script type=\"application/json\" id=\"ladder-data\">");
    escape_script_json(h->out, json, jlen);
    buf_puts(h->out, "</script>\n<script>");
    buf_put(h->out, (const char *)html_page_js, html_page_js_len);
    buf_puts(h->out, "</script>\n");
}

void emit_html(const struct model *m, const char *svg, size_t len, const char *json, size_t jlen, struct buf *out)
{
    struct html h = {.m = m, .out = out, .heap = out->heap};
    buf_init(&h.scratch, out->heap);
    h.by_level = grid_roles_by_level(h.heap, m);   /* the matrix's columns */
    html_index_moves(&h, true, &h.moves_in, &h.in_start);
    html_index_moves(&h, false, &h.moves_out, &h.out_start);
    grid_lines_build(h.heap, m, &h.lines);
    h.role_titles = html_role_titles_fit(&h);

    struct buf style;
    buf_init(&style, out->heap);
    buf_put(&style, (const char *)html_page_css, html_page_css_len);
    buf_put(&style, (const char *)html_explorer_css, html_explorer_css_len);
    html_head(&h, &style);
    buf_free(&style);

    buf_puts(out, "<body>\n");
    html_header(&h);
    buf_puts(out, "<div class=\"layout\">\n");
    html_nav(&h, len > 0);
    buf_puts(out, "<main id=\"main\" tabindex=\"-1\">\n");
    if (len)
        html_map(&h, svg, len);
    html_tracks(&h);
    html_explorer(&h);
    html_roles(&h);
    if (m->ncompetencies) {
        html_matrix(&h);
        html_competencies(&h);
    }
    if (m->ncompanies) {
        html_companies(&h);
        html_comparison(&h);
    }
    buf_puts(out, "</main>\n</div>\n");
    html_footer(out);
    html_data(&h, json, jlen);
    buf_puts(out, "</body>\n</html>\n");

    grid_lines_free(h.heap, &h.lines);
    heap_free(h.heap, h.by_level);
    heap_free(h.heap, h.moves_in);
    heap_free(h.heap, h.in_start);
    heap_free(h.heap, h.moves_out);
    heap_free(h.heap, h.out_start);
    buf_free(&h.scratch);
}
