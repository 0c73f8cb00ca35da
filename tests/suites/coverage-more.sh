# coverage-more.sh - what `make coverage` still found untested in diag.c,
# escape.c and main.c (issue 16, the 95% branch target): the conversions the
# message formatter knows (every format in the sources checked against
# them), the masked code points at every edge of their ranges in each
# escaper (argument, file name in text, JSON and GitHub output), colour with
# TERM unset or NO_COLOR empty, JSON with no file read, a --max-diagnostics
# out of range, and dropped diagnostics counted by severity. Each test checks
# the exit status and the exact output. Titles (Markdown, JSON) are data
# cases: tests/cases/coverage2/masked-*.
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq).

CM=$TMP/coverage-more
rm -rf "$CM"
mkdir -p "$CM"

# ---- the formatter's conversions ----

# diag.c parses %s %.*s %c %g %d %ld %zu %02X %04X and nothing else (no %%,
# no other flag, width, precision or length): a format with another would be
# printed wrong, and the compiler's format check does not forbid it. So every
# call that takes a message format (diag_error, diag_warning, diag_note,
# diag_verror, parse_lex_error) must pass a string literal that uses only
# these. cm_formats prints each offending call, then the number of
# conversions seen (a scan that finds none must not pass).
cm_formats() {
    python3 - "$@" <<'PY'
import re, sys
allowed = {"%s", "%.*s", "%c", "%g", "%d", "%ld", "%zu", "%02X", "%04X"}
call = re.compile(r'\b(diag_error|diag_warning|diag_note|diag_verror|parse_lex_error)\s*\(')
lit = re.compile(r'"((?:[^"\\]|\\.)*)"')
conv = re.compile(r'%%|%[-+ #0-9]*(?:\.(?:\*|[0-9]+))?(?:hh|h|ll|l|z|j|t|L)?[a-zA-Z]')
bad, seen = [], 0
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    for m in call.finditer(text):
        # the arguments, to the matching ')' (strings and chars skipped)
        i, depth, args, cur = m.end(), 1, [], ""
        while depth:
            c = text[i]
            if c in "\"'":
                j = i + 1
                while text[j] != c:
                    j += 2 if text[j] == "\\" else 1
                cur += text[i:j + 1]
                i = j + 1
                continue
            depth += c in "({"
            depth -= c in ")}"
            if depth == 1 and c == ",":
                args.append(cur.strip())
                cur = ""
            elif depth:
                cur += c
            i += 1
        args.append(cur.strip())
        where = "%s:%d" % (path, text.count("\n", 0, m.start()) + 1)
        fmt = args[3] if len(args) > 3 else ""
        if re.search(r'\bfmt$', fmt):  # a definition ("const char *fmt"), diag_verror's pass-through
            continue
        if True:
            if not fmt.startswith('"'):
                bad.append("%s: the format is not a string literal: %s" % (where, fmt))
                continue
            for s in lit.findall(fmt):
                for c in conv.findall(s):
                    seen += 1
                    if c not in allowed:
                        bad.append("%s: %s" % (where, c))
for b in bad:
    print(b)
print("conversions:", seen)
PY
}
cm_got=$(cm_formats "$ROOT"/lib/*.c "$ROOT"/lib/*/*.c "$ROOT"/cli/*.c "$ROOT"/grammar/ladder.l "$ROOT"/grammar/ladder.y)
case $cm_got in
    "conversions: "[1-9][0-9][0-9]) pass "coverage-more: every message format uses only the formatter's conversions" ;;
    *) fail "coverage-more: every message format uses only the formatter's conversions" "$cm_got" ;;
esac
# the check itself: a format with %u, %5s or %% is found
printf 'void f(void) {\n    diag_error(c->diag, "E1", loc, "%%u and %%5s and %%%% and %%s", 1u, "a", "b");\n}\n' >"$CM/bad.c"
expect_eq "coverage-more: the format check finds %u, %5s and %%" \
    "$CM/bad.c:2: %u
$CM/bad.c:2: %5s
$CM/bad.c:2: %%
conversions: 4" "$(cm_formats "$CM/bad.c")"

# ---- masked code points, each range's edges ----

# The code points on both sides of every range escape_masked_len masks,
# masked (M) or not (-): U+0085 M, U+00A0 -, U+00AC -, U+00AD M, U+0300 -,
# U+034E -, U+034F M, U+061B -, U+061C M, U+200A -, U+200B M, U+200F M,
# U+2010 -, U+2027 -, U+2028 M, U+202E M, U+202F -, U+205F -, U+2060 M,
# U+206F M, U+2070 -, U+2190 -, U+115E -, U+115F M, U+1160 M, U+1161 -,
# U+180D -, U+180E M, U+1E00 -, U+3042 -, U+3163 -, U+3164 M, U+3165 -,
# U+FEFE -, U+FEFF M, U+FF01 -, U+FF9F -, U+FFA0 M, U+FFA1 -, U+FFF8 -,
# U+FFF9 M, U+FFFB M, U+FFFC -, U+E0001 M, U+E007F M, U+E0080 -, U+E1000 -,
# U+F0000 -, U+1F600 -.
CM_CPS=$(printf '\302\205\302\240\302\254\302\255\314\200\315\216\315\217\330\233\330\234\342\200\212\342\200\213\342\200\217\342\200\220\342\200\247\342\200\250\342\200\256\342\200\257\342\201\237\342\201\240\342\201\257\342\201\260\342\206\220\341\205\236\341\205\237\341\205\240\341\205\241\341\240\215\341\240\216\341\270\200\343\201\202\343\205\243\343\205\244\343\205\245\357\273\276\357\273\277\357\274\201\357\276\237\357\276\240\357\276\241\357\277\270\357\277\271\357\277\273\357\277\274\363\240\200\201\363\240\201\277\363\240\202\200\363\241\200\200\363\260\200\200\360\237\230\200')

# in a message (escape_quoted): masked as <U+XXXX>; with a tab (kept), a C0
# control, DEL and an invalid byte (<0xFF>)
"$LADDERC" path "$ROOT/examples/acme.ladder" "$CM_CPS$(printf 'a\tb\001c\177d\377e')" senior >"$CM/out" 2>"$CM/err"
expect_eq "coverage-more: path: an unknown role (exit status)" 2 "$?"
expect_eq "coverage-more: path: masked code points, controls and bad bytes in a quoted argument" \
    "ladderc: error: no role '$(printf '<U+0085>\302\240\302\254<U+00AD>\314\200\315\216<U+034F>\330\233<U+061C>\342\200\212<U+200B><U+200F>\342\200\220\342\200\247<U+2028><U+202E>\342\200\257\342\201\237<U+2060><U+206F>\342\201\260\342\206\220\341\205\236<U+115F><U+1160>\341\205\241\341\240\215<U+180E>\341\270\200\343\201\202\343\205\243<U+3164>\343\205\245\357\273\276<U+FEFF>\357\274\201\357\276\237<U+FFA0>\357\276\241\357\277\270<U+FFF9><U+FFFB>\357\277\274<U+E0001><U+E007F>\363\240\202\200\363\241\200\200\363\260\200\200\360\237\230\200a\tb<U+0001>c<U+007F>d<0xFF>e')' in the ladder [E110]" \
    "$(cat "$CM/err")"

# in a file name: text quotes the name and writes each masked byte in octal
# (escape_filename); JSON writes \uXXXX, a surrogate pair above U+FFFF
# (escape_json); GitHub %-escapes each byte (escape_github)
printf 'levels L1..L3\nrole a "A" track nowhere level L5 at (1, 1)\n' >"$CM/$CM_CPS.ladder"
(cd "$CM" && "$LADDERC" check --diagnostics=text -- "$CM_CPS.ladder" >"$CM/out" 2>"$CM/err")
expect_eq "coverage-more: text: exit status" 1 "$?"
expect_eq "coverage-more: text: masked code points in a file name, each edge" \
    "$(printf '"\\302\\205\302\240\302\254\\302\\255\314\200\315\216\\315\\217\330\233\\330\\234\342\200\212\\342\\200\\213\\342\\200\\217\342\200\220\342\200\247\\342\\200\\250\\342\\200\\256\342\200\257\342\201\237\\342\\201\\240\\342\\201\\257\342\201\260\342\206\220\341\205\236\\341\\205\\237\\341\\205\\240\341\205\241\341\240\215\\341\\240\\216\341\270\200\343\201\202\343\205\243\\343\\205\\244\343\205\245\357\273\276\\357\\273\\277\357\274\201\357\276\237\\357\\276\\240\357\276\241\357\277\270\\357\\277\\271\\357\\277\\273\357\277\274\\363\\240\\200\\201\\363\\240\\201\\277\363\240\202\200\363\241\200\200\363\260\200\200\360\237\230\200.ladder"'):2:18: error: undefined track 'nowhere'; declare it with 'track nowhere \"...\"' [E110]" \
    "$(head -n 1 "$CM/err")"
(cd "$CM" && "$LADDERC" check --diagnostics=json -- "$CM_CPS.ladder" >"$CM/out" 2>"$CM/err")
expect_eq "coverage-more: json: exit status" 1 "$?"
expect_eq "coverage-more: json: masked code points in a file name, each edge" \
    "$(printf '  {"file": "\\u0085\302\240\302\254\\u00ad\314\200\315\216\\u034f\330\233\\u061c\342\200\212\\u200b\\u200f\342\200\220\342\200\247\\u2028\\u202e\342\200\257\342\201\237\\u2060\\u206f\342\201\260\342\206\220\341\205\236\\u115f\\u1160\341\205\241\341\240\215\\u180e\341\270\200\343\201\202\343\205\243\\u3164\343\205\245\357\273\276\\ufeff\357\274\201\357\276\237\\uffa0\357\276\241\357\277\270\\ufff9\\ufffb\357\277\274\\udb40\\udc01\\udb40\\udc7f\363\240\202\200\363\241\200\200\363\260\200\200\360\237\230\200.ladder", "line": 2')" \
    "$(sed -n 2p "$CM/out" | cut -d, -f1-2)"
(cd "$CM" && "$LADDERC" check --diagnostics=github -- "$CM_CPS.ladder" >"$CM/out" 2>"$CM/err")
expect_eq "coverage-more: github: exit status" 1 "$?"
expect_eq "coverage-more: github: masked code points in a file name, each edge" \
    "$(printf '::error file=%%C2%%85\302\240\302\254%%C2%%AD\314\200\315\216%%CD%%8F\330\233%%D8%%9C\342\200\212%%E2%%80%%8B%%E2%%80%%8F\342\200\220\342\200\247%%E2%%80%%A8%%E2%%80%%AE\342\200\257\342\201\237%%E2%%81%%A0%%E2%%81%%AF\342\201\260\342\206\220\341\205\236%%E1%%85%%9F%%E1%%85%%A0\341\205\241\341\240\215%%E1%%A0%%8E\341\270\200\343\201\202\343\205\243%%E3%%85%%A4\343\205\245\357\273\276%%EF%%BB%%BF\357\274\201\357\276\237%%EF%%BE%%A0\357\276\241\357\277\270%%EF%%BF%%B9%%EF%%BF%%BB\357\277\274%%F3%%A0%%80%%81%%F3%%A0%%81%%BF\363\240\202\200\363\241\200\200\363\260\200\200\360\237\230\200.ladder,line=2')" \
    "$(head -n 1 "$CM/out" | cut -d, -f1-2)"

# DEL in a file name: \177 in text, \u007f in JSON; a name that starts with a
# space is quoted (it would not read back from the line otherwise)
cp "$CM/$CM_CPS.ladder" "$CM/$(printf 'a\177.ladder')"
cp "$CM/$CM_CPS.ladder" "$CM/ lead.ladder"
(cd "$CM" && "$LADDERC" check -- "$(printf 'a\177.ladder')" " lead.ladder" >"$CM/out" 2>"$CM/err")
expect_eq "coverage-more: DEL and a leading space in file names (exit status)" 1 "$?"
expect_eq "coverage-more: DEL and a leading space in file names are quoted" \
    '"a\177.ladder":2:18:
" lead.ladder":2:18:' "$(sed -n 's/ error: undefined track.*//p' "$CM/err")"
(cd "$CM" && "$LADDERC" check --diagnostics=json -- "$(printf 'a\177.ladder')" >"$CM/out" 2>"$CM/err")
expect_eq "coverage-more: json: DEL in a file name is \\u007f" '  {"file": "a\u007f.ladder"' \
    "$(sed -n 2p "$CM/out" | cut -d, -f1)"

# ---- options and outputs ----

# colour needs a terminal; TERM unset is not "dumb", and an empty NO_COLOR
# does not count (no-color.org: "present and not an empty string")
printf 'levels L1..L3\nrole a "A" track nowhere level L1 at (1, 1)\n' >"$CM/colour.ladder"
script -qec "env -u TERM -u NO_COLOR '$LADDERC' check '$CM/colour.ladder'" /dev/null >"$CM/tty" 2>&1
expect_eq "coverage-more: colour with TERM unset" 1 "$(grep -c "$(printf '\033\\[1;31merror')" "$CM/tty")"
script -qec "env NO_COLOR= TERM=xterm '$LADDERC' check '$CM/colour.ladder'" /dev/null >"$CM/tty" 2>&1
expect_eq "coverage-more: colour with NO_COLOR empty" 1 "$(grep -c "$(printf '\033\\[1;31merror')" "$CM/tty")"

# JSON when no file could be read: the array is still opened and closed
"$LADDERC" check --diagnostics=json "$CM/absent.ladder" >"$CM/out" 2>"$CM/err"
expect_eq "coverage-more: json with no file read (exit status)" 2 "$?"
expect_eq "coverage-more: json with no file read prints an empty array" "[]" "$(cat "$CM/out")"
expect_eq "coverage-more: json with no file read says why" \
    "ladderc: error: cannot read '$CM/absent.ladder': No such file or directory" "$(cat "$CM/err")"

# --max-diagnostics beyond unsigned long long (ERANGE) and with a tail
for cm_v in 99999999999999999999999 5x; do
    "$LADDERC" check --max-diagnostics=$cm_v "$CM/colour.ladder" >"$CM/out" 2>"$CM/err"
    expect_eq "coverage-more: --max-diagnostics=$cm_v (exit status)" 2 "$?"
    expect_eq "coverage-more: --max-diagnostics=$cm_v is refused" \
        "ladderc: error: --max-diagnostics needs a number (0 shows all), not '$cm_v'" "$(head -n 1 "$CM/err")"
done

# Dropped diagnostics are counted by severity: errors and warnings together,
# and warnings alone; under --werror, GitHub and JSON show a warning as an
# error and the notice counts it among the errors
printf 'levels L1..L3\ntrack t "T"\nrole a "A" track t level L1 at (1, 1)\nrole b "B" track t level L1 at (1, 1)\nrole c "C" track x level L1 at (2, 2)\nrole d "D" track t level L1 at (1, 1)\nrole e "E" track y level L1 at (3, 3)\n' >"$CM/mix.ladder"
(cd "$CM" && "$LADDERC" check --max-diagnostics=1 mix.ladder >"$CM/out" 2>"$CM/err")
expect_eq "coverage-more: dropped errors and warnings (exit status)" 1 "$?"
expect_eq "coverage-more: dropped errors and warnings are counted apart" \
    "mix.ladder: note: 2 more errors and 1 more warning not shown; --max-diagnostics=0 shows them all
2 errors, 2 warnings generated." "$(tail -n 2 "$CM/err")"
printf 'levels L1..L3\ntrack t "T"\nrole a "A" track t level L1 at (1, 1)\nrole b "B" track t level L1 at (1, 1)\nrole d "D" track t level L1 at (1, 1)\n' >"$CM/warn.ladder"
(cd "$CM" && "$LADDERC" check --max-diagnostics=1 warn.ladder >"$CM/out" 2>"$CM/err")
expect_eq "coverage-more: dropped warnings only (exit status)" 0 "$?"
expect_eq "coverage-more: dropped warnings only" \
    "warn.ladder: note: 1 more warning not shown; --max-diagnostics=0 shows them all
2 warnings generated." "$(tail -n 2 "$CM/err")"
(cd "$CM" && "$LADDERC" check --diagnostics=github --max-diagnostics=1 --werror mix.ladder >"$CM/out" 2>"$CM/err")
expect_eq "coverage-more: github --werror (exit status)" 1 "$?"
expect_eq "coverage-more: github --werror: the warning is an error, the rest counted as errors" \
    "::error file=mix.ladder,line=4,col=33,endLine=4,endColumn=34,title=W152::roles 'a' and 'b' are at the same position (1, 1): the map cannot say which has more of either skill, and puts them side by side%0Anote (line 3): 'a' is here
::notice file=mix.ladder,title=ladderc::3 more errors not shown; --max-diagnostics=0 shows them all" "$(cat "$CM/out")"
(cd "$CM" && "$LADDERC" check --diagnostics=json --werror warn.ladder >"$CM/out" 2>"$CM/err")
expect_eq "coverage-more: json --werror (exit status)" 1 "$?"
expect_eq "coverage-more: json --werror: both warnings are errors, with their notes" \
    '[
  {"file": "warn.ladder", "line": 4, "column": 33, "end_line": 4, "end_column": 34, "severity": "error", "code": "W152", "message": "roles '"'a'"' and '"'b'"' are at the same position (1, 1): the map cannot say which has more of either skill, and puts them side by side", "notes": [{"file": "warn.ladder", "line": 3, "column": 33, "end_line": 3, "end_column": 34, "message": "'"'a'"' is here"}]},
  {"file": "warn.ladder", "line": 5, "column": 33, "end_line": 5, "end_column": 34, "severity": "error", "code": "W152", "message": "roles '"'a'"' and '"'d'"' are at the same position (1, 1): the map cannot say which has more of either skill, and puts them side by side", "notes": [{"file": "warn.ladder", "line": 3, "column": 33, "end_line": 3, "end_column": 34, "message": "'"'a'"' is here"}]}
]' "$(cat "$CM/out")"

# A warning-only notice in GitHub output (dropped warnings, no errors)
(cd "$CM" && "$LADDERC" check --diagnostics=github --max-diagnostics=1 warn.ladder >"$CM/out" 2>"$CM/err")
expect_eq "coverage-more: github: dropped warnings only (exit status)" 0 "$?"
expect_eq "coverage-more: github: dropped warnings only are counted in the notice" \
    "::notice file=warn.ladder,title=ladderc::1 more warning not shown; --max-diagnostics=0 shows them all" \
    "$(tail -n 1 "$CM/out")"

# JSON streams a file's diagnostics in pieces of 64 KB (diag_print_json's
# flush): 1000 errors, about 250 KB, arrive whole and in order
{
    printf 'levels L1..L3\n'
    cm_i=1
    while [ $cm_i -le 1000 ]; do
        printf 'role r%d "R" track t%d level L1 at (%d, %d)\n' $cm_i $cm_i $((cm_i % 90)) $((cm_i / 90 + 1))
        cm_i=$((cm_i + 1))
    done
} >"$CM/many.ladder"
(cd "$CM" && "$LADDERC" check --diagnostics=json many.ladder >"$CM/out" 2>"$CM/err")
expect_eq "coverage-more: json: 1000 errors (exit status)" 1 "$?"
cm_size=$(wc -c <"$CM/out")
[ "$cm_size" -gt 131072 ] && pass "coverage-more: json: 1000 errors take more than two pieces of 64 KB" \
    || fail "coverage-more: json: 1000 errors take more than two pieces of 64 KB" "$cm_size bytes"
expect_eq "coverage-more: json: 1000 errors, streamed in pieces, arrive whole and in order" \
    "1000
undefined track 't1'; declare it with 'track t1 \"...\"'
undefined track 't1000'; declare it with 'track t1000 \"...\"'
1001" "$(jq -r 'length, .[0].message, .[999].message, .[999].line' "$CM/out")"

# A source line longer than 1000 bytes is not shown (no excerpt, no caret)
printf 'levels L1..L3\nrole a "%s" track nowhere level L1 at (1, 1)\n' "$(printf 'y%.0s' $(seq 1 1000))" >"$CM/longline.ladder"
(cd "$CM" && "$LADDERC" check longline.ladder >"$CM/out" 2>"$CM/err")
expect_eq "coverage-more: a line over 1000 bytes (exit status)" 1 "$?"
expect_eq "coverage-more: a line over 1000 bytes gets no excerpt" \
    "longline.ladder:2:1017: error: undefined track 'nowhere'; declare it with 'track nowhere \"...\"' [E110]
1 error generated." "$(cat "$CM/err")"

# build with neither -T nor -o writes SVG to standard output
printf 'levels L1..L3\n' >"$CM/empty.ladder"
"$LADDERC" build "$CM/empty.ladder" >"$CM/out" 2>"$CM/err"
expect_eq "coverage-more: build with neither -T nor -o (exit status)" 0 "$?"
expect_eq "coverage-more: build with neither -T nor -o writes SVG to standard output" \
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>' "$(head -n 1 "$CM/out")"
expect_eq "coverage-more: build with neither -T nor -o: the SVG is whole" "</svg>" "$(tail -n 1 "$CM/out")"

# Suggestions compare names of at most 64 bytes (suggest.c): past that,
# none, however close (the edit distance is bounded work)
printf 'levels L1..L3\ntrack t "T"\nrole a "%s" track t level L1 at (1, 1)\nrole b "B" track t level L1 at (2, 1)\n' \
    "$(printf 'x%.0s' $(seq 1 66))" >"$CM/long-name.ladder"
for cm_n in 60 67; do
    cm_q=$(printf 'x%.0s' $(seq 1 $cm_n))
    "$LADDERC" path "$CM/long-name.ladder" "$cm_q" b >"$CM/out" 2>"$CM/err"
    expect_eq "coverage-more: path: a $cm_n-byte name near a 66-byte one (exit status)" 2 "$?"
    expect_eq "coverage-more: path: a $cm_n-byte name near a 66-byte one gets no suggestion" \
        "ladderc: error: no role '$cm_q' in the ladder [E110]" "$(cat "$CM/err")"
done
"$LADDERC" path "$CM/long-name.ladder" bb a >"$CM/out" 2>"$CM/err"
expect_eq "coverage-more: path: a short name near a short one (exit status)" 2 "$?"
expect_eq "coverage-more: path: a short name near a short one gets a suggestion" \
    "ladderc: error: no role 'bb' in the ladder; did you mean 'b'? [E110]" "$(cat "$CM/err")"
