/* util.h - allocation that cannot fail silently. */
#ifndef LADDERC_UTIL_H
#define LADDERC_UTIL_H

#include <stddef.h>

void *util_xmalloc(size_t n);
void *util_xrealloc(void *p, size_t n);
void *util_xcalloc(size_t n, size_t size);
_Noreturn void util_die_oom(void);

#endif
