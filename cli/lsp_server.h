/* lsp_server.h - the language server's state, shared by its documents and
 * diagnostics (lsp.c), its requests about names and text (lsp_names.c)
 * and those the library's editor queries answer (lsp_query.c). */
#ifndef LADDERC_LSP_SERVER_H
#define LADDERC_LSP_SERVER_H

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include <jansson.h>

#include "files.h"
#include "ladder.h"
#include "lsp_rpc.h"
#include "lsp_text.h"

/* At most this many diagnostics are published for one file (a 10 MB file
 * of mistakes would otherwise be a message of hundreds of MB). */
#define LSP_MAX_DIAGNOSTICS 1000

/* A file the session of a document read from disk: its bytes are lent by
 * the disk loader until the session is freed. */
struct lsp_loaded {
    char *path;
    const char *text;
    size_t len;
};

struct lsp_server;

/* An open document: its text as the editor has it, and a session checking
 * it (and what it imports) with the index of names. */
struct lsp_doc {
    struct lsp_server *srv;
    char *uri;
    char *path;                 /* the file's path (a file: URI), else the URI itself */
    char *real;                 /* realpath(path), or NULL */
    struct lsp_buf text;
    long version;
    ld_session *s;              /* NULL until checked, and after a change until re-checked */
    struct lsp_loaded *loaded;
    size_t nloaded, caploaded;
    bool dirty;
    struct timespec changed;    /* when the message that made it dirty was read */
    struct timespec changed_cpu;    /* the process's CPU time then */
    char **published;           /* imported files' URIs it published diagnostics for */
    size_t npublished;
};

enum lsp_state { LSP_NEW, LSP_RUNNING, LSP_SHUT_DOWN };

struct lsp_server {
    struct lsp_in *in;
    FILE *out;
    enum lsp_state state;
    int exit_status;            /* >= 0: exit with it */
    bool write_failed;
    lsp_encoding enc;
    struct lsp_doc **docs;
    size_t ndocs, capdocs;
    struct files_loader disk;   /* files not open in the editor, and std/ */
    bool timing;                /* LADDERC_LSP_TIMING: each re-check's time on stderr */
    struct timespec read_at;    /* when the message being handled was read */
    struct timespec read_cpu;   /* and the process's CPU time then */
};

/* The open document of uri, or NULL. */
struct lsp_doc *lsp_doc_find(struct lsp_server *srv, const char *uri);
/* The open document whose file is path (as a session names it), or NULL. */
struct lsp_doc *lsp_doc_of_path(struct lsp_server *srv, const char *path);
/* The bytes of file i of doc's session, as the session read them. */
void lsp_file_text(struct lsp_doc *doc, size_t i, const char **text, size_t *len);
/* The URI of a path as a session names it (malloc'd), or NULL (std/...). */
char *lsp_uri_of_path(struct lsp_server *srv, const char *path);

/* Positions of the files of one session, converted on demand. */
struct lsp_conv {
    struct lsp_doc *doc;
    struct lsp_lines *lines;
    bool *ready;
    size_t n;
};
void lsp_conv_init(struct lsp_conv *c, struct lsp_doc *doc);
void lsp_conv_free(struct lsp_conv *c);
/* {"start":..., "end":...} of a span of file i (library lines and columns). */
json_t *lsp_conv_range(struct lsp_conv *c, size_t i, int line, int col, int end_line, int end_col);
json_t *lsp_json_pos(struct lsp_pos p);

/* Request parameters: the document (an error is answered when it is not
 * open or not named) and the position. */
struct lsp_doc *lsp_param_doc(struct lsp_server *srv, json_t *id, json_t *params);
bool lsp_param_pos(json_t *obj, struct lsp_pos *p);
/* Both, for a request about a position (textDocument/hover...). */
struct lsp_doc *lsp_param_doc_pos(struct lsp_server *srv, json_t *id, json_t *params, struct lsp_pos *pos);

void lsp_reply_to(struct lsp_server *srv, json_t *id, json_t *result);
void lsp_error_to(struct lsp_server *srv, json_t *id, int code, const char *message);

/* the requests of lsp_names.c */
void lsp_definition(struct lsp_server *srv, json_t *id, json_t *params);
void lsp_references(struct lsp_server *srv, json_t *id, json_t *params);
void lsp_prepare_rename(struct lsp_server *srv, json_t *id, json_t *params);
void lsp_rename(struct lsp_server *srv, json_t *id, json_t *params);
void lsp_formatting(struct lsp_server *srv, json_t *id, json_t *params);
void lsp_hover(struct lsp_server *srv, json_t *id, json_t *params);
/* the requests of lsp_query.c */
void lsp_completion(struct lsp_server *srv, json_t *id, json_t *params);
void lsp_document_symbol(struct lsp_server *srv, json_t *id, json_t *params);
void lsp_code_action(struct lsp_server *srv, json_t *id, json_t *params);

#endif
