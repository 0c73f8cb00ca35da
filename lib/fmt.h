/* fmt.h - the canonical layout of a ladder (ladderc fmt).
 *
 * Works on the syntax tree and its comments, not on the model: it keeps
 * every comment at its place, every statement in the author's order, at most
 * one blank line between groups, and aligns the columns of consecutive
 * statements of one kind. The caller refuses files with syntax errors. */
#ifndef LADDERC_FMT_H
#define LADDERC_FMT_H

#include "arena.h"
#include "ast.h"
#include "buf.h"
#include "source.h"

/* file was parsed from src, which locates its statements and comments. */
void fmt_file(const struct ast_file *file, struct source *src, struct arena *arena, struct buf *out);

#endif
