#!/bin/sh
# deps.sh - installs the Debian packages ladderc needs, when they are missing.
# usage: scripts/deps.sh build|wasm|playground|test|coverage
#   build:    what compiling ladderc needs
#   wasm:     that, plus emscripten (emcc) and node-acorn, which emcc's JS
#             optimizer needs (make wasm), and nodejs to run the result
#   playground: wasm's, plus npm, then the playground's npm packages
#             (scripts/npm-tools.sh playground: make playground)
#   test:     build's and wasm's (make check builds the WebAssembly module
#             and compares it with the command line under node), plus what
#             the tests use to check our output for real
#             (xmllint, cmark-gfm, pdfinfo and pdftotext from poppler-utils,
#             python3-yaml for the pull-request workflow of docs/diff.md,
#             chromium headless for the HTML page, neovim as the language
#             server's real client, node and npm for the TextMate grammar's
#             tests, whose npm packages scripts/npm-tools.sh then installs
#             into build/npm/), and
#             what the runner needs to run every test: script (bsdutils) for
#             the colour tests, setpriv and mount (util-linux) for the tests as
#             nobody and on a full disk, ps (procps) for the watchdog, timeout
#             (coreutils)
#   coverage: that, plus gcovr (make coverage; gcov comes with gcc)
# As root (or with password-less sudo) it runs apt-get; otherwise it stops
# and prints the exact command to run.
set -eu

build_pkgs="gcc make flex bison pkg-config libgraphviz-dev graphviz libjansson-dev"
wasm_pkgs="$build_pkgs emscripten node-acorn nodejs"
test_pkgs="$build_pkgs emscripten node-acorn chromium neovim nodejs libxml2-utils poppler-utils cmark-gfm jq pre-commit git valgrind clang libclang-rt-14-dev time hyperfine strace python3 python3-yaml bsdutils util-linux procps coreutils"
coverage_pkgs="$test_pkgs gcovr"

mode=${1:-build}
case $mode in
build) want=$build_pkgs ;;
wasm | playground) want=$wasm_pkgs ;;
test) want=$test_pkgs ;;
coverage) want=$coverage_pkgs ;;
*) echo "usage: $0 build|wasm|playground|test|coverage" >&2; exit 2 ;;
esac

missing=""
for p in $want; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
# Debian packs npm apart from nodejs; NodeSource's nodejs carries its own
{ [ "$mode" = playground ] || { [ "$want" != "$build_pkgs" ] && [ "$want" != "$wasm_pkgs" ]; }; } &&
    ! command -v npm >/dev/null 2>&1 && missing="$missing npm"
# the test tools, or the playground's packages, from npm (pinned; nothing to
# do once installed)
npm_tools() {
    case $mode in
    playground) "$(dirname "$0")/npm-tools.sh" playground ;;
    *) [ "$want" = "$build_pkgs" ] || [ "$want" = "$wasm_pkgs" ] || "$(dirname "$0")/npm-tools.sh" ;;
    esac
}
[ -z "$missing" ] && { npm_tools; exit 0; }

echo "ladderc: installing missing Debian packages:$missing"
if [ "$(id -u)" = 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo"
else
    echo "ladderc: cannot install packages without root; run:" >&2
    echo "  sudo apt-get install -y$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
$sudo apt-get install -y -q $missing >/dev/null 2>&1 || {
    $sudo apt-get update -q >/dev/null
    $sudo apt-get install -y -q $missing
}
npm_tools
