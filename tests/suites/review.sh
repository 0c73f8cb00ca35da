# review.sh - what a review of issue 9 as an attacker found after the first
# fixes, each class with a test that fails on the code before it.
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq, expect_file).

RV="$TMP/review"
mkdir -p "$RV"
RV_GOOD="$ROOT/examples/acme.ladder"

# A regular file whose reads say "try again" (/proc/kmsg behind a .ladder
# link) waited for ever in poll(): a file that would block is refused.
if [ -r /proc/kmsg ] && [ "$(id -u)" = 0 ]; then
    ln -s /proc/kmsg "$RV/kmsg.ladder"
    timeout 10 "$LADDERC" check "$RV/kmsg.ladder" >/dev/null 2>"$RV/err"
    expect_eq "review: a .ladder link to /proc/kmsg is refused, not waited on" "2" "$?"
    grep -q "would wait" "$RV/err" && pass "review: /proc/kmsg: says why" || fail "review: /proc/kmsg: says why" "$(cat "$RV/err")"
fi

# 65,536 file slots on main's stack (512 KB) crashed under `ulimit -s 512`.
(ulimit -s 256; timeout 30 "$LADDERC" check "$RV_GOOD" "$RV_GOOD" >/dev/null 2>"$RV/err")
expect_eq "review: check under a 256 KB stack" "0" "$?"

# An unknown command was echoed raw: ESC ] 0 ; ... BEL retitles a terminal.
timeout 30 "$LADDERC" "$(printf '\033]0;pwned\007')" >/dev/null 2>"$RV/err"
expect_eq "review: an unknown command with ESC and BEL is echoed escaped" "0" \
    "$(head -n 1 "$RV/err" | tr -d '\n' | LC_ALL=C grep -c "$(printf '[\001-\037]')")"

# -o with an unsafe name was escaped twice: '"\"a\\tb.gif\""'.
timeout 30 "$LADDERC" build -o "$(printf 'a\tb.gif')" "$RV_GOOD" >/dev/null 2>"$RV/err"
expect_eq "review: an unsafe -o name is escaped once" \
    "ladderc: error: cannot tell the format from the name '\"a\\tb.gif\"': give -T FORMAT, or end OUT in .svg .png .pdf .dot .gv .md .json or .html" \
    "$(head -n 1 "$RV/err")"

# path echoed a 100 KB FROM whole: arguments are clipped like names.
timeout 30 "$LADDERC" path "$RV_GOOD" "$(head -c 100000 /dev/zero | tr '\0' x)" ic_e8 >/dev/null 2>"$RV/err"
[ "$(wc -c <"$RV/err")" -lt 1000 ] && pass "review: a 100 KB FROM gives a short message" \
    || fail "review: a 100 KB FROM gives a short message" "$(wc -c <"$RV/err") bytes"

# More invisible and reordering characters: U+061C (a bidi mark), U+2028,
# U+00AD, U+2061, a tag character. In a message they are named; in JSON
# they are \u escapes (the same string, nothing raw for a terminal).
printf 'levels L3..L8\n\330\234 x\n' >"$RV/alm.ladder"
timeout 30 "$LADDERC" check "$RV/alm.ladder" >/dev/null 2>"$RV/err"
expect_eq "review: U+061C outside a string is named, not echoed" \
    "alm.ladder:2:1: error: unexpected character '<U+061C>' [E002]" "$(head -n 1 "$RV/err" | sed 's|.*/||')"
printf 'levels L3..L8\ntrack ic "IC"\nrole a "a\342\200\250b\302\255c\342\201\241d\363\240\200\201e" track ic level L3 at (1,1)\nrole a "A" track ic level L3 at (2,2)\n' >"$RV/inv.ladder"
timeout 30 "$LADDERC" check --diagnostics=json "$RV/inv.ladder" >"$RV/out" 2>/dev/null
timeout 30 "$LADDERC" build -T json "$RV/inv.ladder" >"$RV/model" 2>/dev/null
sed -i '$d' "$RV/inv.ladder"
timeout 30 "$LADDERC" build -T json "$RV/inv.ladder" >"$RV/model" 2>/dev/null
expect_eq "review: invisible characters in a name are \\u escapes in the JSON model" \
    'a\u2028b\u00adc\u2061d\udb40\udc01e' "$(sed -n 's/.*"name": "\(a[^"]*\)".*/\1/p' "$RV/model")"
expect_eq "review: ... and the model reads back as the same name" "$(printf 'a\342\200\250b\302\255c\342\201\241d\363\240\200\201e')" \
    "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["roles"][0]["name"])' "$RV/model")"

# fmt --check with JSON diagnostics wrote the list and the array to one
# stream; fmt added a plain line to the array: neither was JSON.
printf 'levels L3..L8\ntrack  ic "IC"\n' >"$RV/unf.ladder"
printf 'levels L3..L8\nrol x\n' >"$RV/bad.ladder"
timeout 30 "$LADDERC" fmt --check --diagnostics=json "$RV/unf.ladder" "$RV/bad.ladder" >"$RV/out" 2>"$RV/err"
expect_eq "review: fmt --check: the list on stdout" "$RV/unf.ladder" "$(cat "$RV/out")"
expect_eq "review: fmt --check: the diagnostics on stderr are one JSON array" "1" \
    "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$RV/err" 2>&1)"
timeout 30 "$LADDERC" fmt --diagnostics=json "$RV/bad.ladder" >/dev/null 2>"$RV/err"
expect_eq "review: fmt on a broken file: stderr is one JSON array" "1" \
    "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$RV/err" 2>&1)"

# JSON diagnostics were held whole before printing: 80,000 of them naming a
# 3.6 KB path took 335 MB for 308 MB of output. Now written as they come.
if [ -z "${LADDERC_SANITIZED:-}" ] && [ -x /usr/bin/time ]; then
    rv_dir=$(python3 -c 'import sys; print(sys.argv[1] + "/" + "/".join(["d" * 200] * 18))' "$RV")
    mkdir -p "$rv_dir"
    awk 'BEGIN { print "levels L3..L8"; print "track ic \"IC\""; print "role r \"R\" track ic level L3 at (1,1)";
        for (i = 0; i < 80000; i++) printf "r -> u%d lateral\n", i }' >"$rv_dir/x.ladder"
    /usr/bin/time -f %M -o "$RV/rss" "$LADDERC" check --diagnostics=json "$rv_dir/x.ladder" 2>/dev/null |
        python3 -c 'import json,sys; print(len(json.load(sys.stdin)))' >"$RV/n"
    expect_eq "review: 80,000 JSON diagnostics naming a 3.6 KB path: all of them" "80000" "$(cat "$RV/n")"
    rv_rss=$(tail -n 1 "$RV/rss")
    [ "$rv_rss" -le 102400 ] && pass "review: ... within 100 MB of memory for 300 MB of JSON" \
        || fail "review: ... within 100 MB of memory for 300 MB of JSON" "peak $rv_rss KB"
    rm -rf "$RV/dddd"*
fi

# rename() needs only the folder's permission, so -o and fmt -w replaced a
# read-only file that `>` could not open: now they go no further.
if [ "$(id -u)" = 0 ]; then
    RV=$UNPRIV/review     # a folder nobody can reach (run.sh)
    mkdir -p "$RV/ro"
    printf 'levels L3..L8\ntrack  ic "IC"\n' >"$RV/ro/ro.ladder"
    cp "$RV/ro/ro.ladder" "$RV/ro.orig"
    cp "$RV_GOOD" "$RV/ro/good.ladder"
    chmod 444 "$RV/ro/ro.ladder"
    chown -R nobody "$RV/ro"
    chmod 755 "$RV" "$RV/ro"
    (cd "$RV/ro" && as_user "$UNPRIV_LADDERC" fmt -w ro.ladder >/dev/null 2>"$RV/ro/err")
    expect_eq "review: fmt -w on a read-only file, as its owner, is refused" "2" "$?"
    (cd "$RV/ro" && as_user "$UNPRIV_LADDERC" build -T md -o ro.ladder good.ladder >/dev/null 2>&1)
    expect_eq "review: -o onto a read-only file, as its owner, is refused" "2" "$?"
    expect_file "review: the read-only file is unchanged" "$RV/ro.orig" "$RV/ro/ro.ladder"
    grep -q "Permission denied" "$RV/ro/err" && pass "review: read-only: says why" || fail "review: read-only: says why" "$(cat "$RV/ro/err")"
fi
