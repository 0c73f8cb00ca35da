/* util.h - small helpers every module may use. */
#ifndef LADDERC_UTIL_H
#define LADDERC_UTIL_H

#include <stddef.h>

/* Length of the strict UTF-8 sequence at s (1 to 4 bytes, of at most n), or
 * 0 when it is not one: no overlongs, no surrogates, nothing past U+10FFFF. */
size_t util_utf8_len(const unsigned char *s, size_t n);

/* Asks for the cache line at p before it is read; a hint, nothing more. */
#if defined(__GNUC__)
#define UTIL_PREFETCH(p) __builtin_prefetch(p)
#else
#define UTIL_PREFETCH(p) ((void)(p))
#endif

#endif
