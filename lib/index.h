/* index.h - every definition and every reference of a name, with its span:
 * what go-to-definition, hover, find-references and rename need.
 *
 * The checker fills it while it resolves names (check_files with an index):
 * no second pass over the text, and it is kept whatever errors the files
 * have (what parsed is indexed; a line with a syntax error is not). Entries
 * live in the arena given to index_init; the table grows by doubling inside
 * it (an outgrown block is abandoned, so memory stays linear), with no
 * allocation per entry.
 *
 * Locations are offsets in the session's one offset space (every file at
 * its own base), so an offset names a file as well as a place in it.
 *
 * What is indexed, by kind:
 *   role     definition: the id of 'role ID ...'; reference: each end of a
 *            transition
 *   track    definition: the id of 'track ID ...'; reference: the track of a
 *            role, of a company line
 *   box      definition: the name of 'box "NAME" ...' (the string with its
 *            quotes); a box is never referred to by name
 *   company  definition: the id of 'company ID ...'
 *   level    definition: the levels of the 'levels' statement (name: the
 *            prefix, lo..hi: the scale); reference: each level written in a
 *            role, box or company line (L6..L7 is two), resolved to the
 *            levels statement when it lies in the scale
 *   competency  definition: the id of 'competency ID ...'; reference: the
 *            first word of a rung line in a role's block ('craft 3')
 * A duplicate definition (E102...) is a definition too, resolved to the
 * first: renaming a name renames both. */
#ifndef LADDERC_INDEX_H
#define LADDERC_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "loc.h"

enum index_kind { INDEX_ROLE, INDEX_TRACK, INDEX_BOX, INDEX_COMPANY, INDEX_LEVEL, INDEX_COMPETENCY, INDEX_KIND_COUNT };

#define INDEX_NONE UINT32_MAX

/* 24 bytes: a million-role ladder has about five million entries. */
struct index_entry {
    struct loc loc;
    const char *name;       /* the id, the box's name (unescaped), a level's prefix */
    /* what it resolves to: for a role, track, box or company the model
     * index of its (first) definition, INDEX_NONE when undefined; for a
     * level reference the number written; for the levels statement 0 */
    uint32_t target;
    uint32_t file : 26;     /* index into index.files */
    uint32_t kind : 4;      /* enum index_kind */
    uint32_t is_def : 1;
    uint32_t resolved : 1;  /* it has a definition (index_definition) */
};

struct index {
    struct arena *arena;
    struct index_entry *v;
    size_t n, cap;
    const char **files;     /* each file's path as diagnostics show it (NULL: not known) */
    size_t nfiles;
    /* by kind, by model index: the entry of the first definition. Looked
     * up at query time, not while checking, where each lookup would be a
     * cache miss on a large ladder. */
    uint32_t *defs[INDEX_KIND_COUNT];
    uint32_t scale_entry;   /* the levels statement's entry, INDEX_NONE without a valid one */
    int32_t scale_lo, scale_hi;
    uint32_t *by_pos;       /* entry numbers sorted by position, built at the first query */
    size_t nby_pos;
};

void index_init(struct index *idx, struct arena *arena);
const char *index_kind_name(enum index_kind kind);     /* "role", "track", ... */

/* ---- for the checker ---- */

/* Empties idx for a check of files whose definitions number at most
 * ndefs[kind] (model indices below that), and makes room for about
 * nentries entries: the table then never doubles, so nothing is copied. */
void index_prepare(struct index *idx, const size_t ndefs[INDEX_KIND_COUNT], size_t nentries);
void index_reserve(struct index *idx, size_t n);

/* A definition of the model's entity target (a duplicate: the first
 * one's target; first says this is the first), or a reference resolved to
 * target (INDEX_NONE: undefined). */
void index_add_def(struct index *idx, enum index_kind kind, const char *name, struct loc loc, uint32_t target,
                   bool first, uint32_t file);
void index_add_ref(struct index *idx, enum index_kind kind, const char *name, struct loc loc, uint32_t target,
                   uint32_t file);
/* The levels statement (prefix, lo..hi), and a level written. */
void index_add_scale(struct index *idx, const char *prefix, int32_t lo, int32_t hi, struct loc loc, uint32_t file);
void index_add_level(struct index *idx, const char *prefix, int32_t number, bool resolved, struct loc loc,
                     uint32_t file);

/* ---- queries ---- */

/* The entry whose span holds offset (its first byte up to one past its
 * last, so that a cursor just after a name still finds it), or NULL. */
const struct index_entry *index_at(struct index *idx, uint32_t offset);

/* The definition an entry resolves to (itself for a first definition), or
 * NULL when it is undefined. */
const struct index_entry *index_definition(const struct index *idx, const struct index_entry *e);

/* Every entry of kind named name: definitions first, each group in position
 * order. A level's name is as written, "L5": the references of that level
 * and the levels statement they resolve to. The list is in the index's
 * arena; returns its length (0: none). */
size_t index_find(struct index *idx, enum index_kind kind, const char *name, const struct index_entry ***out);

/* The kinds that have an entry named name, as bits (1 << kind). */
unsigned index_kinds_of(struct index *idx, const char *name);

/* The defined name closest to name among the kinds in the bits of kinds
 * (1 << kind), for "did you mean"; NULL when none is close. */
const char *index_suggest(struct index *idx, const char *name, unsigned kinds);

/* ---- rename ---- */

struct index_edit {
    struct loc loc;         /* the bytes to replace */
    const char *text;       /* what to write there (a box name quoted and escaped) */
};

struct index_plan {
    struct index_edit *edits;   /* in position order, in the index's arena */
    size_t nedits;
};

enum { INDEX_WHY_MAX = 512 };

/* Plans renaming the kind's name old to new: one edit for every
 * definition and reference. Refuses (returns -1 and says why in why) a
 * kind that cannot be renamed (levels: the scale is one statement and the
 * numbers are not names), an old name with no entry, a new name that is
 * not valid for the kind (an id: [a-z][a-z0-9_]*, not a keyword; a box
 * name: 1 to 200 characters on one line), the same name, or a new name that
 * the kind already has (defined, or used while undefined: the rename would
 * join two names). */
int index_rename_plan(struct index *idx, enum index_kind kind, const char *old_name, const char *new_name,
                      struct index_plan *plan, char *why, size_t whysz);

/* The same for the name at offset (a language server's rename). */
int index_rename_at(struct index *idx, uint32_t offset, const char *new_name, struct index_plan *plan,
                    char *why, size_t whysz);

/* Writes text (len bytes, whose first byte is at offset base) with the
 * plan's edits that fall inside it applied, to out. */
void index_apply(const struct index_plan *plan, const char *text, size_t len, uint32_t base, struct buf *out);

/* A preview of the plan's edits inside src (whose first byte is at offset
 * base), shown as name: a unified diff with no context, one hunk per
 * changed line ("@@ -N +N @@", the old line, the new one), which `patch`
 * applies. Appends nothing when no edit falls inside src. */
struct source;
void index_diff(const struct index_plan *plan, struct source *src, uint32_t base, const char *name,
                struct buf *out);

#endif
