# lsp.sh - `ladderc lsp`, the language server, driven by a scripted client
# (tests/tools/lsp_client.py: JSON-RPC over pipes, every answer awaited
# for at most 20 s, so a hang fails): the lifecycle (initialize and its
# position encoding, requests before it (-32002) and after shutdown
# (-32600), exit's status 0 or 1), malformed messages (bad JSON, invalid
# UTF-8, deep nesting, a non-object, a batch, a missing, wrong, too short or
# huge Content-Length: each answered with the protocol's error and the
# server still serving), unknown methods, requests about a closed document,
# edits with ranges past the end, reversed or inside a surrogate pair,
# diagnostics with positions in UTF-16 units (and in bytes when utf-8 is
# negotiated) on a line with accents and an emoji, hover on a diagnostic
# (its explain text), formatting (ladderc fmt's bytes, none for a
# formatted file or one with syntax errors), definition, references,
# prepareRename and rename across an imported file (a clash refused), an
# imported file open in the editor read as edited, its diagnostics on its
# own URI with the import as related information, and cleared on close.
# The stress half (a 10 MB document within 20 times its size of memory, a
# body over the 64 MB cap read and dropped without holding it, a
# thousand changes in a row all applied) runs in the normal run only: the
# sanitized run (LADDERC_SANITIZED) runs the protocol's edge cases, which
# are the memory-safety ones (--quick).
# Sourced by tests/run.sh (helpers: pass, fail).
#
# Cost: about 1 s of CPU (the client's python and ten servers).

LS_QUICK=${LADDERC_SANITIZED:+--quick}
# shellcheck disable=SC2086
timeout 300 python3 "$ROOT/tests/tools/lsp_client.py" "$LADDERC" $LS_QUICK >"$TMP/lsp.out" 2>&1
ls_rc=$?
ls_n=0
while IFS= read -r ls_line; do
    case $ls_line in
    "pass "*) pass "lsp: ${ls_line#pass }"; ls_n=$((ls_n + 1)) ;;
    "fail "*) fail "lsp: ${ls_line#fail }"; ls_n=$((ls_n + 1)) ;;
    *) fail "lsp: client said: $ls_line" ;;
    esac
done <"$TMP/lsp.out"
# the client ran every test it has (none lost to a crash of the client)
ls_want=11
[ -n "$LS_QUICK" ] && ls_want=8
if [ "$ls_n" -eq "$ls_want" ] && { [ "$ls_rc" -eq 0 ] || [ "$ls_rc" -eq 1 ]; }; then
    pass "lsp: the client ran its $ls_want tests"
else
    fail "lsp: the client ran $ls_n tests of $ls_want (status $ls_rc)"
fi

# the command's own usage
if timeout 10 "$LADDERC" lsp --help | grep -q '^usage: ladderc lsp' && ! timeout 10 "$LADDERC" lsp extra </dev/null 2>/dev/null; then
    pass "lsp: --help, and an argument refused"
else
    fail "lsp: --help, and an argument refused"
fi

# input from a regular file (no client waiting): the changes are checked at
# its end, and the diagnostics written before the server exits (status 1:
# no shutdown)
python3 - "$TMP/lsp-in.bin" <<'PY'
import json, sys
def frame(o):
    b = json.dumps(o).encode()
    return b"Content-Length: %d\r\n\r\n" % len(b) + b
with open(sys.argv[1], "wb") as f:
    f.write(frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}))
    f.write(frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": "file:///nowhere/a.ladder", "version": 1, "text": "levels L1..L0\n"}}}))
PY
timeout 30 "$LADDERC" lsp <"$TMP/lsp-in.bin" >"$TMP/lsp-file.out" 2>"$TMP/lsp-file.err"
ls_rc=$?
if [ "$ls_rc" -eq 1 ] && grep -q '"code":"E115"' "$TMP/lsp-file.out" && [ ! -s "$TMP/lsp-file.err" ]; then
    pass "lsp: input from a file, checked at its end"
else
    fail "lsp: input from a file, checked at its end" "status $ls_rc; $(tail -c 300 "$TMP/lsp-file.out")"
fi
