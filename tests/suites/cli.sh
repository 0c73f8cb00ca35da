# cli.sh - the command line: help, exit status, -o atomicity, stdin, I/O errors.
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq, expect_file).

EX="$ROOT/examples"
GOOD="$EX/skills-map.ladder"
BAD="$TMP/bad.ladder"
printf 'levels L3..L11\nrole a "A" track nowhere level L5 at (1, 1)\n' >"$BAD"
WARN="$TMP/warn.ladder"
printf 'levels L3..L11\ntrack ic "IC"\nrole a "A" track ic level L5 at (50, 1)\nrole b "B" track ic level L6 at (10, 1)\na -> b\n' >"$WARN"

# status NAME EXPECTED CMD...: runs CMD, compares its exit status
status() {
    name=$1 want=$2
    shift 2
    "$@" >"$TMP/s.out" 2>"$TMP/s.err"
    expect_eq "cli: $name (exit status)" "$want" "$?"
}

status "--help" 0 "$LADDERC" --help
grep -q "usage: ladderc" "$TMP/s.out" && pass "cli: --help prints usage" || fail "cli: --help prints usage"
status "-h" 0 "$LADDERC" -h
status "--version" 0 "$LADDERC" --version
grep -Eq '^ladderc [0-9]+\.[0-9]+\.[0-9]+$' "$TMP/s.out" && pass "cli: --version format" || fail "cli: --version format" "$(cat "$TMP/s.out")"
status "build -h" 0 "$LADDERC" build -h
grep -q "usage: ladderc build" "$TMP/s.out" && pass "cli: build -h prints build usage" || fail "cli: build -h prints build usage"
status "check -h" 0 "$LADDERC" check -h
grep -q "usage: ladderc check" "$TMP/s.out" && pass "cli: check -h prints check usage" || fail "cli: check -h prints check usage"

for c in fmt path explain; do
    status "$c -h" 0 "$LADDERC" $c -h
    grep -q "usage: ladderc $c" "$TMP/s.out" && pass "cli: $c -h prints $c usage" || fail "cli: $c -h prints $c usage"
done

status "no command" 2 "$LADDERC"
status "unknown command" 2 "$LADDERC" frobnicate
grep -q "unknown command 'frobnicate'" "$TMP/s.err" && pass "cli: unknown command named" || fail "cli: unknown command named"
status "unknown option" 2 "$LADDERC" build --frob "$GOOD"
status "build without file" 2 "$LADDERC" build
status "build with two files" 2 "$LADDERC" build "$GOOD" "$GOOD"
status "unknown format" 2 "$LADDERC" build -T pdf "$GOOD"
grep -q "unknown format 'pdf'" "$TMP/s.err" && pass "cli: unknown format named" || fail "cli: unknown format named"
status "-T without value" 2 "$LADDERC" build "$GOOD" -T
status "check without file" 2 "$LADDERC" check

# input that cannot be read
status "missing input" 2 "$LADDERC" check "$TMP/nope.ladder"
expect_eq "cli: missing input message" "ladderc: error: cannot read '$TMP/nope.ladder': No such file or directory" "$(cat "$TMP/s.err")"
status "directory as input" 2 "$LADDERC" build -T dot "$TMP"
grep -q "cannot read '$TMP'" "$TMP/s.err" && pass "cli: directory input named" || fail "cli: directory input named" "$(cat "$TMP/s.err")"

# check: several files, each on its own, worst status wins
status "check good" 0 "$LADDERC" check "$GOOD" "$EX/acme.ladder"
[ -s "$TMP/s.err" ] && fail "cli: check good prints nothing" "$(cat "$TMP/s.err")" || pass "cli: check good prints nothing"
status "check good+bad" 1 "$LADDERC" check "$GOOD" "$BAD" "$EX/acme.ladder"
status "check bad+missing" 2 "$LADDERC" check "$BAD" "$TMP/nope.ladder"
status "check warnings only" 0 "$LADDERC" check "$WARN"
grep -q "warning: .*\[W170\]" "$TMP/s.err" && pass "cli: warning printed" || fail "cli: warning printed" "$(cat "$TMP/s.err")"
"$LADDERC" check - <"$GOOD" >"$TMP/s.out" 2>&1
expect_eq "cli: check reads stdin" "0" "$?"
"$LADDERC" check - <"$BAD" >/dev/null 2>"$TMP/s.err"
grep -q "^<stdin>:2:18: error: undefined track 'nowhere'" "$TMP/s.err" && pass "cli: stdin diagnostics name <stdin>" || fail "cli: stdin diagnostics name <stdin>" "$(cat "$TMP/s.err")"

# the format comes from -T, else from OUT's extension, else svg
for pair in dot:digraph gv:digraph md:'# ' json:'{' svg:'<?xml'; do
    ext=${pair%%:*} head=${pair#*:}
    "$LADDERC" build -o "$TMP/out.$ext" "$GOOD" 2>"$TMP/s.err"
    case "$(head -c ${#head} "$TMP/out.$ext")" in
    "$head") pass "cli: -o out.$ext gives $ext" ;;
    *) fail "cli: -o out.$ext gives $ext" "$(head -c 80 "$TMP/out.$ext")" ;;
    esac
done
"$LADDERC" build "$GOOD" | head -c 5 | grep -q '<?xml' && pass "cli: default format is svg" || fail "cli: default format is svg"
"$LADDERC" build -T dot -o "$TMP/forced.svg" "$GOOD" && head -c 7 "$TMP/forced.svg" | grep -q digraph \
    && pass "cli: -T wins over the extension" || fail "cli: -T wins over the extension"
"$LADDERC" build -o "$TMP/out.png" "$GOOD"
[ "$(head -c 8 "$TMP/out.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] \
    && pass "cli: png has the PNG signature" || fail "cli: png has the PNG signature"

# -o is written whole or not at all
echo "earlier output" >"$TMP/keep.svg"
cp "$TMP/keep.svg" "$TMP/keep.orig"
status "failing compile with -o" 1 "$LADDERC" build -o "$TMP/keep.svg" "$BAD"
expect_file "cli: failing compile leaves OUT untouched" "$TMP/keep.orig" "$TMP/keep.svg"
[ -z "$(ls -A "$TMP" | grep '^\.keep\.svg\.')" ] && pass "cli: no temporary file left (failed compile)" || fail "cli: no temporary file left (failed compile)"
status "-o into a missing folder" 2 "$LADDERC" build -o "$TMP/no/such/dir/out.svg" "$GOOD"
grep -q "$TMP/no/such/dir/out.svg" "$TMP/s.err" && pass "cli: write error names the path" || fail "cli: write error names the path" "$(cat "$TMP/s.err")"
mkdir "$TMP/ro" && echo "old" >"$TMP/ro/out.md" && chmod 555 "$TMP/ro"
if [ "$(id -u)" != 0 ]; then
    status "-o into a read-only folder" 2 "$LADDERC" build -o "$TMP/ro/out.md" "$GOOD"
    expect_eq "cli: read-only folder leaves OUT untouched" "old" "$(cat "$TMP/ro/out.md")"
fi
chmod 755 "$TMP/ro"
status "successful -o" 0 "$LADDERC" build -o "$TMP/keep.svg" "$GOOD"
head -c 5 "$TMP/keep.svg" | grep -q '<?xml' && pass "cli: successful -o replaces OUT" || fail "cli: successful -o replaces OUT"

# a full standard output is an error, not a silent truncation
if [ -w /dev/full ]; then
    "$LADDERC" build -T dot "$GOOD" >/dev/full 2>"$TMP/s.err"
    expect_eq "cli: full stdout exits 2" "2" "$?"
    grep -q "cannot write to standard output" "$TMP/s.err" && pass "cli: full stdout message" || fail "cli: full stdout message" "$(cat "$TMP/s.err")"
fi

# same input, same bytes
for f in "$EX"/*.ladder; do
    for fmt in dot svg md json png; do
        "$LADDERC" build -T $fmt -o "$TMP/a.$fmt" "$f"
        "$LADDERC" build -T $fmt -o "$TMP/b.$fmt" "$f"
        cmp -s "$TMP/a.$fmt" "$TMP/b.$fmt" && pass "cli: deterministic $fmt $(basename "$f")" || fail "cli: deterministic $fmt $(basename "$f")"
    done
done

# check never loads Graphviz
if LD_DEBUG=libs "$LADDERC" check "$GOOD" 2>&1 | grep -q 'libgvc'; then
    fail "cli: check does not load Graphviz"
else
    pass "cli: check does not load Graphviz"
fi
LD_DEBUG=libs "$LADDERC" build -T svg "$GOOD" 2>&1 >/dev/null | grep -q 'libgvc' \
    && pass "cli: svg loads Graphviz (the LD_DEBUG probe works)" || fail "cli: svg loads Graphviz (the LD_DEBUG probe works)"
for f in "$EX"/*.ladder; do
    "$LADDERC" fmt "$f" >"$TMP/a.fmt"; "$LADDERC" fmt "$f" >"$TMP/b.fmt"
    cmp -s "$TMP/a.fmt" "$TMP/b.fmt" && pass "cli: deterministic fmt $(basename "$f")" || fail "cli: deterministic fmt $(basename "$f")"
done
"$LADDERC" path "$GOOD" senior_engineer fellow >"$TMP/a.path"; "$LADDERC" path "$GOOD" senior_engineer fellow >"$TMP/b.path"
cmp -s "$TMP/a.path" "$TMP/b.path" && pass "cli: deterministic path" || fail "cli: deterministic path"

# make install: the installed ladderc finds its renderer in ../lib/ladderc
if (cd "$ROOT" && make -s install DESTDIR="$TMP/inst" PREFIX=/usr/local >/dev/null 2>&1) \
    && "$TMP/inst/usr/local/bin/ladderc" build -T svg "$GOOD" 2>/dev/null | head -c 5 | grep -q '<?xml'; then
    pass "cli: make install gives a ladderc that renders svg"
else
    fail "cli: make install gives a ladderc that renders svg"
fi
