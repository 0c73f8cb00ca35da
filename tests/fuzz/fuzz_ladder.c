/* fuzz_ladder.c - libFuzzer target: arbitrary bytes through the whole front
 * end and every backend that does not need Graphviz.
 *
 * Build and run: make fuzz (FUZZ_SECONDS=600), make fuzz-smoke (tests/fuzz/fuzz.mk).
 *
 * Besides the sanitizers (ASan, UBSan, LeakSanitizer), the target checks what
 * ladderc promises about any input, and aborts when a promise breaks:
 *   - a file without a model has at least one error; a model means none;
 *   - every diagnostic points into the file (line 1..lines+1, column >= 1,
 *     a span that does not end before it starts);
 *   - the model's JSON is valid JSON, and the same model gives it twice alike;
 *   - the DOT's quoted strings are closed, hold no line end, and contain no
 *     backslash escape except \\, \" and the \n between a role's name and
 *     its levels (so no \N, \G, \L from user text reaches Graphviz);
 *   - every row of every Markdown table (emit_md, path_routes) has as many
 *     cells as its header;
 *   - the diagnostics as JSON are valid JSON, as GitHub annotations one
 *     `::error`/`::warning` line each;
 *   - an input with a line "----" is two versions of a ladder: when both
 *     check, ladderc diff compares them both ways and each with itself; its
 *     JSON is valid, its Markdown tables keep their columns, a version
 *     has no changes against itself, nor against one with the same JSON.
 * When the formatter exists (src/fmt.h), its output must parse, check to the
 * same model (same JSON), keep every comment and format to itself.
 *
 * FUZZ_SKIP (environment) names promises to leave unchecked while a known
 * bug breaks them, so a long run looks for new ones: a comma-separated list
 * of fmt (every formatter promise; the formatter still runs) and
 * fmt-comments. make fuzz-smoke never sets it.
 */
#include <stdbool.h>
#include <stddef.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "check.h"
#include "diag.h"
#include "diff.h"
#include "emit.h"
#include "emit_html.h"
#include "heap.h"
#include "index.h"
#include "parse.h"
#include "source.h"

/* Every allocation of one input, from the C library through a heap that
 * counts live blocks: none may be left when the input is done. */
static struct heap fuzz_heap;

#if defined(__has_include)
#if __has_include("fmt.h")
#include "fmt.h"
#define FUZZ_HAVE_FMT 1
#endif
#if __has_include("path.h")
#include "path.h"
#define FUZZ_HAVE_PATH 1
#endif
#endif

#define FUZZ_ASSERT(cond, what)                                                   \
    do {                                                                          \
        if (!(cond)) {                                                            \
            fprintf(stderr, "fuzz_ladder: broken promise: %s (%s:%d)\n", what,    \
                    __FILE__, __LINE__);                                          \
            abort();                                                              \
        }                                                                         \
    } while (0)

/* ---- JSON: a strict recursive-descent validator (RFC 8259) ---- */

struct fuzz_json {
    const char *p, *end;
    int depth;
};

static void fuzz_json_ws(struct fuzz_json *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\n' || *j->p == '\t' || *j->p == '\r'))
        j->p++;
}

static bool fuzz_json_lit(struct fuzz_json *j, const char *lit)
{
    size_t n = strlen(lit);
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, lit, n) != 0)
        return false;
    j->p += n;
    return true;
}

static bool fuzz_json_string(struct fuzz_json *j)
{
    if (j->p >= j->end || *j->p != '"')
        return false;
    for (j->p++; j->p < j->end; j->p++) {
        unsigned char c = (unsigned char)*j->p;
        if (c == '"') {
            j->p++;
            return true;
        }
        if (c < 0x20)
            return false;
        if (c == '\\') {
            if (++j->p >= j->end)
                return false;
            if (*j->p == 'u') {
                for (int k = 0; k < 4; k++)
                    if (++j->p >= j->end || !strchr("0123456789abcdefABCDEF", *j->p) || !*j->p)
                        return false;
            } else if (!*j->p || !strchr("\"\\/bfnrt", *j->p)) {
                return false;
            }
        }
    }
    return false;
}

static bool fuzz_json_number(struct fuzz_json *j)
{
    const char *s = j->p;
    if (j->p < j->end && *j->p == '-')
        j->p++;
    if (j->p >= j->end || *j->p < '0' || *j->p > '9')
        return false;
    if (*j->p == '0')
        j->p++;
    else
        while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
            j->p++;
    if (j->p < j->end && *j->p == '.') {
        j->p++;
        if (j->p >= j->end || *j->p < '0' || *j->p > '9')
            return false;
        while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
            j->p++;
    }
    return j->p > s;
}

static bool fuzz_json_value(struct fuzz_json *j)
{
    if (++j->depth > 32)
        return false;
    fuzz_json_ws(j);
    bool ok;
    if (j->p >= j->end)
        ok = false;
    else if (*j->p == '{' || *j->p == '[') {
        char close = *j->p == '{' ? '}' : ']';
        bool object = close == '}';
        j->p++;
        fuzz_json_ws(j);
        if (j->p < j->end && *j->p == close) {
            j->p++;
            ok = true;
        } else {
            for (;;) {
                if (object) {
                    fuzz_json_ws(j);
                    if (!fuzz_json_string(j))
                        return false;
                    fuzz_json_ws(j);
                    if (j->p >= j->end || *j->p++ != ':')
                        return false;
                }
                if (!fuzz_json_value(j))
                    return false;
                fuzz_json_ws(j);
                if (j->p < j->end && *j->p == ',') {
                    j->p++;
                    continue;
                }
                if (j->p < j->end && *j->p == close) {
                    j->p++;
                    break;
                }
                return false;
            }
            ok = true;
        }
    } else if (*j->p == '"')
        ok = fuzz_json_string(j);
    else if (*j->p == 't')
        ok = fuzz_json_lit(j, "true");
    else if (*j->p == 'f')
        ok = fuzz_json_lit(j, "false");
    else if (*j->p == 'n')
        ok = fuzz_json_lit(j, "null");
    else
        ok = fuzz_json_number(j);
    j->depth--;
    return ok;
}

static bool fuzz_json_valid(const struct buf *b)
{
    struct fuzz_json j = {b->data, b->data + b->len, 0};
    if (!fuzz_json_value(&j))
        return false;
    fuzz_json_ws(&j);
    return j.p == j.end;
}

/* ---- DOT: quoted strings closed, one line each, only our escapes ---- */

static bool fuzz_dot_strings_ok(const struct buf *b)
{
    bool in = false;
    int braces = 0;
    for (size_t i = 0; i < b->len; i++) {
        char c = b->data[i];
        if (c == '\0')
            return false;
        if (!in) {
            if (c == '"')
                in = true;
            else if (c == '{')
                braces++;
            else if (c == '}' && --braces < 0)
                return false;
            continue;
        }
        if (c == '\n' || c == '\r')
            return false;
        if (c == '"')
            in = false;
        else if (c == '\\') {
            if (i + 1 >= b->len)
                return false;
            char e = b->data[++i];
            if (e != '\\' && e != '"' && e != 'n')
                return false;
        }
    }
    return !in && braces == 0;
}

/* ---- Markdown: every table row has its header's number of cells ---- */

/* Pipes that separate cells: not escaped by an odd run of backslashes. */
static size_t fuzz_md_pipes(const char *s, size_t n)
{
    size_t pipes = 0, slashes = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '|' && slashes % 2 == 0)
            pipes++;
        slashes = s[i] == '\\' ? slashes + 1 : 0;
    }
    return pipes;
}

static bool fuzz_md_tables_ok(const struct buf *b)
{
    size_t want = 0;    /* pipes per row of the current table; 0: not in a table */
    for (size_t i = 0; i < b->len;) {
        const char *line = b->data + i;
        const char *nl = memchr(line, '\n', b->len - i);
        size_t n = nl ? (size_t)(nl - line) : b->len - i;
        i += n + 1;
        if (memchr(line, '\r', n) || memchr(line, '\0', n))
            return false;
        if (n == 0 || line[0] != '|') {
            want = 0;
            continue;
        }
        size_t pipes = fuzz_md_pipes(line, n);
        if (want == 0)
            want = pipes;
        else if (pipes != want)
            return false;
    }
    return true;
}

/* ---- the run ---- */

static bool fuzz_skip(const char *promise)
{
    const char *list = getenv("FUZZ_SKIP");
    size_t n = strlen(promise);
    for (const char *p = list; p && *p;) {
        size_t k = strcspn(p, ",");
        if (k == n && strncmp(p, promise, n) == 0)
            return true;
        p += k + (p[k] == ',');
    }
    return false;
}

static size_t fuzz_count_lines(const uint8_t *data, size_t size)
{
    size_t n = 1;
    for (size_t i = 0; i < size; i++)
        n += data[i] == '\n';
    return n;
}

/* A span lies in the file (the end of file may take one column past it) and
 * maps to lines and columns that do not run backwards. */
static void fuzz_check_loc(struct loc l, struct source *src, size_t nlines)
{
    FUZZ_ASSERT(l.start <= l.end, "diagnostic span does not end before its start (bytes)");
    FUZZ_ASSERT(l.end <= src->len + 1, "diagnostic span inside the file");
    struct source_pos first, last;
    source_span(src, l, &first, &last);
    FUZZ_ASSERT(first.line >= 1 && (size_t)first.line <= nlines, "diagnostic line inside the file");
    FUZZ_ASSERT(first.column >= 1, "diagnostic column >= 1");
    FUZZ_ASSERT(last.line >= first.line, "diagnostic span does not end before its start (line)");
    FUZZ_ASSERT(last.line > first.line || last.column >= first.column,
                "diagnostic span does not end before its start (column)");
}

static void fuzz_check_diags(const struct diag_sink *d, struct source *src, size_t nlines)
{
    size_t errors = 0, warnings = 0;
    for (const struct diag *g = d->first; g; g = g->next) {
        fuzz_check_loc(g->loc, src, nlines);
        FUZZ_ASSERT(g->msg && g->msg[0], "diagnostic has a message");
        for (const struct diag_note *n = g->notes; n; n = n->next)
            fuzz_check_loc(n->loc, src, nlines);
        if (g->severity == DIAG_ERROR)
            errors++;
        else
            warnings++;
    }
    FUZZ_ASSERT(errors == d->nerrors && warnings == d->nwarnings, "diagnostic counts match the list");
}

/* One compilation of text; returns whether it gave a model, with the model's
 * JSON in json. Checks every backend's output on the way. When the file has
 * no syntax error and fmt is not NULL, the formatted text goes into fmt and
 * *clean is set. */
#ifdef FUZZ_HAVE_PATH
/* path_search's promises, checked on its data: each route a simple path of
 * transitions from `from` to `to`, its totals the sums of its moves (in
 * millionths), routes in order (unknown moves, min, max, steps, source
 * order), so no two the same. */
static int fuzz_route_cmp(const struct path_route *a, const struct path_route *b)
{
    if (a->nunknown != b->nunknown)
        return a->nunknown < b->nunknown ? -1 : 1;
    if (a->min != b->min)
        return a->min < b->min ? -1 : 1;
    if (a->max != b->max)
        return a->max < b->max ? -1 : 1;
    if (a->nsteps != b->nsteps)
        return a->nsteps < b->nsteps ? -1 : 1;
    for (size_t i = 0; i < a->nsteps; i++)
        if (a->steps[i] != b->steps[i])
            return a->steps[i] < b->steps[i] ? -1 : 1;
    return 0;
}

static bool fuzz_routes_ok(const struct model *m, size_t from, size_t to, const struct path_routes *rs)
{
    bool ok = true;
    unsigned char *seen = calloc(m->nroles, 1);
    for (size_t k = 0; ok && seen && k < rs->nroutes; k++) {
        const struct path_route *r = &rs->routes[k];
        size_t at = from, unknown = 0;
        int64_t min = 0, max = 0;
        memset(seen, 0, m->nroles);
        seen[from] = 1;
        ok = r->nsteps > 0;
        for (size_t i = 0; ok && i < r->nsteps; i++) {
            ok = r->steps[i] < m->ntransitions;
            if (!ok)
                break;
            const struct model_transition *t = &m->transitions[r->steps[i]];
            ok = t->from == at && !seen[t->to];
            seen[t->to] = 1;
            at = t->to;
            if (!t->years.known)
                unknown++;
            else {
                min += (int64_t)llround(t->years.min * 1e6);
                max += (int64_t)llround(t->years.max * 1e6);
            }
        }
        ok = ok && at == to && unknown == r->nunknown && min == r->min && max == r->max;
        ok = ok && (k == 0 || fuzz_route_cmp(&rs->routes[k - 1], r) < 0);
    }
    free(seen);
    return ok;
}
#endif

/* A sink that keeps only the first few (as text output does) keeps exactly
 * the first few of the full, sorted list, and counts the same totals. */
static void fuzz_check_kept(const char *text, size_t len, const struct diag_sink *full)
{
    enum { KEEP = 3 };
    struct source src;
    struct arena arena;
    struct diag_sink diag;
    struct diag_options opt = {.max_shown = KEEP};
    source_from_memory(&src, &fuzz_heap, "fuzz.ladder", text, len);
    arena_init(&arena, &fuzz_heap);
    diag_init(&diag, &arena);
    diag_set_options(&diag, &opt);
    check_file(parse_source(&src, &arena, &diag), &arena, &diag);
    diag_sort(&diag);
    FUZZ_ASSERT(diag.nerrors == full->nerrors && diag.nwarnings == full->nwarnings,
                "a sink that keeps a few counts every diagnostic");
    size_t kept = 0;
    const struct diag *a = diag.first, *b = full->first;
    for (; a && b; a = a->next, b = b->next, kept++)
        FUZZ_ASSERT(a->loc.start == b->loc.start && a->loc.end == b->loc.end && a->severity == b->severity &&
                    strcmp(a->msg, b->msg) == 0, "a sink that keeps a few keeps the first ones");
    FUZZ_ASSERT(!a && kept <= KEEP && kept + diag.dropped_errors + diag.dropped_warnings ==
                full->nerrors + full->nwarnings, "a sink that keeps a few drops only the others");
    arena_free(&arena);
    source_free(&src);
}

/* The index's promises, on whatever parsed: every entry inside the file,
 * found again at its own offset; a resolved one's definition of its kind,
 * with its name; every name found again by name, definitions first. */
static void fuzz_check_index(struct index *idx, size_t len)
{
    for (size_t i = 0; i < idx->n; i++) {
        const struct index_entry *e = &idx->v[i];
        FUZZ_ASSERT(e->loc.start <= e->loc.end && e->loc.end <= len, "an index entry lies in the file");
        FUZZ_ASSERT(index_at(idx, e->loc.start) != NULL, "an entry is found at its own offset");
        const struct index_entry *d = index_definition(idx, e);
        if (e->kind != INDEX_LEVEL && d) {
            FUZZ_ASSERT(d->is_def && d->kind == e->kind, "a name resolves to a definition of its kind");
            FUZZ_ASSERT(strcmp(d->name, e->name) == 0, "a name resolves to a definition of the same name");
        }
    }
    size_t checked = 0;
    for (size_t i = 0; i < idx->n && checked < 8; i++) {
        const struct index_entry *e = &idx->v[i];
        if (!e->is_def || e->kind == INDEX_LEVEL)
            continue;
        checked++;
        const struct index_entry **found;
        size_t n = index_find(idx, (enum index_kind)e->kind, e->name, &found);
        FUZZ_ASSERT(n >= 1 && found[0]->is_def, "a defined name is found by name, its definition first");
        struct index_plan plan;
        char why[INDEX_WHY_MAX];
        if (index_rename_plan(idx, (enum index_kind)e->kind, e->name, "zz_fuzz_renamed", &plan, why, sizeof why) == 0)
            FUZZ_ASSERT(plan.nedits == n, "a rename edits every place the name is written");
    }
}

static bool fuzz_compile(const char *text, size_t len, struct buf *json, FILE *sink,
                         struct buf *fmt, struct buf *comments, bool *clean)
{
    struct source src;
    struct arena arena;
    struct diag_sink diag;
    source_from_memory(&src, &fuzz_heap, "fuzz.ladder", text, len);
    arena_init(&arena, &fuzz_heap);
    diag_init(&diag, &arena);

    struct ast_file *ast = parse_source(&src, &arena, &diag);
    FUZZ_ASSERT(ast != NULL, "parse_source returns a tree");
    *clean = ast->syntax_errors == 0;
#ifdef FUZZ_HAVE_FMT
    if (*clean && fmt)
        fmt_file(ast, &src, &arena, fmt);
#else
    (void)fmt;
#endif
    /* every comment's text, without trailing blanks, one per line */
    for (const struct ast_comment *c = ast->comments; c; c = c->next) {
        size_t n = strlen(c->text);
        while (n > 0 && (c->text[n - 1] == ' ' || c->text[n - 1] == '\t'))
            n--;
        buf_put(comments, c->text, n);
        buf_putc(comments, '\n');
    }
    struct index idx;
    index_init(&idx, &arena);
    struct ast_file *files[1] = {ast};
    struct model *m = check_files(files, 1, &arena, &diag, &idx);
    fuzz_check_index(&idx, len);
    diag_sort(&diag);
    fuzz_check_diags(&diag, &src, fuzz_count_lines((const uint8_t *)text, len));
    fuzz_check_kept(text, len, &diag);
    if (m)
        FUZZ_ASSERT(diag.nerrors == 0 && ast->syntax_errors == 0, "a model comes only without errors");
    else
        FUZZ_ASSERT(diag.nerrors > 0, "a file without a model has an error message");
    /* one file, alone in its offset space (base 0), as a session of one */
    struct source_set set;
    source_set_init(&set, &fuzz_heap);
    source_set_add(&set, &src);
    {
        struct buf text;
        buf_init(&text, &fuzz_heap);
        diag_print_text(&diag, &set, NULL, &text, false);
        diag_print_text(&diag, &set, NULL, &text, true);
        fwrite(text.data ? text.data : "", 1, text.len, sink);
        buf_free(&text);
    }
    {
        /* as `ladderc check --diagnostics=json` and `=github` print them */
        struct buf dj, gh;
        buf_init(&dj, &fuzz_heap);
        buf_init(&gh, &fuzz_heap);
        bool first = true;
        buf_putc(&dj, '[');
        src.name = "fuzz \"dir\"\\x.ladder";
        diag_print_json(&diag, &set, NULL, &dj, &first);
        buf_puts(&dj, first ? "]\n" : "\n]\n");
        FUZZ_ASSERT(fuzz_json_valid(&dj), "diagnostics as JSON are valid JSON");
        src.name = "fuzz,dir:x.ladder";
        diag_print_github(&diag, &set, NULL, &gh);
        src.name = "fuzz.ladder";
        for (size_t i = 0; i < gh.len;) {
            const char *line = gh.data + i;
            const char *nl = memchr(line, '\n', gh.len - i);
            FUZZ_ASSERT(nl != NULL, "GitHub annotations end in a line end");
            size_t n = (size_t)(nl - line);
            FUZZ_ASSERT((n > 9 && memcmp(line, "::error f", 9) == 0) || (n > 11 && memcmp(line, "::warning f", 11) == 0),
                        "every line is one GitHub annotation");
            FUZZ_ASSERT(!memchr(line, '\r', n), "GitHub annotations hold no CR");
            i += n + 1;
        }
        buf_free(&dj);
        buf_free(&gh);
    }

    if (m) {
        struct buf dot, md, again;
        buf_init(&dot, &fuzz_heap);
        buf_init(&md, &fuzz_heap);
        buf_init(&again, &fuzz_heap);
        emit_dot(m, &(struct emit_dot_options){0}, &dot);   /* light theme, the file's layout */
        emit_md(m, &md);
        emit_json(m, json);
        emit_json(m, &again);
        FUZZ_ASSERT(fuzz_dot_strings_ok(&dot), "DOT strings are closed and carry no Graphviz escape");
        FUZZ_ASSERT(fuzz_md_tables_ok(&md), "Markdown table rows keep their columns");
        FUZZ_ASSERT(fuzz_json_valid(json), "JSON is valid");
        FUZZ_ASSERT(again.len == json->len && memcmp(again.data, json->data, json->len) == 0,
                    "JSON is deterministic");
        /* the page (without a map): whatever the names hold, no script
         * or comment starts before the model's, and the model's holds no
         * '<' (so it ends where the page ends it) */
        struct buf page;
        buf_init(&page, &fuzz_heap);
        emit_html(m, NULL, 0, json->data, json->len, &page);
        buf_putc(&page, '\0');
        char *data = strstr(page.data, "<script type=\"application/json\" id=\"ladder-data\">");
        FUZZ_ASSERT(data != NULL, "the page has its model");
        *data = '\0';
        FUZZ_ASSERT(!strstr(page.data, "<script") && !strstr(page.data, "<!--"), "no script or comment from a name");
        char *text = data + 1 + strcspn(data + 1, ">") + 1, *end = strstr(text, "</script>");
        FUZZ_ASSERT(end && !memchr(text, '<', (size_t)(end - text)), "the model's script holds no '<'");
        buf_free(&page);
#ifdef FUZZ_HAVE_PATH
        if (m->nroles >= 2) {
            /* ladderc path FILE first last: every route is a simple path
             * from the first role to the last, with the totals it claims, in
             * order and distinct; then as text and as a Markdown table */
            struct path_routes routes;
            path_search(&fuzz_heap, m, 0, m->nroles - 1, 5, &routes);
            FUZZ_ASSERT(fuzz_routes_ok(m, 0, m->nroles - 1, &routes), "path's routes are simple, totalled and ordered");
            struct buf text;
            buf_init(&text, &fuzz_heap);
            path_print_text(&text, m, &routes);
            buf_free(&text);
            buf_init(&text, &fuzz_heap);
            path_print_md(&text, m, &routes);
            FUZZ_ASSERT(fuzz_md_tables_ok(&text), "path's Markdown table rows keep their columns");
            buf_free(&text);
            path_routes_free(&routes);
        }
#endif
        buf_free(&dot);
        buf_free(&md);
        buf_free(&again);
    }
    arena_free(&arena);
    source_set_free(&set);
    source_free(&src);
    return m != NULL;
}

/* One version of a ladder for diff: alive until fuzz_version_close. */
struct fuzz_version {
    struct source src;
    struct arena arena;
    struct diag_sink diag;
    struct source_set set;
    struct diff_version v;
    struct buf json;
};

static bool fuzz_version_open(struct fuzz_version *fv, const char *name, const char *text, size_t len)
{
    source_from_memory(&fv->src, &fuzz_heap, name, text, len);
    arena_init(&fv->arena, &fuzz_heap);
    diag_init(&fv->diag, &fv->arena);
    source_set_init(&fv->set, &fuzz_heap);
    source_set_add(&fv->set, &fv->src);
    buf_init(&fv->json, &fuzz_heap);
    struct ast_file *ast = parse_source(&fv->src, &fv->arena, &fv->diag);
    struct ast_file *files[1] = {ast};
    fv->v.m = ast->syntax_errors ? NULL : check_files(files, 1, &fv->arena, &fv->diag, NULL);
    fv->v.set = &fv->set;
    if (fv->v.m)
        emit_json(fv->v.m, &fv->json);
    return fv->v.m != NULL;
}

static void fuzz_version_close(struct fuzz_version *fv)
{
    buf_free(&fv->json);
    arena_free(&fv->arena);
    source_set_free(&fv->set);
    source_free(&fv->src);
}

static void fuzz_diff(const struct fuzz_version *a, const struct fuzz_version *b)
{
    struct diff d;
    diff_compute(&fuzz_heap, &a->v, &b->v, b->v.m->layout_exact, &d);
    struct buf text, md, json;
    buf_init(&text, &fuzz_heap);
    buf_init(&md, &fuzz_heap);
    buf_init(&json, &fuzz_heap);
    diff_print_text(&text, &d);
    diff_print_md(&md, &d);
    diff_print_json(&json, &d);
    FUZZ_ASSERT(fuzz_json_valid(&json), "diff's JSON is valid");
    FUZZ_ASSERT(fuzz_md_tables_ok(&md), "diff's Markdown table rows keep their columns");
    bool same = a->json.len == b->json.len && memcmp(a->json.data, b->json.data, a->json.len) == 0;
    FUZZ_ASSERT(!same || d.count == 0, "a version has no changes against one with the same model");
    buf_free(&text);
    buf_free(&md);
    buf_free(&json);
    diff_free(&d);
}

/* The two versions an input with a line "----" holds, diffed. */
static void fuzz_diff_pair(const char *text, size_t len)
{
    const char *cut = NULL;
    for (size_t i = 0; i + 6 <= len && !cut; i++)
        if (memcmp(text + i, "\n----\n", 6) == 0)
            cut = text + i;
    if (!cut)
        return;
    struct fuzz_version a, b;
    bool ok_a = fuzz_version_open(&a, "old.ladder", text, (size_t)(cut - text) + 1);
    bool ok_b = fuzz_version_open(&b, "new.ladder", cut + 6, len - (size_t)(cut + 6 - text));
    if (ok_a && ok_b) {
        fuzz_diff(&a, &b);
        fuzz_diff(&b, &a);
        fuzz_diff(&a, &a);
        fuzz_diff(&b, &b);
    }
    fuzz_version_close(&a);
    fuzz_version_close(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *sink;
    if (!sink)
        sink = fopen("/dev/null", "w");
    if (!sink)
        abort();
    heap_init(&fuzz_heap, NULL, NULL);
    struct buf json, fmt, comments;
    buf_init(&json, &fuzz_heap);
    buf_init(&fmt, &fuzz_heap);
    buf_init(&comments, &fuzz_heap);
    bool clean;
    bool ok = fuzz_compile((const char *)data, size, &json, sink, &fmt, &comments, &clean);
    fuzz_diff_pair((const char *)data, size);
#ifdef FUZZ_HAVE_FMT
    /* the formatted file parses, means the same, and is already formatted */
    static int fmt_checks = -1, comment_checks;
    if (fmt_checks < 0) {
        fmt_checks = !fuzz_skip("fmt");
        comment_checks = !fuzz_skip("fmt-comments");
    }
    if (clean && fmt_checks) {
        struct buf json2, fmt2, comments2;
        buf_init(&json2, &fuzz_heap);
        buf_init(&fmt2, &fuzz_heap);
        buf_init(&comments2, &fuzz_heap);
        bool clean2;
        bool ok2 = fuzz_compile(fmt.data ? fmt.data : "", fmt.len, &json2, sink, &fmt2, &comments2, &clean2);
        bool same_comments = comments2.len == comments.len &&
                             (comments.len == 0 || memcmp(comments2.data, comments.data, comments.len) == 0);
        if (!clean2 || ok2 != ok || json2.len != json.len || fmt2.len != fmt.len || !same_comments)
            fprintf(stderr, "fuzz_ladder: fmt output (%zu bytes):\n%.*s\n---\n", fmt.len,
                    (int)(fmt.len > 4096 ? 4096 : fmt.len), fmt.data ? fmt.data : "");
        FUZZ_ASSERT(clean2, "fmt output parses without syntax errors");
        FUZZ_ASSERT(ok2 == ok, "fmt output checks like its input (model or errors)");
        FUZZ_ASSERT(json2.len == json.len && (json.len == 0 || memcmp(json2.data, json.data, json.len) == 0),
                    "fmt output checks to the same model (same JSON)");
        FUZZ_ASSERT(fmt2.len == fmt.len && (fmt.len == 0 || memcmp(fmt2.data, fmt.data, fmt.len) == 0),
                    "fmt output formats to itself");
        FUZZ_ASSERT(same_comments || !comment_checks, "fmt output keeps every comment, in order");
        buf_free(&json2);
        buf_free(&fmt2);
        buf_free(&comments2);
    }
#else
    (void)ok;
#endif
    buf_free(&json);
    buf_free(&fmt);
    buf_free(&comments);
    FUZZ_ASSERT(fuzz_heap.nblocks == 0, "every block of the input's heap is freed");
    return 0;
}
