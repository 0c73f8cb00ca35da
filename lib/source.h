/* source.h - one input file: its bytes (which the embedder read: the
 * library opens no file), and a line map built only when a diagnostic needs
 * to print a line. The files of a session share one offset space (as Go's
 * FileSet): each has a base, a location is two offsets in that space, and
 * the file of a location is found by binary search over the bases. */
#ifndef LADDERC_SOURCE_H
#define LADDERC_SOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "loc.h"

/* Inputs larger than this are refused (exit 2): locations are ints. */
#define SOURCE_MAX_BYTES ((size_t)1 << 30)

struct heap;

struct source {
    struct heap *heap;  /* where text and line_start come from */
    const char *name;   /* as given on the command line; "<stdin>" for "-" */
    char *text;         /* len bytes followed by two NULs (flex's scan buffer) */
    size_t len;
    size_t *line_start; /* lazily built: offset in the file of each line's first byte */
    size_t nlines;
    uint32_t base;      /* its first byte's offset in the session (source_set_add); 0 alone */
    int borrowed;       /* text is not the heap's (source_borrow): source_free leaves it */
};

/* Wraps text in memory without copying it: text[len] and text[len + 1]
 * must be NUL, and text must outlive src. */
void source_borrow(struct source *src, struct heap *heap, const char *name, const char *text, size_t len);

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

/* Offsets below (off, loc) are the session's: base to base + len. */

/* The line of byte offset off (offsets up to len, the end of the file). */
int source_line_of(struct source *src, size_t off);

/* Where a span starts, and where it ends: one column past its last code
 * point, on that code point's line. A span of one byte or more is at least
 * one column wide; an empty one ends where it starts. */
void source_span(struct source *src, struct loc loc, struct source_pos *first, struct source_pos *last);

/* The files of a session in one offset space, in the order added. */
struct source_set {
    struct heap *heap;
    struct source **v;
    size_t n, cap;
    uint64_t next;          /* the next file's base */
};

void source_set_init(struct source_set *set, struct heap *heap);
void source_set_free(struct source_set *set);
/* Gives src its base (after every file added before) and adds it. -1 when
 * the session's bytes would pass what a uint32_t offset can say (4 GiB):
 * src is then not added. */
int source_set_add(struct source_set *set, struct source *src);
/* The file that holds off (the index in v): the last whose base <= off. */
size_t source_set_index(const struct source_set *set, uint32_t off);
struct source *source_set_find(const struct source_set *set, uint32_t off);

#endif
