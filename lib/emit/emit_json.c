/* emit_json.c - the checked model as JSON, for tools that should not parse
 * ladders themselves. Keys are stable and in a fixed order; lists keep
 * source order; levels appear both as text ("L6..L7") and as numbers. */
#include <stdbool.h>
#include <stdint.h>
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

/* "levels": the text in the track's own names (track SIZE_MAX: a box,
 * in the scale's names); "level_min" and "level_max": numbers of the
 * scale, which compare across tracks. */
static void json_levels(struct buf *b, const struct model *m, size_t track, int lo, int hi)
{
    struct buf text;
    buf_init(&text, b->heap);
    if (track == SIZE_MAX)
        model_levels_put(&text, m, lo, hi);
    else
        model_track_levels_put(&text, m, track, lo, hi);
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
    if (y->open) {      /* 'years 3..': no maximum */
        buf_puts(b, "null, \"open\": true}");
        return;
    }
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

/* Which of the keys that came with competencies a ladder's JSON has: each
 * group only when the ladder uses it, so that a ladder without them gets
 * the JSON it got before (the same bytes, no slower: every role of a large
 * ladder would otherwise carry four more keys), as the "file" key does. */
struct json_parts {
    bool level_names;   /* some track names its levels: every track says */
    bool framework;     /* competencies, summaries or links: every role says */
};

static struct json_parts json_parts_of(const struct model *m)
{
    struct json_parts p = {false, m->ncompetencies > 0};
    for (size_t i = 0; i < m->ntracks && !p.level_names; i++)
        p.level_names = m->tracks[i].level_prefix != NULL;
    for (size_t i = 0; i < m->nroles && !p.framework; i++)
        p.framework = m->roles[i].about->summary || m->roles[i].about->link;
    return p;
}

/* ", \"level_names\": ..." : null when the track uses the scale's names,
 * else its prefix, its own range and the scale's range it maps onto. */
static void json_track_names(struct buf *b, const struct model *m, size_t t)
{
    const struct model_track *tr = &m->tracks[t];
    buf_puts(b, ", \"level_names\": ");
    if (!tr->level_prefix) {
        buf_puts(b, "null");
        return;
    }
    struct buf text;
    buf_init(&text, b->heap);
    buf_puts(b, "{\"prefix\": ");
    json_string(b, tr->level_prefix);
    model_track_levels_put(&text, m, t, tr->lo, tr->hi);
    buf_puts(b, ", \"levels\": ");
    escape_json(b, text.data, text.len);
    buf_printf(b, ", \"min\": %d, \"max\": %d, ", tr->lo - tr->shift, tr->hi - tr->shift);
    text.len = 0;
    model_levels_put(&text, m, tr->lo, tr->hi);
    buf_puts(b, "\"scale_levels\": ");
    escape_json(b, text.data, text.len);
    buf_printf(b, ", \"scale_min\": %d, \"scale_max\": %d}", tr->lo, tr->hi);
    buf_free(&text);
}

static void json_tracks_boxes(struct buf *b, const struct model *m, struct json_parts parts)
{
    buf_puts(b, "  \"tracks\": [");
    for (size_t i = 0; i < m->ntracks; i++) {
        buf_puts(b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
        json_string(b, m->tracks[i].id);
        buf_puts(b, ", \"name\": ");
        json_string(b, m->tracks[i].name);
        if (parts.level_names)
            json_track_names(b, m, i);
        json_file(b, model_file_of(m, m->tracks[i].loc));
        buf_putc(b, '}');
    }
    buf_puts(b, m->ntracks ? "\n  ],\n" : "],\n");
    buf_puts(b, "  \"boxes\": [");
    for (size_t i = 0; i < m->nboxes; i++) {
        buf_puts(b, i ? ",\n    {\"name\": " : "\n    {\"name\": ");
        json_string(b, m->boxes[i].name);
        buf_puts(b, ", ");
        json_levels(b, m, SIZE_MAX, m->boxes[i].lo, m->boxes[i].hi);
        json_file(b, model_file_of(m, m->boxes[i].loc));
        buf_putc(b, '}');
    }
    buf_puts(b, m->nboxes ? "\n  ],\n" : "],\n");
}

static void json_string_or_null(struct buf *b, const char *s)
{
    if (s)
        json_string(b, s);
    else
        buf_puts(b, "null");
}

/* ", \"position\": ..., \"summary\": ..., \"link\": ..., \"rungs\": [...]":
 * each rung names its competency by id and gives the rung's number, not
 * its name: names have no length limit, and a long one repeated on every
 * role would make the output grow as names x roles (the reason box names
 * are capped, E106); a reader finds it at competencies[].rungs[rung - 1]. */
static void json_role_framework(struct buf *b, const struct model *m, const struct model_role *r)
{
    buf_printf(b, ", \"position\": \"%s\", \"summary\": ", r->derived ? "derived" : "written");
    json_string_or_null(b, r->about->summary);
    buf_puts(b, ", \"link\": ");
    json_string_or_null(b, r->about->link);
    buf_puts(b, ", \"rungs\": [");
    for (size_t k = 0; k < r->about->nexpect; k++) {
        const struct model_expect *e = &r->about->expect[k];
        buf_puts(b, k ? ", {\"competency\": " : "{\"competency\": ");
        json_string(b, m->competencies[e->competency].id);
        buf_printf(b, ", \"rung\": %d, \"text\": ", e->rung);
        json_string_or_null(b, e->text);
        buf_putc(b, '}');
    }
    buf_putc(b, ']');
}

static void json_roles(struct buf *b, const struct model *m, struct json_parts parts)
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
        json_levels(b, m, r->track, r->lo, r->hi);
        buf_puts(b, ", \"x\": ");
        json_number(b, r->x);
        buf_puts(b, ", \"y\": ");
        json_number(b, r->y);
        buf_puts(b, ", \"box\": ");
        if (r->box >= 0)
            json_string(b, m->boxes[r->box].name);
        else
            buf_puts(b, "null");
        if (parts.framework)
            json_role_framework(b, m, r);
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
            json_levels(b, m, l->track, l->lo, l->hi);
            buf_puts(b, ", \"code\": ");
            json_string(b, l->code);
            buf_puts(b, ", \"title\": ");
            json_string(b, l->title);
            json_file(b, model_file_of(m, l->loc));
            buf_putc(b, '}');
        }
        buf_puts(b, c->nlines ? "\n    ]}" : "]}");
    }
    buf_puts(b, m->ncompanies ? "\n  ]" : "]");
}

static const char *json_skill_name(enum model_skill skill)
{
    return skill == SKILL_HARD ? "\"hard\"" : skill == SKILL_SOFT ? "\"soft\"" : "null";
}

static void json_competencies(struct buf *b, const struct model *m)
{
    buf_puts(b, ",\n  \"competencies\": [");
    for (size_t i = 0; i < m->ncompetencies; i++) {
        const struct model_competency *c = &m->competencies[i];
        buf_puts(b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
        json_string(b, c->id);
        buf_puts(b, ", \"name\": ");
        json_string(b, c->name);
        buf_printf(b, ", \"kind\": %s", json_skill_name(c->skill));
        json_file(b, model_file_of(m, c->loc));
        buf_puts(b, ", \"rungs\": [");
        for (size_t k = 0; k < c->nrungs; k++) {
            buf_printf(b, "%s{\"rung\": %zu, \"name\": ", k ? ",\n      " : "\n      ", k + 1);
            json_string(b, c->rungs[k].name);
            buf_puts(b, ", \"meaning\": ");
            json_string_or_null(b, c->rungs[k].meaning);
            buf_putc(b, '}');
        }
        buf_puts(b, "\n    ]}");
    }
    buf_puts(b, "\n  ]");
}

void emit_json(const struct model *m, struct buf *b)
{
    struct json_parts parts = json_parts_of(m);
    json_head(b, m);
    json_tracks_boxes(b, m, parts);
    json_roles(b, m, parts);
    json_transitions(b, m);
    json_companies(b, m);
    if (m->ncompetencies)
        json_competencies(b, m);
    buf_puts(b, "\n}\n");
}
