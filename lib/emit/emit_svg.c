/* emit_svg.c - the SVG Graphviz drew, finished for people who cannot see it.
 *
 * Graphviz writes every node's and cluster's <title> as its DOT name
 * ("senior_engineer", "cluster_0", "a->b") and gives the document no title
 * or description a screen reader could announce (Graphviz issue #2220). We
 * cannot ask it to write better ones, but emit_dot gives each role, box,
 * move and the legend an id of ours, which Graphviz copies to the SVG
 * group (escaping '-' as "&#45;"). So one pass over the bytes finds those
 * groups by id and rewrites only the <title> that Graphviz puts first in
 * each, from the model; the root gets role="img" and names its new <title>
 * and <desc>. The other nodes and edges, which have no id of ours, are the
 * axes and the legend's rows: their titles ("_axis_origin",
 * "_legend_track_0") go, and their text stays. Nothing is guessed from
 * names, text or shapes.
 *
 * The scan: bytes are copied in runs between '<'; a comment or CDATA
 * section is copied whole (its text is not markup); a <g> start tag is
 * read attribute by attribute (quotes respected) for its id and class. A
 * title is replaced only when it is the group's first child and holds plain
 * text, which is how Graphviz writes it. Every position moves forward, so
 * the cost is one pass over the input plus what is written; every read is
 * bounded by len, so truncated or foreign input is copied, never overrun.
 * User text reaches the output only through escape_xml.
 */
#include "emit_svg.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "escape.h"
#include "heap.h"

/* The ids of the root's new children: fixed, so that a page that inlines
 * the SVG can style or point at them. */
#define SVG_TITLE_ID "ladder-title"
#define SVG_DESC_ID "ladder-desc"

/* What the map's document is called when the ladder has no title. */
#define SVG_UNTITLED "Career ladder"

/* SVG_UNNAMED: a group whose Graphviz title is an internal name and says
 * nothing to a reader (the graph's "ladder", the axes' and the legend rows'
 * "_axis_origin", "_legend_track_0"): its title goes. */
enum emit_svg_group { SVG_OTHER, SVG_UNNAMED, SVG_ROLE, SVG_BOX, SVG_MOVE, SVG_LEGEND };

/* An SVG in memory; every index is < len or equal to it (not found). */
struct emit_svg_text {
    const char *s;
    size_t len;
};

static bool emit_svg_at(const struct emit_svg_text *t, size_t i, const char *word)
{
    size_t n = strlen(word);
    return i <= t->len && t->len - i >= n && memcmp(t->s + i, word, n) == 0;
}

static bool emit_svg_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static size_t emit_svg_skip_space(const struct emit_svg_text *t, size_t i)
{
    while (i < t->len && emit_svg_is_space(t->s[i]))
        i++;
    return i;
}

/* Just past the first occurrence of word at or after i, or len. word is a short
 * constant ("-->", "]]>", "?>"), so trying it at each position is linear. */
static size_t emit_svg_past(const struct emit_svg_text *t, size_t i, const char *word)
{
    size_t n = strlen(word);
    while (i < t->len) {
        const char *p = memchr(t->s + i, word[0], t->len - i);
        if (!p)
            return t->len;
        i = (size_t)(p - t->s);
        if (emit_svg_at(t, i, word))
            return i + n;
        i++;
    }
    return t->len;
}

/* The '>' that ends the tag starting at i ('<'), outside quoted values, or
 * len when the tag does not end. */
static size_t emit_svg_tag_end(const struct emit_svg_text *t, size_t i)
{
    char quote = 0;
    for (i++; i < t->len; i++) {
        char c = t->s[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return i;
        } else if (c == '<') {
            return t->len;      /* not well-formed: stop recognising */
        }
    }
    return t->len;
}

/* The value of attribute name in the tag [start, end) (start at '<', end at
 * '>'), as [*v0, *v1) of raw bytes; false when the tag has none. */
static bool emit_svg_attr(const struct emit_svg_text *t, size_t start, size_t end, const char *name, size_t *v0,
                          size_t *v1)
{
    size_t n = strlen(name), i = start + 1;
    while (i < end && !emit_svg_is_space(t->s[i]))
        i++;            /* the element's name */
    while (i < end) {
        i = emit_svg_skip_space(t, i);
        size_t a = i;
        while (i < end && t->s[i] != '=' && !emit_svg_is_space(t->s[i]))
            i++;
        size_t alen = i - a;
        i = emit_svg_skip_space(t, i);
        if (i >= end || t->s[i] != '=')
            return false;   /* "/" before '>', or not an attribute: nothing more to read */
        i = emit_svg_skip_space(t, i + 1);
        if (i >= end || (t->s[i] != '"' && t->s[i] != '\''))
            return false;
        char quote = t->s[i++];
        size_t v = i;
        while (i < end && t->s[i] != quote)
            i++;
        if (i >= end)
            return false;
        if (alen == n && memcmp(t->s + a, name, n) == 0) {
            *v0 = v, *v1 = i;
            return true;
        }
        i++;
    }
    return false;
}

/* The attribute value [v0, v1) with the character references Graphviz
 * writes decoded ("box&#45;3" is "box-3"), into out (NUL-terminated); false
 * when it does not fit or has a reference we do not read, which no id of
 * ours has. */
static bool emit_svg_decode_id(const struct emit_svg_text *t, size_t v0, size_t v1, char *out, size_t outsz)
{
    size_t n = 0;
    for (size_t i = v0; i < v1; i++) {
        char c = t->s[i];
        if (c == '&') {
            if (v1 - i >= 5 && memcmp(t->s + i, "&#45;", 5) == 0)
                c = '-', i += 4;
            else
                return false;
        }
        if (n + 1 >= outsz)
            return false;
        out[n++] = c;
    }
    out[n] = '\0';
    return true;
}

/* "12" as an index below limit; false for anything else (a sign, a leading
 * zero, no digits, too many). */
static bool emit_svg_index(const char *s, size_t limit, size_t *out)
{
    size_t v = 0;
    if (!*s || (s[0] == '0' && s[1]))
        return false;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > (SIZE_MAX - 9) / 10)
            return false;
        v = v * 10 + (size_t)(*s - '0');
    }
    if (v >= limit)
        return false;
    *out = v;
    return true;
}

static bool emit_svg_attr_is(const struct emit_svg_text *t, size_t start, size_t end, const char *name,
                             const char *value)
{
    size_t v0, v1;
    return emit_svg_attr(t, start, end, name, &v0, &v1) && v1 - v0 == strlen(value) &&
           memcmp(t->s + v0, value, v1 - v0) == 0;
}

/* Which of our groups the <g> tag [start, end] opens, and its index. Every
 * role, box, move and the legend carries an id of ours (emit_dot), so a
 * node or an edge without one is a part of the frame: an axis, its title,
 * a legend row; and Graphviz's group of the whole drawing is "graph". */
static enum emit_svg_group emit_svg_classify(const struct model *m, const struct emit_svg_text *t, size_t start,
                                             size_t end, size_t *index)
{
    size_t v0, v1;
    char id[32];
    if (!emit_svg_attr(t, start, end, "id", &v0, &v1) || !emit_svg_decode_id(t, v0, v1, id, sizeof id))
        id[0] = '\0';
    if (strncmp(id, "role-", 5) == 0 && emit_svg_index(id + 5, m->nroles, index))
        return SVG_ROLE;
    if (strncmp(id, "box-", 4) == 0 && emit_svg_index(id + 4, m->nboxes, index))
        return SVG_BOX;
    if (strncmp(id, "move-", 5) == 0 && emit_svg_index(id + 5, m->ntransitions, index))
        return SVG_MOVE;
    if (strcmp(id, "legend") == 0)
        return SVG_LEGEND;
    if (emit_svg_attr_is(t, start, end, "class", "graph") || emit_svg_attr_is(t, start, end, "class", "node") ||
        emit_svg_attr_is(t, start, end, "class", "edge"))
        return SVG_UNNAMED;
    return SVG_OTHER;
}

/* ---- what each title says ------------------------------------------------ */

static void emit_svg_put_text(struct buf *b, const char *s)
{
    escape_xml(b, s, strlen(s));
}

/* Level n of a ladder whose levels are written prefix + number. */
static void emit_svg_put_level(struct buf *b, const char *prefix, int n)
{
    emit_svg_put_text(b, prefix);
    buf_printf(b, "%d", n);
}

/* "L5", "L6 to L8": words, not the map's "..", which a screen reader
 * spells out. */
static void emit_svg_put_levels(struct buf *b, const char *prefix, int lo, int hi)
{
    emit_svg_put_level(b, prefix, lo);
    if (hi != lo) {
        buf_puts(b, " to ");
        emit_svg_put_level(b, prefix, hi);
    }
}

/* "Senior Engineer (L5, Individual contributor)": the name, the levels in
 * its track's names, and the track, which the map shows only by colour. */
static void emit_svg_put_role(struct buf *b, const struct model *m, const struct model_role *r)
{
    const struct model_track *t = r->track < m->ntracks ? &m->tracks[r->track] : NULL;
    const char *prefix = t && t->level_prefix ? t->level_prefix : m->level_prefix;
    int shift = t ? t->shift : 0;
    emit_svg_put_text(b, r->name);
    buf_puts(b, " (");
    emit_svg_put_levels(b, prefix, r->lo - shift, r->hi - shift);
    if (t) {
        buf_puts(b, ", ");
        emit_svg_put_text(b, t->name);
    }
    buf_putc(b, ')');
}

/* "Box Staff+: levels L7 to L9", "Box Early: level L1". */
static void emit_svg_put_box(struct buf *b, const struct model *m, const struct model_box *box)
{
    buf_puts(b, "Box ");
    emit_svg_put_text(b, box->name);
    buf_puts(b, box->lo == box->hi ? ": level " : ": levels ");
    emit_svg_put_levels(b, m->level_prefix, box->lo, box->hi);
}

static void emit_svg_put_number(struct buf *b, double v)
{
    char num[64];
    buf_puts(b, model_number_text(v, num, sizeof num));
}

/* "3 to 8 years", "1 year", "2 or more years". */
static void emit_svg_put_years(struct buf *b, struct model_years y)
{
    emit_svg_put_number(b, y.min);
    if (y.open)
        buf_puts(b, " or more years");
    else if (y.max != y.min) {
        buf_puts(b, " to ");
        emit_svg_put_number(b, y.max);
        buf_puts(b, " years");
    } else
        buf_puts(b, y.min == 1 ? " year" : " years");
}

/* "Staff Engineer → Principal Engineer: promotion, 3 to 8 years". */
static void emit_svg_put_move(struct buf *b, const struct model *m, const struct model_transition *mv)
{
    emit_svg_put_text(b, m->roles[mv->from].name);
    buf_puts(b, " \xE2\x86\x92 ");      /* U+2192, read as "right arrow" */
    emit_svg_put_text(b, m->roles[mv->to].name);
    buf_puts(b, ": ");
    buf_puts(b, model_kind_name(mv->kind));
    if (mv->years.known) {
        buf_puts(b, ", ");
        emit_svg_put_years(b, mv->years);
    }
}

static const char *emit_svg_title(const struct model *m)
{
    return m->title && m->title[0] ? m->title : SVG_UNTITLED;
}

static void emit_svg_put_count(struct buf *b, size_t n, const char *one, const char *many)
{
    buf_printf(b, "%zu %s", n, n == 1 ? one : many);
}

/* "16 roles in 3 tracks, levels L5 to L11; 4 boxes, 18 moves.": what the
 * map holds, in the scale's level names. Boxes count only when drawn (they
 * hold a role). */
static void emit_svg_put_summary(struct buf *b, const struct model *m)
{
    emit_svg_put_count(b, m->nroles, "role", "roles");
    buf_puts(b, " in ");
    emit_svg_put_count(b, m->ntracks, "track", "tracks");
    if (m->nroles) {
        int lo = m->roles[0].lo, hi = m->roles[0].hi;
        for (size_t i = 1; i < m->nroles; i++) {
            lo = m->roles[i].lo < lo ? m->roles[i].lo : lo;
            hi = m->roles[i].hi > hi ? m->roles[i].hi : hi;
        }
        buf_puts(b, lo == hi ? ", level " : ", levels ");
        emit_svg_put_levels(b, m->level_prefix, lo, hi);
    }
    size_t drawn = 0;
    if (m->nboxes) {
        bool *held = heap_calloc(b->heap, m->nboxes, sizeof *held);
        for (size_t i = 0; i < m->nroles; i++)
            if (m->roles[i].box >= 0 && (size_t)m->roles[i].box < m->nboxes && !held[m->roles[i].box])
                held[m->roles[i].box] = true, drawn++;
        heap_free(b->heap, held);
    }
    const char *sep = "; ";
    if (drawn) {
        buf_puts(b, sep);
        emit_svg_put_count(b, drawn, "box", "boxes");
        sep = ", ";
    }
    if (m->ntransitions) {
        buf_puts(b, sep);
        emit_svg_put_count(b, m->ntransitions, "move", "moves");
    }
    buf_putc(b, '.');
}

static void emit_svg_put_group_title(struct buf *b, const struct model *m, enum emit_svg_group g, size_t i)
{
    switch (g) {
    case SVG_ROLE:
        emit_svg_put_role(b, m, &m->roles[i]);
        break;
    case SVG_BOX:
        emit_svg_put_box(b, m, &m->boxes[i]);
        break;
    case SVG_MOVE:
        emit_svg_put_move(b, m, &m->transitions[i]);
        break;
    case SVG_LEGEND:
        buf_puts(b, "Legend");
        break;
    default:
        break;
    }
}

/* ---- the pass --------------------------------------------------------------- */

/* Where the root <svg> start tag begins, after the XML declaration, the
 * DOCTYPE (without an internal subset, as Graphviz writes it), comments,
 * processing instructions and blanks; len when the document does not start
 * that way. */
static size_t emit_svg_root(const struct emit_svg_text *t)
{
    size_t i = 0;
    for (;;) {
        i = emit_svg_skip_space(t, i);
        if (emit_svg_at(t, i, "<?")) {
            i = emit_svg_past(t, i + 2, "?>");
        } else if (emit_svg_at(t, i, "<!--")) {
            i = emit_svg_past(t, i + 4, "-->");
        } else if (emit_svg_at(t, i, "<!DOCTYPE")) {
            size_t end = emit_svg_tag_end(t, i);
            if (end == t->len || memchr(t->s + i, '[', end - i))
                return t->len;
            i = end + 1;
        } else if (emit_svg_at(t, i, "<svg") && i + 4 < t->len &&
                   (emit_svg_is_space(t->s[i + 4]) || t->s[i + 4] == '>')) {
            return i;
        } else {
            return t->len;
        }
    }
}

/* The root start tag [start, end] with role and the two aria attributes,
 * then the new <title> and <desc> as its first children. */
static void emit_svg_put_root(struct buf *out, const struct model *m, const struct emit_svg_text *t, size_t start,
                              size_t end)
{
    buf_put(out, t->s + start, end - start);
    buf_puts(out, " role=\"img\" aria-labelledby=\"" SVG_TITLE_ID "\" aria-describedby=\"" SVG_DESC_ID "\">");
    buf_puts(out, "\n<title id=\"" SVG_TITLE_ID "\">");
    emit_svg_put_text(out, emit_svg_title(m));
    buf_puts(out, "</title>\n<desc id=\"" SVG_DESC_ID "\">");
    emit_svg_put_summary(out, m);
    buf_puts(out, "</desc>");
}

/* After a group's start tag (ending at i): the extent [*t0, *t1) of the
 * <title>...</title> that is its first child, holding text only; false
 * when there is none. */
static bool emit_svg_first_title(const struct emit_svg_text *t, size_t i, size_t *t0, size_t *t1)
{
    size_t open = emit_svg_skip_space(t, i), text = open + strlen("<title>");
    if (!emit_svg_at(t, open, "<title>"))
        return false;
    const char *lt = memchr(t->s + text, '<', t->len - text);
    if (!lt || !emit_svg_at(t, (size_t)(lt - t->s), "</title>"))
        return false;
    *t0 = open;
    *t1 = (size_t)(lt - t->s) + strlen("</title>");
    return true;
}

/* The group whose start tag is [start, end]: copied, then its title
 * rewritten (ours), dropped (an internal name), or left. Returns where
 * copying goes on. */
static size_t emit_svg_put_group(struct buf *out, const struct model *m, const struct emit_svg_text *t,
                                 size_t start, size_t end)
{
    size_t index = 0, t0, t1;
    enum emit_svg_group g = emit_svg_classify(m, t, start, end, &index);
    buf_put(out, t->s + start, end + 1 - start);
    if (g == SVG_OTHER || !emit_svg_first_title(t, end + 1, &t0, &t1))
        return end + 1;
    if (g != SVG_UNNAMED) {
        buf_put(out, t->s + end + 1, t0 - (end + 1));      /* the line break before it */
        buf_puts(out, "<title>");
        emit_svg_put_group_title(out, m, g, index);
        buf_puts(out, "</title>");
    }
    return t1;
}

/* Copies from i on, rewriting the groups' titles. */
static void emit_svg_put_body(struct buf *out, const struct model *m, const struct emit_svg_text *t, size_t i)
{
    while (i < t->len) {
        const char *lt = memchr(t->s + i, '<', t->len - i);
        size_t k = lt ? (size_t)(lt - t->s) : t->len;
        buf_put(out, t->s + i, k - i);
        if (k == t->len)
            return;
        size_t next;
        if (emit_svg_at(t, k, "<!--")) {
            next = emit_svg_past(t, k + 4, "-->");
        } else if (emit_svg_at(t, k, "<![CDATA[")) {
            next = emit_svg_past(t, k + 9, "]]>");
        } else if (emit_svg_at(t, k, "<g") && k + 2 < t->len && emit_svg_is_space(t->s[k + 2])) {
            size_t end = emit_svg_tag_end(t, k);
            if (end == t->len) {
                buf_put(out, t->s + k, t->len - k);
                return;
            }
            i = emit_svg_put_group(out, m, t, k, end);
            continue;
        } else {
            next = k + 1;
        }
        buf_put(out, t->s + k, next - k);
        i = next;
    }
}

/* Whether the root tag [start, end] can take our attributes: it is not
 * empty ("<svg/>" has no children) and has no role or aria-labelledby of
 * its own (finished already, or someone else's). */
static bool emit_svg_root_is_ours(const struct emit_svg_text *t, size_t start, size_t end)
{
    size_t v0, v1;
    return t->s[end - 1] != '/' && !emit_svg_attr(t, start, end, "role", &v0, &v1) &&
           !emit_svg_attr(t, start, end, "aria-labelledby", &v0, &v1);
}

void emit_svg_finish(const struct model *m, const char *svg, size_t len, struct buf *out)
{
    struct emit_svg_text t = {svg ? svg : "", svg ? len : 0};
    size_t start = emit_svg_root(&t);
    size_t end = start < t.len ? emit_svg_tag_end(&t, start) : t.len;
    if (end == t.len || !emit_svg_root_is_ours(&t, start, end)) {
        buf_put(out, t.s, t.len);
        return;
    }
    buf_put(out, t.s, start);
    emit_svg_put_root(out, m, &t, start, end);
    emit_svg_put_body(out, m, &t, end + 1);
}
