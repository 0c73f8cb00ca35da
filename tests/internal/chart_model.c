/* chart_model.c - emit_chart on a model filled by hand, so the chart's
 * backend is tested apart from the front end: competencies with different
 * numbers of rungs, a role that sets only some of them, hostile names.
 *
 * Usage: chart_model CASE, where CASE is "mixed" (three roles, four
 * competencies of 5, 5, 3 and 4 rungs, one role missing one), "hostile"
 * (names full of DOT, XML and Graphviz escapes), "many" (16 spokes with
 * long names) or "one" (one spoke).
 * Prints the DOT on standard output. Built and run by tests/suites/chart.sh
 * against build/libladder.a. */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "emit_chart.h"
#include "heap.h"
#include "model.h"

static struct model_rung rungs5[] = {{"Learns", NULL, {0, 0}}, {"Applies", NULL, {0, 0}}, {"Owns", NULL, {0, 0}},
                                     {"Shapes", NULL, {0, 0}}, {"Defines", NULL, {0, 0}}};
static struct model_rung rungs3[] = {{"Low", NULL, {0, 0}}, {"Mid", NULL, {0, 0}}, {"High", NULL, {0, 0}}};
static struct model_rung rungs4[] = {{"A", NULL, {0, 0}}, {"B", NULL, {0, 0}}, {"C", NULL, {0, 0}},
                                     {"D", NULL, {0, 0}}};
static struct model_rung hostile_rungs[] = {{"</text><script>alert(1)</script>", NULL, {0, 0}},
                                            {"\\N \\G \\L \" &lt; &amp;", NULL, {0, 0}}};

static struct model_competency competencies[] = {
    {"craft", "Technical craft", SKILL_HARD, rungs5, 5, {0, 0}},
    {"delivery", "Delivery", SKILL_HARD, rungs5, 5, {0, 0}},
    {"people", "People", SKILL_SOFT, rungs3, 3, {0, 0}},
    {"reach", "Influence", SKILL_SOFT, rungs4, 4, {0, 0}},
};

static struct model_expect e_a[] = {{0, 1, NULL, {0, 0}}, {1, 2, NULL, {0, 0}}, {2, 1, NULL, {0, 0}},
                                    {3, 1, NULL, {0, 0}}};
static struct model_expect e_b[] = {{0, 4, NULL, {0, 0}}, {1, 3, NULL, {0, 0}}, {3, 2, NULL, {0, 0}}};
static struct model_expect e_c[] = {{0, 4, NULL, {0, 0}}, {1, 5, NULL, {0, 0}}, {2, 3, NULL, {0, 0}},
                                    {3, 4, NULL, {0, 0}}};

static struct model_track tracks[] = {{"ic", "IC", NULL, 0, 0, 0, {0, 0}}};

static struct model_role_about about[] = {{NULL, NULL, e_a, 4}, {NULL, NULL, e_b, 3}, {NULL, NULL, e_c, 4}};

static struct model_role roles[] = {
    {"a", "Engineer", 0, 3, 3, 10, 10, -1, true, &about[0], {0, 0}},
    {"b", "Senior Engineer", 0, 5, 5, 20, 20, -1, true, &about[1], {0, 0}},
    {"c", "Staff Engineer", 0, 6, 7, 30, 30, -1, true, &about[2], {0, 0}},
};

static void fill(struct model *m)
{
    memset(m, 0, sizeof *m);
    m->title = "Hand-made model";
    m->level_prefix = "L";
    m->level_min = 1;
    m->level_max = 9;
    m->tracks = tracks;
    m->ntracks = 1;
    m->competencies = competencies;
    m->ncompetencies = 4;
    m->roles = roles;
    m->nroles = 3;
}

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    struct heap heap;
    heap_init(&heap, NULL, NULL);
    struct buf out;
    buf_init(&out, &heap);
    struct model m;
    fill(&m);
    if (strcmp(argv[1], "mixed") == 0) {
        size_t pick[] = {0, 1, 2};
        emit_chart(&m, pick, 3, &out);
    } else if (strcmp(argv[1], "hostile") == 0) {
        static struct model_competency hostile[] = {
            {"x", "<b>bold</b> & \"quoted\" \\N\\G", SKILL_HARD, hostile_rungs, 2, {0, 0}},
            {"y", "]; node [shape=box", SKILL_SOFT, hostile_rungs, 2, {0, 0}},
            {"z", "&#x41; &lt;script&gt;", SKILL_NONE, hostile_rungs, 2, {0, 0}},
        };
        static struct model_expect e[] = {{0, 1, NULL, {0, 0}}, {1, 2, NULL, {0, 0}}, {2, 2, NULL, {0, 0}}};
        m.title = "\"</svg><svg onload=alert(1)> \\L";
        m.level_prefix = "<L&amp;>";
        m.competencies = hostile;
        m.ncompetencies = 3;
        roles[0].name = "Eve \"\\\"; label=x <i>&amp;</i>";
        about[0].expect = e;
        about[0].nexpect = 3;
        size_t pick[] = {0};
        emit_chart(&m, pick, 1, &out);
    } else if (strcmp(argv[1], "many") == 0) {
        /* 16 competencies with long names, as Medium's snowflake has */
        static struct model_competency many[16];
        static struct model_expect ea[16], eb[16];
        static const char *const names[16] = {
            "Mobile", "Web client", "Foundations", "Servers", "Project management", "Communication",
            "Craft", "Initiative", "Career development", "Org design", "Wellbeing", "Accomplishment",
            "Mentorship", "Evangelism", "Recruiting", "Community"};
        for (size_t k = 0; k < 16; k++) {
            many[k] = (struct model_competency){names[k], names[k], SKILL_NONE, rungs5, 5, {0, 0}};
            ea[k] = (struct model_expect){k, (int)(k % 5) + 1, NULL, {0, 0}};
            eb[k] = (struct model_expect){k, (int)((k + 2) % 5) + 1, NULL, {0, 0}};
        }
        m.competencies = many;
        m.ncompetencies = 16;
        about[0].expect = ea;
        about[0].nexpect = 16;
        about[1].expect = eb;
        about[1].nexpect = 16;
        size_t pick[] = {0, 1};
        emit_chart(&m, pick, 2, &out);
    } else if (strcmp(argv[1], "one") == 0) {
        about[1].nexpect = 1;
        size_t pick[] = {1};
        emit_chart(&m, pick, 1, &out);
    } else {
        return 2;
    }
    fwrite(out.data, 1, out.len, stdout);
    buf_free(&out);
    return 0;
}
