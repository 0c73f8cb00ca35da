/* finish_svg.c - ld_finish_svg through the public API, on SVG written by
 * hand in Graphviz's shape (so that no Graphviz is needed): the titles it
 * writes, user text escaped, the bytes it must not touch, input it must
 * return unchanged (foreign, truncated at every byte, already finished),
 * its refusals, and a failing allocator at every allocation. The SVG that
 * Graphviz really draws is tested by tests/suites/a11y.sh. Run by
 * tests/suites/library.sh. */
#include <string.h>

#include "unit.h"

#include "ladder.h"

static const char ladder[] =
    "ladder \"T <&> \\\"q\\\" ]]> </title> \xF0\x9F\x9A\x80\"\n"
    "levels L3..L8\n"
    "track ic \"I & C\"\n"
    "track mgr \"Managers\" levels M4..M8 = L4..L8\n"
    "box \"Early <b>\" L3..L4\n"
    "box \"Unused\" L8\n"
    "role a \"A </title><script>\" track ic level L3 at (10, 10)\n"
    "role b \"B ]]> & 'x'\" track ic level L5..L6 at (50, 50)\n"
    "role m \"Boss\" track mgr level M6 at (80, 80)\n"
    "years promotion 2..\n"
    "a -> b\n"
    "b -> m lateral years 1..1\n";

/* Graphviz's shape: prolog, root, the graph's group titled "ladder", a
 * cluster, edges, nodes (one with a link), a node of no role, ids with '-'
 * written as "&#45;". */
static const char drawn[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
    "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\"\n"
    " \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
    "<!-- Title: ladder Pages: 1 -->\n"
    "<svg width=\"10pt\" height=\"10pt\"\n viewBox=\"0 0 10 10\" xmlns=\"http://www.w3.org/2000/svg\">\n"
    "<g id=\"graph0\" class=\"graph\" transform=\"scale(1 1)\">\n"
    "<title>ladder</title>\n"
    "<polygon fill=\"white\" points=\"0,0\"/>\n"
    "<g id=\"box&#45;0\" class=\"cluster\">\n"
    "<title>cluster_0</title>\n"
    "<g id=\"a_box&#45;0\"><a xlink:title=\"Box Early\">\n<path d=\"M0,0\"/>\n</a>\n</g>\n"
    "</g>\n"
    "<g id=\"legend\" class=\"cluster\">\n<title>cluster_legend</title>\n</g>\n"
    "<!-- a&#45;&gt;b <g id=\"role-0\"> -->\n"
    "<g id=\"move&#45;0\" class=\"edge\">\n<title>a&#45;&gt;b</title>\n<path d=\"M1,1\"/>\n</g>\n"
    "<g id=\"move&#45;1\" class=\"edge\">\n<title>b&#45;&gt;m</title>\n</g>\n"
    "<g id=\"role&#45;0\" class=\"node\">\n<title>a</title>\n<text x=\"1\">A &lt;/title&gt;</text>\n</g>\n"
    "<g id=\"role&#45;1\" class=\"node\">\n<title>b</title>\n"
    "<g id=\"a_role&#45;1\"><a xlink:href=\"https://x.example/\" xlink:title=\"B\">\n</a>\n</g>\n</g>\n"
    "<g id=\"role&#45;2\" class=\"node\">\n<title>m</title>\n</g>\n"
    "<g id=\"node4\" class=\"node\">\n<title>_legend_track_0</title>\n</g>\n"
    "</g>\n"
    "</svg>\n";

static ld_session *checked(struct counter *c) { return unit_checked(c, "a11y.ladder", ladder); }

static void test_refusals(void)
{
    ld_text t = {0};
    ld_session *fresh = ld_session_new(NULL);
    check(ld_finish_svg(fresh, drawn, sizeof drawn - 1, &t) == LD_EUSAGE &&
          strstr(ld_message(fresh), "not checked") != NULL, "refused before ld_check, and it says so");
    ld_session_free(fresh);
    check(ld_finish_svg(NULL, drawn, 3, &t) == LD_EUSAGE, "refused: no session");
    struct counter c = {0};
    ld_session *s = checked(&c);
    check(ld_error_count(s) == 0, "the ladder checks without errors");
    check(ld_finish_svg(s, drawn, 3, NULL) == LD_EUSAGE && ld_finish_svg(s, NULL, 3, &t) == LD_EUSAGE,
          "refused: no out, or no svg with a length");
    check(ld_finish_svg(s, NULL, 0, &t) == LD_OK && t.len == 0 && t.data[0] == '\0', "no svg, length 0: empty");
    ld_session_free(s);
    check(c.live_blocks == 0, "every block back to the allocator");
}

static void test_titles(void)
{
    struct counter c = {0};
    ld_session *s = checked(&c);
    ld_text t;
    if (ld_finish_svg(s, drawn, sizeof drawn - 1, &t) != LD_OK) {
        check(0, "finishes a drawn map: %s", ld_message(s));
        ld_session_free(s);
        return;
    }
    check(contains(&t, "xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"ladder-title\" "
                       "aria-describedby=\"ladder-desc\">\n<title id=\"ladder-title\">"
                       "T &lt;&amp;&gt; &quot;q&quot; ]]&gt; &lt;/title&gt; \xF0\x9F\x9A\x80</title>\n"
                       "<desc id=\"ladder-desc\">3 roles in 2 tracks, levels L3 to L6; 1 box, 2 moves.</desc>\n"
                       "<g id=\"graph0\""),
          "the root: role, aria, the title escaped, the summary (a box without roles is not drawn)");
    check(contains(&t, "class=\"graph\" transform=\"scale(1 1)\">\n<polygon"), "Graphviz's \"ladder\" title is gone");
    check(contains(&t, "<title>Box Early &lt;b&gt;: levels L3 to L4</title>\n<g id=\"a_box&#45;0\">"),
          "the box: its name and levels");
    check(contains(&t, "<title>Legend</title>"), "the legend");
    check(contains(&t, "<title>A &lt;/title&gt;&lt;script&gt; \xE2\x86\x92 B ]]&gt; &amp; &#39;x&#39;: promotion, "
                       "2 or more years</title>"), "a move: names, kind, open years");
    check(contains(&t, "<title>B ]]&gt; &amp; &#39;x&#39; \xE2\x86\x92 Boss: lateral, 1 year</title>"),
          "a move: one year");
    check(contains(&t, "<title>A &lt;/title&gt;&lt;script&gt; (L3, I &amp; C)</title>\n<text"),
          "a role: name, level, track");
    check(contains(&t, "<title>B ]]&gt; &amp; &#39;x&#39; (L5 to L6, I &amp; C)</title>\n<g id=\"a_role&#45;1\">"),
          "a role with a link: name, levels");
    check(contains(&t, "<title>Boss (M6, Managers)</title>"), "a role on a track with its own level names");
    check(contains(&t, "<!-- a&#45;&gt;b <g id=\"role-0\"> -->\n"), "a comment is copied as it is");
    check(contains(&t, "<g id=\"node4\" class=\"node\">\n</g>"), "a node of no id of ours loses its internal name");
    check(contains(&t, "<g id=\"a_box&#45;0\"><a xlink:title=\"Box Early\">"), "a group of no class keeps its bytes");
    check(count(t.data, "<title") == 8, "one title per group of ours, and the root's (%zu)", count(t.data, "<title"));

    /* what is not a title is copied: drop each title's line from both and compare */
    char *a = malloc(sizeof drawn), *b = malloc(t.len + 1);
    size_t na = 0, nb = 0;
    for (const char *p = drawn; *p;) {
        const char *e = strchr(p, '\n') + 1;
        if (strncmp(p, "<title>", 7) != 0)
            memcpy(a + na, p, (size_t)(e - p)), na += (size_t)(e - p);
        p = e;
    }
    for (const char *p = t.data; *p;) {
        const char *e = strchr(p, '\n') + 1;
        if (strncmp(p, "<title", 6) != 0 && strncmp(p, "<desc", 5) != 0)
            memcpy(b + nb, p, (size_t)(e - p)), nb += (size_t)(e - p);
        p = e;
    }
    const char *root_attrs = " role=\"img\" aria-labelledby=\"ladder-title\" aria-describedby=\"ladder-desc\"";
    char *r = b + nb > b ? strstr(b, root_attrs) : NULL;
    if (r) {
        memmove(r, r + strlen(root_attrs), nb - (size_t)(r - b) - strlen(root_attrs));
        nb -= strlen(root_attrs);
    }
    check(na == nb && memcmp(a, b, na) == 0, "every byte but the titles, the desc and the root's attributes is kept");
    free(a);
    free(b);

    /* finished once is finished: the second pass gives the bytes back */
    size_t len = t.len;
    char *once = malloc(len + 1);
    memcpy(once, t.data, len + 1);
    check(ld_finish_svg(s, t.data, t.len, &t) == LD_OK && t.len == len && memcmp(t.data, once, len) == 0,
          "its own output (the session's last text) comes back unchanged");
    free(once);
    ld_session_free(s);
    check(c.live_blocks == 0, "every block back to the allocator");
}

static void expect_unchanged(ld_session *s, const char *svg, size_t len, const char *what)
{
    ld_text t;
    check(ld_finish_svg(s, svg, len, &t) == LD_OK && t.len == len && memcmp(t.data, svg, len) == 0,
          "unchanged: %s", what);
}

static void test_unrecognised(void)
{
    struct counter c = {0};
    ld_session *s = checked(&c);
    static const char *const foreign[] = {
        "", "hello", "<svg/>", "<html><svg></svg></html>", "<svgx></svgx>",
        "<!DOCTYPE svg [<!ENTITY x \"y\">]><svg></svg>",
        "<svg role=\"img\"><title>mine</title></svg>",
        "<svg aria-labelledby=\"t\"><title id=\"t\">mine</title></svg>",
        "<?xml version=\"1.0\"?",
        "<!-- never closed <svg>",
        "<svg width=\"1 <g id=\"role-0\"></svg>",
    };
    for (size_t i = 0; i < sizeof foreign / sizeof *foreign; i++)
        expect_unchanged(s, foreign[i], strlen(foreign[i]), foreign[i]);
    char nul[] = "<svg>\0<g id=\"role-0\">";
    ld_text t;
    check(ld_finish_svg(s, nul, sizeof nul - 1, &t) == LD_OK && t.len > sizeof nul - 1 &&
          memcmp(t.data + t.len - 15, "<g id=\"role-0\">", 15) == 0, "a NUL byte is copied like any other");

    /* groups that are not ours, or past the model, keep their titles */
    static const char *const groups[] = {
        "role-3", "role-01", "role-", "role-1x", "role--1", "role-99999999999999999999999", "box-2", "box-7",
        "move-2", "Role-0", "legend2", "role&#x2d;0", "role&amp;0", "graph1",
    };
    for (size_t i = 0; i < sizeof groups / sizeof *groups; i++) {
        char svg[256];
        snprintf(svg, sizeof svg, "<svg>\n<g id=\"%s\" class=\"cluster\">\n<title>x</title>\n</g>\n</svg>\n", groups[i]);
        check(ld_finish_svg(s, svg, strlen(svg), &t) == LD_OK && strstr(t.data, "\n<title>x</title>\n") != NULL,
              "not ours: id \"%s\"", groups[i]);
    }
    /* a title that is not plain text, or not the first child, is left */
    static const char *const odd[] = {
        "<g id=\"role-0\">\n<text>x</text><title>x</title>\n</g>\n</svg>\n",
        "<g id=\"role-0\">\n<title>x<b/></title>\n</g>\n</svg>\n",
        "<g id=\"role-0\">\n<title>x",
        "<g id=\"role-0\"",
    };
    for (size_t i = 0; i < sizeof odd / sizeof *odd; i++) {
        char svg[256];
        snprintf(svg, sizeof svg, "<svg>\n%s", odd[i]);
        check(ld_finish_svg(s, svg, strlen(svg), &t) == LD_OK && t.len >= strlen(odd[i]) &&
              strcmp(t.data + t.len - strlen(odd[i]), odd[i]) == 0, "left as it is: %s", odd[i]);
    }
    ld_session_free(s);
}

/* Every prefix of the drawn map (what a truncated file holds): no crash, no
 * read past the end (the sanitizers' run), and the prefix itself at the
 * start, but for what the finisher adds to the root and the titles. */
static void test_every_prefix(void)
{
    struct counter c = {0};
    ld_session *s = checked(&c);
    size_t bad = 0;
    for (size_t n = 0; n <= sizeof drawn - 1; n++) {
        char *copy = malloc(n ? n : 1);    /* exactly n bytes: a read past them is caught */
        memcpy(copy, drawn, n);
        ld_text t;
        if (ld_finish_svg(s, copy, n, &t) != LD_OK || t.data[t.len] != '\0')
            bad++;
        free(copy);
    }
    check(bad == 0, "every prefix of %zu bytes finishes without a fault (%zu did not)", sizeof drawn - 1, bad);
    ld_session_free(s);
}

static ld_status finish_drawn(ld_session *s)
{
    ld_text t;
    return ld_finish_svg(s, drawn, sizeof drawn - 1, &t);
}

int main(int argc, char **argv)
{
    verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
    test_refusals();
    test_titles();
    test_unrecognised();
    test_every_prefix();
    check_every_allocation_failing("finishing", checked, finish_drawn);
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
