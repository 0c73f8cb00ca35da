/* watch.c - `ladderc build --watch` (watch.h): inotify on the folders of
 * the files a build read, a debounce on the monotonic clock, and the
 * signals read from a signalfd polled beside the inotify descriptor, so
 * that the process sleeps in poll() between events and a signal never
 * lands in the middle of a build.
 *
 * What is watched is a set of (folder watch, name) pairs: a file's folder
 * and the file's name in it; for a file whose folder does not exist (yet),
 * the nearest folder above it that does, and the name of the missing
 * folder in it. An event about one of these names is a change; any other
 * (OUT's own temporary file and rename, an editor's backup) is not, so a
 * build never triggers the next. */
#define _GNU_SOURCE     /* signalfd */
#include "watch.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "arena.h"
#include "heap.h"
#include "output.h"
#include "symtab.h"

enum { WATCH_EXIT_OK = 0, WATCH_EXIT_USAGE = 2 };

/* What a folder watch reports: a name created, written, removed or renamed
 * in it, and the folder itself gone (then the kernel drops the watch). Not
 * IN_OPEN or IN_ACCESS: a build's own reads must not count. */
#define WATCH_MASK (IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | \
                    IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK)

/* The pairs one build asked for. Keys: "WD" for a folder watched, "WD/NAME"
 * for a name awaited in it (a name never holds '/', so they cannot meet). */
struct watch_table {
    struct arena keys;
    struct symtab set;
    int *wds;               /* the folders, to walk: a later build removes */
    size_t nwds, cap;       /* those it does not need any more */
    size_t nfiles;          /* the paths the build asked for */
};

struct watch {
    struct heap heap;
    int ifd, sfd;           /* inotify; the signals */
    struct watch_table tables[2];
    int cur;                /* tables[cur]: the last build's; the other: the running build's */
    struct files_loader *loader;
    void (*release)(void *ud, const char *text, size_t len);    /* the loader's, for its texts */
    const char *out;
    watch_build_fn *build;
    void *ud;
    size_t shown_files;     /* the count the last "watching" line gave */
    bool pending;           /* a change not built yet */
    bool writing;           /* a watched file modified and not closed since */
    struct timespec last;   /* the last change, on the monotonic clock */
};

/* ---- the table of names ---- */

static void table_init(struct watch_table *t, struct heap *heap)
{
    memset(t, 0, sizeof *t);
    arena_init(&t->keys, heap);
    symtab_init(&t->set, heap);
}

static void table_free(struct watch_table *t, struct heap *heap)
{
    symtab_free(&t->set);
    arena_free(&t->keys);
    heap_free(heap, t->wds);
    memset(t, 0, sizeof *t);
}

/* "WD" (name NULL) or "WD/NAME", in buf (heap, grown) */
static const char *table_key(struct heap *heap, char **buf, size_t *cap, int wd, const char *name)
{
    size_t need = 24 + (name ? strlen(name) : 0);
    if (need > *cap) {
        *buf = heap_realloc(heap, *buf, need);
        *cap = need;
    }
    if (name)
        snprintf(*buf, need, "%d/%s", wd, name);
    else
        snprintf(*buf, need, "%d", wd);
    return *buf;
}

static bool table_has(struct watch *w, const struct watch_table *t, int wd, const char *name)
{
    char *buf = NULL;
    size_t cap = 0, v;
    bool has = symtab_get(&t->set, table_key(&w->heap, &buf, &cap, wd, name), &v);
    heap_free(&w->heap, buf);
    return has;
}

/* Adds key unless present; true when it was new. */
static bool table_add_key(struct watch_table *t, const char *key)
{
    size_t v;
    if (symtab_get(&t->set, key, &v))
        return false;
    symtab_add(&t->set, arena_strdup(&t->keys, key), 0, &v);
    return true;
}

static void table_add(struct watch *w, struct watch_table *t, int wd, const char *name)
{
    char *buf = NULL;
    size_t cap = 0;
    if (table_add_key(t, table_key(&w->heap, &buf, &cap, wd, NULL))) {
        if (t->nwds == t->cap) {
            t->cap = t->cap ? 2 * t->cap : 16;
            t->wds = heap_realloc(&w->heap, t->wds, t->cap * sizeof *t->wds);
        }
        t->wds[t->nwds++] = wd;
    }
    table_add_key(t, table_key(&w->heap, &buf, &cap, wd, name));
    heap_free(&w->heap, buf);
}

/* ---- watching a path ---- */

static void watch_cannot(const char *dir, int err)
{
    char shown[PATH_MAX * 2];
    output_show_path(dir, shown, sizeof shown);
    fprintf(stderr, "ladderc: warning: cannot watch '%s' for changes: %s\n", shown,
            err == ENOSPC ? "the limit of inotify watches is reached (sysctl fs.inotify.max_user_watches)"
                          : strerror(err));
}

/* Splits the path in p (changed in place) into its folder and its last
 * component; false when there is no component to wait for ("", ".",
 * "..", a bare "/"). */
static bool split_last(char *p, const char **dir, const char **name)
{
    size_t n = strlen(p);
    while (n > 1 && p[n - 1] == '/')
        p[--n] = '\0';
    char *slash = strrchr(p, '/');
    if (!slash) {
        *dir = ".";
        *name = p;
    } else if (slash == p) {
        *dir = "/";
        *name = p + 1;
    } else {
        *slash = '\0';
        *dir = p;
        *name = slash + 1;
    }
    return **name && strcmp(*name, ".") != 0 && strcmp(*name, "..") != 0;
}

/* Watches path's folder for path's name, before the build reads it (a
 * change after the read is then an event). A folder that does not exist
 * is awaited in the nearest one above it that does. */
static void watch_add_path(struct watch *w, const char *path)
{
    struct watch_table *t = &w->tables[!w->cur];
    size_t n = strlen(path);
    char *p = heap_alloc(&w->heap, n + 1);
    memcpy(p, path, n + 1);
    const char *dir, *name;
    while (split_last(p, &dir, &name)) {
        int wd = inotify_add_watch(w->ifd, dir, WATCH_MASK);
        if (wd >= 0) {
            table_add(w, t, wd, name);
            break;
        }
        if (errno != ENOENT && errno != ENOTDIR) {
            watch_cannot(dir, errno);
            break;
        }
        if (dir != p)       /* "." or "/" is missing: nothing above to wait in */
            break;
    }
    heap_free(&w->heap, p);
}

static bool is_shipped(const char *path) { return strncmp(path, "std/", 4) == 0; }

/* The session hands a text back to the loader's ud, which is the watch's:
 * passed on to the loader's own release. */
static void watch_release(void *ud, const char *text, size_t len)
{
    struct watch *w = ud;
    w->release(w->loader, text, len);
}

static int watch_load(void *ud, const char *path, ld_source *out)
{
    struct watch *w = ud;
    bool root = w->loader->calls == 0;
    bool watched = root || !is_shipped(path);
    if (watched) {
        watch_add_path(w, path);
        w->tables[!w->cur].nfiles++;
    }
    int rc = files_load(w->loader, path, out);
    /* through a symbolic link: the file it leads to, in its own folder */
    if (rc == 0 && watched && out->key)
        watch_add_path(w, out->key);
    if (rc == 0 && out->release) {
        w->release = out->release;
        out->release = watch_release;
    }
    return rc;
}

void watch_wrap_loader(struct watch *w, struct files_loader *l, ld_config *cfg)
{
    w->loader = l;
    cfg->load = watch_load;
    cfg->load_ud = w;
}

/* ---- events ---- */

static void watch_changed(struct watch *w)
{
    w->pending = true;
    clock_gettime(CLOCK_MONOTONIC, &w->last);
}

static void watch_event(struct watch *w, const struct inotify_event *e)
{
    const struct watch_table *t = &w->tables[w->cur];
    if (e->mask & IN_Q_OVERFLOW) {      /* events were lost: any may have been ours */
        watch_changed(w);
        return;
    }
    /* a folder deleted or moved away (its watch is gone): the next build
     * watches again what is there; a watch this process removed is not
     * in the table any more */
    if (e->mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF)) {
        if (table_has(w, t, e->wd, NULL))
            watch_changed(w);
        return;
    }
    if (!e->len || !table_has(w, t, e->wd, e->name))
        return;
    /* written, or created (by open: a rename is IN_MOVED_TO), and not
     * closed yet: a writer is at work */
    if ((e->mask & IN_MODIFY) || (e->mask & (IN_CREATE | IN_ISDIR)) == IN_CREATE)
        w->writing = true;
    else if (e->mask & (IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM))
        w->writing = false;
    watch_changed(w);
}

/* Reads every event queued (the descriptor does not block). */
static void watch_read_events(struct watch *w)
{
    _Alignas(struct inotify_event) char buf[4096];
    for (;;) {
        ssize_t n = read(w->ifd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *e = (const struct inotify_event *)(void *)p;
            watch_event(w, e);
            p += sizeof *e + e->len;
        }
    }
}

/* How long poll may sleep: forever with nothing to build, else until the
 * quiet time after the last change is over (0: build now). */
static int watch_timeout(const struct watch *w)
{
    if (!w->pending)
        return -1;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long long waited = (now.tv_sec - w->last.tv_sec) * 1000000000LL + (now.tv_nsec - w->last.tv_nsec);
    long long wait = (long long)(w->writing ? WATCH_WRITE_WAIT_MS : WATCH_QUIET_MS) * 1000000LL;
    if (waited >= wait)
        return 0;
    return (int)((wait - waited + 999999) / 1000000);
}

/* ---- builds ---- */

/* Removes the folder watches of the last build that this one does not
 * need, and makes this one's table the current one. A build that asked
 * for no file (stopped before reading FILE) changes nothing. */
static void watch_swap_tables(struct watch *w)
{
    struct watch_table *old = &w->tables[w->cur], *new = &w->tables[!w->cur];
    if (!new->nfiles) {
        table_free(new, &w->heap);
        return;
    }
    for (size_t i = 0; i < old->nwds; i++)
        if (!table_has(w, new, old->wds[i], NULL))
            inotify_rm_watch(w->ifd, old->wds[i]);  /* EINVAL for a folder already gone: nothing to do */
    table_free(old, &w->heap);
    w->cur = !w->cur;
}

/* The line that ends a build's output. */
static void watch_status(struct watch *w, int rc, bool first)
{
    char shown[PATH_MAX * 2];
    output_show_path(w->out, shown, sizeof shown);
    if (rc == 0)
        fprintf(stderr, "ladderc: %s '%s'\n", first ? "built" : "rebuilt", shown);
    else if (access(w->out, F_OK) == 0)
        fprintf(stderr, "ladderc: %s: kept the last good '%s'\n", rc == 1 ? "errors" : "failed", shown);
    else
        fprintf(stderr, "ladderc: %s: '%s' not written\n", rc == 1 ? "errors" : "failed", shown);
    size_t n = w->tables[w->cur].nfiles;
    if (first || n != w->shown_files)
        fprintf(stderr, "ladderc: watching %zu file%s for changes (Ctrl-C stops)\n", n, n == 1 ? "" : "s");
    w->shown_files = n;
}

static int watch_rebuild(struct watch *w, bool first)
{
    w->pending = w->writing = false;
    table_init(&w->tables[!w->cur], &w->heap);
    int rc = w->build(w->ud, w);
    fflush(stdout);     /* --diagnostics=json or github: each build's, whole */
    watch_swap_tables(w);
    if (!(first && rc == WATCH_EXIT_USAGE))
        watch_status(w, rc, first);
    return rc;
}

/* ---- the loop ---- */

/* The signals that stop the watch, blocked (they wait while a build runs)
 * and read from a descriptor. One the caller ignores (nohup's SIGHUP, a
 * shell's SIGINT for a job in the background) is discarded by the kernel,
 * not queued, so it stays ignored. */
static int watch_signals(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigprocmask(SIG_BLOCK, &set, NULL);
    return signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
}

static int watch_loop(struct watch *w)
{
    for (;;) {
        struct pollfd fds[2] = {{.fd = w->sfd, .events = POLLIN}, {.fd = w->ifd, .events = POLLIN}};
        if (poll(fds, 2, watch_timeout(w)) < 0) {
            if (errno == EINTR)     /* a stop and continue (Ctrl-Z, fg) */
                continue;
            fprintf(stderr, "ladderc: error: cannot wait for changes: %s\n", strerror(errno));
            return WATCH_EXIT_USAGE;
        }
        if (fds[0].revents)
            return WATCH_EXIT_OK;   /* signals stay blocked: the process ends now */
        if (fds[1].revents)
            watch_read_events(w);
        if (w->pending && watch_timeout(w) == 0)
            watch_rebuild(w, false);
    }
}

int watch_main(const char *out, watch_build_fn *build, void *ud)
{
    struct watch w;
    memset(&w, 0, sizeof w);
    cli_heap_init(&w.heap);
    w.out = out;
    w.build = build;
    w.ud = ud;
    table_init(&w.tables[0], &w.heap);
    w.ifd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w.ifd < 0)
        fprintf(stderr, "ladderc: error: cannot watch files for changes: %s\n",
                errno == EMFILE ? "the limit of inotify instances is reached (sysctl fs.inotify.max_user_instances)"
                                : strerror(errno));
    w.sfd = w.ifd < 0 ? -1 : watch_signals();
    if (w.ifd >= 0 && w.sfd < 0)
        fprintf(stderr, "ladderc: error: cannot wait for signals: %s\n", strerror(errno));
    int rc = WATCH_EXIT_USAGE;
    if (w.sfd >= 0 && watch_rebuild(&w, true) != WATCH_EXIT_USAGE)
        rc = watch_loop(&w);
    if (w.ifd >= 0)
        close(w.ifd);
    if (w.sfd >= 0)
        close(w.sfd);
    table_free(&w.tables[0], &w.heap);
    table_free(&w.tables[1], &w.heap);
    return rc;
}
