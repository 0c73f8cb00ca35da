# playground-lang.sh - the playground's CodeMirror language for .ladder files
# (playground/src/lang.js), checked by tests/tools/playground_lang.mjs in one
# node process (it bundles lang.js with the playground's esbuild): every
# example (examples/, share/ladderc/std/), every valid case of tests/cases
# (exit status 0) and the TextMate grammar's own tests of blocks and
# statements (editors/vscode/test/) parsed as the editor parses them and
# tokenized with the TextMate grammar beside them:
#   - no character the grammar styles is left unstyled;
#   - the token classes agree (keyword, string, comment, number, level,
#     constant, operator, definition, variable, punctuation, invalid): no
#     character differs on any class (the issue asks it of keywords,
#     strings and comments), and no token of a valid file is invalid; the
#     rate of each class is printed;
#   - every reserved word of grammar/ladder.l gets the keyword style;
#   - files with a planted mistake of each kind the scanner rejects, and
#     the grammar's test of errors, get an invalid token (so the check can
#     fail);
#   - the colours pass WCAG AA (4.5:1) on the light and dark backgrounds;
#   - the indentation in blocks, the comment token, a byte-order mark, and
#     no throw on any prefix of any line nor on random characters.
# The npm packages come from scripts/npm-tools.sh: the playground's set
# (CodeMirror, esbuild) and the tests' (vscode-textmate, vscode-oniguruma);
# installed when missing, never skipped. ~2 s of CPU, no ladderc: once, in
# the normal run.
# Sourced by tests/run.sh (helpers: pass, fail).

if [ -n "${LADDERC_SANITIZED:-}" ]; then
    pass "playground-lang: checked by the normal run (no ladderc runs here)"
    return 0 2>/dev/null || exit 0
fi

PL="$TMP/playground-lang"
mkdir -p "$PL"

if ! { "$ROOT/scripts/npm-tools.sh" && "$ROOT/scripts/npm-tools.sh" playground; } >"$PL/npm.log" 2>&1; then
    fail "playground-lang: install the npm packages (scripts/npm-tools.sh, tests and playground)" \
        "$(tail -20 "$PL/npm.log")"
    return 0 2>/dev/null || exit 0
fi

pl_files=$(cd "$ROOT" && {
    find examples share/ladderc/std -name '*.ladder' | LC_ALL=C sort
    echo editors/vscode/test/blocks.test.ladder editors/vscode/test/statements.test.ladder | tr ' ' '\n'
    for f in tests/cases/*/*.ladder; do
        b=${f%.ladder}
        [ -f "$b.rc" ] && [ "$(cat "$b.rc")" != 0 ] && continue
        echo "$f"
    done
})
# one mistake of each kind the scanner rejects
printf 'box "A" L6-L8\n' >"$PL/bad-range.ladder"
printf 'years promotion 4+\n' >"$PL/bad-open-range.ladder"
printf 'role Staff "S" track ic level L5 at (1, 2)\n' >"$PL/bad-name.ladder"
printf 'role seniorEngineer "S" track ic level L5 at (1, 2)\n' >"$PL/bad-name-case.ladder"
printf 'a => b\n' >"$PL/bad-char.ladder"
printf 'ladder "a \\n b"\n' >"$PL/bad-escape.ladder"
printf 'ladder "a \001 b"\n' >"$PL/bad-control.ladder"
printf '# a comment \033[31m red\n' >"$PL/bad-comment.ladder"
printf 'role r "R" track ic level L5 at (1; 2)\n' >"$PL/bad-semicolon.ladder"
printf 'ladder "a"\r levels L1..L3\r\n' >"$PL/bad-cr.ladder"

# shellcheck disable=SC2086
(cd "$ROOT" && timeout 60 node tests/tools/playground_lang.mjs build/npm-playground/node_modules \
    build/npm/node_modules $pl_files --invalid "$PL"/bad-*.ladder editors/vscode/test/errors.test.ladder) >"$PL/lang.out" 2>&1
pl_rc=$?
pl_n=$(printf '%s\n' "$pl_files" | wc -l)
pl_summary=$(tail -1 "$PL/lang.out")
if [ "$pl_rc" = 0 ] && [ "$pl_n" -gt 150 ] && printf '%s\n' "$pl_summary" | grep -q "^$pl_n files, .* 0 problems$"; then
    pass "playground-lang: $pl_n files as the TextMate grammar reads them, every keyword styled, 11 files of mistakes flagged ($(tail -2 "$PL/lang.out" | head -1 | sed 's/.*by class: //'))"
else
    fail "playground-lang: $pl_n files as the TextMate grammar reads them, every keyword styled, 11 files of mistakes flagged" \
        "$(head -40 "$PL/lang.out")"
fi
