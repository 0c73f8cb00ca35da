#!/usr/bin/env python3
"""css_contrast.py CSS - the contrast (WCAG 2) of each text colour of the
page's style on each background it is drawn on, in the light theme (:root)
and the dark one (the :root inside prefers-color-scheme: dark), one line
each: "THEME TEXT/BACKGROUND RATIO". Exit 1 when a colour is missing."""
import re
import sys

PAIRS = [('fg', 'bg'), ('fg', 'panel'), ('muted', 'bg'), ('muted', 'panel'), ('link', 'bg'), ('link', 'panel'),
         ('accent', 'bg'), ('accent', 'panel'), ('fg', 'mark')]


def themes(css):
    css = re.sub(r'/\*.*?\*/', '', css, flags=re.S)
    light = re.search(r'^:root\s*\{(.*?)\}', css, re.S | re.M).group(1)
    dark = re.search(r'prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{(.*?)\}', css, re.S).group(1)
    return {'light': light, 'dark': dark}


def colours(block):
    return {k: v for k, v in re.findall(r'--([a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;', block)}


def luminance(hexa):
    def ch(c):
        c = int(c, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (ch(hexa[i:i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


css = open(sys.argv[1], encoding='utf-8').read()
for name, block in themes(css).items():
    c = colours(block)
    for fg, bg in PAIRS:
        print('%s %s/%s %.2f' % (name, fg, bg, ratio(c[fg], c[bg])))
