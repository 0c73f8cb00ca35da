#!/usr/bin/env python3
"""geometry_fixtures.py - hand-made maps for testing svg_geometry.py itself.

    geometry_fixtures.py DIR

Writes, for each fixture NAME, DIR/NAME.svg, NAME.json, NAME.dot, NAME.err
(a build's stderr) and NAME.expect: the violation kinds the checker must
report, one per line as KIND|NAME|NAME..., the names one of its lines must
mention (an empty file: the checker must pass, exit 0). The checker must
report exactly these kinds. The SVG is written as Graphviz writes ladderc's
maps (a root group with scale, rotate and translate, clusters with a
<title> and a frame, nodes with a <title>, a frame and two lines of text,
a link's <a> around a node's shapes), in three styles: light rounded
(paths), dark (a dark background, filled frames) and square (polygons),
with and without the ids role-<i>/box-<k> (in the SVG and the DOT). Each fixture moves one thing of
a clean map, so that each check is seen to fire, and to fire alone.
"""

import json
import os
import sys

# A clean map: two boxes side by side, three roles. File coordinates
# (x right, y up); drawn at 10 points per unit, y flipped by the root group.
ROLES = [  # id, name, box, x, y (file), w, h (points)
    ('eng', 'Engineer', 0, 10, 10, 80, 34),
    ('senior', 'Senior Engineer', 0, 25, 20, 100, 34),
    ('staff', 'Staff Engineer', 1, 50, 30, 100, 34),
]
BOX_NAMES = ['Early career', 'Staff+']
SCALE = 10.0


def role_rect(r, dx=0.0, dy=0.0):
    """(x0, y0, x1, y1) in the root group's coordinates (y negative up)."""
    _, _, _, x, y, w, h = r
    cx, cy = x * SCALE + dx, -y * SCALE + dy
    return (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def frame_of(rects, label_h=16):
    x0 = min(r[0] for r in rects) - 8
    y0 = min(r[1] for r in rects) - 8 - label_h
    x1 = max(r[2] for r in rects) + 8
    y1 = max(r[3] for r in rects) + 8
    return (x0, y0, x1, y1)


def rounded_path(r, rad=5):
    x0, y0, x1, y1 = r
    return ('M%g,%gC%g,%g %g,%g %g,%g %g,%g %g,%g %g,%g L%g,%g C%g,%g %g,%g %g,%g L%g,%g '
            'C%g,%g %g,%g %g,%g L%g,%g C%g,%g %g,%g %g,%g Z'
            % (x0 + rad, y0, x0 + rad, y0, x1 - rad, y0, x1 - rad, y0, x1, y0, x1, y0 + rad, x1, y0 + rad,
               x1, y1 - rad, x1, y1, x1, y1, x1 - rad, y1, x0 + rad, y1,
               x0, y1, x0, y1, x0, y1 - rad, x0, y0 + rad, x0, y0, x0, y0, x0 + rad, y0))


def shape(r, style, fill, stroke):
    if style == 'square':
        x0, y0, x1, y1 = r
        pts = '%g,%g %g,%g %g,%g %g,%g %g,%g' % (x1, y0, x0, y0, x0, y1, x1, y1, x1, y0)
        return '<polygon fill="%s" stroke="%s" points="%s"/>' % (fill, stroke, pts)
    return '<path fill="%s" stroke="%s" d="%s"/>' % (fill, stroke, rounded_path(r))


def text(x, y, s, size, anchor='middle', fill='#000000'):
    return ('<text text-anchor="%s" x="%g" y="%g" font-family="Helvetica,sans-Serif" font-size="%.2f" fill="%s">%s</text>'
            % (anchor, x, y, size, fill, s.replace('&', '&amp;').replace('<', '&lt;')))


def write_map(d, name, expect, style='light', ids=False, moves=None, frames=None, labels=None,
              err='', box_of=None, legend=None, roles=ROLES, boxes=None):
    """moves: {role index: (dx, dy)} in points; frames: {box: rect} replacing
    the frame drawn around its roles; labels: {box: (x, y)} for the label's
    anchor (text-anchor start)."""
    moves, frames, labels = moves or {}, frames or {}, labels or {}
    BOXES = boxes or BOX_NAMES
    box_of = box_of if box_of is not None else [r[2] for r in roles]
    dark = style == 'dark'
    bg, fg, frame_fill = ('#1e1e1e', '#e0e0e0', '#262626') if dark else ('white', '#000000', 'white')
    rects = [role_rect(r, *moves.get(i, (0, 0))) for i, r in enumerate(roles)]
    out = []
    w = lambda s: out.append(s)
    vb_w, vb_h = 800, 500
    w('<?xml version="1.0" encoding="UTF-8" standalone="no"?>')
    w('<svg width="%dpt" height="%dpt" viewBox="0.00 0.00 %d.00 %d.00" xmlns="http://www.w3.org/2000/svg" '
      'xmlns:xlink="http://www.w3.org/1999/xlink">' % (vb_w, vb_h, vb_w, vb_h))
    w('<g id="graph0" class="graph" transform="scale(1 1) rotate(0) translate(40 450)">')
    w('<title>ladder</title>')
    w('<polygon fill="%s" stroke="transparent" points="-40,50 -40,-450 760,-450 760,50 -40,50"/>' % bg)
    for k, bname in enumerate(BOXES):
        members = [rects[i] for i in range(len(roles)) if box_of[i] == k]
        if not members:
            continue
        f = frames.get(k, frame_of(members))
        w('<g id="%s" class="cluster">' % ('box-%d' % k if ids else 'clust%d' % (k + 1)))
        w('<title>cluster_%d</title>' % k)
        w(shape(f, style, frame_fill, '#777777'))
        lx, ly = labels.get(k, (f[0] + 8, f[1] + 13))
        w(text(lx, ly, bname, 12, 'start', fg))
        w('</g>')
    if legend:
        w('<g id="%s" class="cluster"><title>cluster_legend</title>%s%s</g>'
          % ('legend' if ids else 'clust9', shape(legend, style, frame_fill, '#999999'),
             text(legend[0] + 8, legend[1] + 13, 'Legend', 12, 'start', fg)))
    w('<g id="edge1" class="edge"><title>eng&#45;&gt;senior</title>'
      '<path fill="none" stroke="#333333" d="M100,-100C150,-150 200,-180 250,-200"/>'
      '<polygon fill="#333333" stroke="#333333" points="250,-200 240,-195 245,-190 250,-200"/></g>')
    for i, r in enumerate(roles):
        rid, rname = r[0], r[1]
        x0, y0, x1, y1 = rects[i]
        w('<!-- %s -->' % rid)
        w('<g id="%s" class="node">' % ('role-%d' % i if ids else 'node%d' % (i + 1)))
        w('<title>%s</title>' % (rname + ', L' + str(i + 3) if ids else rid))
        inner = shape(rects[i], style, '#dceaf6', '#1f77b4') + text((x0 + x1) / 2, y0 + 14, rname, 10, fill=fg) \
            + text((x0 + x1) / 2, y0 + 26, 'L%d' % (i + 3), 10, fill=fg)
        if i == 1:   # a role with a link: its shapes inside <g><a>
            inner = '<g id="a_node%d"><a xlink:href="https://example.com/" xlink:title="%s">%s</a></g>' % (i + 1, rname, inner)
        w(inner)
        w('</g>')
    w('<g id="node90" class="node"><title>_axis_x_title</title>' + text(300, 30, 'Soft skills', 12) + '</g>')
    w('</g>')
    w('</svg>')
    with open(os.path.join(d, name + '.svg'), 'w') as f:
        f.write('\n'.join(out) + '\n')
    model = {'ladder': 'fixture', 'boxes': [{'name': b} for b in BOXES],
             'roles': [{'id': r[0], 'name': r[1], 'x': r[3], 'y': r[4],
                        'box': BOXES[box_of[i]] if box_of[i] is not None else None}
                       for i, r in enumerate(roles)]}
    if ids:   # boxes from the DOT's cluster ids alone
        for r in model['roles']:
            del r['box']
    with open(os.path.join(d, name + '.json'), 'w') as f:
        json.dump(model, f, indent=1)
    with open(os.path.join(d, name + '.dot'), 'w') as f:
        f.write('digraph ladder {\n')
        for k in range(len(BOXES)):
            if ids:   # a cluster known by its id only
                f.write('  subgraph cluster_named_%d {\n    graph [id="box-%d", label="%s"];\n' % (k, k, BOXES[k]))
            else:
                f.write('  subgraph cluster_%d {\n    graph [label="%s"];\n' % (k, BOXES[k]))
            for i, r in enumerate(roles):
                if box_of[i] == k:
                    f.write('    "%s" [label="%s\\nL%d", pos="0,0!"];\n' % (r[0], r[1], i + 3))
            f.write('  }\n')
        for i, r in enumerate(roles):
            if box_of[i] is None:
                f.write('  "%s" [label="%s"];\n' % (r[0], r[1]))
        f.write('}\n')
    with open(os.path.join(d, name + '.err'), 'w') as f:
        f.write(err)
    with open(os.path.join(d, name + '.expect'), 'w') as f:
        f.write(''.join(line + '\n' for line in expect))


def main(d):
    os.makedirs(d, exist_ok=True)
    for style in ('light', 'dark', 'square'):
        write_map(d, 'clean-' + style, [], style=style)
        write_map(d, 'clean-ids-' + style, [], style=style, ids=True)
    # senior onto eng: the two roles overlap, in the file's order
    write_map(d, 'overlap', ['role-overlap|eng|senior'],
              moves={1: (-140, 95)})
    write_map(d, 'overlap-ids-dark', ['role-overlap|eng|senior'],
              style='dark', ids=True, moves={1: (-140, 95)})
    # staff's frame grows over senior: frames overlap, a role in another's frame
    write_map(d, 'frames', ['role-in-frame|senior|Staff+', 'frame-overlap|Early career|Staff+'],
              frames={1: (200, -350, 560, -170)})
    # the same, but the build said W153 for the two boxes
    write_map(d, 'frames-w153', [], frames={1: (200, -350, 560, -170)},
              err="f.ladder:3:5: warning: boxes 'Early career' and 'Staff+' overlap on the map: the roles' "
                  "order leaves no room to draw them apart (move a role, or write 'layout exact') [W153]\n"
                  "f.ladder:7:6: note: 'senior' (in 'Early career') is not left of 'staff' (in 'Staff+')\n")
    # the other form: senior lies within Staff+'s span (waives senior in that
    # frame, and the two frames over each other)
    write_map(d, 'frames-w153-role', [], frames={1: (200, -350, 560, -170)},
              err="f.ladder:7:6: warning: role 'senior' lies within box 'Staff+' on the map, which it is not "
                  "in: the roles' order leaves no room to draw it outside (move a role, or write 'layout exact') "
                  "[W153]\n")
    # a box name holding the separator: the split is the one that names two boxes
    write_map(d, 'frames-w153-quote', [], frames={1: (200, -350, 560, -170)},
              boxes=["Early' and 'career", 'Staff+'],
              err="f.ladder:3:5: warning: boxes 'Early' and 'career' and 'Staff+' overlap on the map: the "
                  "roles' order leaves no room to draw them apart (move a role, or write 'layout exact') [W153]\n")
    # a W153 about other boxes waives nothing
    write_map(d, 'frames-w153-other', ['role-in-frame|senior|Staff+', 'frame-overlap|Early career|Staff+'],
              frames={1: (200, -350, 560, -170)},
              err="f.ladder:3:5: warning: boxes 'Early career' and 'Senior' overlap on the map: the roles' "
                  "order leaves no room to draw them apart (move a role, or write 'layout exact') [W153]\n"
                  "f.ladder:8:6: warning: role 'eng' lies within box 'Senior' on the map, which it is not "
                  "in: the roles' order leaves no room to draw it outside (move a role, or write 'layout exact') "
                  "[W153]\n")
    # a role in no box inside a frame
    write_map(d, 'no-box', ['role-in-frame|senior|in no box|Early career'],
              box_of=[0, None, 1], frames={0: (40, -280, 320, -60)})
    # labels: clipped by its own frame, outside the picture, covered by another frame
    write_map(d, 'label-clipped', ['label-clipped|Early career'], labels={0: (290, -230)})
    write_map(d, 'label-outside', ['label-outside|Staff+', 'label-clipped|Staff+'], labels={1: (440, -470)})
    write_map(d, 'label-covered', ['label-covered|Early career|Staff+', 'label-clipped|Early career'],
              labels={0: (380, -340)})
    # staff drawn left of senior: x order broken (senior x 25 < staff x 50)
    write_map(d, 'order-x', ['order-x|senior|staff'], moves={2: (-300, 0)})
    # eng and a new role at the same x drawn apart on x: not level
    level = ROLES + [('lead', 'Team Lead', 0, 10, 16, 60, 20)]
    write_map(d, 'level-x', ['order-x|eng|lead'], roles=level, moves={3: (30, 0)})
    # twin shares eng's point (W152): drawn below it, their tie on y breaks,
    # which the layout cannot avoid; drawn past senior, the x order breaks
    twins = ROLES + [('twin', 'Twin', 0, 10, 10, 60, 20)]
    write_map(d, 'twins', [], roles=twins, moves={3: (0, 40)})
    write_map(d, 'twins-order', ['order-x|twin|senior'], roles=twins, moves={3: (200, 40)})
    # eng drawn above senior: y order broken (eng y 10 < senior y 20)
    write_map(d, 'order-y', ['order-y|eng|senior'], moves={0: (0, -130)})
    # the legend over staff
    write_map(d, 'legend', ['legend-overlap|staff'], legend=(440, -330, 600, -250))
    write_map(d, 'legend-clear', [], legend=(600, -440, 740, -380), ids=True)
    # a role missing from the SVG
    write_map(d, 'missing', ['missing|ghost'], roles=ROLES, box_of=[0, 0, 1])
    with open(os.path.join(d, 'missing.json')) as f:
        model = json.load(f)
    model['roles'].append({'id': 'ghost', 'name': 'Ghost', 'x': 90, 'y': 90, 'box': None})
    with open(os.path.join(d, 'missing.json'), 'w') as f:
        json.dump(model, f, indent=1)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
