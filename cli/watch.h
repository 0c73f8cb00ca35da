/* watch.h - `ladderc build --watch`: build, then rebuild whenever FILE or
 * a file it imports changes, until Ctrl-C.
 *
 * The files are watched with inotify through their folders, not the files
 * themselves: an editor saves by writing a temporary file and renaming it
 * over the original, and `git checkout` deletes and recreates, both of
 * which end a watch on the file's own inode. Which files: the paths each
 * build asked its loader for (watch_wrap_loader), read or not, so that an
 * import that does not exist yet is picked up when it appears; the list is
 * taken again from every build, since imports come and go. */
#ifndef LADDERC_CLI_WATCH_H
#define LADDERC_CLI_WATCH_H

#include "files.h"
#include "ladder.h"

/* A rebuild waits until no event about a watched file came for
 * WATCH_QUIET_MS (one save is several events, a `git checkout` hundreds),
 * measured on the monotonic clock; while a file is being written (created
 * or modified, and not yet closed) it waits for the close, or for
 * WATCH_WRITE_WAIT_MS without an event, so that a slow writer is not read
 * half-written. */
enum { WATCH_QUIET_MS = 100, WATCH_WRITE_WAIT_MS = 2000 };

struct watch;

/* One build of FILE to OUT, as `ladderc build` does it (the diagnostics
 * printed, OUT replaced whole or left as it was), whose session reads
 * through watch_wrap_loader. Returns build's exit status: 0, 1 (errors),
 * 2 (a file that cannot be read or written). */
typedef int watch_build_fn(void *ud, struct watch *w);

/* Builds once, then rebuilds on every change until SIGINT, SIGTERM or
 * SIGHUP (one the caller ignores stays ignored), and returns 0; or 2 at
 * once when the first build returns 2 (nothing would fix it) or files
 * cannot be watched here. Each build ends with one status line on standard
 * error naming out (OUT, as given): "rebuilt", or the last good OUT kept.
 * The signals wait while a build runs, so that no output is ever half
 * written (SIGQUIT, Ctrl-\, does not: it ends the process at once, and
 * output.c removes a temporary file it leaves). */
int watch_main(const char *out, watch_build_fn *build, void *ud);

/* In cfg, the loader of files_loader l, noting each path it is asked for
 * (from the root on; the shipped std/ ladders are not watched). */
void watch_wrap_loader(struct watch *w, struct files_loader *l, ld_config *cfg);

#endif
