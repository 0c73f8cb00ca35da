#!/usr/bin/env python3
"""san_subset.py - the items of the sanitized rerun chosen by coverage.

    san_subset.py check ITEMS LIST [TIMES]   exit 1 when LIST covers less
    san_subset.py write ITEMS LIST [TIMES]   LIST := a smallest-cost cover

ITEMS is the folder tests/run.sh fills under GCOV_ITEMS=ITEMS with a gcov
build (tests/suites/san-subset.sh runs it): one tree of .gcda files per
item (a data case or a suite), ITEM.nobody beside it for what the item ran
as nobody. For each item, gcov says which lines and which branch outcomes
of lib/, cli/, plugin/ and grammar/ (the parser's and scanner's actions)
it reached. LIST (tests/sanitized.list) names the items `make check`'s
sanitized rerun runs; `check` fails when their union misses a line or a
branch outcome that the whole rerun reaches, and names the items that
reach it (add one, or run `write`). `write` chooses a new LIST: every
item that alone reaches something, then the item that adds the most per
second of CPU under the sanitizers (TIMES: the output of `TIMES=1 make
check`, for each suite's; a data case counts the cases' over their number),
then drops any item the others make redundant.
"""
import concurrent.futures
import json
import os
import subprocess
import sys

OURS = ("lib/", "cli/", "plugin/", "grammar/")
CASE_COST = 0.02   # seconds, when the trace does not say


def gcda_files(tree):
    for top, _dirs, files in os.walk(tree):
        for f in files:
            if f.endswith(".gcda"):
                yield os.path.join(top, f)


def tree_units(tree):
    """the lines (file, line) and branch outcomes (object, file, line, i)
    that the counts under tree reached"""
    files = sorted(gcda_files(tree))
    if not files:
        return frozenset()
    for gcda in files:
        # gcov wants the notes file beside the counts: the build's, linked
        gcno = gcda[:-5] + ".gcno"
        real = gcda[len(tree):-5] + ".gcno"
        if not os.path.exists(gcno) and os.path.exists(real):
            os.symlink(real, gcno)
    out = subprocess.run(["gcov", "--json-format", "--stdout", "-b"] + files,
                         capture_output=True, text=True, check=False)
    units = set()
    for doc in out.stdout.splitlines():
        if not doc.startswith("{"):
            continue
        d = json.loads(doc)
        obj = os.path.basename(d.get("data_file", ""))
        for f in d["files"]:
            name = f["file"]
            if not name.startswith(OURS):
                continue
            for ln in f["lines"]:
                if ln["count"] > 0:
                    units.add((name, ln["line_number"]))
                for i, br in enumerate(ln["branches"]):
                    if br["count"] > 0:
                        units.add((obj, name, ln["line_number"], i))
    return frozenset(units)


def item_path(dirname):
    return dirname.replace("+", "/")


def collect(items_dir):
    """item path -> the units it reached (its own tree and its .nobody one)"""
    trees = sorted(os.listdir(items_dir))
    with concurrent.futures.ProcessPoolExecutor(os.cpu_count() or 2) as pool:
        got = dict(zip(trees, pool.map(tree_units, [os.path.join(items_dir, t) for t in trees], chunksize=8)))
    items = {}
    for t, units in got.items():
        name = item_path(t[:-len(".nobody")] if t.endswith(".nobody") else t)
        items[name] = items.get(name, frozenset()) | units
    return items


def read_list(path):
    try:
        with open(path, encoding="utf-8") as f:
            return [l.split("#")[0].strip() for l in f if l.split("#")[0].strip()]
    except FileNotFoundError:
        return []


def costs(times, items):
    """seconds of CPU of each item under the sanitizers: TIMES is the output
    of `TIMES=1 make check` (its "time: NAME N s of CPU ... (sanitized run)"
    lines); a data case costs the cases' time over their number"""
    took = {}
    if times and os.path.exists(times):
        for line in open(times, encoding="utf-8"):
            w = line.split()
            if len(w) > 2 and w[0] == "time:" and line.rstrip().endswith("(sanitized run)"):
                took[w[1]] = float(w[2])
    n_cases = sum(1 for it in items if it.startswith("tests/cases/"))
    cost = {}
    for it in items:
        if it.startswith("tests/cases/"):
            cost[it] = took["cases"] / n_cases if "cases" in took else CASE_COST
        else:
            cost[it] = max(took.get(os.path.basename(it)[:-3], 1.0), CASE_COST)
    return cost


def cover(items, cost):
    """a cover of the union of items: the essential ones, greedy, pruned"""
    owners = {}
    for it, units in items.items():
        for u in units:
            owners.setdefault(u, []).append(it)
    chosen = {o[0] for o in owners.values() if len(o) == 1}
    covered = set().union(*(items[i] for i in chosen)) if chosen else set()
    left = set(owners) - covered
    while left:
        best = max((i for i in items if i not in chosen),
                   key=lambda i: (len(items[i] & left) / cost[i], i))
        if not items[best] & left:
            break
        chosen.add(best)
        left -= items[best]
    # the dearest first: drop an item the others cover
    for it in sorted(chosen, key=lambda i: -cost[i]):
        rest = chosen - {it}
        others = set()
        for r in rest:
            others |= items[r]
        if items[it] <= others:
            chosen = rest
    return chosen


def describe(u):
    if len(u) == 2:
        return "%s:%d (line)" % u
    return "%s:%d (branch outcome %d, %s)" % (u[1], u[2], u[3], u[0])


HEADER = """\
# sanitized.list - the items `make check` runs again under ASan+UBSan+LSan
# (tests/suites/sanitizers.sh, through RUN_LIST of tests/run.sh): a subset
# of the data cases and suites that reaches every line and branch outcome
# of lib/, cli/, plugin/ and grammar/ that the whole sanitized rerun
# reaches. `make check-slow` runs the whole rerun, and checks this list
# still covers it (tests/suites/san-subset.sh): a new test that reaches
# something new must be added here. Written by
# `tests/tools/san_subset.py write` (read its header); edit by hand freely,
# the check says what is missing.
"""


def main(argv):
    if len(argv) < 3 or argv[0] not in ("check", "write"):
        sys.stderr.write(__doc__)
        return 2
    mode, items_dir, list_path = argv[0], argv[1], argv[2]
    times = argv[3] if len(argv) > 3 else None
    items = collect(items_dir)
    full = set().union(*items.values()) if items else set()
    listed = read_list(list_path)
    have = set()
    for it in listed:
        have |= items.get(it, frozenset())
    n_lines = sum(1 for u in full if len(u) == 2)
    print("san_subset: %d items reach %d lines and %d branch outcomes" % (len(items), n_lines, len(full) - n_lines))
    if mode == "check":
        unknown = [it for it in listed if it not in items]
        missing = full - have
        for it in unknown:
            print("san_subset: %s is in %s but did not run" % (it, list_path))
        if missing:
            print("san_subset: %s misses %d of them; each with the items that reach it:" % (list_path, len(missing)))
            for u in sorted(missing, key=describe)[:40]:
                print("  %s: %s" % (describe(u), " ".join(sorted(i for i in items if u in items[i])[:4])))
            print("  (add one of each to %s, or: tests/tools/san_subset.py write)" % list_path)
        else:
            print("san_subset: the %d items of %s reach them all" % (len(listed), list_path))
        return 1 if missing or unknown else 0
    cost = costs(times, items)
    chosen = cover(items, cost)
    with open(list_path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for it in sorted(chosen):
            f.write(it + "\n")
    print("san_subset: wrote %s: %d of %d items, ~%.1f of %.1f s of CPU under the sanitizers" % (
        list_path, len(chosen), len(items), sum(cost[i] for i in chosen), sum(cost.values())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
