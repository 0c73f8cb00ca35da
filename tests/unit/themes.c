/* themes.c - the map's themes through the public API (ld_config.theme).
 *
 *   build/unit/themes [-v]              the checks below; "N passed, N failed"
 *   build/unit/themes --dot THEME FILE  FILE's DOT under THEME (light or dark)
 *                                       on stdout, for tests/suites/themes.sh
 *                                       (until ladderc build --theme exists)
 *
 * Run by tests/suites/library.sh: each theme gives the same bytes every
 * time, the dark one differs from the light one only in its colours (same
 * nodes, same places), and tracks beyond the eighth get a border pattern. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#include "ladder.h"

static const char small[] =
    "ladder \"Themes\"\n"
    "levels L1..L5\n"
    "track ic \"IC\"\ntrack em \"Managers\"\n"
    "box \"Early\" L1..L2\n"
    "role a \"Engineer\" track ic level L1 at (10, 10)\n"
    "role b \"Senior\" track ic level L3 at (40, 50)\n"
    "role c \"Manager\" track em level L3 at (70, 40)\n"
    "a -> b\nb -> c lateral\nc -> a downward\n";

/* The DOT of text under theme, malloc'd (NULL when it does not compile). */
static char *dot_of(const char *text, size_t len, ld_theme theme)
{
    ld_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.theme = theme;
    ld_session *s = ld_session_new(&cfg);
    char *dot = NULL;
    ld_text t = {0};
    if (s && ld_session_add_text(s, "themes.ladder", text, len) == LD_OK && ld_check(s) == LD_OK &&
        ld_emit(s, "dot", &t) == LD_OK) {
        dot = malloc(t.len + 1);
        if (dot) {
            memcpy(dot, t.data, t.len);
            dot[t.len] = '\0';
        }
    }
    ld_session_free(s);
    return dot;
}

/* dot with every quoted colour ("#rrggbb") and the one colour attribute
 * without a '#' (bgcolor) blanked out: what is left is the drawing. */
static void blank_colours(char *dot)
{
    for (char *p = dot; (p = strstr(p, "\"#")) != NULL; p++)
        for (char *q = p + 1; *q && *q != '"'; q++)
            *q = 'x';
}

/* A ladder with n tracks, one role each. */
static char *many_tracks(int n)
{
    size_t cap = 200 + (size_t)n * 120;
    char *s = malloc(cap);
    size_t len = (size_t)snprintf(s, cap, "levels L1..L5\n");
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(s + len, cap - len, "track t%d \"Track %d\"\n", i, i);
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(s + len, cap - len, "role r%d \"Role %d\" track t%d level L%d at (%d, %d)\n", i,
                                i, i, 1 + i % 5, i * 3, i * 2);
    return s;
}

/* The attributes of the legend row of track t (up to the "];"), or "". */
static void legend_row(const char *dot, int t, char *out, size_t size)
{
    char head[64];
    snprintf(head, sizeof head, "\"_legend_track_%d\" [", t);
    const char *p = strstr(dot, head);
    out[0] = '\0';
    if (p) {
        const char *e = strstr(p, "];");
        size_t n = e ? (size_t)(e - p) : 0;
        if (n >= size)
            n = size - 1;
        memcpy(out, p, n);
        out[n] = '\0';
    }
}

static void test_deterministic_and_distinct(void)
{
    char *l1 = dot_of(small, strlen(small), LD_THEME_LIGHT), *l2 = dot_of(small, strlen(small), LD_THEME_LIGHT);
    char *d1 = dot_of(small, strlen(small), LD_THEME_DARK), *d2 = dot_of(small, strlen(small), LD_THEME_DARK);
    check(l1 && l2 && d1 && d2, "the small ladder compiles to DOT in both themes");
    if (!(l1 && l2 && d1 && d2))
        goto out;
    check(strcmp(l1, l2) == 0, "light: same input, same bytes");
    check(strcmp(d1, d2) == 0, "dark: same input, same bytes");
    check(strcmp(l1, d1) != 0, "dark differs from light");
    check(strstr(l1, "bgcolor=\"#ffffff\"") != NULL, "light: a white page");
    check(strstr(d1, "bgcolor=\"#1b1e23\"") != NULL, "dark: a dark page");
    check(strstr(d1, "fontcolor=\"#ececec\"") != NULL, "dark: light text");
    check(strstr(d1, "#000000") == NULL, "dark: no black anywhere (text, tracks)");
    blank_colours(l1);
    blank_colours(d1);
    check(strcmp(l1, d1) == 0, "dark differs from light in colours only");
out:
    free(l1), free(l2), free(d1), free(d2);
}

static void test_patterns_beyond_eight(void)
{
    char *text = many_tracks(33);
    char *dot = dot_of(text, strlen(text), LD_THEME_LIGHT);
    check(dot != NULL, "33 tracks compile");
    if (dot) {
        char row[512];
        legend_row(dot, 0, row, sizeof row);
        check(row[0] && !strstr(row, "style=") && !strstr(row, "penwidth="), "track 1: solid, default width");
        legend_row(dot, 8, row, sizeof row);
        check(strstr(row, "style=\"rounded,filled,dashed\"") != NULL, "track 9: dashed (%s)", row);
        legend_row(dot, 16, row, sizeof row);
        check(strstr(row, "style=\"rounded,filled,dotted\"") != NULL, "track 17: dotted (%s)", row);
        legend_row(dot, 24, row, sizeof row);
        check(strstr(row, "penwidth=3.5") != NULL && !strstr(row, "style="), "track 25: heavy (%s)", row);
        check(strstr(dot, "\"r8\" [label=\"Role 8\\nL4\", color=\"#0072b2\", fillcolor=\"#bfdcec\", "
                          "style=\"rounded,filled,dashed\", penwidth=2,") != NULL,
              "the 9th track's role has its legend row's look");
    }
    free(dot);
    free(text);
}

/* The dark DOT of the small ladder, the allocator failing at the Nth
 * allocation after the check (0: never). */
static ld_status dark_failing_at(size_t n, size_t *used, size_t *live)
{
    struct counter c = {0};
    ld_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.alloc = counting_alloc;
    cfg.alloc_ud = &c;
    cfg.theme = LD_THEME_DARK;
    ld_session *s = ld_session_new(&cfg);
    ld_status st = LD_EUSAGE;
    if (s && ld_session_add_text(s, "themes.ladder", small, strlen(small)) == LD_OK && ld_check(s) == LD_OK) {
        ld_text t;
        c.fail_at = n ? c.allocs + n : 0;
        size_t before = c.allocs;
        st = ld_emit(s, "dot", &t);
        *used = c.allocs - before;
    }
    ld_session_free(s);
    *live = c.live_blocks;
    return st;
}

static void test_failing_allocator(void)
{
    size_t total = 0, used = 0, live;
    check(dark_failing_at(0, &total, &live) == LD_OK && live == 0, "allocator: the dark map succeeds");
    size_t bad = 0;
    for (size_t n = 1; n <= total; n++)
        if (dark_failing_at(n, &used, &live) != LD_ENOMEM || live != 0)
            bad++;
    check(total > 0 && bad == 0, "allocator: failing allocation N of %zu of the dark map, for every N: "
          "LD_ENOMEM and no block left (%zu were not)", total, bad);
}

/* --dot THEME FILE */
static int print_dot(const char *theme, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 2;
    }
    static char text[1 << 20];
    size_t len = fread(text, 1, sizeof text, f);
    fclose(f);
    char *dot = dot_of(text, len, strcmp(theme, "dark") == 0 ? LD_THEME_DARK : LD_THEME_LIGHT);
    if (!dot) {
        fprintf(stderr, "%s does not compile\n", path);
        return 1;
    }
    fputs(dot, stdout);
    free(dot);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "--dot") == 0)
        return print_dot(argv[2], argv[3]);
    verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
    test_deterministic_and_distinct();
    test_patterns_beyond_eight();
    test_failing_allocator();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
