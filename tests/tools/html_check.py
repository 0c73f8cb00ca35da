#!/usr/bin/env python3
"""html_check.py - reads a page of `ladderc build -T html` as a browser's
parser would (Python's html.parser) and prints what the tests compare, one
fact a line, "name: value". Exit 1 with the reason when the page is not
well-formed (an end tag that closes nothing open, an element left open, a
duplicate id).

    html_check.py facts PAGE [JSON]   the facts below; with JSON (build -T
                                      json of the same ladder), also whether
                                      the embedded model equals it and which
                                      ids of it the page lacks
    html_check.py data PAGE           the JSON of the ladder-data script, as
                                      JSON.parse reads it, re-serialised
    html_check.py texts PAGE          every text node, one per line (entities
                                      decoded; line breaks as \\n)

Facts: the number of script elements and of each kind (inline, data, with
src); attributes whose name starts with "on", style attributes, style
elements; every href, src and xlink:href that is not a #fragment, http(s) or
data: one (listed), and every #fragment that names no id; whether the CSP's
script and style hashes equal the sha256 of the inline script's and style's
text; the landmarks; the headings' order; the ids of roles, tracks,
competencies and companies found.
"""
import base64
import hashlib
import json
import re
import sys
from html.parser import HTMLParser

VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'}
# elements whose end tag the HTML parser may imply; the page writes them all
# explicitly, so they are checked like any other


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors = [], []
        self.ids, self.refs, self.links = {}, [], []
        self.on_attrs, self.style_attrs = [], 0
        self.scripts = []           # [type, src, text]
        self.styles = []
        self.metas = []
        self.headings = []          # (level, text)
        self.landmarks = []
        self.texts = []
        self.html_lang = None
        self.rel_of_external = []
        self._in = None             # 'script' or 'style' or heading
        self._buf = []
        self.svg_a = []             # (href, title) of <a> inside the map's svg
        self.in_svg = 0

    def handle_starttag(self, tag, attrs, closed=False):
        a = dict(attrs)
        for k, v in attrs:
            if k.lower().startswith('on'):
                self.on_attrs.append('%s %s' % (tag, k))
            if k.lower() == 'style':
                self.style_attrs += 1
            if k == 'id':
                if v in self.ids:
                    self.errors.append('duplicate id %r' % v)
                self.ids[v] = tag
            if k in ('href', 'src', 'xlink:href', 'action', 'formaction', 'poster', 'data'):
                self.links.append((tag, k, v or ''))
        if tag == 'html':
            self.html_lang = a.get('lang')
        if tag == 'meta':
            self.metas.append(a)
        if tag in ('header', 'nav', 'main', 'footer'):
            self.landmarks.append(tag)
        if tag == 'svg':
            self.in_svg += 1
        if tag == 'a' and self.in_svg:
            self.svg_a.append((a.get('xlink:href') or a.get('href'), a.get('xlink:title')))
        if tag == 'a' and (a.get('href') or '').startswith('http'):
            self.rel_of_external.append(a.get('rel') or '')
        if tag in ('script', 'style'):
            self._in, self._buf = tag, []
            self._attrs = a
        if re.fullmatch(r'h[1-6]', tag):
            self.headings.append([int(tag[1]), ''])
        if tag not in VOID and not closed:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs, closed=True)
        if tag == 'svg':
            self.in_svg -= 1

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append('</%s> closes %s' % (tag, self.stack[-1] if self.stack else 'nothing'))
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()
        if tag == 'svg':
            self.in_svg -= 1
        if tag == 'script' and self._in == 'script':
            self.scripts.append([self._attrs.get('type'), self._attrs.get('src'), ''.join(self._buf),
                                 self._attrs.get('id')])
            self._in = None
        if tag == 'style' and self._in == 'style':
            self.styles.append(''.join(self._buf))
            self._in = None

    def handle_data(self, data):
        if self._in in ('script', 'style'):
            self._buf.append(data)
            return
        if self.headings and self.stack and re.fullmatch(r'h[1-6]', self.stack[-1]):
            self.headings[-1][1] += data
        if data.strip():
            self.texts.append(data)

    def handle_comment(self, data):
        self.errors.append('a comment in the page: %r' % data[:40]) if 'alert' in data else None


def read(path):
    with open(path, 'rb') as f:
        raw = f.read()
    p = Page()
    p.feed(raw.decode('utf-8'))
    p.close()
    if p.stack:
        p.errors.append('left open: %s' % ' '.join(p.stack))
    return raw, p


def raw_element_text(raw, open_tag):
    """The exact bytes between open_tag and the next '</', as the browser hashes them."""
    i = raw.index(open_tag) + len(open_tag)
    return raw[i:raw.index(b'</', i)]


def csp_hashes(p):
    for m in p.metas:
        if (m.get('http-equiv') or '').lower() == 'content-security-policy':
            pol = m.get('content') or ''
            out = {}
            for d in pol.split(';'):
                words = d.split()
                if words:
                    out[words[0]] = words[1:]
            return pol, out
    return None, {}


def sha(b):
    return "'sha256-%s'" % base64.b64encode(hashlib.sha256(b).digest()).decode()


def facts(path, model=None):
    raw, p = read(path)
    say = lambda k, v: print('%s: %s' % (k, v))
    say('errors', '; '.join(p.errors) or 'none')
    say('lang', p.html_lang)
    say('charset', any(m.get('charset', '').lower() == 'utf-8' for m in p.metas))
    say('viewport', any(m.get('name') == 'viewport' for m in p.metas))
    say('scripts', len(p.scripts))
    say('inline scripts', sum(1 for s in p.scripts if s[0] is None and s[1] is None))
    say('data scripts', sum(1 for s in p.scripts if s[0] == 'application/json'))
    say('scripts with src', sum(1 for s in p.scripts if s[1] is not None))
    say('styles', len(p.styles))
    say('on attributes', ' '.join(p.on_attrs) or 'none')
    say('style attributes', p.style_attrs)
    bad = [v for t, k, v in p.links
           if not (v.startswith('#') or re.match(r'(?i)https?://', v) or v.startswith('data:'))]
    say('links not #, http(s) or data', ' '.join(bad) or 'none')
    dangling = sorted({v for t, k, v in p.links if v.startswith('#') and len(v) > 1 and v[1:] not in p.ids})
    say('fragments naming no id', ' '.join(dangling) or 'none')
    say('external links without rel=noopener noreferrer',
        sum(1 for r in p.rel_of_external if set(r.split()) != {'noopener', 'noreferrer'}))
    pol, d = csp_hashes(p)
    say('csp', pol)
    script = raw_element_text(raw, b'<script>')
    style = raw_element_text(raw, b'<style>')
    say('csp script hash', 'equal' if d.get('script-src') == [sha(script)] else 'differs')
    say('csp style hash', 'equal' if d.get('style-src') == [sha(style)] else 'differs')
    say('landmarks', ' '.join(sorted(set(p.landmarks))))
    skips = [(a, b) for (a, _), (b, _) in zip(p.headings, p.headings[1:]) if b > a + 1]
    say('h1', sum(1 for lv, _ in p.headings if lv == 1))
    say('first heading', p.headings[0][0] if p.headings else 0)
    say('heading skips', ' '.join('h%d>h%d' % s for s in skips) or 'none')
    say('h1 text', p.headings[0][1] if p.headings else '')
    for kind in ('role', 'track', 'competency', 'company'):
        ids = sorted(i[len(kind) + 1:] for i in p.ids
                     if i.startswith(kind + '-') and not i.endswith('-title') and not re.match(r'\d', i[len(kind) + 1:]))
        say(kind + ' ids', ' '.join(ids))
    say('role sections', sum(1 for i, t in p.ids.items() if i.startswith('role-') and t == 'section'))
    say('map links', ' '.join(sorted(h or '' for h, _ in p.svg_a if (h or '').startswith('#role-'))))
    say('map links without a title', sum(1 for h, t in p.svg_a if (h or '').startswith('#role-') and not t))
    say('ids', ' '.join(x for x in ('search', 'explorer', 'explorer-app', 'explorer-title', 'ladder-data', 'main')
                        if x in p.ids))
    network = re.findall(rb'(?i)@import|url\(\s*[\'"]?(?!data:|#)|<link\b|<iframe|<object|<embed', raw)
    say('network references', len(network))
    if model:
        with open(model, encoding='utf-8') as f:
            want = json.load(f)
        d = [s for s in p.scripts if s[0] == 'application/json']
        say('embedded model', 'same' if d and json.loads(d[0][2]) == want else 'differs')
        missing = []
        for kind, key in (('role', 'roles'), ('track', 'tracks'), ('competency', 'competencies'),
                          ('company', 'companies')):
            missing += ['%s-%s' % (kind, x['id']) for x in want.get(key, []) if '%s-%s' % (kind, x['id']) not in p.ids]
        say('model ids missing', ' '.join(missing) or 'none')
        say('model roles', ' '.join(sorted(x['id'] for x in want.get('roles', []))))


def data(path):
    raw, p = read(path)
    d = [s for s in p.scripts if s[0] == 'application/json']
    print(json.dumps(json.loads(d[0][2]), sort_keys=True, ensure_ascii=False))


def texts(path):
    raw, p = read(path)
    for t in p.texts:
        print(t.replace('\n', '\\n'))


if __name__ == '__main__':
    {'facts': facts, 'data': data, 'texts': texts}[sys.argv[1]](*sys.argv[2:])
