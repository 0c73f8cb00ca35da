/* lsp_names.c - the language server's requests about names (definition,
 * references, rename, from the library's index: ld_refs, ld_rename), the
 * text (formatting: ld_format) and diagnostics (hover on a diagnostic:
 * the `explain` text of its code). */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "lsp_server.h"

/* The name under the cursor: its kind, text and place in the document. */
struct lsp_name {
    ld_name_kind kind;
    char *name;
    int line, column, end_line, end_column;
};

/* The name written at pos in doc, from the index (ld_name_at): false when none. */
static bool lsp_name_at(struct lsp_doc *doc, struct lsp_pos pos, struct lsp_name *out)
{
    int line, col;
    lsp_pos_to_ld(doc->text.data ? doc->text.data : "", doc->text.len, pos, doc->srv->enc, &line, &col);
    ld_place p;
    if (!doc->s || line <= 0 || ld_name_at(doc->s, 0, line, col, &p) != LD_OK)
        return false;
    char *name = strcpy(cli_xmalloc(strlen(p.name) + 1), p.name);
    *out = (struct lsp_name){p.kind, name, p.line, p.column, p.end_line, p.end_column};
    return true;
}

/* The name at the request's position, or an answer of null (false). */
static bool lsp_request_name(struct lsp_server *srv, json_t *id, json_t *params, struct lsp_doc **doc,
                             struct lsp_name *name)
{
    struct lsp_pos pos;
    *doc = lsp_param_doc_pos(srv, id, params, &pos);
    if (!*doc)
        return false;
    if (!lsp_name_at(*doc, pos, name)) {
        lsp_reply_to(srv, id, NULL);
        return false;
    }
    return true;
}

static json_t *lsp_location(struct lsp_conv *c, const ld_place *p)
{
    char *uri = lsp_uri_of_path(c->doc->srv, ld_file_path(c->doc->s, p->file));
    if (!uri)
        return NULL;
    json_t *loc = json_pack("{s:s, s:o}", "uri", uri, "range",
                            lsp_conv_range(c, p->file, p->line, p->column, p->end_line, p->end_column));
    free(uri);
    return loc;
}

/* The places of name: definitions only, or all (with or without them). */
static void lsp_places(struct lsp_server *srv, json_t *id, struct lsp_doc *doc, struct lsp_name *name,
                       bool definitions, bool uses)
{
    const ld_place *places;
    size_t n;
    if (ld_refs(doc->s, name->kind, name->name, &places, &n) != LD_OK) {
        lsp_reply_to(srv, id, NULL);
        return;
    }
    struct lsp_conv c;
    lsp_conv_init(&c, doc);
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++)
        if (places[i].definition ? definitions : uses) {
            json_t *loc = lsp_location(&c, &places[i]);
            if (loc)
                json_array_append_new(arr, loc);
        }
    lsp_conv_free(&c);
    lsp_reply_to(srv, id, arr);
}

void lsp_definition(struct lsp_server *srv, json_t *id, json_t *params)
{
    struct lsp_doc *doc;
    struct lsp_name name;
    if (!lsp_request_name(srv, id, params, &doc, &name))
        return;
    lsp_places(srv, id, doc, &name, true, false);
    free(name.name);
}

void lsp_references(struct lsp_server *srv, json_t *id, json_t *params)
{
    struct lsp_doc *doc;
    struct lsp_name name;
    if (!lsp_request_name(srv, id, params, &doc, &name))
        return;
    bool decl = json_is_true(json_object_get(json_object_get(params, "context"), "includeDeclaration"));
    lsp_places(srv, id, doc, &name, decl, true);
    free(name.name);
}

static json_t *lsp_name_range(struct lsp_doc *doc, const struct lsp_name *name)
{
    struct lsp_conv c;
    lsp_conv_init(&c, doc);
    json_t *r = lsp_conv_range(&c, 0, name->line, name->column, name->end_line, name->end_column);
    lsp_conv_free(&c);
    return r;
}

void lsp_prepare_rename(struct lsp_server *srv, json_t *id, json_t *params)
{
    struct lsp_doc *doc;
    struct lsp_name name;
    if (!lsp_request_name(srv, id, params, &doc, &name))
        return;
    if (name.kind == LD_NAME_LEVEL)
        lsp_error_to(srv, id, LSP_REQUEST_FAILED, "levels are not renamed (they are a scale, not names)");
    else
        lsp_reply_to(srv, id, json_pack("{s:o, s:s}", "range", lsp_name_range(doc, &name), "placeholder", name.name));
    free(name.name);
}

/* A whole-file edit: from the start of the old text to its end. */
static json_t *lsp_whole_edit(struct lsp_server *srv, const char *old, size_t oldlen, const char *text, size_t len)
{
    struct lsp_pos end = lsp_pos_of_offset(old, oldlen, oldlen, srv->enc);
    return json_pack("{s:{s:o, s:o}, s:s%}", "range", "start", lsp_json_pos((struct lsp_pos){0, 0}), "end",
                     lsp_json_pos(end), "newText", text, len);
}

void lsp_rename(struct lsp_server *srv, json_t *id, json_t *params)
{
    json_t *new_name = json_object_get(params, "newName");
    if (!json_is_string(new_name) || strlen(json_string_value(new_name)) != json_string_length(new_name)) {
        lsp_error_to(srv, id, LSP_INVALID_PARAMS, "newName is missing");
        return;
    }
    struct lsp_doc *doc;
    struct lsp_name name;
    if (!lsp_request_name(srv, id, params, &doc, &name))
        return;
    const ld_change *changes;
    size_t n;
    if (ld_rename(doc->s, name.kind, name.name, json_string_value(new_name), &changes, &n) != LD_OK) {
        lsp_error_to(srv, id, LSP_REQUEST_FAILED, ld_message(doc->s));
        free(name.name);
        return;
    }
    json_t *edits = json_object();
    for (size_t i = 0; i < n; i++) {
        char *uri = lsp_uri_of_path(srv, ld_file_path(doc->s, changes[i].file));
        if (!uri)
            continue;
        const char *old;
        size_t oldlen;
        lsp_file_text(doc, changes[i].file, &old, &oldlen);
        json_object_set_new(edits, uri,
                            json_pack("[o]", lsp_whole_edit(srv, old, oldlen, changes[i].text.data,
                                                            changes[i].text.len)));
        free(uri);
    }
    lsp_reply_to(srv, id, json_pack("{s:o}", "changes", edits));
    free(name.name);
}

void lsp_formatting(struct lsp_server *srv, json_t *id, json_t *params)
{
    struct lsp_doc *doc = lsp_param_doc(srv, id, params);
    if (!doc)
        return;
    const char *text = doc->text.data ? doc->text.data : "";
    ld_session *s = ld_session_new(NULL);
    ld_text out;
    json_t *edits = json_array();
    if (s && ld_session_add_text(s, doc->path, text, doc->text.len) == LD_OK && ld_parse(s) == LD_OK &&
        ld_format(s, 0, &out) == LD_OK && (out.len != doc->text.len || memcmp(out.data, text, out.len) != 0))
        json_array_append_new(edits, lsp_whole_edit(srv, text, doc->text.len, out.data, out.len));
    ld_session_free(s);
    lsp_reply_to(srv, id, edits);   /* none: formatted already, or syntax errors (as ladderc fmt) */
}

/* The explanations of the codes of the diagnostics of doc's file whose
 * span holds line:col, appended to md. */
static void lsp_hover_codes(struct lsp_doc *doc, int line, int col, struct lsp_buf *md)
{
    const char *root = ld_file_path(doc->s, 0);
    for (size_t i = 0; i < ld_diagnostic_count(doc->s); i++) {
        ld_diagnostic d;
        if (ld_diagnostic_get(doc->s, i, &d) != LD_OK || !d.code || !d.file || strcmp(d.file, root) != 0)
            continue;
        bool after_start = line > d.line || (line == d.line && col >= d.column);
        bool before_end = line < d.end_line || (line == d.end_line && col <= d.end_column);
        const char *explain = ld_explain(d.code);
        if (!after_start || !before_end || !explain)
            continue;
        static const char rule[] = "\n\n---\n\n";
        if (md->len)
            lsp_buf_splice(md, md->len, md->len, rule, sizeof rule - 1);
        lsp_buf_splice(md, md->len, md->len, "`ladderc explain ", 17);
        lsp_buf_splice(md, md->len, md->len, d.code, strlen(d.code));
        lsp_buf_splice(md, md->len, md->len, "`\n\n", 4);
        lsp_buf_splice(md, md->len, md->len, explain, strlen(explain));
    }
}

/* Hover: the name under the cursor (ld_hover: a role's track, levels,
 * rungs, moves...), then the explanation of each diagnostic there. */
void lsp_hover(struct lsp_server *srv, json_t *id, json_t *params)
{
    struct lsp_pos pos;
    struct lsp_doc *doc = lsp_param_doc_pos(srv, id, params, &pos);
    if (!doc)
        return;
    int line, col;
    lsp_pos_to_ld(doc->text.data ? doc->text.data : "", doc->text.len, pos, srv->enc, &line, &col);
    struct lsp_buf md = {0};
    struct lsp_name name;
    json_t *range = NULL;
    ld_text text;
    if (lsp_name_at(doc, pos, &name)) {
        if (ld_hover(doc->s, name.kind, name.name, &text) == LD_OK) {
            lsp_buf_splice(&md, 0, 0, text.data, text.len);
            range = lsp_name_range(doc, &name);
        }
        free(name.name);
    }
    lsp_hover_codes(doc, line, col, &md);
    if (!md.len) {
        json_decref(range);
        lsp_reply_to(srv, id, NULL);
        return;
    }
    json_t *result = json_pack("{s:{s:s, s:s%}}", "contents", "kind", "markdown", "value", md.data, md.len);
    if (range)
        json_object_set_new(result, "range", range);
    lsp_buf_free(&md);
    lsp_reply_to(srv, id, result);
}
