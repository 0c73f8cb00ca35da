/* check_files.c - the checker over several files, the model's spans and
 * files, and the index, before a session exists to load files.
 *
 * Two files are parsed from memory; the second one's text starts with as
 * many line ends as the first has bytes, so its locations come after the
 * first's, as in a session's one offset space. Each test checks the
 * diagnostics' codes, and where it matters their offsets.
 *
 * Built and run by tests/suites/index.sh against build/libladder.a. Prints
 * one line per failed check and exits 1 when any failed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "emit.h"
#include "heap.h"
#include "index.h"
#include "parse.h"

static int failures;
static int reverse_order;   /* check the second file first: a session's order need not be the offsets' */

#define EXPECT(cond, what)                                                     \
    do {                                                                       \
        if (!(cond)) {                                                         \
            printf("FAIL %s:%d: %s\n", __func__, __LINE__, what);              \
            failures++;                                                        \
        }                                                                      \
    } while (0)

struct two {
    struct heap heap;
    struct arena arena;
    struct diag_sink diag;
    struct source src[2];
    struct ast_file *ast[2];
    struct index idx;
    struct model *m;
    char codes[512];            /* the diagnostics' codes in order, "E101 E102" */
    unsigned base2;             /* where the second file starts */
};

/* Checks a and b (b NULL: a alone) as one ladder, with an index. */
static void two_check(struct two *t, const char *a, const char *b)
{
    memset(t, 0, sizeof *t);
    heap_init(&t->heap, NULL, NULL);
    arena_init(&t->arena, &t->heap);
    diag_init(&t->diag, &t->arena);
    size_t la = strlen(a), n = b ? 2 : 1;
    source_from_memory(&t->src[0], &t->heap, "a.ladder", a, la);
    if (b) {
        size_t lb = strlen(b);
        char *text = malloc(la + lb + 1);
        memset(text, '\n', la);
        memcpy(text + la, b, lb + 1);
        source_from_memory(&t->src[1], &t->heap, "b.ladder", text, la + lb);
        free(text);
        t->base2 = (unsigned)la;
    }
    for (size_t k = 0; k < n; k++) {
        t->ast[k] = parse_source(&t->src[k], &t->arena, &t->diag);
        t->ast[k]->path = t->src[k].name;
    }
    index_init(&t->idx, &t->arena);
    struct ast_file *order[2] = {t->ast[n - 1], t->ast[0]};
    t->m = check_files(reverse_order && n == 2 ? order : t->ast, n, &t->arena, &t->diag, &t->idx);
    diag_sort(&t->diag);
    for (const struct diag *d = t->diag.first; d; d = d->next) {
        size_t used = strlen(t->codes);
        snprintf(t->codes + used, sizeof t->codes - used, "%s%s", used ? " " : "", d->code);
    }
}

static void two_free(struct two *t)
{
    source_free(&t->src[0]);
    source_free(&t->src[1]);
    arena_free(&t->arena);
}

static const char base[] =
    "levels L3..L11\n"
    "axis x \"Soft\" 0..100\n"
    "track ic \"IC\"\n"
    "box \"Low\" L3..L11\n"
    "role dev \"Developer\" track ic level L5 at (10, 10)\n";

static void test_one_file_unchanged(void)
{
    struct two t;
    two_check(&t, "levels L3..L11\nlevels L3..L11\ntrack ic \"IC\"\n", NULL);
    EXPECT(strcmp(t.codes, "E101") == 0, "a second levels in one file is E101, even when identical");
    two_free(&t);
}

static void test_identical_singletons(void)
{
    struct two t;
    two_check(&t, base, "levels L3..L11\naxis x \"Soft\" 0..100.0\n"
                         "role lead \"Lead\" track ic level L6..L7 at (20, 20)\n");
    EXPECT(strcmp(t.codes, "") == 0, "identical levels and axis in another file are accepted");
    EXPECT(t.m != NULL, "the model is built");
    two_free(&t);
}

static void test_different_singletons(void)
{
    struct two t;
    two_check(&t, base, "levels L3..L12\naxis x \"Soft skills\" 0..100\n"
                         "role lead \"Lead\" track ic level L6 at (20, 20)\n");
    EXPECT(strcmp(t.codes, "E101 E101") == 0, "a different levels and axis in another file are E101");
    const struct diag *d = t.diag.first;
    EXPECT(d && d->loc.start >= t.base2, "the error is in the second file");
    EXPECT(d && d->notes && d->notes->loc.start < t.base2, "its note is at the first, in the first file");
    EXPECT(d && strstr(d->msg, "differs"), "the message says they differ");
    EXPECT(t.m == NULL, "no model");
    two_free(&t);
}

static void test_duplicates_across_files(void)
{
    struct two t;
    two_check(&t, base, "track ic \"Other\"\nbox \"Low\" L7\nrole dev \"Dev\" track ic level L5 at (30, 30)\n"
                         "company acme \"A\" {\n}\n");
    EXPECT(strcmp(t.codes, "E103 E105 E102") == 0, "a track, box and role defined in both files");
    for (const struct diag *d = t.diag.first; d; d = d->next)
        EXPECT(d->loc.start >= t.base2 && d->notes && d->notes->loc.start < t.base2,
               "each duplicate in the second file, its note in the first");
    const struct index_entry **v;
    EXPECT(index_find(&t.idx, INDEX_ROLE, "dev", &v) == 2 && v[0]->is_def && v[1]->is_def &&
           index_definition(&t.idx, v[1]) == v[0] && index_definition(&t.idx, v[0]) == v[0],
           "a duplicate definition is indexed, resolved to the first");
    two_free(&t);
}

static void test_model_files_and_spans(void)
{
    struct two t;
    two_check(&t, base, "role lead \"Lead\" track ic level L6..L7 at (20, 20)\ndev -> lead\n"
                         "company acme \"Acme\" {\n  ic L5 \"E5\" \"Engineer\"\n}\n");
    EXPECT(strcmp(t.codes, "") == 0, "a role of the second file on a track of the first");
    const struct model *m = t.m;
    if (!m)
        return two_free(&t);
    size_t r = reverse_order;   /* the first file's role comes second when it is checked second */
    EXPECT(m->nroles == 2 && strcmp(model_file_of(m, m->roles[r].loc), "a.ladder") == 0 &&
           strcmp(model_file_of(m, m->roles[1 - r].loc), "b.ladder") == 0, "each role's file");
    EXPECT(strcmp(model_file_of(m, m->tracks[0].loc), "a.ladder") == 0 &&
           strcmp(model_file_of(m, m->boxes[0].loc), "a.ladder") == 0, "the track and box come from the first file");
    EXPECT(m->ntransitions == 1 && strcmp(model_file_of(m, m->transitions[0].loc), "b.ladder") == 0,
           "the transition's file");
    EXPECT(m->ncompanies == 1 && strcmp(model_file_of(m, m->companies[0].loc), "b.ladder") == 0 &&
           strcmp(model_file_of(m, m->companies[0].lines[0].loc), "b.ladder") == 0, "the company's and its line's file");
    const char *a = t.src[0].text;
    EXPECT(memcmp(a + m->roles[r].loc.start, "dev", 3) == 0 && m->roles[r].loc.end - m->roles[r].loc.start == 3,
           "a role's span is its id");
    EXPECT(memcmp(a + m->boxes[0].loc.start, "\"Low\"", 5) == 0, "a box's span is its name, quoted");
    EXPECT(m->roles[1 - r].loc.start >= t.base2, "the second file's role is past the first file");
    if (reverse_order)
        return two_free(&t);
    struct buf b;
    buf_init(&b, &t.heap);
    emit_json(m, &b);
    buf_putc(&b, '\0');
    EXPECT(strstr(b.data, "{\"id\": \"lead\", \"name\": \"Lead\"") && strstr(b.data, "\"box\": \"Low\", \"file\": \"b.ladder\"}"),
           "-T json names a role's file last");
    EXPECT(strstr(b.data, "\"name\": \"Acme\", \"file\": \"b.ladder\", \"lines\""), "and a company's before its lines");
    buf_free(&b);
    two_free(&t);
}

static void test_index_across_files(void)
{
    struct two t;
    two_check(&t, base, "role lead \"Lead\" track ic level L6..L7 at (20, 20)\ndev -> lead\nlead -> ghost\n");
    EXPECT(strcmp(t.codes, "E110") == 0, "ghost is undefined");
    const struct index_entry **v;
    size_t n = index_find(&t.idx, INDEX_TRACK, "ic", &v);
    EXPECT(n == 3 && v[0]->is_def && v[0]->file == 0 && !v[1]->is_def && v[2]->file == 1,
           "track ic: its definition in the first file, then its uses in order");
    EXPECT(n == 3 && index_definition(&t.idx, v[2]) == v[0], "a use resolves to the definition");
    n = index_find(&t.idx, INDEX_ROLE, "ghost", &v);
    EXPECT(n == 1 && !v[0]->is_def && index_definition(&t.idx, v[0]) == NULL, "an undefined name: no definition");
    n = index_find(&t.idx, INDEX_LEVEL, "L6", &v);
    EXPECT(n == 2 && v[0]->is_def && v[0]->file == 0 && v[1]->file == 1,
           "level L6: the levels statement in the first file, the role's L6 in the second");
    const char *b = t.src[1].text;
    const struct index_entry *e = index_at(&t.idx, (uint32_t)(strstr(b, "dev ->") - b + 1));
    EXPECT(e && e->kind == INDEX_ROLE && strcmp(e->name, "dev") == 0 && e->file == 1, "the entry at an offset");
    EXPECT(e && index_definition(&t.idx, e) && index_definition(&t.idx, e)->file == 0, "goes to the first file");
    EXPECT(index_at(&t.idx, (uint32_t)(strstr(b, "(20") - b)) == NULL, "no entry on a number");
    EXPECT(index_kinds_of(&t.idx, "ic") == 1u << INDEX_TRACK, "ic is a track only");
    two_free(&t);
}

static void test_rename_plans(void)
{
    struct two t;
    two_check(&t, base, "role lead \"Lead\" track ic level L6..L7 at (20, 20)\ndev -> lead\n");
    struct index_plan p;
    char why[INDEX_WHY_MAX];
    EXPECT(index_rename_plan(&t.idx, INDEX_ROLE, "dev", "engineer", &p, why, sizeof why) == 0 && p.nedits == 2,
           "rename dev: its definition and its use");
    EXPECT(p.nedits == 2 && p.edits[0].loc.start < t.base2 && p.edits[1].loc.start >= t.base2,
           "edits in both files, in position order");
    EXPECT(index_rename_plan(&t.idx, INDEX_ROLE, "dev", "lead", &p, why, sizeof why) != 0, "a clash is refused");
    EXPECT(index_rename_plan(&t.idx, INDEX_ROLE, "dev", "Dev", &p, why, sizeof why) != 0, "an invalid id");
    EXPECT(index_rename_plan(&t.idx, INDEX_ROLE, "dev", "track", &p, why, sizeof why) != 0, "a keyword");
    EXPECT(index_rename_plan(&t.idx, INDEX_LEVEL, "L5", "L6", &p, why, sizeof why) != 0, "levels are refused");
    EXPECT(index_rename_plan(&t.idx, INDEX_BOX, "Low", "Lo\"w", &p, why, sizeof why) == 0 && p.nedits == 1 &&
           strcmp(p.edits[0].text, "\"Lo\\\"w\"") == 0, "a box name is written as a string");
    EXPECT(index_rename_at(&t.idx, p.edits[0].loc.start + 1, "High", &p, why, sizeof why) == 0 && p.nedits == 1,
           "rename at an offset");
    two_free(&t);
}

static void test_index_kept_with_errors(void)
{
    struct two t;
    two_check(&t, "levels L3..L11\ntrack ic \"IC\"\nrole a \"A\" track ic level L5 at (1, 1)\nrole b b b\n"
                  "role c \"C\" track ic level L99 at (2, 2)\n", NULL);
    EXPECT(t.m == NULL, "errors: no model");
    const struct index_entry **v;
    EXPECT(index_find(&t.idx, INDEX_TRACK, "ic", &v) == 3, "the index has what parsed");
    EXPECT(index_find(&t.idx, INDEX_LEVEL, "L99", &v) == 1 && index_definition(&t.idx, v[0]) == NULL,
           "a level outside the scale resolves to nothing");
    two_free(&t);
}

int main(void)
{
    test_one_file_unchanged();
    test_identical_singletons();
    test_different_singletons();
    test_duplicates_across_files();
    test_model_files_and_spans();
    test_index_across_files();
    test_rename_plans();
    test_index_kept_with_errors();
    reverse_order = 1;
    test_model_files_and_spans();
    if (failures)
        printf("%d failed\n", failures);
    return failures != 0;
}
