# chart.sh - `ladderc chart`: a radar chart of roles' rungs. The SVG is the
# same bytes on every run and valid XML; its drawn polygons put each rung
# where it belongs (read back from the SVG by a small script); PNG is a PNG;
# names full of markup and Graphviz escapes come out as their very
# characters; unknown roles, roles without rungs and too many roles are
# refused. tests/internal/chart_model.c tests the backend on a model filled
# by hand (rungs of different counts, a competency a role does not set).
# Sourced by tests/run.sh.

CH="$TMP/chart"
mkdir -p "$CH"

# ch_read SVG: one line per drawn vertex, "ROLE (LEVELS)|COMPETENCY|F",
# where F is the vertex's distance from the centre over its spoke's length,
# read from the role's polygon (matched to its legend row by colour); exit 1
# when a vertex is off its spoke or its dot is not on the polygon.
# ch_read --texts SVG: every spoke label, legend row and vertex tooltip, as
# a reader sees them.
cat >"$CH/read.py" <<'EOF'
import sys, math, xml.etree.ElementTree as ET
from collections import Counter
S = '{http://www.w3.org/2000/svg}'
XL = '{http://www.w3.org/1999/xlink}'
texts = sys.argv[1] == '--texts'
root = ET.parse(sys.argv[-1]).getroot()
def pts(s):
    return [tuple(float(v) for v in p.split(',')) for p in s.split()]
graph = next(g for g in root.iter(S + 'g') if g.get('class') == 'graph')
nodes = {g.find(S + 'title').text: g for g in graph.findall(S + 'g') if g.get('class') == 'node'}
def text(id):
    return ''.join(nodes[id].find(S + 'text').itertext())
nlabels = 0
while '_label_%d' % nlabels in nodes:
    nlabels += 1
labels = [text('_label_%d' % k) for k in range(nlabels)]
roles, i = {}, 0
while '_legend_%d' % i in nodes:
    roles[nodes['_legend_%d_swatch' % i].find(S + 'polygon').get('stroke')] = (i, text('_legend_%d' % i))
    i += 1
if texts:
    for l in labels:
        print('label: ' + l)
    for c, (i, name) in sorted(roles.items(), key=lambda r: r[1][0]):
        print('legend: ' + name)
    for id in sorted(n for n in nodes if n.startswith('_v_')):
        print('tooltip: ' + nodes[id].find('.//' + S + 'a').get(XL + 'title'))
    sys.exit(0)
lines = [pts(e.get('points')) for e in graph.findall(S + 'polyline')]
centre = Counter(l[0] for l in lines).most_common(1)[0][0]
spokes = [l[1] for l in lines if l[0] == centre and len(l) == 2]
assert len(spokes) == nlabels, (len(spokes), nlabels)
bad = 0
for poly in graph.findall(S + 'polygon'):
    if poly.get('fill-opacity') is None:
        continue
    i, name = roles[poly.get('stroke')]
    p = pts(poly.get('points'))[:-1]
    assert len(p) == len(spokes), (name, len(p), len(spokes))
    for k, (x, y) in enumerate(p):
        sx, sy = spokes[k][0] - centre[0], spokes[k][1] - centre[1]
        vx, vy = x - centre[0], y - centre[1]
        if abs(sx * vy - sy * vx) > 0.5 * math.hypot(sx, sy) or sx * vx + sy * vy < 0:
            print('OFF-SPOKE %s %s' % (name, labels[k]))
            bad += 1
        e = nodes['_v_%d_%d' % (i, k)].find('.//' + S + 'ellipse')
        if abs(float(e.get('cx')) - x) > 0.01 or abs(float(e.get('cy')) - y) > 0.01:
            print('DOT-OFF-VERTEX %s %s' % (name, labels[k]))
            bad += 1
        print('%s|%s|%.2f' % (name, labels[k], math.hypot(vx, vy) / math.hypot(sx, sy)))
sys.exit(1 if bad else 0)
EOF
ch_read() { python3 "$CH/read.py" "$@"; }

# ch_is_png FILE: the PNG signature and an IHDR chunk
ch_is_png() { [ "$(head -c 16 "$1" | od -An -c | tr -s ' ' | tr -d '\n')" = ' 211 P N G \r \n 032 \n \0 \0 \0 \r I H D R' ]; }

# ---- the backend on a model filled by hand (normal run only) ----
if [ -z "${LADDERC_SANITIZED:-}" ]; then
    if ${CC:-cc} -std=c11 -Wall -Wextra -Werror -O1 -g -D_POSIX_C_SOURCE=200809L -I"$ROOT/lib" \
        -I"$ROOT/lib/emit" -o "$CH/chart_model" "$ROOT/tests/internal/chart_model.c" \
        "$ROOT/build/libladder.a" -lm 2>"$CH/cc.err"; then
        # Graphviz's own dot reads our DOT and keeps our positions
        "$CH/chart_model" mixed >"$CH/mixed.gv" && dot -Tsvg "$CH/mixed.gv" >"$CH/mixed.svg" 2>"$CH/dot.err"
        expect_eq "chart: hand-made model: Graphviz's dot draws it without a word" "0:" "$?:$(cat "$CH/dot.err")"
        cat >"$CH/mixed.want" <<'EOF'
Engineer (L3)|Technical craft|0.20
Engineer (L3)|Delivery|0.40
Engineer (L3)|People|0.33
Engineer (L3)|Influence|0.25
Senior Engineer (L5)|Technical craft|0.80
Senior Engineer (L5)|Delivery|0.60
Senior Engineer (L5)|People|0.00
Senior Engineer (L5)|Influence|0.50
Staff Engineer (L6..L7)|Technical craft|0.80
Staff Engineer (L6..L7)|Delivery|1.00
Staff Engineer (L6..L7)|People|1.00
Staff Engineer (L6..L7)|Influence|1.00
EOF
        ch_read "$CH/mixed.svg" >"$CH/mixed.out" 2>&1
        expect_file "chart: hand-made model: rung R of N at R/N of each spoke (5, 5, 3 and 4 rungs), a rung not set at the centre" \
            "$CH/mixed.want" "$CH/mixed.out"
        expect_eq "chart: rungs of different counts: 4 spokes and a tick at each rung of those that differ (3 + 4), no ring numbers" \
            "11 0" "$(grep -c '<polyline fill="none" stroke="#999999"' "$CH/mixed.svg") $(grep -c '<title>_ring_' "$CH/mixed.svg")"
        "$CH/chart_model" one >"$CH/one.gv" && dot -Tsvg "$CH/one.gv" >"$CH/one.svg" 2>"$CH/dot.err"
        expect_eq "chart: one spoke: circles for rings, the dot, no polygon" "0:5:1:" \
            "$?:$(grep -c '<ellipse fill="none" stroke="#c8c8c8"' "$CH/one.svg"):$(grep -c '<title>_v_' "$CH/one.svg"):$(ch_read "$CH/one.svg")"
        # hostile rung names and level prefix (the language has no way to
        # write some of these: the backend must not rely on the checker)
        "$CH/chart_model" hostile >"$CH/hostile.gv" && dot -Tsvg "$CH/hostile.gv" >"$CH/hostile.svg" 2>"$CH/dot.err"
        xmllint --noout "$CH/hostile.svg" 2>"$CH/x.err"
        expect_eq "chart: hand-made hostile names: valid SVG" "0:" "$?:$(cat "$CH/x.err")"
        cat >"$CH/hostile.want" <<'EOF'
label: <b>bold</b> & "quoted" \N\G
label: ]; node [shape=box
label: &#x41; &lt;script&gt;
legend: Eve "\"; label=x <i>&amp;</i> (<L&amp;>3)
tooltip: Eve "\"; label=x <i>&amp;</i>: <b>bold</b> & "quoted" \N\G rung 1 (</text><script>alert(1)</script>)
tooltip: Eve "\"; label=x <i>&amp;</i>: ]; node [shape=box rung 2 (\N \G \L " &lt; &amp;)
tooltip: Eve "\"; label=x <i>&amp;</i>: &#x41; &lt;script&gt; rung 2 (\N \G \L " &lt; &amp;)
EOF
        ch_read --texts "$CH/hostile.svg" >"$CH/hostile.out" 2>&1
        expect_file "chart: hand-made hostile names: labels, legend (with the level prefix) and tooltips read as written" \
            "$CH/hostile.want" "$CH/hostile.out"
    else
        fail "chart: tests/internal/chart_model.c compiles against build/libladder.a" "$(head -10 "$CH/cc.err")"
    fi
fi

# ---- end to end: the issue's framework ----
# (examples/framework.ladder is the issue's file as written)
# and 'layout exact' added: the map's W153 on it (tests/suites/guide.sh)
# is no concern of the chart's
{ cat "$ROOT/examples/framework.ladder"; printf 'layout exact\n'; } >"$CH/fw.ladder"

"$LADDERC" chart "$CH/fw.ladder" senior staff >"$CH/two.svg" 2>"$CH/err"
expect_eq "chart: two roles: exit 0, nothing on stderr" "0:" "$?:$(cat "$CH/err")"
"$LADDERC" chart "$CH/fw.ladder" senior staff >"$CH/two-again.svg" 2>/dev/null
expect_file "chart: the SVG is the same bytes on a second run" "$CH/two.svg" "$CH/two-again.svg"
xmllint --noout "$CH/two.svg" 2>"$CH/x.err"
expect_eq "chart: xmllint reads the SVG" "0:" "$?:$(cat "$CH/x.err")"
cat >"$CH/two.want" <<'EOF'
Senior Engineer (L5)|Technical craft|0.60
Senior Engineer (L5)|Delivery|0.60
Senior Engineer (L5)|People|0.40
Senior Engineer (L5)|Influence|0.40
Staff Engineer (L6..L7)|Technical craft|0.80
Staff Engineer (L6..L7)|Delivery|0.60
Staff Engineer (L6..L7)|People|0.60
Staff Engineer (L6..L7)|Influence|0.60
EOF
ch_read "$CH/two.svg" >"$CH/two.out" 2>&1
expect_file "chart: two roles: each polygon's vertex at rung/5 of its spoke, in competency order (a higher rung further out)" \
    "$CH/two.want" "$CH/two.out"
expect_eq "chart: two roles: the first blue, the second vermillion" "1 1" \
    "$(grep -c 'fill="#0072b2" fill-opacity="0.149020" stroke="#0072b2" stroke-width="2" points="0,' "$CH/two.svg") $(grep -c 'fill="#d55e00" fill-opacity="0.149020" stroke="#d55e00" stroke-width="2" points="0,' "$CH/two.svg")"
ch_read --texts "$CH/two.svg" >"$CH/two.texts" 2>&1
expect_eq "chart: a vertex's tooltip: role, competency, rung and its name" \
    'tooltip: Senior Engineer: Technical craft rung 3 (Owns)' "$(grep -m1 'tooltip: Senior' "$CH/two.texts")"
expect_eq "chart: five rings numbered 1..5 (every competency has 5 rungs)" "5" "$(grep -c '<title>_ring_' "$CH/two.svg")"

# a role's name or id, in a track with its own level names
"$LADDERC" chart "$CH/fw.ladder" "Engineering Manager" director engineer senior staff >"$CH/five.svg" 2>"$CH/err"
expect_eq "chart: five roles, by name or id: exit 0" "0:" "$?:$(cat "$CH/err")"
expect_eq "chart: five roles: the legend in the order given, levels in the track's names" \
    "legend: Engineering Manager (M5)|legend: Director of Engineering (M7..M8)|legend: Engineer (L3)|legend: Senior Engineer (L5)|legend: Staff Engineer (L6..L7)" \
    "$(ch_read --texts "$CH/five.svg" | grep '^legend' | paste -sd'|' -)"
ch_read "$CH/five.svg" >"$CH/five.out" 2>&1
expect_eq "chart: five roles: five polygons of four vertices on their spokes, five colours" "0 20 5" \
    "$? $(grep -c '|' "$CH/five.out") $(grep -o 'fill-opacity="0.149020" stroke="#[0-9a-f]*" stroke-width="2" points="0,' "$CH/five.svg" | sort -u | wc -l | tr -d ' ')"
expect_eq "chart: five roles: the director furthest out on People (rung 5: the rim)" \
    "Director of Engineering (M7..M8)|People|1.00" "$(grep '|People|' "$CH/five.out" | sort -t'|' -k3 -r | head -n 1)"

# PNG, DOT and -o
"$LADDERC" chart -T png "$CH/fw.ladder" senior staff >"$CH/two.png" 2>"$CH/err"
if [ $? -eq 0 ] && ch_is_png "$CH/two.png"; then pass "chart: -T png writes a PNG"; else fail "chart: -T png writes a PNG" "$(cat "$CH/err")"; fi
"$LADDERC" chart -o "$CH/out.png" "$CH/fw.ladder" senior staff 2>"$CH/err"
if [ $? -eq 0 ] && ch_is_png "$CH/out.png"; then pass "chart: -o OUT.png: the format from the extension"; else fail "chart: -o OUT.png: the format from the extension" "$(cat "$CH/err")"; fi
"$LADDERC" chart -T dot "$CH/fw.ladder" senior staff >"$CH/two.gv" 2>"$CH/err"
dot -Tsvg "$CH/two.gv" >/dev/null 2>"$CH/dot.err"
expect_eq "chart: -T dot: Graphviz's dot reads it without a word" "0:" "$?:$(cat "$CH/err" "$CH/dot.err")"
"$LADDERC" chart -o "$CH/out.svg" "$CH/fw.ladder" senior staff 2>"$CH/err"
expect_file "chart: -o OUT.svg writes what standard output gets" "$CH/two.svg" "$CH/out.svg"
cp "$CH/fw.ladder" "$CH/self.ladder"
"$LADDERC" chart -T svg -o "$CH/self.ladder" "$CH/self.ladder" senior >/dev/null 2>&1
expect_eq "chart: -o FILE itself is refused (exit 2), FILE untouched" "2 same" \
    "$? $(cmp -s "$CH/fw.ladder" "$CH/self.ladder" && echo same)"
"$LADDERC" chart -T md "$CH/fw.ladder" senior >/dev/null 2>"$CH/err"
expect_eq "chart: -T md is refused" "2 ladderc: error: unknown chart format 'md': use svg, png, pdf or dot" "$? $(head -n 1 "$CH/err")"

# ---- roles that cannot be charted ----
"$LADDERC" chart "$CH/fw.ladder" senoir staff >"$CH/out" 2>"$CH/err"
expect_eq "chart: an unknown role: exit 2, a suggestion, nothing written" \
    "2:ladderc: error: no role 'senoir' in the ladder; did you mean 'senior'? [E110]:" "$?:$(cat "$CH/err"):$(cat "$CH/out")"
"$LADDERC" chart "$CH/fw.ladder" senior "Senior Engineer" >/dev/null 2>"$CH/err"
expect_eq "chart: a role given twice (by id and name): exit 2" "2:ladderc: error: role 'senior' is given twice" "$?:$(cat "$CH/err")"
"$LADDERC" chart "$CH/fw.ladder" engineer senior staff manager director engineer senior staff manager >/dev/null 2>"$CH/err"
expect_eq "chart: a ninth role: exit 2" "2:ladderc: error: a chart shows at most 8 roles; 'manager' is a ninth" "$?:$(head -n 1 "$CH/err")"
"$LADDERC" chart "$CH/fw.ladder" >/dev/null 2>"$CH/err"
expect_eq "chart: no ROLE: exit 2" "2:ladderc: error: chart needs FILE and at least one ROLE" "$?:$(head -n 1 "$CH/err")"

# a role without rungs (the ladder warns, W190) and a competency no one sets
{ sed '/^engineer -> senior/,$d' "$CH/fw.ladder"
  printf 'competency values "Values" {\n  1 "Lives them"\n}\n'
  printf 'role intern "Intern" track ic level L3 at (5, 5)\n'; } >"$CH/bare.ladder"
rm -f "$CH/bare.svg"
"$LADDERC" chart -o "$CH/bare.svg" "$CH/bare.ladder" senior intern >"$CH/out" 2>"$CH/err"
expect_eq "chart: a role that sets no rung: exit 1, the reason, nothing written" \
    "1:ladderc: error: role 'intern' sets no competency rungs: nothing to chart (give it lines such as 'craft 3' in a block after its level):no file" \
    "$?:$(grep '^ladderc: error' "$CH/err"):$(cat "$CH/out")$([ -e "$CH/bare.svg" ] || echo no file)"
"$LADDERC" chart "$CH/bare.ladder" senior staff >"$CH/bare.svg" 2>/dev/null
expect_eq "chart: a competency no charted role sets has no spoke" \
    "label: Technical craft|label: Delivery|label: People|label: Influence" \
    "$(ch_read --texts "$CH/bare.svg" | grep '^label' | paste -sd'|' -)"

# ---- hostile names, through the whole pipeline ----
cat >"$CH/hostile.ladder" <<'EOF'
ladder "<svg onload=alert(1)> & \"T\""
levels L1..L3
track ic "IC"
competency craft "<b>Craft</b> & \"co\" \\N\\G\\L &lt; ]; node [x" hard {
  1 "</text><script>x</script>"
  2 "&amp; \\"
}
competency soft "Soft &#x41;" soft {
  1 "One"
  2 "Two"
}
role eve "Eve \"\\\" <i>&amp;</i> \\E \\T \\H" track ic level L1 {
  craft 2
  soft  1
}
role bob "Bob" track ic level L2 {
  craft 1
  soft  2
}
EOF
"$LADDERC" chart "$CH/hostile.ladder" eve bob >"$CH/hostile2.svg" 2>"$CH/err"
expect_eq "chart: hostile names: exit 0 (warnings only)" "0:" "$?:$(grep 'error' "$CH/err")"
xmllint --noout "$CH/hostile2.svg" 2>"$CH/x.err"
expect_eq "chart: hostile names: valid SVG" "0:" "$?:$(cat "$CH/x.err")"
cat >"$CH/hostile2.want" <<'EOF'
label: <b>Craft</b> & "co" \N\G\L &lt; ]; node [x
label: Soft &#x41;
legend: Eve "\" <i>&amp;</i> \E \T \H (L1)
legend: Bob (L2)
tooltip: Eve "\" <i>&amp;</i> \E \T \H: <b>Craft</b> & "co" \N\G\L &lt; ]; node [x rung 2 (&amp; \)
tooltip: Eve "\" <i>&amp;</i> \E \T \H: Soft &#x41; rung 1 (One)
tooltip: Bob: <b>Craft</b> & "co" \N\G\L &lt; ]; node [x rung 1 (</text><script>x</script>)
tooltip: Bob: Soft &#x41; rung 2 (Two)
EOF
ch_read --texts "$CH/hostile2.svg" >"$CH/hostile2.out" 2>&1
expect_file "chart: hostile role, competency and rung names read as written (labels, legend, tooltips)" \
    "$CH/hostile2.want" "$CH/hostile2.out"
expect_eq "chart: hostile names: the title as written, no element of the user's" \
    '<svg onload=alert(1)> & "T"|0' \
    "$(python3 -c 'import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); print(r.find(".//{http://www.w3.org/2000/svg}g/{http://www.w3.org/2000/svg}text").text)' "$CH/hostile2.svg")|$(grep -c '<script\|<b>\|<i>' "$CH/hostile2.svg")"
"$LADDERC" chart -T png "$CH/hostile.ladder" eve bob >"$CH/hostile2.png" 2>"$CH/err"
if [ $? -eq 0 ] && ch_is_png "$CH/hostile2.png"; then pass "chart: hostile names: a PNG"; else fail "chart: hostile names: a PNG" "$(cat "$CH/err")"; fi
