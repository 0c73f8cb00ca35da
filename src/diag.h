/* diag.h - diagnostics: collected per file while compiling, printed after.
 *
 * Every diagnostic has a stable code (E... errors, W... warnings) that the
 * language reference documents; messages name the offending things. */
#ifndef LADDERC_DIAG_H
#define LADDERC_DIAG_H

#include <stdbool.h>
#include <stddef.h>
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
    const char *code;
    struct loc loc;
    const char *msg;
    struct diag_note *notes, **notes_tail;
    struct diag *next;
    bool no_excerpt;            /* print no source line (it may not be text to show) */
};

struct diag_sink {
    struct arena *arena;
    struct diag *first, **tail;
    size_t nerrors, nwarnings;
};

void diag_init(struct diag_sink *sink, struct arena *arena);

#if defined(__GNUC__)
#define DIAG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define DIAG_PRINTF(a, b)
#endif

struct diag *diag_error(struct diag_sink *sink, const char *code, struct loc loc,
                        const char *fmt, ...) DIAG_PRINTF(4, 5);
struct diag *diag_warning(struct diag_sink *sink, const char *code, struct loc loc,
                          const char *fmt, ...) DIAG_PRINTF(4, 5);
void diag_note(struct diag_sink *sink, struct diag *d, struct loc loc,
               const char *fmt, ...) DIAG_PRINTF(4, 5);

/* What the command line asks of diagnostics. */
struct diag_options {
    bool werror;                /* warnings count as errors */
    const char **disabled;      /* warning codes silenced with -W no-CODE */
    size_t ndisabled;
};

/* The warning code for a code or a name ("W170" or "soft-skills"), or NULL
 * when it names no warning. */
const char *diag_warning_code(const char *code_or_name);

/* Drops silenced warnings and, under werror, turns warnings into errors;
 * recounts. */
void diag_apply_options(struct diag_sink *sink, const struct diag_options *opt);

/* Appends one JSON object per diagnostic in src to out (comma-separated; *first
 * says whether one was written before). */
void diag_print_json(const struct diag_sink *sink, struct source *src, const char *file, struct buf *out,
                     bool *first);

/* GitHub Actions workflow commands: ::error file=F,line=L,col=C::MESSAGE */
void diag_print_github(const struct diag_sink *sink, struct source *src, const char *file, struct buf *out);

/* Orders diagnostics by position (stable), so the output reads top-down
 * whichever phase found them. */
void diag_sort(struct diag_sink *sink);

/* Prints every diagnostic as `FILE:LINE:COL: error: MESSAGE [CODE]`, the
 * source line, and a caret under the span. */
void diag_print_text(const struct diag_sink *sink, struct source *src, FILE *out, bool color);

#endif
