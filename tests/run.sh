#!/bin/sh
# run.sh - every test of ladderc. The last line is "N passed, N failed".
#
# Data-driven cases: tests/cases/<topic>/<name>.ladder, run from their own
# folder as `ladderc <args> <name>.ladder`, where <args> is the first line of
# <name>.args (default: check). Beside each: <name>.err (expected stderr,
# exact), <name>.out (expected stdout, exact, optional), <name>.rc (expected
# exit status, default 0). Scripted suites: tests/suites/*.sh, sourced here
# with the helpers below.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
LADDERC=${LADDERC:-$ROOT/build/ladderc}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ladderc-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export NO_COLOR=1
export LC_ALL=C.UTF-8
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

# Suites marked "# runner: background" (the sanitizer rerun of everything)
# start first and run beside the rest, on the machine's other core; their
# output and counts are merged at the end.
is_background() { grep -q '^# runner: background' "$1"; }
bg_pids=""
for suite in "$ROOT"/tests/suites/*.sh; do
    [ -e "$suite" ] && is_background "$suite" || continue
    case "$suite" in *"$ONLY"*) ;; *) continue ;; esac
    name=$(basename "$suite" .sh)
    (
        passed=0 failed=0
        # shellcheck disable=SC1090
        . "$suite"
        echo "$passed $failed" >"$TMP/bg.$name.counts"
    ) >"$TMP/bg.$name.out" 2>&1 &
    bg_pids="$bg_pids $!"
done

for f in "$ROOT"/tests/cases/*/*.ladder; do
    [ -e "$f" ] || continue
    case "$f" in *"$ONLY"*) ;; *) continue ;; esac
    run_case "$(dirname "$f")" "$(basename "$f" .ladder)"
done

for suite in "$ROOT"/tests/suites/*.sh; do
    [ -e "$suite" ] || continue
    is_background "$suite" && continue
    case "$suite" in *"$ONLY"*) ;; *) continue ;; esac
    # shellcheck disable=SC1090
    . "$suite"
done

for pid in $bg_pids; do
    wait "$pid"
done
for out in "$TMP"/bg.*.out; do
    [ -e "$out" ] || continue
    name=${out#"$TMP"/bg.}
    name=${name%.out}
    cat "$out"
    if [ -e "$TMP/bg.$name.counts" ]; then
        read -r bp bf <"$TMP/bg.$name.counts"
        passed=$((passed + bp))
        failed=$((failed + bf))
    else
        fail "$name: the background suite did not finish"
    fi
done

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
