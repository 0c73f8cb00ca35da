/* alloc.h - the command line's memory. The library takes its memory from
 * whatever allocator its embedder gives a heap (lib/heap.h); the command
 * line gives the C library's, and out of memory ends the process with
 * status 2 and one message, as any command-line tool would. */
#ifndef LADDERC_CLI_ALLOC_H
#define LADDERC_CLI_ALLOC_H

#include <stddef.h>

#include "heap.h"

/* A heap over malloc whose failures print "out of memory" and exit 2. */
void cli_heap_init(struct heap *h);

/* malloc that exits the same way. */
void *cli_xmalloc(size_t n);

#endif
