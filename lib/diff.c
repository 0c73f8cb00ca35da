/* diff.c - the changes between two checked versions of a ladder, as data.
 *
 * Each kind of thing is matched by its key in a hash table of the old
 * version's keys (symtab), so the work is linear in the two models; the
 * changes found are then sorted (kind, then the new version's source order,
 * removed things after in the old version's order). Printing is in
 * diff_print.c. */
#include "diff.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "symtab.h"

/* ---- building strings and changes ---- */

/* a, b, c and e (any may be NULL) joined, in the diff's arena */
static const char *diff_join(struct diff *d, const char *a, const char *b, const char *c, const char *e)
{
    const char *parts[4] = {a, b, c, e};
    size_t n = 0;
    for (int i = 0; i < 4; i++)
        n += parts[i] ? strlen(parts[i]) : 0;
    char *s = arena_alloc(&d->arena, n + 1), *p = s;
    for (int i = 0; i < 4; i++)
        if (parts[i]) {
            size_t k = strlen(parts[i]);
            memcpy(p, parts[i], k);
            p += k;
        }
    *p = '\0';
    return s;
}

/* b's text in the arena; b is emptied */
static const char *diff_take(struct diff *d, struct buf *b)
{
    const char *s = arena_strndup(&d->arena, b->data ? b->data : "", b->len);
    b->len = 0;
    return s;
}

static const char *diff_quote(struct diff *d, const char *s) { return diff_join(d, "'", s, "'", NULL); }

static const char *diff_number(struct diff *d, double v)
{
    char t[48];
    return arena_strdup(&d->arena, model_number_text(v, t, sizeof t));
}

/* "2..5", "3..", "3", "unknown" */
static const char *diff_years_text(struct diff *d, struct model_years y)
{
    if (!y.known)
        return "unknown";
    if (y.open)
        return diff_join(d, diff_number(d, y.min), "..", NULL, NULL);
    if (y.min == y.max)
        return diff_number(d, y.min);
    return diff_join(d, diff_number(d, y.min), "..", diff_number(d, y.max), NULL);
}

static bool diff_years_equal(struct model_years a, struct model_years b)
{
    if (a.known != b.known)
        return false;
    return !a.known || (a.open == b.open && a.min == b.min && a.max == b.max);
}

static bool diff_str_equal(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

static struct diff_change *diff_add(struct diff *d, enum diff_section section, enum diff_what what,
                                    const char *subject, const char *id, struct loc loc, bool old_side)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? 2 * d->cap : 64;
        d->v = heap_realloc(d->heap, d->v, d->cap * sizeof *d->v);
    }
    struct diff_change *c = &d->v[d->n];
    memset(c, 0, sizeof *c);
    c->section = section;
    c->what = what;
    c->subject = subject;
    c->id = id;
    c->loc = loc;
    c->old_side = old_side;
    c->seq = d->n++;
    c->property = what == DIFF_ADDED ? "added" : what == DIFF_REMOVED ? "removed" : what == DIFF_RAISED ? "raised"
                  : what == DIFF_LOWERED ? "lowered" : what == DIFF_MOVED ? "moved" : what == DIFF_ID ? "id" : NULL;
    return c;
}

/* A property of the same thing in both versions: at the new one's place. */
static void diff_property(struct diff *d, enum diff_section section, const char *subject, const char *id,
                          struct loc loc, const char *property, const char *old_value, const char *new_value,
                          bool quoted)
{
    struct diff_change *c = diff_add(d, section, DIFF_CHANGED, subject, id, loc, false);
    c->property = property;
    c->old_value = old_value;
    c->new_value = new_value;
    c->quoted = quoted;
}

/* A property of a statement that either version may leave out (the
 * ladder's title, its layout): at the new statement, else the old one. */
static void diff_setting(struct diff *d, enum diff_section section, const char *subject, struct loc new_loc,
                         struct loc old_loc, const char *property, const char *old_value, const char *new_value,
                         bool quoted)
{
    bool old_side = new_loc.end == 0;
    struct diff_change *c = diff_add(d, section, DIFF_CHANGED, subject, property, old_side ? old_loc : new_loc,
                                     old_side);
    c->property = property;
    c->old_value = old_value;
    c->new_value = new_value;
    c->quoted = quoted;
}

/* ---- ids to indices ---- */

/* A table of keys[0..n) -> index (the first of equal keys). */
static void diff_table(struct diff *d, struct symtab *t, const char *const *keys, size_t n)
{
    symtab_init(t, d->heap);
    symtab_reserve(t, n);
    size_t existing;
    for (size_t i = 0; i < n; i++)
        symtab_add(t, keys[i], i, &existing);
}

/* The keys of an array of entities (each `size` bytes, its key a pointer at
 * `offset`), in the arena. */
static const char **diff_keys(struct diff *d, const void *v, size_t n, size_t size, size_t offset)
{
    const char **keys = arena_array(&d->arena, n ? n : 1, sizeof *keys);
    for (size_t i = 0; i < n; i++)
        memcpy(&keys[i], (const char *)v + i * size + offset, sizeof *keys);
    return keys;
}

/* For each entity of `from` (its keys), its index in `to` or SIZE_MAX. */
static size_t *diff_map(struct diff *d, const char *const *from, size_t nfrom, const struct symtab *to)
{
    size_t *map = arena_array(&d->arena, nfrom ? nfrom : 1, sizeof *map);
    for (size_t i = 0; i < nfrom; i++)
        if (!symtab_get(to, from[i], &map[i]))
            map[i] = SIZE_MAX;
    return map;
}

/* The names of the entities left unmatched (other[i] == SIZE_MAX) in t,
 * each to its first index, and how many share it (at that index). */
static size_t *diff_count_names(struct diff *d, struct symtab *t, const char *const *names, const size_t *other,
                                size_t n)
{
    size_t *count = arena_array(&d->arena, n ? n : 1, sizeof *count);
    symtab_init(t, d->heap);
    size_t existing;
    for (size_t i = 0; i < n; i++)
        if (other[i] == SIZE_MAX && !symtab_add(t, names[i], i, &existing))
            count[existing]++;
        else if (other[i] == SIZE_MAX)
            count[i] = 1;
    return count;
}

/* Pairs the entities left unmatched on both sides (old_to_new[j],
 * new_to_old[i] == SIZE_MAX) by a second key, when no other left over on
 * either side has it: so that the pairs never depend on the order of
 * statements. */
static void diff_pair_leftovers(struct diff *d, const char *const *old_names, size_t on, const char *const *new_names,
                                size_t nn, size_t *old_to_new, size_t *new_to_old)
{
    struct symtab left_old, left_new;
    size_t *old_count = diff_count_names(d, &left_old, old_names, old_to_new, on);
    size_t *new_count = diff_count_names(d, &left_new, new_names, new_to_old, nn);
    size_t j, k;
    for (size_t i = 0; i < nn; i++)
        if (new_to_old[i] == SIZE_MAX && symtab_get(&left_new, new_names[i], &k) && new_count[k] == 1 &&
            symtab_get(&left_old, new_names[i], &j) && old_count[j] == 1) {
            new_to_old[i] = j;
            old_to_new[j] = i;
        }
    symtab_free(&left_old);
    symtab_free(&left_new);
}

/* Matches by key; then, with names (entities whose id and name are their
 * first two fields: tracks, roles, companies, competencies), a new one left
 * over takes the old one left over with its name, when no other left over
 * on either side has that name (so that the pairs never depend on the
 * order of statements): an id renamed by hand, said once (diff_renamed_id)
 * and compared as one thing, so that its moves, rungs and lines are not
 * all "removed" and "added". */
static void diff_match(struct diff *d, struct diff_match *mt, const void *ov, size_t on, const void *nv, size_t nn,
                       size_t size, size_t offset, bool names)
{
    mt->old_keys = diff_keys(d, ov, on, size, offset);
    mt->new_keys = diff_keys(d, nv, nn, size, offset);
    struct symtab to, tn;
    diff_table(d, &to, mt->old_keys, on);
    diff_table(d, &tn, mt->new_keys, nn);
    mt->new_to_old = diff_map(d, mt->new_keys, nn, &to);
    mt->old_to_new = diff_map(d, mt->old_keys, on, &tn);
    symtab_free(&to);
    symtab_free(&tn);
    if (names)
        diff_pair_leftovers(d, diff_keys(d, ov, on, size, sizeof(const char *)), on,
                            diff_keys(d, nv, nn, size, sizeof(const char *)), nn, mt->old_to_new, mt->new_to_old);
}

#define DIFF_MATCH(d, mt, field, names)                                                                    \
    diff_match((d), (mt), (d)->old_v->m->field, (d)->old_v->m->n##field, (d)->new_v->m->field,             \
               (d)->new_v->m->n##field, sizeof *(d)->new_v->m->field, 0, (names))

/* The old id of new entity i when a same-name pair (else its own): what
 * keys built of ids (moves, company lines) use, so a pair's stay matched. */
static const char *diff_old_id(const struct diff_match *mt, size_t i)
{
    return mt->new_to_old[i] != SIZE_MAX ? mt->old_keys[mt->new_to_old[i]] : mt->new_keys[i];
}

/* When new entity i was matched by name to an old one with another id:
 * says so, at the new one's place. */
static void diff_renamed_id(struct diff *d, enum diff_section section, const char *noun, const struct diff_match *mt,
                            size_t i, const char *name, struct loc loc)
{
    if (mt->new_to_old[i] == SIZE_MAX || strcmp(mt->old_keys[mt->new_to_old[i]], mt->new_keys[i]) == 0)
        return;
    const char *old_id = mt->old_keys[mt->new_to_old[i]], *new_id = mt->new_keys[i];
    struct diff_change *c = diff_add(d, section, DIFF_ID, diff_join(d, noun, " id '", old_id, "'"), new_id, loc,
                                     false);
    c->old_value = old_id;
    c->new_value = new_id;
    c->detail = diff_join(d, "became '", new_id, "'? (same name ",
                          diff_join(d, diff_quote(d, name), "; 'ladderc rename' renames an id with all its uses)",
                                    NULL, NULL));
}

/* ---- the ladder's own settings and default years ---- */

static const char *diff_levels_text(struct diff *d, const struct model *m, int lo, int hi)
{
    struct buf b;
    buf_init(&b, d->heap);
    model_levels_put(&b, m, lo, hi);
    const char *s = diff_take(d, &b);
    buf_free(&b);
    return s;
}

static const char *diff_track_levels_text(struct diff *d, const struct model *m, size_t t, int lo, int hi)
{
    struct buf b;
    buf_init(&b, d->heap);
    model_track_levels_put(&b, m, t, lo, hi);
    const char *s = diff_take(d, &b);
    buf_free(&b);
    return s;
}

static void diff_ladder(struct diff *d)
{
    const struct model *o = d->old_v->m, *n = d->new_v->m;
    if (!diff_str_equal(o->title, n->title))
        diff_setting(d, DIFF_LADDER, "ladder", n->where.ladder, o->where.ladder, "title", o->title, n->title, true);
    if (o->layout_exact != n->layout_exact)
        diff_setting(d, DIFF_LADDER, "ladder", n->where.layout, o->where.layout, "layout",
                     o->layout_exact ? "exact" : "relative", n->layout_exact ? "exact" : "relative", false);
    const char *ol = diff_levels_text(d, o, o->level_min, o->level_max);
    const char *nl = diff_levels_text(d, n, n->level_min, n->level_max);
    if (strcmp(ol, nl) != 0)
        diff_setting(d, DIFF_LADDER, "ladder", n->where.levels, o->where.levels, "levels", ol, nl, false);
    static const char *const axis_name[2] = {"axis x title", "axis y title"};
    static const char *const axis_range[2] = {"axis x range", "axis y range"};
    for (int i = 0; i < 2; i++) {
        const struct model_axis *oa = &o->axis[i], *na = &n->axis[i];
        if (strcmp(oa->title, na->title) != 0)
            diff_setting(d, DIFF_LADDER, "ladder", n->where.axis[i], o->where.axis[i], axis_name[i], oa->title,
                         na->title, true);
        if (oa->min != na->min || oa->max != na->max)
            diff_setting(d, DIFF_LADDER, "ladder", n->where.axis[i], o->where.axis[i], axis_range[i],
                         diff_join(d, diff_number(d, oa->min), "..", diff_number(d, oa->max), NULL),
                         diff_join(d, diff_number(d, na->min), "..", diff_number(d, na->max), NULL), false);
    }
}

/* A kind's default years: the moves without years of their own that take
 * them are counted here, not listed one by one. */
static void diff_default_years(struct diff *d)
{
    const struct model *o = d->old_v->m, *n = d->new_v->m;
    for (int k = 0; k < KIND_COUNT; k++) {
        if (diff_years_equal(o->years[k], n->years[k]))
            continue;
        size_t users = 0;
        for (size_t i = 0; i < n->ntransitions; i++)
            users += n->transitions[i].kind == (enum model_kind)k && !n->transitions[i].own_years;
        const char *kind = model_kind_name((enum model_kind)k);
        struct diff_change *c = diff_add(d, DIFF_YEARS, DIFF_CHANGED, diff_join(d, "years ", kind, NULL, NULL), kind,
                                         n->where.years[k].end ? n->where.years[k] : o->where.years[k],
                                         n->where.years[k].end == 0);
        c->property = "years";
        c->old_value = diff_years_text(d, o->years[k]);
        c->new_value = diff_years_text(d, n->years[k]);
        char t[64];
        model_number_text((double)users, t, sizeof t);
        c->detail = diff_join(d, t, users == 1 ? " move without years of its own" : " moves without years of their own",
                              NULL, NULL);
    }
}

/* ---- tracks and boxes ---- */

static const char *diff_track_scale(struct diff *d, const struct model *m, const struct model_track *t)
{
    if (!t->level_prefix)
        return "the ladder's levels";
    return diff_join(d, diff_track_levels_text(d, m, (size_t)(t - m->tracks), t->lo, t->hi), " = ",
                     diff_levels_text(d, m, t->lo, t->hi), NULL);
}

static void diff_tracks(struct diff *d)
{
    const struct model *o = d->old_v->m, *n = d->new_v->m;
    const struct diff_match *mt = &d->tracks;
    for (size_t i = 0; i < n->ntracks; i++) {
        const struct model_track *t = &n->tracks[i];
        const char *subject = diff_join(d, "track '", t->id, "'", NULL);
        if (mt->new_to_old[i] == SIZE_MAX) {
            struct diff_change *c = diff_add(d, DIFF_TRACK, DIFF_ADDED, subject, t->id, t->loc, false);
            c->detail = diff_quote(d, t->name);
            continue;
        }
        diff_renamed_id(d, DIFF_TRACK, "track", mt, i, t->name, t->loc);
        const struct model_track *ot = &o->tracks[mt->new_to_old[i]];
        if (strcmp(ot->name, t->name) != 0)
            diff_property(d, DIFF_TRACK, subject, t->id, t->loc, "name", ot->name, t->name, true);
        const char *os = diff_track_scale(d, o, ot), *ns = diff_track_scale(d, n, t);
        if (strcmp(os, ns) != 0)
            diff_property(d, DIFF_TRACK, subject, t->id, t->loc, "levels", os, ns, false);
    }
    for (size_t i = 0; i < o->ntracks; i++)
        if (mt->old_to_new[i] == SIZE_MAX) {
            const struct model_track *t = &o->tracks[i];
            struct diff_change *c =
                diff_add(d, DIFF_TRACK, DIFF_REMOVED, diff_join(d, "track '", t->id, "'", NULL), t->id, t->loc, true);
            c->detail = diff_quote(d, t->name);
        }
}

/* A box's levels as a key: "lo..hi" in the scale's numbers. */
static const char *diff_box_key(struct diff *d, const struct model_box *b)
{
    char t[32];
    snprintf(t, sizeof t, "%d..%d", b->lo, b->hi);
    return arena_strdup(&d->arena, t);
}

/* Boxes left over on both sides with the same levels are one box renamed:
 * the boxes of a version never overlap (E150), so each levels has one. */
static void diff_box_renames(struct diff *d, struct diff_match *mt)
{
    const struct model *o = d->old_v->m, *n = d->new_v->m;
    struct symtab left;
    symtab_init(&left, d->heap);
    size_t existing, j;
    for (size_t i = 0; i < o->nboxes; i++)
        if (mt->old_to_new[i] == SIZE_MAX)
            symtab_add(&left, diff_box_key(d, &o->boxes[i]), i, &existing);
    for (size_t i = 0; i < n->nboxes; i++)
        if (mt->new_to_old[i] == SIZE_MAX && symtab_get(&left, diff_box_key(d, &n->boxes[i]), &j) &&
            mt->old_to_new[j] == SIZE_MAX) {
            mt->new_to_old[i] = j;
            mt->old_to_new[j] = i;
        }
    symtab_free(&left);
}

static void diff_boxes(struct diff *d)
{
    const struct model *o = d->old_v->m, *n = d->new_v->m;
    struct diff_match mt;
    diff_match(d, &mt, o->boxes, o->nboxes, n->boxes, n->nboxes, sizeof *n->boxes, offsetof(struct model_box, name),
               false);
    diff_box_renames(d, &mt);
    for (size_t i = 0; i < n->nboxes; i++) {
        const struct model_box *b = &n->boxes[i];
        const char *subject = diff_join(d, "box '", b->name, "'", NULL);
        const char *nl = diff_levels_text(d, n, b->lo, b->hi);
        if (mt.new_to_old[i] == SIZE_MAX) {
            diff_add(d, DIFF_BOX, DIFF_ADDED, subject, b->name, b->loc, false)->detail = nl;
            continue;
        }
        const struct model_box *ob = &o->boxes[mt.new_to_old[i]];
        if (strcmp(ob->name, b->name) != 0)
            diff_property(d, DIFF_BOX, subject, b->name, b->loc, "name", ob->name, b->name, true);
        const char *ol = diff_levels_text(d, o, ob->lo, ob->hi);
        if (strcmp(ol, nl) != 0)
            diff_property(d, DIFF_BOX, subject, b->name, b->loc, "levels", ol, nl, false);
    }
    for (size_t i = 0; i < o->nboxes; i++)
        if (mt.old_to_new[i] == SIZE_MAX) {
            const struct model_box *b = &o->boxes[i];
            diff_add(d, DIFF_BOX, DIFF_REMOVED, diff_join(d, "box '", b->name, "'", NULL), b->name, b->loc, true)
                ->detail = diff_levels_text(d, o, b->lo, b->hi);
        }
}

/* ---- roles and what they are expected to show ---- */

/* "3 'Owns'" */
static const char *diff_rung_text(struct diff *d, const struct model *m, const struct model_expect *e)
{
    char t[32];
    model_number_text(e->rung, t, sizeof t);
    return diff_join(d, t, " '", m->competencies[e->competency].rungs[e->rung - 1].name, "'");
}

static const char *diff_role_text(struct diff *d, const struct model *m, const struct model_role *r)
{
    return diff_join(d, diff_quote(d, r->name), ", track ", m->tracks[r->track].id,
                     diff_join(d, ", ", diff_track_levels_text(d, m, r->track, r->lo, r->hi), NULL, NULL));
}

/* The role's expectations in both versions (comp_new_to_old: each new
 * competency's old index, or SIZE_MAX). */
static void diff_expectations(struct diff *d, const struct model_role *or, const struct model_role *nr,
                              const size_t *comp_new_to_old, const size_t *comp_old_to_new)
{
    const struct model *o = d->old_v->m, *n = d->new_v->m;
    for (size_t i = 0; i < nr->about->nexpect; i++) {
        const struct model_expect *e = &nr->about->expect[i];
        size_t ok = comp_new_to_old[e->competency];
        const struct model_expect *oe = ok == SIZE_MAX ? NULL : model_role_expect(or, ok);
        if (oe && oe->rung == e->rung && diff_str_equal(oe->text, e->text))
            continue;   /* (the common case: no string is made for it) */
        const char *cid = n->competencies[e->competency].id;
        const char *subject = diff_join(d, "role '", nr->id, "' on ", cid);
        const char *id = diff_join(d, nr->id, " ", cid, NULL);
        if (!oe) {
            diff_add(d, DIFF_EXPECT, DIFF_ADDED, subject, id, e->loc, false)->detail = diff_rung_text(d, n, e);
            continue;
        }
        if (oe->rung != e->rung) {
            /* the same rung under a new number (a rung inserted below it)
             * is no higher or lower expectation */
            bool same = strcmp(o->competencies[oe->competency].rungs[oe->rung - 1].name,
                               n->competencies[e->competency].rungs[e->rung - 1].name) == 0;
            struct diff_change *c = diff_add(d, DIFF_EXPECT,
                                             same ? DIFF_CHANGED : e->rung > oe->rung ? DIFF_RAISED : DIFF_LOWERED,
                                             subject, id, e->loc, false);
            if (same)
                c->property = "renumbered";
            c->old_value = diff_rung_text(d, o, oe);
            c->new_value = diff_rung_text(d, n, e);
        }
        if (!diff_str_equal(oe->text, e->text))
            diff_property(d, DIFF_EXPECT, subject, id, e->loc, "sentence", oe->text, e->text, true);
    }
    for (size_t i = 0; i < or->about->nexpect; i++) {
        const struct model_expect *e = &or->about->expect[i];
        size_t nk = comp_old_to_new[e->competency];
        if (nk != SIZE_MAX && model_role_expect(nr, nk))
            continue;
        const char *cid = o->competencies[e->competency].id;
        diff_add(d, DIFF_EXPECT, DIFF_REMOVED, diff_join(d, "role '", or->id, "' on ", cid),
                 diff_join(d, or->id, " ", cid, NULL), e->loc, true)->detail = diff_rung_text(d, o, e);
    }
}

static void diff_role_pair(struct diff *d, const struct model_role *or, const struct model_role *r)
{
    const struct model *o = d->old_v->m, *n = d->new_v->m;
    const char *subject = diff_join(d, "role '", r->id, "'", NULL);
    if (strcmp(or->name, r->name) != 0)
        diff_property(d, DIFF_ROLE, subject, r->id, r->loc, "name", or->name, r->name, true);
    if (or->lo != r->lo || or->hi != r->hi)
        diff_property(d, DIFF_ROLE, subject, r->id, r->loc, "levels",
                      diff_track_levels_text(d, o, or->track, or->lo, or->hi),
                      diff_track_levels_text(d, n, r->track, r->lo, r->hi), false);
    if (d->tracks.new_to_old[r->track] != or->track)
        diff_property(d, DIFF_ROLE, subject, r->id, r->loc, "track", o->tracks[or->track].id, n->tracks[r->track].id,
                      false);
    if (!diff_str_equal(or->about->summary, r->about->summary))
        diff_property(d, DIFF_ROLE, subject, r->id, r->loc, "summary", or->about->summary, r->about->summary, true);
    if (!diff_str_equal(or->about->link, r->about->link))
        diff_property(d, DIFF_ROLE, subject, r->id, r->loc, "link", or->about->link, r->about->link, true);
    diff_expectations(d, or, r, d->comps.new_to_old, d->comps.old_to_new);
}

/* ---- places on the map ---- */

struct diff_rank_item {
    double v;
    size_t i;
};

static int diff_rank_cmp(const void *a, const void *b)
{
    const struct diff_rank_item *x = a, *y = b;
    if (x->v != y->v)
        return x->v < y->v ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

/* For values v[0..n): how many are smaller (lt) and how many smaller or
 * equal (le), each; O(n log n). */
static void diff_ranks(struct diff *d, const double *v, size_t n, size_t *lt, size_t *le)
{
    struct diff_rank_item *items = heap_calloc(d->heap, n ? n : 1, sizeof *items);
    for (size_t i = 0; i < n; i++)
        items[i] = (struct diff_rank_item){v[i], i};
    qsort(items, n, sizeof *items, diff_rank_cmp);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && items[j].v == items[i].v)
            j++;
        for (size_t k = i; k < j; k++) {
            lt[items[k].i] = i;
            le[items[k].i] = j;
        }
        i = j;
    }
    heap_free(d->heap, items);
}

static const char *diff_point(struct diff *d, double x, double y)
{
    return diff_join(d, "(", diff_number(d, x), ", ", diff_join(d, diff_number(d, y), ")", NULL, NULL));
}

/* The roles of both versions whose place the map would show moved: in the
 * exact layout, by more than 5% of an axis; in the relative layout, when
 * its order on an axis against the other roles of both versions changed
 * (dir: per role and axis, -1 left or down, 1 right or up, 0 not moved). */
static void diff_positions(struct diff *d, const size_t *role_new_to_old, bool exact)
{
    const struct model *o = d->old_v->m, *n = d->new_v->m;
    size_t common = 0;
    for (size_t i = 0; i < n->nroles; i++)
        common += role_new_to_old[i] != SIZE_MAX;
    if (common == 0)
        return;
    size_t *idx = heap_calloc(d->heap, common, sizeof *idx);
    double *ov = heap_calloc(d->heap, common, sizeof *ov), *nv = heap_calloc(d->heap, common, sizeof *nv);
    size_t *rank = heap_calloc(d->heap, 4 * common, sizeof *rank);
    int *dir = heap_calloc(d->heap, 2 * common, sizeof *dir);
    for (size_t i = 0, j = 0; i < n->nroles; i++)
        if (role_new_to_old[i] != SIZE_MAX)
            idx[j++] = i;
    for (int a = 0; a < 2; a++) {
        const struct model_axis *oa = &o->axis[a], *na = &n->axis[a];
        for (size_t j = 0; j < common; j++) {
            const struct model_role *nr = &n->roles[idx[j]], *or = &o->roles[role_new_to_old[idx[j]]];
            /* as a share of each version's axis, so that a rescaled axis moves nothing */
            ov[j] = ((a ? or->y : or->x) - oa->min) / (oa->max - oa->min);
            nv[j] = ((a ? nr->y : nr->x) - na->min) / (na->max - na->min);
        }
        if (!exact) {
            diff_ranks(d, ov, common, rank, rank + common);
            diff_ranks(d, nv, common, rank + 2 * common, rank + 3 * common);
        }
        for (size_t j = 0; j < common; j++) {
            double delta = nv[j] - ov[j];
            bool moved = exact ? fabs(delta) > 0.05
                               : delta != 0 && (rank[j] != rank[2 * common + j] ||
                                                rank[common + j] != rank[3 * common + j]);
            dir[2 * j + a] = moved ? (delta > 0 ? 1 : -1) : 0;
        }
    }
    for (size_t j = 0; j < common; j++) {
        int dx = dir[2 * j], dy = dir[2 * j + 1];
        if (!dx && !dy)
            continue;
        const struct model_role *nr = &n->roles[idx[j]], *or = &o->roles[role_new_to_old[idx[j]]];
        struct diff_change *c =
            diff_add(d, DIFF_POSITION, DIFF_MOVED, diff_join(d, "role '", nr->id, "'", NULL), nr->id, nr->loc, false);
        const char *h = dx > 0 ? "right" : dx < 0 ? "left" : NULL, *v = dy > 0 ? "up" : dy < 0 ? "down" : NULL;
        c->detail = h && v ? diff_join(d, h, " and ", v, NULL) : h ? h : v;
        c->old_value = diff_point(d, or->x, or->y);
        c->new_value = diff_point(d, nr->x, nr->y);
    }
    heap_free(d->heap, idx);
    heap_free(d->heap, ov);
    heap_free(d->heap, nv);
    heap_free(d->heap, rank);
    heap_free(d->heap, dir);
}

static void diff_roles(struct diff *d, bool exact)
{
    const struct model *o = d->old_v->m, *n = d->new_v->m;
    const struct diff_match *roles = &d->roles;
    for (size_t i = 0; i < n->nroles; i++) {
        const struct model_role *r = &n->roles[i];
        if (roles->new_to_old[i] == SIZE_MAX) {
            struct diff_change *c =
                diff_add(d, DIFF_ROLE, DIFF_ADDED, diff_join(d, "role '", r->id, "'", NULL), r->id, r->loc, false);
            c->detail = diff_role_text(d, n, r);
            continue;
        }
        diff_renamed_id(d, DIFF_ROLE, "role", roles, i, r->name, r->loc);
        diff_role_pair(d, &o->roles[roles->new_to_old[i]], r);
    }
    for (size_t i = 0; i < o->nroles; i++)
        if (roles->old_to_new[i] == SIZE_MAX) {
            const struct model_role *r = &o->roles[i];
            struct diff_change *c =
                diff_add(d, DIFF_ROLE, DIFF_REMOVED, diff_join(d, "role '", r->id, "'", NULL), r->id, r->loc, true);
            c->detail = diff_role_text(d, o, r);
        }
    diff_positions(d, roles->new_to_old, exact);
}

/* ---- moves ---- */

/* "from -> to" of each move, by the roles' ids; with roles (the new
 * version's), a role paired by name goes by its old id, so that its moves
 * match the old ones. */
static const char **diff_move_keys(struct diff *d, const struct model *m, const struct diff_match *roles)
{
    const char **keys = arena_array(&d->arena, m->ntransitions ? m->ntransitions : 1, sizeof *keys);
    for (size_t i = 0; i < m->ntransitions; i++) {
        const struct model_transition *t = &m->transitions[i];
        keys[i] = diff_join(d, roles ? diff_old_id(roles, t->from) : m->roles[t->from].id, " -> ",
                            roles ? diff_old_id(roles, t->to) : m->roles[t->to].id, NULL);
    }
    return keys;
}

static const char *diff_move_text(struct diff *d, const struct model_transition *t)
{
    return diff_join(d, model_kind_name(t->kind), ", ", diff_years_text(d, t->years), " years");
}

static void diff_move_pair(struct diff *d, const struct model_transition *ot, const struct model_transition *t,
                           const char *subject, const char *key)
{
    if (ot->kind != t->kind)
        diff_property(d, DIFF_MOVE, subject, key, t->loc, "kind", model_kind_name(ot->kind), model_kind_name(t->kind),
                      false);
    /* the resolved years; a change that only follows the kind's default is
     * said once, under the default years (diff_default_years) */
    bool by_default = !ot->own_years && !t->own_years && ot->kind == t->kind;
    if (!by_default && !diff_years_equal(ot->years, t->years)) {
        diff_property(d, DIFF_MOVE, subject, key, t->loc, "years", diff_years_text(d, ot->years),
                      diff_years_text(d, t->years), false);
        d->v[d->n - 1].detail = t->own_years ? "its own years" : diff_join(d, "the ", model_kind_name(t->kind),
                                                                           " default", NULL);
    }
}

static void diff_moves(struct diff *d)
{
    const struct model *o = d->old_v->m, *n = d->new_v->m;
    struct diff_match mt;
    mt.old_keys = diff_move_keys(d, o, NULL);
    mt.new_keys = diff_move_keys(d, n, &d->roles);
    const char **shown = diff_move_keys(d, n, NULL);
    struct symtab to, tn;
    diff_table(d, &to, mt.old_keys, o->ntransitions);
    diff_table(d, &tn, mt.new_keys, n->ntransitions);
    mt.new_to_old = diff_map(d, mt.new_keys, n->ntransitions, &to);
    mt.old_to_new = diff_map(d, mt.old_keys, o->ntransitions, &tn);
    symtab_free(&to);
    symtab_free(&tn);
    for (size_t i = 0; i < n->ntransitions; i++) {
        const struct model_transition *t = &n->transitions[i];
        const char *subject = diff_join(d, "move ", shown[i], NULL, NULL);
        if (mt.new_to_old[i] == SIZE_MAX) {
            struct diff_change *c = diff_add(d, DIFF_MOVE, DIFF_ADDED, subject, shown[i], t->loc, false);
            c->detail = diff_move_text(d, t);
            c->kind = model_kind_name(t->kind);
            continue;
        }
        diff_move_pair(d, &o->transitions[mt.new_to_old[i]], t, subject, shown[i]);
    }
    for (size_t i = 0; i < o->ntransitions; i++)
        if (mt.old_to_new[i] == SIZE_MAX) {
            const struct model_transition *t = &o->transitions[i];
            struct diff_change *c = diff_add(d, DIFF_MOVE, DIFF_REMOVED, diff_join(d, "move ", mt.old_keys[i], NULL, NULL),
                                             mt.old_keys[i], t->loc, true);
            c->detail = diff_move_text(d, t);
            c->kind = model_kind_name(t->kind);
        }
}

/* ---- companies and their lines ---- */

/* A line's keys inside its company: its track's id and its levels (lines
 * of one company never overlap in a track: E161), or with by_code its
 * track's id and its code; with tracks (the new version's), a track paired
 * by name goes by its old id. */
static const char **diff_line_keys(struct diff *d, const struct model *m, const struct model_company *c,
                                   const struct diff_match *tracks, bool by_code)
{
    const char **keys = arena_array(&d->arena, c->nlines ? c->nlines : 1, sizeof *keys);
    for (size_t i = 0; i < c->nlines; i++) {
        const struct model_company_line *l = &c->lines[i];
        char t[64];
        snprintf(t, sizeof t, " %d..%d", l->lo, l->hi);
        const char *track = tracks ? diff_old_id(tracks, l->track) : m->tracks[l->track].id;
        keys[i] = by_code ? diff_join(d, track, " ", l->code, NULL) : diff_join(d, track, t, NULL, NULL);
    }
    return keys;
}

/* "ic L3..L4": a line as the output names it. */
static const char *diff_line_text(struct diff *d, const struct model *m, const struct model_company_line *l)
{
    return diff_join(d, m->tracks[l->track].id, " ", diff_track_levels_text(d, m, l->track, l->lo, l->hi), NULL);
}

/* Lines are matched by track and levels; a line left over on both sides
 * with the same track and code (and no other left over with them) is one
 * line re-levelled: "Acme's A3 now covers L3..L4". */
static void diff_company_lines(struct diff *d, const struct model_company *oc, const struct model_company *c)
{
    const struct model *o = d->old_v->m, *n = d->new_v->m;
    const char **ok = diff_line_keys(d, o, oc, NULL, false), **nk = diff_line_keys(d, n, c, &d->tracks, false);
    struct symtab to, tn;
    diff_table(d, &to, ok, oc->nlines);
    diff_table(d, &tn, nk, c->nlines);
    size_t *new_to_old = diff_map(d, nk, c->nlines, &to), *old_to_new = diff_map(d, ok, oc->nlines, &tn);
    symtab_free(&to);
    symtab_free(&tn);
    diff_pair_leftovers(d, diff_line_keys(d, o, oc, NULL, true), oc->nlines, diff_line_keys(d, n, c, &d->tracks, true),
                        c->nlines, old_to_new, new_to_old);
    for (size_t i = 0; i < c->nlines; i++) {
        const struct model_company_line *l = &c->lines[i];
        const char *line = diff_line_text(d, n, l);
        const char *subject = diff_join(d, "company '", c->id, "' line ", line);
        const char *id = diff_join(d, c->id, " ", line, NULL);
        if (new_to_old[i] == SIZE_MAX) {
            diff_add(d, DIFF_COMPANY_LINE, DIFF_ADDED, subject, id, l->loc, false)->detail =
                diff_join(d, diff_quote(d, l->code), " ", diff_quote(d, l->title), NULL);
            continue;
        }
        const struct model_company_line *ol = &oc->lines[new_to_old[i]];
        if (ol->lo != l->lo || ol->hi != l->hi)
            diff_property(d, DIFF_COMPANY_LINE, subject, id, l->loc, "levels",
                          diff_track_levels_text(d, o, ol->track, ol->lo, ol->hi),
                          diff_track_levels_text(d, n, l->track, l->lo, l->hi), false);
        if (strcmp(ol->code, l->code) != 0)
            diff_property(d, DIFF_COMPANY_LINE, subject, id, l->loc, "code", ol->code, l->code, true);
        if (strcmp(ol->title, l->title) != 0)
            diff_property(d, DIFF_COMPANY_LINE, subject, id, l->loc, "title", ol->title, l->title, true);
    }
    for (size_t i = 0; i < oc->nlines; i++) {
        if (old_to_new[i] != SIZE_MAX)
            continue;
        const struct model_company_line *l = &oc->lines[i];
        const char *line = diff_line_text(d, o, l);
        diff_add(d, DIFF_COMPANY_LINE, DIFF_REMOVED, diff_join(d, "company '", oc->id, "' line ", line),
                 diff_join(d, oc->id, " ", line, NULL), l->loc, true)
            ->detail = diff_join(d, diff_quote(d, l->code), " ", diff_quote(d, l->title), NULL);
    }
}

static const char *diff_lines_count(struct diff *d, const struct model_company *c)
{
    char t[64];
    snprintf(t, sizeof t, "%zu %s", c->nlines, c->nlines == 1 ? "line" : "lines");
    return diff_join(d, diff_quote(d, c->name), ", ", t, NULL);
}

static void diff_companies(struct diff *d)
{
    const struct model *o = d->old_v->m, *n = d->new_v->m;
    const struct diff_match *mt = &d->companies;
    for (size_t i = 0; i < n->ncompanies; i++) {
        const struct model_company *c = &n->companies[i];
        const char *subject = diff_join(d, "company '", c->id, "'", NULL);
        if (mt->new_to_old[i] == SIZE_MAX) {
            struct diff_change *ch = diff_add(d, DIFF_COMPANY, DIFF_ADDED, subject, c->id, c->loc, false);
            ch->detail = diff_lines_count(d, c);
            continue;
        }
        diff_renamed_id(d, DIFF_COMPANY, "company", mt, i, c->name, c->loc);
        const struct model_company *oc = &o->companies[mt->new_to_old[i]];
        if (strcmp(oc->name, c->name) != 0)
            diff_property(d, DIFF_COMPANY, subject, c->id, c->loc, "name", oc->name, c->name, true);
        diff_company_lines(d, oc, c);
    }
    for (size_t i = 0; i < o->ncompanies; i++)
        if (mt->old_to_new[i] == SIZE_MAX) {
            const struct model_company *c = &o->companies[i];
            struct diff_change *ch =
                diff_add(d, DIFF_COMPANY, DIFF_REMOVED, diff_join(d, "company '", c->id, "'", NULL), c->id, c->loc, true);
            ch->detail = diff_lines_count(d, c);
        }
}

/* ---- competencies and their rungs ---- */

static const char *diff_skill_name(enum model_skill s)
{
    return s == SKILL_HARD ? "hard" : s == SKILL_SOFT ? "soft" : "none";
}

static const char *diff_competency_text(struct diff *d, const struct model_competency *c)
{
    char t[64];
    snprintf(t, sizeof t, "%s, %zu %s", diff_skill_name(c->skill), c->nrungs, c->nrungs == 1 ? "rung" : "rungs");
    return diff_join(d, diff_quote(d, c->name), ", ", t, NULL);
}

static const char *diff_rung_subject(struct diff *d, const char *cid, size_t i, const char **id)
{
    char t[32];
    snprintf(t, sizeof t, "%zu", i + 1);
    *id = diff_join(d, cid, " ", t, NULL);
    return diff_join(d, "competency '", cid, "' rung ", t);
}

static const char *diff_rung_detail(struct diff *d, const struct model_rung *r)
{
    return r->meaning ? diff_join(d, diff_quote(d, r->name), " ", diff_quote(d, r->meaning), NULL)
                      : diff_quote(d, r->name);
}

static void diff_rungs(struct diff *d, const struct model_competency *oc, const struct model_competency *c)
{
    const char *id;
    for (size_t i = 0; i < c->nrungs; i++) {
        const struct model_rung *r = &c->rungs[i];
        const char *subject = diff_rung_subject(d, c->id, i, &id);
        if (i >= oc->nrungs) {
            diff_add(d, DIFF_RUNG, DIFF_ADDED, subject, id, r->loc, false)->detail = diff_rung_detail(d, r);
            continue;
        }
        const struct model_rung *or = &oc->rungs[i];
        if (strcmp(or->name, r->name) != 0)
            diff_property(d, DIFF_RUNG, subject, id, r->loc, "name", or->name, r->name, true);
        if (!diff_str_equal(or->meaning, r->meaning))
            diff_property(d, DIFF_RUNG, subject, id, r->loc, "meaning", or->meaning, r->meaning, true);
    }
    for (size_t i = c->nrungs; i < oc->nrungs; i++) {
        const char *subject = diff_rung_subject(d, oc->id, i, &id);
        diff_add(d, DIFF_RUNG, DIFF_REMOVED, subject, id, oc->rungs[i].loc, true)->detail =
            diff_rung_detail(d, &oc->rungs[i]);
    }
}

static void diff_competencies(struct diff *d)
{
    const struct model *o = d->old_v->m, *n = d->new_v->m;
    const struct diff_match *mt = &d->comps;
    for (size_t i = 0; i < n->ncompetencies; i++) {
        const struct model_competency *c = &n->competencies[i];
        const char *subject = diff_join(d, "competency '", c->id, "'", NULL);
        if (mt->new_to_old[i] == SIZE_MAX) {
            struct diff_change *ch = diff_add(d, DIFF_COMPETENCY, DIFF_ADDED, subject, c->id, c->loc, false);
            ch->detail = diff_competency_text(d, c);
            continue;
        }
        diff_renamed_id(d, DIFF_COMPETENCY, "competency", mt, i, c->name, c->loc);
        const struct model_competency *oc = &o->competencies[mt->new_to_old[i]];
        if (strcmp(oc->name, c->name) != 0)
            diff_property(d, DIFF_COMPETENCY, subject, c->id, c->loc, "name", oc->name, c->name, true);
        if (oc->skill != c->skill)
            diff_property(d, DIFF_COMPETENCY, subject, c->id, c->loc, "axis", diff_skill_name(oc->skill),
                          diff_skill_name(c->skill), false);
        diff_rungs(d, oc, c);
    }
    for (size_t i = 0; i < o->ncompetencies; i++)
        if (mt->old_to_new[i] == SIZE_MAX) {
            const struct model_competency *c = &o->competencies[i];
            struct diff_change *ch = diff_add(d, DIFF_COMPETENCY, DIFF_REMOVED,
                                              diff_join(d, "competency '", c->id, "'", NULL), c->id, c->loc, true);
            ch->detail = diff_competency_text(d, c);
        }
}

/* ---- all of it ---- */

static int diff_change_cmp(const void *a, const void *b)
{
    const struct diff_change *x = a, *y = b;
    if (x->section != y->section)
        return x->section < y->section ? -1 : 1;
    if (x->old_side != y->old_side)
        return x->old_side ? 1 : -1;
    if (x->loc.start != y->loc.start)
        return x->loc.start < y->loc.start ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void diff_compute(struct heap *h, const struct diff_version *old_v, const struct diff_version *new_v, bool exact,
                  struct diff *out)
{
    memset(out, 0, sizeof *out);
    out->heap = h;
    arena_init(&out->arena, h);
    out->old_v = old_v;
    out->new_v = new_v;
    DIFF_MATCH(out, &out->tracks, tracks, true);
    DIFF_MATCH(out, &out->roles, roles, true);
    DIFF_MATCH(out, &out->companies, companies, true);
    DIFF_MATCH(out, &out->comps, competencies, true);
    diff_ladder(out);
    diff_default_years(out);
    diff_tracks(out);
    diff_boxes(out);
    diff_roles(out, exact);
    diff_moves(out);
    diff_companies(out);
    diff_competencies(out);
    out->count = out->n;
    if (out->n > 1)     /* (no list at all without changes: qsort wants one) */
        qsort(out->v, out->n, sizeof *out->v, diff_change_cmp);
}

void diff_free(struct diff *d)
{
    heap_free(d->heap, d->v);
    arena_free(&d->arena);
    d->v = NULL;
    d->n = 0;
}
