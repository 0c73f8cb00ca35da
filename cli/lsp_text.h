/* lsp_text.h - the language server's text: positions as the protocol
 * counts them, edits of a document's bytes, and file URIs.
 *
 * A protocol position is a line (from 0) and a character offset in that
 * line in UTF-16 code units (the default) or in bytes (positionEncoding
 * "utf-8"); the library's are a line and a column in code points, both
 * from 1. Lines end at LF (a CR before it is not part of the line). A
 * position past a line's end is that line's end; past the last line, the
 * end of the text: nothing is refused, every position means a place. */
#ifndef LADDERC_LSP_TEXT_H
#define LADDERC_LSP_TEXT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum lsp_encoding { LSP_UTF16, LSP_UTF8 } lsp_encoding;

struct lsp_pos {
    long line, character;
};

/* Where each line starts, for converting many positions of one text. */
struct lsp_lines {
    const char *text;
    size_t len;
    size_t *start;          /* start[i]: the byte offset of line i */
    size_t count;
    /* the last conversion, so that many on one long line go forward from it */
    size_t cur_line, cur_cp, cur_byte;
    long cur_units;
};

void lsp_lines_init(struct lsp_lines *l, const char *text, size_t len);
void lsp_lines_free(struct lsp_lines *l);

/* The library's (line, column) (from 1; line 0: the file as a whole, put at
 * the start) as a protocol position. */
struct lsp_pos lsp_lines_from_ld(struct lsp_lines *l, int line, int column, lsp_encoding enc);

/* The protocol position of byte offset off (the end of the text: where a
 * whole-text edit ends). */
struct lsp_pos lsp_pos_of_offset(const char *text, size_t len, size_t off, lsp_encoding enc);

/* The byte offset of a protocol position, clamped as said above. */
size_t lsp_offset_of_pos(const char *text, size_t len, struct lsp_pos p, lsp_encoding enc);

/* A protocol position as the library's line and column (from 1). */
void lsp_pos_to_ld(const char *text, size_t len, struct lsp_pos p, lsp_encoding enc, int *line, int *column);

/* A growing text: bytes, then two NULs. */
struct lsp_buf {
    char *data;
    size_t len, cap;
};

void lsp_buf_set(struct lsp_buf *b, const char *text, size_t len);
/* Replaces bytes [from, to) (from <= to <= len) with text[0..n). */
void lsp_buf_splice(struct lsp_buf *b, size_t from, size_t to, const char *text, size_t n);
void lsp_buf_free(struct lsp_buf *b);

/* "file:///a%20b/c.ladder" -> "/a b/c.ladder" (malloc'd); NULL for another
 * scheme, a host other than empty or localhost, or a %00. */
char *lsp_uri_to_path(const char *uri);
/* An absolute path as a file URI, every byte outside A-Z a-z 0-9 - . _ ~ /
 * percent-encoded (malloc'd). */
char *lsp_path_to_uri(const char *path);

#endif
