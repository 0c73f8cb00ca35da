# workflow-roundtrip.sh - fmt on every data case and example, twice, with
# build or check on both versions (split from workflow.sh so that the
# sanitized rerun of `make check` can leave it out when the rest covers what
# it reaches, see tests/sanitized.list).
# runner: budget 8
# (one Python process and ~2,200 ladderc: about 6 s of CPU)
# Sourced by tests/run.sh (helpers: pass, fail).

EX="$ROOT/examples"
W="$TMP/wf"
mkdir -p "$W"
# Every case and example through fmt twice (and build or check on both
# versions), in one Python process: tests/tools/fmt_roundtrip.py does what
# this loop did in the shell (7,500 processes, 3 to 4 helpers per ladderc)
# and prints "N_FMT N_BAD" last. Under the sanitizers, a third of the inputs,
# fixed: fmt's memory on every input is the fuzz smoke's too, and the normal
# run checks them all; the meaning is compared once, by the normal build.
python3 "$ROOT/tests/tools/fmt_roundtrip.py" "$LADDERC" "${LADDERC_SANITIZED:-}" \
    "$ROOT"/tests/cases/*/*.ladder "$EX"/*.ladder >"$W/roundtrip.out" 2>&1
read -r n_fmt n_bad <<EOF_RT
$(tail -n 1 "$W/roundtrip.out")
EOF_RT
sed '$d' "$W/roundtrip.out"
case "$n_fmt:$n_bad" in *[!0-9:]* | :* | *:) n_fmt=0 n_bad="fmt_roundtrip.py failed: $(tail -n 3 "$W/roundtrip.out")" ;; esac
[ "$n_fmt" -gt 40 ] && [ "$n_bad" = 0 ] && pass "fmt: idempotent, keeps comments and meaning on $n_fmt inputs" \
    || fail "fmt: idempotent, keeps comments and meaning on $n_fmt inputs" "$n_bad problems"
