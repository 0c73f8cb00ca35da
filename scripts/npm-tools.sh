#!/bin/sh
# npm-tools.sh - installs pinned npm packages into the build tree, never
# globally, never a newer version than the lock names. Two sets:
#   tests       (default) into build/npm/: vscode-tmgrammar-test (the
#               TextMate grammar's tests, issue 14) and what it brings,
#               vscode-textmate and vscode-oniguruma (tests/suites/editors.sh
#               tokenizes every example with them); pinned by
#               tests/npm/package-lock.json
#   playground  into build/npm-playground/: what `make playground` bundles
#               (CodeMirror 6, @hpcc-js/wasm-graphviz, markdown-it) and the
#               bundler, esbuild; pinned by playground/package-lock.json
# Installed with `npm ci --ignore-scripts` (no package runs code at install;
# esbuild's binary comes as its platform package, which the lock names).
# Once installed (the lock in DEST is the same as ours), it does nothing and
# needs no network.
# usage: scripts/npm-tools.sh [tests|playground] [DEST]
#        scripts/npm-tools.sh DEST            (the tests' set into DEST)
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
set_name=tests
case "${1:-}" in
tests | playground) set_name=$1; shift ;;
esac
case $set_name in
tests)
    src=$root/tests/npm
    dest=${1:-$root/build/npm}
    # a package the set cannot work without: its presence says the install finished
    probe=vscode-tmgrammar-test
    ;;
playground)
    src=$root/playground
    dest=${1:-$root/build/npm-playground}
    probe=esbuild
    ;;
esac
lock=$src/package-lock.json

installed() {
    cmp -s "$lock" "$dest/package-lock.json" &&
        [ -f "$dest/node_modules/$probe/package.json" ]
}

installed && exit 0
command -v npm >/dev/null 2>&1 || {
    echo "ladderc: npm is missing: run scripts/deps.sh test" >&2
    exit 1
}
mkdir -p "$dest"
# one install at a time (the test suite, make and deps.sh may all ask): the
# second waits, then finds it done
exec 9>"$dest/.lock"
flock 9
installed && exit 0
# the lock last: until npm ci succeeds, installed() stays false
rm -f "$dest/package-lock.json"
cp "$src/package.json" "$dest/"
echo "ladderc: installing the npm packages ($set_name) into $dest" >&2
cp "$lock" "$dest/package-lock.json.new"
mv "$dest/package-lock.json.new" "$dest/package-lock.json"
(cd "$dest" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2) || {
    rm -f "$dest/package-lock.json"
    exit 1
}
installed
