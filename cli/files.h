/* files.h - reading files for the command line, and its loader for the
 * library (ld_load_fn): the library reads nothing itself. */
#ifndef LADDERC_CLI_FILES_H
#define LADDERC_CLI_FILES_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#include "heap.h"
#include "ladder.h"

/* Standard input that is not a regular file (a pipe, a terminal, a device)
 * is refused beyond this: its size is unknown, so it is read into a buffer
 * that doubles, and an endless one (/dev/zero) must stop early. */
#define FILES_MAX_STREAM_BYTES ((size_t)1 << 28)

/* A file's bytes, followed by two NULs. */
struct files_text {
    struct heap *heap;
    char *text;
    size_t len;
};

/* Reads path. Only a regular file is read (a FIFO, a device, /dev/stdin
 * are refused: "not a regular file"), within SOURCE_MAX_BYTES. Returns 0,
 * or -1 with a reason ("No such file or directory", "file is larger than
 * 1 GiB") in err. */
int files_read(struct files_text *t, struct heap *heap, const char *path, char *err, size_t errsz);
/* Standard input: anything, within FILES_MAX_STREAM_BYTES when it is not a
 * regular file. */
int files_read_stdin(struct files_text *t, struct heap *heap, char *err, size_t errsz);
void files_text_free(struct files_text *t);

/* The loader of one session: a root as given, "std/NAME" from
 * share/ladderc/std/ beside the executable, any other path from disk; each
 * file's key is its canonical path (realpath), so that a file reached
 * through a link is read once. The
 * first call for root is the root's: when it fails, root_failed and
 * root_why say so (the command line reports an unreadable FILE itself, with
 * exit status 2, as before imports existed). Root "-" is standard input,
 * which the command line reads itself: a file "-" it imports is an import. */
struct files_loader {
    struct heap heap;           /* the texts handed to the library, until it releases them */
    const char *root;
    size_t calls;
    bool root_failed;
    char root_why[256];
    const char *root_text;      /* the root's bytes, lent to the session (fmt compares */
    size_t root_len;            /* them with its output): valid while the session is */
    bool std_dir_known;
    char std_dir[PATH_MAX];
    char key[PATH_MAX];         /* the last file's canonical path: its key */
};

/* Its memory is the command line's (out of memory exits 2). */
void files_loader_init(struct files_loader *l, const char *root);
void files_loader_free(struct files_loader *l);
int files_load(void *ud, const char *path, ld_source *out);

#endif
