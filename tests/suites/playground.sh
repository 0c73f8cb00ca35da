# playground.sh - the playground (make playground: build/playground/) in a
# real browser: Debian's chromium, headless, one process for the suite,
# driven over the DevTools pipe by tests/tools/browser.py; the checks are
# tests/tools/playground_checks.py, which prints "ok NAME" or "FAIL NAME"
# (this suite's tests) and "measure NAME VALUE" (printed with TIMES=1 or
# VERBOSE=1, for docs/performance.md; never asserted). From file:// and from
# python3 -m http.server on 127.0.0.1: the map as `ladderc build -T svg`
# draws it, a mistake typed and listed as `ladderc check` says it and
# squiggled, the last good map kept, the fix redrawn, a click on a
# diagnostic moving the cursor, a shared address opening the same files,
# imports across tabs, the explorer as `ladderc path` and `ladderc gap`
# print, hover, completion and a quick fix, brackets and quotes closed as
# typed, names under std/ refused (a tab's, a shared file's), dark mode (the
# map, and the editor's colours: selection, active line, tooltips at 4.5:1
# in both schemes, and after a switch; every text of the page at 4.5:1),
# the line typed kept in sight, a narrow window (the map whole under the
# source, the file's buttons on one row), an injection ladder that runs
# nothing, no console error, exception or CSP report, no request beyond the
# page's own files. About 20 s of wall time (the browser's
# waits), 4 s of CPU that TIMES=1 counts, and 13 to 14 s more in chromium's
# processes, which it does not (they are not this shell's children): the
# five fresh loads measured for docs/performance.md run only with TIMES=1
# or VERBOSE=1 (4 s of chromium's CPU; they asserted nothing the first
# load does not).
# PLAYGROUND_SHOTS=DIR keeps screenshots. Needs `make playground` (make
# check builds it). Sourced by tests/run.sh (helpers: pass, fail, expect_eq).
# runner: background
# runner: budget 8

PGT="$TMP/playground"
mkdir -p "$PGT"
PG_SITE="$ROOT/build/playground"

# The page runs the WebAssembly build, not the native one: the sanitized
# rerun has nothing to add here.
if [ -n "${LADDERC_SANITIZED:-}" ]; then
    return 0 2>/dev/null || exit 0
fi

# A ladder whose every user string would run script if it reached the page
# as markup (each payload sets window.__pwned), with U+2028 and U+2029 that
# end a line in older JavaScript: tests/tools/injection.ladder, shared with
# html-browser.sh.
cp "$ROOT/tests/tools/injection.ladder" "$PGT/injection.ladder"

if [ ! -f "$PG_SITE/index.html" ] || [ ! -f "$PG_SITE/ladder.js" ]; then
    fail "playground: build/playground/ is built" "run make playground (make check builds it)"
    return 0 2>/dev/null || exit 0
fi
pg_opts=""
[ -n "${PLAYGROUND_SHOTS:-}" ] && pg_opts="--shots $PLAYGROUND_SHOTS"
# shellcheck disable=SC2086
timeout 150 python3 "$ROOT/tests/tools/playground_checks.py" "$LADDERC" "$PG_SITE" "$PGT" \
    "$PGT/injection.ladder" $pg_opts >"$PGT/out" 2>"$PGT/err"
pg_rc=$?
expect_eq "playground: the checks ran to the end (exit status, standard error)" "0:" "$pg_rc:$(tail -n 5 "$PGT/err")"
pg_n=$(grep -c '^ok \|^FAIL ' "$PGT/out")
# about 105 checks: fewer means a part stopped early
[ "$pg_n" -ge 100 ] && pass "playground: every check ran ($pg_n)" || fail "playground: every check ran" "only $pg_n: $(tail -n 20 "$PGT/out")"
expect_report playground "$PGT/out"
