# geometry.sh - the skills map reads well (issue 12, "How to measure it"):
# tests/tools/svg_geometry.py reads the SVG ladderc draws and asserts, from
# the drawn shapes, that no two roles overlap, no role lies in another box's
# frame, no two frames overlap (unless W153 said why), every box label is in
# the picture, in its frame and clear of the others, and each axis keeps the
# file's order. It runs on every example, on generated ladders
# (tests/tools/gen_ladder.py: crowded ones of 50, 300 and 1,000 roles, a
# framework of 9 tracks and 48 roles), and on a ladder whose boxes cannot be
# drawn apart (W153 must say so). With `--layout exact` a map only has to
# render: the author pinned every role. The checker itself is tested first,
# on hand-made SVGs (tests/tools/geometry_fixtures.py) with one defect each,
# in the light, dark and square styles: every check must fire, and alone;
# and on the real dark theme's SVG.
# No time is asserted: `make bench` measures the render time.
# Sourced by tests/run.sh.
#
# The 1,000-role ladder is in the slow tier (make check-slow); under the
# sanitizers only the skills map runs.
# runner: budget 10
#   (5.6 s measured on main at 4d99ffa: eight examples and four generated maps,
#   each built three times and checked, two of them dark, and 22 fixtures;
#   the flag of --layout exact adds about 1 s)

GM="$TMP/geometry"
mkdir -p "$GM"
GM_TOOLS="$ROOT/tests/tools"

# gm_fixtures: the checker against fixtures that say what it must report:
# exactly the expected kinds, each expected line matched by a violation
# naming its names (one Python process for all: they are many and small)
gm_fixtures() {
    if ! python3 "$GM_TOOLS/geometry_fixtures.py" "$GM/fx" 2>"$GM/fx.err"; then
        fail "geometry: the checker's fixtures are written" "$(head -5 "$GM/fx.err")"
        return
    fi
    python3 - "$GM_TOOLS" "$GM"/fx/*.expect >"$GM/fx.verdicts" 2>&1 <<'PY'
import os, sys
sys.path.insert(0, sys.argv[1])
import svg_geometry as sg
for exp_path in sys.argv[2:]:
    n = exp_path[:-len('.expect')]
    exp = [l.rstrip('\n').split('|') for l in open(exp_path) if l.strip()]
    out = sg.check_files(n + '.svg', n + '.json', n + '.dot', n + '.err')
    bad = []
    kinds = sorted({l.split(':')[0] for l in out})
    want = sorted({e[0] for e in exp})
    if kinds != want:
        bad.append('kinds %s, expected %s' % (kinds, want))
    for e in exp:
        if not any(l.startswith(e[0] + ':') and all(x in l for x in e[1:]) for l in out):
            bad.append('no %s line naming %s' % (e[0], ', '.join(e[1:])))
    print('%s|%s|%s' % (os.path.basename(n), '; '.join(bad), ' / '.join(out[:4]).replace('|', '/')))
PY
    [ "$(grep -c '|' "$GM/fx.verdicts")" -ge 20 ] ||
        fail "geometry: the checker runs on its fixtures" "$(tail -5 "$GM/fx.verdicts")"
    while IFS='|' read -r gm_name gm_bad gm_out; do
        if [ -z "$gm_bad" ]; then
            pass "geometry: the checker on fixture $gm_name"
        else
            fail "geometry: the checker on fixture $gm_name" "$gm_bad
$gm_out"
        fi
    done <"$GM/fx.verdicts"
    # the command line says the same: exit 1 and a line per violation, 0 and
    # nothing when clean, 2 on a file it cannot read
    python3 "$GM_TOOLS/svg_geometry.py" --svg "$GM/fx/frames.svg" --json "$GM/fx/frames.json" \
        --dot "$GM/fx/frames.dot" --stderr "$GM/fx/frames.err" >"$GM/fx.cli" 2>&1
    expect_eq "geometry: svg_geometry.py exits 1 with a line per violation" "1:2" "$?:$(grep -c . "$GM/fx.cli")"
    python3 "$GM_TOOLS/svg_geometry.py" --svg "$GM/fx/clean-dark.svg" --json "$GM/fx/clean-dark.json" >"$GM/fx.cli" 2>&1
    expect_eq "geometry: svg_geometry.py exits 0 and says nothing on a clean map" "0:" "$?:$(cat "$GM/fx.cli")"
    python3 "$GM_TOOLS/svg_geometry.py" --svg "$GM/fx/none.svg" --json "$GM/fx/clean-dark.json" >"$GM/fx.cli" 2>&1
    expect_eq "geometry: svg_geometry.py exits 2 on a file it cannot read" "2" "$?"
}

# gm_map NAME LADDER [BUILD OPTION...]: builds LADDER's svg, json and dot (the
# svg build's stderr has the warnings) and queues the geometry check of
# them for gm_checks; passes when the checker finds nothing. Every build
# under `timeout 30`: 10 times the 3 s that a 1,000-role map may take (a
# hang fails, no time is measured).
gm_map() {
    gm_name=$1 gm_ladder=$2
    shift 2
    for gm_fmt in svg json dot; do
        timeout 30 "$LADDERC" build -T "$gm_fmt" -o "$GM/$gm_name.$gm_fmt" "$@" -- "$gm_ladder" \
            2>"$GM/$gm_name.$gm_fmt.err"
        gm_rc=$?
        if [ "$gm_rc" != 0 ]; then
            fail "geometry: $gm_name: ladderc build -T $gm_fmt $*" "exit status $gm_rc
$(head -5 "$GM/$gm_name.$gm_fmt.err")"
            return 1
        fi
    done
    gm_check "$gm_name" "$gm_name: no overlap, frames apart, labels clear, order kept" \
        "$GM/$gm_name.svg" "$GM/$gm_name.json" "$GM/$gm_name.dot" "$GM/$gm_name.svg.err"
}

# gm_check OUT TEST SVG JSON DOT STDERR: queues one map's check (its
# violations to $GM/OUT.out); gm_checks runs them all in one Python process
# (a Python start is ~0.1 s of CPU, and there are a dozen maps) and passes or
# fails TEST for each, as svg_geometry.py's exit status would (0 clean, 1
# violations, 2 unreadable)
: >"$GM/checks"
gm_check() {
    printf '%s|%s|%s|%s|%s|%s\n' "$@" >>"$GM/checks"
}
gm_checks() {
    python3 - "$GM_TOOLS" "$GM" >"$GM/checks.rc" 2>&1 <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import svg_geometry as sg
for line in open(sys.argv[2] + '/checks', encoding='utf-8'):
    out, _test, svg, js, dot, err = line.rstrip('\n').split('|')
    with open('%s/%s.out' % (sys.argv[2], out), 'w', encoding='utf-8') as f:
        try:
            violations = sg.check_files(svg, js, dot, err)
        except sg.BadInput as e:
            f.write('svg_geometry: error: %s\n' % e)
            rc = 2
        else:
            for v in violations:
                f.write(v + '\n')
            rc = 1 if violations else 0
    print(rc)
PY
    # one status a map, in order (a crash of the checker leaves fewer: those fail)
    while IFS='|' read -r gm_out gm_test _; do
        gm_rc=""
        IFS= read -r gm_rc <&3 || gm_rc="none (the checker stopped: $(tail -3 "$GM/checks.rc"))"
        if [ "$gm_rc" = 0 ]; then
            pass "geometry: $gm_test"
        else
            fail "geometry: $gm_test" \
                "exit status $gm_rc, $(grep -c . "$GM/$gm_out.out" 2>/dev/null) violations ($(cut -d: -f1 "$GM/$gm_out.out" 2>/dev/null | sort | uniq -c | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2 }')):
$(head -8 "$GM/$gm_out.out" 2>/dev/null)"
        fi
    done <"$GM/checks" 3<"$GM/checks.rc"
}

# gm_exact NAME LADDER: with `layout exact` (the statement, added to a copy
# of LADDER in a copy of its folder, so that its imports resolve) and with
# --layout exact, the map renders, as valid XML: the author pinned every
# role, so nothing else is asked of it
gm_exact() {
    gm_en=$1
    rm -rf "$GM/exact" && mkdir -p "$GM/exact"
    case $2 in
    "$GM"/*) cp "$2" "$GM/exact/" ;;                    # generated: no imports
    *) cp -R "$(dirname "$2")/." "$GM/exact/" ;;
    esac
    gm_copy="$GM/exact/$(basename "$2")"
    printf '\nlayout exact\n' >>"$gm_copy"
    gm_exact_one statement "$gm_copy"
    gm_exact_one flag --layout exact "$2"
}

# gm_exact_one HOW BUILD-ARGUMENT... LADDER (for gm_exact)
gm_exact_one() {
    gm_how=$1
    shift
    timeout 30 "$LADDERC" build -T svg -o "$GM/$gm_en.exact.svg" "$@" 2>"$GM/$gm_en.exact.err"
    gm_rc=$?
    if [ "$gm_rc" = 0 ] && xmllint --noout "$GM/$gm_en.exact.svg" 2>"$GM/$gm_en.exact.xml"; then
        pass "geometry: $gm_en: layout exact renders ($gm_how)"
    else
        fail "geometry: $gm_en: layout exact renders ($gm_how)" "exit status $gm_rc
$(head -5 "$GM/$gm_en.exact.err" "$GM/$gm_en.exact.xml" 2>/dev/null)"
    fi
}

# gm_gen NAME ARGS...: a generated ladder, $GM/NAME.ladder
gm_gen() {
    gm_name=$1
    shift
    python3 "$GM_TOOLS/gen_ladder.py" "$@" >"$GM/$gm_name.ladder" 2>"$GM/$gm_name.gen.err" \
        || fail "geometry: gen_ladder.py $*" "$(head -5 "$GM/$gm_name.gen.err")"
}

# ---- the examples --------------------------------------------------------

# under the sanitizers the skills map alone: the geometry is the same, and
# the layout's code runs under ASan on it (backends.sh builds every example)
gm_examples="$ROOT/examples/*.ladder $ROOT/examples/*/*.ladder"
[ -n "${LADDERC_SANITIZED:-}" ] && gm_examples="$ROOT/examples/skills-map.ladder"
for gm_f in $gm_examples; do
    [ -f "$gm_f" ] || continue
    gm_ex=$(echo "${gm_f#"$ROOT"/examples/}" | sed 's/\.ladder$//; s|/|-|g')
    gm_map "$gm_ex" "$gm_f"
    gm_exact "$gm_ex" "$gm_f"
done

if [ -z "${LADDERC_SANITIZED:-}" ]; then
    gm_fixtures

    # ---- generated ladders -------------------------------------------------
    # the generators are deterministic: the same arguments, the same bytes
    gm_gen crowded50 crowded 50
    gm_gen crowded50.again crowded 50
    expect_eq "geometry: gen_ladder.py writes the same ladder twice" \
        "$(cksum <"$GM/crowded50.ladder")" "$(cksum <"$GM/crowded50.again.ladder")"
    gm_gen gen-framework framework
    gm_gen crowded300 crowded 300
    # generated ladders are clean: no error and no warning, so that whatever
    # the checker finds is the layout's
    for gm_n in crowded50 gen-framework crowded300; do
        "$LADDERC" check "$GM/$gm_n.ladder" >"$GM/$gm_n.check" 2>&1
        expect_eq "geometry: the generated $gm_n checks clean" "0:" "$?:$(head -c 300 "$GM/$gm_n.check")"
    done
    expect_eq "geometry: the framework has 9 tracks and 48 roles" "9 48" \
        "$(grep -c '^track ' "$GM/gen-framework.ladder") $(grep -c '^role ' "$GM/gen-framework.ladder")"
    gm_map crowded50 "$GM/crowded50.ladder"
    gm_exact crowded50 "$GM/crowded50.ladder"
    gm_map gen-framework "$GM/gen-framework.ladder"
    gm_exact gen-framework "$GM/gen-framework.ladder"
    gm_map crowded300 "$GM/crowded300.ladder"
    if [ -n "$CHECK_SLOW" ]; then
        gm_gen crowded1000 crowded 1000
        gm_map crowded1000 "$GM/crowded1000.ladder"
        gm_exact crowded1000 "$GM/crowded1000.ladder"
    fi

    # ---- two roles at one point (W152) ------------------------------------------
    # the layout must split a and b; c shares their x, d their y: whichever
    # axis splits them breaks a tie the checker then does not hold against it
    cat >"$GM/twins.ladder" <<'EOF'
levels L1..L3
track ic "Individual contributor"
box "Low" L1..L2
role a "Engineer"        track ic level L1 at (10, 10)
role b "Analyst"         track ic level L1 at (10, 10)
role c "Senior Engineer" track ic level L2 at (10, 30)
role d "Senior Analyst"  track ic level L2 at (20, 10)
a -> c
b -> d
EOF
    gm_map twins "$GM/twins.ladder"

    # ---- the dark theme ------------------------------------------------------
    # the same checks on the dark map (other fills, a dark page; the 48-role
    # framework's ninth track is dashed): its DOT from the library with
    # ld_config.theme = LD_THEME_DARK (build/unit/themes, as themes.sh), drawn
    # by Graphviz (the DOT says layout=nop, as ladderc's renderer runs it)
    for gm_n in skills-map gen-framework; do
        gm_l="$GM/$gm_n.ladder"
        [ "$gm_n" = skills-map ] && gm_l="$ROOT/examples/skills-map.ladder"
        if timeout 30 "$ROOT/build/unit/themes" --dot dark "$gm_l" >"$GM/$gm_n-dark.dot" 2>"$GM/$gm_n-dark.err" &&
            dot -Tsvg -o "$GM/$gm_n-dark.svg" "$GM/$gm_n-dark.dot" 2>>"$GM/$gm_n-dark.err" &&
            grep -q '<polygon fill="#1b1e23"' "$GM/$gm_n-dark.svg"; then
            gm_check "$gm_n-dark" "$gm_n, dark theme: no overlap, frames apart, labels clear, order kept" \
                "$GM/$gm_n-dark.svg" "$GM/$gm_n.json" "$GM/$gm_n-dark.dot" "$GM/$gm_n.svg.err"
        else
            fail "geometry: $gm_n, dark theme: drawn dark" "$(head -5 "$GM/$gm_n-dark.err")"
        fi
    done

    # ---- boxes that cannot be drawn apart ------------------------------------
    # Low's roles and High's interleave on both axes, so no layout that keeps
    # the order can draw the two frames apart: W153 must name both boxes, and
    # then (only then) the checker accepts the overlap.
    cat >"$GM/w153.ladder" <<'EOF'
ladder "Interleaved boxes"
levels L1..L2
track ic "Individual contributor"
box "Low"  L1
box "High" L2
role a "Engineer"        track ic level L1 at (10, 10)
role b "Senior Engineer" track ic level L1 at (50, 50)
role c "Staff Engineer"  track ic level L2 at (30, 30)
role d "Principal"       track ic level L2 at (70, 70)
a -> c
b -> d
EOF
    gm_map w153 "$GM/w153.ladder"
    # the warning comes with the map (the layout finds it): the svg build's stderr
    gm_w153=$(grep '\[W153\]$' "$GM/w153.svg.err" 2>/dev/null | head -n 1)
    case $gm_w153 in
    *"'Low'"*"'High'"* | *"'High'"*"'Low'"*) pass "geometry: W153 names both boxes that cannot be drawn apart" ;;
    *) fail "geometry: W153 names both boxes that cannot be drawn apart" "$(head -5 "$GM/w153.svg.err" 2>/dev/null)" ;;
    esac
fi

# every map queued above, checked at once
gm_checks
