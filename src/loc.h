/* loc.h - a span of source text. Lines and columns are 1-based; columns
 * count code points, not bytes; last_column is one past the span's end. */
#ifndef LADDERC_LOC_H
#define LADDERC_LOC_H

struct loc {
    int first_line, first_column;
    int last_line, last_column;
};

#endif
