/* lsp_query.c - the language server's requests answered by the library's
 * editor queries (include/ladder.h, "editors: what is at a position"):
 * completion (ld_complete), the outline (ld_outline) and quick fixes
 * (ld_diagnostic_fix). This file only turns their answers into protocol
 * messages. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "lsp_server.h"

/* CompletionItemKind for a name's kind */
static int lsp_completion_kind(const ld_completion *c)
{
    if (c->is_keyword)
        return 14;      /* Keyword */
    switch (c->kind) {
    case LD_NAME_ROLE: return 7;            /* Class */
    case LD_NAME_TRACK: return 9;           /* Module */
    case LD_NAME_BOX: return 22;            /* Struct */
    case LD_NAME_COMPANY: return 9;         /* Module */
    case LD_NAME_LEVEL: return 20;          /* EnumMember */
    case LD_NAME_COMPETENCY: return 10;     /* Property */
    default: return 1;                      /* Text */
    }
}

/* SymbolKind for an outline entry */
static int lsp_symbol_kind(const ld_symbol *s)
{
    if (s->rung)
        return 22;      /* EnumMember */
    switch (s->kind) {
    case LD_NAME_ROLE: return 5;            /* Class */
    case LD_NAME_TRACK: return 3;           /* Namespace */
    case LD_NAME_BOX: return 4;             /* Package */
    case LD_NAME_COMPANY: return 2;         /* Module */
    case LD_NAME_COMPETENCY: return 7;      /* Property */
    default: return 13;                     /* Variable */
    }
}

void lsp_completion(struct lsp_server *srv, json_t *id, json_t *params)
{
    struct lsp_pos pos;
    struct lsp_doc *doc = lsp_param_doc_pos(srv, id, params, &pos);
    if (!doc)
        return;
    int line, col;
    lsp_pos_to_ld(doc->text.data ? doc->text.data : "", doc->text.len, pos, srv->enc, &line, &col);
    const ld_completion *items;
    size_t n = 0;
    json_t *arr = json_array();
    if (line > 0 && ld_complete(doc->s, 0, line, col, &items, &n) == LD_OK)
        for (size_t i = 0; i < n; i++) {
            json_t *item = json_pack("{s:s, s:i}", "label", items[i].label, "kind", lsp_completion_kind(&items[i]));
            if (items[i].detail && items[i].detail[0])
                json_object_set_new(item, "detail", json_string(items[i].detail));
            json_array_append_new(arr, item);
        }
    lsp_reply_to(srv, id, arr);
}

/* The outline: ld_outline's list, each symbol under its parent (a rung
 * under its competency). */
void lsp_document_symbol(struct lsp_server *srv, json_t *id, json_t *params)
{
    struct lsp_doc *doc = lsp_param_doc(srv, id, params);
    if (!doc)
        return;
    const ld_symbol *syms;
    size_t n = 0;
    json_t *top = json_array();
    if (ld_outline(doc->s, 0, &syms, &n) != LD_OK || n == 0) {
        lsp_reply_to(srv, id, top);
        return;
    }
    json_t **made = cli_xmalloc(n * sizeof *made);
    struct lsp_conv c;
    lsp_conv_init(&c, doc);
    for (size_t i = 0; i < n; i++) {
        const ld_symbol *s = &syms[i];
        json_t *sym = json_pack("{s:s, s:i, s:o, s:o, s:[]}", "name", s->name && s->name[0] ? s->name : s->id,
                                "kind", lsp_symbol_kind(s), "range",
                                lsp_conv_range(&c, 0, s->line, s->column, s->end_line, s->end_column),
                                "selectionRange",
                                lsp_conv_range(&c, 0, s->name_line, s->name_column, s->name_end_line,
                                               s->name_end_column),
                                "children");
        if (s->detail && s->detail[0])
            json_object_set_new(sym, "detail", json_string(s->detail));
        made[i] = sym;
        /* a parent comes before its children: the list is in order of position */
        if (s->parent < i)
            json_array_append_new(json_object_get(made[s->parent], "children"), sym);
        else
            json_array_append_new(top, sym);
    }
    lsp_conv_free(&c);
    free(made);
    lsp_reply_to(srv, id, top);
}

static bool lsp_overlaps(int l1, int c1, int el1, int ec1, int l2, int c2, int el2, int ec2)
{
    bool starts_before_end = l1 < el2 || (l1 == el2 && c1 <= ec2);
    bool ends_after_start = el1 > l2 || (el1 == l2 && ec1 >= c2);
    return starts_before_end && ends_after_start;
}

/* Quick fixes: for each diagnostic of the document within the range that
 * suggests a replacement ("did you mean 'ic'?"), an edit making it. */
void lsp_code_action(struct lsp_server *srv, json_t *id, json_t *params)
{
    struct lsp_doc *doc = lsp_param_doc(srv, id, params);
    if (!doc)
        return;
    json_t *range = json_object_get(params, "range");
    struct lsp_pos a, b;
    if (!lsp_param_pos(json_object_get(range, "start"), &a) || !lsp_param_pos(json_object_get(range, "end"), &b)) {
        lsp_error_to(srv, id, LSP_INVALID_PARAMS, "range is missing or not a range");
        return;
    }
    const char *text = doc->text.data ? doc->text.data : "";
    int l1, c1, l2, c2;
    lsp_pos_to_ld(text, doc->text.len, a, srv->enc, &l1, &c1);
    lsp_pos_to_ld(text, doc->text.len, b, srv->enc, &l2, &c2);
    const char *root = ld_file_path(doc->s, 0);
    json_t *actions = json_array();
    struct lsp_conv c;
    lsp_conv_init(&c, doc);
    for (size_t i = 0; i < ld_diagnostic_count(doc->s); i++) {
        ld_diagnostic d;
        ld_fix fix;
        if (ld_diagnostic_get(doc->s, i, &d) != LD_OK || !d.file || strcmp(d.file, root) != 0 ||
            !lsp_overlaps(d.line, d.column, d.end_line, d.end_column, l1, c1, l2, c2) ||
            ld_diagnostic_fix(doc->s, i, &fix) != LD_OK)
            continue;
        char *uri = lsp_uri_of_path(srv, ld_file_path(doc->s, fix.file));
        if (!uri)
            continue;
        json_t *edit = json_pack("{s:o, s:s}", "range",
                                 lsp_conv_range(&c, fix.file, fix.line, fix.column, fix.end_line, fix.end_column),
                                 "newText", fix.text);
        json_t *diag = json_pack("{s:o, s:s, s:s}", "range",
                                 lsp_conv_range(&c, 0, d.line, d.column, d.end_line, d.end_column), "message",
                                 d.message, "code", d.code ? d.code : "");
        json_t *act = json_pack("{s:s+++, s:s, s:b, s:[o], s:{s:{s:[o]}}}", "title", "Change to '", fix.text, "'",
                                "", "kind", "quickfix", "isPreferred", 1, "diagnostics", diag, "edit", "changes",
                                uri, edit);
        json_array_append_new(actions, act);
        free(uri);
    }
    lsp_conv_free(&c);
    lsp_reply_to(srv, id, actions);
}
