# linear.sh - costs that must follow the input's size, on the shapes built to
# break them: names whose unkeyed hashes collide, a huge cell for fmt to align
# on, long names that an output repeats, many boxes on a big map, long level
# prefixes. Each test bounds work (instructions counted by cachegrind) or
# bytes (output size against input size), never wall time.
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq, expect_file).
# runner: budget 10
# (seven runs under cachegrind --cache-sim=no, each about 0.6 s of CPU, half
# callgrind's for the same count of instructions: instruction counts are
# the one measure of work that does not depend on the machine)

LN="$TMP/linear"
mkdir -p "$LN"

# ln_size FILE: its size in bytes
ln_size() { wc -c <"$1" | tr -d ' '; }

# ln_within NAME BYTES LIMIT: pass when BYTES <= LIMIT
ln_within() {
    if [ "$2" -le "$3" ]; then pass "linear: $1"; else fail "linear: $1" "$2 bytes, limit $3"; fi
}

# ln_instructions ARGS...: the instructions ladderc ARGS executes (cachegrind)
ln_instructions() {
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$LADDERC" "$@" 2>&1 >/dev/null |
        sed -n 's/.*I *refs: *//p' | tr -d ,
}

# ---- symbol tables: colliding names ----------------------------------------
# Role ids "r" + 12 blocks, each block one of a pair. The pairs were found by
# a birthday search over 4-character blocks, one pair at a time from the
# state the previous block left: FNV-1a's low 24 bits depend only on the low
# 24 bits of its state, so every one of the 2^12 ids has the same low 24
# bits under FNV-1a (the hash before), and lands in one slot of any table of
# up to 2^24 slots. Ordinary ids of the same length are the baseline.
ln_roles() {    # ln_roles colliding|ordinary: 4096 roles in a chain of lateral moves
    awk -v mode="$1" 'BEGIN {
        split("a1y8 b8xz auay a5ay a5ay a5ay a5ay a5ay a5ay a5ay a5ay a5ay", A, " ")
        split("bpcr cqce b6ld bvld bvld bvld bvld bvld bvld bvld bvld bvld", B, " ")
        print "levels L3..L11"; print "track ic \"IC\""
        for (n = 0; n < 4096; n++) {
            id[n] = "r"
            for (k = 1; k <= 12; k++) {
                bit = int(n / 2 ^ (k - 1)) % 2
                if (mode == "colliding") id[n] = id[n] (bit ? B[k] : A[k])
                else id[n] = id[n] sprintf("%04d", (n * 7 + k * 1237) % 10000)
            }
            printf "role %s \"R\" track ic level L5 at (%d, %d)\n", id[n], n % 100, int(n / 100)
        }
        for (n = 1; n < 4096; n++) printf "%s -> %s lateral\n", id[n - 1], id[n]
    }'
}
if [ -n "${LADDERC_SANITIZED:-}" ]; then
    :   # cachegrind counts instructions of the plain build only
elif ! command -v valgrind >/dev/null 2>&1; then
    fail "linear: valgrind is installed (scripts/deps.sh test)"
else
    ln_roles colliding >"$LN/colliding.ladder"
    ln_roles ordinary >"$LN/ordinary.ladder"
    ln_c=$(ln_instructions check -W no-W152 "$LN/colliding.ladder")
    ln_o=$(ln_instructions check -W no-W152 "$LN/ordinary.ladder")
    # today both are about 25M; FNV-1a took 100M on the colliding ids (4x),
    # and 4x more per doubling
    if [ -n "$ln_c" ] && [ -n "$ln_o" ] && [ "$ln_c" -le $((ln_o * 13 / 10)) ]; then
        pass "linear: symbol table, 4096 colliding role ids (instructions within 1.3x of ordinary ids)"
    else
        fail "linear: symbol table, 4096 colliding role ids (instructions within 1.3x of ordinary ids)" \
            "colliding: $ln_c, ordinary: $ln_o"
    fi
fi

# The set of transitions seen (E135) and the table of positions (W152) are
# hashed too, and their keys are chosen by the file as well. Under the fixed
# multiplier they had, pair keys 2^(20 + log2 slots) apart shared a slot:
# 8191 moves r(4j) -> r1 (a table of 2^14 slots, keys 2^34 apart) took 2.1x
# the instructions of as many moves r(4j) -> r(4j+1). Keyed now: within 1.3x.
ln_pairs() {    # ln_pairs colliding|ordinary
    awk -v mode="$1" 'BEGIN { print "levels L3..L11"; print "track ic \"IC\"";
        for (i = 0; i < 32768; i++) printf "role r%d \"R\" track ic level L5 at (%d, %d)\n", i, i % 100, int(i / 100);
        for (j = 1; j < 8192; j++) printf "r%d -> r%d lateral\n", 4 * j, mode == "colliding" ? 1 : 4 * j + 1 }'
}
if [ -n "${LADDERC_SANITIZED:-}" ] || ! command -v valgrind >/dev/null 2>&1; then
    :   # counted on the plain build only (the test above says when valgrind is missing)
else
    ln_pairs colliding >"$LN/pairs-colliding.ladder"
    ln_pairs ordinary >"$LN/pairs-ordinary.ladder"
    ln_c=$(ln_instructions check "$LN/pairs-colliding.ladder")
    ln_o=$(ln_instructions check "$LN/pairs-ordinary.ladder")
    if [ -n "$ln_c" ] && [ -n "$ln_o" ] && [ "$ln_c" -le $((ln_o * 13 / 10)) ]; then
        pass "linear: transition pairs chosen to collide (instructions within 1.3x of ordinary pairs)"
    else
        fail "linear: transition pairs chosen to collide (instructions within 1.3x of ordinary pairs)" \
            "colliding: $ln_c, ordinary: $ln_o"
    fi
fi

# The hash key is random per run; nothing may depend on it: duplicate and
# undefined names give the same diagnostics in the same order, run after run
ln_roles colliding | sed -n '1,200p' >"$LN/dups.ladder"
ln_roles colliding | sed -n '3,100p' >>"$LN/dups.ladder"
echo "nobody -> ra1y8b8xzauaya5aya5aya5aya5aya5aya5aya5aya5aya5ay lateral" >>"$LN/dups.ladder"
"$LADDERC" check -W no-W152 "$LN/dups.ladder" >/dev/null 2>"$LN/dups.1"
"$LADDERC" check -W no-W152 "$LN/dups.ladder" >/dev/null 2>"$LN/dups.2"
"$LADDERC" check -W no-W152 "$LN/dups.ladder" >/dev/null 2>"$LN/dups.3"
if [ -s "$LN/dups.1" ] && cmp -s "$LN/dups.1" "$LN/dups.2" && cmp -s "$LN/dups.1" "$LN/dups.3"; then
    pass "linear: symbol table: diagnostics do not depend on the random hash key"
else
    fail "linear: symbol table: diagnostics do not depend on the random hash key" "$(head -c 300 "$LN/dups.1")"
fi

# ---- build -T dot: many boxes ----------------------------------------------
# 1,000 boxes and 10,000 roles: drawing the boxes scanned every role per box
# (2.4x the instructions of writing the same model as JSON); one pass now
# (about 1.2x).
awk 'BEGIN {
    print "levels L0..L999"; print "track ic \"IC\""
    for (k = 0; k < 1000; k++) printf "box \"b%d\" L%d\n", k, k
    for (i = 0; i < 10000; i++)
        printf "role r%d \"R\" track ic level L%d at (%d, %d)\n", i, i % 1000, i % 100, int(i / 100)
}' >"$LN/boxes.ladder"
if [ -n "${LADDERC_SANITIZED:-}" ]; then
    :
elif command -v valgrind >/dev/null 2>&1; then
    ln_d=$(ln_instructions build -T dot "$LN/boxes.ladder")
    ln_j=$(ln_instructions build -T json "$LN/boxes.ladder")
    if [ -n "$ln_d" ] && [ -n "$ln_j" ] && [ "$ln_d" -le $((ln_j * 16 / 10)) ]; then
        pass "linear: dot, 1000 boxes x 10000 roles (instructions within 1.6x of json)"
    else
        fail "linear: dot, 1000 boxes x 10000 roles (instructions within 1.6x of json)" "dot: $ln_d, json: $ln_j"
    fi
fi

# ---- level text: never cut -------------------------------------------------
# A level prefix of 150 letters: the range is 304 bytes, and reached JSON,
# DOT, SVG and Markdown cut at 63. The role's node is sized for the whole
# text (150 letters of at least 3 points each, twice: over 12 inches).
ln_p=$(awk 'BEGIN { for (i = 0; i < 30; i++) printf "Level" }')
printf 'levels %s3..%s11\ntrack ic "IC"\nrole a "A" track ic level %s5..%s6 at (10, 10)\n' \
    "$ln_p" "$ln_p" "$ln_p" "$ln_p" >"$LN/prefix.ladder"
for ln_t in json dot md svg; do
    "$LADDERC" build -T "$ln_t" "$LN/prefix.ladder" >"$LN/prefix.$ln_t" 2>"$LN/err"
    if grep -q -F "${ln_p}5..${ln_p}6" "$LN/prefix.$ln_t"; then
        pass "linear: a 150-letter level prefix reaches $ln_t whole"
    else
        fail "linear: a 150-letter level prefix reaches $ln_t whole" "$(head -c 300 "$LN/err")"
    fi
done
ln_w=$(sed -n 's/^ *"a" \[.* width=\([0-9.]*\),.*/\1/p' "$LN/prefix.dot")
if [ -n "$ln_w" ] && awk -v w="$ln_w" 'BEGIN { exit !(w > 12) }'; then
    pass "linear: a role's node is as wide as its whole level text"
else
    fail "linear: a role's node is as wide as its whole level text" "width=$ln_w"
fi

# ---- fmt: one huge cell ----------------------------------------------------
# A 20,000-letter role id and company code among 200 short roles and company
# lines: every line of their group was padded to the huge cell's width (4 MB
# from 40 KB; 100 KB ids gave 200 MB). Cells over 60 columns are not aligned
# now, so fmt's output stays within 2x its input, and fmt is idempotent on it.
awk 'BEGIN {
    for (i = 0; i < 20000; i++) big = big "x"
    print "levels L3..L11"; print "track ic \"IC\""
    for (i = 0; i < 200; i++) printf "role r%d \"R\" track ic level L5 at (%d, %d)\n", i, i % 100, int(i / 100)
    printf "role r%s \"R\" track ic level L5 at (50, 50)\n", big
    print "company c \"C\" {"
    for (i = 3; i <= 11; i++) printf "  ic L%d \"c%d\" \"T\"\n", i, i
    print "}"
    print "company d \"D\" {"
    printf "  ic L5 \"%s\" \"T\"\n", big
    print "}"
}' >"$LN/widecell.ladder"
"$LADDERC" fmt "$LN/widecell.ladder" >"$LN/widecell.fmt" 2>"$LN/err"
expect_eq "linear: fmt, a 20,000-column cell (exit status)" 0 $?
ln_within "fmt, a 20,000-column cell pads no other line (output within 2x the input)" \
    "$(ln_size "$LN/widecell.fmt")" $(($(ln_size "$LN/widecell.ladder") * 2))
"$LADDERC" fmt "$LN/widecell.fmt" >"$LN/widecell.fmt2" 2>>"$LN/err"
expect_file "linear: fmt, a 20,000-column cell: fmt is idempotent" "$LN/widecell.fmt" "$LN/widecell.fmt2"

# ---- build -T dot: one long name among many roles --------------------------
# The scale that keeps roles apart was found by a sweep in x whose reach was
# set by the widest role: one 3,000-letter name made each of 792 roles set
# apart on a grid compare itself with all 20,000 roles piled up beside them
# (9x the instructions of -T json). A grid of cells now limits each role to
# its own neighbourhood (about 1.2x).
# (the exact layout, whose fit this was about: the relative one sorts and
# needs no such grid; its cost is the boxes' test's above)
awk 'BEGIN {
    print "levels L3..L11"; print "layout exact"; print "track ic \"IC\""
    for (i = 0; i < 3000; i++) w = w "W"
    printf "role wide \"%s\" track ic level L5 at (0, 100)\n", w
    for (r = 0; r < 22; r++) for (c = 0; c < 36; c++)
        printf "role s%d_%d \"s\" track ic level L5 at (%.2f, %.2f)\n", r, c, c * 1.4, r * 2.1
    for (i = 0; i < 20000; i++) printf "role p%d \"p\" track ic level L5 at (%.4f, 50)\n", i, 60 + i * 0.0003
}' >"$LN/widest.ladder"
if [ -n "${LADDERC_SANITIZED:-}" ]; then
    :
elif command -v valgrind >/dev/null 2>&1; then
    ln_d=$(ln_instructions build -T dot "$LN/widest.ladder")
    ln_j=$(ln_instructions build -T json "$LN/widest.ladder")
    if [ -n "$ln_d" ] && [ -n "$ln_j" ] && [ "$ln_d" -le $((ln_j * 16 / 10)) ]; then
        pass "linear: dot, one long name among 20,000 roles (instructions within 1.6x of json)"
    else
        fail "linear: dot, one long name among 20,000 roles (instructions within 1.6x of json)" "dot: $ln_d, json: $ln_j"
    fi
fi

# ---- the JSON model: a box name once per role --------------------------------
# Each role's entry names its box. At the longest box name the language takes
# (200 characters, E106 beyond), 20,000 roles keep the JSON within 10x the
# input (a 201-character name is refused).
ln_box() {    # ln_box LENGTH: one box of that name, 20,000 roles in it
    awk -v n="$1" 'BEGIN { name = ""; for (i = 0; i < n; i++) name = name "b";
        print "levels L3..L11"; print "track ic \"IC\""; printf "box \"%s\" L3..L11\n", name;
        for (i = 0; i < 20000; i++) printf "role r%d \"R\" track ic level L5 at (%.2f, %.2f)\n", i, (i % 100), int(i / 100) / 2 }'
}
ln_box 200 >"$LN/box200.ladder"
"$LADDERC" build -T json -o "$LN/box200.json" "$LN/box200.ladder" 2>"$LN/err"
expect_eq "linear: a 200-character box name over 20,000 roles builds (exit status)" 0 $?
ln_within "a 200-character box name over 20,000 roles: JSON within 10x the input" \
    "$(ln_size "$LN/box200.json")" $(($(ln_size "$LN/box200.ladder") * 10))
ln_box 201 >"$LN/box201.ladder"
"$LADDERC" build -T json -o "$LN/box201.json" "$LN/box201.ladder" 2>"$LN/err"
expect_eq "linear: a 201-character box name is refused (exit status)" 1 $?
grep -q '\[E106\]$' "$LN/err" && pass "linear: a 201-character box name is refused with E106" \
    || fail "linear: a 201-character box name is refused with E106" "$(head -c 300 "$LN/err")"
