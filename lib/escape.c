/* escape.c - the escapers of escape.h. */
#include "escape.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "util.h"

/* Markdown: text must render as itself under GitHub, which is cmark-gfm
 * with the autolink extension plus filters that run on the rendered text
 * (mentions, issue references, emoji) and a math extension.
 *
 * - Every ASCII punctuation character that means something to CommonMark or
 *   GFM gets a backslash, which CommonMark defines as "this character,
 *   literally"; in a table, "\|" is the one way to write a pipe. '$' too:
 *   GitHub's math takes "\$" as a dollar sign.
 * - Autolinks: cmark-gfm's extension starts a URL at a ':' followed by "//"
 *   and a "www." link at its 'w', reading the raw text, so "http\://" and
 *   "www\." are no longer links; an e-mail address needs a domain right
 *   after its '@', which the zero-width space below breaks.
 * - GitHub's filters match "@name", "#123", "GH-123" and ":name:" in the
 *   rendered text, after backslashes are gone: a zero-width space
 *   (&#8203;, U+200B) after the '@', the '#', the "GH-" or the first ':'
 *   breaks the pattern and shows nothing (Renovate's sanitizeMarkdown
 *   breaks mentions and references the same way).
 * - Line breaks and other control characters would end the row, so they
 *   become spaces; C1 controls, bidi overrides and isolates and zero-width
 *   characters (escape_masked_len) would reorder or hide what a reviewer
 *   reads, so each becomes U+FFFD, visibly. */

#define ESCAPE_MD_ZWSP "&#8203;"

/* Per ASCII byte: 3 is a control character and becomes a space (a tab, the
 * one the scanner lets into text; the others and DEL only should another
 * caller pass them: table entries, not a branch no input can take), 2 takes
 * a backslash, 1 may need a look around (':', '.', '-'), 0 is written as it
 * is. Bytes from 0x80 on are looked at as UTF-8. */
static const unsigned char escape_md_special[256] = {
    [1] = 3, [2] = 3, [3] = 3, [4] = 3, [5] = 3, [6] = 3, [7] = 3, [8] = 3, [9] = 3, [10] = 3, [11] = 3,
    [12] = 3, [13] = 3, [14] = 3, [15] = 3, [16] = 3, [17] = 3, [18] = 3, [19] = 3, [20] = 3, [21] = 3,
    [22] = 3, [23] = 3, [24] = 3, [25] = 3, [26] = 3, [27] = 3, [28] = 3, [29] = 3, [30] = 3, [31] = 3,
    [127] = 3,
    ['\\'] = 2, ['|'] = 2, ['`'] = 2, ['*'] = 2, ['_'] = 2, ['['] = 2, [']'] = 2, ['<'] = 2,
    ['>'] = 2, ['&'] = 2, ['#'] = 2, ['!'] = 2, ['~'] = 2, ['$'] = 2, ['@'] = 2,
    [':'] = 1, ['.'] = 1, ['-'] = 1,
};

static bool escape_md_is_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* p[0] is ':' opening ":name:", the form of an emoji shortcode. */
static bool escape_md_opens_emoji(const unsigned char *p)
{
    const unsigned char *q = p + 1;
    while (escape_md_is_alnum(*q) || *q == '_' || *q == '+' || *q == '-')
        q++;
    return q > p + 1 && *q == ':';
}

/* s[0..i) ends with "www" or "gh" (any case): a case-blind suffix test. */
static bool escape_md_after(const unsigned char *s, size_t i, const char *word)
{
    size_t n = strlen(word);
    if (i < n)
        return false;
    for (size_t k = 0; k < n; k++)
        if ((s[i - n + k] | 0x20) != word[k])
            return false;
    return true;
}

void escape_md(struct buf *b, const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; s[i]; i++) {
        unsigned char c = s[i];
        if (escape_md_special[c] == 3) {
            buf_putc(b, ' ');
            continue;
        }
        if (c >= 0x80) {    /* every masked code point (escape_masked_len), whatever its first byte */
            size_t n = escape_masked_len(s + i, strnlen((const char *)s + i, 4));
            if (n) {
                buf_puts(b, "\xEF\xBF\xBD");     /* U+FFFD REPLACEMENT CHARACTER */
                i += n - 1;
            } else {
                buf_putc(b, (char)c);
            }
            continue;
        }
        if (escape_md_special[c] == 0) {    /* most bytes: letters, digits, spaces */
            buf_putc(b, (char)c);
            continue;
        }
        if (escape_md_special[c] == 2 || (c == ':' && s[i + 1] == '/' && s[i + 2] == '/') ||
            (c == '.' && escape_md_after(s, i, "www")))
            buf_putc(b, '\\');
        buf_putc(b, (char)c);
        if (c == '@' || (c == '#' && escape_md_is_alnum(s[i + 1])) ||
            (c == '-' && escape_md_after(s, i, "gh") && s[i + 1] >= '0' && s[i + 1] <= '9') ||
            (c == ':' && escape_md_opens_emoji(s + i)))
            buf_puts(b, ESCAPE_MD_ZWSP);
    }
}

/* The code point of a valid UTF-8 sequence of len bytes as \uXXXX, or as
 * a surrogate pair above the BMP. */
static void escape_json_u(struct buf *b, const unsigned char *p, size_t len)
{
    static const unsigned char lead_mask[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
    unsigned long cp = p[0] & lead_mask[len];
    for (size_t k = 1; k < len; k++)
        cp = cp << 6 | (p[k] & 0x3F);
    if (cp > 0xFFFF) {
        cp -= 0x10000;
        buf_printf(b, "\\u%04lx\\u%04lx", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
    } else {
        buf_printf(b, "\\u%04lx", cp);
    }
}

void escape_json(struct buf *b, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    buf_putc(b, '"');
    for (size_t i = 0; i < n;) {
        unsigned char c = u[i];
        if (c == '"' || c == '\\') {
            buf_putc(b, '\\');
            buf_putc(b, (char)c);
            i++;
        } else if (c == '\n') {
            buf_puts(b, "\\n");
            i++;
        } else if (c == '\t') {
            buf_puts(b, "\\t");
            i++;
        } else if (c < 0x20 || c == 0x7F) {
            buf_printf(b, "\\u%04x", c);
            i++;
        } else if (c < 0x80) {
            buf_putc(b, (char)c);
            i++;
        } else {
            size_t len = util_utf8_len(u + i, n - i);
            if (len == 0) {
                buf_puts(b, "\xEF\xBF\xBD");    /* U+FFFD REPLACEMENT CHARACTER */
                i++;
            } else if (escape_masked_len(u + i, n - i)) {
                escape_json_u(b, u + i, len);       /* the same string, but nothing raw for a terminal */
                i += len;
            } else {
                buf_put(b, s + i, len);
                i += len;
            }
        }
    }
    buf_putc(b, '"');
}

/* What must not reach a reader raw: C0 and C1 controls and DEL; bidi marks,
 * embeddings, overrides and isolates; zero-width and other invisible
 * characters (soft hyphen, joiners, invisible operators, fillers, the
 * interlinear annotation marks, tag characters); line and paragraph
 * separators. Each reorders, hides or breaks what is shown around it. */
size_t escape_masked_len(const unsigned char *s, size_t n)
{
    size_t len = util_utf8_len(s, n);
    unsigned a = len > 1 ? s[1] : 0, b = len > 2 ? s[2] : 0;
    switch (len) {
    case 0:                 /* invalid UTF-8: a byte from 0x80 on, so not masked */
    case 1:
        return (s[0] < 0x20 && s[0] != '\t') || s[0] == 0x7F ? 1 : 0;
    case 2:
        return (s[0] == 0xC2 && (a < 0xA0 || a == 0xAD)) ||        /* C1, U+00AD soft hyphen */
               (s[0] == 0xCD && a == 0x8F) ||                       /* U+034F grapheme joiner */
               (s[0] == 0xD8 && a == 0x9C) ? 2 : 0;                 /* U+061C Arabic letter mark */
    case 3:
        if (s[0] == 0xE2 && a == 0x80)                              /* U+200B..200F, U+2028..202E */
            return (b >= 0x8B && b <= 0x8F) || (b >= 0xA8 && b <= 0xAE) ? 3 : 0;
        if (s[0] == 0xE2 && a == 0x81)                              /* U+2060..206F */
            return b >= 0xA0 && b <= 0xAF ? 3 : 0;
        if (s[0] == 0xE1)                                           /* U+115F, U+1160, U+180E */
            return (a == 0x85 && (b == 0x9F || b == 0xA0)) || (a == 0xA0 && b == 0x8E) ? 3 : 0;
        if (s[0] == 0xE3 && a == 0x85 && b == 0xA4)                 /* U+3164 Hangul filler */
            return 3;
        if (s[0] == 0xEF)                                           /* U+FEFF, U+FFA0, U+FFF9..FFFB */
            return (a == 0xBB && b == 0xBF) || (a == 0xBE && b == 0xA0) || (a == 0xBF && b >= 0xB9 && b <= 0xBB)
                   ? 3 : 0;
        return 0;
    default:                                                        /* 4: U+E0000..E007F tags */
        return s[0] == 0xF3 && a == 0xA0 && (b == 0x80 || b == 0x81) ? 4 : 0;
    }
}

void escape_terminal(struct buf *b, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        size_t len = util_utf8_len(u + i, n - i);
        if (len == 0) {
            if ((u[i] & 0xC0) != 0x80)
                buf_putc(b, '?');               /* one column per code point, as the scanner counts */
            i++;
        } else if (escape_masked_len(u + i, n - i)) {
            buf_putc(b, '?');
            i += len;
        } else {
            buf_put(b, s + i, len);
            i += len;
        }
    }
}

/* ---- file names and quoted text ---- */

/* The length of the safe code point at s, or 0 when it is unsafe in a file
 * name: a control, DEL, a masked code point, invalid UTF-8, '"' or '\\'. */
static size_t escape_name_safe_len(const unsigned char *s, size_t n)
{
    if (*s == '"' || *s == '\\' || *s == '\t')
        return 0;
    size_t len = util_utf8_len(s, n);
    return len && !escape_masked_len(s, n) ? len : 0;
}

/* Plain: every code point safe, and the name cannot start a line that a CI
 * runner reads as a command (GitHub Actions takes a line whose first
 * non-blank characters are "::" as a workflow command, and the name starts
 * each diagnostic's line). */
static bool escape_name_is_plain(const unsigned char *s, size_t n)
{
    if (n > 0 && (s[0] == ':' || s[0] == ' '))
        return false;
    for (size_t i = 0; i < n;) {
        size_t len = escape_name_safe_len(s + i, n - i);
        if (!len)
            return false;
        i += len;
    }
    return true;
}

static void escape_name_byte(struct buf *b, unsigned char c)
{
    static const char named[] = "\a\b\t\n\v\f\r\"\\", letter[] = "abtnvfr\"\\";
    const char *k = memchr(named, c, sizeof named - 1);    /* the terminator is not one of them */
    if (k) {
        buf_putc(b, '\\');
        buf_putc(b, letter[k - named]);
    } else {
        buf_printf(b, "\\%03o", c);
    }
}

void escape_filename(struct buf *b, const char *name)
{
    const unsigned char *u = (const unsigned char *)name;
    size_t n = strlen(name);
    if (escape_name_is_plain(u, n)) {
        buf_put(b, name, n);
        return;
    }
    buf_putc(b, '"');
    for (size_t i = 0; i < n;) {
        size_t len = escape_name_safe_len(u + i, n - i);
        if (len) {
            buf_put(b, name + i, len);
            i += len;
            continue;
        }
        /* a masked code point goes out byte by byte, so no part of it stays */
        size_t bad = util_utf8_len(u + i, n - i);
        for (size_t k = 0; k < (bad ? bad : 1); k++)
            escape_name_byte(b, u[i + k]);
        i += bad ? bad : 1;
    }
    buf_putc(b, '"');
}

const char *escape_filename_str(struct buf *b, const char *name)
{
    b->len = 0;
    escape_filename(b, name);
    buf_putc(b, '\0');
    return b->data;
}

/* The code point of the valid UTF-8 sequence of len bytes at s. */
static unsigned long escape_code_point(const unsigned char *s, size_t len)
{
    static const unsigned char lead_mask[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
    unsigned long cp = s[0] & lead_mask[len];
    for (size_t k = 1; k < len; k++)
        cp = cp << 6 | (s[k] & 0x3F);
    return cp;
}

void escape_quoted(struct buf *b, const char *s, size_t n, size_t max)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t points = 0, i = 0;
    for (; i < n && points < max; points++) {
        size_t len = util_utf8_len(u + i, n - i);
        if (len == 0) {
            buf_printf(b, "<0x%02X>", u[i]);
            i++;
        } else if (escape_masked_len(u + i, n - i)) {
            buf_printf(b, "<U+%04lX>", escape_code_point(u + i, len));
            i += len;
        } else {
            buf_put(b, s + i, len);
            i += len;
        }
    }
    if (i < n)
        buf_puts(b, "\xE2\x80\xA6");    /* U+2026 HORIZONTAL ELLIPSIS */
}

void escape_github(struct buf *b, const char *s, bool property)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        unsigned char c = u[i];
        size_t len = util_utf8_len(u + i, n - i);
        if (len == 0 || escape_masked_len(u + i, n - i) || c == '%' ||
            (property && (c == ':' || c == ','))) {
            size_t bad = len ? len : 1;
            for (size_t k = 0; k < bad; k++)
                buf_printf(b, "%%%02X", u[i + k]);
            i += bad;
        } else {
            buf_put(b, s + i, len);
            i += len;
        }
    }
}

/* escape_dot's loop; backslash is what a backslash becomes. Graphviz copies
 * U+FFFE and U+FFFF into the SVG, where XML forbids them (the checker lets
 * them through, as valid UTF-8): they become U+FFFD here. */
static void escape_dot_with(struct buf *b, const char *s, const char *backslash)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) {
            buf_puts(b, "\xEF\xBF\xBD");
            p += 2;
            continue;
        }
        switch (*p) {
        case '\\': buf_puts(b, backslash); break;
        case '"': buf_puts(b, "\\\""); break;
        case '&': buf_puts(b, "&amp;"); break;
        default: buf_putc(b, (*p < 32 || *p == 127) ? ' ' : (char)*p); break;
        }
    }
}

void escape_dot(struct buf *b, const char *s)
{
    escape_dot_with(b, s, "\\\\");
}

void escape_dot_tooltip(struct buf *b, const char *s)
{
    escape_dot_with(b, s, "\\\\\\\\");
}

/* ---- web addresses ------------------------------------------------------- */

bool escape_url_is_web(const char *url)
{
    size_t n = strncasecmp(url, "https://", 8) == 0 ? 8 : strncasecmp(url, "http://", 7) == 0 ? 7 : 0;
    if (!n || !url[n])
        return false;
    for (const unsigned char *p = (const unsigned char *)url + n; *p; p++)
        if (*p <= ' ' || *p == 0x7F)
            return false;
    return true;
}

static void escape_percent(struct buf *b, unsigned char c)
{
    buf_printf(b, "%%%02X", c);
}

/* In a CommonMark link destination: what takes a backslash. Letters,
 * digits and the URL punctuation that CommonMark leaves alone
 * (/ : . - ? = # % + , ; ~ ! $ ' @) are written as they are. '&' is not
 * here: cmark decodes entities in a destination before it removes
 * backslashes, so "\&amp;" would still become "&"; it is written "&amp;". */
static bool escape_md_url_special(unsigned char c)
{
    return c != 0 && strchr("\\()<>[]*_\"`|{}^", c) != NULL;
}

void escape_md_link(struct buf *b, const char *text, const char *url)
{
    if (!escape_url_is_web(url)) {
        escape_md(b, text);
        return;
    }
    buf_putc(b, '[');
    escape_md(b, text);
    buf_puts(b, "](");
    for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
        if (*p <= ' ' || *p >= 0x7F)
            escape_percent(b, *p);
        else if (*p == '&')
            buf_puts(b, "&amp;");
        else {
            if (escape_md_url_special(*p))
                buf_putc(b, '\\');
            buf_putc(b, (char)*p);
        }
    }
    buf_putc(b, ')');
}

void escape_dot_url(struct buf *b, const char *url)
{
    for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
        if (*p <= ' ' || *p >= 0x7F || *p == '"' || *p == '\\' || *p == '<' || *p == '>')
            escape_percent(b, *p);
        else if (*p == '&')
            buf_puts(b, "&amp;");
        else
            buf_putc(b, (char)*p);
    }
}

/* XML 1.0 allows tab, line feed and carriage return among the C0 controls,
 * and no U+FFFE or U+FFFF; a parser rejects the rest, even as character
 * references, and rejects invalid UTF-8. Markup characters become entities:
 * '>' too, so that "]]>" (forbidden in character data) cannot appear, and
 * both quotes, so the same text is safe in an attribute value. */
void escape_xml(struct buf *b, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        unsigned char c = u[i];
        const char *entity = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;"
                           : c == '"' ? "&quot;" : c == '\'' ? "&#39;" : NULL;
        if (entity) {
            buf_puts(b, entity);
            i++;
        } else if (c < 0x20 || c == 0x7F) {
            buf_putc(b, ' ');       /* one line of text: a line break or a control reads as a space */
            i++;
        } else if (c < 0x80) {
            buf_putc(b, (char)c);
            i++;
        } else {
            size_t len = util_utf8_len(u + i, n - i);
            bool c1 = len == 2 && c == 0xC2 && u[i + 1] < 0xA0;                 /* U+0080..U+009F */
            bool nonchar = len == 3 && c == 0xEF && u[i + 1] == 0xBF && u[i + 2] >= 0xBE;  /* U+FFFE, U+FFFF */
            if (len == 0 || c1 || nonchar)
                buf_puts(b, "\xEF\xBF\xBD");    /* U+FFFD REPLACEMENT CHARACTER */
            else
                buf_put(b, s + i, len);
            i += len ? len : 1;
        }
    }
}

void escape_html(struct buf *b, const char *s)
{
    escape_xml(b, s, strlen(s));
}

void escape_script_json(struct buf *b, const char *s, size_t n)
{
    size_t run = 0;     /* s[run..i) is copied as it is */
    for (size_t i = 0; i < n; i++) {
        const char *esc = NULL;
        size_t skip = 1;
        if (s[i] == '<') {
            esc = "\\u003c";
        } else if (s[i] == '\xE2' && i + 2 < n && s[i + 1] == '\x80' && (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {
            esc = s[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
            skip = 3;
        }
        if (!esc)
            continue;
        buf_put(b, s + run, i - run);
        buf_puts(b, esc);
        i += skip - 1;
        run = i + 1;
    }
    buf_put(b, s + run, n - run);
}
