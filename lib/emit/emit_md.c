/* emit_md.c - the ladder as GitHub-flavoured Markdown tables.
 *
 * One table per track that some company uses (a row per level of the scale,
 * or of the track's own level names, a column per company); with
 * competencies, a framework table per track (a row per role, a column per
 * competency) and a table of rungs per competency; then every role (with
 * its summary and link when some role has one), then every transition. User text
 * goes through escape_md so no name can end a cell, start a link, emphasis,
 * raw HTML or a mention: it renders as the very characters the file holds.
 *
 * The output stays within a constant factor of the model's size. A name the
 * tables repeat (a company line's title on every level of its range, a
 * track's or a company's name, a role's name in each of its transitions) is
 * written whole the first time, and after that clipped to MD_REPEAT_MAX
 * characters and an ellipsis. The company tables are grids of levels x
 * companies only while all of them together have at most MD_GRID_PER_LINE
 * cells per company line, plus MD_GRID_SLACK; beyond that every track's table
 * lists its company lines instead, one row each. The framework tables follow
 * the same rule, per rung a role sets. Rung and competency names repeat on
 * roles: whole in the Competencies section, clipped in the framework.
 */
#include "emit.h"

#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "grid.h"
#include "heap.h"
#include "util.h"

enum { MD_REPEAT_MAX = 40, MD_GRID_PER_LINE = GRID_PER_LINE, MD_GRID_SLACK = GRID_SLACK };

/* What has been written whole already, and scratch space. */
struct md {
    const struct model *m;
    struct buf *out;
    bool *track_shown, *company_shown, *competency_shown;
    bool scale_shown;
    struct buf scratch;
};

/* s whole when it has at most MD_REPEAT_MAX code points, else its first
 * MD_REPEAT_MAX and an ellipsis. */
static void emit_md_put_clipped(struct md *md, const char *s)
{
    size_t cut = 0, n = 0;
    if (strlen(s) <= MD_REPEAT_MAX) {     /* no more bytes, so no more code points */
        escape_md(md->out, s);
        return;
    }
    for (const char *p = s; *p && n <= MD_REPEAT_MAX; p++)
        if (((unsigned char)*p & 0xC0) != 0x80 && ++n == MD_REPEAT_MAX + 1)
            cut = (size_t)(p - s);
    if (n <= MD_REPEAT_MAX) {
        escape_md(md->out, s);
        return;
    }
    md->scratch.len = 0;
    buf_put(&md->scratch, s, cut);
    buf_putc(&md->scratch, '\0');
    escape_md(md->out, md->scratch.data);
    buf_puts(md->out, "\xE2\x80\xA6");
}

/* A name written whole the first time (*shown false), clipped after. */
static void emit_md_put_ref(struct md *md, const char *s, bool *shown)
{
    if (*shown) {
        emit_md_put_clipped(md, s);
        return;
    }
    escape_md(md->out, s);
    *shown = true;
}

/* Ids are [a-z][a-z0-9_]* (any other name is an error: parse_bad_name),
 * so they go in a code span as they are. */
static void emit_md_put_id(struct buf *b, const char *id)
{
    buf_putc(b, '`');
    buf_puts(b, id);
    buf_putc(b, '`');
}

static void emit_md_put_number(struct buf *b, double v)
{
    char num[64];
    buf_puts(b, model_number_text(v, num, sizeof num));
}

/* The level text whole: each role's and line's own levels, which its
 * statement spells out in the file. */
static void emit_md_put_levels(struct md *md, int lo, int hi)
{
    md->scratch.len = 0;
    model_levels_put(&md->scratch, md->m, lo, hi);
    buf_putc(&md->scratch, '\0');
    escape_md(md->out, md->scratch.data);
}

/* Levels lo..hi of track t in its own names, whole (model_track_levels_put). */
static void emit_md_put_track_levels(struct md *md, size_t t, int lo, int hi)
{
    md->scratch.len = 0;
    model_track_levels_put(&md->scratch, md->m, t, lo, hi);
    buf_putc(&md->scratch, '\0');
    escape_md(md->out, md->scratch.data);
}

/* A level of the scale, heading a grid row: whole the first time, then
 * with a long prefix clipped (model_levels_text), since every grid repeats
 * the scale. */
static void emit_md_put_scale_level(struct md *md, int level)
{
    if (!md->scale_shown) {
        emit_md_put_levels(md, level, level);
        md->scale_shown = true;
        return;
    }
    char text[MD_REPEAT_MAX + 16];
    escape_md(md->out, model_levels_text(md->m, level, level, text, sizeof text));
}

/* A row of a grid of a track with its own level names: "M5 (L5)", both
 * with a long prefix clipped (model_track_levels_text), since every row
 * repeats them. */
static void emit_md_put_own_level(struct md *md, size_t t, int level)
{
    char text[MD_REPEAT_MAX + 16];
    escape_md(md->out, model_track_levels_text(md->m, t, level, level, text, sizeof text));
    buf_puts(md->out, " (");
    escape_md(md->out, model_levels_text(md->m, level, level, text, sizeof text));
    buf_putc(md->out, ')');
}

/* "3..8", "3" when both ends agree, "3.." when open, an em dash when
 * nobody says. */
static void emit_md_put_years(struct buf *b, struct model_years y)
{
    if (!y.known) {
        buf_puts(b, "\xE2\x80\x94");
        return;
    }
    emit_md_put_number(b, y.min);
    if (y.open) {
        buf_puts(b, "..");
    } else if (y.max != y.min) {
        buf_puts(b, "..");
        emit_md_put_number(b, y.max);
    }
}

/* "| --- | --- |" for a table of n columns. */
static void emit_md_put_rule(struct buf *b, size_t ncols)
{
    for (size_t i = 0; i < ncols; i++)
        buf_puts(b, "| --- ");
    buf_puts(b, "|\n");
}

/* ---- company tables ------------------------------------------------------ */

/* The tables are computed as data in grid.c (the page renders the same
 * ones); here they are written. */

static void emit_md_track_heading(struct md *md, size_t track)
{
    buf_puts(md->out, "## ");
    emit_md_put_ref(md, md->m->tracks[track].name, &md->track_shown[track]);
    buf_puts(md->out, "\n\n");
}

/* "Title (code)", whole on the first level of the line's range, clipped on
 * the levels after it. */
static void emit_md_put_line_cell(struct md *md, const struct model_company_line *l, int level)
{
    if (level == l->lo) {
        escape_md(md->out, l->title);
        buf_puts(md->out, " (");
        escape_md(md->out, l->code);
    } else {
        emit_md_put_clipped(md, l->title);
        buf_puts(md->out, " (");
        emit_md_put_clipped(md, l->code);
    }
    buf_putc(md->out, ')');
}

/* The grid of one track: a row per level of the scale (or of the track's
 * own names), a column per company with lines in the track. The checker
 * keeps a company's lines in a track from overlapping (E161), so each cell
 * holds at most one "Title (code)". */
static void emit_md_track_grid(struct md *md, const struct grid_lines *lines, const struct grid_track *g)
{
    const struct model *m = md->m;
    struct buf *b = md->out;
    size_t track = g->track;
    emit_md_track_heading(md, track);
    buf_puts(b, "| Level ");
    for (size_t col = 0; col < g->ncols; col++) {
        size_t company = lines->refs[lines->column_start[lines->track_start[track] + col]].company;
        buf_puts(b, "| ");
        emit_md_put_ref(md, m->companies[company].name, &md->company_shown[company]);
        buf_putc(b, ' ');
    }
    buf_puts(b, "|\n");
    emit_md_put_rule(b, g->ncols + 1);
    for (size_t row = 0; row < g->nrows; row++) {
        int level = g->first + (int)row;
        buf_puts(b, "| ");
        if (m->tracks[track].level_prefix)
            emit_md_put_own_level(md, track, level);
        else
            emit_md_put_scale_level(md, level);
        buf_putc(b, ' ');
        for (size_t col = 0; col < g->ncols; col++) {
            const struct model_company_line *l = g->cells[row * g->ncols + col];
            buf_puts(b, "| ");
            if (l)
                emit_md_put_line_cell(md, l, level);
            buf_putc(b, ' ');
        }
        buf_puts(b, "|\n");
    }
    buf_putc(b, '\n');
}

/* The list of one track's lines refs[0..n), one row each, for ladders whose
 * grids would be far larger than their lines. */
static void emit_md_track_list(struct md *md, const struct grid_ref *refs, size_t n)
{
    struct buf *b = md->out;
    emit_md_track_heading(md, refs[0].track);
    buf_puts(b, "| Company | Levels | Title | Code |\n");
    emit_md_put_rule(b, 4);
    for (size_t i = 0; i < n; i++) {
        const struct model_company_line *l = refs[i].line;
        buf_puts(b, "| ");
        emit_md_put_ref(md, md->m->companies[refs[i].company].name, &md->company_shown[refs[i].company]);
        buf_puts(b, " | ");
        emit_md_put_track_levels(md, refs[i].track, l->lo, l->hi);
        buf_puts(b, " | ");
        escape_md(b, l->title);
        buf_puts(b, " | ");
        escape_md(b, l->code);
        buf_puts(b, " |\n");
    }
    buf_putc(b, '\n');
}

static void emit_md_companies(struct md *md)
{
    struct heap *heap = md->out->heap;
    struct grid_lines lines;
    struct grid_tables grids;
    grid_lines_build(heap, md->m, &lines);
    if (grid_tables_build(heap, md->m, &lines, &grids)) {
        for (size_t i = 0; i < grids.n; i++)
            emit_md_track_grid(md, &lines, &grids.tracks[i]);
        grid_tables_free(heap, &grids);
    } else {
        for (size_t t = 0; t < md->m->ntracks; t++) {
            size_t first = lines.column_start[lines.track_start[t]];
            size_t end = lines.column_start[lines.track_start[t + 1]];
            if (end > first)
                emit_md_track_list(md, lines.refs + first, end - first);
        }
    }
    grid_lines_free(heap, &lines);
}

/* ---- the framework: each track's roles x competencies -------------------- */

static void emit_md_framework_heading(struct md *md, size_t track)
{
    buf_puts(md->out, "## Framework: ");
    emit_md_put_ref(md, md->m->tracks[track].name, &md->track_shown[track]);
    buf_puts(md->out, "\n\n");
}

/* "Owns (3)", then the role's own sentence after a colon when it has one.
 * The rung's name repeats on every role at that rung: it is whole in the
 * Competencies section and clipped here. */
static void emit_md_put_expect(struct md *md, const struct model_expect *e)
{
    const struct model_competency *c = &md->m->competencies[e->competency];
    emit_md_put_clipped(md, c->rungs[e->rung - 1].name);
    buf_printf(md->out, " (%d)", e->rung);
    if (e->text) {
        buf_puts(md->out, ": ");
        escape_md(md->out, e->text);
    }
}

/* The grid of one track's roles refs[0..n): a row per role, lowest level
 * first; a column per competency; an em dash where the role sets no rung
 * (W190 says which). */
static void emit_md_framework_grid(struct md *md, const size_t *roles, size_t n)
{
    const struct model *m = md->m;
    struct buf *b = md->out;
    emit_md_framework_heading(md, m->roles[roles[0]].track);
    buf_puts(b, "| Role | Levels ");
    for (size_t k = 0; k < m->ncompetencies; k++) {
        buf_puts(b, "| ");
        emit_md_put_ref(md, m->competencies[k].name, &md->competency_shown[k]);
        buf_putc(b, ' ');
    }
    buf_puts(b, "|\n");
    emit_md_put_rule(b, m->ncompetencies + 2);
    for (size_t i = 0; i < n; i++) {
        const struct model_role *r = &m->roles[roles[i]];
        buf_puts(b, "| ");
        escape_md(b, r->name);
        buf_puts(b, " | ");
        emit_md_put_track_levels(md, r->track, r->lo, r->hi);
        buf_putc(b, ' ');
        size_t j = 0;       /* r->about->expect is sorted by competency */
        for (size_t k = 0; k < m->ncompetencies; k++) {
            buf_puts(b, "| ");
            if (j < r->about->nexpect && r->about->expect[j].competency == k)
                emit_md_put_expect(md, &r->about->expect[j++]);
            else
                buf_puts(b, "\xE2\x80\x94");
            buf_putc(b, ' ');
        }
        buf_puts(b, "|\n");
    }
    buf_putc(b, '\n');
}

/* The list of one track's rungs, a row per rung a role sets, for ladders
 * whose grids would be mostly empty. Names repeat here: whole in the Roles
 * and Competencies sections, clipped in this one. */
static void emit_md_framework_list(struct md *md, const size_t *roles, size_t n)
{
    const struct model *m = md->m;
    struct buf *b = md->out;
    emit_md_framework_heading(md, m->roles[roles[0]].track);
    buf_puts(b, "| Role | Levels | Competency | Rung |\n");
    emit_md_put_rule(b, 4);
    for (size_t i = 0; i < n; i++) {
        const struct model_role *r = &m->roles[roles[i]];
        for (size_t j = 0; j < r->about->nexpect; j++) {
            buf_puts(b, "| ");
            emit_md_put_clipped(md, r->name);
            buf_puts(b, " | ");
            emit_md_put_track_levels(md, r->track, r->lo, r->hi);
            buf_puts(b, " | ");
            emit_md_put_clipped(md, m->competencies[r->about->expect[j].competency].name);
            buf_puts(b, " | ");
            emit_md_put_expect(md, &r->about->expect[j]);
            buf_puts(b, " |\n");
        }
    }
    buf_putc(b, '\n');
}

/* A section per track that has roles, in track order. */
static void emit_md_frameworks(struct md *md)
{
    const struct model *m = md->m;
    size_t *roles = grid_roles_by_level(md->out->heap, m);
    bool grids = grid_framework_fits(m);
    for (size_t i = 0, end; i < m->nroles; i = end) {
        size_t track = m->roles[roles[i]].track;
        for (end = i + 1; end < m->nroles && m->roles[roles[end]].track == track; end++)
            ;
        if (grids)
            emit_md_framework_grid(md, roles + i, end - i);
        else
            emit_md_framework_list(md, roles + i, end - i);
    }
    heap_free(md->out->heap, roles);
}

/* "`craft`: a hard skill; it places roles on the map's y axis (Hard skills)." */
static void emit_md_competency_kind(struct buf *b, const struct model *m, const struct model_competency *c)
{
    emit_md_put_id(b, c->id);
    if (c->skill == SKILL_NONE) {
        buf_puts(b, ": neither hard nor soft; it places roles on neither axis of the map.\n\n");
        return;
    }
    const struct model_axis *a = &m->axis[c->skill == SKILL_HARD ? 1 : 0];
    buf_printf(b, ": a %s skill; it places roles on the map's %s axis", c->skill == SKILL_HARD ? "hard" : "soft",
               c->skill == SKILL_HARD ? "y" : "x");
    if (a->title[0]) {
        buf_puts(b, " (");
        escape_md(b, a->title);
        buf_putc(b, ')');
    }
    buf_puts(b, ".\n\n");
}

/* Each competency with its rungs, lowest first, and what each means. */
static void emit_md_competencies(struct md *md)
{
    const struct model *m = md->m;
    struct buf *b = md->out;
    buf_puts(b, "## Competencies\n\n");
    for (size_t k = 0; k < m->ncompetencies; k++) {
        const struct model_competency *c = &m->competencies[k];
        buf_puts(b, "### ");
        escape_md(b, c->name);
        buf_puts(b, "\n\n");
        emit_md_competency_kind(b, m, c);
        buf_puts(b, "| Rung | Name | Meaning |\n");
        emit_md_put_rule(b, 3);
        for (size_t i = 0; i < c->nrungs; i++) {
            buf_printf(b, "| %zu | ", i + 1);
            escape_md(b, c->rungs[i].name);
            buf_puts(b, " | ");
            if (c->rungs[i].meaning)
                escape_md(b, c->rungs[i].meaning);
            buf_puts(b, " |\n");
        }
        buf_putc(b, '\n');
    }
}

/* ---- roles and transitions ----------------------------------------------- */

/* An axis column is headed by the axis title, or by x / y when there is none. */
static void emit_md_put_axis_header(struct buf *b, const struct model_axis *a, const char *name)
{
    buf_puts(b, "| ");
    escape_md(b, a->title[0] ? a->title : name);
    buf_putc(b, ' ');
}

/* Whether some role has a summary or a link: then the Roles table has a
 * column for each (a ladder with neither keeps its table as it was). */
static bool emit_md_roles_described(const struct model *m)
{
    for (size_t i = 0; i < m->nroles; i++)
        if (m->roles[i].about->summary || m->roles[i].about->link)
            return true;
    return false;
}

/* " | summary | link" of a role; a link is a Markdown link to itself. */
static void emit_md_put_role_description(struct buf *b, const struct model_role *r)
{
    buf_puts(b, " | ");
    if (r->about->summary)
        escape_md(b, r->about->summary);
    buf_puts(b, " | ");
    if (r->about->link)
        escape_md_link(b, r->about->link, r->about->link);
}

static void emit_md_roles(struct md *md)
{
    const struct model *m = md->m;
    struct buf *b = md->out;
    bool described = emit_md_roles_described(m);
    buf_puts(b, "## Roles\n\n| Role | Id | Track | Levels ");
    emit_md_put_axis_header(b, &m->axis[0], "x");
    emit_md_put_axis_header(b, &m->axis[1], "y");
    if (described)
        buf_puts(b, "| Summary | Link ");
    buf_puts(b, "|\n");
    emit_md_put_rule(b, described ? 8 : 6);
    for (size_t i = 0; i < m->nroles; i++) {
        const struct model_role *r = &m->roles[i];
        buf_puts(b, "| ");
        escape_md(b, r->name);
        buf_puts(b, " | ");
        emit_md_put_id(b, r->id);
        buf_puts(b, " | ");
        emit_md_put_ref(md, m->tracks[r->track].name, &md->track_shown[r->track]);
        buf_puts(b, " | ");
        emit_md_put_track_levels(md, r->track, r->lo, r->hi);
        buf_puts(b, " | ");
        emit_md_put_number(b, r->x);
        buf_puts(b, " | ");
        emit_md_put_number(b, r->y);
        if (described)
            emit_md_put_role_description(b, r);
        buf_puts(b, " |\n");
    }
    buf_putc(b, '\n');
}

/* Role names here repeat the Roles table, where each is whole. */
static void emit_md_transitions(struct md *md)
{
    const struct model *m = md->m;
    struct buf *b = md->out;
    buf_puts(b, "## Transitions\n\n| From | To | Kind | Years |\n");
    emit_md_put_rule(b, 4);
    for (size_t i = 0; i < m->ntransitions; i++) {
        const struct model_transition *t = &m->transitions[i];
        buf_puts(b, "| ");
        emit_md_put_clipped(md, m->roles[t->from].name);
        buf_puts(b, " | ");
        emit_md_put_clipped(md, m->roles[t->to].name);
        buf_puts(b, " | ");
        buf_puts(b, model_kind_name(t->kind));
        buf_puts(b, " | ");
        emit_md_put_years(b, t->years);
        buf_puts(b, " |\n");
    }
}

void emit_md(const struct model *m, struct buf *out)
{
    struct md md = {.m = m, .out = out, .scale_shown = false};
    md.track_shown = heap_calloc(out->heap, m->ntracks + 1, sizeof *md.track_shown);
    md.company_shown = heap_calloc(out->heap, m->ncompanies + 1, sizeof *md.company_shown);
    md.competency_shown = heap_calloc(out->heap, m->ncompetencies + 1, sizeof *md.competency_shown);
    buf_init(&md.scratch, out->heap);
    buf_puts(out, "# ");
    if (m->title)
        escape_md(out, m->title);
    else
        buf_puts(out, "Ladder");
    buf_puts(out, "\n\n");
    emit_md_companies(&md);
    if (m->ncompetencies) {
        emit_md_frameworks(&md);
        emit_md_competencies(&md);
    }
    emit_md_roles(&md);
    emit_md_transitions(&md);
    buf_free(&md.scratch);
    heap_free(out->heap, md.track_shown);
    heap_free(out->heap, md.company_shown);
    heap_free(out->heap, md.competency_shown);
}
