/* check.h - the semantic checker: syntax tree in, checked model out.
 *
 * Runs every rule on whatever parsed (so one run reports every mistake, each
 * once) and builds the model only when no error was found. */
#ifndef LADDERC_CHECK_H
#define LADDERC_CHECK_H

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "index.h"
#include "model.h"

/* Checks the statements of every file as one ladder, the files in the order
 * given (a session gives imported files before their importers; their
 * locations are in one offset space). Across files: an id defined in two
 * files is the usual duplicate (E102..E105, the note in the first file); a
 * singleton statement (ladder, levels, axis x/y, years KIND) repeated in
 * another file is accepted when it says the same and is E101 when it
 * differs (in one file, a repeat is E101 as always). Each entity of the
 * model records its span and the path of its file (ast_file.path).
 *
 * With idx (may be NULL: then nothing is recorded), idx is emptied and
 * filled with every definition and reference resolved, whatever errors the
 * files have. Returns the model, or NULL when the files have errors (they
 * are in diag). */
struct model *check_files(struct ast_file *const *files, size_t nfiles, struct arena *arena,
                          struct diag_sink *diag, struct index *idx);

/* One file alone, with no index. */
struct model *check_file(const struct ast_file *file, struct arena *arena, struct diag_sink *diag);

#endif
