/* diag.c - collecting and printing diagnostics. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "escape.h"
#include "heap.h"
#include "util.h"

/* A sink's options until diag_set_options: none (every warning kept, as a
 * warning, and every diagnostic shown), so sink->opt is never NULL. */
static const struct diag_options diag_no_options;

void diag_init(struct diag_sink *sink, struct arena *arena)
{
    memset(sink, 0, sizeof *sink);
    sink->arena = arena;
    sink->tail = &sink->first;
    sink->opt = &diag_no_options;
}

void diag_set_options(struct diag_sink *sink, const struct diag_options *opt)
{
    sink->opt = opt;
    sink->keep = opt->keep_all ? 0 : opt->max_shown;
}

void diag_set_files(struct diag_sink *sink, size_t (*file_of)(const void *ud, uint32_t off), const void *ud)
{
    sink->file_of = file_of;
    sink->file_ud = ud;
}

static size_t diag_file_of(const struct diag_sink *sink, uint32_t off)
{
    return sink->file_of ? sink->file_of(sink->file_ud, off) : 0;
}

/* File f's tally, made when f is first counted (grown by doubling: a
 * session adds files one by one). */
static struct diag_tally *diag_tally(struct diag_sink *sink, size_t f)
{
    if (f >= sink->ntally) {
        size_t n = sink->ntally ? sink->ntally : 4;
        while (n <= f)
            n *= 2;
        struct diag_tally *t = arena_array(sink->arena, n, sizeof *t);
        if (sink->ntally)
            memcpy(t, sink->tally, sink->ntally * sizeof *t);
        sink->tally = t;
        sink->ntally = n;
    }
    return &sink->tally[f];
}

void diag_mark(struct diag_sink *sink, uint32_t at, struct diag_mark *m)
{
    size_t f = diag_file_of(sink, at);
    *m = (struct diag_mark){sink->tail, sink->nerrors, sink->nwarnings, sink->nkept,
                            sink->dropped_errors, sink->dropped_warnings, f, *diag_tally(sink, f)};
}

void diag_reset_to(struct diag_sink *sink, const struct diag_mark *m)
{
    sink->tally[m->file] = m->tally;
    *m->tail = NULL;
    sink->tail = m->tail;
    sink->nerrors = m->nerrors;
    sink->nwarnings = m->nwarnings;
    sink->nkept = m->nkept;
    sink->dropped_errors = m->dropped_errors;
    sink->dropped_warnings = m->dropped_warnings;
}

/* ---- the message formatter ---- */

/* The conversions our messages use, and only those: %s and %.*s (user
 * text: escape_quoted), %c (the same), %g, and integers as %d, %ld, %zu,
 * %02X or %04X (a width, with the flag 0, on integers only). The format
 * attribute (diag.h) checks each argument's type against its conversion;
 * tests/suites/coverage-more.sh checks that every format in lib/, cli/ and
 * grammar/ uses no other (what this code would do with %% or %lld is not
 * defined: they are not parsed). *p is just after the '%'; on return it is
 * after the conversion. */
static void diag_put_conversion(struct buf *b, const char **p, va_list *ap)
{
    const char *spec = *p - 1, *f = *p;
    while (*f >= '0' && *f <= '9')     /* the flag 0 and the width of %02X */
        f++;
    int prec = -1;
    if (*f == '.') {                    /* ".*", the one precision: of %.*s */
        prec = va_arg(*ap, int);
        f += 2;
    }
    char len = 0;
    if (*f == 'l' || *f == 'z')
        len = *f++;
    char conv = *f++;
    *p = f;
    char text[16];                      /* the conversion as written, for snprintf */
    snprintf(text, sizeof text, "%.*s", (int)(f - spec), spec);
    switch (conv) {
    case 's': {
        const char *s = va_arg(*ap, const char *);
        size_t n = prec >= 0 ? strnlen(s, (size_t)prec) : strlen(s);
        escape_quoted(b, s, n, DIAG_QUOTE_MAX);
        break;
    }
    case 'c': {
        char c = (char)va_arg(*ap, int);
        escape_quoted(b, &c, 1, DIAG_QUOTE_MAX);
        break;
    }
    case 'g':
        buf_printf(b, text, va_arg(*ap, double));
        break;
    default:                            /* d, u, X: the length says the type */
        if (len == 'z')
            buf_printf(b, text, va_arg(*ap, size_t));
        else if (len == 'l')
            buf_printf(b, text, va_arg(*ap, long));
        else
            buf_printf(b, text, va_arg(*ap, int));
        break;
    }
}

/* printf into b, text arguments clipped and masked (see diag.h). */
static void diag_format(struct buf *b, const char *fmt, va_list *ap)
{
    const char *p = fmt;
    while (*p) {
        const char *pct = strchr(p, '%');
        size_t lit = pct ? (size_t)(pct - p) : strlen(p);
        buf_put(b, p, lit);
        p += lit;
        if (!*p)
            break;
        p++;
        diag_put_conversion(b, &p, ap);
    }
}

static const char *diag_vformat(struct arena *a, const char *fmt, va_list ap)
{
    struct buf b;
    buf_init(&b, a->heap);
    va_list ap2;
    va_copy(ap2, ap);
    diag_format(&b, fmt, &ap2);
    va_end(ap2);
    buf_putc(&b, '\0');                /* and b.data is never NULL */
    char *s = arena_alloc(a, b.len);
    memcpy(s, b.data, b.len);
    buf_free(&b);
    return s;
}

static bool diag_disabled(const struct diag_options *opt, const char *code)
{
    for (size_t i = 0; i < opt->ndisabled; i++)
        if (strcmp(opt->disabled[i], code) == 0)
            return true;
    return false;
}

/* Counts a diagnostic in the totals, or as not kept. */
static void diag_count(struct diag_sink *sink, enum diag_severity sev)
{
    ++*(sev == DIAG_ERROR ? &sink->nerrors : &sink->nwarnings);
}

static void diag_count_dropped(struct diag_sink *sink, struct diag_tally *t, enum diag_severity sev)
{
    ++*(sev == DIAG_ERROR ? &sink->dropped_errors : &sink->dropped_warnings);
    ++*(sev == DIAG_ERROR ? &t->dropped_errors : &t->dropped_warnings);
}

/* Where the file's last kept diagnostic in position order is linked from:
 * the greatest start, and among equal starts the last to arrive (the list
 * is newest first, so the first met). A scan of the file's own kept ones,
 * at most keep of them, whatever the other files hold. */
static struct diag **diag_worst_of(struct diag_tally *t)
{
    struct diag **worst = &t->kept;
    for (struct diag **p = &t->kept; *p; p = &(*p)->file_next)
        if ((*p)->loc.start > (*worst)->loc.start)
            worst = p;
    return worst;
}

/* Whether a diagnostic at start, arriving now in the file whose tally is t,
 * is among the ones kept: when the file's share is full, it takes the
 * place of the file's last kept in position order. Position order breaks
 * ties by arrival (diag_sort is stable), so a newcomer at the greatest
 * start, arriving after them all, is not before it. The one displaced is
 * marked, and unlinked by diag_sort (the list is singly linked: unlinking
 * it here would cost a walk of every file's diagnostics). */
static bool diag_make_room(struct diag_sink *sink, struct diag_tally *t, uint32_t start)
{
    if (!sink->keep || t->nkept < sink->keep)
        return true;
    struct diag **worst = diag_worst_of(t);
    if (start >= (*worst)->loc.start)
        return false;
    struct diag *out = *worst;
    *worst = out->file_next;
    out->dropped = true;
    sink->nkept--;
    t->nkept--;
    diag_count_dropped(sink, t, out->severity);
    return true;
}

static struct diag *diag_add(struct diag_sink *sink, enum diag_severity sev, const char *code,
                             struct loc loc, const char *fmt, va_list ap)
{
    diag_count(sink, sev);
    size_t f = diag_file_of(sink, loc.start);
    struct diag_tally *t = diag_tally(sink, f);
    ++*(sev == DIAG_ERROR ? &t->nerrors : &t->nwarnings);
    if (!diag_make_room(sink, t, loc.start)) {
        diag_count_dropped(sink, t, sev);
        return NULL;
    }
    struct diag *d = arena_alloc(sink->arena, sizeof *d);
    d->severity = sev;
    d->code = code;
    d->loc = loc;
    d->file = (uint32_t)f;
    d->msg = diag_vformat(sink->arena, fmt, ap);
    d->notes = NULL;
    d->notes_tail = &d->notes;
    d->next = NULL;
    *sink->tail = d;
    sink->tail = &d->next;
    d->file_next = t->kept;
    t->kept = d;
    sink->nkept++;
    t->nkept++;
    return d;
}

struct diag *diag_verror(struct diag_sink *sink, const char *code, struct loc loc, const char *fmt, va_list ap)
{
    return diag_add(sink, DIAG_ERROR, code, loc, fmt, ap);
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
    if (diag_disabled(sink->opt, code))
        return NULL;            /* silenced: not formatted, not kept */
    enum diag_severity sev = sink->opt->werror ? DIAG_ERROR : DIAG_WARNING;
    va_list ap;
    va_start(ap, fmt);
    struct diag *d = diag_add(sink, sev, code, loc, fmt, ap);
    va_end(ap);
    return d;
}

void diag_fix(struct diag_sink *sink, struct diag *d, const char *text)
{
    if (d)
        d->fix = arena_strdup(sink->arena, text);
}

void diag_note(struct diag_sink *sink, struct diag *d, struct loc loc, const char *fmt, ...)
{
    if (!d)
        return;
    struct diag_note *n = arena_alloc(sink->arena, sizeof *n);
    va_list ap;
    va_start(ap, fmt);
    n->loc = loc;
    n->msg = diag_vformat(sink->arena, fmt, ap);
    va_end(ap);
    n->next = NULL;
    *d->notes_tail = n;
    d->notes_tail = &n->next;
}

/* Merge sort of a linked list: stable (on a tie it takes from the left
 * half, which arrived first), O(n log n), no allocation. */
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
        struct diag **take = b->loc.start < a->loc.start ? &b : &a;
        *tail = *take;
        tail = &(*take)->next;
        *take = (*take)->next;
    }
    *tail = a ? a : b;
    return head;
}

void diag_sort(struct diag_sink *sink)
{
    /* the displaced ones out first: the list is then the nkept kept */
    struct diag **p = &sink->first;
    while (*p) {
        if ((*p)->dropped)
            *p = (*p)->next;
        else
            p = &(*p)->next;
    }
    sink->first = diag_merge_sort(sink->first, sink->nkept);
    sink->tail = &sink->first;
    while (*sink->tail)
        sink->tail = &(*sink->tail)->next;
}

/* ---- options ---- */

static const struct { const char *code, *name; } warning_names[] = {
    {"W133", "deep-downward"},
    {"W151", "box-fit"},
    {"W152", "same-position"},
    {"W153", "box-overlap"},
    {"W162", "company-order"},
    {"W170", "soft-skills"},
    {"W190", "missing-rungs"},
    {"W191", "lowered-rung"},
    {"W192", "no-raise"},
    {"W193", "rung-order"},
    {"W194", "copied-text"},
};

const char *diag_warning_code(const char *s)
{
    for (size_t i = 0; i < sizeof warning_names / sizeof *warning_names; i++)
        if (strcmp(s, warning_names[i].code) == 0 || strcmp(s, warning_names[i].name) == 0)
            return warning_names[i].code;
    return NULL;
}

/* ---- where notes point, worked out once ---- */

/* A column costs the length of its line up to it (source_span), and many
 * notes can point at one place: 20,000 roles at the position of one whose
 * coordinates follow 10 MB of blanks gave 20,000 notes, 200 GB of scanning.
 * So each distinct place a note points at is looked up once: sorted, then
 * found by binary search (no hash an input could flood). The places notes
 * point at are tokens of valid statements, a few per line, so the lookups
 * cost at most a few times the file's size. */
struct diag_place {
    struct loc loc;
    struct source_pos first, last;
    const char *line;       /* the excerpt's line and its length */
    size_t len;
};

/* Where loc starts and ends, and its line. */
static struct diag_place diag_place_of(const struct source_set *set, struct loc loc)
{
    struct diag_place p = {.loc = loc};
    struct source *src = source_set_find(set, loc.start);
    source_span(src, loc, &p.first, &p.last);
    p.line = source_line(src, p.first.line, &p.len);
    return p;
}

/* Whether d is to be printed: every one, or only file *only's. */
static bool diag_selected(const struct diag *d, const size_t *only)
{
    return !only || d->file == *only;
}

/* Whether d, in a sorted list, comes after file *only's: the printers stop
 * there, so that printing each of many files costs its own diagnostics,
 * not the whole list (the caller starts the list at the file's first). */
static bool diag_past(const struct diag *d, const size_t *only)
{
    return only && d->file > *only;
}

struct diag_places {
    struct heap *heap;
    struct diag_place *v;
    size_t n;
};

static int diag_place_cmp(const void *pa, const void *pb)
{
    const struct loc *a = &((const struct diag_place *)pa)->loc, *b = &((const struct diag_place *)pb)->loc;
    if (a->start != b->start)       /* (x > y) - (x < y): no branch to leave untested */
        return (a->start > b->start) - (a->start < b->start);
    return (a->end > b->end) - (a->end < b->end);
}

/* The places the notes of the kept diagnostics point at. */
static void diag_places_init(struct diag_places *p, const struct diag_sink *sink, const struct source_set *src,
                             const size_t *only)
{
    size_t n = 0;
    for (const struct diag *d = sink->first; d && !diag_past(d, only); d = d->next)
        if (diag_selected(d, only))
            for (const struct diag_note *note = d->notes; note; note = note->next)
                n++;
    p->heap = sink->arena->heap;
    p->v = n ? heap_calloc(p->heap, n, sizeof *p->v) : NULL;
    p->n = 0;
    for (const struct diag *d = sink->first; d && !diag_past(d, only); d = d->next)
        if (diag_selected(d, only))
            for (const struct diag_note *note = d->notes; note; note = note->next)
                p->v[p->n++].loc = note->loc;
    if (p->n > 1)
        qsort(p->v, p->n, sizeof *p->v, diag_place_cmp);
    size_t k = 0;
    for (size_t i = 0; i < p->n; i++)
        if (k == 0 || diag_place_cmp(&p->v[k - 1], &p->v[i]) != 0)
            p->v[k++] = p->v[i];
    p->n = k;
    for (size_t i = 0; i < p->n; i++)
        p->v[i] = diag_place_of(src, p->v[i].loc);
}

/* The place of a note's loc: found, since every note's place is in p. */
static const struct diag_place *diag_places_find(const struct diag_places *p, struct loc loc)
{
    struct diag_place key = {.loc = loc};
    return bsearch(&key, p->v, p->n, sizeof *p->v, diag_place_cmp);
}

static void diag_places_free(struct diag_places *p) { heap_free(p->heap, p->v); }

/* ---- machine-readable output ---- */

static void json_str(struct buf *b, const char *s) { escape_json(b, s, strlen(s)); }

/* file is the name already escaped as a JSON string. */
static void json_place(struct buf *b, const char *file, struct source_pos first, struct source_pos last)
{
    buf_puts(b, "\"file\": ");
    buf_puts(b, file);
    buf_printf(b, ", \"line\": %d, \"column\": %d, \"end_line\": %d, \"end_column\": %d",
               first.line, first.column, last.line, last.column);
}

/* A file's name as a JSON string, NUL-terminated, in b. */
static const char *json_file_name(struct buf *b, const struct source *src)
{
    b->len = 0;
    json_str(b, src->name);
    buf_putc(b, '\0');
    return b->data;
}

void diag_json_begin(struct diag_json *j, const struct diag_sink *sink, const struct source_set *set,
                     const size_t *only)
{
    j->heap = sink->arena->heap;
    j->set = set;
    j->first = true;
    j->named = NULL;
    buf_init(&j->name, sink->arena->heap);
    buf_init(&j->note_name, sink->arena->heap);
    j->places = heap_alloc(sink->arena->heap, sizeof *j->places);
    diag_places_init(j->places, sink, set, only);
}

void diag_json_one(struct diag_json *j, const struct diag *d, struct buf *b)
{
    static const char *const sev[] = {"error", "warning", "note"};
    buf_puts(b, j->first ? "\n  {" : ",\n  {");
    j->first = false;
    struct source *src = j->set->v[d->file];
    if (src != j->named)
        json_file_name(&j->name, j->named = src);     /* once per run of a file's diagnostics */
    struct source_pos at, end;
    if (d->whole_file)
        at = end = (struct source_pos){0, 0};
    else
        source_span(src, d->loc, &at, &end);
    json_place(b, j->name.data, at, end);
    buf_printf(b, ", \"severity\": \"%s\", \"code\": ", sev[d->severity]);
    json_str(b, d->code);          /* every diagnostic has its code */
    buf_puts(b, ", \"message\": ");
    json_str(b, d->msg);
    buf_puts(b, ", \"notes\": [");
    const char *sep = "";
    for (const struct diag_note *n = d->notes; n; n = n->next, sep = ", ") {
        const struct diag_place *p = diag_places_find(j->places, n->loc);
        struct source *nsrc = source_set_find(j->set, n->loc.start);
        buf_puts(b, sep);
        buf_putc(b, '{');
        json_place(b, nsrc == src ? j->name.data : json_file_name(&j->note_name, nsrc), p->first, p->last);
        buf_puts(b, ", \"message\": ");
        json_str(b, n->msg);
        buf_putc(b, '}');
    }
    buf_puts(b, "]}");
}

void diag_json_end(struct diag_json *j)
{
    if (!j->places)
        return;
    diag_places_free(j->places);
    heap_free(j->heap, j->places);
    j->places = NULL;
    buf_free(&j->name);
    buf_free(&j->note_name);
}

void diag_print_json(const struct diag_sink *sink, const struct source_set *set, const size_t *only, struct buf *b,
                     bool *first)
{
    struct diag_json j;
    diag_json_begin(&j, sink, set, only);
    j.first = *first;
    for (const struct diag *d = sink->first; d && !diag_past(d, only); d = d->next)
        if (diag_selected(d, only))
            diag_json_one(&j, d, b);
    *first = j.first;
    diag_json_end(&j);
}

/* What comes after the last diagnostic shown: "975 more errors and 5 more
 * warnings not shown". The printers show every kept diagnostic: the sink
 * keeps max_shown of them (keep_all is JSON's, whose printer shows all), so
 * the rest are the dropped ones. */
static void diag_put_rest(struct buf *b, const struct diag_tally *t)
{
    size_t errors = t->dropped_errors, warnings = t->dropped_warnings;
    if (errors)
        buf_printf(b, "%zu more error%s", errors, errors == 1 ? "" : "s");
    if (errors && warnings)
        buf_puts(b, " and ");
    if (warnings)
        buf_printf(b, "%zu more warning%s", warnings, warnings == 1 ? "" : "s");
    buf_puts(b, " not shown; --max-diagnostics=0 shows them all");
}

/* File f's ::notice of the diagnostics not shown, if any. */
static void diag_github_rest(const struct diag_sink *sink, const struct source_set *set, size_t f, struct buf *b)
{
    const struct diag_tally *t = f < sink->ntally ? &sink->tally[f] : NULL;
    if (!t || !(t->dropped_errors || t->dropped_warnings))
        return;
    buf_puts(b, "::notice file=");
    escape_github(b, set->v[f]->name, true);
    buf_puts(b, ",title=ladderc::");
    struct buf rest;
    buf_init(&rest, sink->arena->heap);
    diag_put_rest(&rest, t);
    buf_putc(&rest, '\0');
    escape_github(b, rest.data, false);
    buf_free(&rest);
    buf_putc(b, '\n');
}

/* Calls rest for each file of set in order (or file *only), after that
 * file's diagnostics: each file's line of "N more" follows its own. */
void diag_print_github(const struct diag_sink *sink, const struct source_set *set, const size_t *only, struct buf *b)
{
    size_t next = only ? *only : 0, end = only ? *only + 1 : set->n;    /* files whose notice is to come */
    for (const struct diag *d = sink->first; d; d = d->next) {
        if (diag_past(d, only))
            break;
        if (!diag_selected(d, only))
            continue;
        for (; next < d->file; next++)
            diag_github_rest(sink, set, next, b);
        struct source *src = set->v[d->file];
        struct source_pos first, last;
        if (d->whole_file)
            first = last = (struct source_pos){0, 0};
        else
            source_span(src, d->loc, &first, &last);
        buf_printf(b, "::%s file=", d->severity == DIAG_ERROR ? "error" : "warning");
        escape_github(b, src->name, true);
        buf_printf(b, ",line=%d,col=%d,endLine=%d,endColumn=%d,title=", first.line,
                   first.column, last.line, last.column);
        escape_github(b, d->code, true);
        buf_puts(b, "::");
        escape_github(b, d->msg, false);
        for (const struct diag_note *n = d->notes; n; n = n->next) {
            struct source *nsrc = source_set_find(set, n->loc.start);
            if (nsrc == src) {
                buf_printf(b, "%%0Anote (line %d): ", source_line_of(nsrc, n->loc.start));
            } else {
                buf_puts(b, "%0Anote (");
                escape_github(b, nsrc->name, false);
                buf_printf(b, " line %d): ", source_line_of(nsrc, n->loc.start));
            }
            escape_github(b, n->msg, false);
        }
        buf_putc(b, '\n');
    }
    for (; next < end; next++)
        diag_github_rest(sink, set, next, b);
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

/* Spaces up to the caret, copying tabs so the caret lines up, then the
 * caret and a '~' under each further column of the span. A span lies on one
 * line: diagnostics point at tokens (no token crosses a line: a string ends
 * at its line's end, E003) or at one-line statements (the one statement with
 * a block, company, is reported at its id). So last.column is a column of
 * this line; the suite and the fuzz corpus have no other (docs/reliability.md). */
static void diag_put_caret(struct buf *b, const char *line, size_t len, struct source_pos first,
                           struct source_pos last, bool color)
{
    int col = 1;
    for (size_t i = 0; i < len && col < first.column; i++) {
        unsigned char c = (unsigned char)line[i];
        if ((c & 0xC0) == 0x80)
            continue;
        buf_putc(b, c == '\t' ? '\t' : ' ');
        col++;
    }
    if (color)
        buf_puts(b, "\033[1;32m");
    buf_putc(b, '^');
    for (int c = col + 1; c < last.column; c++)
        buf_putc(b, '~');
    if (color)
        buf_puts(b, C_RESET);
}

static void diag_put_excerpt(struct buf *b, const struct diag_place *p, bool color)
{
    if (p->len > EXCERPT_MAX_BYTES)     /* p->line is never NULL: a loc of src is on one of its lines */
        return;
    buf_printf(b, "%5d | ", p->first.line);
    diag_put_line(b, p->line, p->len);
    buf_puts(b, "\n      | ");
    diag_put_caret(b, p->line, p->len, p->first, p->last, color);
    buf_putc(b, '\n');
}

static void diag_put_head(struct buf *b, const char *file, struct source_pos at, enum diag_severity sev,
                          const char *msg, const char *code, bool color)
{
    if (color)
        buf_puts(b, C_BOLD);
    escape_filename(b, file);
    buf_printf(b, ":%d:%d: ", at.line, at.column);
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

static void diag_put_one(struct buf *b, const char *file, const struct diag_place *p, enum diag_severity sev,
                         const char *msg, const char *code, bool color, bool excerpt)
{
    diag_put_head(b, file, p->first, sev, msg, code, color);
    if (excerpt)
        diag_put_excerpt(b, p, color);
}

/* File f's line of "N more", if any. */
static void diag_text_rest(const struct diag_sink *sink, const struct source_set *set, size_t f, struct buf *b)
{
    const struct diag_tally *t = f < sink->ntally ? &sink->tally[f] : NULL;
    if (!t || !(t->dropped_errors || t->dropped_warnings))
        return;
    escape_filename(b, set->v[f]->name);
    buf_puts(b, ": note: ");
    diag_put_rest(b, t);
    buf_putc(b, '\n');
}

/* A diagnostic about a file as a whole: FILE: error: MESSAGE [CODE]. */
static void diag_put_whole_file(struct buf *b, const char *file, const struct diag *d, bool color)
{
    if (color)
        buf_puts(b, C_BOLD);
    escape_filename(b, file);
    buf_puts(b, ": ");
    if (color)
        buf_puts(b, severity_color[d->severity]);
    buf_printf(b, "%s: ", severity_name[d->severity]);
    if (color)
        buf_puts(b, C_RESET C_BOLD);
    buf_puts(b, d->msg);
    buf_printf(b, " [%s]", d->code);
    if (color)
        buf_puts(b, C_RESET);
    buf_putc(b, '\n');
}

void diag_print_text(const struct diag_sink *sink, const struct source_set *set, const size_t *only, struct buf *b,
                     bool color)
{
    struct diag_places places;
    diag_places_init(&places, sink, set, only);
    size_t next = only ? *only : 0, end = only ? *only + 1 : set->n;
    for (const struct diag *d = sink->first; d; d = d->next) {
        if (diag_past(d, only))
            break;
        if (!diag_selected(d, only))
            continue;
        for (; next < d->file; next++)
            diag_text_rest(sink, set, next, b);
        const char *name = set->v[d->file]->name;
        if (d->whole_file) {
            diag_put_whole_file(b, name, d, color);
            continue;
        }
        struct diag_place at = diag_place_of(set, d->loc);
        diag_put_one(b, name, &at, d->severity, d->msg, d->code, color, !d->no_excerpt);
        for (const struct diag_note *n = d->notes; n; n = n->next)
            diag_put_one(b, source_set_find(set, n->loc.start)->name, diag_places_find(&places, n->loc), DIAG_NOTE,
                         n->msg, NULL, color, !d->no_excerpt);
    }
    diag_places_free(&places);
    for (; next < end; next++)
        diag_text_rest(sink, set, next, b);
}
