# rungs-hostile.sh - competencies, rungs and role blocks on hostile input: a
# competency with very many rungs, many roles with blocks, very long texts in
# every place a block takes one, a thousand competencies, a mistake on every
# role. Each must finish under `ulimit -v`, never die by a signal, and give
# exactly the diagnostics it should (one per mistake: no cascade); the costs
# that could grow faster than the input are bounded by instruction counts
# (cachegrind) on two sizes, never by time.
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq, expect_file).
# Under the sanitizers (LADDERC_SANITIZED) the inputs are 10 to 100 times
# smaller and the instruction counts are not taken. (The normal run: 5,000
# roles, 1 MB texts; cachegrind on 500 and 2,000 roles.)
# runner: budget 8
# (four runs under cachegrind, about 1 s of CPU each)

RH="$TMP/rungs-hostile"
mkdir -p "$RH"
if [ -n "${LADDERC_SANITIZED:-}" ]; then RH_N=1000 RH_TEXT=100000; else RH_N=5000 RH_TEXT=1000000; fi
RH_VMEM_KB=524288       # 512 MiB: the largest input here takes about 30 MB

# rh_run FILE: `check` under ulimit -v; its exit status in $RH/rc, its
# diagnostics as "CODE COUNT" lines (sorted) in $RH/codes
# (ASan reserves terabytes of address space for its shadow: no ulimit -v there)
rh_run() {
    if [ -n "${LADDERC_SANITIZED:-}" ]; then
        timeout 120 "$LADDERC" check --diagnostics=json --max-diagnostics=0 "$1" >"$RH/json" 2>"$RH/err"
    else
        timeout 120 sh -c 'ulimit -v "$1"; shift; exec "$@"' sh "$RH_VMEM_KB" \
            "$LADDERC" check --diagnostics=json --max-diagnostics=0 "$1" >"$RH/json" 2>"$RH/err"
    fi
    echo $? >"$RH/rc"
    jq -r '[.[].code] | group_by(.) | map("\(.[0]) \(length)") | .[]' "$RH/json" >"$RH/codes" 2>/dev/null
}

# rh_expect NAME RC CODES: the last rh_run exited with RC and gave CODES
rh_expect() {
    expect_eq "rungs-hostile: $1: exit status" "$2" "$(cat "$RH/rc")"
    expect_eq "rungs-hostile: $1: diagnostics" "$3" "$(cat "$RH/codes")"
}

# rh_rungs N: one competency with N rungs, 100 roles on its top rungs
rh_rungs() {
    awk -v n="$1" 'BEGIN { print "levels L3..L8"; print "track ic \"IC\""
        print "competency craft \"Craft\" hard {"
        for (i = 1; i <= n; i++) printf "  %d \"Rung %d\" \"What rung %d means.\"\n", i, i, i
        print "}"; print "competency people \"People\" soft {"; print "  1 \"Peer\""; print "}"
        for (i = 1; i <= 100; i++) printf "role r%d \"R\" track ic level L5 {\n  craft %d\n  people 1\n}\n", i, n - i + 1 }'
}
rh_rungs "$RH_N" >"$RH/rungs.ladder"
rh_run "$RH/rungs.ladder"
rh_expect "$RH_N rungs, roles on the top ones" 0 ""

# rh_roles N: N roles with full blocks at distinct hand positions
rh_roles() {
    awk -v n="$1" 'BEGIN { print "levels L3..L8"; print "track ic \"IC\""
        print "competency craft \"Craft\" hard {"; for (i = 1; i <= 5; i++) printf "  %d \"C%d\"\n", i, i; print "}"
        print "competency people \"People\" soft {"; for (i = 1; i <= 5; i++) printf "  %d \"P%d\"\n", i, i; print "}"
        for (i = 0; i < n; i++)
            printf "role r%d \"R\" track ic level L5 at (%g, %g) {\n  summary \"S %d\"\n  link \"https://example.com/%d\"\n  craft %d\n  people %d \"text %d\"\n}\n",
                i, (i % 1000) / 10, int(i / 1000) / 1000, i, i, i % 5 + 1, int(i / 5) % 5 + 1, i }'
}
rh_roles "$RH_N" >"$RH/roles.ladder"
rh_run "$RH/roles.ladder"
rh_expect "$RH_N roles with blocks" 0 ""

# A text of RH_TEXT bytes in every place that takes one, and as an id: the
# messages quote it cut short; two mistakes, two errors
awk -v n="$RH_TEXT" 'BEGIN { s = "a"; while (length(s) < n) s = s s; s = substr(s, 1, n)
    print "levels L3..L8"; print "track ic \"IC\""
    printf "competency craft \"%s\" hard {\n  1 \"%s\" \"%s\"\n  2 \"%s\"\n}\n", s, s, s, s
    print "competency people \"P\" soft {"; print "  1 \"Peer\""; print "}"
    printf "role r \"R\" track ic level L5 {\n  summary \"%s\"\n  link \"https://example.com/%s\"\n", s, s
    printf "  craft 1 \"%s\"\n  people 1\n  %s 1\n  craft 3\n}\n", s, s }' >"$RH/long.ladder"
rh_run "$RH/long.ladder"
rh_expect "texts of $RH_TEXT bytes" 1 "E110 1
E180 1"
if [ "$(wc -c <"$RH/err")" -lt 2000 ]; then
    pass "rungs-hostile: texts of $RH_TEXT bytes: nothing printed repeats them"
else
    fail "rungs-hostile: texts of $RH_TEXT bytes: nothing printed repeats them" "$(wc -c <"$RH/err") bytes"
fi

# 1000 competencies and 50 roles that set all of them: one E188, nothing
# about the rungs on the 900 past the limit
awk 'BEGIN { print "levels L3..L8"; print "track ic \"IC\""
    for (i = 1; i <= 1000; i++) printf "competency c%d \"C%d\" %s {\n  1 \"a\"\n  2 \"b\"\n}\n", i, i, i % 2 ? "hard" : "soft"
    for (r = 1; r <= 50; r++) { printf "role r%d \"R\" track ic level L5 {\n", r
        for (i = 1; i <= 1000; i++) printf "  c%d %d\n", i, 1 + (r + i) % 2; print "}" } }' >"$RH/competencies.ladder"
rh_run "$RH/competencies.ladder"
rh_expect "1000 competencies" 1 "E188 1"

# rh_mistakes N: N roles, each with an undefined competency, a competency set
# twice and a rung out of range: 3 errors a role, and no E187
rh_mistakes() {
    awk -v n="$1" 'BEGIN { print "levels L3..L8"; print "track ic \"IC\""
        print "competency craft \"Craft\" hard {"; print "  1 \"a\""; print "}"
        for (i = 1; i <= n; i++)
            printf "role r%d \"R\" track ic level L5 {\n  craft 1\n  undefined%d 1\n  craft 2\n  craft 1\n}\n", i, i }'
}
rh_mistakes "$RH_N" >"$RH/mistakes.ladder"
rh_run "$RH/mistakes.ladder"
rh_expect "$RH_N roles with three mistakes each" 1 "E110 $RH_N
E180 $RH_N
E181 $RH_N"

# rh_unplaced N: N roles with rungs on hard competencies only and no 'at':
# E187 each, and no W152 although all would share a position (0, y)
rh_unplaced() {
    awk -v n="$1" 'BEGIN { print "levels L3..L8"; print "track ic \"IC\""
        print "competency craft \"Craft\" hard {"; print "  1 \"a\""; print "}"
        for (i = 1; i <= 99; i++) printf "competency s%d \"S\" soft {\n  1 \"a\"\n}\n", i
        for (i = 1; i <= n; i++) printf "role r%d \"R\" track ic level L5 {\n  craft 1\n}\n", i }'
}
rh_unplaced "$RH_N" >"$RH/unplaced.ladder"
rh_run "$RH/unplaced.ladder"
rh_expect "$RH_N roles with no position" 1 "E187 $RH_N"

# ---- instruction counts: 4 times the input, at most 4.6 times the work ----
# rh_instructions ARGS...: the instructions ladderc ARGS executes (cachegrind)
rh_instructions() {
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$LADDERC" "$@" 2>&1 >/dev/null |
        sed -n 's/.*I *refs: *//p' | tr -d ,
}
# rh_linear NAME GENERATOR N: GENERATOR N and GENERATOR 4N cost in proportion
rh_linear() {
    "$2" "$3" >"$RH/small.ladder"
    "$2" $(($3 * 4)) >"$RH/big.ladder"
    rh_s=$(rh_instructions check --max-diagnostics=0 "$RH/small.ladder")
    rh_b=$(rh_instructions check --max-diagnostics=0 "$RH/big.ladder")
    if [ -n "$rh_s" ] && [ -n "$rh_b" ] && [ "$rh_b" -le $((rh_s * 46 / 10)) ]; then
        pass "rungs-hostile: linear: $1 (4x the input, within 4.6x the instructions)"
    else
        fail "rungs-hostile: linear: $1 (4x the input, within 4.6x the instructions)" "small: $rh_s, big: $rh_b"
    fi
}
# a competency whose rungs are misnumbered from the first: the report looks
# for the number it expected among the rungs after, once
rh_misnumbered() {
    awk -v n="$1" 'BEGIN { print "levels L3..L8"; print "competency craft \"Craft\" hard {"
        for (i = 1; i <= n; i++) printf "  %d \"R\"\n", i + 1; print "}" }'
}
if [ -n "${LADDERC_SANITIZED:-}" ]; then
    :   # cachegrind counts instructions of the plain build only
elif ! command -v valgrind >/dev/null 2>&1; then
    fail "rungs-hostile: valgrind is installed (scripts/deps.sh test)"
else
    rh_linear "roles with three mistakes each" rh_mistakes 500
    rh_linear "roles with no position, 100 competencies" rh_unplaced 500
    rh_linear "misnumbered rungs" rh_misnumbered 2000
fi
