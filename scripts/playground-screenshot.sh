#!/bin/sh
# playground-screenshot.sh - draws docs/playground.png, the picture of
# docs/playground.md (and the README): the playground from file:// in
# headless chromium (tests/tools/browser.py), on the skills map with one
# mistake typed after its 'years' lines (a role on a track that does not exist):
# the squiggle, the diagnostic in the list, the last good map kept beside.
# Not part of the tests: run it by hand after a change to the page.
# usage: scripts/playground-screenshot.sh [OUT.png]   (make playground first)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/docs/playground.png}
site=$root/build/playground
[ -f "$site/index.html" ] || { echo "playground-screenshot.sh: run make playground first" >&2; exit 2; }
OUT=$out SITE=$site timeout 60 python3 - "$root/tests/tools" <<'PY'
import os, sys
sys.path.insert(0, sys.argv[1])
from browser import Browser
import playground_checks as pc

with Browser(width=1360, height=820) as b:
    page = b.open("file://" + os.environ["SITE"] + "/index.html")
    pc.wait_for(page, pc.READY, "the first map")
    pc.focus_editor(page)
    pc.key(page, "Home", "Home", 36, modifiers=2)
    for _ in range(20):
        pc.key(page, "ArrowDown", "ArrowDown", 40)
    pc.type_in(page, 'role vp_data "VP of Data" track data level L10 at (80, 70)\n')
    pc.wait_for(page, "document.querySelector('#pg-diagnostics .diag-error')", "the diagnostic")
    # the mistake's line in view, the cursor off it (the squiggle shows)
    page.eval("document.getElementById('pg-editor').shadowRoot.querySelector('.cm-content').blur()")
    page.eval("new Promise(r => setTimeout(r, 300))")
    if page.errors():
        sys.exit("the page reported errors: %s" % page.errors()[:2])
    page.screenshot(os.environ["OUT"])
PY
echo "$out"
