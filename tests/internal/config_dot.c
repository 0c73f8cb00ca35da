/* config_dot.c - the DOT the library writes for a FILE with a given
 * ld_config.layout and ld_config.theme, through the public API alone: what
 * `ladderc build -T dot --layout L --theme T` must print, byte for byte
 * (tests/suites/render.sh compares them, so a flag the command line parses
 * but does not pass, or passes as another value, is caught).
 *
 * Usage: config_dot file|relative|exact light|dark FILE [ROLE...]
 * With ROLEs, the chart of those roles (ladderc chart -T dot --theme T).
 * Exit status 0, or 1 with a reason on standard error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ladder.h"

static char *config_dot_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *text = malloc(cap);
    size_t k;
    while (text && (k = fread(text + n, 1, cap - n, f)) > 0)
        if ((n += k) == cap)
            text = realloc(text, cap *= 2);
    fclose(f);
    *len = n;
    return text;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fputs("usage: config_dot file|relative|exact light|dark FILE [ROLE...]\n", stderr);
        return 1;
    }
    ld_config cfg = {0};
    cfg.layout = strcmp(argv[1], "exact") == 0 ? LD_LAYOUT_EXACT
                 : strcmp(argv[1], "relative") == 0 ? LD_LAYOUT_RELATIVE : LD_LAYOUT_FILE;
    cfg.theme = strcmp(argv[2], "dark") == 0 ? LD_THEME_DARK : LD_THEME_LIGHT;
    size_t len;
    char *text = config_dot_read(argv[3], &len);
    ld_session *s = ld_session_new(&cfg);
    if (!text || !s || ld_session_add_text(s, argv[3], text, len) != LD_OK || ld_check(s) != LD_OK
        || ld_error_count(s) != 0) {
        fprintf(stderr, "config_dot: cannot check %s\n", argv[3]);
        return 1;
    }
    ld_text out;
    ld_status st = argc > 4 ? ld_chart(s, (const char *const *)argv + 4, (size_t)(argc - 4), "dot", &out)
                            : ld_emit(s, "dot", &out);
    if (st != LD_OK) {
        fprintf(stderr, "config_dot: %s\n", ld_message(s));
        return 1;
    }
    fwrite(out.data, 1, out.len, stdout);
    ld_session_free(s);
    free(text);
    return 0;
}
