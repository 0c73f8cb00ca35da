/* html_assets.h - the page's own style and script, embedded at build time
 * (scripts/embed.sh writes build/html_assets.c from lib/emit/html/page.css,
 * explorer.css and page.js). Each array has a NUL after its _len bytes. */
#ifndef LADDERC_HTML_ASSETS_H
#define LADDERC_HTML_ASSETS_H

#include <stddef.h>

extern const unsigned char html_page_css[], html_explorer_css[], html_page_js[];
extern const size_t html_page_css_len, html_explorer_css_len, html_page_js_len;

#endif
