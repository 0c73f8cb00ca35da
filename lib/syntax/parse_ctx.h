/* parse_ctx.h - state shared by the scanner (grammar/ladder.l) and the parser
 * (grammar/ladder.y) for one file. Private to the front end. */
#ifndef LADDERC_PARSE_CTX_H
#define LADDERC_PARSE_CTX_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "symtab.h"

/* Words reported once however often they are written: upper-case names
 * (E002), words that start no statement (E007). The first use gets the
 * error; a note at the second counts the rest. */
struct parse_repeat {
    const char *word;           /* as written */
    struct diag *diag;          /* its error */
    struct loc second;          /* where it is written a second time */
    size_t uses;
};

struct parse_repeats {
    struct symtab index;        /* word -> index in v */
    struct parse_repeat *v;
    size_t n, cap;
    const char *note;           /* "is also written here" */
    const char *note_more;      /* "is also written here and on" (N more lines) */
};

struct parse_ctx {
    struct arena *arena;
    struct diag_sink *diag;
    struct ast_file *file;
    struct ast_stmt *block;     /* the company, competency or role whose '{' is open, if any */

    const char *base;           /* the file's first byte */
    uint32_t off;               /* its offset in the session: locations are base + off... (parse_at) */
    uint32_t eof;               /* off + the file's length: where the end of file is */
    uint32_t line_start;        /* offset of the line being read */
    uint32_t prev_line_start;   /* offset of the line before it */
    bool at_line_start;         /* nothing but blanks since the last line end */
    bool tok_first_on_line;     /* the last token was the first of its line */
    struct loc line_first;      /* the first token of the line (of the last line that had one) */
    unsigned line_tokens;       /* tokens on the line so far (comments are not tokens) */
    bool line_first_is_id;      /* the line's first token is an id */
    bool ladder_evidence;       /* a line starts with a statement word or 'id ->' */
    bool line_has_error;        /* a lexical error was reported on this line */
    bool owe_newline;           /* a supplied '}' still needs its line end */
    bool broken_block;          /* a line with a syntax error opened a '{': its body is skipped to its '}' */
    uint32_t brace_line;        /* 1 + the offset of the last line with a '{' (0: none yet) */
    uint32_t brace_ahead;       /* a '{' that opens a later line: the line ends before it are not tokens */

    /* the id defined on the line being read ('role ID', 'track ID', ...) */
    bool after_def_keyword, def_keyword_pending;
    const char *def_name;
    uint32_t def_line_start;    /* offset of the line that defines def_name */

    struct diag *last_lex_diag; /* the last error parse_lex_error made */
    struct parse_repeats bad_names, unknown_words;
};

/* The byte at the session's offset off, which is in the file being read. */
static inline const char *parse_at(const struct parse_ctx *ctx, uint32_t off) { return ctx->base + (off - ctx->off); }

/* Counts a syntax error at loc; remembers the id its line defines. */
void parse_note_error(struct parse_ctx *ctx, struct loc loc);
void parse_block_broken(struct parse_ctx *ctx);

/* A line whose first word (at word) is no statement word and is not followed
 * by '->': reports "unknown statement" (E007) with the closest statement word
 * or the list of them. next is the token after the word. When the line ends
 * after the word, reports only if a statement word is close (a lone id is a
 * move cut short) and returns whether it reported. */
bool parse_unknown_statement(struct parse_ctx *ctx, struct loc word, bool line_ends, struct loc next,
                             bool next_is_id);

/* Whether '->' follows the parser's lookahead token at tok. */
bool parse_arrow_follows(const struct parse_ctx *ctx, struct loc tok);

/* A word the scanner matched as [A-Za-z_][A-Za-z0-9_]* that is no id:
 * 'Role' opening a line is an unknown statement (E007); 'EM' is one E002 per
 * distinct spelling, suggesting 'em', with a note counting the other uses,
 * which are dropped silently (each still breaks its line). */
void parse_bad_name(struct parse_ctx *ctx, struct loc loc, const char *s, size_t n);

/* Lexical errors: at most one per line (clox's panic mode, for bytes). */
void parse_lex_error(struct parse_ctx *ctx, struct loc loc, const char *code, const char *fmt, ...)
    DIAG_PRINTF(4, 5);

#endif
