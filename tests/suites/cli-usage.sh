# cli-usage.sh - the command line's help, version and usage errors (split
# from cli.sh so that the sanitized rerun of `make check` can run them
# without the rest of cli.sh: they reach lines of cli/main.c that nothing
# else does, see tests/sanitized.list). Every ladderc runs under `timeout 30`.
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq).

GOOD="$ROOT/examples/skills-map.ladder"

cli_lc() { timeout 30 "$LADDERC" "$@"; }

# status NAME EXPECTED CMD...: runs CMD, compares its exit status
status() {
    name=$1 want=$2
    shift 2
    "$@" >"$TMP/s.out" 2>"$TMP/s.err"
    expect_eq "cli: $name (exit status)" "$want" "$?"
}

status "--help" 0 cli_lc --help
grep -q "usage: ladderc" "$TMP/s.out" && pass "cli: --help prints usage" || fail "cli: --help prints usage"
status "-h" 0 cli_lc -h
status "--version" 0 cli_lc --version
grep -Eq '^ladderc [0-9]+\.[0-9]+\.[0-9]+$' "$TMP/s.out" && pass "cli: --version format" || fail "cli: --version format" "$(cat "$TMP/s.out")"
# one version: the library's (the page's footer and generator tag say it too)
expect_eq "cli: --version is LD_VERSION" \
    "ladderc $(sed -n 's/^#define LD_VERSION "\(.*\)"$/\1/p' "$ROOT/include/ladder.h")" "$(cat "$TMP/s.out")"
status "build -h" 0 cli_lc build -h
grep -q "usage: ladderc build" "$TMP/s.out" && pass "cli: build -h prints build usage" || fail "cli: build -h prints build usage"
status "check -h" 0 cli_lc check -h
grep -q "usage: ladderc check" "$TMP/s.out" && pass "cli: check -h prints check usage" || fail "cli: check -h prints check usage"

for c in fmt path explain; do
    status "$c -h" 0 cli_lc $c -h
    grep -q "usage: ladderc $c" "$TMP/s.out" && pass "cli: $c -h prints $c usage" || fail "cli: $c -h prints $c usage"
done

status "no command" 2 cli_lc
status "unknown command" 2 cli_lc frobnicate
grep -q "unknown command 'frobnicate'" "$TMP/s.err" && pass "cli: unknown command named" || fail "cli: unknown command named"
status "unknown option" 2 cli_lc build --frob "$GOOD"
status "build without file" 2 cli_lc build
status "build with two files" 2 cli_lc build "$GOOD" "$GOOD"
status "unknown format" 2 cli_lc build -T gif "$GOOD"
grep -q "unknown format 'gif'" "$TMP/s.err" && pass "cli: unknown format named" || fail "cli: unknown format named"
status "-T without value" 2 cli_lc build "$GOOD" -T
status "check without file" 2 cli_lc check
