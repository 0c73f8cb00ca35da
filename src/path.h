/* path.h - routes between two roles (ladderc path): every simple path along
 * transitions, with its total years, fastest first. */
#ifndef LADDERC_PATH_H
#define LADDERC_PATH_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "model.h"

/* The role whose id or name is text, or -1. */
long path_find_role(const struct model *m, const char *text);

/* The closest role id or name to text, or NULL. */
const char *path_suggest_role(const struct model *m, const char *text);

struct path_result {
    size_t nroutes;         /* routes found (all of them, even past max) */
    bool truncated;         /* the search stopped at its step budget */
};

/* Writes up to max routes (0: all) from role `from` to role `to`, as text
 * lines or as a Markdown table. */
struct path_result path_routes(const struct model *m, size_t from, size_t to, size_t max, bool markdown,
                               struct buf *out);

#endif
