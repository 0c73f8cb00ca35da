/* lsp_rpc.h - the language server's wire: Content-Length framing over a
 * byte stream, and JSON-RPC 2.0 messages (jansson) written back.
 *
 * The reader is bounded: a header section of at most LSP_MAX_HEADER bytes,
 * a body of at most LSP_MAX_BODY bytes (a larger one is read and dropped,
 * never held), so no input makes the server hold more than that. */
#ifndef LADDERC_LSP_RPC_H
#define LADDERC_LSP_RPC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

#define LSP_MAX_BODY ((size_t)64 << 20)     /* 64 MB: a 10 MB ladder in JSON fits with room */
#define LSP_MAX_HEADER ((size_t)64 << 10)

/* JSON-RPC and LSP error codes */
enum {
    LSP_PARSE_ERROR = -32700,
    LSP_INVALID_REQUEST = -32600,
    LSP_METHOD_NOT_FOUND = -32601,
    LSP_INVALID_PARAMS = -32602,
    LSP_INTERNAL_ERROR = -32603,
    LSP_SERVER_NOT_INITIALIZED = -32002,
    LSP_REQUEST_FAILED = -32803,
};

/* Where messages come from: a file descriptor (the server's standard
 * input) or bytes in memory (the fuzzer). */
struct lsp_in {
    int fd;                 /* < 0: read mem */
    const char *mem;
    size_t memlen, mempos;
    bool eof;
    size_t start, end;
    char buf[1 << 16];
};

void lsp_in_fd(struct lsp_in *in, int fd);
void lsp_in_mem(struct lsp_in *in, const char *mem, size_t len);

/* Nonzero when more bytes can be read at once (buffered, or waiting on the
 * descriptor): the server then reads on before re-checking, so a burst of
 * changes costs one check. */
bool lsp_in_pending(struct lsp_in *in);

typedef enum lsp_read {
    LSP_READ_BODY,          /* *body (malloc'd, NUL after *len bytes) is one message */
    LSP_READ_BAD,           /* a header section without a usable Content-Length, or a body over
                             * LSP_MAX_BODY (read and dropped): why says which */
    LSP_READ_EOF,           /* the input ended (in a body: that body is lost) */
} lsp_read;

lsp_read lsp_read_message(struct lsp_in *in, char **body, size_t *len, const char **why);

/* Writes msg (not consumed) with its Content-Length header and flushes.
 * Returns 0, or -1 when out cannot be written. */
int lsp_write(FILE *out, json_t *msg);

/* The messages the server writes (each returns lsp_write's result). id is
 * the request's (a number, a string or JSON null); result is consumed. */
int lsp_reply(FILE *out, json_t *id, json_t *result);
int lsp_reply_error(FILE *out, json_t *id, int code, const char *message);
int lsp_notify(FILE *out, const char *method, json_t *params);

#endif
