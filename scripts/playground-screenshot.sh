#!/bin/sh
# playground-screenshot.sh - draws docs/playground.png, the picture of
# docs/playground.md (and the README): the playground from file:// in
# headless chromium (tests/tools/browser.py), on the skills map with one
# mistake typed after its 'years' lines (a role on a track that does not exist):
# the squiggle, the diagnostic in the list, the last good map kept beside.
# With --review DIR, draws instead what to look at after a change to the
# page's look: each view (the map with a mistake, a selection in the editor
# and a hover, the tables, the explorer, the framework's four tabs, the
# file-name form refusing a name) in the light and the dark scheme, in a
# 1360x820 and a narrow 700x900 window (exact viewports; the narrow ones
# whole, as the page scrolls), as DIR/WIDTHxHEIGHT-SCHEME-VIEW.png.
# Not part of the tests: run it by hand after a change to the page.
# usage: scripts/playground-screenshot.sh [OUT.png]   (make playground first)
#        scripts/playground-screenshot.sh --review DIR
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
review=
if [ "${1:-}" = --review ]; then
    [ -n "${2:-}" ] || { echo "usage: playground-screenshot.sh --review DIR" >&2; exit 2; }
    review=$2
    mkdir -p "$review"
fi
site=$root/build/playground
[ -f "$site/index.html" ] || { echo "playground-screenshot.sh: run make playground first" >&2; exit 2; }
if [ -n "$review" ]; then
    REVIEW=$review SITE=$site timeout 300 python3 - "$root/tests/tools" <<'PY'
import os, sys
sys.path.insert(0, sys.argv[1])
from browser import Browser
import playground_checks as pc

out, site = os.environ["REVIEW"], os.environ["SITE"]
with Browser() as b:
    for w, h in ((1360, 820), (700, 900)):
        for dark in (False, True):
            tag = "%dx%d-%s" % (w, h, "dark" if dark else "light")
            page = b.open("about:blank", dark=dark)
            page.call("Emulation.setDeviceMetricsOverride", {"width": w, "height": h, "deviceScaleFactor": 1,
                                                             "mobile": False})
            page.navigate("file://" + site + "/index.html")
            pc.wait_for(page, pc.READY, "the first map")

            def shot(view):
                page.eval("new Promise(r => setTimeout(r, 300))")
                page.screenshot(os.path.join(out, "%s-%s.png" % (tag, view)), full=w < 800)

            pc.focus_editor(page)
            pc.key(page, "Home", "Home", 36, modifiers=2)
            for _ in range(2):
                pc.key(page, "ArrowDown", "ArrowDown", 40, modifiers=8)
            pc.key(page, "End", "End", 35, modifiers=8)
            try:
                pc.hover_word(page, "senior_engineer", ".cm-tooltip-hover")
            except pc.BrowserError:
                pass        # the word out of sight in a small window: the selection alone
            shot("select-hover")
            page.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": 5, "y": 5})
            pc.to_end(page)
            pc.type_in(page, "\n" + pc.MISTAKE)
            pc.wait_for(page, "document.querySelector('#pg-diagnostics .diag-error')", "the diagnostic")
            shot("mistake")
            page.eval("document.getElementById('pg-view-tables').click()")
            shot("tables")
            page.eval("document.getElementById('pg-add').click()")
            page.eval("(() => { const i = document.getElementById('pg-name'); i.value = 'std/x.ladder';"
                      " document.getElementById('pg-name-form').requestSubmit(); })()")
            shot("name-refused")
            page.eval("document.getElementById('pg-name-cancel').click()")
            pc.choose_example(page, "framework")
            pc.settle(page)
            page.eval("document.getElementById('pg-view-explorer').click()")
            shot("explorer")
            pc.choose_example(page, "framework/ (several files)")
            pc.settle(page)
            page.eval("document.getElementById('pg-view-map').click()")
            shot("framework")
            if page.errors():
                sys.exit("the page reported errors: %s" % page.errors()[:2])
            page.close()
PY
    ls "$review"/*.png
    exit 0
fi
out=${1:-$root/docs/playground.png}
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
