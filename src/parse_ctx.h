/* parse_ctx.h - state shared by the scanner (grammar/ladder.l) and the parser
 * (grammar/ladder.y) for one file. Private to the front end. */
#ifndef LADDERC_PARSE_CTX_H
#define LADDERC_PARSE_CTX_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"

struct parse_ctx {
    struct arena *arena;
    struct diag_sink *diag;
    struct ast_file *file;
    struct ast_stmt *company;   /* the company whose '{' is open, if any */

    const char *base;           /* the file's first byte: locations are offsets from it */
    uint32_t eof;               /* the file's length: where the end of file is */
    uint32_t line_start;        /* offset of the line being read */
    uint32_t prev_line_start;   /* offset of the line before it */
    bool at_line_start;         /* nothing but blanks since the last line end */
    bool tok_first_on_line;     /* the last token was the first of its line */
    bool line_has_error;        /* a lexical error was reported on this line */
    bool owe_newline;           /* a supplied '}' still needs its line end */

    /* the id defined on the line being read ('role ID', 'track ID', ...) */
    bool after_def_keyword, def_keyword_pending;
    const char *def_name;
    uint32_t def_line_start;    /* offset of the line that defines def_name */
};

/* Counts a syntax error at loc; remembers the id its line defines. */
void parse_note_error(struct parse_ctx *ctx, struct loc loc);

/* Lexical errors: at most one per line (clox's panic mode, for bytes). */
void parse_lex_error(struct parse_ctx *ctx, struct loc loc, const char *code, const char *fmt, ...)
    DIAG_PRINTF(4, 5);

#endif
