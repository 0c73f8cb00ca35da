# runner: background
# runner: budget 90
# (2,640 tests at issue 13: 75 to 87 s of CPU measured on clean clones, 105 s
# before the -O0 sanitizer builds; 3,321 tests after issue 13: 90 to 94 s;
# ~76 s since the rerun runs tests/sanitized.list (issue 15);
# the ASan build, then the suite again
# under ASan in a queue of its own beside valgrind and the fuzzer's build and
# smoke: it runs beside the normal run, which leaves it a core or more)
# runner: timeout 900
# (its watchdog: the whole suite again under ASan beside valgrind, 1 to 2 min)
#
# sanitizers.sh - ladderc under AddressSanitizer, UndefinedBehaviorSanitizer,
# LeakSanitizer and valgrind, and a short fuzzing run.
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq, expect_file).
#
# 1. valgrind memcheck, started first (it needs only build/ladderc) and run
#    beside the rest: check on both examples, dot, md and json on
#    skills-map, svg on acme (png goes through the same plugin code as svg,
#    with cairo's rasteriser behind it: 7 to 16 s a picture under valgrind);
#    with $CHECK_SLOW (`make check-slow`) every backend on both, 35 s more. Definite
#    leaks are errors; tests/valgrind.supp names only leaks made inside
#    Graphviz's layout/rendering and fontconfig;
# 2. builds build/asan/ladderc (+ build/asan/ladderc-render.so: make asan,
#    tests/fuzz/fuzz.mk, at -O0: 4 to 6 s of CPU);
# 3. builds the fuzzer (make fuzz-build) and runs make fuzz-smoke, beside
#    the rest: the seed corpus, every regression input,
#    then a run bounded by work, not time (FUZZ_SMOKE_RUNS executions with a
#    fixed seed; with $CHECK_SLOW, 60 s of fuzzing instead);
# 4. runs the test suite again (tests/run.sh) with LADDERC=build/asan/ladderc:
#    in make check the items of tests/sanitized.list (RUN_LIST), which reach
#    every line and branch outcome the whole suite reaches under it
#    (tests/suites/san-subset.sh checks that in check-slow), in check-slow
#    all of it.
#    Every sanitizer report goes to a log file; any report fails this suite,
#    whether or not the test that triggered it noticed. Graphviz's own leaks
#    are suppressed by tests/lsan.supp (Graphviz, pango, cairo, fontconfig and
#    expat libraries only). The budget notes of that run are passed on.
#
# The nested run sets LADDERC_SANITIZED=1, and this suite does nothing when it
# is set, so it never recurses; the other suites keep their stress cases out
# of it (see tests/run.sh). SANITIZERS=0 skips the whole suite.

# san_valgrind: valgrind memcheck over the examples; its own counts in
# $TMP/vg.counts, its report in $TMP/vg.out (it runs in a subshell)
san_valgrind() {
    if ! command -v valgrind >/dev/null 2>&1; then
        fail "sanitizers: valgrind is installed (scripts/deps.sh test)"
        return
    fi
    for f in "$ROOT"/examples/*.ladder; do
        ex=$(basename "$f" .ladder)
        for fmt in check dot md json svg png; do
            # each backend once in check (Graphviz's layout and cairo under
            # valgrind take 2 to 16 s a picture), every pair in check-slow
            case $fmt.$ex in
            check.* | dot.skills-map | md.skills-map | json.skills-map | svg.acme) ;;
            *) [ -n "$CHECK_SLOW" ] || continue ;;
            esac
            if [ $fmt = check ]; then set -- check "$f"; else set -- build -T $fmt -o "$TMP/vg.$fmt" "$f"; fi
            valgrind -q --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \
                --error-exitcode=1 --num-callers=40 --suppressions="$ROOT/tests/valgrind.supp" \
                --log-file="$TMP/vg.log" "$ROOT/build/ladderc" "$@" >/dev/null 2>"$TMP/vg.err"
            vg_rc=$?
            if [ $vg_rc = 0 ] && [ ! -s "$TMP/vg.log" ]; then
                pass "sanitizers: valgrind $fmt $ex"
            else
                fail "sanitizers: valgrind $fmt $ex" "exit status $vg_rc
$(head -40 "$TMP/vg.log") $(head -5 "$TMP/vg.err")"
            fi
        done
    done
    set --
}

san_suite() {
    (
        passed=0 failed=0
        san_valgrind
        echo "$passed $failed" >"$TMP/vg.counts"
    ) >"$TMP/vg.out" 2>&1 &
    vg_pid=$!

    if ! command -v "${FUZZ_CC:-clang}" >/dev/null 2>&1; then
        fail "sanitizers: clang is installed (scripts/deps.sh test)"
        return
    fi
    if ! make -j2 -C "$ROOT" --no-print-directory asan >"$TMP/san-build.log" 2>&1; then
        fail "sanitizers: make asan" "$(tail -20 "$TMP/san-build.log")"
        return
    fi
    pass "sanitizers: make asan"
    run_trace "sanitizers: built build/asan/ladderc"

    # the fuzzer's build, then its smoke run, beside the rerun (which waits
    # for build/asan/ladderc only); check-slow fuzzes 60 s instead
    if [ -n "$CHECK_SLOW" ]; then set -- FUZZ_SMOKE_RUNS=-1 FUZZ_SMOKE_SECONDS=60; else set --; fi
    (
        make -C "$ROOT" --no-print-directory fuzz-build >"$TMP/fuzz-build.log" 2>&1 || exit 3
        make -C "$ROOT" --no-print-directory fuzz-smoke "$@" >"$TMP/fuzz-smoke.log" 2>&1
    ) &
    fuzz_pid=$!
    set --

    # the C tests of the API, the failing-allocator sweep included, on the
    # sanitized library (a leak, a bad read after a jump: a report, exit 1)
    for san_unit in "$ROOT"/build/asan/unit/*; do
        [ -x "$san_unit" ] || continue
        san_name=$(basename "$san_unit")
        (cd "$TMP" && "$san_unit") >"$TMP/san-unit.log" 2>&1
        san_rc=$?
        san_last=$(tail -n 1 "$TMP/san-unit.log")
        case "$san_rc:$san_last" in
            "0:"*" passed, 0 failed") pass "sanitizers: unit/$san_name under ASan+UBSan ($san_last)" ;;
            *) fail "sanitizers: unit/$san_name under ASan+UBSan" "exit status $san_rc; $(grep -v '^ok' "$TMP/san-unit.log" | head -30)" ;;
        esac
    done

    # -- the suite again under ASan + UBSan + LSan: make check runs the items
    # of tests/sanitized.list (every line and branch outcome the whole rerun
    # reaches: tests/suites/san-subset.sh checks it), check-slow all of them --
    san_list=$ROOT/tests/sanitized.list
    [ -n "$CHECK_SLOW" ] && san_list=""
    san_logs="$TMP/san-logs"
    mkdir -p "$san_logs"
    # exitcode=99: a sanitizer's status must not look like ladderc's 1 (errors in the input)
    ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:halt_on_error=1:exitcode=99:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1:log_path=$san_logs/asan" \
    LSAN_OPTIONS="suppressions=$ROOT/tests/lsan.supp:print_suppressions=0" \
    UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:log_path=$san_logs/ubsan" \
    LADDERC_SANITIZED=1 LADDERC="$ROOT/build/asan/ladderc" VERBOSE='' RUN_LIST="$san_list" \
        sh "$ROOT/tests/run.sh" >"$TMP/san-run.log" 2>&1
    san_rc=$?
    run_trace "sanitizers: the rerun ended"
    grep -E '^(note|time): ' "$TMP/san-run.log"
    san_last=$(tail -n 1 "$TMP/san-run.log")
    case "$san_last" in
    *" passed, 0 failed, "*" skipped") [ "$san_rc" = 0 ] && pass "sanitizers: ${san_list:+the covering subset of the }whole suite under ASan+UBSan ($san_last)" \
        || fail "sanitizers: whole suite under ASan+UBSan" "exit status $san_rc; $san_last" ;;
    *) fail "sanitizers: whole suite under ASan+UBSan ($san_last)" "$(grep -A6 '^FAIL' "$TMP/san-run.log" | head -60)" ;;
    esac
    san_reports=$(ls "$san_logs" 2>/dev/null)
    if [ -z "$san_reports" ]; then
        pass "sanitizers: no ASan/UBSan/LSan report"
    else
        fail "sanitizers: no ASan/UBSan/LSan report" "$(for r in $san_reports; do echo "== $r"; if grep -qE 'ERROR|SUMMARY|runtime error' "$san_logs/$r"; then grep -E 'ERROR|SUMMARY|runtime error|^    #[0-9] ' "$san_logs/$r" | head -14; else head -c 600 "$san_logs/$r"; echo "($(wc -c <"$san_logs/$r") bytes)"; fi; done | head -80)"
    fi

    # -- the fuzz target: its build, seeds, regressions, a short run --
    wait "$fuzz_pid"
    fuzz_rc=$?
    run_trace "sanitizers: the fuzz smoke ended"
    if [ "$fuzz_rc" = 3 ]; then
        fail "sanitizers: make fuzz-build" "$(tail -20 "$TMP/fuzz-build.log")"
    elif [ "$fuzz_rc" = 0 ]; then
        pass "sanitizers: make fuzz-build"
        pass "sanitizers: make fuzz-smoke ($(grep -o 'stat::number_of_executed_units: *[0-9]*' "$TMP/fuzz-smoke.log" | tail -1 | sed 's/.*: *//') runs)"
    else
        pass "sanitizers: make fuzz-build"
        fail "sanitizers: make fuzz-smoke" "$(grep -E 'broken promise|ERROR|SUMMARY|Test unit written|Running:' "$TMP/fuzz-smoke.log" | head -20)"
    fi
}

# san_merge_valgrind: waits for valgrind and adds its report and counts
san_merge_valgrind() {
    wait "$vg_pid"
    run_trace "sanitizers: valgrind ended"
    cat "$TMP/vg.out"
    if [ -e "$TMP/vg.counts" ]; then
        read -r vg_p vg_f <"$TMP/vg.counts"
        passed=$((passed + vg_p))
        failed=$((failed + vg_f))
    else
        fail "sanitizers: the valgrind runs did not finish"
    fi
}

if [ -n "${LADDERC_SANITIZED:-}" ] || [ "${SANITIZERS:-1}" = 0 ]; then
    :   # already under the sanitizers (or asked to skip): nothing to do
else
    san_suite
    san_merge_valgrind
fi
