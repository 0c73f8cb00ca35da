/* check.h - the semantic checker: syntax tree in, checked model out.
 *
 * Runs every rule on whatever parsed (so one run reports every mistake, each
 * once) and builds the model only when no error was found. */
#ifndef LADDERC_CHECK_H
#define LADDERC_CHECK_H

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "model.h"

struct index;

/* Returns the model, or NULL when the file has errors (they are in diag). */
struct model *check_file(const struct ast_file *file, struct arena *arena, struct diag_sink *diag);

/* Checks the files of a session as one ladder (an import brings its file's
 * definitions in as if written there). idx: NULL, or the index to fill. */
struct model *check_files(struct ast_file *const *files, size_t nfiles, struct arena *arena, struct diag_sink *diag,
                          struct index *idx);

#endif
