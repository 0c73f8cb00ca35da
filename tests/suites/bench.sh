# bench.sh - the benchmark's scripts run once on the smallest size, so that
# they cannot rot: both shapes (bench/gen.c's tuned one and its random one).
# Nothing here asserts a time: timings belong to `make bench`. Under the
# sanitizers only ladderc runs, on both shapes' inputs: the pipeline around it
# (hyperfine, Graphviz, awk) is not what they check.

# bench_smoke: make bench-smoke in a work folder of its own, and what it wrote
bench_smoke() {
    bench_work="$TMP/bench-work"
    if (cd "$ROOT" && BENCH_WORK="$bench_work" make -s bench-smoke >"$TMP/bench.out" 2>&1); then
        pass "bench: make bench-smoke runs the whole pipeline on 1k roles"
    else
        fail "bench: make bench-smoke runs the whole pipeline on 1k roles" "$(tail -20 "$TMP/bench.out")"
    fi
    bench_results="$bench_work/smoke/results.tsv"
    for bench_id in check.1000 json.1000 xcheck.1000 xnowarn.1000; do
        if grep -q "^$bench_id	" "$bench_results" 2>/dev/null; then
            pass "bench: the smoke measures $bench_id"
        else
            fail "bench: the smoke measures $bench_id" "$(cut -f 1 "$bench_results" 2>/dev/null | tr '\n' ' ')"
        fi
    done
    # the random shape draws errors and warnings by the hundred even at 1k roles
    bench_random=$(head -n 1 "$bench_work/smoke/random.tsv" 2>/dev/null)
    bench_errors=$(echo "$bench_random" | cut -f 2)
    bench_warnings=$(echo "$bench_random" | cut -f 3)
    if [ "${bench_errors:-0}" -ge 100 ] 2>/dev/null && [ "${bench_warnings:-0}" -ge 100 ] 2>/dev/null; then
        pass "bench: the random shape has errors and warnings ($bench_errors and $bench_warnings at 1k)"
    else
        fail "bench: the random shape has errors and warnings" "random.tsv: $bench_random"
    fi
    # the maps of issue 12 (gen_ladder.py's shapes, beside neato -n2): a row each
    bench_maps=$(cut -f 1,2 "$bench_work/smoke/maps.tsv" 2>/dev/null | tr '\t\n' ': ')
    expect_eq "bench: the smoke renders the maps of issue 12" "crowded:50 spread:50 tracks:20 " "$bench_maps"
    grep -q '^### The map: SVG at 300 and 1,000 roles' "$bench_work/performance-smoke.md" 2>/dev/null \
        && pass "bench: the report has the maps' table" \
        || fail "bench: the report has the maps' table"
    # the page of issue 13: built, and opened in chromium (three numbers)
    bench_page=$(awk -F '\t' '$1 == "skills" { print $1, ($4 > 0), split($6, o, " ") == 3 && o[3] != "-" }' \
        "$bench_work/smoke/pages.tsv" 2>/dev/null)
    expect_eq "bench: the smoke builds the skills map's page and opens it in chromium" "skills 1 1" "$bench_page"
    grep -q '^### The page: `ladderc build -T html`' "$bench_work/performance-smoke.md" 2>/dev/null \
        && pass "bench: the report has the pages' table" \
        || fail "bench: the report has the pages' table"
    grep -q '^### The random shape' "$bench_work/performance-smoke.md" 2>/dev/null \
        && pass "bench: the report has the random shape's table" \
        || fail "bench: the report has the random shape's table"
}

# bench_sanitized: ladderc check on 1k roles of each shape (the tuned one is
# valid, the random one is not). Its own generator: build/bench/gen may be
# being built by the run beside this one.
bench_sanitized() {
    if ! ${CC:-cc} -std=c11 -O2 -o "$TMP/bench-gen" "$ROOT/bench/gen.c" 2>"$TMP/bench-gen.err"; then
        fail "bench: bench/gen.c compiles" "$(head -5 "$TMP/bench-gen.err")"
        return
    fi
    for bench_shape in tuned:0 random:1; do
        "$TMP/bench-gen" --shape="${bench_shape%:*}" 1000 "$TMP/bench.ladder" "$TMP/bench.dot"
        "$LADDERC" check "$TMP/bench.ladder" >/dev/null 2>&1
        expect_eq "bench: check on 1k roles of the ${bench_shape%:*} shape (exit status)" "${bench_shape#*:}" "$?"
    done
}

if [ -n "${LADDERC_SANITIZED:-}" ]; then bench_sanitized; else bench_smoke; fi
