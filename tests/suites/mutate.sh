# mutate.sh - a self-test of `make mutate` (scripts/mutate.py) on a fixture of
# its own (tests/mutate/fixture: one small C file and its test), so the tool
# cannot rot while `make check` never runs it for real (too slow).
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq, expect_file).
#
# Three mutants: clamp()'s '<' made '<=' is listed as equivalent (not run,
# not counted), 'v -= 1' made 'v -= 0' hangs, which counts as killed (its
# timeout is the only clock here: 1 s against a run of a few milliseconds),
# and main()'s argument check dropped survives (the test never omits one).
# Nothing here runs ladderc, so the sanitized rerun skips it.

MU="$TMP/mutate"
mkdir -p "$MU"
mu_tool() { python3 "$ROOT/scripts/mutate.py" --root "$ROOT/tests/mutate/fixture" --files src/clamp.c "$@"; }

if [ -n "${LADDERC_SANITIZED:-}" ]; then
    :
elif ! command -v python3 >/dev/null 2>&1; then
    fail "mutate: python3 is installed (scripts/deps.sh test installs it)"
else
    # the same mutants in the same order on every run, and --sample a subset of them
    mu_tool --list >"$MU/all"
    mu_tool --list >"$MU/again"
    expect_file "mutate: the mutants are listed in the same order on every run" "$MU/all" "$MU/again"
    expect_eq "mutate: every operator of the fixture" "boundary drop-check negate-equality negate-if off-by-one" \
        "$(awk '{ sub(":", "", $3); print $3 }' "$MU/all" | sort -u | tr '\n' ' ' | sed 's/ $//')"
    mu_tool --list --sample 3 >"$MU/s1"
    mu_tool --list --sample 3 >"$MU/s2"
    expect_eq "mutate: --sample 3 picks 3 mutants, the same each time, in source order" "3:same:sorted" \
        "$(wc -l <"$MU/s1" | tr -d ' '):$(cmp -s "$MU/s1" "$MU/s2" && echo same):$(grep -Fxf "$MU/s1" "$MU/all" | cmp -s - "$MU/s1" && echo sorted)"

    # the automatic stages: the data cases first, every suite but --skip,
    # and last the sanitizer suite for what all of those let through
    mu_stages() { python3 -c 'import importlib.util, sys
spec = importlib.util.spec_from_file_location("mutate", sys.argv[1]); m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m); st = m.auto_stages(sys.argv[2], sys.argv[3].split())
print(st[0], st[-1], "suites/sanitizers.sh" in st)' "$ROOT/scripts/mutate.py" "$ROOT" "$1"; }
    expect_eq "mutate: auto stages: data cases first, the sanitized stage last, not the sanitizer suite itself" \
        "tests/cases/ sanitized False" "$(mu_stages "sanitizers bench runner mutate")"
    expect_eq "mutate: --skip sanitized leaves the sanitized stage out" "False" \
        "$(mu_stages "sanitizers sanitized bench runner mutate" | awk '{ print ($2 == "sanitized" ? "True" : "False") }')"

    # the list of equivalent mutants names mutants of today's sources: an edit
    # to a listed line orphans its entry, which --stale reports
    python3 "$ROOT/scripts/mutate.py" --root "$ROOT" --stale >"$MU/stale" 2>&1
    expect_eq "mutate: every entry of tests/mutate/equivalent.txt is a mutant of today's sources" "0:" "$?:$(cat "$MU/stale")"
    printf '%s\n' 'src/clamp.c clamp() boundary: if (v < lo - 1) => if (v <= lo - 1)  # a line no longer there' >"$MU/eq"
    mu_tool --stale --equivalent "$MU/eq" >"$MU/stale" 2>&1
    expect_eq "mutate: --stale reports an entry that names no mutant (exit 1)" "1:src/clamp.c clamp() boundary: if (v < lo - 1) => if (v <= lo - 1)" \
        "$?:$(cat "$MU/stale")"

    cp "$ROOT/tests/mutate/fixture/src/clamp.c" "$MU/clamp.c"
    mu_tool --out "$MU/out" --jobs 1 --timeout 1 --prepare "make -s" --build "make -s build/clamp" \
        --test "sh tests/run.sh {}" --stages fixture \
        --match "clamp\\(\\) (boundary: '<'|off-by-one: '1' -> '0')|main\\(\\) drop-check" >"$MU/log" 2>&1
    expect_eq "mutate: runs the fixture (exit status)" "0" "$?"
    expect_eq "mutate: the summary row: 3 mutants, 1 equivalent, 1 killed, 1 survived" "| src/clamp.c | 3 | 1 | 1 | 1 | 50.0% |" \
        "$(grep '^| src/clamp.c' "$MU/out/report.md")"
    expect_eq "mutate: a hang is killed by the timeout" "fixture (timeout)" \
        "$(sed -n "s/^\\[2\\/3\\] src\\/clamp.c:11 off-by-one: killed //p" "$MU/log")"
    expect_eq "mutate: the survivor with its file:line and diff" "### src/clamp.c:17 in main(): drop-check|+    ;" \
        "$(grep '^### ' "$MU/out/report.md")|$(grep '^+  ' "$MU/out/report.md")"
    expect_eq "mutate: the equivalent mutant with its reason" \
        "- src/clamp.c:8 \`src/clamp.c clamp() boundary: if (v < lo) => if (v <= lo)\`: v == lo returns lo by either branch" \
        "$(grep '^- src/clamp.c' "$MU/out/report.md")"
    expect_file "mutate: the fixture itself is left as it was (mutants go to a scratch copy)" \
        "$MU/clamp.c" "$ROOT/tests/mutate/fixture/src/clamp.c"
fi
