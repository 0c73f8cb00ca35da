/* main.c - the command line: commands, options, exit status.
 *
 * Exit status: 0 success (warnings allowed), 1 the input has errors (or, for
 * fmt --check, is not formatted; for path, has no route), 2 usage error or a
 * file that cannot be read or written. */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "alloc.h"
#include "arena.h"
#include "buf.h"
#include "diffcmd.h"
#include "escape.h"
#include "files.h"
#include "ladder.h"
#include "lsp.h"
#include "output.h"
#include "plugin.h"
#include "refs.h"
#include "symtab.h"


enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

static const char usage_main[] =
    "usage: ladderc <command> [options] [files]\n"
    "\n"
    "Compiles career ladders written as text (.ladder files).\n"
    "\n"
    "commands:\n"
    "  build [-T FORMAT] [-o OUT] FILE   compile FILE to svg, png, pdf, dot, md, json or html\n"
    "  check FILE...                     check files and print diagnostics; write nothing\n"
    "  fmt [-w | --check] FILE...        print (or rewrite) files in the canonical layout\n"
    "  path [--max N] [-T md] FILE FROM TO   routes from one role to another, fastest first\n"
    "  chart [-T FORMAT] [-o OUT] FILE ROLE...   roles' rungs on a radar chart (svg, png, pdf, dot)\n"
    "  gap [--route] [-T md|json] FILE FROM TO   what it takes to go from one role to another\n"
    "  refs [--kind KIND] FILE NAME      every place NAME is defined and used\n"
    "  rename [--dry-run] FILE OLD NEW   rename a role, track, box, company or competency\n"
    "  diff [-T md|json] OLD NEW         what changed from one version of a ladder to another\n"
    "  diff --git REV FILE               ... from FILE at a git revision to FILE\n"
    "  explain CODE                      explain a diagnostic code (E130, W170...)\n"
    "  lsp                               the language server, for editors (stdin and stdout)\n"
    "\n"
    "diagnostic options (build, check, fmt, path, chart, gap):\n"
    "  --diagnostics=text|json|github   how to print diagnostics (default text)\n"
    "  --werror                         warnings make the run fail\n"
    "  -W no-CODE                       silence a warning (code or name, e.g. -W no-soft-skills)\n"
    "  --max-diagnostics=N              show at most N diagnostics per file (default 20, 0: all)\n"
    "\n"
    "  -h, --help       show this help (or a command's: ladderc build -h)\n"
    "  --version        show the version\n"
    "\n"
    "Exit status: 0 success, 1 the input has errors, 2 usage or I/O error.\n"
    "FILE is a regular file, or '-' (once) for standard input; '--' ends the\n"
    "options, so that a FILE may start with '-'. The files a FILE imports are\n"
    "read with it (fmt formats only the FILEs given). The language:\n"
    "docs/language.md; the library under it: docs/library.md.\n";

/* The options of build and chart that choose how a picture is drawn. */
#define USAGE_PICTURE \
    "\n" \
    "picture options:\n" \
    "  --theme light|dark   the colours: light (default) or dark, for dark pages\n" \
    "  --dpi N              png: pixels per inch, 10 to 1200 (default 96)\n" \
    "  --scale F            png and pdf: the drawing's size times F, 0.1 to 10\n" \
    "                       (default 1; a decimal number such as 0.5 or 2.25)\n" \
    "Every other format is the same bytes whatever --dpi and --scale say (an\n" \
    "SVG scales in the viewer). A PNG has at most 8192 pixels a side and\n" \
    "16777216 in all, a PDF page 14400 points (200 inches) a side: a larger\n" \
    "drawing is drawn smaller, and a note on standard error gives both sizes.\n" \
    "A PDF has no creation date, so that one map gives the same bytes, unless\n" \
    "SOURCE_DATE_EPOCH gives one (seconds since 1970).\n"

static const char usage_build[] =
    "usage: ladderc build [-T FORMAT] [-o OUT] [picture options] [--layout relative|exact]\n"
    "                     [diagnostic options] [--] FILE\n"
    "\n"
    "Compiles FILE. FORMAT is svg, png, pdf, dot, md, json or html (one\n"
    "self-contained web page: the map, every role, a route explorer); without\n"
    "-T it comes from OUT's extension (.svg .png .pdf .dot .gv .md .json\n"
    ".html, in any case); an OUT without one of them needs -T. Without -o (or\n"
    "with -o -) the output goes to standard output, as svg unless -T says\n"
    "otherwise.\n"
    "With -o, OUT is replaced whole or not at all: a failed compile leaves an\n"
    "earlier OUT untouched, and an OUT that is FILE itself is refused. A\n"
    "symbolic link at OUT is followed (its file is replaced, the link stays),\n"
    "except a link in a shared sticky folder such as /tmp that belongs to\n"
    "neither you nor the folder's owner (nor is another user's file there\n"
    "replaced); an existing OUT keeps its mode, owner and group.\n"
    "--layout relative keeps the order of the roles on each axis and chooses\n"
    "the spacing; --layout exact puts each role at its written coordinates;\n"
    "without it, the file's layout statement decides (relative without one).\n"
    USAGE_PICTURE;

static const char usage_check[] =
    "usage: ladderc check [diagnostic options] [--] FILE...\n"
    "\n"
    "Parses and checks each FILE independently and prints its diagnostics.\n"
    "Writes nothing. Exit status 1 if any file has errors, 2 if any file\n"
    "cannot be read. In CI, for every file name git may hold:\n"
    "  git ls-files -z '*.ladder' | xargs -0 ladderc check --diagnostics=github --\n";

static const char usage_fmt[] =
    "usage: ladderc fmt [-w | --check] [--] FILE...\n"
    "\n"
    "Prints each FILE in the canonical layout. -w rewrites the files that\n"
    "change, atomically, keeping their mode, owner and group (only regular\n"
    "files; '-' is printed); --check writes nothing, lists the files that are not\n"
    "formatted and exits 1 if there are any. Files with syntax errors are not\n"
    "formatted (exit 1).\n";

static const char usage_path[] =
    "usage: ladderc path [--max N] [-T text|md] [--] FILE FROM TO\n"
    "\n"
    "Lists the N fastest routes (default 10, at most 1000) from role FROM to\n"
    "role TO along the ladder's transitions, with their total years: least\n"
    "minimum first, then least maximum, then fewest moves; routes with moves\n"
    "of unknown years come last. FROM and TO are ids or names; a name that\n"
    "several roles share is an error (give an id). Exit status 1 when there\n"
    "is no route.\n";

static const char usage_chart[] =
    "usage: ladderc chart [-T svg|png|pdf|dot] [-o OUT] [picture options] [diagnostic options]\n"
    "                     [--] FILE ROLE [ROLE...]\n"
    "\n"
    "Draws the rungs of up to 8 roles on one radar (spider) chart: a spoke per\n"
    "competency that one of them sets, each role a polygon in its own colour,\n"
    "with a legend; in SVG each vertex's tooltip names the role, competency\n"
    "and rung. ROLE is an id or a name only one role has. FORMAT comes from -T,\n"
    "else from OUT's extension (.svg .png .pdf .dot .gv), else svg. Without -o\n"
    "(or with -o -) the chart goes to standard output; with -o, OUT is replaced\n"
    "whole or not at all, as by build. Exit status 1 when a ROLE sets no rung.\n"
    USAGE_PICTURE;

static const char usage_gap[] =
    "usage: ladderc gap [--route] [-T text|md|json] [--] FILE FROM TO\n"
    "\n"
    "Shows what it takes to go from role FROM to role TO: each competency's\n"
    "rung in both roles, with the rungs' names and meanings, the largest gap\n"
    "first; then the competencies FROM already meets, and those that one of\n"
    "the roles does not set. --route adds the fastest route (as ladderc path\n"
    "finds it) and, for each move, the competencies whose rung rises. FROM and\n"
    "TO are ids or names, as for path. Exit status 1 when the ladder has no\n"
    "competencies, a role sets no rungs, or (with --route) there is no route.\n";

static const char usage_explain[] =
    "usage: ladderc explain CODE\n"
    "\n"
    "Explains a diagnostic code, with a wrong and a right example.\n";

/* ---- options shared by the commands ---- */

enum diag_format { DIAG_FMT_TEXT, DIAG_FMT_JSON, DIAG_FMT_GITHUB };

/* Diagnostics shown per file unless --max-diagnostics says otherwise. */
enum { DIAG_MAX_SHOWN_DEFAULT = 20 };

/* A user's argument quoted in a message shows at most this many code points. */
enum { QUOTE_MAX = 80 };

struct run {
    struct heap heap;           /* the run's memory (cli_heap_init) */
    const char *usage;
    enum diag_format format;
    ld_diag_options diag;
    const char *disabled[64];
    size_t errors, warnings;
    struct symtab printed;      /* imported files whose diagnostics this run has shown */
    struct arena names;         /* their paths */
    bool json_first, json_open;
    bool json_to_stderr;        /* build writes its output to stdout */
    /* The FILEs, kept in the command's own argv: the n-th file is stored in
     * argv[n], a slot already read, since a file is found at argv[i] with
     * i >= n (no copy, nothing on the stack: 65,536 pointers there crashed
     * under a small `ulimit -s`). */
    const char **files;
    size_t nfiles;
    bool stdin_given;           /* '-' is among the files */
    ld_layout layout;           /* --layout (build), for the session */
    ld_theme theme;             /* --theme (build, chart) */
};

/* arg is often a file name or another word from the command line (which
 * `git ls-files` may have filled): it is quoted when unsafe, as file names
 * are (escape_filename). */
static int usage_error(struct run *r, const char *fmt, const char *arg)
{
    struct buf b;
    buf_init(&b, &r->heap);
    fprintf(stderr, "ladderc: error: ");
    fprintf(stderr, fmt, escape_filename_str(&b, arg));
    fprintf(stderr, "\n%s", r->usage);
    buf_free(&b);
    return EXIT_USAGE;
}

static bool is_help(const char *a) { return strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0; }

enum { OPT_NONE, OPT_TAKEN, OPT_HELP, OPT_ERROR };

/* Parses an option every command takes at argv[*i]: -h/--help (the
 * command's usage is printed) or a diagnostic option. OPT_ERROR: a usage
 * error, already printed. */
static int parse_common_option(struct run *r, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    if (is_help(a)) {
        fputs(r->usage, stdout);
        return OPT_HELP;
    }
    if (strncmp(a, "--diagnostics=", 14) == 0) {
        const char *f = a + 14;
        if (strcmp(f, "text") == 0)
            r->format = DIAG_FMT_TEXT;
        else if (strcmp(f, "json") == 0)
            r->format = DIAG_FMT_JSON;
        else if (strcmp(f, "github") == 0)
            r->format = DIAG_FMT_GITHUB;
        else
            return usage_error(r, "unknown diagnostics format '%s': use text, json or github", f), OPT_ERROR;
        r->diag.keep_all = r->format == DIAG_FMT_JSON;     /* JSON has every diagnostic */
        return OPT_TAKEN;
    }
    if (strcmp(a, "--werror") == 0) {
        r->diag.werror = true;
        return OPT_TAKEN;
    }
    if (strncmp(a, "--max-diagnostics=", 18) == 0) {
        const char *v = a + 18;
        char *end;
        errno = 0;
        unsigned long long n = strtoull(v, &end, 10);
        /* strtoull takes a sign and blanks first: *v < '0' refuses them; a
         * value that starts with no digit leaves end at v */
        if (*v < '0' || *end != '\0' || errno == ERANGE || n > SIZE_MAX)
            return usage_error(r, "--max-diagnostics needs a number (0 shows all), not '%s'", v), OPT_ERROR;
        r->diag.max_shown = (size_t)n;
        return OPT_TAKEN;
    }
    const char *w = NULL;
    if (strcmp(a, "-W") == 0) {
        if (*i + 1 >= argc)
            return usage_error(r, "option '%s' needs a value", a), OPT_ERROR;
        w = argv[++*i];
    } else if (strncmp(a, "-W", 2) == 0) {
        w = a + 2;
    } else {
        return OPT_NONE;
    }
    if (strncmp(w, "no-", 3) != 0)
        return usage_error(r, "unknown warning option '-W %s': use -W no-CODE", w), OPT_ERROR;
    const char *code = ld_warning_code(w + 3);
    if (!code)
        return usage_error(r, "unknown warning '%s': see docs/language.md for the warning codes", w + 3), OPT_ERROR;
    if (r->diag.ndisabled < sizeof r->disabled / sizeof *r->disabled)
        r->disabled[r->diag.ndisabled++] = code;
    return OPT_TAKEN;
}

/* "--" ends the options: every argument after it is a FILE, even one that
 * starts with '-'. Returns true when a (the argument at argv[i]) is "--" and
 * options were still being read. */
static bool end_of_options(const char *a, bool *files_only)
{
    if (*files_only || strcmp(a, "--") != 0)
        return false;
    *files_only = true;
    return true;
}

enum { RUN_MAX_FILES = 65536 };

/* '-' is standard input, which can be read only once: a second '-' would
 * read nothing and report an empty file. */
static int add_file(struct run *r, const char *f)
{
    /* more than xargs passes at once (128 KiB of arguments, 2 bytes at
     * least each), so that the CI recipe's batches always fit */
    if (r->nfiles == RUN_MAX_FILES)
        return usage_error(r, "too many files (the limit is %s per run)", "65536"), -1;
    if (strcmp(f, "-") == 0) {
        if (r->stdin_given)
            return usage_error(r, "%s", "'-' (standard input) can be given only once"), -1;
        r->stdin_given = true;
    }
    r->files[r->nfiles++] = f;
    return 0;
}

static void run_init(struct run *r, const char *usage, char **argv)
{
    memset(r, 0, sizeof *r);
    cli_heap_init(&r->heap);
    r->usage = usage;
    r->files = (const char **)argv;
    r->diag.disabled = r->disabled;
    r->diag.max_shown = DIAG_MAX_SHOWN_DEFAULT;
    r->json_first = true;
    symtab_init(&r->printed, &r->heap);
    arena_init(&r->names, &r->heap);
}

static void run_free(struct run *r)
{
    symtab_free(&r->printed);
    arena_free(&r->names);
}

/* ---- file names in messages ---- */

/* One line of fmt --check's list: a name with a line break in it must not
 * read as two files. */
static void print_file_name(struct run *r, const char *file)
{
    struct buf b;
    buf_init(&b, &r->heap);
    puts(escape_filename_str(&b, file));
    buf_free(&b);
}

/* ---- one compilation: a session of the library ---- */

/* The library's allocator: the C library's, and a failure is returned (the
 * session then says LD_ENOMEM, and the command line "out of memory"). */
static void *cli_session_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    (void)ud;
    (void)osize;
    if (nsize == 0) {
        free(ptr);
        return NULL;
    }
    return ptr ? realloc(ptr, nsize) : malloc(nsize);
}

struct unit {
    ld_session *s;
    struct files_loader loader;
    struct files_text stdin_text;   /* '-': read here, given to the session as text */
    const char *name;               /* the FILE as diagnostics name it ("<stdin>" for '-') */
    const char *text;               /* its bytes (for fmt), and their length */
    size_t len;
};

static int cli_out_of_memory(void)
{
    fputs("ladderc: error: out of memory\n", stderr);
    return EXIT_USAGE;
}

static void cli_cannot_read(struct heap *heap, const char *path, const char *why)
{
    struct buf name;
    buf_init(&name, heap);
    fprintf(stderr, "ladderc: error: cannot read '%s': %s\n", escape_filename_str(&name, path), why);
    buf_free(&name);
}

/* Colour only for a terminal that can show it: not with NO_COLOR set
 * (no-color.org), nor on TERM=dumb (Emacs' shell, some CI logs), which
 * prints escape sequences as text. */
static bool stderr_color(void)
{
    const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
    return isatty(2) && !(no && *no) && !(term && strcmp(term, "dumb") == 0);
}

/* Whether file i of the unit's session is to be shown: a FILE always (each
 * is its own ladder); an imported file once per run, however many FILEs
 * import it (check a.ladder b.ladder, both importing company.ladder, shows
 * company.ladder's diagnostics once). */
static bool report_first_time(struct run *r, const struct unit *u, size_t i)
{
    if (i == 0)
        return true;
    size_t existing;
    const char *path = ld_file_path(u->s, i);
    if (symtab_get(&r->printed, path, &existing))
        return false;
    symtab_add(&r->printed, arena_strdup(&r->names, path), 0, &existing);    /* as long as the run */
    return true;
}

/* Prints the session's diagnostics. -1 when the session ran out of memory. */
static int report(struct run *r, struct unit *u)
{
    static const ld_diag_format formats_of[] = {LD_FORMAT_TEXT, LD_FORMAT_JSON, LD_FORMAT_GITHUB};
    ld_diag_format f = formats_of[r->format];
    if (f == LD_FORMAT_TEXT && stderr_color())
        f = LD_FORMAT_TEXT_COLOR;
    FILE *out = r->format == DIAG_FMT_TEXT || r->json_to_stderr ? stderr : stdout;
    if (r->format == DIAG_FMT_JSON && !r->json_open) {
        /* the array opens with the first file and closes in run_finish */
        fputc('[', out);
        r->json_open = true;
    }
    for (size_t i = 0; i < ld_file_count(u->s); i++) {
        if (!report_first_time(r, u, i))
            continue;
        size_t errors, warnings;
        ld_file_diagnostic_counts(u->s, i, &errors, &warnings);
        r->errors += errors;
        r->warnings += warnings;
        ld_text t;
        size_t cursor = 0;
        do {
            /* in parts: memory holds 64 KB of the output, however long it is */
            if (ld_print_file_diagnostics_part(u->s, i, f, &cursor, &t) != LD_OK)
                return -1;
            if (f == LD_FORMAT_JSON && t.len && cursor && !r->json_first && t.data[0] == '\n')
                fputc(',', out);    /* the file's first object, after another file's: "\n  {...},\n  {...}" */
            if (f == LD_FORMAT_JSON && t.len)
                r->json_first = false;
            fwrite(t.data, 1, t.len, out);
        } while (t.len);
    }
    return 0;
}

/* Makes a session of path, with its loader. Returns 0, or the exit status
 * (the reason printed). */
static int unit_open(struct run *r, struct unit *u, const char *path)
{
    memset(u, 0, sizeof *u);
    files_loader_init(&u->loader, path);
    ld_config cfg = {.alloc = cli_session_alloc, .load = files_load, .load_ud = &u->loader, .diag = r->diag,
                     .layout = r->layout, .theme = r->theme};
    u->s = ld_session_new(&cfg);
    if (!u->s)
        return cli_out_of_memory();
    if (strcmp(path, "-") == 0) {
        char err[256];
        if (files_read_stdin(&u->stdin_text, &u->loader.heap, err, sizeof err) != 0) {
            cli_cannot_read(&r->heap, path, err);
            return EXIT_USAGE;
        }
        u->name = "<stdin>";
        u->text = u->stdin_text.text;
        u->len = u->stdin_text.len;
        if (ld_session_add_text(u->s, u->name, u->text, u->len) != LD_OK)
            return cli_out_of_memory();
        return 0;
    }
    u->name = path;
    if (ld_session_add_file(u->s, path) != LD_OK)
        return cli_out_of_memory();
    return 0;
}

/* Reads, parses and (if check) checks path and what it imports, and prints
 * the diagnostics. Returns 0 when the file was read (errors are in the
 * session), or the exit status when it could not be (reason printed). */
static int unit_load(struct run *r, struct unit *u, const char *path, bool check)
{
    int rc = unit_open(r, u, path);
    if (rc != 0)
        return rc;
    ld_status st = check ? ld_check(u->s) : ld_parse(u->s);
    if (st == LD_ENOMEM)
        return cli_out_of_memory();
    if (u->loader.root_failed) {
        cli_cannot_read(&r->heap, path, u->loader.root_why);
        return EXIT_USAGE;
    }
    if (!u->text) {
        u->text = u->loader.root_text;
        u->len = u->loader.root_len;
    }
    if (report(r, u) != 0)
        return cli_out_of_memory();
    return 0;
}

/* Whether errors (or warnings under --werror) stop the run. */
static bool unit_failed(const struct unit *u)
{
    return ld_error_count(u->s) != 0;
}

static void unit_free(struct unit *u)
{
    ld_session_free(u->s);
    files_text_free(&u->stdin_text);
    files_loader_free(&u->loader);
}

/* The map's SVG, out[start..], finished for screen readers by the library
 * (ld_finish_svg). Returns the exit status. */
static int finish_svg(struct unit *u, struct buf *out, size_t start)
{
    ld_text t;
    ld_status st = ld_finish_svg(u->s, out->data + start, out->len - start, &t);
    if (st != LD_OK)
        return st == LD_ENOMEM ? cli_out_of_memory() : EXIT_INPUT;
    out->len = start;
    buf_put(out, t.data, t.len);
    return EXIT_OK;
}

/* Prints what must come at the end of a run: the JSON array, the summary. */
static void run_finish(struct run *r)
{
    if (r->format == DIAG_FMT_JSON) {
        FILE *f = r->json_to_stderr ? stderr : stdout;
        if (!r->json_open)
            fputc('[', f);
        fputs(r->json_first ? "]\n" : "\n]\n", f);
        fflush(f);
    } else if (r->format == DIAG_FMT_TEXT && (r->errors || r->warnings)) {
        char e[64] = "", w[64] = "";
        if (r->errors)
            snprintf(e, sizeof e, "%zu error%s", r->errors, r->errors == 1 ? "" : "s");
        if (r->warnings)
            snprintf(w, sizeof w, "%zu warning%s", r->warnings, r->warnings == 1 ? "" : "s");
        fprintf(stderr, "%s%s%s generated.\n", e, *e && *w ? ", " : "", w);
    }
    run_free(r);
}

/* ---- pictures: the options build and chart share ---- */

enum { PICTURE_DPI_MIN = 10, PICTURE_DPI_MAX = 1200 };
#define PICTURE_SCALE_MIN 0.1
#define PICTURE_SCALE_MAX 10.0

/* How build or chart draws: the format and OUT, and how large. */
struct picture {
    const char *format;     /* -T; NULL: from OUT, else svg */
    const char *out;        /* -o; NULL: standard output */
    int dpi;                /* --dpi; 0: the renderer's default */
    double scale;           /* --scale; 0: 1 */
};

/* The value of option name at argv[*i], given as "name VALUE" or
 * "name=VALUE": 1 (in *value), 0 when argv[*i] is another option, -1 when
 * the value is missing (reason printed). */
static int option_value(struct run *r, int argc, char **argv, int *i, const char *name, const char **value)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) != 0)
        return 0;
    if (a[n] == '=') {
        *value = a + n + 1;
        return 1;
    }
    if (a[n] != '\0')
        return 0;
    if (*i + 1 >= argc)
        return usage_error(r, "option '%s' needs a value", a), -1;
    *value = argv[++*i];
    return 1;
}

/* A decimal number written plainly: digits, then '.' and digits or not
 * (no sign, exponent, hex, "inf" or "nan", which strtod would take). -1
 * when v is not one. */
static double parse_plain_decimal(const char *v)
{
    double x = 0, unit = 1;
    bool point = false, digits = false;
    for (const char *p = v; *p; p++) {
        if (*p == '.' && !point) {
            point = true;
            continue;
        }
        if (*p < '0' || *p > '9')
            return -1;
        digits = true;
        if (point)
            x += (*p - '0') * (unit /= 10);
        else if (x < 1e6)   /* larger is out of range anyway */
            x = x * 10 + (*p - '0');
    }
    return digits && v[strlen(v) - 1] != '.' ? x : -1;
}

static int parse_dpi(struct run *r, const char *v, struct picture *p)
{
    double x = parse_plain_decimal(v);
    if (strchr(v, '.') || x < PICTURE_DPI_MIN || x > PICTURE_DPI_MAX)
        return usage_error(r, "--dpi needs a whole number from 10 to 1200, not '%s'", v);
    p->dpi = (int)x;
    return EXIT_OK;
}

static int parse_scale(struct run *r, const char *v, struct picture *p)
{
    double x = parse_plain_decimal(v);
    if (x < PICTURE_SCALE_MIN || x > PICTURE_SCALE_MAX)
        return usage_error(r, "--scale needs a number from 0.1 to 10 (such as 1.5), not '%s'", v);
    p->scale = x;
    return EXIT_OK;
}

static int parse_theme(struct run *r, const char *v)
{
    if (strcmp(v, "light") == 0)
        r->theme = LD_THEME_LIGHT;
    else if (strcmp(v, "dark") == 0)
        r->theme = LD_THEME_DARK;
    else
        return usage_error(r, "unknown theme '%s': use light or dark", v);
    return EXIT_OK;
}

static int parse_layout(struct run *r, const char *v)
{
    if (strcmp(v, "relative") == 0)
        r->layout = LD_LAYOUT_RELATIVE;
    else if (strcmp(v, "exact") == 0)
        r->layout = LD_LAYOUT_EXACT;
    else
        return usage_error(r, "unknown layout '%s': use relative or exact", v);
    return EXIT_OK;
}

/* Parses an option of build or chart at argv[*i]: -T, -o, --dpi, --scale,
 * --theme, and --layout when layout is true (build). OPT_NONE, OPT_TAKEN,
 * or OPT_ERROR (a usage error, printed). */
static int parse_picture_option(struct run *r, int argc, char **argv, int *i, struct picture *p, bool layout)
{
    const char *a = argv[*i], *v;
    int k;
    if (strcmp(a, "-T") == 0 || strcmp(a, "-o") == 0) {
        if (*i + 1 >= argc)
            return usage_error(r, "option '%s' needs a value", a), OPT_ERROR;
        *(a[1] == 'T' ? &p->format : &p->out) = argv[++*i];
        return OPT_TAKEN;
    }
    if (strncmp(a, "-T", 2) == 0) {
        p->format = a + 2;
        return OPT_TAKEN;
    }
    if ((k = option_value(r, argc, argv, i, "--dpi", &v)) != 0)
        return k < 0 || parse_dpi(r, v, p) != EXIT_OK ? OPT_ERROR : OPT_TAKEN;
    if ((k = option_value(r, argc, argv, i, "--scale", &v)) != 0)
        return k < 0 || parse_scale(r, v, p) != EXIT_OK ? OPT_ERROR : OPT_TAKEN;
    if ((k = option_value(r, argc, argv, i, "--theme", &v)) != 0)
        return k < 0 || parse_theme(r, v) != EXIT_OK ? OPT_ERROR : OPT_TAKEN;
    if (layout && (k = option_value(r, argc, argv, i, "--layout", &v)) != 0)
        return k < 0 || parse_layout(r, v) != EXIT_OK ? OPT_ERROR : OPT_TAKEN;
    return OPT_NONE;
}

static bool is_picture_format(const char *format)
{
    return strcmp(format, "svg") == 0 || strcmp(format, "png") == 0 || strcmp(format, "pdf") == 0;
}

/* The PDF's creation date: SOURCE_DATE_EPOCH (reproducible-builds.org)
 * when set, else none (-1), so that the same map gives the same bytes.
 * -2 (reason printed) when it is not a number of seconds. */
static long long picture_pdf_date(void)
{
    const char *v = getenv("SOURCE_DATE_EPOCH");
    if (!v || !*v)
        return -1;
    char *end;
    errno = 0;
    long long t = strtoll(v, &end, 10);
    /* at most year 9999: the date is written with four digits */
    if (*v < '0' || *v > '9' || *end != '\0' || errno == ERANGE || t > 253402300799LL) {
        fprintf(stderr, "ladderc: error: SOURCE_DATE_EPOCH must be a number of seconds since 1970 "
                        "(up to year 9999), not '%.40s'\n", v);
        return -2;
    }
    return t;
}

/* The note that a picture was drawn smaller than asked. */
static void picture_note_capped(const char *format, const struct render_report *rep)
{
    if (strcmp(format, "png") == 0)
        fprintf(stderr, "ladderc: note: a %ld x %ld pixel PNG is over the limit (%d a side, %ld in all); "
                        "drawn at %ld x %ld\n", rep->asked_width, rep->asked_height, RENDER_PNG_MAX_SIDE,
                RENDER_PNG_MAX_PIXELS, rep->width, rep->height);
    else
        fprintf(stderr, "ladderc: note: a %ld x %ld point PDF page is over the limit (%d a side); "
                        "drawn at %ld x %ld\n", rep->asked_width, rep->asked_height, RENDER_PDF_MAX_SIDE,
                rep->width, rep->height);
}

/* Draws dot (the library's DOT) as p says, through the Graphviz plugin.
 * Returns the exit status. */
static int picture_render(const struct run *r, const struct picture *p, const char *format, const char *dot,
                          struct buf *out)
{
    struct render_options opt = {.format = format, .dpi = p->dpi, .scale = p->scale, .pdf_date = -1};
    if (strcmp(format, "pdf") == 0 && (opt.pdf_date = picture_pdf_date()) == -2)
        return EXIT_USAGE;
    struct render_report rep;
    char err[256];
    if (plugin_render(dot, &opt, out, &rep, err, sizeof err) != 0) {
        fprintf(stderr, "ladderc: error: cannot render %s: %s\n", format, err);
        return EXIT_USAGE;
    }
    /* not inside the JSON array of diagnostics on standard error, which
     * must stay one JSON text */
    if (rep.capped && !(r->format == DIAG_FMT_JSON && r->json_to_stderr))
        picture_note_capped(format, &rep);
    return EXIT_OK;
}

/* ---- build ---- */

static const char *const formats[] = {"svg", "png", "pdf", "dot", "md", "json", "html", NULL};

static bool known_format(const char *f)
{
    for (int i = 0; formats[i]; i++)
        if (strcmp(formats[i], f) == 0)
            return true;
    return false;
}

/* The format OUT's extension names, case-insensitively (map.PNG is png,
 * .gv is dot); NULL when it names none, or OUT has no extension. */
static const char *format_from_path(const char *out)
{
    const char *dot = strrchr(out, '.');
    if (!dot || strchr(dot, '/'))
        return NULL;
    if (strcasecmp(dot, ".gv") == 0)
        return "dot";
    for (int i = 0; formats[i]; i++)
        if (strcasecmp(formats[i], dot + 1) == 0)
            return formats[i];
    return NULL;
}

/* The page (-T html): the map drawn as -T svg draws it, but from the DOT
 * whose roles link to their sections, finished, then the library's page
 * around it (ld_html). Returns the exit status. */
static int emit_html_page(struct run *r, struct unit *u, const struct picture *p, struct buf *out)
{
    ld_text t;
    ld_status st = ld_emit(u->s, "dot-links", &t);
    if (st != LD_OK)
        return st == LD_ENOMEM ? cli_out_of_memory() : EXIT_INPUT;
    size_t start = out->len;
    int rc = picture_render(r, p, "svg", t.data, out);
    if (rc == EXIT_OK)
        rc = finish_svg(u, out, start);
    if (rc != EXIT_OK)
        return rc;
    st = ld_html(u->s, out->data + start, out->len - start, &t);
    if (st != LD_OK)
        return st == LD_ENOMEM ? cli_out_of_memory() : EXIT_INPUT;
    out->len = start;
    buf_put(out, t.data, t.len);
    return EXIT_OK;
}

/* The checked ladder in p's format: dot, md and json from the library, svg,
 * png and pdf through the Graphviz plugin, html both. Returns the exit status. */
static int emit(struct run *r, struct unit *u, const struct picture *p, struct buf *out)
{
    const char *format = p->format;
    if (strcmp(format, "html") == 0)
        return emit_html_page(r, u, p, out);
    ld_text t;
    ld_status st = is_picture_format(format) ? LD_EUSAGE : ld_emit(u->s, format, &t);
    if (st == LD_ENOMEM)
        return cli_out_of_memory();
    if (st == LD_OK) {
        buf_put(out, t.data, t.len);
        return EXIT_OK;
    }
    /* svg, png, pdf: the renderer draws the library's DOT */
    if ((st = ld_emit(u->s, "dot", &t)) != LD_OK)
        return st == LD_ENOMEM ? cli_out_of_memory() : EXIT_INPUT;
    /* the map's SVG is finished for screen readers (ld_finish_svg) */
    size_t start = out->len;
    int rc = picture_render(r, p, format, t.data, out);
    return rc == EXIT_OK && strcmp(format, "svg") == 0 ? finish_svg(u, out, start) : rc;
}

static int write_output(const char *out, const struct buf *b, int flags)
{
    char err[OUTPUT_ERR_MAX];
    if ((out ? output_file(out, b, flags, err, sizeof err) : output_stdout(b, err, sizeof err)) != 0) {
        fprintf(stderr, "ladderc: error: %s\n", err);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

/* -o OUT must not be a file the ladder imports either (FILE itself was
 * refused before reading): a build would replace what it read. The
 * shipped ladders (std/...) are not in the user's folders. */
static int check_out_not_imported(const struct unit *u, const char *out)
{
    for (size_t i = 1; i < ld_file_count(u->s); i++) {
        const char *path = ld_file_path(u->s, i);
        char err[OUTPUT_ERR_MAX];
        if (strncmp(path, "std/", 4) != 0 && output_check_not_input(out, path, err, sizeof err) != 0) {
            fprintf(stderr, "ladderc: error: %s\n", err);
            return EXIT_USAGE;
        }
    }
    return EXIT_OK;
}

/* What build and chart share: refuse an OUT that is an input, load FILE,
 * and when it has no errors, write what produce makes of it (arg is its
 * own) to OUT, standard output when NULL, whole or not at all. Returns
 * the exit status. */
typedef int produce_fn(struct run *r, struct unit *u, const void *arg, struct buf *out);

static int produce_to(struct run *r, const char *file, const char *out, produce_fn *produce, const void *arg)
{
    if (out) {
        char err[OUTPUT_ERR_MAX];
        if (output_check_not_input(out, file, err, sizeof err) != 0) {
            fprintf(stderr, "ladderc: error: %s\n", err);
            return EXIT_USAGE;
        }
    }
    r->json_to_stderr = out == NULL;

    struct unit u;
    int rc = unit_load(r, &u, file, true);
    if (rc == EXIT_OK) {
        rc = unit_failed(&u) ? EXIT_INPUT : EXIT_OK;
        if (rc == EXIT_OK && out)
            rc = check_out_not_imported(&u, out);
        if (rc == EXIT_OK) {
            struct buf b;
            buf_init(&b, &r->heap);
            rc = produce(r, &u, arg, &b);
            if (rc == EXIT_OK)
                rc = write_output(out, &b, OUTPUT_ANY);
            buf_free(&b);
        }
    }
    unit_free(&u);
    run_finish(r);
    return rc;
}

/* build's output (arg: the struct picture). */
static int build_produce(struct run *r, struct unit *u, const void *arg, struct buf *out)
{
    return emit(r, u, arg, out);
}

static int cmd_build(int argc, char **argv)
{
    struct run r;
    run_init(&r, usage_build, argv);
    struct picture p = {0};
    bool files_only = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (end_of_options(a, &files_only))
            continue;
        int k = files_only ? OPT_NONE : parse_common_option(&r, argc, argv, &i);
        if (k != OPT_NONE) {
            if (k == OPT_TAKEN)
                continue;
            return k == OPT_HELP ? EXIT_OK : EXIT_USAGE;
        }
        k = files_only ? OPT_NONE : parse_picture_option(&r, argc, argv, &i, &p, true);
        if (k == OPT_ERROR)
            return EXIT_USAGE;
        if (k == OPT_TAKEN)
            continue;
        if (files_only) {
            if (r.nfiles)
                return usage_error(&r, "build takes one FILE; '%s' is a second one", a);
            add_file(&r, a);
        } else if (a[0] == '-' && a[1] != '\0') {
            return usage_error(&r, "unknown option '%s'", a);
        } else if (r.nfiles) {
            return usage_error(&r, "build takes one FILE; '%s' is a second one", a);
        } else {
            add_file(&r, a);
        }
    }
    if (!r.nfiles)
        return usage_error(&r, "%s", "build needs a FILE");
    if (p.format && !known_format(p.format))
        return usage_error(&r, "unknown format '%s': use svg, png, pdf, dot, md, json or html", p.format);
    if (p.out && strcmp(p.out, "-") == 0)
        p.out = NULL;   /* -o -: standard output, as without -o */
    if (!p.format && p.out && !(p.format = format_from_path(p.out)))
        return usage_error(&r, "cannot tell the format from the name '%s': give -T FORMAT, or end OUT in "
                           ".svg .png .pdf .dot .gv .md .json or .html", p.out);
    if (!p.format)
        p.format = "svg";
    return produce_to(&r, r.files[0], p.out, build_produce, &p);
}

/* ---- check ---- */

static int cmd_check(int argc, char **argv)
{
    struct run r;
    run_init(&r, usage_check, argv);
    bool files_only = false;
    for (int i = 1; i < argc; i++) {
        if (end_of_options(argv[i], &files_only))
            continue;
        int k = files_only ? OPT_NONE : parse_common_option(&r, argc, argv, &i);
        if (k != OPT_NONE) {
            if (k == OPT_TAKEN)
                continue;
            return k == OPT_HELP ? EXIT_OK : EXIT_USAGE;
        }
        if (!files_only && argv[i][0] == '-' && argv[i][1] != '\0')
            return usage_error(&r, "unknown option '%s'", argv[i]);
        if (add_file(&r, argv[i]) != 0)
            return EXIT_USAGE;
    }
    if (r.nfiles == 0)
        return usage_error(&r, "%s", "check needs at least one FILE");
    int rc = EXIT_OK;
    for (size_t i = 0; i < r.nfiles; i++) {
        struct unit u;
        int k = unit_load(&r, &u, r.files[i], true);
        if (k != EXIT_OK)
            rc = k;
        else if (unit_failed(&u) && rc == EXIT_OK)
            rc = EXIT_INPUT;
        unit_free(&u);
    }
    run_finish(&r);
    return rc;
}

/* ---- fmt ---- */

static void fmt_one(struct run *r, const char *path, bool write, bool check, int *rc)
{
    struct unit u;
    int k = unit_load(r, &u, path, false);
    if (k != EXIT_OK) {
        unit_free(&u);
        *rc = k;
        return;
    }
    if (unit_failed(&u)) {
        if (r->format != DIAG_FMT_JSON) {  /* JSON has the reason, and must stay one JSON text */
            struct buf name;
            buf_init(&name, &r->heap);
            fprintf(stderr, "ladderc: error: '%s' has syntax errors; not formatted\n",
                    escape_filename_str(&name, u.name));
            buf_free(&name);
        }
        if (*rc == EXIT_OK)
            *rc = EXIT_INPUT;
        unit_free(&u);
        return;
    }
    ld_text t;
    if (ld_format(u.s, 0, &t) != LD_OK) {
        unit_free(&u);
        *rc = cli_out_of_memory();
        return;
    }
    struct buf b;
    buf_init(&b, &r->heap);
    buf_put(&b, t.data, t.len);
    bool same = b.len == u.len && memcmp(b.data ? b.data : "", u.text, b.len) == 0;
    if (check) {
        if (!same) {
            print_file_name(r, u.name);
            if (*rc == EXIT_OK)
                *rc = EXIT_INPUT;
        }
    } else if (write) {
        /* -w rewrites files in place, and only regular files: a FIFO or a
         * device is refused, never written through */
        if (!same && strcmp(path, "-") != 0)
            k = write_output(path, &b, OUTPUT_REGULAR_ONLY);
        else if (strcmp(path, "-") == 0)
            k = write_output(NULL, &b, OUTPUT_ANY);
    } else {
        k = write_output(NULL, &b, OUTPUT_ANY);
    }
    if (k != EXIT_OK)
        *rc = k;
    buf_free(&b);
    unit_free(&u);
}

static int cmd_fmt(int argc, char **argv)
{
    struct run r;
    run_init(&r, usage_fmt, argv);
    bool write = false, check = false, files_only = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (end_of_options(a, &files_only))
            continue;
        int k = files_only ? OPT_NONE : parse_common_option(&r, argc, argv, &i);
        if (k != OPT_NONE) {
            if (k == OPT_TAKEN)
                continue;
            return k == OPT_HELP ? EXIT_OK : EXIT_USAGE;
        }
        if (files_only) {
            if (add_file(&r, a) != 0)
                return EXIT_USAGE;
        } else if (strcmp(a, "-w") == 0) {
            write = true;
        } else if (strcmp(a, "--check") == 0) {
            check = true;
        } else if (a[0] == '-' && a[1] != '\0') {
            return usage_error(&r, "unknown option '%s'", a);
        } else if (add_file(&r, a) != 0) {
            return EXIT_USAGE;
        }
    }
    if (write && check)
        return usage_error(&r, "%s", "-w and --check exclude each other");
    if (r.nfiles == 0)
        return usage_error(&r, "%s", "fmt needs at least one FILE");
    /* standard output carries the formatted text or --check's list: the
     * JSON array goes to standard error then (-w writes none) */
    r.json_to_stderr = !write;
    int rc = EXIT_OK;
    for (size_t i = 0; i < r.nfiles; i++)
        fmt_one(&r, r.files[i], write, check, &rc);
    run_finish(&r);
    return rc;
}

/* ---- path ---- */

enum { PATH_MAX_DEFAULT = 10, PATH_MAX_LIMIT = 1000, PATH_CANDIDATES_SHOWN = 8 };

/* What path and gap share: load FILE and, when it has no errors, print
 * on standard output what ask (with arg) answers. LD_EUSAGE is a usage
 * error (exit 2); LD_EINPUT an answer the ladder does not have, such as no
 * route (exit 1). Returns the exit status. */
typedef ld_status ask_fn(ld_session *s, const void *arg, ld_text *out);

static int answer(struct run *r, const char *file, ask_fn *ask, const void *arg)
{
    struct unit u;
    int rc = unit_load(r, &u, file, true);
    if (rc != EXIT_OK) {
        unit_free(&u);
        run_free(r);
        return rc;
    }
    if (unit_failed(&u)) {
        rc = EXIT_INPUT;
    } else {
        ld_text t;
        ld_status st = ask(u.s, arg, &t);
        if (st == LD_ENOMEM) {
            rc = cli_out_of_memory();
        } else if (st == LD_EUSAGE) {
            fprintf(stderr, "ladderc: error: %s\n", ld_message(u.s));
            rc = EXIT_USAGE;
        } else if (st == LD_EINPUT) {
            fprintf(stderr, "ladderc: %s\n", ld_message(u.s));
            rc = EXIT_INPUT;
        } else {
            struct buf b;
            buf_init(&b, &r->heap);
            buf_put(&b, t.data, t.len);
            rc = write_output(NULL, &b, OUTPUT_ANY);
            buf_free(&b);
        }
    }
    unit_free(&u);
    run_finish(r);
    return rc;
}

struct path_query { const char *from, *to; size_t max; const char *format; };

static ld_status path_ask(ld_session *s, const void *arg, ld_text *out)
{
    const struct path_query *q = arg;
    return ld_path(s, q->from, q->to, q->max, q->format, out);
}

struct gap_query { const char *from, *to; bool route; const char *format; };

static ld_status gap_ask(ld_session *s, const void *arg, ld_text *out)
{
    const struct gap_query *q = arg;
    return ld_gap(s, q->from, q->to, q->route, q->format, out);
}

static int cmd_path(int argc, char **argv)
{
    struct run r;
    run_init(&r, usage_path, argv);
    r.json_to_stderr = true;
    const char *args[3];
    int nargs = 0;
    size_t max = PATH_MAX_DEFAULT;
    bool md = false, files_only = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (end_of_options(a, &files_only))
            continue;
        int k = files_only ? OPT_NONE : parse_common_option(&r, argc, argv, &i);
        if (k != OPT_NONE) {
            if (k == OPT_TAKEN)
                continue;
            return k == OPT_HELP ? EXIT_OK : EXIT_USAGE;
        }
        if (files_only) {
            if (nargs == 3)
                return usage_error(&r, "path takes FILE FROM TO; '%s' is one too many", a);
            args[nargs++] = a;
        } else if (strcmp(a, "--max") == 0 || strcmp(a, "-T") == 0) {
            if (i + 1 >= argc)
                return usage_error(&r, "option '%s' needs a value", a);
            const char *v = argv[++i];
            if (a[1] == 'T') {
                if (strcmp(v, "md") != 0 && strcmp(v, "text") != 0)
                    return usage_error(&r, "unknown format '%s': path prints text or md", v);
                md = strcmp(v, "md") == 0;
            } else {
                char *end;
                long n = strtol(v, &end, 10);
                if (*v == '\0' || *end != '\0' || n < 1 || n > PATH_MAX_LIMIT)
                    return usage_error(&r, "--max needs a number from 1 to 1000, not '%s'", v);
                max = (size_t)n;
            }
        } else if (a[0] == '-' && a[1] != '\0') {
            return usage_error(&r, "unknown option '%s'", a);
        } else if (nargs == 3) {
            return usage_error(&r, "path takes FILE FROM TO; '%s' is one too many", a);
        } else {
            args[nargs++] = a;
        }
    }
    if (nargs < 3)
        return usage_error(&r, "%s", "path needs FILE FROM TO");

    struct path_query q = {args[1], args[2], max, md ? "md" : "text"};
    return answer(&r, args[0], path_ask, &q);
}

/* ---- chart ---- */

/* FILE then the ROLEs, in the order given. */
struct chart_args {
    const char *file;
    struct picture picture; /* its format: svg, png, pdf or dot */
    const char *roles[LD_CHART_ROLES_MAX];
    size_t nroles;
};

static int chart_add_arg(struct run *r, struct chart_args *c, const char *a)
{
    if (!c->file)
        c->file = a;
    else if (c->nroles == LD_CHART_ROLES_MAX)
        return usage_error(r, "a chart shows at most 8 roles; '%s' is a ninth", a);
    else
        c->roles[c->nroles++] = a;
    return EXIT_OK;
}

/* The format -T gave, or OUT's extension's, or svg; NULL (reason printed)
 * for one a chart cannot be drawn in. */
static const char *chart_format(struct run *r, const char *format, const char *out)
{
    if (!format && out)
        format = format_from_path(out);
    if (!format)
        return "svg";
    if (!is_picture_format(format) && strcmp(format, "dot") != 0)
        return usage_error(r, "unknown chart format '%s': use svg, png, pdf or dot", format), NULL;
    return format;
}

/* The chart of the checked unit (arg: its chart_args). Returns the exit
 * status. */
static int chart_draw(struct run *r, struct unit *u, const void *arg, struct buf *out)
{
    const struct chart_args *c = arg;
    const char *format = c->picture.format;
    ld_text t;
    ld_status st = ld_chart(u->s, c->roles, c->nroles, "dot", &t);
    if (st == LD_ENOMEM)
        return cli_out_of_memory();
    if (st != LD_OK) {
        fprintf(stderr, "ladderc: error: %s\n", ld_message(u->s));
        return st == LD_EINPUT ? EXIT_INPUT : EXIT_USAGE;
    }
    if (strcmp(format, "dot") == 0) {
        buf_put(out, t.data, t.len);
        return EXIT_OK;
    }
    return picture_render(r, &c->picture, format, t.data, out);
}

static int cmd_chart(int argc, char **argv)
{
    struct run r;
    run_init(&r, usage_chart, argv);
    struct chart_args c = {0};
    struct picture *p = &c.picture;
    bool files_only = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (end_of_options(a, &files_only))
            continue;
        int k = files_only ? OPT_NONE : parse_common_option(&r, argc, argv, &i);
        if (k != OPT_NONE) {
            if (k == OPT_TAKEN)
                continue;
            return k == OPT_HELP ? EXIT_OK : EXIT_USAGE;
        }
        k = files_only ? OPT_NONE : parse_picture_option(&r, argc, argv, &i, p, false);
        if (k == OPT_ERROR)
            return EXIT_USAGE;
        if (k == OPT_TAKEN)
            continue;
        if (!files_only && a[0] == '-' && a[1] != '\0') {
            return usage_error(&r, "unknown option '%s'", a);
        } else if (chart_add_arg(&r, &c, a) != EXIT_OK) {
            return EXIT_USAGE;
        }
    }
    if (!c.nroles)
        return usage_error(&r, "%s", "chart needs FILE and at least one ROLE");
    if (p->out && strcmp(p->out, "-") == 0)
        p->out = NULL;  /* -o -: standard output */
    if (!(p->format = chart_format(&r, p->format, p->out)))
        return EXIT_USAGE;
    return produce_to(&r, c.file, p->out, chart_draw, &c);
}

/* ---- gap ---- */

static int cmd_gap(int argc, char **argv)
{
    struct run r;
    run_init(&r, usage_gap, argv);
    r.json_to_stderr = true;
    const char *args[3];
    int nargs = 0;
    const char *format = "text";
    bool route = false, files_only = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (end_of_options(a, &files_only))
            continue;
        int k = files_only ? OPT_NONE : parse_common_option(&r, argc, argv, &i);
        if (k != OPT_NONE) {
            if (k == OPT_TAKEN)
                continue;
            return k == OPT_HELP ? EXIT_OK : EXIT_USAGE;
        }
        if (!files_only && strcmp(a, "--route") == 0) {
            route = true;
        } else if (!files_only && strcmp(a, "-T") == 0) {
            if (i + 1 >= argc)
                return usage_error(&r, "option '%s' needs a value", a);
            format = argv[++i];
            if (strcmp(format, "text") != 0 && strcmp(format, "md") != 0 && strcmp(format, "json") != 0)
                return usage_error(&r, "unknown format '%s': gap prints text, md or json", format);
        } else if (!files_only && a[0] == '-' && a[1] != '\0') {
            return usage_error(&r, "unknown option '%s'", a);
        } else if (nargs == 3) {
            return usage_error(&r, "gap takes FILE FROM TO; '%s' is one too many", a);
        } else {
            args[nargs++] = a;
        }
    }
    if (nargs < 3)
        return usage_error(&r, "%s", "gap needs FILE FROM TO");

    struct gap_query q = {args[1], args[2], route, format};
    return answer(&r, args[0], gap_ask, &q);
}

/* ---- explain ---- */

static int cmd_explain(int argc, char **argv)
{
    struct run r;
    run_init(&r, usage_explain, argv);
    if (argc == 2 && is_help(argv[1])) {
        fputs(usage_explain, stdout);
        return EXIT_OK;
    }
    if (argc == 3 && strcmp(argv[1], "--") == 0) {   /* "--" ends the options here too */
        argv++;
        argc--;
    }
    if (argc != 2)
        return usage_error(&r, "%s", "explain needs one CODE");
    const char *text = ld_explain(argv[1]);
    if (text) {
        fputs(text, stdout);
        return EXIT_OK;     /* main checks that it reached stdout */
    }
    return usage_error(&r, "unknown diagnostic code '%s'", argv[1]);
}

/* Whatever a command printed must have reached standard output: a full disk
 * or a closed stdout is an I/O error (exit 2), not a silent truncation. */
static int flush_stdout(int rc)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        if (rc != EXIT_USAGE)   /* else the failing write has already said so */
            fprintf(stderr, "ladderc: error: cannot write to standard output: %s\n", strerror(errno));
        return EXIT_USAGE;
    }
    return rc;
}

static int dispatch(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "ladderc: error: missing command\n%s", usage_main);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (is_help(cmd) || strcmp(cmd, "help") == 0) {
        fputs(usage_main, stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("ladderc %s\n", LD_VERSION);
        return EXIT_OK;
    }
    static const struct { const char *name; int (*fn)(int, char **); } commands[] = {
        {"build", cmd_build}, {"check", cmd_check}, {"fmt", cmd_fmt},
        {"path", cmd_path}, {"chart", cmd_chart}, {"gap", cmd_gap}, {"explain", cmd_explain}, {"refs", refs_main}, {"rename", rename_main},
        {"diff", diff_main}, {"lsp", lsp_main},
    };
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(cmd, commands[i].name) == 0)
            return commands[i].fn(argc - 1, argv + 1);
    struct heap heap;
    cli_heap_init(&heap);
    struct buf b;
    buf_init(&b, &heap);
    fprintf(stderr, "ladderc: error: unknown command '%s'\n%s", escape_filename_str(&b, cmd), usage_main);
    buf_free(&b);
    return EXIT_USAGE;
}

/* Diagnostics that did not reach standard error (2>/dev/full, a closed
 * pipe) are a failed run: nothing is left to say it with, so the exit
 * status (2) is the report. */
static int flush_stderr(int rc)
{
    fflush(stderr);     /* a failure sets the error indicator, as a failed write did */
    return ferror(stderr) ? EXIT_USAGE : rc;
}

int main(int argc, char **argv)
{
    return flush_stderr(flush_stdout(dispatch(argc, argv)));
}
