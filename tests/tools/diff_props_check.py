#!/usr/bin/env python3
"""diff_props_check.py - the checker of tests/suites/diff-props.sh.

    diff_props_check.py DP ROOT

DP is the suite's folder: DP/v holds the versions shuffle_ladder.py wrote
(DP/manifest: its JSON lines) of the ladders of the repository at ROOT and
of DP/src/gen/; DP/log the runs of `ladderc diff`, each written as
"\036run NAME\n", its standard output, "\036rc STATUS\n", and when its
standard error is not empty "\036stderr\n" and that (the byte 036 is a
control character no output of ladderc holds). NAME is KEY.VERSION.FORMAT
(KEY the ladder's path with / as _, VERSION shuffled, reformatted, both,
split, bent or mut) or none.FORMAT, a ladder diffed with itself. Prints a test a
line, "ok NAME" or "FAIL NAME", a failure's reasons indented below it.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import shuffle_ladder  # noqa: E402  (beside this file)

FORMATS = ('text', 'md', 'json')


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def report(name, errors):
    print(('FAIL ' if errors else 'ok ') + name)
    for e in errors:
        print('     ' + e.replace('\n', '\n     '))


def read_runs(path):
    """{NAME: (exit status, stderr, stdout)} of the log."""
    runs, name = {}, None
    for chunk in read(path).split(b'\036')[1:]:
        head, _, body = chunk.partition(b'\n')
        word, _, arg = head.decode().partition(' ')
        if word == 'run':
            name, out = arg, body
        elif word == 'rc':
            runs[name] = (arg, b'', out)
        elif word == 'stderr':
            runs[name] = (runs[name][0], body, runs[name][2])
    return runs


RUNS = {}


def run_output(dp, name):
    """(exit status, stderr, stdout) of the run NAME, or None if it did not run."""
    return RUNS.get(name)


def lines_of(data):
    return data.decode().lstrip('\ufeff').replace('\r', '').split('\n')


def check_shuffle(orig, text, units):
    """What the shuffled version must be for the test to mean something: the
    same lines (blank ones aside), in another order."""
    a = [ln for ln in lines_of(orig) if ln.strip()]
    b = [ln for ln in lines_of(text) if ln.strip()]
    if sorted(a) != sorted(b):
        return ['the shuffled version lost or changed lines']
    if a == b and units > 1:
        return ['the shuffled version is in the original order: the test would prove nothing']
    return []


def places(data):
    """The (X, Y) of every `at` of a file, sorted."""
    out = []
    for line in lines_of(data):
        t = shuffle_ladder.lex(line)[0]
        if 'at' in t and t[0] == 'role':
            k = t.index('at')
            out.append((float(t[k + 2]), float(t[k + 4])))
    return sorted(out)


def check_versions(dp, none, rel, key, units, orig):
    """The three versions of rel (whose text is orig): that they differ from
    it, and that diff says no change, in every format that ran, with
    --exit-code 0."""
    for v in ('shuffled', 'reformatted', 'both', 'split', 'bent'):
        runs = [(t, run_output(dp, '%s.%s.%s' % (key, v, t))) for t in FORMATS]
        runs = [(t, r) for t, r in runs if r is not None]
        if not runs:
            continue
        text = read(os.path.join(dp, 'v', v, rel))
        errors = []
        if v == 'shuffled':
            errors += check_shuffle(orig, text, units)
        elif v == 'bent' and places(text) == places(orig):
            errors.append('the bent version moved no role: the test would prove nothing')
        elif text == orig:
            errors.append('the %s version is the file itself: the test would prove nothing' % v)
        for t, (rc, err, got) in runs:
            if rc != '0' or err or got != none[t]:
                errors.append('-T %s: exit status %s (want 0), output:\n%s%s' % (
                    t, rc, got.decode(errors='replace')[:1500], err.decode(errors='replace')[:800]))
        report('diff-props: %s %s: no changes (%s, --exit-code 0)' % (rel, v, ', '.join(t for t, _ in runs)), errors)


def expected_changes(kind, ident, old, new):
    """(kind, change, id) of each change `ladderc diff -T json` must list for
    the tool's change of a statement of kind KIND, sorted."""
    if kind == 'box':    # a box gone and one come with the same levels: one box renamed
        return [('box', 'name', new)]
    if kind in ('ladder', 'axis', 'levels'):
        return [('ladder', ident, ident)]
    return [(kind, 'name', ident)]


def is_changed_line(line, kind, ident, new):
    """Whether line is the head of the changed statement."""
    words = shuffle_ladder.lex(line)[0]
    if not words or words[0] != kind:
        return False
    if kind == 'box':
        return any(w.startswith('"') and shuffle_ladder.unquote(w) == new for w in words)
    return kind in ('ladder', 'axis', 'levels') or words[1] == ident


def check_json_change(dp, key, mut, kind, ident, old, new):
    errors = []
    rc, err, got = run_output(dp, key + '.mut.json')
    if rc != '3':
        errors.append('--exit-code: exit status %s, want 3 (changes) %s' % (rc, err.decode(errors='replace')[:800]))
    try:
        changes = json.loads(got)['changes']
    except (ValueError, KeyError) as e:
        return errors + ['-T json: %s: %s' % (e, got[:500])]
    want = expected_changes(kind, ident, old, new)
    have = sorted((c.get('kind'), c.get('change'), c.get('id')) for c in changes)
    if have != want:
        errors.append(('-T json: changes %s' % have)[:700] + ', want %s' % want)
    for c in changes:
        if c.get('version') == 'old':
            continue
        if (c.get('old'), c.get('new')) != (old, new):
            errors.append('-T json: old and new %r, want %r' % ((c.get('old'), c.get('new')), (old, new)))
        # FILE:LINE is the changed statement's line in the new version
        if os.path.abspath(c.get('file', '')) != os.path.abspath(mut):
            errors.append('-T json: file %r, want %r' % (c.get('file'), mut))
            continue
        lines = lines_of(read(mut))
        line = lines[c['line'] - 1] if 0 < c.get('line', 0) <= len(lines) else ''
        if not is_changed_line(line, kind, ident, new):
            errors.append('-T json: line %s of the new version is %r, not the changed %s' % (c.get('line'), line, kind))
    return errors


def check_change(dp, rel, key, kind, ident, old, new):
    """The changed version: exactly the change, where it is, in each format
    that ran."""
    mut = os.path.join(dp, 'v', 'both', rel[:-len('.ladder')] + '.mut.ladder')
    errors = check_json_change(dp, key, mut, kind, ident, old, new)
    for t in ('text', 'md'):
        r = run_output(dp, '%s.mut.%s' % (key, t))
        if r is None:
            continue
        rc, err, got = r
        got = got.decode(errors='replace')
        if t == 'md':
            got = got.replace('\\', '')    # Markdown's escapes (senior\_ds)
        if rc != '0':
            errors.append('-T %s: exit status %s without --exit-code, want 0' % (t, rc))
        if new not in got or ident not in got or 'no changes' in got:
            errors.append('-T %s does not show the change of %s %r to %r:\n%s' % (t, kind, ident, new, got[:800]))
    report('diff-props: %s with one word changed: exactly that change (%s %s)' % (rel, kind, ident), errors)


def check_none(none):
    """What a ladder diffed with itself says, in each format: so that a diff
    printing nothing cannot pass."""
    errors = []
    for t in FORMATS:
        if none[t] is None or none[t][0] != '0' or none[t][1]:
            errors.append('-T %s --exit-code: %r, want exit status 0 and nothing on stderr' % (t, none[t]))
    if none['text'] and none['text'][2] != b'no changes\n':
        errors.append('-T text: %r, want "no changes"' % none['text'][2])
    if none['md'] and b'no changes' not in none['md'][2]:
        errors.append('-T md: %r, want "no changes" in it' % none['md'][2])
    try:
        d = json.loads(none['json'][2])
        if (d['changes'], d['counts']['changes']) != ([], 0):
            errors.append('-T json: %r, want no change' % none['json'][2][:800])
    except (ValueError, KeyError, TypeError) as e:
        errors.append('-T json: %s' % e)
    report('diff-props: a ladder against itself: no changes in text, md and json, exit status 0 with --exit-code',
           errors)


def main():
    dp, root = sys.argv[1:3]
    RUNS.update(read_runs(os.path.join(dp, 'log')))
    none = {t: RUNS.get('none.' + t) for t in FORMATS}
    check_none(none)
    none = {t: r[2] if r else None for t, r in none.items()}
    for line in open(os.path.join(dp, 'manifest'), encoding='utf-8'):
        entry = json.loads(line)
        rel = entry['file']
        # where the runs named the ladder from
        base = os.path.join(dp, 'src') if rel.startswith('gen/') else root
        os.chdir(base)
        key = rel.replace('/', '_')
        check_versions(dp, none, rel, key, entry['units'], read(rel))
        c = entry['change']
        if c is None:
            report('diff-props: %s with one word changed' % rel, ['shuffle_ladder.py found nothing to change'])
        else:
            check_change(dp, rel, key, c['kind'], c['id'], c['old'], c['new'])


if __name__ == '__main__':
    main()
