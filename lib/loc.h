/* loc.h - a span of source text as byte offsets into its file: start is the
 * first byte, end one past the last. Lines and columns are worked out from
 * the file (source_span) only when a diagnostic or the formatter needs them,
 * so the scanner never counts them. */
#ifndef LADDERC_LOC_H
#define LADDERC_LOC_H

#include <stdint.h>

struct loc {
    uint32_t start, end;    /* files are at most 1 GiB (SOURCE_MAX_BYTES) */
};

#endif
