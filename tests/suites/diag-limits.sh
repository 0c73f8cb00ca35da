# diag-limits.sh - the cap on printed diagnostics, and the cost of many
# diagnostics, bounded by bytes and memory (never by time). Split from
# diag.sh, so that the sanitized rerun of `make check` can choose either by
# what it reaches (tests/sanitized.list).
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq, expect_file).

DG="$TMP/diag"
mkdir -p "$DG"

# The cap: text and github print 20 diagnostics per file and count the rest;
# JSON keeps them all; the summary counts them all.
{
    printf 'levels L3..L11\ntrack ic "IC"\nrole r "R" track ic level L5 at (1, 2)\n'
    i=0
    while [ $i -lt 30000 ]; do echo "r -> u$i"; i=$((i + 1)); done
} >"$DG/many.ladder"
"$LADDERC" check "$DG/many.ladder" 2>"$DG/err"
expect_eq "diag: 30000 errors: 20 shown" "20" "$(grep -c ': error: ' "$DG/err")"
expect_eq "diag: 30000 errors: the rest counted on one line" \
    "$DG/many.ladder: note: 29980 more errors not shown; --max-diagnostics=0 shows them all" \
    "$(tail -n 2 "$DG/err" | head -n 1)"
expect_eq "diag: 30000 errors: the summary counts all" "30000 errors generated." "$(tail -n 1 "$DG/err")"
[ "$(wc -c <"$DG/err")" -lt 4000 ] && pass "diag: 30000 errors: under 4 KB of stderr" \
    || fail "diag: 30000 errors: under 4 KB of stderr" "$(wc -c <"$DG/err") bytes"
"$LADDERC" check --diagnostics=github "$DG/many.ladder" >"$DG/out"
expect_eq "diag: github: 20 annotations and a notice" "21" "$(wc -l <"$DG/out")"
"$LADDERC" check --diagnostics=json "$DG/many.ladder" >"$DG/out"
expect_eq "diag: json keeps every diagnostic" "30000" \
    "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$DG/out")"
"$LADDERC" check --max-diagnostics=0 "$DG/many.ladder" 2>"$DG/err"
expect_eq "diag: --max-diagnostics=0 shows all" "30000" "$(grep -c ': error: ' "$DG/err")"
"$LADDERC" check --max-diagnostics=x "$DG/many.ladder" 2>"$DG/err"
expect_eq "diag: --max-diagnostics=x is a usage error" "2" "$?"

# Memory: a long name quoted by every diagnostic. Each message quotes at most
# 80 code points of it, so 10,000 warnings about a 60,000-byte id need a few
# MB, not 10,000 x 60,000 bytes (2.4 GB before). ulimit -v does not mix with
# the sanitizers' shadow memory.
if [ -z "${LADDERC_SANITIZED:-}" ]; then
    python3 -c '
import sys
with open(sys.argv[1], "w") as f:
    f.write("levels L3..L11\ntrack ic \"IC\"\n")
    f.write("role " + "a" * 60000 + " \"R\" track ic level L5 at (1, 2)\n")
    for i in range(10000):
        f.write("role r%d \"R\" track ic level L5 at (1, 2)\n" % i)' "$DG/longname.ladder"
    (ulimit -v 200000; exec "$LADDERC" check --diagnostics=json "$DG/longname.ladder" >"$DG/out" 2>"$DG/err")
    expect_eq "diag: 10,000 warnings quoting a 60 KB name fit in 200 MB (exit status)" "0" "$?"
    [ "$(wc -c <"$DG/out")" -lt 10000000 ] && pass "diag: 10,000 warnings quoting a 60 KB name: under 10 MB of JSON" \
        || fail "diag: 10,000 warnings quoting a 60 KB name: under 10 MB of JSON" "$(wc -c <"$DG/out") bytes"
fi

# A silenced warning costs nothing: checking 100,000 roles at one position
# with -W no-same-position takes no more memory than 100,000 roles at
# distinct positions (before: every warning was formatted, kept, sorted, then
# dropped: +45% of peak memory).
if [ -z "${LADDERC_SANITIZED:-}" ] && [ -x /usr/bin/time ]; then
    python3 -c '
import sys
for same, path in ((False, sys.argv[1]), (True, sys.argv[2])):
    with open(path, "w") as f:
        f.write("levels L3..L11\ntrack ic \"IC\"\n")
        for i in range(100000):
            x, y = ("50.0", "50.0") if same else ("%.1f" % ((i % 1000) / 10), "%.1f" % ((i // 1000) / 10))
            f.write("role r%d \"R\" track ic level L5 at (%s, %s)\n" % (i, x, y))' "$DG/apart.ladder" "$DG/same.ladder"
    /usr/bin/time -f '%M' -o "$DG/rss.apart" "$LADDERC" check "$DG/apart.ladder" 2>/dev/null
    /usr/bin/time -f '%M' -o "$DG/rss.same" "$LADDERC" check -W no-same-position "$DG/same.ladder" 2>"$DG/err"
    expect_eq "diag: silenced warnings: nothing printed" "" "$(cat "$DG/err")"
    apart=$(tail -n 1 "$DG/rss.apart") same=$(tail -n 1 "$DG/rss.same")
    [ "$same" -le $((apart + apart / 10)) ] && pass "diag: 100,000 silenced warnings cost no memory" \
        || fail "diag: 100,000 silenced warnings cost no memory" "peak $same KB silenced, $apart KB without warnings"
fi

# What is not printed is not kept either: text output keeps the first 20 in
# position order and only counts the rest, before formatting them. 100,000
# roles at one position (99,999 W152, each with a note) cost no more memory
# than 100,000 roles apart (before: +50% of peak memory, every warning
# formatted, kept and sorted to print 20); JSON still has every one.
if [ -z "${LADDERC_SANITIZED:-}" ] && [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M' -o "$DG/rss.shown" "$LADDERC" check "$DG/same.ladder" 2>"$DG/err"
    shown=$(tail -n 1 "$DG/rss.shown")
    [ "$shown" -le $((apart + apart / 10)) ] && pass "diag: 99,999 warnings, 20 printed: the rest cost no memory" \
        || fail "diag: 99,999 warnings, 20 printed: the rest cost no memory" "peak $shown KB, $apart KB without warnings"
    expect_eq "diag: 99,999 warnings, 20 printed, the rest counted" \
        "20:$DG/same.ladder: note: 99979 more warnings not shown; --max-diagnostics=0 shows them all" \
        "$(grep -c ': warning: ' "$DG/err"):$(grep 'more warnings' "$DG/err")" 
    "$LADDERC" check --diagnostics=json "$DG/same.ladder" >"$DG/out" 2>/dev/null
    expect_eq "diag: 99,999 warnings: JSON keeps them all" "99999" \
        "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$DG/out")"
fi

# Each syntax error after a definition's line looked for that line's end from
# its start: a 10 MB line, then 50,000 errors, scanned 500 GB (6 s of CPU).
# Now once per definition: 0.12 s. Only a time can show this; the bound is 2 s
# of CPU time (over 10x), not under the sanitizers.
if [ -z "${LADDERC_SANITIZED:-}" ]; then
    python3 -c '
import sys
with open(sys.argv[1], "w") as f:
    f.write("levels L3..L11\ntrack ic \"IC\"\n")
    f.write("role r \"R\" track ic level L5 at (1, 2) # " + "x" * 10000000 + "\n")
    f.write("r -> ?\n" * 50000)' "$DG/longline.ladder"
    sh -c 'ulimit -t 2; exec "$@"' sh "$LADDERC" check "$DG/longline.ladder" 2>"$DG/err"
    expect_eq "diag: a 10 MB definition line, then 50,000 syntax errors: within 2 s of CPU (exit status)" "1" "$?"
fi

# Notes that point at one far place: 2,000 roles at the position of a role
# whose coordinates follow 10 MB of blanks. Each note's column was counted
# from the start of that line (20 GB of scanning: 26 s of CPU for JSON); now
# each place a note points at is worked out once (0.05 s). Within 2 s of CPU
# (over 10x), not under the sanitizers.
if [ -z "${LADDERC_SANITIZED:-}" ]; then
    python3 -c '
import sys
with open(sys.argv[1], "w") as f:
    f.write("levels L3..L11\ntrack ic \"IC\"\n")
    f.write("role a \"A\" track ic level L5 at" + " " * 10000000 + "(1, 2)\n")
    f.write("".join("role r%d \"R\" track ic level L5 at (1, 2)\n" % i for i in range(2000)))' "$DG/farcol.ladder"
    sh -c 'ulimit -t 2; exec "$@"' sh "$LADDERC" check --diagnostics=json "$DG/farcol.ladder" >"$DG/out" 2>"$DG/err"
    expect_eq "diag: 2,000 notes at a column 10 MB into its line, json: within 2 s of CPU (exit status)" "0" "$?"
    expect_eq "diag: 2,000 notes at a column 10 MB into its line, json: every note there" "2000" \
        "$(grep -c '"notes": \[{"file": [^]]*"line": 3, "column": 10000033' "$DG/out")"
    sh -c 'ulimit -t 2; exec "$@"' sh "$LADDERC" check --max-diagnostics=0 "$DG/farcol.ladder" 2>"$DG/err"
    expect_eq "diag: 2,000 notes at a column 10 MB into its line, text: within 2 s of CPU (exit status)" "0" "$?"
fi

# Options reach the sink before the run: --werror records a warning as an
# error (text and JSON agree), and a silenced warning leaves no trace, its
# note included.
printf 'levels L3..L11\ntrack ic "IC"\nrole a "A" track ic level L5 at (1, 2)\nrole b "B" track ic level L5 at (1, 2)\n' >"$DG/werror.ladder"
"$LADDERC" check --werror "$DG/werror.ladder" 2>"$DG/err"
expect_eq "diag: --werror: the warning is an error" \
    "$DG/werror.ladder:4:34: error: roles 'a' and 'b' are at the same position (1, 2): the map cannot say which has more of either skill, and puts them side by side [W152]|1 error generated." \
    "$(sed -n '1p;$p' "$DG/err" | paste -sd '|')"
expect_eq "diag: --werror: JSON says error too" '"error"' \
    "$("$LADDERC" check --werror --diagnostics=json "$DG/werror.ladder" | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)[0]["severity"]))')"
"$LADDERC" check --werror -W no-same-position --diagnostics=json "$DG/werror.ladder" >"$DG/out"
rc=$?
expect_eq "diag: a silenced warning and its note leave no trace" "[]|0" "$(tr -d '\n' <"$DG/out")|$rc"
