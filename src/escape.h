/* escape.h - one escaper per output language: whatever a user typed (names,
 * titles, file names) goes through one of these on its way out, and nowhere
 * else is user text written raw.
 *
 * Each appends to a buffer. None allocates but through the buffer, and each
 * costs one pass over its input. */
#ifndef LADDERC_ESCAPE_H
#define LADDERC_ESCAPE_H

#include <stddef.h>

#include "buf.h"

/* Text for a GitHub-flavoured Markdown table cell or heading that renders as
 * the very characters given: no markup, no link, no raw HTML, no line break. */
void escape_md(struct buf *b, const char *s);

/* A JSON string, quotes included. Control characters are \u escapes; a byte
 * that is not valid UTF-8 becomes U+FFFD, so the output is always valid UTF-8
 * JSON whatever the input (file names are bytes, not text). */
void escape_json(struct buf *b, const char *s, size_t n);

/* Text from a source file or a user for a terminal: C0 and C1 controls, DEL,
 * bidirectional overrides and isolates (U+202A-202E, U+2066-2069) and
 * zero-width characters are masked, and so is invalid UTF-8, so nothing
 * typed can move the cursor, recolour, retitle or reorder what is shown.
 * Each masked code point or stray byte becomes one '?' (one column), tabs
 * stay. */
void escape_terminal(struct buf *b, const char *s, size_t n);

/* The byte length of the UTF-8 code point at s (of at most n bytes) when it
 * must be masked on a terminal (see escape_terminal), else 0. */
size_t escape_masked_len(const unsigned char *s, size_t n);

#endif
