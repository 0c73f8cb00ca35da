# playground-share.sh - the playground's share format (playground/src/share.js:
# the files in the address's fragment), checked by
# tests/tools/playground_share.mjs in one node process: a decompression
# bomb refused in bounded memory; round trips of every example, of the
# framework's folder as one set, of random texts (NUL, CR LF, emoji, lone
# surrogates); the same fragment for the same files; every rejection (not
# text, version, base64url, every truncation and changed character of a
# fragment, not UTF-8, not JSON, the wrong shape, too many files, each kind
# of bad name, a text that is not a string, the cap and one byte over, a
# fragment too long) a ShareError, from decodeShare and encodeShare alike.
# share.js imports nothing: no npm package, no ladderc. ~0.7 s of CPU: once,
# in the normal run.
# Sourced by tests/run.sh (helpers: pass, fail).

if [ -n "${LADDERC_SANITIZED:-}" ]; then
    pass "playground-share: checked by the normal run (no ladderc runs here)"
    return 0 2>/dev/null || exit 0
fi

PS="$TMP/playground-share"
mkdir -p "$PS"

# shellcheck disable=SC2046
(cd "$ROOT" && timeout 60 node tests/tools/playground_share.mjs examples/framework \
    $(find examples share/ladderc/std -name '*.ladder' | LC_ALL=C sort)) >"$PS/share.out" 2>&1
ps_rc=$?
ps_summary=$(tail -1 "$PS/share.out")
if [ "$ps_rc" = 0 ] && printf '%s\n' "$ps_summary" | grep -q '^[0-9]* round trips, [0-9]* rejections, 0 problems$' &&
        [ "$(printf '%s\n' "$ps_summary" | cut -d' ' -f1)" -gt 100 ] &&
        [ "$(printf '%s\n' "$ps_summary" | cut -d' ' -f4)" -gt 300 ]; then
    pass "playground-share: $ps_summary ($(grep -E '^fragment: examples/(skills-map.ladder|framework/ )' "$PS/share.out" |
        sed 's/^fragment: //' | tr '\n' ';' | sed 's/;$//; s/;/, /'))"
else
    fail "playground-share: round trips, rejections, the cap" "$(head -40 "$PS/share.out")"
fi
