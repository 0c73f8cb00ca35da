# layout.sh - the relative layout (lib/layout.c, docs/layout.md) and its
# statement. tests/internal/layout_props.c checks the layout's promises on
# thousands of random models against a brute-force search; here the whole
# program: the default map keeps each axis's order and its boxes apart,
# `layout exact` (the statement, and --layout exact) gives 0.2's geometry,
# W153 stays within its cap, and a hostile map costs linear work.
# Sourced by tests/run.sh.

LY="$TMP/layout"
mkdir -p "$LY"

# ---- the properties, on random models (normal run only) ----
if [ -z "${LADDERC_SANITIZED:-}" ]; then
    if ${CC:-cc} -std=c11 -Wall -Wextra -Werror -O1 -g -D_POSIX_C_SOURCE=200809L -I"$ROOT/lib" \
        -o "$LY/layout_props" "$ROOT/tests/internal/layout_props.c" "$ROOT/build/libladder.a" -lm \
        2>"$LY/cc.err"; then
        "$LY/layout_props" 4000 >"$LY/props.out" 2>&1
        expect_eq "layout: 4000 random models keep order, stay apart, and W153 finds exactly the forced overlaps" \
            "0:4000 models" "$?:$(tail -1 "$LY/props.out")"
    else
        fail "layout: tests/internal/layout_props.c compiles against build/libladder.a" "$(head -10 "$LY/cc.err")"
    fi
fi

# ly_geometry DOT: each role's pos and each box's bb (tests/tools/dot-geometry.awk)
ly_geometry() { awk -f "$ROOT/tests/tools/dot-geometry.awk" "$1"; }

# ---- layout exact: 0.2's geometry, byte for byte ----
for ex in skills-map acme; do
    { cat "$ROOT/examples/$ex.ladder"; printf '\nlayout exact\n'; } >"$LY/$ex-exact.ladder"
    "$LADDERC" build -T dot -o "$LY/$ex-exact.dot" "$LY/$ex-exact.ladder" 2>"$LY/err"
    expect_eq "layout: 'layout exact' puts $ex's roles and boxes where 0.2 did" \
        "$(cat "$ROOT/tests/golden/$ex-exact.pos")" "$(ly_geometry "$LY/$ex-exact.dot")"
    if "$LADDERC" build --help 2>&1 | grep -q -- '--layout'; then
        "$LADDERC" build -T dot --layout exact -o "$LY/$ex-flag.dot" "$ROOT/examples/$ex.ladder" 2>"$LY/err"
        expect_eq "layout: --layout exact gives what the statement gives ($ex)" \
            "$(cat "$LY/$ex-exact.dot")" "$(cat "$LY/$ex-flag.dot")"
        { cat "$LY/$ex-exact.ladder"; } >"$LY/$ex-both.ladder"
        "$LADDERC" build -T dot --layout relative -o "$LY/$ex-rel.dot" "$LY/$ex-both.ladder" 2>"$LY/err"
        "$LADDERC" build -T dot -o "$LY/$ex-default.dot" "$ROOT/examples/$ex.ladder" 2>"$LY/err"
        expect_eq "layout: --layout relative overrides the file's 'layout exact' ($ex)" \
            "$(ly_geometry "$LY/$ex-default.dot")" "$(ly_geometry "$LY/$ex-rel.dot")"
    fi
done

# ---- the default map: order kept, roles and boxes apart (from the DOT) ----
# ly_check DOT JSON: exit 1 with a line per broken promise. Roles are
# rectangles (pos, width, height in inches), boxes their bb.
cat >"$LY/check.py" <<'PY'
import json, re, sys
dot, js = open(sys.argv[1]).read(), json.load(open(sys.argv[2]))
roles, boxes, cur = {}, [], None
for line in dot.splitlines():
    m = re.match(r'\s*subgraph cluster_(\d+) \{', line)
    if m: cur = int(m.group(1)); continue
    m = re.search(r'bb="([-\d.]+),([-\d.]+),([-\d.]+),([-\d.]+)"', line)
    if m and cur is not None:
        boxes.append((cur, [float(v) for v in m.groups()])); cur = None; continue
    m = re.match(r'\s*"([^"_][^"]*)" \[.*pos="([-\d.]+),([-\d.]+)!", width=([\d.]+), height=([\d.]+)', line)
    if m:
        roles[m.group(1)] = [float(v) for v in m.groups()[1:]]
bad = []
rs = js['roles']
for a in rs:
    for b in rs:
        pa, pb = roles[a['id']], roles[b['id']]
        for ax, k in ((0, 'x'), (1, 'y')):
            if a[k] < b[k] and not pa[ax] < pb[ax]: bad.append('order %s %s %s' % (k, a['id'], b['id']))
            if a[k] == b[k] and (a['x'], a['y']) != (b['x'], b['y']) and pa[ax] != pb[ax] and ax == 1:
                bad.append('tie %s %s %s' % (k, a['id'], b['id']))
        if a['id'] < b['id'] and abs(pa[0] - pb[0]) * 2 < (pa[2] + pb[2]) * 72 and abs(pa[1] - pb[1]) * 2 < (pa[3] + pb[3]) * 72:
            bad.append('overlap %s %s' % (a['id'], b['id']))
for i, (k, f) in enumerate(boxes):
    for j, (l, g) in enumerate(boxes):
        if i < j and f[0] < g[2] and g[0] < f[2] and f[1] < g[3] and g[1] < f[3]:
            bad.append('frames %d %d' % (k, l))
print('\n'.join(bad)); sys.exit(1 if bad else 0)
PY
for ex in skills-map acme northwind; do
    "$LADDERC" build -T dot -o "$LY/$ex.dot" "$ROOT/examples/$ex.ladder" 2>"$LY/err"
    "$LADDERC" build -T json -o "$LY/$ex.json" "$ROOT/examples/$ex.ladder" 2>>"$LY/err"
    expect_eq "layout: $ex's default map keeps the order, and its roles and frames apart (and no W153)" \
        "0:" "$(python3 "$LY/check.py" "$LY/$ex.dot" "$LY/$ex.json" >"$LY/bad" 2>&1; echo $?):$(cat "$LY/bad" "$LY/err")"
done

# ---- W153 is capped; a crowd of interleaved boxes costs linear work ----
python3 - "$LY/boxes.ladder" <<'PY'
import sys
n = 3000
with open(sys.argv[1], 'w') as f:
    f.write('levels L1..L%d\ntrack ic "IC"\n' % n)
    for i in range(1, n + 1):
        f.write('box "B%d" L%d\n' % (i, i))
    # every box spans the whole width and interleaves with every other one
    for i in range(1, n + 1):
        f.write('role a%d "A%d" track ic level L%d at (0, %d)\n' % (i, i, i, i))
        f.write('role b%d "B%d" track ic level L%d at (100, %d)\n' % (i, i, i, n + 1 - i))
PY
"$LADDERC" check --max-diagnostics=0 --diagnostics=json "$LY/boxes.ladder" >"$LY/boxes.json" 2>"$LY/err"
expect_eq "layout: 3,000 boxes, each interleaved with all others: at most 100 W153" \
    "100" "$(python3 -c 'import json,sys; print(sum(1 for d in json.load(open(sys.argv[1])) if d["code"] == "W153"))' "$LY/boxes.json" 2>&1)"

# ---- the arrows: routed by ladderc up to 2,000 moves, straight beyond ----
# (ROUTED_MOVES_MAX in emit_dot.c: route.c's cost, docs/routing.md)
ly_moves() {
    python3 - "$1" "$2" <<'PY'
import sys
path, moves = sys.argv[1], int(sys.argv[2])
with open(path, 'w') as f:
    f.write('levels L1..L100\ntrack ic "IC"\n')
    for i in range(1, 101):
        f.write('role r%d "R%d" track ic level L%d at (%d, %d)\n' % (i, i, i, i - 1, (i * 37) % 100))
    n = 0
    for i in range(1, 101):
        for j in range(i + 1, 101):
            if n < moves:
                f.write('r%d -> r%d\n' % (i, j)); n += 1
PY
}
for ly_n in 2000 2001; do
    ly_moves "$LY/moves$ly_n.ladder" $ly_n
    "$LADDERC" build -T dot -o "$LY/moves$ly_n.dot" "$LY/moves$ly_n.ladder" 2>"$LY/err"
    echo "$?:$(head -c 200 "$LY/err"):$(grep -c 'layout=nop2, splines=line' "$LY/moves$ly_n.dot"):$(grep -c ' -> "r[0-9]*" \[id="move-[0-9]*", pos="e,' "$LY/moves$ly_n.dot")" >"$LY/moves$ly_n.got"
done
expect_eq "layout: 2,000 moves are routed by ladderc (nop2, every arrow its own spline)" "0::1:2000" "$(cat "$LY/moves2000.got")"
expect_eq "layout: 2,001 moves are straight lines (nop, splines=line, no spline given)" "0::0:0" "$(cat "$LY/moves2001.got")"
grep -q 'layout=nop, splines=line' "$LY/moves2001.dot" && pass "layout: 2,001 moves: the header asks for straight lines" \
    || fail "layout: 2,001 moves: the header asks for straight lines" "$(sed -n 2p "$LY/moves2001.dot")"
