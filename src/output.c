/* output.c - the lockfile pattern (as in git's lockfile.c and tempfile.c):
 * temporary file beside the target, full write, fsync, rename; a signal
 * handler that removes the temporary file if the process is killed. */
#define _XOPEN_SOURCE 700
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "escape.h"
#include "util.h"

#define OUTPUT_MAX_LINKS 40     /* as the kernel's ELOOP limit */

/* ---- the one temporary file, for the signal handler ----
 *
 * A signal handler can reach nothing but globals: this is the only state of
 * the module. The path and the message are written before `active` is set,
 * with the signals blocked, so the handler never sees half of them. */
static struct {
    volatile sig_atomic_t active;
    char path[PATH_MAX + 32];
    char msg[OUTPUT_ERR_MAX];
    size_t msglen;
    struct sigaction saved[3];
} output_temp;

static const int output_signals[3] = {SIGINT, SIGTERM, SIGHUP};

static void output_on_signal(int sig)
{
    int saved = errno;
    if (output_temp.active) {
        unlink(output_temp.path);
        output_temp.active = 0;
        ssize_t k = write(2, output_temp.msg, output_temp.msglen);
        (void)k;
    }
    errno = saved;
    /* SA_RESETHAND put the default action back, SA_NODEFER lets it run now:
     * the parent sees the death by this signal, as without the handler */
    raise(sig);
}

static void output_block_signals(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    for (int i = 0; i < 3; i++)
        sigaddset(&set, output_signals[i]);
    sigprocmask(SIG_BLOCK, &set, old);
}

/* Called with the signals blocked. A signal the caller ignores (nohup's
 * SIGHUP) stays ignored. */
static void output_register_temp(const char *tmp, const char *shown)
{
    snprintf(output_temp.path, sizeof output_temp.path, "%s", tmp);
    int n = snprintf(output_temp.msg, sizeof output_temp.msg,
                     "ladderc: error: interrupted while writing '%s'; it is left as it was\n", shown);
    output_temp.msglen = n < 0 ? 0 : (size_t)n < sizeof output_temp.msg ? (size_t)n : sizeof output_temp.msg - 1;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = output_on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND | SA_NODEFER;
    for (int i = 0; i < 3; i++) {
        sigaction(output_signals[i], NULL, &output_temp.saved[i]);
        if (output_temp.saved[i].sa_handler != SIG_IGN)
            sigaction(output_signals[i], &sa, NULL);
    }
    output_temp.active = 1;
}

static void output_unregister_temp(void)
{
    output_temp.active = 0;
    for (int i = 0; i < 3; i++)
        sigaction(output_signals[i], &output_temp.saved[i], NULL);
}

/* ---- helpers ---- */

void output_show_path(const char *path, char *dst, size_t dstsz)
{
    struct buf b;
    buf_init(&b);
    escape_terminal(&b, path, strlen(path));
    snprintf(dst, dstsz, "%.*s", (int)(b.len < (size_t)INT_MAX ? b.len : 0), b.data ? b.data : "");
    buf_free(&b);
}

/* err = before + 'path' + after, the path escaped for a terminal */
static int output_fail(char *err, size_t errsz, const char *before, const char *path, const char *after)
{
    char shown[PATH_MAX * 2];
    output_show_path(path, shown, sizeof shown);
    snprintf(err, errsz, "%s'%s'%s", before, shown, after);
    return -1;
}

static int output_fail_errno(char *err, size_t errsz, const char *path, int e)
{
    char why[256];
    snprintf(why, sizeof why, ": %s", strerror(e));
    return output_fail(err, errsz, "cannot write ", path, why);
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t k = write(fd, p, n);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

/* The folder part of path, slash included ("" for a bare name). */
static size_t dir_len(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? (size_t)(slash - path) + 1 : 0;
}

/* "dir/.name.XXXXXX" beside path; a long name is cut so that the temporary
 * name stays within NAME_MAX (255). */
static char *temp_path_for(const char *path)
{
    size_t dirlen = dir_len(path);
    const char *base = path + dirlen;
    int baselen = strlen(base) > 200 ? 200 : (int)strlen(base);
    size_t n = dirlen + 1 + (size_t)baselen + sizeof ".XXXXXX";
    char *t = util_xmalloc(n);
    snprintf(t, n, "%.*s.%.*s.XXXXXX", (int)dirlen, path, baselen, base);
    return t;
}

/* ---- following symbolic links as the kernel would ---- */

/* The kernel's protected_symlinks and protected_regular rules (fs/namei.c,
 * may_follow_link and may_create_in_sticky): in a sticky, world-writable
 * folder, a link is followed, and an existing file opened to be written,
 * only when it belongs to the user or to the folder's owner. Applied
 * whether or not the sysctls are on, because we resolve links ourselves and
 * rename() over what they name, where the kernel checks neither. */
static bool may_use_in_shared_folder(const char *path, const struct stat *st)
{
    size_t n = dir_len(path);
    char *dir = util_xmalloc(n + 2);
    snprintf(dir, n + 2, "%.*s", n ? (int)n : 1, n ? path : ".");
    struct stat dst;
    bool ok = stat(dir, &dst) == 0;
    free(dir);
    if (!ok)
        return false;
    bool shared = (dst.st_mode & S_ISVTX) && (dst.st_mode & S_IWOTH);
    return !shared || st->st_uid == geteuid() || st->st_uid == dst.st_uid;
}

/* The target of the link at cur, as a path usable from here: relative
 * targets are relative to the link's folder. */
static char *link_target(const char *cur, const struct stat *lst)
{
    size_t cap = lst->st_size > 0 && lst->st_size < PATH_MAX ? (size_t)lst->st_size + 1 : PATH_MAX;
    char *t = util_xmalloc(cap);
    ssize_t k = readlink(cur, t, cap - 1);
    if (k < 0) {
        free(t);
        return NULL;
    }
    t[k] = '\0';
    if (t[0] == '/')
        return t;
    size_t dl = dir_len(cur);
    char *joined = util_xmalloc(dl + (size_t)k + 1);
    memcpy(joined, cur, dl);
    memcpy(joined + dl, t, (size_t)k + 1);
    free(t);
    return joined;
}

/* Follows the links at the end of path, one hop at a time, each under the
 * protected_symlinks rule. The folders on the way are left to the kernel
 * (mkstemp and rename walk them under its own rules). *out: the path of the
 * first component that is not a link (it may not exist). */
static int resolve_final_links(const char *path, char **out, char *err, size_t errsz)
{
    size_t n = strlen(path);
    char *cur = util_xmalloc(n + 1);
    memcpy(cur, path, n + 1);
    for (int hop = 0;; hop++) {
        struct stat lst;
        if (lstat(cur, &lst) != 0 || !S_ISLNK(lst.st_mode)) {
            *out = cur;
            return 0;
        }
        if (hop == OUTPUT_MAX_LINKS) {
            free(cur);
            return output_fail_errno(err, errsz, path, ELOOP);
        }
        if (!may_use_in_shared_folder(cur, &lst)) {
            char why[PATH_MAX * 2 + 256], shown[PATH_MAX * 2];
            output_show_path(cur, shown, sizeof shown);
            snprintf(why, sizeof why, ": the symbolic link '%s' is in a shared sticky folder and belongs to neither "
                     "you nor the folder's owner, so it is not followed (the kernel's protected_symlinks rule)", shown);
            free(cur);
            return output_fail(err, errsz, "refusing to write ", path, why);
        }
        char *next = link_target(cur, &lst);
        if (!next) {
            int e = errno;
            free(cur);
            return output_fail_errno(err, errsz, path, e);
        }
        free(cur);
        cur = next;
    }
}

/* ---- writing ---- */

/* A FIFO, a terminal, /dev/null: not a file to replace, so write to it. */
static int output_device(const char *path, const char *shown, const struct buf *b, char *err, size_t errsz)
{
    int fd = open(path, O_WRONLY | O_NOCTTY);
    int rc = fd < 0 ? -1 : write_all(fd, b->data ? b->data : "", b->len);
    int saved = errno;
    if (fd >= 0 && close(fd) != 0 && rc == 0) {
        rc = -1;
        saved = errno;
    }
    return rc == 0 ? 0 : output_fail_errno(err, errsz, shown, saved);
}

/* The temporary file gets what the file it replaces had: owner, group and
 * mode (owner first: chown clears the set-id bits). A new file gets what a
 * plain create would give. */
static int output_keep_attributes(int fd, const struct stat *old, const char *shown, char *err, size_t errsz)
{
    if (!old) {
        mode_t mask = umask(0);
        umask(mask);
        return fchmod(fd, 0666 & ~mask) == 0 ? 0 : output_fail_errno(err, errsz, shown, errno);
    }
    struct stat now;
    if (fstat(fd, &now) != 0)
        return output_fail_errno(err, errsz, shown, errno);
    if ((now.st_uid != old->st_uid || now.st_gid != old->st_gid) && fchown(fd, old->st_uid, old->st_gid) != 0) {
        char why[256];
        snprintf(why, sizeof why, " (user %ld, group %ld): %s; it is left as it was",
                 (long)old->st_uid, (long)old->st_gid, strerror(errno));
        return output_fail(err, errsz, "cannot keep the owner and group of ", shown, why);
    }
    return fchmod(fd, old->st_mode & 07777) == 0 ? 0 : output_fail_errno(err, errsz, shown, errno);
}

/* path: the file to replace (no link); old: its status, NULL when it does
 * not exist; shown: the path as the user wrote it, for messages. */
static int output_replace(const char *path, const struct stat *old, const char *shown, const struct buf *b,
                          char *err, size_t errsz)
{
    char *tmp = temp_path_for(path);
    if (strlen(tmp) >= sizeof output_temp.path) {
        free(tmp);
        return output_fail_errno(err, errsz, shown, ENAMETOOLONG);
    }
    sigset_t old_mask;
    output_block_signals(&old_mask);
    int fd = mkstemp(tmp);
    int saved = errno;
    char shown_esc[PATH_MAX * 2];
    output_show_path(shown, shown_esc, sizeof shown_esc);
    if (fd >= 0)
        output_register_temp(tmp, shown_esc);
    sigprocmask(SIG_SETMASK, &old_mask, NULL);
    if (fd < 0) {
        char why[256];
        snprintf(why, sizeof why, ": %s", strerror(saved));
        free(tmp);
        return output_fail(err, errsz, "cannot create a temporary file beside ", shown, why);
    }
    /* ulimit -f: a write error (EFBIG) that removes the temporary file,
     * not a death by SIGXFSZ that would leave it */
    struct sigaction xfsz_ign, xfsz_old;
    memset(&xfsz_ign, 0, sizeof xfsz_ign);
    xfsz_ign.sa_handler = SIG_IGN;
    sigemptyset(&xfsz_ign.sa_mask);
    sigaction(SIGXFSZ, &xfsz_ign, &xfsz_old);

    int rc = output_keep_attributes(fd, old, shown, err, errsz);
    bool said = rc != 0;
    if (rc == 0) {
        rc = write_all(fd, b->data ? b->data : "", b->len);
        if (rc == 0)
            rc = fsync(fd);
        saved = errno;
    }
    if (close(fd) != 0 && rc == 0) {
        rc = -1;
        saved = errno;
    }
    /* from here a signal waits until the file is renamed or removed */
    output_block_signals(&old_mask);
    if (rc == 0 && rename(tmp, path) != 0) {
        rc = -1;
        saved = errno;
    }
    if (rc != 0) {
        unlink(tmp);
        if (!said)
            output_fail_errno(err, errsz, shown, saved);
    }
    output_unregister_temp();
    sigprocmask(SIG_SETMASK, &old_mask, NULL);
    sigaction(SIGXFSZ, &xfsz_old, NULL);
    free(tmp);
    return rc;
}

int output_file(const char *path, const struct buf *b, int flags, char *err, size_t errsz)
{
    char *target;
    if (resolve_final_links(path, &target, err, errsz) != 0)
        return -1;
    /* A FIFO, a device, /dev/stdout on a pipe: written through by open() of
     * the path itself, once its links passed the rule above (our resolution
     * cannot name what /proc/self/fd/1 points to: "pipe:[123]"). */
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        free(target);
        return (flags & OUTPUT_REGULAR_ONLY) ? output_fail(err, errsz, "cannot write ", path, ": not a regular file")
                                             : output_device(path, path, b, err, errsz);
    }
    bool exists = lstat(target, &st) == 0;
    int rc;
    if (exists && S_ISDIR(st.st_mode))
        rc = output_fail_errno(err, errsz, path, EISDIR);
    else if (exists && !S_ISREG(st.st_mode))    /* changed since the stat above */
        rc = output_fail(err, errsz, "cannot write ", path, ": not a regular file");
    else if (exists && !may_use_in_shared_folder(target, &st))
        rc = output_fail(err, errsz, "refusing to write ", path,
                         ": it is in a shared sticky folder and belongs to neither you nor the folder's owner "
                         "(the kernel's protected_regular rule)");
    else
        rc = output_replace(target, exists ? &st : NULL, path, b, err, errsz);
    free(target);
    return rc;
}

int output_stdout(const struct buf *b, char *err, size_t errsz)
{
    /* standard output redirected to a file beyond ulimit -f: a write error
     * that says so (EFBIG), not a silent death by SIGXFSZ; the process is
     * about to end, so the signal stays ignored */
    signal(SIGXFSZ, SIG_IGN);
    if (b->len && fwrite(b->data, 1, b->len, stdout) != b->len) {
        snprintf(err, errsz, "cannot write to standard output: %s", strerror(errno));
        return -1;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        snprintf(err, errsz, "cannot write to standard output: %s", strerror(errno));
        return -1;
    }
    return 0;
}

int output_check_not_input(const char *out, const char *in, char *err, size_t errsz)
{
    struct stat so, si;
    if (stat(out, &so) != 0)
        return 0;
    int r = strcmp(in, "-") == 0 ? fstat(0, &si) : stat(in, &si);
    if (r != 0 || so.st_dev != si.st_dev || so.st_ino != si.st_ino)
        return 0;
    char shown_in[PATH_MAX * 2], why[PATH_MAX * 2 + 128];
    output_show_path(strcmp(in, "-") == 0 ? "<stdin>" : in, shown_in, sizeof shown_in);
    snprintf(why, sizeof why, " is the input file '%s' itself; refusing to overwrite it", shown_in);
    return output_fail(err, errsz, "the output ", out, why);
}
