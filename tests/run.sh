#!/bin/sh
# run.sh - every test of ladderc. The last line is "N passed, N failed".
#
#   tests/run.sh [--slow] [FILTER]
#
# FILTER runs only the cases and suites whose path contains it. --slow (or
# CHECK_SLOW=1, what `make check-slow` sets) adds the slow tier: suites marked
# "# runner: slow" and the heavy halves of the others (they test $CHECK_SLOW).
# SANITIZERS=0 skips the sanitizer suite; TIMES=1 prints each suite's CPU time.
#
# Data-driven cases: tests/cases/<topic>/<name>.ladder, run from their own
# folder as `ladderc <args> <name>.ladder`, where <args> is the first line of
# <name>.args (default: check). Beside each: <name>.err (expected stderr,
# exact), <name>.out (expected stdout, exact, optional), <name>.rc (expected
# exit status, default 0). Scripted suites: tests/suites/*.sh, sourced here
# with the helpers below, in name order, in one shell and one $TMP: use
# variable and file names of your own (a prefix, as hd_ in hardening.sh).
#
# Markers a suite may carry on a line of its own in its header:
#   # runner: background   starts before everything else and runs beside it in
#                          its own process and $TMP (output and counts merged
#                          at the end): for suites that mostly wait (the
#                          sanitizer build, signals, sleeps, FIFOs)
#   # runner: slow         runs only with --slow (make check-slow)
#   # runner: budget N     its CPU budget in seconds, when not the default 5
#
# The budget rule. `make check` must pass within 90 s on a clean clone of a
# 2-core machine, twice in a row, whatever else the machine does. It builds
# three times (normal, ASan, libFuzzer: ~17 s of CPU), runs everything here,
# and reruns everything here under ASan+UBSan (sanitizers.sh, on the second
# core) beside valgrind and the fuzz smoke. In all ~71 s of CPU today (37 to
# 55 s of wall time measured with other work on the machine), so the suites
# to come share ~40 s of CPU, and what makes the wall time is the longer of
# the two cores' queues:
#   - a suite gets 5 s of CPU (user + system, its children included) in the
#     normal run, and twice that in the sanitized rerun; TIMES=1 shows where it
#     stands, and one above its budget gets a note (never a failure). A suite
#     that needs more says so with "# runner: budget N" and a reason;
#   - what is heavy runs once, without the sanitizers: under LADDERC_SANITIZED
#     (set in the nested run) inputs stay small (10k lines at most) and stress
#     cases are skipped; more than that goes behind $CHECK_SLOW, as long as
#     `make check` still covers each class of bug once;
#   - no test depends on the machine's speed: bound work, output bytes or
#     memory (GNU time's %M, ulimit -v), not time. Where only a clock can catch
#     a hang, give a margin of 10x over the measured time, never a tight one.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
LADDERC=${LADDERC:-$ROOT/build/ladderc}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ladderc-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export NO_COLOR=1
export LC_ALL=C.UTF-8
CHECK_SLOW=${CHECK_SLOW:-}
if [ "${1:-}" = --slow ]; then CHECK_SLOW=1; shift; fi
export CHECK_SLOW
ONLY=${1:-}

passed=0
failed=0

pass() { passed=$((passed + 1)); [ -n "${VERBOSE:-}" ] && echo "ok   $1"; return 0; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; [ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/     /'; return 0; }

# expect_eq NAME EXPECTED ACTUAL
expect_eq() {
    if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "expected: $2
actual:   $3"; fi
}

# expect_file NAME EXPECTED_FILE ACTUAL_FILE
expect_file() {
    if cmp -s "$2" "$3"; then pass "$1"; else fail "$1" "$(diff -u "$2" "$3" | head -40)"; fi
}

# run_case DIR NAME: one data-driven case
run_case() {
    dir=$1 name=$2
    args=check
    [ -f "$dir/$name.args" ] && args=$(head -n 1 "$dir/$name.args")
    want_rc=0
    [ -f "$dir/$name.rc" ] && want_rc=$(cat "$dir/$name.rc")
    # shellcheck disable=SC2086
    (cd "$dir" && "$LADDERC" $args "$name.ladder" >"$TMP/out" 2>"$TMP/err")
    rc=$?
    label="${dir#"$ROOT"/tests/cases/}/$name"
    ok=1 why=""
    if [ "$rc" != "$want_rc" ]; then ok=0; why="exit status $rc, expected $want_rc"; fi
    if [ -f "$dir/$name.err" ]; then
        cmp -s "$dir/$name.err" "$TMP/err" || { ok=0; why="$why
stderr differs:
$(diff -u "$dir/$name.err" "$TMP/err" | head -30)"; }
    elif [ -s "$TMP/err" ]; then
        ok=0; why="$why
unexpected stderr:
$(head -10 "$TMP/err")"
    fi
    if [ -f "$dir/$name.out" ]; then
        cmp -s "$dir/$name.out" "$TMP/out" || { ok=0; why="$why
stdout differs:
$(diff -u "$dir/$name.out" "$TMP/out" | head -30)"; }
    fi
    if [ $ok = 1 ]; then pass "$label"; else fail "$label" "$why"; fi
}

if [ ! -x "$LADDERC" ]; then
    echo "ladderc not built: run make first" >&2
    echo "0 passed, 1 failed"
    exit 1
fi

# marker SUITE WORD: the value of SUITE's "# runner: WORD" line ("" if none;
# "yes" for a marker without a value)
marker() {
    sed -n "s/^# runner: $2\$/yes/p; s/^# runner: $2 \\(.*\\)/\\1/p" "$1" | head -n 1
}
wanted() {   # wanted SUITE: selected by the filter and the tier
    case "$1" in *"$ONLY"*) ;; *) return 1 ;; esac
    [ -n "$CHECK_SLOW" ] || [ -z "$(marker "$1" slow)" ]
}

# The CPU time (user + system, waited-for children included) of each suite is
# the difference of two `times` of this shell, written to $CPU/NAME.0 and .1
# (redirected, not captured: $(times) would run in a subshell of its own).
CPU=$TMP/cpu
mkdir -p "$CPU"

# bg_alive: how many background suites are still running. A background
# suite's CPU is added to this shell's children's when it ends (the shell
# reaps it), so a suite during which one ended is not measured.
bg_alive() {
    _n=0
    for _pid in ${bg_pids:-}; do kill -0 "$_pid" 2>/dev/null && _n=$((_n + 1)); done
    echo "$_n"
}

# run_suite SUITE: sources SUITE between two `times`
run_suite() {
    _run_name=$(basename "$1" .sh)
    _run_budget=$(marker "$1" budget)
    echo "${_run_budget:-5}" >"$CPU/$_run_name.budget"
    _run_alive=$(bg_alive)
    times >"$CPU/$_run_name.0"
    # shellcheck disable=SC1090
    . "$1"
    times >"$CPU/$_run_name.1"
    [ "$(bg_alive)" = "$_run_alive" ] || : >"$CPU/$_run_name.unmeasured"
}

# Background suites start first and run beside the rest, on the machine's
# other core, each in its own process and $TMP.
bg_names=""
for suite in "$ROOT"/tests/suites/*.sh; do
    [ -e "$suite" ] && [ -n "$(marker "$suite" background)" ] && wanted "$suite" || continue
    name=$(basename "$suite" .sh)
    mkdir -p "$TMP/bg.$name"
    (
        TMP=$TMP/bg.$name
        passed=0 failed=0
        run_suite "$suite"
        echo "$passed $failed" >"$TMP/counts"
    ) >"$TMP/bg.$name/out" 2>&1 &
    echo $! >"$TMP/bg.$name/pid"
    bg_pids="${bg_pids:-} $!"
    bg_names="$bg_names $name"
done

echo 5 >"$CPU/cases.budget"
times >"$CPU/cases.0"
for f in "$ROOT"/tests/cases/*/*.ladder; do
    [ -e "$f" ] || continue
    case "$f" in *"$ONLY"*) ;; *) continue ;; esac
    run_case "$(dirname "$f")" "$(basename "$f" .ladder)"
done
times >"$CPU/cases.1"

for suite in "$ROOT"/tests/suites/*.sh; do
    [ -e "$suite" ] && [ -z "$(marker "$suite" background)" ] && wanted "$suite" || continue
    run_suite "$suite"
done

for name in $bg_names; do
    wait "$(cat "$TMP/bg.$name/pid")"
    cat "$TMP/bg.$name/out"
    if [ -e "$TMP/bg.$name/counts" ]; then
        read -r bp bf <"$TMP/bg.$name/counts"
        passed=$((passed + bp))
        failed=$((failed + bf))
    else
        fail "$name: the background suite did not finish"
    fi
done

# CPU time per suite; a note (not a failure) for one above its budget, which
# is twice as large under the sanitizers. The budgets are `make check`'s: the
# slow tier has none.
for t1 in "$CPU"/*.1; do
    [ -e "$t1" ] || continue
    name=$(basename "$t1" .1)
    if [ -e "$CPU/$name.unmeasured" ]; then
        [ -n "${TIMES:-}" ] && printf 'time: %-12s not measured: a background suite ended during it\n' "$name"
        continue
    fi
    awk -v name="$name" -v all="${TIMES:-}" -v san="${LADDERC_SANITIZED:-}" -v slow="$CHECK_SLOW" '
        FNR == 1 { f++ }
        f <= 2 { for (i = 1; i <= NF; i++) { split($i, u, /[ms]/); s[f] += u[1] * 60 + u[2] } }
        f == 3 { budget = san != "" ? 2 * $1 : $1 }
        END {
            t = s[2] - s[1]; where = san != "" ? " (sanitized run)" : ""
            if (all != "") printf "time: %-12s %6.1f s of CPU (budget %d s)%s\n", name, t, budget, where
            else if (t > budget && slow == "") printf "note: suite %s used %.1f s of CPU, above its budget of %d s%s (see tests/run.sh)\n", name, t, budget, where
        }' "$CPU/$name.0" "$t1" "$CPU/$name.budget"
done

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
