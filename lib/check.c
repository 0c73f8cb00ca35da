/* check.c - the semantic rules, one function per rule family.
 *
 * Pass 1 (declare) records the singleton statements and every definition, so
 * that a reference may come before its definition. Pass 2 (resolve) checks
 * each statement's references and values in source order. Pass 3 (relate)
 * checks rules between statements: overlapping boxes, company lines. A thing
 * that failed a check is marked invalid and later rules skip it, so one
 * mistake gives one diagnostic. */
#include "check.h"
#include "check_rungs.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "heap.h"
#include "index.h"
#include "layout.h"
#include "suggest.h"
#include "symtab.h"
#include "util.h"

/* "did you mean" compares a name with every candidate: at most this many
 * suggestions per file, and at most this many candidates compared in all,
 * so that a million-role file with thousands of undefined names spends a
 * few milliseconds on them, not seconds (4 names there; 100 below 40,000). */
enum { SUGGESTION_BUDGET = 100, SUGGESTION_WORK = 1 << 22 };

struct role_info {                  /* per role of the model */
    const struct ast_stmt *stmt;
    bool levels_ok;
    bool track_ok;                  /* its track is defined: model_role.track is its index */
    bool rungs_ok;                  /* its track resolved and its block was right: check_rungs may compare it */
};

struct track_info {                 /* per track of the model */
    const struct ast_stmt *stmt;
    bool names_ok;                  /* its own level names, if any, are valid: its levels can be resolved */
};

/* A competency whose declaration is wrong: the roles' rungs on it are not
 * judged against what may not be what the author meant (one mistake, one
 * diagnostic). */
struct competency_info {
    bool rungs_ok;                  /* numbered 1..N, at least one, declared once (E182, E107) */
    bool kind_ok;                   /* 'hard', 'soft' or nothing (E183): it places roles as meant */
};

struct box_info {
    const struct ast_stmt *stmt;
    bool levels_ok;
};

struct undefined_name {            /* an undefined role or track, and its uses */
    const char *what;
    struct ast_text name;           /* the first use */
    struct loc second;              /* the second use, if any */
    size_t uses;
    size_t ncandidates;             /* the names it may be a misspelling of */
    const char *(*get)(const void *, size_t);
};

struct checker {
    struct arena *arena;
    struct diag_sink *diag;
    struct ast_file *const *files;  /* checked as one ladder, in this order */
    size_t nfiles, cur;             /* cur: the file being walked */
    size_t count[AST_KIND_COUNT];   /* statements of each kind, in all files */
    size_t syntax_errors;           /* in all files */
    struct model *m;
    struct index *idx;              /* NULL: nobody asked for one */

    const struct ast_stmt *ladder, *levels, *layout, *axis[2], *years[KIND_COUNT];
    size_t ladder_file, levels_file, layout_file, axis_file[2], years_file[KIND_COUNT];  /* where each was met */
    bool scale_ok;                  /* a valid levels statement exists */
    bool axis_ok[2];                /* positions are checkable against this axis */
    bool boxes_ok;                  /* every box is valid: role fit can be judged */
    bool missing_scale_reported;

    struct symtab roles, tracks, companies, boxes, competencies;
    struct symtab track_prefixes;   /* a track's own level prefix -> its first track */
    struct symtab broken;           /* ids whose definition line has a syntax error */
    struct symtab undefined_roles, undefined_tracks, undefined_competencies;   /* name -> index in undefined */
    struct undefined_name *undefined;
    size_t nundefined, undefined_cap;
    struct pair_slot { uint64_t key; const struct ast_stmt *stmt; } *pairs;   /* transitions seen: (from, to) + 1 */
    size_t pairs_mask;
    int pairs_shift;                /* 64 - log2(number of slots) */
    uint64_t mul[3];                /* random odd multipliers: pair and position hashes */
    struct role_info *role_info;
    struct box_info *box_info;
    struct track_info *track_info;
    const struct ast_stmt **company_stmt, **competency_stmt;
    struct competency_info *competency_info;    /* per competency of the model */
    struct symtab capped_competencies;  /* ids past the E188 cap: not undefined, not checked */
    long *box_of_level;             /* level - level_min -> box index, -1 none */
    int suggestions_left;
    size_t suggestion_work_left;    /* candidates that may still be compared */
    size_t next_role;               /* check pass: the next role of role_info to meet */
    struct deferred_move { const struct ast_stmt *stmt; size_t from, to; } *deferred;  /* before their roles */
    size_t ndeferred, deferred_cap;
    size_t *track_last, *track_stamp, track_stamp_now;  /* check_company_order's scratch */
};

/* ---- helpers ---- */

/* The fix of diagnostic d (what its "did you mean" says, for an editor's
 * quick fix: ld_diagnostic_fix), formatted; nothing when d was dropped. */
static void check_fixf(struct checker *c, struct diag *d, const char *fmt, ...)
{
    if (!d)
        return;
    char text[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    if (n > 0 && (size_t)n < sizeof text)   /* a longer one is no quick fix */
        diag_fix(c->diag, d, text);
}

static char *levels_text(const struct checker *c, int lo, int hi, char *out, size_t n)
{
    return model_levels_text(c->m, lo, hi, out, n);
}

/* A role's levels in its track's names: "M5"; in the scale's when its
 * track is undefined (E110: its levels were read in the scale's names, and
 * its track index is no track's). r is one of the model's roles. */
static char *role_levels_text(const struct checker *c, const struct model_role *r, char *out, size_t n)
{
    if (!c->role_info[r - c->m->roles].track_ok)
        return levels_text(c, r->lo, r->hi, out, n);
    return model_track_levels_text(c->m, r->track, r->lo, r->hi, out, n);
}

/* "did you mean", within the budgets: a name whose candidates the work left
 * cannot all cover gets no suggestion (a partial scan could suggest a worse
 * name than the one it did not reach). */
static const char *suggest(struct checker *c, const char *name, size_t n,
                           const char *(*get)(const void *, size_t))
{
    if (c->suggestions_left <= 0 || n > c->suggestion_work_left)
        return NULL;
    c->suggestions_left--;
    c->suggestion_work_left -= n;
    return suggest_closest(name, n, get, c->m);
}

static const char *role_id_at(const void *m, size_t i) { return ((const struct model *)m)->roles[i].id; }
static const char *track_id_at(const void *m, size_t i) { return ((const struct model *)m)->tracks[i].id; }
static const char *competency_id_at(const void *m, size_t i) { return ((const struct model *)m)->competencies[i].id; }

/* Ids whose definition line had a syntax error: a lookup, not a scan of
 * the list (30,000 undefined names against 15,000 broken lines were 450
 * million string comparisons). */
static void broken_defs_index(struct checker *c)
{
    symtab_init(&c->broken, c->arena->heap);
    for (size_t k = 0; k < c->nfiles; k++)
        for (const struct ast_name_list *l = c->files[k]->broken_defs; l; l = l->next)
            symtab_add(&c->broken, l->name, 0, &(size_t){0});
}

/* ---- the index: every definition and reference, as it is resolved ---- */


/* A definition of the model's entity n (a duplicate: of first's). */
static void index_def(struct checker *c, enum index_kind kind, size_t first, bool dup, struct ast_text name,
                      size_t n)
{
    if (c->idx)
        index_add_def(c->idx, kind, name.text, name.loc, (uint32_t)(dup ? first : n), !dup, (uint32_t)c->cur);
}

/* found: the model index the name resolved to, SIZE_MAX when undefined */
static void index_ref(struct checker *c, enum index_kind kind, size_t found, struct ast_text name)
{
    if (c->idx)
        index_add_ref(c->idx, kind, name.text, name.loc, found == SIZE_MAX ? INDEX_NONE : (uint32_t)found,
                      (uint32_t)c->cur);
}

static void index_level(struct checker *c, const struct ast_level *l, bool resolved)
{
    if (c->idx)
        index_add_level(c->idx, l->prefix, (int32_t)l->number, resolved, l->loc, (uint32_t)c->cur);
}

static bool is_broken_def(const struct checker *c, const char *name)
{
    size_t unused;
    return symtab_get(&c->broken, name, &unused) != 0;
}

/* An undefined name is reported once, at its first use, with how often it
 * is used: forgetting 'track sdet' is one mistake, not one per role. Uses
 * are collected during the check and reported at its end. */
static void note_undefined(struct checker *c, struct symtab *seen, const char *what, struct ast_text name,
                           size_t n, const char *(*get)(const void *, size_t))
{
    if (is_broken_def(c, name.text))
        return;
    size_t i;
    if (!symtab_add(seen, name.text, c->nundefined, &i)) {
        struct undefined_name *u = &c->undefined[i];
        if (u->uses++ == 1)
            u->second = name.loc;
        return;
    }
    if (c->nundefined == c->undefined_cap) {
        c->undefined_cap = c->undefined_cap ? 2 * c->undefined_cap : 16;
        c->undefined = heap_realloc(c->arena->heap, c->undefined, c->undefined_cap * sizeof *c->undefined);
    }
    c->undefined[c->nundefined++] = (struct undefined_name){what, name, name.loc, 1, n, get};
}

/* How to write the missing definition, for a name that resembles no other.
 * The message quotes the hint whole or not at all: cut at DIAG_QUOTE_MAX it
 * would no longer say how to write the line (ids are ASCII: a byte is a
 * character). */
static void undefined_hint(const struct undefined_name *u, char *out, size_t n)
{
    if (strcmp(u->what, "track") == 0)
        snprintf(out, n, "declare it with 'track %s \"...\"'", u->name.text);
    else if (strcmp(u->what, "competency") == 0)
        snprintf(out, n, "declare it with 'competency %s \"...\" { ... }'", u->name.text);
    else
        snprintf(out, n, "declare it with a 'role %s ...' line", u->name.text);
    if (strlen(out) > DIAG_QUOTE_MAX)
        snprintf(out, n, "declare it with a '%s' line", u->what);
}

static void report_undefined(struct checker *c, const struct undefined_name *u)
{
    const char *close = suggest(c, u->name.text, u->ncandidates, u->get);
    char uses[64] = "", hint[256];
    if (u->uses > 1)
        snprintf(uses, sizeof uses, " (used %zu times)", u->uses);
    if (close)
        snprintf(hint, sizeof hint, "did you mean '%s'?", close);
    else
        undefined_hint(u, hint, sizeof hint);
    struct diag *d = diag_error(c->diag, "E110", u->name.loc, "undefined %s '%s'%s; %s", u->what, u->name.text,
                                uses, hint);
    if (close)
        diag_fix(c->diag, d, close);
    if (u->uses == 2)
        diag_note(c->diag, d, u->second, "'%s' is also used here", u->name.text);
    else if (u->uses > 2)
        diag_note(c->diag, d, u->second, "'%s' is also used here and %zu more time%s", u->name.text, u->uses - 2,
                   u->uses == 3 ? "" : "s");
}

static void report_all_undefined(struct checker *c)
{
    for (size_t i = 0; i < c->nundefined; i++)
        report_undefined(c, &c->undefined[i]);
}

static void report_duplicate(struct checker *c, const char *code, struct loc loc, struct loc first,
                             const char *what, const char *name)
{
    struct diag *d = diag_error(c->diag, code, loc, "duplicate %s '%s'", what, name);
    diag_note(c->diag, d, first, "'%s' is first defined here", name);
}

static void report_duplicate_stmt(struct checker *c, struct loc loc, struct loc first, const char *stmt)
{
    struct diag *d = diag_error(c->diag, "E101", loc, "duplicate '%s' statement", stmt);
    diag_note(c->diag, d, first, "the first '%s' statement is here", stmt);
}

/* ---- levels ---- */

/* A level is resolved against a valid scale only. A missing one is E116,
 * reported once for the file before any level is looked at (check_file);
 * an invalid one was reported where it is declared. */
static bool level_in_scale(struct checker *c, const struct ast_level *l, int *out)
{
    if (!c->scale_ok)
        return false;
    const struct model *m = c->m;
    char scale[64];
    if (strcmp(l->prefix, m->level_prefix) != 0) {
        levels_text(c, m->level_min, m->level_max, scale, sizeof scale);
        if (l->number >= m->level_min && l->number <= m->level_max) {
            struct diag *d = diag_error(c->diag, "E112", l->loc, "undefined level '%s%ld'; did you mean '%s%ld'?",
                                        l->prefix, l->number, m->level_prefix, l->number);
            if (d) {    /* kept: a dropped one costs no memory */
                size_t size = strlen(m->level_prefix) + 24;     /* whole, however long the prefix */
                char *fix = arena_alloc(c->arena, size);
                snprintf(fix, size, "%s%ld", m->level_prefix, l->number);
                diag_fix(c->diag, d, fix);
            }
        } else
            diag_error(c->diag, "E112", l->loc, "undefined level '%s%ld': the scale is %s",
                       l->prefix, l->number, scale);
        return false;
    }
    if (l->number < m->level_min || l->number > m->level_max) {
        levels_text(c, m->level_min, m->level_max, scale, sizeof scale);
        diag_error(c->diag, "E113", l->loc, "level %s%ld is outside the scale %s", l->prefix, l->number, scale);
        return false;
    }
    *out = (int)l->number;
    return true;
}

/* Every written level is a reference to the levels statement, resolved
 * when it lies in the scale. */
static bool resolve_level(struct checker *c, const struct ast_level *l, int *out)
{
    bool ok = level_in_scale(c, l, out);
    index_level(c, l, ok);
    return ok;
}

static bool resolve_levels(struct checker *c, const struct ast_levels *ls, int *lo, int *hi)
{
    bool ok_lo = resolve_level(c, &ls->lo, lo);
    bool ok_hi = ls->is_range ? resolve_level(c, &ls->hi, hi) : (*hi = *lo, ok_lo);
    if (!ok_lo || !ok_hi)
        return false;
    if (*lo > *hi) {
        char text[64];
        diag_error(c->diag, "E114", ls->loc, "empty level range %s: %s%d is above %s%d",
                   levels_text(c, *lo, *hi, text, sizeof text), c->m->level_prefix, *lo, c->m->level_prefix, *hi);
        return false;
    }
    return true;
}

static void declare_scale(struct checker *c, const struct ast_stmt *s)
{
    const struct ast_levels *ls = &s->u.levels.levels;
    if (strcmp(ls->lo.prefix, ls->hi.prefix) != 0) {
        diag_error(c->diag, "E115", ls->loc, "invalid scale: '%s%ld' and '%s%ld' have different prefixes",
                   ls->lo.prefix, ls->lo.number, ls->hi.prefix, ls->hi.number);
        return;
    }
    if (ls->lo.number > ls->hi.number) {
        diag_error(c->diag, "E115", ls->loc, "empty scale %s%ld..%s%ld: the lowest level must come first",
                   ls->lo.prefix, ls->lo.number, ls->hi.prefix, ls->hi.number);
        return;
    }
    c->m->level_prefix = ls->lo.prefix;
    c->m->level_min = (int)ls->lo.number;
    c->m->level_max = (int)ls->hi.number;
    c->scale_ok = true;
    if (c->idx)
        index_add_scale(c->idx, ls->lo.prefix, (int32_t)ls->lo.number, (int32_t)ls->hi.number, ls->loc,
                        (uint32_t)c->cur);
}

/* ---- numbers ---- */

static struct model_years model_years_of(const struct ast_range *r)
{
    return (struct model_years){.known = true, .open = ast_range_open(r), .min = r->lo.value, .max = r->hi.value};
}

static bool check_years(struct checker *c, const struct ast_range *r)
{
    if (r->lo.value < 0 || r->hi.value < 0) {
        const struct ast_number *neg = r->lo.value < 0 ? &r->lo : &r->hi;
        diag_error(c->diag, "E141", neg->loc, "negative duration %s years", neg->text);
        return false;
    }
    if (!ast_range_open(r) && r->lo.value > r->hi.value) {
        diag_error(c->diag, "E140", r->loc, "empty years range %s..%s: the minimum is above the maximum",
                   r->lo.text, r->hi.text);
        return false;
    }
    return true;
}

static void check_axis(struct checker *c, const struct ast_stmt *s, int which)
{
    const struct ast_range *r = &s->u.axis.range;
    struct model_axis *ax = &c->m->axis[which];
    if (ast_range_open(r)) {
        diag_error(c->diag, "E121", r->loc, "axis %s range %s.. is open: an axis needs both ends, as in %s..100",
                   s->u.axis.name.text, r->lo.text, r->lo.text);
        c->axis_ok[which] = false;
        return;
    }
    if (r->lo.value >= r->hi.value) {
        diag_error(c->diag, "E121", r->loc, "axis %s range %s..%s is empty: the minimum must be below the maximum",
                   s->u.axis.name.text, r->lo.text, r->hi.text);
        c->axis_ok[which] = false;
        return;
    }
    ax->title = s->u.axis.title.text;
    ax->min = r->lo.value;
    ax->max = r->hi.value;
}

/* ---- a track's own level names: 'levels M4..M8 = L4..L8' ---- */

static void track_names_mismatch(struct checker *c, const struct ast_stmt *s, int lo, int hi)
{
    const struct ast_levels *own = &s->u.track.own;
    const char *p = own->lo.prefix, *sp = c->m->level_prefix;
    long n_own = own->hi.number - own->lo.number + 1, n_scale = hi - lo + 1;
    long scale_hi = lo + n_own - 1;     /* the scale's range that has the own names' length */
    char scale[64];
    levels_text(c, lo, hi, scale, sizeof scale);
    /* both sides of the '=': what the suggestion rewrites (its first choice
     * is the quick fix) */
    struct loc both = {own->loc.start, s->u.track.scale.loc.end};
    if (scale_hi <= c->m->level_max)
        check_fixf(c, diag_error(c->diag, "E118", both, "track '%s' names %ld levels (%s%ld..%s%ld) but maps them "
                   "onto %ld (%s): the two ranges must have the same length; did you mean '%s%ld..%s%ld = %s%d..%s%ld' "
                   "or '%s%ld..%s%ld = %s'?", s->u.track.id.text, n_own, p, own->lo.number, p, own->hi.number,
                   n_scale, scale, p, own->lo.number, p, own->hi.number, sp, lo, sp, scale_hi, p,
                   own->lo.number, p, own->lo.number + n_scale - 1, scale),
                   "%s%ld..%s%ld = %s%d..%s%ld", p, own->lo.number, p, own->hi.number, sp, lo, sp, scale_hi);
    else
        check_fixf(c, diag_error(c->diag, "E118", both, "track '%s' names %ld levels (%s%ld..%s%ld) but maps them "
                   "onto %ld (%s): the two ranges must have the same length; did you mean '%s%ld..%s%ld = %s'?",
                   s->u.track.id.text, n_own, p, own->lo.number, p, own->hi.number, n_scale, scale, p,
                   own->lo.number, p, own->lo.number + n_scale - 1, scale),
                   "%s%ld..%s%ld = %s", p, own->lo.number, p, own->lo.number + n_scale - 1, scale);
}

/* Whether the own names are well formed; reports the first thing wrong. */
static bool track_names_valid(struct checker *c, const struct ast_stmt *s)
{
    const struct ast_levels *own = &s->u.track.own;
    const char *id = s->u.track.id.text;
    if (strcmp(own->lo.prefix, own->hi.prefix) != 0) {
        check_fixf(c, diag_error(c->diag, "E118", own->loc, "track '%s' names its levels with two prefixes, '%s' and "
                   "'%s': its names share one prefix; did you mean '%s%ld..%s%ld'?", id, own->lo.prefix, own->hi.prefix,
                   own->lo.prefix, own->lo.number, own->lo.prefix, own->hi.number),
                   "%s%ld..%s%ld", own->lo.prefix, own->lo.number, own->lo.prefix, own->hi.number);
        return false;
    }
    if (c->scale_ok && strcmp(own->lo.prefix, c->m->level_prefix) == 0) {
        diag_error(c->diag, "E118", own->loc, "track '%s' names its levels with the scale's own prefix '%s': "
                   "give them a prefix of their own, such as 'M', or leave the names out", id, own->lo.prefix);
        return false;
    }
    if (own->lo.number > own->hi.number) {
        check_fixf(c, diag_error(c->diag, "E118", own->loc, "track '%s' names its levels %s%ld..%s%ld: the lowest "
                   "comes first; did you mean '%s%ld..%s%ld'?", id, own->lo.prefix, own->lo.number, own->hi.prefix,
                   own->hi.number, own->lo.prefix, own->hi.number, own->hi.prefix, own->lo.number),
                   "%s%ld..%s%ld", own->lo.prefix, own->hi.number, own->hi.prefix, own->lo.number);
        return false;
    }
    return true;
}

/* Before any role is checked: a role may come before its track. */
static void resolve_track_names(struct checker *c)
{
    struct model *m = c->m;
    for (size_t t = 0; t < m->ntracks; t++) {
        const struct ast_stmt *s = c->track_info[t].stmt;
        c->track_info[t].names_ok = true;
        if (!s->u.track.has_levels)
            continue;
        int lo = 0, hi = 0;
        bool ok = resolve_levels(c, &s->u.track.scale, &lo, &hi);
        ok = track_names_valid(c, s) && ok;
        const struct ast_levels *own = &s->u.track.own;
        if (ok && own->hi.number - own->lo.number != hi - lo) {
            track_names_mismatch(c, s, lo, hi);
            ok = false;
        }
        c->track_info[t].names_ok = ok;
        if (!ok)
            continue;
        struct model_track *tr = &m->tracks[t];
        tr->level_prefix = own->lo.prefix;
        tr->shift = lo - (int)own->lo.number;
        tr->lo = lo;
        tr->hi = hi;
        size_t unused;
        symtab_add(&c->track_prefixes, tr->level_prefix, t, &unused);
    }
}

/* A level written in the scale's names on a track that has its own: E119,
 * with the own name of the same level when there is one. */
static void report_scale_name_on_named_track(struct checker *c, const struct model_track *tr,
                                             const struct ast_level *l)
{
    char own[64];
    model_track_levels_text(c->m, (size_t)(tr - c->m->tracks), tr->lo, tr->hi, own, sizeof own);
    if (l->number >= tr->lo && l->number <= tr->hi)
        check_fixf(c, diag_error(c->diag, "E119", l->loc, "level '%s%ld' is in the scale's names, but track '%s' "
                   "names its levels %s; did you mean '%s%ld'?", l->prefix, l->number, tr->id, own, tr->level_prefix,
                   l->number - tr->shift), "%s%ld", tr->level_prefix, l->number - tr->shift);
    else {
        char scale[64];
        levels_text(c, tr->lo, tr->hi, scale, sizeof scale);
        diag_error(c->diag, "E119", l->loc, "level '%s%ld' is in the scale's names, but track '%s' names its "
                   "levels %s (the scale's %s), and %s%ld is not one of them", l->prefix, l->number, tr->id, own,
                   scale, l->prefix, l->number);
    }
}

/* A level in another track's own names, on a track that uses the scale's:
 * E119 when the prefix is some track's. Returns whether it reported. */
static bool report_other_track_name(struct checker *c, const struct model_track *tr, const struct ast_level *l)
{
    size_t t;
    if (!c->scale_ok || !symtab_get(&c->track_prefixes, l->prefix, &t))
        return false;
    const struct model_track *other = &c->m->tracks[t];
    char scale[64];
    levels_text(c, c->m->level_min, c->m->level_max, scale, sizeof scale);
    long n = l->number + other->shift;
    if (n >= c->m->level_min && n <= c->m->level_max)
        check_fixf(c, diag_error(c->diag, "E119", l->loc, "level '%s%ld' is in the names of track '%s', but track "
                   "'%s' uses the scale's names, %s; did you mean '%s%ld'?", l->prefix, l->number, other->id, tr->id,
                   scale, c->m->level_prefix, n), "%s%ld", c->m->level_prefix, n);
    else
        diag_error(c->diag, "E119", l->loc, "level '%s%ld' is in the names of track '%s', but track '%s' uses the "
                   "scale's names, %s", l->prefix, l->number, other->id, tr->id, scale);
    return true;
}

/* A level of a role or company line of track t (SIZE_MAX: undefined track,
 * then the scale's names), as a number of the scale. */
static bool resolve_track_level(struct checker *c, size_t t, const struct ast_level *l, int *out)
{
    const struct model_track *tr = t == SIZE_MAX ? NULL : &c->m->tracks[t];
    if (!tr && c->scale_ok && strcmp(l->prefix, c->m->level_prefix) != 0) {
        index_level(c, l, false);
        return false;   /* the undefined track (E110) may be the one that names its levels so */
    }
    if (!tr || !tr->level_prefix) {
        /* only when some track names its levels: the common case compares no prefix here */
        if (tr && c->track_prefixes.count && strcmp(l->prefix, c->m->level_prefix) != 0
            && report_other_track_name(c, tr, l)) {
            index_level(c, l, false);
            return false;
        }
        return resolve_level(c, l, out);
    }
    bool ok = false;
    if (strcmp(l->prefix, tr->level_prefix) == 0) {
        long n = l->number + tr->shift;
        ok = n >= tr->lo && n <= tr->hi;
        if (ok)
            *out = (int)n;
        else {
            char own[64];
            model_track_levels_text(c->m, t, tr->lo, tr->hi, own, sizeof own);
            diag_error(c->diag, "E113", l->loc, "level %s%ld is outside the levels of track '%s', %s",
                       l->prefix, l->number, tr->id, own);
        }
    } else if (c->scale_ok && strcmp(l->prefix, c->m->level_prefix) == 0) {
        report_scale_name_on_named_track(c, tr, l);
    } else {
        char own[64];
        model_track_levels_text(c->m, t, tr->lo, tr->hi, own, sizeof own);
        long n = l->number + tr->shift;
        if (n >= tr->lo && n <= tr->hi)
            diag_error(c->diag, "E112", l->loc, "undefined level '%s%ld': track '%s' names its levels %s; did you "
                       "mean '%s%ld'?", l->prefix, l->number, tr->id, own, tr->level_prefix, l->number);
        else
            diag_error(c->diag, "E112", l->loc, "undefined level '%s%ld': track '%s' names its levels %s",
                       l->prefix, l->number, tr->id, own);
    }
    index_level(c, l, ok);
    return ok;
}

static bool resolve_track_levels(struct checker *c, size_t t, const struct ast_levels *ls, int *lo, int *hi)
{
    if (t != SIZE_MAX && !c->track_info[t].names_ok)
        return false;       /* reported where the track names them */
    bool ok_lo = resolve_track_level(c, t, &ls->lo, lo);
    bool ok_hi = ls->is_range ? resolve_track_level(c, t, &ls->hi, hi) : (*hi = *lo, ok_lo);
    if (!ok_lo || !ok_hi)
        return false;
    if (*lo > *hi) {
        diag_error(c->diag, "E114", ls->loc, "empty level range %s%ld..%s%ld: %s%ld is above %s%ld",
                   ls->lo.prefix, ls->lo.number, ls->hi.prefix, ls->hi.number, ls->lo.prefix, ls->lo.number,
                   ls->hi.prefix, ls->hi.number);
        return false;
    }
    return true;
}

/* ---- pass 1: declarations ---- */

static bool same_level(const struct ast_level *a, const struct ast_level *b)
{
    return strcmp(a->prefix, b->prefix) == 0 && a->number == b->number;
}

static bool same_range(const struct ast_range *a, const struct ast_range *b)
{
    return a->lo.value == b->lo.value && a->hi.value == b->hi.value && ast_range_open(a) == ast_range_open(b);
}

/* Two singleton statements of one kind (and one axis or years kind) that
 * say the same: 'levels L3..L11' in two files, however each is spaced. */
static bool same_singleton(const struct ast_stmt *a, const struct ast_stmt *b)
{
    switch (a->kind) {
    case AST_LADDER: return strcmp(a->u.ladder.title.text, b->u.ladder.title.text) == 0;
    case AST_LEVELS:
        return same_level(&a->u.levels.levels.lo, &b->u.levels.levels.lo) &&
               same_level(&a->u.levels.levels.hi, &b->u.levels.levels.hi);
    case AST_AXIS:
        return strcmp(a->u.axis.title.text, b->u.axis.title.text) == 0 && same_range(&a->u.axis.range, &b->u.axis.range);
    case AST_YEARS: return same_range(&a->u.years.range, &b->u.years.range);
    case AST_LAYOUT: return strcmp(a->u.layout.mode.text, b->u.layout.mode.text) == 0;
    default: return false;
    }
}

/* A singleton met a second time. In one file it is a duplicate (E101); in
 * another file of the session (an import) it is accepted when it says the
 * same as the first, so that two files may both say 'levels L3..L11', and
 * is E101 when it differs. */
static void singleton_again(struct checker *c, const struct ast_stmt *s, const struct ast_stmt *first,
                            size_t first_file, const char *what)
{
    if (first_file == c->cur) {
        report_duplicate_stmt(c, s->loc, first->loc, what);
        return;
    }
    if (same_singleton(first, s))
        return;
    struct diag *d = diag_error(c->diag, "E101", s->loc, "duplicate '%s' statement: it differs from the first "
                                "(files may repeat it only as it is)", what);
    diag_note(c->diag, d, first->loc, "the first '%s' statement is here", what);
}

static const char *const layout_words[] = {"relative", "exact"};

static const char *layout_word_at(const void *unused, size_t i)
{
    (void)unused;
    return layout_words[i];
}

/* 'layout exact' keeps the written coordinates; 'layout relative' says the
 * default. */
static void declare_layout(struct checker *c, const struct ast_stmt *s)
{
    const char *w = s->u.layout.mode.text;
    if (strcmp(w, "exact") == 0 || strcmp(w, "relative") == 0) {
        c->m->layout_exact = strcmp(w, "exact") == 0;
        return;
    }
    const char *near = suggest_closest(w, 2, layout_word_at, NULL);
    if (near)
        diag_fix(c->diag, diag_error(c->diag, "E189", s->u.layout.mode.loc,
                                     "unknown layout '%s': did you mean '%s'? (the layouts are relative and exact)",
                                     w, near), near);
    else
        diag_error(c->diag, "E189", s->u.layout.mode.loc,
                   "unknown layout '%s': the layouts are relative and exact", w);
}

static void declare_singleton(struct checker *c, const struct ast_stmt *s)
{
    switch (s->kind) {
    case AST_LADDER:
        if (c->ladder)
            singleton_again(c, s, c->ladder, c->ladder_file, "ladder");
        else {
            c->ladder = s;
            c->ladder_file = c->cur;
        }
        break;
    case AST_LEVELS:
        if (c->levels)
            singleton_again(c, s, c->levels, c->levels_file, "levels");
        else {
            c->levels = s;
            c->levels_file = c->cur;
            declare_scale(c, s);
        }
        break;
    case AST_AXIS: {
        const char *name = s->u.axis.name.text;
        int which = strcmp(name, "x") == 0 ? 0 : strcmp(name, "y") == 0 ? 1 : -1;
        if (which < 0) {
            diag_error(c->diag, "E117", s->u.axis.name.loc, "unknown axis '%s': the axes are x (soft skills) and y (hard skills)", name);
        } else if (c->axis[which]) {
            char what[16];
            snprintf(what, sizeof what, "axis %s", name);
            singleton_again(c, s, c->axis[which], c->axis_file[which], what);
        } else {
            c->axis[which] = s;
            c->axis_file[which] = c->cur;
            check_axis(c, s, which);
        }
        break;
    }
    case AST_LAYOUT:
        if (c->layout)
            singleton_again(c, s, c->layout, c->layout_file, "layout");
        else {
            c->layout = s;
            c->layout_file = c->cur;
            declare_layout(c, s);
        }
        break;
    case AST_YEARS: {
        enum model_kind k = s->u.years.kind;
        if (c->years[k]) {
            char what[32];
            snprintf(what, sizeof what, "years %s", model_kind_name(k));
            singleton_again(c, s, c->years[k], c->years_file[k], what);
        } else {
            c->years[k] = s;
            c->years_file[k] = c->cur;
            if (check_years(c, &s->u.years.range))
                c->m->years[k] = model_years_of(&s->u.years.range);
        }
        break;
    }
    default:
        break;
    }
}

/* ---- competencies ---- */

static const char *const skill_words[] = {"hard", "soft"};

static const char *skill_word_at(const void *unused, size_t i)
{
    (void)unused;
    return skill_words[i];
}

/* 'hrad', 'sfot': the same letters as a kind, in another order (an edit
 * distance of 2, which suggest_closest does not reach on a short word). */
static const char *skill_word_anagram(const char *w)
{
    for (size_t i = 0; i < 2; i++) {
        const char *k = skill_words[i];
        if (strlen(w) != strlen(k))
            continue;
        int count[256] = {0};
        for (const unsigned char *p = (const unsigned char *)k; *p; p++)
            count[*p]++;
        bool same = true;
        for (const unsigned char *p = (const unsigned char *)w; *p && same; p++)
            same = count[*p]-- > 0;
        if (same)
            return k;
    }
    return NULL;
}

static enum model_skill competency_skill(struct checker *c, const struct ast_stmt *s, bool *ok)
{
    *ok = true;
    if (!s->u.competency.has_skill)
        return SKILL_NONE;
    struct ast_text w = s->u.competency.skill;
    if (strcmp(w.text, "hard") == 0)
        return SKILL_HARD;
    if (strcmp(w.text, "soft") == 0)
        return SKILL_SOFT;
    *ok = false;
    const char *close = suggest_closest(w.text, 2, skill_word_at, NULL);
    if (!close)
        close = skill_word_anagram(w.text);
    if (close)
        diag_fix(c->diag, diag_error(c->diag, "E183", w.loc, "unknown competency kind '%s'; did you mean '%s'?",
                                     w.text, close), close);
    else
        diag_error(c->diag, "E183", w.loc, "unknown competency kind '%s': a competency is 'hard' (it counts "
                   "toward the map's y axis), 'soft' (its x axis), or neither (write nothing)", w.text);
    return SKILL_NONE;
}

/* Whether a line after l is numbered n: then l is out of order, not a gap. */
static bool rung_written_later(const struct ast_rung_line *l, double n)
{
    for (l = l->next; l; l = l->next)
        if (l->number.value == n)
            return true;
    return false;
}

/* The first rung whose number is not the next one: say what it looks like
 * (out of order, a gap, not starting at 1) and what to write. */
static void report_misnumbered_rung(struct checker *c, const struct model_competency *mc,
                                    const struct ast_rung_line *l, size_t want)
{
    double v = l->number.value;
    const char *text = l->number.text;
    if (v != floor(v) || v < (double)want)
        diag_error(c->diag, "E182", l->number.loc, "rung %s of competency '%s' should be %zu: rungs are "
                   "numbered 1, 2, 3... from the lowest, in order", text, mc->id, want);
    else if (rung_written_later(l, (double)want))
        diag_error(c->diag, "E182", l->number.loc, "rung %s of competency '%s' comes before its rung %zu: "
                   "write the rungs in order, lowest first", text, mc->id, want);
    else if (want == 1)
        diag_error(c->diag, "E182", l->number.loc, "competency '%s' starts at rung %s: rungs are numbered "
                   "from 1, lowest first", mc->id, text);
    else
        diag_error(c->diag, "E182", l->number.loc, "competency '%s' has no rung %zu: rung %s follows rung %zu; "
                   "number the rungs 1, 2, 3... with no gap", mc->id, want, text, want - 1);
}

/* Rungs are numbered 1..N in the order written: the number is there for
 * the reader, and a gap or a swap is a mistake. One report per competency;
 * the rungs are kept as written, in their order. A block with a syntax
 * error, or no '}', may miss a rung: its numbers are not judged (the next
 * rung would look like a gap), and neither are the roles' rungs on it. */
static bool declare_rungs(struct checker *c, const struct ast_stmt *s, struct model_competency *mc)
{
    size_t n = s->u.competency.nrungs;
    mc->rungs = arena_array(c->arena, n ? n : 1, sizeof *mc->rungs);
    bool ok = !s->u.competency.block_broken;
    for (const struct ast_rung_line *l = s->u.competency.rungs; l; l = l->next) {
        size_t k = mc->nrungs;
        if (ok && l->number.value != (double)(k + 1)) {
            report_misnumbered_rung(c, mc, l, k + 1);
            ok = false;
        }
        mc->rungs[mc->nrungs++] = (struct model_rung){l->name.text, l->has_meaning ? l->meaning.text : NULL,
                                                     l->loc};
    }
    if (n == 0 && ok) {
        diag_error(c->diag, "E182", s->u.competency.id.loc, "competency '%s' has no rungs: write them in its "
                   "block, one a line, lowest first: 1 \"Name\" \"what it means\"", mc->id);
        ok = false;
    }
    return ok;
}

/* Past MODEL_COMPETENCIES_MAX: one E188, at the first one past it; the ids
 * are kept aside so that the roles' rungs on them are neither undefined
 * (E110) nor checked. */
static void cap_competency(struct checker *c, struct ast_text id)
{
    size_t unused;
    if (c->capped_competencies.count == 0)
        diag_error(c->diag, "E188", id.loc, "competency '%s' is one more than the %d a ladder may have: a "
                   "framework is read by people, and each rule between two roles compares every competency; "
                   "group them into themes", id.text, MODEL_COMPETENCIES_MAX);
    symtab_add(&c->capped_competencies, id.text, 0, &unused);
}

static void declare_competency(struct checker *c, const struct ast_stmt *s)
{
    struct model *m = c->m;
    struct ast_text id = s->u.competency.id;
    size_t first = 0;
    bool dup = symtab_get(&c->competencies, id.text, &first);
    if (!dup && m->ncompetencies == MODEL_COMPETENCIES_MAX) {
        cap_competency(c, id);
        return;
    }
    index_def(c, INDEX_COMPETENCY, first, dup, id, m->ncompetencies);
    if (dup) {
        report_duplicate(c, "E107", id.loc, c->competency_stmt[first]->u.competency.id.loc, "competency", id.text);
        c->competency_info[first].rungs_ok = false;     /* which of the two the roles mean is not known */
        return;
    }
    symtab_add(&c->competencies, id.text, m->ncompetencies, &first);
    c->competency_stmt[m->ncompetencies] = s;
    struct competency_info *info = &c->competency_info[m->ncompetencies];
    struct model_competency *mc = &m->competencies[m->ncompetencies++];
    *mc = (struct model_competency){.id = id.text, .name = s->u.competency.name.text, .loc = id.loc};
    mc->skill = competency_skill(c, s, &info->kind_ok);
    info->rungs_ok = declare_rungs(c, s, mc);
}

static void declare_definition(struct checker *c, const struct ast_stmt *s)
{
    struct model *m = c->m;
    size_t first;
    bool dup;
    switch (s->kind) {
    case AST_TRACK: {
        struct ast_text id = s->u.track.id;
        dup = !symtab_add(&c->tracks, id.text, m->ntracks, &first);
        index_def(c, INDEX_TRACK, first, dup, id, m->ntracks);
        if (dup) {
            report_duplicate(c, "E103", id.loc, c->track_info[first].stmt->u.track.id.loc, "track", id.text);
            break;
        }
        c->track_info[m->ntracks].stmt = s;
        m->tracks[m->ntracks++] = (struct model_track){.id = id.text, .name = s->u.track.name.text, .loc = id.loc};
        break;
    }
    case AST_ROLE: {
        struct ast_text id = s->u.role.id;
        dup = !symtab_add(&c->roles, id.text, m->nroles, &first);
        index_def(c, INDEX_ROLE, first, dup, id, m->nroles);
        if (dup) {
            report_duplicate(c, "E102", id.loc, c->role_info[first].stmt->u.role.id.loc, "role", id.text);
            break;
        }
        c->role_info[m->nroles].stmt = s;
        m->roles[m->nroles++] = (struct model_role){.id = id.text, .name = s->u.role.name.text, .box = -1,
                                                    .about = &model_role_about_none,
                                                    .loc = id.loc};
        break;
    }
    case AST_BOX: {
        struct ast_text name = s->u.box.name;
        dup = !symtab_add(&c->boxes, name.text, m->nboxes, &first);
        index_def(c, INDEX_BOX, first, dup, name, m->nboxes);
        if (dup) {
            report_duplicate(c, "E105", name.loc, c->box_info[first].stmt->u.box.name.loc, "box", name.text);
            break;
        }
        c->box_info[m->nboxes].stmt = s;
        m->boxes[m->nboxes++] = (struct model_box){.name = name.text, .loc = name.loc};
        break;
    }
    case AST_COMPETENCY:
        declare_competency(c, s);
        break;
    case AST_COMPANY: {
        struct ast_text id = s->u.company.id;
        dup = !symtab_add(&c->companies, id.text, m->ncompanies, &first);
        index_def(c, INDEX_COMPANY, first, dup, id, m->ncompanies);
        if (dup) {
            report_duplicate(c, "E104", id.loc, c->company_stmt[first]->u.company.id.loc, "company", id.text);
            break;
        }
        c->company_stmt[m->ncompanies] = s;
        m->companies[m->ncompanies++] = (struct model_company){.id = id.text, .name = s->u.company.name.text,
                                                              .loc = id.loc};
        break;
    }
    default:
        break;
    }
}


/* ---- pass 2: references and values ---- */

static bool resolve_track(struct checker *c, struct ast_text name, size_t *out)
{
    if (symtab_get(&c->tracks, name.text, out)) {
        index_ref(c, INDEX_TRACK, *out, name);
        return true;
    }
    index_ref(c, INDEX_TRACK, SIZE_MAX, name);
    note_undefined(c, &c->undefined_tracks, "track", name, c->m->ntracks, track_id_at);
    return false;
}

static void check_position(struct checker *c, const struct ast_number *v, int which)
{
    const struct model_axis *ax = &c->m->axis[which];
    if (!c->axis_ok[which])
        return;
    if (v->value < ax->min || v->value > ax->max) {
        char lo[32], hi[32];
        diag_error(c->diag, "E120", v->loc, "position %s = %s is outside the %s axis %s..%s",
                   which == 0 ? "x" : "y", v->text, which == 0 ? "x" : "y",
                   model_number_text(ax->min, lo, sizeof lo), model_number_text(ax->max, hi, sizeof hi));
    }
}

/* ---- a role's block: rungs, summary, link ---- */

static const char *const role_words[] = {"summary", "link"};

static const char *role_word_at(const void *unused, size_t i)
{
    (void)unused;
    return role_words[i];
}

enum link_problem { LINK_OK, LINK_BLANK, LINK_NO_SCHEME, LINK_OTHER_SCHEME, LINK_NO_SLASHES, LINK_NO_ADDRESS };

static bool is_ascii_letter(char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); }
static bool is_ascii_alnum(char ch) { return is_ascii_letter(ch) || (ch >= '0' && ch <= '9'); }

/* The length of url's scheme, 'javascript' in 'javascript:...', or 0 when
 * it does not start with one (RFC 3986: a letter, then letters, digits, '+',
 * '-' or '.'). */
static size_t link_scheme_length(const char *url)
{
    if (!is_ascii_letter(url[0]))
        return 0;
    size_t n = 1;
    while (is_ascii_alnum(url[n]) || url[n] == '+' || url[n] == '-' || url[n] == '.')
        n++;
    return url[n] == ':' ? n : 0;
}

/* Whether url's scheme is the web's: 'https' or 'http', in any case. */
static bool link_scheme_is_web(const char *url, size_t n)
{
    return (n == 5 && strncasecmp(url, "https", 5) == 0) || (n == 4 && strncasecmp(url, "http", 4) == 0);
}

/* A link lands in the SVG and the web page as an href: only the web's own
 * schemes, so that no javascript:, data: or file: link can run or leak;
 * and no blank (a leading one included), which would end the address in a
 * Markdown link. */
static enum link_problem link_problem(const char *url)
{
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        if (*p <= ' ' || *p == 0x7F)
            return LINK_BLANK;
    size_t n = link_scheme_length(url);
    if (!n)
        return LINK_NO_SCHEME;
    if (!link_scheme_is_web(url, n))
        return LINK_OTHER_SCHEME;
    const char *rest = url + n + 1;
    bool slashes = strncmp(rest, "//", 2) == 0;
    while (*rest == '/')
        rest++;
    if (!*rest)
        return LINK_NO_ADDRESS;
    return slashes ? LINK_OK : LINK_NO_SLASHES;
}

/* E185's fix: the string head[0..n) + sep + rest, quoted, over the link's
 * string; none when the link holds a quote or a backslash (which would
 * need the string's escapes). */
static void link_fix(struct checker *c, struct diag *d, const char *head, size_t n, const char *sep, const char *rest)
{
    if (strpbrk(rest, "\"\\") || memchr(head, '"', n) || memchr(head, '\\', n))
        return;
    check_fixf(c, d, "\"%.*s%s%s\"", (int)n, head, sep, rest);
}

/* E185 for an address with no scheme: 'example.com/wiki' and '//example.com'
 * get the https:// they lack. */
static void report_link_no_scheme(struct checker *c, struct loc at, const char *role, const char *url)
{
    if (url[0] == '/' && url[1] == '/' && url[2])
        link_fix(c, diag_error(c->diag, "E185", at, "link of role '%s' does not start with https:// or http://; "
                               "did you mean 'https:%s'?", role, url), "https:", 6, "", url);
    else if (is_ascii_alnum(url[0]))
        link_fix(c, diag_error(c->diag, "E185", at, "link of role '%s' does not start with https:// or http://; "
                               "did you mean 'https://%s'?", role, url), "https://", 8, "", url);
    else
        diag_error(c->diag, "E185", at, "link of role '%s' does not start with https:// or http://: a link is "
                   "a web address", role);
}

/* E185, saying what is wrong with this link and what to write. */
static void report_link(struct checker *c, const struct ast_role_line *l, const char *role, enum link_problem p)
{
    const char *url = l->text.text;
    struct loc at = l->text.loc;
    int scheme = (int)link_scheme_length(url);
    switch (p) {
    case LINK_BLANK: {
        size_t n = strlen(url);
        bool edge = (unsigned char)url[0] <= ' ' || (unsigned char)url[n - 1] <= ' ';
        if (edge)
            diag_error(c->diag, "E185", at, "link of role '%s' %s with a blank: remove it, a web address has "
                       "none", role, (unsigned char)url[0] <= ' ' ? "starts" : "ends");
        else
            diag_error(c->diag, "E185", at, "link of role '%s' has a blank in it: a web address has none (write "
                       "a blank inside it as '%s')", role, "%20");
        break;
    }
    case LINK_NO_SCHEME:
        report_link_no_scheme(c, at, role, url);
        break;
    case LINK_OTHER_SCHEME:
        diag_error(c->diag, "E185", at, "link of role '%s' starts with '%.*s:': a link is a web address, "
                   "starting with https:// or http://, since it becomes a link on the map and the page",
                   role, scheme, url);
        break;
    case LINK_NO_SLASHES: {
        const char *rest = url + scheme + 1;
        while (*rest == '/')
            rest++;
        link_fix(c, diag_error(c->diag, "E185", at, "link of role '%s' has no '//' after '%.*s:'; did you mean "
                               "'%.*s://%s'?", role, scheme, url, scheme, url, rest), url, (size_t)scheme, "://", rest);
        break;
    }
    default:
        diag_error(c->diag, "E185", at, "link of role '%s' has no address after '%.*s://'", role, scheme, url);
        break;
    }
}

static void role_text_once(struct checker *c, const struct ast_role_line *l, const struct ast_role_line **seen,
                           const char *role)
{
    if (*seen) {
        struct diag *d = diag_error(c->diag, "E186", l->key.loc, "role '%s' has a second '%s': a role has one; "
                                    "remove one of the two", role, l->key.text);
        diag_note(c->diag, d, (*seen)->key.loc, "the first '%s' is here", l->key.text);
        return;
    }
    *seen = l;
}

/* A word that is neither a competency nor 'summary' or 'link'. */
static void report_unknown_role_line(struct checker *c, const struct ast_role_line *l, const char *role)
{
    const char *key = l->key.text;
    const char *close = suggest_closest(key, 2, role_word_at, NULL);
    if (close)
        diag_fix(c->diag, diag_error(c->diag, "E184", l->key.loc, "unknown line '%s' in role '%s'; did you mean '%s'?",
                                     key, role, close), close);
    else
        diag_error(c->diag, "E184", l->key.loc, "unknown line '%s' in role '%s': a role's block holds rungs "
                   "('craft 3'), a 'summary \"...\"' and a 'link \"https://...\"'", key, role);
}

/* 'summary "..."', 'link "..."', or a word that is neither. Returns false
 * when the line may have been meant as a rung (E184 on a competency or an
 * unknown word): the role's rungs are then not complete. A wrong summary or
 * link says nothing about the rungs. */
static bool check_role_text_line(struct checker *c, const struct ast_role_line *l, const char *role,
                                 const struct ast_role_line **summary, const struct ast_role_line **link)
{
    const char *key = l->key.text;
    size_t k;
    if (strcmp(key, "summary") == 0 && !l->has_number) {
        role_text_once(c, l, summary, role);
        return true;
    }
    if (strcmp(key, "link") == 0 && !l->has_number) {
        enum link_problem p = link_problem(l->text.text);
        if (p != LINK_OK)
            report_link(c, l, role, p);
        else
            role_text_once(c, l, link, role);
        return true;
    }
    if (strcmp(key, "summary") == 0 || strcmp(key, "link") == 0) {
        diag_error(c->diag, "E184", l->number.loc, "'%s' takes a text, not a number: write %s \"...\"", key, key);
        return true;
    }
    bool found = symtab_get(&c->competencies, key, &k);
    if (found && c->competency_info[k].rungs_ok)
        diag_error(c->diag, "E184", l->text.loc, "'%s' needs a rung before its text: write '%s N \"...\"', "
                   "with N from 1 to %zu", key, key, c->m->competencies[k].nrungs);
    else if (found || symtab_get(&c->capped_competencies, key, &k))
        diag_error(c->diag, "E184", l->text.loc, "'%s' needs a rung before its text: write '%s N \"...\"'",
                   key, key);
    else
        report_unknown_role_line(c, l, role);
    return false;
}

/* A word alone on a line of the block: 'craft' without its rung, 'summary'
 * or 'link' without its text. Returns false when it may be a rung line. */
static bool report_bare_role_line(struct checker *c, const struct ast_role_line *l, const char *role,
                                  bool text_word)
{
    const char *key = l->key.text;
    size_t k;
    if (text_word) {
        diag_error(c->diag, "E184", l->key.loc, "'%s' needs its text: write %s \"...\"", key, key);
        return true;
    }
    bool found = symtab_get(&c->competencies, key, &k);
    if (found && c->competency_info[k].rungs_ok)
        diag_error(c->diag, "E184", l->key.loc, "'%s' needs a rung: write '%s N', with N from 1 to %zu", key, key,
                   c->m->competencies[k].nrungs);
    else if (found || symtab_get(&c->capped_competencies, key, &k))
        diag_error(c->diag, "E184", l->key.loc, "'%s' needs a rung: write '%s N'", key, key);
    else
        report_unknown_role_line(c, l, role);
    return false;
}

/* E180, naming the competency's rungs: "1 (Learns) to 5 (Defines)" (each
 * name its own argument, so that a long one is cut alone). */
static void report_rung_outside(struct checker *c, const struct ast_role_line *l,
                                const struct model_competency *mc)
{
    const char *v = l->number.text, *id = mc->id, *first = mc->rungs[0].name;
    const char *last = mc->rungs[mc->nrungs - 1].name;
    bool whole = l->number.value == floor(l->number.value);
    if (whole && mc->nrungs == 1)
        diag_error(c->diag, "E180", l->number.loc, "competency '%s' has no rung %s: its one rung is 1 (%s)", id,
                   v, first);
    else if (whole)
        diag_error(c->diag, "E180", l->number.loc, "competency '%s' has no rung %s: its rungs are 1 (%s) to %zu "
                   "(%s)", id, v, first, mc->nrungs, last);
    else if (mc->nrungs == 1)
        diag_error(c->diag, "E180", l->number.loc, "rung %s of competency '%s' is not a whole number: its one "
                   "rung is 1 (%s)", v, id, first);
    else
        diag_error(c->diag, "E180", l->number.loc, "rung %s of competency '%s' is not a whole number: its rungs "
                   "are 1 (%s) to %zu (%s)", v, id, first, mc->nrungs, last);
}

/* 'craft 3 ["text"]': the expectation, or false when it is wrong or cannot
 * be judged (its competency's declaration is wrong, and was reported). */
static bool check_rung_line(struct checker *c, const struct ast_role_line *l, struct model_expect *out)
{
    size_t k;
    bool found = symtab_get(&c->competencies, l->key.text, &k);
    index_ref(c, INDEX_COMPETENCY, found ? k : SIZE_MAX, l->key);
    if (!found) {
        if (!symtab_get(&c->capped_competencies, l->key.text, &k))
            note_undefined(c, &c->undefined_competencies, "competency", l->key, c->m->ncompetencies,
                           competency_id_at);
        return false;
    }
    if (!c->competency_info[k].rungs_ok)
        return false;
    const struct model_competency *mc = &c->m->competencies[k];
    double v = l->number.value;
    if (v != floor(v) || v < 1 || v > (double)mc->nrungs) {
        report_rung_outside(c, l, mc);
        return false;
    }
    *out = (struct model_expect){k, (int)v, l->has_text ? l->text.text : NULL, l->key.loc};
    return true;
}

static int expect_cmp(const void *pa, const void *pb)
{
    const struct model_expect *a = pa, *b = pb;
    if (a->competency != b->competency)
        return a->competency < b->competency ? -1 : 1;
    return (a->loc.start > b->loc.start) - (a->loc.start < b->loc.start);
}

/* Sorted by competency, the first of each kept: a second is E181. */
static size_t drop_twice_set(struct checker *c, struct model_expect *e, size_t n, const char *role)
{
    qsort(e, n, sizeof *e, expect_cmp);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        if (kept && e[kept - 1].competency == e[i].competency) {
            const char *id = c->m->competencies[e[i].competency].id;
            struct diag *d = diag_error(c->diag, "E181", e[i].loc, "competency '%s' is set twice in role '%s': "
                                        "a role expects one rung of each competency; keep one line", id, role);
            diag_note(c->diag, d, e[kept - 1].loc, "'%s' is first set here", id);
            continue;
        }
        e[kept++] = e[i];
    }
    return kept;
}

/* Returns whether the block's rungs are the ones the author wrote: every
 * rung line right, and no line that may have been one lost to a mistake
 * (then the role's position is not judged from them). */
static bool check_role_block(struct checker *c, const struct ast_stmt *s, struct model_role *r)
{
    const char *role = s->u.role.id.text;
    const struct ast_role_line *summary = NULL, *link = NULL;
    struct model_role_about *about = arena_alloc(c->arena, sizeof *about);
    const struct ast_role_block *block = s->u.role.block;
    about->expect = arena_array(c->arena, block->nlines ? block->nlines : 1, sizeof *about->expect);
    about->nexpect = 0;
    bool ok = !s->u.role.block->broken;
    for (const struct ast_role_line *l = block->lines; l; l = l->next) {
        bool text_word = strcmp(l->key.text, "summary") == 0 || strcmp(l->key.text, "link") == 0;
        /* 'summary 3' sets a competency named summary, when there is one */
        if (text_word && l->has_number && symtab_get(&c->competencies, l->key.text, &(size_t){0}))
            text_word = false;
        if (!l->has_number && !l->has_text) {
            ok = report_bare_role_line(c, l, role, text_word) && ok;
        } else if (l->has_number && !text_word) {
            if (check_rung_line(c, l, &about->expect[about->nexpect]))
                about->nexpect++;
            else
                ok = false;
        } else {
            ok = check_role_text_line(c, l, role, &summary, &link) && ok;
        }
    }
    about->nexpect = drop_twice_set(c, about->expect, about->nexpect, role);
    about->summary = summary ? summary->text.text : NULL;
    about->link = link ? link->text.text : NULL;
    r->about = about;
    return ok;
}

/* Where the rungs place the role on one axis: its score on the axis's
 * competencies (model_skill_score), scaled to the axis. */
static bool derive_coordinate(const struct model *m, const struct model_role *r, enum model_skill skill,
                              int which, double *out)
{
    double score;
    if (!model_skill_score(m, r, skill, &score))
        return false;
    const struct model_axis *ax = &m->axis[which];
    *out = ax->min + (ax->max - ax->min) * score;
    return true;
}

/* "'people', 'reach' and 2 more": the competencies of one kind, for a
 * message (ids are ASCII and short: the text is cut, never wrong). */
static void competencies_of_kind(const struct model *m, enum model_skill skill, char *out, size_t n)
{
    enum { SHOWN = 3 };
    size_t total = 0, len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < m->ncompetencies; i++) {
        if (m->competencies[i].skill != skill)
            continue;
        if (total < SHOWN && len < n)
            len += (size_t)snprintf(out + len, n - len, "%s'%s'", total ? ", " : "", m->competencies[i].id);
        total++;
    }
    if (total > SHOWN && len < n)
        snprintf(out + len, n - len, " and %zu more", total - SHOWN);
}

/* Whether the role has a rung on a competency whose kind is wrong (E183):
 * its position would leave that rung out. */
static bool uses_wrong_kind(const struct checker *c, const struct model_role *r)
{
    for (size_t i = 0; i < r->about->nexpect; i++)
        if (!c->competency_info[r->about->expect[i].competency].kind_ok)
            return true;
    return false;
}

/* Whether some competency's kind is wrong (E183): it may be the one meant
 * to place the role on the axis it lacks. */
static bool some_kind_wrong(const struct checker *c)
{
    for (size_t k = 0; k < c->m->ncompetencies; k++)
        if (!c->competency_info[k].kind_ok)
            return true;
    return false;
}

/* E187: say which axis the rungs leave open, and with what to fill it. */
static void report_no_position(struct checker *c, const struct ast_stmt *s, bool has_x, bool has_y)
{
    const struct model *m = c->m;
    struct loc at = s->u.role.id.loc;
    const char *role = s->u.role.id.text;
    char have[256] = "", want[256] = "";
    competencies_of_kind(m, SKILL_SOFT, !has_x ? want : have, sizeof want);
    competencies_of_kind(m, SKILL_HARD, !has_x ? have : want, sizeof want);
    if (m->ncompetencies == 0)
        diag_error(c->diag, "E187", at, "role '%s' has no position: give it 'at (x, y)' after its levels", role);
    else if (!has_x && !has_y && !have[0] && !want[0])
        diag_error(c->diag, "E187", at, "role '%s' has no position: give it 'at (x, y)' (no competency is "
                   "'hard' or 'soft', so rungs cannot place it)", role);
    else if (!has_x && !has_y)
        diag_error(c->diag, "E187", at, "role '%s' has no position: give it 'at (x, y)', or rungs in a block "
                   "to place it from (rungs of soft competencies place it on x, of hard ones on y)", role);
    else if (want[0])
        diag_error(c->diag, "E187", at, "role '%s' has rungs on %s competencies only, which place it on %s but "
                   "not on %s: set a rung of a %s one (%s), or give it 'at (x, y)'", role,
                   has_x ? "soft" : "hard", has_x ? "x" : "y", has_x ? "y" : "x", has_x ? "hard" : "soft", want);
    else
        diag_error(c->diag, "E187", at, "role '%s' has rungs on %s competencies only, which place it on %s but "
                   "not on %s, and no competency is %s: give it 'at (x, y)', or make a competency '%s'", role,
                   has_x ? "soft" : "hard", has_x ? "x" : "y", has_x ? "y" : "x", has_x ? "hard" : "soft",
                   has_x ? "hard" : "soft");
}

/* A hand position is kept; without one, the rungs place the role. E187
 * when they cannot, unless the cause is a mistake already reported: a
 * wrong line of the block (block_ok), a competency's wrong kind, an axis
 * that is wrong. A role the rungs do not place as written is at NaN: the
 * rules between positions (W152, W170) do not see it (there is an error,
 * so the model is never shown). Returns false when it reported E187. */
static bool place_role(struct checker *c, const struct ast_stmt *s, struct model_role *r, bool block_ok)
{
    if (ast_role_has_at(s)) {
        check_position(c, &s->u.role.x, 0);
        check_position(c, &s->u.role.y, 1);
        r->x = s->u.role.x.value;
        r->y = s->u.role.y.value;
        return true;
    }
    bool has_x = derive_coordinate(c->m, r, SKILL_SOFT, 0, &r->x);
    bool has_y = derive_coordinate(c->m, r, SKILL_HARD, 1, &r->y);
    r->derived = true;
    if (!has_x || !has_y || !block_ok || uses_wrong_kind(c, r))
        r->x = r->y = NAN;
    if (has_x && has_y)
        return true;
    if (!block_ok || !c->axis_ok[0] || !c->axis_ok[1] || some_kind_wrong(c))
        return true;
    report_no_position(c, s, has_x, has_y);
    return false;
}

static void check_role(struct checker *c, const struct ast_stmt *s)
{
    /* roles are met in the order the declare pass listed them; a duplicate is not listed */
    size_t idx = c->next_role;
    bool first = idx < c->m->nroles && c->role_info[idx].stmt == s;
    if (first)
        c->next_role++;
    struct model_role tmp = {.about = &model_role_about_none}, *r = first ? &c->m->roles[idx] : &tmp;
    size_t track = SIZE_MAX;
    resolve_track(c, s->u.role.track, &track);
    r->track = track;   /* SIZE_MAX when undefined: its levels are then in the scale's names */
    bool ok = resolve_track_levels(c, track, &s->u.role.levels, &r->lo, &r->hi);
    if (first) {
        c->role_info[idx].levels_ok = ok;
        c->role_info[idx].track_ok = track != SIZE_MAX;
    }
    bool block_ok = !s->u.role.block || check_role_block(c, s, r);
    /* E187 says which rungs the role lacks: W190 would say it again */
    bool placed = place_role(c, s, r, block_ok);
    if (first)
        c->role_info[idx].rungs_ok = track != SIZE_MAX && block_ok && placed;
}

/* A box's name is a label on the map, and the JSON model names each role's
 * box by it: a long one would be repeated once per role (a 1 MB name and a
 * million roles: a terabyte). */
enum { BOX_NAME_MAX = 200 };

static bool check_box_name(struct checker *c, struct ast_text name)
{
    size_t n = 0;
    for (const char *p = name.text; *p && n <= BOX_NAME_MAX; p++)
        n += ((unsigned char)*p & 0xC0) != 0x80;
    if (n <= BOX_NAME_MAX)
        return true;
    diag_error(c->diag, "E106", name.loc, "box name '%s' is longer than %d characters: a box name is a short "
               "label", name.text, BOX_NAME_MAX);
    return false;
}

static void check_box(struct checker *c, const struct ast_stmt *s)
{
    size_t idx = 0;
    symtab_get(&c->boxes, s->u.box.name.text, &idx);   /* found: declare_definition added every box's name */
    bool first = c->box_info[idx].stmt == s;
    struct model_box tmp = {0}, *b = first ? &c->m->boxes[idx] : &tmp;
    bool ok = check_box_name(c, s->u.box.name);
    ok = resolve_levels(c, &s->u.box.levels, &b->lo, &b->hi) && ok;
    if (first)
        c->box_info[idx].levels_ok = ok;
}

/* The first transition from..to, or NULL after recording s as it. */
static uint64_t pair_key(size_t from, size_t to) { return ((uint64_t)from << 32 | (uint64_t)to) + 1; }

/* Multiply-shift hashing (Dietzfelbinger et al.) with a random odd
 * multiplier, the slot from the product's top bits: the file chooses which
 * pairs exist, and under a fixed multiplier it could choose thousands that
 * share a slot (keys 2^(20 + log2 slots) apart did). Nothing depends on the
 * slot order, so the output does not depend on the multiplier. */
static size_t pair_slot(const struct checker *c, uint64_t key)
{
    return (size_t)((key * c->mul[0]) >> c->pairs_shift);
}

static const struct ast_stmt *transition_seen(struct checker *c, size_t from, size_t to, const struct ast_stmt *s)
{
    uint64_t key = pair_key(from, to);
    for (size_t i = pair_slot(c, key);; i = (i + 1) & c->pairs_mask) {
        if (c->pairs[i].key == key)
            return c->pairs[i].stmt;
        if (!c->pairs[i].key) {
            c->pairs[i] = (struct pair_slot){key, s};
            return NULL;
        }
    }
}

/* The rule a move breaks, if any: the level rules of its kind, then the
 * soft-skills lint for promotions. */
static const char *move_rule_broken(const struct model_role *a, const struct model_role *b, enum model_kind kind)
{
    switch (kind) {
    case KIND_PROMOTION:
        return !(b->lo > a->lo && b->hi > a->hi) ? "E130" : b->x < a->x ? "W170" : NULL;
    case KIND_LATERAL:
        return b->lo > a->hi || b->hi < a->lo ? "E131" : NULL;
    default:    /* KIND_DOWNWARD */
        return !(b->hi < a->lo) ? "E132" : a->lo - b->hi > 2 ? "W133" : NULL;
    }
}

static void check_transition_levels(struct checker *c, const struct ast_stmt *s, const struct model_role *a,
                                    const struct model_role *b, enum model_kind kind)
{
    const char *rule = move_rule_broken(a, b, kind);
    if (!rule)
        return;     /* the common case: no level text to format */
    if (strcmp(rule, "W170") == 0 && check_rungs_both_soft(c->m, a, b))
        return;     /* both set soft rungs: check_rungs compares their soft scores */
    char la[64], lb[64];
    role_levels_text(c, a, la, sizeof la);
    role_levels_text(c, b, lb, sizeof lb);
    struct loc loc = s->loc;
    if (strcmp(rule, "E130") == 0)
        diag_error(c->diag, rule, loc, "promotion from '%s' (%s) to '%s' (%s) does not go up: "
                   "both ends of the target's levels must be above the source's", a->id, la, b->id, lb);
    else if (strcmp(rule, "W170") == 0)
        diag_warning(c->diag, rule, loc, "promotion from '%s' to '%s' needs fewer soft skills (x %g to %g): "
                     "career progression requires growth in soft skills", a->id, b->id, a->x, b->x);
    else if (strcmp(rule, "E131") == 0)
        diag_error(c->diag, rule, loc, "lateral move from '%s' (%s) to '%s' (%s) leaves the level range: "
                   "a lateral move stays within the levels it starts from", a->id, la, b->id, lb);
    else if (strcmp(rule, "E132") == 0)
        diag_error(c->diag, rule, loc, "downward move from '%s' (%s) to '%s' (%s) does not go down: "
                   "the target's highest level must be below the source's lowest", a->id, la, b->id, lb);
    else
        diag_warning(c->diag, rule, loc, "downward move from '%s' (%s) to '%s' (%s) drops %d levels; "
                     "more than two is unusual", a->id, la, b->id, lb, a->lo - b->hi);
}

/* The ends of the transitions about to be checked, looked up together: on
 * a large ladder each lookup is a cache miss or two (the role table and its
 * keys do not fit in the cache), and one at a time they queue. */
enum { BATCH = 32 };

struct batch {
    size_t n, next;             /* transitions in the batch; the next to check */
    size_t ends[2 * BATCH];     /* role indices, from and to; SIZE_MAX: undefined */
};

/* Looks up the ends of up to BATCH transitions from s on, one stage at a
 * time for the whole batch: the slots, the keys, then the role data and the
 * pair-set slot that check_transition reads next. */
static void batch_fill(const struct checker *c, const struct ast_stmt *s, struct batch *b)
{
    const char *name[2 * BATCH];
    size_t hash[2 * BATCH], n = 0;
    for (; s && n < 2 * BATCH; s = s->next) {
        if (s->kind != AST_TRANSITION)
            continue;
        name[n++] = s->u.transition.from.text;
        name[n++] = s->u.transition.to.text;
    }
    for (size_t i = 0; i < n; i++) {
        hash[i] = symtab_hash(&c->roles, name[i]);
        symtab_prefetch_slot(&c->roles, hash[i]);
    }
    for (size_t i = 0; i < n; i++)
        symtab_prefetch_key(&c->roles, hash[i]);
    for (size_t i = 0; i < n; i++) {
        if (!symtab_get_hashed(&c->roles, name[i], hash[i], &b->ends[i])) {
            b->ends[i] = SIZE_MAX;
            continue;
        }
        UTIL_PREFETCH(&c->m->roles[b->ends[i]]);
        UTIL_PREFETCH(&c->role_info[b->ends[i]]);
    }
    for (size_t i = 0; i < n; i += 2)
        if (b->ends[i] != SIZE_MAX && b->ends[i + 1] != SIZE_MAX)
            UTIL_PREFETCH(&c->pairs[pair_slot(c, pair_key(b->ends[i], b->ends[i + 1]))]);
    b->n = n / 2;
    b->next = 0;
}

/* An end the batch did not find is undefined: reported (batch_fill looked
 * it up already; no second lookup that could only fail). */
static bool batch_end(struct checker *c, size_t found, struct ast_text name, size_t *out)
{
    *out = found;
    index_ref(c, INDEX_ROLE, found, name);
    if (found == SIZE_MAX) {
        note_undefined(c, &c->undefined_roles, "role", name, c->m->nroles, role_id_at);
        return false;
    }
    return true;
}

/* A transition met before one of its roles: its level rules wait for the
 * end of the pass (check_deferred_transitions). */
static void defer_transition(struct checker *c, const struct ast_stmt *s, size_t from, size_t to)
{
    if (c->ndeferred == c->deferred_cap) {
        c->deferred_cap = c->deferred_cap ? 2 * c->deferred_cap : 16;
        c->deferred = heap_realloc(c->arena->heap, c->deferred, c->deferred_cap * sizeof *c->deferred);
    }
    c->deferred[c->ndeferred++] = (struct deferred_move){s, from, to};
}

static void check_deferred_transitions(struct checker *c)
{
    for (size_t i = 0; i < c->ndeferred; i++) {
        const struct deferred_move *d = &c->deferred[i];
        if (c->role_info[d->from].levels_ok && c->role_info[d->to].levels_ok)
            check_transition_levels(c, d->stmt, &c->m->roles[d->from], &c->m->roles[d->to],
                                    d->stmt->u.transition.kind);
    }
}

static void check_transition(struct checker *c, const struct ast_stmt *s, struct model_transition *out,
                             bool *ok, struct batch *b)
{
    const struct model *m = c->m;
    if (b->next == b->n)
        batch_fill(c, s, b);
    const size_t *ends = &b->ends[2 * b->next++];
    size_t from, to;
    bool have_from = batch_end(c, ends[0], s->u.transition.from, &from);
    bool have_to = batch_end(c, ends[1], s->u.transition.to, &to);
    bool years_ok = !s->u.transition.has_years || check_years(c, &s->u.transition.years);
    *ok = false;
    if (!have_from || !have_to)
        return;
    if (from == to) {
        diag_error(c->diag, "E134", s->loc, "transition from '%s' to itself", m->roles[from].id);
        return;
    }
    const struct ast_stmt *prev = transition_seen(c, from, to, s);
    if (prev) {
        struct diag *d = diag_error(c->diag, "E135", s->loc, "duplicate transition from '%s' to '%s'",
                                    m->roles[from].id, m->roles[to].id);
        diag_note(c->diag, d, prev->loc, "first declared here");
        return;
    }
    enum model_kind kind = s->u.transition.kind;
    if (from >= c->next_role || to >= c->next_role)
        defer_transition(c, s, from, to);   /* a role is defined further on: its levels are not known yet */
    else if (c->role_info[from].levels_ok && c->role_info[to].levels_ok)
        check_transition_levels(c, s, &m->roles[from], &m->roles[to], kind);
    out->from = from;
    out->to = to;
    out->kind = kind;
    out->loc = s->loc;
    out->own_years = s->u.transition.has_years;
    if (s->u.transition.has_years)
        out->years = model_years_of(&s->u.transition.years);
    else
        out->years = m->years[kind];
    *ok = years_ok;
}

/* ---- pass 3: relations ---- */

struct span_ref {       /* a level range of some statement, for sorting */
    int lo, hi;
    size_t track;       /* company lines: the track; boxes: 0 */
    const char *code;
    size_t order;       /* source order */
    struct loc loc;
    const char *name;
};

static int span_cmp(const void *pa, const void *pb)
{
    const struct span_ref *a = pa, *b = pb;
    if (a->track != b->track)
        return (a->track > b->track) - (a->track < b->track);
    if (a->lo != b->lo)
        return (a->lo > b->lo) - (a->lo < b->lo);
    return (a->order > b->order) - (a->order < b->order);
}

static int code_cmp(const void *pa, const void *pb)
{
    const struct span_ref *a = pa, *b = pb;
    if (a->track != b->track)
        return (a->track > b->track) - (a->track < b->track);
    int k = strcmp(a->code, b->code);
    if (k)
        return k;
    return (a->order > b->order) - (a->order < b->order);
}

/* Reports each span that overlaps an earlier-sorted one of the same track;
 * marks it in bad[order]. The later of the two in source order gets the error. */
static void report_overlaps(struct checker *c, struct span_ref *v, size_t n, const char *code,
                            const char *what, bool *bad)
{
    qsort(v, n, sizeof *v, span_cmp);
    size_t reach = 0;   /* index of the span reaching highest so far in this track */
    for (size_t i = 1; i < n; i++) {
        if (v[i].track != v[reach].track) {
            reach = i;
            continue;
        }
        if (v[i].lo <= v[reach].hi) {
            const struct span_ref *later = v[i].order > v[reach].order ? &v[i] : &v[reach];
            const struct span_ref *earlier = later == &v[i] ? &v[reach] : &v[i];
            char la[64], lb[64];
            struct diag *d = diag_error(c->diag, code, later->loc, "%s '%s' (%s) overlaps '%s' (%s)", what,
                                        later->name, levels_text(c, later->lo, later->hi, la, sizeof la),
                                        earlier->name, levels_text(c, earlier->lo, earlier->hi, lb, sizeof lb));
            diag_note(c->diag, d, earlier->loc, "'%s' is defined here", earlier->name);
            if (bad)
                bad[later->order] = true;
        }
        if (v[i].hi > v[reach].hi)
            reach = i;
    }
}

static void relate_boxes(struct checker *c)
{
    struct model *m = c->m;
    struct span_ref *v = heap_calloc(c->arena->heap, m->nboxes, sizeof *v);
    bool *bad = heap_calloc(c->arena->heap, m->nboxes, sizeof *bad);
    size_t n = 0;
    for (size_t i = 0; i < m->nboxes; i++)
        if (c->box_info[i].levels_ok)
            v[n++] = (struct span_ref){m->boxes[i].lo, m->boxes[i].hi, 0, NULL, i,
                                       c->box_info[i].stmt->loc, m->boxes[i].name};
    report_overlaps(c, v, n, "E150", "box", bad);
    for (size_t i = 0; i < m->nboxes; i++)
        if (!c->box_info[i].levels_ok || bad[i])
            c->boxes_ok = false;
    if (m->nboxes < c->count[AST_BOX])
        c->boxes_ok = false;    /* a duplicate box: which one was meant? */
    heap_free(c->arena->heap, v);
    if (c->scale_ok) {
        size_t span = (size_t)(m->level_max - m->level_min) + 1;
        c->box_of_level = heap_alloc(c->arena->heap, span * sizeof *c->box_of_level);
        for (size_t i = 0; i < span; i++)
            c->box_of_level[i] = -1;
        for (size_t i = 0; i < m->nboxes; i++)
            if (c->box_info[i].levels_ok && !bad[i])
                for (int l = m->boxes[i].lo; l <= m->boxes[i].hi; l++)
                    c->box_of_level[l - m->level_min] = (long)i;
    }
    heap_free(c->arena->heap, bad);
}

static void relate_roles_to_boxes(struct checker *c)
{
    struct model *m = c->m;
    /* a box line with a syntax error is missing: fit cannot be judged */
    if (!c->box_of_level || m->nboxes == 0 || !c->boxes_ok || c->syntax_errors)
        return;
    for (size_t i = 0; i < m->nroles; i++) {
        struct model_role *r = &m->roles[i];
        if (!c->role_info[i].levels_ok)
            continue;
        long b = c->box_of_level[r->lo - m->level_min];
        if (b >= 0 && b == c->box_of_level[r->hi - m->level_min]) {
            r->box = b;
            continue;
        }
        char lv[64];
        diag_warning(c->diag, "W151", c->role_info[i].stmt->u.role.levels.loc,
                     "role '%s' (%s) fits in no single box", r->id, role_levels_text(c, r, lv, sizeof lv));
    }
}

/* Within one track, a company's lines go up the ladder in source order.
 * c->track_last is shared by all companies: an entry counts only when its
 * stamp is this company's, so no per-company clearing (400k companies times
 * 400k tracks would be quadratic). */
static void check_company_order(struct checker *c, const char *company, const struct span_ref *v, size_t n)
{
    size_t stamp = ++c->track_stamp_now;
    for (size_t i = 0; i < n; i++) {
        size_t t = v[i].track;
        if (c->track_stamp[t] != stamp) {
            c->track_stamp[t] = stamp;
            c->track_last[t] = i;
            continue;
        }
        if (v[i].lo < v[c->track_last[t]].lo) {
            const struct span_ref *prev = &v[c->track_last[t]];
            char la[64], lb[64];
            levels_text(c, v[i].lo, v[i].hi, la, sizeof la);
            levels_text(c, prev->lo, prev->hi, lb, sizeof lb);
            struct diag *d = diag_warning(c->diag, "W162", v[i].loc,
                "company '%s': the line for %s comes after the line for %s; list each track's levels in ascending order",
                company, la, lb);
            diag_note(c->diag, d, prev->loc, "the line for %s is here", lb);
        }
        c->track_last[t] = i;
    }
}

/* Sorts v by track and code; reports every code used twice in a track. */
static void check_company_codes(struct checker *c, const char *company, struct span_ref *v, size_t n)
{
    qsort(v, n, sizeof *v, code_cmp);
    for (size_t i = 1; i < n; i++) {
        if (v[i].track != v[i - 1].track || strcmp(v[i].code, v[i - 1].code) != 0)
            continue;
        struct diag *d = diag_error(c->diag, "E163", v[i].loc, "company '%s' uses code \"%s\" twice in track '%s'",
                                    company, v[i].code, c->m->tracks[v[i].track].id);
        diag_note(c->diag, d, v[i - 1].loc, "code \"%s\" is first used here", v[i].code);
    }
}

/* Resolves a company's lines, then checks them against each other. */
static void check_company(struct checker *c, const struct ast_stmt *s)
{
    size_t idx = 0;
    symtab_get(&c->companies, s->u.company.id.text, &idx);  /* found: declare_definition added every id */
    bool first = c->company_stmt[idx] == s;
    const char *company = s->u.company.id.text;
    size_t n = 0;
    struct model_company_line *lines = arena_array(c->arena, s->u.company.nlines, sizeof *lines);
    struct span_ref *v = heap_calloc(c->arena->heap, s->u.company.nlines, sizeof *v);
    for (const struct ast_company_line *l = s->u.company.lines; l; l = l->next) {
        struct model_company_line ml = {.code = l->code.text, .title = l->title.text, .loc = l->loc};
        size_t track = SIZE_MAX;
        bool ok = resolve_track(c, l->track, &track);
        ml.track = ok ? track : 0;
        ok = resolve_track_levels(c, track, &l->levels, &ml.lo, &ml.hi) && ok;
        if (!ok)
            continue;
        v[n] = (struct span_ref){ml.lo, ml.hi, ml.track, ml.code, n, l->loc, ml.title};
        lines[n++] = ml;
    }
    if (first) {
        c->m->companies[idx].lines = lines;
        c->m->companies[idx].nlines = n;
    }
    check_company_order(c, company, v, n);
    char what[256];
    snprintf(what, sizeof what, "company '%s': line", company);
    report_overlaps(c, v, n, "E161", what, NULL);
    check_company_codes(c, company, v, n);
    heap_free(c->arena->heap, v);
}

/* By value (40 and 40.0 are one point), keyed as pair_slot is: the file
 * chooses its positions, and a fixed, invertible mix could be made to put
 * them all in one slot. The caller takes the top bits. */
static uint64_t position_hash(const struct checker *c, double x, double y)
{
    uint64_t a, b;
    x += 0.0;   /* -0 becomes +0: the same point */
    y += 0.0;
    memcpy(&a, &x, sizeof a);
    memcpy(&b, &y, sizeof b);
    return a * c->mul[1] + b * c->mul[2];
}

/* Where a role's position is written: its 'at', or its id when its rungs
 * place it. */
static struct loc role_position_loc(const struct checker *c, size_t i)
{
    const struct ast_stmt *s = c->role_info[i].stmt;
    return ast_role_has_at(s) ? s->u.role.x.loc : s->u.role.id.loc;
}

/* Two roles at one point would be drawn one over the other. An open-address
 * table of role indices keyed by position (by value: 40 and 40.0 are equal). */
static void relate_positions(struct checker *c)
{
    struct model *m = c->m;
    size_t cap = 16;
    int shift = 60;
    while (cap < 2 * m->nroles) {
        cap *= 2;
        shift--;
    }
    size_t *slot = heap_alloc(c->arena->heap, cap * sizeof *slot);   /* role index + 1, 0 = empty */
    memset(slot, 0, cap * sizeof *slot);
    for (size_t i = 0; i < m->nroles; i++) {
        const struct model_role *r = &m->roles[i];
        if (isnan(r->x))
            continue;       /* not placed: E187, or a mistake in its rungs, says so */
        size_t k = (size_t)(position_hash(c, r->x, r->y) >> shift);
        while (slot[k] && !(m->roles[slot[k] - 1].x == r->x && m->roles[slot[k] - 1].y == r->y))
            k = (k + 1) & (cap - 1);
        if (!slot[k]) {
            slot[k] = i + 1;
            continue;
        }
        size_t first = slot[k] - 1;
        char x[32], y[32];
        const struct ast_stmt *s = c->role_info[i].stmt;
        struct diag *d = diag_warning(c->diag, "W152", role_position_loc(c, i),
            "roles '%s' and '%s' are at the same position (%s, %s): %s%s",
            m->roles[first].id, r->id,
            ast_role_has_at(s) ? s->u.role.x.text : model_number_text(r->x, x, sizeof x),
            ast_role_has_at(s) ? s->u.role.y.text : model_number_text(r->y, y, sizeof y),
            m->layout_exact ? "the map draws one over the other"
                            : "the map cannot say which has more of either skill, and puts them side by side",
            r->derived && m->roles[first].derived ? " (their rungs place them there: give one 'at (x, y)')" : "");
        diag_note(c->diag, d, role_position_loc(c, first), "'%s' is here", m->roles[first].id);
    }
    heap_free(c->arena->heap, slot);
}

/* W153: where the relative layout cannot keep frames apart, because the
 * file's order interleaves two boxes on both axes or puts a role within the
 * span of a box it is not in (layout_conflicts). At most this many: each
 * is about the file's order, and the first ones say what to change. */
#define LAYOUT_CONFLICTS_MAX 100

/* What to do about a conflict: move a role, unless its rungs place every
 * role involved. */
static const char *layout_fix(const struct model *m, const size_t *roles, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!m->roles[roles[i]].derived)
            return "move a role, or write 'layout exact'";
    return "their rungs place them: give a role 'at (x, y)', or write 'layout exact'";
}

static void report_box_pair(struct checker *c, const struct layout_conflict *k)
{
    const struct model *m = c->m;
    const struct model_box *a = &m->boxes[k->box_a], *b = &m->boxes[k->box_b];
    size_t why[] = {k->across[0], k->across[1], k->up[0], k->up[1]};
    struct diag *d = diag_warning(c->diag, "W153", b->loc,
        "boxes '%s' and '%s' overlap on the map: the roles' order leaves no room to draw them apart (%s)",
        a->name, b->name, layout_fix(m, why, 4));
    const struct model_role *r0 = &m->roles[k->across[0]], *r1 = &m->roles[k->across[1]];
    diag_note(c->diag, d, r0->loc, "'%s' (in '%s') is not left of '%s' (in '%s')", r0->id,
              m->boxes[r0->box].name, r1->id, m->boxes[r1->box].name);
    r0 = &m->roles[k->up[0]], r1 = &m->roles[k->up[1]];
    diag_note(c->diag, d, r0->loc, "'%s' (in '%s') is not below '%s' (in '%s')", r0->id,
              m->boxes[r0->box].name, r1->id, m->boxes[r1->box].name);
}

static void report_role_in_box(struct checker *c, const struct layout_conflict *k)
{
    const struct model *m = c->m;
    const struct model_role *r = &m->roles[k->role];
    const struct model_box *a = &m->boxes[k->box_a];
    size_t why[] = {k->role, k->span[0], k->span[1], k->span[2], k->span[3]};
    struct diag *d = diag_warning(c->diag, "W153", r->loc,
        "role '%s' lies within box '%s' on the map, which it is not in: the roles' order leaves no room "
        "to draw it outside (%s)", r->id, a->name, layout_fix(m, why, 5));
    diag_note(c->diag, d, a->loc, "'%s' spans from '%s' to '%s' across and from '%s' to '%s' up", a->name,
              m->roles[k->span[0]].id, m->roles[k->span[1]].id, m->roles[k->span[2]].id,
              m->roles[k->span[3]].id);
}

static void relate_layout(struct checker *c)
{
    if (c->m->layout_exact || c->m->nboxes == 0)
        return;
    struct layout_conflict *k = heap_calloc(c->arena->heap, LAYOUT_CONFLICTS_MAX, sizeof *k);
    size_t n = layout_conflicts(c->m, c->arena->heap, k, LAYOUT_CONFLICTS_MAX);
    for (size_t i = 0; i < n; i++) {
        if (k[i].role == SIZE_MAX)
            report_box_pair(c, &k[i]);
        else
            report_role_in_box(c, &k[i]);
    }
    heap_free(c->arena->heap, k);
}

/* The warnings about competencies (check_rungs.c), over the model as
 * filled: a role is compared when its track, levels and block resolved. */
static void relate_rungs(struct checker *c)
{
    struct model *m = c->m;
    if (!m->ncompetencies)
        return;     /* the common case: nothing to allocate */
    bool *judged = heap_calloc(c->arena->heap, m->nroles ? m->nroles : 1, sizeof *judged);
    for (size_t i = 0; i < m->nroles; i++)
        judged[i] = c->role_info[i].levels_ok && c->role_info[i].rungs_ok;
    check_rungs(m, judged, c->syntax_errors == 0, c->diag, c->arena->heap);
    heap_free(c->arena->heap, judged);
}

/* ---- driver ---- */

/* The statement counts and syntax errors of every file, summed: the
 * checker sizes its tables for the whole session at once. */
static void checker_count(struct checker *c)
{
    for (size_t k = 0; k < c->nfiles; k++) {
        for (int i = 0; i < AST_KIND_COUNT; i++)
            c->count[i] += c->files[k]->count[i];
        c->syntax_errors += c->files[k]->syntax_errors;
    }
}

static void checker_init_index(struct checker *c, struct arena *a)
{
    if (!c->idx)
        return;
    const size_t *n = c->count;
    size_t ndefs[INDEX_KIND_COUNT] = {[INDEX_ROLE] = n[AST_ROLE], [INDEX_TRACK] = n[AST_TRACK],
                                      [INDEX_BOX] = n[AST_BOX], [INDEX_COMPANY] = n[AST_COMPANY],
                                      [INDEX_COMPETENCY] = n[AST_COMPETENCY]};
    /* what each statement records at most (a role: its id, track and two
     * levels; a transition: two roles); company lines grow the table */
    index_prepare(c->idx, ndefs, 4 * n[AST_ROLE] + 2 * n[AST_TRANSITION] + 3 * n[AST_BOX] + n[AST_TRACK] +
                                     n[AST_COMPANY] + n[AST_LEVELS] + 64);
    c->idx->nfiles = c->nfiles;
    c->idx->files = arena_array(a, c->nfiles ? c->nfiles : 1, sizeof *c->idx->files);
    for (size_t k = 0; k < c->nfiles; k++)
        c->idx->files[k] = c->files[k]->path;
}

static void checker_init(struct checker *c, struct ast_file *const *files, size_t nfiles, struct arena *a,
                         struct diag_sink *d, struct index *idx)
{
    memset(c, 0, sizeof *c);
    c->arena = a;
    c->diag = d;
    c->files = files;
    c->nfiles = nfiles;
    c->idx = idx;
    checker_count(c);
    const size_t *count = c->count;
    checker_init_index(c, a);
    c->suggestions_left = SUGGESTION_BUDGET;
    c->suggestion_work_left = SUGGESTION_WORK;
    c->axis_ok[0] = c->axis_ok[1] = true;
    c->boxes_ok = true;
    /* after a syntax error the levels statement may be the line that broke */
    c->missing_scale_reported = c->syntax_errors > 0;
    struct model *m = c->m = arena_alloc(a, sizeof *m);
    m->axis[0] = m->axis[1] = (struct model_axis){"", 0, 100};
    m->level_prefix = "L";
    m->tracks = arena_array(a, count[AST_TRACK], sizeof *m->tracks);
    m->roles = arena_array(a, count[AST_ROLE], sizeof *m->roles);
    m->boxes = arena_array(a, count[AST_BOX], sizeof *m->boxes);
    m->companies = arena_array(a, count[AST_COMPANY], sizeof *m->companies);
    m->transitions = arena_array(a, count[AST_TRANSITION], sizeof *m->transitions);
    c->track_info = heap_calloc(c->arena->heap, count[AST_TRACK], sizeof *c->track_info);
    size_t ncomp = count[AST_COMPETENCY] < MODEL_COMPETENCIES_MAX ? count[AST_COMPETENCY] : MODEL_COMPETENCIES_MAX;
    m->competencies = arena_array(a, ncomp, sizeof *m->competencies);
    c->competency_stmt = arena_array(a, ncomp, sizeof *c->competency_stmt);
    c->competency_info = arena_array(a, ncomp, sizeof *c->competency_info);
    c->company_stmt = arena_array(a, count[AST_COMPANY], sizeof *c->company_stmt);
    c->role_info = heap_calloc(c->arena->heap, count[AST_ROLE], sizeof *c->role_info);
    c->box_info = heap_calloc(c->arena->heap, count[AST_BOX], sizeof *c->box_info);
    c->track_last = heap_calloc(c->arena->heap, count[AST_TRACK], sizeof *c->track_last);
    c->track_stamp = heap_calloc(c->arena->heap, count[AST_TRACK], sizeof *c->track_stamp);
    symtab_init(&c->roles, c->arena->heap);
    symtab_init(&c->tracks, c->arena->heap);
    symtab_init(&c->companies, c->arena->heap);
    symtab_init(&c->boxes, c->arena->heap);
    symtab_init(&c->competencies, c->arena->heap);
    symtab_init(&c->track_prefixes, c->arena->heap);
    symtab_init(&c->undefined_competencies, c->arena->heap);
    symtab_init(&c->capped_competencies, c->arena->heap);
    symtab_reserve(&c->roles, count[AST_ROLE]);
    symtab_init(&c->undefined_roles, c->arena->heap);
    symtab_init(&c->undefined_tracks, c->arena->heap);
    broken_defs_index(c);
    size_t cap = 16;
    while (cap < 2 * count[AST_TRANSITION])
        cap *= 2;
    c->pairs = heap_calloc(c->arena->heap, cap, sizeof *c->pairs);
    c->pairs_mask = cap - 1;
    c->pairs_shift = 64;
    for (size_t k = cap; k > 1; k >>= 1)
        c->pairs_shift--;
    uint64_t seed[3] = {1, 2, 3};
    for (int i = 0; i < 3; i++)
        c->mul[i] = symtab_hash_bytes(&c->roles, &seed[i], sizeof seed[i]) | 1;
}

static void checker_free(struct checker *c)
{
    symtab_free(&c->roles);
    symtab_free(&c->tracks);
    symtab_free(&c->companies);
    symtab_free(&c->boxes);
    symtab_free(&c->competencies);
    symtab_free(&c->track_prefixes);
    symtab_free(&c->undefined_competencies);
    symtab_free(&c->capped_competencies);
    heap_free(c->arena->heap, c->track_info);
    symtab_free(&c->broken);
    symtab_free(&c->undefined_roles);
    symtab_free(&c->undefined_tracks);
    heap_free(c->arena->heap, c->undefined);
    heap_free(c->arena->heap, c->pairs);
    heap_free(c->arena->heap, c->deferred);
    heap_free(c->arena->heap, c->role_info);
    heap_free(c->arena->heap, c->box_info);
    heap_free(c->arena->heap, c->track_last);
    heap_free(c->arena->heap, c->track_stamp);
    heap_free(c->arena->heap, c->box_of_level);
}

static int model_file_cmp(const void *pa, const void *pb)
{
    const struct model_file *a = pa, *b = pb;
    return (a->start > b->start) - (a->start < b->start);
}

/* The table model_file_of searches: each file that has a statement and a
 * path, by its first statement's offset. Files need not be checked in
 * offset order (a session loads the importer first, checks it last), but
 * their spans never interleave, so the last file starting at or before an
 * entity's offset is the entity's file. */
static void model_files(struct checker *c)
{
    struct model *m = c->m;
    m->files = arena_array(c->arena, c->nfiles ? c->nfiles : 1, sizeof *m->files);
    for (size_t k = 0; k < c->nfiles; k++)
        if (c->files[k]->first && c->files[k]->path)
            m->files[m->nfiles++] = (struct model_file){c->files[k]->first->loc.start, c->files[k]->path};
    qsort(m->files, m->nfiles, sizeof *m->files, model_file_cmp);
}

/* The first statement of the session, where a missing scale is reported. */
static struct loc first_statement_loc(const struct checker *c)
{
    for (size_t k = 0; k < c->nfiles; k++)
        if (c->files[k]->first)
            return c->files[k]->first->loc;
    return (struct loc){0, 0};
}

static void declare_all(struct checker *c)
{
    for (c->cur = 0; c->cur < c->nfiles; c->cur++)
        for (const struct ast_stmt *s = c->files[c->cur]->first; s; s = s->next) {
            declare_singleton(c, s);
            declare_definition(c, s);
        }
    if (!c->levels && !c->missing_scale_reported) {
        diag_error(c->diag, "E116", first_statement_loc(c),
                   "no 'levels' statement declares the scale (for example 'levels L3..L11')");
        c->missing_scale_reported = true;
    }
}

/* A batch of transitions never spans two files: batch_fill stops at the end
 * of a file's list, and that file's transitions use the whole batch. */
static void check_all(struct checker *c)
{
    struct model *m = c->m;
    struct batch batch = {0};
    for (c->cur = 0; c->cur < c->nfiles; c->cur++)
        for (const struct ast_stmt *s = c->files[c->cur]->first; s; s = s->next) {
            bool ok;
            switch (s->kind) {
            case AST_ROLE: check_role(c, s); break;
            case AST_BOX: check_box(c, s); break;
            case AST_COMPANY: check_company(c, s); break;
            case AST_TRANSITION:
                check_transition(c, s, &m->transitions[m->ntransitions], &ok, &batch);
                if (ok)
                    m->ntransitions++;
                break;
            default: break;    /* singletons were declared; a kind added later is no rule's */
            }
        }
}

/* Where the ladder-wide statements are (model_where). */
static void model_where_of(const struct checker *c, struct model_where *w)
{
    if (c->ladder)
        w->ladder = c->ladder->loc;
    if (c->layout)
        w->layout = c->layout->loc;
    if (c->levels)
        w->levels = c->levels->loc;
    for (int i = 0; i < 2; i++)
        if (c->axis[i])
            w->axis[i] = c->axis[i]->loc;
    for (int k = 0; k < KIND_COUNT; k++)
        if (c->years[k])
            w->years[k] = c->years[k]->loc;
}

struct model *check_files(struct ast_file *const *files, size_t nfiles, struct arena *a, struct diag_sink *d,
                          struct index *idx)
{
    struct checker c;
    checker_init(&c, files, nfiles, a, d, idx);
    struct model *m = c.m;
    size_t errors_before = d->nerrors;

    model_files(&c);
    declare_all(&c);
    m->title = c.ladder ? c.ladder->u.ladder.title.text : NULL;
    model_where_of(&c, &m->where);
    resolve_track_names(&c);
    check_all(&c);
    check_deferred_transitions(&c);

    report_all_undefined(&c);
    relate_boxes(&c);
    relate_roles_to_boxes(&c);
    relate_positions(&c);
    relate_layout(&c);
    relate_rungs(&c);

    checker_free(&c);
    return c.syntax_errors == 0 && d->nerrors == errors_before ? m : NULL;
}

struct model *check_file(const struct ast_file *f, struct arena *a, struct diag_sink *d)
{
    struct ast_file *files[1] = {(struct ast_file *)f};    /* read only: check_files writes no tree */
    return check_files(files, 1, a, d, NULL);
}
