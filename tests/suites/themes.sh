# themes.sh - the map's colours, themes and legend (lib/emit/theme.c):
# tests/tools/palette.py reads the colours from the DOT we write and checks
# them (the first 8 tracks apart under simulated colour-vision deficiencies,
# border patterns beyond 8, WCAG contrast of every text on what it is drawn
# on, each role in its track's legend look), in both themes; each theme is
# the same bytes every time; the dark map differs and Graphviz and xmllint
# read it; the legend names the tracks, the kinds of move and the boxes.
# palette.py is shown to fail on palettes that are wrong (the old one, a
# 9th track without its pattern, dark text on a dark fill).
# The DOT of a theme comes from build/unit/themes --dot THEME FILE (the
# library with ld_config.theme); when ladderc's build knows --theme, its
# output must be the same bytes. The axis titles sit by their axes, and
# the dark skills map is kept byte for byte in tests/golden. Sourced by
# tests/run.sh.

TH="$TMP/themes"
mkdir -p "$TH"

# Under the sanitizers, the dark map once through the sanitized ladderc: the
# rest of this suite runs the unit binary (not sanitized) and Python on the
# same bytes the normal run checked.
if [ -n "${LADDERC_SANITIZED:-}" ]; then
    timeout 30 "$LADDERC" build --theme dark -T dot -o "$TH/dark.dot" "$ROOT/examples/skills-map.ladder" 2>"$TH/err"
    expect_eq "themes: the dark map, under the sanitizers" "0:" "$?:$(head -c 300 "$TH/err")"
    return 0
fi
th_palette() { python3 "$ROOT/tests/tools/palette.py" "$@"; }
th_dot() { timeout 30 "$ROOT/build/unit/themes" --dot "$1" "$2"; }

# th_many N: a ladder with N tracks, one role each, and a box
th_many() {
    # (levels cycle along the diagonal, so the boxes interleave: 'layout
    # exact' keeps the relative layout's W153 out of a test of colours)
    printf 'levels L1..L5\nlayout exact\naxis x "Soft" 0..100\naxis y "Hard" 0..100\nbox "Low" L1..L2\nbox "High" L3..L5\n'
    awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "track t%d \"Track %d\"\n", i, i
                           for (i = 0; i < n; i++) printf "role r%d \"Role %d\" track t%d level L%d at (%d, %d)\n", i, i, i, 1 + i % 5, i * 3, i * 2
                           for (i = 0; i + 1 < n; i++) printf "r%d -> r%d%s\n", i, i % 5 == 4 ? i - 2 : i + 1, i % 5 == 4 ? " downward" : ""
                           for (i = 0; i + 5 < n; i += 7) printf "r%d -> r%d lateral\n", i, i + 5 }'
}
th_many 33 >"$TH/many.ladder"
cp "$ROOT/examples/skills-map.ladder" "$TH/"
# (the issue's framework gets the map's W153, tested in guide.sh: 'layout
# exact' keeps it out of a test of colours)
{ cat "$ROOT/examples/framework.ladder"; printf 'layout exact\n'; } >"$TH/framework.ladder"

for th_l in many skills-map framework; do
    timeout 30 "$LADDERC" build -T json -o "$TH/$th_l.json" "$TH/$th_l.ladder" 2>"$TH/err"
    expect_eq "themes: $th_l.ladder compiles" "0:" "$?:$(head -c 300 "$TH/err")"
    for th_t in light dark; do
        th_dot $th_t "$TH/$th_l.ladder" >"$TH/$th_l-$th_t.dot" 2>"$TH/err"
        expect_eq "themes: $th_l, $th_t: DOT" "0:" "$?:$(head -c 300 "$TH/err")"
        th_dot $th_t "$TH/$th_l.ladder" >"$TH/$th_l-$th_t.again.dot" 2>/dev/null
        expect_file "themes: $th_l, $th_t: same input, same bytes" "$TH/$th_l-$th_t.dot" "$TH/$th_l-$th_t.again.dot"
        th_out=$(th_palette "$TH/$th_l-$th_t.dot" "$TH/$th_l.json" 2>&1)
        expect_eq "themes: $th_l, $th_t: palette.py passes (tracks apart under CVD, patterns, contrast, roles in their track's look)" \
            "0:" "$?:$th_out"

        # Graphviz draws it without a word, and the SVG is well-formed
        dot -Tsvg -o "$TH/$th_l-$th_t.svg" "$TH/$th_l-$th_t.dot" 2>"$TH/gv.err"
        [ $? = 0 ] && [ ! -s "$TH/gv.err" ] && pass "themes: $th_l, $th_t: dot -Tsvg reads it" \
            || fail "themes: $th_l, $th_t: dot -Tsvg reads it" "$(head -5 "$TH/gv.err")"
        xmllint --noout "$TH/$th_l-$th_t.svg" 2>"$TH/x.err" && pass "themes: $th_l, $th_t: xmllint reads the SVG" \
            || fail "themes: $th_l, $th_t: xmllint reads the SVG" "$(head -5 "$TH/x.err")"
    done
    cmp -s "$TH/$th_l-light.dot" "$TH/$th_l-dark.dot" && fail "themes: $th_l: dark differs from light" \
        || pass "themes: $th_l: dark differs from light"
done

# the dark SVG is drawn dark: the page, the roles' text and the legend's
expect_eq "themes: dark SVG: a dark page, light text on every role and legend row" \
    "1 yes" "$(grep -c '<polygon fill="#1b1e23" stroke="transparent"' "$TH/skills-map-dark.svg") $(
        grep '<text' "$TH/skills-map-dark.svg" | grep -v 'fill="#\(ececec\|b0b0b0\|c8c8c8\)"' | grep -q . && echo no || echo yes)"
expect_eq "themes: light SVG: a white page" "1" \
    "$(grep -c '<polygon fill="#ffffff" stroke="transparent"' "$TH/skills-map-light.svg")"

# the legend: every track (in its look: palette.py), every kind of move and
# every box with roles, by name, as text in the legend's cluster
th_legend() {   # th_legend SVG: the texts of the legend's nodes, one a line
    # (a node is found by the comment naming it that Graphviz writes before
    # it: ladderc's SVG titles roles in words, and the legend rows not at all)
    python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
S = '{http://www.w3.org/2000/svg}'
tree = ET.parse(sys.argv[1], ET.XMLParser(target=ET.TreeBuilder(insert_comments=True)))
for parent in tree.getroot().iter():
    kids = list(parent)
    for c, g in zip(kids, kids[1:]):
        if c.tag is ET.Comment and (c.text or '').strip().startswith('_legend_') and g.get('class') == 'node':
            line = ' '.join(x.text or '' for x in g.findall(S + 'text'))
            if line:
                print(line)
PY
}
expect_eq "themes: the skills map's legend: tracks, kinds of move, boxes" \
    "Individual contributor|Engineering management|Product management|promotion|lateral|downward|L5|L6-8|L9-10|L11" \
    "$(th_legend "$TH/skills-map-light.svg" | paste -sd'|' -)"
expect_eq "themes: the boxes' legend rows are dashed frames in the boxes' colour" "4" \
    "$(grep -c '^    "_legend_box_[0-9]*" \[fontsize=10, style="rounded,dashed", penwidth=1, color="#9a9a9a", fontcolor="#c8c8c8", label=' "$TH/skills-map-dark.dot")"
expect_eq "themes: 33 tracks: a legend row for each, the 33rd repeating the 1st's look" "33 yes" \
    "$(grep -c '"_legend_track_[0-9]*"' "$TH/many-light.dot") $(
        a=$(sed -n 's/^    "_legend_track_0" \[fontsize=10, \(.*\), label=.*/\1/p' "$TH/many-light.dot")
        b=$(sed -n 's/^    "_legend_track_32" \[fontsize=10, \(.*\), label=.*/\1/p' "$TH/many-light.dot")
        [ -n "$a" ] && [ "$a" = "$b" ] && echo yes || echo no)"

# palette.py can fail: the palette before the themes (three pairs merge
# under protanopia or deuteranopia), a 9th track drawn like the 1st, dark
# text on the dark theme's fills
sed -e 's/#0072b2/#1f77b4/g; s/#e69f00/#d9730d/g; s/#009e73/#2ca02c/g; s/#d55e00/#7b4fb0/g' \
    -e 's/#cc79a7/#8c564b/g; s/#56b4e9/#138d90/g; s/#f0e442/#c8418f/g; s/#000000/#7f7f1f/g' \
    "$TH/many-light.dot" >"$TH/old.dot"
th_out=$(th_palette "$TH/old.dot" 2>&1)
expect_eq "themes: palette.py rejects the old palette (deuteranopia merges two of its tracks)" "1 yes" \
    "$? $(printf '%s\n' "$th_out" | grep -q '^deuteranopia: tracks .* are [0-9.]* apart' && echo yes || echo no)"
sed 's/^\(    "_legend_track_8" .*\), style="rounded,filled,dashed", penwidth=2,/\1,/' "$TH/many-light.dot" >"$TH/flat.dot"
th_out=$(th_palette "$TH/flat.dot" 2>&1)
expect_eq "themes: palette.py rejects a 9th track with the 1st's colour and no pattern" "1 yes" \
    "$? $(printf '%s\n' "$th_out" | grep -q '^tracks 0 and 8 look the same' && echo yes || echo no)"
sed 's/^\(  node \[.*\)fontcolor="#ececec"/\1fontcolor="#333333"/' "$TH/skills-map-dark.dot" >"$TH/dim.dot"
th_out=$(th_palette "$TH/dim.dot" 2>&1)
expect_eq "themes: palette.py rejects dark text on the dark theme's fills" "1 yes" \
    "$? $(printf '%s\n' "$th_out" | grep -q "^role text on track 0's fill: #333333 on #13374e has contrast" && echo yes || echo no)"
sed 's/^\(    "staff_sre" .*color="\)#0072b2"/\1#e69f00"/' "$TH/skills-map-light.dot" >"$TH/stray.dot"
th_out=$(th_palette "$TH/stray.dot" "$TH/skills-map.json" 2>&1)
expect_eq "themes: palette.py rejects a role drawn in another track's colour" "1 yes" \
    "$? $(printf '%s\n' "$th_out" | grep -q '^role staff_sre: drawn' && echo yes || echo no)"

# once ladderc build has --theme (cli/main.c), it must give the library's bytes
if timeout 30 "$LADDERC" build --help 2>&1 | grep -q -- '--theme'; then
    for th_t in light dark; do
        timeout 30 "$LADDERC" build -T dot --theme $th_t -o "$TH/cli-$th_t.dot" "$TH/skills-map.ladder" 2>"$TH/err"
        expect_file "themes: ladderc build --theme $th_t gives the library's DOT" "$TH/skills-map-$th_t.dot" "$TH/cli-$th_t.dot"
    done
fi

# the axis titles sit by their axes: x's under the x axis (its top at most
# 30 pt below the line, its centre within the axis), y's left of the y axis
# (its right end at most 30 pt from the line, its centre within the axis)
th_axes() {     # th_axes DOT: "ok" or what is wrong
    python3 - "$1" <<'PY'
import re, sys
dot = open(sys.argv[1], encoding='utf-8').read()
def node(name):
    m = re.search(r'"%s" \[.*pos="([-0-9.]+),([-0-9.]+)!", width=([0-9.]+), height=([0-9.]+)' % name, dot)
    return tuple(float(v) for v in m.groups()) if m else None
o, xe, ye = node('_axis_origin'), node('_axis_x_end'), node('_axis_y_end')
xt, yt = node('_axis_x_title'), node('_axis_y_title')
bad = []
if not (o and xe and ye and xt and yt):
    bad.append('an axis or a title is missing')
else:
    gap = o[1] - (xt[1] + xt[3] * 36)
    if not (o[0] <= xt[0] <= xe[0] and 0 <= gap <= 30):
        bad.append('x title at %s, axis from %s to %s' % (xt[:2], o[:2], xe[:2]))
    gap = o[0] - (yt[0] + yt[2] * 36)
    if not (o[1] <= yt[1] <= ye[1] and 0 <= gap <= 30):
        bad.append('y title at %s, axis from %s to %s' % (yt[:2], o[:2], ye[:2]))
print('; '.join(bad) or 'ok')
PY
}
for th_l in many skills-map framework; do
    expect_eq "themes: $th_l: the axis titles sit by their axes" "ok" "$(th_axes "$TH/$th_l-light.dot")"
done

# the dark skills map, byte for byte (tests/golden/skills-map-dark.dot: read
# every changed line when it changes)
expect_file "themes: the dark skills map matches tests/golden/skills-map-dark.dot" \
    "$ROOT/tests/golden/skills-map-dark.dot" "$TH/skills-map-dark.dot"

# a box's name reaches its legend row as its very characters (escape_dot)
printf 'levels L1..L3\ntrack t "T"\nbox "A \\"\\\\N\\" <b>&amp; \\\\L x" L2..L3\nbox "Empty" L1\nrole a "R" track t level L2 at (1, 1)\n' \
    >"$TH/hostile.ladder"
timeout 30 "$LADDERC" build -T svg -o "$TH/hostile.svg" "$TH/hostile.ladder" 2>"$TH/err"
expect_eq "themes: a hostile box name reads as written in the legend; a box without roles has no row" \
    'T|promotion|lateral|downward|A "\N" <b>&amp; \L x' "$(th_legend "$TH/hostile.svg" | paste -sd'|' -)"
