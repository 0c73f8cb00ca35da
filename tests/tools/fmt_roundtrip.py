#!/usr/bin/env python3
"""fmt_roundtrip.py - fmt on many inputs in one process (tests/suites/workflow.sh).

usage: fmt_roundtrip.py LADDERC SANITIZED FILE...

For every FILE that fmt accepts: fmt is idempotent (fmt of the output is the
output), keeps the comments (as many lines with a '#'), and, unless SANITIZED
is not empty, keeps the meaning: the same JSON model apart from each entity's
"file", or, for a file with errors, the same diagnostics (message and code,
without their place). Under the sanitizers, a third of the inputs (every
third, fixed). Prints one line per problem ("     not idempotent: FILE"),
then "N_FMT N_BAD" on the last line.

It does what the shell loop it replaced did, command for command (each
ladderc under a 30 s limit, as `timeout 30` did), without the three to four
helper processes per ladderc (timeout, grep, sed, cmp): 554 inputs cost about
7,500 processes in the loop, 2,200 here.
"""
import os
import re
import subprocess
import sys
import tempfile

TIMEOUT = 30
# sed 's/, "file": "[^"]*"//g', line by line
FILE_FIELD = re.compile(rb', "file": "[^"\n]*"')
# sed -n 's/^[^ :][^:]*:[0-9]*:[0-9]*: //p'
DIAG_PLACE = re.compile(rb'^[^ :\n][^:\n]*:[0-9]*:[0-9]*: ')


def run(ladderc, args, merge=False):
    """(status, stdout) of ladderc ARGS; stderr dropped, or merged into stdout"""
    try:
        p = subprocess.run([ladderc] + args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT if merge else subprocess.DEVNULL, timeout=TIMEOUT)
        return p.returncode, p.stdout
    except subprocess.TimeoutExpired as e:
        return 124, e.stdout or b""


def comment_lines(data):
    """grep -c '#': the lines with a '#'"""
    return sum(1 for line in data.split(b"\n") if b"#" in line)


def diagnostics(ladderc, path):
    """each diagnostic's and note's text without its place, as the sed did"""
    _, out = run(ladderc, ["check", "--max-diagnostics=0", path], merge=True)
    return [DIAG_PLACE.sub(b"", line, count=1) for line in out.split(b"\n") if DIAG_PLACE.match(line)]


def main(argv):
    ladderc, sanitized, files = argv[1], argv[2], argv[3:]
    n_fmt = n_bad = n_all = 0
    # fmt's first output goes to a file, which fmt and build then read back
    work = tempfile.mkdtemp(prefix="fmt-roundtrip.", dir=os.environ.get("TMP"))
    f1 = os.path.join(work, "f1.ladder")
    for f in files:
        n_all += 1
        if sanitized and n_all % 3 != 0:
            continue
        rc, out1 = run(ladderc, ["fmt", f])
        if rc != 0:
            continue
        n_fmt += 1
        with open(f1, "wb") as fh:
            fh.write(out1)
        _, out2 = run(ladderc, ["fmt", f1])
        if out1 != out2:
            n_bad += 1
            print(f"     not idempotent: {f}")
        with open(f, "rb") as fh:
            src = fh.read()
        if comment_lines(src) != comment_lines(out1):
            n_bad += 1
            print(f"     comments lost: {f}")
        if sanitized:
            continue
        rc, m1 = run(ladderc, ["build", "-T", "json", f])
        if rc == 0:
            _, m2 = run(ladderc, ["build", "-T", "json", f1])
            if FILE_FIELD.sub(b"", m1) != FILE_FIELD.sub(b"", m2):
                n_bad += 1
                print(f"     model changed: {f}")
        elif diagnostics(ladderc, f) != diagnostics(ladderc, f1):
            n_bad += 1
            print(f"     diagnostics changed: {f}")
    for name in os.listdir(work):
        os.unlink(os.path.join(work, name))
    os.rmdir(work)
    print(f"{n_fmt} {n_bad}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
