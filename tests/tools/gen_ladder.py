#!/usr/bin/env python3
"""gen_ladder.py - writes ladders for the geometry checker and the map bench.

    gen_ladder.py [--seed S] crowded N     N roles, close together
    gen_ladder.py [--seed S] spread N      N roles over the whole map
    gen_ladder.py [--seed S] framework     9 tracks, 48 roles, Dropbox-like
    gen_ladder.py tracks N                 N tracks, four roles (legend-heavy)

The ladder goes to standard output. Deterministic: the same arguments write
the same bytes (random.Random(seed), integers and halves only).

crowded and spread are shaped as real ladders are: a few tracks (an IC track,
management, product, data, design), levels L1..L(2B) grouped two by two into
B boxes along the diagonal (box k's roles lie right of box k-1's: x grows with
the level, as soft skills do, and so does y, with overlapping bands), roles
of one level or of both levels of their box, one promotion out of most roles
(up one or two levels, never to a smaller x, so no W170), lateral moves
between tracks at a shared level, and no two roles at one point (no W152).
Boxes are separable in the file's order (on x), so a layout that keeps the
order can draw them apart: any frame overlap is the layout's.
  - crowded: every role in the middle fifth of each axis, on a grid of
    quarter units (tenths above 300 roles), so many roles are close (one
    step apart) but not identical;
  - spread: one role per cell of a lattice with a fifth of its cells empty,
    box k's cells in its x band over the whole y axis, short names: no two
    nodes overlap even in today's exact layout. That is what a map costs the
    edge router: today ladderc asks for straight lines when roles overlap
    (splines=line) and for routed ones otherwise (splines=true).

framework is a ladder as a company would write one (see examples/): nine job
families (software, site reliability, security, machine learning, data,
quality, test, technical programs, management) on IC1..IC7, management with
its own names M3..M7, four boxes ("Early career", "Career level", "Senior",
"Staff+"), managers to the right of the ICs of their level, promotions
along each track, lateral moves between tracks and into management.

tracks is the worst case found for the renderer in a few KB (issue 12: 150
tracks in 2 KB took 2.6 s, 300 took 16 s): every track is a legend row, a
node the edge router avoids, though only four tracks have roles.
"""

import argparse
import math
import random
import sys

# ---- crowded and spread -----------------------------------------------------

TRACKS = [
    ('ic', 'Individual contributor', ['Engineer', 'Engineer II', 'Senior Engineer', 'Senior Engineer II',
                                      'Staff Engineer', 'Senior Staff Engineer', 'Principal Engineer',
                                      'Senior Principal Engineer', 'Distinguished Engineer', 'Fellow']),
    ('mgr', 'Engineering management', ['Team Lead', 'Team Lead II', 'Engineering Manager', 'Engineering Manager II',
                                       'Senior Manager', 'Senior Manager II', 'Director', 'Senior Director',
                                       'VP', 'SVP']),
    ('pm', 'Product management', ['Associate PM', 'PM', 'Senior PM', 'Senior PM II', 'Group PM', 'Lead PM',
                                  'Director of Product', 'Senior Director of Product', 'VP of Product',
                                  'Chief Product Officer']),
    ('data', 'Data', ['Analyst', 'Data Scientist', 'Senior Data Scientist', 'Senior DS II', 'Staff DS',
                      'Senior Staff DS', 'Principal DS', 'Senior Principal DS', 'Distinguished DS', 'Data Fellow']),
    ('design', 'Design', ['Designer', 'Designer II', 'Senior Designer', 'Senior Designer II', 'Staff Designer',
                          'Lead Designer', 'Principal Designer', 'Design Director', 'VP of Design', 'CDO']),
]
TEAMS = ['Payments', 'Search', 'Growth', 'Infra', 'Mobile', 'Platform', 'Ads', 'Maps', 'Risk', 'Core',
         'Billing', 'Identity', 'Storage', 'Video', 'Messaging', 'Trust']


def boxes_for(n):
    """How many boxes: real ladders have 3 to 10 bands."""
    return max(3, min(10, n // 60 + 3))


def fmt_num(v):
    return ('%.2f' % v).rstrip('0').rstrip('.')


def place_roles(rng, n, nboxes, shape):
    """n roles as dicts: track, box, levels (lo, hi), x, y."""
    roles = []
    for i in range(n):
        k = i * nboxes // n                      # boxes fill in order: box k holds about n / B roles
        t = rng.randrange(len(TRACKS))
        lvl_lo = 2 * k + 1 + rng.randrange(2)
        lvl_hi = lvl_lo if (lvl_lo % 2 == 0 or rng.random() < 0.7) else lvl_lo + 1
        roles.append({'track': t, 'box': k, 'lo': lvl_lo, 'hi': lvl_hi})
    if shape == 'crowded':
        place_crowded(rng, roles, nboxes)
    else:
        place_spread(rng, roles, nboxes)
    return roles


def place_crowded(rng, roles, nboxes):
    """Random points of a fine grid in the middle fifth of the axes (a finer
    grid above 300 roles, so that a box's roles still find free points: four
    times as many as they need). Box k's x band lies right of box k-1's."""
    lo, hi, quantum = 40.0, 60.0, 0.25 if len(roles) <= 300 else 0.1
    band = (hi - lo) / nboxes
    taken = set()
    for r in roles:
        k, t = r['box'], r['track']
        for _ in range(10000):
            # x inside the box's band (a gap of one quantum between bands);
            # managers and product to the right of ICs at a level
            ux = min(0.999, max(0.0, (rng.random() + (0.35 if t in (1, 2) else 0)) / 1.35))
            x = lo + band * k + quantum + ux * (band - 2 * quantum)
            # y: the diagonal, with bands that overlap their neighbours'
            cy = lo + band * (k + 0.5) - (band * 0.3 if t in (1, 2) else 0)
            y = min(hi, max(lo, cy + (rng.random() - 0.5) * band * 2.2))
            x = round(x / quantum) * quantum
            y = round(y / quantum) * quantum
            if (x, y) not in taken:
                break
        else:
            raise SystemExit('gen_ladder: no free point left in box %d' % (k + 1))
        taken.add((x, y))
        r['x'], r['y'] = x, y


def place_spread(rng, roles, nboxes):
    """Cells of a lattice, as far apart as the axes allow, so that no two
    nodes overlap even in today's exact layout (at 1,000 roles too): box k's
    cells cover its x band (right of box k-1's) and the whole y axis, each
    cell about twice as wide as high once drawn (a point per axis unit is
    1.43 times wider on x than on y), and a fifth of them stay empty."""
    w, h = 100.0 / nboxes, 100.0
    for k in range(nboxes):
        members = [r for r in roles if r['box'] == k]
        cells = max(1, int(len(members) * 1.25))
        cols = max(1, int(round(math.sqrt(cells * 1.43 * w / (2 * h)))))
        rows = -(-cells // cols)
        spots = [(c, q) for c in range(cols) for q in range(rows)]
        rng.shuffle(spots)
        for r, (c, q) in zip(members, spots):
            r['x'] = round((w * k + (c + 0.5) * w / cols) * 10) / 10
            r['y'] = round(((q + 0.5) * h / rows) * 10) / 10


def role_name(i, r, shape):
    """Crowded roles have real titles; spread ones short names (the track and
    a number), which is what lets 1,000 of them stand apart on the map."""
    if shape == 'spread':
        return '%s %d' % (TRACKS[r['track']][0].upper(), i)
    titles = TRACKS[r['track']][2]
    return '%s, %s' % (titles[(r['lo'] - 1) % len(titles)], TEAMS[i % len(TEAMS)])


def level_text(r):
    return 'L%d' % r['lo'] if r['lo'] == r['hi'] else 'L%d..L%d' % (r['lo'], r['hi'])


def moves(rng, roles):
    """One promotion out of most roles, and a lateral move out of one in five."""
    by_level = {}
    for i, r in enumerate(roles):
        for lv in range(r['lo'], r['hi'] + 1):
            by_level.setdefault(lv, []).append(i)
    seen = set()
    out = []
    for i, r in enumerate(roles):
        ups = [j for lv in (r['hi'] + 1, r['hi'] + 2) for j in by_level.get(lv, [])
               if roles[j]['lo'] > r['lo'] and roles[j]['hi'] > r['hi'] and roles[j]['x'] >= r['x']]
        if ups and rng.random() < 0.9:
            j = ups[rng.randrange(len(ups))]
            if (i, j) not in seen:
                seen.add((i, j))
                out.append((i, j, ''))
        if rng.random() < 0.2:
            side = [j for j in by_level.get(r['lo'], []) if roles[j]['track'] != r['track'] and j != i]
            if side:
                j = side[rng.randrange(len(side))]
                if (i, j) not in seen and (j, i) not in seen:
                    seen.add((i, j))
                    out.append((i, j, ' lateral'))
    return out


def write_generated(shape, n, seed, w):
    rng = random.Random(seed)
    nboxes = boxes_for(n)
    roles = place_roles(rng, n, nboxes, shape)
    w('# Generated by tests/tools/gen_ladder.py %s %d --seed %d: do not edit.\n' % (shape, n, seed))
    w('ladder "%s ladder of %d roles"\n\n' % (shape.capitalize(), n))
    w('axis x "Soft skills" 0..100\naxis y "Hard skills" 0..100\n\n')
    w('levels L1..L%d\n\n' % (2 * nboxes))
    for tid, name, _ in TRACKS:
        w('track %-6s "%s"\n' % (tid, name))
    w('\n')
    for k in range(nboxes):
        w('box "Band %d (L%d-%d)" L%d..L%d\n' % (k + 1, 2 * k + 1, 2 * k + 2, 2 * k + 1, 2 * k + 2))
    w('\nyears promotion 2..4\nyears lateral 0.5..1\n\n')
    for i, r in enumerate(roles):
        w('role r%d "%s" track %s level %s at (%s, %s)\n'
          % (i, role_name(i, r, shape), TRACKS[r['track']][0], level_text(r), fmt_num(r['x']), fmt_num(r['y'])))
    w('\n')
    for i, j, kind in moves(rng, roles):
        w('r%d -> r%d%s\n' % (i, j, kind))


# ---- framework --------------------------------------------------------------

# (id, name, noun, first level, last level); levels are IC1..IC7
FAMILIES = [
    ('swe', 'Software engineering', 'Software Engineer', 1, 7),
    ('sre', 'Site reliability', 'Site Reliability Engineer', 1, 7),
    ('sec', 'Security', 'Security Engineer', 2, 6),
    ('mle', 'Machine learning', 'ML Engineer', 2, 6),
    ('data', 'Data engineering', 'Data Engineer', 1, 6),
    ('qe', 'Quality engineering', 'Quality Engineer', 1, 4),
    ('sdet', 'Test engineering', 'SDET', 2, 5),
    ('tpm', 'Technical program management', 'Technical Program Manager', 3, 7),
]
MANAGERS = ['Engineering Manager', 'Senior Engineering Manager', 'Director of Engineering',
            'Senior Director of Engineering', 'VP of Engineering']      # M3..M7
RANK = {1: '%s I', 2: '%s II', 3: '%s III', 4: 'Senior %s', 5: 'Staff %s', 6: 'Principal %s',
        7: 'Distinguished %s'}
# box: (name, first level, last level, x band, y band)
FW_BOXES = [('Early career', 1, 2, (4, 24), (4, 30)),
            ('Career level', 3, 3, (27, 40), (20, 46)),
            ('Senior', 4, 4, (43, 58), (34, 62)),
            ('Staff+', 5, 7, (61, 96), (44, 96))]


def fw_box(level):
    return next(b for b in FW_BOXES if b[1] <= level <= b[2])


def fw_position(rng, level, family, manager):
    """Within the level's box: x right for managers and program managers,
    y up with the level; a little jitter so no two roles share a point."""
    _, first, last, (x0, x1), (y0, y1) = fw_box(level)
    steps = last - first + 1
    share = (level - first + 0.5) / steps
    if manager:
        ux, uy = 0.80 + 0.15 * share, 0.10 + 0.45 * share
    else:
        ux = 0.08 + 0.55 * share + 0.03 * family
        uy = 0.30 + 0.55 * share + 0.015 * ((family * 5) % 9)
    x = x0 + (x1 - x0) * ux + rng.choice((-0.5, 0, 0.5))
    y = y0 + (y1 - y0) * uy + rng.choice((-0.5, 0, 0.5))
    return round(x * 2) / 2, round(y * 2) / 2


def write_framework(seed, w):
    rng = random.Random(seed)
    w('# A framework shaped like a real one (nine job families on IC1..IC7,\n')
    w('# management beside them on M3..M7, four boxes), written by\n')
    w('# tests/tools/gen_ladder.py framework --seed %d.\n' % seed)
    w('ladder "Engineering career framework"\n\n')
    w('axis x "Soft skills" 0..100\naxis y "Hard skills" 0..100\n\n')
    w('levels IC1..IC7\n\n')
    for fid, name, _, _, _ in FAMILIES:
        w('track %-5s "%s"\n' % (fid, name))
    w('track %-5s "%s" levels M3..M7 = IC3..IC7\n\n' % ('em', 'Engineering management'))
    for name, first, last, _, _ in FW_BOXES:
        lv = 'IC%d' % first if first == last else 'IC%d..IC%d' % (first, last)
        w('box %-15s %s\n' % ('"%s"' % name, lv))
    w('\nyears promotion 1.5..3\nyears lateral   0.5..1\n\n')
    taken = set()

    def place(level, family, manager):
        while True:
            p = fw_position(rng, level, family, manager)
            if p not in taken:
                taken.add(p)
                return p

    for f, (fid, _, noun, first, last) in enumerate(FAMILIES):
        for lv in range(first, last + 1):
            x, y = place(lv, f, False)
            w('role %-8s "%s" track %-4s level IC%d at (%s, %s)\n'
              % ('%s%d' % (fid, lv), RANK[lv] % noun, fid, lv, fmt_num(x), fmt_num(y)))
        w('\n')
    for m, title in enumerate(MANAGERS):
        x, y = place(m + 3, 0, True)
        w('role %-8s "%s" track em   level M%d at (%s, %s)\n' % ('em%d' % (m + 3), title, m + 3, fmt_num(x), fmt_num(y)))
    w('\n')
    for fid, _, _, first, last in FAMILIES:
        for lv in range(first, last):
            years = ' years 1..2' if lv == 1 else ' years 3..' if lv >= 5 else ''
            w('%s%d -> %s%d%s\n' % (fid, lv, fid, lv + 1, years))
    for m in range(3, 7):
        w('em%d -> em%d\n' % (m, m + 1))
    w('\n')
    for a, b in [('swe4', 'em4'), ('swe3', 'em3'), ('sre3', 'swe3'), ('sdet3', 'swe3'), ('qe3', 'sdet3'),
                 ('data4', 'mle4'), ('swe4', 'tpm4'), ('sec4', 'sre4'), ('swe5', 'em5')]:
        w('%s -> %s lateral\n' % (a, b))


# ---- tracks -----------------------------------------------------------------

def write_tracks(n, w):
    """n tracks, and roles on the first four only: each track is still a
    legend row, a node that the edge router must route around."""
    w('ladder "%d tracks"\nlevels L1..L2\n' % n)
    for i in range(n):
        w('track t%d "T%d"\n' % (i, i))
    for i in range(min(n, 4)):
        w('role r%d "R%d" track t%d level L%d at (%d, %d)\n' % (i, i, i, 1 + i // 2, 10 + 25 * i, 10 + 25 * i))
    for i in range(min(n, 4) - 2):
        w('r%d -> r%d\n' % (i, i + 2))


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    p.add_argument('--seed', type=int, default=12)
    p.add_argument('shape', choices=['crowded', 'spread', 'framework', 'tracks'])
    p.add_argument('n', type=int, nargs='?')
    a = p.parse_args(argv)
    w = sys.stdout.write
    if a.shape == 'framework':
        write_framework(a.seed, w)
    elif a.n is None or a.n < 1:
        p.error('%s needs a number of roles (or tracks)' % a.shape)
    elif a.shape == 'tracks':
        write_tracks(a.n, w)
    else:
        write_generated(a.shape, a.n, a.seed, w)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
