# coverage-gaps.sh - the branches `make coverage` found untested (issue 16):
# escaping of file names in GitHub annotations and JSON, fmt's re-escaping of
# \" and \\, the -W option's errors, explain's argument count, fmt on input
# it cannot read and on standard input with -w, path's option errors, and
# the renderer plugin's failures (missing, not loadable, not ours, found in
# ../lib/ladderc). Each test checks the exit status and the exact message.
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq, expect_file).

CG=$TMP/coverage-gaps
rm -rf "$CG"
mkdir -p "$CG"
CG_GOOD="$ROOT/examples/skills-map.ladder"
printf 'levels L3..L11\nrole a "A" track nowhere level L5 at (1, 1)\n' >"$CG/bad.ladder"

# cg_run NAME RC FIRST_STDERR_LINE CMD...: runs CMD (stdout to $CG/out,
# stderr to $CG/err), checks its exit status and the first line of stderr
cg_run() {
    cg_name=$1 cg_rc=$2 cg_first=$3
    shift 3
    "$@" >"$CG/out" 2>"$CG/err"
    cg_got=$?
    if [ "$cg_got" = "$cg_rc" ] && [ "$(head -n 1 "$CG/err")" = "$cg_first" ]; then
        pass "coverage-gaps: $cg_name"
    else
        fail "coverage-gaps: $cg_name" "expected: exit $cg_rc, stderr starting '$cg_first'
actual:   exit $cg_got, stderr:
$(head -5 "$CG/err")"
    fi
}

# cg_rc NAME RC CMD...: the same for the exit status only (the message is
# checked by the caller, when it holds a system's wording)
cg_rc() {
    cg_name=$1 cg_rc=$2
    shift 2
    "$@" >"$CG/out" 2>"$CG/err"
    expect_eq "coverage-gaps: $cg_name (exit status)" "$cg_rc" "$?"
}

# ---- file names in machine-readable diagnostics ----

# GitHub's workflow commands end a property at ':' or ',' and a command at a
# line break: in file= they are %-escaped, and so is '%' itself (diag.c,
# escape_github)
cg_gh_name=$(printf 'x%%y:z,w\r\nq.ladder')
cp "$CG/bad.ladder" "$CG/$cg_gh_name"
(cd "$CG" && "$LADDERC" check --diagnostics=github -- "$cg_gh_name" >"$CG/out" 2>"$CG/err")
expect_eq "coverage-gaps: github: exit status of a file with errors" 1 "$?"
expect_eq "coverage-gaps: github: %, :, ',', CR and LF in file= are %-escaped" \
    "::error file=x%25y%3Az%2Cw%0D%0Aq.ladder,line=2,col=18,endLine=2,endColumn=25,title=E110::undefined track 'nowhere'; declare it with 'track nowhere \"...\"'" \
    "$(cat "$CG/out")"

# JSON strings: a tab is \t, other control characters \u00XX (escape_json)
cg_js_name=$(printf 'a\tb\001c.ladder')
cp "$CG/bad.ladder" "$CG/$cg_js_name"
(cd "$CG" && "$LADDERC" check --diagnostics=json -- "$cg_js_name" >"$CG/out" 2>"$CG/err")
expect_eq "coverage-gaps: json: exit status of a file with errors" 1 "$?"
grep -q '"file": "a\\tb\\u0001c.ladder",' "$CG/out" \
    && pass "coverage-gaps: json: a tab and U+0001 in a file name are \\t and \\u0001" \
    || fail "coverage-gaps: json: a tab and U+0001 in a file name are \\t and \\u0001" "$(cat "$CG/out")"

# ---- fmt ----

# fmt prints strings again from their value: \" and \\ must be escaped again
# (fmt.c, cell_string); the role line is realigned, so fmt did rewrite it
printf 'levels L3..L11\ntrack ic "IC \\"x\\" \\\\ y"\nrole a   "A \\\\" track ic level L5 at (1, 1)\n' >"$CG/esc.ladder"
printf 'levels L3..L11\ntrack ic "IC \\"x\\" \\\\ y"\nrole a "A \\\\" track ic level L5       at (1, 1)\n' >"$CG/esc.want"
cg_run "fmt: re-escapes \\\" and \\\\ in strings" 0 "" "$LADDERC" fmt "$CG/esc.ladder"
expect_file "coverage-gaps: fmt: re-escaped output" "$CG/esc.want" "$CG/out"
"$LADDERC" fmt "$CG/out" >"$CG/again" 2>&1
expect_file "coverage-gaps: fmt: the re-escaped output is a fixed point" "$CG/esc.want" "$CG/again"

# fmt -w - writes to standard output (standard input has nowhere else to go)
cg_run "fmt -w - prints to stdout" 0 "" "$LADDERC" fmt -w - <"$CG/esc.ladder"
expect_file "coverage-gaps: fmt -w - output" "$CG/esc.want" "$CG/out"

# input fmt cannot read: exit 2, the reason named, nothing on stdout
mkdir -p "$CG/dir.ladder"
cg_run "fmt on a folder" 2 "ladderc: error: cannot read '$CG/dir.ladder': Is a directory" \
    "$LADDERC" fmt "$CG/dir.ladder"
cg_run "fmt on a missing file" 2 "ladderc: error: cannot read '$CG/none.ladder': No such file or directory" \
    "$LADDERC" fmt "$CG/none.ladder"
expect_eq "coverage-gaps: fmt on a missing file prints nothing" "" "$(cat "$CG/out")"
# one unreadable file does not stop the others, and the status stays 2
cg_run "fmt -w: an unreadable file among good ones" 2 "ladderc: error: cannot read '$CG/none.ladder': No such file or directory" \
    "$LADDERC" fmt --check "$CG/none.ladder" "$CG/esc.want"

# ---- -W ----

cg_run "-W without a value" 2 "ladderc: error: option '-W' needs a value" "$LADDERC" check -W
cg_run "-Wfoo" 2 "ladderc: error: unknown warning option '-W foo': use -W no-CODE" "$LADDERC" check -Wfoo "$CG_GOOD"
cg_run "-Wno-foo" 2 "ladderc: error: unknown warning 'foo': see docs/language.md for the warning codes" \
    "$LADDERC" check -Wno-foo "$CG_GOOD"
# -W takes the next argument as its value, even a file name
cg_run "-W FILE takes FILE as the value" 2 "ladderc: error: unknown warning option '-W $CG_GOOD': use -W no-CODE" \
    "$LADDERC" check -W "$CG_GOOD"

# ---- explain ----

cg_run "explain without a code" 2 "ladderc: error: explain needs one CODE" "$LADDERC" explain
cg_run "explain with two codes" 2 "ladderc: error: explain needs one CODE" "$LADDERC" explain E110 E120
cg_run "explain -- CODE" 0 "" "$LADDERC" explain -- E110
expect_eq "coverage-gaps: explain -- CODE prints the entry" "### E110: undefined role, track or competency" "$(head -n 1 "$CG/out")"
cg_run "explain an unknown code" 2 "ladderc: error: unknown diagnostic code 'E999'" "$LADDERC" explain E999

# ---- path's options ----

cg_run "path: --max without a value" 2 "ladderc: error: option '--max' needs a value" "$LADDERC" path --max
cg_run "path: -T without a value" 2 "ladderc: error: option '-T' needs a value" "$LADDERC" path -T
cg_run "path: --max 0 (below the range)" 2 "ladderc: error: --max needs a number from 1 to 1000, not '0'" \
    "$LADDERC" path --max 0 "$CG_GOOD" a b
cg_run "path: --max 1001 (above the range)" 2 "ladderc: error: --max needs a number from 1 to 1000, not '1001'" \
    "$LADDERC" path --max 1001 "$CG_GOOD" a b
cg_run "path: --max empty" 2 "ladderc: error: --max needs a number from 1 to 1000, not ''" \
    "$LADDERC" path --max '' "$CG_GOOD" a b
cg_run "path: --max 5x" 2 "ladderc: error: --max needs a number from 1 to 1000, not '5x'" \
    "$LADDERC" path --max 5x "$CG_GOOD" a b
cg_run "path: -T html" 2 "ladderc: error: unknown format 'html': path prints text or md" \
    "$LADDERC" path -T html "$CG_GOOD" a b
cg_run "path: an unknown option" 2 "ladderc: error: unknown option '--frob'" "$LADDERC" path --frob "$CG_GOOD" a b
cg_run "path: a fourth argument" 2 "ladderc: error: path takes FILE FROM TO; 'c' is one too many" \
    "$LADDERC" path "$CG_GOOD" a b c
cg_run "path: a fourth argument after --" 2 "ladderc: error: path takes FILE FROM TO; 'c' is one too many" \
    "$LADDERC" path -- "$CG_GOOD" a b c
cg_run "path: FILE only" 2 "ladderc: error: path needs FILE FROM TO" "$LADDERC" path "$CG_GOOD"
cg_run "path: a missing FILE" 2 "ladderc: error: cannot read '$CG/none.ladder': No such file or directory" \
    "$LADDERC" path "$CG/none.ladder" a b
cg_run "path: a FILE with errors" 1 "$CG/bad.ladder:2:18: error: undefined track 'nowhere'; declare it with 'track nowhere \"...\"' [E110]" \
    "$LADDERC" path "$CG/bad.ladder" a b

# ---- the renderer plugin ----
# ladderc looks for ladderc-render.so beside itself, then in ../lib/ladderc/
# (plugin.c): a copy of the executable in a folder of ours shows each case.
# Under the sanitizers the copy is build/asan/ladderc, whose plugin needs the
# sanitizer runtime the executable brings: the same cases hold.
cg_plugin="$(dirname "$LADDERC")/ladderc-render.so"
mkdir -p "$CG/p/bin" "$CG/p/lib/ladderc"
cp "$LADDERC" "$CG/p/bin/ladderc"

cg_rc "renderer: no plugin" 2 "$CG/p/bin/ladderc" build -T svg "$CG_GOOD"
case $(head -n 1 "$CG/err") in
"ladderc: error: cannot render svg: cannot load the renderer: $CG/p/bin/../lib/ladderc/ladderc-render.so: cannot open shared object file"*)
    pass "coverage-gaps: renderer: no plugin is named, with the last place looked" ;;
*) fail "coverage-gaps: renderer: no plugin is named, with the last place looked" "$(cat "$CG/err")" ;;
esac
expect_eq "coverage-gaps: renderer: no plugin, nothing on stdout" "" "$(cat "$CG/out")"
# the formats that need no plugin still work without it
cg_run "renderer: -T md needs no plugin" 0 "" "$CG/p/bin/ladderc" build -T md "$CG_GOOD"

printf 'not a shared object\n' >"$CG/p/bin/ladderc-render.so"
cg_rc "renderer: a plugin that is not a shared object" 2 "$CG/p/bin/ladderc" build -T svg "$CG_GOOD"
case $(head -n 1 "$CG/err") in
"ladderc: error: cannot render svg: cannot load the renderer: $CG/p/bin/ladderc-render.so: "*)
    pass "coverage-gaps: renderer: an unloadable plugin is reported" ;;
*) fail "coverage-gaps: renderer: an unloadable plugin is reported" "$(cat "$CG/err")" ;;
esac

# a shared object that is not ours (any library without render_graphviz)
cg_lib=$(ldd "$LADDERC" 2>/dev/null | awk '$1 ~ /^libm\.so/ { print $3 }')
if [ -n "$cg_lib" ] && [ -f "$cg_lib" ]; then
    cp "$cg_lib" "$CG/p/bin/ladderc-render.so"
    cg_run "renderer: a shared object without render_graphviz" 2 \
        "ladderc: error: cannot render png: $CG/p/bin/ladderc-render.so has no render_graphviz" \
        "$CG/p/bin/ladderc" build -T png "$CG_GOOD"
else
    fail "coverage-gaps: renderer: find libm to stand for a foreign plugin" "$(ldd "$LADDERC" 2>&1)"
fi

# the installed layout: bin/ladderc and lib/ladderc/ladderc-render.so
rm -f "$CG/p/bin/ladderc-render.so"
cp "$cg_plugin" "$CG/p/lib/ladderc/ladderc-render.so"
cg_run "renderer: found in ../lib/ladderc" 0 "" "$CG/p/bin/ladderc" build -T svg "$CG_GOOD"
grep -q '<svg' "$CG/out" && pass "coverage-gaps: renderer: ../lib/ladderc renders SVG" \
    || fail "coverage-gaps: renderer: ../lib/ladderc renders SVG" "$(head -c 300 "$CG/out")"

# ---- file names that are not UTF-8, on the boundaries of the encoding ----
# (util_utf8_len: overlong 3- and 4-byte forms, surrogates, above U+10FFFF
# are shown byte by byte; the first and last valid sequence of each range
# are printed as they are)
# cg_fname NAME_BYTES TEXT GITHUB: a file named n<NAME_BYTES>.ladder (printf
# escapes) is shown as TEXT in text diagnostics, as GITHUB in file=
cg_fname() {
    cg_raw=$(printf "n$1.ladder")
    cp "$CG/bad.ladder" "$CG/$cg_raw"
    (cd "$CG" && "$LADDERC" check -- "$cg_raw" >"$CG/out" 2>"$CG/err")
    expect_eq "coverage-gaps: file name n$1.ladder in text" \
        "$2:2:18: error: undefined track 'nowhere'; declare it with 'track nowhere \"...\"' [E110]" \
        "$(head -n 1 "$CG/err")"
    (cd "$CG" && "$LADDERC" check --diagnostics=github -- "$cg_raw" >"$CG/out" 2>"$CG/err")
    expect_eq "coverage-gaps: file name n$1.ladder in github" "::error file=$3,line=2" "$(cut -d, -f1-2 "$CG/out")"
}
cg_fname '\340\200\200' '"n\340\200\200.ladder"' 'n%E0%80%80.ladder'
cg_fname '\355\240\200' '"n\355\240\200.ladder"' 'n%ED%A0%80.ladder'
cg_fname '\360\200\200\200' '"n\360\200\200\200.ladder"' 'n%F0%80%80%80.ladder'
cg_fname '\364\220\200\200' '"n\364\220\200\200.ladder"' 'n%F4%90%80%80.ladder'
cg_fname '\340\240\200' "$(printf 'n\340\240\200.ladder')" "$(printf 'n\340\240\200.ladder')"
cg_fname '\355\237\277' "$(printf 'n\355\237\277.ladder')" "$(printf 'n\355\237\277.ladder')"
cg_fname '\360\220\200\200' "$(printf 'n\360\220\200\200.ladder')" "$(printf 'n\360\220\200\200.ladder')"
cg_fname '\364\217\277\277' "$(printf 'n\364\217\277\277.ladder')" "$(printf 'n\364\217\277\277.ladder')"

# characters that hide or reorder text (escape_masked_len), each range on its
# edges: masked ones are octal in text and %-escaped in file=, their
# neighbours are printed as they are; so are \t, " and \ (quoted in text)
cg_masked() { cg_fname "$1" "\"n$1.ladder\"" "n$2.ladder"; }
cg_plain() { cg_fname "$1" "$(printf "n$1.ladder")" "$(printf "n$1.ladder")"; }
cg_masked '\342\201\240' '%E2%81%A0'    # U+2060 word joiner
cg_masked '\342\201\246' '%E2%81%A6'    # U+2066, first isolate
cg_masked '\342\201\251' '%E2%81%A9'    # U+2069, last isolate
cg_masked '\342\201\257' '%E2%81%AF'    # U+206F, the last of U+2060..206F
cg_plain '\342\201\237'                 # U+205F (a space)
cg_plain '\342\202\260'                 # U+20B0
cg_masked '\357\273\277' '%EF%BB%BF'    # U+FEFF
cg_plain '\357\273\276'                 # U+FEFE
cg_masked '\342\200\213' '%E2%80%8B'    # U+200B, first zero width
cg_plain '\342\200\212'                 # U+200A
cg_masked '\342\200\252' '%E2%80%AA'    # U+202A, first embedding
cg_masked '\342\200\256' '%E2%80%AE'    # U+202E, last override
cg_plain '\342\200\257'                 # U+202F
cg_masked '\302\237' '%C2%9F'           # U+009F, last C1 control
cg_plain '\302\240'                     # U+00A0
cg_masked '\177' '%7F'                  # DEL
cg_fname 'a\tb' '"na\tb.ladder"' "$(printf 'na\tb.ladder')"
cg_fname 'a"b' '"na\"b.ladder"' 'na"b.ladder'
cg_fname 'a\\b' '"na\\b.ladder"' 'na\b.ladder'

# ---- options shared by every command, and their limits ----

cg_run "--max-diagnostics= (empty)" 2 "ladderc: error: --max-diagnostics needs a number (0 shows all), not ''" \
    "$LADDERC" check --max-diagnostics= "$CG_GOOD"
cg_run "--max-diagnostics=-1" 2 "ladderc: error: --max-diagnostics needs a number (0 shows all), not '-1'" \
    "$LADDERC" check --max-diagnostics=-1 "$CG_GOOD"
cg_run "--max-diagnostics= out of range" 2 \
    "ladderc: error: --max-diagnostics needs a number (0 shows all), not '99999999999999999999999'" \
    "$LADDERC" check --max-diagnostics=99999999999999999999999 "$CG_GOOD"
# -W no-CODE 65 times: the table keeps 64 and ignores the rest, no overflow
set --
cg_i=0
while [ $cg_i -lt 65 ]; do set -- "$@" -Wno-W170; cg_i=$((cg_i + 1)); done
cg_run "-W no-CODE 65 times" 0 "" "$LADDERC" check "$@" "$CG_GOOD"
# 65537 files: refused before any is read (the 65536th is still taken);
# the names have no blanks, so the shell may split the list
# shellcheck disable=SC2046
set -- $(yes none.ladder | head -n 65536)
cg_run "65536 files are taken" 2 "ladderc: error: cannot read 'none.ladder': No such file or directory" \
    sh -c 'cd "$1" && shift && exec "$@"' sh "$CG" "$LADDERC" check "$@"
cg_run "65537 files are too many" 2 "ladderc: error: too many files (the limit is 65536 per run)" \
    sh -c 'cd "$1" && shift && exec "$@"' sh "$CG" "$LADDERC" check "$@" none.ladder
set --
# diagnostics that cannot reach stderr: exit 2, whatever the file
"$LADDERC" check "$CG/bad.ladder" 2>/dev/full
expect_eq "coverage-gaps: stderr on a full disk gives exit 2" 2 "$?"

# ---- commands and their options ----

cg_run "help" 0 "" "$LADDERC" help
expect_eq "coverage-gaps: help prints usage" "usage: ladderc <command> [options] [files]" "$(head -n 1 "$CG/out")"
cg_run "version" 0 "" "$LADDERC" version
grep -Eq '^ladderc [0-9]+\.[0-9]+\.[0-9]+$' "$CG/out" && pass "coverage-gaps: version prints the version" \
    || fail "coverage-gaps: version prints the version" "$(cat "$CG/out")"
cg_run "explain -- with two codes" 2 "ladderc: error: explain needs one CODE" "$LADDERC" explain -- E110 E120
cg_run "build -Tmd (joined)" 0 "" "$LADDERC" build -Tmd "$CG_GOOD"
expect_eq "coverage-gaps: build -Tmd prints Markdown" "# The Senior Engineer Skills Map" "$(head -n 1 "$CG/out")"
cg_run "build -o with a dot only in a folder name" 2 \
    "ladderc: error: cannot tell the format from the name 'out.d/x': give -T FORMAT, or end OUT in .svg .png .pdf .dot .gv .md .json or .html" \
    "$LADDERC" build -o out.d/x "$CG_GOOD"

printf 'levels L3..L11\nrole\n' >"$CG/syn.ladder"
cg_run "fmt --diagnostics=bogus" 2 "ladderc: error: unknown diagnostics format 'bogus': use text, json or github" \
    "$LADDERC" fmt --diagnostics=bogus "$CG/bad.ladder"
cg_run "fmt - -" 2 "ladderc: error: '-' (standard input) can be given only once" "$LADDERC" fmt - -
cg_run "fmt -- -x takes -x as a file" 2 "ladderc: error: cannot read '-x': No such file or directory" \
    "$LADDERC" fmt -- -x
cg_run "fmt --werror FILE" 0 "" "$LADDERC" fmt --werror "$CG/esc.ladder"
expect_file "coverage-gaps: fmt --werror FILE output" "$CG/esc.want" "$CG/out"
# fmt's syntax errors go to stderr in every format, stdout is the formatted text
(cd "$CG" && "$LADDERC" fmt --diagnostics=github syn.ladder >"$CG/out" 2>"$CG/err")
expect_eq "coverage-gaps: fmt --diagnostics=github on a syntax error (exit status)" 1 "$?"
expect_eq "coverage-gaps: fmt --diagnostics=github writes annotations to stderr" \
    "::error file=syn.ladder,line=2,col=5,endLine=2,endColumn=6,title=E001::syntax error: expected identifier, found end of line
ladderc: error: 'syn.ladder' has syntax errors; not formatted" "$(cat "$CG/err")"
expect_eq "coverage-gaps: fmt --diagnostics=github prints nothing on stdout" "" "$(cat "$CG/out")"
# a file that cannot be read (2) outranks one with syntax errors (1), in either order
cg_rc "fmt: unreadable, then syntax errors" 2 "$LADDERC" fmt "$CG/none.ladder" "$CG/syn.ladder"
cg_rc "fmt: syntax errors, then unreadable" 2 "$LADDERC" fmt "$CG/syn.ladder" "$CG/none.ladder"
cg_rc "fmt --check: unreadable, then unformatted" 2 "$LADDERC" fmt --check "$CG/none.ladder" "$CG/esc.ladder"

# path: names shared by more roles than are listed, unknown TO, the md table
# cg_many N: roles r1..rN named X, and s, reached from r1
cg_many() {
    printf 'levels L3..L11\ntrack ic "IC"\n'
    cg_i=1
    while [ $cg_i -le "$1" ]; do printf 'role r%d "X" track ic level L5 at (%d, 1)\n' $cg_i $cg_i; cg_i=$((cg_i + 1)); done
    printf 'role s "S" track ic level L6 at (1, 2)\nr1 -> s years 2..3\n'
}
cg_many 9 >"$CG/many.ladder"
cg_many 8 >"$CG/many8.ladder"
# path --max: the range's edges are taken
cg_run "path: --max 1" 0 "" "$LADDERC" path --max 1 "$CG/many.ladder" r1 s
cg_run "path: --max 1000" 0 "" "$LADDERC" path --max 1000 "$CG/many.ladder" r1 s
cg_run "path: a name 9 roles share lists 8" 2 \
    "ladderc: error: 9 roles are named 'X': r1, r2, r3, r4, r5, r6, r7, r8 and 1 more; give the id of one" \
    "$LADDERC" path "$CG/many.ladder" X s
cg_run "path: 8 roles sharing a name are all listed" 2 \
    "ladderc: error: 8 roles are named 'X': r1, r2, r3, r4, r5, r6, r7, r8; give the id of one" \
    "$LADDERC" path "$CG/many8.ladder" s X
cg_run "path: an unknown TO" 2 "ladderc: error: no role 'nope' in the ladder [E110]" \
    "$LADDERC" path "$CG/many.ladder" r1 nope
cg_run "path -T md" 0 "" "$LADDERC" path -T md "$CG/many.ladder" r1 s
expect_eq "coverage-gaps: path -T md prints a table" "| # | Route | Steps | Years |
| --- | --- | --- | --- |
| 1 | X → (promotion) S | 1 | 2..3 |" "$(cat "$CG/out")"
cg_run "path --werror -- FILE FROM TO" 0 "" "$LADDERC" path --werror -- "$CG/many.ladder" r1 s
expect_eq "coverage-gaps: path --werror -- prints the route" "2..3 years: X -(promotion)-> S" "$(cat "$CG/out")"
cg_run "path --diagnostics=bogus" 2 "ladderc: error: unknown diagnostics format 'bogus': use text, json or github" \
    "$LADDERC" path --diagnostics=bogus "$CG/many.ladder" r1 s

# ---- JSON of a ladder with nothing in it: empty arrays, null years ----
printf 'levels L3..L11\n' >"$CG/min.ladder"
cg_run "build -T json of an empty ladder" 0 "" "$LADDERC" build -T json "$CG/min.ladder"
expect_eq "coverage-gaps: JSON of an empty ladder" '{
  "ladder": null,
  "axes": {
    "x": {"title": "", "min": 0, "max": 100},
    "y": {"title": "", "min": 0, "max": 100}
  },
  "scale": {"prefix": "L", "min": 3, "max": 11},
  "years": {"promotion": null, "lateral": null, "downward": null},
  "tracks": [],
  "boxes": [],
  "roles": [],
  "transitions": [],
  "companies": []
}' "$(cat "$CG/out")"

# ---- years as printed: a range of one value, and the largest value ----
# (MIN..MIN prints MIN; 1e9, the largest number, goes through the %.6f path
# of model_format_number, which must not print 1000000000.000000 or 1e+09)
cg_years() {   # cg_years RANGE SHOWN
    printf 'levels L3..L11\ntrack ic "IC"\nrole a "A" track ic level L5 at (1, 1)\nrole b "B" track ic level L6 at (1, 2)\na -> b years %s\n' \
        "$1" >"$CG/years.ladder"
    "$LADDERC" build -T md "$CG/years.ladder" >"$CG/out" 2>"$CG/err"
    expect_eq "coverage-gaps: years $1 in Markdown" "| A | B | promotion | $2 |" "$(grep '^| A | B |' "$CG/out")"
    "$LADDERC" build -T dot "$CG/years.ladder" >"$CG/out" 2>"$CG/err"
    grep -qF "arrowhead=normal, label=\"$2 y\"]" "$CG/out" && pass "coverage-gaps: years $1 in DOT" \
        || fail "coverage-gaps: years $1 in DOT" "$(grep -- '->' "$CG/out")"
}
cg_years 2..2 2
cg_years 0..1000000000 0..1000000000
cg_years 0.5..1000000000 0.5..1000000000

# ---- more of the command line ----
cg_run "fmt without a file" 2 "ladderc: error: fmt needs at least one FILE" "$LADDERC" fmt
cg_run "fmt -x" 2 "ladderc: error: unknown option '-x'" "$LADDERC" fmt -x "$CG/esc.ladder"
cg_run "build --diagnostics=bogus" 2 "ladderc: error: unknown diagnostics format 'bogus': use text, json or github" \
    "$LADDERC" build --diagnostics=bogus "$CG_GOOD"
cg_run "path -T text" 0 "" "$LADDERC" path -T text "$CG/many.ladder" r1 s
expect_eq "coverage-gaps: path -T text prints lines" "2..3 years: X -(promotion)-> S" "$(cat "$CG/out")"
cg_run "path - (standard input)" 0 "" "$LADDERC" path - r1 s <"$CG/many.ladder"
expect_eq "coverage-gaps: path - reads standard input" "2..3 years: X -(promotion)-> S" "$(cat "$CG/out")"

# -o that names a folder, or nothing: refused, nothing written
mkdir -p "$CG/o/d"
for cg_o in '' . / d/ d/..; do
    cg_run "build -o '$cg_o'" 2 "ladderc: error: cannot write '$cg_o': $(if [ -z "$cg_o" ]; then echo 'No such file or directory'; else echo 'Is a directory'; fi)" \
        sh -c 'cd "$1" && shift && exec "$@"' sh "$CG/o" "$LADDERC" build -T md -o "$cg_o" "$CG_GOOD"
done
expect_eq "coverage-gaps: -o a folder writes nothing" "d" "$(ls -A "$CG/o")"
# an absolute -o is written where it says
cg_run "build -o /absolute/path" 0 "" "$LADDERC" build -o "$CG/o/abs.md" "$CG_GOOD"
"$LADDERC" build -T md "$CG_GOOD" >"$CG/abs.want" 2>/dev/null
expect_file "coverage-gaps: build -o /absolute/path writes the Markdown" "$CG/abs.want" "$CG/o/abs.md"

# the GitHub format's cap: one annotation, then a notice counting the rest
printf 'levels L3..L11\nrole a "A" track nowhere level L5 at (1, 1)\nrole b "B" track nowhere level L5 at (2, 1)\nrole c "C" track ic level L5 at (2, 1)\n' \
    >"$CG/bad3.ladder"
(cd "$CG" && "$LADDERC" check --diagnostics=github --max-diagnostics=1 bad3.ladder >"$CG/out" 2>"$CG/err")
expect_eq "coverage-gaps: github --max-diagnostics=1 (exit status)" 1 "$?"
expect_eq "coverage-gaps: github --max-diagnostics=1 counts what is not shown" \
    "::notice file=bad3.ladder,title=ladderc::1 more error and 1 more warning not shown; --max-diagnostics=0 shows them all" \
    "$(tail -n 1 "$CG/out")"
expect_eq "coverage-gaps: github --max-diagnostics=1 shows one annotation" 1 "$(grep -c '^::error' "$CG/out")"
