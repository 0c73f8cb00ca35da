/* html.c - ld_html through the public API, without Graphviz (the map is a
 * small SVG written by hand, or none): the page's parts and ids, the map
 * inlined without its XML prolog, user text escaped in text, attributes and
 * the data script, the same bytes twice, its refusals, and a failing
 * allocator at every allocation. The page Graphviz's map goes into is
 * tested by tests/suites/html.sh. Run by tests/suites/library.sh. */
#include <string.h>

#include "unit.h"

#include "ladder.h"

static const char ladder[] =
    "ladder \"T </script><!-- \\\"q\\\" & \xE2\x80\xA8\"\n"
    "levels L3..L8\n"
    "track ic \"I & C\"\n"
    "track mgr \"Managers\" levels M4..M8 = L4..L8\n"
    "competency craft \"Craft <b>\" hard {\n"
    "  1 \"Learns\" \"</script>\"\n"
    "  2 \"Owns\"\n"
    "}\n"
    "role a \"A </title><script>\" track ic level L3 at (10, 10) {\n"
    "  summary \"S '\\\"><img onerror=x>\"\n"
    "  link \"https://x.example/?a=\\\"><b>&amp;\"\n"
    "  craft 1 \"mine <i>\"\n"
    "}\n"
    "role b \"B\" track ic level L5..L6 at (50, 50) {\n  craft 2\n}\n"
    "role m \"Boss\" track mgr level M6 at (80, 80) {\n  craft 2\n}\n"
    "a -> b years 2..3\n"
    "b -> m lateral years 1..1\n"
    "company co \"Co\" {\n"
    "  ic L3..L5 \"E1\" \"Eng <1>\"\n"
    "  mgr M6 \"M6\" \"Boss\"\n"
    "}\n";

static const char map[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
    "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\"\n"
    " \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
    "<!-- Title: ladder Pages: 1 -->\n"
    "<svg width=\"10pt\" height=\"10pt\" viewBox=\"0 0 10 10\" xmlns=\"http://www.w3.org/2000/svg\">\n"
    "<g id=\"role&#45;0\" class=\"node\"><title>a</title></g>\n"
    "</svg>\n";

static ld_session *checked(struct counter *c) { return unit_checked(c, "html.ladder", ladder); }

static void test_refusals(void)
{
    ld_text t = {0};
    ld_session *fresh = ld_session_new(NULL);
    check(ld_html(fresh, map, sizeof map - 1, &t) == LD_EUSAGE && strstr(ld_message(fresh), "not checked") != NULL,
          "refused before ld_check, and it says so");
    ld_session_free(fresh);
    check(ld_html(NULL, map, 3, &t) == LD_EUSAGE, "refused: no session");
    struct counter c = {0};
    ld_session *s = checked(&c);
    check(ld_error_count(s) == 0, "the ladder checks without errors");
    check(ld_html(s, map, 3, NULL) == LD_EUSAGE && ld_html(s, NULL, 3, &t) == LD_EUSAGE,
          "refused: no out, or no svg with a length");
    check(ld_html(s, NULL, 0, &t) == LD_OK && !contains(&t, "id=\"map\"") && contains(&t, "</html>\n"),
          "no svg: a page without a map");
    ld_session_free(s);
    check(c.live_blocks == 0, "every block back to the allocator");
}

static void test_page(void)
{
    struct counter c = {0};
    ld_session *s = checked(&c);
    ld_text t;
    if (ld_html(s, map, sizeof map - 1, &t) != LD_OK) {
        check(0, "writes a page: %s", ld_message(s));
        ld_session_free(s);
        return;
    }
    check(strncmp(t.data, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", 62) == 0,
          "a doctype, a language, UTF-8 first");
    check(contains(&t, "<div class=\"map\">\n<svg width=\"10pt\"") && !contains(&t, "<?xml") &&
          !contains(&t, "<!DOCTYPE svg") && !contains(&t, "Pages: 1"), "the map inline, without its prolog");
    check(contains(&t, "<h1>T &lt;/script&gt;&lt;!-- &quot;q&quot; &amp; \xE2\x80\xA8</h1>"), "the title as text");
    check(contains(&t, "<title>T &lt;/script&gt;"), "the title in <title>");
    check(count(t.data, "<script") == 2 && count(t.data, "</script>") == 2, "two scripts, whatever the names say");
    check(!contains(&t, "<img") && !contains(&t, "<b>") && !contains(&t, "<i>"), "no markup from the ladder");
    check(contains(&t, "<a href=\"https://x.example/?a=&quot;&gt;&lt;b&gt;&amp;amp;\" rel=\"noopener noreferrer\">"),
          "the link, escaped for its attribute");
    check(contains(&t, "<section class=\"role\" id=\"role-a\" aria-labelledby=\"role-a-title\">") &&
          contains(&t, "id=\"role-b\"") && contains(&t, "id=\"role-m\""), "a section per role, by id");
    check(contains(&t, "id=\"track-ic\"") && contains(&t, "id=\"track-mgr\"") && contains(&t, "id=\"company-co\"") &&
          contains(&t, "id=\"competency-craft\""), "tracks, companies, competencies by id");
    check(contains(&t, "<div id=\"search\"></div>") && contains(&t, "<div id=\"explorer-app\"></div>"),
          "the places the script fills");
    check(contains(&t, "<td>M6</td>") || contains(&t, ">M6<"), "a track's own level names");
    check(contains(&t, "2..3 years") && contains(&t, "1 year"), "a move's years");
    check(contains(&t, "Eng &lt;1&gt; (E1), L3..L5"), "a role's title at a company");
    const char *data = strstr(t.data, "id=\"ladder-data\">");
    const char *end = data ? strstr(data, "</script>") : NULL;
    int raw_lt = 0, raw_ls = 0;
    for (const char *p = data ? data + 17 : NULL; p && p < end; p++) {
        raw_lt += *p == '<';
        raw_ls += p[0] == '\xE2' && p[1] == '\x80' && (p[2] == '\xA8' || p[2] == '\xA9');
    }
    check(data && end && raw_lt == 0 && raw_ls == 0, "the data script: no '<', no U+2028 left raw");
    check(data && strstr(data, "\\u003c/script>\\u003c!-- \\\"q\\\" & \\u2028") != NULL, "the title in the data");
    check(contains(&t, "<footer>Generated by ladderc " LD_VERSION), "the version in the footer");
    size_t len = t.len;
    char *first = malloc(len + 1);
    memcpy(first, t.data, len + 1);
    check(ld_html(s, map, sizeof map - 1, &t) == LD_OK && t.len == len && memcmp(t.data, first, len) == 0,
          "the same bytes twice");
    /* svg may be the session's last text */
    if (ld_emit(s, "json", &t) == LD_OK) {
        ld_text j = t;
        check(ld_html(s, j.data, 0, &t) == LD_OK && t.len > 0, "the session's last text as svg");
    }
    free(first);
    ld_session_free(s);
}

static ld_status html_page(ld_session *s)
{
    ld_text t;
    return ld_html(s, map, sizeof map - 1, &t);
}

int main(int argc, char **argv)
{
    verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
    test_refusals();
    test_page();
    check_every_allocation_failing("the page", checked, html_page);
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
