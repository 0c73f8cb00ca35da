# a11y.sh - the map's SVG as a screen reader gets it (docs/accessibility.md).
# tests/tools/svg_reader.py reads each SVG as assistive technology would (the
# root's role, name and description through aria-labelledby and
# aria-describedby, then every named group in document order); a checker
# compares that with the ladder's JSON: the root is role="img" named by the
# ladder's title; every role is heard exactly once, as "Name (levels,
# track)", in the reading order docs/accessibility.md defines (boxes in file
# order, each box's roles in file order, then the roles in no box); every box
# and move is named in words; no group is left with an internal name. On
# every example, on hostile ladders (markup, entities, quotes, "]]>",
# emoji, "</title>" in every name), on one with no title, and xmllint reads
# every SVG. The checker must fail on the SVG Graphviz writes by itself from
# the same DOT, or it could not fail at all; docs/accessibility.md's sample
# reading must be what the reader prints. ld_finish_svg's edge cases
# (foreign or truncated input, every failing allocation) are in
# tests/unit/finish_svg.c. Sourced by tests/run.sh.

AY="$TMP/a11y"
mkdir -p "$AY"
AY_READER="$ROOT/tests/tools/svg_reader.py"

# ay_check READING.json MODEL.json: what a listener hears against the model;
# prints each difference, exit 1 when there is one
cat >"$AY/check.py" <<'EOF'
import json, sys
from collections import Counter
reading = json.load(open(sys.argv[1]))
model = json.load(open(sys.argv[2]))
bad = []
def expect(what, want, got):
    if want != got:
        bad.append('%s:\n  want %r\n  got  %r' % (what, want, got))
def num(v):
    return ('%.6f' % v).rstrip('0').rstrip('.')
def levels(text):
    return text.replace('..', ' to ')
def heard(text):    # XML cannot carry U+FFFE or U+FFFF: written (and heard) as U+FFFD
    return text.replace('\ufffe', '\ufffd').replace('\uffff', '\ufffd')
def plural(n, one, many):
    return '%d %s' % (n, one if n == 1 else many)
tracks = {t['id']: t['name'] for t in model['tracks']}
roles = model['roles']
ids = {r['id']: r for r in roles}
def role_title(r):
    return heard('%s (%s, %s)' % (r['name'], levels(r['levels']), tracks[r['track']]))
def box_title(b):
    one = b['level_min'] == b['level_max']
    return 'Box %s: %s %s' % (b['name'], 'level' if one else 'levels', levels(b['levels']))
def move_title(t):
    s = heard('%s \u2192 %s: %s' % (ids[t['from']]['name'], ids[t['to']]['name'], t['kind']))
    y = t['years']
    if y:
        if y.get('open'):
            s += ', %s or more years' % num(y['min'])
        elif y['max'] != y['min']:
            s += ', %s to %s years' % (num(y['min']), num(y['max']))
        else:
            s += ', %s %s' % (num(y['min']), 'year' if y['min'] == 1 else 'years')
    return s

expect('the root is an image', 'img', reading['role'])
expect('the root is named by the ladder title', model['ladder'] or 'Career ladder', reading['name'])
summary = '%s in %s' % (plural(len(roles), 'role', 'roles'), plural(len(model['tracks']), 'track', 'tracks'))
if not reading['description'].startswith(summary):
    bad.append('the description starts with %r: %r' % (summary, reading['description']))

# the reading order: boxes in file order, each box's roles in file order,
# then the roles in no box
box_index = {b['name']: k for k, b in enumerate(model['boxes'])}
order = sorted(range(len(roles)),
               key=lambda i: (box_index[roles[i]['box']] if roles[i]['box'] is not None else len(box_index), i))
groups = reading['groups']
heard_roles = [g['name'] for g in groups if g['class'] == 'node']
expect('every role, once, in reading order', [role_title(roles[i]) for i in order], heard_roles)
for r in roles:
    n = Counter(heard_roles)[role_title(r)]
    want = Counter(role_title(x) for x in roles)[role_title(r)]
    if n != want:
        bad.append('role %r is heard %d times as a node title, not %d' % (r['name'], n, want))
drawn = [b for b in model['boxes'] if any(r['box'] == b['name'] for r in roles)]
expect('every drawn box, in file order', [box_title(b) for b in drawn],
       [g['name'] for g in groups if g['class'] == 'cluster' and g['name'] != 'Legend'])
expect('every move, each once', sorted(move_title(t) for t in model['transitions']),
       sorted(g['name'] for g in groups if g['class'] == 'edge'))
expect('the legend is named', 1, sum(1 for g in groups if g['name'] == 'Legend'))
expect('no group has another name', len(roles) + len(drawn) + len(model['transitions']) + 1, len(groups))
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
EOF

# ay_map NAME LADDER: builds NAME's SVG and JSON from LADDER, checks it with
# xmllint, and queues its reading and check (ay_reads)
ay_map() {
    ay_name=$1
    (cd "$(dirname "$2")" && timeout 30 "$LADDERC" build -T svg -o "$AY/$ay_name.svg" "$(basename "$2")" &&
        timeout 30 "$LADDERC" build -T json -o "$AY/$ay_name.json" "$(basename "$2")") 2>"$AY/build.err"
    expect_eq "a11y: $ay_name builds" "0:" "$?:$(grep 'error' "$AY/build.err" | head -c 300)"
    if xmllint --noout "$AY/$ay_name.svg" 2>"$AY/x.err"; then
        pass "a11y: xmllint reads $ay_name.svg"
    else
        fail "a11y: xmllint reads $ay_name.svg" "$(head -5 "$AY/x.err")"
    fi
    ay_queue "$ay_name" "$ay_name"
}

# ay_queue SVG MODEL: queues the reading of $AY/SVG.svg and its check against
# $AY/MODEL.json. ay_reads does them all in one Python process (a start is
# ~0.1 s of CPU): svg_reader.py's reading into $AY/SVG.read, check.py's
# verdict into $AY/SVG.c.out, and a line "SVG|READ|CHECK" of exit statuses
# (READ 2: unreadable, its error in $AY/SVG.r.err; CHECK 1: a difference)
: >"$AY/queue"
ay_queue() { printf '%s|%s\n' "$1" "$2" >>"$AY/queue"; }
ay_reads() {
    python3 - "$ROOT/tests/tools" "$AY" >"$AY/reads" 2>"$AY/reads.err" <<'PY'
import contextlib, json, runpy, sys
sys.path.insert(0, sys.argv[1])
import svg_reader
ay = sys.argv[2]
for line in open(ay + '/queue', encoding='utf-8'):
    svg, model = line.rstrip('\n').split('|')
    try:
        r = svg_reader.read('%s/%s.svg' % (ay, svg))
    except (svg_reader.ET.ParseError, ValueError, OSError) as e:
        with open('%s/%s.r.err' % (ay, svg), 'w', encoding='utf-8') as f:
            f.write('svg_reader.py: %s.svg: %s\n' % (svg, e))
        print('%s|2|-' % svg)
        continue
    with open('%s/%s.read' % (ay, svg), 'w', encoding='utf-8') as f:
        json.dump(r, f, ensure_ascii=False)
    sys.argv = ['check.py', '%s/%s.read' % (ay, svg), '%s/%s.json' % (ay, model)]
    rc = 0
    with open('%s/%s.c.out' % (ay, svg), 'w', encoding='utf-8') as out, contextlib.redirect_stdout(out):
        try:
            runpy.run_path(ay + '/check.py', run_name='__main__')
        except SystemExit as e:
            rc = e.code if isinstance(e.code, int) else 1
        except Exception as e:    # a crash of the checker is a difference too
            print('check.py: %r' % e)
            rc = 1
    print('%s|0|%d' % (svg, rc))
PY
}
# ay_verdict SVG: READ|CHECK of SVG from ay_reads ("" if it did not get there)
ay_verdict() { sed -n "s/^$1|//p" "$AY/reads"; }

# (under the sanitizers the skills map and the framework (read again below)
# alone: the other examples' SVGs go through the same code, checked in the
# normal run)
for f in "$ROOT"/examples/*.ladder; do
    case "${LADDERC_SANITIZED:-}:$(basename "$f")" in
    :* | *:skills-map.ladder | *:framework.ladder) ;;
    *) continue ;;
    esac
    ay_map "$(basename "$f" .ladder)" "$f"
done

# ---- hostile names, in every place a name reaches a title ----
cat >"$AY/hostile.ladder" <<'EOF'
ladder "T <&> \"q\" 'a' ]]> </title><desc>x</desc> &amp; &#60; \\N 🚀"
levels L3..L11
track ic "I & C </title> ]]>"
track mgr "M \"q\" 🚀" levels M4..M8 = L4..L8
box "B <x> & ]]> </title>" L5..L6
box "Empty" L11
role a "A \"q\" \\ \\N <b> & &amp; | \\n" track ic level L5 at (10, 10)
role b "</title></g></svg><script>alert(1)</script>" track ic level L6 at (60, 60)
role c "]]> 'x' &#60;script&#62; 🚀👩‍👩‍👧" track ic level L7..L8 at (65, 80)
role d "A \"q\" \\ \\N <b> & &amp; | \\n" track mgr level M5 at (70, 20)
role e "Same" track ic level L9 at (80, 80)
role f "Same" track mgr level M8 at (90, 90)
a -> b
b -> c years 1..1
c -> e years 2..
a -> d lateral
d -> f
EOF
# U+FFFE and U+FFFF: valid UTF-8 the checker accepts, characters XML forbids
printf 'role g "Non\357\277\276char\357\277\277" track ic level L10 at (95, 95)\ne -> g\n' >>"$AY/hostile.ladder"
ay_map hostile "$AY/hostile.ladder"
expect_eq "a11y: hostile: the root's <title> holds the title, escaped once" "1" \
    "$(grep -c '^<title id="ladder-title">T &lt;&amp;&gt; &quot;q&quot; &#39;a&#39; \]\]&gt; &lt;/title&gt;&lt;desc&gt;x&lt;/desc&gt; &amp;amp; &amp;#60; \\N 🚀</title>$' "$AY/hostile.svg")"
expect_eq "a11y: hostile: no </title> or ]]> from a name is raw" "0" \
    "$(grep -c '</title></\|]]>' "$AY/hostile.svg")"

# ---- no title: the fallback; roles in no box come last ----
cat >"$AY/untitled.ladder" <<'EOF'
levels L1..L4
track ic "Engineering"
box "High" L3..L4
role low "Low" track ic level L1 at (10, 10)
role high "High one" track ic level L3 at (50, 50)
role mid "Mid" track ic level L2 at (30, 30)
role top "Top" track ic level L4 at (90, 90)
low -> mid
EOF
ay_map untitled "$AY/untitled.ladder"
expect_eq "a11y: untitled: roles read box first, then the rest, each in file order" \
    "High one (L3, Engineering)|Top (L4, Engineering)|Low (L1, Engineering)|Mid (L2, Engineering)" \
    "$(python3 "$AY_READER" "$AY/untitled.svg" | sed -n 's/^group: //p' | grep '(L' | paste -s -d '|' -)"
expect_eq "a11y: untitled: the description" \
    "description: 4 roles in 1 track, levels L1 to L4; 1 box, 1 move." \
    "$(python3 "$AY_READER" "$AY/untitled.svg" | grep '^description')"

# ---- the checker can fail: Graphviz's own SVG of the same DOT ----
(cd "$ROOT/examples" && timeout 30 "$LADDERC" build -T dot skills-map.ladder) >"$AY/raw.dot" 2>/dev/null
neato -n -Tsvg "$AY/raw.dot" >"$AY/raw.svg" 2>/dev/null
ay_queue raw skills-map

# ---- every reading queued above, and its check ----
ay_reads
while IFS='|' read -r ay_name _; do
    [ "$ay_name" = raw ] && continue
    case $(ay_verdict "$ay_name") in
    0\|0) pass "a11y: $ay_name.svg reads as the ladder says" ;;
    0\|*) fail "a11y: $ay_name.svg reads as the ladder says" "$(head -c 3000 "$AY/$ay_name.c.out")" ;;
    2\|*) fail "a11y: svg_reader.py reads $ay_name.svg" "$(head -5 "$AY/$ay_name.r.err")" ;;
    *) fail "a11y: svg_reader.py reads $ay_name.svg" "the reading stopped: $(tail -5 "$AY/reads.err")" ;;
    esac
done <"$AY/queue"
# the checker can fail: on Graphviz's own SVG
case $(ay_verdict raw) in
0\|0) fail "a11y: the checker rejects Graphviz's own SVG (role ids as titles, no name)" "it passed" ;;
0\|*)
    grep -q "the root is an image" "$AY/raw.c.out" && grep -q "every role, once, in reading order" "$AY/raw.c.out" &&
        pass "a11y: the checker rejects Graphviz's own SVG (role ids as titles, no name)" ||
        fail "a11y: the checker rejects Graphviz's own SVG for the right reasons" "$(head -c 2000 "$AY/raw.c.out")" ;;
*) fail "a11y: the checker rejects Graphviz's own SVG (role ids as titles, no name)" "svg_reader.py did not read it: $(head -5 "$AY/raw.r.err" "$AY/reads.err" 2>/dev/null)" ;;
esac

# ---- docs/accessibility.md shows what the reader prints for the framework ----
awk '/^\$ python3 tests\/tools\/svg_reader.py map.svg/ { f = 1; next } f && /^```/ { exit } f && !/^\.\.\./' \
    "$ROOT/docs/accessibility.md" >"$AY/doc.lines"
python3 "$AY_READER" "$AY/framework.svg" >"$AY/framework.txt" 2>&1
ay_missing=$(grep -vxF -f "$AY/framework.txt" "$AY/doc.lines")
[ -s "$AY/doc.lines" ] && [ -z "$ay_missing" ] && pass "a11y: docs/accessibility.md's reading of the framework is what the reader prints" \
    || fail "a11y: docs/accessibility.md's reading of the framework is what the reader prints" "lines: $(wc -l <"$AY/doc.lines"); not printed: $ay_missing"
