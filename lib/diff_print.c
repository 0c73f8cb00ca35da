/* diff_print.c - the changes of diff.c as text for a terminal, as GitHub
 * Markdown for a pull-request comment, and as JSON for tools. Every user
 * string goes through the escaper of where it lands (escape.h). */
#include <stdio.h>
#include <string.h>

#include "diff.h"
#include "escape.h"

/* Each kind's names: the heading, the noun (one, many) for the summary,
 * and the JSON kind. */
static const struct diff_section_names {
    const char *heading, *one, *many, *json;
} diff_names[DIFF_SECTIONS] = {
    [DIFF_LADDER] = {"Ladder", "ladder setting", "ladder settings", "ladder"},
    [DIFF_YEARS] = {"Default years", "default years", "default years", "years"},
    [DIFF_TRACK] = {"Tracks", "track", "tracks", "track"},
    [DIFF_BOX] = {"Boxes", "box", "boxes", "box"},
    [DIFF_ROLE] = {"Roles", "role", "roles", "role"},
    [DIFF_POSITION] = {"Places on the map", "role", "roles", "position"},
    [DIFF_MOVE] = {"Moves", "move", "moves", "move"},
    [DIFF_COMPANY] = {"Companies", "company", "companies", "company"},
    [DIFF_COMPANY_LINE] = {"Company lines", "company line", "company lines", "company_line"},
    [DIFF_COMPETENCY] = {"Competencies", "competency", "competencies", "competency"},
    [DIFF_RUNG] = {"Rungs", "rung", "rungs", "rung"},
    [DIFF_EXPECT] = {"Expectations", "expectation", "expectations", "expectation"},
};

/* ---- where a change is ---- */

struct diff_where {
    const char *file;       /* NULL: not known */
    int line;
};

static struct diff_where diff_where_of(const struct diff *d, const struct diff_change *c)
{
    const struct diff_version *v = c->old_side ? d->old_v : d->new_v;
    struct diff_where w = {NULL, 0};
    if (c->loc.end == 0 || v->set->n == 0)
        return w;
    struct source *src = source_set_find(v->set, c->loc.start);
    w.file = src->name;
    w.line = source_line_of(src, c->loc.start);
    return w;
}

/* ---- the summary line ---- */

static void diff_count_put(struct buf *out, size_t n, const char *one, const char *many, const char *verb,
                           const char **sep)
{
    if (!n)
        return;
    buf_printf(out, "%s%zu %s %s", *sep, n, n == 1 ? one : many, verb);
    *sep = ", ";
}

/* Things changed in a section: distinct subjects of its changes that are
 * neither added, removed, raised nor lowered. */
static size_t diff_changed_subjects(const struct diff *d, size_t from, size_t to)
{
    size_t n = 0;
    const char *last = NULL;
    for (size_t i = from; i < to; i++) {
        const struct diff_change *c = &d->v[i];
        if (c->what == DIFF_ADDED || c->what == DIFF_REMOVED || c->what == DIFF_RAISED || c->what == DIFF_LOWERED)
            continue;
        if (!last || strcmp(last, c->subject) != 0)
            n++;
        last = c->subject;
    }
    return n;
}

/* Moves added or removed, by kind: "1 promotion added". */
static void diff_moves_put(struct buf *out, const struct diff *d, size_t from, size_t to, enum diff_what what,
                           const char **sep)
{
    static const char *const kinds[][3] = {
        {"promotion", "promotion", "promotions"},
        {"lateral", "lateral move", "lateral moves"},
        {"downward", "downward move", "downward moves"},
    };
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        size_t n = 0;
        for (size_t i = from; i < to; i++)
            n += d->v[i].what == what && d->v[i].kind && strcmp(d->v[i].kind, kinds[k][0]) == 0;
        diff_count_put(out, n, kinds[k][1], kinds[k][2], what == DIFF_ADDED ? "added" : "removed", sep);
    }
}

/* "3 roles changed, 1 promotion added, 2 expectations raised" (our words only) */
static void diff_summary_put(struct buf *out, const struct diff *d)
{
    const char *sep = "";
    for (size_t i = 0; i < d->n;) {
        size_t j = i;
        while (j < d->n && d->v[j].section == d->v[i].section)
            j++;
        const struct diff_section_names *nm = &diff_names[d->v[i].section];
        size_t count[DIFF_MOVED + 1] = {0};
        for (size_t k = i; k < j; k++)
            count[d->v[k].what]++;
        if (d->v[i].section == DIFF_MOVE) {
            diff_moves_put(out, d, i, j, DIFF_ADDED, &sep);
            diff_moves_put(out, d, i, j, DIFF_REMOVED, &sep);
        } else {
            diff_count_put(out, count[DIFF_ADDED], nm->one, nm->many, "added", &sep);
            diff_count_put(out, count[DIFF_REMOVED], nm->one, nm->many, "removed", &sep);
        }
        /* the ladder's settings are one subject, "ladder": each counts */
        bool each = d->v[i].section == DIFF_LADDER || d->v[i].section == DIFF_YEARS;
        diff_count_put(out, each ? count[DIFF_CHANGED] : diff_changed_subjects(d, i, j), nm->one, nm->many,
                       d->v[i].section == DIFF_POSITION ? "moved on the map" : "changed", &sep);
        diff_count_put(out, count[DIFF_RAISED], nm->one, nm->many, "raised", &sep);
        diff_count_put(out, count[DIFF_LOWERED], nm->one, nm->many, "lowered", &sep);
        i = j;
    }
    if (!*sep)
        buf_puts(out, "no changes");
}

/* ---- text ---- */

static void diff_text_put(struct buf *out, const char *s)
{
    escape_terminal(out, s, strlen(s));
}

static void diff_text_value(struct buf *out, const char *v, bool quoted)
{
    if (!v) {
        buf_puts(out, "(none)");
        return;
    }
    if (quoted)
        buf_putc(out, '\'');
    diff_text_put(out, v);
    if (quoted)
        buf_putc(out, '\'');
}

static void diff_text_change(struct buf *out, const struct diff *d, const struct diff_change *c)
{
    struct diff_where w = diff_where_of(d, c);
    if (w.file) {
        escape_filename(out, w.file);
        buf_printf(out, ":%d: ", w.line);
    }
    diff_text_put(out, c->subject);
    switch (c->what) {
    case DIFF_ADDED:
    case DIFF_REMOVED:
        buf_printf(out, " %s", c->property);
        if (c->detail) {
            buf_puts(out, ": ");
            diff_text_put(out, c->detail);
        }
        break;
    case DIFF_ID:
        buf_putc(out, ' ');
        diff_text_put(out, c->detail);
        break;
    case DIFF_MOVED:
        buf_puts(out, " moved ");
        diff_text_put(out, c->detail);
        buf_puts(out, ": ");
        diff_text_value(out, c->old_value, false);
        buf_puts(out, " -> ");
        diff_text_value(out, c->new_value, false);
        break;
    default:
        if (c->section == DIFF_YEARS)
            buf_puts(out, ": ");        /* "years promotion: 2..5 -> 3..6", as the statement reads */
        else
            buf_printf(out, " %s: ", c->property);
        diff_text_value(out, c->old_value, c->quoted);
        buf_puts(out, " -> ");
        diff_text_value(out, c->new_value, c->quoted);
        if (c->detail) {
            buf_puts(out, " (");
            diff_text_put(out, c->detail);
            buf_putc(out, ')');
        }
        break;
    }
    buf_putc(out, '\n');
}

void diff_print_text(struct buf *out, struct diff *d)
{
    diff_summary_put(out, d);
    buf_putc(out, '\n');
    for (size_t i = 0; i < d->n; i++) {
        if (i == 0 || d->v[i].section != d->v[i - 1].section)
            buf_printf(out, "\n%s:\n", diff_names[d->v[i].section].heading);
        diff_text_change(out, d, &d->v[i]);
    }
}

/* ---- Markdown ---- */

static void diff_md_cell(struct buf *out, const char *s)
{
    buf_puts(out, " ");
    if (s && *s)
        escape_md(out, s);
    buf_puts(out, " |");
}

void diff_print_md(struct buf *out, struct diff *d)
{
    buf_puts(out, "**Ladder changes:** ");
    diff_summary_put(out, d);
    buf_puts(out, "\n");
    struct buf cell;
    buf_init(&cell, d->heap);
    for (size_t i = 0; i < d->n; i++) {
        const struct diff_change *c = &d->v[i];
        if (i == 0 || c->section != d->v[i - 1].section)
            buf_printf(out, "\n### %s\n\n| Change | What | Old | New | Where |\n| --- | --- | --- | --- | --- |\n",
                       diff_names[c->section].heading);
        buf_putc(out, '|');
        cell.len = 0;
        buf_puts(&cell, c->property);
        if (c->what == DIFF_MOVED) {
            buf_putc(&cell, ' ');
            buf_puts(&cell, c->detail);     /* "moved up" */
        }
        buf_putc(&cell, '\0');
        diff_md_cell(out, cell.data);
        cell.len = 0;
        buf_puts(&cell, c->subject);
        if (c->what == DIFF_ID) {
            buf_puts(&cell, " ");
            buf_puts(&cell, c->detail);
        } else if (c->what == DIFF_CHANGED && c->detail) {
            buf_puts(&cell, " (");
            buf_puts(&cell, c->detail);
            buf_puts(&cell, ")");
        }
        buf_putc(&cell, '\0');
        diff_md_cell(out, cell.data);
        const char *old_value = c->what == DIFF_REMOVED ? c->detail : c->old_value;
        const char *new_value = c->what == DIFF_ADDED ? c->detail : c->new_value;
        bool either = c->what == DIFF_CHANGED;
        diff_md_cell(out, old_value ? old_value : either ? "(none)" : NULL);
        diff_md_cell(out, new_value ? new_value : either ? "(none)" : NULL);
        struct diff_where w = diff_where_of(d, c);
        cell.len = 0;
        if (w.file)
            buf_printf(&cell, "%s:%d", w.file, w.line);
        buf_putc(&cell, '\0');
        diff_md_cell(out, cell.data);
        buf_putc(out, '\n');
    }
    buf_free(&cell);
}

/* ---- JSON ---- */

static void diff_json_field(struct buf *out, const char *key, const char *value)
{
    buf_printf(out, ", \"%s\": ", key);
    if (value)
        escape_json(out, value, strlen(value));
    else
        buf_puts(out, "null");
}

void diff_print_json(struct buf *out, struct diff *d)
{
    buf_puts(out, "{\n  \"changes\": [");
    size_t by[DIFF_SECTIONS] = {0};
    for (size_t i = 0; i < d->n; i++) {
        const struct diff_change *c = &d->v[i];
        by[c->section]++;
        buf_puts(out, i ? ",\n    " : "\n    ");
        buf_printf(out, "{\"kind\": \"%s\"", diff_names[c->section].json);
        diff_json_field(out, "change", c->property);
        diff_json_field(out, "subject", c->subject);
        diff_json_field(out, "id", c->id);
        diff_json_field(out, "old", c->what == DIFF_REMOVED ? c->detail : c->old_value);
        diff_json_field(out, "new", c->what == DIFF_ADDED ? c->detail : c->new_value);
        diff_json_field(out, "detail", c->what == DIFF_ADDED || c->what == DIFF_REMOVED ? NULL : c->detail);
        struct diff_where w = diff_where_of(d, c);
        diff_json_field(out, "file", w.file);
        if (w.file)
            buf_printf(out, ", \"line\": %d", w.line);
        else
            buf_puts(out, ", \"line\": null");
        buf_printf(out, ", \"version\": \"%s\"}", c->old_side ? "old" : "new");
    }
    buf_puts(out, d->n ? "\n  ],\n" : "],\n");
    buf_printf(out, "  \"counts\": {\"changes\": %zu", d->n);
    for (int s = 0; s < DIFF_SECTIONS; s++)
        buf_printf(out, ", \"%s\": %zu", diff_names[s].json, by[s]);
    buf_puts(out, "},\n  \"summary\": ");
    struct buf sum;
    buf_init(&sum, d->heap);
    diff_summary_put(&sum, d);
    escape_json(out, sum.data, sum.len);
    buf_free(&sum);
    buf_puts(out, "\n}\n");
}
