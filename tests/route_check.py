#!/usr/bin/env python3
"""route_check.py - reads an SVG that ladderc drew and checks its arrows from
the drawn shapes alone (no ids, no titles, so it holds whatever names the
nodes get):

  - an arrow crosses no role node but the two it connects: its Bezier path is
    sampled, and no sample may lie inside another node (shrunk by a tolerance
    for the rounded corners and the rounding of coordinates). The two nodes an
    arrow connects are the ones its start and its arrowhead's tip touch;
  - no two edge labels (<text> in an edge's group) overlap, nor a label and a
    role node.

  usage: route_check.py [--labels-only | --edges-only] FILE.svg
prints one line per problem and exits 1 when there is one; 0 and nothing when
the picture is clean.
"""
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"
SHRINK = 2.0        # points: a sample this close to a node's border is not inside it
TOUCH = 3.0         # points: how close an arrow's end must be to the node it ends at
SAMPLES = 24        # per cubic piece

# Helvetica advance widths (1/1000 em) for what years labels hold; others 600
WIDTHS = {c: 556 for c in "0123456789"}
WIDTHS.update({".": 278, " ": 278, "y": 500, ",": 278, "-": 333})


def numbers(s):
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", s)]


def path_points(d):
    """The Bezier pieces of an SVG path of M and C commands (Graphviz's)."""
    pts = numbers(d)
    pairs = [(pts[i], pts[i + 1]) for i in range(0, len(pts) - 1, 2)]
    return pairs


def sample(pairs):
    out = [pairs[0]]
    for k in range(0, len(pairs) - 3, 3):
        p0, p1, p2, p3 = pairs[k:k + 4]
        for j in range(1, SAMPLES + 1):
            t = j / SAMPLES
            u = 1 - t
            out.append(tuple(u * u * u * p0[i] + 3 * u * u * t * p1[i] + 3 * u * t * t * p2[i] + t * t * t * p3[i]
                             for i in range(2)))
    return out


def box_of_points(pts):
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


def inside(b, p, shrink):
    return b[0] + shrink < p[0] < b[2] - shrink and b[1] + shrink < p[1] < b[3] - shrink


def near(b, p, d):
    return b[0] - d <= p[0] <= b[2] + d and b[1] - d <= p[1] <= b[3] + d


def overlap(a, b, slack=0.5):
    return min(a[2], b[2]) - max(a[0], b[0]) > slack and min(a[3], b[3]) - max(a[1], b[1]) > slack


def text_box(t):
    size = float(t.get("font-size", "14"))
    x, y = float(t.get("x")), float(t.get("y"))
    w = sum(WIDTHS.get(c, 600) for c in (t.text or "")) * size / 1000
    anchor = t.get("text-anchor", "start")
    x0 = x - w / 2 if anchor == "middle" else x - w if anchor == "end" else x
    return (x0, y - 0.75 * size, x0 + w, y + 0.25 * size)


def role_nodes(root):
    """Boxes of the nodes drawn as boxes (a path or a polygon), by title."""
    nodes = []
    for g in root.iter(NS + "g"):
        if g.get("class") != "node":
            continue
        # (a role with a tooltip or a link has its shapes inside an <a>)
        shape = g.find(".//" + NS + "path")
        if shape is None:
            shape = g.find(".//" + NS + "polygon")
        if shape is None:
            continue
        pts = path_points(shape.get("d")) if shape.tag == NS + "path" else \
            path_points(shape.get("points"))
        if not pts:
            continue
        title = g.find(NS + "title")
        name = title.text if title is not None else g.get("id")
        if name and name.startswith("_"):
            continue    # the legend's swatches
        nodes.append((name, box_of_points(pts)))
    return nodes


def edges(root):
    """(title, path pairs, tip, label boxes) of every edge with a path."""
    out = []
    for g in root.iter(NS + "g"):
        if g.get("class") != "edge":
            continue
        # (an arrow with its years in a tooltip is drawn inside an <a>)
        path = g.find(".//" + NS + "path")
        if path is None:
            continue
        head = g.find(".//" + NS + "polygon")
        pairs = path_points(path.get("d"))
        tip = pairs[-1]
        if head is not None:
            hp = path_points(head.get("points"))
            # the tip: the arrowhead's point farthest from where the path ends
            tip = max(hp, key=lambda p: (p[0] - pairs[-1][0]) ** 2 + (p[1] - pairs[-1][1]) ** 2)
        title = g.find(NS + "title")
        name = title.text if title is not None else g.get("id")
        labels = [text_box(t) for t in g.iter(NS + "text")]
        out.append((name, pairs, tip, labels))
    return out


def main(argv):
    mode = "all"
    if argv and argv[0] in ("--labels-only", "--edges-only"):
        mode = argv.pop(0)[2:].split("-")[0]
    root = ET.parse(argv[0]).getroot()
    nodes = role_nodes(root)
    problems = []
    all_labels = []
    for name, pairs, tip, labels in edges(root):
        if name and name.startswith("_"):
            continue    # axes and legend samples
        ends = [n for n, b in nodes if near(b, pairs[0], TOUCH) or near(b, tip, TOUCH)]
        if mode != "labels":
            for p in sample(pairs):
                hit = [n for n, b in nodes if n not in ends and inside(b, p, SHRINK)]
                if hit:
                    problems.append("edge %s crosses node %s at (%.0f, %.0f)" % (name, hit[0], p[0], p[1]))
                    break
        for lb in labels:
            all_labels.append((name, lb))
    if mode != "edges":
        all_labels.sort(key=lambda e: e[1][0])
        for i, (na, a) in enumerate(all_labels):
            for nb, b in all_labels[i + 1:]:
                if b[0] >= a[2]:
                    break
                if overlap(a, b):
                    problems.append("labels of %s and %s overlap" % (na, nb))
            for n, b in nodes:
                if overlap(a, b):
                    problems.append("label of %s lies on node %s" % (na, n))
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
