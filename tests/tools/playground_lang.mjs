// playground_lang.mjs - checks the playground's CodeMirror language for
// .ladder files (playground/src/lang.js) against the scanner's reserved
// words (grammar/ladder.l) and the VS Code TextMate grammar
// (editors/vscode/syntaxes/ladder.tmLanguage.json), in one node process:
//   1. every FILE is parsed as the editor parses it (an EditorState with
//      ladder(), its whole syntax tree, highlightTree) and tokenized with
//      the TextMate grammar (vscode-textmate + vscode-oniguruma, as
//      tests/tools/tm_tokens.js does); every character gets a class on each
//      side (keyword, string, comment, number, level, constant, operator,
//      definition, variable, punctuation, invalid, or none) and:
//      - no character the grammar gives a class is left unstyled by
//        ladderHighlightStyle;
//      - the classes agree: the disagreement rate of each class is printed
//        (the characters either side puts in the class on which the other
//        differs), and any disagreement is a problem (the issue asks for
//        none on keywords, strings and comments; there is none on any
//        class), as is an invalid token in these valid files;
//   2. every reserved word of grammar/ladder.l gets the keyword style: where
//      it stands in the files, and alone, first and in the middle of a line;
//   3. each FILE after --invalid (a planted mistake) has an invalid token;
//   4. the style's colours have a WCAG 2 contrast >= 4.5 on the backgrounds
//      they are for, light and dark (read from its own CSS);
//   5. the indentation in a block, the comment token, a byte-order mark
//      (blank opening the file, invalid elsewhere), and that no line,
//      however broken (every prefix of every line of the files, random
//      characters), makes the tokenizer throw.
// usage: node playground_lang.mjs PLAYGROUND_MODULES TEST_MODULES FILE... [--invalid FILE...]
//        node playground_lang.mjs PLAYGROUND_MODULES TEST_MODULES --dump FILE
//        (each token: its offsets, text and the two sides' classes)
// Prints one line per problem, FILE:LINE:COL: ..., then a summary line
// "N files, N chars, disagreement K% ..., N problems"; exits 1 on a problem.
// The language is bundled with the playground's esbuild (its imports are
// bare specifiers that node would not resolve from playground/src).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const [pgModulesArg, testModulesArg, ...args] = process.argv.slice(2);
const pgModules = path.resolve(pgModulesArg);
const testModules = path.resolve(testModulesArg);
const require = createRequire(import.meta.url);

// The reserved words, as the scanner has them (its rules '"word" { ... }').
const RESERVED = [...fs.readFileSync(path.join(ROOT, 'grammar', 'ladder.l'), 'utf8')
    .matchAll(/^"([a-z]+)"\s+\{/gm)].map((m) => m[1]);
// CodeMirror's stream parser stops reading a line after a token that starts
// past its 10,000th character (C.MaxLineLength in @codemirror/language): the
// rest of such a line is left unstyled, whatever the language.
const CM_LINE_LIMIT = 10001;
const CLASSES = ['keyword', 'string', 'comment', 'number', 'level', 'constant', 'operator', 'definition',
    'variable', 'punctuation', 'invalid'];

let problems = 0;
function problem(msg) {
    problems++;
    console.log(msg);
}

// lang.js and the CodeMirror modules the check uses, in one bundle: one copy
// of @lezer/highlight, so that the tags are the same objects on both sides.
async function loadLanguage() {
    const esbuild = require(path.join(pgModules, 'esbuild'));
    const entry = `
export * from ${JSON.stringify(path.join(ROOT, 'playground', 'src', 'lang.js'))};
export { EditorState } from '@codemirror/state';
export { ensureSyntaxTree, getIndentation } from '@codemirror/language';
export { highlightTree, tagHighlighter, tags } from '@lezer/highlight';
`;
    const out = await esbuild.build({
        stdin: { contents: entry, resolveDir: ROOT, sourcefile: 'playground_lang_entry.js' },
        bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'error',
        nodePaths: [pgModules], mainFields: ['module', 'main'],
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'playground-lang-'));
    const file = path.join(dir, 'lang.bundle.mjs');
    fs.writeFileSync(file, out.outputFiles[0].text);
    try {
        return await import(pathToFileURL(file).href);
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

async function loadTextMate() {
    const vsctm = require(path.join(testModules, 'vscode-textmate'));
    const onig = require(path.join(testModules, 'vscode-oniguruma'));
    const wasm = fs.readFileSync(path.join(testModules, 'vscode-oniguruma', 'release', 'onig.wasm'));
    await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const grammarPath = path.join(ROOT, 'editors', 'vscode', 'syntaxes', 'ladder.tmLanguage.json');
    const registry = new vsctm.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: (sources) => new onig.OnigScanner(sources),
            createOnigString: (s) => new onig.OnigString(s),
        }),
        loadGrammar: async () => vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath),
    });
    const grammar = await registry.loadGrammar('source.ladder');
    return { vsctm, grammar };
}

// A TextMate token's class, from its scopes (innermost last).
function tmClass(scopes) {
    const has = (p) => scopes.some((s) => s.startsWith(p));
    if (has('invalid'))
        return 'invalid';
    if (has('comment'))
        return 'comment';
    if (has('string'))
        return 'string';
    if (has('keyword.operator'))
        return 'operator';
    if (has('keyword'))
        return 'keyword';
    if (has('constant.numeric'))
        return 'number';
    if (has('constant.other.level'))
        return 'level';
    if (has('constant.language'))
        return 'constant';
    if (has('entity.name'))
        return 'definition';
    if (has('variable'))
        return 'variable';
    if (has('punctuation'))
        return 'punctuation';
    return '';
}

function cmClassifier(L) {
    const t = L.tags;
    return L.tagHighlighter([
        { tag: t.invalid, class: 'invalid' },
        { tag: t.comment, class: 'comment' },
        { tag: [t.string, t.escape], class: 'string' },
        { tag: t.atom, class: 'level' },
        { tag: t.keyword, class: 'keyword' },
        { tag: t.operator, class: 'operator' },
        { tag: t.number, class: 'number' },
        { tag: t.constant(t.name), class: 'constant' },
        { tag: t.definition(t.name), class: 'definition' },
        { tag: t.name, class: 'variable' },
        { tag: t.punctuation, class: 'punctuation' },
    ], { all: 'token' });
}

// The editor's lines: the playground's breaks lines at \n only (a CR LF
// line ends in \r there), as the scanner does; the TextMate grammar gets
// each line without its line end, as VS Code gives them.
const EDITOR_LINES = '\n';
function readLines(file) {
    let text = fs.readFileSync(file, 'utf8');
    if (text.charCodeAt(0) === 0xfeff)
        text = text.slice(1);
    return text.split('\n');
}

function editorState(L, doc) {
    return L.EditorState.create({ doc, extensions: [L.EditorState.lineSeparator.of(EDITOR_LINES), L.ladder()] });
}

// Per character of the document (lines joined by \n): the class each side
// gives it, and the classes of the two highlight styles.
function classify(L, tm, lines) {
    const doc = lines.join('\n');
    const n = doc.length;
    const state = editorState(L, doc);
    const tree = L.ensureSyntaxTree(state, n, 1e9);
    const fill = (highlighter, name = (cls) => cls) => {
        const a = new Array(n).fill('');
        L.highlightTree(tree, highlighter, (from, to, cls) => a.fill(name(cls), from, to));
        return a;
    };
    const cm = fill(cmClassifier(L), (cls) => cls.replace(/^token ?/, ''));
    const light = fill(L.ladderHighlightStyle);
    const tmc = new Array(n).fill('');
    let ruleStack = tm.vsctm.INITIAL, at = 0;
    for (const line of lines) {
        const bare = line.endsWith('\r') ? line.slice(0, -1) : line;
        const r = tm.grammar.tokenizeLine(bare, ruleStack);
        for (const tok of r.tokens)
            tmc.fill(tmClass(tok.scopes), at + tok.startIndex, at + Math.min(tok.endIndex, bare.length));
        ruleStack = r.ruleStack;
        at += line.length + 1;
    }
    return { doc, cm, tm: tmc, light, state };
}

function position(doc, i) {
    const before = doc.slice(0, i).split('\n');
    return `${before.length}:${before[before.length - 1].length + 1}`;
}

function checkFile(L, tm, file, counts, keywordClass) {
    const { doc, cm, tm: tmc, light } = classify(L, tm, readLines(file));
    const reported = new Set();
    const report = (i, why) => {
        if (reported.has(why) || reported.size >= 5)
            return;     // one line per kind of problem and file, five at most
        reported.add(why);
        let end = i;
        while (end < doc.length && cm[end] === cm[i] && tmc[end] === tmc[i] && !/\s/.test(doc[end]))
            end++;
        problem(`${file}:${position(doc, i)}: ${JSON.stringify(doc.slice(i, Math.max(end, i + 1)))}: ${why}`);
    };
    let lineStart = 0;
    for (let i = 0; i < doc.length; i++) {
        if (doc[i] === '\n')
            lineStart = i + 1;
        if (doc[i] === ' ' || doc[i] === '\t' || doc[i] === '\n')
            continue;   // a CR LF's CR is compared: neither side may give it a class
        if (i - lineStart >= CM_LINE_LIMIT) {
            counts.beyond++;
            continue;
        }
        counts.chars++;
        const a = cm[i], b = tmc[i];
        if (b && !light[i])
            report(i, `unstyled (the TextMate grammar has ${b})`);
        if (a === 'invalid')
            report(i, 'invalid in a valid file');
        if (a)
            counts.seen[a] = (counts.seen[a] || 0) + 1;
        if (b && b !== a)
            counts.seen[b] = (counts.seen[b] || 0) + 1;
        if (a !== b) {
            if (a)
                counts.differ[a] = (counts.differ[a] || 0) + 1;
            if (b)
                counts.differ[b] = (counts.differ[b] || 0) + 1;
            counts.differing++;
            report(i, `${a || 'nothing'} here, ${b || 'nothing'} in the TextMate grammar`);
        }
    }
    // the reserved words where they stand, outside strings and comments
    for (const m of doc.matchAll(/[A-Za-z0-9_]+/g)) {
        const column = m.index - doc.lastIndexOf('\n', m.index) - 1;
        if (column >= CM_LINE_LIMIT)
            continue;
        if (RESERVED.includes(m[0]) && tmc[m.index] !== 'string' && tmc[m.index] !== 'comment') {
            counts.reserved++;
            if (light[m.index] !== keywordClass)
                report(m.index, `reserved word without the keyword style (${light[m.index] || 'none'})`);
        }
    }
}

// Every reserved word alone, first on a line and in the middle of one.
function checkReservedWords(L, tm, keywordClass) {
    for (const word of RESERVED) {
        for (const line of [word, `${word} x "X"`, `a ${word} b`]) {
            const { light } = classify(L, tm, [line]);
            const i = line.indexOf(word, line.startsWith(word) ? 0 : 2);
            if (light[i] !== keywordClass)
                problem(`reserved word ${JSON.stringify(word)} in ${JSON.stringify(line)}: not the keyword style`);
        }
    }
    if (RESERVED.length < 15)
        problem(`grammar/ladder.l: ${RESERVED.length} reserved words read, not the 15 or more it has`);
}

function checkInvalid(L, tm, file) {
    const { cm } = classify(L, tm, readLines(file));
    if (!cm.includes('invalid'))
        problem(`${file}: no invalid token in a file with a mistake`);
}

// WCAG 2 relative luminance and contrast.
function luminance(hex) {
    const ch = (i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * ch(1) + 0.7152 * ch(3) + 0.0722 * ch(5);
}

function contrast(a, b) {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
}

// The colours of the style's CSS: each rule's plain colour (the light one,
// for browsers without light-dark()) and its light-dark() pair, measured on
// the lightest and darkest background of each scheme.
function checkContrast(L) {
    const rules = L.ladderHighlightStyle.module.getRules().split('\n').filter((r) => /color:/.test(r));
    // the lightest and darkest each scheme's text is drawn on: the page, and
    // CodeMirror's selections (light) or its light active line over the
    // page's dark background, #475158 (dark)
    const backgrounds = { light: ['#ffffff', '#d9d9d9', '#d7d4f0'], dark: ['#000000', '#505050'] };
    let worst = 99;
    const measure = (c, scheme, rule) => {
        for (const bg of backgrounds[scheme]) {
            const r = contrast(c, bg);
            worst = Math.min(worst, r);
            if (r < 4.5)
                problem(`${scheme} colour ${c} on ${bg}: contrast ${r.toFixed(2)}, under 4.5 (${rule})`);
        }
    };
    for (const rule of rules) {
        const plain = /color: (#[0-9a-f]{6});/i.exec(rule);
        const pair = /color: light-dark\((#[0-9a-f]{6}), (#[0-9a-f]{6})\);/i.exec(rule);
        if (!plain || !pair || plain[1] !== pair[1]) {
            problem(`a rule without its light colour and its light-dark() pair: ${rule}`);
            continue;
        }
        measure(pair[1], 'light', rule);
        measure(pair[2], 'dark', rule);
    }
    if (rules.length < 10)
        problem(`${rules.length} coloured rules read from the style's CSS, not the 10 or more it has`);
    return worst;
}

// mulberry32: a seeded generator of numbers in [0, 1), the same run every time
function seeded(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = Math.imul(a ^ (a >>> 15), a | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function checkEditing(L, files) {
    const doc = 'company a "A" {\n  ic L5 "E" "Eng"\n}\nrole r "R" track ic level L5 at (1, 2)\n# c\n{\n  craft 1\nrole s "S"';
    const state = editorState(L, doc);
    const indents = [2, 3, 7, 8].map((n) => L.getIndentation(state, state.doc.line(n).from));
    if (indents.join() !== '2,0,2,0')
        problem(`indentation of a block's line, its '}', a role block's line, a statement after: ${indents}, not 2,0,2,0`);
    // a byte-order mark opening the file is blank, as the scanner reads it;
    // anywhere else it is a character the scanner rejects
    const bom = editorState(L, '\ufeffrole r "R"\n\ufeffrole s "S"');
    const bomClasses = [];
    L.highlightTree(L.ensureSyntaxTree(bom, bom.doc.length, 1e9), cmClassifier(L),
        (from, to, cls) => cls !== 'token' && bomClasses.push(`${from}:${cls.replace(/^token ?/, '')}`));
    if (bomClasses.join() !== '1:keyword,6:definition,8:string,12:invalid,13:keyword,18:variable,20:string')
        problem(`a byte-order mark, first in the file and first on line 2: ${bomClasses.join()}`);
    const comments = state.languageDataAt('commentTokens', 0);
    if (!comments.length || comments[0].line !== '#')
        problem(`comment token: ${JSON.stringify(comments)}, not #`);
    // every prefix of every line of the files, then random characters
    const lines = [];
    for (const file of files.slice(0, 40))
        for (const line of readLines(file))
            for (let i = 1; i <= line.length; i++)
                lines.push(line.slice(0, i));
    const random = seeded(15);
    const alphabet = ['"', '\\', '#', '\r', '{', '}', '-', '>', '.', '=', '+', '(', ')', ',', ' ', '\t', 'L', '5', 'a',
        'role', 'track', '_', 'Z', '\0', '\x7f', '\x85', '\ud800', '\udc00', '😀', 'é', '\u2028'];
    for (let k = 0; k < 3000; k++) {
        let s = '';
        for (let n = Math.floor(random() * 40); n > 0; n--)
            s += alphabet[Math.floor(random() * alphabet.length)];
        lines.push(s);
    }
    lines.push('a'.repeat(20000), '"'.repeat(20001), '#' + '\0'.repeat(5000));
    try {
        const big = lines.join('\n');
        const s = editorState(L, big);
        const tree = L.ensureSyntaxTree(s, big.length, 1e9);
        if (!tree || tree.length !== big.length)
            problem(`${lines.length} broken lines: parsed ${tree ? tree.length : 0} of ${big.length} characters`);
    } catch (e) {
        problem(`${lines.length} broken lines: the tokenizer threw ${e.stack}`);
    }
    return lines.length;
}

function dump(L, tm, file) {
    const { doc, cm, tm: tmc } = classify(L, tm, readLines(file));
    for (let i = 0; i < doc.length;) {
        let j = i + 1;
        while (j < doc.length && cm[j] === cm[i] && tmc[j] === tmc[i] && doc[j] !== '\n')
            j++;
        if (doc[i] !== '\n')
            console.log(`${position(doc, i)}: ${JSON.stringify(doc.slice(i, j))} ${cm[i] || '-'} ${tmc[i] || '-'}${cm[i] === tmc[i] ? '' : '   <- differ'}`);
        i = j;
    }
}

async function main() {
    const L = await loadLanguage();
    const tm = await loadTextMate();
    if (args[0] === '--dump') {
        dump(L, tm, args[1]);
        return 0;
    }
    const cut = args.indexOf('--invalid');
    const valid = cut < 0 ? args : args.slice(0, cut);
    const invalid = cut < 0 ? [] : args.slice(cut + 1);
    const keywordClass = L.ladderHighlightStyle.style([L.tags.keyword]);
    const counts = { chars: 0, differing: 0, differ: {}, seen: {}, reserved: 0, beyond: 0 };
    for (const file of valid)
        checkFile(L, tm, file, counts, keywordClass);
    checkReservedWords(L, tm, keywordClass);
    for (const file of invalid)
        checkInvalid(L, tm, file);
    const worst = checkContrast(L);
    const broken = checkEditing(L, valid);
    const differ = counts.differing;
    const rate = (k) => `${k} ${((counts.differ[k] || 0) / Math.max(1, counts.seen[k] || 0) * 100).toFixed(2)}%`;
    console.log(`disagreement with the TextMate grammar by class: ${CLASSES.map(rate).join(', ')}`);
    console.log(`${valid.length} files, ${counts.chars} chars, ${counts.reserved} reserved words, ` +
        `${counts.beyond} chars past CodeMirror's line limit, disagreement ${(differ / Math.max(1, counts.chars) * 100).toFixed(3)}% (${differ} chars), ` +
        `worst contrast ${worst.toFixed(2)}, ${broken} broken lines, ${problems} problems`);
    return problems ? 1 : 0;
}

main().then((rc) => process.exit(rc), (e) => { console.error(e); process.exit(2); });
