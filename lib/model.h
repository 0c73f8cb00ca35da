/* model.h - the checked model: what a ladder means, after every rule held.
 *
 * The checker builds a model only when a file has no errors, so backends may
 * rely on every invariant stated here: indices are valid, level ranges lie in
 * the scale with lo <= hi, positions lie inside the axes. Everything is listed
 * in source order. Backends read the model only, never the AST.
 */
#ifndef LADDERC_MODEL_H
#define LADDERC_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "loc.h"

enum model_kind { KIND_PROMOTION, KIND_LATERAL, KIND_DOWNWARD, KIND_COUNT };

struct model_years {
    bool known;             /* false: neither the transition nor its kind says */
    bool open;              /* 'years 3..': min or more; max is then min */
    double min, max;
};

struct model_axis {
    const char *title;      /* "" when the file has no axis statement */
    double min, max;        /* min < max */
};

/* Every entity records where it was defined: loc, the span of its id (a
 * box: of its name, with the quotes; a transition, a company line: of the
 * whole statement or line), in the session's one offset space, which also
 * names its file: model_file_of(m, loc). (A path in each entity would cost
 * 8 bytes more per role and transition: 16 MB on a million-role ladder,
 * past the memory target of docs/performance.md.) */

/* A track may name its levels itself: 'levels M4..M8 = L4..L8'. Its roles
 * and company lines are written in those names; the model keeps every level
 * as a number of the ladder's scale, and shows a track's levels with
 * model_track_levels_put: own number = scale number - shift. */
struct model_track {
    const char *id, *name;
    const char *level_prefix;   /* "M"; NULL: the track uses the scale's names */
    int shift;                  /* 0 without own names */
    int lo, hi;                 /* with own names: the scale's levels it covers */
    struct loc loc;
};

/* A competency: one dimension of growth, its rungs lowest first. */
enum model_skill { SKILL_NONE, SKILL_HARD, SKILL_SOFT };

struct model_rung {
    const char *name;
    const char *meaning;        /* NULL when not written */
    struct loc loc;
};

struct model_competency {
    const char *id, *name;
    enum model_skill skill;     /* the map axis it counts toward: hard = y, soft = x */
    struct model_rung *rungs;   /* rungs[0] is rung 1 */
    size_t nrungs;              /* at least 1 */
    struct loc loc;
};

/* What a role is expected to show on one competency. */
struct model_expect {
    size_t competency;          /* index into model.competencies */
    int rung;                   /* 1..nrungs */
    const char *text;           /* the role's own sentence, NULL when none */
    struct loc loc;             /* of the competency's id in the role's block */
};

struct model_box {
    const char *name;
    int lo, hi;             /* level numbers, lo <= hi */
    struct loc loc;
};

/* What a role's block says. Behind a pointer, so that a ladder without
 * blocks pays 8 bytes per role for it, not 32. */
struct model_role_about {
    const char *summary, *link;     /* NULL when not written; a link is http: or https: */
    struct model_expect *expect;    /* sorted by competency, at most one each */
    size_t nexpect;
};

/* The about of every role without a block: nothing. */
extern const struct model_role_about model_role_about_none;

struct model_role {
    const char *id, *name;
    size_t track;           /* index into model.tracks; SIZE_MAX when undefined (a model with errors) */
    int lo, hi;             /* level numbers */
    double x, y;            /* soft skills, hard skills */
    int box;                /* index into model.boxes of the box the role fits in, -1 if none */
    bool derived;           /* x and y come from the rungs, not from 'at' */
    const struct model_role_about *about;   /* never NULL: model_role_about_none without a block */
    struct loc loc;
};

struct model_transition {
    size_t from, to;        /* indices into model.roles */
    enum model_kind kind;
    bool own_years;         /* years written on the transition itself */
    struct model_years years;   /* resolved: own years, else the kind's default */
    struct loc loc;
};

struct model_company_line {
    size_t track;
    int lo, hi;
    const char *code, *title;
    struct loc loc;
};

struct model_company {
    const char *id, *name;
    struct model_company_line *lines;
    size_t nlines;
    struct loc loc;
};

struct model_file {         /* a file of the session that defined something */
    uint32_t start;         /* its first statement's offset */
    const char *path;       /* as diagnostics show it */
};

/* Where the ladder-wide statements are written (whole statements), for
 * ladderc diff's FILE:LINE; a span that ends at 0 is a statement not
 * written. */
struct model_where {
    struct loc ladder, layout, levels, axis[2], years[KIND_COUNT];
};

struct model {
    const char *title;      /* NULL when the file has no ladder statement */
    struct model_where where;
    bool layout_exact;      /* the file says `layout exact` */
    struct model_axis axis[2];  /* [0] = x (soft skills), [1] = y (hard skills) */
    const char *level_prefix;   /* "L" */
    int level_min, level_max;   /* the scale, level_min <= level_max */
    struct model_years years[KIND_COUNT];   /* defaults per kind */

    struct model_track *tracks;           size_t ntracks;
    struct model_box *boxes;              size_t nboxes;
    struct model_role *roles;             size_t nroles;
    struct model_transition *transitions; size_t ntransitions;
    struct model_company *companies;      size_t ncompanies;
    struct model_competency *competencies; size_t ncompetencies;  /* at most MODEL_COMPETENCIES_MAX */
    /* by start offset; empty when no file's path is known (one file
     * checked alone) */
    struct model_file *files;             size_t nfiles;
};

/* Competencies per ladder: every rule between two roles walks both roles'
 * rungs, so this bounds its cost per transition (docs/performance.md). */
enum { MODEL_COMPETENCIES_MAX = 100 };

/* The role's expectation on competency k, or NULL when it sets none. */
const struct model_expect *model_role_expect(const struct model_role *r, size_t k);

/* The role's score on the competencies of one kind (hard or soft), in
 * 0..1: the mean, over those it sets, of the middle of its rung's band,
 * (rung - 0.5) / rungs. Monotone in every rung, strictly inside 0..1; what
 * places a role without 'at' on the map (x: soft, y: hard). False when the
 * role sets none of that kind. */
bool model_skill_score(const struct model *m, const struct model_role *r, enum model_skill skill, double *out);

/* Appends the role's levels in its track's names: "M5", "L6..L7". */
void model_role_levels_put(struct buf *b, const struct model *m, const struct model_role *r);

/* The same for any levels lo..hi (scale numbers) of track t. */
void model_track_levels_put(struct buf *b, const struct model *m, size_t t, int lo, int hi);

/* The path of the file that holds loc (an entity's), or NULL when not
 * known. */
const char *model_file_of(const struct model *m, struct loc loc);

/* "promotion", "lateral", "downward" */
const char *model_kind_name(enum model_kind kind);

/* Appends "L6" or "L6..L7" (the source syntax) to b, whole however long the
 * level prefix: what every backend shows. */
void model_levels_put(struct buf *b, const struct model *m, int lo, int hi);

/* The same text in out, for messages and other places that show a bounded
 * excerpt: when it does not fit, each copy of the prefix keeps its first
 * bytes and "\u2026", and the numbers stay whole, so nothing is cut silently.
 * outsz must be at least MODEL_LEVELS_TEXT_MIN (every caller's is); a smaller
 * one gets a text cut short, never more than outsz bytes. Returns out. */
enum { MODEL_LEVELS_TEXT_MIN = 40 };
char *model_levels_text(const struct model *m, int lo, int hi, char *out, size_t outsz);

/* model_levels_text for levels lo..hi (scale numbers) of track t, in its names. */
char *model_track_levels_text(const struct model *m, size_t t, int lo, int hi, char *out, size_t outsz);

/* Writes a number the way a person writes it: 3, 0.5, 12.25 (no exponent,
 * no trailing zeros, at most 6 decimals, never "-0"), at most outsz bytes;
 * returns out. v is finite (the scanner bounds numbers to 1e9). */
char *model_number_text(double v, char *out, size_t outsz);

#endif
