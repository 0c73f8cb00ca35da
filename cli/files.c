/* files.c - the command line's files: reading them from disk or standard
 * input (only regular files, within limits), and the loader the library
 * calls for every root and import (the library itself opens nothing). */
#define _XOPEN_SOURCE 700     /* realpath */
#include "files.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "heap.h"
#include "source.h"

/* EAGAIN or EWOULDBLOCK (the same number on Linux, not by POSIX) */
static bool files_would_block(int e)
{
#if EAGAIN != EWOULDBLOCK
    if (e == EWOULDBLOCK)
        return true;
#endif
    return e == EAGAIN;
}

/* Reads fd to its end. size_hint: the file's size when known, so that a
 * regular file is read into one allocation of the right size (no doubling,
 * no copies: a 145 MB ladder would otherwise pass through buffers of 128 and
 * 256 MB). limit: the most bytes accepted; too_large: the message beyond it. */
/* may_wait: standard input, which may be a pipe left non-blocking by whoever
 * ran us; a file that says "try again" (/proc/kmsg, behind a .ladder link)
 * would block for ever, and is refused. */
static int files_read_fd(struct files_text *src, int fd, size_t size_hint, size_t limit, const char *too_large,
                          bool may_wait, char *err, size_t errsz)
{
    size_t cap = size_hint && size_hint <= limit ? size_hint + 3 : 64 * 1024, len = 0;
    char *text = heap_alloc(src->heap, cap);
    for (;;) {
        if (cap - len <= 2) {   /* room for at least one byte and the two NULs */
            if (cap >= limit + 2)
                break;
            cap = cap * 2 < limit + 3 ? cap * 2 : limit + 3;
            text = heap_realloc(src->heap, text, cap);
        }
        ssize_t n = read(fd, text + len, cap - len - 2);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && files_would_block(errno) && !may_wait) {
            snprintf(err, errsz, "reading it would wait for more: not a file to read");
            heap_free(src->heap, text);
            return -1;
        }
        if (n < 0 && files_would_block(errno)) {
            /* a standard input left non-blocking by whoever ran us */
            struct pollfd p = {.fd = fd, .events = POLLIN};
            poll(&p, 1, -1);
            continue;
        }
        if (n < 0) {
            snprintf(err, errsz, "%s", strerror(errno));
            heap_free(src->heap, text);
            return -1;
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    if (len > limit) {
        heap_free(src->heap, text);
        snprintf(err, errsz, "%s", too_large);
        return -1;
    }
    text[len] = text[len + 1] = '\0';
    src->text = text;
    src->len = len;
    return 0;
}

/* Standard input streams (a pipe, a terminal) within a lower limit than a
 * file: nothing tells its size, and a buffer that doubles may hold twice
 * what was read. A regular file redirected to it is a file. */
static int files_read_stdin_into(struct files_text *src, char *err, size_t errsz)
{
    struct stat st;
    if (fstat(0, &st) != 0) {
        snprintf(err, errsz, "%s", strerror(errno));
        return -1;
    }
    if (S_ISREG(st.st_mode))
        return files_read_fd(src, 0, (size_t)st.st_size, SOURCE_MAX_BYTES, "file is larger than 1 GiB", true, err,
                              errsz);
    if (S_ISDIR(st.st_mode)) {
        snprintf(err, errsz, "%s", strerror(EISDIR));
        return -1;
    }
    return files_read_fd(src, 0, 0, FILES_MAX_STREAM_BYTES,
                          "standard input is larger than 256 MiB (name the file, or redirect it: < FILE)", true, err,
                          errsz);
}

/* Why st is not a file to read, or NULL when it is one. */
static const char *files_not_regular(const struct stat *st)
{
    if (S_ISREG(st->st_mode))
        return NULL;
    return S_ISDIR(st->st_mode) ? strerror(EISDIR) : "not a regular file";
}

int files_read(struct files_text *src, struct heap *heap, const char *path, char *err, size_t errsz)
{
    memset(src, 0, sizeof *src);
    src->heap = heap;
    /* Only regular files: a FIFO would block, /dev/zero never ends, a
     * terminal waits for a user. stat first, so that a device is never even
     * opened; O_NONBLOCK, so that a FIFO put in the file's place meanwhile
     * does not block the open; fstat, to judge what was really opened. */
    struct stat st;
    const char *why;
    if (stat(path, &st) != 0) {
        snprintf(err, errsz, "%s", strerror(errno));
        return -1;
    }
    if ((why = files_not_regular(&st))) {
        snprintf(err, errsz, "%s", why);
        return -1;
    }
    int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errsz, "%s", strerror(errno));
        return -1;
    }
    int rc;
    if (fstat(fd, &st) != 0) {
        snprintf(err, errsz, "%s", strerror(errno));
        rc = -1;
    } else if ((why = files_not_regular(&st))) {
        snprintf(err, errsz, "%s", why);
        rc = -1;
    } else if ((unsigned long long)st.st_size > SOURCE_MAX_BYTES) {
        snprintf(err, errsz, "file is larger than 1 GiB");     /* said before a byte is read */
        rc = -1;
    } else {
        rc = files_read_fd(src, fd, (size_t)st.st_size, SOURCE_MAX_BYTES, "file is larger than 1 GiB", false, err,
                            errsz);
    }
    close(fd);
    return rc;
}

int files_read_stdin(struct files_text *t, struct heap *heap, char *err, size_t errsz)
{
    memset(t, 0, sizeof *t);
    t->heap = heap;
    return files_read_stdin_into(t, err, errsz);
}

void files_text_free(struct files_text *t)
{
    heap_free(t->heap, t->text);
    t->text = NULL;
}

/* ---- the loader ---- */

/* The shipped ladders: share/ladderc/std/ beside the executable's folder
 * (build/../share for an uninstalled build, PREFIX/bin/../share when
 * installed). Found from /proc/self/exe, never from the environment or
 * the working directory. NULL when it cannot be told. */
static const char *files_std_dir(struct files_loader *l)
{
    if (l->std_dir_known)
        return l->std_dir[0] ? l->std_dir : NULL;
    l->std_dir_known = true;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return NULL;
    slash[1] = '\0';
    size_t len = strlen(exe);
    if (len + sizeof "../share/ladderc/" > sizeof l->std_dir)
        return NULL;
    memcpy(l->std_dir, exe, len);
    memcpy(l->std_dir + len, "../share/ladderc/", sizeof "../share/ladderc/");
    return l->std_dir;
}

static void files_release(void *ud, const char *text, size_t len)
{
    (void)len;
    struct files_loader *l = ud;
    heap_free(&l->heap, (void *)text);
}

int files_load(void *ud, const char *path, ld_source *out)
{
    struct files_loader *l = ud;
    bool root = !l->calls++ && l->root && strcmp(path, l->root) == 0;
    const char *disk = path;
    char shipped[sizeof l->std_dir + PATH_MAX];
    if (!root && strncmp(path, "std/", 4) == 0) {
        const char *dir = files_std_dir(l);
        if (!dir) {
            snprintf(out->why, sizeof out->why, "cannot find the shipped ladders (share/ladderc/std/)");
            return -1;
        }
        if (strlen(dir) + strlen(path) >= sizeof shipped) {    /* no file has such a name */
            snprintf(out->why, sizeof out->why, "%s", strerror(ENAMETOOLONG));
            return -1;
        }
        size_t n = strlen(dir);
        memcpy(shipped, dir, n);
        memcpy(shipped + n, path, strlen(path) + 1);
        disk = shipped;
    }
    struct files_text t;
    if (files_read(&t, &l->heap, disk, out->why, sizeof out->why) != 0) {
        if (root) {
            l->root_failed = true;
            snprintf(l->root_why, sizeof l->root_why, "%s", out->why);
        }
        return -1;
    }
    out->text = t.text;
    out->len = t.len;
    out->release = files_release;
    /* two names of one file (a link, "a/../b") are one file to the session */
    if (realpath(disk, l->key))
        out->key = l->key;
    out->lend = 1;      /* files_read leaves two NULs after the bytes */
    if (root) {
        l->root_text = t.text;
        l->root_len = t.len;
    }
    return 0;
}

void files_loader_init(struct files_loader *l, const char *root)
{
    memset(l, 0, sizeof *l);
    cli_heap_init(&l->heap);
    /* "-" is standard input, which the command line reads itself: an
     * import of a file named "-" is an import like any other */
    l->root = root && strcmp(root, "-") != 0 ? root : NULL;
}

void files_loader_free(struct files_loader *l)
{
    heap_free_all(&l->heap);
}
