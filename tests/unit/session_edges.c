/* session_edges.c - C tests of the edges of libladder's sessions that
 * api.c leaves out: loaders that lend, fail oddly or give the same file
 * twice, import paths that climb or name a shipped ladder, several roots,
 * notes of a diagnostic, per-file printing, bad arguments to every call,
 * and running out of memory where the loader's bytes are held. Includes
 * only ladder.h, like api.c.
 *
 *   build/unit/session_edges [-v]    "ok"/"FAIL" lines, then "N passed, N failed" */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ladder.h"
#include "unit.h"

/* ---- a loader over files in memory, with every way of answering ---- */

enum how { PLAIN, NO_RELEASE, ONE_NUL, LEND, LEND_NO_RELEASE, NO_NULS, NULL_EMPTY, NULL_BYTES, HUGE, FAIL_SILENT };

struct memfile {
    const char *path, *text;
    enum how how;
    const char *key;
};

struct memfs {
    const struct memfile *files;
    char asked[16][128];
    size_t nasked, released, lent_released, unreleased;   /* unreleased: given without release */
    char lendbuf[8][256];       /* lent bytes: writable, two NULs after them */
    size_t nlent;
};

static void memfs_release(void *ud, const char *text, size_t len)
{
    struct memfs *fs = ud;
    (void)text;
    (void)len;
    fs->released++;
}

static void memfs_release_lent(void *ud, const char *text, size_t len)
{
    struct memfs *fs = ud;
    (void)text;
    (void)len;
    fs->lent_released++;
}

static int memfs_load(void *ud, const char *path, ld_source *out)
{
    struct memfs *fs = ud;
    if (fs->nasked < 16)
        snprintf(fs->asked[fs->nasked++], sizeof fs->asked[0], "%s", path);
    for (const struct memfile *f = fs->files; f->path; f++) {
        if (strcmp(f->path, path) != 0)
            continue;
        out->key = f->key;
        switch (f->how) {
        case FAIL_SILENT:
            return -1;      /* no why */
        case NULL_EMPTY:
            out->text = NULL, out->len = 0;
            return 0;
        case NULL_BYTES:
            out->text = NULL, out->len = 5;
            return 0;
        case HUGE:          /* says 2 GiB: refused before a byte is read */
            out->text = f->text, out->len = (size_t)1 << 31, out->release = memfs_release;
            return 0;
        case LEND:
        case LEND_NO_RELEASE: {
            char *b = fs->lendbuf[fs->nlent++ % 8];
            size_t n = strlen(f->text);
            memcpy(b, f->text, n + 1);
            b[n + 1] = '\0';
            out->text = b, out->len = n, out->lend = 1;
            out->release = f->how == LEND ? memfs_release_lent : NULL;
            return 0;
        }
        case ONE_NUL: {     /* lent, one NUL after the bytes, not two: copied */
            char *b = fs->lendbuf[fs->nlent++ % 8];
            size_t n = strlen(f->text);
            memcpy(b, f->text, n + 1);
            b[n + 1] = 'Y';
            out->text = b, out->len = n, out->lend = 1, out->release = memfs_release;
            return 0;
        }
        case NO_NULS:       /* lent, but without the two NULs: must be copied */
            out->text = f->text, out->len = strlen(f->text) - 1, out->lend = 1, out->release = memfs_release;
            return 0;
        case PLAIN:
            out->text = f->text, out->len = strlen(f->text), out->release = memfs_release;
            return 0;
        case NO_RELEASE:
            out->text = f->text, out->len = strlen(f->text);
            fs->unreleased++;
            return 0;
        }
    }
    snprintf(out->why, sizeof out->why, "No such file or directory");
    return -1;
}

static ld_session *session_with(struct counter *c, struct memfs *fs, int index)
{
    ld_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.index = index;
    cfg.alloc = counting_alloc;
    cfg.alloc_ud = c;
    if (fs) {
        cfg.load = memfs_load;
        cfg.load_ud = fs;
    }
    return ld_session_new(&cfg);
}

static const char base[] = "levels L3..L6\n"
                           "track ic \"Individual contributor\"\n"
                           "role junior \"Junior Engineer\" track ic level L3 at (10, 10)\n";

/* the message of diagnostic i, or "" */
static const char *message_of(ld_session *s, size_t i)
{
    ld_diagnostic d;
    return ld_diagnostic_get(s, i, &d) == LD_OK && d.message ? d.message : "";
}

static int any_message(ld_session *s, const char *part)
{
    for (size_t i = 0; i < ld_diagnostic_count(s); i++)
        if (strstr(message_of(s, i), part))
            return 1;
    return 0;
}

/* ---- the tests ---- */

/* import paths as the loader is asked for them (ladder.h) */
static void test_paths(void)
{
    static const struct memfile files[] = {
        {"main.ladder", "import \"../../up.ladder\"\n"
                        "import \"x/..\"\n"
                        "import \"/../abs/./f.ladder\"\n"
                        "import \"sub/\"\n"
                        "import \".h/h.ladder\"\n"
                        "import \"std/s.ladder\"\n", PLAIN, NULL},
        {"std/s.ladder", "import \"t.ladder\"\n", PLAIN, NULL},
        {NULL, NULL, PLAIN, NULL},
    };
    struct counter c = {0};
    struct memfs fs = {.files = files};
    ld_session *s = session_with(&c, &fs, 0);
    ld_session_add_file(s, "main.ladder");
    ld_check(s);
    const char *want[] = {"main.ladder", "../../up.ladder", ".", "/abs/f.ladder", "sub", ".h/h.ladder",
                          "std/s.ladder", "std/t.ladder"};
    int same = fs.nasked == 8;
    for (size_t i = 0; same && i < 8; i++)
        same = strcmp(fs.asked[i], want[i]) == 0;
    check(same, "paths: leading ..s kept, x/.. is '.', /.. stays at the root, a trailing / goes, '.h' is "
          "a name, a shipped ladder's import stays shipped (asked %zu: %s %s %s %s %s %s %s %s)", fs.nasked,
          fs.asked[0], fs.asked[1], fs.asked[2], fs.asked[3], fs.asked[4], fs.asked[5], fs.asked[6], fs.asked[7]);
    ld_session_free(s);
    check(c.live_blocks == 0 && fs.released == 2, "paths: every block and both texts given back");
}

/* what a loader may answer besides plain bytes */
static void test_loader_answers(void)
{
    static const struct memfile files[] = {
        {"main.ladder", "import \"lent.ladder\"\n"
                        "import \"lent2.ladder\"\n"
                        "import \"nonuls.ladder\"\n"
                        "import \"onenul.ladder\"\n"
                        "import \"empty.ladder\"\n"
                        "import \"nobytes.ladder\"\n"
                        "import \"huge.ladder\"\n"
                        "import \"silent.ladder\"\n"
                        "import \"alias.ladder\"\n"
                        "role senior \"Senior\" track ic level L4 at (20, 20)\n"
                        "junior -> senior\n", PLAIN, NULL},
        {"lent.ladder", base, LEND, "K"},
        {"lent2.ladder", "role mid \"Mid\" track ic level L4 at (15, 15)\n", LEND_NO_RELEASE, NULL},
        {"nonuls.ladder", "role staff \"Staff\" track ic level L5 at (30, 30)\nX", NO_NULS, NULL},
        {"empty.ladder", NULL, NULL_EMPTY, NULL},
        {"onenul.ladder", "role mgr \"Mgr\" track ic level L6 at (50, 50)\n", ONE_NUL, NULL},
        {"nobytes.ladder", NULL, NULL_BYTES, NULL},
        {"huge.ladder", "", HUGE, NULL},
        {"silent.ladder", NULL, FAIL_SILENT, NULL},
        {"alias.ladder", base, PLAIN, "K"},     /* the same file as lent.ladder */
        {NULL, NULL, PLAIN, NULL},
    };
    struct counter c = {0};
    struct memfs fs = {.files = files};
    ld_session *s = session_with(&c, &fs, 0);
    ld_session_add_file(s, "main.ladder");
    check(ld_check(s) == LD_EINPUT, "loader: three imports cannot be read (LD_EINPUT)");
    check(ld_error_count(s) == 3 && any_message(s, "'nobytes.ladder', imported here: the loader gave no bytes") &&
              any_message(s, "'huge.ladder', imported here: file is larger than 1 GiB") &&
              any_message(s, "'silent.ladder', imported here: cannot be read"),
          "loader: no bytes, 2 GiB and a failure without a reason are each said (%zu errors)", ld_error_count(s));
    check(ld_file_count(s) == 6 && ld_file_path(s, 6) == NULL,
          "loader: the key makes alias.ladder lent.ladder; 6 files (%zu)", ld_file_count(s));
    check(!any_message(s, "undefined") && !any_message(s, "main.ladder"),
          "loader: lent, copied and empty files are read (nothing undefined)");
    /* copied ones are released during the check: main, nonuls, onenul, huge, alias */
    check(fs.released == 5 && fs.lent_released == 0,
          "loader: copied bytes given back at once, lent ones kept (%zu, %zu)", fs.released, fs.lent_released);
    ld_session_free(s);
    check(fs.lent_released == 1 && c.live_blocks == 0, "loader: lent bytes given back when the session ends");
}

/* two names of one file, several roots, a root given twice */
static void test_roots(void)
{
    static const struct memfile files[] = {
        {"a.ladder", base, PLAIN, "same"},
        {"b.ladder", base, PLAIN, "same"},
        {"void.ladder", NULL, NULL_EMPTY, NULL},
        {NULL, NULL, PLAIN, NULL},
    };
    struct counter c = {0};
    struct memfs fs = {.files = files};
    ld_session *s = session_with(&c, &fs, 0);
    check(ld_session_add_file(s, "a.ladder") == LD_OK && ld_session_add_file(s, "a.ladder") == LD_OK &&
              ld_session_add_file(s, "b.ladder") == LD_OK,
          "roots: added");
    check(ld_check(s) == LD_OK && ld_file_count(s) == 1 && fs.nasked == 2,
          "roots: a root twice is read once, and one of the same key not kept (%zu files, asked %zu)",
          ld_file_count(s), fs.nasked);
    ld_session_free(s);
    s = session_with(&c, &fs, 0);
    ld_session_add_file(s, "void.ladder");
    check(ld_check(s) == LD_EINPUT && ld_file_count(s) == 1 && any_message(s, "levels") && !any_message(s, "read"),
          "roots: a loader's NULL bytes of length 0 are an empty root, read");
    ld_session_free(s);

    /* five roots from memory (past the first 4 slots): one ladder */
    s = session_with(&c, NULL, 0);
    const char *parts[] = {"levels L3..L6\n", "track ic \"IC\"\n", "role a \"A\" track ic level L3 at (1, 1)\n",
                           "role b \"B\" track ic level L4 at (2, 2)\n", "a -> b\nb -> nobody\n"};
    char name[16];
    for (int i = 0; i < 5; i++) {
        snprintf(name, sizeof name, "r%d.ladder", i);
        ld_session_add_text(s, name, parts[i], strlen(parts[i]));
    }
    ld_diagnostic d = {0};
    check(ld_check(s) == LD_EINPUT && ld_file_count(s) == 5 && ld_error_count(s) == 1 &&
              ld_diagnostic_get(s, 0, &d) == LD_OK && strcmp(d.file, "r4.ladder") == 0 && d.line == 2,
          "roots: five roots are one ladder; the one error is in the fifth (%s:%d)", d.file ? d.file : "-", d.line);
    ld_session_free(s);
    check(c.live_blocks == 0, "roots: every block given back");

    /* a root from memory with no bytes */
    s = session_with(&c, NULL, 0);
    check(ld_session_add_text(s, "empty.ladder", NULL, 0) == LD_OK, "roots: NULL text of length 0 is empty");
    check(ld_check(s) == LD_EINPUT && any_message(s, "levels"), "roots: an empty ladder has no levels");
    ld_session_free(s);
}

/* a diagnostic in an imported file, its note, and each file's own */
static void test_notes_and_files(void)
{
    static const struct memfile files[] = {
        {"m.ladder", "import \"lib.ladder\"\n"
                     "import \"gone.ladder\"\n", PLAIN, NULL},
        {"lib.ladder", "levels L3..L6\n"
                       "track ic \"IC\"\n"
                       "role a \"A\" track icc level L3 at (1, 1)\n", PLAIN, NULL},
        {NULL, NULL, PLAIN, NULL},
    };
    struct counter c = {0};
    struct memfs fs = {.files = files};
    ld_session *s = session_with(&c, &fs, 1);
    ld_session_add_file(s, "m.ladder");
    ld_diagnostic d = {0}, n = {0};
    /* the diagnostics are got before any is printed (the line maps are made then) */
    check(ld_check(s) == LD_EINPUT && ld_diagnostic_count(s) == 2, "notes: two errors (%zu)",
          ld_diagnostic_count(s));
    size_t in_lib = 2;
    for (size_t i = 0; i < 2; i++)
        if (ld_diagnostic_get(s, i, &d) == LD_OK && d.file && strcmp(d.file, "lib.ladder") == 0)
            in_lib = i;
    check(in_lib < 2 && ld_diagnostic_get(s, in_lib, &d) == LD_OK && d.nnotes == 1 && d.line == 3,
          "notes: the error in lib.ladder:3 has one note");
    check(ld_diagnostic_note(s, in_lib, 0, &n) == LD_OK && n.severity == LD_NOTE && n.code == NULL &&
              strcmp(n.file, "m.ladder") == 0 && n.line == 1 && n.column == 8 && strstr(n.message, "imported here"),
          "notes: at m.ladder:1:8, 'imported here' (%s:%d:%d)", n.file ? n.file : "-", n.line, n.column);
    check(ld_diagnostic_note(s, in_lib, 1, &n) == LD_EUSAGE && strstr(ld_message(s), "no such note"),
          "notes: note 1 does not exist (LD_EUSAGE)");
    check(ld_diagnostic_note(s, 1 - in_lib, 0, &n) == LD_EUSAGE, "notes: the root's error has none");
    check(ld_diagnostic_note(s, 0, 0, NULL) == LD_EUSAGE && ld_diagnostic_get(s, 0, NULL) == LD_EUSAGE,
          "notes: no out is LD_EUSAGE");

    ld_text t = {0};
    check(ld_print_file_diagnostics(s, 1, LD_FORMAT_TEXT, &t) == LD_OK && contains(&t, "lib.ladder:3:") &&
              !contains(&t, "gone.ladder"),
          "files: file 1's diagnostics are only its own");
    check(ld_print_file_diagnostics(s, 0, LD_FORMAT_GITHUB, &t) == LD_OK && contains(&t, "gone.ladder") &&
              !contains(&t, "icc"),
          "files: file 0's too");
    check(ld_print_file_diagnostics(s, 2, LD_FORMAT_TEXT, &t) == LD_EUSAGE &&
              ld_print_file_diagnostics(s, 0, LD_FORMAT_TEXT, NULL) == LD_EUSAGE,
          "files: no file 2, no out: LD_EUSAGE");
    check(ld_print_diagnostics(s, (ld_diag_format)99, &t) == LD_EUSAGE && strstr(ld_message(s), "unknown format") &&
              ld_print_diagnostics(s, LD_FORMAT_TEXT, NULL) == LD_EUSAGE,
          "print: an unknown format, no out: LD_EUSAGE");
    check(ld_print_diagnostics(s, LD_FORMAT_TEXT_COLOR, &t) == LD_OK && contains(&t, "\033["),
          "print: in colour");
    size_t e = 9, w = 9, cursor = 0;
    ld_file_diagnostic_counts(s, 1, &e, &w);
    check(e == 1 && w == 0, "files: file 1 has one error (%zu, %zu)", e, w);
    ld_file_diagnostic_counts(s, 7, &e, &w);
    check(e == 0 && w == 0, "files: a file past the end has none");
    check(ld_print_file_diagnostics_part(s, 0, LD_FORMAT_JSON, NULL, &t) == LD_EUSAGE &&
              ld_print_file_diagnostics_part(s, 0, LD_FORMAT_JSON, &cursor, NULL) == LD_EUSAGE,
          "parts: no cursor, no out: LD_EUSAGE");
    check(ld_print_file_diagnostics_part(s, 2, LD_FORMAT_JSON, &cursor, &t) == LD_EUSAGE, "parts: no file 2");
    /* a JSON print left half-way, then another file's from the start */
    check(ld_print_file_diagnostics_part(s, 0, LD_FORMAT_JSON, &cursor, &t) == LD_OK, "parts: file 0 begun");
    ld_text whole = {0};
    char *want = NULL;
    if (ld_print_file_diagnostics(s, 1, LD_FORMAT_JSON, &whole) == LD_OK && (want = malloc(whole.len + 1)))
        memcpy(want, whole.data, whole.len + 1);
    char got[4096] = "";
    cursor = 0;
    for (int k = 0; k < 8; k++) {
        if (ld_print_file_diagnostics_part(s, 1, LD_FORMAT_JSON, &cursor, &t) != LD_OK || t.len == 0)
            break;
        strncat(got, t.data, sizeof got - strlen(got) - 1);
    }
    check(want && strcmp(got, want) == 0, "parts: file 1's parts are its whole text");
    free(want);
    check(ld_syntax_error_count(s) == 0, "files: no syntax error (a file not read has none)");
    check(ld_name_kinds(s, NULL) == 0 && ld_name_suggest(s, NULL, ~0u) == NULL, "index: no name, no answer");
    const ld_place *p = NULL;
    size_t np = 9;
    check(ld_refs(s, LD_NAME_ROLE, "nobody", &p, &np) == LD_OK && np == 0, "index: a name nowhere has 0 places");
    const ld_change *ch = NULL;
    check(ld_rename(s, LD_NAME_ROLE, "a", "b", &ch, &np) == LD_OK && np == 1 && ch[0].file == 1,
          "index: a rename beside a file that could not be read (%s)", ld_message(s));
    check(ld_refs(s, LD_NAME_ROLE, "a", NULL, &np) == LD_EUSAGE && ld_refs(s, LD_NAME_ROLE, "a", &p, NULL) == LD_EUSAGE,
          "index: no out: LD_EUSAGE");
    ld_session_free(s);
    check(c.live_blocks == 0 && fs.released == 2, "notes: every block and text given back");
}

/* counts and lookups */
static void test_counts_and_lookups(void)
{
    static const char warn[] = "levels L3..L11\n"
                               "track ic \"Individual contributor\"\n"
                               "role staff \"Staff Engineer\" track ic level L6..L7 at (40, 45)\n"
                               "role principal \"Principal Engineer\" track ic level L8 at (35, 65)\n"
                               "staff -> principal\n";
    ld_session *s = ld_session_new(NULL);
    ld_session_add_text(s, "w.ladder", warn, strlen(warn));
    check(ld_check(s) == LD_OK && ld_warning_count(s) == 1 && ld_error_count(s) == 0,
          "counts: one warning (W170), no error (%zu)", ld_warning_count(s));
    check(ld_file_path(s, 1) == NULL, "counts: no file 1");
    ld_session_free(s);

    /* -W no-W170, with a NULL and an unknown code beside it */
    const char *off[] = {NULL, "no-such-warning", "soft-skills"};
    ld_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.diag.disabled = off;
    cfg.diag.ndisabled = 3;
    s = ld_session_new(&cfg);
    ld_session_add_text(s, "w.ladder", warn, strlen(warn));
    check(ld_check(s) == LD_OK && ld_warning_count(s) == 0, "options: soft-skills silenced, the NULL and the unknown "
          "code ignored (%zu warnings)", ld_warning_count(s));
    ld_session_free(s);

    check(ld_warning_code(NULL) == NULL && ld_explain(NULL) == NULL, "lookups: NULL is NULL");
    check(ld_explain("E13") == NULL && ld_explain("E1300") == NULL, "lookups: a prefix or a longer code is no code");
    const char *e = ld_explain("e130");
    check(e && e == ld_explain("E130"), "lookups: codes in any case");
}

/* bad arguments and calls out of order */
static void test_usage(void)
{
    static const char good[] = "levels L3..L6\n"
                               "track ic \"IC\"\n"
                               "role a \"A\" track ic level L3 at (1, 1)\n"
                               "role b \"B\" track ic level L4 at (2, 2)\n"
                               "a -> b\n";
    struct counter c = {0};
    ld_session *s = session_with(&c, NULL, 0);
    ld_text t = {0};
    int bad = 0;
    bad += ld_parse(s) != LD_EUSAGE;                                    /* no root */
    bad += ld_session_add_file(s, NULL) != LD_EUSAGE;
    bad += ld_session_add_text(s, NULL, "x", 1) != LD_EUSAGE || ld_session_add_text(s, "n", NULL, 3) != LD_EUSAGE;
    bad += ld_path(s, "a", "b", 1, "text", &t) != LD_EUSAGE;             /* not checked */
    check(bad == 0, "usage: before a root (%d wrong)", bad);
    ld_session_add_text(s, "g.ladder", good, strlen(good));
    check(ld_check(s) == LD_OK, "usage: checks");
    bad = 0;
    bad += ld_session_add_file(s, "x") != LD_EUSAGE || ld_session_add_text(s, "x", "", 0) != LD_EUSAGE;
    bad += ld_emit(s, "md", NULL) != LD_EUSAGE || ld_format(s, 0, NULL) != LD_EUSAGE;
    bad += ld_path(s, NULL, "b", 1, "text", &t) != LD_EUSAGE || ld_path(s, "a", NULL, 1, "text", &t) != LD_EUSAGE;
    bad += ld_path(s, "a", "b", 1, "text", NULL) != LD_EUSAGE || ld_path(s, "a", "b", 1, NULL, &t) != LD_EUSAGE;
    bad += ld_path(s, "a", "b", 1001, "text", &t) != LD_EUSAGE;
    check(bad == 0, "usage: after the check (%d wrong)", bad);
    check(ld_path(s, "a", "b", 1000, "text", &t) == LD_OK, "usage: 1000 routes is allowed");
    const ld_change *ch;
    size_t n;
    check(ld_rename(s, LD_NAME_ROLE, "a", "z", &ch, &n) == LD_EUSAGE && strstr(ld_message(s), "no index"),
          "usage: rename without an index");
    ld_session_free(s);

    s = session_with(&c, NULL, 1);
    ld_session_add_text(s, "g.ladder", good, strlen(good));
    ld_check(s);
    bad = 0;
    bad += ld_rename(s, LD_NAME_ROLE, "a", "z", NULL, &n) != LD_EUSAGE;
    bad += ld_rename(s, LD_NAME_ROLE, "a", "z", &ch, NULL) != LD_EUSAGE;
    bad += ld_rename(s, LD_NAME_ROLE, NULL, "z", &ch, &n) != LD_EUSAGE;
    bad += ld_rename(s, LD_NAME_ROLE, "a", NULL, &ch, &n) != LD_EUSAGE;
    bad += ld_rename(s, LD_NAME_KINDS, "a", "z", &ch, &n) != LD_EUSAGE;
    check(bad == 0, "usage: rename's arguments (%d wrong)", bad);
    ld_session_free(s);
    check(c.live_blocks == 0, "usage: every block given back");

    /* fmt of a root that could not be read, or has syntax errors */
    s = session_with(&c, NULL, 0);
    ld_session_add_file(s, "unreadable.ladder");
    ld_session_add_text(s, "broken.ladder", "role (\n", 7);
    ld_parse(s);
    check(ld_format(s, 0, &t) == LD_EINPUT && ld_format(s, 1, &t) == LD_EINPUT,
          "fmt: an unreadable root and a broken one are LD_EINPUT");
    check(ld_syntax_error_count(s) >= 1, "fmt: the syntax error is counted, the unreadable file has none");
    ld_session_free(s);
    check(c.live_blocks == 0, "fmt: every block given back");
}

/* rename: only the files it touches; refused with a file's syntax errors */
static void test_rename(void)
{
    static const struct memfile files[] = {
        {"m.ladder", "import \"lib.ladder\"\n"
                     "role b \"B\" track ic level L4 at (2, 2)\n", PLAIN, NULL},
        {"lib.ladder", "levels L3..L6\n"
                       "track ic \"IC\"\n"
                       "role a \"A\" track ic level L3 at (1, 1)\n"
                       "role c \"C\" track ic level L5 at (3, 3)\n"
                       "a -> c\n", PLAIN, NULL},
        {NULL, NULL, PLAIN, NULL},
    };
    struct counter c = {0};
    struct memfs fs = {.files = files};
    ld_session *s = session_with(&c, &fs, 1);
    ld_session_add_file(s, "m.ladder");
    check(ld_check(s) == LD_OK, "rename: the ladder checks");
    const ld_change *ch = NULL;
    size_t n = 0;
    check(ld_rename(s, LD_NAME_ROLE, "a", "first", &ch, &n) == LD_OK && n == 1 && ch[0].file == 1 &&
              strstr(ch[0].text.data, "first -> c"),
          "rename: a name only in file 1 changes file 1 alone (%zu changes)", n);
    ld_session_free(s);

    /* a file with syntax errors, named "" and then at length */
    s = session_with(&c, NULL, 1);
    ld_session_add_text(s, "", "levels L3..L6\nrole (\n", 21);
    ld_check(s);
    check(ld_rename(s, LD_NAME_LEVEL, "L3", "L4", &ch, &n) == LD_EUSAGE &&
              strstr(ld_message(s), "'' has syntax errors"),
          "rename: refused with syntax errors, in a file named '' (%s)", ld_message(s));
    ld_session_free(s);
    char longname[1500];
    memset(longname, 'n', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    s = session_with(&c, NULL, 1);
    ld_session_add_text(s, longname, "levels L3..L6\nrole (\n", 21);
    ld_check(s);
    check(ld_rename(s, LD_NAME_ROLE, "x", "y", &ch, &n) == LD_EUSAGE && strlen(ld_message(s)) < 1200 &&
              strstr(ld_message(s), "' has syntax errors"),
          "rename: a long file name is clipped in the message (%zu bytes)", strlen(ld_message(s)));
    ld_session_free(s);
    /* beside a root that could not be read (a file with no tree) */
    s = session_with(&c, NULL, 1);
    ld_session_add_file(s, "unreadable.ladder");
    ld_session_add_text(s, "g.ladder", "levels L3..L6\ntrack ic \"IC\"\n", 28);
    check(ld_check(s) == LD_EINPUT && ld_rename(s, LD_NAME_TRACK, "ic", "eng", &ch, &n) == LD_OK && n == 1 &&
              ch[0].file == 1,
          "rename: beside a root that could not be read, the other is renamed (%s)", ld_message(s));
    ld_session_free(s);
    check(c.live_blocks == 0, "rename: every block given back");
}

/* One session through the loader (lent and copied files, an import), every
 * step; returns the first status that is not LD_OK or LD_EINPUT. */
static ld_status loaded_pipeline(struct counter *c, struct memfs *fs)
{
    ld_session *s = session_with(c, fs, 1);
    if (!s)
        return LD_ENOMEM;
    ld_status st = ld_session_add_file(s, "m.ladder");
    if (st == LD_OK)
        st = ld_check(s);
    ld_diagnostic d;
    ld_text t;
    /* the note's file, then the diagnostic's, have their lines mapped here */
    if (st == LD_EINPUT)
        st = ld_diagnostic_note(s, 0, 0, &d);
    if (st == LD_OK)
        st = ld_diagnostic_get(s, 0, &d);
    if (st == LD_OK)
        st = ld_print_file_diagnostics(s, 1, LD_FORMAT_TEXT, &t);
    if (st == LD_OK)
        st = ld_name_kinds(s, "ic") ? LD_OK : LD_ENOMEM;
    if (st == LD_OK)
        st = ld_name_suggest(s, "juniro", ~0u) ? LD_OK : LD_ENOMEM;
    if (st == LD_ENOMEM) {
        size_t e = 1, w = 1;
        ld_file_diagnostic_counts(s, 0, &e, &w);
        if (ld_error_count(s) || ld_warning_count(s) || e || w || ld_diagnostic_count(s))
            st = LD_OK;     /* a spent session has no counts: not what the caller expects */
    }
    ld_session_free(s);
    return st;
}

/* out of memory at each allocation, with the loader's bytes held: every
 * text the loader gave is given back exactly once */
static void test_failing_allocator(void)
{
    static const struct memfile files[] = {
        {"m.ladder", "import \"lib.ladder\"\n"
                     "import \"lent.ladder\"\n"
                     "import \"norel.ladder\"\n"
                     "role senior \"Senior\" track ic level L4 at (20, 20)\n"
                     "junior -> senior\n", PLAIN, NULL},
        {"lib.ladder", "levels L3..L6\n"
                       "track ic \"Individual contributor\"\n"
                       "role junior \"Junior Engineer\" track ic level L3 at (10, 10)\n"
                       "junior -> ghost\n", PLAIN, NULL},
        {"norel.ladder", "role lead \"Lead\" track ic level L6 at (40, 40)\n", NO_RELEASE, NULL},
        {"lent.ladder", "role mid \"Mid\" track ic level L4 at (15, 15)\n", LEND, NULL},
        {NULL, NULL, PLAIN, NULL},
    };
    struct counter c = {0};
    struct memfs fs = {.files = files};
    check(loaded_pipeline(&c, &fs) == LD_OK && c.live_blocks == 0 && fs.released == 2 && fs.lent_released == 1 &&
              fs.unreleased == 1,
          "allocator: the loaded pipeline succeeds (%zu, %zu released)", fs.released, fs.lent_released);
    size_t total = c.allocs, enomem = 0, leaks = 0, unbalanced = 0;
    for (size_t k = 1; k <= total; k++) {
        struct counter f = {0};
        struct memfs ffs = {.files = files};
        f.fail_at = k;
        enomem += loaded_pipeline(&f, &ffs) == LD_ENOMEM;
        leaks += f.live_blocks != 0;
        /* every text the loader handed out came back once */
        unbalanced += ffs.released + ffs.lent_released + ffs.unreleased != ffs.nasked;
    }
    check(enomem == total, "allocator: failing allocation N of %zu, for every N, is LD_ENOMEM (%zu were)", total,
          enomem);
    check(leaks == 0 && unbalanced == 0, "allocator: no block left (%zu), every loaded text given back once (%zu "
          "not)", leaks, unbalanced);
}

/* a ladder of n roles, each on its own track that is never declared: n
 * errors, and 3n names written */
static char *many_roles(size_t n, size_t *len)
{
    char *text = malloc(n * 80 + 32), *w = text;
    if (!text)
        return NULL;
    w += sprintf(w, "levels L3..L6\n");
    for (size_t i = 0; i < n; i++)
        w += sprintf(w, "role r%zu \"R\" track t%zu level L3 at (1, 1)\n", i, i);
    *len = (size_t)(w - text);
    return text;
}

/* JSON in parts: a file's print left half-way, then begun again, gives
 * the file's whole text; the index's suggestion out of memory */
static void test_large(void)
{
    size_t len = 0;
    char *text = many_roles(6000, &len);
    struct counter c = {0};
    ld_session *s = session_with(&c, NULL, 1);
    ld_session_add_text(s, "many.ladder", text, len);
    check(ld_check(s) == LD_EINPUT && ld_error_count(s) == 6000, "large: 6000 errors (%zu)", ld_error_count(s));
    ld_text t = {0};
    size_t cursor = 0;
    check(ld_print_file_diagnostics(s, 0, LD_FORMAT_JSON, &t) == LD_OK, "large: the whole JSON");
    size_t blocks = c.live_blocks;      /* the output buffer at its largest */
    check(ld_print_file_diagnostics_part(s, 0, LD_FORMAT_JSON, &cursor, &t) == LD_OK && cursor < 6000 && t.len > 0,
          "large: a first part of the JSON, not all of it (%zu of 6000)", cursor);
    char *want = NULL, *got = NULL;
    size_t got_len = 0;
    if (ld_print_file_diagnostics(s, 0, LD_FORMAT_JSON, &t) == LD_OK && (want = malloc(t.len + 1)))
        memcpy(want, t.data, t.len + 1);
    got = calloc(1, want ? strlen(want) + 1 : 1);
    cursor = 0;
    for (int k = 0; got && k < 1000; k++) {
        if (ld_print_file_diagnostics_part(s, 0, LD_FORMAT_JSON, &cursor, &t) != LD_OK || t.len == 0)
            break;
        if (!want || got_len + t.len > strlen(want))
            break;
        memcpy(got + got_len, t.data, t.len);
        got_len += t.len;
    }
    check(want && got && got_len == strlen(want) && memcmp(got, want, got_len) == 0,
          "large: begun again, the parts are the whole JSON (%zu of %zu bytes)", got_len, want ? strlen(want) : 0);
    check(c.live_blocks == blocks, "large: the printer left half-way is given back when begun again (%zu blocks, "
          "%zu before)", c.live_blocks, blocks);
    free(want);
    free(got);

    /* the suggestion's list of 18,000 names needs a block of its own */
    c.fail_at = c.allocs + 1;
    check(ld_name_suggest(s, "r1x", ~0u) == NULL && ld_check(s) == LD_ENOMEM,
          "large: out of memory in ld_name_suggest: NULL, and the session is spent");
    ld_session_free(s);
    check(c.live_blocks == 0, "large: every block given back");
    free(text);
}

int main(int argc, char **argv)
{
    verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
    test_paths();
    test_loader_answers();
    test_roots();
    test_notes_and_files();
    test_counts_and_lookups();
    test_usage();
    test_rename();
    test_failing_allocator();
    test_large();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
