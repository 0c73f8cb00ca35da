/* source.h - one input file: its bytes, read in one piece, and a line map
 * built only when a diagnostic needs to print a line. */
#ifndef LADDERC_SOURCE_H
#define LADDERC_SOURCE_H

#include <stddef.h>

#include "loc.h"

/* Inputs larger than this are refused (exit 2): locations are ints. */
#define SOURCE_MAX_BYTES ((size_t)1 << 30)
/* Standard input that is not a regular file (a pipe, a terminal, a device)
 * is refused beyond this: its size is unknown, so it is read into a buffer
 * that doubles, and an endless one (/dev/zero) must stop early. */
#define SOURCE_MAX_STREAM_BYTES ((size_t)1 << 28)

struct heap;

struct source {
    struct heap *heap;  /* where text and line_start come from */
    const char *name;   /* as given on the command line; "<stdin>" for "-" */
    char *text;         /* len bytes followed by two NULs (flex's scan buffer) */
    size_t len;
    size_t *line_start; /* lazily built: offset of each line's first byte */
    size_t nlines;
};

/* Reads path ("-" for standard input). Only a regular file is read (a FIFO,
 * a device, /dev/stdin are refused: "not a regular file"); standard input
 * may be anything, within SOURCE_MAX_STREAM_BYTES when it is not a regular
 * file. Returns 0, or -1 with a reason ("No such file or directory", "file
 * is larger than 1 GiB") in err. */
int source_load(struct source *src, struct heap *heap, const char *path, char *err, size_t errsz);

/* Wraps text that is already in memory (tests, the fuzzer). Copies it. */
void source_from_memory(struct source *src, struct heap *heap, const char *name, const char *text, size_t len);

void source_free(struct source *src);

/* The bytes of 1-based line `line`, without its line end; NULL past the end. */
const char *source_line(struct source *src, int line, size_t *len);

/* A place in the file: 1-based line and column. Columns count code points
 * (a byte starts one unless it is a UTF-8 continuation byte), and a
 * byte-order mark takes none. */
struct source_pos {
    int line, column;
};

/* The line of byte offset off (offsets up to len, the end of the file). */
int source_line_of(struct source *src, size_t off);

/* Where a span starts, and where it ends: one column past its last code
 * point, on that code point's line. A span of one byte or more is at least
 * one column wide; an empty one ends where it starts. */
void source_span(struct source *src, struct loc loc, struct source_pos *first, struct source_pos *last);

#endif
