/* refs.c - `ladderc refs FILE NAME` and `ladderc rename FILE OLD NEW`.
 *
 * Options, files, output and exit status only: the library's index
 * (ld_refs, ld_rename) finds the places in FILE and every file it imports,
 * and plans the edits. */
#include "refs.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "diag.h"
#include "escape.h"
#include "files.h"
#include "ladder.h"
#include "output.h"

enum { REFS_OK = 0, REFS_INPUT = 1, REFS_USAGE = 2 };

const char refs_usage[] =
    "usage: ladderc refs [--kind KIND] [--] FILE NAME\n"
    "\n"
    "Lists every place NAME is defined and used in FILE and the files it\n"
    "imports, one per line:\n"
    "  FILE:LINE:COL: definition|reference KIND NAME\n"
    "definitions first, then in position order. NAME is a role, track,\n"
    "company or competency id, a box name, or a level (L5: the 'levels'\n"
    "statement and each place the level is written). A name of several kinds\n"
    "lists each kind; --kind role|track|box|company|level|competency keeps\n"
    "one. Exit status 1 when no name is NAME, or when FILE has syntax errors\n"
    "(the places on those lines are missing from the list).\n";

const char rename_usage[] =
    "usage: ladderc rename [--dry-run] [--kind KIND] [--] FILE OLD NEW\n"
    "\n"
    "Renames OLD to NEW at its definition and every use in FILE and the files\n"
    "it imports, replacing each changed file whole (keeping its mode, owner\n"
    "and group); --dry-run writes\n"
    "nothing and prints the change as a unified diff. OLD is a role, track\n"
    "or company id or a box name (levels are not renamed); a name of several\n"
    "kinds needs --kind. Refused (exit 1): a NEW that is not a valid name for\n"
    "the kind or that the kind already has, an unknown OLD, and a FILE with\n"
    "syntax errors (a use on a broken line would be missed).\n";

/* FILE and what it imports, in a session that keeps the index of names.
 * The check's diagnostics are not shown (refs and rename work on a ladder
 * with mistakes), unless a file has syntax errors: then its places on the
 * broken lines are missing, and every diagnostic is shown to say why. */
struct refs_unit {
    struct heap heap;           /* the command's own memory (cli_heap_init) */
    ld_session *s;
    struct files_loader loader;
    struct files_text stdin_text;
};

static int refs_usage_error(const char *usage, const char *fmt, const char *arg)
{
    struct heap heap;
    cli_heap_init(&heap);
    struct buf b;
    buf_init(&b, &heap);
    fprintf(stderr, "ladderc: error: ");
    fprintf(stderr, fmt, escape_filename_str(&b, arg));
    fprintf(stderr, "\n%s", usage);
    buf_free(&b);
    return REFS_USAGE;
}

static int refs_out_of_memory(void)
{
    fputs("ladderc: error: out of memory\n", stderr);
    return REFS_USAGE;
}

static void refs_cannot_read(struct refs_unit *u, const char *path, const char *why)
{
    struct buf name;
    buf_init(&name, &u->heap);
    fprintf(stderr, "ladderc: error: cannot read '%s': %s\n", escape_filename_str(&name, path), why);
    buf_free(&name);
}

/* Returns 0, or the exit status when path cannot be read or memory ran
 * out (said on stderr). */
static int refs_load(struct refs_unit *u, const char *path)
{
    memset(u, 0, sizeof *u);
    cli_heap_init(&u->heap);
    files_loader_init(&u->loader, path);
    ld_config cfg = {.load = files_load, .load_ud = &u->loader, .index = 1};
    if (!(u->s = ld_session_new(&cfg)))
        return refs_out_of_memory();
    ld_status st;
    if (strcmp(path, "-") == 0) {
        char err[256];
        if (files_read_stdin(&u->stdin_text, &u->heap, err, sizeof err) != 0) {
            refs_cannot_read(u, path, err);
            return REFS_USAGE;
        }
        st = ld_session_add_text(u->s, "<stdin>", u->stdin_text.text, u->stdin_text.len);
    } else {
        st = ld_session_add_file(u->s, path);
    }
    if (st == LD_OK || st == LD_EINPUT)
        st = ld_check(u->s);
    if (st == LD_ENOMEM)
        return refs_out_of_memory();
    if (u->loader.root_failed) {
        refs_cannot_read(u, path, u->loader.root_why);
        return REFS_USAGE;
    }
    return 0;
}

static void refs_unit_free(struct refs_unit *u)
{
    ld_session_free(u->s);
    files_text_free(&u->stdin_text);
    files_loader_free(&u->loader);
}

/* Prints the diagnostics when a file has syntax errors; says whether. */
static bool refs_syntax_errors(struct refs_unit *u)
{
    if (ld_syntax_error_count(u->s) == 0)
        return false;
    ld_text t;
    if (ld_print_diagnostics(u->s, LD_FORMAT_TEXT, &t) == LD_OK)
        fwrite(t.data, 1, t.len, stderr);
    return true;
}

/* The FILE's name as messages show it. */
static const char *refs_root_name(struct refs_unit *u) { return ld_file_path(u->s, 0); }

static int kind_from_name(const char *s)
{
    for (int k = 0; k < LD_NAME_KINDS; k++)
        if (strcmp(s, ld_name_kind_name((ld_name_kind)k)) == 0)
            return k;
    return -1;
}

/* The kinds (bits) that have name, within --kind's when given; when none,
 * says so with the closest name, and returns 0. */
static unsigned refs_kinds(struct refs_unit *u, const char *name, int only)
{
    unsigned bits = ld_name_kinds(u->s, name);
    if (only >= 0)
        bits &= 1u << only;
    if (bits)
        return bits;
    struct buf b, f;
    buf_init(&b, &u->heap);
    buf_init(&f, &u->heap);
    escape_quoted(&b, name, strlen(name), DIAG_QUOTE_MAX);
    fprintf(stderr, "ladderc: error: no %s is named '%.*s' in '%s'",
            only >= 0 ? ld_name_kind_name((ld_name_kind)only) : "role, track, box, company, level or competency",
            (int)b.len, b.data ? b.data : "", escape_filename_str(&f, refs_root_name(u)));
    const char *close = ld_name_suggest(u->s, name, only >= 0 ? 1u << only : ~0u);
    if (close) {
        b.len = 0;
        escape_quoted(&b, close, strlen(close), DIAG_QUOTE_MAX);
        fprintf(stderr, "; did you mean '%.*s'?", (int)b.len, b.data ? b.data : "");
    }
    fputc('\n', stderr);
    buf_free(&b);
    buf_free(&f);
    return 0;
}

/* FILE:LINE:COL: definition|reference KIND NAME, for each place. -1 when
 * memory ran out. */
static int refs_print(struct refs_unit *u, ld_name_kind kind, const char *name, struct buf *out)
{
    const ld_place *p;
    size_t n;
    if (ld_refs(u->s, kind, name, &p, &n) != LD_OK)
        return -1;
    for (size_t i = 0; i < n; i++) {
        escape_filename(out, ld_file_path(u->s, p[i].file));
        buf_printf(out, ":%d:%d: %s %s ", p[i].line, p[i].column, p[i].definition ? "definition" : "reference",
                   ld_name_kind_name(kind));
        escape_terminal(out, name, strlen(name));
        buf_putc(out, '\n');
    }
    return 0;
}

/* Reads [--kind KIND] [--dry-run] [--] and the positional arguments. */
static int refs_args(const char *usage, int argc, char **argv, const char **args, int nargs, int *kind,
                     bool *dry_run, bool *help)
{
    int got = 0;
    bool files_only = false;
    *kind = -1;
    *help = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!files_only && strcmp(a, "--") == 0) {
            files_only = true;
        } else if (!files_only && (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)) {
            fputs(usage, stdout);
            *help = true;
            return REFS_OK;
        } else if (!files_only && dry_run && strcmp(a, "--dry-run") == 0) {
            *dry_run = true;
        } else if (!files_only && strcmp(a, "--kind") == 0) {
            if (i + 1 >= argc)
                return refs_usage_error(usage, "option '%s' needs a value", a);
            if ((*kind = kind_from_name(argv[++i])) < 0)
                return refs_usage_error(usage, "unknown kind '%s': use role, track, box, company, level or competency",
                                        argv[i]);
        } else if (!files_only && a[0] == '-' && a[1] != '\0') {
            return refs_usage_error(usage, "unknown option '%s'", a);
        } else if (got == nargs) {
            return refs_usage_error(usage, "'%s' is one argument too many", a);
        } else {
            args[got++] = a;
        }
    }
    if (got < nargs)
        return refs_usage_error(usage, "%s", nargs == 2 ? "refs needs FILE NAME" : "rename needs FILE OLD NEW");
    return REFS_OK;
}

int refs_main(int argc, char **argv)
{
    const char *args[2];
    int kind;
    bool help;
    int rc = refs_args(refs_usage, argc, argv, args, 2, &kind, NULL, &help);
    if (rc != REFS_OK || help)
        return rc;
    struct refs_unit u;
    if ((rc = refs_load(&u, args[0])) != 0) {
        refs_unit_free(&u);
        return rc;
    }
    bool broken = refs_syntax_errors(&u);
    if (broken) {
        struct buf name;
        buf_init(&name, &u.heap);
        fprintf(stderr, "ladderc: error: '%s' has syntax errors; places on the lines that broke are not listed\n",
                escape_filename_str(&name, refs_root_name(&u)));
        buf_free(&name);
    }
    unsigned bits = refs_kinds(&u, args[1], kind);
    rc = bits && !broken ? REFS_OK : REFS_INPUT;
    struct buf out;
    buf_init(&out, &u.heap);
    for (int k = 0; k < LD_NAME_KINDS; k++)
        if ((bits & 1u << k) && refs_print(&u, (ld_name_kind)k, args[1], &out) != 0)
            rc = refs_out_of_memory();
    char err[OUTPUT_ERR_MAX];
    if (out.len && output_stdout(&out, err, sizeof err) != 0) {
        fprintf(stderr, "ladderc: error: %s\n", err);
        rc = REFS_USAGE;
    }
    buf_free(&out);
    refs_unit_free(&u);
    return rc;
}

/* The one kind of OLD; several need --kind (said on stderr, -1). */
static int rename_kind(struct refs_unit *u, const char *old_name, int only)
{
    unsigned bits = refs_kinds(u, old_name, only);
    if (!bits)
        return -1;
    if ((bits & (bits - 1)) == 0) {
        for (int k = 0; k < LD_NAME_KINDS; k++)
            if (bits == 1u << k)
                return k;
    }
    struct buf b;
    buf_init(&b, &u->heap);
    escape_quoted(&b, old_name, strlen(old_name), DIAG_QUOTE_MAX);
    fprintf(stderr, "ladderc: error: '%.*s' names more than one thing (", (int)b.len, b.data ? b.data : "");
    const char *sep = "";
    for (int k = 0; k < LD_NAME_KINDS; k++)
        if (bits & 1u << k) {
            fprintf(stderr, "%s%s", sep, ld_name_kind_name((ld_name_kind)k));
            sep = ", ";
        }
    fprintf(stderr, "): give --kind KIND\n");
    buf_free(&b);
    return -1;
}

static void rename_refused(struct refs_unit *u, const char *kind, const char *old_name, const char *new_name,
                           const char *why)
{
    struct buf a, b;
    buf_init(&a, &u->heap);
    buf_init(&b, &u->heap);
    escape_quoted(&a, old_name, strlen(old_name), DIAG_QUOTE_MAX);
    escape_quoted(&b, new_name, strlen(new_name), DIAG_QUOTE_MAX);
    fprintf(stderr, "ladderc: error: cannot rename %s '%.*s' to '%.*s': %s\n", kind, (int)a.len,
            a.data ? a.data : "", (int)b.len, b.data ? b.data : "", why);
    buf_free(&a);
    buf_free(&b);
}

/* Writes the renamed files, each replaced whole (output_file), or their
 * diffs with --dry-run. The files are written in the session's order; a
 * failure stops there and names the file (those before it are renamed). */
static int rename_write(struct refs_unit *u, const ld_change *c, size_t n, bool dry_run)
{
    char err[OUTPUT_ERR_MAX];
    struct buf out;
    buf_init(&out, &u->heap);
    int rc = REFS_OK;
    for (size_t i = 0; i < n && rc == REFS_OK; i++) {
        const char *path = ld_file_path(u->s, c[i].file);
        if (dry_run) {
            buf_put(&out, c[i].diff.data, c[i].diff.len);
        } else if (c[i].file == 0 && strcmp(path, "<stdin>") == 0 && u->stdin_text.text) {
            rc = refs_usage_error(rename_usage, "%s", "standard input cannot be rewritten: use --dry-run");
        } else {
            out.len = 0;
            buf_put(&out, c[i].text.data, c[i].text.len);
            if (output_file(path, &out, OUTPUT_REGULAR_ONLY, err, sizeof err) != 0) {
                fprintf(stderr, "ladderc: error: %s\n", err);
                rc = REFS_USAGE;
            }
        }
    }
    if (dry_run && rc == REFS_OK && out.len && output_stdout(&out, err, sizeof err) != 0) {
        fprintf(stderr, "ladderc: error: %s\n", err);
        rc = REFS_USAGE;
    }
    buf_free(&out);
    return rc;
}

int rename_main(int argc, char **argv)
{
    const char *args[3];
    int only;
    bool dry_run = false, help;
    int rc = refs_args(rename_usage, argc, argv, args, 3, &only, &dry_run, &help);
    if (rc != REFS_OK || help)
        return rc;
    if (strcmp(args[0], "-") == 0 && !dry_run)
        return refs_usage_error(rename_usage, "%s", "standard input cannot be rewritten: use --dry-run");
    struct refs_unit u;
    if ((rc = refs_load(&u, args[0])) != 0) {
        refs_unit_free(&u);
        return rc;
    }
    if (refs_syntax_errors(&u)) {
        struct buf name;
        buf_init(&name, &u.heap);
        fprintf(stderr, "ladderc: error: '%s' has syntax errors; not renamed (a use on a broken line would be "
                "missed)\n", escape_filename_str(&name, refs_root_name(&u)));
        buf_free(&name);
        refs_unit_free(&u);
        return REFS_INPUT;
    }
    int kind = rename_kind(&u, args[1], only);
    const ld_change *changes;
    size_t n;
    ld_status st;
    if (kind < 0) {
        rc = REFS_INPUT;
    } else if ((st = ld_rename(u.s, (ld_name_kind)kind, args[1], args[2], &changes, &n)) == LD_ENOMEM) {
        rc = refs_out_of_memory();
    } else if (st != LD_OK) {
        rename_refused(&u, ld_name_kind_name((ld_name_kind)kind), args[1], args[2], ld_message(u.s));
        rc = REFS_INPUT;
    } else {
        rc = rename_write(&u, changes, n, dry_run);
    }
    refs_unit_free(&u);
    return rc;
}
