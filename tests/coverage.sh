#!/bin/sh
# coverage.sh - the second half of `make coverage` (tests/coverage.mk builds
# first): runs the fast suite against the instrumented build and reports line
# and branch coverage per file with gcovr.
#
#   tests/coverage.sh [COV_DIR]      COV_DIR defaults to build/cov
#
# Counts from an earlier run are removed first, so a report is one run's.
# Reported: our code in lib/, cli/, plugin/ and the actions in grammar/ladder.y and ladder.l
# (gcov follows the generated files' #line directives back to them); not the
# generated tables, nor build/explain.c (generated from docs/language.md).
# The exit status is the suite's: a report from a failing run is printed, but
# `make coverage` fails.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
COV=${1:-build/cov}
[ -x "$COV/ladderc" ] || { echo "coverage: $COV/ladderc not built: run make coverage" >&2; exit 2; }

find "$COV" -name '*.gcda' -delete
# path.sh runs its sweep-only ladderc from here (its counts go to
# $COV/sweep/path.gcda, which gcovr merges into lib/path.c's)
LADDERC_SWEEP=""
[ -x "$COV/ladderc-sweep" ] && LADDERC_SWEEP="$ROOT/$COV/ladderc-sweep"
LADDERC="$ROOT/$COV/ladderc" LADDERC_SWEEP="$LADDERC_SWEEP" SANITIZERS=0 tests/run.sh
suite=$?
# the C tests of the API and of one module, on the instrumented library
# (tests/coverage.mk)
for unit in "$COV"/unit/* "$COV"/internal/*; do
    [ -x "$unit" ] || continue
    (cd "$COV" && "$ROOT/$unit") | tail -n 1
done

# --exclude-unreachable-branches: branches gcc adds on lines with no code of
# ours (a closing brace, a declaration) are not ours to test
gcovr_args="-r $ROOT --object-directory $COV -f lib/ -f cli/ -f plugin/ -f grammar/ --exclude-unreachable-branches"
mkdir -p "$COV/html"
# shellcheck disable=SC2086
gcovr $gcovr_args \
    --txt "$COV/lines.txt" \
    --json-summary-pretty --json-summary "$COV/summary.json" \
    --html-details "$COV/html/index.html" "$COV" || exit 2
# shellcheck disable=SC2086
gcovr $gcovr_args --branches --txt "$COV/branches.txt" "$COV" || exit 2

# the table docs/reliability.md quotes: one row per file, then the totals of
# lib/, cli/ and plugin/ (our code: the 95% target) and of everything
python3 - "$COV/summary.json" >"$COV/report.md" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
def pct(c, t):
    return "-" if t == 0 else "%.1f%%" % (100.0 * c / t)
def row(name, lc, lt, bc, bt):
    return "| %s | %s (%d/%d) | %s (%d/%d) |" % (name, pct(lc, lt), lc, lt, pct(bc, bt), bc, bt)
print("| File | Lines | Branches |")
print("|---|---|---|")
src = [0, 0, 0, 0]
for f in sorted(d["files"], key=lambda f: f["filename"]):
    v = (f["line_covered"], f["line_total"], f["branch_covered"], f["branch_total"])
    print(row(f["filename"], *v))
    if f["filename"].startswith(("lib/", "cli/", "plugin/")):
        src = [a + b for a, b in zip(src, v)]
print(row("**lib/, cli/, plugin/ (library, CLI, renderer)**", *src))
print(row("**all**", d["line_covered"], d["line_total"], d["branch_covered"], d["branch_total"]))
PY
{
    echo "coverage of $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- lib cli plugin include grammar tests 2>/dev/null || echo ' (with uncommitted changes)') on $(date -u +%Y-%m-%d)"
    cat "$COV/report.md"
} | tee "$COV/report.txt"
echo "details: $COV/html/index.html; uncovered lines: $COV/lines.txt, branches: $COV/branches.txt"
exit $suite
