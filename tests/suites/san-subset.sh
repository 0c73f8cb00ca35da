# runner: slow
# runner: timeout 900
# (a gcov build, the sanitized rerun's items once each against it, then
# gcov over each item's counts: 2 to 3 min of CPU)
#
# san-subset.sh - `make check`'s sanitized rerun runs a subset of the tests,
# tests/sanitized.list (tests/suites/sanitizers.sh passes it as RUN_LIST;
# `make check-slow` reruns them all); this checks that the subset still
# reaches every line and branch outcome of lib/, cli/, plugin/ and grammar/
# that the whole rerun reaches, so that a new test that reaches something
# new under the sanitizers is not left out of them. Each item (a data case,
# a suite) runs once, as the sanitized rerun runs it (LADDERC_SANITIZED=1,
# not the slow tier), against build/cov/ladderc with its counts in a tree of
# its own (GCOV_ITEMS in tests/run.sh); tests/tools/san_subset.py compares
# the union of the listed items' with everyone's, and names the items that
# reach what the list misses. `tests/tools/san_subset.py write` writes a new
# list from the same counts (SS_KEEP=DIR keeps them there).
# Sourced by tests/run.sh (helpers: pass, fail).

SS=${SS_KEEP:-$TMP/san-subset}
rm -rf "$SS"
mkdir -p "$SS/items"
if ! make -C "$ROOT" --no-print-directory -j2 coverage-build >"$SS/build.log" 2>&1; then
    fail "san-subset: make coverage-build" "$(tail -20 "$SS/build.log")"
else
    # the rerun as make check runs it, but every item and a gcov ladderc
    (
        unset RUN_LIST RUN_TRACE TIMES
        GCOV_ITEMS="$SS/items" LADDERC="$ROOT/build/cov/ladderc" LADDERC_SANITIZED=1 SANITIZERS=0 \
            CHECK_SLOW='' VERBOSE='' sh "$ROOT/tests/run.sh" >"$SS/run.log" 2>&1
    )
    ss_last=$(tail -n 1 "$SS/run.log")
    case "$ss_last" in
    *" passed, 0 failed, "*) pass "san-subset: every item of the sanitized rerun against the gcov build ($ss_last)" ;;
    *) fail "san-subset: every item of the sanitized rerun against the gcov build ($ss_last)" "$(grep -A6 '^FAIL' "$SS/run.log" | head -40)" ;;
    esac
    if python3 "$ROOT/tests/tools/san_subset.py" check "$SS/items" "$ROOT/tests/sanitized.list" >"$SS/check.out" 2>&1; then
        pass "san-subset: tests/sanitized.list reaches all the whole rerun reaches ($(tail -n 1 "$SS/check.out"))"
    else
        fail "san-subset: tests/sanitized.list reaches all the whole rerun reaches" "$(head -50 "$SS/check.out")"
    fi
fi
