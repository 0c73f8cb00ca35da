# bench.sh - the benchmark's scripts run once on the smallest size, so that
# they cannot rot. Nothing here asserts a time: timings belong to `make bench`.
if (cd "$ROOT" && make -s bench-smoke >"$TMP/bench.out" 2>&1); then
    pass "bench: make bench-smoke runs the whole pipeline on 1k roles"
else
    fail "bench: make bench-smoke runs the whole pipeline on 1k roles" "$(tail -20 "$TMP/bench.out")"
fi
