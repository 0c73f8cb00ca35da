/* chart.c - ld_chart through the public API: its refusals (each with its
 * status and message), its output, and a failing allocator at every
 * allocation of a chart. Run by tests/suites/library.sh. */
#include <string.h>

#include "unit.h"

#include "ladder.h"

static const char framework[] =
    "levels L3..L8\n"
    "track ic \"IC\"\n"
    "competency craft \"Technical craft\" hard {\n"
    "  1 \"Learns\"\n  2 \"Applies\"\n  3 \"Owns\"\n"
    "}\n"
    "competency people \"People\" soft {\n"
    "  1 \"Peer\"\n  2 \"Mentor\"\n  3 \"Coach\"\n"
    "}\n"
    "role junior \"Engineer\" track ic level L3 {\n  craft 1\n  people 1\n}\n"
    "role senior \"Senior Engineer\" track ic level L5 {\n  craft 2\n  people 2\n}\n"
    "role staff \"Staff Engineer\" track ic level L6 {\n  craft 3\n  people 3\n}\n"
    "role bare \"Bare\" track ic level L4 at (10, 10)\n"
    "junior -> senior\nsenior -> staff\n";

static ld_session *checked(struct counter *c) { return unit_checked(c, "chart.ladder", framework); }

static void test_refusals(void)
{
    struct counter c = {0};
    ld_text t = {0};
    const char *two[] = {"senior", "staff"};

    ld_session *fresh = ld_session_new(NULL);
    check(ld_chart(fresh, two, 2, "dot", &t) == LD_EUSAGE, "refused: before ld_check");
    check(strstr(ld_message(fresh), "not checked") != NULL, "refused: before ld_check, it says so");
    ld_session_free(fresh);
    check(ld_chart(NULL, two, 2, "dot", &t) == LD_EUSAGE, "refused: no session");

    ld_session *s = checked(&c);
    check(ld_error_count(s) == 0, "the framework checks without errors");
    check(ld_chart(s, NULL, 2, "dot", &t) == LD_EUSAGE && ld_chart(s, two, 2, NULL, &t) == LD_EUSAGE &&
          ld_chart(s, two, 2, "dot", NULL) == LD_EUSAGE, "refused: a NULL argument");
    const char *with_null[] = {"senior", NULL};
    check(ld_chart(s, with_null, 2, "dot", &t) == LD_EUSAGE, "refused: a NULL role");
    check(ld_chart(s, two, 2, "svg", &t) == LD_EUSAGE && strstr(ld_message(s), "use dot") != NULL,
          "refused: a format other than dot");
    const char *nine[] = {"junior", "senior", "staff", "junior", "senior", "staff", "junior", "senior", "staff"};
    check(ld_chart(s, two, 0, "dot", &t) == LD_EUSAGE && ld_chart(s, nine, LD_CHART_ROLES_MAX + 1, "dot", &t) ==
          LD_EUSAGE, "refused: no role, or more than LD_CHART_ROLES_MAX");
    const char *typo[] = {"senoir"};
    check(ld_chart(s, typo, 1, "dot", &t) == LD_EUSAGE &&
          strcmp(ld_message(s), "no role 'senoir' in the ladder; did you mean 'senior'? [E110]") == 0,
          "refused: an unknown role, with a suggestion (%s)", ld_message(s));
    const char *twice[] = {"senior", "Senior Engineer"};
    check(ld_chart(s, twice, 2, "dot", &t) == LD_EUSAGE &&
          strcmp(ld_message(s), "role 'senior' is given twice") == 0, "refused: one role twice, by id and name");
    const char *bare[] = {"senior", "bare"};
    t.len = 99;
    check(ld_chart(s, bare, 2, "dot", &t) == LD_EINPUT && t.len == 0 &&
          strncmp(ld_message(s), "role 'bare' sets no competency rungs", 36) == 0,
          "a role without rungs: LD_EINPUT, no text, the reason");

    int ok = ld_chart(s, two, 2, "dot", &t) == LD_OK;
    check(ok && t.len > 0 && strncmp(t.data, "graph chart {\n", 14) == 0 && strcmp(t.data + t.len - 2, "}\n") == 0,
          "a chart of two roles: a DOT graph");
    if (ok) {
        char *first = malloc(t.len + 1);
        memcpy(first, t.data, t.len + 1);
        check(ld_chart(s, two, 2, "dot", &t) == LD_OK && strcmp(first, t.data) == 0,
              "the same chart twice: the same bytes");
        check(strstr(t.data, "tooltip=\"Senior Engineer: Technical craft rung 2 (Applies)\"") != NULL,
              "a vertex's tooltip: role, competency, rung and its name");
        free(first);
    }
    ld_session_free(s);
    check(c.live_blocks == 0, "every block back to the allocator");
}

/* A chart of three roles, for the failing allocator. */
static ld_status chart_three(ld_session *s)
{
    const char *three[] = {"junior", "senior", "staff"};
    ld_text t;
    return ld_chart(s, three, 3, "dot", &t);
}

int main(int argc, char **argv)
{
    verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
    test_refusals();
    check_every_allocation_failing("the chart", checked, chart_three);
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
