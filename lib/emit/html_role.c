/* html_role.c - a role's section of the page: its facts (track, levels,
 * summary, link, titles at companies), a radar chart of its rungs drawn as
 * inline SVG, its rungs with their meanings and its own sentences, its
 * moves in and out. */
#include "html_page.h"

#include <math.h>
#include <string.h>

#include "escape.h"
#include "heap.h"

/* Whether each role's section can list its titles: finding them costs a
 * binary search per company with lines in the role's track, so all roles
 * together cost the sum over tracks of roles x companies. Within
 * GRID_PER_LINE per line and role, plus GRID_SLACK, they do; beyond (ten
 * thousand companies), the Companies section alone lists the titles, and
 * the page stays linear in the ladder. */
bool html_role_titles_fit(const struct html *h)
{
    const struct model *m = h->m;
    size_t *roles = heap_calloc(h->heap, m->ntracks + 1, sizeof *roles);
    for (size_t i = 0; i < m->nroles; i++)
        roles[m->roles[i].track]++;
    size_t cost = 0, budget = GRID_PER_LINE * (h->lines.nrefs + m->nroles) + GRID_SLACK;
    for (size_t t = 0; t < m->ntracks && cost <= budget; t++)
        cost += roles[t] * (h->lines.track_start[t + 1] - h->lines.track_start[t]);
    heap_free(h->heap, roles);
    return cost <= budget;
}

/* The company titles for the role's levels: for each company with lines in
 * the role's track, the lines that overlap the role's levels (a company's
 * lines in a track do not overlap, E161, and are sorted, so a binary search
 * finds the first). */
static void html_role_companies(struct html *h, const struct model_role *r)
{
    const struct model *m = h->m;
    struct buf *b = h->out;
    const struct grid_lines *L = &h->lines;
    size_t said = 0;
    for (size_t c = L->track_start[r->track]; c < L->track_start[r->track + 1]; c++) {
        size_t lo = L->column_start[c], hi = L->column_start[c + 1];
        while (lo < hi) {       /* the first line whose hi reaches the role's lo */
            size_t mid = lo + (hi - lo) / 2;
            if (L->refs[mid].line->hi < r->lo)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t k = lo; k < L->column_start[c + 1] && L->refs[k].line->lo <= r->hi; k++) {
            const struct model_company_line *l = L->refs[k].line;
            buf_puts(b, said++ ? "" : "<dt>At companies</dt><dd><ul>\n");
            buf_puts(b, "<li>");
            html_ref_clipped(h, "company", m->companies[L->refs[k].company].id, m->companies[L->refs[k].company].name);
            buf_puts(b, ": ");
            html_clipped(h, l->title);
            buf_puts(b, " (");
            html_clipped(h, l->code);
            buf_puts(b, "), ");
            html_track_levels(h, r->track, l->lo, l->hi);
            buf_puts(b, "</li>\n");
        }
    }
    if (said)
        buf_puts(b, "</ul></dd>\n");
}

static void html_role_facts(struct html *h, size_t i)
{
    const struct model *m = h->m;
    const struct model_role *r = &m->roles[i];
    struct buf *b = h->out;
    buf_puts(b, "<div class=\"role-facts\">\n");
    if (r->about->summary) {
        buf_puts(b, "<p class=\"summary\">");
        html_text(h, r->about->summary);
        buf_puts(b, "</p>\n");
    }
    buf_puts(b, "<dl class=\"facts\">\n<dt>Track</dt><dd>");
    html_ref_clipped(h, "track", m->tracks[r->track].id, m->tracks[r->track].name);
    buf_puts(b, "</dd>\n<dt>Levels</dt><dd>");
    html_track_levels(h, r->track, r->lo, r->hi);
    buf_puts(b, "</dd>\n");
    if (h->role_titles)
        html_role_companies(h, r);
    if (r->about->link && escape_url_is_web(r->about->link)) {
        buf_puts(b, "<dt>Link</dt><dd><a href=\"");
        html_text(h, r->about->link);
        buf_puts(b, "\" rel=\"noopener noreferrer\">");
        html_text(h, r->about->link);
        buf_puts(b, "</a></dd>\n");
    }
    buf_puts(b, "</dl>\n</div>\n");
}

/* The radar's box: RADAR_W x RADAR_H user units, centred on (RADAR_CX,
 * RADAR_CY), with room beside the rings for the spokes' labels. */
#define RADAR_W 300.0
#define RADAR_H 220.0
#define RADAR_CX 150.0
#define RADAR_CY 110.0
#define RADAR_R 62.0
#define RADAR_LABEL 1.14    /* a label's distance from the centre, in radii */

/* The point at frac of the radius on spoke k of n, clockwise from the top. */
static void html_radar_point(double frac, size_t k, size_t n, double *x, double *y)
{
    double a = 2.0 * 3.14159265358979323846 * (double)k / (double)n;
    *x = RADAR_CX + RADAR_R * frac * sin(a);
    *y = RADAR_CY - RADAR_R * frac * cos(a);
}

/* A competency's name on its spoke, cut to a few characters (the table
 * under the chart has it whole). */
static void html_radar_label(struct html *h, const char *name)
{
    enum { LABEL_MAX = 18 };
    size_t n = 0, cut = strlen(name);
    for (const char *p = name; *p; p++)
        if (((unsigned char)*p & 0xC0) != 0x80 && n++ == LABEL_MAX) {
            cut = (size_t)(p - name);
            break;
        }
    h->scratch.len = 0;
    buf_put(&h->scratch, name, cut);
    if (cut < strlen(name))
        buf_puts(&h->scratch, "\xE2\x80\xA6");
    buf_putc(&h->scratch, '\0');
    html_text(h, h->scratch.data);
}

static double html_radar_frac(const struct model *m, const struct model_expect *e)
{
    return (double)e->rung / (double)m->competencies[e->competency].nrungs;
}

/* The role's rungs on a radar, one spoke per competency it sets, in the
 * model's order, rung r of n at r / n of the radius; drawn here as inline
 * SVG, so the chart needs no script, and coloured by the page's style (its
 * classes), so it follows the theme. A role that sets one or two rungs
 * gets spokes and dots, no area. */
static void html_radar(struct html *h, const struct model_role *r)
{
    const struct model *m = h->m;
    struct buf *b = h->out;
    size_t n = r->about->nexpect;
    if (!n)
        return;
    buf_printf(b, "<svg class=\"radar\" viewBox=\"0 0 %g %g\" role=\"img\" aria-label=\"Radar chart: ", RADAR_W,
               RADAR_H);
    html_text(h, r->name);
    buf_printf(b, "'s rungs on %zu competenc%s\">\n", n, n == 1 ? "y" : "ies");
    for (int ring = 1; ring <= 4; ring++)
        buf_printf(b, "<circle class=\"ring\" cx=\"%g\" cy=\"%g\" r=\"%.1f\"/>\n", RADAR_CX, RADAR_CY,
                   RADAR_R * ring / 4.0);
    double x, y;
    for (size_t k = 0; k < n; k++) {
        html_radar_point(1.0, k, n, &x, &y);
        buf_printf(b, "<line class=\"spoke\" x1=\"%g\" y1=\"%g\" x2=\"%.1f\" y2=\"%.1f\"/>\n", RADAR_CX, RADAR_CY,
                   x, y);
    }
    if (n >= 3) {
        buf_puts(b, "<polygon class=\"area\" points=\"");
        for (size_t k = 0; k < n; k++) {
            html_radar_point(html_radar_frac(m, &r->about->expect[k]), k, n, &x, &y);
            buf_printf(b, "%s%.1f,%.1f", k ? " " : "", x, y);
        }
        buf_puts(b, "\"/>\n");
    }
    for (size_t k = 0; k < n; k++) {
        const struct model_expect *e = &r->about->expect[k];
        html_radar_point(html_radar_frac(m, e), k, n, &x, &y);
        buf_printf(b, "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\"/>\n", x, y);
        html_radar_point(RADAR_LABEL, k, n, &x, &y);
        const char *anchor = x < RADAR_CX - 4 ? "end" : x > RADAR_CX + 4 ? "start" : "middle";
        const char *base = y < RADAR_CY - RADAR_R * 0.9 ? "auto" : y > RADAR_CY + RADAR_R * 0.9 ? "hanging" : "middle";
        buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" dominant-baseline=\"%s\">", x, y, anchor, base);
        html_radar_label(h, m->competencies[e->competency].name);
        buf_puts(b, "</text>\n");
    }
    buf_puts(b, "</svg>\n");
}

/* Competency | Rung | What the rung means | In this role */
static void html_role_rungs(struct html *h, const struct model_role *r)
{
    const struct model *m = h->m;
    struct buf *b = h->out;
    if (!r->about->nexpect)
        return;
    bool own = false;   /* a column for the role's own sentences when it writes one */
    for (size_t k = 0; k < r->about->nexpect; k++)
        own = own || r->about->expect[k].text;
    buf_puts(b, "<h4>Competencies</h4>\n<div class=\"table-wrap\"><table>\n<thead><tr><th scope=\"col\">Competency"
                "</th><th scope=\"col\">Rung</th><th scope=\"col\">What the rung means</th>");
    buf_puts(b, own ? "<th scope=\"col\">In this role</th></tr></thead>\n<tbody>\n" : "</tr></thead>\n<tbody>\n");
    for (size_t k = 0; k < r->about->nexpect; k++) {
        const struct model_expect *e = &r->about->expect[k];
        const struct model_competency *c = &m->competencies[e->competency];
        const struct model_rung *g = &c->rungs[e->rung - 1];
        buf_puts(b, "<tr><th scope=\"row\">");
        html_ref_clipped(h, "competency", c->id, c->name);
        buf_puts(b, "</th><td class=\"rung\">");
        html_clipped(h, g->name);
        buf_printf(b, " (%d of %zu)</td><td>", e->rung, c->nrungs);
        if (g->meaning)
            html_clipped(h, g->meaning);
        if (own) {
            buf_puts(b, "</td><td>");
            if (e->text)
                html_text(h, e->text);
        }
        buf_puts(b, "</td></tr>\n");
    }
    buf_puts(b, "</tbody>\n</table></div>\n");
}

/* The moves into or out of role i: the other role, the kind, the years. */
static void html_role_moves_table(struct html *h, bool into, const size_t *list, size_t n)
{
    const struct model *m = h->m;
    struct buf *b = h->out;
    buf_printf(b, "<div class=\"table-wrap\"><table class=\"moves\">\n<caption>%s</caption>\n"
                  "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">Kind</th><th scope=\"col\">Years</th>"
                  "</tr></thead>\n<tbody>\n", into ? "Moves in" : "Moves out", into ? "From" : "To");
    for (size_t k = 0; k < n; k++) {
        const struct model_transition *t = &m->transitions[list[k]];
        buf_puts(b, "<tr><td>");
        html_ref_clipped(h, "role", m->roles[into ? t->from : t->to].id, m->roles[into ? t->from : t->to].name);
        buf_printf(b, "</td><td class=\"kind\">%s</td><td>", model_kind_name(t->kind));
        html_years(b, t->years);
        buf_puts(b, "</td></tr>\n");
    }
    buf_puts(b, "</tbody>\n</table></div>\n");
}

static void html_role_moves(struct html *h, size_t i)
{
    size_t nin = h->in_start[i + 1] - h->in_start[i], nout = h->out_start[i + 1] - h->out_start[i];
    buf_puts(h->out, "<h4>Moves</h4>\n");
    if (!nin && !nout) {
        buf_puts(h->out, "<p class=\"note\">No move leads into or out of this role.</p>\n");
        return;
    }
    buf_puts(h->out, "<div class=\"moves-pair\">\n");     /* side by side where they fit */
    if (nin)
        html_role_moves_table(h, true, h->moves_in + h->in_start[i], nin);
    if (nout)
        html_role_moves_table(h, false, h->moves_out + h->out_start[i], nout);
    buf_puts(h->out, "</div>\n");
}

static void html_role(struct html *h, size_t i)
{
    const struct model_role *r = &h->m->roles[i];
    struct buf *b = h->out;
    html_section_open(h, "role", "role", r->id, r->name);
    buf_puts(b, "<div class=\"role-head\">\n");
    html_role_facts(h, i);
    html_radar(h, r);
    buf_puts(b, "</div>\n");
    html_role_rungs(h, r);
    html_role_moves(h, i);
    buf_puts(b, "</section>\n");
}

/* Roles in source order, the order of the file and of the map's legend. */
void html_roles(struct html *h)
{
    buf_puts(h->out, "<section id=\"roles\" aria-labelledby=\"roles-title\">\n<h2 id=\"roles-title\">Roles</h2>\n");
    for (size_t i = 0; i < h->m->nroles; i++)
        html_role(h, i);
    buf_puts(h->out, "</section>\n");
}
