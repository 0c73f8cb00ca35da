# rungs.sh - the warnings about competencies (W190-W194, W170 with rungs) at
# scale: their work follows the input's size (instructions counted by
# cachegrind, never wall time) and their output follows the roles, moves and
# texts (one warning each at most), on ladders built to make a rule that
# compares roles with roles blow up: thousands of roles in one track, each
# with a rung on every one of 100 competencies (MODEL_COMPETENCIES_MAX).
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq).
# runner: budget 8
# (two runs under cachegrind of about 1.2 and 2 s of CPU: instruction counts
# are the one measure of work that does not depend on the machine)

RG="$TMP/rungs"
mkdir -p "$RG"

# rg_ladder ROLES: ROLES roles in one track at ascending levels, each with a
# rung on each of 100 competencies, the rungs going up and down from role to
# role (so W193 has something to say about most roles, and a sweep that
# compared each role with every role below it would cost ROLES^2 * 100);
# a promotion from each even role to the next (W191 on most of them), and
# every tenth rung with one text shared by every role (W194 on each copy).
rg_ladder() {
    awk -v n="$1" 'BEGIN {
        printf "levels L1..L%d\n", n
        print "track ic \"IC\""
        for (k = 0; k < 100; k++) {
            printf "competency c%d \"C%d\" %s {\n", k, k, k % 2 ? "soft" : "hard"
            for (r = 1; r <= 5; r++) printf "  %d \"R%d\"\n", r, r
            print "}"
        }
        for (i = 0; i < n; i++) {
            printf "role r%d \"R\" track ic level L%d {\n", i, i + 1
            for (k = 0; k < 100; k++)
                printf "  c%d %d%s\n", k, (i * 7 + k * 3) % 5 + 1, k % 10 == 0 ? " \"Same text.\"" : ""
            print "}"
        }
        for (i = 1; i < n; i += 2) printf "r%d -> r%d\n", i - 1, i
    }'
}

# ---- output: one warning per role, move or text at most ---------------------
# 1,000 roles (100 under the sanitizers: 10,000 lines), a promotion from
# every even role, ten texts per role: W191 on each promotion (each lowers
# a rung here), W193 once per role it concerns (not once per competency:
# 100 times as many), W194 once per copied text.
rg_n=1000
[ -n "${LADDERC_SANITIZED:-}" ] && rg_n=100
rg_ladder $rg_n >"$RG/a.ladder"
"$LADDERC" check --diagnostics=json -W no-W152 "$RG/a.ladder" 2>/dev/null |
    jq -r '[.[].code] | group_by(.) | map("\(.[0]) \(length)") | join(" ")' >"$RG/a.codes"
# the odd roles are the promotions' targets: W191 speaks for them, and r0 has
# no role below it
expect_eq "rungs: W191 once per promotion, W193 once per role, W194 once per copied text" \
    "W191 $((rg_n / 2)) W193 $((rg_n / 2 - 1)) W194 $((rg_n * 10 - 10))" "$(cat "$RG/a.codes")"

# ---- W190: roles with no rungs are one warning ------------------------------
# A 3,000-role ladder adopting competencies: 10 roles set rungs (one of them
# not all), 2,990 set none. One warning for the 2,990, one for the role that
# misses a competency: not 2,991.
awk 'BEGIN {
    print "levels L1..L8"; print "track ic \"IC\""
    for (k = 0; k < 3; k++) printf "competency c%d \"C%d\" soft {\n  1 \"A\"\n  2 \"B\"\n}\n", k, k
    for (i = 0; i < 10; i++) {
        printf "role s%d \"S\" track ic level L1 at (%d, 1) {\n", i, i
        for (k = 0; k < (i == 9 ? 2 : 3); k++) printf "  c%d 1\n", k
        print "}"
    }
    for (i = 0; i < 2990; i++) printf "role r%d \"R\" track ic level L2 at (%d, %d)\n", i, i % 100, int(i / 100) + 2
}' >"$RG/adopting.ladder"
"$LADDERC" check "$RG/adopting.ladder" >/dev/null 2>"$RG/adopting.err"
expect_eq "rungs: W190, 2,990 roles with no rungs and one that misses a competency: two warnings" "2" \
    "$(grep -c '\[W190\]' "$RG/adopting.err")"
expect_eq "rungs: W190 names three roles with no rungs and counts the others" "1" \
    "$(grep -c "roles 'r0', 'r1', 'r2' and 2987 more set no rungs, while 10 roles do" "$RG/adopting.err")"

# ---- work: linear in the roles -----------------------------------------------
# Twice the roles (and rungs, moves, texts) must cost about twice the
# instructions: today 2.0x (228M, then 455M); a sweep comparing every pair
# of roles in the track, on every competency, would be 4x, and so would a
# text table whose identical texts share a chain.
if [ -n "${LADDERC_SANITIZED:-}" ]; then
    :   # cachegrind counts instructions of the plain build only
elif ! command -v valgrind >/dev/null 2>&1; then
    fail "rungs: valgrind is installed (scripts/deps.sh test)"
else
    rg_ladder 500 >"$RG/h.ladder"
    rg_n=$(valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$LADDERC" check "$RG/h.ladder" 2>&1 >/dev/null |
        sed -n 's/.*I *refs: *//p' | tr -d ,)
    rg_2n=$(valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$LADDERC" check "$RG/a.ladder" 2>&1 >/dev/null |
        sed -n 's/.*I *refs: *//p' | tr -d ,)
    if [ -n "$rg_n" ] && [ -n "$rg_2n" ] && [ "$rg_2n" -le $((rg_n * 23 / 10)) ]; then
        pass "rungs: 1,000 roles x 100 competencies in one track cost within 2.3x of 500"
    else
        fail "rungs: 1,000 roles x 100 competencies in one track cost within 2.3x of 500" \
            "500 roles: $rg_n instructions, 1,000 roles: $rg_2n"
    fi
fi

# ---- W170 with rungs: the soft score is the x the rungs place a role at ------
# check_rungs.c computes the soft score with the formula of derive_coordinate
# in check.c: two roles placed by their rungs on an axis 10..30 show, in the
# warning, the x that the JSON model gives them.
cat >"$RG/soft.ladder" <<'LADDER'
levels L3..L8
axis x "Soft skills" 10..30
track ic "IC"
competency craft "Craft" hard {
  1 "A"
  2 "B"
  3 "C"
}
competency people "People" soft {
  1 "A"
  2 "B"
  3 "C"
}
competency reach "Reach" soft {
  1 "A"
  2 "B"
  3 "C"
}
role senior "Senior" track ic level L5 {
  craft  2
  people 2
}
role staff "Staff" track ic level L6 {
  craft  3
  people 2
  reach  1
}
senior -> staff
LADDER
rg_w=$("$LADDERC" check -W no-missing-rungs "$RG/soft.ladder" 2>&1 | sed -n 's/.*(score \([0-9.]*\) to \([0-9.]*\) from their soft rungs).*\[W170\]/\1 \2/p')
rg_x=$("$LADDERC" build -T json -o - "$RG/soft.ladder" 2>/dev/null | jq -r '[.roles[].x] | map(tostring) | join(" ")')
if [ -n "$rg_w" ] && [ -n "$rg_x" ] && awk -v w="$rg_w" -v x="$rg_x" 'BEGIN {
        split(w, a, " "); split(x, b, " ")
        exit !(a[1] - b[1] < 1e-3 && b[1] - a[1] < 1e-3 && a[2] - b[2] < 1e-3 && b[2] - a[2] < 1e-3) }'; then
    pass "rungs: W170's soft scores are the x the rungs place the roles at"
else
    fail "rungs: W170's soft scores are the x the rungs place the roles at" "warning: $rg_w, JSON x: $rg_x"
fi
