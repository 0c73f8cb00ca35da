/* emit_md.c - the ladder as GitHub-flavoured Markdown tables.
 *
 * One table per track that some company uses (a row per level of the scale,
 * a column per company), then every role, then every transition. User text
 * goes through emit_md_put_text so no name can end a cell, start a link,
 * emphasis or raw HTML: it renders as the very characters the file holds.
 */
#include "emit.h"

#include <string.h>

/* Writes user text for a table cell or a heading. Every ASCII punctuation
 * character that means something to CommonMark or GFM gets a backslash,
 * which CommonMark defines as "this character, literally"; in a table,
 * "\|" is the one way to write a pipe. Line breaks and other control
 * characters would end the row, so they become spaces. */
static void emit_md_put_text(struct buf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 32 || *p == 127)
            buf_putc(b, ' ');
        else {
            if (strchr("\\|`*_[]<>&#!~", *p))
                buf_putc(b, '\\');
            buf_putc(b, (char)*p);
        }
    }
}

/* Ids are [a-z][a-z0-9_]*, so they can go in a code span as they are; one
 * that somehow is not goes through the escapes instead. */
static void emit_md_put_id(struct buf *b, const char *id)
{
    if (id[0] && strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789_") == strlen(id)) {
        buf_putc(b, '`');
        buf_puts(b, id);
        buf_putc(b, '`');
    } else
        emit_md_put_text(b, id);
}

static void emit_md_put_number(struct buf *b, double v)
{
    char num[64];
    buf_puts(b, model_number_text(v, num, sizeof num));
}

static void emit_md_put_levels(struct buf *b, const struct model *m, int lo, int hi)
{
    char levels[64];
    emit_md_put_text(b, model_levels_text(m, lo, hi, levels, sizeof levels));
}

/* "3..8", "3" when both ends agree, an em dash when nobody says. */
static void emit_md_put_years(struct buf *b, struct model_years y)
{
    if (!y.known) {
        buf_puts(b, "\xE2\x80\x94");
        return;
    }
    emit_md_put_number(b, y.min);
    if (y.max != y.min) {
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

static bool emit_md_company_in_track(const struct model_company *c, size_t track)
{
    for (size_t i = 0; i < c->nlines; i++)
        if (c->lines[i].track == track)
            return true;
    return false;
}

static bool emit_md_track_used(const struct model *m, size_t track)
{
    for (size_t i = 0; i < m->ncompanies; i++)
        if (emit_md_company_in_track(&m->companies[i], track))
            return true;
    return false;
}

/* The cell for one company at one level: "Title (code)" of each line whose
 * range covers the level. The checker should keep a company's lines in a
 * track from overlapping; should two cover a level, both show, in source
 * order, separated by "; ". */
static void emit_md_put_company_cell(struct buf *b, const struct model_company *c,
                                     size_t track, int level)
{
    bool first = true;
    for (size_t i = 0; i < c->nlines; i++) {
        const struct model_company_line *l = &c->lines[i];
        if (l->track != track || level < l->lo || level > l->hi)
            continue;
        if (!first)
            buf_puts(b, "; ");
        emit_md_put_text(b, l->title);
        buf_puts(b, " (");
        emit_md_put_text(b, l->code);
        buf_putc(b, ')');
        first = false;
    }
}

static void emit_md_track_table(const struct model *m, size_t track, struct buf *b)
{
    buf_puts(b, "## ");
    emit_md_put_text(b, m->tracks[track].name);
    buf_puts(b, "\n\n| Level ");
    size_t ncols = 1;
    for (size_t i = 0; i < m->ncompanies; i++) {
        if (!emit_md_company_in_track(&m->companies[i], track))
            continue;
        buf_puts(b, "| ");
        emit_md_put_text(b, m->companies[i].name);
        buf_putc(b, ' ');
        ncols++;
    }
    buf_puts(b, "|\n");
    emit_md_put_rule(b, ncols);
    for (int level = m->level_min; level <= m->level_max; level++) {
        buf_puts(b, "| ");
        emit_md_put_levels(b, m, level, level);
        buf_putc(b, ' ');
        for (size_t i = 0; i < m->ncompanies; i++) {
            if (!emit_md_company_in_track(&m->companies[i], track))
                continue;
            buf_puts(b, "| ");
            emit_md_put_company_cell(b, &m->companies[i], track, level);
            buf_putc(b, ' ');
        }
        buf_puts(b, "|\n");
    }
    buf_putc(b, '\n');
}

/* ---- roles and transitions ----------------------------------------------- */

/* An axis column is headed by the axis title, or by x / y when there is none. */
static void emit_md_put_axis_header(struct buf *b, const struct model_axis *a, const char *name)
{
    buf_puts(b, "| ");
    emit_md_put_text(b, a->title[0] ? a->title : name);
    buf_putc(b, ' ');
}

static void emit_md_roles(const struct model *m, struct buf *b)
{
    buf_puts(b, "## Roles\n\n| Role | Id | Track | Levels ");
    emit_md_put_axis_header(b, &m->axis[0], "x");
    emit_md_put_axis_header(b, &m->axis[1], "y");
    buf_puts(b, "|\n");
    emit_md_put_rule(b, 6);
    for (size_t i = 0; i < m->nroles; i++) {
        const struct model_role *r = &m->roles[i];
        buf_puts(b, "| ");
        emit_md_put_text(b, r->name);
        buf_puts(b, " | ");
        emit_md_put_id(b, r->id);
        buf_puts(b, " | ");
        emit_md_put_text(b, m->tracks[r->track].name);
        buf_puts(b, " | ");
        emit_md_put_levels(b, m, r->lo, r->hi);
        buf_puts(b, " | ");
        emit_md_put_number(b, r->x);
        buf_puts(b, " | ");
        emit_md_put_number(b, r->y);
        buf_puts(b, " |\n");
    }
    buf_putc(b, '\n');
}

static void emit_md_transitions(const struct model *m, struct buf *b)
{
    buf_puts(b, "## Transitions\n\n| From | To | Kind | Years |\n");
    emit_md_put_rule(b, 4);
    for (size_t i = 0; i < m->ntransitions; i++) {
        const struct model_transition *t = &m->transitions[i];
        buf_puts(b, "| ");
        emit_md_put_text(b, m->roles[t->from].name);
        buf_puts(b, " | ");
        emit_md_put_text(b, m->roles[t->to].name);
        buf_puts(b, " | ");
        buf_puts(b, model_kind_name(t->kind));
        buf_puts(b, " | ");
        emit_md_put_years(b, t->years);
        buf_puts(b, " |\n");
    }
}

void emit_md(const struct model *m, struct buf *out)
{
    buf_puts(out, "# ");
    if (m->title)
        emit_md_put_text(out, m->title);
    else
        buf_puts(out, "Ladder");
    buf_puts(out, "\n\n");
    for (size_t t = 0; t < m->ntracks; t++)
        if (emit_md_track_used(m, t))
            emit_md_track_table(m, t, out);
    emit_md_roles(m, out);
    emit_md_transitions(m, out);
}
