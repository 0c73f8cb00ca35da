# runner.sh - tests/run.sh itself, on a tree of its own: the markers
# (background, slow, budget, timeout), the filter, the counts and the last
# line, skips, timeouts and the watchdog, .args and the update mode, so that
# the suites and cases added later are run as their headers say.
# (Nothing of ladderc runs here: not rerun under the sanitizers.)
# runner: background
# (it mostly waits: the timeouts and the watchdog it tests run out on sleeps)

# rn_tree DIR: a tree with run.sh, a fake ladderc and no case or suite
rn_tree() {
    rm -rf "$1"
    mkdir -p "$1/tests/suites" "$1/tests/cases/t" "$1/build"
    cp "$ROOT/tests/run.sh" "$1/tests/run.sh"
    # the fake ladderc: "hang" sleeps, "say WORDS" prints its words on
    # stdout and "oops" on stderr, exits 3; anything else prints nothing
    cat >"$1/build/ladderc" <<'EOF'
#!/bin/sh
case $1 in
hang) sleep 60 ;;
say) shift; echo "$*"; echo oops >&2; exit 3 ;;
esac
exit 0
EOF
    chmod +x "$1/build/ladderc"
}

# rn_run DIR ARGS...: run.sh of DIR, output in DIR/out, status in $rn_rc
rn_run() {
    _d=$1
    shift
    SANITIZERS=0 VERBOSE=1 TIMES='' CHECK_SLOW='' UPDATE='' LADDERC='' RUN_TRACE='' CASE_TIMEOUT=${CASE_TIMEOUT:-30} \
        timeout 120 sh "$_d/tests/run.sh" "$@" >"$_d/out" 2>&1
    rn_rc=$?
}

rn_selftest() {
    rn=$TMP/runner
    rn_tree "$rn"
    : >"$rn/tests/cases/t/ok.ladder"
    printf 'pass "plain: one"\npass "plain: two"\n' >"$rn/tests/suites/a-plain.sh"
    printf '# runner: background\npass "bg: ran in $TMP"\nfail "bg: a failure"\n' >"$rn/tests/suites/b-bg.sh"
    printf '# runner: slow\npass "slow: ran"\n' >"$rn/tests/suites/c-slow.sh"
    printf '# runner: budget 0\nawk "BEGIN { for (i = 0; i < 3e6; i++) s += i }"\npass "budget: ran"\n' \
        >"$rn/tests/suites/d-budget.sh"

    rn_run "$rn"
    expect_eq "runner: a failure fails the run (exit status)" "1" "$rn_rc"
    expect_eq "runner: the last line counts every case and suite, background included" \
        "5 passed, 1 failed, 0 skipped" "$(tail -n 1 "$rn/out")"
    grep -q '^ok   slow: ran' "$rn/out" && fail "runner: a slow suite waits for --slow" \
        || pass "runner: a slow suite waits for --slow"
    grep -q '^ok   bg: ran in .*/bg\.b-bg$' "$rn/out" && pass "runner: a background suite has a TMP of its own" \
        || fail "runner: a background suite has a TMP of its own" "$(cat "$rn/out")"
    grep -q '^note: suite d-budget used .* above its budget of 0 s' "$rn/out" \
        && pass "runner: a suite above its budget gets a note" \
        || fail "runner: a suite above its budget gets a note" "$(cat "$rn/out")"

    rn_run "$rn" --slow slow
    expect_eq "runner: --slow with a filter runs only the slow suite" "ok   slow: ran
1 passed, 0 failed, 0 skipped" "$(cat "$rn/out")"

    # RUN_LIST: the items it names, nothing else (background suites too); a
    # comment and a missing item are allowed
    printf '# a comment\ntests/cases/t/ok.ladder\ntests/suites/a-plain.sh  # a note\ntests/suites/gone.sh\n' >"$rn/list"
    (RUN_LIST="$rn/list"; export RUN_LIST; rn_run "$rn")
    expect_eq "runner: RUN_LIST runs only the cases and suites it names" "3 passed, 0 failed, 0 skipped
ok   plain: one
ok   plain: two
ok   t/ok" "$(grep -v '^note:' "$rn/out" | LC_ALL=C sort)"

    # the filter is matched inside the tree, not against where the tree is
    rn_run "$rn" "$(basename "$TMP")"
    expect_eq "runner: the filter does not match the folder the tree is in" "0 passed, 0 failed, 0 skipped" \
        "$(tail -n 1 "$rn/out")"

    # skips: counted on the last line; as root a failure (every test can run)
    rn_tree "$rn"
    printf 'skip "needs: x" "needs root"\npass "after: the skip"\n' >"$rn/tests/suites/a-skip.sh"
    printf '# runner: background\nskip "bg: skipped" "needs root"\n' >"$rn/tests/suites/b-bg.sh"
    LADDERC_ALLOW_SKIPS=1 rn_run "$rn"
    expect_eq "runner: skips are counted, background ones too, and do not fail the run" \
        "0:1 passed, 0 failed, 2 skipped" "$rn_rc:$(tail -n 1 "$rn/out")"
    grep -q '^skip needs: x (needs root)$' "$rn/out" && pass "runner: a skip says what and why" \
        || fail "runner: a skip says what and why" "$(cat "$rn/out")"
    if [ "$(id -u)" = 0 ]; then
        LADDERC_ALLOW_SKIPS='' rn_run "$rn"
        expect_eq "runner: as root a skip is a failure" "1:1 passed, 2 failed, 0 skipped" "$rn_rc:$(tail -n 1 "$rn/out")"
        printf 'expect_eq "as_user: runs as nobody" 65534 "$(as_user id -u)"\n' >"$rn/tests/suites/a-skip.sh"
        rm "$rn/tests/suites/b-bg.sh"
        rn_run "$rn"
        expect_eq "runner: as_user runs as nobody under root" "1 passed, 0 failed, 0 skipped" "$(tail -n 1 "$rn/out")"
    else
        skip "runner: as root a skip fails, as_user runs as nobody" "needs root"
    fi

    # a hung data case fails and the run goes on; a hung suite command is
    # killed by the suite's watchdog, and the suite fails
    rn_tree "$rn"
    : >"$rn/tests/cases/t/a-hang.ladder"
    echo "hang" >"$rn/tests/cases/t/a-hang.args"
    : >"$rn/tests/cases/t/b-ok.ladder"
    printf '# runner: timeout 2\nsleep 60\npass "hang: the suite goes on"\n' >"$rn/tests/suites/a-hang.sh"
    CASE_TIMEOUT=2 rn_run "$rn"
    expect_eq "runner: a hung case and a hung suite fail the run, which goes on" \
        "1:2 passed, 2 failed, 0 skipped" "$rn_rc:$(tail -n 1 "$rn/out")"
    grep -q '^FAIL t/a-hang$' "$rn/out" && pass "runner: a hung case fails" \
        || fail "runner: a hung case fails" "$(cat "$rn/out")"
    grep -q '^FAIL a-hang: the suite ran over its 2 s (watchdog)' "$rn/out" && pass "runner: the watchdog fails a hung suite" \
        || fail "runner: the watchdog fails a hung suite" "$(cat "$rn/out")"

    # .args: "{}" places the file; the update mode captures what differs,
    # shows the diff, never captures a hang
    rn_tree "$rn"
    : >"$rn/tests/cases/t/say.ladder"
    echo "say hello {} world" >"$rn/tests/cases/t/say.args"
    printf 'hello say.ladder world\n' >"$rn/tests/cases/t/say.out"
    printf 'oops\n' >"$rn/tests/cases/t/say.err"
    echo 3 >"$rn/tests/cases/t/say.rc"
    rn_run "$rn"
    expect_eq "runner: .args with {} places the file name, .out .err .rc are compared" \
        "0:1 passed, 0 failed, 0 skipped" "$rn_rc:$(tail -n 1 "$rn/out")"
    echo "say bye" >"$rn/tests/cases/t/say.args"
    rn_run "$rn"
    expect_eq "runner: a differing .out fails" "1:0 passed, 1 failed, 0 skipped" "$rn_rc:$(tail -n 1 "$rn/out")"
    mv "$rn/tests/cases/t/say.out" "$rn/say.out"
    rn_run "$rn"
    expect_eq "runner: stdout without a .out fails" "1:0 passed, 1 failed, 0 skipped" "$rn_rc:$(tail -n 1 "$rn/out")"
    mv "$rn/say.out" "$rn/tests/cases/t/say.out"
    : >"$rn/tests/cases/t/new.ladder"
    echo "say new" >"$rn/tests/cases/t/new.args"
    : >"$rn/tests/cases/t/hang.ladder"
    echo "hang" >"$rn/tests/cases/t/hang.args"
    CASE_TIMEOUT=2 rn_run "$rn" --update
    expect_eq "runner: --update rewrites what differs, fails what hangs" "1:2 passed, 1 failed, 0 skipped" \
        "$rn_rc:$(tail -n 1 "$rn/out")"
    expect_eq "runner: --update wrote the new output" "bye say.ladder" "$(cat "$rn/tests/cases/t/say.out")"
    expect_eq "runner: --update captured a new case whole" "new new.ladder|oops|3" \
        "$(cat "$rn/tests/cases/t/new.out")|$(cat "$rn/tests/cases/t/new.err")|$(cat "$rn/tests/cases/t/new.rc")"
    grep -q '^     -hello say.ladder world$' "$rn/out" && grep -q '^     +bye say.ladder$' "$rn/out" \
        && pass "runner: --update shows the diff for review" || fail "runner: --update shows the diff for review" "$(cat "$rn/out")"
    [ -e "$rn/tests/cases/t/hang.err" ] || [ -e "$rn/tests/cases/t/hang.rc" ] \
        && fail "runner: --update captures no hang" "$(ls "$rn/tests/cases/t")" || pass "runner: --update captures no hang"
    rm "$rn/tests/cases/t/hang.ladder"
    rn_run "$rn"
    expect_eq "runner: after --update, the plain run passes" "0:2 passed, 0 failed, 0 skipped" "$rn_rc:$(tail -n 1 "$rn/out")"

    # expect_report: a tool's ok and FAIL lines become tests, the indented
    # lines after a FAIL its details, its notes are left out
    rn_tree "$rn"
    printf 'printf "ok one\\nnote: left out\\nFAIL two\\n    why it failed\\n    and more\\nok three\\nFAIL four\\n" >"$TMP/r"\nexpect_report rep "$TMP/r"\n' \
        >"$rn/tests/suites/a-report.sh"
    rn_run "$rn"
    expect_eq "runner: expect_report turns a tool's lines into tests, with a failure's details" "ok   rep: one
FAIL rep: two
     why it failed
     and more
ok   rep: three
FAIL rep: four
2 passed, 2 failed, 0 skipped" "$(grep -v '^note:' "$rn/out")"
}

[ -n "${LADDERC_SANITIZED:-}" ] || rn_selftest
