# backends-chain.sh - the years of a map's moves: labels up to 1000 moves,
# tooltips beyond (split from backends.sh so that the sanitized rerun of
# `make check` can run these without every example in every format: they
# reach a branch of lib/emit/emit_dot.c that nothing else does, see
# tests/sanitized.list). Every ladderc runs under `timeout 30`.
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq).

# A map with more than 1000 moves carries each move's years in its tooltip,
# not a label (docs/language.md, "The skills map"); up to 1000 keeps labels.
chain() {   # chain N: N lateral moves along N+1 roles at one level
    printf 'levels L1..L9\naxis x "Soft" 0..2000\naxis y "Hard" 0..10\nyears lateral 1..2\n'
    printf 'track ic "IC"\n'
    awk -v n="$1" 'BEGIN { for (i = 0; i <= n; i++) printf "role r%d \"R%d\" track ic level L5 at (%d, %d)\n", i, i, i, i % 10
                           for (i = 0; i < n; i++) printf "r%d -> r%d lateral\n", i, i + 1 }'
}
edge_attrs() {  # edge_attrs FILE.dot: "LABELS TOOLTIPS" over the edges between roles
    printf '%s %s' "$(grep -c '^  "r[0-9]*" -> "r[0-9]*" \[.*, label="1\.\.2 y"\]' "$1")" \
        "$(grep -c '^  "r[0-9]*" -> "r[0-9]*" \[.*, tooltip="1\.\.2 y"\]' "$1")"
}
chain 1000 >"$TMP/chain1000.ladder"
chain 1001 >"$TMP/chain1001.ladder"
timeout 30 "$LADDERC" build -T dot -o "$TMP/chain1000.dot" "$TMP/chain1000.ladder" 2>"$TMP/b.err"
expect_eq "backend: 1000 moves keep their years labels" "1000 0" "$(edge_attrs "$TMP/chain1000.dot")"
timeout 30 "$LADDERC" build -T dot -o "$TMP/chain1001.dot" "$TMP/chain1001.ladder" 2>"$TMP/b.err"
expect_eq "backend: 1001 moves carry their years in tooltips" "0 1001" "$(edge_attrs "$TMP/chain1001.dot")"
timeout 30 "$LADDERC" build -T svg -o "$TMP/chain1001.svg" "$TMP/chain1001.ladder" 2>"$TMP/b.err"
expect_eq "backend: 1001 moves: the svg shows the years on hover" "1001" \
    "$(grep -c '<a xlink:title="1\.\.2 y">' "$TMP/chain1001.svg")"
expect_eq "backend: 1001 moves: the legend says where the years are" "1" \
    "$(grep -c '>years: hover an arrow</text>' "$TMP/chain1001.svg")"
expect_eq "backend: 1000 moves: the legend has no hover hint" "0" \
    "$(grep -c 'hover an arrow' "$TMP/chain1000.dot")"
dot -Tcanon "$TMP/chain1001.dot" >/dev/null 2>"$TMP/gv.err"
[ $? = 0 ] && [ ! -s "$TMP/gv.err" ] && pass "backend: dot -Tcanon reads a map with tooltips" \
    || fail "backend: dot -Tcanon reads a map with tooltips" "$(head -5 "$TMP/gv.err")"
