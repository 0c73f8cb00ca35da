# cli.sh - the command line: help, exit status, -o atomicity, stdin, I/O errors.
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq, expect_file).
# Every ladderc runs under `timeout 30` (cli_lc): each takes milliseconds, so
# a hang fails its test (exit status 124) instead of blocking the run.

EX="$ROOT/examples"
GOOD="$EX/skills-map.ladder"
BAD="$TMP/bad.ladder"
printf 'levels L3..L11\nrole a "A" track nowhere level L5 at (1, 1)\n' >"$BAD"
WARN="$TMP/warn.ladder"
printf 'levels L3..L11\ntrack ic "IC"\nrole a "A" track ic level L5 at (50, 1)\nrole b "B" track ic level L6 at (10, 1)\na -> b\n' >"$WARN"

cli_lc() { timeout 30 "$LADDERC" "$@"; }

# status NAME EXPECTED CMD...: runs CMD, compares its exit status
status() {
    name=$1 want=$2
    shift 2
    "$@" >"$TMP/s.out" 2>"$TMP/s.err"
    expect_eq "cli: $name (exit status)" "$want" "$?"
}

# help, version and usage errors: cli-usage.sh

# input that cannot be read
status "missing input" 2 cli_lc check "$TMP/nope.ladder"
expect_eq "cli: missing input message" "ladderc: error: cannot read '$TMP/nope.ladder': No such file or directory" "$(cat "$TMP/s.err")"
status "directory as input" 2 cli_lc build -T dot "$TMP"
grep -q "cannot read '$TMP'" "$TMP/s.err" && pass "cli: directory input named" || fail "cli: directory input named" "$(cat "$TMP/s.err")"

# check: several files, each on its own, worst status wins
status "check good" 0 cli_lc check "$GOOD" "$EX/acme.ladder"
[ -s "$TMP/s.err" ] && fail "cli: check good prints nothing" "$(cat "$TMP/s.err")" || pass "cli: check good prints nothing"
status "check good+bad" 1 cli_lc check "$GOOD" "$BAD" "$EX/acme.ladder"
status "check bad+missing" 2 cli_lc check "$BAD" "$TMP/nope.ladder"
status "check warnings only" 0 cli_lc check "$WARN"
grep -q "warning: .*\[W170\]" "$TMP/s.err" && pass "cli: warning printed" || fail "cli: warning printed" "$(cat "$TMP/s.err")"
cli_lc check - <"$GOOD" >"$TMP/s.out" 2>&1
expect_eq "cli: check reads stdin" "0" "$?"
cli_lc check - <"$BAD" >/dev/null 2>"$TMP/s.err"
grep -q "^<stdin>:2:18: error: undefined track 'nowhere'" "$TMP/s.err" && pass "cli: stdin diagnostics name <stdin>" || fail "cli: stdin diagnostics name <stdin>" "$(cat "$TMP/s.err")"

# the format comes from -T, else from OUT's extension, else svg
for pair in dot:digraph gv:digraph md:'# ' json:'{' svg:'<?xml'; do
    ext=${pair%%:*} head=${pair#*:}
    cli_lc build -o "$TMP/out.$ext" "$GOOD" 2>"$TMP/s.err"
    case "$(head -c ${#head} "$TMP/out.$ext")" in
    "$head") pass "cli: -o out.$ext gives $ext" ;;
    *) fail "cli: -o out.$ext gives $ext" "$(head -c 80 "$TMP/out.$ext")" ;;
    esac
done
cli_lc build "$GOOD" | head -c 5 | grep -q '<?xml' && pass "cli: default format is svg" || fail "cli: default format is svg"
cli_lc build -T dot -o "$TMP/forced.svg" "$GOOD" && head -c 7 "$TMP/forced.svg" | grep -q digraph \
    && pass "cli: -T wins over the extension" || fail "cli: -T wins over the extension"
status "-o out.png" 0 no_lsan cli_lc build -o "$TMP/out.png" "$GOOD"
[ "$(head -c 8 "$TMP/out.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] \
    && pass "cli: png has the PNG signature" || fail "cli: png has the PNG signature"

# -o is written whole or not at all
echo "earlier output" >"$TMP/keep.svg"
cp "$TMP/keep.svg" "$TMP/keep.orig"
status "failing compile with -o" 1 cli_lc build -o "$TMP/keep.svg" "$BAD"
expect_file "cli: failing compile leaves OUT untouched" "$TMP/keep.orig" "$TMP/keep.svg"
[ -z "$(ls -A "$TMP" | grep '^\.keep\.svg\.')" ] && pass "cli: no temporary file left (failed compile)" || fail "cli: no temporary file left (failed compile)"
status "-o into a missing folder" 2 cli_lc build -o "$TMP/no/such/dir/out.svg" "$GOOD"
grep -q "$TMP/no/such/dir/out.svg" "$TMP/s.err" && pass "cli: write error names the path" || fail "cli: write error names the path" "$(cat "$TMP/s.err")"
# as a user who cannot write there (as root: nobody, through as_user)
mkdir "$UNPRIV/ro" && echo "old" >"$UNPRIV/ro/out.md" && cp "$GOOD" "$UNPRIV/ro.ladder" && chmod 555 "$UNPRIV/ro"
status "-o into a read-only folder" 2 as_user timeout 30 "$UNPRIV_LADDERC" build -o "$UNPRIV/ro/out.md" "$UNPRIV/ro.ladder"
grep -q "'$UNPRIV/ro/out.md'.*Permission denied" "$TMP/s.err" \
    && pass "cli: read-only folder: the message names the path and the reason" \
    || fail "cli: read-only folder: the message names the path and the reason" "$(cat "$TMP/s.err")"
expect_eq "cli: read-only folder leaves OUT untouched" "old" "$(cat "$UNPRIV/ro/out.md")"
expect_eq "cli: read-only folder: no temporary file" "out.md" "$(ls -A "$UNPRIV/ro")"
chmod 755 "$UNPRIV/ro"
status "successful -o" 0 cli_lc build -o "$TMP/keep.svg" "$GOOD"
head -c 5 "$TMP/keep.svg" | grep -q '<?xml' && pass "cli: successful -o replaces OUT" || fail "cli: successful -o replaces OUT"

# a full or closed standard output: hardening.sh (every command that writes)

# same input, same bytes
for f in "$EX"/*.ladder; do
    for fmt in dot svg md json png; do
        rm -f "$TMP/a.$fmt" "$TMP/b.$fmt"
        cli_nl=""; [ $fmt = png ] && cli_nl=no_lsan
        # (stderr: the framework's W153, guide.sh's business)
        $cli_nl cli_lc build -T $fmt -o "$TMP/a.$fmt" "$f" 2>/dev/null && $cli_nl cli_lc build -T $fmt -o "$TMP/b.$fmt" "$f" 2>/dev/null && cmp -s "$TMP/a.$fmt" "$TMP/b.$fmt" && pass "cli: deterministic $fmt $(basename "$f")" || fail "cli: deterministic $fmt $(basename "$f")"
    done
done

# check never loads Graphviz
if LD_DEBUG=libs timeout 30 "$LADDERC" check "$GOOD" 2>&1 | grep -q 'libgvc'; then
    fail "cli: check does not load Graphviz"
else
    pass "cli: check does not load Graphviz"
fi
LD_DEBUG=libs timeout 30 "$LADDERC" build -T svg "$GOOD" 2>&1 >/dev/null | grep -q 'libgvc' \
    && pass "cli: svg loads Graphviz (the LD_DEBUG probe works)" || fail "cli: svg loads Graphviz (the LD_DEBUG probe works)"
for f in "$EX"/*.ladder; do
    cli_lc fmt "$f" >"$TMP/a.fmt" && cli_lc fmt "$f" >"$TMP/b.fmt" && cmp -s "$TMP/a.fmt" "$TMP/b.fmt" && pass "cli: deterministic fmt $(basename "$f")" || fail "cli: deterministic fmt $(basename "$f")"
done
cli_lc path "$GOOD" senior_engineer fellow >"$TMP/a.path" && cli_lc path "$GOOD" senior_engineer fellow >"$TMP/b.path" \
    && [ -s "$TMP/a.path" ] && cmp -s "$TMP/a.path" "$TMP/b.path" && pass "cli: deterministic path" || fail "cli: deterministic path"

# make install: the installed ladderc finds its renderer in ../lib/ladderc
if (cd "$ROOT" && make -s install DESTDIR="$TMP/inst" PREFIX=/usr/local >/dev/null 2>&1) \
    && timeout 30 "$TMP/inst/usr/local/bin/ladderc" build -T svg "$GOOD" 2>/dev/null | head -c 5 | grep -q '<?xml'; then
    pass "cli: make install gives a ladderc that renders svg"
else
    fail "cli: make install gives a ladderc that renders svg"
fi
# and the git diff driver of docs/diff.md beside it
[ -x "$TMP/inst/usr/local/bin/git-diff-ladder" ] && cmp -s "$TMP/inst/usr/local/bin/git-diff-ladder" "$ROOT/scripts/git-diff-ladder" \
    && pass "cli: make install puts git-diff-ladder beside ladderc" || fail "cli: make install puts git-diff-ladder beside ladderc"
