#!/usr/bin/env python3
"""shuffle_ladder.py - rewrites ladders into versions that mean the same, for
the property of tests/suites/diff-props.sh: `ladderc diff` compares models,
not text, so these versions must diff to "no changes".

    shuffle_ladder.py [--seed S] [--only-both] --out DIR FILE...

For each FILE (a path relative to the current folder, kept under DIR so that
a file's imports of its siblings still resolve to the rewritten siblings) it
writes

    DIR/shuffled/FILE     the top-level statements in a seeded random order,
                          each with its comment lines and its block; the
                          lines of each role block shuffled too; the text of
                          each line as written
    DIR/reformatted/FILE  the statements in their order, written unlike
                          `ladderc fmt` would (see reformat_unit)
    DIR/both/FILE         shuffled, then reformatted
    DIR/bent/FILE         every role's place moved, keeping every order and
                          tie on each axis (v -> lo + (hi-lo) t^1.5): what
                          the relative layout draws the same (not for a
                          file with `layout exact` or a role placed by its
                          rungs, or one that imports a file of its own)
    DIR/split/FILE        the statements as written, about half of them
                          moved to DIR/split/FILE.part.ladder (FILE's name
                          with .part before .ladder), which it imports: the
                          same ladder in two files (not for a file of one
                          statement)
    DIR/both/FILE.mut.ladder  (FILE's name with .mut before .ladder) the
                          version in both/, with one word changed: a display
                          name (see MUTATION_ORDER), or in a file with no
                          name the top of its scale, so that the diff must
                          report exactly that change; it imports the
                          siblings of both/, which are unchanged

(--only-both writes only both/, the same bytes), and prints a JSON
object per FILE on a line of standard output: "file" (FILE), "units" (its
number of top-level statements: a file of one cannot be reordered), and
"change", what the changed version changed as `ladderc diff -T json` names
it ("kind", "id", "old", "new": decoded text), or null when FILE has
nothing to change.

What may move, from docs/language.md "## Statements": statements may come in
any order, and a name may be used before the line that defines it, so every
top-level statement moves, `import` and `levels` included; a role block's
lines "may come in any order". A company's lines move too: out of order
they are a warning (W162), not an error, and the version still checks. What
does not move: a competency's rungs (numbered 1..N in order, E182), which
stay as written inside their block. Blank lines are not kept
(they only group statements); a comment line goes with the statement or
block line below it, and the comments at the end of a file go with the last
statement.

What the reformatting varies, each chosen by the seed: the blanks between
tokens (none around punctuation, or spaces and tabs), indentation of any
statement and block line, blank lines, extra comment lines and comments
after a statement, a `{`, or a `}` (comments that read like statements,
braces and strings), a block's `{` on a line of its own, CR LF line ends, a
byte-order mark, no line end at the end, levels with leading zeros (`L05`
is `L5`) and a single level as a range (`L5..L5`), numbers of positions,
axes and years with leading or trailing zeros (`040`, `3.50`), and a
transition's default kind written out (`promotion`). Strings are written as
they are: the language has one spelling of a string (`\\"` and `\\\\` are
its only escapes, both required), so quoting cannot vary.

Deterministic: the same seed and files write the same bytes.
"""

import argparse
import json
import os
import random
import re
import sys

BLOCK_HEADS = ('company', 'competency', 'role')
KINDS = ('promotion', 'lateral', 'downward')
PUNCT = ('(', ')', ',', '..', '->', '=', '{', '}')
LEVEL_RE = re.compile(r'^([A-Z][A-Za-z]*)([0-9]+)$')
NUMBER_RE = re.compile(r'^[0-9]+(\.[0-9]+)?$')
# What the mutation changes, in order of preference: the first statement of
# the first kind the file has gets a new display name (the first string of
# its head), so diff must report that one thing renamed.
MUTATION_ORDER = ('role', 'track', 'company', 'competency', 'box', 'ladder', 'axis')


# ---- reading ---------------------------------------------------------------

def lex(line):
    """The tokens of one line and its comment (or None). A string is one
    token, quotes and escapes included; `..` and `->` are one token each."""
    toks = []
    i, n = 0, len(line)
    while i < n:
        c = line[i]
        if c in ' \t':
            i += 1
        elif c == '#':
            return toks, line[i:]
        elif c == '"':
            j = i + 1
            while j < n and line[j] != '"':
                j += 2 if line[j] == '\\' else 1
            toks.append(line[i:j + 1])
            i = j + 1
        elif line.startswith('..', i) or line.startswith('->', i):
            toks.append(line[i:i + 2])
            i += 2
        elif c in '(),{}=':
            toks.append(c)
            i += 1
        else:
            j = i
            while (j < n and line[j] not in ' \t#"(),{}='
                   and not line.startswith('..', j) and not line.startswith('->', j)):
                j += 1
            toks.append(line[i:j])
            i = j
    return toks, None


class Line:
    """One significant line: its text, tokens and comment, and the comment
    lines just above it."""

    def __init__(self, raw, toks, comment, above):
        self.raw, self.toks, self.comment, self.above = raw, toks, comment, above


class Unit:
    """A top-level statement: its head line, and for a block the lines
    between the head and a `{` written alone, that `{` line, the block's
    lines, the comment lines before its `}`, and the `}` line."""

    def __init__(self, head):
        self.head = head
        self.between = []
        self.open = None
        self.items = []
        self.tail = []
        self.close = None
        self.after = []

    def keyword(self):
        t = self.head.toks
        if len(t) > 1 and t[1] == '->':
            return 'transition'
        return t[0]

    def has_block(self):
        return self.close is not None


def read_lines(path):
    with open(path, 'rb') as f:
        text = f.read().decode('utf-8')
    if text.startswith('\ufeff'):
        text = text[1:]
    return [ln[:-1] if ln.endswith('\r') else ln for ln in text.split('\n')]


def parse(lines):
    """The units of a file, in order."""
    units, pending = [], []
    i, n = 0, len(lines)
    while i < n:
        toks, com = lex(lines[i])
        if not toks:
            if com:
                pending.append(lines[i])
            i += 1
            continue
        u = Unit(Line(lines[i], toks, com, pending))
        pending = []
        i += 1
        opens = toks[-1] == '{'
        if not opens and toks[0] in BLOCK_HEADS and toks[1:2] != ['->']:
            j, between = i, []
            while j < n:
                t, c = lex(lines[j])
                if t:
                    break
                if c:
                    between.append(lines[j])
                j += 1
            if j < n and lex(lines[j])[0] == ['{']:
                t, c = lex(lines[j])
                u.between, u.open = between, Line(lines[j], t, c, [])
                opens, i = True, j + 1
        if opens:
            i = parse_block(lines, i, u)
        units.append(u)
    if pending:
        if not units:
            raise SystemExit('shuffle_ladder: a file of comments only')
        units[-1].after = pending
    return units


def parse_block(lines, i, u):
    """Reads a block's lines into u up to its `}`; returns the next index."""
    pending = []
    while i < len(lines):
        toks, com = lex(lines[i])
        i += 1
        if not toks:
            if com:
                pending.append(lines[i - 1])
        elif toks == ['}']:
            u.tail, u.close = pending, Line(lines[i - 1], toks, com, [])
            return i
        else:
            u.items.append(Line(lines[i - 1], toks, com, pending))
            pending = []
    raise SystemExit('shuffle_ladder: a block with no }')


# ---- shuffling -------------------------------------------------------------

def permute(rng, items):
    """items in a random order that differs from theirs when it can."""
    out = list(items)
    rng.shuffle(out)
    if len(out) > 1 and all(a is b for a, b in zip(out, items)):
        out.reverse()
    return out


def shuffle_units(rng, units):
    for u in units:
        if u.keyword() in ('role', 'company') and u.items:
            u.items = permute(rng, u.items)
    return permute(rng, units)


def write_plain(units):
    """Each unit as written, one blank line between units."""
    out = []
    for u in units:
        out += u.head.above + [u.head.raw] + u.between
        if u.open:
            out.append(u.open.raw)
        for it in u.items:
            out += it.above + [it.raw]
        out += u.tail
        if u.close:
            out.append(u.close.raw)
        out += u.after
        out.append('')
    return '\n'.join(out)


# ---- reformatting ----------------------------------------------------------

COMMENTS = ['# role ghost "Ghost" track ic level L1 at (1, 1)', '# }', '# {', '# a -> b lateral',
            '#', '# "quoted" text # and a hash', '#levels L1..L2', '# company c "C" {']


def respell_level(rng, tok):
    m = LEVEL_RE.match(tok)
    if m and rng.random() < 0.5:
        return m.group(1) + '0' * rng.randint(1, 2) + m.group(2)
    return tok


def respell_number(rng, tok):
    if not NUMBER_RE.match(tok) or rng.random() < 0.4:
        return tok
    if '.' in tok:
        return ('0' + tok) if rng.random() < 0.5 else (tok + '0')
    return ('0' + tok) if rng.random() < 0.5 else (tok + '.0')


def numeric_spans(u):
    """The indices of the tokens of the head of u that are numbers the
    reformatting may respell: positions, axis ranges, years (never a rung,
    which is a whole number, nor a level)."""
    t, kw = u.head.toks, u.keyword()
    if kw == 'axis':
        return range(3, len(t))
    if kw in ('years',):
        return range(2, len(t))
    start = None
    if kw == 'role' and 'at' in t:
        start = t.index('at')
    if kw == 'transition' and 'years' in t:
        start = t.index('years')
    return range(start, len(t)) if start is not None else range(0)


def single_level_as_range(toks, idx):
    """toks with the level at idx written as LEVEL..LEVEL when it is a single
    level (not already part of a range)."""
    if idx + 1 < len(toks) and toks[idx + 1] == '..':
        return toks
    if idx > 0 and toks[idx - 1] == '..':
        return toks
    return toks[:idx + 1] + ['..', toks[idx]] + toks[idx + 1:]


def respell_head(rng, u):
    toks = list(u.head.toks)
    kw = u.keyword()
    nums = set(numeric_spans(u))
    for k in range(len(toks)):
        if k in nums:
            toks[k] = respell_number(rng, toks[k])
    if kw == 'transition' and (len(toks) == 3 or toks[3] not in KINDS) and rng.random() < 0.6:
        toks.insert(3, 'promotion')
    if kw == 'role' and 'level' in toks and rng.random() < 0.5:
        toks = single_level_as_range(toks, toks.index('level') + 1)
    if kw == 'box' and rng.random() < 0.5:
        toks = single_level_as_range(toks, 2)
    if kw != 'levels' or rng.random() < 0.5:
        toks = [respell_level(rng, t) for t in toks]
    return toks


def respell_item(rng, u, toks):
    toks = list(toks)
    if u.keyword() == 'company' and len(toks) > 1 and LEVEL_RE.match(toks[1]) and rng.random() < 0.5:
        toks = single_level_as_range(toks, 1)
    if u.keyword() == 'company':
        toks = [respell_level(rng, t) for t in toks]
    return toks


def join_tokens(rng, toks):
    """toks with random blanks between them: none beside punctuation at
    times, one or more spaces or tabs otherwise."""
    out = toks[0]
    for a, b in zip(toks, toks[1:]):
        tight = (a in PUNCT or b in PUNCT) and b != '{' and rng.random() < 0.5
        out += ('' if tight else rng.choice([' ', '  ', '\t', ' \t ', '      '])) + b
    return out


def indent(rng):
    return rng.choice(['', '', ' ', '\t', '    ', '\t  '])


def maybe_comment(rng):
    return (rng.choice([' ', '\t', '']) + rng.choice(COMMENTS)) if rng.random() < 0.3 else ''


def comment_lines(rng, keep):
    """keep (the comment lines above a line, each re-indented), with blank
    lines and invented comment lines around them."""
    out = []
    if rng.random() < 0.3:
        out.append(indent(rng) + rng.choice(COMMENTS))
    for c in keep:
        out.append(indent(rng) + c.strip())
    out += [rng.choice(['', ' ', '\t'])] * rng.randint(0, 2)
    return out


def own_comment(rng, line):
    """line's own comment, kept, or an invented one, or nothing."""
    if line.comment:
        return rng.choice([' ', '\t', '   ']) + line.comment
    return maybe_comment(rng)


def reformat_unit(rng, u):
    out = comment_lines(rng, u.head.above)
    head = respell_head(rng, u)
    brace_alone = u.has_block() and (u.open is not None or rng.random() < 0.4)
    if u.has_block() and head[-1] == '{':
        head = head[:-1]
    text = indent(rng) + join_tokens(rng, head)
    if u.has_block() and not brace_alone:
        text += rng.choice([' ', '', '\t']) + '{'
    out.append(text + own_comment(rng, u.head) + rng.choice(['', '', ' ', '\t']))
    if brace_alone:
        out += comment_lines(rng, u.between)
        out.append(indent(rng) + '{' + (own_comment(rng, u.open) if u.open else maybe_comment(rng)))
    for it in u.items:
        out += comment_lines(rng, it.above)
        out.append(indent(rng) + join_tokens(rng, respell_item(rng, u, it.toks)) + own_comment(rng, it))
    if u.has_block():
        out += comment_lines(rng, u.tail)
        out.append(indent(rng) + '}' + own_comment(rng, u.close))
    out += [indent(rng) + c.strip() for c in u.after]
    out += [''] * rng.randint(0, 2)
    return out


def write_reformatted(rng, units):
    lines = []
    for u in units:
        lines += reformat_unit(rng, u)
    text = ('\r\n' if rng.random() < 0.4 else '\n').join(lines)
    text = text.rstrip('\r\n') + ('' if rng.random() < 0.3 else '\n')
    return ('\ufeff' if rng.random() < 0.3 else '') + text


# ---- two files -------------------------------------------------------------

def split_units(rng, units, part_name):
    """The units as two files: about half of them moved to a file named
    part_name, which the first imports. A ladder split across files is the
    same ladder (docs/language.md, "Several files")."""
    main, part = [], []
    for u in units:
        (part if rng.random() < 0.5 else main).append(u)
    if not part:
        part.append(main.pop())
    if not main:
        main.append(part.pop())
    return 'import "%s"\n' % part_name + write_plain(main), write_plain(part)


# ---- places that keep their order ---------------------------------------------

def axis_ranges(units):
    """{'x': (min, max), 'y': (min, max)} of the file's axis statements,
    0..100 where it has none."""
    ranges = {'x': (0.0, 100.0), 'y': (0.0, 100.0)}
    for u in units:
        t = u.head.toks
        if u.keyword() == 'axis' and len(t) >= 6 and t[-2] == '..':
            ranges[t[1]] = (float(t[-3]), float(t[-1]))
    return ranges


def bend(v, lo, hi):
    """v moved along [lo, hi] by a strictly increasing map that keeps the
    ends: every order and every tie between places stays."""
    if hi <= lo:
        return v
    return lo + (hi - lo) * ((v - lo) / (hi - lo)) ** 1.5


def bend_places(units):
    """The places of the roles moved, every order kept, or None when the
    file does not allow it: a role placed by its rungs (its place would pass
    or be passed by the moved ones), `layout exact` (where a move of more
    than 5% of the axis shows), an import of a file of its own (whose roles
    and axes this one does not see; a shipped std/ ladder has neither), or
    no role."""
    roles = [u for u in units if u.keyword() == 'role']
    local_imports = [u for u in units if u.keyword() == 'import' and not u.head.toks[1].startswith('"std/')]
    if (not roles or local_imports or any('at' not in u.head.toks for u in roles)
            or any(u.keyword() == 'layout' and u.head.toks[1:] != ['relative'] for u in units)):
        return None
    ranges = axis_ranges(units)
    for u in roles:
        t = u.head.toks
        k = t.index('at')
        x, y = float(t[k + 2]), float(t[k + 4])    # at ( X , Y )
        nx = bend(x, *ranges['x'])
        ny = bend(y, *ranges['y'])
        u.head.toks = t[:k + 2] + ['%.6f' % nx, ','] + ['%.6f' % ny] + t[k + 5:]
        u.head.raw = ' '.join(u.head.toks) + (' ' + u.head.comment if u.head.comment else '')
    return units


# ---- one change ------------------------------------------------------------

def unquote(tok):
    """The text of a string token: its quotes off, its escapes undone."""
    return re.sub(r'\\(.)', r'\1', tok[1:-1])


def mutation_target(units):
    for kind in MUTATION_ORDER:
        for u in units:
            if u.keyword() == kind and any(t.startswith('"') for t in u.head.toks):
                return u
    return None


def rename(u):
    """Changes the last word of u's display name (its first string)."""
    toks = u.head.toks
    k = next(i for i, t in enumerate(toks) if t.startswith('"'))
    old = toks[k]
    words = old[1:-1].split(' ')
    words[-1] = 'Changed' if words[-1] != 'Changed' else 'Altered'
    new = '"' + ' '.join(words) + '"'
    u.head.toks = toks[:k] + [new] + toks[k + 1:]
    kind = u.keyword()
    ident = {'box': unquote(old), 'ladder': 'title', 'axis': 'axis %s title' % toks[1]}.get(kind, toks[1])
    return kind, ident, unquote(old), unquote(new)


def level_text(tok):
    m = LEVEL_RE.match(tok)
    return '%s%d' % (m.group(1), int(m.group(2)))


def widen_scale(units):
    """For a file with no name to change: the scale one level higher at its
    top, which every ladder allows (one lower at its bottom when the top is
    the highest level, 9999; one level shorter when both ends are taken)."""
    u = next((u for u in units if u.keyword() == 'levels'), None)
    if u is None:
        return None
    t = u.head.toks
    lo, hi = LEVEL_RE.match(t[1]), LEVEL_RE.match(t[-1])
    prefix, a, b = lo.group(1), int(lo.group(2)), int(hi.group(2))
    if b < 9999:
        na, nb = a, b + 1
    elif a > 0:
        na, nb = a - 1, b
    else:
        na, nb = a, b - 1
    u.head.toks = t[:1] + ['%s%d' % (prefix, na), '..', '%s%d' % (prefix, nb)]
    span = lambda x, y: '%s%d' % (prefix, x) + ('..%s%d' % (prefix, y) if y != x else '')
    return 'levels', 'levels', span(a, b), span(na, nb)


def mutate(units):
    """Changes one word, in place: the display name of the first statement
    of the first kind of MUTATION_ORDER the file has, else the top of the
    scale. Returns (kind, id, old, new) as ladderc diff names them, or
    None."""
    u = mutation_target(units)
    return rename(u) if u else widen_scale(units)


# ---- driver ----------------------------------------------------------------

def write(path, text):
    os.makedirs(os.path.dirname(path) or '.', exist_ok=True)
    with open(path, 'wb') as f:
        f.write(text.encode('utf-8'))


def rewrite(seed, out, path, only_both):
    rel = os.path.normpath(path)
    rng = random.Random('%s:%s' % (seed, rel))
    shuffled = write_plain(shuffle_units(rng, parse(read_lines(path))))
    reformatted = write_reformatted(rng, parse(read_lines(path)))
    if not only_both:
        write(os.path.join(out, 'shuffled', rel), shuffled)
        write(os.path.join(out, 'reformatted', rel), reformatted)
    both = shuffle_units(rng, parse(read_lines(path)))
    write(os.path.join(out, 'both', rel), write_reformatted(random.Random(rng.random()), both))
    entry = {'file': rel, 'units': len(both), 'change': None}
    change = mutate(both)
    if change is not None:
        write(os.path.join(out, 'both', rel[:-len('.ladder')] + '.mut.ladder'),
              write_reformatted(random.Random(rng.random()), both))
        entry['change'] = dict(zip(('kind', 'id', 'old', 'new'), change))
    bent = None if only_both else bend_places(parse(read_lines(path)))
    if bent is not None:
        write(os.path.join(out, 'bent', rel), write_plain(bent))
    if not only_both and len(both) > 1:
        part = rel[:-len('.ladder')] + '.part.ladder'
        main, rest = split_units(random.Random('split:%s:%s' % (seed, rel)), parse(read_lines(path)),
                                 os.path.basename(part))
        write(os.path.join(out, 'split', rel), main)
        write(os.path.join(out, 'split', part), rest)
    return json.dumps(entry, ensure_ascii=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seed', default='1')
    ap.add_argument('--out', required=True)
    ap.add_argument('--only-both', action='store_true',
                    help='write only both/ (and the changed version): the same bytes as without it')
    ap.add_argument('files', nargs='+')
    args = ap.parse_args()
    for path in args.files:
        if not path.endswith('.ladder') or os.path.isabs(path) or path.startswith('..'):
            sys.exit('shuffle_ladder: %s: want a relative path to a .ladder file' % path)
        print(rewrite(args.seed, args.out, path, args.only_both))


if __name__ == '__main__':
    main()
