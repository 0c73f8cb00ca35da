#!/bin/sh
# editor-screenshot.sh - draws docs/editor.png, the picture of
# docs/editors.md: the top of examples/skills-map.ladder with one mistake
# (a promotion to a role with fewer soft skills), in headless Neovim with the
# Vim syntax and `ladderc lsp` (its diagnostic, and the hover on a role),
# rendered by headless chromium. Not part of the tests: run it
# by hand after a change to the syntax, the diagnostics or the hover.
# usage: scripts/editor-screenshot.sh [OUT.png]   (build ladderc first)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/docs/editor.png}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# the roles, the first moves and a company; principal moved left
sed -e '49,57d' -e '/^company amazon/,$d' "$root/examples/skills-map.ladder" |
    sed 's/^\(role principal .*\)at (45, 65)/\1at (38, 65)/' >"$tmp/skills-map.ladder"
(cd "$tmp" && HOME="$tmp" NS_ROOT="$root" NS_LADDERC="$root/build/ladderc" NS_FILE="$tmp/skills-map.ladder" \
    NS_HOVER='^role ()principal ' NS_OUT="$tmp/page.html" \
    timeout 60 nvim --headless -u NONE -i NONE -n -c "luafile $root/scripts/editor_screenshot.lua")
timeout 60 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,1290 \
    --screenshot="$out" "file://$tmp/page.html" >/dev/null 2>&1
echo "$out"
