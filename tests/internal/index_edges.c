/* index_edges.c - the index's edges that no command line reaches: an index
 * filled without index_prepare (the table grows by doubling), an empty
 * index, offsets before, between and after the entries, the definition of
 * a level, the refusals of a plan that the CLI screens out first, and
 * index_apply given edits it must skip.
 *
 * Built and run by tests/suites/index-edges.sh against build/libladder.a
 * (and by `make coverage`). Prints one line per failed check and exits 1
 * when any failed. */
#include <stdio.h>
#include <string.h>

#include "heap.h"
#include "index.h"

static int failures;

#define EXPECT(cond, what)                                                     \
    do {                                                                       \
        if (!(cond)) {                                                         \
            printf("FAIL %s:%d: %s\n", __func__, __LINE__, what);              \
            failures++;                                                        \
        }                                                                      \
    } while (0)

struct fixture {
    struct heap heap;
    struct arena arena;
    struct index idx;
};

static void fixture_init(struct fixture *f)
{
    heap_init(&f->heap, NULL, NULL);
    arena_init(&f->arena, &f->heap);
    index_init(&f->idx, &f->arena);
}

static struct loc span(uint32_t start, uint32_t end) { return (struct loc){start, end}; }

static void test_kind_names(void)
{
    EXPECT(strcmp(index_kind_name(INDEX_COMPANY), "company") == 0 && strcmp(index_kind_name(INDEX_LEVEL), "level") == 0,
           "each kind's name");
    EXPECT(strcmp(index_kind_name(INDEX_KIND_COUNT), "name") == 0, "a kind out of range is a 'name', not a crash");
}

/* 600 references with no index_prepare: the table starts at 256 entries
 * and doubles twice, each time keeping what it held */
static void test_growth(void)
{
    struct fixture f;
    fixture_init(&f);
    for (uint32_t i = 0; i < 600; i++)
        index_add_ref(&f.idx, INDEX_ROLE, i % 2 ? "b" : "a", span(10 * i, 10 * i + 1), INDEX_NONE, 0);
    EXPECT(f.idx.n == 600 && f.idx.cap == 1024, "600 entries in a table doubled from 256 to 1024");
    index_reserve(&f.idx, 10);
    EXPECT(f.idx.cap == 1024 && f.idx.n == 600, "reserving less than the table holds changes nothing");
    const struct index_entry **v;
    size_t n = index_find(&f.idx, INDEX_ROLE, "a", &v);
    int ordered = n == 300;
    for (size_t i = 0; ordered && i < n; i++)
        ordered = v[i]->loc.start == 20 * i && strcmp(v[i]->name, "a") == 0 && !v[i]->resolved;
    EXPECT(ordered, "every 'a' kept through the doublings, in position order, undefined");
    const struct index_entry *e = index_at(&f.idx, 10 * 257);
    EXPECT(e && e->loc.start == 10 * 257 && strcmp(e->name, "b") == 0, "the entry at an offset past the first block");
    arena_free(&f.arena);
}

static void test_empty(void)
{
    struct fixture f;
    fixture_init(&f);
    const struct index_entry **v;
    EXPECT(index_at(&f.idx, 0) == NULL, "no entry at any offset of an empty index");
    EXPECT(index_find(&f.idx, INDEX_ROLE, "a", &v) == 0 && index_kinds_of(&f.idx, "a") == 0, "no name");
    EXPECT(index_suggest(&f.idx, "a", ~0u) == NULL, "nothing to suggest");
    struct index_plan p;
    char why[INDEX_WHY_MAX];
    EXPECT(index_rename_at(&f.idx, 0, "b", &p, why, sizeof why) != 0 && strcmp(why, "no name here") == 0 &&
           p.nedits == 0 && p.edits == NULL, "rename at an offset with no name is refused, with an empty plan");
    arena_free(&f.arena);
}

/* index_at: before the first entry, just after one, between two; and an
 * entry added after a query (the positions are sorted again) */
static void test_offsets(void)
{
    struct fixture f;
    fixture_init(&f);
    index_add_ref(&f.idx, INDEX_TRACK, "ic", span(10, 12), INDEX_NONE, 0);
    index_add_ref(&f.idx, INDEX_TRACK, "ic", span(20, 22), INDEX_NONE, 0);
    EXPECT(index_at(&f.idx, 9) == NULL, "nothing before the first entry");
    EXPECT(index_at(&f.idx, 12) && index_at(&f.idx, 12)->loc.start == 10, "a cursor just after a name finds it");
    EXPECT(index_at(&f.idx, 13) == NULL && index_at(&f.idx, 23) == NULL, "nothing between or after the names");
    index_add_ref(&f.idx, INDEX_TRACK, "ic", span(2, 4), INDEX_NONE, 0);
    EXPECT(index_at(&f.idx, 3) && index_at(&f.idx, 3)->loc.start == 2, "an entry added after a query is found");
    arena_free(&f.arena);
}

/* a level written in the scale resolves to the levels statement; one
 * outside it, to nothing; a prefix of the same length but other letters,
 * or a longer one, is another name */
static void test_levels(void)
{
    struct fixture f;
    fixture_init(&f);
    index_add_scale(&f.idx, "L", 3, 11, span(0, 14), 0);
    index_add_level(&f.idx, "L", 5, true, span(30, 32), 0);
    index_add_level(&f.idx, "L", 12, false, span(40, 43), 0);
    index_add_level(&f.idx, "M", 5, false, span(50, 52), 0);
    const struct index_entry **v;
    size_t n = index_find(&f.idx, INDEX_LEVEL, "L5", &v);
    EXPECT(n == 2 && v[0]->is_def && index_definition(&f.idx, v[1]) == v[0] && index_definition(&f.idx, v[0]) == v[0],
           "L5: the levels statement, and a use that resolves to it");
    n = index_find(&f.idx, INDEX_LEVEL, "L12", &v);
    EXPECT(n == 1 && !v[0]->is_def && index_definition(&f.idx, v[0]) == NULL, "L12: a use only, undefined");
    EXPECT(index_find(&f.idx, INDEX_LEVEL, "M5", &v) == 1 && v[0]->loc.start == 50, "M5 is not L5");
    EXPECT(index_find(&f.idx, INDEX_LEVEL, "ML5", &v) == 0 && index_find(&f.idx, INDEX_LEVEL, "L2", &v) == 0,
           "a longer prefix, or a level below the scale, names nothing");
    arena_free(&f.arena);
}

/* the refusals the CLI never lets through (it finds the kinds of OLD
 * first): an OLD with no entry */
static void test_plan_refusals(void)
{
    struct fixture f;
    fixture_init(&f);
    size_t ndefs[INDEX_KIND_COUNT] = {1, 0, 0, 0, 0};
    index_prepare(&f.idx, ndefs, 4);
    index_add_def(&f.idx, INDEX_ROLE, "dev", span(5, 8), 0, true, 0);
    struct index_plan p;
    char why[INDEX_WHY_MAX];
    EXPECT(index_rename_plan(&f.idx, INDEX_ROLE, "ghost", "spirit", &p, why, sizeof why) != 0 &&
           strcmp(why, "no such name") == 0 && p.nedits == 0, "an OLD with no entry");
    EXPECT(index_rename_plan(&f.idx, INDEX_TRACK, "dev", "x", &p, why, sizeof why) != 0 &&
           strcmp(why, "no such name") == 0, "an OLD of another kind");
    EXPECT(index_rename_at(&f.idx, 6, "engineer", &p, why, sizeof why) == 0 && p.nedits == 1 &&
           strcmp(p.edits[0].text, "engineer") == 0, "rename at an offset inside the name");
    arena_free(&f.arena);
}

/* index_apply writes the text with the edits inside it, and skips an edit
 * of another file (before base, or past the text) and one overlapping an
 * edit already applied */
static void test_apply_skips(void)
{
    struct fixture f;
    fixture_init(&f);
    struct index_edit edits[] = {
        {span(50, 52), "before"},       /* another file's, before this one */
        {span(102, 105), "X"},          /* "cde" */
        {span(104, 106), "Y"},          /* overlaps the one before */
        {span(107, 108), "Z"},          /* "h" */
        {span(107, 120), "past"},       /* runs past the text */
    };
    struct index_plan p = {edits, sizeof edits / sizeof *edits};
    struct buf out;
    buf_init(&out, &f.heap);
    index_apply(&p, "abcdefgh", 8, 100, &out);
    EXPECT(out.len == 6 && memcmp(out.data, "abXfgZ", 6) == 0, "abcdefgh becomes abXfgZ");
    buf_free(&out);
    arena_free(&f.arena);
}

int main(void)
{
    test_kind_names();
    test_growth();
    test_empty();
    test_offsets();
    test_levels();
    test_plan_refusals();
    test_apply_skips();
    if (failures)
        printf("%d failed\n", failures);
    return failures != 0;
}
