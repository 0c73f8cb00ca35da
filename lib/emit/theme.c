/* theme.c - the palettes of the map (see theme.h).
 *
 * Tracks take the Okabe-Ito palette (Okabe and Ito, "Color Universal
 * Design", 2008), ordered so that the first few tracks, what most ladders
 * have, get the hues furthest apart: blue, orange, bluish green, vermillion,
 * reddish purple, sky blue, yellow, black. Every pair of the eight stays
 * apart under protanopia, deuteranopia and tritanopia (CIEDE2000 >= 10.9
 * simulated with Machado et al. 2009 at full severity; tests/tools/palette.py
 * checks the DOT we write). On the dark page black would vanish, so there
 * the eighth colour is a light grey, as far from the others.
 *
 * Fills are each border colour mixed into the page (25% on light, 30% on
 * dark), so a role reads as a tinted card in its track's colour and its
 * text (black on light, near-white on dark) keeps a contrast of at least
 * 9.9:1 on light and 6.0:1 on dark (WCAG AA asks 4.5:1). Beyond eight
 * tracks colours repeat with dashed, dotted, then heavy borders: colour is
 * never the only thing that tells two tracks apart up to 32 of them.
 *
 * Colours are written as fixed strings, so each theme's bytes are the same
 * on every machine.
 */
#include "theme.h"

static const struct theme theme_light = {
    .background = "#ffffff",
    .text = "#000000",
    .move_text = "#555555",
    .axis = "#333333",
    .frame = "#777777",
    .frame_text = "#444444",
    .legend_frame = "#999999",
    .legend_text = "#444444",
    .track_border = {"#0072b2", "#e69f00", "#009e73", "#d55e00",
                     "#cc79a7", "#56b4e9", "#f0e442", "#000000"},
    .track_fill = {"#bfdcec", "#f9e7bf", "#bfe7dc", "#f4d7bf",
                   "#f2dee9", "#d5ecfa", "#fbf8d0", "#bfbfbf"},
    .move = {
        [KIND_PROMOTION] = {"solid", "#333333", "normal"},
        [KIND_LATERAL] = {"dashed", "#3060a0", "vee"},
        [KIND_DOWNWARD] = {"dotted", "#b03030", "empty"},
    },
};

/* For dark pages: near-black, never pure black (less glare around light
 * text), and every line at least 3:1 against it (WCAG 1.4.11). */
static const struct theme theme_dark = {
    .background = "#1b1e23",
    .text = "#ececec",
    .move_text = "#b0b0b0",
    .axis = "#c8c8c8",
    .frame = "#9a9a9a",
    .frame_text = "#c8c8c8",
    .legend_frame = "#8a8a8a",
    .legend_text = "#c8c8c8",
    .track_border = {"#0072b2", "#e69f00", "#009e73", "#d55e00",
                     "#cc79a7", "#56b4e9", "#f0e442", "#e0e0e0"},
    .track_fill = {"#13374e", "#584518", "#13443b", "#533118",
                   "#50394b", "#2d4b5e", "#5b592c", "#56585c"},
    .move = {
        [KIND_PROMOTION] = {"solid", "#d0d0d0", "normal"},
        [KIND_LATERAL] = {"dashed", "#8fb8f0", "vee"},
        [KIND_DOWNWARD] = {"dotted", "#f08a8a", "empty"},
    },
};

const struct theme *theme_get(enum emit_theme which)
{
    return which == EMIT_THEME_DARK ? &theme_dark : &theme_light;
}

/* The border patterns, one per round of THEME_TRACK_COLORS tracks. A
 * broken border is drawn a little heavier, so its dashes show at 10 pt. */
static const struct {
    const char *dash, *penwidth;
} theme_patterns[THEME_TRACK_LOOKS / THEME_TRACK_COLORS] = {
    {NULL, NULL}, {"dashed", "2"}, {"dotted", "2.5"}, {NULL, "3.5"},
};

struct theme_track theme_track(const struct theme *th, size_t t)
{
    size_t colour = t % THEME_TRACK_COLORS;
    size_t pattern = t / THEME_TRACK_COLORS % (THEME_TRACK_LOOKS / THEME_TRACK_COLORS);
    struct theme_track look = {
        th->track_border[colour], th->track_fill[colour],
        theme_patterns[pattern].dash, theme_patterns[pattern].penwidth,
    };
    return look;
}
