/* diag.h - diagnostics: collected per file while compiling, printed after.
 *
 * Every diagnostic has a stable code (E... errors, W... warnings) that the
 * language reference documents; messages name the offending things. */
#ifndef LADDERC_DIAG_H
#define LADDERC_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"
#include "buf.h"
#include "loc.h"
#include "source.h"

enum diag_severity { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE };

struct diag_note {
    struct loc loc;
    const char *msg;
    struct diag_note *next;
};

struct diag {
    enum diag_severity severity;
    const char *code;           /* never NULL: E... or W..., as the reference lists */
    struct loc loc;
    const char *msg;
    struct diag_note *notes, **notes_tail;
    struct diag *next;
    bool no_excerpt;            /* print no source line (it may not be text to show) */
    bool whole_file;            /* about the file as a whole (it could not be read): no line */
    bool dropped;               /* displaced by an earlier one: diag_sort unlinks it */
    const char *fix;            /* what its "did you mean" suggests writing over loc, or NULL */
    uint32_t file;              /* the file of loc (sink->file_of); 0 with one file */
    struct diag *file_next;     /* the file's kept diagnostics, newest first (diag_tally.kept) */
};

/* What the command line asks of diagnostics. */
struct diag_options {
    bool werror;                /* warnings count as errors */
    const char **disabled;      /* warning codes silenced with -W no-CODE */
    size_t ndisabled;
    size_t max_shown;           /* text and github print at most this many per file; 0: all */
    bool keep_all;              /* keep every diagnostic even so (JSON prints them all) */
};

/* Diagnostics shown per file by default (--max-diagnostics=N changes it).
 * Warnings count as much as errors: a flood of either buries the first
 * mistake, and the reader needs the first few, not the ten-thousandth. */
#define DIAG_MAX_SHOWN_DEFAULT 20

/* A message quotes at most this many code points of one argument (a name,
 * a level, a stray character), so a diagnostic's size is bounded whatever
 * the input, and many diagnostics about one long name cost linear memory. */
#define DIAG_QUOTE_MAX 80

/* The sink counts every diagnostic but keeps only what will be printed:
 * when the options say max_shown (and not keep_all), the max_shown first in
 * position order. A diagnostic that cannot be among them is counted and
 * dropped before its message is formatted, so a file with a million
 * mistakes costs little more time and no more memory than a clean one. */
/* Per file, since max_shown counts per file: a session of many files shows
 * each one's first mistakes. */
struct diag_tally {
    size_t nerrors, nwarnings;          /* every one, kept or dropped */
    size_t nkept, dropped_errors, dropped_warnings;
    struct diag *kept;                  /* its kept diagnostics, newest first */
};

struct diag_sink {
    struct arena *arena;
    struct diag *first, **tail;         /* the kept diagnostics */
    size_t nerrors, nwarnings;          /* every one, kept or dropped */
    size_t nkept, keep;                 /* keep: 0 for all (keep is per file) */
    size_t dropped_errors, dropped_warnings;
    const struct diag_options *opt;     /* never NULL: diag_init sets empty ones */
    /* which file an offset is in (NULL: one file, 0); tally[f] is file f's */
    size_t (*file_of)(const void *ud, uint32_t off);
    const void *file_ud;
    struct diag_tally *tally;
    size_t ntally;
};

/* The sink of a session's files: file_of(ud, off) says which file holds
 * off (source_set_index). */
void diag_set_files(struct diag_sink *sink, size_t (*file_of)(const void *ud, uint32_t off), const void *ud);

void diag_init(struct diag_sink *sink, struct arena *arena);

/* Gives the sink the command line's options before anything is reported: a
 * silenced warning then costs nothing (diag_warning returns NULL without
 * formatting it) and, under werror, a warning is recorded as an error.
 * opt must not be NULL and must outlive the sink. Without this call a sink
 * keeps and shows everything, warnings as warnings. */
void diag_set_options(struct diag_sink *sink, const struct diag_options *opt);

#if defined(__GNUC__)
#define DIAG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define DIAG_PRINTF(a, b)
#endif

/* The message formats take a subset of printf's conversions, exactly the
 * ones the messages use: %s %.*s %c %g %d %ld %zu %02X %04X (an integer
 * may have a width with the flag 0; no other flag, width or precision, no
 * other length, no %%). The format attribute checks the arguments' types;
 * tests/suites/coverage-more.sh fails on a format with any other
 * conversion, which the formatter would not parse. Every %s and %c argument
 * is user text and goes through escape_quoted, so a message shows at most
 * DIAG_QUOTE_MAX code points of it and no control, bidi or zero-width
 * character. */
struct diag *diag_error(struct diag_sink *sink, const char *code, struct loc loc,
                        const char *fmt, ...) DIAG_PRINTF(4, 5);
struct diag *diag_verror(struct diag_sink *sink, const char *code, struct loc loc,
                         const char *fmt, va_list ap) DIAG_PRINTF(4, 0);
/* diag_error and diag_warning return NULL when the diagnostic is not kept
 * (see struct diag_sink); diag_warning also when it is silenced. */
struct diag *diag_warning(struct diag_sink *sink, const char *code, struct loc loc,
                          const char *fmt, ...) DIAG_PRINTF(4, 5);
/* Records that writing text over d's span fixes it (its "did you mean"),
 * for an editor's quick fix; d may be NULL (a dropped diagnostic). */
void diag_fix(struct diag_sink *sink, struct diag *d, const char *text);
/* Adds a note to d; does nothing when d is NULL (not kept, or silenced). */
void diag_note(struct diag_sink *sink, struct diag *d, struct loc loc,
               const char *fmt, ...) DIAG_PRINTF(4, 5);

/* A place in the sink to come back to: diag_reset_to drops what was added
 * after diag_mark (the parser's "not a ladder file" replaces a file's
 * diagnostics with one). */
struct diag_mark {
    struct diag **tail;
    size_t nerrors, nwarnings, nkept, dropped_errors, dropped_warnings;
    size_t file;
    struct diag_tally tally;
};
/* at: an offset in the file about to be read (only its diagnostics come
 * between the mark and the reset). */
void diag_mark(struct diag_sink *sink, uint32_t at, struct diag_mark *m);
void diag_reset_to(struct diag_sink *sink, const struct diag_mark *m);

/* The warning code for a code or a name ("W170" or "soft-skills"), or NULL
 * when it names no warning. */
const char *diag_warning_code(const char *code_or_name);

/* The printers take the session's files (each diagnostic and note is
 * printed with its own file's name, line and column) and append to out.
 * With only, the sink's list must be sorted (diag_sort): the printers stop
 * after file *only's diagnostics, and a sink whose first is that file's
 * first diagnostic (a copy of the session's, moved on) costs no more than
 * them. */
struct source_set;

/* One JSON object per diagnostic (comma-separated; *first says whether one
 * was written before), each after "\n  ". Every diagnostic, whatever
 * max_shown: tools filter for themselves. only: print only the
 * diagnostics of file number *only (NULL: all). */
void diag_print_json(const struct diag_sink *sink, const struct source_set *set, const size_t *only,
                     struct buf *out, bool *first);

/* The same, one diagnostic at a time, so that a caller can write the
 * output out in parts (80,000 diagnostics naming a long path are 300 MB of
 * JSON): begin works out where every selected diagnostic's notes point. */
struct diag_places;
struct diag_json {
    struct heap *heap;
    const struct source_set *set;
    bool first;
    const struct source *named;
    struct buf name, note_name;
    struct diag_places *places;
};
void diag_json_begin(struct diag_json *j, const struct diag_sink *sink, const struct source_set *set,
                     const size_t *only);
void diag_json_one(struct diag_json *j, const struct diag *d, struct buf *out);
void diag_json_end(struct diag_json *j);

/* GitHub Actions workflow commands: ::error file=F,line=L,col=C::MESSAGE,
 * one per kept diagnostic (at most max_shown per file: the sink keeps no
 * more unless keep_all, which is for JSON), then for each file that had
 * more, a ::notice that counts them. */
void diag_print_github(const struct diag_sink *sink, const struct source_set *set, const size_t *only,
                       struct buf *out);

/* Orders diagnostics by position (stable), so the output reads top-down
 * whichever phase found them. Positions are the session's: file order,
 * then offset. */
void diag_sort(struct diag_sink *sink);

/* Prints the diagnostics as `FILE:LINE:COL: error: MESSAGE [CODE]`, the
 * source line, and a caret under the span; FILE is quoted when it holds
 * anything unsafe (escape_filename). Every kept diagnostic is printed: the
 * sink keeps the options' max_shown per file (notes do not count); after a
 * file's, one line says how many more were dropped and how to see them. */
void diag_print_text(const struct diag_sink *sink, const struct source_set *set, const size_t *only,
                     struct buf *out, bool color);

#endif
