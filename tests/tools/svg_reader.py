#!/usr/bin/env python3
"""svg_reader.py - read an SVG as a screen reader would (python3 standard library only).

    svg_reader.py [--json] FILE.svg

Prints what assistive technology is given, in the order it is given:

1. the root <svg>: its role, its accessible name and its description, computed
   as the W3C's accname and SVG-AAM rules say: the name from aria-labelledby
   (the text of each element it names, in its order, joined by a space), else
   aria-label, else the root's <title> child; the description from
   aria-describedby, else the root's <desc> child (when it did not give the
   name);
2. then, as a user exploring the drawing meets them, every group (<g>) that
   has an accessible name (aria-labelledby, aria-label or a <title> child), in
   document order, with that name. A subtree under aria-hidden="true" is
   skipped, as a screen reader skips it.

Whitespace in names is collapsed, as accname does. Character references are
decoded by the XML parser, so a name is the text a listener hears. External
DTDs are never fetched. Text output, one line each:

    role: img
    name: The Senior Engineer Skills Map
    description: 16 roles in 3 tracks, levels L5 to L11; 4 boxes, 18 moves.
    group: Box L5: level L5
    ...

With --json, one JSON object: {"role", "name", "description", "groups":
[{"id", "class", "name"}]} (the ids only so a test can tell which group is
which; a listener does not hear them). Exit status 0, or 2 when the file is
not well-formed XML or its root is not <svg>.
"""
import json
import re
import sys
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}'


def collapse(text):
    return re.sub(r'[ \t\n\r\f]+', ' ', text or '').strip()


def text_of(el):
    return collapse(''.join(el.itertext()))


def child(el, tag):
    for c in el:
        if c.tag == SVG + tag:
            return c
    return None


def by_ids(index, refs):
    """The text of the elements refs (space-separated ids) names, joined."""
    parts = [text_of(index[r]) for r in refs.split() if r in index]
    return collapse(' '.join(parts)) if parts else None


def name_of(el, index):
    """(name, where it came from) of an element, by accname's first steps."""
    refs = el.get('aria-labelledby')
    if refs is not None:
        name = by_ids(index, refs)
        if name:
            return name, 'labelledby'
    label = collapse(el.get('aria-label'))
    if label:
        return label, 'label'
    title = child(el, 'title')
    if title is not None and text_of(title):
        return text_of(title), 'title'
    return '', None


def description_of(el, index, name_from):
    refs = el.get('aria-describedby')
    if refs is not None:
        desc = by_ids(index, refs)
        if desc:
            return desc
    desc = child(el, 'desc')
    if desc is not None and name_from != 'desc':
        return text_of(desc)
    return ''


def groups(el, index, out):
    for c in el:
        if c.get('aria-hidden') == 'true':
            continue
        if c.tag == SVG + 'g':
            name, _ = name_of(c, index)
            if name:
                out.append({'id': c.get('id'), 'class': c.get('class'), 'name': name})
        groups(c, index, out)


def read(path):
    root = ET.parse(path).getroot()
    if root.tag != SVG + 'svg':
        raise ValueError('the root is <%s>, not <svg>' % root.tag)
    index = {el.get('id'): el for el in root.iter() if el.get('id') is not None}
    name, name_from = name_of(root, index)
    found = []
    groups(root, index, found)
    return {
        'role': root.get('role'),
        'name': name,
        'description': description_of(root, index, name_from),
        'groups': found,
    }


def main(argv):
    args = [a for a in argv[1:] if a != '--json']
    if len(args) != 1:
        sys.stderr.write('usage: svg_reader.py [--json] FILE.svg\n')
        return 2
    try:
        r = read(args[0])
    except (ET.ParseError, ValueError, OSError) as e:
        sys.stderr.write('svg_reader.py: %s: %s\n' % (args[0], e))
        return 2
    if '--json' in argv:
        json.dump(r, sys.stdout, ensure_ascii=False)
        sys.stdout.write('\n')
        return 0
    print('role: %s' % (r['role'] or '(none)'))
    print('name: %s' % r['name'])
    print('description: %s' % r['description'])
    for g in r['groups']:
        print('group: %s' % g['name'])
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
