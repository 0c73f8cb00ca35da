# mutants.sh - tests written to kill the mutants `make mutate` found alive
# (docs/reliability.md, "Mutation testing"), where a data case in
# tests/cases/mutants/ cannot say it: inputs too large to keep as files,
# counts over the 20 diagnostics the text format prints.
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq, expect_file).

MT="$TMP/mutants"
mkdir -p "$MT"

# mt_messages FILE: the message of each diagnostic of `check --diagnostics=json`
mt_messages() { "$LADDERC" check --diagnostics=json "$1" 2>/dev/null | jq -r '.[].message'; }

# ---- "did you mean": at most 100 suggestions per file (check.c, suggest()) ----
# 101 undefined names one letter from a role: the first 100 get a suggestion,
# the 101st does not (kills '<= 0' made '< 0', the dropped budget check).
awk 'BEGIN { print "levels L3..L11"; print "track ic \"IC\""; print "role engineer \"E\" track ic level L5 at (1, 1)"
    for (i = 0; i < 101; i++) printf "engineer -> engineer%03d\n", i }' >"$MT/count.ladder"
mt_messages "$MT/count.ladder" >"$MT/count.out"
expect_eq "mutants: 100 suggestions per file, then none" "101 100|undefined role 'engineer100'; declare it with a 'role engineer100 ...' line" \
    "$(wc -l <"$MT/count.out" | tr -d ' ') $(grep -c 'did you mean' "$MT/count.out")|$(tail -n 1 "$MT/count.out")"

# ---- and at most 4M candidates compared per file ----
# 65,536 roles: the work budget (1 << 22 candidates) covers exactly 64 scans;
# the 64th suggestion uses the last of it, the 65th gets none (kills '>'
# made '>='). A 2.9 MB input: not under the sanitizers (their 10k-line rule).
if [ -z "${LADDERC_SANITIZED:-}" ]; then
    awk 'BEGIN { print "levels L3..L11"; print "track ic \"IC\""
        for (i = 0; i < 65536; i++) printf "role r%d \"R\" track ic level L5 at (%d, %.1f)\n", i, i % 100, int(i / 100) / 10
        for (i = 0; i < 65; i++) printf "r0 -> rr%d\n", i }' >"$MT/work.ladder"
    mt_messages "$MT/work.ladder" >"$MT/work.out"
    expect_eq "mutants: suggestions stop when 4M candidates are compared, not one before" \
        "65 64|undefined role 'rr63'; did you mean 'r63'?|undefined role 'rr64'; declare it with a 'role rr64 ...' line" \
        "$(wc -l <"$MT/work.out" | tr -d ' ') $(grep -c 'did you mean' "$MT/work.out")|$(sed -n 64,65p "$MT/work.out" | tr '\n' '|' | sed 's/|$//')"
fi

# ---- a file with a checker error (no syntax error) has no routes ----
# `path` exits 1 with the diagnostic and prints no route (kills check_file()
# returning the model when one of the two kinds of error is absent).
printf '%s\n' 'levels L3..L11' 'track ic "IC"' 'role a "A" track ic level L5 at (1, 1)' \
    'role b "B" track ic level L5 at (2, 2)' 'a -> b' >"$MT/e130.ladder"
"$LADDERC" path "$MT/e130.ladder" a b >"$MT/out" 2>"$MT/err"
expect_eq "mutants: path on a file with a checker error: exit 1, E130, no route" "1:1:" \
    "$?:$(grep -c 'E130' "$MT/err"):$(cat "$MT/out")"

# ---- --diagnostics=FORMAT needs its '=' (main.c, parse_common_option) ----
"$LADDERC" check --diagnosticsXtext "$MT/count.ladder" >"$MT/out" 2>"$MT/err"
expect_eq "mutants: --diagnosticsXtext is an unknown option (exit 2)" "2:1" "$?:$(grep -c "unknown option '--diagnosticsXtext'" "$MT/err")"

# ---- path: equal years, fewer moves first (path.c, route_cmp) ----
# Two routes of 2..4 years; the one move comes before the two, whichever
# order the file lists them in. (A move of known years counted as 0 steps
# in the search is not seen here, since the routes are sorted again by
# their moves at the end: the 0-year cycle below kills that one.)
printf '%s\n' 'levels L3..L11' 'track ic "IC"' 'role a "A" track ic level L5 at (1, 1)' \
    'role b "B" track ic level L6 at (2, 2)' 'role c "C" track ic level L7 at (3, 3)' \
    'a -> b years 1..2' 'b -> c years 1..2' 'a -> c years 2..4' >"$MT/steps.ladder"
expect_eq "mutants: path: with equal years, the route with fewer moves first" \
    "2..4 years: A -(promotion)-> C|2..4 years: A -(promotion)-> B -(promotion)-> C" \
    "$("$LADDERC" path "$MT/steps.ladder" a c 2>&1 | tr '\n' '|' | sed 's/|$//')"

# ---- path: a total past what millionths of a year hold saturates ----
# 9299 moves of 999999999 years pass INT64_MAX millionths: the total stops
# there (add_saturating) instead of wrapping to a negative; 9223 moves are
# still exact. 18,600 lines: not under the sanitizers (their 10k-line rule).
if [ -z "${LADDERC_SANITIZED:-}" ]; then
    mt_chain() {
        awk -v n="$1" 'BEGIN { print "levels L1..L2"; print "track t \"T\""
            for (i = 0; i < n; i++) printf "role r%d \"R\" track t level L1 at (%d, %d)\n", i, i % 100, int(i / 100)
            for (i = 0; i + 1 < n; i++) printf "r%d -> r%d lateral years 999999999..999999999\n", i, i + 1 }'
    }
    mt_chain 9300 >"$MT/sat.ladder"
    mt_chain 9224 >"$MT/exact.ladder"
    expect_eq "mutants: path: a total past INT64_MAX millionths saturates; one below is exact" \
        "9223372036854.775807 years|9222999990777 years" \
        "$("$LADDERC" path "$MT/sat.ladder" r0 r9299 | sed 's/:.*//')|$("$LADDERC" path "$MT/exact.ladder" r0 r9223 | sed 's/:.*//')"
    rm -f "$MT/sat.ladder" "$MT/exact.ladder"
fi

# ---- path: a move of 0 years still counts one step (path.c, move_cost) ----
# u and v lead to each other in 0 years, and each to c in 1 year, the move
# to the other written first: were a 0-year move free of steps too, the tree
# of fastest routes would be the cycle u -> v -> u and the first route would
# never end (it ran out of memory). Bounded like path.sh's big cases.
printf '%s\n' 'levels L3..L11' 'track ic "IC"' 'role u "U" track ic level L5 at (1, 1)' 'role v "V" track ic level L5 at (2, 2)' \
    'role c "C" track ic level L6 at (3, 3)' 'u -> v lateral years 0..0' 'v -> u lateral years 0..0' \
    'u -> c promotion years 1..1' 'v -> c promotion years 1..1' >"$MT/cycle.ladder"
if [ -n "${LADDERC_SANITIZED:-}" ]; then
    mt_out=$("$LADDERC" path "$MT/cycle.ladder" u c 2>&1)
else
    mt_out=$(sh -c 'ulimit -v 262144; ulimit -t 10; exec "$@"' sh "$LADDERC" path "$MT/cycle.ladder" u c 2>&1)
fi
expect_eq "mutants: path: moves of 0 years between two roles, both ways: two routes, the direct one first" \
    "0|1 years: U -(promotion)-> C|1 years: U -(lateral)-> V -(promotion)-> C" "$?|$(printf '%s' "$mt_out" | tr '\n' '|')"

# ---- path: a search does not clear what it does not visit (path.c, next_stamp) ----
# The searches mark what they visit with a stamp, so nothing is cleared
# between them; clearing every array for every search gives the same routes
# in time quadratic in the ladder: on this 100,000-role chain with shortcuts,
# 0.3 s of CPU against 9.3 s. Bounded at 3 s of CPU (10 times the right
# code; CPU time, not wall time, so a loaded machine does not fail it), and
# not under the sanitizers (a 9.5 MB file).
if [ -z "${LADDERC_SANITIZED:-}" ]; then
    awk 'BEGIN { print "levels L1..L2"; print "track t \"T\""; print "years lateral 1..1"; n = 100000
        for (i = 0; i < n; i++) printf "role r%d \"R\" track t level L1 at (%.2f, %.2f)\n", i, (i % 1000) / 10, int(i / 1000) / 10
        for (i = 0; i + 1 < n; i++) printf "r%d -> r%d lateral\n", i, i + 1
        for (i = 0; i + 2 < n; i++) printf "r%d -> r%d lateral\n", i, i + 2 }' >"$MT/chain.ladder"
    sh -c 'ulimit -t 3; exec "$@"' sh "$LADDERC" path "$MT/chain.ladder" r0 r99999 >"$MT/out" 2>"$MT/err"
    expect_eq "mutants: path on a 100,000-role chain with shortcuts: 10 routes within 3 s of CPU" "0:10:" \
        "$?:$(wc -l <"$MT/out" | tr -d ' '):$(cat "$MT/err")"
    rm -f "$MT/chain.ladder" "$MT/out"
fi

# ---- colour follows standard error, where diagnostics go (main.c, stderr_color) ----
# Under script, one of the two streams is the terminal and the other a file:
# colour only when standard error is the terminal (isatty(2), not isatty(1)).
printf '%s\n' 'levels L3..L11' 'role a "A" track nope level L5 at (1, 1)' >"$MT/colour.ladder"
esc=$(printf '\033')
script -qec "env -u NO_COLOR TERM=xterm '$LADDERC' check '$MT/colour.ladder' 2>'$MT/colour.err'" /dev/null >/dev/null 2>&1
expect_eq "mutants: standard output a terminal, standard error a file: E110 without colour" "1:0" \
    "$(grep -c '\[E110\]' "$MT/colour.err"):$(grep -c "$esc" "$MT/colour.err")"
script -qec "env -u NO_COLOR TERM=xterm '$LADDERC' check '$MT/colour.ladder' >'$MT/colour.out'" /dev/null >"$MT/tty" 2>&1
expect_eq "mutants: standard error a terminal, standard output a file: E110 in colour" "1:yes" \
    "$(grep -c 'E110' "$MT/tty"):$(grep -q "$esc\\[" "$MT/tty" && echo yes)"
