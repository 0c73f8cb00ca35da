/* api.c - C tests of libladder's public API (include/ladder.h), and of
 * nothing else: this file includes only ladder.h, so it also proves that
 * the one header is enough to embed the library.
 *
 *   build/unit/api [-v]      prints "ok"/"FAIL" lines, then "N passed, N failed";
 *                            exit status 1 when a check failed
 *
 * Every session here takes its memory from a counting allocator that can be
 * told to fail at its Nth allocation: after each session is freed, no byte
 * may be left with it (no leak on any path, the error paths included). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ladder.h"
#include "unit.h"

/* ---- a loader over files kept in memory ---- */

struct memfile {
    const char *path, *text;
};

struct memfs {
    const struct memfile *files;
    char asked[16][128];    /* the paths the library asked for, in order */
    size_t nasked;
};

static int memfs_load(void *ud, const char *path, ld_source *out)
{
    struct memfs *fs = ud;
    if (fs->nasked < 16)
        snprintf(fs->asked[fs->nasked++], sizeof fs->asked[0], "%s", path);
    for (const struct memfile *f = fs->files; f->path; f++) {
        if (strcmp(f->path, path) == 0) {
            out->text = f->text;
            out->len = strlen(f->text);
            return 0;
        }
    }
    snprintf(out->why, sizeof out->why, "No such file or directory");
    return -1;
}

static const char good[] =
    "ladder \"Unit\"\n"
    "levels L3..L6\n"
    "track ic \"Individual contributor\"\n"
    "role junior \"Junior Engineer\" track ic level L3 at (10, 10)\n"
    "role senior \"Senior Engineer\" track ic level L4..L5 at (40, 50)\n"
    "role staff \"Staff Engineer\" track ic level L6 at (60, 80)\n"
    "junior -> senior years 2..3\n"
    "senior -> staff\n"
    "company g \"G\" {\n"
    "  ic L3 \"L3\" \"SWE II\"\n"
    "}\n";

/* line 4 names a track that does not exist */
static const char bad[] =
    "levels L3..L6\n"
    "track ic \"Individual contributor\"\n"
    "role junior \"Junior Engineer\" track ic level L3 at (10, 10)\n"
    "role senior \"Senior Engineer\" track icc level L4 at (40, 50)\n";

static ld_session *session_with(struct counter *c, struct memfs *fs)
{
    ld_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.index = 1;
    cfg.alloc = counting_alloc;
    cfg.alloc_ud = c;
    if (fs) {
        cfg.load = memfs_load;
        cfg.load_ud = fs;
    }
    return ld_session_new(&cfg);
}

/* ---- the tests ---- */

static void test_from_memory(void)
{
    struct counter c = {0};
    ld_session *s = session_with(&c, NULL);
    check(s != NULL, "memory: a session");
    check(ld_session_add_text(s, "unit.ladder", good, strlen(good)) == LD_OK, "memory: add_text");
    check(ld_check(s) == LD_OK, "memory: a good ladder checks (LD_OK)");
    check(ld_diagnostic_count(s) == 0 && ld_error_count(s) == 0, "memory: no diagnostic");
    check(ld_file_count(s) == 1 && strcmp(ld_file_path(s, 0), "unit.ladder") == 0, "memory: one file, its name");
    ld_text t = {0};
    check(ld_emit(s, "json", &t) == LD_OK && contains(&t, "\"senior\"") && t.data[t.len] == '\0',
          "memory: -T json names the roles (NUL-terminated)");
    check(ld_emit(s, "md", &t) == LD_OK && contains(&t, "Senior Engineer"), "memory: -T md");
    check(ld_emit(s, "dot", &t) == LD_OK && contains(&t, "digraph"), "memory: -T dot");
    check(ld_emit(s, "svg", &t) == LD_EUSAGE, "memory: svg is not the library's (LD_EUSAGE)");
    check(ld_path(s, "junior", "staff", 10, "text", &t) == LD_OK && contains(&t, "Staff Engineer"),
          "memory: path junior -> staff");
    check(ld_path(s, "junior", "nobody", 10, "text", &t) == LD_EUSAGE && strstr(ld_message(s), "E110"),
          "memory: path to an unknown role: LD_EUSAGE, E110 in the message (%s)", ld_message(s));
    check(ld_path(s, "staff", "junior", 10, "text", &t) == LD_EINPUT, "memory: no route is LD_EINPUT");
    ld_session_free(s);
    check(c.live_blocks == 0 && c.live_bytes == 0, "memory: every block given back (%zu left)", c.live_blocks);
}

static void test_errors_as_data(void)
{
    struct counter c = {0};
    ld_session *s = session_with(&c, NULL);
    ld_session_add_text(s, "bad.ladder", bad, strlen(bad));
    check(ld_check(s) == LD_EINPUT, "errors: a ladder with an error is LD_EINPUT");
    check(ld_error_count(s) == 1 && ld_diagnostic_count(s) == 1, "errors: one error");
    ld_diagnostic d;
    memset(&d, 0, sizeof d);
    check(ld_diagnostic_get(s, 0, &d) == LD_OK && d.severity == LD_ERROR && d.code &&
              strcmp(d.code, "E110") == 0 && d.file && strcmp(d.file, "bad.ladder") == 0 && d.line == 4 &&
              d.column == 37 && d.end_column == 40,
          "errors: E110 at bad.ladder:4:37-40 (%s %s:%d:%d-%d)", d.code ? d.code : "-", d.file ? d.file : "-",
          d.line, d.column, d.end_column);
    check(d.message && strstr(d.message, "icc"), "errors: the message names the track");
    ld_text t = {0};
    check(ld_print_diagnostics(s, LD_FORMAT_TEXT, &t) == LD_OK &&
              strncmp(t.data, "bad.ladder:4:37: error: ", 24) == 0 && contains(&t, "[E110]"),
          "errors: printed as text into a buffer");
    check(ld_print_diagnostics(s, LD_FORMAT_JSON, &t) == LD_OK && contains(&t, "\"file\": \"bad.ladder\""),
          "errors: printed as JSON");
    check(ld_print_diagnostics(s, LD_FORMAT_GITHUB, &t) == LD_OK && contains(&t, "::error file=bad.ladder"),
          "errors: printed as GitHub commands");
    check(ld_emit(s, "md", &t) == LD_EUSAGE && ld_message(s)[0] != '\0',
          "errors: emit after a failed check is LD_EUSAGE with a reason");
    check(ld_diagnostic_get(s, 1, &d) == LD_EUSAGE, "errors: a diagnostic past the end is LD_EUSAGE");
    ld_session_free(s);
    check(c.live_blocks == 0, "errors: every block given back");
}

static void test_two_sessions(void)
{
    struct counter c1 = {0}, c2 = {0};
    ld_session *a = session_with(&c1, NULL), *b = session_with(&c2, NULL);
    ld_session_add_text(a, "a.ladder", good, strlen(good));
    ld_session_add_text(b, "b.ladder", bad, strlen(bad));
    ld_status sb = ld_check(b), sa = ld_check(a);
    check(sa == LD_OK && sb == LD_EINPUT, "two sessions: each its own result");
    ld_text ta = {0}, tb = {0};
    check(ld_emit(a, "json", &ta) == LD_OK && ld_print_diagnostics(b, LD_FORMAT_TEXT, &tb) == LD_OK,
          "two sessions: each its own output");
    check(contains(&ta, "\"staff\"") && contains(&tb, "b.ladder:4:"), "two sessions: outputs do not mix");
    check(ld_diagnostic_count(a) == 0, "two sessions: a has none of b's diagnostics");
    ld_session_free(a);
    check(c1.live_blocks == 0 && c2.live_blocks > 0, "two sessions: freeing one leaves the other whole");
    check(ld_print_diagnostics(b, LD_FORMAT_TEXT, &tb) == LD_OK && contains(&tb, "[E110]"),
          "two sessions: the other still works");
    ld_session_free(b);
    check(c2.live_blocks == 0, "two sessions: every block given back");
}

static const struct memfile tree[] = {
    {"fw/main.ladder", "import \"company.ladder\"\n"
                       "role senior \"Senior Engineer\" track ic level L4 at (40, 50)\n"
                       "junior -> senior\n"},
    {"fw/company.ladder", "levels L3..L6\n"
                          "track ic \"Individual contributor\"\n"
                          "role junior \"Junior Engineer\" track ic level L3 at (10, 10)\n"},
    {NULL, NULL},
};

static const struct memfile climbing[] = {
    {"a/b/main.ladder", "import \"../shared/./base.ladder\"\n"
                        "import \"std/big-tech.ladder\"\n"},
    {NULL, NULL},
};

static void test_loader(void)
{
    struct counter c = {0};
    struct memfs fs = {tree, {{0}}, 0};
    ld_session *s = session_with(&c, &fs);
    ld_session_add_file(s, "fw/main.ladder");
    check(ld_check(s) == LD_OK, "loader: a root and its import check as one ladder");
    check(fs.nasked == 2 && strcmp(fs.asked[0], "fw/main.ladder") == 0 &&
              strcmp(fs.asked[1], "fw/company.ladder") == 0,
          "loader: asked for the root, then the import from the root's folder");
    check(ld_file_count(s) == 2 && strcmp(ld_file_path(s, 1), "fw/company.ladder") == 0,
          "loader: the session lists both files");
    ld_session_free(s);
    check(c.live_blocks == 0, "loader: every block given back");

    /* paths: "dir/.." and "." go, std/ is asked for verbatim */
    struct memfs up = {climbing, {{0}}, 0};
    s = session_with(&c, &up);
    ld_session_add_file(s, "a/b/main.ladder");
    check(ld_check(s) == LD_EINPUT, "loader: imports that cannot be read are errors");
    check(up.nasked == 3 && strcmp(up.asked[1], "a/shared/base.ladder") == 0 &&
              strcmp(up.asked[2], "std/big-tech.ladder") == 0,
          "loader: '../shared/./base.ladder' from a/b/ is a/shared/base.ladder; std/ verbatim (%s, %s)",
          up.asked[1], up.asked[2]);
    ld_session_free(s);
    check(c.live_blocks == 0, "loader: every block given back");

    /* a loader that fails: the root cannot be read */
    struct memfs none = {tree + 2, {{0}}, 0};
    s = session_with(&c, &none);
    ld_session_add_file(s, "missing.ladder");
    check(ld_check(s) == LD_EINPUT, "loader fails: LD_EINPUT");
    ld_text t = {0};
    ld_print_diagnostics(s, LD_FORMAT_TEXT, &t);
    check(contains(&t, "missing.ladder") && contains(&t, "No such file or directory"),
          "loader fails: the diagnostic names the file and the loader's reason");
    ld_session_free(s);
    check(c.live_blocks == 0, "loader fails: every block given back");

    /* no loader at all: files cannot be added, memory can */
    s = session_with(&c, NULL);
    ld_session_add_file(s, "x.ladder");
    check(ld_check(s) != LD_OK, "no loader: a file root does not check");
    ld_session_free(s);
    check(c.live_blocks == 0, "no loader: every block given back");
}

static void test_index(void)
{
    struct counter c = {0};
    struct memfs fs = {tree, {{0}}, 0};
    ld_session *s = session_with(&c, &fs);
    ld_session_add_file(s, "fw/main.ladder");
    check(ld_check(s) == LD_OK, "index: the two-file ladder checks");
    const ld_place *p = NULL;
    size_t n = 0;
    check(ld_refs(s, LD_NAME_ROLE, "junior", &p, &n) == LD_OK && n == 2, "index: junior is written twice (%zu)", n);
    check(n == 2 && p[0].definition && strcmp(ld_file_path(s, p[0].file), "fw/company.ladder") == 0 &&
              p[0].line == 3 && p[0].column == 6 && !p[1].definition &&
              strcmp(ld_file_path(s, p[1].file), "fw/main.ladder") == 0 && p[1].line == 3 && p[1].column == 1,
          "index: its definition in the imported file (3:6), its use in the root (3:1)");
    check(ld_name_kinds(s, "ic") == 1u << LD_NAME_TRACK, "index: ic is a track");
    const char *close = ld_name_suggest(s, "junoir", 1u << LD_NAME_ROLE);
    check(close && strcmp(close, "junior") == 0, "index: did you mean junior");
    const ld_change *ch = NULL;
    check(ld_rename(s, LD_NAME_ROLE, "junior", "entry", &ch, &n) == LD_OK && n == 2, "index: a rename changes two files");
    check(n == 2 && strstr(ch[0].text.data, "entry -> senior") && strstr(ch[1].text.data, "role entry \"Junior Engineer\"") &&
              strstr(ch[1].diff.data, "+role entry"),
          "index: each change has the file's new text and its diff");
    check(ld_rename(s, LD_NAME_ROLE, "junior", "senior", &ch, &n) == LD_EUSAGE && strstr(ld_message(s), "already"),
          "index: a clash is refused with the reason (%s)", ld_message(s));
    check(ld_rename(s, LD_NAME_LEVEL, "L3", "L9", &ch, &n) == LD_EUSAGE, "index: levels are not renamed");
    ld_session_free(s);
    check(c.live_blocks == 0, "index: every block given back");

    /* without ld_config.index there is no index */
    s = ld_session_new(NULL);
    ld_session_add_text(s, "u.ladder", good, strlen(good));
    ld_check(s);
    check(ld_refs(s, LD_NAME_ROLE, "junior", &p, &n) == LD_EUSAGE && ld_name_kinds(s, "junior") == 0,
          "index: none without ld_config.index (LD_EUSAGE)");
    ld_session_free(s);
}

/* Every call on no session, and on a session spent by running out of
 * memory: an answer, never a crash. */
static void test_null_and_spent(void)
{
    ld_text t = {0};
    ld_diagnostic d;
    const ld_place *p;
    const ld_change *ch;
    size_t n, e, w, cursor = 0;
    int bad = 0;
    bad += ld_session_add_file(NULL, "x") != LD_EUSAGE;
    bad += ld_session_add_text(NULL, "x", "", 0) != LD_EUSAGE;
    bad += ld_parse(NULL) != LD_EUSAGE || ld_check(NULL) != LD_EUSAGE;
    bad += ld_file_count(NULL) != 0 || ld_file_path(NULL, 0) != NULL;
    bad += ld_diagnostic_count(NULL) != 0 || ld_error_count(NULL) != 0 || ld_warning_count(NULL) != 0;
    bad += ld_diagnostic_get(NULL, 0, &d) != LD_EUSAGE || ld_diagnostic_note(NULL, 0, 0, &d) != LD_EUSAGE;
    bad += ld_print_diagnostics(NULL, LD_FORMAT_TEXT, &t) != LD_EUSAGE;
    bad += ld_print_file_diagnostics(NULL, 0, LD_FORMAT_JSON, &t) != LD_EUSAGE;
    bad += ld_print_file_diagnostics_part(NULL, 0, LD_FORMAT_JSON, &cursor, &t) != LD_EUSAGE;
    ld_file_diagnostic_counts(NULL, 0, &e, &w);
    bad += e != 0 || w != 0;
    bad += ld_emit(NULL, "md", &t) != LD_EUSAGE || ld_format(NULL, 0, &t) != LD_EUSAGE;
    bad += ld_path(NULL, "a", "b", 1, "text", &t) != LD_EUSAGE;
    bad += ld_syntax_error_count(NULL) != 0 || ld_name_kinds(NULL, "a") != 0 || ld_name_suggest(NULL, "a", ~0u);
    bad += ld_refs(NULL, LD_NAME_ROLE, "a", &p, &n) != LD_EUSAGE;
    bad += ld_rename(NULL, LD_NAME_ROLE, "a", "b", &ch, &n) != LD_EUSAGE;
    bad += ld_message(NULL) == NULL || ld_name_kind_name(LD_NAME_KINDS) != NULL;
    check(bad == 0, "no session: every call answers (%d did not)", bad);

    /* spent: the allocator fails once the check is under way */
    struct counter c = {0};
    ld_session *s = session_with(&c, NULL);
    ld_session_add_text(s, "unit.ladder", good, strlen(good));
    c.fail_at = c.allocs + 2;   /* the check's second allocation */
    check(ld_check(s) == LD_ENOMEM, "spent: out of memory during the check");
    bad = 0;
    bad += ld_session_add_file(s, "x") != LD_ENOMEM || ld_session_add_text(s, "x", "", 0) != LD_ENOMEM;
    bad += ld_parse(s) != LD_ENOMEM || ld_check(s) != LD_ENOMEM;
    bad += ld_file_count(s) != 0 || ld_file_path(s, 0) != NULL || ld_diagnostic_count(s) != 0;
    bad += ld_diagnostic_get(s, 0, &d) != LD_ENOMEM || ld_diagnostic_note(s, 0, 0, &d) != LD_ENOMEM;
    bad += ld_print_diagnostics(s, LD_FORMAT_TEXT, &t) != LD_ENOMEM;
    bad += ld_print_file_diagnostics(s, 0, LD_FORMAT_GITHUB, &t) != LD_ENOMEM;
    bad += ld_print_file_diagnostics_part(s, 0, LD_FORMAT_JSON, &cursor, &t) != LD_ENOMEM;
    bad += ld_emit(s, "md", &t) != LD_ENOMEM || ld_format(s, 0, &t) != LD_ENOMEM;
    bad += ld_path(s, "junior", "staff", 1, "text", &t) != LD_ENOMEM;
    bad += ld_syntax_error_count(s) != 0 || ld_name_kinds(s, "ic") != 0 || ld_name_suggest(s, "ic", ~0u);
    bad += ld_refs(s, LD_NAME_TRACK, "ic", &p, &n) != LD_ENOMEM;
    bad += ld_rename(s, LD_NAME_ROLE, "junior", "entry", &ch, &n) != LD_ENOMEM;
    bad += strcmp(ld_message(s), "out of memory") != 0;
    check(bad == 0, "spent: every later call says LD_ENOMEM or nothing (%d did not)", bad);
    ld_session_free(s);
    check(c.live_blocks == 0, "spent: every block given back");

    /* usage: out of order, bad arguments */
    s = session_with(&c, NULL);
    bad = 0;
    bad += ld_check(s) != LD_EUSAGE;           /* no root yet */
    bad += ld_emit(s, "md", &t) != LD_EUSAGE || ld_format(s, 0, &t) != LD_EUSAGE;
    bad += ld_refs(s, LD_NAME_ROLE, "a", &p, &n) != LD_EUSAGE;
    ld_session_add_text(s, "unit.ladder", good, strlen(good));
    bad += ld_check(s) != LD_OK || ld_check(s) != LD_EUSAGE || ld_parse(s) != LD_EUSAGE;
    bad += ld_emit(s, NULL, &t) != LD_EUSAGE || ld_path(s, "junior", "staff", 0, "text", &t) != LD_EUSAGE;
    bad += ld_path(s, "junior", "staff", 5, "html", &t) != LD_EUSAGE;
    bad += ld_path(s, "junior", "junior", 5, "text", &t) != LD_EUSAGE;
    bad += ld_refs(s, LD_NAME_KINDS, "a", &p, &n) != LD_EUSAGE || ld_refs(s, LD_NAME_ROLE, NULL, &p, &n) != LD_EUSAGE;
    bad += ld_diagnostic_note(s, 0, 0, &d) != LD_EUSAGE;
    check(bad == 0, "usage: calls out of order or with bad arguments are LD_EUSAGE (%d were not)", bad);
    ld_session_free(s);
    check(c.live_blocks == 0, "usage: every block given back");
}

static void test_parse_and_format(void)
{
    struct counter c = {0};
    ld_session *s = session_with(&c, NULL);
    const char *messy = "levels   L3..L4\ntrack ic \"IC\"\n";
    ld_session_add_text(s, "m.ladder", messy, strlen(messy));
    check(ld_parse(s) == LD_OK, "fmt: parse");
    ld_text t = {0};
    check(ld_format(s, 0, &t) == LD_OK && strcmp(t.data, "levels L3..L4\ntrack ic \"IC\"\n") == 0,
          "fmt: the canonical layout (%s)", t.data ? t.data : "(null)");
    check(ld_format(s, 1, &t) == LD_EUSAGE, "fmt: no root 1");
    ld_session_free(s);
    check(c.live_blocks == 0, "fmt: every block given back");
}

static void test_lookups(void)
{
    const char *w = ld_warning_code("soft-skills");
    check(w && strcmp(w, "W170") == 0, "lookups: -W names: soft-skills is W170");
    check(ld_warning_code("nonsense") == NULL, "lookups: an unknown name is NULL");
    const char *e = ld_explain("E130");
    check(e && strstr(e, "E130"), "lookups: explain E130");
    check(ld_explain("E999") == NULL, "lookups: explain of an unknown code is NULL");
    ld_session *s = ld_session_new(NULL);
    check(s != NULL, "lookups: a session with no config (the C library's allocator)");
    ld_session_free(s);
    ld_session_free(NULL);
}

/* The whole pipeline once, every step checked for LD_ENOMEM. */
static ld_status pipeline(struct counter *c, int *spent)
{
    *spent = 0;
    ld_session *s = session_with(c, NULL);
    if (!s)
        return LD_ENOMEM;
    ld_status st = ld_session_add_text(s, "unit.ladder", good, strlen(good));
    if (st == LD_OK)
        st = ld_check(s);
    ld_text t = {0};
    if (st == LD_OK)
        st = ld_print_diagnostics(s, LD_FORMAT_TEXT, &t);
    if (st == LD_OK)
        st = ld_emit(s, "md", &t);
    if (st == LD_OK)
        st = ld_emit(s, "json", &t);
    if (st == LD_OK)
        st = ld_emit(s, "dot", &t);
    if (st == LD_OK)
        st = ld_path(s, "junior", "staff", 5, "md", &t);
    const ld_place *p;
    const ld_change *ch;
    size_t n;
    if (st == LD_OK)
        st = ld_refs(s, LD_NAME_TRACK, "ic", &p, &n);
    if (st == LD_OK)
        st = ld_rename(s, LD_NAME_ROLE, "senior", "lead", &ch, &n);
    if (st == LD_ENOMEM) {
        /* a spent session says so again, and nothing else works */
        *spent = ld_check(s) == LD_ENOMEM && ld_emit(s, "md", &t) == LD_ENOMEM &&
                 strstr(ld_message(s), "memory") != NULL;
    }
    ld_session_free(s);
    return st;
}

static void test_failing_allocator(void)
{
    struct counter c = {0};
    int spent;
    check(pipeline(&c, &spent) == LD_OK && c.live_blocks == 0, "allocator: the pipeline succeeds");
    size_t total = c.allocs;
    check(total > 10, "allocator: the pipeline allocates (%zu times)", total);
    size_t enomem = 0, bad = 0, leaks = 0, not_spent = 0;
    for (size_t n = 1; n <= total; n++) {
        struct counter f = {0};
        f.fail_at = n;
        ld_status st = pipeline(&f, &spent);
        if (st == LD_ENOMEM)
            enomem++;
        else
            bad++;
        if (st == LD_ENOMEM && n > 1 && !spent)
            not_spent++;
        if (f.live_blocks || f.live_bytes)
            leaks++;
    }
    check(enomem == total && bad == 0, "allocator: failing allocation N of %zu, for every N, is LD_ENOMEM "
          "(%zu were, %zu were not)", total, enomem, bad);
    check(leaks == 0, "allocator: no block left after any failure (%zu runs leaked)", leaks);
    check(not_spent == 0, "allocator: a session out of memory stays spent (%zu did not)", not_spent);
}

int main(int argc, char **argv)
{
    verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
    test_from_memory();
    test_errors_as_data();
    test_two_sessions();
    test_loader();
    test_index();
    test_null_and_spent();
    test_parse_and_format();
    test_lookups();
    test_failing_allocator();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
