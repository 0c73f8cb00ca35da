/* query.c - what an editor asks about a ladder: hover text, completions
 * and outlines (query.h). The public entries are in session.c, which owns
 * the session's state; these read the index, the syntax trees and, when
 * the ladder checked, the model. */
#include "query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "escape.h"

/* ---- positions ---- */

bool query_offset(struct source *src, int line, int column, uint32_t *off)
{
    if (line < 1 || column < 1)
        return false;
    size_t len = 0;
    const char *text = source_line(src, line, &len);
    if (!text) {
        if (line != 1 || src->len != 0)
            return false;
        text = src->text;   /* an empty file has one empty line */
    }
    size_t i = 0;
    for (int c = 1; c < column; c++) {
        if (i >= len)
            return false;
        i++;
        while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
            i++;
    }
    *off = src->base + (uint32_t)(text - src->text) + (uint32_t)i;
    return true;
}

/* ---- finding a definition ---- */

/* The first definition of the kind's name, or NULL. */
static const struct index_entry *query_def(struct query_ctx *q, enum index_kind kind, const char *name)
{
    const struct index_entry **found;
    size_t n = index_find(q->idx, kind, name, &found);
    return n && found[0]->is_def ? found[0] : NULL;
}

/* The statement of the kind whose id (a box: name) starts at e's offset,
 * from the syntax tree of e's file: linear in that file. */
static const struct ast_stmt *query_stmt_of(struct query_ctx *q, const struct index_entry *e, enum ast_kind kind)
{
    const struct ast_file *ast = q->ast_of(q->ud, source_set_index(q->set, e->loc.start));
    for (const struct ast_stmt *st = ast ? ast->first : NULL; st; st = st->next) {
        if (st->kind != kind)
            continue;
        struct loc at = kind == AST_BOX ? st->u.box.name.loc
                      : kind == AST_TRACK ? st->u.track.id.loc
                      : kind == AST_COMPETENCY ? st->u.competency.id.loc
                      : kind == AST_COMPANY ? st->u.company.id.loc : st->u.role.id.loc;
        if (at.start == e->loc.start)
            return st;
    }
    return NULL;
}

/* ---- hover ---- */

static void put_md(struct buf *b, const char *s) { escape_md(b, s ? s : ""); }

/* "**Name** (id)" */
static void put_named(struct buf *b, const char *name, const char *id)
{
    buf_puts(b, "**");
    put_md(b, name);
    buf_puts(b, "**");
    if (id && name && strcmp(id, name) != 0) {
        buf_puts(b, " (");
        put_md(b, id);
        buf_putc(b, ')');
    }
}

static void put_levels(struct buf *b, const struct model *m, int lo, int hi)
{
    struct buf t;
    buf_init(&t, b->heap);
    model_levels_put(&t, m, lo, hi);
    buf_putc(&t, '\0');
    put_md(b, t.data);
    buf_free(&t);
}

static void put_track_levels(struct buf *b, const struct model *m, size_t track, int lo, int hi)
{
    struct buf t;
    buf_init(&t, b->heap);
    model_track_levels_put(&t, m, track, lo, hi);
    buf_putc(&t, '\0');
    put_md(b, t.data);
    buf_free(&t);
}

/* A move's years as the routes print them: "2..5 years", "3.. years",
 * "1 year", "years unknown". */
static void put_years(struct buf *b, const struct model_years *y)
{
    char lo[32], hi[32];
    if (!y->known) {
        buf_puts(b, "years unknown");
        return;
    }
    model_number_text(y->min, lo, sizeof lo);
    if (y->open)
        buf_printf(b, "%s.. years", lo);
    else if (y->min == y->max)
        buf_printf(b, "%s year%s", lo, y->min == 1 ? "" : "s");
    else
        buf_printf(b, "%s..%s years", lo, model_number_text(y->max, hi, sizeof hi));
}

/* Each company's titles for track t overlapping lo..hi: "Google: L5 Senior
 * Software Engineer; ...". Returns whether it wrote any. */
static bool put_titles(struct buf *b, const struct model *m, size_t t, int lo, int hi)
{
    bool any = false;
    for (size_t c = 0; c < m->ncompanies; c++) {
        const struct model_company *co = &m->companies[c];
        bool first = true;
        for (size_t k = 0; k < co->nlines; k++) {
            const struct model_company_line *l = &co->lines[k];
            if (l->track != t || l->hi < lo || l->lo > hi)
                continue;
            buf_puts(b, first ? (any ? "; " : "") : ", ");
            if (first) {
                put_md(b, co->name);
                buf_puts(b, ": ");
            }
            put_md(b, l->title);
            buf_puts(b, " (");
            put_md(b, l->code);
            buf_putc(b, ')');
            first = false;
            any = true;
        }
    }
    return any;
}

/* "- LABEL: Google: ...\n" when some company has titles there (label
 * escaped); nothing otherwise. */
static void put_titles_line(struct buf *b, const struct model *m, size_t t, int lo, int hi, const char *label)
{
    struct buf titles;
    buf_init(&titles, b->heap);
    if (put_titles(&titles, m, t, lo, hi)) {
        buf_puts(b, "- ");
        put_md(b, label);
        buf_puts(b, ": ");
        buf_put(b, titles.data, titles.len);
        buf_puts(b, "\n");
    }
    buf_free(&titles);
}

/* "- Rungs: Technical craft 3 (Owns), ..." */
static void hover_role_rungs(struct buf *b, const struct model *m, const struct model_role *r)
{
    for (size_t k = 0; k < r->about->nexpect; k++) {
        const struct model_expect *e = &r->about->expect[k];
        const struct model_competency *c = &m->competencies[e->competency];
        buf_puts(b, k ? ", " : "- Rungs: ");
        put_md(b, c->name);
        buf_printf(b, " %d (", e->rung);
        put_md(b, c->rungs[e->rung - 1].name);
        buf_putc(b, ')');
    }
    if (r->about->nexpect)
        buf_puts(b, "\n");
}

/* "- Moves in: from A, promotion, 2..5 years; ..." and the moves out. */
static void hover_role_moves(struct buf *b, const struct model *m, size_t i)
{
    for (int dir = 0; dir < 2; dir++) {
        bool any = false;
        for (size_t k = 0; k < m->ntransitions; k++) {
            const struct model_transition *tr = &m->transitions[k];
            if ((dir == 0 ? tr->to : tr->from) != i)
                continue;
            const struct model_role *o = &m->roles[dir == 0 ? tr->from : tr->to];
            buf_puts(b, any ? "; " : dir == 0 ? "- Moves in: from " : "- Moves out: to ");
            put_md(b, o->name);
            buf_printf(b, ", %s, ", model_kind_name(tr->kind));
            put_years(b, &tr->years);
            any = true;
        }
        if (any)
            buf_puts(b, "\n");
    }
}

static void hover_role(struct query_ctx *q, size_t i)
{
    const struct model *m = q->model;
    const struct model_role *r = &m->roles[i];
    struct buf *b = q->out;
    put_named(b, r->name, r->id);
    buf_puts(b, ", role\n\n");
    const struct model_track *t = &m->tracks[r->track];
    buf_puts(b, "- Track: ");
    put_named(b, t->name, t->id);
    buf_puts(b, "\n- Levels: ");
    put_track_levels(b, m, r->track, r->lo, r->hi);
    if (t->level_prefix) {
        buf_puts(b, " (");
        put_levels(b, m, r->lo, r->hi);
        buf_putc(b, ')');
    }
    buf_puts(b, "\n");
    put_titles_line(b, m, r->track, r->lo, r->hi, "Titles");
    if (r->box >= 0) {
        buf_puts(b, "- Box: ");
        put_md(b, m->boxes[r->box].name);
        buf_puts(b, "\n");
    }
    hover_role_rungs(b, m, r);
    hover_role_moves(b, m, i);
    if (r->about->link) {
        buf_puts(b, "- Link: ");
        escape_md_link(b, r->about->link, r->about->link);
        buf_puts(b, "\n");
    }
    if (r->about->summary) {
        buf_puts(b, "\n");
        put_md(b, r->about->summary);
        buf_puts(b, "\n");
    }
}

static int query_role_cmp(const void *pa, const void *pb)
{
    const struct model_role *a = *(const struct model_role *const *)pa, *b = *(const struct model_role *const *)pb;
    if (a->lo != b->lo)
        return a->lo < b->lo ? -1 : 1;
    return (a > b) - (a < b);
}

static void hover_track(struct query_ctx *q, size_t i)
{
    const struct model *m = q->model;
    const struct model_track *t = &m->tracks[i];
    struct buf *b = q->out;
    put_named(b, t->name, t->id);
    buf_puts(b, ", track\n\n");
    const struct model_role **roles = arena_array(q->arena, m->nroles ? m->nroles : 1, sizeof *roles);
    size_t n = 0;
    int lo = 0, hi = 0;
    for (size_t k = 0; k < m->nroles; k++)
        if (m->roles[k].track == i) {
            const struct model_role *r = roles[n++] = &m->roles[k];
            lo = n == 1 || r->lo < lo ? r->lo : lo;
            hi = n == 1 || r->hi > hi ? r->hi : hi;
        }
    if (t->level_prefix) {
        buf_puts(b, "- Levels: ");
        put_track_levels(b, m, i, t->lo, t->hi);
        buf_puts(b, " (");
        put_levels(b, m, t->lo, t->hi);
        buf_puts(b, ")\n");
    } else if (n) {
        buf_puts(b, "- Levels: ");
        put_levels(b, m, lo, hi);
        buf_puts(b, "\n");
    }
    qsort(roles, n, sizeof *roles, query_role_cmp);
    buf_puts(b, n ? "- Roles:\n" : "- No roles\n");
    for (size_t k = 0; k < n; k++) {
        buf_puts(b, "  - ");
        put_track_levels(b, m, i, roles[k]->lo, roles[k]->hi);
        buf_puts(b, ": ");
        put_md(b, roles[k]->name);
        buf_puts(b, "\n");
    }
}

static void hover_box(struct query_ctx *q, size_t i)
{
    const struct model *m = q->model;
    const struct model_box *x = &m->boxes[i];
    struct buf *b = q->out;
    put_named(b, x->name, NULL);
    buf_puts(b, ", box\n\n- Levels: ");
    put_levels(b, m, x->lo, x->hi);
    buf_puts(b, "\n");
    bool any = false;
    for (size_t k = 0; k < m->nroles; k++)
        if (m->roles[k].box == (int)i) {
            buf_puts(b, any ? ", " : "- Roles: ");
            put_md(b, m->roles[k].name);
            any = true;
        }
    buf_puts(b, any ? "\n" : "- No roles\n");
}

static void hover_competency(struct query_ctx *q, size_t i)
{
    const struct model_competency *c = &q->model->competencies[i];
    struct buf *b = q->out;
    put_named(b, c->name, c->id);
    static const char *const axis[] = {"counts toward no axis", "hard skills (the y axis)",
                                       "soft skills (the x axis)"};
    buf_printf(b, ", competency: %s\n\n", axis[c->skill]);
    for (size_t k = 0; k < c->nrungs; k++) {
        buf_printf(b, "%zu. **", k + 1);
        put_md(b, c->rungs[k].name);
        buf_puts(b, "**");
        if (c->rungs[k].meaning) {
            buf_puts(b, ": ");
            put_md(b, c->rungs[k].meaning);
        }
        buf_puts(b, "\n");
    }
}

static void hover_company(struct query_ctx *q, size_t i)
{
    const struct model *m = q->model;
    const struct model_company *c = &m->companies[i];
    struct buf *b = q->out;
    put_named(b, c->name, c->id);
    buf_puts(b, ", company\n\n");
    for (size_t k = 0; k < c->nlines; k++) {
        const struct model_company_line *l = &c->lines[k];
        buf_puts(b, "- ");
        put_md(b, m->tracks[l->track].id);
        buf_putc(b, ' ');
        put_track_levels(b, m, l->track, l->lo, l->hi);
        buf_puts(b, ": ");
        put_md(b, l->title);
        buf_puts(b, " (");
        put_md(b, l->code);
        buf_puts(b, ")\n");
    }
}

/* "L5" or a track's own "M5" as a level of the scale; -1 when it is none. */
static int query_level_number(const struct model *m, const char *name)
{
    size_t p = 0;
    while ((name[p] >= 'A' && name[p] <= 'Z') || (name[p] >= 'a' && name[p] <= 'z'))
        p++;
    size_t digits = strspn(name + p, "0123456789");
    if (!p || digits == 0 || digits > 6 || name[p + digits] != '\0')
        return -1;
    int n = atoi(name + p);
    if (strlen(m->level_prefix) == p && memcmp(m->level_prefix, name, p) == 0)
        return n >= m->level_min && n <= m->level_max ? n : -1;
    for (size_t t = 0; t < m->ntracks; t++) {
        const struct model_track *tr = &m->tracks[t];
        if (tr->level_prefix && strlen(tr->level_prefix) == p && memcmp(tr->level_prefix, name, p) == 0 &&
            n + tr->shift >= tr->lo && n + tr->shift <= tr->hi)
            return n + tr->shift;
    }
    return -1;
}

static bool hover_level(struct query_ctx *q, const char *name)
{
    const struct model *m = q->model;
    int n = query_level_number(m, name);
    if (n < 0)
        return false;
    struct buf *b = q->out;
    buf_puts(b, "**");
    put_md(b, name);
    buf_puts(b, "**");
    size_t p = strlen(m->level_prefix);
    bool own = strncmp(name, m->level_prefix, p) != 0 || name[p] < '0' || name[p] > '9';
    if (own) {      /* a track's own name: the scale's too */
        buf_puts(b, " (");
        put_levels(b, m, n, n);
        buf_putc(b, ')');
    }
    buf_printf(b, ", level %d of %d in the scale ", n - m->level_min + 1, m->level_max - m->level_min + 1);
    put_levels(b, m, m->level_min, m->level_max);
    buf_puts(b, "\n\n");
    for (size_t k = 0; k < m->nboxes; k++)
        if (m->boxes[k].lo <= n && n <= m->boxes[k].hi) {
            buf_puts(b, "- Box: ");
            put_md(b, m->boxes[k].name);
            buf_puts(b, "\n");
        }
    bool any = false;
    for (size_t k = 0; k < m->nroles; k++)
        if (m->roles[k].lo <= n && n <= m->roles[k].hi) {
            buf_puts(b, any ? ", " : "- Roles: ");
            put_md(b, m->roles[k].name);
            any = true;
        }
    if (any)
        buf_puts(b, "\n");
    for (size_t t = 0; t < m->ntracks; t++)
        put_titles_line(b, m, t, n, n, m->tracks[t].name);
    return true;
}

/* What the index knows, when the ladder has errors: the kind, where it is
 * defined, how often it is used. */
static bool hover_from_index(struct query_ctx *q, enum index_kind kind, const char *name)
{
    const struct index_entry **found;
    size_t n = index_find(q->idx, kind, name, &found);
    if (!n)
        return false;
    struct buf *b = q->out;
    buf_puts(b, "**");
    put_md(b, name);
    buf_printf(b, "**, %s\n\n", index_kind_name(kind));
    size_t uses = 0;
    const struct index_entry *def = NULL;
    for (size_t i = 0; i < n; i++) {
        if (found[i]->is_def && !def)
            def = found[i];
        uses += !found[i]->is_def;
    }
    if (def) {
        struct source *src = source_set_find(q->set, def->loc.start);
        buf_puts(b, "- Defined in ");
        put_md(b, src ? src->name : "?");
        buf_printf(b, " at line %d\n", src ? source_line_of(src, def->loc.start) : 0);
    } else {
        buf_puts(b, "- Not defined\n");
    }
    buf_printf(b, "- Used %zu time%s\n", uses, uses == 1 ? "" : "s");
    buf_puts(b, "\n(The ladder has errors: fix them for the whole description.)\n");
    return true;
}

bool query_hover(struct query_ctx *q, enum index_kind kind, const char *name)
{
    q->out->len = 0;
    if (!q->model)
        return hover_from_index(q, kind, name);
    if (kind == INDEX_LEVEL)
        return hover_level(q, name);
    const struct index_entry *def = query_def(q, kind, name);
    if (!def)
        return false;
    switch (kind) {
    case INDEX_ROLE: hover_role(q, def->target); break;
    case INDEX_TRACK: hover_track(q, def->target); break;
    case INDEX_BOX: hover_box(q, def->target); break;
    case INDEX_COMPETENCY: hover_competency(q, def->target); break;
    case INDEX_COMPANY: hover_company(q, def->target); break;
    default: return false;
    }
    return true;
}

/* ---- completion ---- */

/* A completion list being built: only labels starting with the typed
 * prefix are kept. */
struct complete {
    struct query_ctx *q;
    const char *prefix;
    size_t plen;
    ld_completion *v;
    size_t n, cap;
};

/* Completions at most: a scale of a thousand levels offers the first ones. */
enum { COMPLETE_MAX = 1000 };

static void complete_add(struct complete *c, const char *label, ld_name_kind kind, int keyword, const char *detail)
{
    if (strncmp(label, c->prefix, c->plen) != 0 || c->n >= COMPLETE_MAX)
        return;
    if (c->n == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 32;
        ld_completion *v = arena_array(c->q->arena, cap, sizeof *v);
        if (c->n)
            memcpy(v, c->v, c->n * sizeof *v);
        c->v = v;
        c->cap = cap;
    }
    c->v[c->n++] = (ld_completion){label, kind, keyword, detail ? detail : ""};
}

static void complete_words(struct complete *c, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        complete_add(c, words[i], LD_NAME_ROLE, 1, "");
}

/* The title the model gives the kind's entity target, or "" (a ladder with
 * errors has no model). */
static const char *complete_detail(struct complete *c, enum index_kind kind, uint32_t target)
{
    const struct model *m = c->q->model;
    if (!m)
        return "";
    switch (kind) {
    case INDEX_ROLE: return target < m->nroles ? m->roles[target].name : "";
    case INDEX_TRACK: return target < m->ntracks ? m->tracks[target].name : "";
    case INDEX_COMPETENCY: return target < m->ncompetencies ? m->competencies[target].name : "";
    default: return "";
    }
}

/* Every defined name of the kind, in the order the index holds them (the
 * checker's: files as checked, each in order). */
static void complete_names(struct complete *c, enum index_kind kind)
{
    const struct index *idx = c->q->idx;
    for (size_t i = 0; i < idx->n; i++) {
        const struct index_entry *e = &idx->v[i];
        if (e->kind == kind && e->is_def && idx->defs[kind][e->target] == i)
            complete_add(c, e->name, (ld_name_kind)kind, 0, complete_detail(c, kind, e->target));
    }
}

/* The levels prefix lo..hi, as single levels, or, when the typed word has
 * "..", as the ranges from the level before it. Each one's detail is the
 * scale's level (scale_prefix, number + shift) when the names are a
 * track's own, else "". At most 10,000 numbers (the scanner's bound): each
 * written in one scratch buffer, copied only when it is kept. */
static void complete_levels(struct complete *c, const char *prefix, long lo, long hi, const char *scale_prefix,
                            long shift)
{
    const char *dots = strstr(c->prefix, "..");
    size_t p = strlen(prefix);
    long from = lo;
    if (dots) {
        if ((size_t)(dots - c->prefix) <= p || strncmp(c->prefix, prefix, p) != 0)
            return;
        from = strtol(c->prefix + p, NULL, 10);
        if (from < lo || from > hi)
            return;
    }
    size_t size = 2 * p + 48;
    char *label = arena_alloc(c->q->arena, size);
    for (long n = dots ? from + 1 : from; n <= hi && c->n < COMPLETE_MAX; n++) {
        if (dots)
            snprintf(label, size, "%s%ld..%s%ld", prefix, from, prefix, n);
        else
            snprintf(label, size, "%s%ld", prefix, n);
        if (strncmp(label, c->prefix, c->plen) != 0)
            continue;
        const char *detail = "";
        if (scale_prefix) {
            size_t dsize = strlen(scale_prefix) + 48;
            char *d = arena_alloc(c->q->arena, dsize);
            if (dots)
                snprintf(d, dsize, "%s%ld..%s%ld", scale_prefix, from + shift, scale_prefix, n + shift);
            else
                snprintf(d, dsize, "%s%ld", scale_prefix, n + shift);
            detail = d;
        }
        complete_add(c, arena_strdup(c->q->arena, label), LD_NAME_LEVEL, 0, detail);
    }
}

/* The levels a role or company line of track `track` (NULL: unknown) is
 * written in: the track's own names when it names its levels (with the
 * scale's as detail), else the scale's. */
static void complete_track_levels(struct complete *c, const char *track)
{
    struct query_ctx *q = c->q;
    const struct index_entry *t = track ? query_def(q, INDEX_TRACK, track) : NULL;
    const struct ast_stmt *st = t ? query_stmt_of(q, t, AST_TRACK) : NULL;
    if (st && st->u.track.has_levels) {
        const struct ast_levels *own = &st->u.track.own, *scale = &st->u.track.scale;
        complete_levels(c, own->lo.prefix, own->lo.number, own->hi.number, scale->lo.prefix,
                        scale->lo.number - own->lo.number);
        return;
    }
    const struct index *idx = q->idx;
    if (idx->scale_entry != INDEX_NONE)
        complete_levels(c, idx->v[idx->scale_entry].name, idx->scale_lo, idx->scale_hi, NULL, 0);
}

/* The rungs of the competency named id: numbers, with the rung's name. */
static void complete_rungs(struct complete *c, const char *id)
{
    const struct index_entry *e = query_def(c->q, INDEX_COMPETENCY, id);
    const struct ast_stmt *st = e ? query_stmt_of(c->q, e, AST_COMPETENCY) : NULL;
    if (!st)
        return;
    for (const struct ast_rung_line *r = st->u.competency.rungs; r; r = r->next)
        complete_add(c, r->number.text, LD_NAME_COMPETENCY, 0, r->name.text);
}

/* A token of the line before the cursor. */
struct tok {
    const char *p;
    size_t len;
};

static bool tok_is(const struct tok *t, const char *w) { return strlen(w) == t->len && memcmp(t->p, w, t->len) == 0; }

static bool is_word_char(unsigned char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' ||
           ch == '.' || ch >= 0x80;
}

enum { LINE_TOKS = 8 };

/* The line's tokens before the cursor (words, strings, "->", one-character
 * punctuation), at most LINE_TOKS kept; the word being typed is the
 * prefix. False when the cursor is inside a string or a comment. */
static bool tokenize(const char *p, const char *end, struct tok *toks, size_t *ntoks, struct tok *prefix)
{
    size_t n = 0;
    prefix->p = end;
    prefix->len = 0;
    while (p < end) {
        const char *s = p;
        if (*p == ' ' || *p == '\t' || *p == '\r') {
            p++;
            continue;
        }
        if (*p == '#')
            return false;
        if (*p == '"') {
            for (p++; p < end && *p != '"'; p++)
                if (*p == '\\' && p + 1 < end)
                    p++;
            if (p >= end)
                return false;
            p++;
        } else if (*p == '-' && p + 1 < end && p[1] == '>') {
            p += 2;
        } else if (is_word_char((unsigned char)*p)) {
            while (p < end && is_word_char((unsigned char)*p))
                p++;
            if (p == end) {
                prefix->p = s;
                prefix->len = (size_t)(p - s);
                break;
            }
        } else {
            p++;
        }
        if (n < LINE_TOKS)
            toks[n] = (struct tok){s, (size_t)(p - s)};
        n++;
    }
    *ntoks = n;
    return true;
}

/* The block the offset is in: the first word of the statement that opened
 * it ("role", "company", "competency"), or none. One pass over the file up
 * to the offset, skipping strings and comments. */
static struct tok enclosing_block(const char *text, size_t upto)
{
    struct tok stmt = {text, 0}, opened = {text, 0};
    int depth = 0;
    bool line_start = true;
    for (size_t i = 0; i < upto; i++) {
        char ch = text[i];
        if (ch == '\n') {
            line_start = true;
            continue;
        }
        if (ch == ' ' || ch == '\t' || ch == '\r')
            continue;
        if (line_start && depth == 0 && is_word_char((unsigned char)ch)) {
            size_t j = i;
            while (j < upto && is_word_char((unsigned char)text[j]))
                j++;
            stmt = (struct tok){text + i, j - i};
        }
        line_start = false;
        if (ch == '#') {
            while (i + 1 < upto && text[i + 1] != '\n')
                i++;
        } else if (ch == '"') {
            for (i++; i < upto && text[i] != '"' && text[i] != '\n'; i++)
                if (text[i] == '\\')
                    i++;
            if (i < upto && text[i] == '\n')
                line_start = true;
        } else if (ch == '{') {
            if (depth++ == 0)
                opened = stmt;
        } else if (ch == '}' && depth > 0) {
            depth--;
        }
    }
    return depth ? opened : (struct tok){text, 0};
}

static const char *const statement_words[] = {"import", "ladder", "axis", "levels", "track", "box", "years",
                                               "layout", "competency", "role", "company"};
static const char *const move_kinds[] = {"promotion", "lateral", "downward"};
static const char *const skills[] = {"hard", "soft"};
static const char *const layouts[] = {"exact", "relative"};
static const char *const role_keys[] = {"summary", "link"};

static char *tok_dup(struct complete *c, const struct tok *t) { return arena_strndup(c->q->arena, t->p, t->len); }

/* Inside a role's block: competencies (and its other line words) first,
 * then the rungs of the competency written. */
static void complete_in_role(struct complete *c, const struct tok *toks, size_t n)
{
    if (n == 0) {
        complete_names(c, INDEX_COMPETENCY);
        complete_words(c, role_keys, 2);
    } else if (n == 1) {
        complete_rungs(c, tok_dup(c, &toks[0]));
    }
}

/* A role line: the track after `track`, the levels after `level`. */
static void complete_role_line(struct complete *c, const struct tok *toks, size_t n)
{
    const struct tok *last = &toks[n - 1];
    if (tok_is(last, "track")) {
        complete_names(c, INDEX_TRACK);
    } else if (tok_is(last, "level")) {
        const char *track = NULL;
        for (size_t i = 0; i + 1 < n; i++)
            if (tok_is(&toks[i], "track"))
                track = tok_dup(c, &toks[i + 1]);
        complete_track_levels(c, track);
    }
}

static void complete_top(struct complete *c, const struct tok *toks, size_t n)
{
    if (n == 0) {
        complete_words(c, statement_words, sizeof statement_words / sizeof *statement_words);
        complete_names(c, INDEX_ROLE);      /* a transition starts with a role */
        return;
    }
    const struct tok *first = &toks[0];
    if (n > LINE_TOKS)
        return;
    if (tok_is(first, "role"))
        complete_role_line(c, toks, n);
    else if (n == 2 && tok_is(&toks[1], "->"))
        complete_names(c, INDEX_ROLE);
    else if (n == 3 && tok_is(&toks[1], "->"))
        complete_words(c, move_kinds, 3);
    else if (n == 1 && tok_is(first, "years"))
        complete_words(c, move_kinds, 3);
    else if (n == 1 && tok_is(first, "layout"))
        complete_words(c, layouts, 2);
    else if (n == 3 && tok_is(first, "competency") && toks[2].p[0] == '"')
        complete_words(c, skills, 2);
    else if (n == 2 && tok_is(first, "box") && toks[1].p[0] == '"')
        complete_track_levels(c, NULL);
}

size_t query_complete(struct query_ctx *q, struct source *src, uint32_t off, ld_completion **out)
{
    size_t at = off - src->base;
    size_t line_start = at;
    while (line_start > 0 && src->text[line_start - 1] != '\n')
        line_start--;
    if (line_start == 0 && src->len >= 3 && memcmp(src->text, "\xEF\xBB\xBF", 3) == 0 && at >= 3)
        line_start = 3;     /* a byte-order mark is no part of the first line (source_line) */
    struct tok toks[LINE_TOKS], prefix;
    size_t n;
    struct complete c = {.q = q, .prefix = ""};
    *out = NULL;
    if (!tokenize(src->text + line_start, src->text + at, toks, &n, &prefix))
        return 0;
    c.prefix = arena_strndup(q->arena, prefix.p, prefix.len);
    c.plen = prefix.len;
    struct tok block = enclosing_block(src->text, line_start);
    if (tok_is(&block, "role"))
        complete_in_role(&c, toks, n);
    else if (tok_is(&block, "company")) {
        if (n == 0)
            complete_names(&c, INDEX_TRACK);
        else if (n == 1)
            complete_track_levels(&c, tok_dup(&c, &toks[0]));
    } else if (!block.len) {
        complete_top(&c, toks, n);
    }
    *out = c.v;
    return c.n;
}

/* ---- outline ---- */

struct outline {
    struct query_ctx *q;
    struct source *src;
    ld_symbol *v;
    size_t n, cap;
};

static void outline_span(struct source *src, struct loc loc, int *line, int *col, int *end_line, int *end_col)
{
    struct source_pos a, b;
    source_span(src, loc, &a, &b);
    *line = a.line;
    *col = a.column;
    *end_line = b.line;
    *end_col = b.column;
}

static size_t outline_add(struct outline *o, ld_name_kind kind, const struct ast_text *id, const struct ast_text *name,
                          struct loc whole, const char *detail)
{
    if (o->n == o->cap) {
        size_t cap = o->cap ? 2 * o->cap : 32;
        ld_symbol *v = arena_array(o->q->arena, cap, sizeof *v);
        if (o->n)
            memcpy(v, o->v, o->n * sizeof *v);
        o->v = v;
        o->cap = cap;
    }
    ld_symbol *s = &o->v[o->n];
    memset(s, 0, sizeof *s);
    s->kind = kind;
    s->id = id->text;
    s->name = name && name->text && name->text[0] ? name->text : id->text;
    s->parent = (size_t)-1;
    s->detail = detail ? detail : "";
    outline_span(o->src, whole, &s->line, &s->column, &s->end_line, &s->end_column);
    outline_span(o->src, id->loc, &s->name_line, &s->name_column, &s->name_end_line, &s->name_end_column);
    return o->n++;
}

/* "L5" or "L6..L7" as written. */
static void put_ast_levels(struct buf *b, const struct ast_levels *l)
{
    buf_printf(b, "%s%ld", l->lo.prefix, l->lo.number);
    if (l->is_range)
        buf_printf(b, "..%s%ld", l->hi.prefix, l->hi.number);
}

/* The statement's detail: its levels, its track. */
static const char *outline_detail(struct outline *o, const struct ast_stmt *st)
{
    struct buf b;
    buf_init(&b, o->q->out->heap);
    switch (st->kind) {
    case AST_ROLE:
        put_ast_levels(&b, &st->u.role.levels);
        buf_printf(&b, ", %s", st->u.role.track.text ? st->u.role.track.text : "");
        break;
    case AST_TRACK:
        if (st->u.track.has_levels)
            put_ast_levels(&b, &st->u.track.own);
        break;
    case AST_BOX:
        put_ast_levels(&b, &st->u.box.levels);
        break;
    case AST_COMPETENCY:
        if (st->u.competency.has_skill)
            buf_puts(&b, st->u.competency.skill.text);
        break;
    case AST_COMPANY:
        buf_printf(&b, "%zu line%s", st->u.company.nlines, st->u.company.nlines == 1 ? "" : "s");
        break;
    default:
        break;
    }
    char *s = arena_strndup(o->q->arena, b.data ? b.data : "", b.len);
    buf_free(&b);
    return s;
}

static void outline_competency(struct outline *o, const struct ast_stmt *st)
{
    size_t parent = outline_add(o, LD_NAME_COMPETENCY, &st->u.competency.id, &st->u.competency.name, st->loc,
                                outline_detail(o, st));
    for (const struct ast_rung_line *r = st->u.competency.rungs; r; r = r->next) {
        struct ast_text number = {r->number.text, r->number.loc};
        size_t k = outline_add(o, LD_NAME_COMPETENCY, &number, &r->name, r->loc, r->has_meaning ? r->meaning.text : "");
        o->v[k].rung = (int)r->number.value;
        o->v[k].parent = parent;
    }
}

size_t query_outline(struct query_ctx *q, struct source *src, const struct ast_file *ast, ld_symbol **out)
{
    struct outline o = {.q = q, .src = src};
    for (const struct ast_stmt *st = ast ? ast->first : NULL; st; st = st->next) {
        switch (st->kind) {
        case AST_TRACK:
            outline_add(&o, LD_NAME_TRACK, &st->u.track.id, &st->u.track.name, st->loc, outline_detail(&o, st));
            break;
        case AST_BOX:
            outline_add(&o, LD_NAME_BOX, &st->u.box.name, NULL, st->loc, outline_detail(&o, st));
            break;
        case AST_ROLE:
            outline_add(&o, LD_NAME_ROLE, &st->u.role.id, &st->u.role.name, st->loc, outline_detail(&o, st));
            break;
        case AST_COMPANY:
            outline_add(&o, LD_NAME_COMPANY, &st->u.company.id, &st->u.company.name, st->loc,
                        outline_detail(&o, st));
            break;
        case AST_COMPETENCY:
            outline_competency(&o, st);
            break;
        default:
            break;
        }
    }
    *out = o.v;
    return o.n;
}

/* ---- the name at a position ---- */

static bool is_level_char(char ch)
{
    return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
}

const char *query_level_at(struct query_ctx *q, struct source *src, const struct index_entry *e, uint32_t off)
{
    size_t lo = e->loc.start - src->base, hi = e->loc.end - src->base, at = off - src->base;
    size_t a = at, b = at;
    while (a > lo && is_level_char(src->text[a - 1]))
        a--;
    while (b < hi && is_level_char(src->text[b]))
        b++;
    if (a == b) {   /* on the ".." of a range: its first level */
        a = b = lo;
        while (b < hi && is_level_char(src->text[b]))
            b++;
    }
    return arena_strndup(q->arena, src->text + a, b - a);
}
