# syntax.sh - diagnostics for broken files: one mistake, one diagnostic, and
# error paths that cost what the file's size says (docs/performance.md,
# "Error paths"). Sourced by tests/run.sh (helpers: pass, fail, expect_eq).
# Small files with exact diagnostics are data cases in tests/cases/syntax/,
# tests/cases/check/ and tests/cases/hints/; this suite has what needs
# generating.
#
# The error-path files are bounded by 2 s of CPU time (ulimit -t): the fixed
# code takes 0.1 to 0.2 s on them (a 10x margin and more), the quadratic code
# it replaced took 6 to 9 s. CPU time, not wall time, so a busy machine does
# not fail them; skipped under the sanitizers (LADDERC_SANITIZED).

SY="$TMP/syntax"
mkdir -p "$SY"

# sy_run_bounded NAME WANT_STATUS FILE: check FILE within 2 s of CPU time.
sy_run_bounded() {
    sy_name=$1 sy_want=$2
    timeout 60 sh -c 'ulimit -t 2; exec "$@"' sh "$LADDERC" check "$3" >/dev/null 2>&1
    sy_rc=$?
    case $sy_rc in
    124) fail "syntax: $sy_name (wall clock over 60 s)" ;;
    137 | 152) fail "syntax: $sy_name (over 2 s of CPU time: quadratic?)" ;;
    "$sy_want") pass "syntax: $sy_name" ;;
    *) fail "syntax: $sy_name (exit status $sy_rc, expected $sy_want)" ;;
    esac
}

if [ -z "${LADDERC_SANITIZED:-}" ]; then
    # 30,000 roles whose line is broken (each id a broken definition), then
    # 60,000 references to undefined roles: each undefined name was compared
    # with every broken definition.
    awk 'BEGIN {
        print "levels L1..L9"; print "track ic \"IC\""
        for (i = 0; i < 30000; i++) printf "role r%d \"R\" track ic level L2 at (1 2)\n", i
        for (i = 0; i < 30000; i++) printf "u%d -> v%d\n", i, i
    }' >"$SY/broken-defs.ladder"
    sy_run_bounded "30,000 broken definitions and 60,000 undefined names" 1 "$SY/broken-defs.ladder"

    # A 20 MB definition line, then 40,000 syntax errors: each error scanned
    # the text from the definition line's start for a line end.
    { printf 'role big "'; head -c 20000000 /dev/zero | tr '\0' x
      printf '" track ic level L2 at (1, 2)\n'
      awk 'BEGIN { for (i = 0; i < 40000; i++) print "levels L1 L2" }'; } >"$SY/long-def-line.ladder"
    sy_run_bounded "a 20 MB definition line, then 40,000 syntax errors" 1 "$SY/long-def-line.ladder"
    rm -f "$SY/broken-defs.ladder" "$SY/long-def-line.ladder"
fi

# ---- not a ladder file: nothing of a secret reaches the log, in any format ----
SY_KEY="$SY/id_test"
{ echo '-----BEGIN OPENSSH PRIVATE KEY-----'
  echo 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW'
  echo 'c2VjcmV0LW1hcmtlci1kby1ub3QtbGVhaw_secret_marker_do_not_leak'
  echo '-----END OPENSSH PRIVATE KEY-----'; } >"$SY_KEY"
ln -sf "$SY_KEY" "$SY/key.ladder"
for sy_fmt in text json github; do
    "$LADDERC" check --diagnostics=$sy_fmt "$SY/key.ladder" >"$SY/out" 2>"$SY/err"
    sy_rc=$?
    expect_eq "syntax: a private key behind key.ladder: exit 1 ($sy_fmt)" 1 "$sy_rc"
    if grep -q 'secret_marker\|b3BlbnNz\|BEGIN' "$SY/out" "$SY/err"; then
        fail "syntax: a private key behind key.ladder: none of it is printed ($sy_fmt)" "$(cat "$SY/out" "$SY/err" | head -c 400)"
    else
        pass "syntax: a private key behind key.ladder: none of it is printed ($sy_fmt)"
    fi
    expect_eq "syntax: a private key behind key.ladder: one diagnostic, E009 ($sy_fmt)" 1 \
        "$(cat "$SY/out" "$SY/err" | grep -c 'E009')"
done
# the same key pasted into a real ladder is that ladder's broken lines: reported as usual
{ printf 'levels L3..L8\ntrack ic "IC"\n'; cat "$SY_KEY"; } >"$SY/pasted.ladder"
"$LADDERC" check "$SY/pasted.ladder" >/dev/null 2>"$SY/err"
expect_eq "syntax: a ladder with broken lines is still a ladder (no E009)" 0 "$(grep -c 'E009' "$SY/err")"
rm -f "$SY_KEY" "$SY/key.ladder" "$SY/pasted.ladder"
