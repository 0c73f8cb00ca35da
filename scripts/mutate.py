#!/usr/bin/env python3
"""mutate.py - a small mutation tester for ladderc's C sources (`make mutate`).

For each target file it lists one-token mutants (a relational boundary moved,
== and != swapped, && and || swapped, an `if` condition negated, a diagnostic
call or an `if (...) return ...;` dropped, an integer literal off by one, true
and false swapped), applies each one to a scratch copy of the tree (never the
working tree), rebuilds, runs the test stages in order until one fails, and
writes build/mutate/report.md: per file, mutants killed and survived, and
every survivor with its file:line and diff.

A mutant is killed when a stage fails or times out (a hang counts as killed),
survives when every stage passes, and is "stillborn" (not counted) when it
does not compile. Mutants are listed in source order; --sample N keeps a
deterministic subset (the N with the smallest hash of file, line and change),
so the same mutants run in the same order on every run.
"""
import argparse
import concurrent.futures
import difflib
import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys
import time

# ---- tokens ---------------------------------------------------------------

TOKEN_RE = re.compile(r"""
    (?P<skip>/\*.*?\*/ | //[^\n]* | ^[ \t]*\#(?:[^\n]*\\\n)*[^\n]* | \s+)
  | (?P<str>"(?:\\.|[^"\\\n])*" | '(?:\\.|[^'\\\n])*')
  | (?P<num>0[xX][0-9a-fA-F]+[uUlL]* | \d+(?:\.\d*)?(?:[eE][+-]?\d+)?[uUlLfF]*)
  | (?P<id>[A-Za-z_]\w*)
  | (?P<op><<=|>>=|->|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^!~<>=?:;,.(){}\[\]])
""", re.S | re.M | re.X)


class Tok:
    __slots__ = ("kind", "text", "start", "end", "line", "func")

    def __init__(self, kind, text, start, end, line):
        self.kind, self.text, self.start, self.end, self.line = kind, text, start, end, line
        self.func = None


def tokenize(src):
    toks, line, pos = [], 1, 0
    for m in TOKEN_RE.finditer(src):
        if m.start() != pos:    # a byte no rule matches (a stray backslash): skip it
            line += src.count("\n", pos, m.start())
        kind = m.lastgroup
        if kind != "skip":
            toks.append(Tok(kind, m.group(), m.start(), m.end(), line))
        line += m.group().count("\n")
        pos = m.end()
    mark_functions(toks)
    return toks


def mark_functions(toks):
    """Sets tok.func to the enclosing function's name for tokens inside a body."""
    depth, candidate, func = 0, None, None
    for i, t in enumerate(toks):
        if depth == 0 and t.kind == "id" and i + 1 < len(toks) and toks[i + 1].text == "(":
            candidate = t.text
        if t.text == "{":
            if depth == 0 and i > 0 and toks[i - 1].text == ")":
                func = candidate
            depth += 1
        elif t.text == "}":
            depth -= 1
            if depth == 0:
                func = None
                continue
        if depth > 0:
            t.func = func


def match_paren(toks, i):
    """Index of the token closing the bracket at toks[i]."""
    pairs = {"(": ")", "[": "]", "{": "}"}
    open_, close, depth = toks[i].text, pairs[toks[i].text], 0
    for j in range(i, len(toks)):
        if toks[j].text == open_:
            depth += 1
        elif toks[j].text == close:
            depth -= 1
            if depth == 0:
                return j
    return None


def statement_end(toks, i):
    """Index of the ';' ending the statement that starts at toks[i] (outside brackets)."""
    j = i
    while j < len(toks) and toks[j].text != ";":
        if toks[j].text in "([{":
            j = match_paren(toks, j)
            if j is None:
                return None
        j += 1
    return j if j < len(toks) else None


# ---- operators ------------------------------------------------------------

SWAPS = {"<": "<=", "<=": "<", ">": ">=", ">=": ">", "==": "!=", "!=": "==",
         "&&": "||", "||": "&&", "true": "false", "false": "true"}
SWAP_OP = {"<": "boundary", "<=": "boundary", ">": "boundary", ">=": "boundary",
           "==": "negate-equality", "!=": "negate-equality", "&&": "and-or", "||": "and-or",
           "true": "true-false", "false": "true-false"}
DROPPED_CALLS = ("diag_error", "diag_warning", "diag_note", "diag_verror")
STATEMENT_BEFORE = (";", "{", "}", ")", "else")
TYPE_WORDS = {"char", "int", "long", "short", "unsigned", "size_t", "bool", "double", "uint8_t",
              "uint32_t", "uint64_t", "int64_t"}


def mutants_of(path, src, funcs):
    """Yields (start, end, replacement, operator) for every mutant of src, in source order."""
    toks = tokenize(src)
    out = []
    for i, t in enumerate(toks):
        if t.func is None or (funcs and t.func not in funcs):
            continue
        prev = toks[i - 1].text if i > 0 else ""
        if t.text in SWAPS and (t.kind == "op" or t.text in ("true", "false")):
            out.append((t.start, t.end, SWAPS[t.text], SWAP_OP[t.text], t))
        elif t.kind == "num" and not is_array_size(toks, i):
            out.extend(off_by_one(t))
        elif t.text == "(":
            out.extend(dropped_operands(toks, i, src))
        if t.text == "if" and i + 1 < len(toks) and toks[i + 1].text == "(":
            close = match_paren(toks, i + 1)
            if close is None:
                continue
            a, b = toks[i + 1], toks[close]
            out.append((a.start, b.end, "(!" + src[a.start:b.end] + ")", "negate-if", t))
            if close + 1 < len(toks) and toks[close + 1].text == "return":
                end = statement_end(toks, close + 1)
                if end is not None and prev != "else":
                    out.append((t.start, toks[end].end, ";", "drop-check", t))
        elif t.text in DROPPED_CALLS and prev in STATEMENT_BEFORE and toks[i + 1].text == "(":
            end = statement_end(toks, i)
            if end is not None:
                out.append((t.start, toks[end].end, ";", "drop-diag", t))
    return [(path, t.line, t.func, s, e, r, op) for s, e, r, op, t in out]


def dropped_operands(toks, i, src):
    """`(a || b || c)` less one operand: `(b || c)`, `(a || c)`, `(a || b)`; only
    for a group whose top level has one kind of && and || and nothing else
    that binds less tightly (?:, =, a comma)."""
    close = match_paren(toks, i)
    if close is None:
        return []
    cuts, kinds, j = [], set(), i + 1
    while j < close:
        text = toks[j].text
        if text in "([{":
            j = match_paren(toks, j)
            if j is None:
                return []
        elif text in ("&&", "||"):
            cuts.append(j)
            kinds.add(text)
        elif text in ("?", ",", "=", ";"):
            return []
        j += 1
    if len(kinds) != 1:
        return []
    bounds = [i] + cuts + [close]
    res = []
    for k in range(len(bounds) - 1):
        if k == 0:          # the first operand and the operator after it
            start, end = toks[i + 1].start, toks[bounds[1] + 1].start
        else:               # the operator before the operand, and the operand
            start, end = toks[bounds[k] - 1].end, toks[bounds[k + 1] - 1].end
        res.append((start, end, "", "drop-operand", toks[bounds[k] + 1]))
    return res


def off_by_one(t):
    m = re.match(r"(0[xX][0-9a-fA-F]+|\d+)([uUlL]*)$", t.text)
    if not m:          # a floating constant: leave it
        return []
    value = int(m.group(1), 0)
    res = [(t.start, t.end, str(value + 1) + m.group(2), "off-by-one", t)]
    if value > 0:
        res.append((t.start, t.end, str(value - 1) + m.group(2), "off-by-one", t))
    return res


def is_array_size(toks, i):
    """`char buf[32]`: a buffer one byte larger or smaller is not a mistake a test can see."""
    if i < 3 or toks[i - 1].text != "[" or toks[i + 1].text != "]":
        return False
    return toks[i - 2].kind == "id" and (toks[i - 3].text in TYPE_WORDS or toks[i - 3].text == "*")


def sample(mutants, n):
    """The n mutants with the smallest hash of (file, line, original text, replacement), in source order."""
    def key(m):
        path, line, func, s, e, r, op = m
        return hashlib.sha1(f"{path}:{line}:{op}:{r}".encode()).hexdigest()
    keep = set(id(m) for m in sorted(mutants, key=key)[:n])
    return [m for m in mutants if id(m) in keep]


# ---- running --------------------------------------------------------------

def copy_tree(root, dest):
    """The tracked and new files of root (what `git ls-files` lists; all files outside git)."""
    if os.path.exists(dest):
        shutil.rmtree(dest)
    try:
        names = subprocess.run(["git", "-C", root, "ls-files", "-co", "--exclude-standard", "-z"],
                               check=True, capture_output=True).stdout.decode().split("\0")
    except (OSError, subprocess.CalledProcessError):
        names = None
    if not names or names == [""]:
        shutil.copytree(root, dest, symlinks=True, ignore=shutil.ignore_patterns("build"))
        return
    for name in filter(None, names):
        src = os.path.join(root, name)
        if not os.path.lexists(src):   # deleted in the working tree
            continue
        os.makedirs(os.path.dirname(os.path.join(dest, name)), exist_ok=True)
        shutil.copy2(src, os.path.join(dest, name), follow_symlinks=False)
    # a repository of its own: the pre-commit tests install the hook from ROOT
    git = ["git", "-C", dest, "-c", "user.name=mutate", "-c", "user.email=mutate@localhost"]
    for cmd in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "scratch copy"]):
        subprocess.run(git + cmd, check=True, capture_output=True)


def limits():
    """Soft limits for the test run (a test may lower them): a mutant that loops
    writing output or allocating must not fill the disk or the memory. 4 GB
    per file: tests/suites/files.sh makes a sparse 2 GB file (truncate), which
    a lower limit refuses, failing the unmutated tree."""
    import resource
    resource.setrlimit(resource.RLIMIT_FSIZE, (4 << 30, resource.RLIM_INFINITY))
    resource.setrlimit(resource.RLIMIT_CPU, (60, resource.RLIM_INFINITY))
    os.setsid()


def run(cmd, cwd, timeout, env=None):
    """(status, output tail); status None when it timed out (the whole process group is killed)."""
    p = subprocess.Popen(cmd, shell=True, cwd=cwd, env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, preexec_fn=limits)
    try:
        out, _ = p.communicate(timeout=timeout)
        return p.returncode, out.decode(errors="replace")[-2000:]
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, 9)
        p.communicate()
        return None, ""


class Slot:
    """One scratch copy of the tree, built once, where one mutant at a time is applied."""

    def __init__(self, args, n):
        self.args, self.dir = args, os.path.join(args.out, f"slot{n}")

    def prepare(self):
        copy_tree(self.args.root, self.dir)
        rc, out = run(self.args.prepare, self.dir, 1800)
        if rc != 0:
            sys.exit(f"mutate: preparing {self.dir} failed:\n{out}")

    def test(self, env):
        """(verdict, stage): 'killed' at the first stage that fails or times out, else 'survived'."""
        for stage in self.args.stages:
            rc, _ = run(stage_command(self.args, stage), self.dir, self.args.timeout, env)
            if rc is None:
                return "killed", stage + " (timeout)"
            if rc != 0:
                return "killed", stage
        return "survived", ""

    def try_mutant(self, m, original):
        path, line, func, s, e, r, op = m
        target = os.path.join(self.dir, path)
        with open(target, "w") as f:
            f.write(original[:s] + r + original[e:])
        try:
            obj = os.path.join(self.dir, "build", os.path.splitext(os.path.basename(path))[0] + ".o")
            if os.path.exists(obj):
                os.remove(obj)
            rc, _ = run(self.args.build, self.dir, 600)
            if rc != 0:
                return "stillborn", ""
            return self.test(os.environ)
        finally:
            with open(target, "w") as f:
                f.write(original)


def diff_of(m, original):
    path, line, func, s, e, r, op = m
    a = original.splitlines(keepends=True)
    b = (original[:s] + r + original[e:]).splitlines(keepends=True)
    return "".join(difflib.unified_diff(a, b, "a/" + path, "b/" + path, n=0))


def run_all(args, mutants, sources, equivalent):
    free = [Slot(args, n) for n in range(args.jobs)]
    results = [None] * len(mutants)
    t0 = time.time()

    def one(k):
        slot = free.pop()
        try:
            m = mutants[k]
            if args.names[(m[0], m[3], m[4], m[5])] in equivalent:    # shown equivalent: not run
                results[k] = ("equivalent", "")
            else:
                results[k] = slot.try_mutant(m, sources[m[0]])
            verdict, stage = results[k]
            print(f"[{k + 1}/{len(mutants)}] {m[0]}:{m[1]} {m[6]}: {verdict} {stage}", flush=True)
        finally:
            free.append(slot)

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        list(pool.map(one, range(len(mutants))))
    return results, time.time() - t0


def baseline(args):
    """The unmutated tree must pass every stage, or every mutant would look
    killed; and each stage must run a test, or every mutant would look alive
    (a filter that matches nothing: "/tests/cases/" once ran no data case)."""
    slot = Slot(args, 0)
    t0 = time.time()
    for stage in args.stages:
        rc, out = run(stage_command(args, stage), slot.dir, args.timeout, os.environ)
        if rc != 0:
            sys.exit(f"mutate: the unmutated tree fails stage {stage}: fix the tests first")
        if re.search(r"^0 passed, 0 failed", out, re.M):
            sys.exit(f"mutate: stage {stage} runs no test: fix its filter")
    return time.time() - t0


def commit_of(root):
    try:
        head = subprocess.run(["git", "-C", root, "rev-parse", "--short=12", "HEAD"], check=True,
                              capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", root, "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        return head + (" (with uncommitted changes)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "(not a git tree)"


def report(args, mutants, results, sources, seconds, base_seconds, equivalent):
    rows, survivors, stillborn, equivalents = {}, [], 0, []
    for m, (verdict, stage) in zip(mutants, results):
        r = rows.setdefault(m[0], [0, 0, 0, 0])
        if verdict == "stillborn":
            stillborn += 1
            continue
        r[0] += 1
        r[{"equivalent": 1, "killed": 2, "survived": 3}[verdict]] += 1
        if verdict == "survived":
            survivors.append(m)
        elif verdict == "equivalent":
            equivalents.append(m)
    lines = ["# Mutation testing report", "",
             f"Commit {args.commit}; stages: {' '.join(args.stages)}; "
             f"{'sample of ' + str(args.sample) if args.sample else 'all mutants'}"
             f"{'; functions: ' + ' '.join(args.funcs) if args.funcs else ''}"
             f"{'; only those matching ' + repr(args.match) if args.match else ''}.",
             f"{len(mutants)} mutants ({stillborn} did not compile and are not counted) in {seconds:.0f} s "
             f"on {args.jobs} job(s); the unmutated suite took {base_seconds:.0f} s. The score is killed / "
             f"(mutants - equivalent); the equivalent ones are listed in {os.path.relpath(args.equivalent, args.root)}.",
             "", "| file | mutants | equivalent | killed | survived | score |",
             "| --- | --- | --- | --- | --- | --- |"]
    total = [0, 0, 0, 0]
    for path in args.files:
        row = rows.get(path, [0, 0, 0, 0])
        total = [a + b for a, b in zip(total, row)]
        lines.append(f"| {path} | {row[0]} | {row[1]} | {row[2]} | {row[3]} | {score(row[2], row[0] - row[1])} |")
    lines.append(f"| all | {total[0]} | {total[1]} | {total[2]} | {total[3]} | {score(total[2], total[0] - total[1])} |")
    summary = len(lines)
    lines += ["", f"## Survivors ({len(survivors)})", ""]
    for m in survivors:
        lines += [f"### {m[0]}:{m[1]} in {m[2]}(): {m[6]}", "", "```diff", diff_of(m, sources[m[0]]).rstrip(), "```", ""]
    lines += [f"## Equivalent ({len(equivalents)})", ""]
    for m in equivalents:
        name = args.names[(m[0], m[3], m[4], m[5])]
        lines.append(f"- {m[0]}:{m[1]} `{name}`: {equivalent[name]}")
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "report.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines[:summary]))
    print(f"report: {os.path.join(args.out, 'report.md')}")


def key_of(m, sources):
    """A mutant's name in the list of equivalent ones: its lines before and
    after the change, not their number, so that an edit elsewhere in the
    file does not orphan the entry, and two changes of one line differ."""
    path, line, func, s, e, r, op = m
    src = sources[path]
    a, b = src.rfind("\n", 0, s) + 1, src.find("\n", e)
    b = len(src) if b < 0 else b
    before, after = " ".join(src[a:b].split()), " ".join((src[a:s] + r + src[e:b]).split())
    return f"{path} {func}() {op}: {before} => {after}"


def name_mutants(mutants, sources):
    """key_of for every mutant of the files (before any sample), with ' (2nd)',
    ' (3rd)'... when one function has the same line and change more than once
    (three `for (size_t v = 0; ...)` loops in a row)."""
    names, seen = {}, {}
    for m in mutants:
        k = key_of(m, sources)
        seen[k] = seen.get(k, 0) + 1
        n = seen[k]
        names[(m[0], m[3], m[4], m[5])] = k if n == 1 else f"{k} ({n}{'nd' if n == 2 else 'rd' if n == 3 else 'th'})"
    return names


def read_equivalent(path):
    """KEY  # why it is equivalent, one a line (the key as key_of writes it)."""
    known = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                key, _, why = line.rstrip("\n").partition("  # ")
                if key.strip() and not key.startswith("#"):
                    known[key.strip()] = why.strip()
    return known


def describe(m, sources):
    path, line, func, s, e, r, op = m
    return f"{path}:{line} {func}() {op}: {sources[path][s:e]!r} -> {r!r}"


def score(killed, n):
    return f"{100.0 * killed / n:.1f}%" if n else "-"


QUICK_FIRST = ["syntax", "path", "mutants", "cli", "markdown", "diag", "backends", "files", "workflow"]


def stage_command(args, stage):
    """The command of a stage: --test with the stage as its filter, but the
    last automatic stage, "sanitized", is --sanitized (its own command)."""
    if stage == "sanitized":
        return args.sanitized
    return args.test.replace("{}", shlex.quote(stage))


def auto_stages(root, skip):
    """The data cases, then each suite of tests/suites/ not in skip: those that
    kill most mutants soonest first, the others after them by name."""
    names = sorted(f[:-3] for f in os.listdir(os.path.join(root, "tests", "suites")) if f.endswith(".sh"))
    names = [n for n in names if n not in skip]
    ordered = [n for n in QUICK_FIRST if n in names] + [n for n in names if n not in QUICK_FIRST]
    # last, only for the mutants every other stage let through: the whole
    # suite again under ASan and UBSan, valgrind and the fuzz smoke (a read
    # past an array, say, that changes no output)
    return ["tests/cases/"] + ["suites/" + n + ".sh" for n in ordered] \
        + ([] if "sanitized" in skip else ["sanitized"])


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--root", default=here, help="the tree to mutate (copied, never changed)")
    p.add_argument("--out", default=None, help="scratch copies and report.md (default ROOT/build/mutate)")
    p.add_argument("--files", default="lib/check.c cli/main.c lib/path.c lib/fmt.c")
    p.add_argument("--funcs", default="", help="only mutants inside these functions")
    p.add_argument("--sample", type=int, default=0, help="a deterministic subset of N mutants")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--timeout", type=int, default=300, help="seconds per stage; a stage over it kills the mutant")
    p.add_argument("--prepare", default="make -s -j2 all asan fuzz-build", help="run once in each scratch copy")
    p.add_argument("--build", default="make -s build/ladderc", help="run for each mutant")
    p.add_argument("--test", default="SANITIZERS=0 tests/run.sh {}",
                   help="run for each stage, {} replaced by the stage")
    p.add_argument("--sanitized", default="SANITIZERS=1 tests/run.sh suites/sanitizers.sh",
                   help="the command of the last automatic stage, 'sanitized' (the sanitizer suite); "
                        "--skip sanitized leaves it out")
    p.add_argument("--stages", default="auto",
                   help="filters for the test command, run in order; auto: the data cases, then every suite but "
                        "--skip, the quick ones first, then 'sanitized'")
    p.add_argument("--skip", default="sanitizers bench runner mutate",
                   help="suites auto leaves out: the sanitizer rerun and the benchmark (slow, and about "
                        "speed), the runner's own test and this tool's")
    p.add_argument("--match", default="", help="only mutants whose --list line matches this regular expression")
    p.add_argument("--equivalent", default=None,
                   help="mutants shown to be equivalent, not run (default ROOT/tests/mutate/equivalent.txt)")
    p.add_argument("--list", action="store_true", help="print the mutants and stop")
    p.add_argument("--stale", action="store_true",
                   help="print the entries of --equivalent that name no mutant of --files (an edit changed "
                        "the line) and stop; exit 1 when there are any")
    args = p.parse_args()
    args.root = os.path.abspath(args.root)
    args.equivalent = os.path.abspath(args.equivalent or os.path.join(args.root, "tests", "mutate", "equivalent.txt"))
    args.out = os.path.abspath(args.out or os.path.join(args.root, "build", "mutate"))
    args.files, args.funcs = args.files.split(), set(args.funcs.split())

    sources, mutants = {}, []
    for path in args.files:
        with open(os.path.join(args.root, path)) as f:
            sources[path] = f.read()
        mutants += mutants_of(path, sources[path], args.funcs)
    args.names = name_mutants(mutants, sources)
    if args.stale:
        known = set(args.names.values())
        stale = [k for k in read_equivalent(args.equivalent) if k.split(" ", 1)[0] in args.files and k not in known]
        for k in stale:
            print(k)
        sys.exit(1 if stale else 0)
    if args.sample:
        mutants = sample(mutants, args.sample)
    if args.match:      # after the sample: a run of some of a sample's mutants
        mutants = [m for m in mutants if re.search(args.match, describe(m, sources))]
    if args.list:
        for m in mutants:
            print(describe(m, sources))
        return
    args.stages = auto_stages(args.root, args.skip.split()) if args.stages == "auto" else args.stages.split()
    os.makedirs(args.out, exist_ok=True)
    args.commit = commit_of(args.root)     # the tree the scratch copies are made of, not the one at the end
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        list(pool.map(Slot.prepare, [Slot(args, n) for n in range(args.jobs)]))
    base = baseline(args)
    equivalent = read_equivalent(args.equivalent)
    results, seconds = run_all(args, mutants, sources, equivalent)
    report(args, mutants, results, sources, seconds, base, equivalent)


if __name__ == "__main__":
    main()
