/* output.c - the lockfile pattern (as in git's lockfile.c and tempfile.c):
 * temporary file beside the target, full write, fsync, rename; a signal
 * handler that removes the temporary file if the process is killed.
 *
 * The path is walked one component at a time from a folder descriptor
 * (openat, fstatat, readlinkat), as the kernel walks it, so that the
 * sticky-folder rules are checked on every link on the way and nothing can
 * be swapped between the check and the write: the temporary file is created
 * and renamed relative to the descriptor of the folder that was checked. */
#define _GNU_SOURCE     /* O_PATH: a folder we may search but not read */
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
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "escape.h"

#define OUTPUT_MAX_LINKS 40     /* as the kernel's ELOOP limit */

/* ---- the one temporary file, for the signal handler ----
 *
 * A signal handler can reach nothing but globals: this is the only state of
 * the module. The name and the message are written before `active` is set,
 * with the signals blocked, so the handler never sees half of them. */
static struct {
    volatile sig_atomic_t active;
    int dirfd;              /* the folder that holds the temporary file */
    char name[NAME_MAX + 1];
    char msg[OUTPUT_ERR_MAX];
    size_t msglen;
    struct sigaction saved[4];
} output_temp;

/* as git's tempfile.c, but SIGPIPE: a regular file never raises it */
static const int output_signals[4] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

static void output_on_signal(int sig)
{
    int saved = errno;
    if (output_temp.active) {
        unlinkat(output_temp.dirfd, output_temp.name, 0);
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
    for (int i = 0; i < 4; i++)
        sigaddset(&set, output_signals[i]);
    sigprocmask(SIG_BLOCK, &set, old);
}

/* Called with the signals blocked. A signal the caller ignores (nohup's
 * SIGHUP) stays ignored. */
static void output_register_temp(int dirfd, const char *tmp, const char *shown)
{
    output_temp.dirfd = dirfd;
    snprintf(output_temp.name, sizeof output_temp.name, "%s", tmp);
    int n = snprintf(output_temp.msg, sizeof output_temp.msg,
                     "ladderc: error: interrupted while writing '%s'; it is left as it was\n", shown);
    output_temp.msglen = n < 0 ? 0 : (size_t)n < sizeof output_temp.msg ? (size_t)n : sizeof output_temp.msg - 1;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = output_on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND | SA_NODEFER;
    for (int i = 0; i < 4; i++) {
        sigaction(output_signals[i], NULL, &output_temp.saved[i]);
        if (output_temp.saved[i].sa_handler != SIG_IGN)
            sigaction(output_signals[i], &sa, NULL);
    }
    output_temp.active = 1;
}

static void output_unregister_temp(void)
{
    output_temp.active = 0;
    for (int i = 0; i < 4; i++)
        sigaction(output_signals[i], &output_temp.saved[i], NULL);
}

/* ---- helpers ---- */

void output_show_path(const char *path, char *dst, size_t dstsz)
{
    struct heap heap;
    cli_heap_init(&heap);
    struct buf b;
    buf_init(&b, &heap);
    escape_filename(&b, path);
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

/* ".NAME.XXXXXX" for the file NAME; a long name is cut so that the
 * temporary name stays within NAME_MAX (255). X: six letters from the
 * clock, the process and the try (O_EXCL makes any name safe; these only
 * make a clash unlikely). */
static void temp_name_for(const char *name, int try, char *out, size_t outsz)
{
    static const char alnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    unsigned long long x = (unsigned long long)ts.tv_nsec ^ ((unsigned long long)ts.tv_sec << 20)
                         ^ ((unsigned long long)getpid() << 40) ^ ((unsigned long long)(try + 1) * 0x9E3779B97F4A7C15ull);
    char rnd[7];
    for (int i = 0; i < 6; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        rnd[i] = alnum[x % (sizeof alnum - 1)];
    }
    rnd[6] = '\0';
    int n = strlen(name) > 200 ? 200 : (int)strlen(name);
    snprintf(out, outsz, ".%.*s.%s", n, name, rnd);
}

/* ---- walking a path as the kernel would ---- */

/* Where the file goes: a descriptor of its folder, and its name there. */
struct output_place {
    int dirfd;
    char *name;
};

/* The kernel's protected_symlinks and protected_regular rules (fs/namei.c,
 * may_follow_link and may_create_in_sticky): in a sticky, world-writable
 * folder, a link is followed, and an existing file opened to be written,
 * only when it belongs to the user or to the folder's owner. Applied
 * whether or not the sysctls are on, because we rename() over files, where
 * the kernel checks neither. 1: allowed, 0: refused, -1: the folder's status
 * could not be read (errno set; said as such, not as a refusal). */
static int may_use_in_folder(int dirfd, const struct stat *st)
{
    struct stat dst;
    if (fstat(dirfd, &dst) != 0)
        return -1;
    bool shared = (dst.st_mode & S_ISVTX) && (dst.st_mode & S_IWOTH);
    return !shared || st->st_uid == geteuid() || st->st_uid == dst.st_uid;
}

static int open_folder(int at, const char *name)
{
    return openat(at, name, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

/* The target of the link name in dirfd, or NULL (errno set). */
static char *read_link_at(int dirfd, const char *name, const struct stat *lst)
{
    size_t cap = lst->st_size > 0 && lst->st_size < PATH_MAX ? (size_t)lst->st_size + 1 : PATH_MAX;
    char *t = cli_xmalloc(cap);
    ssize_t k = readlinkat(dirfd, name, t, cap - 1);
    if (k <= 0) {
        if (k == 0)
            errno = ENOENT;
        free(t);
        return NULL;
    }
    t[k] = '\0';
    return t;
}

/* The next component of *p (its length in *n; *p moves past it); true when
 * it is the last one. */
static bool next_component(const char **p, const char **c, size_t *n)
{
    const char *s = *p;
    while (*s == '/')
        s++;
    const char *e = s;
    while (*e && *e != '/')
        e++;
    *c = s;
    *n = (size_t)(e - s);
    *p = e;
    while (*e == '/')
        e++;
    return *e == '\0';
}

static char *text_join(const char *a, const char *sep, const char *b)
{
    size_t na = strlen(a), ns = strlen(sep), nb = strlen(b);
    char *r = cli_xmalloc(na + ns + nb + 1);
    memcpy(r, a, na);
    memcpy(r + na, sep, ns);
    memcpy(r + na + ns, b, nb + 1);
    return r;
}

/* The refusal for the link `name` met on the way to path. */
static int output_refuse_link(const char *path, const char *name, char *err, size_t errsz)
{
    char why[PATH_MAX * 2 + 256], shown[PATH_MAX * 2];
    output_show_path(name, shown, sizeof shown);
    snprintf(why, sizeof why, ": the symbolic link '%s' on the way is in a shared sticky folder and belongs to "
             "neither you nor the folder's owner, so it is not followed (the kernel's protected_symlinks rule)", shown);
    return output_fail(err, errsz, "refusing to write ", path, why);
}

/* Walks path one component at a time from a folder descriptor, following
 * links (at most OUTPUT_MAX_LINKS) under the sticky-folder rule. On success
 * pl holds the last folder and the file's name there (the file may not
 * exist); -1 with err set otherwise. */
static int output_walk(const char *path, struct output_place *pl, char *err, size_t errsz)
{
    if (!*path)
        return output_fail_errno(err, errsz, path, ENOENT);
    char *todo = text_join(path, "", "");   /* what is left to walk */
    const char *p = todo;
    int dirfd = open_folder(AT_FDCWD, path[0] == '/' ? "/" : ".");
    int hops = 0, e = 0;
    char *name = NULL;
    while (dirfd >= 0) {
        const char *c;
        size_t n;
        bool last = next_component(&p, &c, &n);
        free(name);
        name = cli_xmalloc(n + 1);
        memcpy(name, c, n);
        name[n] = '\0';
        bool dots = n == 0 || strcmp(name, ".") == 0 || strcmp(name, "..") == 0;
        if (last && dots) {     /* "dir/", "/", "..": a folder, not a file */
            e = EISDIR;
            break;
        }
        struct stat st;
        if (!dots && fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode)) {
            if (++hops > OUTPUT_MAX_LINKS) {
                e = ELOOP;
                break;
            }
            int may = may_use_in_folder(dirfd, &st);
            if (may < 0) {
                e = errno;
                break;
            }
            if (!may) {
                close(dirfd);
                output_refuse_link(path, name, err, errsz);
                free(name);
                free(todo);
                return -1;
            }
            char *target = read_link_at(dirfd, name, &st);
            if (!target) {
                e = errno;
                break;
            }
            char *next = last ? text_join(target, "", "") : text_join(target, "/", p);
            if (target[0] == '/') {
                close(dirfd);
                dirfd = open_folder(AT_FDCWD, "/");
            }
            free(target);
            free(todo);
            todo = next;
            p = todo;
            continue;
        }
        if (last) {
            pl->dirfd = dirfd;
            pl->name = name;
            free(todo);
            return 0;
        }
        /* O_NOFOLLOW: a folder swapped for a link since the fstatat fails.
         * (Not the last component: never empty, as next_component skips
         * slashes and an empty rest is the last.) */
        int sub = open_folder(dirfd, name);
        close(dirfd);
        dirfd = sub;
    }
    if (!e)
        e = errno;
    if (dirfd >= 0)
        close(dirfd);
    free(name);
    free(todo);
    return output_fail_errno(err, errsz, path, e);
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

/* pl: where the file goes; old: its status, NULL when it does not exist;
 * shown: the path as the user wrote it, for messages. */
static int output_replace(const struct output_place *pl, const struct stat *old, const char *shown,
                          const struct buf *b, char *err, size_t errsz)
{
    char tmp[NAME_MAX + 1];
    char shown_esc[PATH_MAX * 2];
    output_show_path(shown, shown_esc, sizeof shown_esc);
    sigset_t old_mask;
    int fd = -1, saved = 0;
    for (int tries = 0; fd < 0 && tries < 100; tries++) {
        temp_name_for(pl->name, tries, tmp, sizeof tmp);
        output_block_signals(&old_mask);
        fd = openat(pl->dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        saved = errno;
        if (fd >= 0)
            output_register_temp(pl->dirfd, tmp, shown_esc);
        sigprocmask(SIG_SETMASK, &old_mask, NULL);
        if (fd < 0 && saved != EEXIST)
            break;
    }
    if (fd < 0) {
        char why[256];
        snprintf(why, sizeof why, ": %s", strerror(saved));
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
    if (rc == 0 && renameat(pl->dirfd, tmp, pl->dirfd, pl->name) != 0) {
        rc = -1;
        saved = errno;
    }
    if (rc != 0) {
        unlinkat(pl->dirfd, tmp, 0);
        if (!said)
            output_fail_errno(err, errsz, shown, saved);
    }
    output_unregister_temp();
    sigprocmask(SIG_SETMASK, &old_mask, NULL);
    sigaction(SIGXFSZ, &xfsz_old, NULL);
    return rc;
}

int output_file(const char *path, const struct buf *b, int flags, char *err, size_t errsz)
{
    struct output_place pl = {-1, NULL};
    if (output_walk(path, &pl, err, errsz) != 0)
        return -1;
    /* A FIFO, a device, /dev/stdout on a pipe: written through by open() of
     * the path itself, once its links passed the walk (which cannot name
     * what /proc/self/fd/1 points to: "pipe:[123]"). */
    struct stat st;
    int rc, may = 1;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        rc = (flags & OUTPUT_REGULAR_ONLY) ? output_fail(err, errsz, "cannot write ", path, ": not a regular file")
                                           : output_device(path, path, b, err, errsz);
    } else {
        bool exists = fstatat(pl.dirfd, pl.name, &st, AT_SYMLINK_NOFOLLOW) == 0;
        if (exists && S_ISDIR(st.st_mode))
            rc = output_fail_errno(err, errsz, path, EISDIR);
        else if (exists && !S_ISREG(st.st_mode))    /* changed since the stat above */
            rc = output_fail(err, errsz, "cannot write ", path, ": not a regular file");
        else if (exists && faccessat(pl.dirfd, pl.name, W_OK, AT_EACCESS) != 0)
            /* rename() needs only the folder's permission: never go further
             * than opening the file for writing would (root may, as there) */
            rc = output_fail_errno(err, errsz, path, errno);
        else if (exists && (may = may_use_in_folder(pl.dirfd, &st)) < 0)
            rc = output_fail_errno(err, errsz, path, errno);
        else if (!may)
            rc = output_fail(err, errsz, "refusing to write ", path,
                             ": it is in a shared sticky folder and belongs to neither you nor the folder's owner "
                             "(the kernel's protected_regular rule)");
        else
            rc = output_replace(&pl, exists ? &st : NULL, path, b, err, errsz);
    }
    close(pl.dirfd);
    free(pl.name);
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
