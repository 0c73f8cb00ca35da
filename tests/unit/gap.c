/* gap.c - C tests of ld_gap (include/ladder.h): its answers and its
 * statuses, through the public header alone, with a counting allocator
 * that fails at every allocation of a call in turn: each failure is
 * LD_ENOMEM, and no byte is left once the session is freed.
 *
 *   build/unit/gap [-v]      prints "ok"/"FAIL" lines, then "N passed, N failed";
 *                            exit status 1 when a check failed */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ladder.h"
#include "unit.h"

/* b grows craft and sets people, which a does not; c sets no rungs; d is
 * reached from nobody */
static const char ladder[] =
    "levels L3..L6\n"
    "track ic \"IC\"\n"
    "years promotion 1..2\n"
    "competency craft \"Craft\" hard {\n"
    "  1 \"Learns\" \"Learns the trade.\"\n"
    "  2 \"Applies\"\n"
    "  3 \"Owns\" \"Owns a service.\"\n"
    "}\n"
    "competency people \"People\" soft {\n"
    "  1 \"Peer\"\n"
    "}\n"
    "role a \"Alpha\" track ic level L3 at (10, 10) {\n"
    "  craft 1 \"Pairs a lot.\"\n"
    "}\n"
    "role b \"Beta\" track ic level L4 at (20, 20) {\n"
    "  craft 3\n"
    "  people 1\n"
    "}\n"
    "role c \"Gamma\" track ic level L5 at (30, 30)\n"
    "role d \"Delta\" track ic level L6 at (40, 40) {\n"
    "  craft 2\n"
    "}\n"
    "a -> b\n"
    "b -> c\n";

static const char no_competencies[] =
    "levels L3..L6\n"
    "track ic \"IC\"\n"
    "role a \"Alpha\" track ic level L3 at (10, 10)\n"
    "role b \"Beta\" track ic level L4 at (20, 20)\n"
    "a -> b\n";

static ld_session *checked(struct counter *c, const char *text) { return unit_checked(c, "gap.ladder", text); }

static void test_answers(void)
{
    struct counter c = {0};
    ld_session *s = checked(&c, ladder);
    ld_text t = {0};
    check(ld_gap(s, "a", "b", 0, "text", &t) == LD_OK && t.data[t.len] == '\0', "answers: a to b (NUL-terminated)");
    check(contains(&t, "Alpha (L3) -> Beta (L4): 1 competency to grow, 1 not compared\n"), "answers: the counts");
    check(contains(&t, "+2 Craft: 1 Learns -> 3 Owns\n   now:    Learns the trade.\n           Pairs a lot.\n"
                       "   needed: Owns a service.\n"),
          "answers: the rungs, their meanings, the role's own sentence");
    check(contains(&t, "People: Alpha sets no rung; Beta needs 1 Peer\n"), "answers: a competency a does not set");
    check(ld_gap(s, "Beta", "alpha", 0, "text", &t) == LD_OK && contains(&t, "nothing to grow, 1 already met") &&
              contains(&t, "Craft: 3 Owns, needs 1 Learns (2 above)"),
          "answers: by names, any case; b to a grows nothing");
    check(ld_gap(s, "a", "d", 1, "text", &t) == LD_EINPUT && t.len == 0 &&
              strcmp(ld_message(s), "no route from 'a' to 'd'") == 0,
          "answers: with route, no route is LD_EINPUT, out empty (%s)", ld_message(s));
    check(ld_gap(s, "a", "d", 0, "json", &t) == LD_OK && contains(&t, "\"route\": null") &&
              contains(&t, "\"status\": \"grow\", \"gap\": 1"),
          "answers: without route, no route is no error");
    check(ld_gap(s, "a", "b", 1, "md", &t) == LD_OK && contains(&t, "| 1 | Alpha \xE2\x86\x92 (promotion) Beta | 1..2 | "
                                                                     "Craft +2 (1 Learns \xE2\x86\x92 3 Owns) |"),
          "answers: -T md with the route's move");
    check(ld_gap(s, "a", "c", 0, "text", &t) == LD_EINPUT && t.len == 0 &&
              strncmp(ld_message(s), "role 'c' sets no rungs", 22) == 0,
          "answers: a role without rungs is LD_EINPUT (%s)", ld_message(s));
    check(ld_gap(s, "c", "a", 1, "text", &t) == LD_EINPUT && strncmp(ld_message(s), "role 'c' sets no rungs", 22) == 0,
          "answers: FROM without rungs too");
    ld_session_free(s);
    check(c.live_blocks == 0 && c.live_bytes == 0, "answers: every block given back (%zu left)", c.live_blocks);

    s = checked(&c, no_competencies);
    check(ld_gap(s, "a", "b", 0, "text", &t) == LD_EINPUT && t.len == 0 &&
              strncmp(ld_message(s), "the ladder defines no competencies", 34) == 0,
          "answers: a ladder without competencies is LD_EINPUT (%s)", ld_message(s));
    ld_session_free(s);
    check(c.live_blocks == 0, "answers: every block given back");
}

static void test_usage(void)
{
    struct counter c = {0};
    ld_text t = {0};
    check(ld_gap(NULL, "a", "b", 0, "text", &t) == LD_EUSAGE, "usage: no session");
    ld_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.alloc = counting_alloc;
    cfg.alloc_ud = &c;
    ld_session *s = ld_session_new(&cfg);
    ld_session_add_text(s, "gap.ladder", ladder, strlen(ladder));
    check(ld_gap(s, "a", "b", 0, "text", &t) == LD_EUSAGE, "usage: before ld_check");
    ld_check(s);
    int bad = 0;
    bad += ld_gap(s, NULL, "b", 0, "text", &t) != LD_EUSAGE || ld_gap(s, "a", NULL, 0, "text", &t) != LD_EUSAGE;
    bad += ld_gap(s, "a", "b", 0, NULL, &t) != LD_EUSAGE || ld_gap(s, "a", "b", 0, "text", NULL) != LD_EUSAGE;
    bad += ld_gap(s, "a", "b", 0, "svg", &t) != LD_EUSAGE;
    check(bad == 0, "usage: NULL arguments and an unknown format are LD_EUSAGE (%d were not)", bad);
    check(ld_gap(s, "a", "Alpha", 0, "text", &t) == LD_EUSAGE &&
              strcmp(ld_message(s), "FROM and TO are the same role, 'a'") == 0,
          "usage: the same role");
    check(ld_gap(s, "a", "Betaa", 0, "text", &t) == LD_EUSAGE &&
              strcmp(ld_message(s), "no role 'Betaa' in the ladder; did you mean 'Beta'? [E110]") == 0,
          "usage: an unknown role, with a suggestion (%s)", ld_message(s));
    ld_session_free(s);
    check(c.live_blocks == 0, "usage: every block given back");

    s = checked(&c, "levels L3..L4\ntrack ic \"IC\"\nrole a \"A\" track icc level L3 at (1, 1)\n");
    check(ld_gap(s, "a", "a", 0, "text", &t) == LD_EUSAGE, "usage: a ladder with errors");
    ld_session_free(s);
}

/* Every allocation of ld_gap fails in turn: LD_ENOMEM, the session spent,
 * nothing left after it is freed; then the call that no failure reaches
 * answers as without the failures. */
static void test_failing_allocator(void)
{
    static const char *const formats[] = {"text", "md", "json"};
    for (size_t f = 0; f < 3; f++) {
        struct counter base = {0};
        ld_session *s = checked(&base, ladder);
        ld_text t;
        size_t before = base.allocs;
        ld_gap(s, "a", "b", 1, formats[f], &t);
        size_t calls = base.allocs - before;
        ld_session_free(s);
        int bad = 0;
        for (size_t k = 1; k <= calls + 1; k++) {
            struct counter c = {0};
            s = checked(&c, ladder);
            c.fail_at = c.allocs + k;
            ld_status st = ld_gap(s, "a", "b", 1, formats[f], &t);
            if (k <= calls)
                bad += st != LD_ENOMEM || strcmp(ld_message(s), "out of memory") != 0 ||
                       ld_gap(s, "a", "b", 1, formats[f], &t) != LD_ENOMEM;
            else
                bad += st != LD_OK;
            ld_session_free(s);
            bad += c.live_blocks != 0;
        }
        check(bad == 0 && calls > 0, "memory: -T %s, each of its %zu allocations failing: LD_ENOMEM, no leak",
              formats[f], calls);
    }
}

int main(int argc, char **argv)
{
    verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
    test_answers();
    test_usage();
    test_failing_allocator();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
