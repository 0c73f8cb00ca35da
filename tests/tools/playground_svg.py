#!/usr/bin/env python3
"""playground_svg.py - is the playground's map the same picture as
`ladderc build -T svg`?

    playground_svg.py NATIVE.svg BROWSER.svg

The two come from different Graphviz versions (Debian's libgvc for the
command line, @hpcc-js/wasm-graphviz in the page), so their bytes differ
(comments, xml:space, 'transparent' against 'none'); the picture must not.
Compared, group by group (every <g class="node|edge|cluster"> by its id,
which ladderc's DOT sets: role-N, box-N, move-N, legend rows), in order:
each drawing element's tag and its coordinates (path d, polygon and
polyline points, ellipse centre and radii, text x and y), each text's
characters, each <title> (ld_finish_svg's words, so the page finished the
SVG as the command line does); and the root's size, <title> and <desc>.
Tolerances in points: 0.5 for everything (Graphviz rounds to 2 decimals,
and text anchors were rounded differently across versions), 2.0 for an
edge's arrowhead polygon (Graphviz 2.50 and later pull the arrowhead back
by its pen width; the edge's own path is compared at 0.5). The axes' and
the legend's arrows, which ladderc's DOT gives no id and no spline
(Graphviz names them edgeN and routes them itself, clipping at their
invisible end points a little differently across versions), are straight
lines: their path's end points and their arrowhead are compared at 3.0.
A polygon's repeated closing points are dropped first (2.43 repeats the
last point).

Prints one line per difference and exits 1 when there is any, 0 when the
pictures agree, 2 on unreadable input. Python 3 standard library only.
"""
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
TOL = 0.5
ARROW_TOL = 2.0
ROUTED_TOL = 3.0
ROUTED = re.compile(r"edge edge\d+$")
NUM = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
KINDS = ("node", "edge", "cluster")


def numbers(text):
    return [float(x) for x in NUM.findall(text or "")]


def polygon_points(text):
    nums = numbers(text)
    pts = [(nums[i], nums[i + 1]) for i in range(0, len(nums) - 1, 2)]
    out = []
    for p in pts:
        if not out or abs(out[-1][0] - p[0]) > 1e-9 or abs(out[-1][1] - p[1]) > 1e-9:
            out.append(p)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return [c for p in out for c in p]


def local(tag):
    return tag[len(SVG):] if tag.startswith(SVG) else tag


def text_of(el):
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip()


def shape(el):
    """(tag, numbers, text) of a drawing element, or None."""
    tag = local(el.tag)
    if tag == "path":
        return tag, numbers(el.get("d")), ""
    if tag in ("polygon", "polyline"):
        return tag, polygon_points(el.get("points")), ""
    if tag == "ellipse":
        return tag, [float(el.get(k, 0)) for k in ("cx", "cy", "rx", "ry")], ""
    if tag == "text":
        return tag, [float(el.get("x", 0)), float(el.get("y", 0))], text_of(el)
    if tag == "title":
        return tag, [], text_of(el)
    return None


def collect(el, out, current=None):
    """Groups by id: their drawing elements in document order."""
    tag = local(el.tag)
    if tag == "g" and el.get("class") in KINDS:
        current = []
        out[el.get("class") + " " + (el.get("id") or "?")] = current
    elif current is not None:
        s = shape(el)
        if s:
            current.append(s)
    for child in el:
        collect(child, out, current)


def read(path):
    root = ET.parse(path).getroot()
    if local(root.tag) != "svg":
        raise ValueError("%s: not an SVG" % path)
    groups = {}
    collect(root, groups)
    vb = numbers(root.get("viewBox"))
    title = root.find(SVG + "title")
    desc = root.find(SVG + "desc")
    head = {"size": vb[2:4] if len(vb) == 4 else [],
            "title": text_of(title) if title is not None else None,
            "desc": text_of(desc) if desc is not None else None}
    return head, groups


def ends(s):
    """A path's first and last points only."""
    return s[0], s[1][:2] + s[1][-2:], s[2]


def close(a, b, tol):
    return len(a) == len(b) and all(abs(x - y) <= tol for x, y in zip(a, b))


def compare(native, browser):
    """The differences, as lines of text."""
    (nh, ng), (bh, bg) = native, browser
    out = []
    for key in ("title", "desc"):
        if nh[key] != bh[key]:
            out.append("root %s: %r against %r" % (key, nh[key], bh[key]))
    if not close(nh["size"], bh["size"], 1.0):
        out.append("root size: %s against %s" % (nh["size"], bh["size"]))
    for name in sorted(set(ng) - set(bg)):
        out.append("%s: missing in the browser's map" % name)
    for name in sorted(set(bg) - set(ng)):
        out.append("%s: only in the browser's map" % name)
    for name in sorted(set(ng) & set(bg)):
        a, b = ng[name], bg[name]
        if [s[0] for s in a] != [s[0] for s in b]:
            out.append("%s: elements %s against %s" % (name, [s[0] for s in a], [s[0] for s in b]))
            continue
        routed = ROUTED.match(name) is not None
        for i, (sa, sb) in enumerate(zip(a, b)):
            tol = ARROW_TOL if name.startswith("edge ") and sa[0] == "polygon" else TOL
            if routed and sa[0] in ("path", "polygon"):
                tol = ROUTED_TOL
                if sa[0] == "path":
                    sa, sb = ends(sa), ends(sb)
            if sa[2] != sb[2]:
                out.append("%s: %s %d says %r against %r" % (name, sa[0], i, sa[2], sb[2]))
            if not close(sa[1], sb[1], tol):
                out.append("%s: %s %d at %s against %s" % (name, sa[0], i, sa[1][:8], sb[1][:8]))
    return out


def main(argv):
    if len(argv) != 3:
        print("usage: playground_svg.py NATIVE.svg BROWSER.svg", file=sys.stderr)
        return 2
    try:
        native, browser = read(argv[1]), read(argv[2])
    except (OSError, ET.ParseError, ValueError) as e:
        print("playground_svg.py: %s" % e, file=sys.stderr)
        return 2
    diffs = compare(native, browser)
    for d in diffs:
        print(d)
    if not native[1]:
        print("no node, edge or cluster in %s" % argv[1])
        return 1
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
