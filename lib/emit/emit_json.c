/* emit_json.c - the checked model as JSON, for tools that should not parse
 * ladders themselves. Keys are stable and in a fixed order; lists keep
 * source order; levels appear both as text ("L6..L7") and as numbers. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "emit.h"
#include "escape.h"

static void json_string(struct buf *b, const char *s) { escape_json(b, s, strlen(s)); }

/* ", \"file\": PATH" when the entity's file is known (a session of
 * several files sets it); nothing for a file checked alone, so that its
 * output stays as it was. */
static void json_file(struct buf *b, const char *file)
{
    if (!file)
        return;
    buf_puts(b, ", \"file\": ");
    json_string(b, file);
}

static void json_number(struct buf *b, double v)
{
    char text[64];
    buf_puts(b, model_number_text(v, text, sizeof text));
}

static void json_levels(struct buf *b, const struct model *m, int lo, int hi)
{
    struct buf text;
    buf_init(&text, b->heap);
    model_levels_put(&text, m, lo, hi);
    buf_puts(b, "\"levels\": ");
    escape_json(b, text.data, text.len);
    buf_free(&text);
    buf_printf(b, ", \"level_min\": %d, \"level_max\": %d", lo, hi);
}

static void json_years(struct buf *b, const struct model_years *y)
{
    if (!y->known) {
        buf_puts(b, "null");
        return;
    }
    buf_puts(b, "{\"min\": ");
    json_number(b, y->min);
    buf_puts(b, ", \"max\": ");
    json_number(b, y->max);
    buf_putc(b, '}');
}

static void json_axis(struct buf *b, const char *name, const struct model_axis *a, bool last)
{
    buf_printf(b, "    \"%s\": {\"title\": ", name);
    json_string(b, a->title);
    buf_puts(b, ", \"min\": ");
    json_number(b, a->min);
    buf_puts(b, ", \"max\": ");
    json_number(b, a->max);
    buf_puts(b, last ? "}\n" : "},\n");
}

static void json_head(struct buf *b, const struct model *m)
{
    buf_puts(b, "{\n  \"ladder\": ");
    if (m->title)
        json_string(b, m->title);
    else
        buf_puts(b, "null");
    buf_puts(b, ",\n  \"axes\": {\n");
    json_axis(b, "x", &m->axis[0], false);
    json_axis(b, "y", &m->axis[1], true);
    buf_puts(b, "  },\n  \"scale\": {\"prefix\": ");
    json_string(b, m->level_prefix);
    buf_printf(b, ", \"min\": %d, \"max\": %d},\n", m->level_min, m->level_max);
    buf_puts(b, "  \"years\": {");
    for (int k = 0; k < KIND_COUNT; k++) {
        buf_printf(b, "%s\"%s\": ", k ? ", " : "", model_kind_name((enum model_kind)k));
        json_years(b, &m->years[k]);
    }
    buf_puts(b, "},\n");
}

static void json_tracks_boxes(struct buf *b, const struct model *m)
{
    buf_puts(b, "  \"tracks\": [");
    for (size_t i = 0; i < m->ntracks; i++) {
        buf_puts(b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
        json_string(b, m->tracks[i].id);
        buf_puts(b, ", \"name\": ");
        json_string(b, m->tracks[i].name);
        json_file(b, model_file_of(m, m->tracks[i].loc));
        buf_putc(b, '}');
    }
    buf_puts(b, m->ntracks ? "\n  ],\n" : "],\n");
    buf_puts(b, "  \"boxes\": [");
    for (size_t i = 0; i < m->nboxes; i++) {
        buf_puts(b, i ? ",\n    {\"name\": " : "\n    {\"name\": ");
        json_string(b, m->boxes[i].name);
        buf_puts(b, ", ");
        json_levels(b, m, m->boxes[i].lo, m->boxes[i].hi);
        json_file(b, model_file_of(m, m->boxes[i].loc));
        buf_putc(b, '}');
    }
    buf_puts(b, m->nboxes ? "\n  ],\n" : "],\n");
}

static void json_roles(struct buf *b, const struct model *m)
{
    buf_puts(b, "  \"roles\": [");
    for (size_t i = 0; i < m->nroles; i++) {
        const struct model_role *r = &m->roles[i];
        buf_puts(b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
        json_string(b, r->id);
        buf_puts(b, ", \"name\": ");
        json_string(b, r->name);
        buf_puts(b, ", \"track\": ");
        json_string(b, m->tracks[r->track].id);
        buf_puts(b, ", ");
        json_levels(b, m, r->lo, r->hi);
        buf_puts(b, ", \"x\": ");
        json_number(b, r->x);
        buf_puts(b, ", \"y\": ");
        json_number(b, r->y);
        buf_puts(b, ", \"box\": ");
        if (r->box >= 0)
            json_string(b, m->boxes[r->box].name);
        else
            buf_puts(b, "null");
        json_file(b, model_file_of(m, r->loc));
        buf_putc(b, '}');
    }
    buf_puts(b, m->nroles ? "\n  ],\n" : "],\n");
}

static void json_transitions(struct buf *b, const struct model *m)
{
    buf_puts(b, "  \"transitions\": [");
    for (size_t i = 0; i < m->ntransitions; i++) {
        const struct model_transition *t = &m->transitions[i];
        buf_puts(b, i ? ",\n    {\"from\": " : "\n    {\"from\": ");
        json_string(b, m->roles[t->from].id);
        buf_puts(b, ", \"to\": ");
        json_string(b, m->roles[t->to].id);
        buf_printf(b, ", \"kind\": \"%s\", \"years\": ", model_kind_name(t->kind));
        json_years(b, &t->years);
        buf_printf(b, ", \"years_from\": %s",
                   !t->years.known ? "null" : t->own_years ? "\"transition\"" : "\"kind\"");
        json_file(b, model_file_of(m, t->loc));
        buf_putc(b, '}');
    }
    buf_puts(b, m->ntransitions ? "\n  ],\n" : "],\n");
}

static void json_companies(struct buf *b, const struct model *m)
{
    buf_puts(b, "  \"companies\": [");
    for (size_t i = 0; i < m->ncompanies; i++) {
        const struct model_company *c = &m->companies[i];
        buf_puts(b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
        json_string(b, c->id);
        buf_puts(b, ", \"name\": ");
        json_string(b, c->name);
        json_file(b, model_file_of(m, c->loc));
        buf_puts(b, ", \"lines\": [");
        for (size_t k = 0; k < c->nlines; k++) {
            const struct model_company_line *l = &c->lines[k];
            buf_puts(b, k ? ",\n      {\"track\": " : "\n      {\"track\": ");
            json_string(b, m->tracks[l->track].id);
            buf_puts(b, ", ");
            json_levels(b, m, l->lo, l->hi);
            buf_puts(b, ", \"code\": ");
            json_string(b, l->code);
            buf_puts(b, ", \"title\": ");
            json_string(b, l->title);
            json_file(b, model_file_of(m, l->loc));
            buf_putc(b, '}');
        }
        buf_puts(b, c->nlines ? "\n    ]}" : "]}");
    }
    buf_puts(b, m->ncompanies ? "\n  ]\n" : "]\n");
}

void emit_json(const struct model *m, struct buf *b)
{
    json_head(b, m);
    json_tracks_boxes(b, m);
    json_roles(b, m);
    json_transitions(b, m);
    json_companies(b, m);
    buf_puts(b, "}\n");
}
