#!/usr/bin/env python3
"""svg_geometry.py - checks the geometry of a skills map that ladderc drew.

    svg_geometry.py --svg MAP.svg --json MAP.json [--dot MAP.dot] [--stderr CHECK.err]
    svg_geometry.py --ladderc BIN [--arg ARG]... LADDER

The first form reads files made beforehand (`ladderc build -T svg`, `-T json`,
`-T dot`, and the stderr of the build, where the checker's warnings are); the
second runs BIN on LADDER to make them (each --arg goes to every build, as
`--arg=--layout --arg=exact`).

Everything is read from the DRAWN shapes, never from the DOT's coordinates:
a role is a Graphviz node group (<g class="node">), a box a cluster group
(<g class="cluster">), and their extent is the bounding box of the <path>,
<polygon>, <polyline>, <rect> and <ellipse> elements inside the group (light
and dark themes, rounded boxes as paths, square ones as polygons), in the
coordinates of the picture: every transform from the root down is applied.
The control points of a Bezier curve bound it, so a path's box is exact for
Graphviz's rounded rectangles and a little generous for anything curved.

Which group is which: `id="role-<i>"` / `id="box-<k>"` when the SVG has them
(i, k: indexes of model.roles and model.boxes, which are the JSON's roles
and boxes in order); otherwise the group's <title>, which Graphviz fills
with the node's name (the role's id) or the cluster's (cluster_<k>). A
role's box is the cluster its node is written in in the DOT (`subgraph
cluster_<k>`, or a cluster with `id="box-<k>"`), else the JSON's "box".

Assertions, one output line per violation, naming roles by id and boxes by
name (exit 1 when there is any, 0 otherwise, 2 on bad input):
  role-overlap     two role nodes overlap (by more than TOL points each way)
  role-in-frame    a role's node meets the frame of a box it does not belong
                   to (unless W153 said why, see below)
  frame-overlap    two box frames overlap, and no W153 warning names both
  label-outside    a box label is not inside the picture (the viewBox)
  label-clipped    a box label does not fit inside its own frame
  label-covered    a box label meets another box's frame
  legend-overlap   the legend's frame meets a role or a box frame
  order-x, order-y two roles whose file positions are ordered (x_a < x_b)
                   are not drawn in that order, or two roles at the same x
                   (y) are not drawn level within TOL; y grows upwards in the
                   file and downwards in SVG. A role that shares its very
                   point with another (W152) is exempt from "level": the
                   layout must split the two on some axis, which breaks
                   their ties with the roles level with them there; it is
                   not exempt from the order with the others.
  missing          a role of the JSON has no node in the SVG
A label's extent comes from its <text>: x, y, text-anchor and font-size, and
Helvetica's advance widths (the table emit_dot.c sizes nodes with), a
non-ASCII character counting a full em.

W153 is read from the stderr given (lines ending in [W153], in its two
forms: "boxes 'A' and 'B' overlap on the map: ..." waives A's and B's frames
overlapping and each one's roles in the other's frame; "role 'R' lies within
box 'A' on the map, which it is not in: ..." waives R in A's frame, and R's
box's frame over A's).

Python 3 standard library only. Cost: sorting, then a sweep over x for
overlaps (near-linear for maps whose nodes do not pile up); roles x boxes for
frames.
"""

import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}'
TOL = 1.0            # points: touching is not overlapping; "level" is within a point
ASCENT, DESCENT = 0.718, 0.207   # Helvetica, per point of font size

# Helvetica advance widths (per 1000 units) of ASCII 32..126, as in lib/emit/emit_dot.c.
CHAR_WIDTH = [
    341, 417, 500, 857, 667, 975, 804, 300, 417, 417, 525, 857, 341, 375, 341, 341,
    667, 667, 667, 667, 667, 667, 667, 667, 667, 667, 341, 341, 857, 857, 857, 556,
    1023, 747, 696, 722, 788, 667, 611, 788, 750, 333, 500, 682, 583, 900, 750, 818,
    667, 818, 722, 667, 614, 750, 696, 1023, 696, 667, 696, 417, 341, 417, 857, 556,
    525, 625, 667, 583, 667, 625, 348, 667, 667, 300, 300, 600, 300, 1000, 667, 625,
    667, 667, 417, 545, 417, 667, 614, 833, 614, 614, 545, 667, 341, 667, 857,
]


class BadInput(Exception):
    pass


# ---- rectangles: (x0, y0, x1, y1), x0 <= x1, y0 <= y1 ----------------------

def rect_union(a, b):
    if a is None:
        return b
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def rect_overlap(a, b, tol=TOL):
    """Whether a and b share more than tol points on both axes."""
    return min(a[2], b[2]) - max(a[0], b[0]) > tol and min(a[3], b[3]) - max(a[1], b[1]) > tol


def rect_inside(inner, outer, tol=TOL):
    return (inner[0] >= outer[0] - tol and inner[1] >= outer[1] - tol
            and inner[2] <= outer[2] + tol and inner[3] <= outer[3] + tol)


def rect_text(r):
    return '(%.1f,%.1f)-(%.1f,%.1f)' % r


# ---- affine transforms: (a, b, c, d, e, f) as in SVG's matrix() -------------

IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def mat_mul(m, n):
    """m then n applied to a point is mat_mul(m, n) applied: m * n."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + c * B, b * A + d * B, a * C + c * D, b * C + d * D,
            a * E + c * F + e, b * E + d * F + f)


def mat_apply(m, x, y):
    a, b, c, d, e, f = m
    return (a * x + c * y + e, b * x + d * y + f)


def parse_transform(text):
    m = IDENTITY
    for name, args in re.findall(r'(\w+)\s*\(([^)]*)\)', text or ''):
        v = [float(s) for s in re.findall(r'[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?', args)]
        if name == 'matrix' and len(v) == 6:
            n = tuple(v)
        elif name == 'translate':
            n = (1, 0, 0, 1, v[0] if v else 0, v[1] if len(v) > 1 else 0)
        elif name == 'scale':
            sx = v[0] if v else 1
            n = (sx, 0, 0, v[1] if len(v) > 1 else sx, 0, 0)
        elif name == 'rotate':
            t = math.radians(v[0] if v else 0)
            n = (math.cos(t), math.sin(t), -math.sin(t), math.cos(t), 0, 0)
            if len(v) == 3:
                n = mat_mul(mat_mul((1, 0, 0, 1, v[1], v[2]), n), (1, 0, 0, 1, -v[1], -v[2]))
        else:
            raise BadInput('unknown transform %s()' % name)
        m = mat_mul(m, n)
    return m


# ---- shapes -> points -------------------------------------------------------

NUM = r'[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?'
PATH_ARGS = {'M': 2, 'L': 2, 'T': 2, 'H': 1, 'V': 1, 'C': 6, 'S': 4, 'Q': 4, 'A': 7, 'Z': 0}


def path_points(d):
    """The end and control points of an SVG path (absolute and relative
    commands); their box bounds the drawn path."""
    pts = []
    x = y = sx = sy = 0.0
    for cmd, args in re.findall(r'([MmLlHhVvCcSsQqTtAaZz])([^MmLlHhVvCcSsQqTtAaZz]*)', d):
        v = [float(s) for s in re.findall(NUM, args)]
        up = cmd.upper()
        rel = cmd != up
        if up == 'Z':
            x, y = sx, sy
            continue
        n = PATH_ARGS[up]
        first = True
        for i in range(0, len(v) - n + 1, n):
            a = v[i:i + n]
            if up == 'H':
                x = a[0] + (x if rel else 0)
            elif up == 'V':
                y = a[0] + (y if rel else 0)
            elif up == 'A':
                # the ellipse's radii around the end point bound the arc
                ex, ey = a[5] + (x if rel else 0), a[6] + (y if rel else 0)
                r = max(abs(a[0]), abs(a[1]))
                pts += [(x - r, y - r), (x + r, y + r), (ex - r, ey - r), (ex + r, ey + r)]
                x, y = ex, ey
            else:
                ox, oy = x, y
                for j in range(0, n, 2):
                    px, py = a[j] + (ox if rel else 0), a[j + 1] + (oy if rel else 0)
                    pts.append((px, py))
                x, y = pts[-1]
            pts.append((x, y))
            if up == 'M' and first:
                sx, sy = x, y
            first = False
    return pts


def shape_points(el):
    tag = el.tag[len(SVG):] if el.tag.startswith(SVG) else el.tag
    if tag == 'path':
        return path_points(el.get('d', ''))
    if tag in ('polygon', 'polyline'):
        v = [float(s) for s in re.findall(NUM, el.get('points', ''))]
        return list(zip(v[0::2], v[1::2]))
    if tag == 'rect':
        x, y = float(el.get('x', 0)), float(el.get('y', 0))
        return [(x, y), (x + float(el.get('width', 0)), y + float(el.get('height', 0)))]
    if tag == 'ellipse' or tag == 'circle':
        cx, cy = float(el.get('cx', 0)), float(el.get('cy', 0))
        rx = float(el.get('rx', el.get('r', 0)))
        ry = float(el.get('ry', el.get('r', 0)))
        return [(cx - rx, cy - ry), (cx + rx, cy + ry)]
    return []


def text_width(s, size):
    units = 0
    for ch in s:
        o = ord(ch)
        units += CHAR_WIDTH[o - 32] if 32 <= o < 127 else 1000
    return units * size / 1000.0


def text_rect(el, m):
    """The extent of a one-line <text>, in picture coordinates."""
    s = ''.join(el.itertext())
    size = float(re.sub(r'[^0-9.]', '', el.get('font-size', '14')) or 14)
    x, y = float(el.get('x', 0)), float(el.get('y', 0))
    w = text_width(s, size)
    anchor = el.get('text-anchor', 'start')
    x0 = x - w / 2 if anchor == 'middle' else x - w if anchor == 'end' else x
    corners = [mat_apply(m, x0, y - ASCENT * size), mat_apply(m, x0 + w, y + DESCENT * size)]
    return (min(p[0] for p in corners), min(p[1] for p in corners),
            max(p[0] for p in corners), max(p[1] for p in corners)), s


# ---- reading the SVG --------------------------------------------------------

class Drawn:
    """One node or cluster group as drawn: its shapes' extent and its texts."""

    def __init__(self, gid, title):
        self.gid, self.title = gid, title
        self.rect = None
        self.texts = []          # (rect, string)


def walk(el, m, found, current):
    m = mat_mul(m, parse_transform(el.get('transform')))
    tag = el.tag[len(SVG):] if el.tag.startswith(SVG) else el.tag
    if tag == 'g' and el.get('class') in ('node', 'cluster'):
        title = el.find(SVG + 'title')
        current = Drawn(el.get('id', ''), title.text if title is not None else '')
        found[el.get('class')].append(current)
    elif current is not None:
        if tag == 'text':
            current.texts.append(text_rect(el, m))
        else:
            for x, y in shape_points(el):
                px, py = mat_apply(m, x, y)
                current.rect = rect_union(current.rect, (px, py, px, py))
    for child in el:
        walk(child, m, found, current)


def read_svg(path):
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as e:
        raise BadInput('%s: %s' % (path, e))
    vb = [float(v) for v in re.findall(NUM, root.get('viewBox', ''))]
    if len(vb) != 4:
        raise BadInput('%s: no viewBox on <svg>' % path)
    found = {'node': [], 'cluster': []}
    walk(root, IDENTITY, found, None)
    return (vb[0], vb[1], vb[0] + vb[2], vb[1] + vb[3]), found['node'], found['cluster']


# ---- reading the DOT and the stderr -----------------------------------------

DOT_STRING = r'"((?:[^"\\]|\\.)*)"'


def dot_unquote(s):
    return re.sub(r'\\(.)', lambda mo: mo.group(1) if mo.group(1) in '"\\' else '\\' + mo.group(1), s)


def read_dot_boxes(path):
    """{node name: k} for every node written inside a box's cluster
    (emit_dot writes one statement per line). A cluster is box k by its
    `id="box-<k>"` when it has one, else by its name, cluster_<k>."""
    box_of = {}
    stack = []                   # per open subgraph: [k or None, its node names]
    with open(path, encoding='utf-8') as f:
        for line in f:
            s = line.strip()
            mo = re.match(r'subgraph\s+"?cluster_(?:box_?)?(\d+)"?\s*\{', s)
            if mo:
                stack.append([int(mo.group(1)), []])
                continue
            if s.startswith('subgraph') and s.endswith('{'):
                stack.append([None, []])
                continue
            if s == '}':
                if stack:
                    k, names = stack.pop()
                    for name in names:
                        box_of[name] = k
                continue
            if not stack:
                continue
            mo = re.match(r'graph\s*\[.*\bid\s*=\s*"box-(\d+)"', s)
            if mo:
                stack[-1][0] = int(mo.group(1))
                continue
            mo = re.match(DOT_STRING + r'\s*\[', s)
            if mo and stack[-1][0] is not None:
                stack[-1][1].append(dot_unquote(mo.group(1)))
    return box_of


def split_names(inner, sep, known):
    """inner is NAME SEP NAME, names that may hold SEP themselves: the split
    whose both sides are known names (else the first)."""
    cuts = [mo.start() for mo in re.finditer(re.escape(sep), inner)]
    for c in cuts:
        if inner[:c] in known and inner[c + len(sep):] in known:
            return inner[:c], inner[c + len(sep):]
    return (inner[:cuts[0]], inner[cuts[0] + len(sep):]) if cuts else None


def read_w153(path, boxes):
    """What W153 said cannot be drawn apart, from the build's stderr:
    ({frozenset of two box names}, {(role id, box name)}). Its two forms:
      boxes 'A' and 'B' overlap on the map: ... [W153]
      role 'R' lies within box 'A' on the map, which it is not in: ... [W153]"""
    pairs, inside = set(), set()
    if not path:
        return pairs, inside
    known = set(boxes)
    with open(path, encoding='utf-8', errors='replace') as f:
        for line in f:
            if not line.rstrip().endswith('[W153]'):
                continue
            msg = line.split(': warning: ', 1)[-1]
            mo = re.match(r"boxes '(.*)' overlap on the map: ", msg)
            if mo:
                two = split_names(mo.group(1), "' and '", known)
                if two:
                    pairs.add(frozenset(two))
                continue
            mo = re.match(r"role '([^']*)' lies within box '(.*)' on the map, which it is not in", msg)
            if mo:
                inside.add((mo.group(1), mo.group(2)))
    return pairs, inside


# ---- the checks -------------------------------------------------------------

class Map:
    def __init__(self, model, nodes, clusters, box_of_node, viewbox, w153):
        self.viewbox = viewbox
        self.w153_pairs, self.w153_inside = w153
        self.roles = model.get('roles', [])
        self.boxes = [b['name'] for b in model.get('boxes', [])]
        ids = {r['id']: i for i, r in enumerate(self.roles)}
        box_index = {name: k for k, name in enumerate(self.boxes)}
        self.role_rect = {}          # role index -> rect
        self.frame = {}              # box index -> Drawn
        self.legend = None
        for g in nodes:
            mo = re.fullmatch(r'role-(\d+)', g.gid)
            i = int(mo.group(1)) if mo else ids.get(g.title)
            if i is not None and i < len(self.roles) and g.rect is not None:
                self.role_rect[i] = g.rect
        for g in clusters:
            mo = re.fullmatch(r'box-(\d+)', g.gid) or re.fullmatch(r'cluster_(?:box_?)?(\d+)', g.title or '')
            if mo and int(mo.group(1)) < len(self.boxes) and g.rect is not None:
                self.frame[int(mo.group(1))] = g
            elif (g.gid == 'legend' or g.title == 'cluster_legend') and g.rect is not None:
                self.legend = g
        self.box_of = {}             # role index -> box index (absent: in no box)
        for i, r in enumerate(self.roles):
            # the DOT's cluster, else (no DOT, or a role it does not place in
            # a cluster) the JSON's box
            k = box_of_node.get(r['id']) if box_of_node is not None else None
            if k is None:
                k = box_index.get(r.get('box'))
            if k is not None:
                self.box_of[i] = k
        # (role id, its box, the box W153 says it lies within)
        box_index_of = {name: k for k, name in enumerate(self.boxes)}
        ids_index = {r['id']: i for i, r in enumerate(self.roles)}
        self.w153_roles = [(rid, self.box_of.get(ids_index.get(rid)), box_index_of.get(bname))
                           for rid, bname in self.w153_inside]

    def role(self, i):
        return self.roles[i]['id']

    def box(self, k):
        return '"%s"' % self.boxes[k]

    def waived(self, k, l):
        """Whether W153 said boxes k and l cannot be drawn apart: by naming
        both, or a role of one that lies within the other."""
        if frozenset((self.boxes[k], self.boxes[l])) in self.w153_pairs:
            return True
        return any((rid, self.boxes[b]) in self.w153_inside
                   for rid, a, b in self.w153_roles if (a, b) in ((k, l), (l, k)))

    def waived_role(self, i, k):
        """Whether W153 said role i lies within box k, or that its box and k
        cannot be drawn apart."""
        own = self.box_of.get(i)
        return ((self.role(i), self.boxes[k]) in self.w153_inside
                or (own is not None and frozenset((self.boxes[own], self.boxes[k])) in self.w153_pairs))

    def check_missing(self, out):
        for i in range(len(self.roles)):
            if i not in self.role_rect:
                out.append('missing: role %s has no node in the SVG' % self.role(i))

    def check_role_overlap(self, out):
        order = sorted(self.role_rect, key=lambda i: self.role_rect[i][0])
        active = []
        for i in order:
            r = self.role_rect[i]
            active = [j for j in active if self.role_rect[j][2] - r[0] > TOL]
            for j in active:
                if rect_overlap(self.role_rect[j], r):
                    a, b = sorted((i, j))
                    out.append('role-overlap: roles %s %s and %s %s overlap'
                               % (self.role(a), rect_text(self.role_rect[a]),
                                  self.role(b), rect_text(self.role_rect[b])))
            active.append(i)

    def check_role_in_frame(self, out):
        for i, r in sorted(self.role_rect.items()):
            own = self.box_of.get(i)
            for k, g in sorted(self.frame.items()):
                if k == own or self.waived_role(i, k):
                    continue
                if rect_overlap(r, g.rect):
                    where = 'of box %s' % self.box(own) if own is not None else 'in no box'
                    out.append('role-in-frame: role %s (%s) lies in the frame of box %s %s'
                               % (self.role(i), where, self.box(k), rect_text(g.rect)))

    def check_frames(self, out):
        ks = sorted(self.frame)
        for x, k in enumerate(ks):
            for l in ks[x + 1:]:
                if rect_overlap(self.frame[k].rect, self.frame[l].rect) and not self.waived(k, l):
                    out.append('frame-overlap: the frames of boxes %s %s and %s %s overlap, and no W153 names them'
                               % (self.box(k), rect_text(self.frame[k].rect),
                                  self.box(l), rect_text(self.frame[l].rect)))

    def check_labels(self, out):
        for k, g in sorted(self.frame.items()):
            if not g.texts:
                out.append('label-outside: box %s has no label in the SVG' % self.box(k))
                continue
            rect = None
            for t, _ in g.texts:
                rect = rect_union(rect, t)
            text = ' '.join(s for _, s in g.texts)
            if not rect_inside(rect, self.viewbox):
                out.append('label-outside: the label of box %s (%r, %s) is not inside the picture %s'
                           % (self.box(k), text, rect_text(rect), rect_text(self.viewbox)))
            if not rect_inside(rect, g.rect):
                out.append('label-clipped: the label of box %s (%r, %s) does not fit in its frame %s'
                           % (self.box(k), text, rect_text(rect), rect_text(g.rect)))
            for l, h in sorted(self.frame.items()):
                if l != k and rect_overlap(rect, h.rect, 0):
                    out.append('label-covered: the label of box %s (%r) meets the frame of box %s'
                               % (self.box(k), text, self.box(l)))

    def check_legend(self, out):
        if self.legend is None:
            return
        lr = self.legend.rect
        for i, r in sorted(self.role_rect.items()):
            if rect_overlap(r, lr):
                out.append('legend-overlap: the legend meets role %s' % self.role(i))
        for k, g in sorted(self.frame.items()):
            if rect_overlap(g.rect, lr):
                out.append('legend-overlap: the legend meets the frame of box %s' % self.box(k))

    def check_order(self, out):
        # roles that share their very point with another (W152): the layout
        # must split them on some axis, and that breaks their ties there
        seen, self.twins = {}, set()
        for i, r in enumerate(self.roles):
            p = (r.get('x'), r.get('y'))
            if p in seen:
                self.twins.update((i, seen[p]))
            seen.setdefault(p, i)
        for axis, key, flip in (('x', 'x', False), ('y', 'y', True)):
            self.check_axis(out, axis, key, flip)

    def check_axis(self, out, axis, key, flip):
        """File order on one axis against drawn centres: groups of equal file
        value must be drawn level, and each group entirely before the next."""
        other = 'y' if key == 'x' else 'x'
        placed = [i for i in self.role_rect
                  if isinstance(self.roles[i].get(key), (int, float))]
        groups = {}
        for i in placed:
            groups.setdefault(self.roles[i][key], []).append(i)

        def drawn(i):
            r = self.role_rect[i]
            c = (r[0] + r[2]) / 2 if key == 'x' else (r[1] + r[3]) / 2
            return -c if flip else c

        prev = None
        for value in sorted(groups):
            g = sorted(groups[value], key=drawn)
            lo, hi = g[0], g[-1]
            if drawn(hi) - drawn(lo) > TOL:
                self.report_unlevel(out, axis, key, other, g, drawn)
            if prev is not None and drawn(prev[-1]) >= drawn(lo):
                a, b = prev[-1], lo
                out.append('order-%s: role %s (%s = %g) is drawn at %s = %.1f, not before role %s (%s = %g) at %.1f'
                           % (axis, self.role(a), key, self.roles[a][key], axis, self.drawn_text(a, key),
                              self.role(b), key, self.roles[b][key], self.drawn_text(b, key)))
            prev = g

    def drawn_text(self, i, key):
        r = self.role_rect[i]
        return (r[0] + r[2]) / 2 if key == 'x' else (r[1] + r[3]) / 2

    def report_unlevel(self, out, axis, key, other, g, drawn):
        """The pairs of a group not drawn level, but for roles at one point;
        the first few, so that a big group does not flood the output."""
        shown = 0
        for x, a in enumerate(g):
            for b in g[x + 1:]:
                if drawn(b) - drawn(a) <= TOL:
                    continue
                if a in self.twins or b in self.twins:
                    continue
                if shown < 5:
                    out.append('order-%s: roles %s and %s have %s = %g in the file but are drawn at %s = %.1f and %.1f'
                               % (axis, self.role(a), self.role(b), key, self.roles[a][key], axis,
                                  self.drawn_text(a, key), self.drawn_text(b, key)))
                shown += 1
        if shown > 5:
            out.append('order-%s: ... and %d more pairs at %s = %g' % (axis, shown - 5, key, self.roles[g[0]][key]))

    def check(self):
        out = []
        self.check_missing(out)
        self.check_role_overlap(out)
        self.check_role_in_frame(out)
        self.check_frames(out)
        self.check_labels(out)
        self.check_legend(out)
        self.check_order(out)
        return out


# ---- command line -----------------------------------------------------------

def run_ladderc(binary, args, ladder, work):
    """Builds svg, json and dot of LADDER into WORK; the svg build's stderr
    holds the warnings."""
    paths = {}
    for fmt in ('svg', 'json', 'dot'):
        paths[fmt] = os.path.join(work, 'map.' + fmt)
        err = os.path.join(work, fmt + '.err')
        with open(paths[fmt], 'wb') as out, open(err, 'wb') as e:
            rc = subprocess.call([binary, 'build', '-T', fmt] + args + ['--', ladder], stdout=out, stderr=e)
        if rc != 0:
            with open(err, encoding='utf-8', errors='replace') as e:
                raise BadInput('%s build -T %s %s: exit status %d\n%s' % (binary, fmt, ladder, rc, e.read()))
    paths['stderr'] = os.path.join(work, 'svg.err')
    return paths


def check_files(svg, model_json, dot=None, stderr=None):
    """The violations of one map, from its files (BadInput when unreadable)."""
    viewbox, nodes, clusters = read_svg(svg)
    try:
        with open(model_json, encoding='utf-8') as f:
            model = json.load(f)
    except (OSError, ValueError) as e:
        raise BadInput('%s: %s' % (model_json, e))
    box_of_node = read_dot_boxes(dot) if dot else None
    boxes = [b['name'] for b in model.get('boxes', [])]
    return Map(model, nodes, clusters, box_of_node, viewbox, read_w153(stderr, boxes)).check()


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    p.add_argument('--svg')
    p.add_argument('--json')
    p.add_argument('--dot')
    p.add_argument('--stderr', help='the build\'s stderr, for W153')
    p.add_argument('--ladderc', help='run this ladderc on LADDER instead of reading files')
    p.add_argument('--arg', action='append', default=[], help='an option for every build (with --ladderc)')
    p.add_argument('ladder', nargs='?')
    a = p.parse_args(argv)
    try:
        with tempfile.TemporaryDirectory() as work:
            if a.ladderc:
                if not a.ladder:
                    raise BadInput('--ladderc needs a LADDER')
                paths = run_ladderc(a.ladderc, a.arg, a.ladder, work)
            else:
                if not a.svg or not a.json:
                    raise BadInput('give --svg and --json (or --ladderc BIN LADDER)')
                paths = {'svg': a.svg, 'json': a.json, 'dot': a.dot, 'stderr': a.stderr}
            violations = check_files(paths['svg'], paths['json'], paths.get('dot'), paths.get('stderr'))
    except BadInput as e:
        print('svg_geometry: error: %s' % e, file=sys.stderr)
        return 2
    for v in violations:
        print(v)
    return 1 if violations else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
