/* ladder_wasm.c - the C side of ladderc in WebAssembly (build/wasm/ladder.js).
 *
 * A thin glue between libladder (include/ladder.h, and nothing else of the
 * library, as the command line) and the JavaScript API of wasm/api.js:
 * - a unit: one session, its options, and the last text or record a call
 *   made, which JavaScript reads from the module's memory by address;
 * - the loader: the shipped ladders ("std/NAME", bundled: build/wasm/std.c)
 *   first, then JavaScript (ldw_js_load), which owns the files the caller
 *   handed in (a map or a function path -> text);
 * - malloc's count of the bytes in use (ldw_heap_in_use), so that a test
 *   can see that 10,000 compiles leave nothing behind.
 * Every string comes in as bytes with a length (any bytes: a ladder need not
 * be valid UTF-8) and goes out the same way (ldw_out_data, ldw_out_len).
 * Docs: docs/wasm.md. */
#include <emscripten.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ladder.h"
#include "ladder_wasm_std.h"

/* ---- memory ---- */

/* Buffers JavaScript fills (the bytes of a file, a path, an option) and
 * frees. Sessions use the C library's malloc too (ld_config.alloc NULL). */
EMSCRIPTEN_KEEPALIVE void *ldw_alloc(size_t n) { return malloc(n ? n : 1); }
EMSCRIPTEN_KEEPALIVE void ldw_free(void *p) { free(p); }

/* The bytes malloc has handed out and not taken back: what a leak test
 * reads (10,000 compiles freed must leave it where it was). */
EMSCRIPTEN_KEEPALIVE size_t ldw_heap_in_use(void) { return mallinfo().uordblks; }

/* ---- the loader ---- */

/* JavaScript's files (wasm/api.js, Module.ldwLoad): the bytes of path in a
 * block from ldw_alloc with two NULs after them (*len set), or 0 when there
 * is no such file. */
EM_JS(char *, ldw_js_load, (const char *path, size_t *len), { return Module["ldwLoad"](path, len); });

static void ldw_release(void *ud, const char *text, size_t len)
{
    (void)ud;
    (void)len;
    ldw_free((void *)text);
}

/* A shipped ladder ("std/NAME") from the bundle, or -1. */
static int ldw_load_std(const char *path, ld_source *out)
{
    for (size_t i = 0; i < ldw_std_count; i++) {
        if (strcmp(path, ldw_std[i].path) == 0) {
            out->text = (const char *)ldw_std[i].text;
            out->len = ldw_std[i].len;     /* copied by the library: nothing to release */
            return 0;
        }
    }
    return -1;
}

/* The loader (ld_load_fn). As the command line's: "std/..." is a shipped
 * ladder unless it is the first root asked for (a root is the caller's
 * file, whatever its name); a shipped name the bundle does not have is a
 * file that does not exist, whatever it holds ("std/../x" reads nothing
 * of the caller's). */
struct ldw_loader {
    const char *first_root;
    size_t calls;
};

static int ldw_load(void *ud, const char *path, ld_source *out)
{
    struct ldw_loader *l = ud;
    int root = !l->calls++ && l->first_root && strcmp(path, l->first_root) == 0;
    if (!root && strncmp(path, "std/", 4) == 0) {
        if (ldw_load_std(path, out) == 0)
            return 0;
        strcpy(out->why, "No such file or directory");
        return -1;
    }
    size_t len = 0;
    char *text = ldw_js_load(path, &len);
    if (!text) {
        strcpy(out->why, "No such file or directory");     /* the words of the command line's E020 */
        return -1;
    }
    out->text = text;
    out->len = len;
    out->release = ldw_release;
    out->lend = 1;      /* two NULs after the bytes, writable: in memory once */
    return 0;
}

/* ---- units: a session and what JavaScript reads back ---- */

enum { LDW_DISABLED_MAX = 64 };

/* What one diagnostic, note, fix, name, completion or symbol is, as
 * JavaScript reads it (wasm/api.js, readRecord and its kind): numbers in
 * ints[], strings in strs[], each function saying which is which. */
struct ldw_record {
    int32_t ints[12];
    const char *strs[4];
};

struct ldw_unit {
    ld_session *s;
    struct ldw_loader loader;
    const char *disabled[LDW_DISABLED_MAX];
    ld_text out;                /* the last text a call made */
    struct { char *data; size_t len, cap; } own;    /* text the glue puts together (JSON's array) */
    struct ldw_record rec;
    const ld_completion *items;     /* ldw_complete's list */
    size_t nitems;
    const ld_symbol *symbols;       /* ldw_outline's */
    size_t nsymbols;
    const ld_place *places;         /* ldw_refs's */
    size_t nplaces;
    const ld_change *changes;       /* ldw_rename's */
    size_t nchanges;
};

/* A unit with these options (ld_config's; disabled: warning codes or
 * names, each followed by a NUL, ndisabled of them). NULL when out of
 * memory. */
EMSCRIPTEN_KEEPALIVE struct ldw_unit *ldw_open(int layout, int theme, int werror, const char *disabled, int ndisabled,
                                               size_t max_shown, int keep_all, int index)
{
    struct ldw_unit *u = ldw_alloc(sizeof *u);
    if (!u)
        return NULL;
    memset(u, 0, sizeof *u);
    size_t n = 0;
    for (int i = 0; i < ndisabled; i++, disabled += strlen(disabled) + 1) {
        const char *code = ld_warning_code(disabled);
        if (code && n < LDW_DISABLED_MAX)
            u->disabled[n++] = code;
    }
    ld_config cfg = {.load = ldw_load,
                     .load_ud = &u->loader,
                     .diag = {.werror = werror, .disabled = u->disabled, .ndisabled = n, .max_shown = max_shown,
                              .keep_all = keep_all},
                     .index = index,
                     .layout = (ld_layout)layout,
                     .theme = (ld_theme)theme};
    u->s = ld_session_new(&cfg);
    if (!u->s) {
        ldw_free(u);
        return NULL;
    }
    return u;
}

EMSCRIPTEN_KEEPALIVE void ldw_close(struct ldw_unit *u)
{
    if (!u)
        return;
    ld_session_free(u->s);
    ldw_free(u->own.data);
    ldw_free(u);
}

/* Whether a code or name ("W170", "soft-skills") names a warning: what
 * JavaScript checks before ldw_open, to refuse a bad one. */
EMSCRIPTEN_KEEPALIVE int ldw_is_warning(const char *code_or_name) { return ld_warning_code(code_or_name) != NULL; }

EMSCRIPTEN_KEEPALIVE int ldw_add_file(struct ldw_unit *u, const char *path)
{
    if (!u->loader.first_root)
        u->loader.first_root = path;    /* the caller's block lives until ldw_check returns */
    return ld_session_add_file(u->s, path);
}

EMSCRIPTEN_KEEPALIVE int ldw_add_text(struct ldw_unit *u, const char *name, const char *text, size_t len)
{
    return ld_session_add_text(u->s, name, text, len);
}

EMSCRIPTEN_KEEPALIVE int ldw_check(struct ldw_unit *u)
{
    int st = ld_check(u->s);
    u->loader.first_root = NULL;
    return st;
}

EMSCRIPTEN_KEEPALIVE int ldw_parse(struct ldw_unit *u)
{
    int st = ld_parse(u->s);
    u->loader.first_root = NULL;
    return st;
}

EMSCRIPTEN_KEEPALIVE const char *ldw_message(struct ldw_unit *u) { return ld_message(u->s); }
EMSCRIPTEN_KEEPALIVE size_t ldw_file_count(struct ldw_unit *u) { return ld_file_count(u->s); }
EMSCRIPTEN_KEEPALIVE const char *ldw_file_path(struct ldw_unit *u, size_t i) { return ld_file_path(u->s, i); }
EMSCRIPTEN_KEEPALIVE size_t ldw_error_count(struct ldw_unit *u) { return ld_error_count(u->s); }
EMSCRIPTEN_KEEPALIVE size_t ldw_warning_count(struct ldw_unit *u) { return ld_warning_count(u->s); }
EMSCRIPTEN_KEEPALIVE size_t ldw_diagnostic_count(struct ldw_unit *u) { return ld_diagnostic_count(u->s); }

/* ---- text out ---- */

EMSCRIPTEN_KEEPALIVE const char *ldw_out_data(struct ldw_unit *u) { return u->out.data; }
EMSCRIPTEN_KEEPALIVE size_t ldw_out_len(struct ldw_unit *u) { return u->out.len; }

/* Appends n bytes to the unit's own text. 0, or -1 when out of memory. */
static int ldw_own_put(struct ldw_unit *u, const char *data, size_t n)
{
    if (u->own.len + n + 1 > u->own.cap) {
        size_t cap = u->own.cap ? u->own.cap : 256;
        while (cap < u->own.len + n + 1)
            cap *= 2;
        char *p = ldw_alloc(cap);
        if (!p)
            return -1;
        if (u->own.len)
            memcpy(p, u->own.data, u->own.len);
        ldw_free(u->own.data);
        u->own.data = p;
        u->own.cap = cap;
    }
    memcpy(u->own.data + u->own.len, data, n);
    u->own.len += n;
    u->own.data[u->own.len] = '\0';
    return 0;
}

/* The diagnostics as JSON, one array, exactly as `ladderc check
 * --diagnostics=json FILE` prints them: '[', each file's objects (commas
 * between files, as cli/main.c's report puts them), then "\n]\n", or "]\n"
 * when there is none. */
static int ldw_json_array(struct ldw_unit *u)
{
    u->own.len = 0;
    int none = 1;
    if (ldw_own_put(u, "[", 1) != 0)
        return LD_ENOMEM;
    for (size_t i = 0; i < ld_file_count(u->s); i++) {
        ld_text t;
        size_t cursor = 0;
        do {
            int st = ld_print_file_diagnostics_part(u->s, i, LD_FORMAT_JSON, &cursor, &t);
            if (st != LD_OK)
                return st;
            if (t.len && cursor && !none && t.data[0] == '\n' && ldw_own_put(u, ",", 1) != 0)
                return LD_ENOMEM;
            if (t.len)
                none = 0;
            if (ldw_own_put(u, t.data, t.len) != 0)
                return LD_ENOMEM;
        } while (t.len);
    }
    if (ldw_own_put(u, none ? "]\n" : "\n]\n", none ? 2 : 3) != 0)
        return LD_ENOMEM;
    u->out.data = u->own.data;
    u->out.len = u->own.len;
    return LD_OK;
}

/* format: 0 text, 1 json (the array), 2 github. */
EMSCRIPTEN_KEEPALIVE int ldw_diagnostics_text(struct ldw_unit *u, int format)
{
    if (format == 1)
        return ldw_json_array(u);
    return ld_print_diagnostics(u->s, format == 2 ? LD_FORMAT_GITHUB : LD_FORMAT_TEXT, &u->out);
}

/* File i's diagnostics (what the command line prints for a file it shows
 * once) in text (format 0) or JSON (1: its objects, no brackets), and its
 * error and warning counts in the record's ints[0..1]. */
EMSCRIPTEN_KEEPALIVE int ldw_file_diagnostics_text(struct ldw_unit *u, size_t i, int format)
{
    size_t errors = 0, warnings = 0;
    ld_file_diagnostic_counts(u->s, i, &errors, &warnings);
    u->rec.ints[0] = (int32_t)errors;
    u->rec.ints[1] = (int32_t)warnings;
    return ld_print_file_diagnostics(u->s, i, format == 1 ? LD_FORMAT_JSON : LD_FORMAT_TEXT, &u->out);
}

EMSCRIPTEN_KEEPALIVE int ldw_emit(struct ldw_unit *u, const char *format)
{
    return ld_emit(u->s, format, &u->out);
}

EMSCRIPTEN_KEEPALIVE int ldw_finish_svg(struct ldw_unit *u, const char *svg, size_t len)
{
    return ld_finish_svg(u->s, svg, len, &u->out);
}

EMSCRIPTEN_KEEPALIVE int ldw_html(struct ldw_unit *u, const char *svg, size_t len)
{
    return ld_html(u->s, svg, len, &u->out);
}

EMSCRIPTEN_KEEPALIVE int ldw_format(struct ldw_unit *u, size_t root)
{
    return ld_format(u->s, root, &u->out);
}

EMSCRIPTEN_KEEPALIVE int ldw_path(struct ldw_unit *u, const char *from, const char *to, size_t max,
                                  const char *format)
{
    return ld_path(u->s, from, to, max, format, &u->out);
}

EMSCRIPTEN_KEEPALIVE int ldw_gap(struct ldw_unit *u, const char *from, const char *to, int route, const char *format)
{
    return ld_gap(u->s, from, to, route, format, &u->out);
}

/* ---- records: a diagnostic, a note, a fix ---- */

EMSCRIPTEN_KEEPALIVE struct ldw_record *ldw_record(struct ldw_unit *u) { return &u->rec; }

/* A span at ints 1 to 4 of the record, where wasm/api.js's readSpan reads it. */
static void ldw_record_span(struct ldw_unit *u, int line, int column, int end_line, int end_column)
{
    u->rec.ints[1] = line;
    u->rec.ints[2] = column;
    u->rec.ints[3] = end_line;
    u->rec.ints[4] = end_column;
}

static void ldw_record_diagnostic(struct ldw_unit *u, const ld_diagnostic *d)
{
    memset(&u->rec, 0, sizeof u->rec);
    u->rec.ints[0] = (int32_t)d->severity;
    ldw_record_span(u, d->line, d->column, d->end_line, d->end_column);
    u->rec.ints[5] = (int32_t)d->nnotes;
    u->rec.strs[0] = d->code;
    u->rec.strs[1] = d->message;
    u->rec.strs[2] = d->file;
}

/* Diagnostic i (note == -1) or its note, into the record. */
EMSCRIPTEN_KEEPALIVE int ldw_diagnostic(struct ldw_unit *u, size_t i, int note)
{
    ld_diagnostic d;
    int st = note < 0 ? ld_diagnostic_get(u->s, i, &d) : ld_diagnostic_note(u->s, i, (size_t)note, &d);
    if (st == LD_OK)
        ldw_record_diagnostic(u, &d);
    return st;
}

/* The fix diagnostic i suggests, into the record (ints: file index, line,
 * column, end_line, end_column; strs[3]: the text). */
EMSCRIPTEN_KEEPALIVE int ldw_fix(struct ldw_unit *u, size_t i)
{
    ld_fix f;
    int st = ld_diagnostic_fix(u->s, i, &f);
    if (st != LD_OK)
        return st;
    memset(&u->rec, 0, sizeof u->rec);
    u->rec.ints[0] = (int32_t)f.file;
    ldw_record_span(u, f.line, f.column, f.end_line, f.end_column);
    u->rec.strs[3] = f.text;
    return LD_OK;
}

/* ---- editors: what is at a position ---- */

/* The name under line:column of file and its hover (ld_name_at, then
 * ld_hover): the Markdown in the text, the name in the record (ints: kind,
 * line, column, end_line, end_column; strs[1]: the name). LD_EINPUT when
 * no name is there. */
EMSCRIPTEN_KEEPALIVE int ldw_hover(struct ldw_unit *u, size_t file, int line, int column)
{
    ld_place at;
    memset(&u->rec, 0, sizeof u->rec);     /* line 0: no name there */
    int st = ld_name_at(u->s, file, line, column, &at);
    if (st != LD_OK)
        return st;
    u->rec.ints[0] = (int32_t)at.kind;
    ldw_record_span(u, at.line, at.column, at.end_line, at.end_column);
    u->rec.strs[1] = at.name;
    return ld_hover(u->s, at.kind, at.name, &u->out);
}

EMSCRIPTEN_KEEPALIVE const char *ldw_kind_name(int kind) { return ld_name_kind_name((ld_name_kind)kind); }

/* What may be written at line:column of file (ld_complete): the count, or
 * -1 - status when the call fails. Each item by ldw_completion. */
EMSCRIPTEN_KEEPALIVE int ldw_complete(struct ldw_unit *u, size_t file, int line, int column)
{
    int st = ld_complete(u->s, file, line, column, &u->items, &u->nitems);
    return st == LD_OK ? (int)u->nitems : -1 - st;
}

/* Item i into the record: ints kind, is_keyword; strs label, detail. */
EMSCRIPTEN_KEEPALIVE void ldw_completion(struct ldw_unit *u, size_t i)
{
    const ld_completion *c = &u->items[i];
    memset(&u->rec, 0, sizeof u->rec);
    u->rec.ints[0] = (int32_t)c->kind;
    u->rec.ints[1] = c->is_keyword;
    u->rec.strs[0] = c->label;
    u->rec.strs[1] = c->detail;
}

/* The outline of file (ld_outline): the count, or -1 - status. */
EMSCRIPTEN_KEEPALIVE int ldw_outline(struct ldw_unit *u, size_t file)
{
    int st = ld_outline(u->s, file, &u->symbols, &u->nsymbols);
    return st == LD_OK ? (int)u->nsymbols : -1 - st;
}

/* Symbol i into the record: ints kind, rung, parent (-1: none), line,
 * column, end_line, end_column, name_line, name_column, name_end_line,
 * name_end_column; strs name, id, detail. */
EMSCRIPTEN_KEEPALIVE void ldw_symbol(struct ldw_unit *u, size_t i)
{
    const ld_symbol *y = &u->symbols[i];
    memset(&u->rec, 0, sizeof u->rec);
    int32_t ints[] = {(int32_t)y->kind, y->rung, y->parent == (size_t)-1 ? -1 : (int32_t)y->parent, y->line,
                      y->column, y->end_line, y->end_column, y->name_line, y->name_column, y->name_end_line,
                      y->name_end_column};
    memcpy(u->rec.ints, ints, sizeof ints);
    u->rec.strs[0] = y->name;
    u->rec.strs[1] = y->id;
    u->rec.strs[2] = y->detail;
}

/* ---- names: where each is written, renaming one ---- */

EMSCRIPTEN_KEEPALIVE size_t ldw_syntax_error_count(struct ldw_unit *u) { return ld_syntax_error_count(u->s); }

/* The kinds that have name, as bits (1 << kind); 0 without an index. */
EMSCRIPTEN_KEEPALIVE unsigned ldw_name_kinds(struct ldw_unit *u, const char *name)
{
    return ld_name_kinds(u->s, name);
}

/* The name of one of kinds (bits) closest to name, or NULL. */
EMSCRIPTEN_KEEPALIVE const char *ldw_name_suggest(struct ldw_unit *u, const char *name, unsigned kinds)
{
    return ld_name_suggest(u->s, name, kinds);
}

/* Every place kind's name is written (ld_refs): the count, or -1 - status.
 * Each place by ldw_place. */
EMSCRIPTEN_KEEPALIVE int ldw_refs(struct ldw_unit *u, int kind, const char *name)
{
    int st = ld_refs(u->s, (ld_name_kind)kind, name, &u->places, &u->nplaces);
    return st == LD_OK ? (int)u->nplaces : -1 - st;
}

/* Place i into the record: ints kind, definition, file, line, column,
 * end_line, end_column; strs[0] the name. */
EMSCRIPTEN_KEEPALIVE void ldw_place(struct ldw_unit *u, size_t i)
{
    const ld_place *p = &u->places[i];
    memset(&u->rec, 0, sizeof u->rec);
    int32_t ints[] = {(int32_t)p->kind, p->definition, (int32_t)p->file, p->line, p->column, p->end_line,
                      p->end_column};
    memcpy(u->rec.ints, ints, sizeof ints);
    u->rec.strs[0] = p->name;
}

/* The files a rename changes (ld_rename; nothing is written): the count,
 * or -1 - status. Each change by ldw_change. */
EMSCRIPTEN_KEEPALIVE int ldw_rename(struct ldw_unit *u, int kind, const char *old_name, const char *new_name)
{
    int st = ld_rename(u->s, (ld_name_kind)kind, old_name, new_name, &u->changes, &u->nchanges);
    return st == LD_OK ? (int)u->nchanges : -1 - st;
}

/* Change i into the record: ints file, the text's length, the diff's;
 * strs[0] the text, strs[1] the diff (bytes: read with the lengths). */
EMSCRIPTEN_KEEPALIVE void ldw_change(struct ldw_unit *u, size_t i)
{
    const ld_change *c = &u->changes[i];
    memset(&u->rec, 0, sizeof u->rec);
    u->rec.ints[0] = (int32_t)c->file;
    u->rec.ints[1] = (int32_t)c->text.len;
    u->rec.ints[2] = (int32_t)c->diff.len;
    u->rec.strs[0] = c->text.data;
    u->rec.strs[1] = c->diff.data;
}

/* ---- charts and differences ---- */

/* The radar chart of nroles roles (each followed by a NUL). More than the
 * library's limit are passed as one too many, which it refuses. */
EMSCRIPTEN_KEEPALIVE int ldw_chart(struct ldw_unit *u, const char *roles, int nroles, const char *format)
{
    const char *list[LD_CHART_ROLES_MAX + 1];
    size_t n = 0;
    for (int i = 0; i < nroles && n < LD_CHART_ROLES_MAX + 1; i++, roles += strlen(roles) + 1)
        list[n++] = roles;
    return ld_chart(u->s, list, n, format, &u->out);
}

/* What changed from old's ladder to new's (ld_diff): the text in new's
 * out (ldw_out_data of new), the number of changes in new's record
 * ints[0]. */
EMSCRIPTEN_KEEPALIVE int ldw_diff(struct ldw_unit *old_u, struct ldw_unit *new_u, const char *format)
{
    size_t n = 0;
    int st = ld_diff(old_u->s, new_u->s, format, &new_u->out, &n);
    memset(&new_u->rec, 0, sizeof new_u->rec);
    new_u->rec.ints[0] = (int32_t)n;
    return st;
}

/* ld_explain: the language reference's section on a code, or NULL. */
EMSCRIPTEN_KEEPALIVE const char *ldw_explain(const char *code) { return ld_explain(code); }

/* ---- the bundle ---- */

EMSCRIPTEN_KEEPALIVE size_t ldw_std_files(void) { return ldw_std_count; }
EMSCRIPTEN_KEEPALIVE const char *ldw_std_path(size_t i) { return i < ldw_std_count ? ldw_std[i].path : NULL; }
EMSCRIPTEN_KEEPALIVE const unsigned char *ldw_std_text(size_t i) { return i < ldw_std_count ? ldw_std[i].text : NULL; }
EMSCRIPTEN_KEEPALIVE size_t ldw_std_len(size_t i) { return i < ldw_std_count ? ldw_std[i].len : 0; }

EMSCRIPTEN_KEEPALIVE const char *ldw_version(void) { return LD_VERSION; }
