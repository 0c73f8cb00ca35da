# diag.sh - diagnostics as output: hostile file names in every format, what
# reaches a terminal, a standard error that cannot be written (the cap on
# printed diagnostics and the cost of many: diag-limits.sh).
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

# (the cap on printed diagnostics and the cost of many: diag-limits.sh)
