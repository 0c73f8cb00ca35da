/* lsp.c - `ladderc lsp`: the language server's message loop, lifecycle,
 * documents and diagnostics (docs/language.md, "The language server").
 *
 * Every open document has a session of its own (ld_config.index on), whose
 * loader gives the text of open documents from memory and reads other
 * files from disk, so an imported file open in the editor is checked as
 * edited. A change marks the document (and every open document whose
 * ladder reads it) dirty; the server re-checks dirty documents when no
 * more input is waiting, or before answering a request, so a burst of
 * changes costs one check. The requests about names and text are in
 * lsp_names.c; the wire in lsp_rpc.c; positions in lsp_text.c. */
#define _XOPEN_SOURCE 700     /* realpath */
#include "lsp.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "lsp_server.h"

const char lsp_usage[] =
    "usage: ladderc lsp [--stdio]\n"
    "\n"
    "Runs the language server: the Language Server Protocol (JSON-RPC 2.0\n"
    "with Content-Length headers) on standard input and output, for an\n"
    "editor to start. Diagnostics as you type, hover, go to definition,\n"
    "references, rename and formatting (docs/language.md, \"The language\n"
    "server\"; docs/editors.md). Exit status 0 after the shutdown request\n"
    "and the exit notification, 1 when the input ends or exit comes first.\n";

static double lsp_ms_since(clockid_t clock, const struct timespec *t)
{
    struct timespec now;
    clock_gettime(clock, &now);
    return (double)(now.tv_sec - t->tv_sec) * 1e3 + (double)(now.tv_nsec - t->tv_nsec) / 1e6;
}

/* ---- answers ---- */

void lsp_reply_to(struct lsp_server *srv, json_t *id, json_t *result)
{
    if (lsp_reply(srv->out, id, result) != 0)
        srv->write_failed = true;
}

void lsp_error_to(struct lsp_server *srv, json_t *id, int code, const char *message)
{
    if (lsp_reply_error(srv->out, id, code, message) != 0)
        srv->write_failed = true;
}

static void lsp_notify_to(struct lsp_server *srv, const char *method, json_t *params)
{
    if (lsp_notify(srv->out, method, params) != 0)
        srv->write_failed = true;
}

/* ---- documents ---- */

struct lsp_doc *lsp_doc_find(struct lsp_server *srv, const char *uri)
{
    for (size_t i = 0; i < srv->ndocs; i++)
        if (strcmp(srv->docs[i]->uri, uri) == 0)
            return srv->docs[i];
    return NULL;
}

struct lsp_doc *lsp_doc_of_path(struct lsp_server *srv, const char *path)
{
    for (size_t i = 0; i < srv->ndocs; i++)
        if (strcmp(srv->docs[i]->path, path) == 0)
            return srv->docs[i];
    char *real = NULL;
    for (size_t i = 0; i < srv->ndocs; i++) {
        if (!srv->docs[i]->real)
            continue;
        if (!real && !(real = realpath(path, NULL)))
            return NULL;
        if (strcmp(srv->docs[i]->real, real) == 0) {
            free(real);
            return srv->docs[i];
        }
    }
    free(real);
    return NULL;
}

char *lsp_uri_of_path(struct lsp_server *srv, const char *path)
{
    struct lsp_doc *d = lsp_doc_of_path(srv, path);
    if (d)
        return strcpy(cli_xmalloc(strlen(d->uri) + 1), d->uri);
    if (path[0] != '/')
        return NULL;    /* a shipped ladder ("std/...") or a name that is no file */
    return lsp_path_to_uri(path);
}

/* The disk loader's release, called with the session's ud (the document). */
static void lsp_release(void *ud, const char *text, size_t len)
{
    (void)len;
    struct lsp_doc *doc = ud;
    heap_free(&doc->srv->disk.heap, (void *)text);
}

/* The session's loader: an open document's text from memory, anything else
 * through the command line's loader (disk, and std/ beside the binary). */
static int lsp_load(void *ud, const char *path, ld_source *out)
{
    struct lsp_doc *doc = ud;
    struct lsp_doc *open = lsp_doc_of_path(doc->srv, path);
    if (open) {
        out->text = open->text.data ? open->text.data : "";
        out->len = open->text.len;
        out->key = open->real;      /* copied by the library: the bytes too (not lent) */
        out->release = NULL;
        out->lend = 0;
        return 0;
    }
    if (files_load(&doc->srv->disk, path, out) != 0)
        return -1;
    out->release = lsp_release;
    if (doc->nloaded == doc->caploaded) {
        doc->caploaded = doc->caploaded ? doc->caploaded * 2 : 8;
        struct lsp_loaded *l = realloc(doc->loaded, doc->caploaded * sizeof *l);
        if (!l) {
            fputs("ladderc: error: out of memory\n", stderr);
            exit(2);
        }
        doc->loaded = l;
    }
    struct lsp_loaded *l = &doc->loaded[doc->nloaded++];
    l->path = strcpy(cli_xmalloc(strlen(path) + 1), path);
    l->text = out->text;        /* lent by files_load until the session is freed */
    l->len = out->len;
    return 0;
}

void lsp_file_text(struct lsp_doc *doc, size_t i, const char **text, size_t *len)
{
    *text = "";
    *len = 0;
    const char *path = i == 0 ? doc->path : ld_file_path(doc->s, i);
    struct lsp_doc *open = i == 0 ? doc : lsp_doc_of_path(doc->srv, path);
    if (open) {
        *text = open->text.data ? open->text.data : "";
        *len = open->text.len;
        return;
    }
    for (size_t k = 0; k < doc->nloaded; k++)
        if (strcmp(doc->loaded[k].path, path) == 0) {
            *text = doc->loaded[k].text;
            *len = doc->loaded[k].len;
            return;
        }
}

static void lsp_doc_drop_session(struct lsp_doc *doc)
{
    ld_session_free(doc->s);    /* releases the disk loader's texts */
    doc->s = NULL;
    for (size_t k = 0; k < doc->nloaded; k++)
        free(doc->loaded[k].path);
    doc->nloaded = 0;
}

/* Marks doc dirty, and every open document whose ladder read doc's file. */
static void lsp_doc_touch(struct lsp_server *srv, struct lsp_doc *doc)
{
    for (size_t i = 0; i < srv->ndocs; i++) {
        struct lsp_doc *d = srv->docs[i];
        if (d == doc || d->dirty || !d->s)
            continue;
        for (size_t f = 1; f < ld_file_count(d->s); f++)
            if (lsp_doc_of_path(srv, ld_file_path(d->s, f)) == doc) {
                d->dirty = true;
                d->changed = srv->read_at;
                d->changed_cpu = srv->read_cpu;
                break;
            }
    }
    if (doc && !doc->dirty) {
        doc->dirty = true;
        doc->changed = srv->read_at;
        doc->changed_cpu = srv->read_cpu;
    }
}

/* ---- positions ---- */

void lsp_conv_init(struct lsp_conv *c, struct lsp_doc *doc)
{
    c->doc = doc;
    c->n = doc->s ? ld_file_count(doc->s) : 0;
    c->lines = cli_xmalloc((c->n ? c->n : 1) * sizeof *c->lines);
    c->ready = calloc(c->n ? c->n : 1, sizeof *c->ready);
    if (!c->ready) {
        fputs("ladderc: error: out of memory\n", stderr);
        exit(2);
    }
}

void lsp_conv_free(struct lsp_conv *c)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->ready[i])
            lsp_lines_free(&c->lines[i]);
    free(c->lines);
    free(c->ready);
}

json_t *lsp_json_pos(struct lsp_pos p)
{
    return json_pack("{s:I, s:I}", "line", (json_int_t)p.line, "character", (json_int_t)p.character);
}

json_t *lsp_conv_range(struct lsp_conv *c, size_t i, int line, int col, int end_line, int end_col)
{
    if (i >= c->n)
        return json_pack("{s:o, s:o}", "start", lsp_json_pos((struct lsp_pos){0, 0}), "end",
                         lsp_json_pos((struct lsp_pos){0, 0}));
    if (!c->ready[i]) {
        const char *text;
        size_t len;
        lsp_file_text(c->doc, i, &text, &len);
        lsp_lines_init(&c->lines[i], text, len);
        c->ready[i] = true;
    }
    enum lsp_encoding enc = c->doc->srv->enc;
    struct lsp_pos a = lsp_lines_from_ld(&c->lines[i], line, col, enc);
    struct lsp_pos b = line <= 0 ? a : lsp_lines_from_ld(&c->lines[i], end_line, end_col, enc);
    return json_pack("{s:o, s:o}", "start", lsp_json_pos(a), "end", lsp_json_pos(b));
}

/* ---- diagnostics ---- */

/* The session's index of the file a diagnostic names; n when none. */
static size_t lsp_file_index(ld_session *s, const char *file, size_t hint)
{
    size_t n = ld_file_count(s);
    if (!file)
        return n;
    if (hint < n && strcmp(ld_file_path(s, hint), file) == 0)
        return hint;
    for (size_t i = 0; i < n; i++)
        if (strcmp(ld_file_path(s, i), file) == 0)
            return i;
    return n;
}

static json_t *lsp_related(struct lsp_doc *doc, struct lsp_conv *c, size_t i, size_t nnotes)
{
    json_t *arr = json_array();
    for (size_t k = 0; k < nnotes; k++) {
        ld_diagnostic note;
        if (ld_diagnostic_note(doc->s, i, k, &note) != LD_OK || !note.file)
            continue;
        size_t f = lsp_file_index(doc->s, note.file, 0);
        char *uri = f < c->n ? lsp_uri_of_path(doc->srv, note.file) : NULL;
        if (!uri)
            continue;
        json_array_append_new(arr, json_pack("{s:{s:s, s:o}, s:s}", "location", "uri", uri, "range",
                                             lsp_conv_range(c, f, note.line, note.column, note.end_line,
                                                            note.end_column),
                                             "message", note.message));
        free(uri);
    }
    return arr;
}

static json_t *lsp_diagnostic_json(struct lsp_doc *doc, struct lsp_conv *c, size_t i, size_t f,
                                   const ld_diagnostic *d)
{
    json_t *o = json_pack("{s:o, s:i, s:s, s:s}", "range",
                          lsp_conv_range(c, f, d->line, d->column, d->end_line, d->end_column), "severity",
                          d->severity == LD_ERROR ? 1 : d->severity == LD_WARNING ? 2 : 3, "source", "ladderc",
                          "message", d->message);
    if (d->code)
        json_object_set_new(o, "code", json_string(d->code));
    if (d->nnotes)
        json_object_set_new(o, "relatedInformation", lsp_related(doc, c, i, d->nnotes));
    return o;
}

static void lsp_publish_one(struct lsp_server *srv, const char *uri, json_t *diags, long version)
{
    json_t *params = json_pack("{s:s, s:o}", "uri", uri, "diagnostics", diags);
    if (version >= 0)
        json_object_set_new(params, "version", json_integer(version));
    lsp_notify_to(srv, "textDocument/publishDiagnostics", params);
}

static bool lsp_in_list(char **list, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], s) == 0)
            return true;
    return false;
}

static void lsp_free_list(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

/* Publishes the diagnostics of doc's file, and of each file it imports that
 * is not open (an open one publishes its own); an imported file that had
 * diagnostics before and has none now gets an empty list. */
static void lsp_publish(struct lsp_server *srv, struct lsp_doc *doc)
{
    size_t nfiles = ld_file_count(doc->s);
    json_t **per = cli_xmalloc((nfiles ? nfiles : 1) * sizeof *per);
    for (size_t f = 0; f < nfiles; f++)
        per[f] = json_array();
    struct lsp_conv c;
    lsp_conv_init(&c, doc);
    size_t hint = 0;
    for (size_t i = 0; i < ld_diagnostic_count(doc->s); i++) {
        ld_diagnostic d;
        if (ld_diagnostic_get(doc->s, i, &d) != LD_OK)
            break;
        size_t f = lsp_file_index(doc->s, d.file, hint);
        if (f >= nfiles)
            f = 0;      /* about no file: shown on the document */
        hint = f;
        if (json_array_size(per[f]) < LSP_MAX_DIAGNOSTICS)
            json_array_append_new(per[f], lsp_diagnostic_json(doc, &c, i, f, &d));
    }
    lsp_conv_free(&c);
    char **now = cli_xmalloc((nfiles ? nfiles : 1) * sizeof *now);
    size_t nnow = 0;
    for (size_t f = 0; f < nfiles; f++) {
        if (f == 0) {
            lsp_publish_one(srv, doc->uri, per[f], doc->version);
            continue;
        }
        const char *path = ld_file_path(doc->s, f);
        char *uri = lsp_doc_of_path(srv, path) ? NULL : lsp_uri_of_path(srv, path);
        if (!uri || (json_array_size(per[f]) == 0 && !lsp_in_list(doc->published, doc->npublished, uri))) {
            json_decref(per[f]);
            free(uri);
            continue;
        }
        if (json_array_size(per[f]) > 0)
            now[nnow++] = strcpy(cli_xmalloc(strlen(uri) + 1), uri);
        lsp_publish_one(srv, uri, per[f], -1);
        free(uri);
    }
    for (size_t k = 0; k < doc->npublished; k++)
        if (!lsp_in_list(now, nnow, doc->published[k]))
            lsp_publish_one(srv, doc->published[k], json_array(), -1);
    lsp_free_list(doc->published, doc->npublished);
    doc->published = now;
    doc->npublished = nnow;
    free(per);
}

/* Checks doc again from its text and publishes its diagnostics. */
static void lsp_doc_check(struct lsp_server *srv, struct lsp_doc *doc)
{
    lsp_doc_drop_session(doc);
    ld_config config = {0};
    config.load = lsp_load;
    config.load_ud = doc;
    config.index = 1;
    config.diag.keep_all = 1;
    doc->s = ld_session_new(&config);
    if (!doc->s || ld_session_add_file(doc->s, doc->path) == LD_ENOMEM || ld_check(doc->s) == LD_ENOMEM) {
        fputs("ladderc: error: out of memory\n", stderr);
        exit(2);
    }
    doc->dirty = false;
    lsp_publish(srv, doc);
    if (srv->timing)
        fprintf(stderr, "ladderc lsp: checked %zu bytes in %.3f ms (%.3f ms of CPU)\n", doc->text.len,
                lsp_ms_since(CLOCK_MONOTONIC, &doc->changed), lsp_ms_since(CLOCK_PROCESS_CPUTIME_ID, &doc->changed_cpu));
}

static void lsp_check_dirty(struct lsp_server *srv)
{
    for (size_t i = 0; i < srv->ndocs; i++)
        if (srv->docs[i]->dirty)
            lsp_doc_check(srv, srv->docs[i]);
}

static void lsp_doc_free(struct lsp_doc *doc)
{
    lsp_doc_drop_session(doc);
    free(doc->loaded);
    lsp_free_list(doc->published, doc->npublished);
    lsp_buf_free(&doc->text);
    free(doc->uri);
    free(doc->path);
    free(doc->real);
    free(doc);
}

/* ---- parameters ---- */

static const char *lsp_param_uri(json_t *params)
{
    json_t *td = json_object_get(params, "textDocument");
    json_t *uri = json_object_get(td, "uri");
    if (!json_is_string(uri) || strlen(json_string_value(uri)) != json_string_length(uri))
        return NULL;
    return json_string_value(uri);
}

struct lsp_doc *lsp_param_doc(struct lsp_server *srv, json_t *id, json_t *params)
{
    const char *uri = lsp_param_uri(params);
    if (!uri) {
        lsp_error_to(srv, id, LSP_INVALID_PARAMS, "textDocument.uri is missing");
        return NULL;
    }
    struct lsp_doc *doc = lsp_doc_find(srv, uri);
    if (!doc) {
        lsp_error_to(srv, id, LSP_INVALID_PARAMS, "the document is not open (textDocument/didOpen)");
        return NULL;
    }
    return doc;
}

struct lsp_doc *lsp_param_doc_pos(struct lsp_server *srv, json_t *id, json_t *params, struct lsp_pos *pos)
{
    struct lsp_doc *doc = lsp_param_doc(srv, id, params);
    if (doc && !lsp_param_pos(json_object_get(params, "position"), pos)) {
        lsp_error_to(srv, id, LSP_INVALID_PARAMS, "position is missing or not a position");
        return NULL;
    }
    return doc;
}

static bool lsp_get_long(json_t *obj, const char *key, long *v)
{
    json_t *x = json_object_get(obj, key);
    if (!json_is_integer(x) || json_integer_value(x) < 0 || json_integer_value(x) > 0x7fffffff)
        return false;
    *v = (long)json_integer_value(x);
    return true;
}

bool lsp_param_pos(json_t *obj, struct lsp_pos *p)
{
    return json_is_object(obj) && lsp_get_long(obj, "line", &p->line) && lsp_get_long(obj, "character", &p->character);
}

/* ---- notifications about documents ---- */

static void lsp_did_open(struct lsp_server *srv, json_t *params)
{
    const char *uri = lsp_param_uri(params);
    json_t *text = json_object_get(json_object_get(params, "textDocument"), "text");
    if (!uri || !json_is_string(text))
        return;
    struct lsp_doc *doc = lsp_doc_find(srv, uri);
    if (!doc) {
        doc = cli_xmalloc(sizeof *doc);
        memset(doc, 0, sizeof *doc);
        doc->srv = srv;
        doc->uri = strcpy(cli_xmalloc(strlen(uri) + 1), uri);
        doc->path = lsp_uri_to_path(uri);
        if (!doc->path)
            doc->path = strcpy(cli_xmalloc(strlen(uri) + 1), uri);
        doc->real = doc->path[0] == '/' ? realpath(doc->path, NULL) : NULL;
        if (srv->ndocs == srv->capdocs) {
            srv->capdocs = srv->capdocs ? srv->capdocs * 2 : 8;
            struct lsp_doc **d = realloc(srv->docs, srv->capdocs * sizeof *d);
            if (!d) {
                fputs("ladderc: error: out of memory\n", stderr);
                exit(2);
            }
            srv->docs = d;
        }
        srv->docs[srv->ndocs++] = doc;
    }
    long version = 0;
    lsp_get_long(json_object_get(params, "textDocument"), "version", &version);
    doc->version = version;
    lsp_buf_set(&doc->text, json_string_value(text), json_string_length(text));
    lsp_doc_touch(srv, doc);
}

/* One entry of contentChanges: a range and its new text, or the whole text. */
static void lsp_apply_change(struct lsp_server *srv, struct lsp_doc *doc, json_t *change)
{
    json_t *text = json_object_get(change, "text");
    if (!json_is_string(text))
        return;
    json_t *range = json_object_get(change, "range");
    if (!range) {
        lsp_buf_set(&doc->text, json_string_value(text), json_string_length(text));
        return;
    }
    struct lsp_pos a, b;
    if (!lsp_param_pos(json_object_get(range, "start"), &a) || !lsp_param_pos(json_object_get(range, "end"), &b))
        return;
    const char *t = doc->text.data ? doc->text.data : "";
    size_t from = lsp_offset_of_pos(t, doc->text.len, a, srv->enc);
    size_t to = lsp_offset_of_pos(t, doc->text.len, b, srv->enc);
    if (to < from)
        return;     /* an end before the start: no range, refused as the malformed ones are */
    lsp_buf_splice(&doc->text, from, to, json_string_value(text), json_string_length(text));
}

static void lsp_did_change(struct lsp_server *srv, json_t *params)
{
    const char *uri = lsp_param_uri(params);
    struct lsp_doc *doc = uri ? lsp_doc_find(srv, uri) : NULL;
    json_t *changes = json_object_get(params, "contentChanges");
    if (!doc || !json_is_array(changes))
        return;
    long version;
    if (lsp_get_long(json_object_get(params, "textDocument"), "version", &version))
        doc->version = version;
    size_t i;
    json_t *change;
    json_array_foreach(changes, i, change) lsp_apply_change(srv, doc, change);
    lsp_doc_drop_session(doc);  /* it read the old text: re-checked before any use */
    lsp_doc_touch(srv, doc);
}

static void lsp_did_close(struct lsp_server *srv, json_t *params)
{
    const char *uri = lsp_param_uri(params);
    struct lsp_doc *doc = uri ? lsp_doc_find(srv, uri) : NULL;
    if (!doc)
        return;
    lsp_doc_touch(srv, doc);    /* documents importing it read it from disk again */
    lsp_publish_one(srv, doc->uri, json_array(), -1);
    for (size_t k = 0; k < doc->npublished; k++)
        lsp_publish_one(srv, doc->published[k], json_array(), -1);
    for (size_t i = 0; i < srv->ndocs; i++)
        if (srv->docs[i] == doc) {
            srv->docs[i] = srv->docs[--srv->ndocs];
            break;
        }
    lsp_doc_free(doc);
}

/* ---- lifecycle ---- */

/* utf-8 when the client lists it among general.positionEncodings, else
 * the protocol's default, utf-16. */
static lsp_encoding lsp_negotiate(json_t *params)
{
    json_t *encs = json_object_get(json_object_get(json_object_get(params, "capabilities"), "general"),
                                   "positionEncodings");
    size_t i;
    json_t *e;
    json_array_foreach(encs, i, e) if (json_is_string(e) && strcmp(json_string_value(e), "utf-8") == 0) return LSP_UTF8;
    return LSP_UTF16;
}

static void lsp_initialize(struct lsp_server *srv, json_t *id, json_t *params)
{
    srv->enc = lsp_negotiate(params);
    srv->state = LSP_RUNNING;
    json_t *caps = json_pack("{s:s, s:{s:b, s:i}, s:b, s:b, s:b, s:{s:b}, s:b, s:{}, s:b, s:{s:[s]}}",
                             "positionEncoding", srv->enc == LSP_UTF8 ? "utf-8" : "utf-16", "textDocumentSync",
                             "openClose", 1, "change", 2, "hoverProvider", 1, "definitionProvider", 1,
                             "referencesProvider", 1, "renameProvider", "prepareProvider", 1,
                             "documentFormattingProvider", 1, "completionProvider", "documentSymbolProvider", 1,
                             "codeActionProvider", "codeActionKinds", "quickfix");
    lsp_reply_to(srv, id, json_pack("{s:o, s:{s:s, s:s}}", "capabilities", caps, "serverInfo", "name", "ladderc",
                                    "version", LD_VERSION));
}

/* ---- dispatch ---- */

typedef void (*lsp_request_fn)(struct lsp_server *, json_t *, json_t *);

static const struct {
    const char *method;
    lsp_request_fn fn;
} lsp_requests[] = {
    {"textDocument/hover", lsp_hover},
    {"textDocument/definition", lsp_definition},
    {"textDocument/references", lsp_references},
    {"textDocument/prepareRename", lsp_prepare_rename},
    {"textDocument/rename", lsp_rename},
    {"textDocument/formatting", lsp_formatting},
    {"textDocument/completion", lsp_completion},
    {"textDocument/documentSymbol", lsp_document_symbol},
    {"textDocument/codeAction", lsp_code_action},
};

static void lsp_request(struct lsp_server *srv, const char *method, json_t *id, json_t *params)
{
    if (strcmp(method, "initialize") == 0) {
        if (srv->state == LSP_NEW)
            lsp_initialize(srv, id, params);
        else
            lsp_error_to(srv, id, LSP_INVALID_REQUEST, "initialize was already received");
        return;
    }
    if (srv->state == LSP_NEW) {
        lsp_error_to(srv, id, LSP_SERVER_NOT_INITIALIZED, "the server is not initialized yet");
        return;
    }
    if (srv->state == LSP_SHUT_DOWN) {
        lsp_error_to(srv, id, LSP_INVALID_REQUEST, "the server is shut down: only exit is accepted");
        return;
    }
    if (strcmp(method, "shutdown") == 0) {
        srv->state = LSP_SHUT_DOWN;
        lsp_reply_to(srv, id, NULL);
        return;
    }
    for (size_t i = 0; i < sizeof lsp_requests / sizeof *lsp_requests; i++)
        if (strcmp(method, lsp_requests[i].method) == 0) {
            lsp_check_dirty(srv);   /* answers are about the text as it is now */
            lsp_requests[i].fn(srv, id, params);
            return;
        }
    lsp_error_to(srv, id, LSP_METHOD_NOT_FOUND, "unknown method");
}

static void lsp_notification(struct lsp_server *srv, const char *method, json_t *params)
{
    if (strcmp(method, "exit") == 0) {
        srv->exit_status = srv->state == LSP_SHUT_DOWN ? 0 : 1;
        return;
    }
    if (srv->state != LSP_RUNNING)
        return;     /* before initialize and after shutdown, notifications are dropped */
    if (strcmp(method, "textDocument/didOpen") == 0)
        lsp_did_open(srv, params);
    else if (strcmp(method, "textDocument/didChange") == 0)
        lsp_did_change(srv, params);
    else if (strcmp(method, "textDocument/didClose") == 0)
        lsp_did_close(srv, params);
    /* initialized, didSave, $/cancelRequest, $/setTrace and the unknown ones: nothing to do */
}

/* One message body: a request, a notification, or something to refuse. */
static void lsp_handle(struct lsp_server *srv, const char *body, size_t len)
{
    json_error_t err;
    json_t *msg = json_loadb(body, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
    if (!msg) {
        char why[300];
        snprintf(why, sizeof why, "parse error: %s (line %d, column %d)", err.text, err.line, err.column);
        lsp_error_to(srv, NULL, LSP_PARSE_ERROR, why);
        return;
    }
    if (!json_is_object(msg)) {
        lsp_error_to(srv, NULL, LSP_INVALID_REQUEST,
                     json_is_array(msg) ? "batches are not supported" : "a message is a JSON object");
        json_decref(msg);
        return;
    }
    json_t *id = json_object_get(msg, "id");
    json_t *method = json_object_get(msg, "method");
    json_t *version = json_object_get(msg, "jsonrpc");
    bool good_id = !id || json_is_integer(id) || json_is_string(id) || json_is_null(id);
    if (!method && id && (json_object_get(msg, "result") || json_object_get(msg, "error"))) {
        json_decref(msg);   /* a response: the server sends no requests, so it answers none */
        return;
    }
    if (!good_id || !json_is_string(method) || !json_is_string(version) ||
        strcmp(json_string_value(version), "2.0") != 0) {
        lsp_error_to(srv, good_id ? id : NULL, LSP_INVALID_REQUEST,
                     "not a JSON-RPC 2.0 request or notification");
        json_decref(msg);
        return;
    }
    json_t *params = json_object_get(msg, "params");
    if (id)
        lsp_request(srv, json_string_value(method), id, params);
    else
        lsp_notification(srv, json_string_value(method), params);
    json_decref(msg);
}

static void lsp_server_free(struct lsp_server *srv)
{
    for (size_t i = 0; i < srv->ndocs; i++)
        lsp_doc_free(srv->docs[i]);
    free(srv->docs);
    files_loader_free(&srv->disk);
}

int lsp_serve(struct lsp_in *in, FILE *out)
{
    struct lsp_server srv = {.in = in, .out = out, .exit_status = -1};
    files_loader_init(&srv.disk, NULL);
    srv.timing = getenv("LADDERC_LSP_TIMING") != NULL;
    while (srv.exit_status < 0 && !srv.write_failed) {
        if (!lsp_in_pending(in))
            lsp_check_dirty(&srv);  /* nothing waiting: the changes so far are all there is */
        char *body;
        size_t len;
        const char *why;
        lsp_read r = lsp_read_message(in, &body, &len, &why);
        clock_gettime(CLOCK_MONOTONIC, &srv.read_at);
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &srv.read_cpu);
        if (r == LSP_READ_EOF) {
            lsp_check_dirty(&srv);  /* input from a regular file is always "waiting": its changes are checked here */
            break;
        }
        if (r == LSP_READ_BAD) {
            lsp_error_to(&srv, NULL, LSP_PARSE_ERROR, why);
            continue;
        }
        lsp_handle(&srv, body, len);
        free(body);
    }
    lsp_server_free(&srv);
    return srv.exit_status >= 0 ? srv.exit_status : 1;
}

int lsp_main(int argc, char **argv)
{
    if (argc > 1 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
        fputs(lsp_usage, stdout);
        return 0;
    }
    /* --stdio: what VS Code's language client passes for this transport */
    if (argc > 2 || (argc == 2 && strcmp(argv[1], "--stdio") != 0)) {
        fprintf(stderr, "ladderc: error: lsp takes no arguments\n%s", lsp_usage);
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);   /* an editor that went away is a failed write, not a kill */
    struct lsp_in *in = cli_xmalloc(sizeof *in);
    lsp_in_fd(in, 0);
    int rc = lsp_serve(in, stdout);
    free(in);
    return rc;
}
