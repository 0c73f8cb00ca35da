/* emit_md.c - the ladder as GitHub-flavoured Markdown tables.
 *
 * One table per track that some company uses (a row per level of the scale,
 * a column per company), then every role, then every transition. User text
 * goes through emit_md_put_text so no name can end a cell, start a link,
 * emphasis or raw HTML: it renders as the very characters the file holds.
 */
#include "emit.h"

#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "util.h"

/* Ids are [a-z][a-z0-9_]*, so they can go in a code span as they are; one
 * that somehow is not goes through the escapes instead. */
static void emit_md_put_id(struct buf *b, const char *id)
{
    if (id[0] && strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789_") == strlen(id)) {
        buf_putc(b, '`');
        buf_puts(b, id);
        buf_putc(b, '`');
    } else
        escape_md(b, id);
}

static void emit_md_put_number(struct buf *b, double v)
{
    char num[64];
    buf_puts(b, model_number_text(v, num, sizeof num));
}

static void emit_md_put_levels(struct buf *b, const struct model *m, int lo, int hi)
{
    struct buf text;
    buf_init(&text);
    model_levels_put(&text, m, lo, hi);
    buf_putc(&text, '\0');
    escape_md(b, text.data);
    buf_free(&text);
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

/* Every company line, sorted by track, company, then lowest level: a track's
 * table reads its lines as one run, a column as a sub-run. Linear in the
 * table's size however many tracks, companies and levels there are. */
struct md_ref {
    size_t track, company;
    const struct model_company_line *line;
};

static int emit_md_ref_cmp(const void *pa, const void *pb)
{
    const struct md_ref *a = pa, *b = pb;
    if (a->track != b->track)
        return a->track < b->track ? -1 : 1;
    if (a->company != b->company)
        return a->company < b->company ? -1 : 1;
    return (a->line->lo > b->line->lo) - (a->line->lo < b->line->lo);
}

static struct md_ref *emit_md_index(const struct model *m, size_t *n)
{
    size_t total = 0;
    for (size_t i = 0; i < m->ncompanies; i++)
        total += m->companies[i].nlines;
    struct md_ref *refs = util_xcalloc(total, sizeof *refs);
    size_t k = 0;
    for (size_t i = 0; i < m->ncompanies; i++)
        for (size_t j = 0; j < m->companies[i].nlines; j++)
            refs[k++] = (struct md_ref){m->companies[i].lines[j].track, i, &m->companies[i].lines[j]};
    if (total > 1)
        qsort(refs, total, sizeof *refs, emit_md_ref_cmp);
    *n = total;
    return refs;
}

/* The table of one track from its run of lines refs[0..n): a row per level
 * of the scale, a column per company with lines in the track. The checker
 * keeps a company's lines in a track from overlapping (E161), so each cell
 * holds at most one "Title (code)". */
static void emit_md_track_table(const struct model *m, const struct md_ref *refs, size_t n, struct buf *b)
{
    buf_puts(b, "## ");
    escape_md(b, m->tracks[refs[0].track].name);
    buf_puts(b, "\n\n| Level ");
    size_t ncols = 0;
    size_t *cursor = util_xcalloc(n + 1, sizeof *cursor);  /* per column: its next line */
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && refs[i].company == refs[i - 1].company)
            continue;
        cursor[ncols++] = i;
        buf_puts(b, "| ");
        escape_md(b, m->companies[refs[i].company].name);
        buf_putc(b, ' ');
    }
    buf_puts(b, "|\n");
    emit_md_put_rule(b, ncols + 1);
    for (int level = m->level_min; level <= m->level_max; level++) {
        buf_puts(b, "| ");
        emit_md_put_levels(b, m, level, level);
        buf_putc(b, ' ');
        for (size_t col = 0; col < ncols; col++) {
            size_t *cur = &cursor[col];
            size_t company = refs[cursor[col]].company;
            while (*cur + 1 < n && refs[*cur + 1].company == company && refs[*cur].line->hi < level)
                (*cur)++;
            const struct model_company_line *l = refs[*cur].line;
            buf_puts(b, "| ");
            if (l->lo <= level && level <= l->hi) {
                escape_md(b, l->title);
                buf_puts(b, " (");
                escape_md(b, l->code);
                buf_putc(b, ')');
            }
            buf_putc(b, ' ');
        }
        buf_puts(b, "|\n");
    }
    buf_putc(b, '\n');
    free(cursor);
}

/* ---- roles and transitions ----------------------------------------------- */

/* An axis column is headed by the axis title, or by x / y when there is none. */
static void emit_md_put_axis_header(struct buf *b, const struct model_axis *a, const char *name)
{
    buf_puts(b, "| ");
    escape_md(b, a->title[0] ? a->title : name);
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
        escape_md(b, r->name);
        buf_puts(b, " | ");
        emit_md_put_id(b, r->id);
        buf_puts(b, " | ");
        escape_md(b, m->tracks[r->track].name);
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
        escape_md(b, m->roles[t->from].name);
        buf_puts(b, " | ");
        escape_md(b, m->roles[t->to].name);
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
        escape_md(out, m->title);
    else
        buf_puts(out, "Ladder");
    buf_puts(out, "\n\n");
    size_t n;
    struct md_ref *refs = emit_md_index(m, &n);
    for (size_t i = 0, end; i < n; i = end) {
        for (end = i + 1; end < n && refs[end].track == refs[i].track; end++)
            ;
        emit_md_track_table(m, refs + i, end - i, out);
    }
    free(refs);
    emit_md_roles(m, out);
    emit_md_transitions(m, out);
}
