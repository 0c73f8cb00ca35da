/* parse.h - the front end: bytes in, syntax tree and syntax diagnostics out. */
#ifndef LADDERC_PARSE_H
#define LADDERC_PARSE_H

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "source.h"

/* Parses the whole file, recovering at the next statement after each syntax
 * error. Always returns a tree of what parsed; errors are in diag. */
struct ast_file *parse_source(const struct source *src, struct arena *arena, struct diag_sink *diag);

#endif
