/* check_rungs.c - the warnings about competencies, over the finished model.
 *
 * Each rule walks rungs, never pairs of roles: a promotion compares its two
 * roles' rungs by walking their sorted expect[] lists together (at most
 * MODEL_COMPETENCIES_MAX each); the order within a track is one sweep per
 * track over its roles sorted by level; copied texts are found by hashing.
 * So a ladder of a million roles costs a sort of its roles and a pass over
 * its rungs, whatever it holds. */
#include "check_rungs.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap.h"
#include "symtab.h"

struct rungs {
    const struct model *m;
    const bool *judged;
    bool complete;
    struct diag_sink *diag;
    struct heap *heap;
    bool *lowered_into;     /* role i is the target of a promotion that W191 warns about */
};

/* ---- helpers ---- */

static const struct model_competency *competency_of(const struct rungs *g, const struct model_expect *e)
{
    return &g->m->competencies[e->competency];
}

static const char *rung_name(const struct rungs *g, const struct model_expect *e)
{
    return competency_of(g, e)->rungs[e->rung - 1].name;
}

/* A list of up to three names in a message: "'a'", "'a' and 'b'", "'a',
 * 'b' and 'c'", "'a', 'b', 'c' and 4 more". Each name is an argument of its
 * own, so each is quoted and cut (DIAG_QUOTE_MAX) alone, never the list;
 * the joints between them, ours, are arguments too. Use with LIST_FMT and
 * LIST_ARGS, the message's opening quote before LIST_FMT. */
struct name_list {
    const char *name[3];
    const char *joint[3];
    size_t n, more;
    char tail[48];
};

#define LIST_FMT "%s%s%s%s%s%s"
#define LIST_ARGS(l) (l).name[0], (l).joint[0], (l).name[1], (l).joint[1], (l).name[2], (l).joint[2]

static void list_add(struct name_list *l, const char *name)
{
    if (l->n < 3)
        l->name[l->n++] = name;
    else
        l->more++;
}

/* Sets the joints once every name was added (n >= 1). */
static void list_close(struct name_list *l)
{
    for (size_t i = l->n; i < 3; i++) {
        l->name[i] = "";
        l->joint[i] = "";
    }
    if (l->more)
        snprintf(l->tail, sizeof l->tail, "' and %zu more", l->more);
    else
        snprintf(l->tail, sizeof l->tail, "'");
    for (size_t i = 0; i + 1 < l->n; i++)
        l->joint[i] = i + 2 == l->n && !l->more ? "' and '" : "', '";
    l->joint[l->n - 1] = l->tail;
}

/* Whether the command line silenced the warning code: a rule that gives
 * way to another (W193 to W191) does not when the other is not shown. */
static bool silenced(const struct diag_sink *diag, const char *code)
{
    for (size_t i = 0; i < diag->opt->ndisabled; i++)
        if (strcmp(diag->opt->disabled[i], code) == 0)
            return true;
    return false;
}

/* Where a role's soft rungs put it on the soft-skills scale, in 0..1: the
 * score that places a role without 'at' on x (model_skill_score). */
static bool soft_score(const struct model *m, const struct model_role *r, double *out)
{
    return model_skill_score(m, r, SKILL_SOFT, out);
}

bool check_rungs_both_soft(const struct model *m, const struct model_role *a, const struct model_role *b)
{
    double unused;
    return soft_score(m, a, &unused) && soft_score(m, b, &unused);
}

/* ---- W190: roles that miss competencies ---- */

/* The competencies r sets no rung on, the first three by name: a walk of
 * its sorted rungs beside the competencies, stopped at the third. */
static void list_missing(const struct rungs *g, const struct model_role *r, struct name_list *l)
{
    size_t i = 0;
    for (size_t k = 0; k < g->m->ncompetencies && l->n < 3; k++) {
        if (i < r->about->nexpect && r->about->expect[i].competency == k)
            i++;
        else
            list_add(l, g->m->competencies[k].id);
    }
    l->more = g->m->ncompetencies - r->about->nexpect - l->n;
    list_close(l);
}

static void report_some_missing(struct rungs *g, const struct model_role *r)
{
    struct name_list l = {0};
    list_missing(g, r, &l);
    if (l.n == 1 && !l.more)
        diag_warning(g->diag, "W190", r->loc, "role '%s' sets no rung on competency '%s': once roles set rungs, "
                     "each role should set every competency; add a line '%s N' to its block", r->id, l.name[0],
                     l.name[0]);
    else
        diag_warning(g->diag, "W190", r->loc, "role '%s' sets no rung on competencies '" LIST_FMT ": once roles "
                     "set rungs, each role should set every competency; add a line 'ID N' for each of them to its "
                     "block",
                     r->id, LIST_ARGS(l));
}

/* Roles with no rungs at all are one warning, not one each: a ladder of a
 * thousand roles that adopts competencies a few roles at a time would
 * otherwise bury everything else under the same advice. */
static void report_none_set(struct rungs *g, struct name_list *none, const struct model_role *first_none,
                            const struct model_role *first_set, size_t nset)
{
    list_close(none);
    struct diag *d;
    if (none->n == 1)
        d = diag_warning(g->diag, "W190", first_none->loc, "role '%s' sets no rungs, while %zu role%s: once "
                         "roles set rungs, each role should set every competency; give it a block with a line "
                         "'ID N' per competency", first_none->id, nset, nset == 1 ? " does" : "s do");
    else
        d = diag_warning(g->diag, "W190", first_none->loc, "roles '" LIST_FMT " set no rungs, while %zu role%s: "
                         "once roles set rungs, each role should set every competency; give each a block with a "
                         "line 'ID N' per competency", LIST_ARGS(*none), nset, nset == 1 ? " does" : "s do");
    diag_note(g->diag, d, first_set->loc, "'%s' sets rungs", first_set->id);
}

static void check_missing(struct rungs *g)
{
    const struct model *m = g->m;
    const struct model_role *first_set = NULL, *first_none = NULL;
    size_t nset = 0;
    for (size_t i = 0; i < m->nroles; i++)
        if (m->roles[i].about->nexpect && nset++ == 0)
            first_set = &m->roles[i];
    if (!nset)
        return;     /* no role sets rungs: the ladder has not adopted its competencies */
    struct name_list none = {0};
    for (size_t i = 0; i < m->nroles; i++) {
        const struct model_role *r = &m->roles[i];
        if (!g->judged[i])
            continue;
        if (!r->about->nexpect) {
            if (!first_none)
                first_none = r;
            list_add(&none, r->id);
        } else if (r->about->nexpect < m->ncompetencies) {
            report_some_missing(g, r);
        }
    }
    if (first_none)
        report_none_set(g, &none, first_none, first_set, nset);
}

/* ---- W191, W170, W192: what a promotion asks for ---- */

struct promotion_rungs {
    size_t shared, raised, lowered;
    const struct model_expect *lowered_from, *lowered_to;   /* the first competency lowered */
};

/* The two roles' rungs walked together, both sorted by competency. */
static void compare_rungs(const struct model_role *a, const struct model_role *b, struct promotion_rungs *p)
{
    size_t i = 0, j = 0;
    while (i < a->about->nexpect && j < b->about->nexpect) {
        const struct model_expect *ea = &a->about->expect[i], *eb = &b->about->expect[j];
        if (ea->competency < eb->competency) {
            i++;
            continue;
        }
        if (eb->competency < ea->competency) {
            j++;
            continue;
        }
        p->shared++;
        if (eb->rung > ea->rung)
            p->raised++;
        else if (eb->rung < ea->rung && p->lowered++ == 0) {
            p->lowered_from = ea;
            p->lowered_to = eb;
        }
        i++;
        j++;
    }
}

static void report_lowered(struct rungs *g, const struct model_transition *t, const struct promotion_rungs *p)
{
    const struct model_role *a = &g->m->roles[t->from], *b = &g->m->roles[t->to];
    const struct model_expect *ea = p->lowered_from, *eb = p->lowered_to;
    char more[48] = "";
    if (p->lowered > 1)
        snprintf(more, sizeof more, " and %zu more", p->lowered - 1);
    struct diag *d = diag_warning(g->diag, "W191", t->loc, "promotion from '%s' (%s) to '%s' lowers %s from %d (%s) "
                                  "to %d (%s)%s: a promotion keeps or raises every rung; raise the rung of '%s' or "
                                  "lower that of '%s'", a->id, a->name, b->id, competency_of(g, ea)->name, ea->rung,
                                  rung_name(g, ea), eb->rung, rung_name(g, eb), more, b->id, a->id);
    diag_note(g->diag, d, eb->loc, "'%s' sets '%s' to %d here", b->id, competency_of(g, eb)->id, eb->rung);
}

/* W170 with rungs: the soft scores, shown on the x axis's scale as a
 * derived position would be. */
static bool report_fewer_soft(struct rungs *g, const struct model_transition *t)
{
    const struct model *m = g->m;
    const struct model_role *a = &m->roles[t->from], *b = &m->roles[t->to];
    double sa, sb;
    if (!soft_score(m, a, &sa) || !soft_score(m, b, &sb) || sb >= sa)
        return false;
    const struct model_axis *ax = &m->axis[0];
    double xa = ax->min + (ax->max - ax->min) * sa, xb = ax->min + (ax->max - ax->min) * sb;
    diag_warning(g->diag, "W170", t->loc, "promotion from '%s' to '%s' needs fewer soft skills (score %g to %g "
                 "from their soft rungs): career progression requires growth in soft skills; raise a soft rung "
                 "of '%s'", a->id, b->id, xa, xb, b->id);
    return true;
}

static void report_no_raise(struct rungs *g, const struct model_transition *t, size_t shared)
{
    const struct model_role *a = &g->m->roles[t->from], *b = &g->m->roles[t->to];
    diag_warning(g->diag, "W192", t->loc, "promotion from '%s' (%s) to '%s' raises no competency (%zu set by both, "
                 "each at the same rung): a promotion asks for more; raise at least one rung of '%s'", a->id,
                 a->name, b->id, shared, b->id);
}

/* One warning per promotion, the most specific: a rung lowered (W191),
 * else fewer soft skills (W170), else nothing raised (W192). A promotion
 * that does not go up is E130's, and is skipped. */
static void check_promotion(struct rungs *g, const struct model_transition *t)
{
    const struct model_role *a = &g->m->roles[t->from], *b = &g->m->roles[t->to];
    if (t->kind != KIND_PROMOTION || !g->judged[t->from] || !g->judged[t->to] || !(b->lo > a->lo && b->hi > a->hi))
        return;
    struct promotion_rungs p = {0};
    compare_rungs(a, b, &p);
    if (p.lowered) {
        report_lowered(g, t, &p);
        g->lowered_into[t->to] = !silenced(g->diag, "W191");
        return;
    }
    if (!g->complete || report_fewer_soft(g, t))
        return;
    if (p.shared && !p.raised)
        report_no_raise(g, t, p.shared);
}

/* ---- W193: rungs against levels within a track ---- */

struct level_ref {
    size_t track;
    int level;          /* lo or hi, as sorted */
    size_t role;
};

static int level_ref_cmp(const void *pa, const void *pb)
{
    const struct level_ref *a = pa, *b = pb;
    if (a->track != b->track)
        return (a->track > b->track) - (a->track < b->track);
    if (a->level != b->level)
        return (a->level > b->level) - (a->level < b->level);
    return (a->role > b->role) - (a->role < b->role);
}

/* The highest rung on each competency among the track's roles met so far
 * (those wholly below the role being checked); an entry counts only when
 * its stamp is the current track's, so no clearing per track. */
struct best_rung {
    size_t stamp;
    int rung;
    size_t role;
    const struct model_expect *e;
};

struct below {                  /* what W193 found for one role */
    size_t count;
    const struct model_expect *mine, *theirs;
    size_t other;
};

static void best_add(struct best_rung *best, size_t stamp, const struct model_role *r, size_t role)
{
    for (size_t i = 0; i < r->about->nexpect; i++) {
        const struct model_expect *e = &r->about->expect[i];
        struct best_rung *b = &best[e->competency];
        if (b->stamp != stamp || e->rung > b->rung)
            *b = (struct best_rung){stamp, e->rung, role, e};
    }
}

static void best_compare(const struct best_rung *best, size_t stamp, const struct model_role *r, struct below *out)
{
    for (size_t i = 0; i < r->about->nexpect; i++) {
        const struct model_expect *e = &r->about->expect[i];
        const struct best_rung *b = &best[e->competency];
        if (b->stamp != stamp || b->rung <= e->rung)
            continue;
        if (out->count++ == 0)
            *out = (struct below){1, e, b->e, b->role};
    }
}

static void report_below(struct rungs *g, size_t role, const struct below *w)
{
    const struct model *m = g->m;
    const struct model_role *r = &m->roles[role], *o = &m->roles[w->other];
    char lr[64], lo[64], more[48] = "";
    model_track_levels_text(m, r->track, r->lo, r->hi, lr, sizeof lr);
    model_track_levels_text(m, o->track, o->lo, o->hi, lo, sizeof lo);
    if (w->count > 1)
        snprintf(more, sizeof more, " and %zu more", w->count - 1);
    struct diag *d = diag_warning(g->diag, "W193", r->loc, "role '%s' (%s) expects less than '%s' (%s), a lower "
                                  "level of track '%s': %s %d (%s) against %d (%s)%s; rungs should not go down as "
                                  "levels go up: raise the rung of '%s' or lower that of '%s'", r->id, lr, o->id, lo,
                                  m->tracks[r->track].id, competency_of(g, w->mine)->name, w->mine->rung,
                                  rung_name(g, w->mine), w->theirs->rung, rung_name(g, w->theirs), more, r->id,
                                  o->id);
    diag_note(g->diag, d, w->theirs->loc, "'%s' sets '%s' to %d here", o->id, competency_of(g, w->theirs)->id,
              w->theirs->rung);
}

/* One sweep per track: its roles by lowest level; before each, the roles
 * whose highest level is below it (the second order, by highest level)
 * join the best rungs; then the role is compared with them. A role is
 * reported once, on its first competency (they are walked in order), and
 * not when a promotion into it was already warned about (W191): that
 * warning names the same mistake. */
static void sweep_tracks(struct rungs *g, const struct level_ref *by_lo, const struct level_ref *by_hi, size_t n)
{
    const struct model *m = g->m;
    struct best_rung *best = heap_calloc(g->heap, m->ncompetencies ? m->ncompetencies : 1, sizeof *best);
    size_t j = 0, stamp = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || by_lo[i].track != by_lo[i - 1].track)
            stamp++;
        while (j < n && by_hi[j].track < by_lo[i].track)
            j++;
        for (; j < n && by_hi[j].track == by_lo[i].track && by_hi[j].level < by_lo[i].level; j++)
            best_add(best, stamp, &m->roles[by_hi[j].role], by_hi[j].role);
        struct below w = {0};
        best_compare(best, stamp, &m->roles[by_lo[i].role], &w);
        if (w.count && !g->lowered_into[by_lo[i].role])
            report_below(g, by_lo[i].role, &w);
    }
    heap_free(g->heap, best);
}

static void check_track_order(struct rungs *g)
{
    const struct model *m = g->m;
    struct level_ref *by_lo = heap_calloc(g->heap, m->nroles ? m->nroles : 1, sizeof *by_lo);
    struct level_ref *by_hi = heap_calloc(g->heap, m->nroles ? m->nroles : 1, sizeof *by_hi);
    size_t n = 0;
    for (size_t i = 0; i < m->nroles; i++) {
        const struct model_role *r = &m->roles[i];
        if (!g->judged[i] || !r->about->nexpect)
            continue;
        by_lo[n] = (struct level_ref){r->track, r->lo, i};
        by_hi[n++] = (struct level_ref){r->track, r->hi, i};
    }
    qsort(by_lo, n, sizeof *by_lo, level_ref_cmp);
    qsort(by_hi, n, sizeof *by_hi, level_ref_cmp);
    sweep_tracks(g, by_lo, by_hi, n);
    heap_free(g->heap, by_lo);
    heap_free(g->heap, by_hi);
}

/* ---- W194: one role's text copied to another ---- */

struct text_slot {
    uint64_t hash;
    const struct model_expect *e;   /* NULL: empty */
    size_t role;
};

struct text_table {
    struct text_slot *slots;
    size_t mask;
    int shift;
    struct symtab keyed;            /* only for its random key: hash of the texts */
    uint64_t mul;                   /* odd, random: mixes the competency in */
};

/* Keyed like the checker's other tables (symtab.h): the file chooses its
 * texts, and an unkeyed hash would let it choose thousands in one slot. */
static uint64_t text_hash(const struct text_table *t, const struct model_expect *e)
{
    return symtab_hash_bytes(&t->keyed, e->text, strlen(e->text)) + (uint64_t)e->competency * t->mul;
}

static void text_table_init(struct text_table *t, struct heap *heap, size_t n)
{
    size_t cap = 16;
    t->shift = 60;
    while (cap < 2 * n) {
        cap *= 2;
        t->shift--;
    }
    t->slots = heap_calloc(heap, cap, sizeof *t->slots);
    t->mask = cap - 1;
    symtab_init(&t->keyed, heap);
    uint64_t seed = 1;
    t->mul = symtab_hash_bytes(&t->keyed, &seed, sizeof seed) | 1;
}

/* The slot of the first role with e's text on e's competency, after
 * recording (e, role) there when it is the first. */
static const struct text_slot *text_seen(struct text_table *t, const struct model_expect *e, size_t role)
{
    uint64_t h = text_hash(t, e);
    for (size_t i = (size_t)(h >> t->shift);; i = (i + 1) & t->mask) {
        struct text_slot *s = &t->slots[i];
        if (!s->e) {
            *s = (struct text_slot){h, e, role};
            return s;
        }
        if (s->hash == h && s->e->competency == e->competency && strcmp(s->e->text, e->text) == 0)
            return s;
    }
}

static void report_copied(struct rungs *g, size_t role, const struct model_expect *e, const struct text_slot *first)
{
    const struct model_role *r = &g->m->roles[role], *o = &g->m->roles[first->role];
    const char *k = competency_of(g, e)->id;
    struct diag *d = diag_warning(g->diag, "W194", e->loc, "role '%s' repeats the text of role '%s' on '%s' (\"%s\"): "
                                  "a role's own text says what that role does; rewrite it for '%s', or drop it and "
                                  "let the rung's meaning speak", r->id, o->id, k, e->text, r->id);
    diag_note(g->diag, d, first->e->loc, "'%s' says it here", o->id);
}

static void check_copied_texts(struct rungs *g)
{
    const struct model *m = g->m;
    size_t n = 0;
    for (size_t i = 0; i < m->nroles; i++)
        for (size_t j = 0; g->judged[i] && j < m->roles[i].about->nexpect; j++)
            n += m->roles[i].about->expect[j].text != NULL;
    if (!n)
        return;
    struct text_table t;
    text_table_init(&t, g->heap, n);
    for (size_t i = 0; i < m->nroles; i++)
        for (size_t j = 0; g->judged[i] && j < m->roles[i].about->nexpect; j++) {
            const struct model_expect *e = &m->roles[i].about->expect[j];
            if (!e->text)
                continue;
            const struct text_slot *first = text_seen(&t, e, i);
            if (first->e != e)
                report_copied(g, i, e, first);
        }
    symtab_free(&t.keyed);
    heap_free(g->heap, t.slots);
}

/* ---- the entry point ---- */

void check_rungs(const struct model *m, const bool *judged, bool complete, struct diag_sink *diag,
                 struct heap *heap)
{
    if (!m->ncompetencies)
        return;     /* no competency: no rung anywhere, and nothing to ask of a role */
    struct rungs g = {m, judged, complete, diag, heap, NULL};
    g.lowered_into = heap_calloc(heap, m->nroles ? m->nroles : 1, sizeof *g.lowered_into);
    if (complete)
        check_missing(&g);
    for (size_t i = 0; i < m->ntransitions; i++)
        check_promotion(&g, &m->transitions[i]);
    check_track_order(&g);
    check_copied_texts(&g);
    heap_free(heap, g.lowered_into);
}
