/* output.h - getting bytes out whole or not at all, and never further than
 * the user asked. */
#ifndef LADDERC_OUTPUT_H
#define LADDERC_OUTPUT_H

#include <stddef.h>

#include "buf.h"

/* Room enough for any message of this module: a path (PATH_MAX) escaped,
 * twice, and the words around it. */
#define OUTPUT_ERR_MAX 20000

enum output_flags {
    OUTPUT_ANY = 0,
    /* fmt -w: the path must be a regular file (or absent); a FIFO or a
     * device is refused, not written through. */
    OUTPUT_REGULAR_ONLY = 1,
};

/* Writes b to path through a temporary file in the same folder, renamed over
 * path only when every byte is on disk: a reader sees the old file or the new
 * one, never half. On failure the temporary file is removed, path is left as
 * it was, and err says why and names path. Returns 0 or -1.
 *
 * A symbolic link at path is followed (the file it points to is replaced,
 * the link stays), but only where the kernel's protected_symlinks rule would
 * let open() follow it: a link in a sticky, world-writable folder (/tmp),
 * at the end of path or on the way, is
 * followed only when it belongs to the user or to the folder's owner, and
 * an existing file there is replaced only on the same condition (the
 * protected_regular rule).
 * An existing file keeps its mode, owner and group; when they cannot be kept
 * (another user's file, for a user who is not root) it is not replaced.
 * While the temporary file exists, SIGINT, SIGTERM, SIGHUP and SIGQUIT remove it
 * before the process dies, and SIGXFSZ (ulimit -f) is a write error. A FIFO
 * or a device at path is written through, not replaced (unless flags has
 * OUTPUT_REGULAR_ONLY: then it is refused). */
int output_file(const char *path, const struct buf *b, int flags, char *err, size_t errsz);

/* Writes b to standard output and flushes; a full or closed output is an
 * error (-1, reason in err), not a silent truncation. */
int output_stdout(const struct buf *b, char *err, size_t errsz);

/* -1 (reason in err) when out names the same file as the input in (a path,
 * or "-" for standard input): the same device and inode, whether through
 * the same name, "./name", a symbolic link or a hard link. 0 otherwise,
 * also when out does not exist yet. */
int output_check_not_input(const char *out, const char *in, char *err, size_t errsz);

/* path as it may be shown on a terminal (escape_filename), NUL-terminated
 * in dst, cut to dstsz. */
void output_show_path(const char *path, char *dst, size_t dstsz);

#endif
