/* lsp.h - `ladderc lsp`: the language server (docs/language.md, "The
 * language server"). */
#ifndef LADDERC_LSP_H
#define LADDERC_LSP_H

#include <stdio.h>

#include "lsp_rpc.h"

extern const char lsp_usage[];

/* argv[0] is the command's name; returns the exit status. */
int lsp_main(int argc, char **argv);

/* Serves the messages of in, writing to out, until `exit` or the end of
 * the input: 0 after shutdown and exit, 1 otherwise (the protocol's rule).
 * The fuzzer calls it on bytes in memory. */
int lsp_serve(struct lsp_in *in, FILE *out);

#endif
