/* ast.h - the syntax tree: what the file says, before any rule is checked.
 *
 * A ladder is a flat list of statements (a company, a competency and a role
 * may have a body of lines), kept in
 * source order. Every piece carries its location for diagnostics. Strings are
 * unescaped and live in the compilation's arena. */
#ifndef LADDERC_AST_H
#define LADDERC_AST_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "loc.h"
#include "model.h"

struct ast_text {           /* an id or an unescaped string */
    const char *text;
    struct loc loc;
};

struct ast_number {
    double value;
    const char *text;       /* as written, for the formatter */
    struct loc loc;
};

struct ast_level {          /* L5: prefix "L", number 5 */
    const char *prefix;
    long number;
    struct loc loc;
};

struct ast_levels {         /* L6..L7, or L5 (then lo and hi are equal) */
    struct ast_level lo, hi;
    bool is_range;
    struct loc loc;
};

struct ast_range {          /* 3..8, or 3.. (open: ast_range_open) */
    struct ast_number lo, hi;   /* open: hi has lo's value and no text */
    struct loc loc;
};

/* '3..': no upper end written (a flag would cost every move 8 bytes). */
static inline bool ast_range_open(const struct ast_range *r) { return r->hi.text == NULL; }

enum ast_kind {
    AST_LADDER, AST_AXIS, AST_LEVELS, AST_TRACK, AST_BOX, AST_YEARS,
    AST_ROLE, AST_TRANSITION, AST_COMPANY, AST_IMPORT, AST_COMPETENCY, AST_LAYOUT,
};
enum { AST_KIND_COUNT = AST_LAYOUT + 1 };

struct ast_company_line {
    struct ast_text track;
    struct ast_levels levels;
    struct ast_text code, title;
    struct loc loc;
    struct ast_company_line *next;
};

struct ast_rung_line {      /* in a competency: 3 "Owns" "Designs, builds and runs..." */
    struct ast_number number;
    struct ast_text name, meaning;
    bool has_meaning;
    struct loc loc;
    struct ast_rung_line *next;
};

struct ast_role_line {      /* in a role: craft 3 "text", summary "text", link "url" */
    struct ast_text key;
    bool has_number, has_text;
    struct ast_number number;
    struct ast_text text;
    struct loc loc;
    struct ast_role_line *next;
};

struct ast_role_block {     /* a role's { ... } */
    struct loc brace;
    bool broken;            /* a syntax error inside the block, or no '}': a line may be missing */
    struct ast_role_line *lines, **tail;
    size_t nlines;
};

/* ast_stmt_new allocates a statement only up to its kind's member of the
 * union: read only that member, and never copy a statement by value. */
struct ast_stmt {
    enum ast_kind kind;
    struct loc loc;
    struct ast_stmt *next;
    union {
        struct { struct ast_text title; } ladder;
        struct { struct ast_text name, title; struct ast_range range; } axis;
        struct { struct ast_levels levels; } levels;
        struct {
            struct ast_text id, name;
            bool has_levels;            /* levels M4..M8 = L4..L8 */
            struct ast_levels own, scale;
        } track;
        struct { struct ast_text name; struct ast_levels levels; } box;
        struct { enum model_kind kind; struct loc kind_loc; struct ast_range range; } years;
        struct {
            struct ast_text id, name, track;
            struct ast_levels levels;
            struct ast_number x, y;     /* when written: ast_role_has_at */
            struct ast_role_block *block;   /* NULL without a block: 8 bytes a role, not 32 */
        } role;
        struct {
            struct ast_text from, to;
            bool has_kind, has_years;
            enum model_kind kind;
            struct loc kind_loc;
            struct ast_range years;
        } transition;
        struct {
            struct ast_text id, name;
            struct loc brace;
            struct ast_company_line *lines, **tail;
            size_t nlines;
        } company;
        struct { struct ast_text path; } import;    /* import "PATH" */
        struct { struct ast_text mode; } layout;    /* layout exact */
        struct {
            struct ast_text id, name;
            bool has_skill;
            struct ast_text skill;      /* hard, soft: checked by the checker */
            bool block_broken;          /* a syntax error inside the block, or no '}': a rung may be missing */
            struct loc brace;
            struct ast_rung_line *rungs, **tail;
            size_t nrungs;
        } competency;
    } u;
};

struct ast_comment {
    const char *text;       /* from '#' to the end of the line */
    struct loc loc;
    struct ast_comment *next;
};

struct ast_name_list {
    const char *name;
    struct ast_name_list *next;
};

struct ast_file {
    /* the file's name as diagnostics show it; NULL when not known (a file
     * checked alone). The checked model's entities carry it. */
    const char *path;
    struct ast_stmt *first, **tail;
    size_t count[AST_KIND_COUNT];   /* statements of each kind */
    struct ast_comment *comments, **comments_tail;
    size_t syntax_errors;
    /* ids whose definition line had a syntax error: the checker does not
     * call them undefined, which would repeat the same mistake */
    struct ast_name_list *broken_defs;
};

void ast_file_init(struct ast_file *f);
struct ast_stmt *ast_stmt_new(struct arena *a, enum ast_kind kind, struct loc loc);
void ast_file_append(struct ast_file *f, struct ast_stmt *s);
void ast_company_append(struct arena *a, struct ast_stmt *company, struct ast_company_line line);
void ast_rung_append(struct arena *a, struct ast_stmt *competency, struct ast_rung_line line);
/* Whether the role says 'at (x, y)': x has its text then (a flag would
 * cost every role 8 bytes). */
static inline bool ast_role_has_at(const struct ast_stmt *s) { return s->u.role.x.text != NULL; }

/* Gives the role a block opened at brace; then its lines are appended. */
void ast_role_open(struct arena *a, struct ast_stmt *role, struct loc brace);
void ast_role_line_append(struct arena *a, struct ast_stmt *role, struct ast_role_line line);
/* The '{' of a company, competency or role block, and what the block is:
 * "company", "competency", "role". */
struct loc ast_block_brace(const struct ast_stmt *s);
const char *ast_block_what(const struct ast_stmt *s);
const char *ast_block_id(const struct ast_stmt *s);
void ast_broken_def(struct arena *a, struct ast_file *f, const char *name);
void ast_comment_append(struct arena *a, struct ast_file *f, const char *text, size_t len, struct loc loc);

#endif
