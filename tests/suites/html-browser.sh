# html-browser.sh - the page of `ladderc build -T html` in a real browser:
# Debian's chromium, headless, driven over the DevTools pipe by
# tests/tools/browser.py, one browser process for the whole suite, a tab per
# page. tests/tools/html_checks.py does the checking and prints "ok NAME" or
# "FAIL NAME" and details, which become this suite's tests: every role's
# section, no console error, exception or CSP report, no request beyond the
# page's own file, the explorer's routes and growth equal to `ladderc path`
# and `ladderc gap --route` (every route, in order, with its years), the
# search, the keyboard, deep links, dark mode and print; on a ladder whose
# names and texts carry </script>, <!--, quotes and event handlers, that
# none of it ran. The ladders: the skills map, the framework, that injection
# ladder, a ladder of ties (every pair of roles) and one whose years pass
# 2^53 millionths; the slow tier adds every pair of ten random ladders.
# HTML_SHOTS=DIR keeps screenshots of each page to look at. The generator's
# own output is checked statically by html.sh.
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq).
# runner: background

HB="$TMP/html-browser"
mkdir -p "$HB"

# The browser runs once, in the normal run: the sanitized rerun has no C of
# its own to add here (the pages it would build are html.sh's).
if [ -n "${LADDERC_SANITIZED:-}" ]; then
    return 0 2>/dev/null || exit 0
fi

# A ladder whose every user string would run script if it reached the page
# as markup (each payload sets window.__pwned), with U+2028 and U+2029 that
# end a line in older JavaScript: tests/tools/injection.ladder, shared with
# playground.sh.
cp "$ROOT/tests/tools/injection.ladder" "$HB/injection.ladder"

# Ties everywhere: every pair of roles, with routes equal in years and
# moves that --max cuts through, open years ('2..'), unknown years (no
# default for downward moves), and rungs that rise, fall and stay. Alpha to
# Phi has three routes of 3..6 years and 3 moves: the search accepts
# a-c-d-f (a spur at depth 0) before a-b-e-f (depth 1), which source order
# then puts first; Gamma to Epsilon grows People by 2 before Craft by 1;
# Beta sets no People rung (not compared), Phi no rung at all.
cat >"$HB/ties.ladder" <<'EOF'
levels L3..L8
track ic "IC"
track m "Managers"
years promotion 1..2
years lateral 1..2
competency craft "Craft" hard {
  1 "One" "First."
  2 "Two"
  3 "Three"
}
competency people "People" soft {
  1 "Peer"
  2 "Lead"
  3 "Head"
}
role a "Alpha" track ic level L3 {
  craft 1
  people 1
}
role b "Beta" track ic level L4 at (20, 40) {
  craft 2
}
role c "Gamma" track m level L4 at (30, 20) {
  craft 1
  people 1
}
role d "Delta" track ic level L5 {
  craft 3
  people 2
}
role e "Epsilon" track m level L5 {
  craft 2
  people 3
}
role f "Phi" track ic level L6 at (90, 90)
a -> b
a -> c
b -> c lateral
c -> b lateral
b -> d
c -> d
c -> e years 2..
b -> e
d -> e lateral
e -> d lateral years 0..4
d -> f
e -> f
d -> b downward
e -> a downward years 1..1
f -> c downward
EOF

# Years whose totals pass 2^53 millionths: eleven moves of 999999999.999999
# years make 10999999999.999989, which a double cannot hold (a page adding
# numbers would print ...988 or ...990)
{
    printf 'levels L3..L8\ntrack ic "IC"\n'
    for hb_i in 0 1 2 3 4 5 6 7 8 9 10 11; do
        printf 'role g%d "G%d" track ic level L5 at (%d, %d)\n' "$hb_i" "$hb_i" $((hb_i * 8)) $((hb_i * 8))
    done
    for hb_i in 0 1 2 3 4 5 6 7 8 9 10; do
        printf 'g%d -> g%d lateral years 999999999.999999..999999999.999999\n' "$hb_i" $((hb_i + 1))
    done
    printf 'g0 -> g11 lateral years 999999999.999999..1000000000\n'
} >"$HB/years.ladder"

hb_opts=""
[ -n "${HTML_SHOTS:-}" ] && hb_opts="--shots $HTML_SHOTS"
# the slow tier: every pair of ten random small ladders besides (10 s)
[ -n "$CHECK_SLOW" ] && hb_opts="$hb_opts --random 10"
# shellcheck disable=SC2086
timeout 120 python3 "$ROOT/tests/tools/html_checks.py" "$LADDERC" "$HB" \
    "skills=$ROOT/examples/skills-map.ladder" "framework=$ROOT/examples/framework.ladder" \
    "injection=$HB/injection.ladder" "ties=$HB/ties.ladder" "years=$HB/years.ladder" $hb_opts >"$HB/out" 2>"$HB/err"
hb_rc=$?
expect_eq "html-browser: the checks ran to the end (exit status, standard error)" "0:" "$hb_rc:$(tail -n 5 "$HB/err")"
hb_n=$(grep -c '^ok \|^FAIL ' "$HB/out")
# every page's checks ran: about 30 per page
[ "$hb_n" -ge 100 ] && pass "html-browser: every check ran ($hb_n)" || fail "html-browser: every check ran" "only $hb_n: $(tail -n 20 "$HB/out")"
expect_report html-browser "$HB/out"
