/* session.c - one compilation (include/ladder.h): the files of a ladder in
 * one offset space, loaded through the embedder's loader, each once,
 * following imports breadth-first without recursion; their trees, the
 * diagnostics and the model, all from one heap over the embedder's
 * allocator.
 *
 * Out of memory: every public entry arms heap.oom; a failed allocation
 * jumps back to it, everything the session holds is freed at once
 * (heap_free_all), and the session is spent: each later call returns
 * LD_ENOMEM. */
#include "ladder.h"

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "check.h"
#include "diag.h"
#include "diff.h"
#include "emit.h"
#include "emit_chart.h"
#include "emit_html.h"
#include "emit_svg.h"
#include "escape.h"
#include "explain.h"
#include "fmt.h"
#include "gap.h"
#include "heap.h"
#include "index.h"
#include "query.h"
#include "parse.h"
#include "path.h"
#include "source.h"
#include "symtab.h"

enum { SESSION_NEW, SESSION_PARSED, SESSION_CHECKED };

/* An import statement of a file, once its target is known. */
struct session_edge {
    size_t to;
    struct loc at;          /* the import's path string */
};

struct session_file {
    struct source src;      /* src.name: the path as the loader was asked for it */
    struct ast_file *ast;   /* NULL until parsed, or when it could not be read */
    bool root, failed;
    size_t importer;        /* the file whose import first reached it (imports only) */
    struct loc import_at;   /* that import's path string */
    struct session_edge *edges;
    size_t nedges;
    ld_source lent;         /* the loader's bytes, when lent: released when the session ends */
};

/* A root given before ld_check or ld_parse. */
struct session_root {
    const char *path;
    const char *text;       /* ld_session_add_text's bytes, or NULL: the loader's */
    size_t len;
};

struct ld_session {
    struct heap heap;
    bool spent;
    int stage;
    ld_status result;
    char message[4096];
    ld_load_fn load;
    void *load_ud;
    ld_source pending;          /* the loader's bytes not yet released */
    struct diag_options dopt;
    const char *disabled[16];   /* the codes of ld_diag_options.disabled (known ones) */

    struct arena arena;
    struct diag_sink diag;
    struct source_set set;
    struct session_root *roots;
    size_t nroots, roots_cap;
    struct session_file **files;    /* in the order reached: index = source_set index */
    size_t nfiles, files_cap;
    struct symtab by_path, by_key;  /* the loader's path, and its key -> file index */
    struct model *model;
    bool want_index;
    ld_layout layout;           /* ld_config's, for the map */
    ld_theme theme;
    struct index idx;           /* with want_index, after ld_check */
    ld_place *places;           /* ld_refs' last answer */
    ld_change *changes;         /* ld_rename's last answer */
    /* the editors' queries' last answers, one arena each, emptied at the
     * next call of the same query: an editor asks thousands of times of one
     * session, and the answers must not pile up */
    struct arena query_arena[4];
    size_t *order;              /* the files as the checker reads them (session_find_cycles) */
    size_t norder;

    struct diag **dvec;         /* the kept diagnostics, sorted, for ld_diagnostic_get */
    size_t ndiags;
    size_t *file_first;         /* file i's diagnostics are dvec[file_first[i]..file_first[i + 1]) */
    struct diag_json json;      /* ld_print_file_diagnostics_part's printer between parts */
    bool json_open;
    struct buf out;             /* the last ld_text */
};

/* ---- entering and leaving: the out-of-memory jump ---- */

static void session_release_lent(ld_session *s);

static void session_spend(ld_session *s)
{
    if (s->pending.text && s->pending.release)
        s->pending.release(s->load_ud, s->pending.text, s->pending.len);
    s->pending.text = NULL;
    session_release_lent(s);
    heap_free_all(&s->heap);
    s->spent = true;
    s->files = NULL;
    s->nfiles = 0;
    s->dvec = NULL;
    s->ndiags = 0;
    s->model = NULL;
    s->diag.nerrors = s->diag.nwarnings = 0;
    snprintf(s->message, sizeof s->message, "out of memory");
}

/* Every public function that may allocate is `SESSION_ENTER(s); ...
 * SESSION_LEAVE(s, status)`. Nothing read after the jump is a local
 * changed after setjmp (only s, which never changes). */
#define SESSION_ENTER(s)                        \
    if (!(s))                                   \
        return LD_EUSAGE;                       \
    if ((s)->spent)                             \
        return LD_ENOMEM;                       \
    jmp_buf session_jb_;                        \
    (s)->heap.oom = &session_jb_;               \
    (s)->message[0] = '\0';                     \
    if (setjmp(session_jb_)) {                  \
        session_spend(s);                       \
        (s)->heap.oom = NULL;                   \
        return LD_ENOMEM;                       \
    }

#define SESSION_LEAVE(s, st)                    \
    do {                                        \
        ld_status session_st_ = (st);           \
        (s)->heap.oom = NULL;                   \
        return session_st_;                     \
    } while (0)

static ld_status session_usage(ld_session *s, const char *what)
{
    snprintf(s->message, sizeof s->message, "%s", what);
    return LD_EUSAGE;
}

/* ---- sessions ---- */

static size_t session_file_of(const void *ud, uint32_t off)
{
    return source_set_index(&((const ld_session *)ud)->set, off);
}

static void session_options(ld_session *s, const ld_diag_options *o)
{
    s->dopt.werror = o->werror;
    s->dopt.max_shown = o->max_shown;
    s->dopt.keep_all = o->keep_all;
    s->dopt.disabled = s->disabled;
    for (size_t i = 0; i < o->ndisabled && s->dopt.ndisabled < sizeof s->disabled / sizeof *s->disabled; i++) {
        const char *code = o->disabled[i] ? diag_warning_code(o->disabled[i]) : NULL;
        if (code)
            s->disabled[s->dopt.ndisabled++] = code;
    }
}

ld_session *ld_session_new(const ld_config *config)
{
    static const ld_config none;
    if (!config)
        config = &none;
    struct heap tmp;
    heap_init(&tmp, config->alloc, config->alloc_ud);   /* the allocator, or the C library's */
    ld_session *s = tmp.fn(tmp.ud, NULL, 0, sizeof *s);
    if (!s)
        return NULL;
    memset(s, 0, sizeof *s);
    s->heap = tmp;
    s->load = config->load;
    s->load_ud = config->load_ud;
    s->want_index = config->index != 0;
    s->layout = config->layout;
    s->theme = config->theme;
    session_options(s, &config->diag);
    jmp_buf jb;
    s->heap.oom = &jb;
    if (setjmp(jb)) {
        heap_free_all(&s->heap);
        tmp.fn(tmp.ud, s, sizeof *s, 0);
        return NULL;
    }
    arena_init(&s->arena, &s->heap);
    diag_init(&s->diag, &s->arena);
    diag_set_options(&s->diag, &s->dopt);
    diag_set_files(&s->diag, session_file_of, s);
    source_set_init(&s->set, &s->heap);
    symtab_init(&s->by_path, &s->heap);
    symtab_init(&s->by_key, &s->heap);
    buf_init(&s->out, &s->heap);
    s->heap.oom = NULL;
    return s;
}

void ld_session_free(ld_session *s)
{
    if (!s)
        return;
    if (s->pending.text && s->pending.release)
        s->pending.release(s->load_ud, s->pending.text, s->pending.len);
    if (!s->spent)
        session_release_lent(s);
    heap_free_all(&s->heap);
    heap_alloc_fn fn = s->heap.fn;
    void *ud = s->heap.ud;
    fn(ud, s, sizeof *s, 0);
}

const char *ld_message(const ld_session *s)
{
    return s ? s->message : "";
}

static void session_add_root(ld_session *s, const char *path, const char *text, size_t len)
{
    if (s->nroots == s->roots_cap) {
        s->roots_cap = s->roots_cap ? 2 * s->roots_cap : 4;
        s->roots = heap_realloc(&s->heap, s->roots, s->roots_cap * sizeof *s->roots);
    }
    struct session_root *r = &s->roots[s->nroots++];
    r->path = arena_strdup(&s->arena, path);
    r->text = NULL;
    r->len = len;
    if (text) {
        char *copy = arena_alloc(&s->arena, len + 1);
        memcpy(copy, text, len);
        r->text = copy;
    }
}

ld_status ld_session_add_file(ld_session *s, const char *path)
{
    SESSION_ENTER(s);
    if (!path)
        SESSION_LEAVE(s, session_usage(s, "ld_session_add_file: no path"));
    if (s->stage != SESSION_NEW)
        SESSION_LEAVE(s, session_usage(s, "ld_session_add_file: the session is already parsed"));
    session_add_root(s, path, NULL, 0);
    SESSION_LEAVE(s, LD_OK);
}

ld_status ld_session_add_text(ld_session *s, const char *name, const char *text, size_t len)
{
    SESSION_ENTER(s);
    if (!name || (!text && len))
        SESSION_LEAVE(s, session_usage(s, "ld_session_add_text: no name or no text"));
    if (s->stage != SESSION_NEW)
        SESSION_LEAVE(s, session_usage(s, "ld_session_add_text: the session is already parsed"));
    session_add_root(s, name, text ? text : "", len);
    SESSION_LEAVE(s, LD_OK);
}

/* ---- paths ---- */

/* The path an import names, as the loader is asked for it (ladder.h): a
 * "std/" path verbatim; else the importer's folder joined with it, "."
 * components and "dir/.." pairs removed, a leading ".." kept (and a
 * leading "./" before a folder of the user's named std). */
static const char *session_resolve(ld_session *s, const char *importer, const char *path)
{
    if (strncmp(path, "std/", 4) == 0)
        return arena_strdup(&s->arena, path);
    struct buf joined;
    buf_init(&joined, &s->heap);
    if (path[0] != '/') {
        const char *slash = strrchr(importer, '/');
        if (slash)
            buf_put(&joined, importer, (size_t)(slash - importer) + 1);
    }
    buf_puts(&joined, path);
    buf_putc(&joined, '\0');
    /* the components, each kept or popped, written back in place */
    char *out = arena_alloc(&s->arena, joined.len + 2);
    size_t len = 0, fixed = 0;      /* fixed: what a ".." may not pop (the root, leading ".."s) */
    const char *p = joined.data;
    if (*p == '/') {
        out[len++] = '/';
        fixed = 1;
    }
    while (*p) {
        while (*p == '/')
            p++;
        const char *end = strchr(p, '/');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n == 0)
            break;
        if (n == 1 && p[0] == '.') {
            /* nothing */
        } else if (n == 2 && p[0] == '.' && p[1] == '.') {
            if (len > fixed) {          /* pop the last component */
                while (len > fixed && out[len - 1] != '/')
                    len--;
                if (len > fixed)
                    len--;              /* its separator */
            } else if (!(fixed == 1 && out[0] == '/')) {
                if (len)
                    out[len++] = '/';
                out[len++] = '.';
                out[len++] = '.';
                fixed = len;
            }
        } else {
            if (len && out[len - 1] != '/')
                out[len++] = '/';
            memcpy(out + len, p, n);
            len += n;
        }
        p += n;
    }
    if (len == 0)
        out[len++] = '.';
    out[len] = '\0';
    buf_free(&joined);
    /* a folder of the user's named std/ ("./std/x.ladder", or a sibling's
     * "../std/x.ladder") keeps a "./", or the loader would read the shipped
     * one; a shipped ladder's own imports stay shipped */
    if (strncmp(out, "std/", 4) == 0 && strncmp(importer, "std/", 4) != 0) {
        char *dotted = arena_alloc(&s->arena, len + 3);
        memcpy(dotted, "./", 2);
        memcpy(dotted + 2, out, len + 1);
        return dotted;
    }
    return out;
}

/* ---- loading ---- */

static struct session_file *session_new_file(ld_session *s, const char *path)
{
    if (s->nfiles == s->files_cap) {
        s->files_cap = s->files_cap ? 2 * s->files_cap : 16;
        s->files = heap_realloc(&s->heap, s->files, s->files_cap * sizeof *s->files);
    }
    struct session_file *f = arena_alloc(&s->arena, sizeof *f);
    f->src.heap = &s->heap;
    f->src.name = path;
    f->importer = SIZE_MAX;
    s->files[s->nfiles++] = f;
    return f;
}

/* f's bytes: the loader's, borrowed when lent (then f releases them when
 * the session ends), else copied (the caller then releases them). */
static void session_take_text(ld_session *s, struct session_file *f, const char *text, size_t len)
{
    const ld_source *p = &s->pending;
    if (p->lend && p->text == text && text[len] == '\0' && text[len + 1] == '\0') {
        source_borrow(&f->src, &s->heap, f->src.name, text, len);
        f->lent = *p;
        memset(&s->pending, 0, sizeof s->pending);
        return;
    }
    source_from_memory(&f->src, &s->heap, f->src.name, text, len);
}

/* Gives back every file's lent bytes: before the heap that holds the files
 * is freed. */
static void session_release_lent(ld_session *s)
{
    for (size_t i = 0; i < s->nfiles; i++) {
        ld_source *l = &s->files[i]->lent;
        if (l->text && l->release)
            l->release(s->load_ud, l->text, l->len);
        l->text = NULL;
    }
}

static void session_release(ld_session *s)
{
    if (s->pending.text && s->pending.release)
        s->pending.release(s->load_ud, s->pending.text, s->pending.len);
    s->pending.text = NULL;
}

/* Asks the loader for path. 0 with s->pending filled, or -1 with why. */
static int session_call_loader(ld_session *s, const char *path, char *why, size_t whysz)
{
    memset(&s->pending, 0, sizeof s->pending);
    if (!s->load) {
        snprintf(why, whysz, "no loader: the session reads no files");
        return -1;
    }
    if (s->load(s->load_ud, path, &s->pending) != 0) {
        s->pending.why[sizeof s->pending.why - 1] = '\0';
        snprintf(why, whysz, "%s", s->pending.why[0] ? s->pending.why : "cannot be read");
        memset(&s->pending, 0, sizeof s->pending);
        return -1;
    }
    if (!s->pending.text && s->pending.len) {
        snprintf(why, whysz, "the loader gave no bytes");
        memset(&s->pending, 0, sizeof s->pending);
        return -1;
    }
    if (s->pending.len > SOURCE_MAX_BYTES) {
        snprintf(why, whysz, "file is larger than 1 GiB");
        session_release(s);
        return -1;
    }
    return 0;
}

/* f as a file of no bytes (it could not be read), in the offset space:
 * its diagnostics still have a file. Two bytes always fit (the limit keeps
 * room for them). */
static void session_empty(ld_session *s, struct session_file *f)
{
    source_from_memory(&f->src, &s->heap, f->src.name, "", 0);
    source_set_add(&s->set, &f->src);
}

/* Adds f's bytes to the session's offset space; -1 (f empty) past 4 GiB. */
static int session_place(ld_session *s, struct session_file *f)
{
    if (source_set_add(&s->set, &f->src) == 0)
        return 0;
    source_free(&f->src);
    if (f->lent.text && f->lent.release)
        f->lent.release(s->load_ud, f->lent.text, f->lent.len);
    f->lent.text = NULL;
    session_empty(s, f);
    return -1;
}

/* A file whose bytes are already in f->src, its key known: placed and
 * registered. */
static void session_register(ld_session *s, struct session_file *f, const char *key)
{
    size_t i = s->nfiles - 1, existing;
    symtab_add(&s->by_path, f->src.name, i, &existing);
    symtab_add(&s->by_key, key, i, &existing);
}

/* Root r: its bytes (from memory or the loader), or a whole-file error. */
static void session_load_root(ld_session *s, const struct session_root *r)
{
    size_t existing;
    if (!r->text && symtab_get(&s->by_path, r->path, &existing))
        return;     /* the same root twice */
    char why[256];
    const char *key = r->path;
    const char *text = r->text;
    size_t len = r->len;
    int rc = 0;
    if (!text) {
        rc = session_call_loader(s, r->path, why, sizeof why);
        if (rc == 0) {
            text = s->pending.text ? s->pending.text : "";
            len = s->pending.len;
            if (s->pending.key)
                key = arena_strdup(&s->arena, s->pending.key);
            if (symtab_get(&s->by_key, key, &existing)) {
                session_release(s);
                return;     /* the same file under another name */
            }
        }
    }
    struct session_file *f = session_new_file(s, r->path);
    f->root = true;
    if (rc == 0) {
        session_take_text(s, f, text, len);
        session_release(s);
        if (session_place(s, f) != 0) {
            rc = -1;
            snprintf(why, sizeof why, "the session's files are larger than 4 GiB together");
        }
    } else {
        session_empty(s, f);
    }
    if (rc != 0) {
        f->failed = true;
        struct diag *d = diag_error(&s->diag, "E020", (struct loc){f->src.base, f->src.base},
                                    "cannot read the file: %s", why);
        if (d)
            d->whole_file = true;
    }
    session_register(s, f, key);
}

/* The target of import statement st of file `from` (index i): a file of
 * the session (loaded now if new), or SIZE_MAX with E020 reported. */
static size_t session_import(ld_session *s, size_t from, const struct ast_stmt *st)
{
    const char *path = session_resolve(s, s->files[from]->src.name, st->u.import.path.text);
    struct loc at = st->u.import.path.loc;
    size_t existing;
    if (symtab_get(&s->by_path, path, &existing))
        return existing;
    char why[256];
    if (session_call_loader(s, path, why, sizeof why) != 0) {
        diag_error(&s->diag, "E020", at, "cannot read '%s', imported here: %s", path, why);
        return SIZE_MAX;
    }
    const char *key = s->pending.key ? arena_strdup(&s->arena, s->pending.key) : path;
    if (symtab_get(&s->by_key, key, &existing)) {
        session_release(s);
        symtab_add(&s->by_path, path, existing, &existing);
        return existing;
    }
    struct session_file *f = session_new_file(s, path);
    f->importer = from;
    f->import_at = at;
    session_take_text(s, f, s->pending.text ? s->pending.text : "", s->pending.len);
    session_release(s);
    size_t i = s->nfiles - 1;
    if (session_place(s, f) != 0) {
        f->failed = true;
        diag_error(&s->diag, "E020", at, "cannot read '%s', imported here: the session's files are larger than "
                   "4 GiB together", path);
    }
    session_register(s, f, key);
    return i;
}

/* Parses file i and loads what it imports (appended to the files: the
 * caller's loop reaches them in turn, so no recursion). */
static void session_parse_file(ld_session *s, size_t i, bool follow)
{
    struct session_file *f = s->files[i];
    if (f->failed)
        return;
    f->ast = parse_source(&f->src, &s->arena, &s->diag);
    f->ast->path = f->src.name;
    if (!follow || !f->ast->count[AST_IMPORT])
        return;
    f->edges = arena_array(&s->arena, f->ast->count[AST_IMPORT], sizeof *f->edges);
    for (const struct ast_stmt *st = f->ast->first; st; st = st->next) {
        if (st->kind != AST_IMPORT)
            continue;
        size_t to = session_import(s, i, st);
        if (to != SIZE_MAX)
            f->edges[f->nedges++] = (struct session_edge){to, st->u.import.path.loc};
    }
}

static void session_load(ld_session *s, bool follow)
{
    for (size_t r = 0; r < s->nroots; r++)
        session_load_root(s, &s->roots[r]);
    for (size_t i = 0; i < s->nfiles; i++)     /* nfiles grows as imports are found */
        session_parse_file(s, i, follow);
}

/* ---- import cycles ---- */

/* One error per cycle, at the import that closes it, naming every file of
 * the cycle; a note at each import of it. path[0..n) are the files of the
 * cycle in import order, each importing the next, the last the first. */
static void session_report_cycle(ld_session *s, const size_t *path, const size_t *edge, size_t n)
{
    const struct session_file *last = s->files[path[n - 1]];
    struct loc at = last->edges[edge[n - 1]].at;
    if (n == 1) {
        diag_error(&s->diag, "E021", at, "'%s' imports itself: an import cycle of one file", last->src.name);
        return;
    }
    struct diag *d = diag_error(&s->diag, "E021", at, "import cycle of %zu files: '%s' imports '%s', which leads "
                                "back here (each import of the cycle is in a note)", n, last->src.name,
                                s->files[path[0]]->src.name);
    for (size_t k = 0; k + 1 < n; k++) {
        const struct session_file *f = s->files[path[k]];
        diag_note(&s->diag, d, f->edges[edge[k]].at, "'%s' imports '%s'", f->src.name,
                  s->files[path[k + 1]]->src.name);
    }
}

/* Depth-first over the import edges with an explicit stack (a chain of
 * 1,000 files must not overflow the C stack): an edge to a file on the
 * stack closes a cycle. Each edge is followed once, so the cost is the
 * number of imports. The files in post-order go to s->order: each after
 * the files it imports (but in a cycle), the order the checker reads them
 * in, so that "first defined here" is in the imported file, as if its text
 * stood where the import is. */
static void session_find_cycles(ld_session *s)
{
    size_t n = s->nfiles;
    s->order = arena_array(&s->arena, n ? n : 1, sizeof *s->order);
    s->norder = 0;
    if (!n)
        return;
    unsigned char *color = heap_calloc(&s->heap, n, 1);        /* 0 new, 1 on the stack, 2 done */
    size_t *stack = heap_calloc(&s->heap, n, sizeof *stack);
    size_t *next = heap_calloc(&s->heap, n, sizeof *next);     /* the edge to follow next, per file */
    size_t *depth = heap_calloc(&s->heap, n, sizeof *depth);   /* where a file on the stack is */
    for (size_t root = 0; root < n; root++) {
        if (color[root])
            continue;
        size_t top = 0;
        stack[top++] = root;
        color[root] = 1;
        depth[root] = 0;
        while (top) {
            size_t v = stack[top - 1];
            const struct session_file *f = s->files[v];
            if (next[v] == f->nedges) {
                color[v] = 2;
                s->order[s->norder++] = v;
                top--;
                continue;
            }
            size_t e = next[v]++;
            size_t w = f->edges[e].to;
            if (color[w] == 1) {
                /* the cycle: stack[depth[w]..top), each by the edge it is following */
                size_t len = top - depth[w];
                size_t *edges = heap_calloc(&s->heap, len, sizeof *edges);
                for (size_t k = 0; k < len; k++)
                    edges[k] = next[stack[depth[w] + k]] - 1;
                session_report_cycle(s, stack + depth[w], edges, len);
                heap_free(&s->heap, edges);
            } else if (color[w] == 0) {
                color[w] = 1;
                depth[w] = top;
                stack[top++] = w;
            }
        }
    }
    heap_free(&s->heap, color);
    heap_free(&s->heap, stack);
    heap_free(&s->heap, next);
    heap_free(&s->heap, depth);
}

/* ---- after the checks ---- */

/* Whether d already points at loc (an import cycle's notes do). */
static bool session_has_note_at(const struct diag *d, struct loc loc)
{
    for (const struct diag_note *n = d->notes; n; n = n->next)
        if (n->loc.start == loc.start && n->loc.end == loc.end)
            return true;
    return false;
}

/* A diagnostic in an imported file gets a note at the import that first
 * brought the file in: the reader sees how the ladder reached it. */
static void session_note_imports(ld_session *s)
{
    for (struct diag *d = s->diag.first; d; d = d->next) {
        const struct session_file *f = s->files[d->file];
        if (f->root || f->importer == SIZE_MAX || session_has_note_at(d, f->import_at))
            continue;
        diag_note(&s->diag, d, f->import_at, "'%s' is imported here", f->src.name);
    }
}

static void session_index_diags(ld_session *s)
{
    diag_sort(&s->diag);
    s->ndiags = s->diag.nkept;
    s->dvec = s->ndiags ? arena_array(&s->arena, s->ndiags, sizeof *s->dvec) : NULL;
    size_t k = 0;
    for (struct diag *d = s->diag.first; d && k < s->ndiags; d = d->next)
        s->dvec[k++] = d;
    s->ndiags = k;
    /* sorted by offset, so by file: each file's are a run */
    s->file_first = arena_array(&s->arena, s->nfiles + 1, sizeof *s->file_first);
    size_t f = 0;
    for (k = 0; k < s->ndiags; k++)
        while (f <= s->dvec[k]->file)
            s->file_first[f++] = k;
    while (f <= s->nfiles)
        s->file_first[f++] = s->ndiags;
}

static ld_status session_verdict(const ld_session *s)
{
    return s->diag.nerrors ? LD_EINPUT : LD_OK;
}

ld_status ld_parse(ld_session *s)
{
    SESSION_ENTER(s);
    if (s->stage != SESSION_NEW)
        SESSION_LEAVE(s, session_usage(s, "ld_parse: the session is already parsed or checked"));
    if (!s->nroots)
        SESSION_LEAVE(s, session_usage(s, "ld_parse: no file: add one first"));
    s->stage = SESSION_PARSED;
    session_load(s, false);
    session_index_diags(s);
    s->result = session_verdict(s);
    SESSION_LEAVE(s, s->result);
}

ld_status ld_check(ld_session *s)
{
    SESSION_ENTER(s);
    if (s->stage != SESSION_NEW)
        SESSION_LEAVE(s, session_usage(s, "ld_check: the session is already parsed or checked"));
    if (!s->nroots)
        SESSION_LEAVE(s, session_usage(s, "ld_check: no file: add one first"));
    s->stage = SESSION_CHECKED;
    session_load(s, true);
    session_find_cycles(s);
    struct ast_file **asts = arena_array(&s->arena, s->nfiles ? s->nfiles : 1, sizeof *asts);
    size_t n = 0;
    for (size_t k = 0; k < s->norder; k++)
        if (s->files[s->order[k]]->ast)
            asts[n++] = s->files[s->order[k]]->ast;
    /* nothing read (every root failed): nothing to check, no "no levels" */
    if (s->want_index)
        index_init(&s->idx, &s->arena);
    struct model *m = n ? check_files(asts, n, &s->arena, &s->diag, s->want_index ? &s->idx : NULL) : NULL;
    session_index_diags(s);     /* sorted, the displaced ones gone */
    session_note_imports(s);
    s->result = session_verdict(s);
    s->model = s->result == LD_OK ? m : NULL;
    SESSION_LEAVE(s, s->result);
}

/* ---- files ---- */

size_t ld_file_count(const ld_session *s)
{
    return s && !s->spent ? s->nfiles : 0;
}

const char *ld_file_path(const ld_session *s, size_t i)
{
    return s && !s->spent && i < s->nfiles ? s->files[i]->src.name : NULL;
}

/* ---- diagnostics ---- */

size_t ld_diagnostic_count(const ld_session *s)
{
    return s && !s->spent ? s->ndiags : 0;
}

size_t ld_error_count(const ld_session *s)
{
    return s && !s->spent ? s->diag.nerrors : 0;
}

size_t ld_warning_count(const ld_session *s)
{
    return s && !s->spent ? s->diag.nwarnings : 0;
}

void ld_file_diagnostic_counts(const ld_session *s, size_t i, size_t *errors, size_t *warnings)
{
    const struct diag_tally *t = s && !s->spent && i < s->diag.ntally ? &s->diag.tally[i] : NULL;
    *errors = t ? t->nerrors : 0;
    *warnings = t ? t->nwarnings : 0;
}

static void session_describe(ld_session *s, struct loc loc, bool whole, ld_diagnostic *out)
{
    struct source *src = source_set_find(&s->set, loc.start);
    out->file = src ? src->name : NULL;
    if (whole || !src) {
        out->line = out->column = out->end_line = out->end_column = 0;
        return;
    }
    struct source_pos first, last;
    source_span(src, loc, &first, &last);
    out->line = first.line;
    out->column = first.column;
    out->end_line = last.line;
    out->end_column = last.column;
}

ld_status ld_diagnostic_get(ld_session *s, size_t i, ld_diagnostic *out)
{
    SESSION_ENTER(s);
    if (!out || i >= s->ndiags)
        SESSION_LEAVE(s, session_usage(s, "ld_diagnostic_get: no such diagnostic"));
    const struct diag *d = s->dvec[i];
    static const ld_severity sev[] = {LD_ERROR, LD_WARNING, LD_NOTE};
    memset(out, 0, sizeof *out);
    out->severity = sev[d->severity];
    out->code = d->code;
    out->message = d->msg;
    session_describe(s, d->loc, d->whole_file, out);
    for (const struct diag_note *n = d->notes; n; n = n->next)
        out->nnotes++;
    SESSION_LEAVE(s, LD_OK);
}

ld_status ld_diagnostic_note(ld_session *s, size_t i, size_t note, ld_diagnostic *out)
{
    SESSION_ENTER(s);
    if (!out || i >= s->ndiags)
        SESSION_LEAVE(s, session_usage(s, "ld_diagnostic_note: no such diagnostic"));
    const struct diag_note *n = s->dvec[i]->notes;
    for (size_t k = 0; n && k < note; k++)
        n = n->next;
    if (!n)
        SESSION_LEAVE(s, session_usage(s, "ld_diagnostic_note: no such note"));
    memset(out, 0, sizeof *out);
    out->severity = LD_NOTE;
    out->message = n->msg;
    session_describe(s, n->loc, false, out);
    SESSION_LEAVE(s, LD_OK);
}

static void session_text(ld_session *s, ld_text *out)
{
    buf_putc(&s->out, '\0');
    out->data = s->out.data;
    out->len = s->out.len - 1;
}

/* The sink seen from file *only's first diagnostic on (all: the sink). */
static struct diag_sink session_view(const ld_session *s, const size_t *only)
{
    struct diag_sink view = s->diag;
    if (only)
        view.first = s->file_first[*only] < s->ndiags ? s->dvec[s->file_first[*only]] : NULL;
    return view;
}

static ld_status session_print(ld_session *s, ld_diag_format format, const size_t *only, ld_text *out)
{
    s->out.len = 0;
    bool first = true;
    struct diag_sink view = session_view(s, only);
    switch (format) {
    case LD_FORMAT_TEXT:
    case LD_FORMAT_TEXT_COLOR:
        diag_print_text(&view, &s->set, only, &s->out, format == LD_FORMAT_TEXT_COLOR);
        break;
    case LD_FORMAT_JSON:
        diag_print_json(&view, &s->set, only, &s->out, &first);
        break;
    case LD_FORMAT_GITHUB:
        diag_print_github(&view, &s->set, only, &s->out);
        break;
    default:
        return session_usage(s, "ld_print_diagnostics: unknown format");
    }
    session_text(s, out);
    return LD_OK;
}

ld_status ld_print_diagnostics(ld_session *s, ld_diag_format format, ld_text *out)
{
    SESSION_ENTER(s);
    if (!out)
        SESSION_LEAVE(s, session_usage(s, "ld_print_diagnostics: no out"));
    SESSION_LEAVE(s, session_print(s, format, NULL, out));
}

ld_status ld_print_file_diagnostics(ld_session *s, size_t file, ld_diag_format format, ld_text *out)
{
    SESSION_ENTER(s);
    if (!out || file >= s->nfiles)
        SESSION_LEAVE(s, session_usage(s, "ld_print_file_diagnostics: no such file"));
    SESSION_LEAVE(s, session_print(s, format, &file, out));
}

/* Parts of about this size: the caller writes each out before the next. */
enum { SESSION_PART_BYTES = 64 * 1024 };

static ld_status session_print_part(ld_session *s, size_t file, ld_diag_format format, size_t *cursor, ld_text *out)
{
    if (format != LD_FORMAT_JSON) {
        /* text and github show at most max_shown per file: one part */
        if (*cursor)
            return s->out.len = 0, session_text(s, out), LD_OK;
        *cursor = 1;
        return session_print(s, format, &file, out);
    }
    /* *cursor: 0 at the start, then one past the last diagnostic printed */
    size_t end = s->file_first[file + 1];
    if (*cursor == 0) {
        if (s->json_open)
            diag_json_end(&s->json);
        struct diag_sink view = session_view(s, &file);
        diag_json_begin(&s->json, &view, &s->set, &file);
        s->json_open = true;
        *cursor = s->file_first[file];
    }
    s->out.len = 0;
    size_t k = *cursor;
    for (; k < end && s->out.len < SESSION_PART_BYTES; k++)
        diag_json_one(&s->json, s->dvec[k], &s->out);
    *cursor = k ? k : SIZE_MAX;     /* never 0 again: a file with none is done */
    if (k >= end && s->json_open) {
        diag_json_end(&s->json);
        s->json_open = false;
    }
    session_text(s, out);
    return LD_OK;
}

ld_status ld_print_file_diagnostics_part(ld_session *s, size_t file, ld_diag_format format, size_t *cursor,
                                         ld_text *out)
{
    SESSION_ENTER(s);
    if (!out || !cursor || file >= s->nfiles)
        SESSION_LEAVE(s, session_usage(s, "ld_print_file_diagnostics_part: no such file"));
    SESSION_LEAVE(s, session_print_part(s, file, format, cursor, out));
}

const char *ld_warning_code(const char *code_or_name)
{
    return code_or_name ? diag_warning_code(code_or_name) : NULL;
}

const char *ld_explain(const char *code)
{
    if (!code)
        return NULL;
    const char *w = diag_warning_code(code);
    if (w)
        code = w;
    for (size_t i = 0; i < explain_count; i++) {
        const char *a = explain_entries[i].code, *b = code;
        while (*a && *b && (*a | 0x20) == (*b | 0x20))
            a++, b++;
        if (!*a && !*b)
            return explain_entries[i].text;
    }
    return NULL;
}

/* ---- results ---- */

ld_status ld_emit(ld_session *s, const char *format, ld_text *out)
{
    SESSION_ENTER(s);
    if (!format || !out)
        SESSION_LEAVE(s, session_usage(s, "ld_emit: no format or no out"));
    if (!s->model)
        SESSION_LEAVE(s, session_usage(s, "ld_emit: the ladder is not checked, or has errors"));
    s->out.len = 0;
    bool links = strcmp(format, "dot-links") == 0;     /* the page's map (ld_html) */
    if (links || strcmp(format, "dot") == 0) {
        struct emit_dot_options o = {
            .exact = s->layout == LD_LAYOUT_FILE ? s->model->layout_exact : s->layout == LD_LAYOUT_EXACT,
            .theme = s->theme == LD_THEME_DARK ? EMIT_THEME_DARK : EMIT_THEME_LIGHT,
            .links = links,
        };
        emit_dot(s->model, &o, &s->out);
    }
    else if (strcmp(format, "md") == 0)
        emit_md(s->model, &s->out);
    else if (strcmp(format, "json") == 0)
        emit_json(s->model, &s->out);
    else
        SESSION_LEAVE(s, session_usage(s, "ld_emit: unknown format: use dot, md or json"));
    session_text(s, out);
    SESSION_LEAVE(s, LD_OK);
}

ld_status ld_finish_svg(ld_session *s, const char *svg, size_t len, ld_text *out)
{
    SESSION_ENTER(s);
    if (!out || (!svg && len))
        SESSION_LEAVE(s, session_usage(s, "ld_finish_svg: no svg or no out"));
    if (!s->model)
        SESSION_LEAVE(s, session_usage(s, "ld_finish_svg: the ladder is not checked, or has errors"));
    /* into a buffer of its own: svg may be the session's last text */
    struct buf done;
    buf_init(&done, &s->heap);
    emit_svg_finish(s->model, svg, len, &done);
    buf_free(&s->out);
    s->out = done;
    session_text(s, out);
    SESSION_LEAVE(s, LD_OK);
}

ld_status ld_html(ld_session *s, const char *svg, size_t len, ld_text *out)
{
    SESSION_ENTER(s);
    if (!out || (!svg && len))
        SESSION_LEAVE(s, session_usage(s, "ld_html: no svg or no out"));
    if (!s->model)
        SESSION_LEAVE(s, session_usage(s, "ld_html: the ladder is not checked, or has errors"));
    /* into buffers of its own: svg may be the session's last text */
    struct buf json, page;
    buf_init(&json, &s->heap);
    buf_init(&page, &s->heap);
    emit_json(s->model, &json);
    emit_html(s->model, svg, len, json.data, json.len, &page);
    buf_free(&json);
    buf_free(&s->out);
    s->out = page;
    session_text(s, out);
    SESSION_LEAVE(s, LD_OK);
}

ld_status ld_format(ld_session *s, size_t root, ld_text *out)
{
    SESSION_ENTER(s);
    if (!out || s->stage != SESSION_PARSED)
        SESSION_LEAVE(s, session_usage(s, "ld_format: call ld_parse first"));
    /* the roots are the first files, in order, but for one given twice */
    size_t k = 0, i = 0;
    for (; i < s->nfiles; i++)
        if (s->files[i]->root && k++ == root)
            break;
    if (i == s->nfiles)
        SESSION_LEAVE(s, session_usage(s, "ld_format: no such root"));
    struct session_file *f = s->files[i];
    if (f->failed || f->ast->syntax_errors)
        SESSION_LEAVE(s, LD_EINPUT);
    s->out.len = 0;
    fmt_file(f->ast, &f->src, &s->arena, &s->out);
    session_text(s, out);
    SESSION_LEAVE(s, LD_OK);
}

enum { SESSION_CANDIDATES_SHOWN = 8 };

/* Text the caller typed, masked and clipped as messages quote it. */
static const char *session_term(struct buf *b, const char *text)
{
    b->len = 0;
    escape_quoted(b, text, strlen(text), DIAG_QUOTE_MAX);
    buf_putc(b, '\0');
    return b->data;
}

/* A role by id or by a name only one role has; else LD_EUSAGE with why. */
static ld_status session_role(ld_session *s, const char *text, size_t *out)
{
    const struct model *m = s->model;
    size_t found[SESSION_CANDIDATES_SHOWN];
    size_t n = path_find_roles(m, text, found, SESSION_CANDIDATES_SHOWN);
    if (n == 1) {
        *out = found[0];
        return LD_OK;
    }
    struct buf b, msg;
    buf_init(&b, &s->heap);
    buf_init(&msg, &s->heap);
    if (n > 1) {
        buf_printf(&msg, "%zu roles are named '%s': ", n, session_term(&b, text));
        for (size_t i = 0; i < n && i < SESSION_CANDIDATES_SHOWN; i++)
            buf_printf(&msg, "%s%s", i ? ", " : "", session_term(&b, m->roles[found[i]].id));
        if (n > SESSION_CANDIDATES_SHOWN)
            buf_printf(&msg, " and %zu more", n - SESSION_CANDIDATES_SHOWN);
        buf_puts(&msg, "; give the id of one");
    } else {
        const char *hint = path_suggest_role(m, text);
        buf_printf(&msg, "no role '%s' in the ladder", session_term(&b, text));
        if (hint)
            buf_printf(&msg, "; did you mean '%s'?", session_term(&b, hint));
        buf_puts(&msg, " [E110]");
    }
    buf_putc(&msg, '\0');
    session_usage(s, msg.data);
    buf_free(&b);
    buf_free(&msg);
    return LD_EUSAGE;
}

/* FROM and TO, ids or names, as two different roles of the model (path
 * and gap ask for a way between them); LD_EUSAGE with the reason in the
 * message otherwise. */
static ld_status session_two_roles(ld_session *s, const char *from, const char *to, size_t *a, size_t *b)
{
    if (session_role(s, from, a) != LD_OK || session_role(s, to, b) != LD_OK)
        return LD_EUSAGE;
    if (*a == *b) {
        snprintf(s->message, sizeof s->message, "FROM and TO are the same role, '%s'", s->model->roles[*a].id);
        return LD_EUSAGE;
    }
    return LD_OK;
}

ld_status ld_path(ld_session *s, const char *from, const char *to, size_t max, const char *format, ld_text *out)
{
    SESSION_ENTER(s);
    if (!from || !to || !out || !format)
        SESSION_LEAVE(s, session_usage(s, "ld_path: a NULL argument"));
    bool md = strcmp(format, "md") == 0;
    if (!md && strcmp(format, "text") != 0)
        SESSION_LEAVE(s, session_usage(s, "ld_path: unknown format: use text or md"));
    if (max < 1 || max > 1000)
        SESSION_LEAVE(s, session_usage(s, "ld_path: max is from 1 to 1000"));
    if (!s->model)
        SESSION_LEAVE(s, session_usage(s, "ld_path: the ladder is not checked, or has errors"));
    const struct model *m = s->model;
    size_t a, b;
    if (session_two_roles(s, from, to, &a, &b) != LD_OK)
        SESSION_LEAVE(s, LD_EUSAGE);
    struct path_routes routes;
    path_search(&s->heap, m, a, b, max, &routes);
    s->out.len = 0;
    if (md)
        path_print_md(&s->out, m, &routes);
    else
        path_print_text(&s->out, m, &routes);
    ld_status st = LD_OK;
    if (routes.nroutes == 0) {
        snprintf(s->message, sizeof s->message, "no route from '%s' to '%s'", m->roles[a].id, m->roles[b].id);
        s->out.len = 0;
        st = LD_EINPUT;
    }
    path_routes_free(&routes);
    session_text(s, out);
    SESSION_LEAVE(s, st);
}

/* ---- names: the index ---- */

static const char *const session_kind_names[] = {"role", "track", "box", "company", "level", "competency"};

const char *ld_name_kind_name(ld_name_kind kind)
{
    return (unsigned)kind < LD_NAME_KINDS ? session_kind_names[kind] : NULL;
}

size_t ld_syntax_error_count(const ld_session *s)
{
    size_t n = 0;
    for (size_t i = 0; s && !s->spent && i < s->nfiles; i++)
        if (s->files[i]->ast)
            n += s->files[i]->ast->syntax_errors;
    return n;
}

/* The index when ld_check built one, else NULL. */
static struct index *session_index(ld_session *s)
{
    return s && !s->spent && s->want_index && s->stage == SESSION_CHECKED && s->idx.arena ? &s->idx : NULL;
}

unsigned ld_name_kinds(ld_session *s, const char *name)
{
    struct index *idx = session_index(s);
    if (!idx || !name)
        return 0;
    jmp_buf jb;     /* (a query may sort the index: a jump is armed for it) */
    s->heap.oom = &jb;
    if (setjmp(jb)) {
        session_spend(s);
        s->heap.oom = NULL;
        return 0;
    }
    unsigned bits = index_kinds_of(idx, name);
    s->heap.oom = NULL;
    return bits;
}

const char *ld_name_suggest(ld_session *s, const char *name, unsigned kinds)
{
    struct index *idx = session_index(s);
    if (!idx || !name)
        return NULL;
    jmp_buf jb;
    s->heap.oom = &jb;
    if (setjmp(jb)) {
        session_spend(s);
        s->heap.oom = NULL;
        return NULL;
    }
    const char *close = index_suggest(idx, name, kinds);
    s->heap.oom = NULL;
    return close;
}

static void session_name_place(ld_session *s, const struct index_entry *e, ld_place *out)
{
    ld_diagnostic d;
    session_describe(s, e->loc, false, &d);
    out->kind = (ld_name_kind)e->kind;
    out->definition = e->is_def;
    out->name = e->name;
    out->file = source_set_index(&s->set, e->loc.start);
    out->line = d.line;
    out->column = d.column;
    out->end_line = d.end_line;
    out->end_column = d.end_column;
}

ld_status ld_refs(ld_session *s, ld_name_kind kind, const char *name, const ld_place **places, size_t *n)
{
    SESSION_ENTER(s);
    if (!places || !n || !name || (unsigned)kind >= LD_NAME_KINDS)
        SESSION_LEAVE(s, session_usage(s, "ld_refs: no name, no kind or no out"));
    struct index *idx = session_index(s);
    if (!idx)
        SESSION_LEAVE(s, session_usage(s, "ld_refs: no index: set ld_config.index and call ld_check first"));
    const struct index_entry **found;
    size_t k = index_find(idx, (enum index_kind)kind, name, &found);
    s->places = arena_array(&s->arena, k ? k : 1, sizeof *s->places);
    for (size_t i = 0; i < k; i++)
        session_name_place(s, found[i], &s->places[i]);
    *places = s->places;
    *n = k;
    SESSION_LEAVE(s, LD_OK);
}

/* Whether path names a shipped ladder (read from std/, not the user's). */
static bool session_is_shipped(const char *path) { return strncmp(path, "std/", 4) == 0; }

ld_status ld_rename(ld_session *s, ld_name_kind kind, const char *old_name, const char *new_name,
                    const ld_change **changes, size_t *n)
{
    SESSION_ENTER(s);
    if (!changes || !n || !old_name || !new_name || (unsigned)kind >= LD_NAME_KINDS)
        SESSION_LEAVE(s, session_usage(s, "ld_rename: no name, no kind or no out"));
    struct index *idx = session_index(s);
    if (!idx)
        SESSION_LEAVE(s, session_usage(s, "ld_rename: no index: set ld_config.index and call ld_check first"));
    for (size_t i = 0; i < s->nfiles; i++) {
        if (s->files[i]->ast && s->files[i]->ast->syntax_errors) {
            struct buf b;
            buf_init(&b, &s->heap);
            escape_filename(&b, s->files[i]->src.name);
            snprintf(s->message, sizeof s->message, "'%.*s' has syntax errors: a use on a line that broke "
                     "would be missed", (int)(b.len < 1024 ? b.len : 1024), b.data ? b.data : "");
            buf_free(&b);
            SESSION_LEAVE(s, LD_EUSAGE);
        }
    }
    struct index_plan plan;
    if (index_rename_plan(idx, (enum index_kind)kind, old_name, new_name, &plan, s->message,
                          sizeof s->message) != 0)
        SESSION_LEAVE(s, LD_EUSAGE);
    /* the files with an edit, in file order (the edits are in offset order) */
    s->changes = arena_array(&s->arena, s->nfiles ? s->nfiles : 1, sizeof *s->changes);
    size_t k = 0;
    for (size_t i = 0; i < s->nfiles; i++) {
        struct source *src = &s->files[i]->src;
        uint32_t base = src->base, end = base + (uint32_t)src->len;
        bool touched = false;
        for (size_t e = 0; e < plan.nedits && !touched; e++)
            touched = plan.edits[e].loc.start >= base && plan.edits[e].loc.start <= end;
        if (!touched)
            continue;
        if (session_is_shipped(src->name)) {
            struct buf b;
            buf_init(&b, &s->heap);
            escape_filename(&b, src->name);
            snprintf(s->message, sizeof s->message, "it is written in the shipped ladder '%.*s', which rename "
                     "does not change", (int)(b.len < 1024 ? b.len : 1024), b.data ? b.data : "");
            buf_free(&b);
            SESSION_LEAVE(s, LD_EUSAGE);
        }
        ld_change *c = &s->changes[k++];
        struct buf text, diff, name;
        buf_init(&text, &s->heap);
        buf_init(&diff, &s->heap);
        buf_init(&name, &s->heap);
        escape_filename(&name, src->name);      /* the diff is shown as it is */
        buf_putc(&name, '\0');
        index_apply(&plan, src->text, src->len, base, &text);
        index_diff(&plan, src, base, name.data, &diff);
        buf_free(&name);
        c->file = i;
        c->text.data = arena_strndup(&s->arena, text.data ? text.data : "", text.len);
        c->text.len = text.len;
        c->diff.data = arena_strndup(&s->arena, diff.data ? diff.data : "", diff.len);
        c->diff.len = diff.len;
        buf_free(&text);
        buf_free(&diff);
    }
    *changes = s->changes;
    *n = k;
    SESSION_LEAVE(s, LD_OK);
}

/* ---- charts ---- */

_Static_assert(LD_CHART_ROLES_MAX == EMIT_CHART_ROLES_MAX, "the public limit is the backend's");

ld_status ld_chart(ld_session *s, const char *const *roles, size_t nroles, const char *format, ld_text *out)
{
    SESSION_ENTER(s);
    if (!roles || !out || !format)
        SESSION_LEAVE(s, session_usage(s, "ld_chart: a NULL argument"));
    if (strcmp(format, "dot") != 0)
        SESSION_LEAVE(s, session_usage(s, "ld_chart: unknown format: use dot"));
    if (nroles < 1 || nroles > LD_CHART_ROLES_MAX)
        SESSION_LEAVE(s, session_usage(s, "a chart shows 1 to 8 roles"));
    if (!s->model)
        SESSION_LEAVE(s, session_usage(s, "ld_chart: the ladder is not checked, or has errors"));
    const struct model *m = s->model;
    size_t found[LD_CHART_ROLES_MAX];
    for (size_t i = 0; i < nroles; i++) {
        if (!roles[i])
            SESSION_LEAVE(s, session_usage(s, "ld_chart: a NULL argument"));
        if (session_role(s, roles[i], &found[i]) != LD_OK)
            SESSION_LEAVE(s, LD_EUSAGE);
        for (size_t j = 0; j < i; j++)
            if (found[j] == found[i]) {
                snprintf(s->message, sizeof s->message, "role '%s' is given twice", m->roles[found[i]].id);
                SESSION_LEAVE(s, LD_EUSAGE);
            }
    }
    s->out.len = 0;
    for (size_t i = 0; i < nroles; i++)
        if (m->roles[found[i]].about->nexpect == 0) {
            snprintf(s->message, sizeof s->message,
                     "role '%s' sets no competency rungs: nothing to chart (give it lines such as "
                     "'craft 3' in a block after its level)", m->roles[found[i]].id);
            session_text(s, out);
            SESSION_LEAVE(s, LD_EINPUT);
        }
    emit_chart(m, found, nroles, &s->out);
    session_text(s, out);
    SESSION_LEAVE(s, LD_OK);
}

/* ---- gap: what it takes to go from one role to another ---- */

/* Why the ladder cannot answer a gap between roles a and b, into
 * s->message; false when it can. */
static bool session_gap_unanswerable(ld_session *s, size_t a, size_t b)
{
    const struct model *m = s->model;
    if (m->ncompetencies == 0) {
        snprintf(s->message, sizeof s->message,
                 "the ladder defines no competencies: gap compares the rungs roles set on them "
                 "('competency craft \"Technical craft\" { 1 \"Learns\" ... }', then 'craft 2' in a role's block)");
        return true;
    }
    for (int i = 0; i < 2; i++) {
        const struct model_role *r = &m->roles[i ? b : a];
        if (r->about->nexpect == 0) {
            snprintf(s->message, sizeof s->message,
                     "role '%s' sets no rungs: gap compares the rungs both roles set in their blocks "
                     "(a line such as '%s 2' between the '{' and '}' that end the role)", r->id,
                     m->competencies[0].id);
            return true;
        }
    }
    return false;
}

ld_status ld_gap(ld_session *s, const char *from, const char *to, int route, const char *format, ld_text *out)
{
    SESSION_ENTER(s);
    if (!from || !to || !out || !format)
        SESSION_LEAVE(s, session_usage(s, "ld_gap: a NULL argument"));
    void (*print)(struct buf *, const struct model *, const struct gap *) =
        strcmp(format, "text") == 0 ? gap_print_text
        : strcmp(format, "md") == 0 ? gap_print_md
        : strcmp(format, "json") == 0 ? gap_print_json
        : NULL;
    if (!print)
        SESSION_LEAVE(s, session_usage(s, "ld_gap: unknown format: use text, md or json"));
    if (!s->model)
        SESSION_LEAVE(s, session_usage(s, "ld_gap: the ladder is not checked, or has errors"));
    const struct model *m = s->model;
    size_t a, b;
    if (session_two_roles(s, from, to, &a, &b) != LD_OK)
        SESSION_LEAVE(s, LD_EUSAGE);
    s->out.len = 0;
    if (session_gap_unanswerable(s, a, b)) {
        session_text(s, out);
        SESSION_LEAVE(s, LD_EINPUT);
    }
    struct gap g;
    gap_compute(&s->heap, m, a, b, route != 0, &g);
    ld_status st = LD_OK;
    if (route && g.route.nroutes == 0) {
        snprintf(s->message, sizeof s->message, "no route from '%s' to '%s'", m->roles[a].id, m->roles[b].id);
        st = LD_EINPUT;
    } else {
        print(&s->out, m, &g);
    }
    gap_free(&g);
    session_text(s, out);
    SESSION_LEAVE(s, st);
}

/* ---- diff: what changed between two versions ---- */

/* Builds the line maps of s's files now, from s's own heap, so that
 * ld_diff, whose memory is the other session's, allocates nothing of s's. */
static ld_status session_map_lines(ld_session *s)
{
    SESSION_ENTER(s);
    for (size_t i = 0; i < s->nfiles; i++)
        source_line_of(&s->files[i]->src, s->files[i]->src.base);
    SESSION_LEAVE(s, LD_OK);
}

ld_status ld_diff(ld_session *old_s, ld_session *new_s, const char *format, ld_text *out, size_t *nchanges)
{
    if (old_s && old_s == new_s)
        return session_usage(old_s, "ld_diff: two versions are two sessions");
    ld_status st = session_map_lines(old_s);
    if (st != LD_OK)
        return st;
    SESSION_ENTER(new_s);
    if (!out || !format)
        SESSION_LEAVE(new_s, session_usage(new_s, "ld_diff: a NULL argument"));
    void (*print)(struct buf *, struct diff *) =
        strcmp(format, "text") == 0 ? diff_print_text
        : strcmp(format, "md") == 0 ? diff_print_md
        : strcmp(format, "json") == 0 ? diff_print_json
        : NULL;
    if (!print)
        SESSION_LEAVE(new_s, session_usage(new_s, "ld_diff: unknown format: use text, md or json"));
    if (!old_s->model || !new_s->model)
        SESSION_LEAVE(new_s, session_usage(new_s, "ld_diff: a version is not checked, or has errors"));
    struct diff_version ov = {old_s->model, &old_s->set}, nv = {new_s->model, &new_s->set};
    bool exact = new_s->layout == LD_LAYOUT_EXACT || (new_s->layout == LD_LAYOUT_FILE && new_s->model->layout_exact);
    struct diff d;
    diff_compute(&new_s->heap, &ov, &nv, exact, &d);
    new_s->out.len = 0;
    print(&new_s->out, &d);
    if (nchanges)
        *nchanges = d.count;
    diff_free(&d);
    session_text(new_s, out);
    SESSION_LEAVE(new_s, LD_OK);
}

/* ---- editors: what is at a position (query.c) ---- */

static struct ast_file *session_ast_of(void *ud, size_t file)
{
    ld_session *s = ud;
    return file < s->nfiles ? s->files[file]->ast : NULL;
}

enum { QUERY_NAME_AT, QUERY_HOVER, QUERY_COMPLETE, QUERY_OUTLINE };

/* What a query reads, and its own arena, emptied of its last answer. */
static struct query_ctx session_query(ld_session *s, struct index *idx, int which)
{
    struct arena *a = &s->query_arena[which];
    if (a->heap)
        arena_free(a);
    arena_init(a, &s->heap);
    return (struct query_ctx){idx, &s->set, s->model, a, &s->out, session_ast_of, s};
}

/* The offset of line:column in file, for a query needing the index. */
static ld_status session_position(ld_session *s, const char *what, size_t file, int line, int column,
                                  uint32_t *off)
{
    if (!session_index(s))
        return session_usage(s, what);
    if (file >= s->nfiles)
        return session_usage(s, "no such file");
    return query_offset(&s->files[file]->src, line, column, off) ? LD_OK : LD_EINPUT;
}

ld_status ld_name_at(ld_session *s, size_t file, int line, int column, ld_place *out)
{
    SESSION_ENTER(s);
    uint32_t off;
    if (!out)
        SESSION_LEAVE(s, session_usage(s, "ld_name_at: no out"));
    ld_status st = session_position(s, "ld_name_at: no index: set ld_config.index and call ld_check first", file,
                                    line, column, &off);
    if (st != LD_OK)
        SESSION_LEAVE(s, st);
    const struct index_entry *e = index_at(&s->idx, off);
    if (!e || source_set_index(&s->set, e->loc.start) != file)
        SESSION_LEAVE(s, LD_EINPUT);
    session_name_place(s, e, out);
    if (e->kind == INDEX_LEVEL) {   /* the level as written, "L5", not its prefix */
        struct query_ctx q = session_query(s, &s->idx, QUERY_NAME_AT);
        out->name = query_level_at(&q, &s->files[file]->src, e, off);
    }
    SESSION_LEAVE(s, LD_OK);
}

ld_status ld_hover(ld_session *s, ld_name_kind kind, const char *name, ld_text *out)
{
    SESSION_ENTER(s);
    if (!out || !name || (unsigned)kind >= LD_NAME_KINDS)
        SESSION_LEAVE(s, session_usage(s, "ld_hover: no name, no kind or no out"));
    struct index *idx = session_index(s);
    if (!idx)
        SESSION_LEAVE(s, session_usage(s, "ld_hover: no index: set ld_config.index and call ld_check first"));
    struct query_ctx q = session_query(s, idx, QUERY_HOVER);
    bool found = query_hover(&q, (enum index_kind)kind, name);
    session_text(s, out);
    SESSION_LEAVE(s, found ? LD_OK : LD_EINPUT);
}

ld_status ld_complete(ld_session *s, size_t file, int line, int column, const ld_completion **items, size_t *n)
{
    SESSION_ENTER(s);
    if (!items || !n)
        SESSION_LEAVE(s, session_usage(s, "ld_complete: no out"));
    *items = NULL;
    *n = 0;
    uint32_t off;
    ld_status st = session_position(s, "ld_complete: no index: set ld_config.index and call ld_check first", file,
                                    line, column, &off);
    if (st != LD_OK)
        SESSION_LEAVE(s, st == LD_EINPUT ? LD_OK : st);
    struct query_ctx q = session_query(s, &s->idx, QUERY_COMPLETE);
    ld_completion *v;
    *n = query_complete(&q, &s->files[file]->src, off, &v);
    *items = v;
    SESSION_LEAVE(s, LD_OK);
}

ld_status ld_outline(ld_session *s, size_t file, const ld_symbol **items, size_t *n)
{
    SESSION_ENTER(s);
    if (!items || !n)
        SESSION_LEAVE(s, session_usage(s, "ld_outline: no out"));
    if (s->stage == SESSION_NEW || file >= s->nfiles)
        SESSION_LEAVE(s, session_usage(s, "ld_outline: no such file, or not parsed or checked"));
    struct query_ctx q = session_query(s, NULL, QUERY_OUTLINE);
    ld_symbol *v;
    *n = query_outline(&q, &s->files[file]->src, s->files[file]->ast, &v);
    *items = v;
    SESSION_LEAVE(s, LD_OK);
}

ld_status ld_diagnostic_fix(ld_session *s, size_t i, ld_fix *out)
{
    SESSION_ENTER(s);
    if (!out || i >= s->ndiags)
        SESSION_LEAVE(s, session_usage(s, "ld_diagnostic_fix: no such diagnostic"));
    const struct diag *d = s->dvec[i];
    if (!d->fix || d->whole_file)
        SESSION_LEAVE(s, LD_EINPUT);
    ld_diagnostic where;
    session_describe(s, d->loc, false, &where);
    out->file = source_set_index(&s->set, d->loc.start);
    out->line = where.line;
    out->column = where.column;
    out->end_line = where.end_line;
    out->end_column = where.end_column;
    out->text = d->fix;
    SESSION_LEAVE(s, LD_OK);
}
