# runner.sh - tests/run.sh itself, on a tree of its own: the markers
# (background, slow, budget), the filter, the counts and the last line, so
# that the suites added later are run as their headers say.
# (Nothing of ladderc runs here: not rerun under the sanitizers.)

rn_selftest() {
    rn=$TMP/runner
    rm -rf "$rn"
    mkdir -p "$rn/tests/suites" "$rn/tests/cases/t" "$rn/build"
    cp "$ROOT/tests/run.sh" "$rn/tests/run.sh"
    printf '#!/bin/sh\necho "$@" >/dev/null\n' >"$rn/build/ladderc"
    chmod +x "$rn/build/ladderc"
    : >"$rn/tests/cases/t/ok.ladder"
    printf 'pass "plain: one"\npass "plain: two"\n' >"$rn/tests/suites/a-plain.sh"
    printf '# runner: background\npass "bg: ran in $TMP"\nfail "bg: a failure"\n' >"$rn/tests/suites/b-bg.sh"
    printf '# runner: slow\npass "slow: ran"\n' >"$rn/tests/suites/c-slow.sh"
    printf '# runner: budget 0\nawk "BEGIN { for (i = 0; i < 3e6; i++) s += i }"\npass "budget: ran"\n' \
        >"$rn/tests/suites/d-budget.sh"

    LADDERC="$rn/build/ladderc" SANITIZERS=0 VERBOSE=1 TIMES='' CHECK_SLOW='' sh "$rn/tests/run.sh" >"$rn/out" 2>&1
    expect_eq "runner: a failure fails the run (exit status)" "1" "$?"
    expect_eq "runner: the last line counts every case and suite, background included" \
        "5 passed, 1 failed" "$(tail -n 1 "$rn/out")"
    grep -q '^ok   slow: ran' "$rn/out" && fail "runner: a slow suite waits for --slow" \
        || pass "runner: a slow suite waits for --slow"
    grep -q '^ok   bg: ran in .*/bg\.b-bg$' "$rn/out" && pass "runner: a background suite has a TMP of its own" \
        || fail "runner: a background suite has a TMP of its own" "$(cat "$rn/out")"
    grep -q '^note: suite d-budget used .* above its budget of 0 s' "$rn/out" \
        && pass "runner: a suite above its budget gets a note" \
        || fail "runner: a suite above its budget gets a note" "$(cat "$rn/out")"

    LADDERC="$rn/build/ladderc" SANITIZERS=0 VERBOSE=1 TIMES='' CHECK_SLOW='' sh "$rn/tests/run.sh" --slow slow >"$rn/out" 2>&1
    expect_eq "runner: --slow with a filter runs only the slow suite" "ok   slow: ran
1 passed, 0 failed" "$(cat "$rn/out")"
}

[ -n "${LADDERC_SANITIZED:-}" ] || rn_selftest
