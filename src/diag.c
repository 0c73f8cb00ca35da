/* diag.c - collecting and printing diagnostics. */
#include "diag.h"

#include <stdarg.h>
#include <string.h>

#include "buf.h"
#include "escape.h"
#include "util.h"

void diag_init(struct diag_sink *sink, struct arena *arena)
{
    memset(sink, 0, sizeof *sink);
    sink->arena = arena;
    sink->tail = &sink->first;
}

static const char *diag_vformat(struct arena *a, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return "";
    char *s = arena_alloc(a, (size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

static struct diag *diag_add(struct diag_sink *sink, enum diag_severity sev, const char *code,
                             struct loc loc, const char *fmt, va_list ap)
{
    struct diag *d = arena_alloc(sink->arena, sizeof *d);
    d->severity = sev;
    d->code = code;
    d->loc = loc;
    d->msg = diag_vformat(sink->arena, fmt, ap);
    d->notes_tail = &d->notes;
    *sink->tail = d;
    sink->tail = &d->next;
    if (sev == DIAG_ERROR)
        sink->nerrors++;
    else
        sink->nwarnings++;
    return d;
}

struct diag *diag_error(struct diag_sink *sink, const char *code, struct loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    struct diag *d = diag_add(sink, DIAG_ERROR, code, loc, fmt, ap);
    va_end(ap);
    return d;
}

struct diag *diag_warning(struct diag_sink *sink, const char *code, struct loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    struct diag *d = diag_add(sink, DIAG_WARNING, code, loc, fmt, ap);
    va_end(ap);
    return d;
}

void diag_note(struct diag_sink *sink, struct diag *d, struct loc loc, const char *fmt, ...)
{
    struct diag_note *n = arena_alloc(sink->arena, sizeof *n);
    va_list ap;
    va_start(ap, fmt);
    n->loc = loc;
    n->msg = diag_vformat(sink->arena, fmt, ap);
    va_end(ap);
    *d->notes_tail = n;
    d->notes_tail = &n->next;
}

static bool diag_before(const struct diag *a, const struct diag *b)
{
    return a->loc.start < b->loc.start;
}

/* Merge sort of a linked list: stable, O(n log n), no allocation. */
static struct diag *diag_merge_sort(struct diag *list, size_t n)
{
    if (n < 2)
        return list;
    struct diag *mid = list;
    for (size_t i = 1; i < n / 2; i++)
        mid = mid->next;
    struct diag *right = mid->next;
    mid->next = NULL;
    struct diag *a = diag_merge_sort(list, n / 2), *b = diag_merge_sort(right, n - n / 2);
    struct diag *head = NULL, **tail = &head;
    while (a && b) {
        struct diag **take = diag_before(b, a) ? &b : &a;
        *tail = *take;
        tail = &(*take)->next;
        *take = (*take)->next;
    }
    *tail = a ? a : b;
    return head;
}

void diag_sort(struct diag_sink *sink)
{
    size_t n = sink->nerrors + sink->nwarnings;
    sink->first = diag_merge_sort(sink->first, n);
    sink->tail = &sink->first;
    while (*sink->tail)
        sink->tail = &(*sink->tail)->next;
}

/* ---- options ---- */

static const struct { const char *code, *name; } warning_names[] = {
    {"W133", "deep-downward"},
    {"W151", "box-fit"},
    {"W152", "same-position"},
    {"W162", "company-order"},
    {"W170", "soft-skills"},
};

const char *diag_warning_code(const char *s)
{
    for (size_t i = 0; i < sizeof warning_names / sizeof *warning_names; i++)
        if (strcmp(s, warning_names[i].code) == 0 || strcmp(s, warning_names[i].name) == 0)
            return warning_names[i].code;
    return NULL;
}

static bool diag_disabled(const struct diag_options *opt, const char *code)
{
    for (size_t i = 0; i < opt->ndisabled; i++)
        if (strcmp(opt->disabled[i], code) == 0)
            return true;
    return false;
}

void diag_apply_options(struct diag_sink *sink, const struct diag_options *opt)
{
    struct diag **p = &sink->first;
    sink->nerrors = sink->nwarnings = 0;
    while (*p) {
        struct diag *d = *p;
        if (d->severity == DIAG_WARNING && diag_disabled(opt, d->code)) {
            *p = d->next;
            continue;
        }
        if (d->severity == DIAG_WARNING && opt->werror)
            d->severity = DIAG_ERROR;
        if (d->severity == DIAG_ERROR)
            sink->nerrors++;
        else
            sink->nwarnings++;
        p = &d->next;
    }
    sink->tail = p;
}

/* ---- machine-readable output ---- */

static void json_str(struct buf *b, const char *s) { escape_json(b, s, strlen(s)); }

static void json_place(struct buf *b, struct source *src, const char *file, struct loc loc)
{
    struct source_pos first, last;
    source_span(src, loc, &first, &last);
    buf_puts(b, "\"file\": ");
    json_str(b, file);
    buf_printf(b, ", \"line\": %d, \"column\": %d, \"end_line\": %d, \"end_column\": %d",
               first.line, first.column, last.line, last.column);
}

void diag_print_json(const struct diag_sink *sink, struct source *src, const char *file, struct buf *b, bool *first)
{
    static const char *const sev[] = {"error", "warning", "note"};
    for (const struct diag *d = sink->first; d; d = d->next) {
        buf_puts(b, *first ? "\n  {" : ",\n  {");
        *first = false;
        json_place(b, src, file, d->loc);
        buf_printf(b, ", \"severity\": \"%s\", \"code\": ", sev[d->severity]);
        json_str(b, d->code ? d->code : "");
        buf_puts(b, ", \"message\": ");
        json_str(b, d->msg);
        buf_puts(b, ", \"notes\": [");
        for (const struct diag_note *n = d->notes; n; n = n->next) {
            buf_puts(b, n == d->notes ? "{" : ", {");
            json_place(b, src, file, n->loc);
            buf_puts(b, ", \"message\": ");
            json_str(b, n->msg);
            buf_putc(b, '}');
        }
        buf_puts(b, "]}");
    }
}

/* Workflow commands escape %, CR and LF in data, and also : and , in
 * property values. */
static void github_escape(struct buf *b, const char *s, bool property)
{
    for (; *s; s++) {
        if (*s == '%')
            buf_puts(b, "%25");
        else if (*s == '\r')
            buf_puts(b, "%0D");
        else if (*s == '\n')
            buf_puts(b, "%0A");
        else if (property && *s == ':')
            buf_puts(b, "%3A");
        else if (property && *s == ',')
            buf_puts(b, "%2C");
        else
            buf_putc(b, *s);
    }
}

void diag_print_github(const struct diag_sink *sink, struct source *src, const char *file, struct buf *b)
{
    for (const struct diag *d = sink->first; d; d = d->next) {
        struct source_pos first, last;
        source_span(src, d->loc, &first, &last);
        buf_printf(b, "::%s file=", d->severity == DIAG_ERROR ? "error" : "warning");
        github_escape(b, file, true);
        buf_printf(b, ",line=%d,col=%d,endLine=%d,endColumn=%d,title=", first.line,
                   first.column, last.line, last.column);
        github_escape(b, d->code ? d->code : "ladderc", true);
        buf_puts(b, "::");
        github_escape(b, d->msg, false);
        for (const struct diag_note *n = d->notes; n; n = n->next) {
            buf_printf(b, "%%0Anote (line %d): ", source_line_of(src, n->loc.start));
            github_escape(b, n->msg, false);
        }
        buf_putc(b, '\n');
    }
}

/* ---- printing ---- */

enum { EXCERPT_MAX_BYTES = 1000 };

#define C_BOLD "\033[1m"
#define C_RESET "\033[0m"

static const char *const severity_name[] = {"error", "warning", "note"};
static const char *const severity_color[] = {"\033[1;31m", "\033[1;35m", "\033[1;36m"};

/* The source line, made safe for a terminal (escape_terminal): one column
 * per code point, as the scanner counts, so the caret still lines up. */
static void diag_put_line(struct buf *b, const char *line, size_t len)
{
    escape_terminal(b, line, len);
}

/* Spaces up to the caret, copying tabs so the caret lines up. */
static void diag_put_caret(struct buf *b, const char *line, size_t len, struct source_pos first,
                           struct source_pos last, bool color)
{
    int col = 1;
    size_t i = 0;
    for (; i < len && col < first.column; i++) {
        unsigned char c = (unsigned char)line[i];
        if ((c & 0xC0) == 0x80)
            continue;
        buf_putc(b, c == '\t' ? '\t' : ' ');
        col++;
    }
    int end = last.line == first.line ? last.column : col + 1;
    if (last.line != first.line) {
        /* a span over several lines: underline to the end of this one */
        int n = col;
        for (size_t j = i; j < len; j++)
            n += ((unsigned char)line[j] & 0xC0) != 0x80;
        end = n > col ? n : col + 1;
    }
    if (color)
        buf_puts(b, "\033[1;32m");
    buf_putc(b, '^');
    for (int c = col + 1; c < end; c++)
        buf_putc(b, '~');
    if (color)
        buf_puts(b, C_RESET);
}

static void diag_put_excerpt(struct buf *b, struct source *src, struct source_pos first,
                             struct source_pos last, bool color)
{
    size_t len;
    const char *line = source_line(src, first.line, &len);
    if (!line || len > EXCERPT_MAX_BYTES)
        return;
    buf_printf(b, "%5d | ", first.line);
    diag_put_line(b, line, len);
    buf_puts(b, "\n      | ");
    diag_put_caret(b, line, len, first, last, color);
    buf_putc(b, '\n');
}

static void diag_put_head(struct buf *b, const char *file, struct source_pos at, enum diag_severity sev,
                          const char *msg, const char *code, bool color)
{
    if (color)
        buf_puts(b, C_BOLD);
    buf_printf(b, "%s:%d:%d: ", file, at.line, at.column);
    if (color)
        buf_puts(b, severity_color[sev]);
    buf_printf(b, "%s: ", severity_name[sev]);
    if (color)
        buf_puts(b, C_RESET C_BOLD);
    buf_puts(b, msg);
    if (code)
        buf_printf(b, " [%s]", code);
    if (color)
        buf_puts(b, C_RESET);
    buf_putc(b, '\n');
}

static void diag_put_one(struct buf *b, struct source *src, struct loc loc, enum diag_severity sev,
                         const char *msg, const char *code, bool color, bool excerpt)
{
    struct source_pos first, last;
    source_span(src, loc, &first, &last);
    diag_put_head(b, src->name, first, sev, msg, code, color);
    if (excerpt)
        diag_put_excerpt(b, src, first, last, color);
}

void diag_print_text(const struct diag_sink *sink, struct source *src, FILE *out, bool color)
{
    struct buf b;
    buf_init(&b);
    for (const struct diag *d = sink->first; d; d = d->next) {
        diag_put_one(&b, src, d->loc, d->severity, d->msg, d->code, color, !d->no_excerpt);
        for (const struct diag_note *n = d->notes; n; n = n->next)
            diag_put_one(&b, src, n->loc, DIAG_NOTE, n->msg, NULL, color, !d->no_excerpt);
    }
    fwrite(b.data ? b.data : "", 1, b.len, out);
    buf_free(&b);
}
