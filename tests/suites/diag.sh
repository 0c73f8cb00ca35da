# diag.sh - diagnostics as output: hostile file names in every format, what
# reaches a terminal, the cap on printed diagnostics, and the cost of many
# diagnostics, bounded by bytes and memory (never by time).
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq, expect_file).
# Exact messages for hostile source text are data cases in tests/cases/diag/.

DG="$TMP/diag"
mkdir -p "$DG"
DG_BAD='levels L3..L11
track ic "IC"
role a "A" track ic level L5 at (1, 2)
zz -> a'

# dg_raw_controls FILE: prints the unsafe bytes of FILE a reader could be
# attacked with: C0 controls but tab and line feed, DEL, C1 controls (UTF-8
# C2 80..9F), bidi embeddings, overrides and isolates (E2 80 AA..AE,
# E2 81 A6..A9), and bytes that are not UTF-8.
dg_raw_controls() {
    python3 -c '
import re, sys
data = open(sys.argv[1], "rb").read()
bad = re.findall(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]", data)
try:
    data.decode("utf-8")
except UnicodeDecodeError:
    bad.append(b"invalid UTF-8")
print(" ".join(repr(b) for b in bad))' "$1"
}

# Hostile names: a line break, a workflow command, ESC and an OSC 8 link (no
# '/': a file name cannot hold one), BEL, a C1 CSI, a bidi override, a byte
# that is not UTF-8, a tab.
dg_names() {
    printf 'a\nb.ladder\n'
    printf '::warning file=x,line=1::pwned.ladder\n'
    printf '\033]8;;http:\033\\link\033]8;;\033\\.ladder\n'
    printf 'bel\a.ladder\n'
    printf 'c1\302\23331m.ladder\n'
    printf 'bidi\342\200\256redaol.ladder\n'
    printf 'bad\377.ladder\n'
    printf 'tab\t.ladder\n'
}
# One name per NUL-terminated record, so names with line breaks survive.
dg_names | python3 -c '
import os, sys
names = sys.stdin.buffer.read().split(b".ladder\n")[:-1]
os.makedirs(sys.argv[1], exist_ok=True)
for n in names:
    with open(os.path.join(sys.argv[1].encode(), n + b".ladder"), "w") as f:
        f.write(sys.argv[2] + "\n")
' "$DG/names" "$DG_BAD"
DG_NNAMES=$(find "$DG/names" -type f -printf x | wc -c)
expect_eq "diag: the hostile names were created" "8" "$DG_NNAMES"

# Text: each file gives one diagnostic whose line starts with the quoted name,
# and nothing unsafe reaches stderr.
(cd "$DG/names" && find . -type f -name '*.ladder' -print0 | sed -z 's|^\./||' |
    xargs -0 "$LADDERC" check >"$DG/out" 2>"$DG/err")
expect_eq "diag: hostile file names, text: nothing unsafe on stderr" "" "$(dg_raw_controls "$DG/err")"
expect_eq "diag: hostile file names, text: one diagnostic per file" "$DG_NNAMES" \
    "$(grep -c ':4:1: error: undefined role' "$DG/err")"
# a name can neither break a line nor start one as a workflow command
expect_eq "diag: hostile file names, text: 3 lines per file and a summary" "$((3 * DG_NNAMES + 1))" \
    "$(wc -l <"$DG/err")"
expect_eq "diag: hostile file names, text: no line starts a workflow command" "0" \
    "$(grep -c '^[[:space:]]*::' "$DG/err")"
grep -qF '"a\nb.ladder":4:1: error:' "$DG/err" && pass "diag: a line break in a name is quoted C-style" \
    || fail "diag: a line break in a name is quoted C-style" "$(head -c 300 "$DG/err")"
grep -qF '"c1\302\23331m.ladder":4:1:' "$DG/err" && pass "diag: a C1 control in a name is an octal escape" \
    || fail "diag: a C1 control in a name is an octal escape" "$(head -c 300 "$DG/err")"
printf '%s\n' "$DG_BAD" >"$DG/plain-name.ladder"
(cd "$DG" && "$LADDERC" check plain-name.ladder 2>"$DG/err")
expect_eq "diag: a plain name is not quoted" "plain-name.ladder:4:1: error: undefined role 'zz'; declare it with a 'role zz ...' line [E110]" \
    "$(head -n 1 "$DG/err")"

# JSON: valid UTF-8 JSON (Python's parser, which repairs nothing), a name
# with a byte that is not UTF-8 gets U+FFFD.
(cd "$DG/names" && "$LADDERC" check --diagnostics=json ./* >"$DG/out" 2>"$DG/err")
python3 -c 'import json,sys; d=json.load(open(sys.argv[1], encoding="utf-8", errors="strict")); assert len(d) == 8, d' \
    "$DG/out" 2>"$DG/py.err" && pass "diag: hostile file names, json: Python reads it" \
    || fail "diag: hostile file names, json: Python reads it" "$(tail -3 "$DG/py.err")"
grep -qF "./bad$(printf '\357\277\275').ladder" "$DG/out" && pass "diag: json: an invalid byte in a name is U+FFFD" \
    || fail "diag: json: an invalid byte in a name is U+FFFD" "$(grep bad "$DG/out")"

# GitHub: one workflow command per line, nothing unsafe in the log.
(cd "$DG/names" && "$LADDERC" check --diagnostics=github ./* >"$DG/out" 2>"$DG/err")
expect_eq "diag: hostile file names, github: one line per diagnostic" "$DG_NNAMES" "$(wc -l <"$DG/out")"
expect_eq "diag: hostile file names, github: every line is one ::error command" "$DG_NNAMES" \
    "$(grep -c '^::error file=\./[^:,]*,line=4,col=1,endLine=4,endColumn=3,title=E110::undefined role' "$DG/out")"
expect_eq "diag: hostile file names, github: nothing unsafe in the log" "" "$(dg_raw_controls "$DG/out")"
# a message with a masked character, or a '%' that would decode to a line
# break, stays on its line, inert
printf 'levels L3..L11\ntrack ic "IC"\nrole a "A" track ic level L5 at (1, 2) \302\233\nrole b "\\%%0A::error::x" track ic level L5 at (3, 2)\n' >"$DG/msg.ladder"
"$LADDERC" check --diagnostics=github "$DG/msg.ladder" >"$DG/out" 2>&1
expect_eq "diag: github: a masked character and '%' in a message stay inert" \
"::error file=$DG/msg.ladder,line=3,col=40,endLine=3,endColumn=41,title=E002::unexpected character '<U+009B>'
::error file=$DG/msg.ladder,line=4,col=9,endLine=4,endColumn=11,title=E004::unknown escape sequence '\\%25' in string: only \\\" and \\\\ are escapes" \
    "$(cat "$DG/out")"

# path's routes: role names are strings, which may hold bidi and zero-width
# characters (they are text); on a terminal they are masked.
printf 'levels L3..L11\ntrack ic "IC"\nrole a "A\342\200\256Z\342\200\213" track ic level L5 at (1, 2)\nrole b "B" track ic level L6 at (3, 2)\na -> b years 1..2\n' >"$DG/path.ladder"
"$LADDERC" path "$DG/path.ladder" a b >"$DG/out" 2>"$DG/err"
expect_eq "diag: path masks bidi and zero-width characters in names" "1..2 years: A?Z? -(promotion)-> B" "$(cat "$DG/out")"

# A file that cannot be read, and fmt --check's list, quote the name too.
"$LADDERC" check "$DG/no
such.ladder" 2>"$DG/err"
expect_eq "diag: 'cannot read' quotes a name with a line break" "1" "$(wc -l <"$DG/err")"
grep -qF "cannot read '\"$DG/no\\nsuch.ladder\"'" "$DG/err" && pass "diag: 'cannot read' names the file quoted" \
    || fail "diag: 'cannot read' names the file quoted" "$(cat "$DG/err")"
printf 'levels   L3..L11\n' >"$DG/names/un
formatted.ladder"
(cd "$DG/names" && "$LADDERC" fmt --check "un
formatted.ladder" >"$DG/out" 2>"$DG/err")
expect_eq "diag: fmt --check lists a name with a line break on one quoted line" '"un\nformatted.ladder"' \
    "$(cat "$DG/out")"

# A word from the command line echoed in a usage error is quoted too
# (`git ls-files` may pass a file named "-x<ESC>...").
"$LADDERC" check "$(printf -- '-\033]0;x\a')" 2>"$DG/err"
expect_eq "diag: an unknown option is quoted in the usage error" "ladderc: error: unknown option '\"-\\033]0;x\\a\"'" \
    "$(head -n 1 "$DG/err")"

# Colour: only on a terminal that is not TERM=dumb and without NO_COLOR.
{   # (script is bsdutils', always on Debian: no guard, a missing one fails)
    printf '%s\n' "$DG_BAD" >"$DG/colour.ladder"
    script -qec "env -u NO_COLOR TERM=xterm '$LADDERC' check '$DG/colour.ladder'" /dev/null >"$DG/tty" 2>&1
    grep -q "$(printf '\033')\[" "$DG/tty" && pass "diag: colour on a terminal (the test can see colour)" \
        || fail "diag: colour on a terminal (the test can see colour)" "$(head -c 200 "$DG/tty")"
    script -qec "env -u NO_COLOR TERM=dumb '$LADDERC' check '$DG/colour.ladder'" /dev/null >"$DG/tty" 2>&1
    expect_eq "diag: no colour on TERM=dumb" "0" "$(grep -c "$(printf '\033')" "$DG/tty")"
}

# A standard error that cannot be written is a failed run (exit 2), not 0.
{   # (/dev/full is on every Linux: no guard)
    printf '%s\n' "$DG_BAD" >"$DG/full.ladder"
    "$LADDERC" check "$DG/full.ladder" 2>/dev/full
    expect_eq "diag: diagnostics to a full stderr exit 2" "2" "$?"
    "$LADDERC" check -W no-W152 --werror "$ROOT/examples/skills-map.ladder" 2>/dev/full
    expect_eq "diag: a clean check with a full stderr still exits 0 (nothing to write)" "0" "$?"
}

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
