#!/usr/bin/env python3
"""html_checks.py - the HTML page in a real browser (tests/suites/html-browser.sh).

    html_checks.py LADDERC WORK NAME=FILE.ladder... [--shots DIR] [--random N]

For each ladder, writes WORK/NAME.html with `LADDERC build -T html`, opens it
in one headless chromium (tests/tools/browser.py; one browser process for
the whole run, a tab per page) and checks what a reader gets: every role's
section, no console error, exception or CSP report, no network request, the
script's explorer answering as `ladderc path` and `ladderc gap --route` do,
the search, the keyboard, deep links, dark mode and print. A ladder named
"injection" is also checked for scripts that must not have run.

Prints one line per check, "ok NAME" or "FAIL NAME" followed by indented
details; exits 0 (the shell counts the lines). --shots DIR saves the
screenshots (the top of each page, the explorer with an answer, dark mode)
for a person to look at. --random N adds N random small ladders (seeds 0 to
N - 1), every pair of roles against `ladderc path` and `ladderc gap`.
"""
import base64
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser import Browser, BrowserError  # noqa: E402

ROUTES_MAX = 5      # the explorer's first answer; "More routes" doubles it

# The routes shown, as `ladderc path` prints them (names from the links)
READ_ROUTES = r"""(() => [...document.querySelectorAll('#explorer-result li.route')].map(li => {
  const steps = [...li.querySelectorAll('li.route-step')];
  let s = li.dataset.years + ' years: ' + steps[0].querySelector('.step-line a').textContent;
  for (const st of steps)
    s += ' -(' + st.dataset.kind + ')-> ' + st.querySelectorAll('.step-line a')[1].textContent;
  const u = li.querySelector('.route-unknown');
  return u ? s + ' ' + u.textContent : s;
}))()"""

# The first route's moves and what each grows, as data
READ_GROWTH = r"""(() => {
  const li = document.querySelector('#explorer-result li.route');
  if (!li) return null;
  return {years: li.dataset.years, steps: [...li.querySelectorAll('li.route-step')].map(st => ({
    from: st.dataset.from, to: st.dataset.to, kind: st.dataset.kind, years: st.dataset.years,
    names: [...st.querySelectorAll('.step-line a')].map(a => a.textContent),
    bare: st.querySelector('.step-bare') ? st.querySelector('.step-bare').textContent : null,
    none: !!st.querySelector('.step-none'),
    grow: [...st.querySelectorAll('li.grow')].map(g => ({id: g.dataset.competency,
      from: +g.dataset.from, to: +g.dataset.to, text: g.textContent}))}))};
})()"""


def go_hash(hash_):
    """JS: sets location.hash and resolves after the page's hashchange handlers."""
    return ("new Promise(res => { if (location.hash === %s) { res(); return; }"
            " addEventListener('hashchange', () => setTimeout(res, 0), {once: true});"
            " location.hash = %s; })" % (json.dumps(hash_), json.dumps(hash_)))


class Run:
    def __init__(self, ladderc, work, shots):
        self.ladderc, self.work, self.shots = ladderc, work, shots

    def ok(self, name):
        print("ok " + name)

    def fail(self, name, detail=""):
        print("FAIL " + name)
        for line in str(detail).splitlines()[:40]:
            print("    " + line)

    def expect(self, name, want, got):
        if want == got:
            self.ok(name)
        else:
            self.fail(name, "want: %r\ngot:  %r" % (want, got))

    def ladderc_out(self, *args):
        res = subprocess.run([self.ladderc] + list(args), capture_output=True, text=True, timeout=60)
        return res.returncode, res.stdout

    def shot(self, page, name, full=False):
        if self.shots:
            page.screenshot(os.path.join(self.shots, name + ".png"), full=full)


def clip40(s):
    """A name as `gap` text writes it in a move's line (40 code points and …)."""
    return s if len(s) <= 40 else s[:40] + "\u2026"


def growth_text(model, dom):
    """The "Fastest route" part of `ladderc gap --route`, from what the page shows."""
    comps = {c["id"]: c for c in model.get("competencies", [])}
    n = len(dom["steps"])
    lines = ["Fastest route: %s years, %d %s" % (dom["years"], n, "move" if n == 1 else "moves")]
    for i, st in enumerate(dom["steps"]):
        lines.append("%d. %s -(%s)-> %s, %s years" % (i + 1, st["names"][0], st["kind"], st["names"][1], st["years"]))
        if st["bare"] is not None:
            lines.append("   " + st["bare"][0].lower() + st["bare"][1:])
        elif st["none"]:
            lines.append("   grows no competency")
        for g in st["grow"]:
            c = comps[g["id"]]
            rung = lambda r: c["rungs"][r - 1]["name"]
            lines.append("   +%d %s: %d %s -> %d %s" % (g["to"] - g["from"], clip40(c["name"]), g["from"],
                                                       clip40(rung(g["from"])), g["to"], clip40(rung(g["to"]))))
    return lines


def growth_shown_as_said(model, dom):
    """Each growth line reads '+N NAME: A RUNG → B RUNG' in full."""
    comps = {c["id"]: c for c in model.get("competencies", [])}
    bad = []
    for st in dom["steps"]:
        for g in st["grow"]:
            c = comps[g["id"]]
            want = "+%d %s: %d %s \u2192 %d %s" % (g["to"] - g["from"], c["name"], g["from"],
                                                   c["rungs"][g["from"] - 1]["name"], g["to"],
                                                   c["rungs"][g["to"] - 1]["name"])
            if g["text"] != want:
                bad.append((want, g["text"]))
    return bad


def check_routes(run, page, name, ladder, model, pairs):
    """The explorer against `ladderc path --max N` (every route, in order)
    and `ladderc gap --route` (the first route's moves and growth)."""
    has_comps = bool(model.get("competencies"))
    for a, b, mx in pairs:
        label = "%s: explorer %s..%s%s" % (name, a, b, "" if mx == ROUTES_MAX else " (more: %d)" % mx)
        page.eval(go_hash("#route=%s..%s%s" % (a, b, "" if mx == ROUTES_MAX else "&max=%d" % mx)))
        got = page.eval(READ_ROUTES)
        rc, out = run.ladderc_out("path", "--max", str(mx), ladder, a, b)
        want = out.splitlines()
        if rc not in (0, 1):
            run.fail(label + ": ladderc path ran", "exit %d" % rc)
            continue
        run.expect(label + " lists the routes of ladderc path --max %d" % mx, want, got)
        if not want:
            shown = page.eval("document.querySelector('#explorer-result .explorer-summary').textContent")
            run.expect(label + " says there is no route", True, shown.startswith("No route from"))
        if not want:
            continue
        dom = page.eval(READ_GROWTH)
        if not has_comps:
            run.expect(label + ": no growth without competencies", 0,
                       page.eval("document.querySelectorAll('#explorer-result .step-grows').length"))
            continue
        rc, out = run.ladderc_out("gap", "--route", ladder, a, b)
        lines = out.splitlines()
        want_growth = lines[lines.index(next(x for x in lines if x.startswith("Fastest route:"))):] if rc == 0 else None
        if want_growth is None:
            # gap refuses a role without rungs; the page still shows the route
            run.ok(label + ": gap --route refuses (exit %d), the page shows the route" % rc)
            continue
        run.expect(label + ": each move grows what ladderc gap --route says", want_growth, growth_text(model, dom))
        rc, out = run.ladderc_out("gap", "-T", "json", ladder, a, b)
        gap = json.loads(out)
        shown = page.eval("[...document.querySelectorAll('#explorer-result .gap-item')].map(li =>"
                          " [li.dataset.competency, li.dataset.status, li.dataset.gap === undefined ? null : +li.dataset.gap])")
        run.expect(label + ": the whole gap, in ladderc gap's order", [[c["id"], c["status"], c["gap"]] for c in gap["competencies"]], shown)
        counts = page.eval("document.querySelector('#explorer-result .gap-counts').textContent")
        run.expect(label + ": the gap's counts as ladderc gap words them", True, lines[0].endswith(": " + counts))
        bad = growth_shown_as_said(model, dom)
        run.expect(label + ": growth lines name the competency and both rungs", [], bad)


def check_more(run, page, name, ladder):
    """'More routes' is a link to the same pair with twice the routes."""
    more = page.eval("(() => { const a = document.querySelector('#explorer-result .explorer-more');"
                     " return a ? a.getAttribute('href') : null; })()")
    if more is None:
        run.fail(name + ": 'More routes' after %d routes" % ROUTES_MAX, "no link")
        return
    run.expect(name + ": 'More routes' asks for %d" % (2 * ROUTES_MAX), True, more.endswith("&max=%d" % (2 * ROUTES_MAX)))


def check_page(run, page, name, model):
    errors = page.errors()
    run.expect(name + ": the script ran", "ready", page.eval("document.documentElement.dataset.script || null"))
    ids = page.eval("[...document.querySelectorAll('section.role')].map(s => s.id)")
    run.expect(name + ": a section per role, with the role's id", ["role-" + r["id"] for r in model["roles"]], ids)
    run.expect(name + ": the selects list every role", len(model["roles"]) * 2,
               page.eval("document.querySelectorAll('#explorer-from option[value]:not([value=\"\"]),"
                         " #explorer-to option[value]:not([value=\"\"])').length"))
    return errors


def check_injection(run, page, name, model):
    run.expect(name + ": no payload ran", "undefined", page.eval("typeof window.__pwned"))
    run.expect(name + ": two script elements, the model's and the page's", [["application/json", "ladder-data"], ["", ""]],
               page.eval("[...document.scripts].map(s => [s.type, s.id])"))
    run.expect(name + ": no element has an event handler attribute", [],
               page.eval("[...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a =>"
                         " a.name.startsWith('on'))).map(e => e.outerHTML.slice(0, 80))"))
    run.expect(name + ": no img or iframe came from a name", 0,
               page.eval("document.querySelectorAll('img:not([src^=\"data:\"]), iframe, object, embed').length"))
    heads = page.eval("[...document.querySelectorAll('section.role h3')].map(h => h.textContent)")
    names = [r["name"] for r in model["roles"]]
    run.expect(name + ": role names shown as their very characters",
               [True] * len(names), [any(n in h for h in heads) for n in names])
    opts = page.eval("[...document.querySelectorAll('#explorer-from option')].map(o => o.textContent)")
    run.expect(name + ": names in the explorer's selects as text", [True] * len(names),
               [any(o.startswith(n + " (") for o in opts) for n in names])


def check_search(run, page, name, role_id, query):
    page.eval("(() => { const i = document.getElementById('search-input'); i.value = ''; i.focus(); })()")
    page.type_text(query)
    links = page.eval("[...document.querySelectorAll('#search-results a')].map(a => a.getAttribute('href'))")
    run.expect("%s: search '%s' finds #role-%s" % (name, query, role_id), True, "#role-" + role_id in links)
    # keyboard: ArrowDown to the first result, Enter follows it
    first = links[0] if links else None
    page.key("ArrowDown")
    focused = page.eval("document.activeElement.getAttribute('href')")
    run.expect(name + ": ArrowDown from the search box focuses the first result", first, focused)
    page.key("Enter", text="\r")
    page.eval("new Promise(res => setTimeout(res, 50))")
    run.expect(name + ": Enter on a result goes to its role, highlighted", [first, True],
               page.eval("[location.hash, !!document.querySelector(location.hash + '.is-target')]"))


def check_keyboard(run, page, name):
    """Tab from the top reaches the search, a role of the map and both of
    the explorer's selects; choosing with the keyboard and Enter answers."""
    page.eval("(() => { window.__focus = []; document.addEventListener('focusin', e => { const t = e.target;"
              " const href = t.getAttribute('href') || t.getAttributeNS('http://www.w3.org/1999/xlink', 'href');"
              " window.__focus.push(t.id || (t.closest('svg') && href ? 'map:' + href : t.tagName)); }); document.activeElement.blur(); window.scrollTo(0, 0); })()")
    want = {"search-input", "explorer-from", "explorer-to"}
    seen = []
    for _ in range(24):
        for _ in range(25):
            page.key("Tab")
        seen = page.eval("window.__focus")
        if want <= set(seen) and any(s.startswith("map:#role-") for s in seen):
            break
    run.expect(name + ": Tab reaches the search box and both selects", True, want <= set(seen))
    run.expect(name + ": Tab reaches the map's role links", True, any(s.startswith("map:#role-") for s in seen))
    order = [s for s in seen if s in ("explorer-from", "explorer-to")][:2]
    run.expect(name + ": From comes before To", ["explorer-from", "explorer-to"], order)
    # the keyboard alone: focus From, pick with the arrows, To, then Enter
    page.eval("(() => { history.replaceState(null, '', location.pathname); const f = document.getElementById('explorer-from');"
              " f.value = ''; document.getElementById('explorer-to').value = ''; f.focus(); })()")
    page.key("ArrowDown")
    page.key("ArrowDown")
    page.key("Tab")     # the Swap button
    page.key("Tab")     # To
    page.key("ArrowDown")
    page.key("Tab")     # Show routes
    page.key("Enter", text="\r")
    page.eval("new Promise(res => setTimeout(res, 50))")
    got = page.eval("[document.getElementById('explorer-from').value, document.getElementById('explorer-to').value,"
                    " location.hash, !!document.querySelector('#explorer-result .explorer-summary, #explorer-result .explorer-message')]")
    run.expect(name + ": roles chosen with the arrow keys, Enter answers in the fragment",
               True, bool(got[0]) and bool(got[1]) and got[2].startswith("#route=" + got[0] + ".." + got[1]) and got[3])


def check_links(run, page, name, model):
    """Deep links: #role-ID is highlighted; other fragments do no harm."""
    rid = model["roles"][-1]["id"]
    page.eval(go_hash("#role-" + rid))
    run.expect(name + ": #role-%s is highlighted" % rid, [True, 1],
               page.eval("[document.getElementById('role-%s').classList.contains('is-target'),"
                         " document.querySelectorAll('.is-target').length]" % rid))
    for frag in ("#role-nobody", "#route=nobody..nothing", "#route=" + rid + ".." + rid, "#%3Cimg%20src=x%3E", "#route=",
                 "#role-" + rid + "%22%3E"):
        page.eval(go_hash(frag))
    run.expect(name + ": unknown fragments highlight nothing", 0, page.eval("document.querySelectorAll('.is-target').length"))
    run.expect(name + ": an unknown role in #route= says so", True,
               page.eval("document.querySelector('#explorer-result').textContent.length > 0"))


def check_themes(run, page, name):
    """Dark mode and print, emulated on the open page (no reload)."""
    body = "getComputedStyle(document.body).backgroundColor"
    page.emulate(dark=False)
    bg_light = page.eval(body)
    page.emulate(dark=True)
    bg_dark = page.eval(body)
    run.expect(name + ": dark mode changes the background (%s, %s)" % (bg_light, bg_dark), True, bg_light != bg_dark)
    page.eval("window.scrollTo(0, 0)")
    run.shot(page, name + "-dark")
    page.emulate(media="print")
    run.expect(name + ": print hides the explorer and the search", ["none", "none"],
               page.eval("['explorer', 'search'].map(i => getComputedStyle(document.getElementById(i)).display)"))
    page.emulate()


def check_printed(run, page, name, model):
    """The page printed (chromium's PDF, read back by pdftotext): every
    role's name is in it, even the sections the screen lays out only near
    the viewport (content-visibility), and the explorer's heading is not."""
    data = page.call("Page.printToPDF", {})["data"]
    pdf = os.path.join(run.work, name + ".pdf")
    with open(pdf, "wb") as f:
        f.write(base64.b64decode(data))
    res = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True)
    text = " ".join(res.stdout.split())
    run.expect(name + ": printed, every role's name is on paper", [], [r["name"] for r in model["roles"]
                                                                    if " ".join(r["name"].split()) not in text])
    run.expect(name + ": printed, no route explorer", False, "Route explorer" in text)


YEARS = ["0", "0.5", "1", "1.5", "2", "3", "0.25", "0.000001", "7"]


def random_ladder(seed):
    """A small ladder full of ties, cycles, open and unknown years, and
    rungs set, unset, rising and falling (the slow tier's differential)."""
    import random
    from fractions import Fraction
    rnd = random.Random(seed)
    n = rnd.randint(3, 8)
    levels = [rnd.randint(5, 7) for _ in range(n)]
    p = rnd.choice([0.3, 0.5, 0.8])
    pairs = [(i, j) for i in range(n) for j in range(n) if i != j and rnd.random() <= p]
    rnd.shuffle(pairs)
    lines = ["levels L3..L11", 'track ic "IC"']
    for kind in ("promotion", "lateral", "downward"):
        years = rnd.choice([None, "1..2", "0.5..3", "2..2", "1.."])
        if years:
            lines.append("years %s %s" % (kind, years))
    lines += ['competency c%d "C%d" %s {\n  1 "One"\n  2 "Two"\n  3 "Three"\n}' % (k, k, ("hard", "soft")[k % 2])
              for k in range(3)]
    for i in range(n):
        rungs = ["  c%d %d" % (k, rnd.randint(1, 3)) for k in range(3) if rnd.random() < 0.8]
        block = " {\n" + "\n".join(rungs) + "\n}" if rungs else ""
        lines.append('role r%d "R%d" track ic level L%d at (%d, %d)%s' % (i, i, levels[i], i * 10, i * 10, block))
    for i, j in pairs:
        kind = "promotion" if levels[j] > levels[i] else "lateral" if levels[j] == levels[i] else "downward"
        own, r = "", rnd.random()
        if r < 0.4:
            a, b = sorted([rnd.choice(YEARS), rnd.choice(YEARS)], key=Fraction)
            own = " years %s..%s" % (a, b)
        elif r < 0.5:
            own = " years %s.." % rnd.choice(YEARS)
        lines.append("r%d -> r%d %s%s" % (i, j, kind, own))
    maxes = [1, 2, 3, 5, 10]
    want = [("r%d" % a, "r%d" % b, rnd.choice(maxes)) for a in range(n) for b in range(n) if a != b]
    return "\n".join(lines) + "\n", want


def main(argv):
    shots = None
    randoms = 0
    if "--random" in argv:
        i = argv.index("--random")
        randoms = int(argv[i + 1])
        del argv[i:i + 2]
    if "--shots" in argv:
        i = argv.index("--shots")
        shots = argv[i + 1]
        del argv[i:i + 2]
        os.makedirs(shots, exist_ok=True)
    ladderc, work, specs = argv[1], argv[2], argv[3:]
    run = Run(ladderc, work, shots)
    try:
        b = Browser()
    except (BrowserError, OSError) as e:
        run.fail("browser: chromium starts", e)
        return 0
    try:
        for spec in specs:
            name, ladder = spec.split("=", 1)
            check_ladder(run, b, name, ladder)
        for seed in range(randoms):
            text, pairs = random_ladder(seed)
            ladder = os.path.join(work, "random%d.ladder" % seed)
            with open(ladder, "w") as f:
                f.write(text)
            check_random(run, b, "random%d" % seed, ladder, pairs)
    except BrowserError as e:
        run.fail("browser: the DevTools protocol answered", e)
    finally:
        b.close()
    return 0


def check_ladder(run, b, name, ladder):
    html = os.path.join(run.work, name + ".html")
    rc, _ = run.ladderc_out("build", "-T", "html", "-o", html, ladder)
    if rc != 0:
        run.fail(name + ": ladderc build -T html", "exit %d" % rc)
        return
    rc, text = run.ladderc_out("build", "-T", "json", ladder)
    model = json.loads(text)
    url = "file://" + os.path.abspath(html)
    pairs = route_pairs(name, model)
    # one tab per ladder, opened on a route: the answer is there at load
    first = "#route=%s..%s" % pairs[0][:2]
    page = b.open(url + first)
    errors = check_page(run, page, name, model)
    at_load = page.eval(READ_ROUTES)
    rc, out = run.ladderc_out("path", "--max", str(ROUTES_MAX), ladder, pairs[0][0], pairs[0][1])
    run.expect(name + ": opened on %s, the page shows its routes" % first, out.splitlines(), at_load)
    run.shot(page, name + "-explorer")
    page.eval("window.scrollTo(0, 0)")
    run.shot(page, name + "-top")
    if name == "injection":
        check_injection(run, page, name, model)
    check_routes(run, page, name, ladder, model, pairs)
    big = [p for p in pairs if p[2] == ROUTES_MAX]
    if big:
        page.eval(go_hash("#route=%s..%s" % big[0][:2]))
        if len(page.eval(READ_ROUTES)) == ROUTES_MAX:
            check_more(run, page, name, ladder)
    search = SEARCHES.get(name)
    if search:
        check_search(run, page, name, *search)
    if name in KEYBOARD:
        check_keyboard(run, page, name)
    check_links(run, page, name, model)
    check_themes(run, page, name)
    if name in PRINTED:
        check_printed(run, page, name, model)
    run.expect(name + ": no console error, exception or CSP report", [], errors + page.errors())
    run.expect(name + ": no network request", [], page.foreign_requests())
    page.close()


def check_random(run, b, name, ladder, pairs):
    """Every pair of a random ladder against ladderc path and gap."""
    html = os.path.join(run.work, name + ".html")
    rc, _ = run.ladderc_out("build", "-T", "html", "-o", html, ladder)
    if rc != 0:
        run.fail(name + ": ladderc build -T html", "exit %d" % rc)
        return
    model = json.loads(run.ladderc_out("build", "-T", "json", ladder)[1])
    page = b.open("file://" + os.path.abspath(html))
    check_routes(run, page, name, ladder, model, pairs)
    run.expect(name + ": no console error, exception or CSP report", [], page.errors())
    page.close()


# the pages printed to PDF and read back
PRINTED = ("skills",)

# the pages whose focus order is walked with Tab (the same code makes every page's)
KEYBOARD = ("skills", "framework")

# (role, query): a company title that is no role's name nor id (the framework
# has no companies: a name, in another case)
SEARCHES = {
    "skills": ("distinguished", "Google Fellow"),
    "framework": ("director", "director of eng"),
    "injection": ("a", "Title </script>"),
}


def route_pairs(name, model):
    """(FROM, TO, MAX): hand-picked pairs, then every pair of a small ladder."""
    ids = [r["id"] for r in model["roles"]]
    picked = {
        "skills": [("senior_engineer", "director_tech", 5), ("senior_engineer", "director_tech", 10),
                   ("senior_engineer", "fellow", 5), ("fellow", "senior_engineer", 5), ("staff_sre", "svp_tech", 5)],
        "framework": [("engineer", "director", 5), ("senior", "manager", 5), ("engineer", "director", 10),
                      ("director", "engineer", 5)],
        "years": [("g0", "g11", 5), ("g11", "g0", 5), ("g1", "g11", 5)],
    }.get(name)
    if picked is not None:
        return picked
    return [(a, b, ROUTES_MAX if (i + j) % 2 else 2) for i, a in enumerate(ids) for j, b in enumerate(ids) if a != b]


if __name__ == "__main__":
    sys.exit(main(sys.argv))
