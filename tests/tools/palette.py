#!/usr/bin/env python3
"""palette.py - checks the colours of a map as ladderc writes them in DOT.

    palette.py [--report] FILE.dot [FILE.json]

Reads the legend's track rows ("_legend_track_N": color, fillcolor, style,
penwidth), the graph's background and the text colours, and asserts:

  1. the first 8 tracks' border colours stay apart under the three
     dichromacies, simulated with Machado, Oliveira and Fernandes (2009) at
     severity 1.0 (the worst case), and with normal vision: CIEDE2000
     distance >= MIN_DE2000 between every pair;
  2. beyond 8 tracks, two tracks that share a border colour differ in their
     border pattern (style and pen width), and no two tracks look the same
     up to 32 tracks;
  3. every text colour against what it is drawn on has a WCAG 2 contrast
     ratio >= 4.5 (role text on each track's fill, the title, box labels,
     axis titles, edge labels and the legend's text on the background), and
     every move's line against the background >= 3 (WCAG 1.4.11, graphics);
  4. with FILE.json (ladderc build -T json of the same ladder): every role
     is drawn in its track's look, the one its legend row shows.

Prints one line per failure and exits 1 if any; --report prints the
distances too. Standard library only.

Why CIEDE2000 >= 10: a distance of about 1 to 2.3 is a just-noticeable
difference side by side in good light; the map's colours are read from small
swatches (node borders 1.5 pt wide) and matched against a legend some
centimetres away, which needs several times that. Okabe-Ito, the palette
we draw with, keeps every pair of its 8 colours at 10.9 or more under all
three dichromacies (orange and reddish purple under tritanopia; --report
prints the closest pair of each), while palettes that merge two hues under
one deficiency fall well below 10: ladderc's palette before the themes
(orange and olive under protanopia, blue and purple under deuteranopia:
2.8), matplotlib's tab10 (orange and green under protanopia: 1.3). So 10
separates the palettes that work from those that do not, with the margin
Okabe-Ito has.
"""
import re
import sys

MIN_DE2000 = 10.0
MIN_TEXT_CONTRAST = 4.5
MIN_LINE_CONTRAST = 3.0
FIRST_COLOURED = 8
DISTINCT_LOOKS = 32

# Machado, Oliveira, Fernandes (2009), "A Physiologically-based Model for
# Simulation of Color Vision Deficiency", severity 1.0; they act on linear RGB.
MACHADO = {
    "protanopia": ((0.152286, 1.052583, -0.204868),
                   (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968),
                     (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779),
                   (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


# ---- colour arithmetic --------------------------------------------------

def hex_rgb(h):
    h = h.lstrip("#")
    return tuple(int(h[i:i + 2], 16) / 255.0 for i in (0, 2, 4))


def to_linear(c):
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def from_linear(c):
    c = min(1.0, max(0.0, c))
    return 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def simulate(rgb, deficiency):
    if deficiency == "normal":
        return rgb
    lin = [to_linear(c) for c in rgb]
    m = MACHADO[deficiency]
    return tuple(from_linear(sum(m[r][k] * lin[k] for k in range(3))) for r in range(3))


def lab(rgb):
    r, g, b = (to_linear(c) for c in rgb)
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116
    fx, fy, fz = f(x), f(y), f(z)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def ciede2000(lab1, lab2):
    """Sharma, Wu, Dalal (2005), kL = kC = kH = 1."""
    from math import atan2, cos, degrees, exp, radians, sin, sqrt
    L1, a1, b1 = lab1
    L2, a2, b2 = lab2
    c_bar = (sqrt(a1 * a1 + b1 * b1) + sqrt(a2 * a2 + b2 * b2)) / 2
    g = 0.5 * (1 - sqrt(c_bar ** 7 / (c_bar ** 7 + 25 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = sqrt(a1p * a1p + b1 * b1), sqrt(a2p * a2p + b2 * b2)
    h1p = degrees(atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = degrees(atan2(b2, a2p)) % 360 if c2p else 0.0
    dLp, dCp = L2 - L1, c2p - c1p
    if c1p * c2p == 0:
        dhp = 0.0
    elif abs(h2p - h1p) <= 180:
        dhp = h2p - h1p
    elif h2p - h1p > 180:
        dhp = h2p - h1p - 360
    else:
        dhp = h2p - h1p + 360
    dHp = 2 * sqrt(c1p * c2p) * sin(radians(dhp / 2))
    Lp_bar, Cp_bar = (L1 + L2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hp_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hp_bar = (h1p + h2p) / 2
    elif h1p + h2p < 360:
        hp_bar = (h1p + h2p + 360) / 2
    else:
        hp_bar = (h1p + h2p - 360) / 2
    t = (1 - 0.17 * cos(radians(hp_bar - 30)) + 0.24 * cos(radians(2 * hp_bar))
         + 0.32 * cos(radians(3 * hp_bar + 6)) - 0.20 * cos(radians(4 * hp_bar - 63)))
    d_theta = 30 * exp(-(((hp_bar - 275) / 25) ** 2))
    r_c = 2 * sqrt(Cp_bar ** 7 / (Cp_bar ** 7 + 25 ** 7))
    s_l = 1 + 0.015 * (Lp_bar - 50) ** 2 / sqrt(20 + (Lp_bar - 50) ** 2)
    s_c = 1 + 0.045 * Cp_bar
    s_h = 1 + 0.015 * Cp_bar * t
    r_t = -sin(radians(2 * d_theta)) * r_c
    return sqrt((dLp / s_l) ** 2 + (dCp / s_c) ** 2 + (dHp / s_h) ** 2
                + r_t * (dCp / s_c) * (dHp / s_h))


def luminance(rgb):
    r, g, b = (to_linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(h1, h2):
    l1, l2 = luminance(hex_rgb(h1)), luminance(hex_rgb(h2))
    return (max(l1, l2) + 0.05) / (min(l1, l2) + 0.05)


# ---- reading the DOT ----------------------------------------------------

ATTR = re.compile(r'(\w+)=("(?:[^"\\]|\\.)*"|[^,\]\s]+)')


def attrs(text):
    return {k: v[1:-1] if v.startswith('"') else v for k, v in ATTR.findall(text)}


def statement(dot, head):
    """The attributes of the first statement that starts with head."""
    m = re.search(r'^\s*' + re.escape(head) + r'\s*\[(.*?)\];\s*$', dot, re.M | re.S)
    return attrs(m.group(1)) if m else None


def read_map(dot):
    graph = statement(dot, "graph")
    node = statement(dot, "node")
    edge = statement(dot, "edge")
    tracks = []
    for m in re.finditer(r'^\s*"_legend_track_(\d+)" \[(.*)\];$', dot, re.M):
        a = attrs(m.group(2))
        tracks.append((int(m.group(1)), a))
    tracks.sort()
    boxes = [attrs(m.group(1)) for m in
             re.finditer(r'^\s*graph \[(style="rounded,dashed".*)\];$', dot, re.M)]
    kinds = [attrs(m.group(1)) for m in
             re.finditer(r'^\s*"_legend_\w+_from" -> "_legend_\w+_to" \[(.*)\];$', dot, re.M)]
    legend = re.search(r'subgraph cluster_legend \{\s*graph \[(.*?)\];', dot, re.S)
    return graph, node, edge, [a for _, a in tracks], boxes, kinds, attrs(legend.group(1)) if legend else None


# ---- the checks ---------------------------------------------------------

def check_borders(tracks, report, problems):
    borders = [t["color"] for t in tracks[:FIRST_COLOURED]]
    for deficiency in ("normal",) + tuple(MACHADO):
        labs = [lab(simulate(hex_rgb(c), deficiency)) for c in borders]
        worst = None
        for i in range(len(labs)):
            for j in range(i + 1, len(labs)):
                d = ciede2000(labs[i], labs[j])
                if worst is None or d < worst[0]:
                    worst = (d, i, j)
                if d < MIN_DE2000:
                    problems.append("%s: tracks %d and %d (%s, %s) are %.1f apart (CIEDE2000), want >= %.1f"
                                    % (deficiency, i, j, borders[i], borders[j], d, MIN_DE2000))
        if report and worst:
            print("%-13s closest pair: tracks %d and %d (%s, %s), CIEDE2000 %.1f"
                  % (deficiency, worst[1], worst[2], borders[worst[1]], borders[worst[2]], worst[0]))


def look(t):
    return (t.get("color"), t.get("fillcolor"), t.get("style", ""), t.get("penwidth", ""))


def check_patterns(tracks, report, problems):
    seen = {}
    for i, t in enumerate(tracks[:DISTINCT_LOOKS]):
        key = look(t)
        if key in seen:
            problems.append("tracks %d and %d look the same: %s" % (seen[key], i, key))
        seen.setdefault(key, i)
        for j in range(i):
            u = tracks[j]
            if u.get("color") == t.get("color") and (u.get("style"), u.get("penwidth")) == \
                    (t.get("style"), t.get("penwidth")):
                problems.append("tracks %d and %d share colour %s and pattern %s"
                                % (j, i, t.get("color"), t.get("style")))
    if report:
        for i, t in enumerate(tracks):
            print("track %2d: border %s fill %s style %s penwidth %s" % ((i,) + look(t)))


def want_contrast(what, fg, bg, minimum, report, problems):
    if not fg or not bg:
        problems.append("%s: no colour in the DOT (%r on %r)" % (what, fg, bg))
        return
    r = contrast(fg, bg)
    if report:
        print("%-40s %s on %s: %.2f" % (what, fg, bg, r))
    if r < minimum:
        problems.append("%s: %s on %s has contrast %.2f, want >= %.1f" % (what, fg, bg, r, minimum))


def check_contrast(graph, node, edge, tracks, boxes, kinds, legend, report, problems):
    bg = graph.get("bgcolor")
    text = node.get("fontcolor")
    for i, t in enumerate(tracks):
        want_contrast("role text on track %d's fill" % i, t.get("fontcolor", text), t.get("fillcolor"),
                      MIN_TEXT_CONTRAST, report, problems)
    want_contrast("title on the background", graph.get("fontcolor"), bg, MIN_TEXT_CONTRAST, report, problems)
    want_contrast("axis and legend text on the background", text, bg, MIN_TEXT_CONTRAST, report, problems)
    want_contrast("move labels on the background", edge.get("fontcolor"), bg, MIN_TEXT_CONTRAST, report, problems)
    for k, b in enumerate(boxes):
        want_contrast("box %d's label on the background" % k, b.get("fontcolor"), bg, MIN_TEXT_CONTRAST,
                      report, problems)
        want_contrast("box %d's frame on the background" % k, b.get("color"), bg, MIN_LINE_CONTRAST,
                      report, problems)
    if legend:
        want_contrast("the legend's title on the background", legend.get("fontcolor"), bg, MIN_TEXT_CONTRAST,
                      report, problems)
    for k in kinds:
        want_contrast("a %s move's line on the background" % k.get("style"), k.get("color"), bg,
                      MIN_LINE_CONTRAST, report, problems)


def check_roles(dot, tracks, model, problems):
    order = {t["id"]: i for i, t in enumerate(model["tracks"])}
    drawn = {}
    for m in re.finditer(r'^\s*"((?:[^"\\]|\\.)*)" \[label=(.*)\];$', dot, re.M):
        drawn[m.group(1)] = attrs("label=" + m.group(2))
    for r in model["roles"]:
        a = drawn.get(r["id"])
        t = order[r["track"]]
        if a is None:
            problems.append("role %s: not in the DOT" % r["id"])
        elif t >= len(tracks) or look(a) != look(tracks[t]):
            problems.append("role %s: drawn %s, its track's legend row %s"
                            % (r["id"], look(a), look(tracks[t]) if t < len(tracks) else None))


def main(argv):
    report = "--report" in argv
    files = [a for a in argv if a != "--report"]
    if len(files) not in (1, 2):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    with open(files[0], encoding="utf-8") as f:
        dot = f.read()
    graph, node, edge, tracks, boxes, kinds, legend = read_map(dot)
    problems = []
    if graph is None or node is None or edge is None:
        problems.append("no graph, node or edge defaults in the DOT")
    elif not tracks:
        problems.append("no track in the legend")
    else:
        check_borders(tracks, report, problems)
        check_patterns(tracks, report, problems)
        check_contrast(graph, node, edge, tracks, boxes, kinds, legend, report, problems)
        if len(files) == 2:
            import json
            with open(files[1], encoding="utf-8") as f:
                check_roles(dot, tracks, json.load(f), problems)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
