# wasm.sh - ladderc in WebAssembly (build/wasm/ladder.js, `make wasm`,
# docs/wasm.md) against the native command line, in one node process
# (tests/tools/wasm_compare.js; its header says what is compared):
#   1. every folder of tests/cases/, examples/ and share/ladderc/std/
#      checked in one `ladderc check` run (text and JSON) against the same
#      put together from the module;
#   2. every data case whose command the library does (check, build -T
#      dot/md/json, path, gap, fmt, diff, refs, rename --dry-run) against
#      its .out, .err and .rc, and chart -T dot of the examples against
#      ladderc (the 18 cases left are purely the command line's: usage
#      errors, --help, -o; the note says which);
#   3. build -T dot, md and json of every example and shipped ladder;
#   4. r.diagnostics against the JSON's fields, from/to against the text;
#   5. planted differences are reported (the comparison can fail), one for
#      each of diff, refs, rename and chart among them;
#   6. the JavaScript API (tests/tools/wasm_api.js): LadderError, free twice,
#      bad arguments, bytes in and out, UTF-16 offsets, a 10 MB ladder,
#      hostile std paths, 10,000 compiles with the heap flat;
#   7. no eval and no Function constructor in the script (the playground's
#      CSP allows 'wasm-unsafe-eval' only).
# About 2.5 s of CPU (TIMES=1 SANITIZERS=0 tests/run.sh wasm), most of it the
# 10 MB ladder, the 10,000 compiles, the 1,400 compiles of the cases and
# the 1,000 diffs.
# Sourced by tests/run.sh (helpers: pass, fail).

WA="$TMP/wasm"
mkdir -p "$WA"
WA_JS="$ROOT/build/wasm/ladder.js"

if [ -n "${LADDERC_SANITIZED:-}" ]; then
    :   # the module is the same under the sanitizers: once is enough
elif [ ! -f "$WA_JS" ]; then
    fail "wasm: build/wasm/ladder.js is built (make wasm; make check builds it)" "missing: $WA_JS"
elif ! command -v node >/dev/null 2>&1; then
    fail "wasm: node runs the module (scripts/deps.sh test installs nodejs)" "no node on PATH"
else
    node "$ROOT/tests/tools/wasm_compare.js" "$ROOT" "$LADDERC" "$WA_JS" "$WA" >"$WA/out" 2>"$WA/err"
    wa_rc=$?
    # "ok   NAME", or "FAIL NAME" and its details indented under it
    wa_name="" wa_detail=""
    wa_flush() { [ -n "$wa_name" ] && fail "$wa_name" "$(printf '%s\n' "$wa_detail" | head -40)"; wa_name=""; }
    while IFS= read -r wa_line; do
        case $wa_line in
        "ok   "*) wa_flush; pass "${wa_line#ok   }" ;;
        "FAIL "*) wa_flush; wa_name=${wa_line#FAIL } wa_detail="" ;;
        "     "*) wa_detail="$wa_detail${wa_detail:+
}${wa_line#     }" ;;
        *) wa_flush ;;
        esac
    done <"$WA/out"
    wa_flush
    grep '^note ' "$WA/out"

    # ---- 7. nothing a strict CSP refuses ----
    # eval( and the Function constructor, but WebAssembly.Function (a wasm
    # function's type, not code from a string)
    wa_eval() { sed 's/WebAssembly\.Function(//g' "$1" | grep -oE '(^|[^A-Za-z0-9_$.])(eval|Function)\(|new Function' | head -3; }
    expect_eq "wasm: ladder.js calls no eval and no Function constructor" "" "$(wa_eval "$WA_JS")"
    { cat "$WA_JS"; echo 'var f = new Function("return 1");'; } >"$WA/planted.js"
    [ -n "$(wa_eval "$WA/planted.js")" ] && pass "wasm: the same test flags a planted new Function" \
        || fail "wasm: the same test flags a planted new Function" "not flagged: the test cannot fail"
    wa_fails=$(grep -c '^FAIL ' "$WA/out")
    if [ "$wa_rc" != 0 ] && [ "$wa_fails" = 0 ]; then
        fail "wasm: wasm_compare.js ends well" "status $wa_rc; $(head -c 2000 "$WA/err")"
    elif [ -s "$WA/err" ]; then
        fail "wasm: wasm_compare.js writes nothing to stderr" "$(head -c 2000 "$WA/err")"
    fi
fi
