/* fault.c - a fault-injection shim for tests/suites/faults.sh, loaded with
 * LD_PRELOAD: it fails chosen calls of one function, so that the error paths
 * behind a failing system call, allocation or Graphviz call can be tested.
 *
 *   LADDERC_FAULT=FUNC[:ERR[:AFTER[:TIMES]]][+FUNC2[:ERR2...]]
 *
 * lets the first AFTER matching calls of FUNC through (default 0), then fails
 * the next TIMES (default: all of them) with errno ERR (a name: EIO, EINTR,
 * EAGAIN, ENOSPC, EEXIST, EPERM, EACCES, ENOMEM, ENOSYS; for write, a signal
 * too: SIGHUP, SIGINT, SIGTERM); after a '+', a second function fails
 * too (two failures in one operation). A call matches when
 * it passes the filters that are set:
 *
 *   LADDERC_FAULT_MIN=N    a size (allocations) or a descriptor (read, write,
 *                          fstat, fchmod, fchown, fsync, close) of at least N
 *   LADDERC_FAULT_PATH=S   a path that contains S (open, openat, stat,
 *                          faccessat, readlink, readlinkat; renameat: the new
 *                          name)
 *   LADDERC_FAULT_ARMED=eof  counts only calls made after a read() returned
 *                          0 on a descriptor above 2 (the input file is read):
 *                          what the program allocates from then on is its own
 *                          work, not the C library's start-up
 *
 * Graphviz (the plugin, ladderc-render.so, loaded by dlopen, finds these
 * before libgvc's): gvLayout and gvRenderData fail by returning -1, agmemread
 * by returning NULL; LADDERC_FAULT_MSG, when set, is first reported through
 * Graphviz's own agerr, which is where the program reads it back (aglasterr).
 * ERR "0" makes gvRenderData return 0 with no data.
 *
 * Why the counts are stable: only calls that go through the dynamic linker
 * reach this file. The C library's calls to its own read, write, open, stat
 * and close use internal names and are never counted, so AFTER counts
 * ladderc's own calls. malloc, calloc and realloc are the exception (the C
 * library allocates through the public names): those are matched by size
 * (LADDERC_FAULT_MIN) or after LADDERC_FAULT_ARMED, never by a raw count
 * from the start.
 *
 * Not for AddressSanitizer builds, which replace malloc themselves. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* the C library's own allocator, reached without dlsym (which allocates) */
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

static struct {
    int ready;
    struct fault_spec {
        char func[128];
        int err;
        long after, times;  /* times < 0: every call after `after` */
        long seen;          /* matching calls so far */
    } spec[2];              /* LADDERC_FAULT's, and the one after its '+' */
    int err;                /* the errno of the spec that last failed a call */
    long long min;          /* -1: no filter */
    const char *path;
    const char *msg;
    int armed;              /* 0 until the input's EOF when ARMED=eof */
    int fired;              /* a call was failed */
} fault;

static int fault_errno(const char *s)
{
    static const struct { const char *name; int value; } names[] = {
        {"EIO", EIO}, {"EINTR", EINTR}, {"EAGAIN", EAGAIN}, {"ENOSPC", ENOSPC}, {"EEXIST", EEXIST},
        {"EPERM", EPERM}, {"EACCES", EACCES}, {"ENOMEM", ENOMEM}, {"ENOSYS", ENOSYS}, {"0", 0},
        {"SIGHUP", -SIGHUP}, {"SIGINT", -SIGINT}, {"SIGTERM", -SIGTERM},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(s, names[i].name) == 0)
            return names[i].value;
    return EIO;
}

/* FUNC[:ERR[:AFTER[:TIMES]]] into s (text is cut up) */
static void fault_parse(struct fault_spec *s, char *text)
{
    char *field[4] = {text, NULL, NULL, NULL};
    for (int i = 1; i < 4 && field[i - 1]; i++) {
        char *colon = strchr(field[i - 1], ':');
        if (colon) {
            *colon = '\0';
            field[i] = colon + 1;
        }
    }
    snprintf(s->func, sizeof s->func, "%s", field[0]);
    s->err = field[1] ? fault_errno(field[1]) : EIO;
    s->after = field[2] ? strtol(field[2], NULL, 10) : 0;
    s->times = field[3] ? strtol(field[3], NULL, 10) : -1;
}

/* Reads the environment once. getenv and strtol do not allocate. */
static void fault_setup(void)
{
    extern char **environ;
    if (fault.ready || !environ)    /* (an allocation before main's environment) */
        return;
    fault.ready = 1;
    fault.min = -1;
    fault.armed = 1;
    const char *spec = getenv("LADDERC_FAULT");
    if (!spec)
        return;
    char copy[128];
    snprintf(copy, sizeof copy, "%s", spec);
    char *second = strchr(copy, '+');  /* two faults: "write:ENOSPC+close:EIO:1:1" */
    if (second)
        *second++ = '\0';
    fault_parse(&fault.spec[0], copy);
    if (second)
        fault_parse(&fault.spec[1], second);
    const char *min = getenv("LADDERC_FAULT_MIN");
    if (min)
        fault.min = strtoll(min, NULL, 10);
    fault.path = getenv("LADDERC_FAULT_PATH");
    fault.msg = getenv("LADDERC_FAULT_MSG");
    const char *armed = getenv("LADDERC_FAULT_ARMED");
    fault.armed = !(armed && strcmp(armed, "eof") == 0);
}

/* Whether this call of func fails. num: its size or descriptor (-1: none);
 * path: its path (NULL: none). */
static int fault_hit(const char *func, long long num, const char *path)
{
    fault_setup();
    if (!fault.armed)
        return 0;
    if (fault.min >= 0 && num < fault.min)
        return 0;
    if (fault.path && (!path || !strstr(path, fault.path)))
        return 0;
    for (int i = 0; i < 2; i++) {
        struct fault_spec *s = &fault.spec[i];
        if (strcmp(func, s->func) != 0)
            continue;
        long n = s->seen++;
        if (n >= s->after && (s->times < 0 || n < s->after + s->times)) {
            fault.err = s->err;
            fault.fired = 1;
            return 1;
        }
    }
    return 0;
}

/* LADDERC_FAULT_LOG=FILE: at exit, FILE gets "fired" when a call was failed
 * and "missed" otherwise, so that a test can tell a fault that did not
 * happen from a program that survived it (a sweep over AFTER stops there). */
__attribute__((destructor)) static void fault_log(void)
{
    const char *log = getenv("LADDERC_FAULT_LOG");
    if (!log)
        return;
    int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return;
    fault.armed = 0;    /* this shim's own calls below are not faults */
    const char *s = fault.fired ? "fired\n" : "missed\n";
    ssize_t k = write(fd, s, strlen(s));
    (void)k;
    close(fd);
}

static void *fault_next(const char *name)
{
    void *f = dlsym(RTLD_NEXT, name);
    if (!f)
        abort();
    return f;
}

/* ---- the end of the program: no more faults ----
 *
 * What runs after main returns or exit is called is not ladderc's: the
 * atexit handlers and destructors, gcov's among them under `make coverage`,
 * which writes its counts with malloc and crashes when that fails. */

static void fault_disarm(void) { fault.armed = 0; fault.ready = 1; }

static int (*fault_real_main)(int, char **, char **);

static int fault_main(int argc, char **argv, char **envp)
{
    int rc = fault_real_main(argc, argv, envp);
    fault_disarm();
    return rc;
}

int __libc_start_main(int (*main)(int, char **, char **), int argc, char **argv, void (*init)(void),
                      void (*fini)(void), void (*rtld_fini)(void), void *stack_end)
{
    int (*real)(int (*)(int, char **, char **), int, char **, void (*)(void), void (*)(void), void (*)(void),
                void *);
    *(void **)&real = fault_next("__libc_start_main");
    fault_real_main = main;
    return real(fault_main, argc, argv, init, fini, rtld_fini, stack_end);
}

void exit(int status)
{
    static void (*real)(int) __attribute__((noreturn));
    if (!real)
        *(void **)&real = fault_next("exit");
    fault_disarm();
    real(status);
}

#define REAL(name) static __typeof__(name) *real; if (!real) *(void **)&real = fault_next(#name)

/* ---- allocation ---- */

void *malloc(size_t n)
{
    if (fault_hit("malloc", (long long)n, NULL)) {
        errno = ENOMEM;
        return NULL;
    }
    return __libc_malloc(n);
}

void *calloc(size_t n, size_t size)
{
    if (fault_hit("calloc", (long long)(n * size), NULL)) {
        errno = ENOMEM;
        return NULL;
    }
    return __libc_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
    if (fault_hit("realloc", (long long)n, NULL)) {
        errno = ENOMEM;
        return NULL;
    }
    return __libc_realloc(p, n);
}

/* ---- descriptors ---- */

ssize_t read(int fd, void *p, size_t n)
{
    REAL(read);
    if (fault_hit("read", fd, NULL)) {
        errno = fault.err;
        return -1;
    }
    ssize_t k = real(fd, p, n);
    if (k == 0)
        fault.armed = 1;
    return k;
}

/* ERR SIGHUP, SIGINT or SIGTERM: the signal arrives, then the write is done
 * (a signal in the middle of writing the output) */
ssize_t write(int fd, const void *p, size_t n)
{
    REAL(write);
    if (fault_hit("write", fd, NULL)) {
        if (fault.err < 0) {
            raise(-fault.err);
            return real(fd, p, n);
        }
        errno = fault.err;
        return -1;
    }
    return real(fd, p, n);
}

#define FAULT_FD_CALL(name, params, args)      \
    int name params                            \
    {                                          \
        REAL(name);                            \
        if (fault_hit(#name, fd, NULL)) {      \
            errno = fault.err;                 \
            return -1;                         \
        }                                      \
        return real args;                      \
    }

FAULT_FD_CALL(fstat, (int fd, struct stat *st), (fd, st))
FAULT_FD_CALL(fchmod, (int fd, mode_t mode), (fd, mode))
FAULT_FD_CALL(fchown, (int fd, uid_t uid, gid_t gid), (fd, uid, gid))
FAULT_FD_CALL(fsync, (int fd), (fd))
FAULT_FD_CALL(close, (int fd), (fd))

/* ---- paths ---- */

int open(const char *path, int flags, ...)
{
    REAL(open);
    va_list ap;
    va_start(ap, flags);
    mode_t mode = (flags & O_CREAT) ? va_arg(ap, mode_t) : 0;
    va_end(ap);
    if (fault_hit("open", -1, path)) {
        errno = fault.err;
        return -1;
    }
    return real(path, flags, mode);
}

int openat(int dirfd, const char *path, int flags, ...)
{
    REAL(openat);
    va_list ap;
    va_start(ap, flags);
    mode_t mode = (flags & O_CREAT) ? va_arg(ap, mode_t) : 0;
    va_end(ap);
    if (fault_hit("openat", -1, path)) {
        errno = fault.err;
        return -1;
    }
    return real(dirfd, path, flags, mode);
}

int stat(const char *path, struct stat *st)
{
    REAL(stat);
    if (fault_hit("stat", -1, path)) {
        errno = fault.err;
        return -1;
    }
    return real(path, st);
}

int faccessat(int dirfd, const char *path, int mode, int flags)
{
    REAL(faccessat);
    if (fault_hit("faccessat", -1, path)) {
        errno = fault.err;
        return -1;
    }
    return real(dirfd, path, mode, flags);
}

int renameat(int olddir, const char *oldpath, int newdir, const char *newpath)
{
    REAL(renameat);
    if (fault_hit("renameat", -1, newpath)) {
        errno = fault.err;
        return -1;
    }
    return real(olddir, oldpath, newdir, newpath);
}

/* ERR 0: the call "succeeds" with an empty result */
ssize_t readlink(const char *path, char *buf, size_t n)
{
    REAL(readlink);
    if (fault_hit("readlink", -1, path)) {
        errno = fault.err;
        return fault.err ? -1 : 0;
    }
    return real(path, buf, n);
}

ssize_t readlinkat(int dirfd, const char *path, char *buf, size_t n)
{
    REAL(readlinkat);
    if (fault_hit("readlinkat", -1, path)) {
        errno = fault.err;
        return fault.err ? -1 : 0;
    }
    return real(dirfd, path, buf, n);
}

ssize_t getrandom(void *p, size_t n, unsigned int flags)
{
    REAL(getrandom);
    if (fault_hit("getrandom", -1, NULL)) {
        errno = fault.err;
        return -1;
    }
    return real(p, n, flags);
}

/* ---- Graphviz ----
 *
 * Declared here by hand (no Graphviz headers needed): the shim only passes
 * the pointers on. The real functions are in libgvc and libcgraph, which the
 * plugin loads with RTLD_LOCAL, so RTLD_NEXT may not see them: they are
 * looked up in the already loaded libraries by name. */

static void *fault_graphviz(const char *lib, const char *name)
{
    void *f = dlsym(RTLD_NEXT, name);
    if (!f) {
        void *h = dlopen(lib, RTLD_NOW | RTLD_NOLOAD);
        f = h ? dlsym(h, name) : NULL;
    }
    if (!f)
        abort();
    return f;
}

/* agerr(AGERR, "%s\n", LADDERC_FAULT_MSG): the message aglasterr returns */
static void fault_graphviz_message(void)
{
    if (!fault.msg)
        return;
    int (*agerr)(int, const char *, ...);
    *(void **)&agerr = fault_graphviz("libcgraph.so.6", "agerr");
    agerr(1 /* AGERR */, "%s\n", fault.msg);
}

int gvLayout(void *gvc, void *g, const char *engine)
{
    static int (*real)(void *, void *, const char *);
    if (!real)
        *(void **)&real = fault_graphviz("libgvc.so.6", "gvLayout");
    if (fault_hit("gvLayout", -1, NULL)) {
        fault_graphviz_message();
        return -1;
    }
    return real(gvc, g, engine);
}

int gvRenderData(void *gvc, void *g, const char *format, char **data, unsigned int *len)
{
    static int (*real)(void *, void *, const char *, char **, unsigned int *);
    if (!real)
        *(void **)&real = fault_graphviz("libgvc.so.6", "gvRenderData");
    if (fault_hit("gvRenderData", -1, NULL)) {
        fault_graphviz_message();
        *data = NULL;
        *len = 0;
        return fault.err ? -1 : 0;
    }
    return real(gvc, g, format, data, len);
}

void *agmemread(const char *text)
{
    static void *(*real)(const char *);
    if (!real)
        *(void **)&real = fault_graphviz("libcgraph.so.6", "agmemread");
    if (fault_hit("agmemread", -1, NULL)) {
        fault_graphviz_message();
        return NULL;
    }
    return real(text);
}
