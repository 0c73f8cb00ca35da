#!/usr/bin/env python3
"""lsp_client.py - a scripted client of `ladderc lsp`, and the tests it runs.

    lsp_client.py LADDERC [--quick] [--bench N [ROLES]] [TEST...]

Starts LADDERC lsp, speaks JSON-RPC 2.0 with Content-Length framing over
its pipes, and checks the answers. Every wait for an answer is bounded
(WAIT seconds, 100 times what a loaded machine needs): a server that hangs
fails the test instead of blocking the run. Prints one line a test,
"pass NAME" or "fail NAME: why", and exits 1 when one failed.

--quick leaves out the stress tests (the 10 MB document, a thousand
changes): the sanitized run (LADDERC_SANITIZED) runs the protocol's edge
cases, which are the ones about memory safety, without them.

--bench N [ROLES]: the re-check latency of a 1,000-role (or ROLES) document after a
one-character change, N times: the server's own time, from reading the
notification to writing publishDiagnostics (LADDERC_LSP_TIMING), median and
quartiles in milliseconds; and the client's round trip.
"""
import json
import os
import select
import subprocess
import sys
import tempfile
import time

WAIT = float(os.environ.get("LSP_CLIENT_WAIT", "20"))
CLIENTS = []    # the servers of the running test, whose stderr a failure shows


class Failure(Exception):
    pass


def check(cond, why):
    if not cond:
        raise Failure(why)


class Client:
    """One server process and the messages it wrote."""

    def __init__(self, ladderc, env=None):
        self.errfile = tempfile.TemporaryFile()
        e = dict(os.environ)
        e.update(env or {})
        wrap = os.environ.get("LSP_CLIENT_WRAP", "").split()    # valgrind -q, for one
        self.p = subprocess.Popen(wrap + [ladderc, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=self.errfile, env=e)
        self.buf = b""
        self.next_id = 1
        self.notes = []         # notifications not yet looked at
        self.rc = None
        CLIENTS.append(self)

    def send_raw(self, data):
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def send(self, obj):
        body = json.dumps(obj, ensure_ascii=False).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def _fill(self, deadline):
        left = deadline - time.monotonic()
        check(left > 0, "no answer within %g s (a hang?)" % WAIT)
        r, _, _ = select.select([self.p.stdout], [], [], left)
        check(r, "no answer within %g s (a hang?)" % WAIT)
        chunk = os.read(self.p.stdout.fileno(), 1 << 20)
        check(chunk, "the server closed its output (exit status %s)" % self.p.poll())
        self.buf += chunk

    def read(self, timeout=WAIT):
        deadline = time.monotonic() + timeout
        while b"\r\n\r\n" not in self.buf:
            self._fill(deadline)
        head, self.buf = self.buf.split(b"\r\n\r\n", 1)
        length = None
        for line in head.split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        check(length is not None, "a message without Content-Length: %r" % head)
        while len(self.buf) < length:
            self._fill(deadline)
        body, self.buf = self.buf[:length], self.buf[length:]
        msg = json.loads(body)
        check(msg.get("jsonrpc") == "2.0", "not JSON-RPC 2.0: %r" % body[:200])
        return msg

    def answer(self, id_):
        """The response to request id_; notifications met on the way are kept."""
        while True:
            m = self.read()
            if "method" in m:
                self.notes.append(m)
                continue
            check(m.get("id") == id_, "answer to id %r, expected %r: %r" % (m.get("id"), id_, m))
            return m

    def request(self, method, params=None):
        id_ = self.next_id
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": id_, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return self.answer(id_)

    def result(self, method, params=None):
        m = self.request(method, params)
        check("error" not in m, "%s failed: %r" % (method, m.get("error")))
        return m.get("result")

    def error(self, method, params=None):
        m = self.request(method, params)
        check("error" in m, "%s: an error expected, got %r" % (method, m))
        return m["error"]

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def notification(self, method, pred=lambda m: True):
        """The next notification of method that pred accepts (earlier kept ones first)."""
        while True:
            for i, m in enumerate(self.notes):
                if m["method"] == method and pred(m["params"]):
                    del self.notes[i]
                    return m["params"]
            m = self.read()
            check("method" in m, "an unasked answer: %r" % m)
            self.notes.append(m)

    def diagnostics(self, uri, version=None):
        return self.notification("textDocument/publishDiagnostics",
                                 lambda p: p["uri"] == uri and (version is None or p.get("version") == version))

    def initialize(self, encodings=None):
        caps = {}
        if encodings:
            caps["general"] = {"positionEncodings": encodings}
        r = self.result("initialize", {"processId": None, "rootUri": None, "capabilities": caps})
        self.notify("initialized", {})
        return r

    def open(self, uri, text, version=1):
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "ladder",
                                                              "version": version, "text": text}})

    def change(self, uri, version, changes):
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": changes})

    def close_input(self):
        self.p.stdin.close()
        return self.wait()

    def wait(self):
        try:
            self.rc = self.p.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()
            raise Failure("the server did not exit within %g s" % WAIT)
        return self.rc

    def stop(self):
        """shutdown, exit: status 0."""
        check(self.result("shutdown") is None, "shutdown's result is not null")
        self.notify("exit")
        rc = self.wait()
        check(rc == 0, "exit after shutdown: status %r, expected 0" % rc)

    def stderr(self):
        self.errfile.seek(0)
        return self.errfile.read().decode(errors="replace")

    def kill(self):
        if self.p.poll() is None:
            self.p.kill()
            self.p.wait()


def frame(body):
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


# ---- the documents the tests edit ----------------------------------------------

HEAD = """ladder "Test"
axis x "Soft" 0..10
axis y "Hard" 0..10
levels L1..L9
track ic "Individual contributor"
"""

# accents and an emoji (two UTF-16 units, four bytes) before an error on line 6
ACCENTS = HEAD + 'role senior "Señor 🎉 Ingénieur" track ic level L99 at (1, 2)\n'


def fmt(ladderc, text):
    """What `ladderc fmt` prints for text."""
    r = subprocess.run([ladderc, "fmt", "-"], input=text.encode(), stdout=subprocess.PIPE, timeout=WAIT)
    return r.stdout.decode()


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def uri_of(path):
    return "file://" + path


# ---- the tests -----------------------------------------------------------------

def t_lifecycle(ladderc, tmp):
    c = Client(ladderc)
    try:
        e = c.error("textDocument/hover", {"textDocument": {"uri": "file:///x"}, "position": {"line": 0, "character": 0}})
        check(e["code"] == -32002, "a request before initialize: %r, expected -32002" % e)
        c.notify("textDocument/didOpen", {"textDocument": {"uri": "file:///x", "text": "x", "version": 1}})
        r = c.initialize()
        caps = r["capabilities"]
        check(caps["positionEncoding"] == "utf-16", "default encoding %r" % caps.get("positionEncoding"))
        check(caps["textDocumentSync"]["change"] == 2 and caps["textDocumentSync"]["openClose"], "sync: %r" % caps)
        for cap in ("hoverProvider", "definitionProvider", "referencesProvider", "documentFormattingProvider"):
            check(caps.get(cap) is True, "%s not advertised" % cap)
        check(caps["renameProvider"] == {"prepareProvider": True}, "rename: %r" % caps.get("renameProvider"))
        check(r["serverInfo"]["name"] == "ladderc", "serverInfo %r" % r.get("serverInfo"))
        check(c.notes == [], "a notification before any document: %r" % c.notes)
        e = c.error("initialize", {"capabilities": {}})
        check(e["code"] == -32600, "a second initialize: %r" % e)
        check(c.result("shutdown") is None, "shutdown's result is not null")
        e = c.error("textDocument/formatting", {"textDocument": {"uri": "file:///x"}})
        check(e["code"] == -32600, "a request after shutdown: %r, expected -32600" % e)
        c.notify("exit")
        rc = c.wait()
        check(rc == 0, "exit after shutdown: status %r" % rc)
    finally:
        c.kill()


def t_exit_without_shutdown(ladderc, tmp):
    c = Client(ladderc)
    try:
        c.initialize()
        c.notify("exit")
        check(c.wait() == 1, "exit without shutdown: status %r, expected 1" % c.rc)
        c = Client(ladderc)
        c.initialize()
        check(c.close_input() == 1, "end of input without exit: status %r, expected 1" % c.rc)
    finally:
        c.kill()


def t_utf8_negotiated(ladderc, tmp):
    c = Client(ladderc)
    try:
        r = c.initialize(["utf-8", "utf-16"])
        check(r["capabilities"]["positionEncoding"] == "utf-8", "utf-8 offered: %r" % r["capabilities"])
        uri = "file:///nowhere/accents.ladder"
        c.open(uri, ACCENTS)
        d = c.diagnostics(uri)["diagnostics"]
        line = ACCENTS.split("\n")[5]
        want = len(line[:line.index("L99")].encode())
        check(len(d) == 1 and d[0]["code"] == "E113", "diagnostics: %r" % d)
        check(d[0]["range"]["start"] == {"line": 5, "character": want},
              "start %r, expected character %d (bytes)" % (d[0]["range"]["start"], want))
        check(d[0]["range"]["end"]["character"] == want + 3, "end %r" % d[0]["range"]["end"])
        # an edit in bytes: the emoji (4 bytes) replaced by "x"
        at = len(line[:line.index("🎉")].encode())
        c.change(uri, 2, [{"range": {"start": {"line": 5, "character": at}, "end": {"line": 5, "character": at + 4}},
                           "text": "x"}])
        d = c.diagnostics(uri, 2)["diagnostics"]
        check(d and d[0]["range"]["start"]["character"] == want - 3, "after the edit: %r" % d)
        c.stop()
    finally:
        c.kill()


def t_diagnostics_utf16(ladderc, tmp):
    c = Client(ladderc)
    try:
        c.initialize(["utf-16"])
        uri = "file:///nowhere/accents.ladder"
        c.open(uri, ACCENTS, 7)
        p = c.diagnostics(uri)
        check(p.get("version") == 7, "version %r" % p.get("version"))
        d = p["diagnostics"]
        line = ACCENTS.split("\n")[5]
        want = utf16_len(line[:line.index("L99")])
        check(len(d) == 1, "one diagnostic expected: %r" % d)
        d = d[0]
        check(d["code"] == "E113" and d["severity"] == 1 and d["source"] == "ladderc", "diagnostic %r" % d)
        check("L99" in d["message"], "message %r" % d["message"])
        check(d["range"] == {"start": {"line": 5, "character": want}, "end": {"line": 5, "character": want + 3}},
              "range %r, expected character %d (UTF-16)" % (d["range"], want))
        # hover on the diagnostic: the explain text of its code
        h = c.result("textDocument/hover", {"textDocument": {"uri": uri},
                                            "position": {"line": 5, "character": want + 1}})
        check(h and "### E113" in h["contents"]["value"] and h["contents"]["kind"] == "markdown",
              "hover on E113: %r" % h)
        h = c.result("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
        check(h is None, "hover on nothing: %r" % h)
        # incremental: the emoji (2 UTF-16 units) replaced, then L99 by L5: no diagnostics
        at = utf16_len(line[:line.index("🎉")])
        c.change(uri, 8, [{"range": {"start": {"line": 5, "character": at}, "end": {"line": 5, "character": at + 2}},
                           "text": "é"}])
        d = c.diagnostics(uri, 8)["diagnostics"]
        check(d and d[0]["range"]["start"]["character"] == want - 1, "after replacing the emoji: %r" % d)
        c.change(uri, 9, [{"range": {"start": {"line": 5, "character": want - 1},
                                     "end": {"line": 5, "character": want + 2}}, "text": "L5"}])
        d = c.diagnostics(uri, 9)["diagnostics"]
        check(d == [], "after the fix: %r" % d)
        # formatting: the bytes of ladderc fmt, as one edit of the whole text
        want_text = ACCENTS.replace("🎉", "é").replace("L99", "L5")
        f = c.result("textDocument/formatting", {"textDocument": {"uri": uri}, "options": {"tabSize": 4, "insertSpaces": True}})
        check(fmt(ladderc, want_text) != want_text, "the test's text is formatted already")
        check(len(f) == 1 and f[0]["newText"] == fmt(ladderc, want_text), "formatting: %r" % f)
        check(f[0]["range"] == {"start": {"line": 0, "character": 0}, "end": {"line": 6, "character": 0}},
              "formatting's range %r" % f[0]["range"])
        c.change(uri, 10, [{"text": f[0]["newText"]}])
        c.diagnostics(uri, 10)
        f = c.result("textDocument/formatting", {"textDocument": {"uri": uri}, "options": {}})
        check(f == [], "formatting of a formatted file: %r" % f)
        c.change(uri, 11, [{"range": {"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 0}},
                            "text": "track"}])
        c.diagnostics(uri, 11)
        f = c.result("textDocument/formatting", {"textDocument": {"uri": uri}, "options": {}})
        check(f == [], "formatting of a file with syntax errors: %r" % f)
        c.stop()
    finally:
        c.kill()


def t_malformed(ladderc, tmp):
    c = Client(ladderc)
    try:
        c.initialize()
        # blank lines between messages are allowed
        c.send_raw(b"\r\n\r\n" + frame(b'{"jsonrpc":"2.0","id":"s","method":"no/such"}'))
        m = c.read()
        check(m["id"] == "s" and m["error"]["code"] == -32601, "after blank lines: %r" % m)
        cases = [
            (frame(b'{"jsonrpc": "2.0", "id": 1, '), -32700, "truncated JSON"),
            (frame(b'\xff\xfe{}'), -32700, "invalid UTF-8"),
            (frame(b'{"jsonrpc":"2.0","id":2,"method":"x","params":{"a":"\\ud800"}}'), -32700, "a lone surrogate"),
            (frame(b'[' * 100000), -32700, "deep nesting"),
            (frame(b'3'), -32600, "a number"),
            (frame(b'null'), -32600, "null"),
            (frame(b'[{"jsonrpc":"2.0","id":3,"method":"shutdown"}]'), -32600, "a batch"),
            (frame(b'{"jsonrpc":"1.0","id":4,"method":"shutdown"}'), -32600, "jsonrpc 1.0", 4),
            (frame(b'{"jsonrpc":"2.0","id":{},"method":"shutdown"}'), -32600, "an object id"),
            (frame(b'{"jsonrpc":"2.0","id":5,"method":7}'), -32600, "a number method", 5),
            (b"Content-Type: x\r\n\r\n{}", -32700, "no Content-Length"),
            (b"Content-Length: ten\r\n\r\n", -32700, "Content-Length not a number"),
            (b"Content-Length: 99999999999999999999999\r\n\r\n", -32700, "a huge Content-Length"),
            (b"Content-Length: 5\r\n\r\n" + b'{"jsonrpc":"2.0","id":6,"method":"shutdown"}', -32700,
             "a Content-Length too short"),
        ]
        for data, code, what, *id_ in cases:
            c.send_raw(data)
            m = c.read()
            id_ = id_[0] if id_ else None
            check("error" in m and m["error"]["code"] == code and m["id"] == id_,
                  "%s: %r, expected error %d with id %r" % (what, m, code, id_))
        # the rest of the short body is skipped to the next header: still serving
        e = c.error("no/such/method", {})
        check(e["code"] == -32601, "an unknown method: %r" % e)
        c.notify("no/such/notification", {})
        c.notify("$/cancelRequest", {"id": 1})
        e = c.error("textDocument/definition", {"textDocument": {"uri": "file:///closed.ladder"},
                                                "position": {"line": 0, "character": 0}})
        check(e["code"] == -32602, "a request about a closed document: %r" % e)
        e = c.error("textDocument/formatting", {})
        check(e["code"] == -32602, "a request without its document: %r" % e)
        check(c.notes == [], "an answer to a notification: %r" % c.notes)
        c.stop()
    finally:
        c.kill()


def t_ranges_clamped(ladderc, tmp):
    """Ranges past a line's end or the text's end, reversed, or in a surrogate pair: never a crash."""
    c = Client(ladderc)
    try:
        c.initialize()
        uri = "file:///nowhere/clamp.ladder"
        line0 = "levels  L1..L2  # 🎉"
        c.open(uri, line0 + "\n")
        c.diagnostics(uri)
        at = utf16_len(line0) - 1     # inside the emoji's surrogate pair: its start
        c.change(uri, 2, [
            {"range": {"start": {"line": 0, "character": at}, "end": {"line": 0, "character": at}}, "text": "a"},
            {"range": {"start": {"line": 0, "character": 99}, "end": {"line": 0, "character": 999}}, "text": "b"},
            {"range": {"start": {"line": 50, "character": 0}, "end": {"line": 60, "character": 0}}, "text": "# c\n"},
            {"range": {"start": {"line": 1, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "# d\n"},
            {"range": {"start": {"line": -1, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "bad"},
            {"range": {"start": {"line": 0}, "end": {"line": 0, "character": 0}}, "text": "bad"},
            {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}},
        ])
        c.diagnostics(uri, 2)
        f = c.result("textDocument/formatting", {"textDocument": {"uri": uri}, "options": {}})
        want = "levels  L1..L2  # a🎉b\n# c\n"     # the reversed range and the malformed ones refused
        check(f and f[0]["newText"] == fmt(ladderc, want) != want, "text after clamped edits: %r" % f)
        # a line ending in CR LF ends before its CR: an edit past its end goes there
        c.change(uri, 3, [{"text": "levels  L1..L2\r\n"},
                          {"range": {"start": {"line": 0, "character": 99}, "end": {"line": 0, "character": 99}},
                           "text": " # x"}])
        check(c.diagnostics(uri, 3)["diagnostics"] == [], "a CR LF line edited at its end")
        f = c.result("textDocument/formatting", {"textDocument": {"uri": uri}, "options": {}})
        want = "levels  L1..L2 # x\r\n"
        check(f and f[0]["newText"] == fmt(ladderc, want) != want, "a CR LF line edited at its end: %r" % f)
        c.stop()
    finally:
        c.kill()


def t_files(ladderc, tmp):
    """Definition, references, rename across an import; imported files' diagnostics; close."""
    base = os.path.join(tmp, "base.ladder")
    main = os.path.join(tmp, "main.ladder")
    with open(base, "w") as f:
        f.write(HEAD + 'track mgmt "Management"\n')
    main_text = ('import "base.ladder"\n'
                 'role senior "Senior" track ic level L5 at (1, 2)\n'
                 'role staff "Staff" track ic level L6 at (3, 4)\n'
                 'role lead "Lead" track mgmt level L6 at (4, 3)\n'
                 'senior -> staff\n')
    with open(main, "w") as f:
        f.write(main_text)
    c = Client(ladderc)
    try:
        c.initialize()
        mu, bu = uri_of(main), uri_of(base)
        c.open(mu, main_text)
        check(c.diagnostics(mu)["diagnostics"] == [], "main has no diagnostics")
        lines = main_text.split("\n")
        pos = {"textDocument": {"uri": mu}, "position": {"line": 1, "character": lines[1].index(" ic ") + 2}}
        r = c.result("textDocument/definition", pos)
        check(r == [{"uri": bu, "range": {"start": {"line": 4, "character": 6}, "end": {"line": 4, "character": 8}}}],
              "definition of ic: %r" % r)
        r = c.result("textDocument/references", dict(pos, context={"includeDeclaration": True}))
        check(len(r) == 3 and r[0]["uri"] == bu and {x["uri"] for x in r[1:]} == {mu},
              "references of ic with its declaration: %r" % r)
        r = c.result("textDocument/references", dict(pos, context={"includeDeclaration": False}))
        check(len(r) == 2 and all(x["uri"] == mu for x in r), "references without: %r" % r)
        spos = {"textDocument": {"uri": mu}, "position": {"line": 4, "character": 12}}  # in "staff" of the move
        r = c.result("textDocument/prepareRename", spos)
        check(r == {"range": {"start": {"line": 4, "character": 10}, "end": {"line": 4, "character": 15}},
                    "placeholder": "staff"}, "prepareRename: %r" % r)
        e = c.error("textDocument/prepareRename", {"textDocument": {"uri": mu},
                                                   "position": {"line": 1, "character": lines[1].index("L5")}})
        check("level" in e["message"], "prepareRename on a level: %r" % e)
        r = c.result("textDocument/prepareRename", {"textDocument": {"uri": mu},
                                                    "position": {"line": 1, "character": lines[1].index("(1")}})
        check(r is None, "prepareRename on no name: %r" % r)
        e = c.error("textDocument/rename", dict(spos, newName="senior"))
        check(e["code"] == -32803 and "already" in e["message"], "a rename that clashes: %r" % e)
        r = c.result("textDocument/rename", dict(pos, newName="eng"))
        ch = r["changes"]
        check(set(ch) == {mu, bu}, "rename across files: %r" % r)
        check(ch[bu][0]["newText"] == HEAD.replace("track ic", "track eng") + 'track mgmt "Management"\n',
              "base renamed: %r" % ch[bu])
        check(ch[mu][0]["newText"] == main_text.replace("track ic", "track eng"), "main renamed: %r" % ch[mu])
        check(ch[mu][0]["range"]["end"] == {"line": 5, "character": 0}, "whole-file edit %r" % ch[mu][0]["range"])
        # base open in the editor, edited: main is checked against the edited text
        c.open(bu, HEAD)    # no mgmt track now
        check(c.diagnostics(bu)["diagnostics"] == [], "base alone")
        d = c.diagnostics(mu)["diagnostics"]
        check(len(d) == 1 and d[0]["code"] == "E110" and d[0]["range"]["start"]["line"] == 3,
              "main against the edited base: %r" % d)
        c.notify("textDocument/didClose", {"textDocument": {"uri": bu}})
        check(c.diagnostics(bu)["diagnostics"] == [], "closing base clears its diagnostics")
        check(c.diagnostics(mu)["diagnostics"] == [], "main reads base from disk again")
        # an error in an imported file that is not open goes to its URI, with the import as related information
        with open(base, "w") as f:
            f.write(HEAD + 'track mgmt "Management"\ntrack ic "Again"\n')
        c.change(mu, 2, [{"range": {"start": {"line": 5, "character": 0}, "end": {"line": 5, "character": 0}},
                          "text": "# touched\n"}])
        p = c.diagnostics(bu)
        d = p["diagnostics"]
        check(len(d) == 1 and d[0]["code"] == "E103" and d[0]["range"]["start"]["line"] == 6, "base's E103: %r" % d)
        rel = d[0].get("relatedInformation", [])
        check(any(x["location"]["uri"] == bu and x["location"]["range"]["start"]["line"] == 4 for x in rel) and
              any(x["location"]["uri"] == mu for x in rel), "related information: %r" % rel)
        c.notify("textDocument/didClose", {"textDocument": {"uri": mu}})
        cleared = {c.diagnostics(mu)["uri"], c.diagnostics(bu)["uri"]}
        check(cleared == {mu, bu}, "closing main clears both")
        c.stop()
    finally:
        c.kill()


def t_many_changes(ladderc, tmp):
    """A thousand didChange in a row: all applied, in order; the last diagnostics are the text's."""
    c = Client(ladderc)
    try:
        c.initialize()
        uri = "file:///nowhere/many.ladder"
        c.open(uri, HEAD + "# \n")
        c.diagnostics(uri)
        out = []
        for i in range(1000):
            ch = "abcdefghij"[i % 10]
            out.append(ch)
            msg = {"jsonrpc": "2.0", "method": "textDocument/didChange",
                   "params": {"textDocument": {"uri": uri, "version": i + 2},
                              "contentChanges": [{"range": {"start": {"line": 5, "character": 2 + i},
                                                            "end": {"line": 5, "character": 2 + i}}, "text": ch}]}}
            body = json.dumps(msg).encode()
            c.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        nine = HEAD.split("\n")[3].index("9")
        c.change(uri, 1002, [{"range": {"start": {"line": 3, "character": nine}, "end": {"line": 3, "character": nine + 1}},
                              "text": "0"}])   # levels L1..L0: an empty range
        c.p.stdin.flush()
        d = c.diagnostics(uri, 1002)["diagnostics"]
        check(len(d) >= 1 and d[0]["range"]["start"]["line"] == 3, "the last version's diagnostics: %r" % d)
        c.change(uri, 1003, [{"range": {"start": {"line": 3, "character": nine}, "end": {"line": 3, "character": nine + 1}},
                              "text": "9"}])
        check(c.diagnostics(uri, 1003)["diagnostics"] == [], "fixed again")
        c.change(uri, 1004, [{"range": {"start": {"line": 3, "character": 6}, "end": {"line": 3, "character": 6}},
                              "text": " "}])   # "levels  L1..L9": formatting gives the whole text back
        f = c.result("textDocument/formatting", {"textDocument": {"uri": uri}, "options": {}})
        want = HEAD + "# " + "".join(out) + "\n"
        check(f and f[0]["newText"] == fmt(ladderc, want.replace("levels", "levels ")) == want,
              "the text after 1,000 changes: %r" % (f and f[0]["newText"][-60:]))
        c.stop()
    finally:
        c.kill()


def gen_roles(n):
    lines = [HEAD.replace("L1..L9", "L1..L9")]
    for i in range(n):
        lines.append('role r%d "Role number %d" track ic level L%d at (%d, %d)\n' % (i, i, 1 + i % 9, i % 10, i % 7))
    for i in range(1, n):
        lines.append("r%d -> r%d\n" % (i - 1, i))
    return "".join(lines)


def vm_hwm_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def t_big_document(ladderc, tmp):
    """A 10 MB document opens and is answered; the server's memory stays within 20 times its size."""
    text = gen_roles(1)
    unit = 'role x%d "Role number %d with a long title" track ic level L5 at (%d.%02d, %d.%02d)\n'
    parts = [text]
    size = len(text)
    i = 0
    while size < 10 << 20:
        k = i % 1000    # every role at a place of its own: x from 0.00 to 9.99, y from 5.00 on
        line = unit % (i, i, k // 100, k % 100, 5 + i // 100000, i // 1000 % 100)
        parts.append(line)
        size += len(line)
        i += 1
    parts.append("r0 -> nobody\n")
    text = "".join(parts)
    c = Client(ladderc)
    try:
        c.initialize()
        uri = "file:///nowhere/big.ladder"
        c.open(uri, text)
        p = c.diagnostics(uri)
        d = p["diagnostics"]
        check(len(d) == 1 and d[-1]["code"] == "E110" and d[-1]["range"]["start"]["line"] == text.count("\n") - 1,
              "the big document's error: %r" % d[-3:])
        last = text.count("\n")
        c.change(uri, 2, [{"range": {"start": {"line": last - 1, "character": 6}, "end": {"line": last, "character": 0}},
                           "text": "r0\n"}])
        d = c.diagnostics(uri, 2)["diagnostics"]
        check(all(x["code"] != "E110" for x in d), "after the fix: %r" % d[:3])
        r = c.result("textDocument/definition", {"textDocument": {"uri": uri},
                                                 "position": {"line": last - 1, "character": 0}})
        check(r and r[0]["range"]["start"]["line"] == 5, "definition in the big document: %r" % r)
        kb = vm_hwm_kb(c.p.pid)
        # the text in memory (the editor's copy, the session's copy), the index
        # and the model: measured 92 MB for 10 MB; 20 times is the bound
        check(kb < 20 * len(text) // 1024, "peak memory %d KB for a %d KB document" % (kb, len(text) // 1024))
        c.stop()
    finally:
        c.kill()


QUERY = HEAD + """competency craft "Craft" hard {
  1 "Learns"
  2 "Leads"
}
competency people "People" soft {
  1 "Helps"
  2 "Mentors"
}
role senior "Señor 🎉" track ic level L5 {
  craft 2
  people 1
}
role staff "Staff" track icc level L6 {
  craft 2
  people 2
}
senior -> staff
"""


def t_queries(ladderc, tmp):
    """Hover, completion, the outline and quick fixes, from the library's editor queries."""
    c = Client(ladderc)
    try:
        caps = c.initialize()["capabilities"]
        check(caps.get("completionProvider") == {} and caps.get("documentSymbolProvider") is True and
              caps.get("codeActionProvider") == {"codeActionKinds": ["quickfix"]}, "capabilities %r" % caps)
        uri = "file:///nowhere/query.ladder"
        c.open(uri, QUERY)
        d = c.diagnostics(uri)["diagnostics"]
        lines = QUERY.split("\n")
        staff = next(i for i, l in enumerate(lines) if l.startswith("role staff"))
        ci = utf16_len(lines[staff][:lines[staff].index(" icc ") + 1])
        check([(x["code"], x["range"]["start"]) for x in d] == [("E110", {"line": staff, "character": ci})],
              "diagnostics %r" % d)
        # the quick fix: 'icc' -> 'ic', at the diagnostic's range
        a = c.result("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": d[0]["range"],
                                                 "context": {"diagnostics": d}})
        check(len(a) == 1 and a[0]["kind"] == "quickfix" and a[0]["edit"]["changes"][uri] ==
              [{"range": {"start": {"line": staff, "character": ci}, "end": {"line": staff, "character": ci + 3}},
                "newText": "ic"}], "code actions %r" % a)
        a = c.result("textDocument/codeAction", {"textDocument": {"uri": uri},
                                                 "range": {"start": {"line": 0, "character": 0},
                                                           "end": {"line": 0, "character": 3}},
                                                 "context": {"diagnostics": []}})
        check(a == [], "code actions where no diagnostic is: %r" % a)
        # completion after "track " on a role line: the track ids
        c.change(uri, 2, [{"range": {"start": {"line": staff, "character": ci}, "end": {"line": staff, "character": ci + 3}},
                           "text": ""}])
        r = c.result("textDocument/completion", {"textDocument": {"uri": uri},
                                                 "position": {"line": staff, "character": ci}})
        labels = [x["label"] for x in (r["items"] if isinstance(r, dict) else r)]
        check(labels == ["ic"], "completion after track: %r" % r)
        # the outline: the competency with its rungs as children, the roles
        c.change(uri, 3, [{"range": {"start": {"line": staff, "character": ci}, "end": {"line": staff, "character": ci}},
                           "text": "ic"}])
        # hover on a role used in a move (the ladder without errors): its markdown, with the range of the name
        move = len(lines) - 2
        h = c.result("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": move, "character": 2}})
        check(h and "Señor" in h["contents"]["value"] and h["range"] == {"start": {"line": move, "character": 0},
                                                                       "end": {"line": move, "character": 6}},
              "hover on senior: %r" % h)
        o = c.result("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
        names = [(x["name"], [y["name"] for y in x["children"]]) for x in o]
        check(("Craft", ["Learns", "Leads"]) in names and ("Señor 🎉", []) in names and ("Staff", []) in names,
              "outline %r" % names)
        sen = next(x for x in o if x["name"] == "Señor 🎉")
        senior = next(i for i, l in enumerate(lines) if l.startswith("role senior"))
        check(sen["selectionRange"]["start"] == {"line": senior, "character": 5} and sen["range"]["start"]["line"] ==
              senior and sen["range"]["end"]["line"] == senior + 3, "the role's ranges %r" % sen)
        # a name after an emoji: the cursor's UTF-16 position is the library's code point
        at = utf16_len(lines[senior][:lines[senior].index(" ic ") + 2])
        r = c.result("textDocument/definition", {"textDocument": {"uri": uri},
                                                 "position": {"line": senior, "character": at}})
        check(r == [{"uri": uri, "range": {"start": {"line": 4, "character": 6}, "end": {"line": 4, "character": 8}}}],
              "definition of the track after an emoji: %r" % r)
        r = c.result("textDocument/references", {"textDocument": {"uri": uri}, "context": {"includeDeclaration": False},
                                                 "position": {"line": 4, "character": 7}})
        check({"start": {"line": senior, "character": at - 1}, "end": {"line": senior, "character": at + 1}} in
              [x["range"] for x in r], "the use after an emoji, in UTF-16: %r" % r)
        c.stop()
    finally:
        c.kill()


def t_huge_body(ladderc, tmp):
    """A body over the 64 MB cap is read and dropped, not held: ParseError, then the next message is served."""
    c = Client(ladderc)
    try:
        c.initialize()
        n = (64 << 20) + 1
        c.send_raw(b"Content-Length: %d\r\n\r\n" % n)
        chunk = b"x" * (1 << 20)
        for _ in range(64):
            c.p.stdin.write(chunk)
        c.send_raw(b"x")
        m = c.read()
        check(m.get("id", 0) is None and m["error"]["code"] == -32700 and "64 MB" in m["error"]["message"],
              "a body over the cap: %r" % m)
        e = c.error("no/such", {})
        check(e["code"] == -32601, "after the dropped body: %r" % e)
        kb = vm_hwm_kb(c.p.pid)
        check(kb < 32 << 10, "peak memory %d KB: the body was held" % kb)
        c.stop()
    finally:
        c.kill()


TESTS = [t_queries, t_lifecycle, t_exit_without_shutdown, t_malformed, t_ranges_clamped, t_diagnostics_utf16,
         t_utf8_negotiated, t_files, t_many_changes, t_big_document, t_huge_body]
STRESS = {"t_many_changes", "t_big_document", "t_huge_body"}


def bench(ladderc, n, roles=1000):
    gen = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gen_ladder.py")
    text = subprocess.run([sys.executable, gen, "spread", str(roles)], stdout=subprocess.PIPE, check=True,
                          timeout=WAIT).stdout.decode()
    lines = text.split("\n")
    line = next(i for i, l in enumerate(lines) if l.startswith("role "))
    col = utf16_len(lines[line][:lines[line].index('"') + 1])    # the title's first character
    first = lines[line][lines[line].index('"') + 1]
    c = Client(ladderc, env={"LADDERC_LSP_TIMING": "1"})
    trips = []
    try:
        c.initialize()
        uri = "file:///nowhere/bench.ladder"
        c.open(uri, text)
        check(c.diagnostics(uri)["diagnostics"] == [], "the bench's ladder has diagnostics")
        for v in range(n):     # the first role's title's first character, changed and back
            t0 = time.perf_counter()
            c.change(uri, v + 2, [{"range": {"start": {"line": line, "character": col},
                                             "end": {"line": line, "character": col + 1}},
                                   "text": "X" if v % 2 == 0 else first}])
            c.diagnostics(uri, v + 2)
            trips.append((time.perf_counter() - t0) * 1e3)
        c.stop()
    finally:
        c.kill()
    checks = [l for l in c.stderr().splitlines() if "checked" in l][1:]
    server = [float(l.split(" in ")[1].split()[0]) for l in checks]
    cpu = [float(l.split("(")[1].split()[0]) for l in checks]
    for name, xs in (("server", server), ("server CPU", cpu), ("round trip", trips)):
        xs = sorted(xs)
        q = lambda f: xs[min(len(xs) - 1, int(f * len(xs)))]
        print("%s: median %.2f ms, quartiles %.2f to %.2f ms, max %.2f ms (%d changes, %d bytes)" %
              (name, q(0.5), q(0.25), q(0.75), xs[-1], len(xs), len(text.encode())))


def main():
    args = sys.argv[1:]
    ladderc = args.pop(0)
    quick = "--quick" in args
    if "--bench" in args:
        at = args.index("--bench")
        bench(ladderc, int(args[at + 1]), int(args[at + 2]) if len(args) > at + 2 else 1000)
        return 0
    names = [a for a in args if not a.startswith("--")]
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for t in TESTS:
            if (names and t.__name__ not in names) or (quick and t.__name__ in STRESS):
                continue
            try:
                t(ladderc, tmp)
                print("pass %s" % t.__name__)
            except Exception as e:  # a crash of the server shows as a broken pipe or bad JSON
                failed += 1
                why = str(e) if isinstance(e, Failure) else "%s: %s" % (type(e).__name__, e)
                err = "".join(c.stderr() for c in CLIENTS)[-2000:]
                print("fail %s: %s%s" % (t.__name__, why, "\n  stderr: " + err if err else ""))
            del CLIENTS[:]
            sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
