/* diff.c - C tests of ld_diff (include/ladder.h): two sessions, the old
 * version's and the new one's, through the public header alone: the
 * changes and their count, the old session left usable, the statuses, and
 * a counting allocator that fails at every allocation of the call in turn
 * (each failure is LD_ENOMEM, and no byte is left once the sessions are
 * freed).
 *
 *   build/unit/diff [-v]     prints "ok"/"FAIL" lines, then "N passed, N failed";
 *                            exit status 1 when a check failed */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ladder.h"
#include "unit.h"

static const char old_text[] =
    "levels L3..L6\n"
    "track ic \"IC\"\n"
    "years promotion 1..2\n"
    "competency craft \"Craft\" hard {\n"
    "  1 \"Learns\"\n"
    "  2 \"Applies\"\n"
    "  3 \"Owns\"\n"
    "}\n"
    "role a \"Alpha\" track ic level L3 at (10, 10) {\n"
    "  craft 1\n"
    "}\n"
    "role b \"Beta\" track ic level L4 at (20, 20) {\n"
    "  craft 2\n"
    "}\n"
    "a -> b\n";

/* b renamed, its rung raised; a move added; c added */
static const char new_text[] =
    "levels L3..L6\n"
    "track ic \"IC\"\n"
    "years promotion 1..2\n"
    "competency craft \"Craft\" hard {\n"
    "  1 \"Learns\"\n"
    "  2 \"Applies\"\n"
    "  3 \"Owns\"\n"
    "}\n"
    "role b \"Beta | Two\" track ic level L4 at (20, 20) {\n"
    "  craft 3\n"
    "}\n"
    "role a \"Alpha\" track ic level L3 at (10, 10) {\n"
    "  craft 1\n"
    "}\n"
    "role c \"Gamma\" track ic level L5 at (30, 30)\n"
    "b -> c\n"
    "a -> b\n";

static void test_answers(void)
{
    struct counter co = {0}, cn = {0};
    ld_session *o = unit_checked(&co, "old.ladder", old_text), *n = unit_checked(&cn, "new.ladder", new_text);
    ld_text t = {0};
    size_t count = 99;
    check(ld_diff(o, n, "text", &t, &count) == LD_OK && t.data[t.len] == '\0', "answers: text (NUL-terminated)");
    check(count == 4, "answers: 4 changes (%zu)", count);
    check(contains(&t, "1 role added, 1 role changed, 1 promotion added, 1 expectation raised\n"), "answers: the summary");
    check(contains(&t, "new.ladder:9: role 'b' name: 'Beta' -> 'Beta | Two'\n"), "answers: a name, at its new line");
    check(contains(&t, "new.ladder:10: role 'b' on craft raised: 2 'Applies' -> 3 'Owns'\n"), "answers: a rung raised");
    check(ld_diff(o, n, "json", &t, NULL) == LD_OK && contains(&t, "\"counts\": {\"changes\": 4,"),
          "answers: json, nchanges NULL");
    check(ld_diff(o, n, "md", &t, &count) == LD_OK && contains(&t, "| name | role 'b' | Beta | Beta \\| Two | new.ladder:9 |"),
          "answers: md, a | in a name escaped");
    check(ld_diff(n, o, "text", &t, &count) == LD_OK && count == 4 &&
              contains(&t, "new.ladder:15: role 'c' removed: 'Gamma', track ic, L5\n"),
          "answers: the other way, a removed role at the old version's line");
    ld_text dot;
    check(ld_emit(o, "json", &dot) == LD_OK && ld_emit(n, "md", &dot) == LD_OK, "answers: both sessions stay usable");
    ld_session_free(o);
    ld_session_free(n);
    check(co.live_blocks == 0 && cn.live_blocks == 0, "answers: every block given back (%zu, %zu left)",
          co.live_blocks, cn.live_blocks);
}

static void test_same(void)
{
    struct counter c = {0};
    ld_session *o = unit_checked(&c, "a.ladder", old_text), *n = unit_checked(&c, "b.ladder", old_text);
    ld_text t;
    size_t count = 99;
    check(ld_diff(o, n, "text", &t, &count) == LD_OK && count == 0 && strcmp(t.data, "no changes\n") == 0,
          "same: no changes");
    check(ld_diff(o, n, "json", &t, &count) == LD_OK && contains(&t, "\"changes\": [],"), "same: json, an empty list");
    ld_session_free(o);
    ld_session_free(n);
}

static void test_usage(void)
{
    struct counter c = {0};
    ld_text t = {0};
    ld_session *o = unit_checked(&c, "old.ladder", old_text), *n = unit_checked(&c, "new.ladder", new_text);
    check(ld_diff(NULL, n, "text", &t, NULL) == LD_EUSAGE && ld_diff(o, NULL, "text", &t, NULL) == LD_EUSAGE,
          "usage: no session");
    check(ld_diff(o, n, NULL, &t, NULL) == LD_EUSAGE && ld_diff(o, n, "text", NULL, NULL) == LD_EUSAGE,
          "usage: NULL arguments");
    check(ld_diff(o, n, "html", &t, NULL) == LD_EUSAGE && strstr(ld_message(n), "unknown format"),
          "usage: an unknown format (%s)", ld_message(n));
    check(ld_diff(o, o, "text", &t, NULL) == LD_EUSAGE, "usage: one session twice");
    ld_config cfg;
    memset(&cfg, 0, sizeof cfg);
    ld_session *u = ld_session_new(&cfg);
    ld_session_add_text(u, "u.ladder", old_text, strlen(old_text));
    check(ld_diff(u, n, "text", &t, NULL) == LD_EUSAGE && ld_diff(o, u, "text", &t, NULL) == LD_EUSAGE,
          "usage: a session not checked");
    ld_session_free(u);
    ld_session *e = unit_checked(&c, "e.ladder", "levels L3..L4\ntrack ic \"IC\"\nrole a \"A\" track icc level L3 at (1, 1)\n");
    check(ld_diff(e, n, "text", &t, NULL) == LD_EUSAGE && ld_diff(o, e, "text", &t, NULL) == LD_EUSAGE,
          "usage: a version with errors");
    ld_session_free(e);
    ld_session_free(o);
    ld_session_free(n);
    check(c.live_blocks == 0, "usage: every block given back");
}

/* Every allocation of ld_diff fails in turn, the new session's and the
 * old one's (its line maps): LD_ENOMEM, nothing left after the sessions
 * are freed; the call that no failure reaches answers. */
static void test_failing_allocator(void)
{
    static const char *const formats[] = {"text", "md", "json"};
    for (size_t f = 0; f < 3; f++) {
        for (int side = 0; side < 2; side++) {
            struct counter bo = {0}, bn = {0};
            ld_session *o = unit_checked(&bo, "old.ladder", old_text), *n = unit_checked(&bn, "new.ladder", new_text);
            ld_text t;
            size_t before = side ? bn.allocs : bo.allocs;
            ld_diff(o, n, formats[f], &t, NULL);
            size_t calls = (side ? bn.allocs : bo.allocs) - before;
            ld_session_free(o);
            ld_session_free(n);
            int bad = 0;
            for (size_t k = 1; k <= calls + 1; k++) {
                struct counter co = {0}, cn = {0};
                o = unit_checked(&co, "old.ladder", old_text);
                n = unit_checked(&cn, "new.ladder", new_text);
                struct counter *c = side ? &cn : &co;
                c->fail_at = c->allocs + k;
                ld_status st = ld_diff(o, n, formats[f], &t, NULL);
                bad += k <= calls ? st != LD_ENOMEM : st != LD_OK;
                ld_session_free(o);
                ld_session_free(n);
                bad += co.live_blocks != 0 || cn.live_blocks != 0;
            }
            check(bad == 0 && calls > 0, "memory: -T %s, each of the %s session's %zu allocations failing: "
                  "LD_ENOMEM, no leak", formats[f], side ? "new" : "old", calls);
        }
    }
}

int main(int argc, char **argv)
{
    verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
    test_answers();
    test_same();
    test_usage();
    test_failing_allocator();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
