/* fuzz_lsp.c - libFuzzer target: the language server's message loop
 * (lsp_serve, cli/lsp.c) on arbitrary input.
 *
 * Build and run: make fuzz-lsp (FUZZ_SECONDS), make fuzz-lsp-smoke (the
 * seeds of tests/fuzz/lsp/ replayed, then a few hundred inputs; part of
 * make fuzz-smoke). tests/fuzz/fuzz.mk.
 *
 * An input that starts with "Content-Length" is the server's input as it
 * is, to fuzz the framing. Any other is message bodies separated by lines
 * "----", each framed with its right Content-Length after an initialize
 * request, so that the fuzzer spends its time on the handlers (documents,
 * edits and positions, every request) rather than on finding the framing.
 * The sanitizers (ASan, UBSan, LeakSanitizer) and the server's own bounds
 * are the checks: it must return for every input, without a crash or a
 * leak. The server's answers go to /dev/null. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lsp.h"

static const char fuzz_init[] = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}";

/* Appends body[0..n) to *buf with its header. */
static void fuzz_frame(char **buf, size_t *len, const char *body, size_t n)
{
    char head[64];
    int h = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", n);
    char *b = realloc(*buf, *len + (size_t)h + n);
    if (!b)
        abort();
    memcpy(b + *len, head, (size_t)h);
    memcpy(b + *len + (size_t)h, body, n);
    *buf = b;
    *len += (size_t)h + n;
}

static void fuzz_run(const char *bytes, size_t len)
{
    static FILE *out;
    if (!out && !(out = fopen("/dev/null", "w")))
        abort();
    struct lsp_in *in = malloc(sizeof *in);
    if (!in)
        abort();
    lsp_in_mem(in, bytes, len);
    lsp_serve(in, out);
    free(in);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char raw[] = "Content-Length";
    const char *text = (const char *)data;
    if (size >= sizeof raw - 1 && memcmp(text, raw, sizeof raw - 1) == 0) {
        fuzz_run(text, size);
        return 0;
    }
    char *buf = NULL;
    size_t len = 0;
    fuzz_frame(&buf, &len, fuzz_init, sizeof fuzz_init - 1);
    size_t start = 0;
    for (size_t i = 0; i <= size; i++) {
        bool sep = i + 5 <= size && memcmp(text + i, "\n----", 5) == 0 && (i + 5 == size || text[i + 5] == '\n');
        if (i == size || sep) {
            fuzz_frame(&buf, &len, text + start, i - start);
            if (sep)
                i += 5;
            start = i + 1;
        }
    }
    fuzz_run(buf, len);
    free(buf);
    return 0;
}
