/* diffcmd.c - `ladderc diff OLD NEW` and `ladderc diff --git REV FILE`.
 *
 * Options, versions, output and exit status only: the library compares the
 * two checked models (ld_diff). A version is a file on disk, or a file at a
 * git revision, read with `git cat-file blob REV:PATH` through fork and
 * exec (no git library; the library under us reads nothing itself: the
 * version's session gets a loader that asks git, so the files it imports
 * come from the same revision). */
#include "diffcmd.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "diag.h"
#include "escape.h"
#include "files.h"
#include "ladder.h"
#include "output.h"

enum { DIFF_EXIT_OK = 0, DIFF_EXIT_INPUT = 1, DIFF_EXIT_USAGE = 2, DIFF_EXIT_CHANGES = 3 };

const char diff_usage[] =
    "usage: ladderc diff [-T text|md|json] [-o OUT] [--exit-code] [--] OLD NEW\n"
    "       ladderc diff [-T text|md|json] [-o OUT] [--exit-code] --git REV FILE\n"
    "\n"
    "Says what changed from the ladder OLD to the ladder NEW, by meaning, not\n"
    "by text: roles, tracks, boxes, moves, companies, competencies, rungs,\n"
    "expectations, the ladder's settings, and roles that moved on the map.\n"
    "Reordering or reformatting a file is no change. Each change names its\n"
    "FILE:LINE in NEW (a removed thing: in OLD).\n"
    "\n"
    "  -T text|md|json   text for a terminal (default), Markdown for a pull\n"
    "                    request comment, JSON for tools\n"
    "  -o OUT            write to OUT (replaced whole) instead of standard output\n"
    "  --exit-code       exit with status 3 when there are changes (0: none)\n"
    "  --git REV FILE    OLD is FILE at the git revision REV, NEW is FILE\n"
    "\n"
    "OLD or NEW '-' is standard input (once). OLD or NEW written REV:PATH\n"
    "(when no such file exists) is PATH at the git revision REV, as git\n"
    "reads it: from the top of the repository, or from here when it starts\n"
    "with ./ or ../. The files a version imports are read from the same\n"
    "place. Exit status: 0 done, 1 a version has errors (its diagnostics are\n"
    "printed, each file named with its version), 2 usage or I/O (a file\n"
    "missing, an unknown revision, git not found), 3 changes (--exit-code).\n"
    "The changes: docs/language.md, \"Differences\".\n";

/* ---- reading a file at a git revision ---- */

/* How a version is read: from disk, or from git at a revision.
 *
 * A git version's files are named "REV:./PATH" in its session, PATH from
 * the top of the repository: what its diagnostics and removed things show
 * ("origin/main:./ladder.ladder:3:1", the same as git's own
 * "origin/main:./ladder.ladder" when ladderc runs at the top, as in CI).
 * The library resolves an import from the importing file's folder, and
 * pops a folder for each "..": the "./" puts a '/' after the revision
 * (whose own slashes, "origin/main", must not be taken for folders), and
 * from the top of the repository only an import that leaves the
 * repository can pop "REV:." off, which git could not read anyway. */
enum diff_source { DIFF_DISK, DIFF_GIT };

struct diff_side {
    struct heap heap;
    ld_session *s;
    enum diff_source source;
    const char *rev;            /* git: the revision as given */
    const char *root;           /* the path the session reads first ("REV:./PATH" for git) */
    const char *operand;        /* as the user wrote it, for messages */
    struct files_loader files;  /* disk, and the shipped ladders (std/) */
    size_t calls;
    bool root_failed;
    char root_why[256];
    struct files_text stdin_text;   /* '-': standard input, read here */
};

static void diff_side_why(char *why, size_t whysz, const char *text, size_t len)
{
    /* git's last line is its reason ("fatal: invalid object name 'x'.") */
    while (len && (text[len - 1] == '\n' || text[len - 1] == '\r'))
        len--;
    size_t start = len;
    while (start && text[start - 1] != '\n')
        start--;
    snprintf(why, whysz, "%.*s", (int)(len - start), text + start);
}

/* Reads all of fd into a growing block of h (two NULs after); -1 on error. */
static int diff_read_all(struct heap *h, int fd, char **text, size_t *len)
{
    size_t cap = 64 * 1024, n = 0;
    char *p = heap_alloc(h, cap);
    for (;;) {
        if (cap - n < 3) {
            cap *= 2;
            p = heap_realloc(h, p, cap);
        }
        ssize_t k = read(fd, p + n, cap - n - 2);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            heap_free(h, p);
            return -1;
        }
        if (k == 0)
            break;
        n += (size_t)k;
    }
    p[n] = p[n + 1] = '\0';
    *text = p;
    *len = n;
    return 0;
}

/* Runs git with args (argv[0] "git"): its standard output in *text
 * (from h), or -1 with git's reason (its last line on standard error) in
 * why. */
static int diff_git_run(struct heap *h, char *const args[], char **text, size_t *len, char *why, size_t whysz)
{
    int out[2], err[2];
    if (pipe(out) != 0) {
        snprintf(why, whysz, "cannot run git: %s", strerror(errno));
        return -1;
    }
    if (pipe(err) != 0) {
        snprintf(why, whysz, "cannot run git: %s", strerror(errno));
        close(out[0]);
        close(out[1]);
        return -1;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(why, whysz, "cannot run git: %s", strerror(errno));
        close(out[0]), close(out[1]), close(err[0]), close(err[1]);
        return -1;
    }
    if (pid == 0) {
        dup2(out[1], 1);
        dup2(err[1], 2);
        close(out[0]), close(out[1]), close(err[0]), close(err[1]);
        execvp("git", args);
        const char *e = strerror(errno);
        if (write(2, "cannot run git: ", 16) < 0 || write(2, e, strlen(e)) < 0)
            _exit(127);
        _exit(127);
    }
    close(out[1]);
    close(err[1]);
    char *o = NULL, *e = NULL;
    size_t olen = 0, elen = 0;
    int rc = diff_read_all(h, out[0], &o, &olen);
    if (diff_read_all(h, err[0], &e, &elen) != 0)
        e = NULL;
    close(out[0]);
    close(err[0]);
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (rc == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        heap_free(h, e);
        *text = o;
        *len = olen;
        return 0;
    }
    if (e && elen)
        diff_side_why(why, whysz, e, elen);
    else
        snprintf(why, whysz, "git failed (status %d)", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    heap_free(h, o);
    heap_free(h, e);
    return -1;
}

/* `git cat-file blob SPEC`. cat-file, not show: a folder at that revision
 * is an error, not a listing, and no textconv (a ladder diff driver)
 * applies. */
static int diff_git_blob(struct heap *h, const char *spec, char **text, size_t *len, char *why, size_t whysz)
{
    char *args[] = {"git", "cat-file", "blob", (char *)spec, NULL};
    return diff_git_run(h, args, text, len, why, whysz);
}

static void diff_git_release(void *ud, const char *text, size_t len)
{
    (void)len;
    struct diff_side *d = ud;
    heap_free(&d->heap, (void *)text);
}

static void diff_disk_release(void *ud, const char *text, size_t len)
{
    (void)len;
    struct diff_side *d = ud;
    heap_free(&d->files.heap, (void *)text);
}

/* The loader of a version (ld_load_fn): the shipped ladders and a disk
 * version through files_load; a git version's files through git. */
static int diff_load(void *ud, const char *path, ld_source *out)
{
    struct diff_side *d = ud;
    bool root = d->calls++ == 0;
    if (d->source == DIFF_DISK || (!root && strncmp(path, "std/", 4) == 0)) {
        int rc = files_load(&d->files, path, out);
        if (rc == 0)
            out->release = diff_disk_release;   /* the session hands back d, not d->files */
        if (rc != 0 && root) {
            d->root_failed = true;
            snprintf(d->root_why, sizeof d->root_why, "%s", out->why);
        }
        return rc;
    }
    size_t n = strlen(d->rev);
    if (strncmp(path, d->rev, n) != 0 || strncmp(path + n, ":./", 3) != 0) {
        snprintf(out->why, sizeof out->why, "it is outside the repository");
        return -1;
    }
    /* git reads "REV:PATH" from the top */
    struct buf spec;
    buf_init(&spec, &d->heap);
    buf_put(&spec, path, n + 1);
    buf_puts(&spec, path + n + 3);
    buf_putc(&spec, '\0');
    char *text;
    size_t len;
    int rc = diff_git_blob(&d->heap, spec.data, &text, &len, out->why, sizeof out->why);
    buf_free(&spec);
    if (rc != 0) {
        if (root) {
            d->root_failed = true;
            snprintf(d->root_why, sizeof d->root_why, "%s", out->why);
        }
        return -1;
    }
    out->text = text;
    out->len = len;
    out->release = diff_git_release;
    return 0;
}

/* ---- the two versions ---- */

static int diff_usage_error(struct heap *heap, const char *fmt, const char *arg)
{
    struct buf b;
    buf_init(&b, heap);
    fprintf(stderr, "ladderc: error: ");
    fprintf(stderr, fmt, escape_filename_str(&b, arg));
    fprintf(stderr, "\n%s", diff_usage);
    buf_free(&b);
    return DIFF_EXIT_USAGE;
}

/* An I/O error about arg (exit 2, without the usage). */
static void diff_error(struct heap *heap, const char *fmt, const char *arg, const char *why)
{
    struct buf b;
    buf_init(&b, heap);
    fprintf(stderr, "ladderc: error: ");
    fprintf(stderr, fmt, escape_filename_str(&b, arg), why);
    fputc('\n', stderr);
    buf_free(&b);
}

/* A git revision that cannot be taken for an option of git's. */
static bool diff_rev_ok(const char *rev) { return rev[0] != '\0' && rev[0] != '-'; }

/* Appends path's components to b (a path from the top, "" or ending in
 * '/'), "." skipped and ".." popping one; -1 when it leaves the top. */
static int diff_path_join(struct buf *b, const char *path)
{
    while (*path) {
        const char *end = strchr(path, '/');
        size_t n = end ? (size_t)(end - path) : strlen(path);
        if (n == 2 && path[0] == '.' && path[1] == '.') {
            if (b->len == 0)
                return -1;
            b->len--;                       /* the '/' */
            while (b->len && b->data[b->len - 1] != '/')
                b->len--;
        } else if (n && !(n == 1 && path[0] == '.')) {
            buf_put(b, path, n);
            if (end)
                buf_putc(b, '/');
        }
        path += n + (end != NULL);
    }
    return 0;
}

/* The session's name of path at rev: "REV:./TOP" where TOP is path from
 * the top of the repository; path is from here unless top_relative. NULL
 * when it cannot be (said on stderr). */
static const char *diff_git_name(struct diff_side *d, const char *rev, size_t revlen, const char *path,
                                 bool top_relative)
{
    if (path[0] == '/') {
        diff_error(&d->heap, "cannot read '%s' from git: name it from the current folder, not from /%s", path, "");
        return NULL;
    }
    struct buf b;
    buf_init(&b, &d->heap);
    if (!top_relative) {
        char *prefix, why[256];
        size_t n;
        char *args[] = {"git", "rev-parse", "--show-prefix", NULL};
        if (diff_git_run(&d->heap, args, &prefix, &n, why, sizeof why) != 0) {
            diff_error(&d->heap, "cannot read '%s' from git: %s", path, why);
            buf_free(&b);
            return NULL;
        }
        while (n && (prefix[n - 1] == '\n' || prefix[n - 1] == '\r'))
            n--;
        buf_put(&b, prefix, n);
        heap_free(&d->heap, prefix);
    }
    if (diff_path_join(&b, path) != 0 || b.len == 0) {
        diff_error(&d->heap, "cannot read '%s' from git: %s", path, "it is outside the repository");
        buf_free(&b);
        return NULL;
    }
    char *name = heap_alloc(&d->heap, revlen + b.len + 4);
    memcpy(name, rev, revlen);
    memcpy(name + revlen, ":./", 3);
    memcpy(name + revlen + 3, b.data, b.len);
    name[revlen + 3 + b.len] = '\0';
    buf_free(&b);
    return name;
}

/* Where operand comes from: a file on disk, or REV:PATH when no such file
 * exists and it has a ':' (with a revision and a path around it); with
 * git_rev (--git), operand at that revision. Returns 0 or the exit status
 * (said). */
static int diff_side_init(struct diff_side *d, const char *operand, const char *git_rev)
{
    memset(d, 0, sizeof *d);
    cli_heap_init(&d->heap);
    files_loader_init(&d->files, NULL);
    d->operand = operand;
    d->root = operand;
    if (git_rev) {
        d->source = DIFF_GIT;
        d->rev = git_rev;
        d->root = diff_git_name(d, git_rev, strlen(git_rev), operand, false);
        return d->root ? 0 : DIFF_EXIT_USAGE;
    }
    struct stat st;
    const char *colon = strchr(operand, ':');
    if (strcmp(operand, "-") == 0 || stat(operand, &st) == 0 || !colon) {
        d->source = DIFF_DISK;
        d->files.root = strcmp(operand, "-") == 0 ? NULL : operand;    /* "-": standard input */
        return 0;
    }
    size_t n = (size_t)(colon - operand);
    char *rev = heap_alloc(&d->heap, n + 1);
    memcpy(rev, operand, n);
    rev[n] = '\0';
    d->rev = rev;
    if (!diff_rev_ok(rev) || !colon[1])
        return diff_usage_error(&d->heap, "'%s' is neither a file nor REV:PATH", operand);
    d->source = DIFF_GIT;
    /* as git reads REV:PATH: from the top, but ./PATH and ../PATH from here */
    const char *path = colon + 1;
    bool here = strncmp(path, "./", 2) == 0 || strncmp(path, "../", 3) == 0;
    d->root = diff_git_name(d, rev, n, path, !here);
    return d->root ? 0 : DIFF_EXIT_USAGE;
}

static void diff_side_free(struct diff_side *d)
{
    ld_session_free(d->s);
    files_text_free(&d->stdin_text);
    files_loader_free(&d->files);
    heap_free_all(&d->heap);
}

/* Prints the version's diagnostics (its files are named with the
 * revision already: "origin/main:./ladder.ladder:3:1: error: ..."). */
static void diff_side_report(struct diff_side *d)
{
    ld_text t;
    if (ld_print_diagnostics(d->s, LD_FORMAT_TEXT, &t) == LD_OK)
        fwrite(t.data, 1, t.len, stderr);
}

/* Reads and checks the version. 0: checked without errors; 1: errors
 * (printed); 2: it cannot be read (said). */
static int diff_side_load(struct diff_side *d)
{
    /* at most 20 diagnostics a file, as the other commands show */
    ld_config cfg = {.load = diff_load, .load_ud = d, .diag = {.max_shown = DIAG_MAX_SHOWN_DEFAULT}};
    if (!(d->s = ld_session_new(&cfg))) {
        fputs("ladderc: error: out of memory\n", stderr);
        return DIFF_EXIT_USAGE;
    }
    ld_status added;
    if (d->source == DIFF_DISK && strcmp(d->root, "-") == 0) {
        char err[256];
        if (files_read_stdin(&d->stdin_text, &d->heap, err, sizeof err) != 0) {
            diff_error(&d->heap, "cannot read '%s': %s", d->root, err);
            return DIFF_EXIT_USAGE;
        }
        d->calls++;     /* the loader's first call is then an import's */
        added = ld_session_add_text(d->s, "<stdin>", d->stdin_text.text, d->stdin_text.len);
    } else {
        added = ld_session_add_file(d->s, d->root);
    }
    if (added != LD_OK) {
        fputs("ladderc: error: out of memory\n", stderr);
        return DIFF_EXIT_USAGE;
    }
    ld_status st = ld_check(d->s);
    if (st == LD_ENOMEM) {
        fputs("ladderc: error: out of memory\n", stderr);
        return DIFF_EXIT_USAGE;
    }
    if (d->root_failed) {
        struct buf b;
        buf_init(&b, &d->heap);
        fprintf(stderr, "ladderc: error: cannot read '%s': %s\n", escape_filename_str(&b, d->root), d->root_why);
        buf_free(&b);
        return DIFF_EXIT_USAGE;
    }
    if (st != LD_OK) {
        diff_side_report(d);
        return DIFF_EXIT_INPUT;
    }
    return 0;
}

/* ---- the command ---- */

struct diff_args {
    const char *format, *out, *git_rev;
    const char *operands[2];
    int noperands;
    bool exit_code;
};

/* Returns -1 to go on, or the exit status (help printed, or a usage error). */
static int diff_parse(struct heap *heap, int argc, char **argv, struct diff_args *a)
{
    memset(a, 0, sizeof *a);
    a->format = "text";
    bool files_only = false;
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        if (!files_only && strcmp(s, "--") == 0) {
            files_only = true;
        } else if (!files_only && (strcmp(s, "-h") == 0 || strcmp(s, "--help") == 0)) {
            fputs(diff_usage, stdout);
            return DIFF_EXIT_OK;
        } else if (!files_only && strcmp(s, "--exit-code") == 0) {
            a->exit_code = true;
        } else if (!files_only && (strcmp(s, "-T") == 0 || strcmp(s, "-o") == 0 || strcmp(s, "--git") == 0)) {
            if (i + 1 >= argc)
                return diff_usage_error(heap, "option '%s' needs a value", s);
            const char *v = argv[++i];
            if (s[1] == 'T')
                a->format = v;
            else if (s[1] == 'o')
                a->out = v;
            else if (!diff_rev_ok(v))
                return diff_usage_error(heap, "'%s' is not a git revision", v);
            else
                a->git_rev = v;
        } else if (!files_only && strncmp(s, "-T", 2) == 0) {
            a->format = s + 2;
        } else if (!files_only && s[0] == '-' && s[1] != '\0') {
            return diff_usage_error(heap, "unknown option '%s'", s);
        } else if (a->noperands == 2) {
            return diff_usage_error(heap, "'%s' is one argument too many", s);
        } else {
            a->operands[a->noperands++] = s;
        }
    }
    if (strcmp(a->format, "text") != 0 && strcmp(a->format, "md") != 0 && strcmp(a->format, "json") != 0)
        return diff_usage_error(heap, "unknown format '%s': diff prints text, md or json", a->format);
    if (a->git_rev && a->noperands != 1)
        return diff_usage_error(heap, "%s", "diff --git REV needs one FILE");
    if (!a->git_rev && a->noperands != 2)
        return diff_usage_error(heap, "%s", "diff needs OLD NEW (or --git REV FILE)");
    if (a->noperands == 2 && strcmp(a->operands[0], "-") == 0 && strcmp(a->operands[1], "-") == 0)
        return diff_usage_error(heap, "%s", "'-' (standard input) can be given only once");
    return -1;
}

/* The diff of two checked versions, written out. */
static int diff_write(struct heap *heap, struct diff_side *old_v, struct diff_side *new_v, const struct diff_args *a)
{
    ld_text t;
    size_t n = 0;
    ld_status st = ld_diff(old_v->s, new_v->s, a->format, &t, &n);
    if (st != LD_OK) {
        fprintf(stderr, "ladderc: error: %s\n", st == LD_ENOMEM ? "out of memory" : ld_message(new_v->s));
        return DIFF_EXIT_USAGE;
    }
    struct buf out;
    buf_init(&out, heap);
    buf_put(&out, t.data, t.len);
    char err[OUTPUT_ERR_MAX];
    int rc = a->out ? output_file(a->out, &out, OUTPUT_ANY, err, sizeof err) : output_stdout(&out, err, sizeof err);
    buf_free(&out);
    if (rc != 0) {
        fprintf(stderr, "ladderc: error: %s\n", err);
        return DIFF_EXIT_USAGE;
    }
    return a->exit_code && n ? DIFF_EXIT_CHANGES : DIFF_EXIT_OK;
}

int diff_main(int argc, char **argv)
{
    struct heap heap;
    cli_heap_init(&heap);
    struct diff_args a;
    int rc = diff_parse(&heap, argc, argv, &a);
    if (rc >= 0)
        return rc;
    struct diff_side old_v, new_v;
    const char *old_name = a.git_rev ? a.operands[0] : a.operands[0];
    const char *new_name = a.git_rev ? a.operands[0] : a.operands[1];
    int ro = diff_side_init(&old_v, old_name, a.git_rev);
    int rn = diff_side_init(&new_v, new_name, NULL);
    if (ro == 0 && rn == 0) {
        ro = diff_side_load(&old_v);
        rn = ro == DIFF_EXIT_USAGE ? 0 : diff_side_load(&new_v);
        /* the worse of the two: I/O (2) before errors (1) */
        rc = ro > rn ? ro : rn;
        if (rc == DIFF_EXIT_INPUT) {
            size_t errors = ld_error_count(old_v.s) + (new_v.s ? ld_error_count(new_v.s) : 0);
            fprintf(stderr, "%zu error%s generated.\n", errors, errors == 1 ? "" : "s");
        } else if (rc == 0) {
            rc = diff_write(&heap, &old_v, &new_v, &a);
        }
    } else {
        rc = DIFF_EXIT_USAGE;
    }
    diff_side_free(&old_v);
    diff_side_free(&new_v);
    return rc;
}
