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
    "OLD or NEW written REV:PATH (when no such file exists) is PATH at the git\n"
    "revision REV, as git reads it (PATH from the top of the repository, or\n"
    "from here when it starts with ./ or ../). The files a version imports\n"
    "are read from the same place. Exit status: 0 done, 1 a version has errors\n"
    "(its diagnostics are printed, each file named with its version), 2 usage\n"
    "or I/O (a file missing, an unknown revision, git not found).\n"
    "The changes: docs/language.md, \"Differences\".\n";

/* ---- reading a file at a git revision ---- */

/* How a version is read: from disk, or from git at a revision, its paths
 * taken from here (--git, REV:./PATH) or from the top of the repository
 * (REV:PATH). */
enum diff_source { DIFF_DISK, DIFF_GIT_HERE, DIFF_GIT_TOP };

struct diff_side {
    struct heap heap;
    ld_session *s;
    enum diff_source source;
    const char *rev;            /* git: the revision as given */
    const char *root;           /* the path the session reads first */
    const char *operand;        /* as the user wrote it, for messages */
    struct files_loader files;  /* disk, and the shipped ladders (std/) */
    size_t calls;
    bool root_failed;
    char root_why[256];
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

/* `git cat-file blob SPEC`: its output in *text (from h), or -1 with
 * git's reason in why. cat-file, not show: a folder at that revision is an
 * error, not a listing, and no textconv (a ladder diff driver) applies. */
static int diff_git_blob(struct heap *h, const char *spec, char **text, size_t *len, char *why, size_t whysz)
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
        execlp("git", "git", "cat-file", "blob", spec, (char *)NULL);
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
    /* from here: "./PATH" (git reads "../PATH" from here already) */
    bool here = d->source == DIFF_GIT_HERE && strncmp(path, "../", 3) != 0 && strncmp(path, "./", 2) != 0;
    struct buf spec;
    buf_init(&spec, &d->heap);
    buf_printf(&spec, "%s:%s%s", d->rev, here ? "./" : "", path);
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

/* A git revision that cannot be taken for an option of git's. */
static bool diff_rev_ok(const char *rev) { return rev[0] != '\0' && rev[0] != '-'; }

/* Where operand comes from: a file on disk, or REV:PATH when no such file
 * exists and it has a ':' (with a revision and a path around it). */
static int diff_side_init(struct diff_side *d, const char *operand, const char *git_rev)
{
    memset(d, 0, sizeof *d);
    cli_heap_init(&d->heap);
    files_loader_init(&d->files, NULL);
    d->operand = operand;
    d->root = operand;
    if (git_rev) {
        d->source = DIFF_GIT_HERE;
        d->rev = git_rev;
        return 0;
    }
    struct stat st;
    const char *colon = strchr(operand, ':');
    if (stat(operand, &st) == 0 || !colon) {
        d->source = DIFF_DISK;
        d->files.root = operand;
        return 0;
    }
    size_t n = (size_t)(colon - operand);
    char *rev = heap_alloc(&d->heap, n + 1);
    memcpy(rev, operand, n);
    rev[n] = '\0';
    d->rev = rev;
    d->root = colon + 1;
    if (!diff_rev_ok(rev) || !*d->root)
        return diff_usage_error(&d->heap, "'%s' is neither a file nor REV:PATH", operand);
    d->source = strncmp(d->root, "./", 2) == 0 || strncmp(d->root, "../", 3) == 0 ? DIFF_GIT_HERE : DIFF_GIT_TOP;
    return 0;
}

static void diff_side_free(struct diff_side *d)
{
    ld_session_free(d->s);
    files_loader_free(&d->files);
    heap_free_all(&d->heap);
}

/* The name a file of a version goes by in messages: "REV:PATH" for git. */
static const char *diff_side_name(struct diff_side *d, const char *path, struct buf *b)
{
    b->len = 0;
    if (d->source != DIFF_DISK && strncmp(path, "std/", 4) != 0) {
        buf_puts(b, d->rev);
        buf_putc(b, ':');
    }
    buf_puts(b, path);
    buf_putc(b, '\0');
    return b->data;
}

/* Prints the version's diagnostics, each file named as diff_side_name
 * says: the library names a file by its path, so the lines that start
 * with a file's name (escaped as the printer escapes it) get the revision
 * in front. */
static void diff_side_report(struct diff_side *d)
{
    ld_text t;
    if (ld_print_diagnostics(d->s, LD_FORMAT_TEXT, &t) != LD_OK)
        return;
    if (d->source == DIFF_DISK) {
        fwrite(t.data, 1, t.len, stderr);
        return;
    }
    size_t nfiles = ld_file_count(d->s);
    struct buf plain, named, full;
    buf_init(&plain, &d->heap);
    buf_init(&named, &d->heap);
    buf_init(&full, &d->heap);
    for (const char *line = t.data, *end = t.data + t.len; line < end;) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        size_t len = nl ? (size_t)(nl - line) + 1 : (size_t)(end - line);
        size_t best = 0, best_file = 0;
        for (size_t i = 0; i < nfiles; i++) {
            plain.len = 0;
            escape_filename(&plain, ld_file_path(d->s, i));
            if (plain.len > best && plain.len < len && memcmp(line, plain.data, plain.len) == 0 &&
                line[plain.len] == ':') {
                best = plain.len;
                best_file = i;
            }
        }
        if (best) {
            named.len = 0;
            diff_side_name(d, ld_file_path(d->s, best_file), &full);
            escape_filename(&named, full.data);
            fwrite(named.data, 1, named.len, stderr);
        }
        fwrite(line + best, 1, len - best, stderr);
        line += len;
    }
    buf_free(&plain);
    buf_free(&named);
    buf_free(&full);
}

/* Reads and checks the version. 0: checked without errors; 1: errors
 * (printed); 2: it cannot be read (said). */
static int diff_side_load(struct diff_side *d)
{
    ld_config cfg = {.load = diff_load, .load_ud = d};
    if (!(d->s = ld_session_new(&cfg)) || ld_session_add_file(d->s, d->root) != LD_OK) {
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
        struct buf n;
        buf_init(&n, &d->heap);
        fprintf(stderr, "ladderc: error: cannot read '%s': %s\n",
                escape_filename_str(&b, diff_side_name(d, d->root, &n)), d->root_why);
        buf_free(&b);
        buf_free(&n);
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
