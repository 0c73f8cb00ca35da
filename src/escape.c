/* escape.c - the escapers of escape.h. */
#include "escape.h"

#include <string.h>

#include "util.h"

/* Every ASCII punctuation character that means something to CommonMark or
 * GFM gets a backslash, which CommonMark defines as "this character,
 * literally"; in a table, "\|" is the one way to write a pipe. Line breaks
 * and other control characters would end the row, so they become spaces. */
void escape_md(struct buf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 32 || *p == 127)
            buf_putc(b, ' ');
        else {
            if (strchr("\\|`*_[]<>&#!~", *p))
                buf_putc(b, '\\');
            buf_putc(b, (char)*p);
        }
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
            } else {
                buf_put(b, s + i, len);
                i += len;
            }
        }
    }
    buf_putc(b, '"');
}

size_t escape_masked_len(const unsigned char *s, size_t n)
{
    size_t len = util_utf8_len(s, n);
    if (len == 1)
        return (s[0] < 0x20 && s[0] != '\t') || s[0] == 0x7F ? 1 : 0;
    if (len == 2)
        return s[0] == 0xC2 && s[1] < 0xA0 ? 2 : 0;                 /* C1: U+0080..U+009F */
    if (len == 3 && s[0] == 0xE2 && s[1] == 0x80)
        return (s[2] >= 0x8B && s[2] <= 0x8F) ||                    /* U+200B..200F zero width, LRM, RLM */
               (s[2] >= 0xAA && s[2] <= 0xAE) ? 3 : 0;              /* U+202A..202E embeddings, overrides */
    if (len == 3 && s[0] == 0xE2 && s[1] == 0x81)
        return (s[2] >= 0xA6 && s[2] <= 0xA9) || s[2] == 0xA0 ? 3 : 0;  /* U+2066..2069 isolates, U+2060 */
    if (len == 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        return 3;                                                   /* U+FEFF zero width no-break space */
    return 0;
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
