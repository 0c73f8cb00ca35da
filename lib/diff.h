/* diff.h - what changed between two checked versions of a ladder (ladderc
 * diff): roles, tracks, boxes, moves, companies, competencies, rungs,
 * expectations, the ladder's own settings and the roles' places on the map,
 * matched by id (by name for boxes; by both ends' ids for moves; rungs by
 * number; expectations by role and competency), never by position in the
 * text: reordering or reformatting a file changes nothing here.
 *
 * Computed as data (diff_compute), then printed as text, Markdown or JSON.
 * Work: linear in the two models, but for sorting (the changes, and each
 * axis's roles for the relative layout): O(n log n). */
#ifndef LADDERC_DIFF_H
#define LADDERC_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "buf.h"
#include "heap.h"
#include "model.h"
#include "source.h"

/* One version: its model and its files (for FILE:LINE). The line maps of
 * set's files must be built already when the version's heap is not the
 * diff's (diff_compute builds none). */
struct diff_version {
    const struct model *m;
    const struct source_set *set;
};

/* The kinds of change, in the order the output groups them. */
enum diff_section {
    DIFF_LADDER, DIFF_YEARS, DIFF_TRACK, DIFF_BOX, DIFF_ROLE, DIFF_POSITION, DIFF_MOVE, DIFF_COMPANY,
    DIFF_COMPANY_LINE, DIFF_COMPETENCY, DIFF_RUNG, DIFF_EXPECT, DIFF_SECTIONS
};

enum diff_what {
    DIFF_ADDED, DIFF_REMOVED,
    DIFF_ID,            /* an id gone and another come with the same name: one thing, renamed by hand? */
    DIFF_CHANGED,       /* a property: name, levels, track, kind, years, ... */
    DIFF_RAISED, DIFF_LOWERED,  /* an expectation's rung */
    DIFF_MOVED          /* a role's place on the map */
};

struct diff_change {
    enum diff_section section;
    enum diff_what what;
    const char *subject;    /* "role 'senior'", "move senior -> staff": ids and our words */
    const char *id;         /* the key: an id, a box's name, "senior -> staff", "craft 3" */
    const char *property;   /* DIFF_CHANGED: "name", "levels"...; else the verb ("added") */
    const char *old_value, *new_value;  /* NULL: not written (or no such side) */
    bool quoted;            /* the values are user text, shown in quotes */
    const char *detail;     /* added, removed: what it is; DIFF_ID, DIFF_MOVED: the words */
    const char *kind;       /* a move's kind ("promotion"), for the summary */
    bool old_side;          /* loc is in the old version (a removed thing) */
    struct loc loc;
    size_t seq;
};

/* One kind of entity matched: for each old one its new index, and back
 * (SIZE_MAX: none), and each one's key. */
struct diff_match {
    const char **old_keys, **new_keys;
    size_t *old_to_new, *new_to_old;
};

struct diff {
    struct heap *heap;
    struct arena arena;     /* every string and the list */
    const struct diff_version *old_v, *new_v;
    struct diff_change *v;
    size_t n, cap;
    size_t count;           /* changes */
    /* by id, then leftovers by name (an id renamed by hand) */
    struct diff_match tracks, roles, companies, comps;
};

/* The changes from old to new. exact: the new version's map uses the exact
 * layout (positions then move beyond 5% of an axis; otherwise when a role's
 * order on an axis among the roles of both versions changed). */
void diff_compute(struct heap *h, const struct diff_version *old_v, const struct diff_version *new_v, bool exact,
                  struct diff *out);
void diff_free(struct diff *d);

/* For a terminal: grouped by kind, each line "FILE:LINE: ...", user text
 * through escape_terminal; "no changes" when there are none. */
void diff_print_text(struct buf *out, struct diff *d);
/* GitHub Markdown for a pull-request comment: a summary line, then one
 * table per kind of change; every cell through escape_md. */
void diff_print_md(struct buf *out, struct diff *d);
/* One JSON object: {"changes": [...], "counts": {...}} (docs/language.md). */
void diff_print_json(struct buf *out, struct diff *d);

#endif
