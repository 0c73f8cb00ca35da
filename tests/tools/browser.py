#!/usr/bin/env python3
"""browser.py - drives Debian's headless chromium through the DevTools
protocol, for the tests of the HTML page (tests/suites/html-browser.sh).

The protocol runs over --remote-debugging-pipe: chromium reads commands from
its fd 3 and writes answers and events to its fd 4, each message one JSON
object followed by a NUL byte. No websocket, no library beyond Python's.
One browser process serves many pages (Target.createTarget), each page a
"flat" session whose messages carry its sessionId.

    with Browser() as b:
        page = b.open("file:///tmp/x.html#route=a..b")   # waits for the load event
        page.eval("document.title")                       # returnByValue
        page.console, page.exceptions, page.log           # what the page said
        page.requests                                     # every URL it asked for
        page.screenshot("/tmp/x.png", full=False)
        page.emulate(dark=True) / page.emulate(media="print")

Run alone, `browser.py URL [JS]` prints the value of JS (default: the
title) after the page loaded, then its console errors, exceptions and
requests: a quick look at a page by hand. `browser.py --time RUNS URL`
opens URL RUNS times and prints three medians in seconds: the wall time
from the navigation to the load event, the page's load event end and the
mark its script sets when done (make bench's "opens in").
"""
import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import time

TIMEOUT = 30.0      # seconds any one answer may take: a hung browser fails, never blocks


class BrowserError(Exception):
    pass


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise BrowserError("chromium not found: scripts/deps.sh test installs it")


class Browser:
    def __init__(self, width=1280, height=900, chromium=None):
        exe = chromium or find_chromium()
        # the pipe chromium reads (its fd 3) and the one it writes (its fd 4);
        # the child's ends move to 10 or above first, so that the dup2 onto
        # 3 and 4 in the child cannot overwrite one with the other
        to_r, to_w = os.pipe()
        from_r, from_w = os.pipe()
        child_in = fcntl.fcntl(to_r, fcntl.F_DUPFD, 10)
        child_out = fcntl.fcntl(from_w, fcntl.F_DUPFD, 10)
        os.close(to_r)
        os.close(from_w)

        def wire():
            os.dup2(child_in, 3)
            os.dup2(child_out, 4)

        args = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
                # chromium ignores a page's 201st change of location.hash
                # within 10 s (crbug.com/1038223): the tests change it for
                # every pair of roles of a ladder
                "--disable-ipc-flooding-protection",
                "--user-data-dir=" + os.environ.get("BROWSER_PROFILE", "/tmp/ladderc-browser-%d" % os.getpid()),
                "--window-size=%d,%d" % (width, height), "about:blank"]
        self.profile = args[[a.startswith("--user-data-dir=") for a in args].index(True)].split("=", 1)[1]
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, pass_fds=(3, 4), preexec_fn=wire)
        os.close(child_in)
        os.close(child_out)
        self.write_fd, self.read_fd = to_w, from_r
        self.buf = b""
        self.next_id = 0
        self.pending = []       # events read while waiting for something else
        self.width, self.height = width, height

    # ---- the wire ----

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        data = json.dumps(msg).encode() + b"\0"
        while data:
            n = os.write(self.write_fd, data)
            data = data[n:]
        return self.next_id

    def read_message(self, deadline):
        while b"\0" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("no answer from chromium within %.0f s" % TIMEOUT)
            ready, _, _ = select.select([self.read_fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.read_fd, 1 << 16)
            if not chunk:
                raise BrowserError("chromium closed the pipe (exit status %s)" % self.proc.poll())
            self.buf += chunk
        raw, self.buf = self.buf.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method, params=None, session=None):
        """Sends a command and returns its result; events met meanwhile are kept."""
        want = self.send(method, params, session)
        deadline = time.monotonic() + TIMEOUT
        while True:
            msg = self.read_message(deadline)
            if msg.get("id") == want:
                if "error" in msg:
                    raise BrowserError("%s: %s" % (method, msg["error"].get("message")))
                return msg.get("result", {})
            if "method" in msg:
                self.dispatch(msg)

    def wait_event(self, session, method):
        deadline = time.monotonic() + TIMEOUT
        while True:
            msg = self.read_message(deadline)
            if "method" in msg:
                self.dispatch(msg)
                if msg["method"] == method and msg.get("sessionId") == session:
                    return msg.get("params", {})

    def dispatch(self, msg):
        page = self.pages.get(msg.get("sessionId")) if hasattr(self, "pages") else None
        if page:
            page.on_event(msg["method"], msg.get("params", {}))

    # ---- pages ----

    def open(self, url, dark=False, media=None):
        """A new tab on url, after its load event; its console, exceptions,
        log entries and requests are recorded from the start."""
        if not hasattr(self, "pages"):
            self.pages = {}
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, target, session)
        self.pages[session] = page
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(domain + ".enable", session=session)
        page.emulate(dark=dark, media=media)
        page.navigate(url)
        return page

    def close(self):
        if self.proc.poll() is None:
            try:
                self.send("Browser.close")
                self.proc.wait(timeout=5)
            except (BrowserError, OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait()
        for fd in (self.write_fd, self.read_fd):
            try:
                os.close(fd)
            except OSError:
                pass
        if self.profile.startswith("/tmp/ladderc-browser-"):
            shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class Page:
    def __init__(self, browser, target, session):
        self.b, self.target, self.session = browser, target, session
        self.console = []       # (type, text) of console.* calls
        self.exceptions = []    # texts of uncaught exceptions
        self.log = []           # (level, source, text) of log entries: CSP violations, failed loads...
        self.requests = []      # every URL the page asked for
        self.url = None

    def on_event(self, method, p):
        if method == "Runtime.consoleAPICalled":
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", []))
            self.console.append((p.get("type"), text))
        elif method == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            self.exceptions.append(d.get("exception", {}).get("description") or d.get("text", "?"))
        elif method == "Log.entryAdded":
            e = p.get("entry", {})
            self.log.append((e.get("level"), e.get("source"), e.get("text")))
        elif method == "Network.requestWillBeSent":
            self.requests.append(p.get("request", {}).get("url"))

    def call(self, method, params=None):
        return self.b.call(method, params, self.session)

    def navigate(self, url):
        self.url = url
        res = self.call("Page.navigate", {"url": url})
        if res.get("errorText"):
            raise BrowserError("navigate %s: %s" % (url, res["errorText"]))
        self.b.wait_event(self.session, "Page.loadEventFired")

    def eval(self, expression):
        """The value of expression (a promise is awaited); an exception raises."""
        res = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                             "awaitPromise": True})
        if "exceptionDetails" in res:
            d = res["exceptionDetails"]
            raise BrowserError("eval: %s" % (d.get("exception", {}).get("description") or d.get("text")))
        return res.get("result", {}).get("value")

    def emulate(self, dark=False, media=None):
        features = [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]
        self.call("Emulation.setEmulatedMedia", {"media": media or "", "features": features})

    def key(self, key, code=None, text=None, shift=False):
        """One key press (keyDown and keyUp) sent to the focused element."""
        vk = {"Tab": 9, "Enter": 13, "Escape": 27, "ArrowDown": 40, "ArrowUp": 38}.get(key, 0)
        base = {"key": key, "code": code or key, "windowsVirtualKeyCode": vk, "modifiers": 8 if shift else 0}
        down = dict(base, type="keyDown")
        if text is not None:
            down["text"] = text
        self.call("Input.dispatchKeyEvent", down)
        self.call("Input.dispatchKeyEvent", dict(base, type="keyUp"))

    def type_text(self, text):
        self.call("Input.insertText", {"text": text})

    def screenshot(self, path, full=False):
        params = {"format": "png"}
        if full:
            size = self.eval("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            params["clip"] = {"x": 0, "y": 0, "width": size[0], "height": min(size[1], 16000), "scale": 1}
            params["captureBeyondViewport"] = True
        data = self.call("Page.captureScreenshot", params)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def foreign_requests(self):
        """Requests for anything but the page's own file and data: URLs."""
        own = self.url.split("#", 1)[0]
        return [u for u in self.requests
                if u and u.split("#", 1)[0] != own and not u.startswith("data:") and u != "about:blank"]

    def errors(self):
        """Console errors, exceptions and error log entries, as text."""
        out = ["console.%s: %s" % (t, x) for t, x in self.console if t in ("error", "assert")]
        out += ["exception: %s" % x for x in self.exceptions]
        out += ["log %s (%s): %s" % (lvl, src, x) for lvl, src, x in self.log if lvl == "error"]
        return out

    def close(self):
        self.b.call("Target.closeTarget", {"targetId": self.target})


# the page's own clock: its load event's end and the script's mark, in ms
# from the start of the navigation
PAGE_TIMES = """(() => { const n = performance.getEntriesByType('navigation')[0];
  const m = performance.getEntriesByName('ladderc-ready')[0];
  return [n ? n.loadEventEnd : null, m ? m.startTime : null]; })()"""


def time_open(url, runs):
    """Opens url runs times (a fresh tab each, one browser) and prints the
    medians, in seconds: the wall time from the navigation's request to the
    load event as the test sees it, the page's load event end, and the
    script's 'ladderc-ready' mark (both by the page's clock)."""
    walls, loads, readies = [], [], []
    with Browser() as b:
        for _ in range(runs + 1):           # the first run warms the browser up
            page = b.open("about:blank")
            t0 = time.monotonic()
            page.navigate(url)
            wall = time.monotonic() - t0
            load, ready = page.eval(PAGE_TIMES)
            if page.errors():
                raise BrowserError("the page reported errors: %s" % page.errors()[:3])
            if ready is None:
                raise BrowserError("the page's script did not finish (no 'ladderc-ready' mark)")
            walls.append(wall)
            loads.append(load / 1000)
            readies.append(ready / 1000)
            page.close()
    med = lambda v: sorted(v[1:])[len(v[1:]) // 2]
    print("%.3f %.3f %.3f" % (med(walls), med(loads), med(readies)))


def main(argv):
    if len(argv) == 4 and argv[1] == "--time":
        time_open(argv[3], int(argv[2]))
        return 0
    if len(argv) < 2:
        print("usage: browser.py URL [JS] | browser.py --time RUNS URL", file=sys.stderr)
        return 2
    with Browser() as b:
        page = b.open(argv[1])
        print(json.dumps(page.eval(argv[2] if len(argv) > 2 else "document.title"), indent=1))
        for e in page.errors():
            print(e)
        for u in page.foreign_requests():
            print("request:", u)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
