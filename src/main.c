/* main.c - the command line: commands, options, exit status.
 *
 * Exit status: 0 success (warnings allowed), 1 the input has errors,
 * 2 usage error or a file that cannot be read or written. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "check.h"
#include "diag.h"
#include "emit.h"
#include "output.h"
#include "parse.h"
#include "plugin.h"
#include "source.h"

#ifndef LADDERC_VERSION
#define LADDERC_VERSION "0.1.0"
#endif

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

static const char usage_main[] =
    "usage: ladderc <command> [options] [files]\n"
    "\n"
    "Compiles career ladders written as text (.ladder files).\n"
    "\n"
    "commands:\n"
    "  build [-T FORMAT] [-o OUT] FILE   compile FILE to dot, svg, png, md or json\n"
    "  check FILE...                     check files and print diagnostics; write nothing\n"
    "\n"
    "options:\n"
    "  -h, --help       show this help (or a command's help: ladderc build -h)\n"
    "  --version        show the version\n"
    "\n"
    "Exit status: 0 success, 1 the input has errors, 2 usage or I/O error.\n"
    "FILE may be '-' for standard input. The language: docs/language.md.\n";

static const char usage_build[] =
    "usage: ladderc build [-T FORMAT] [-o OUT] FILE\n"
    "\n"
    "Compiles FILE. FORMAT is dot, svg, png, md or json; without -T it comes\n"
    "from OUT's extension (.dot .gv .svg .png .md .json), else svg.\n"
    "Without -o the output goes to standard output. With -o, OUT is replaced\n"
    "whole or not at all: a failed compile leaves an earlier OUT untouched.\n";

static const char usage_check[] =
    "usage: ladderc check FILE...\n"
    "\n"
    "Parses and checks each FILE independently and prints its diagnostics.\n"
    "Writes nothing. Exit status 1 if any file has errors, 2 if any file\n"
    "cannot be read.\n";

/* One compilation: a file, its memory, its diagnostics, its model. */
struct unit {
    struct source src;
    struct arena arena;
    struct diag_sink diag;
    struct model *model;
};

static bool stderr_color(void)
{
    const char *no = getenv("NO_COLOR");
    return isatty(2) && !(no && *no);
}

/* Returns 0 when the file was read (the model is NULL if it has errors),
 * or -1 when it could not be read (the reason is printed). */
static int unit_compile(struct unit *u, const char *path)
{
    char err[256];
    arena_init(&u->arena);
    diag_init(&u->diag, &u->arena);
    u->model = NULL;
    if (source_load(&u->src, path, err, sizeof err) != 0) {
        fprintf(stderr, "ladderc: error: cannot read '%s': %s\n", path, err);
        return -1;
    }
    struct ast_file *ast = parse_source(&u->src, &u->arena, &u->diag);
    u->model = check_file(ast, &u->arena, &u->diag);
    diag_sort(&u->diag);
    diag_print_text(&u->diag, &u->src, stderr, stderr_color());
    return 0;
}

static void unit_free(struct unit *u)
{
    source_free(&u->src);
    arena_free(&u->arena);
}

static int usage_error(const char *usage, const char *fmt, const char *arg)
{
    fprintf(stderr, "ladderc: error: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%s", usage);
    return EXIT_USAGE;
}

static bool is_help(const char *a) { return strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0; }

/* ---- build ---- */

static const char *const formats[] = {"dot", "svg", "png", "md", "json", NULL};

static bool known_format(const char *f)
{
    for (int i = 0; formats[i]; i++)
        if (strcmp(formats[i], f) == 0)
            return true;
    return false;
}

static const char *format_from_path(const char *out)
{
    const char *dot = out ? strrchr(out, '.') : NULL;
    if (!dot || strchr(dot, '/'))
        return "svg";
    if (strcmp(dot, ".gv") == 0)
        return "dot";
    return known_format(dot + 1) ? dot + 1 : "svg";
}

static int emit(const struct model *m, const char *format, struct buf *out)
{
    if (strcmp(format, "dot") == 0)
        emit_dot(m, out);
    else if (strcmp(format, "md") == 0)
        emit_md(m, out);
    else if (strcmp(format, "json") == 0)
        emit_json(m, out);
    else {
        char err[256];
        if (plugin_render(m, format, out, err, sizeof err) != 0) {
            fprintf(stderr, "ladderc: error: cannot render %s: %s\n", format, err);
            return EXIT_USAGE;
        }
    }
    return EXIT_OK;
}

static int cmd_build(int argc, char **argv)
{
    const char *format = NULL, *out = NULL, *file = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (is_help(a)) {
            fputs(usage_build, stdout);
            return EXIT_OK;
        } else if (strcmp(a, "-T") == 0 || strcmp(a, "-o") == 0) {
            if (i + 1 >= argc)
                return usage_error(usage_build, "option '%s' needs a value", a);
            *(a[1] == 'T' ? &format : &out) = argv[++i];
        } else if (strncmp(a, "-T", 2) == 0) {
            format = a + 2;
        } else if (a[0] == '-' && a[1] != '\0') {
            return usage_error(usage_build, "unknown option '%s'", a);
        } else if (file) {
            return usage_error(usage_build, "build takes one FILE; '%s' is a second one", a);
        } else {
            file = a;
        }
    }
    if (!file)
        return usage_error(usage_build, "%s", "build needs a FILE");
    if (format && !known_format(format))
        return usage_error(usage_build, "unknown format '%s': use dot, svg, png, md or json", format);
    if (!format)
        format = format_from_path(out);

    struct unit u;
    if (unit_compile(&u, file) != 0) {
        unit_free(&u);
        return EXIT_USAGE;
    }
    int rc = u.model ? EXIT_OK : EXIT_INPUT;
    if (u.model) {
        struct buf b;
        buf_init(&b);
        rc = emit(u.model, format, &b);
        char err[512];
        if (rc == EXIT_OK && (out ? output_file(out, &b, err, sizeof err) : output_stdout(&b, err, sizeof err)) != 0) {
            fprintf(stderr, "ladderc: error: %s\n", err);
            rc = EXIT_USAGE;
        }
        buf_free(&b);
    }
    unit_free(&u);
    return rc;
}

/* ---- check ---- */

static int cmd_check(int argc, char **argv)
{
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        if (is_help(argv[i])) {
            fputs(usage_check, stdout);
            return EXIT_OK;
        }
        if (argv[i][0] == '-' && argv[i][1] != '\0')
            return usage_error(usage_check, "unknown option '%s'", argv[i]);
        nfiles++;
    }
    if (nfiles == 0)
        return usage_error(usage_check, "%s", "check needs at least one FILE");
    int rc = EXIT_OK;
    for (int i = 1; i < argc; i++) {
        struct unit u;
        if (unit_compile(&u, argv[i]) != 0)
            rc = EXIT_USAGE;
        else if (!u.model && rc == EXIT_OK)
            rc = EXIT_INPUT;
        unit_free(&u);
    }
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage_error(usage_main, "%s", "missing command");
    const char *cmd = argv[1];
    if (is_help(cmd) || strcmp(cmd, "help") == 0) {
        fputs(usage_main, stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("ladderc %s\n", LADDERC_VERSION);
        return EXIT_OK;
    }
    if (strcmp(cmd, "build") == 0)
        return cmd_build(argc - 1, argv + 1);
    if (strcmp(cmd, "check") == 0)
        return cmd_check(argc - 1, argv + 1);
    return usage_error(usage_main, "unknown command '%s'", cmd);
}
