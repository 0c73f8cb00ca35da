/* gap.c - what it takes to go from one role to another.
 *
 * The gap is one item per competency, sorted; the route is path_search's
 * fastest, and each of its moves compares the two roles' rungs by walking
 * their expectations (sorted by competency) side by side, so a move costs
 * what the two roles' blocks hold.
 *
 * Output stays within a constant factor of the input: the gap names each
 * competency and its two rungs once; a move names what its target role's
 * block sets (the ids are written there), and the competency and rung names
 * it repeats are clipped to GAP_REPEAT_MAX code points and an ellipsis,
 * since a name written once in the file could otherwise come out once per
 * move. */
#include "gap.h"

#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "heap.h"

enum { GAP_REPEAT_MAX = 40 };

/* ---- the gap as data ---- */

static struct gap_item gap_item_of(size_t k, const struct model_expect *a, const struct model_expect *b)
{
    struct gap_item it = {k, a ? a->rung : 0, b ? b->rung : 0, GAP_UNSET};
    if (a && b)
        it.state = it.to > it.from ? GAP_GROW : GAP_MET;
    return it;
}

/* grow, met, unset; within grow and met the largest gap (to - from) first;
 * then source order. Every key is distinct by the competency, so qsort's
 * order is fixed whatever its algorithm. */
static int gap_item_cmp(const void *pa, const void *pb)
{
    const struct gap_item *a = pa, *b = pb;
    if (a->state != b->state)
        return a->state < b->state ? -1 : 1;
    if (a->state != GAP_UNSET) {
        int da = a->to - a->from, db = b->to - b->from;
        if (da != db)
            return da > db ? -1 : 1;
    }
    return (a->competency > b->competency) - (a->competency < b->competency);
}

static void gap_items(struct gap *g, const struct model *m)
{
    const struct model_role *a = &m->roles[g->from], *b = &m->roles[g->to];
    g->nitems = m->ncompetencies;
    g->items = heap_calloc(g->heap, g->nitems, sizeof *g->items);
    for (size_t k = 0; k < g->nitems; k++) {
        g->items[k] = gap_item_of(k, model_role_expect(a, k), model_role_expect(b, k));
        g->ngrow += g->items[k].state == GAP_GROW;
        g->nmet += g->items[k].state == GAP_MET;
        g->nunset += g->items[k].state == GAP_UNSET;
    }
    qsort(g->items, g->nitems, sizeof *g->items, gap_item_cmp);
}

/* The competencies whose rung rises from role a to role b, into out (room
 * for b's expectations); returns how many, sorted as the gap is. */
static size_t gap_rises(const struct model_role *a, const struct model_role *b, struct gap_item *out)
{
    size_t n = 0, i = 0;
    for (size_t j = 0; j < b->about->nexpect; j++) {
        const struct model_expect *eb = &b->about->expect[j];
        while (i < a->about->nexpect && a->about->expect[i].competency < eb->competency)
            i++;
        if (i < a->about->nexpect && a->about->expect[i].competency == eb->competency && eb->rung > a->about->expect[i].rung)
            out[n++] = gap_item_of(eb->competency, &a->about->expect[i], eb);
    }
    qsort(out, n, sizeof *out, gap_item_cmp);
    return n;
}

static void gap_route(struct gap *g, const struct model *m)
{
    path_search(g->heap, m, g->from, g->to, 1, &g->route);
    if (g->route.nroutes == 0)
        return;
    const struct path_route *r = &g->route.routes[0];
    size_t room = 0;
    for (size_t i = 0; i < r->nsteps; i++)
        room += m->roles[m->transitions[r->steps[i]].to].about->nexpect;
    g->nsteps = r->nsteps;
    g->steps = heap_calloc(g->heap, g->nsteps, sizeof *g->steps);
    g->rises = heap_calloc(g->heap, room, sizeof *g->rises);
    size_t at = 0;
    for (size_t i = 0; i < r->nsteps; i++) {
        const struct model_transition *t = &m->transitions[r->steps[i]];
        struct gap_step *s = &g->steps[i];
        s->transition = r->steps[i];
        s->rises = g->rises + at;
        s->nrises = gap_rises(&m->roles[t->from], &m->roles[t->to], s->rises);
        at += s->nrises;
    }
}

void gap_compute(struct heap *mem, const struct model *m, size_t from, size_t to, bool route, struct gap *out)
{
    memset(out, 0, sizeof *out);
    out->heap = mem;
    out->from = from;
    out->to = to;
    out->want_route = route;
    out->route.heap = mem;
    gap_items(out, m);
    if (route)
        gap_route(out, m);
}

void gap_free(struct gap *g)
{
    heap_free(g->heap, g->items);
    heap_free(g->heap, g->steps);
    heap_free(g->heap, g->rises);
    path_routes_free(&g->route);
    g->items = NULL;
    g->steps = NULL;
    g->rises = NULL;
}

/* ---- shared by the printers ---- */

static const struct model_rung *gap_rung(const struct model *m, size_t k, int rung)
{
    return rung > 0 ? &m->competencies[k].rungs[rung - 1] : NULL;
}

/* The byte length of s's first max code points (all of s when shorter). */
static size_t gap_clip_len(const char *s, size_t max, bool *clipped)
{
    size_t n = 0, i = 0;
    for (; s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && n++ == max)
            break;
    *clipped = s[i] != '\0';
    return i;
}

/* The role of move t that sets no rungs (its source first), or -1: such a
 * move is not compared, which is not "grows nothing". */
static long gap_step_bare(const struct model *m, const struct model_transition *t)
{
    if (m->roles[t->from].about->nexpect == 0)
        return (long)t->from;
    return m->roles[t->to].about->nexpect == 0 ? (long)t->to : -1;
}

/* A number as a person writes it: 3, 0.5 (model_number_text). */
static void gap_put_number(struct buf *out, double v)
{
    char text[64];
    buf_puts(out, model_number_text(v, text, sizeof text));
}

/* A move's own years, written as a route's total is (path_years_put):
 * "3", "0.5..1.5", "3.." (open), "unknown". */
static void gap_put_move_years(struct buf *out, const struct model_years *y)
{
    if (!y->known) {
        buf_puts(out, "unknown");
        return;
    }
    gap_put_number(out, y->min);
    if (y->open)
        buf_puts(out, "..");
    else if (y->max != y->min) {
        buf_puts(out, "..");
        gap_put_number(out, y->max);
    }
}

/* "4 competencies to grow, 1 already met, 1 not compared" */
static void gap_put_counts(struct buf *out, const struct gap *g)
{
    if (g->ngrow)
        buf_printf(out, "%zu %s to grow", g->ngrow, g->ngrow == 1 ? "competency" : "competencies");
    else
        buf_puts(out, "nothing to grow");
    if (g->nmet)
        buf_printf(out, ", %zu already met", g->nmet);
    if (g->nunset)
        buf_printf(out, ", %zu not compared", g->nunset);
}

/* ---- text ---- */

static void put_term(struct buf *out, const char *s) { escape_terminal(out, s, strlen(s)); }

static void put_term_clipped(struct buf *out, const char *s)
{
    bool clipped;
    size_t n = gap_clip_len(s, GAP_REPEAT_MAX, &clipped);
    escape_terminal(out, s, n);
    if (clipped)
        buf_puts(out, "\xE2\x80\xA6");
}

static void text_role(struct buf *out, const struct model *m, size_t i)
{
    put_term(out, m->roles[i].name);
    buf_puts(out, " (");
    struct buf levels;
    buf_init(&levels, out->heap);
    model_role_levels_put(&levels, m, &m->roles[i]);
    escape_terminal(out, levels.data, levels.len);
    buf_free(&levels);
    buf_putc(out, ')');
}

/* "3 Owns" */
static void text_rung(struct buf *out, const struct model *m, size_t k, int rung,
                      void (*put)(struct buf *, const char *))
{
    buf_printf(out, "%d ", rung);
    put(out, gap_rung(m, k, rung)->name);
}

/* "   now:    MEANING" and the role's own sentence under it */
static void text_detail(struct buf *out, const struct model *m, const struct gap_item *it, size_t role,
                        const char *label)
{
    const struct model_expect *e = model_role_expect(&m->roles[role], it->competency);
    const char *meaning = gap_rung(m, it->competency, e->rung)->meaning;
    if (!meaning && !e->text)
        return;
    buf_printf(out, "   %-8s", label);
    if (meaning)
        put_term(out, meaning);
    if (meaning && e->text)
        buf_puts(out, "\n           ");
    if (e->text)
        put_term(out, e->text);
    buf_putc(out, '\n');
}

static void text_grow(struct buf *out, const struct model *m, const struct gap *g, const struct gap_item *it)
{
    buf_printf(out, "+%d ", it->to - it->from);
    put_term(out, m->competencies[it->competency].name);
    buf_puts(out, ": ");
    text_rung(out, m, it->competency, it->from, put_term);
    buf_puts(out, " -> ");
    text_rung(out, m, it->competency, it->to, put_term);
    buf_putc(out, '\n');
    text_detail(out, m, it, g->from, "now:");
    text_detail(out, m, it, g->to, "needed:");
}

static void text_met(struct buf *out, const struct model *m, const struct gap_item *it)
{
    buf_puts(out, "   ");
    put_term(out, m->competencies[it->competency].name);
    buf_puts(out, ": ");
    text_rung(out, m, it->competency, it->from, put_term);
    buf_puts(out, ", needs ");
    text_rung(out, m, it->competency, it->to, put_term);
    if (it->from > it->to)
        buf_printf(out, " (%d above)", it->from - it->to);
    buf_putc(out, '\n');
}

static void text_unset(struct buf *out, const struct model *m, const struct gap *g, const struct gap_item *it)
{
    buf_puts(out, "   ");
    put_term(out, m->competencies[it->competency].name);
    buf_puts(out, ": ");
    if (!it->from && !it->to) {
        buf_puts(out, "neither role sets a rung\n");
        return;
    }
    put_term(out, m->roles[g->from].name);
    if (it->from) {
        buf_puts(out, " at ");
        text_rung(out, m, it->competency, it->from, put_term);
    } else {
        buf_puts(out, " sets no rung");
    }
    buf_puts(out, "; ");
    put_term(out, m->roles[g->to].name);
    if (it->to) {
        buf_puts(out, " needs ");
        text_rung(out, m, it->competency, it->to, put_term);
    } else {
        buf_puts(out, " sets no rung");
    }
    buf_putc(out, '\n');
}

static void text_step(struct buf *out, const struct model *m, size_t i, const struct gap_step *s)
{
    const struct model_transition *t = &m->transitions[s->transition];
    buf_printf(out, "%zu. ", i + 1);
    put_term(out, m->roles[t->from].name);
    buf_printf(out, " -(%s)-> ", model_kind_name(t->kind));
    put_term(out, m->roles[t->to].name);
    buf_puts(out, ", ");
    gap_put_move_years(out, &t->years);
    buf_puts(out, " years\n");
    long bare = gap_step_bare(m, t);
    if (bare >= 0) {
        buf_puts(out, "   not compared: ");
        put_term(out, m->roles[bare].name);
        buf_puts(out, " sets no rungs\n");
    } else if (s->nrises == 0) {
        buf_puts(out, "   grows no competency\n");
    }
    for (size_t j = 0; j < s->nrises; j++) {
        const struct gap_item *it = &s->rises[j];
        buf_printf(out, "   +%d ", it->to - it->from);
        put_term_clipped(out, m->competencies[it->competency].name);
        buf_puts(out, ": ");
        text_rung(out, m, it->competency, it->from, put_term_clipped);
        buf_puts(out, " -> ");
        text_rung(out, m, it->competency, it->to, put_term_clipped);
        buf_putc(out, '\n');
    }
}

static void text_route(struct buf *out, const struct model *m, const struct gap *g)
{
    const struct path_route *r = &g->route.routes[0];
    buf_puts(out, "\nFastest route: ");
    path_years_put(out, r);
    buf_printf(out, " years, %zu %s\n", r->nsteps, r->nsteps == 1 ? "move" : "moves");
    for (size_t i = 0; i < g->nsteps; i++)
        text_step(out, m, i, &g->steps[i]);
}

void gap_print_text(struct buf *out, const struct model *m, const struct gap *g)
{
    text_role(out, m, g->from);
    buf_puts(out, " -> ");
    text_role(out, m, g->to);
    buf_puts(out, ": ");
    gap_put_counts(out, g);
    buf_putc(out, '\n');
    size_t i = 0;
    if (g->ngrow)
        buf_putc(out, '\n');
    for (; i < g->ngrow; i++)
        text_grow(out, m, g, &g->items[i]);
    if (g->nmet)
        buf_puts(out, "\nAlready met:\n");
    for (; i < g->ngrow + g->nmet; i++)
        text_met(out, m, &g->items[i]);
    if (g->nunset)
        buf_puts(out, "\nNot compared (a role sets no rung):\n");
    for (; i < g->nitems; i++)
        text_unset(out, m, g, &g->items[i]);
    if (g->want_route && g->route.nroutes)
        text_route(out, m, g);
}

/* ---- Markdown ---- */

static void md_clipped(struct buf *out, struct buf *scratch, const char *s)
{
    bool clipped;
    size_t n = gap_clip_len(s, GAP_REPEAT_MAX, &clipped);
    scratch->len = 0;
    buf_put(scratch, s, n);
    buf_putc(scratch, '\0');
    escape_md(out, scratch->data);
    if (clipped)
        buf_puts(out, "\xE2\x80\xA6");
}

static void md_role(struct buf *out, const struct model *m, size_t i)
{
    escape_md(out, m->roles[i].name);
    buf_puts(out, " (");
    struct buf levels;
    buf_init(&levels, out->heap);
    model_role_levels_put(&levels, m, &m->roles[i]);
    buf_putc(&levels, '\0');
    escape_md(out, levels.data);
    buf_free(&levels);
    buf_putc(out, ')');
}

/* A role's cell: "3 Owns: MEANING *TEXT*", an em dash when it sets none. */
static void md_cell(struct buf *out, const struct model *m, size_t k, size_t role)
{
    const struct model_expect *e = model_role_expect(&m->roles[role], k);
    if (!e) {
        buf_puts(out, "\xE2\x80\x94");
        return;
    }
    const struct model_rung *r = gap_rung(m, k, e->rung);
    buf_printf(out, "%d ", e->rung);
    escape_md(out, r->name);
    if (r->meaning) {
        buf_puts(out, ": ");
        escape_md(out, r->meaning);
    }
    if (e->text) {
        buf_puts(out, " *");
        escape_md(out, e->text);
        buf_putc(out, '*');
    }
}

static void md_gap_cell(struct buf *out, const struct gap_item *it)
{
    if (it->state == GAP_UNSET)
        buf_puts(out, "not set");
    else if (it->state == GAP_GROW)
        buf_printf(out, "+%d", it->to - it->from);
    else if (it->from == it->to)
        buf_puts(out, "0 (met)");
    else
        buf_printf(out, "\xE2\x88\x92%d (met)", it->from - it->to);     /* U+2212 MINUS SIGN */
}

static void md_step(struct buf *out, struct buf *scratch, const struct model *m, size_t i,
                    const struct gap_step *s)
{
    const struct model_transition *t = &m->transitions[s->transition];
    buf_printf(out, "| %zu | ", i + 1);
    escape_md(out, m->roles[t->from].name);
    buf_printf(out, " \xE2\x86\x92 (%s) ", model_kind_name(t->kind));
    escape_md(out, m->roles[t->to].name);
    buf_puts(out, " | ");
    gap_put_move_years(out, &t->years);
    buf_puts(out, " | ");
    long bare = gap_step_bare(m, t);
    if (bare >= 0) {
        buf_puts(out, "not compared: ");
        escape_md(out, m->roles[bare].name);
        buf_puts(out, " sets no rungs");
    } else if (s->nrises == 0) {
        buf_puts(out, "\xE2\x80\x94");
    }
    for (size_t j = 0; j < s->nrises; j++) {
        const struct gap_item *it = &s->rises[j];
        const struct model_competency *c = &m->competencies[it->competency];
        if (j)
            buf_puts(out, "; ");
        md_clipped(out, scratch, c->name);
        buf_printf(out, " +%d (%d ", it->to - it->from, it->from);
        md_clipped(out, scratch, c->rungs[it->from - 1].name);
        buf_printf(out, " \xE2\x86\x92 %d ", it->to);
        md_clipped(out, scratch, c->rungs[it->to - 1].name);
        buf_putc(out, ')');
    }
    buf_puts(out, " |\n");
}

static void md_route(struct buf *out, const struct model *m, const struct gap *g)
{
    const struct path_route *r = &g->route.routes[0];
    buf_puts(out, "\n### Fastest route: ");
    path_years_put(out, r);
    buf_printf(out, " years, %zu %s\n\n", r->nsteps, r->nsteps == 1 ? "move" : "moves");
    buf_puts(out, "| # | Move | Years | Grows |\n| --- | --- | --- | --- |\n");
    struct buf scratch;
    buf_init(&scratch, out->heap);
    for (size_t i = 0; i < g->nsteps; i++)
        md_step(out, &scratch, m, i, &g->steps[i]);
    buf_free(&scratch);
}

void gap_print_md(struct buf *out, const struct model *m, const struct gap *g)
{
    buf_puts(out, "### ");
    md_role(out, m, g->from);
    buf_puts(out, " \xE2\x86\x92 ");
    md_role(out, m, g->to);
    buf_puts(out, "\n\n");
    gap_put_counts(out, g);
    buf_puts(out, ".\n\n| Competency | Gap | ");
    escape_md(out, m->roles[g->from].name);
    buf_puts(out, " | ");
    escape_md(out, m->roles[g->to].name);
    buf_puts(out, " |\n| --- | --- | --- | --- |\n");
    for (size_t i = 0; i < g->nitems; i++) {
        const struct gap_item *it = &g->items[i];
        buf_puts(out, "| ");
        escape_md(out, m->competencies[it->competency].name);
        buf_puts(out, " | ");
        md_gap_cell(out, it);
        buf_puts(out, " | ");
        md_cell(out, m, it->competency, g->from);
        buf_puts(out, " | ");
        md_cell(out, m, it->competency, g->to);
        buf_puts(out, " |\n");
    }
    if (g->want_route && g->route.nroutes)
        md_route(out, m, g);
}

/* ---- JSON ---- */

static void json_str(struct buf *out, const char *s)
{
    if (s)
        escape_json(out, s, strlen(s));
    else
        buf_puts(out, "null");
}

static void json_role(struct buf *out, const struct model *m, size_t i)
{
    buf_puts(out, "{\"id\": ");
    json_str(out, m->roles[i].id);
    buf_puts(out, ", \"name\": ");
    json_str(out, m->roles[i].name);
    struct buf levels;
    buf_init(&levels, out->heap);
    model_role_levels_put(&levels, m, &m->roles[i]);
    buf_puts(out, ", \"levels\": ");
    escape_json(out, levels.data, levels.len);
    buf_free(&levels);
    buf_putc(out, '}');
}

/* {"rung": 3, "name": "Owns", "meaning": "...", "text": "..."} or null */
static void json_rung(struct buf *out, const struct model *m, size_t k, size_t role)
{
    const struct model_expect *e = model_role_expect(&m->roles[role], k);
    if (!e) {
        buf_puts(out, "null");
        return;
    }
    const struct model_rung *r = gap_rung(m, k, e->rung);
    buf_printf(out, "{\"rung\": %d, \"name\": ", e->rung);
    json_str(out, r->name);
    buf_puts(out, ", \"meaning\": ");
    json_str(out, r->meaning);
    buf_puts(out, ", \"text\": ");
    json_str(out, e->text);
    buf_putc(out, '}');
}

static const char *const gap_state_names[] = {"grow", "met", "unset"};
static const char *const gap_skill_names[] = {[SKILL_NONE] = "none", [SKILL_HARD] = "hard", [SKILL_SOFT] = "soft"};

static void json_item(struct buf *out, const struct model *m, const struct gap *g, const struct gap_item *it)
{
    const struct model_competency *c = &m->competencies[it->competency];
    buf_puts(out, "    {\"id\": ");
    json_str(out, c->id);
    buf_puts(out, ", \"name\": ");
    json_str(out, c->name);
    buf_printf(out, ", \"skill\": \"%s\", \"status\": \"%s\", \"gap\": ", gap_skill_names[c->skill],
               gap_state_names[it->state]);
    if (it->state == GAP_UNSET)
        buf_puts(out, "null");
    else
        buf_printf(out, "%d", it->to - it->from);
    buf_puts(out, ",\n     \"from\": ");
    json_rung(out, m, it->competency, g->from);
    buf_puts(out, ",\n     \"to\": ");
    json_rung(out, m, it->competency, g->to);
    buf_putc(out, '}');
}

static void json_move_years(struct buf *out, const struct model_years *y)
{
    if (!y->known) {
        buf_puts(out, "null");
        return;
    }
    buf_puts(out, "{\"min\": ");
    gap_put_number(out, y->min);
    buf_puts(out, ", \"max\": ");
    gap_put_number(out, y->max);
    buf_printf(out, ", \"open\": %s}", y->open ? "true" : "false");
}

static void json_step(struct buf *out, const struct model *m, const struct gap_step *s)
{
    const struct model_transition *t = &m->transitions[s->transition];
    buf_puts(out, "      {\"from\": ");
    json_str(out, m->roles[t->from].id);
    buf_puts(out, ", \"to\": ");
    json_str(out, m->roles[t->to].id);
    buf_printf(out, ", \"kind\": \"%s\", \"years\": ", model_kind_name(t->kind));
    json_move_years(out, &t->years);
    buf_printf(out, ", \"compared\": %s, \"grow\": [", gap_step_bare(m, t) < 0 ? "true" : "false");
    for (size_t j = 0; j < s->nrises; j++) {
        const struct gap_item *it = &s->rises[j];
        buf_puts(out, j ? ", {\"id\": " : "{\"id\": ");
        json_str(out, m->competencies[it->competency].id);
        buf_printf(out, ", \"from\": %d, \"to\": %d, \"gap\": %d}", it->from, it->to, it->to - it->from);
    }
    buf_puts(out, "]}");
}

/* A total in millionths of a year as a JSON number. */
static void json_millionths(struct buf *out, int64_t v) { gap_put_number(out, (double)v / 1e6); }

static void json_route(struct buf *out, const struct model *m, const struct gap *g)
{
    const struct path_route *r = &g->route.routes[0];
    buf_puts(out, "{\n    \"years\": \"");
    path_years_put(out, r);     /* digits, '.' and "unknown": nothing to escape */
    buf_puts(out, "\", \"years_min\": ");
    if (r->nunknown)
        buf_puts(out, "null");
    else
        json_millionths(out, r->min);
    buf_puts(out, ", \"years_max\": ");
    if (r->nunknown || r->open)
        buf_puts(out, "null");
    else
        json_millionths(out, r->max);
    buf_printf(out, ", \"open\": %s, \"unknown_moves\": %zu, \"moves\": %zu,\n    \"steps\": [",
               r->open ? "true" : "false", r->nunknown, r->nsteps);
    for (size_t i = 0; i < g->nsteps; i++) {
        buf_puts(out, i ? ",\n" : "\n");
        json_step(out, m, &g->steps[i]);
    }
    buf_puts(out, "\n    ]\n  }");
}

void gap_print_json(struct buf *out, const struct model *m, const struct gap *g)
{
    buf_puts(out, "{\n  \"from\": ");
    json_role(out, m, g->from);
    buf_puts(out, ",\n  \"to\": ");
    json_role(out, m, g->to);
    buf_printf(out, ",\n  \"grow\": %zu, \"met\": %zu, \"unset\": %zu,\n  \"competencies\": [", g->ngrow, g->nmet,
               g->nunset);
    for (size_t i = 0; i < g->nitems; i++) {
        buf_puts(out, i ? ",\n" : "\n");
        json_item(out, m, g, &g->items[i]);
    }
    buf_puts(out, "\n  ],\n  \"route\": ");
    if (g->want_route && g->route.nroutes)
        json_route(out, m, g);
    else
        buf_puts(out, "null");
    buf_puts(out, "\n}\n");
}
