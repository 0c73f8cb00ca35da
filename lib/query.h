/* query.h - what an editor asks about a ladder: the name at a position, a
 * hover text, completions, a file's outline (include/ladder.h, "editors").
 *
 * The session (session.c) owns the state and the out-of-memory jump; it
 * hands each query what it needs in a query_ctx. Memory comes from the
 * session's arena and its output buffer. */
#ifndef LADDERC_QUERY_H
#define LADDERC_QUERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "index.h"
#include "ladder.h"
#include "model.h"
#include "source.h"

struct ast_file;

struct query_ctx {
    struct index *idx;              /* never NULL */
    struct source_set *set;
    const struct model *model;      /* NULL unless ld_check returned LD_OK */
    struct arena *arena;
    struct buf *out;                /* the session's text (hover) */
    struct ast_file *(*ast_of)(void *ud, size_t file);  /* NULL when the file did not parse */
    void *ud;
};

/* The session offset of line:column (1-based, columns in code points) of
 * src; a column may be one past the line's last code point. False past the
 * end of the line or of the file. */
bool query_offset(struct source *src, int line, int column, uint32_t *off);

/* Hover Markdown for the kind's name into q->out; false when the kind has
 * no such name. */
bool query_hover(struct query_ctx *q, enum index_kind kind, const char *name);

/* Completions at off (a session offset in src, file number file). */
size_t query_complete(struct query_ctx *q, struct source *src, uint32_t off, ld_completion **out);

/* The outline of one file. */
size_t query_outline(struct query_ctx *q, struct source *src, const struct ast_file *ast, ld_symbol **out);

/* The level written at off inside the level entry e of src ("L5"; in a
 * range, the one under off), in the arena. */
const char *query_level_at(struct query_ctx *q, struct source *src, const struct index_entry *e, uint32_t off);

#endif
