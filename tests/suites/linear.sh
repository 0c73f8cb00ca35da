# linear.sh - costs that must follow the input's size, on the shapes built to
# break them: names whose unkeyed hashes collide, a huge cell for fmt to align
# on, long names that an output repeats, many boxes on a big map, long level
# prefixes. Each test bounds work (instructions counted by callgrind) or
# bytes (output size against input size), never wall time.
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq, expect_file).

LN="$TMP/linear"
mkdir -p "$LN"

# ln_size FILE: its size in bytes
ln_size() { wc -c <"$1" | tr -d ' '; }

# ln_within NAME BYTES LIMIT: pass when BYTES <= LIMIT
ln_within() {
    if [ "$2" -le "$3" ]; then pass "linear: $1"; else fail "linear: $1" "$2 bytes, limit $3"; fi
}

# ln_instructions ARGS...: the instructions ladderc ARGS executes (callgrind)
ln_instructions() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$LADDERC" "$@" 2>&1 >/dev/null |
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
    :   # callgrind counts instructions of the plain build only
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
