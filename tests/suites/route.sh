# route.sh - the map's arrows and their years labels (lib/emit/route.c),
# checked on the SVG ladderc draws by tests/route_check.py, from the drawn
# shapes: no arrow crosses a role it does not connect where the case leaves
# room for a detour, and no label lies on another label or on a role.
# Also tests/internal/route.c, the router's own C test (crafted rectangles,
# the hostile shapes, and the work bound counted, not timed).
# The cases are in tests/route/. Sourced by tests/run.sh.

RT="$TMP/route"
mkdir -p "$RT"
RT_CHECK="python3 $ROOT/tests/route_check.py"

# ---- the C test of the router (normal run only, as index-edges.sh) ----
if [ -z "${LADDERC_SANITIZED:-}" ]; then
    if ${CC:-cc} -std=c11 -Wall -Wextra -Werror -O1 -g -D_POSIX_C_SOURCE=200809L -I"$ROOT/lib" \
        -I"$ROOT/lib/syntax" -I"$ROOT/lib/emit" -I"$ROOT/build" -o "$RT/route_test" \
        "$ROOT/tests/internal/route.c" "$ROOT/build/libladder.a" -lm 2>"$RT/cc.err"; then
        if "$RT/route_test" >"$RT/unit.out" 2>&1; then
            pass "route: tests/internal/route (detours, labels apart, one spot, two rows, bounded work)"
        else
            fail "route: tests/internal/route" "$(head -20 "$RT/unit.out")"
        fi
    else
        fail "route: tests/internal/route.c compiles against build/libladder.a" "$(head -10 "$RT/cc.err")"
    fi
fi

# rt_clean NAME LADDER [CHECK OPTION [TEST]]: LADDER renders to SVG, and the
# checker finds no arrow over a role and no label on a label or a role. The
# check is queued: rt_checks runs tests/route_check.py's main on every queued
# SVG in one Python process (a start is ~0.1 s of CPU), its report in
# $RT/NAME.check, and passes or fails TEST by its exit status
: >"$RT/checks"
rt_clean() {
    if ! timeout 60 "$LADDERC" build -T svg -o "$RT/$1.svg" "$2" 2>"$RT/$1.err"; then
        fail "route: $1 renders" "$(head -5 "$RT/$1.err")"
        return
    fi
    printf '%s|%s|%s\n' "$1" "${3:-}" "${4:-no arrow over a role, no label on a label or a role}" >>"$RT/checks"
}
rt_checks() {
    python3 - "$ROOT/tests" "$RT" >"$RT/checks.rc" 2>&1 <<'PY'
import contextlib, sys
sys.path.insert(0, sys.argv[1])
import route_check
rt = sys.argv[2]
for line in open(rt + '/checks', encoding='utf-8'):
    name, opt, _test = line.rstrip('\n').split('|', 2)
    args = ([opt] if opt else []) + ['%s/%s.svg' % (rt, name)]
    with open('%s/%s.check' % (rt, name), 'w', encoding='utf-8') as out, contextlib.redirect_stdout(out):
        try:
            rc = route_check.main(args)
        except Exception as e:    # an SVG it cannot read fails the test
            print('route_check.py: %r' % e)
            rc = 2
    print(rc)
PY
    while IFS='|' read -r rt_name _ rt_test; do
        rt_rc=""
        IFS= read -r rt_rc <&3 || rt_rc="none: $(tail -3 "$RT/checks.rc")"
        if [ "$rt_rc" = 0 ]; then
            pass "route: $rt_name: $rt_test"
        else
            fail "route: $rt_name: $rt_test" "$(head -10 "$RT/$rt_name.check" 2>/dev/null) $rt_rc"
        fi
    done <"$RT/checks" 3<"$RT/checks.rc"
}

# a move over the role between its two ends (there is room above and below)
rt_clean blocked "$ROOT/tests/route/blocked.ladder"
# moves both ways between two roles, and two fans of moves with labels
rt_clean parallel "$ROOT/tests/route/parallel.ladder"
for rt_ex in skills-map framework acme northwind; do
    rt_clean "$rt_ex" "$ROOT/examples/$rt_ex.ladder"
done

# grids whose long moves cross rows of roles: two bends take them through
# the gaps of the 50-role one; the 100-role one's gaps are narrower, and
# the search finds the way
for rt_n in 50 100; do
    awk -v n=$rt_n -f "$ROOT/tests/route/grid.awk" >"$RT/grid$rt_n.ladder"
    rt_clean grid$rt_n "$RT/grid$rt_n.ladder"
done

# a crowded 50-role map (roles too close for today's largest scale: then
# Graphviz drew every arrow straight, across roles)
awk -v n=50 -f "$ROOT/tests/route/crowd.awk" >"$RT/crowd50.ladder"
rt_clean crowd50 "$RT/crowd50.ladder"

# the issue's crowded 50-role map (tests/tools/gen_ladder.py, seeded)
if python3 "$ROOT/tests/tools/gen_ladder.py" crowded 50 >"$RT/gen-crowded50.ladder" 2>"$RT/gen.err"; then
    rt_clean gen-crowded50 "$RT/gen-crowded50.ladder"
else
    fail "route: gen_ladder.py crowded 50" "$(head -5 "$RT/gen.err")"
fi

# 30 x 30 moves between the same two rows (900 labels): bounded (timeout),
# and the labels that are shown do not stack
awk -v n=30 -f "$ROOT/tests/route/rows.awk" >"$RT/rows30.ladder"
rt_clean rows30 "$RT/rows30.ladder" --labels-only "900 moves between two rows: labels on no label or role"
rt_shown=$("$LADDERC" build -T dot "$RT/rows30.ladder" 2>/dev/null | grep -c ' lp="')
if [ "$rt_shown" -gt 100 ]; then
    pass "route: rows30 still shows labels ($rt_shown of 900), the rest in tooltips"
else
    fail "route: rows30 shows too few labels: $rt_shown of 900"
fi

# every map queued above, checked at once
rt_checks

# the checker itself catches both faults: an arrow drawn straight through a
# role and two labels on one spot (DOT laid out by Graphviz as given)
cat >"$RT/bad.dot" <<'EOF'
digraph bad { graph [splines=line];
  node [shape=box, style=rounded, fixedsize=true, width=1, height=0.5, fontname=Helvetica];
  edge [fontname=Helvetica, fontsize=8];
  a [pos="0,0!"]; b [pos="200,0!"]; c [pos="400,0!"];
  a -> c [label="3..8 y", pos="e,364,0 36,0 140,0 250,0 356,0", lp="200,60"];
  a -> b [label="3..8 y", pos="e,164,0 36,0 80,0 120,0 156,0", lp="200,62"];
}
EOF
if neato -n2 -Tsvg "$RT/bad.dot" >"$RT/bad.svg" 2>"$RT/bad.err"; then
    $RT_CHECK "$RT/bad.svg" >"$RT/bad.check" 2>&1
    rt_rc=$?
    rt_what=$(sed 's/ at (.*//' "$RT/bad.check" | sort | tr '\n' ';')
    expect_eq "route: the checker reports an arrow over a role and two stacked labels" \
        "1:edge a->c crosses node b;labels of a->b and a->c overlap;" "$rt_rc:$rt_what"
else
    fail "route: Graphviz lays out the checker's bad example" "$(head -5 "$RT/bad.err")"
fi
