/* query.c - C tests of what an editor asks (include/ladder.h, "editors"):
 * ld_name_at, ld_hover, ld_complete, ld_outline and ld_diagnostic_fix,
 * through the public header alone, on examples/framework.ladder and
 * examples/skills-map.ladder (read by a loader here: the library reads no
 * file), on ladders with errors, at edge positions (column 1, the end of a
 * line, past it, an empty file, a line with accents and an emoji: columns
 * count code points), and with a counting allocator that fails at every
 * allocation of each call in turn (LD_ENOMEM, no block left).
 *
 *   build/unit/query [-v]    prints "ok"/"FAIL" lines, then "N passed, N failed";
 *                            exit status 1 when a check failed
 * The examples are found from the program's path (ROOT/build/unit/query). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ladder.h"
#include "unit.h"

static char root[4096];

/* Reads path under root (the examples), or fails. */
static int load_file(void *ud, const char *path, ld_source *out)
{
    (void)ud;
    char full[8192];
    snprintf(full, sizeof full, "%s/%s", root, path);     /* root "" is "/" */
    FILE *f = fopen(full, "rb");
    if (!f) {
        snprintf(out->why, sizeof out->why, "cannot open %.200s", path);
        return -1;
    }
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    size_t k;
    while (b && (k = fread(b + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap)
            b = realloc(b, cap *= 2);
    }
    fclose(f);
    if (!b)
        return -1;
    out->text = b;
    out->len = n;
    out->release = NULL;
    out->key = NULL;
    out->lend = 0;
    return 0;
}

/* The loader gives malloc'd bytes; the session copies them: free at once. */
static void release_file(void *ud, const char *text, size_t len)
{
    (void)ud, (void)len;
    free((void *)text);
}

static int load(void *ud, const char *path, ld_source *out)
{
    int r = load_file(ud, path, out);
    if (r == 0)
        out->release = release_file;
    return r;
}

/* A checked session with an index: a file of root (text NULL) or text. */
static ld_session *open_ladder(struct counter *c, const char *path, const char *text, int index)
{
    ld_config cfg;
    memset(&cfg, 0, sizeof cfg);
    if (c) {
        cfg.alloc = counting_alloc;
        cfg.alloc_ud = c;
    }
    cfg.load = load;
    cfg.index = index;
    ld_session *s = ld_session_new(&cfg);
    if (!s)
        return NULL;
    ld_status st = text ? ld_session_add_text(s, path, text, strlen(text)) : ld_session_add_file(s, path);
    if (st == LD_OK)
        ld_check(s);
    return s;
}

static void check_text(const char *what, ld_status st, const ld_text *t, const char *want)
{
    int ok = st == LD_OK && t->data && strcmp(t->data, want) == 0 && t->len == strlen(want);
    check(ok, "%s", what);
    if (!ok)
        printf("     status %d, got:\n%s\n     want:\n%s\n", st, st == LD_OK ? t->data : "", want);
}

/* ---- ld_name_at ---- */

static void check_name(ld_session *s, size_t file, int line, int column, ld_name_kind kind, const char *name,
                       int def, int want_line, int want_col, int want_end)
{
    ld_place p;
    memset(&p, 0, sizeof p);
    ld_status st = ld_name_at(s, file, line, column, &p);
    check(st == LD_OK && p.kind == kind && strcmp(p.name, name) == 0 && p.definition == def &&
              p.line == want_line && p.column == want_col && p.end_column == want_end && p.file == file,
          "name_at %d:%d: %s '%s' at %d:%d-%d (got status %d, '%s' at %d:%d-%d)", line, column,
          ld_name_kind_name(kind), name, want_line, want_col, want_end, st, st == LD_OK ? p.name : "", p.line,
          p.column, p.end_column);
}

static void check_no_name(ld_session *s, size_t file, int line, int column, ld_status want, const char *what)
{
    ld_place p;
    ld_status st = ld_name_at(s, file, line, column, &p);
    check(st == want, "name_at %d:%d: %s: status %d (got %d)", line, column, what, want, st);
}

static void test_name_at(void)
{
    ld_session *s = open_ladder(NULL, "examples/framework.ladder", NULL, 1);
    /* role senior "Senior Engineer" track ic level L5 {   (line 57) */
    check_name(s, 0, 57, 6, LD_NAME_ROLE, "senior", 1, 57, 6, 12);      /* its first character */
    check_name(s, 0, 57, 9, LD_NAME_ROLE, "senior", 1, 57, 6, 12);      /* inside */
    check_name(s, 0, 57, 12, LD_NAME_ROLE, "senior", 1, 57, 6, 12);     /* just after its last */
    check_name(s, 0, 57, 37, LD_NAME_TRACK, "ic", 0, 57, 37, 39);
    check_name(s, 0, 57, 47, LD_NAME_LEVEL, "L5", 0, 57, 46, 48);
    check_name(s, 0, 85, 1, LD_NAME_ROLE, "senior", 0, 85, 1, 7);       /* column 1: a move's start */
    check_name(s, 0, 7, 9, LD_NAME_LEVEL, "L3", 1, 7, 8, 14);           /* levels L3..L8: the one under */
    check_name(s, 0, 7, 14, LD_NAME_LEVEL, "L8", 1, 7, 8, 14);
    check_name(s, 0, 70, 58, LD_NAME_LEVEL, "M5", 0, 70, 56, 58);       /* a track's own name */
    check_name(s, 0, 13, 6, LD_NAME_BOX, "Senior", 1, 13, 5, 13);
    check_name(s, 0, 59, 3, LD_NAME_COMPETENCY, "craft", 0, 59, 3, 8);
    check_no_name(s, 0, 57, 1, LD_EINPUT, "a keyword");
    check_no_name(s, 0, 57, 20, LD_EINPUT, "inside a string");
    check_no_name(s, 0, 57, 52, LD_EINPUT, "the end of the line, after a brace");
    check_no_name(s, 0, 57, 53, LD_EINPUT, "past the end of the line");
    check_no_name(s, 0, 100000, 1, LD_EINPUT, "past the end of the file");
    check_no_name(s, 0, 0, 1, LD_EINPUT, "line 0");
    check_no_name(s, 0, 57, 0, LD_EINPUT, "column 0");
    check_no_name(s, 1, 57, 6, LD_EUSAGE, "no file 1");
    ld_session_free(s);

    /* columns count code points: é is 2 bytes, the emoji 4 */
    static const char accents[] = "levels L3..L5\ntrack ic \"IC\"\nbox \"Caf\xC3\xA9 \xF0\x9F\x8E\x89\" L4\n"
                                  "role a \"\xC3\x89milie \xF0\x9F\x8E\x89\" track ic level L3\n";
    s = open_ladder(NULL, "accents.ladder", accents, 1);
    check_name(s, 0, 3, 14, LD_NAME_LEVEL, "L4", 0, 3, 14, 16);
    check_name(s, 0, 3, 16, LD_NAME_LEVEL, "L4", 0, 3, 14, 16);
    check_name(s, 0, 4, 25, LD_NAME_TRACK, "ic", 0, 4, 25, 27);
    check_name(s, 0, 4, 36, LD_NAME_LEVEL, "L3", 0, 4, 34, 36);
    check_no_name(s, 0, 4, 37, LD_EINPUT, "past the end of a line with an emoji");
    ld_session_free(s);

    s = open_ladder(NULL, "empty.ladder", "", 1);
    check_no_name(s, 0, 1, 1, LD_EINPUT, "an empty file");
    ld_session_free(s);

    s = open_ladder(NULL, "examples/framework.ladder", NULL, 0);
    check_no_name(s, 0, 57, 6, LD_EUSAGE, "no index");
    ld_session_free(s);
}

/* ---- ld_hover ---- */

static void check_hover(ld_session *s, ld_name_kind kind, const char *name, const char *want)
{
    ld_text t = {0};
    ld_status st = ld_hover(s, kind, name, &t);
    char what[256];
    snprintf(what, sizeof what, "hover %s '%s': the exact Markdown", ld_name_kind_name(kind), name);
    check_text(what, st, &t, want);
}

static void test_hover(void)
{
    ld_session *s = open_ladder(NULL, "examples/framework.ladder", NULL, 1);
    check_hover(s, LD_NAME_ROLE, "manager",
                "**Engineering Manager** (manager), role\n\n"
                "- Track: **Engineering management** (manager)\n"
                "- Levels: M5 (L5)\n"
                "- Box: Senior\n"
                "- Rungs: Technical craft 2 (Applies), Delivery 3 (Projects), People 4 (Manager), Influence 2 (Team)\n"
                "- Moves in: from Senior Engineer, lateral, 0.5..1.5 years; Staff Engineer, downward, years unknown\n"
                "- Moves out: to Director of Engineering, promotion, 2..5 years\n"
                "- Link: [https\\://example.com/wiki/engineering-manager](https://example.com/wiki/engineering-manager)\n");
    check_hover(s, LD_NAME_TRACK, "manager",
                "**Engineering management** (manager), track\n\n"
                "- Levels: M4..M8 (L4..L8)\n"
                "- Roles:\n"
                "  - M5: Engineering Manager\n"
                "  - M7..M8: Director of Engineering\n");
    check_hover(s, LD_NAME_BOX, "Staff+",
                "**Staff+**, box\n\n"
                "- Levels: L6..L8\n"
                "- Roles: Staff Engineer, Director of Engineering\n");
    check_hover(s, LD_NAME_COMPETENCY, "reach",
                "**Influence** (reach), competency: soft skills (the x axis)\n\n"
                "1. **Self**: Their own work.\n"
                "2. **Team**: Their team.\n"
                "3. **Group**: A group of teams.\n"
                "4. **Organisation**: An engineering organisation.\n"
                "5. **Company**: The whole company, and beyond it.\n");
    check_hover(s, LD_NAME_LEVEL, "M5",
                "**M5** (L5), level 3 of 6 in the scale L3..L8\n\n"
                "- Box: Senior\n"
                "- Roles: Senior Engineer, Engineering Manager\n");
    ld_text t;
    check(ld_hover(s, LD_NAME_ROLE, "nobody", &t) == LD_EINPUT, "hover: an unknown role is LD_EINPUT");
    check(ld_hover(s, LD_NAME_LEVEL, "L9", &t) == LD_EINPUT, "hover: a level outside the scale is LD_EINPUT");
    check(ld_hover(s, LD_NAME_TRACK, "senior", &t) == LD_EINPUT, "hover: a role's id asked as a track is LD_EINPUT");
    check(ld_hover(s, LD_NAME_KINDS, "senior", &t) == LD_EUSAGE, "hover: no such kind is LD_EUSAGE");
    ld_session_free(s);

    s = open_ladder(NULL, "examples/skills-map.ladder", NULL, 1);
    check_hover(s, LD_NAME_COMPANY, "amazon",
                "**Amazon** (amazon), company\n\n"
                "- ic L3: SDE I (L4)\n"
                "- ic L4: SDE II (L5)\n"
                "- ic L5: SDE III (L6)\n"
                "- ic L6..L7: Principal SDE (L7)\n"
                "- ic L8: Senior Principal SDE (L8)\n"
                "- ic L9..L10: Distinguished Engineer (L10)\n"
                "- manager L6: Software Development Manager (L6)\n"
                "- manager L7: Senior Software Development Manager (L7)\n"
                "- manager L8: Director (L8)\n"
                "- manager L10: VP (L10)\n");
    check_hover(s, LD_NAME_ROLE, "staff_engineer",
                "**Staff Engineer** (staff\\_engineer), role\n\n"
                "- Track: **Individual contributor** (ic)\n"
                "- Levels: L6..L7\n"
                "- Titles: Google: Staff Software Engineer (L6), Senior Staff Software Engineer (L7); "
                "Amazon: Principal SDE (L7); Microsoft: Principal SDE (65-67)\n"
                "- Box: L6-8\n"
                "- Moves in: from Senior Engineer, promotion, 3..8 years\n"
                "- Moves out: to Principal Engineer, promotion, 3..8 years; Engineering Manager, downward, "
                "years unknown\n");
    check_hover(s, LD_NAME_LEVEL, "L6",
                "**L6**, level 4 of 9 in the scale L3..L11\n\n"
                "- Box: L6-8\n"
                "- Roles: Staff SRE, Staff Engineer, Senior Engineering Manager, Senior Product Manager\n"
                "- Individual contributor: Google: Staff Software Engineer (L6); Amazon: Principal SDE (L7); "
                "Microsoft: Principal SDE (65-67)\n"
                "- Engineering management: Google: Engineering Manager (L6); Amazon: Software Development Manager "
                "(L6)\n");
    check(ld_hover(s, LD_NAME_LEVEL, "L6x", &t) == LD_EINPUT, "hover: 'L6x' is no level");
    ld_session_free(s);

    /* every string from the ladder escaped for Markdown */
    static const char marked[] = "levels L1..L2\ntrack ic \"IC <b>\"\nbox \"*Box*\" L1\n"
                                 "role a \"A [x](javascript:y) `z`\" track ic level L1 at (1, 1) {\n"
                                 "  summary \"# not a heading | <script>\"\n}\n";
    s = open_ladder(NULL, "marked.ladder", marked, 1);
    check_hover(s, LD_NAME_ROLE, "a",
                "**A \\[x\\](javascript:y) \\`z\\`** (a), role\n\n"
                "- Track: **IC \\<b\\>** (ic)\n"
                "- Levels: L1\n"
                "- Box: \\*Box\\*\n\n"
                "\\# not a heading \\| \\<script\\>\n");
    ld_session_free(s);

    /* with errors: what the index knows */
    static const char broken[] = "levels L3..L5\ntrack ic \"IC\"\nrole a \"A\" track ic level L3\n"
                                 "role b \"B\" track icc level L4\na -> b\nb -> a\n";
    s = open_ladder(NULL, "broken.ladder", broken, 1);
    check_hover(s, LD_NAME_ROLE, "a",
                "**a**, role\n\n- Defined in broken.ladder at line 3\n- Used 2 times\n\n"
                "(The ladder has errors: fix them for the whole description.)\n");
    check_hover(s, LD_NAME_TRACK, "icc",
                "**icc**, track\n\n- Not defined\n- Used 1 time\n\n"
                "(The ladder has errors: fix them for the whole description.)\n");
    check(ld_hover(s, LD_NAME_ROLE, "zz", &t) == LD_EINPUT, "hover with errors: an unknown name is LD_EINPUT");
    ld_session_free(s);

    s = open_ladder(NULL, "examples/framework.ladder", NULL, 0);
    check(ld_hover(s, LD_NAME_ROLE, "senior", &t) == LD_EUSAGE, "hover: no index is LD_EUSAGE");
    ld_session_free(s);
}

/* ---- ld_complete ---- */

/* The labels at line:column, space-separated ("*" after a keyword's). */
static void check_complete(ld_session *s, int line, int column, const char *want, const char *what)
{
    const ld_completion *items = NULL;
    size_t n = 99;
    ld_status st = ld_complete(s, 0, line, column, &items, &n);
    char got[4096] = "";
    size_t len = 0;
    for (size_t i = 0; i < n && len < sizeof got - 100; i++)
        len += (size_t)snprintf(got + len, sizeof got - len, "%s%s%s", i ? " " : "", items[i].label,
                                items[i].is_keyword ? "*" : "");
    int ok = st == LD_OK && strcmp(got, want) == 0;
    check(ok, "complete %d:%d, %s: %s", line, column, what, want);
    if (!ok)
        printf("     status %d, got: %s\n", st, got);
}

/* A ladder being written: the last lines are half-written, as in an editor. */
static const char editing[] =
    "levels L3..L8\n"                                   /* 1 */
    "track ic \"IC\"\n"                                 /* 2 */
    "track mgr \"Mgr\" levels M4..M8 = L4..L8\n"        /* 3 */
    "competency craft \"Craft\" hard {\n"               /* 4 */
    "  1 \"Learns\"\n"                                  /* 5 */
    "  2 \"Owns\"\n"                                    /* 6 */
    "}\n"                                               /* 7 */
    "competency care \"Care\" soft {\n"                /* 8 */
    "  1 \"Some\"\n"                                    /* 9 */
    "}\n"                                               /* 10 */
    "role a \"A\" track ic level L3 {\n"                /* 11 */
    "  craft 1\n"                                       /* 12 */
    "  c\n"                                             /* 13 */
    "}\n"                                               /* 14 */
    "role b \"\xC3\x89 \xF0\x9F\x8E\x89\" track mgr level M5\n" /* 15 */
    "company co \"Co\" {\n"                             /* 16 */
    "  mgr M\n"                                         /* 17 */
    "  i\n"                                             /* 18 */
    "}\n"                                               /* 19 */
    "a -> b \n"                                         /* 20 */
    "a -> \n"                                           /* 21 */
    "b\n"                                               /* 22 */
    "la\n"                                              /* 23 */
    "competency x \"X\" \n"                             /* 24 */
    "layout e\n"                                        /* 25 */
    "box \"Early\" L3..\n"                              /* 26 */
    "years \n"                                          /* 27 */
    "role c \"C # not a comment\" track \n"             /* 28 */
    "role d \"D\" track ic level L\n"                   /* 29 */
    "# a comment: role\n";                              /* 28 */

static void test_complete(void)
{
    ld_session *s = open_ladder(NULL, "editing.ladder", editing, 1);
    check(ld_error_count(s) > 0, "complete: the ladder being written has errors");
    check_complete(s, 30, 1, "import* ladder* axis* levels* track* box* years* layout* competency* role* company* a b",
                   "column 1 of a line: statement words, then roles (a move starts with one)");
    check_complete(s, 22, 2, "box* b", "a role id (and a statement word) being typed at the start of a line");
    check_complete(s, 23, 3, "ladder* layout*", "a statement word being typed");
    check_complete(s, 21, 6, "a b", "after '->'");
    check_complete(s, 20, 8, "promotion* lateral* downward*", "after 'A -> B': the move kinds");
    check_complete(s, 27, 7, "promotion* lateral* downward*", "after 'years'");
    check_complete(s, 28, 34, "ic mgr", "after 'track' in a role line ('#' inside a string)");
    check_complete(s, 29, 28, "L3 L4 L5 L6 L7 L8", "after 'level': the scale's levels");
    check_complete(s, 15, 31, "M4 M5 M6 M7 M8", "after 'level' of a track naming its levels, past an emoji");
    check_complete(s, 26, 17, "L3..L4 L3..L5 L3..L6 L3..L7 L3..L8", "a range being typed");
    check_complete(s, 13, 4, "craft care", "a competency being typed in a role's block");
    check_complete(s, 14, 1, "craft care summary* link*", "column 1 of a line in a role's block");
    check_complete(s, 12, 9, "1 2", "a competency's rungs");
    check_complete(s, 12, 10, "1", "a rung being typed");
    check_complete(s, 18, 4, "ic", "a track at the start of a company line");
    check_complete(s, 17, 8, "M4 M5 M6 M7 M8", "the levels of a company line, in its track's names");
    check_complete(s, 24, 18, "hard* soft*", "after a competency's name");
    check_complete(s, 25, 9, "exact*", "after 'layout'");
    check_complete(s, 30, 12, "", "inside a comment");
    check_complete(s, 2, 12, "", "inside a string");
    check_complete(s, 11, 31, "", "after a role line's brace");
    check_complete(s, 5, 3, "", "in a competency's block");
    check_complete(s, 30, 40, "", "past the end of a line");
    check_complete(s, 99, 1, "", "past the end of the file");
    const ld_completion *items;
    size_t n;
    check(ld_complete(s, 0, 13, 4, &items, &n) == LD_OK && n == 2 && !items[0].is_keyword &&
              items[0].kind == LD_NAME_COMPETENCY && strcmp(items[0].detail, "") == 0,
          "complete: a name's kind, no keyword flag, no detail without a checked model");
    check(ld_complete(s, 0, 12, 9, &items, &n) == LD_OK && n == 2 && strcmp(items[1].detail, "Owns") == 0,
          "complete: a rung's name as its detail");
    check(ld_complete(s, 0, 15, 31, &items, &n) == LD_OK && n == 5 && strcmp(items[1].label, "M5") == 0 &&
              strcmp(items[1].detail, "L5") == 0, "complete: a track's own level has the scale's as detail");
    check(ld_complete(s, 0, 26, 17, &items, &n) == LD_OK && n == 5 && strcmp(items[0].detail, "") == 0,
          "complete: a scale's level has no detail");
    check(ld_complete(s, 0, 1, 1, &items, &n) == LD_OK && n > 0 && items[0].is_keyword &&
              strcmp(items[0].label, "import") == 0, "complete: a statement word is a keyword");
    check(ld_complete(s, 1, 1, 1, &items, &n) == LD_EUSAGE, "complete: no file 1 is LD_EUSAGE");
    ld_session_free(s);

    /* the widest scale: 10,000 levels, filtered by the digits typed; at most 1,000 offered */
    s = open_ladder(NULL, "wide.ladder", "levels L0..L9999\ntrack ic \"IC\"\nrole x \"X\" track ic level L999\n"
                    "role y \"Y\" track ic level \n", 1);
    check_complete(s, 3, 31, "L999 L9990 L9991 L9992 L9993 L9994 L9995 L9996 L9997 L9998 L9999",
                   "levels of a scale of 10,000 filtered by 'L999'");
    check(ld_complete(s, 0, 4, 27, &items, &n) == LD_OK && n == 1000 && strcmp(items[999].label, "L999") == 0,
          "complete: at most 1,000 levels, the first ones (got %zu)", n);
    ld_session_free(s);

    s = open_ladder(NULL, "bom.ladder", "\xEF\xBB\xBFla", 1);
    check_complete(s, 1, 3, "ladder* layout*", "after a byte-order mark (it takes no column)");
    ld_session_free(s);

    s = open_ladder(NULL, "empty.ladder", "", 1);
    check_complete(s, 1, 1, "import* ladder* axis* levels* track* box* years* layout* competency* role* company*",
                   "an empty file");
    ld_session_free(s);

    s = open_ladder(NULL, "examples/framework.ladder", NULL, 1);
    check_complete(s, 85, 15, "staff", "a role after '->' in the example, filtered by 'st'");
    check(ld_complete(s, 0, 85, 15, &items, &n) == LD_OK && n == 1 && strcmp(items[0].detail, "Staff Engineer") == 0,
          "complete: a role's name as its detail when the ladder checked");
    ld_session_free(s);
}

/* ---- ld_outline ---- */

static void test_outline(void)
{
    ld_session *s = open_ladder(NULL, "examples/framework.ladder", NULL, 1);
    const ld_symbol *v;
    size_t n;
    check(ld_outline(s, 0, &v, &n) == LD_OK && n == 2 + 3 + 4 * 6 + 5, "outline: 2 tracks, 3 boxes, 4 "
          "competencies with 5 rungs each, 5 roles (got %zu)", n);
    if (n == 34) {
        const ld_symbol *t = &v[1];
        check(t->kind == LD_NAME_TRACK && strcmp(t->name, "Engineering management") == 0 &&
                  strcmp(t->id, "manager") == 0 && strcmp(t->detail, "M4..M8") == 0 && t->line == 10 &&
                  t->column == 1 && t->end_line == 10 && t->end_column == 62 && t->name_line == 10 &&
                  t->name_column == 7 && t->name_end_column == 14 && t->parent == (size_t)-1,
              "outline: a track with its levels, its statement's range and its id's");
        const ld_symbol *c = &v[5], *r = &v[7];
        check(c->kind == LD_NAME_COMPETENCY && strcmp(c->id, "craft") == 0 && c->line == 22 && c->end_line == 28 &&
                  c->end_column == 2 && strcmp(c->detail, "hard") == 0 && c->rung == 0,
              "outline: a competency spans its block");
        check(r->parent == 5 && r->rung == 2 && strcmp(r->name, "Applies") == 0 && r->line == 24 &&
                  strcmp(r->detail, "Ships the features of one service without help.") == 0,
              "outline: a rung is a child of its competency");
        const ld_symbol *role = &v[32];
        check(role->kind == LD_NAME_ROLE && strcmp(role->id, "manager") == 0 &&
                  strcmp(role->detail, "M5, manager") == 0 && role->line == 70 && role->end_line == 76,
              "outline: a role with its levels as written and its track");
        check(v[3].kind == LD_NAME_BOX && strcmp(v[3].name, "Senior") == 0 && v[3].name_column == 5 &&
                  v[3].name_end_column == 13, "outline: a box, named by its quoted name");
    }
    check(ld_outline(s, 3, &v, &n) == LD_EUSAGE, "outline: no file 3 is LD_EUSAGE");
    ld_session_free(s);

    s = open_ladder(NULL, "examples/skills-map.ladder", NULL, 1);
    check(ld_outline(s, 0, &v, &n) == LD_OK && n > 3 && v[n - 1].kind == LD_NAME_COMPANY &&
              strcmp(v[n - 1].id, "microsoft") == 0, "outline: the skills map's last definition is a company");
    ld_session_free(s);

    s = open_ladder(NULL, "editing.ladder", editing, 1);
    check(ld_outline(s, 0, &v, &n) == LD_OK && n >= 5, "outline: a file with errors has what parsed");
    ld_session_free(s);

    s = open_ladder(NULL, "empty.ladder", "", 0);
    check(ld_outline(s, 0, &v, &n) == LD_OK && n == 0, "outline: an empty file has none (no index needed)");
    ld_session_free(s);
}

/* ---- ld_diagnostic_fix ---- */

static void test_fix(void)
{
    static const char typos[] = "levels L3..L5\n"
                                "track ic \"IC\"\n"
                                "competency craft \"Craft\" hadr {\n  1 \"One\"\n}\n"
                                "rol x \"X\" track ic level L3\n"
                                "role a \"A\" track icc level L3\n"
                                "role b \"\xC3\x89 \xF0\x9F\x8E\x89\" track ic level M4\n"
                                "layout exactly\n"
                                "a -> zz\n";
    ld_session *s = open_ladder(NULL, "typos.ladder", typos, 1);
    const char *want[][3] = {{"E183", "3:26-3:30", "hard"}, {"E007", "6:1-6:4", "role"},
                             {"E110", "7:18-7:21", "ic"},    {"E112", "8:29-8:31", "L4"},
                             {"E189", "9:8-9:15", "exact"}};
    size_t found = 0, without = 0;
    for (size_t i = 0; i < ld_diagnostic_count(s); i++) {
        ld_diagnostic d;
        ld_fix f;
        ld_diagnostic_get(s, i, &d);
        ld_status st = ld_diagnostic_fix(s, i, &f);
        if (st != LD_OK) {
            without += st == LD_EINPUT;
            continue;
        }
        char range[64];
        snprintf(range, sizeof range, "%d:%d-%d:%d", f.line, f.column, f.end_line, f.end_column);
        for (size_t k = 0; k < 5; k++)
            if (strcmp(d.code, want[k][0]) == 0) {
                int ok = f.file == 0 && strcmp(range, want[k][1]) == 0 && strcmp(f.text, want[k][2]) == 0;
                check(ok, "fix %s: '%s' over %s", d.code, want[k][2], want[k][1]);
                if (!ok)
                    printf("     got '%s' over %s (%s)\n", f.text, range, d.message);
                found++;
            }
    }
    check(found == 5, "fix: the five diagnostics that suggest a word have a fix (got %zu)", found);
    check(without >= 1, "fix: one that suggests none ('zz') is LD_EINPUT");
    ld_fix f;
    check(ld_diagnostic_fix(s, 1000, &f) == LD_EUSAGE, "fix: no diagnostic 1000 is LD_EUSAGE");
    ld_session_free(s);

    /* the other suggestions: levels in another track's names, own names
     * with two prefixes or the wrong way round, links, a signed level */
    static const char more[] = "levels L3..L8\n"
                               "track ic \"IC\"\n"
                               "track m \"M\" levels M4..N6 = L4..L6\n"
                               "track mm \"MM\" levels P6..P4 = L4..L6\n"
                               "track mgr \"Mgr\" levels Q4..Q8 = L4..L8\n"
                               "role a \"A\" track mgr level L5 at (1, 1) {\n  link \"example.com/x\"\n}\n"
                               "role b \"B\" track ic level Q5 at (2, 2) {\n  link \"https:example.com\"\n}\n"
                               "role d \"D\" track ic level L5 at (3, 3) {\n  link \"//example.com\"\n}\n"
                               "role e \"E\" track ic level L-4 at (4, 4)\n"
                               "track n \"N\" levels R4..R8 = L4..L6\n";
    s = open_ladder(NULL, "more.ladder", more, 1);
    const char *want2[] = {"E118 3:20-3:26 M4..M6",   "E118 4:22-4:28 P4..P6", "E119 6:28-6:30 Q5",
                           "E185 7:8-7:23 \"https://example.com/x\"", "E119 9:27-9:29 L5",
                           "E185 10:8-10:27 \"https://example.com\"", "E185 13:8-13:23 \"https://example.com\"",
                           "E005 15:27-15:30 L4", "E118 16:20-16:35 R4..R8 = L4..L8"};
    size_t nwant2 = sizeof want2 / sizeof *want2, got2 = 0;
    for (size_t i = 0; i < ld_diagnostic_count(s); i++) {
        ld_diagnostic d;
        ld_diagnostic_get(s, i, &d);
        if (ld_diagnostic_fix(s, i, &f) != LD_OK)
            continue;
        char have[160];
        snprintf(have, sizeof have, "%s %d:%d-%d:%d %s", d.code, f.line, f.column, f.end_line, f.end_column, f.text);
        int ok = got2 < nwant2 && strcmp(have, want2[got2]) == 0;
        check(ok, "fix: %s", got2 < nwant2 ? want2[got2] : "(one more than expected)");
        if (!ok)
            printf("     got %s (%s)\n", have, d.message);
        got2++;
    }
    check(got2 == nwant2, "fix: every 'did you mean' of levels, own names and links has a fix (%zu of %zu)", got2,
          nwant2);
    ld_session_free(s);

    s = open_ladder(NULL, "case.ladder", "levels L3..L5\ntrack ic \"IC\"\nrole Senior \"S\" track ic level L3\n", 1);
    ld_diagnostic d;
    check(ld_diagnostic_count(s) >= 1 && ld_diagnostic_get(s, 0, &d) == LD_OK && strcmp(d.code, "E002") == 0 &&
              ld_diagnostic_fix(s, 0, &f) == LD_OK && strcmp(f.text, "senior") == 0 && f.line == 3 &&
              f.column == 6 && f.end_column == 12, "fix E002: 'senior' over the id written in capitals");
    ld_session_free(s);
}

/* ---- memory ---- */

/* Runs the query once on a fresh session; returns its status. */
typedef ld_status (*query_fn)(ld_session *s);

static ld_status q_name_at(ld_session *s)
{
    ld_place p;
    return ld_name_at(s, 0, 7, 9, &p);
}
static ld_status q_hover_role(ld_session *s)
{
    ld_text t;
    return ld_hover(s, LD_NAME_ROLE, "manager", &t);
}
static ld_status q_hover_track(ld_session *s)
{
    ld_text t;
    return ld_hover(s, LD_NAME_TRACK, "ic", &t);
}
static ld_status q_hover_level(ld_session *s)
{
    ld_text t;
    return ld_hover(s, LD_NAME_LEVEL, "M5", &t);
}
static ld_status q_complete(ld_session *s)
{
    const ld_completion *v;
    size_t n;
    return ld_complete(s, 0, 70, 56, &v, &n);   /* after 'level' of a manager role */
}
static ld_status q_complete_line(ld_session *s)
{
    const ld_completion *v;
    size_t n;
    return ld_complete(s, 0, 84, 1, &v, &n);
}
static ld_status q_outline(ld_session *s)
{
    const ld_symbol *v;
    size_t n;
    return ld_outline(s, 0, &v, &n);
}

/* Every allocation of the query fails in turn: LD_ENOMEM, no block left
 * once the session is freed; past them, the query answers. */
static void test_failing_allocator(void)
{
    static const struct { const char *name; query_fn fn; } qs[] = {
        {"ld_name_at", q_name_at}, {"ld_hover role", q_hover_role}, {"ld_hover track", q_hover_track},
        {"ld_hover level", q_hover_level}, {"ld_complete levels", q_complete},
        {"ld_complete a line's start", q_complete_line}, {"ld_outline", q_outline},
    };
    for (size_t i = 0; i < sizeof qs / sizeof *qs; i++) {
        struct counter c = {0};
        ld_session *s = open_ladder(&c, "examples/framework.ladder", NULL, 1);
        size_t before = c.allocs;
        ld_status first = qs[i].fn(s);
        size_t calls = c.allocs - before;
        ld_session_free(s);
        int bad = first != LD_OK;
        for (size_t k = 1; k <= calls + 1; k++) {
            struct counter ck = {0};
            s = open_ladder(&ck, "examples/framework.ladder", NULL, 1);
            ck.fail_at = ck.allocs + k;
            ld_status st = qs[i].fn(s);
            bad += k <= calls ? st != LD_ENOMEM : st != LD_OK;
            if (k <= calls)
                bad += qs[i].fn(s) != LD_ENOMEM;    /* a spent session stays spent */
            ld_session_free(s);
            bad += ck.live_blocks != 0;
        }
        check(bad == 0, "memory: %s, each of its %zu allocations failing: LD_ENOMEM, no leak", qs[i].name, calls);
    }
    /* asked again and again, a query's memory stays that of its last answer */
    struct counter cr = {0};
    ld_session *sr = open_ladder(&cr, "examples/framework.ladder", NULL, 1);
    q_complete_line(sr);
    q_outline(sr);
    long long once = cr.live_bytes;
    for (int k = 0; k < 1000; k++) {
        q_complete_line(sr);
        q_outline(sr);
    }
    check(cr.live_bytes == once, "memory: 1,000 more completions and outlines hold no more memory than one "
          "(%lld bytes, then %lld)", once, cr.live_bytes);
    ld_session_free(sr);

    /* ld_diagnostic_fix allocates nothing: it answers whatever the allocator */
    struct counter c = {0};
    ld_session *s = open_ladder(&c, "t.ladder", "levels L1..L2\nrole a \"A\" track x level L1\n", 1);
    c.fail_at = c.allocs + 1;
    ld_fix f;
    check(ld_diagnostic_count(s) > 0 && ld_diagnostic_fix(s, 0, &f) != LD_ENOMEM,
          "memory: ld_diagnostic_fix needs no allocation");
    ld_session_free(s);
    check(c.live_blocks == 0, "memory: every block given back");
}

int main(int argc, char **argv)
{
    verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
    /* ROOT/build/unit/query or ROOT/build/asan/unit/query: the examples are in
     * the first folder above the program that has examples/framework.ladder */
    snprintf(root, sizeof root, "%s", argv[0]);
    for (;;) {
        char *slash = strrchr(root, '/');
        if (!slash) {
            snprintf(root, sizeof root, ".");
            break;
        }
        *slash = '\0';
        char probe[8192];
        snprintf(probe, sizeof probe, "%s/examples/framework.ladder", root[0] ? root : "");
        FILE *f = fopen(probe, "rb");
        if (f) {
            fclose(f);
            break;
        }
    }
    test_name_at();
    test_hover();
    test_complete();
    test_outline();
    test_fix();
    test_failing_allocator();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
