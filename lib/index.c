/* index.c - the index of every name: appended to by the checker, queried
 * by refs, rename and (later) a language server. */
#include "index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "source.h"
#include "suggest.h"
#include "util.h"

/* A box name is a short label (E106 in the checker says the same). */
enum { INDEX_BOX_NAME_MAX = 200 };

void index_init(struct index *idx, struct arena *arena)
{
    memset(idx, 0, sizeof *idx);
    idx->arena = arena;
    idx->scale_entry = INDEX_NONE;
}

const char *index_kind_name(enum index_kind kind)
{
    static const char *const names[] = {"role", "track", "box", "company", "level", "competency"};
    return (unsigned)kind < INDEX_KIND_COUNT ? names[kind] : "name";
}

void index_reserve(struct index *idx, size_t n)
{
    if (n <= idx->cap)
        return;
    struct index_entry *v = arena_array(idx->arena, n, sizeof *v);
    if (idx->n)
        memcpy(v, idx->v, idx->n * sizeof *v);
    idx->v = v;
    idx->cap = n;
}

void index_prepare(struct index *idx, const size_t ndefs[INDEX_KIND_COUNT], size_t nentries)
{
    struct arena *a = idx->arena;
    const char **files = idx->files;
    size_t nfiles = idx->nfiles;
    index_init(idx, a);
    idx->files = files;
    idx->nfiles = nfiles;
    for (int k = 0; k < INDEX_KIND_COUNT; k++)
        idx->defs[k] = arena_array(a, ndefs[k] ? ndefs[k] : 1, sizeof *idx->defs[k]);
    index_reserve(idx, nentries);
}

/* Appends an entry; the table doubles inside the arena when the checker's
 * estimate was short (the old block is abandoned: memory stays linear), so
 * no entry costs an allocation. */
static uint32_t index_push(struct index *idx, struct index_entry e)
{
    if (idx->n == idx->cap)
        index_reserve(idx, idx->cap ? 2 * idx->cap : 256);
    idx->v[idx->n] = e;
    return (uint32_t)idx->n++;
}

static struct index_entry entry(enum index_kind kind, bool is_def, const char *name, struct loc loc,
                                uint32_t target, bool resolved, uint32_t file)
{
    struct index_entry e = {.loc = loc, .name = name, .target = target};
    e.file = file;
    e.kind = kind;
    e.is_def = is_def;
    e.resolved = resolved;
    return e;
}

void index_add_def(struct index *idx, enum index_kind kind, const char *name, struct loc loc, uint32_t target,
                   bool first, uint32_t file)
{
    uint32_t self = index_push(idx, entry(kind, true, name, loc, target, true, file));
    if (first)
        idx->defs[kind][target] = self;
}

void index_add_ref(struct index *idx, enum index_kind kind, const char *name, struct loc loc, uint32_t target,
                   uint32_t file)
{
    index_push(idx, entry(kind, false, name, loc, target, target != INDEX_NONE, file));
}

void index_add_scale(struct index *idx, const char *prefix, int32_t lo, int32_t hi, struct loc loc, uint32_t file)
{
    idx->scale_entry = index_push(idx, entry(INDEX_LEVEL, true, prefix, loc, 0, true, file));
    idx->scale_lo = lo;
    idx->scale_hi = hi;
}

void index_add_level(struct index *idx, const char *prefix, int32_t number, bool resolved, struct loc loc,
                     uint32_t file)
{
    index_push(idx, entry(INDEX_LEVEL, false, prefix, loc, (uint32_t)number, resolved, file));
}

/* ---- by position ---- */

static int u64_cmp(const void *pa, const void *pb)
{
    uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
    return (a > b) - (a < b);
}

/* Entry numbers by start offset (ties: entry order), sorted as one 64-bit
 * key each, so that qsort needs no context. */
static void index_sort_by_pos(struct index *idx)
{
    if (idx->by_pos && idx->nby_pos == idx->n)
        return;
    uint64_t *key = arena_array(idx->arena, idx->n ? idx->n : 1, sizeof *key);
    for (size_t i = 0; i < idx->n; i++)
        key[i] = (uint64_t)idx->v[i].loc.start << 32 | (uint64_t)i;
    qsort(key, idx->n, sizeof *key, u64_cmp);
    idx->by_pos = arena_array(idx->arena, idx->n ? idx->n : 1, sizeof *idx->by_pos);
    for (size_t i = 0; i < idx->n; i++)
        idx->by_pos[i] = (uint32_t)key[i];
    idx->nby_pos = idx->n;
}

const struct index_entry *index_at(struct index *idx, uint32_t offset)
{
    index_sort_by_pos(idx);
    size_t lo = 0, hi = idx->nby_pos;   /* the first entry starting after offset */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (idx->v[idx->by_pos[mid]].loc.start <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* spans never overlap (each is one name, one level, or the levels
     * statement's range): only the last one starting at or before offset
     * can hold it */
    if (lo == 0)
        return NULL;
    const struct index_entry *e = &idx->v[idx->by_pos[lo - 1]];
    return offset <= e->loc.end ? e : NULL;
}

const struct index_entry *index_definition(const struct index *idx, const struct index_entry *e)
{
    if (!e->resolved)
        return NULL;
    if (e->kind == INDEX_LEVEL)
        return &idx->v[idx->scale_entry];
    return &idx->v[idx->defs[e->kind][e->target]];
}

/* ---- by name ---- */

/* "L5" as a prefix ([A-Z][A-Za-z]*) and a number; false when name is not a
 * level as the language writes one. */
static bool level_parse(const char *name, size_t *prefix_len, int32_t *number)
{
    const char *p = name;
    if (!(*p >= 'A' && *p <= 'Z'))
        return false;
    while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
        p++;
    if (!(*p >= '0' && *p <= '9'))
        return false;
    long v = 0;
    for (const char *q = p; *q; q++) {
        if (!(*q >= '0' && *q <= '9') || v > 100000)
            return false;
        v = v * 10 + (*q - '0');
    }
    *prefix_len = (size_t)(p - name);
    *number = (int32_t)v;
    return true;
}

struct name_query {
    enum index_kind kind;
    const char *name;
    bool is_level;          /* name parsed as a level */
    size_t prefix_len;
    int32_t number;
};

static void query_init(struct name_query *q, enum index_kind kind, const char *name)
{
    q->kind = kind;
    q->name = name;
    q->is_level = level_parse(name, &q->prefix_len, &q->number);
}

static bool query_matches(const struct index *idx, const struct name_query *q, const struct index_entry *e)
{
    if (e->kind != q->kind)
        return false;
    if (e->kind != INDEX_LEVEL)
        return strcmp(e->name, q->name) == 0;
    if (!q->is_level || strlen(e->name) != q->prefix_len || memcmp(e->name, q->name, q->prefix_len) != 0)
        return false;
    return e->is_def ? q->number >= idx->scale_lo && q->number <= idx->scale_hi : (uint32_t)q->number == e->target;
}

/* definitions first, then by position (one offset space: files in order) */
static int found_cmp(const void *pa, const void *pb)
{
    const struct index_entry *a = *(const struct index_entry *const *)pa, *b = *(const struct index_entry *const *)pb;
    if (a->is_def != b->is_def)
        return a->is_def ? -1 : 1;
    return (a->loc.start > b->loc.start) - (a->loc.start < b->loc.start);
}

size_t index_find(struct index *idx, enum index_kind kind, const char *name, const struct index_entry ***out)
{
    struct name_query q;
    query_init(&q, kind, name);
    size_t n = 0;
    for (size_t i = 0; i < idx->n; i++)
        n += query_matches(idx, &q, &idx->v[i]);
    const struct index_entry **v = arena_array(idx->arena, n ? n : 1, sizeof *v);
    size_t k = 0;
    for (size_t i = 0; i < idx->n && k < n; i++)
        if (query_matches(idx, &q, &idx->v[i]))
            v[k++] = &idx->v[i];
    qsort(v, n, sizeof *v, found_cmp);
    *out = v;
    return n;
}

unsigned index_kinds_of(struct index *idx, const char *name)
{
    struct name_query q[INDEX_KIND_COUNT];
    for (int k = 0; k < INDEX_KIND_COUNT; k++)
        query_init(&q[k], (enum index_kind)k, name);
    unsigned bits = 0;
    for (size_t i = 0; i < idx->n; i++) {
        const struct index_entry *e = &idx->v[i];
        if (query_matches(idx, &q[e->kind], e))
            bits |= 1u << e->kind;
    }
    return bits;
}

struct suggest_ctx {
    const struct index *idx;
    const uint32_t *names;  /* entries with a name to suggest */
};

static const char *suggest_name_at(const void *ctx, size_t i)
{
    const struct suggest_ctx *s = ctx;
    return s->idx->v[s->names[i]].name;
}

const char *index_suggest(struct index *idx, const char *name, unsigned kinds)
{
    uint32_t *names = arena_array(idx->arena, idx->n ? idx->n : 1, sizeof *names);
    size_t n = 0;
    kinds &= ~(1u << INDEX_LEVEL);  /* a level is a number: no name to suggest */
    for (size_t i = 0; i < idx->n; i++)
        if (idx->v[i].is_def && (kinds & 1u << idx->v[i].kind))
            names[n++] = (uint32_t)i;
    struct suggest_ctx ctx = {idx, names};
    return suggest_closest(name, n, suggest_name_at, &ctx);
}

/* ---- rename ---- */

/* the words the scanner reads as keywords, never as ids ("import" is
 * reserved for the statement that brings in another file) */
static bool is_keyword(const char *s)
{
    static const char *const kw[] = {"ladder", "axis", "levels", "track", "box", "years", "role", "level",
                                     "at", "company", "promotion", "lateral", "downward", "import",
                                     "competency"};
    for (size_t i = 0; i < sizeof kw / sizeof *kw; i++)
        if (strcmp(s, kw[i]) == 0)
            return true;
    return false;
}

static bool is_id(const char *s)
{
    if (!(*s >= 'a' && *s <= 'z'))
        return false;
    for (const char *p = s + 1; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
            return false;
    return true;
}

/* A box name is a string on one line: valid UTF-8, no control characters
 * (a tab is written as itself, but would not survive a rename's diff
 * unnoticed: refused too), 1 to 200 characters. */
static const char *box_name_invalid(const char *s)
{
    size_t chars = 0, n = strlen(s);
    if (n == 0)
        return "a box name is not empty";
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7f)
            return "a box name is one line with no control characters";
        size_t k = util_utf8_len((const unsigned char *)s + i, n - i);
        if (k == 0)
            return "a box name is valid UTF-8";
        i += k;
        chars++;
    }
    return chars > INDEX_BOX_NAME_MAX ? "a box name is at most 200 characters (E106)" : NULL;
}

static const char *name_invalid(enum index_kind kind, const char *s)
{
    if (kind == INDEX_BOX)
        return box_name_invalid(s);
    if (!is_id(s))
        return "an id is a lowercase letter followed by lowercase letters, digits and '_'";
    if (is_keyword(s))
        return "that word is a keyword of the language";
    return NULL;
}

/* A box name as the scanner reads it back: quoted, '"' and '\\' escaped
 * (the formatter writes strings the same way). */
static const char *box_literal(struct arena *a, const char *name)
{
    size_t n = 2;
    for (const char *p = name; *p; p++)
        n += 1 + (*p == '"' || *p == '\\');
    char *s = arena_alloc(a, n + 1), *w = s;
    *w++ = '"';
    for (const char *p = name; *p; p++) {
        if (*p == '"' || *p == '\\')
            *w++ = '\\';
        *w++ = *p;
    }
    *w++ = '"';
    *w = '\0';
    return s;
}

static int edit_cmp(const void *pa, const void *pb)
{
    const struct index_edit *a = pa, *b = pb;
    return (a->loc.start > b->loc.start) - (a->loc.start < b->loc.start);
}

static int refuse(char *why, size_t whysz, const char *reason)
{
    snprintf(why, whysz, "%s", reason);
    return -1;
}

int index_rename_plan(struct index *idx, enum index_kind kind, const char *old_name, const char *new_name,
                      struct index_plan *plan, char *why, size_t whysz)
{
    memset(plan, 0, sizeof *plan);
    if (kind == INDEX_LEVEL)
        return refuse(why, whysz, "levels are not renamed: a level is a number on the scale; change the "
                                  "'levels' statement and the levels written with it by hand");
    const char *bad = name_invalid(kind, new_name);
    if (bad)
        return refuse(why, whysz, bad);
    if (strcmp(old_name, new_name) == 0)
        return refuse(why, whysz, "the new name is the old one");
    const struct index_entry **found;
    size_t n = index_find(idx, kind, old_name, &found);
    if (n == 0)
        return refuse(why, whysz, "no such name");
    const struct index_entry **clash;
    size_t nclash = index_find(idx, kind, new_name, &clash);
    if (nclash)
        return refuse(why, whysz, clash[0]->is_def ? "the new name is already defined"
                                                   : "the new name is already used (undefined): the rename would "
                                                     "join two names");
    const char *text = kind == INDEX_BOX ? box_literal(idx->arena, new_name) : arena_strdup(idx->arena, new_name);
    plan->edits = arena_array(idx->arena, n, sizeof *plan->edits);
    for (size_t i = 0; i < n; i++)
        plan->edits[i] = (struct index_edit){found[i]->loc, text};
    /* found has definitions first: the edits go in position order */
    qsort(plan->edits, n, sizeof *plan->edits, edit_cmp);
    plan->nedits = n;
    return 0;
}

int index_rename_at(struct index *idx, uint32_t offset, const char *new_name, struct index_plan *plan,
                    char *why, size_t whysz)
{
    const struct index_entry *e = index_at(idx, offset);
    if (!e) {
        memset(plan, 0, sizeof *plan);
        return refuse(why, whysz, "no name here");
    }
    return index_rename_plan(idx, (enum index_kind)e->kind, e->name, new_name, plan, why, whysz);
}

void index_apply(const struct index_plan *plan, const char *text, size_t len, uint32_t base, struct buf *out)
{
    size_t at = 0;
    for (size_t i = 0; i < plan->nedits; i++) {
        const struct index_edit *e = &plan->edits[i];
        if (e->loc.start < base || e->loc.end - base > len || e->loc.start - base < at)
            continue;   /* another file's, or overlapping an applied one */
        size_t start = e->loc.start - base;
        buf_put(out, text + at, start - at);
        buf_puts(out, e->text);
        at = e->loc.end - base;
    }
    buf_put(out, text + at, len - at);
}

/* One changed line of the preview: the old text, then the text with every
 * edit of the plan from *i on that starts in the line applied (edits never
 * span lines: names and strings are on one). */
static void diff_line(const struct index_plan *plan, size_t *i, struct source *src, uint32_t base,
                      struct buf *out)
{
    size_t len;
    int line = source_line_of(src, plan->edits[*i].loc.start);     /* (the session's offsets) */
    const char *text = source_line(src, line, &len);
    size_t from = (size_t)(text - src->text), end = from + len, at = from;
    /* the last line without its line end: patch needs to be told */
    const char *no_eol = end == src->len ? "\n\\ No newline at end of file" : "";
    buf_printf(out, "@@ -%d +%d @@\n-", line, line);
    buf_put(out, text, len);
    buf_printf(out, "%s\n+", no_eol);
    for (; *i < plan->nedits; ++*i) {
        const struct index_edit *e = &plan->edits[*i];
        if (e->loc.start < base || e->loc.start - base >= end || e->loc.end - base > end)
            break;
        buf_put(out, src->text + at, e->loc.start - base - at);
        buf_puts(out, e->text);
        at = e->loc.end - base;
    }
    buf_put(out, src->text + at, end - at);
    buf_printf(out, "%s\n", no_eol);
}

void index_diff(const struct index_plan *plan, struct source *src, uint32_t base, const char *name,
                struct buf *out)
{
    bool header = false;
    for (size_t i = 0; i < plan->nedits;) {
        const struct index_edit *e = &plan->edits[i];
        if (e->loc.start < base || e->loc.end - base > src->len) {
            i++;    /* another file's */
            continue;
        }
        if (!header)
            buf_printf(out, "--- %s\n+++ %s\n", name, name);
        header = true;
        diff_line(plan, &i, src, base, out);
    }
}
