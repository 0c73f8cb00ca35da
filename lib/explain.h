/* explain.h - the longer explanation of each diagnostic code, generated at
 * build time from docs/language.md (scripts/explain.awk). */
#ifndef LADDERC_EXPLAIN_H
#define LADDERC_EXPLAIN_H

#include <stddef.h>

struct explain_entry {
    const char *code;
    const char *text;
};

extern const struct explain_entry explain_entries[];
extern const size_t explain_count;

#endif
