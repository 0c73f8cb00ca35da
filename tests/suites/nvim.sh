# nvim.sh - headless Neovim (Debian's neovim 0.7, installed by
# scripts/deps.sh test) as a real client of `ladderc lsp` (issue 14), through
# the Neovim snippet we ship (editors/vim/lua/ladder_lsp.lua), and the Vim
# files of editors/vim (filetype, commentstring, syntax groups). The checks
# are in tests/tools/nvim_lsp.lua; each writes a line "ok NAME" or
# "FAIL NAME: WHY", counted here. The client opens examples/skills-map.ladder
# with one mistake (a role's id misspelt in a move) and a line out of the
# canonical layout, waits for the diagnostic, asks for the hover on it (the
# `explain` text of its code) and for its quick fix, applies the fix (an
# incremental change), waits for the diagnostic to go, then asks for the
# hover on a role, definition, references, completion after '->', the
# outline, prepareRename, a rename that would clash (refused), a rename
# (applied to the buffer) and formatting (the bytes of `ladderc fmt` of the
# buffer: the server's copy of the text followed every change). Every
# wait polls under a bound only a hang reaches; the whole run is under
# timeout. ~0.2 s of CPU; under the sanitizers too (the server's memory
# through a real client's messages).
# Sourced by tests/run.sh (helpers: pass, fail).

NV="$TMP/nvim"
mkdir -p "$NV"
sed -e 's/^senior_engineer  -> staff_engineer$/senior_engineer  -> staff_enginer/' \
    -e 's/^ladder "/ladder    "/' "$ROOT/examples/skills-map.ladder" >"$NV/map.ladder"

if ! command -v nvim >/dev/null 2>&1; then
    fail "nvim: neovim is missing (scripts/deps.sh test installs it)"
    return 0 2>/dev/null || exit 0
fi

# the file has the mistake and the line to format (the test's premises)
if grep -q 'staff_enginer$' "$NV/map.ladder" && grep -q '^ladder    "' "$NV/map.ladder"; then
    pass "nvim: the test ladder has its mistake"
else
    fail "nvim: the test ladder has its mistake" "examples/skills-map.ladder changed: update nvim.sh's sed"
fi

(cd "$NV" && HOME="$NV" XDG_CONFIG_HOME="$NV/config" XDG_DATA_HOME="$NV/data" XDG_STATE_HOME="$NV/state" \
    NL_ROOT="$ROOT" NL_LADDERC="$LADDERC" NL_SYNTAX="$ROOT/examples/skills-map.ladder" \
    NL_FILE="$NV/map.ladder" NL_OUT="$NV/results" \
    timeout 120 nvim --headless -u NONE -i NONE -n \
        -c "lua local ok, e = pcall(dofile, '$ROOT/tests/tools/nvim_lsp.lua') io.stderr:write(tostring(e), '\\n') vim.cmd('cquit 3')") \
    >"$NV/stdout" 2>&1
nv_rc=$?
if [ "$nv_rc" != 0 ] || [ ! -s "$NV/results" ]; then
    fail "nvim: headless Neovim ran the checks (status $nv_rc)" "$(tail -20 "$NV/stdout")"
fi
[ -f "$NV/results" ] || : >"$NV/results"
# a script error (caught above: Neovim quits with status 3) leaves the last checks unwritten
grep -q '^[a-zA-Z]* shutdown' "$NV/results" 2>/dev/null ||
    fail "nvim: the checks ran to the end" "$(tail -n 5 "$NV/results" "$NV/stdout" 2>&1)"
while IFS= read -r nv_line; do
    case $nv_line in
    "ok "*) pass "nvim: ${nv_line#ok }" ;;
    *) fail "nvim: ${nv_line#FAIL }" ;;
    esac
done <"$NV/results"
