/* html_write.c - the page's small writers (html_page.h): text, clipped
 * text, levels, years, links to the page's own sections. Every user string
 * of the page goes out through html_text or html_clipped, so through
 * escape_html. */
#include "html_page.h"

#include <string.h>

#include "escape.h"

void html_text(struct html *h, const char *s)
{
    escape_html(h->out, s);
}

static void html_number(struct buf *b, double v)
{
    char num[64];
    buf_puts(b, model_number_text(v, num, sizeof num));
}

/* Levels lo..hi of track t in its own names ("M5", "L6..L7"), escaped. */
void html_track_levels(struct html *h, size_t t, int lo, int hi)
{
    h->scratch.len = 0;
    model_track_levels_put(&h->scratch, h->m, t, lo, hi);
    buf_putc(&h->scratch, '\0');
    html_text(h, h->scratch.data);
}

/* Level `level` of track t, heading a row that every table repeats: a
 * long level prefix clipped (model_track_levels_text). */
void html_track_level_clipped(struct html *h, size_t t, int level)
{
    char text[HTML_REPEAT_MAX / 4 + MODEL_LEVELS_TEXT_MIN];
    html_text(h, model_track_levels_text(h->m, t, level, level, text, sizeof text));
}

/* "3..8 years", "3 years", "3.. years", "unknown": a move's years as
 * `ladderc path` writes a route's. */
void html_years(struct buf *b, struct model_years y)
{
    if (!y.known) {
        buf_puts(b, "unknown");
        return;
    }
    html_number(b, y.min);
    if (y.open)
        buf_puts(b, "..");
    else if (y.max != y.min) {
        buf_puts(b, "..");
        html_number(b, y.max);
    }
    buf_puts(b, y.min == 1 && !y.open && y.max == 1 ? " year" : " years");
}

/* A text the page repeats (a track's name on each of its roles, a rung's
 * meaning on each role at that rung, a title on each level of its line):
 * whole when it has at most HTML_REPEAT_MAX code points, else its first
 * HTML_REPEAT_MAX and an ellipsis. Each is whole once, in its own section,
 * and a ladder of long texts repeated by many roles keeps a page within a
 * constant factor of its size. */
void html_clipped(struct html *h, const char *s)
{
    size_t n = 0;
    const char *p = s;
    for (; *p; p++)
        if (((unsigned char)*p & 0xC0) != 0x80 && n++ == HTML_REPEAT_MAX)
            break;
    if (!*p) {
        html_text(h, s);
        return;
    }
    h->scratch.len = 0;
    buf_put(&h->scratch, s, (size_t)(p - s));
    buf_putc(&h->scratch, '\0');
    html_text(h, h->scratch.data);
    buf_puts(h->out, "\xE2\x80\xA6");
}

/* <a href="#PREFIX-ID">name</a> */
void html_ref(struct html *h, const char *prefix, const char *id, const char *name)
{
    buf_printf(h->out, "<a href=\"#%s-", prefix);
    html_text(h, id);
    buf_puts(h->out, "\">");
    html_text(h, name);
    buf_puts(h->out, "</a>");
}

/* The same with the name clipped (html_clipped). */
void html_ref_clipped(struct html *h, const char *prefix, const char *id, const char *name)
{
    buf_printf(h->out, "<a href=\"#%s-", prefix);
    html_text(h, id);
    buf_puts(h->out, "\">");
    html_clipped(h, name);
    buf_puts(h->out, "</a>");
}

void html_role_ref(struct html *h, size_t r)
{
    html_ref(h, "role", h->m->roles[r].id, h->m->roles[r].name);
}

/* id="PREFIX-ID" */
void html_id_attr(struct html *h, const char *prefix, const char *id, const char *suffix)
{
    buf_printf(h->out, " id=\"%s-", prefix);
    html_text(h, id);
    buf_printf(h->out, "%s\"", suffix);
}

void html_section_open(struct html *h, const char *class_name, const char *prefix, const char *id, const char *name)
{
    struct buf *b = h->out;
    buf_puts(b, "<section");
    if (class_name)
        buf_printf(b, " class=\"%s\"", class_name);
    html_id_attr(h, prefix, id, "");
    buf_printf(b, " aria-labelledby=\"%s-", prefix);
    html_text(h, id);
    buf_puts(b, "-title\">\n<h3");
    html_id_attr(h, prefix, id, "-title");
    buf_putc(b, '>');
    html_text(h, name);
    buf_puts(b, "</h3>\n");
}

const char *html_title(const struct model *m)
{
    return m->title && m->title[0] ? m->title : "Career ladder";
}
