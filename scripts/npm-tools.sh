#!/bin/sh
# npm-tools.sh - installs the npm packages the tests use into build/npm/:
# vscode-tmgrammar-test (the TextMate grammar's tests, issue 14) and what it
# brings, vscode-textmate and vscode-oniguruma (tests/suites/editors.sh
# tokenizes every example with them). The versions are pinned by
# tests/npm/package-lock.json and installed with `npm ci`: never globally,
# never a newer version than the lock names. Once installed (the lock in
# build/npm/ is the same as ours), it does nothing and needs no network.
# usage: scripts/npm-tools.sh [DEST]   (default: build/npm of the checkout)
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:-$root/build/npm}
lock=$root/tests/npm/package-lock.json

installed() {
    cmp -s "$lock" "$dest/package-lock.json" &&
        [ -f "$dest/node_modules/vscode-tmgrammar-test/package.json" ]
}

installed && exit 0
command -v npm >/dev/null 2>&1 || {
    echo "ladderc: npm is missing: run scripts/deps.sh test" >&2
    exit 1
}
mkdir -p "$dest"
# one install at a time (the test suite and deps.sh may both ask): the
# second waits, then finds it done
exec 9>"$dest/.lock"
flock 9
installed && exit 0
cp "$root/tests/npm/package.json" "$lock" "$dest/"
echo "ladderc: installing the npm test tools into $dest" >&2
(cd "$dest" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
installed
