/* refs.c - `ladderc refs FILE NAME` and `ladderc rename FILE OLD NEW`.
 *
 * Options, files, output and exit status only: the index (lib/index.c)
 * finds the places and plans the edits. One file for now; when a session
 * follows imports these run on it, unchanged but for the loading. */
#include "refs.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "buf.h"
#include "check.h"
#include "diag.h"
#include "escape.h"
#include "index.h"
#include "output.h"
#include "parse.h"
#include "source.h"

enum { REFS_OK = 0, REFS_INPUT = 1, REFS_USAGE = 2 };

const char refs_usage[] =
    "usage: ladderc refs [--kind KIND] [--] FILE NAME\n"
    "\n"
    "Lists every place NAME is defined and used in FILE, one per line:\n"
    "  FILE:LINE:COL: definition|reference KIND NAME\n"
    "definitions first, then in position order. NAME is a role, track or\n"
    "company id, a box name, or a level (L5: the 'levels' statement and each\n"
    "place the level is written). A name of several kinds lists each kind;\n"
    "--kind role|track|box|company|level keeps one. Exit status 1 when no\n"
    "name is NAME, or when FILE has syntax errors (the places on those lines\n"
    "are missing from the list).\n";

const char rename_usage[] =
    "usage: ladderc rename [--dry-run] [--kind KIND] [--] FILE OLD NEW\n"
    "\n"
    "Renames OLD to NEW at its definition and every use in FILE, rewriting\n"
    "FILE atomically (keeping its mode, owner and group); --dry-run writes\n"
    "nothing and prints the change as a unified diff. OLD is a role, track\n"
    "or company id or a box name (levels are not renamed); a name of several\n"
    "kinds needs --kind. Refused (exit 1): a NEW that is not a valid name for\n"
    "the kind or that the kind already has, an unknown OLD, and a FILE with\n"
    "syntax errors (a use on a broken line would be missed).\n";

/* One file, parsed and checked with an index. The check's diagnostics are
 * not shown (refs and rename work on a file with mistakes); its syntax
 * errors are. */
struct refs_unit {
    struct heap heap;           /* the file's memory (cli_heap_init) */
    struct source src;
    struct arena arena;
    struct diag_sink syntax, check;
    struct ast_file *ast;
    struct index idx;
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

/* Returns 0, or -1 when path cannot be read (said on stderr). */
static int refs_load(struct refs_unit *u, const char *path)
{
    /* the check's diagnostics are counted, not kept: no memory for them */
    static const struct diag_options quiet = {.max_shown = 1};
    char err[256];
    memset(u, 0, sizeof *u);
    cli_heap_init(&u->heap);
    arena_init(&u->arena, &u->heap);
    diag_init(&u->syntax, &u->arena);
    diag_init(&u->check, &u->arena);
    diag_set_options(&u->check, &quiet);
    if (source_load(&u->src, &u->heap, path, err, sizeof err) != 0) {
        struct buf name;
        buf_init(&name, &u->heap);
        fprintf(stderr, "ladderc: error: cannot read '%s': %s\n", escape_filename_str(&name, path), err);
        buf_free(&name);
        return -1;
    }
    u->ast = parse_source(&u->src, &u->arena, &u->syntax);
    index_init(&u->idx, &u->arena);
    struct ast_file *files[1] = {u->ast};
    check_files(files, 1, &u->arena, &u->check, &u->idx);
    return 0;
}

static void refs_unit_free(struct refs_unit *u)
{
    source_free(&u->src);
    arena_free(&u->arena);
}

static bool refs_syntax_errors(struct refs_unit *u)
{
    if (u->syntax.nerrors == 0 && u->ast->syntax_errors == 0)
        return false;
    diag_sort(&u->syntax);
    diag_print_text(&u->syntax, &u->src, stderr, false);
    return true;
}

static int kind_from_name(const char *s)
{
    for (int k = 0; k < INDEX_KIND_COUNT; k++)
        if (strcmp(s, index_kind_name((enum index_kind)k)) == 0)
            return k;
    return -1;
}

/* The kinds (bits) that have name, within --kind's when given; when none,
 * says so with the closest name, and returns 0. */
static unsigned refs_kinds(struct refs_unit *u, const char *name, int only)
{
    unsigned bits = index_kinds_of(&u->idx, name);
    if (only >= 0)
        bits &= 1u << only;
    if (bits)
        return bits;
    struct buf b, f;
    buf_init(&b, &u->heap);
    buf_init(&f, &u->heap);
    escape_quoted(&b, name, strlen(name), DIAG_QUOTE_MAX);
    fprintf(stderr, "ladderc: error: no %s is named '%.*s' in '%s'",
            only >= 0 ? index_kind_name((enum index_kind)only) : "role, track, box, company or level",
            (int)b.len, b.data ? b.data : "", escape_filename_str(&f, u->src.name));
    const char *close = index_suggest(&u->idx, name, only >= 0 ? 1u << only : ~0u);
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

/* FILE:LINE:COL: definition|reference KIND NAME, for each place. */
static void refs_print(struct refs_unit *u, enum index_kind kind, const char *name, struct buf *out)
{
    const struct index_entry **found;
    size_t n = index_find(&u->idx, kind, name, &found);
    struct buf file;
    buf_init(&file, &u->heap);
    escape_filename(&file, u->src.name);
    for (size_t i = 0; i < n; i++) {
        struct source_pos first, last;
        source_span(&u->src, found[i]->loc, &first, &last);
        buf_put(out, file.data, file.len);
        buf_printf(out, ":%d:%d: %s %s ", first.line, first.column,
                   found[i]->is_def ? "definition" : "reference", index_kind_name(kind));
        escape_terminal(out, name, strlen(name));
        buf_putc(out, '\n');
    }
    buf_free(&file);
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
                return refs_usage_error(usage, "unknown kind '%s': use role, track, box, company or level",
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
    if (refs_load(&u, args[0]) != 0) {
        refs_unit_free(&u);
        return REFS_USAGE;
    }
    bool broken = refs_syntax_errors(&u);
    if (broken) {
        struct buf name;
        buf_init(&name, &u.heap);
        fprintf(stderr, "ladderc: error: '%s' has syntax errors; places on the lines that broke are not listed\n",
                escape_filename_str(&name, u.src.name));
        buf_free(&name);
    }
    unsigned bits = refs_kinds(&u, args[1], kind);
    rc = bits && !broken ? REFS_OK : REFS_INPUT;
    struct buf out;
    buf_init(&out, &u.heap);
    for (int k = 0; k < INDEX_KIND_COUNT; k++)
        if (bits & 1u << k)
            refs_print(&u, (enum index_kind)k, args[1], &out);
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
        for (int k = 0; k < INDEX_KIND_COUNT; k++)
            if (bits == 1u << k)
                return k;
    }
    struct buf b;
    buf_init(&b, &u->heap);
    escape_quoted(&b, old_name, strlen(old_name), DIAG_QUOTE_MAX);
    fprintf(stderr, "ladderc: error: '%.*s' names more than one thing (", (int)b.len, b.data ? b.data : "");
    const char *sep = "";
    for (int k = 0; k < INDEX_KIND_COUNT; k++)
        if (bits & 1u << k) {
            fprintf(stderr, "%s%s", sep, index_kind_name((enum index_kind)k));
            sep = ", ";
        }
    fprintf(stderr, "): give --kind KIND\n");
    buf_free(&b);
    return -1;
}

static void rename_refused(const char *kind, const char *old_name, const char *new_name, const char *why)
{
    struct heap heap;
    cli_heap_init(&heap);
    struct buf a, b;
    buf_init(&a, &heap);
    buf_init(&b, &heap);
    escape_quoted(&a, old_name, strlen(old_name), DIAG_QUOTE_MAX);
    escape_quoted(&b, new_name, strlen(new_name), DIAG_QUOTE_MAX);
    fprintf(stderr, "ladderc: error: cannot rename %s '%.*s' to '%.*s': %s\n", kind, (int)a.len,
            a.data ? a.data : "", (int)b.len, b.data ? b.data : "", why);
    buf_free(&a);
    buf_free(&b);
}

/* Writes the renamed file, or its diff with --dry-run. */
static int rename_write(struct refs_unit *u, const struct index_plan *plan, const char *path, bool dry_run)
{
    struct buf out, name;
    buf_init(&out, &u->heap);
    buf_init(&name, &u->heap);
    char err[OUTPUT_ERR_MAX];
    int rc = REFS_OK;
    if (dry_run) {
        index_diff(plan, &u->src, 0, escape_filename_str(&name, u->src.name), &out);
        if (output_stdout(&out, err, sizeof err) != 0)
            rc = REFS_USAGE;
    } else {
        index_apply(plan, u->src.text, u->src.len, 0, &out);
        if (output_file(path, &out, OUTPUT_REGULAR_ONLY, err, sizeof err) != 0)
            rc = REFS_USAGE;
    }
    if (rc != REFS_OK)
        fprintf(stderr, "ladderc: error: %s\n", err);
    buf_free(&out);
    buf_free(&name);
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
    if (refs_load(&u, args[0]) != 0) {
        refs_unit_free(&u);
        return REFS_USAGE;
    }
    if (refs_syntax_errors(&u)) {
        struct buf name;
        buf_init(&name, &u.heap);
        fprintf(stderr, "ladderc: error: '%s' has syntax errors; not renamed (a use on a broken line would be "
                "missed)\n", escape_filename_str(&name, u.src.name));
        buf_free(&name);
        refs_unit_free(&u);
        return REFS_INPUT;
    }
    int kind = rename_kind(&u, args[1], only);
    struct index_plan plan;
    char why[INDEX_WHY_MAX];
    if (kind < 0) {
        rc = REFS_INPUT;
    } else if (index_rename_plan(&u.idx, (enum index_kind)kind, args[1], args[2], &plan, why, sizeof why) != 0) {
        rename_refused(index_kind_name((enum index_kind)kind), args[1], args[2], why);
        rc = REFS_INPUT;
    } else {
        rc = rename_write(&u, &plan, args[0], dry_run);
    }
    refs_unit_free(&u);
    return rc;
}
