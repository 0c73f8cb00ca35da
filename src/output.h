/* output.h - getting bytes out whole or not at all. */
#ifndef LADDERC_OUTPUT_H
#define LADDERC_OUTPUT_H

#include <stddef.h>

#include "buf.h"

/* Writes b to path through a temporary file in the same folder, renamed over
 * path only when every byte is on disk: a reader sees the old file or the new
 * one, never half. On failure the temporary file is removed, path is left as
 * it was, and err says why. Returns 0 or -1. */
int output_file(const char *path, const struct buf *b, char *err, size_t errsz);

/* Writes b to standard output and flushes; a full or closed output is an
 * error (-1, reason in err), not a silent truncation. */
int output_stdout(const struct buf *b, char *err, size_t errsz);

#endif
