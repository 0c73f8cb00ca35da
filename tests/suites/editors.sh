# editors.sh - the editors' files of issue 14 (editors/vscode, editors/vim is
# checked by nvim.sh):
#   1. the TextMate grammar's own tests (editors/vscode/test/*.test.ladder,
#      scope assertions for every construct) with vscode-tmgrammar-test;
#   2. every example (examples/, share/ladderc/std/) and every valid case
#      of tests/cases (exit status 0) tokenized as VS Code tokenizes it
#      (tests/tools/tm_tokens.js: vscode-textmate + vscode-oniguruma): no
#      token gets an `invalid` scope, every reserved word a keyword scope;
#      and files with a mistake of each kind do get one (the check can fail);
#   3. the extension's files: package.json names files that exist, the
#      language configuration is JSON, extension.js parses.
# The npm tools come from scripts/npm-tools.sh (pinned by
# tests/npm/package-lock.json, into build/npm/): installed when missing,
# never skipped; once installed, no network. ~1 s of CPU, no ladderc: once,
# in the normal run.
# Sourced by tests/run.sh (helpers: pass, fail).

if [ -n "${LADDERC_SANITIZED:-}" ]; then
    pass "editors: checked by the normal run (no ladderc runs here)"
    return 0 2>/dev/null || exit 0
fi

ED="$TMP/editors"
mkdir -p "$ED"
ed_vsc="$ROOT/editors/vscode"
ed_grammar="$ed_vsc/syntaxes/ladder.tmLanguage.json"
ed_modules="$ROOT/build/npm/node_modules"

if ! "$ROOT/scripts/npm-tools.sh" >"$ED/npm.log" 2>&1; then
    fail "editors: install the npm test tools (scripts/npm-tools.sh)" "$(tail -20 "$ED/npm.log")"
    return 0 2>/dev/null || exit 0
fi

# 1. the grammar's tests
if (cd "$ROOT" && timeout 60 "$ed_modules/.bin/vscode-tmgrammar-test" -c -g "$ed_grammar" \
        'editors/vscode/test/*.test.ladder') >"$ED/unit.out" 2>&1; then
    pass "editors: grammar tests (editors/vscode/test)"
else
    fail "editors: grammar tests (editors/vscode/test)" "$(grep -v '^✓' "$ED/unit.out" | head -40)"
fi

# 2. every example and valid case, and files with a mistake of each kind
ed_files=$(cd "$ROOT" && {
    find examples share/ladderc/std -name '*.ladder' | LC_ALL=C sort
    for f in tests/cases/*/*.ladder; do
        b=${f%.ladder}
        [ -f "$b.rc" ] && [ "$(cat "$b.rc")" != 0 ] && continue
        echo "$f"
    done
})
printf 'box "A" L6-L8\n' >"$ED/bad-range.ladder"
printf 'role Staff "S" track ic level L5 at (1, 2)\n' >"$ED/bad-name.ladder"
printf 'a => b\n' >"$ED/bad-char.ladder"
printf 'ladder "a \\n b"\n' >"$ED/bad-escape.ladder"
# shellcheck disable=SC2086
(cd "$ROOT" && timeout 60 node tests/tools/tm_tokens.js "$ed_modules" "$ed_grammar" $ed_files \
    --invalid "$ED"/bad-*.ladder) >"$ED/tokens.out" 2>&1
ed_rc=$?
ed_n=$(printf '%s\n' "$ed_files" | wc -l)
if [ "$ed_rc" = 0 ] && [ "$ed_n" -gt 150 ] && tail -1 "$ED/tokens.out" | grep -q "^$ed_n files, .* 0 problems$"; then
    pass "editors: $ed_n examples and valid cases tokenized: no invalid scope, every keyword a keyword"
else
    fail "editors: $ed_n examples and valid cases tokenized: no invalid scope, every keyword a keyword" \
        "$(head -40 "$ED/tokens.out")"
fi

# 3. the extension's files
if (cd "$ed_vsc" && timeout 30 node -e '
const fs = require("fs");
const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
const c = pkg.contributes;
const need = [pkg.main, c.languages[0].configuration, c.grammars[0].path];
for (const f of need) fs.accessSync(f);
JSON.parse(fs.readFileSync(c.languages[0].configuration, "utf8"));
const g = JSON.parse(fs.readFileSync(c.grammars[0].path, "utf8"));
if (g.scopeName !== c.grammars[0].scopeName) throw new Error("scopeName differs: " + g.scopeName);
if (!pkg.dependencies["vscode-languageclient"]) throw new Error("no vscode-languageclient");
' && node --check extension.js) >"$ED/ext.out" 2>&1; then
    pass "editors: the VS Code extension's files"
else
    fail "editors: the VS Code extension's files" "$(head -20 "$ED/ext.out")"
fi
