/* ast.h - the syntax tree: what the file says, before any rule is checked.
 *
 * A ladder is a flat list of statements (only a company has a body), kept in
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

struct ast_range {          /* 3..8 */
    struct ast_number lo, hi;
    struct loc loc;
};

enum ast_kind {
    AST_LADDER, AST_AXIS, AST_LEVELS, AST_TRACK, AST_BOX, AST_YEARS,
    AST_ROLE, AST_TRANSITION, AST_COMPANY, AST_IMPORT,
};

struct ast_company_line {
    struct ast_text track;
    struct ast_levels levels;
    struct ast_text code, title;
    struct loc loc;
    struct ast_company_line *next;
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
        struct { struct ast_text id, name; } track;
        struct { struct ast_text name; struct ast_levels levels; } box;
        struct { enum model_kind kind; struct loc kind_loc; struct ast_range range; } years;
        struct {
            struct ast_text id, name, track;
            struct ast_levels levels;
            struct ast_number x, y;
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
    size_t count[AST_IMPORT + 1];   /* statements of each kind */
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
void ast_broken_def(struct arena *a, struct ast_file *f, const char *name);
void ast_comment_append(struct arena *a, struct ast_file *f, const char *text, size_t len, struct loc loc);

#endif
