/* escape.h - one escaper per output language: whatever a user typed (names,
 * titles, file names) goes through one of these on its way out, and nowhere
 * else is user text written raw.
 *
 * Each appends to a buffer. None allocates but through the buffer, and each
 * costs one pass over its input. */
#ifndef LADDERC_ESCAPE_H
#define LADDERC_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* Text for a GitHub-flavoured Markdown table cell or heading that renders as
 * the very characters given: no markup, no link, no raw HTML, no line break. */
void escape_md(struct buf *b, const char *s);

/* Whether url may become a link: "https://" or "http://" (any case), then
 * at least one byte, and no blank, control character or DEL (what the
 * checker accepts, E185). Backends test it again before writing a link, so
 * that no javascript:, data: or file: address reaches an href whatever the
 * model holds. */
bool escape_url_is_web(const char *url);

/* A Markdown link that shows text (as escape_md writes it) and goes to url,
 * when url is a web address (escape_url_is_web); otherwise the text alone.
 * The destination keeps the address: ASCII punctuation that means
 * something to CommonMark ('(' ')' '<' '>' '\\' '|'...) gets a backslash,
 * which CommonMark reads as the character itself, '&' is written "&amp;"
 * (entities are decoded there), and bytes outside printable ASCII become
 * %XX. */
void escape_md_link(struct buf *b, const char *text, const char *url);

/* A web address for the inside of a Graphviz DOT string that Graphviz
 * copies into an SVG href (URL=): '"', '\\', '<', '>', bytes outside
 * printable ASCII and blanks become %XX, so the string cannot end, no
 * Graphviz escape (\N, \G...) is left to expand, and the attribute stays
 * well-formed XML; '&' becomes "&amp;", which Graphviz passes through as an
 * entity (it copies "&name;" verbatim, which would otherwise be an
 * undefined entity in the SVG). Call it only for a web address. */
void escape_dot_url(struct buf *b, const char *url);

/* A JSON string, quotes included. Control characters are \u escapes; a byte
 * that is not valid UTF-8 becomes U+FFFD, so the output is always valid UTF-8
 * JSON whatever the input (file names are bytes, not text). */
void escape_json(struct buf *b, const char *s, size_t n);

/* Text from a source file or a user for a terminal: C0 and C1 controls, DEL,
 * bidirectional overrides and isolates (U+202A-202E, U+2066-2069) and
 * zero-width characters are masked, and so is invalid UTF-8, so nothing
 * typed can move the cursor, recolour, retitle or reorder what is shown.
 * Each masked code point or stray byte becomes one '?' (one column), tabs
 * stay. */
void escape_terminal(struct buf *b, const char *s, size_t n);

/* The byte length of the UTF-8 code point at s (of at most n bytes) when it
 * must be masked on a terminal (see escape_terminal), else 0. */
size_t escape_masked_len(const unsigned char *s, size_t n);

/* A file name for a terminal or a text diagnostic, quoted as git quotes
 * paths: a name of printable characters (any valid UTF-8 but what
 * escape_terminal masks, no '"' or '\\', and not starting with ':' or a
 * space, which would let a CI runner read the line as a command such as
 * "::warning ...::") is written as it is, so
 * `FILE:LINE:COL` reads as before; any other name is written whole in
 * double quotes, C-style: \n \t \r \a \b \f \v \" \\, and every other
 * unsafe byte (control, DEL, a masked code point's bytes, invalid UTF-8) as
 * a three-digit octal escape such as \033. So a name can neither break a
 * line, inject a terminal sequence or a workflow command, nor pass for
 * another name. */
void escape_filename(struct buf *b, const char *name);

/* The same as a C string in storage that lives until the next call with the
 * same buf: for fprintf(stderr, "... '%s' ...", escape_filename_str(&b, f)).
 * The buf is reset first, so one buf serves many calls. */
const char *escape_filename_str(struct buf *b, const char *name);

/* User text quoted in a message (a name, a stray character): at most max
 * code points, then "..." as one character U+2026; each masked code point
 * (see escape_terminal) is shown as <U+XXXX> and each invalid byte as <0xXX>,
 * visible but inert. Output is at most about 10 * max bytes, whatever n. */
void escape_quoted(struct buf *b, const char *s, size_t n, size_t max);

/* GitHub Actions workflow command data (property: a property value such as
 * file=, which also escapes ':' and ','). The runner decodes only %25 %0D
 * %0A (and %3A %2C); every other unsafe byte (controls, DEL, a masked code
 * point, invalid UTF-8) becomes %XX, which the runner shows literally, so a
 * name or message can neither end its line nor reach the log as a control. */
void escape_github(struct buf *b, const char *s, bool property);

/* Text for the inside of a Graphviz DOT string (the quotes are the
 * caller's), such that Graphviz draws the very characters given in a label or
 * tooltip: backslashes are doubled so no escape sequence (\N, \G, \L, \n)
 * is seen, quotes are escaped, and & becomes &amp; because Graphviz decodes
 * entities in labels. Control characters (the checker lets none through)
 * become spaces, and U+FFFE and U+FFFF, which Graphviz would copy into an
 * SVG where XML forbids them, become U+FFFD. Never for ids, URLs or
 * HTML-like labels. */
void escape_dot(struct buf *b, const char *s);

/* The same for a tooltip, which Graphviz reads twice: once turning \n, \l
 * and \r into line breaks and dropping any other backslash, then again
 * expanding \N, \G, \L and \\; so a backslash is written four times. */
void escape_dot_tooltip(struct buf *b, const char *s);

/* Text for XML character data or a quoted attribute value (SVG's <title>,
 * <desc>): & < > " ' become entities, so no markup, entity, "]]>" or end of
 * attribute can appear; control characters become spaces (the text is one
 * line, and XML 1.0 forbids most of them); invalid UTF-8, C1 controls,
 * U+FFFE and U+FFFF become U+FFFD, so the result is always well-formed. */
void escape_xml(struct buf *b, const char *s, size_t n);

/* Text for HTML: character data or a double- or single-quoted attribute
 * value, by the rules of escape_xml (& < > " ' become entities, controls
 * spaces, invalid UTF-8, C1 controls and non-characters U+FFFD), which are
 * also what HTML5 asks: no tag, comment, entity or end of attribute can
 * appear, and the parser reports no error. Never for the inside of a
 * <script> or <style> element (escape_script_json) nor for an unquoted
 * attribute. */
void escape_html(struct buf *b, const char *s);

/* JSON text (already valid JSON, as emit_json writes it) for the inside of
 * a <script type="application/json"> element: every '<' becomes \u003c, so
 * neither "</script" nor "<!--" can appear and the element ends only where
 * the page ends it, and U+2028 and U+2029 become \u2028 and \u2029 (which
 * older JavaScript parsers take for line breaks). JSON has '<' and those
 * code points only inside strings, where the escapes mean the same
 * characters, so JSON.parse of the element's text gives the same value. */
void escape_script_json(struct buf *b, const char *s, size_t n);

#endif
