// lang.js - the .ladder language for CodeMirror 6: a stream tokenizer that
// reads each line as grammar/ladder.l does (the longest match wins, the
// reserved words are keywords wherever they stand), with the TextMate
// grammar's sense of context (editors/vscode/syntaxes/ladder.tmLanguage.json):
// the id a 'track', 'role', 'company' or 'competency' line defines, the
// blocks of those three, the name strings (a box's, a rung's, a company's
// code), and the constants some statements take (axis x|y, layout
// relative|exact, competency hard|soft).
//
// Only what the scanner itself rejects is styled invalid: a name with an
// upper-case letter or a leading '_', a range written another way (L6-L8,
// 4+), an unknown escape, a control character in text, any other character
// (a CR too, but the one ending a line: the playground's editor breaks lines
// at LF only, so a CR LF file's lines end in CR, as the scanner reads them).
// A token the scanner accepts in a place the parser does not (a '->' in a
// block) keeps its style: the diagnostics underline those.
//
// Never throws, whatever the line holds: every branch of the tokenizer
// consumes at least one character (CodeMirror throws after ten calls that do
// not), and every pattern is sticky (matched at the position, never searched
// for), so a line costs time linear in its length.
//
// Exports: ladder() (a LanguageSupport: the language, its comment token,
// brackets and indentation), ladderLanguage, and ladderHighlightStyle (for
// syntaxHighlighting(): its colours follow the page's light or dark scheme).
import { HighlightStyle, LanguageSupport, StreamLanguage } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';

// The reserved words of grammar/ladder.l (its '"word" { ... }' rules):
// keywords wherever they stand, as the scanner returns them. The test reads
// them from ladder.l and checks every one is styled a keyword here.
const LD_RESERVED = new Set(['ladder', 'axis', 'levels', 'track', 'box', 'years', 'role', 'level', 'at',
    'company', 'import', 'layout', 'competency', 'promotion', 'lateral', 'downward']);
// The ones that open a statement (STATEMENT_KEYWORD in the scanner): opening
// a line inside a block, they end the block.
const LD_STATEMENT = new Set(['ladder', 'axis', 'levels', 'track', 'box', 'years', 'role', 'company', 'import',
    'layout', 'competency']);
// The statements whose '{' may open the same line or a later one.
const LD_BLOCK_HEADER = new Set(['role', 'company', 'competency']);
// The id after these, first on a line, is defined there.
const LD_DEFINITION = { track: 'trackDef', role: 'roleDef', company: 'companyDef', competency: 'competencyDef' };
// The constants a statement takes as its second word (TextMate's constant.language).
const LD_CONSTANTS = { axis: new Set(['x', 'y']), layout: new Set(['relative', 'exact']) };
const LD_COMPETENCY_KINDS = new Set(['hard', 'soft']);

// Token names (what token() returns) and their tags.
const LD_TOKEN_TABLE = {
    keyword: t.keyword,
    importKeyword: t.moduleKeyword,
    comment: t.lineComment,
    string: t.string,
    nameString: t.special(t.string),        // a box's name, a rung's name, a company's code
    escape: t.escape,
    number: t.number,
    level: t.atom,
    constant: t.constant(t.name),
    trackDef: t.definition(t.typeName),
    competencyDef: t.definition(t.propertyName),
    roleDef: t.definition(t.variableName),
    companyDef: t.definition(t.namespace),
    variable: t.variableName,
    operator: t.operator,                   // '..', '->'
    equals: t.definitionOperator,
    paren: t.paren,
    separator: t.separator,
    brace: t.brace,
    invalid: t.invalid,
};

// The lexemes of ladder.l that start with a letter, digit, '_' or '-', in
// its order: the longest match wins, the first of equal ones (flex's rule).
const LD_LEXEMES = [
    ['word', /[a-z][a-z0-9_]*/y],
    ['level', /[A-Z][A-Za-z]*[0-9]+/y],
    ['number', /-?[0-9]+(?:\.[0-9]+)?/y],
    ['invalid', /[A-Za-z_][A-Za-z0-9_]*/y],                                 // E002: Staff, _x, seniorEngineer
    ['invalid', /[A-Z][A-Za-z]*[0-9]+-(?:[A-Z][A-Za-z]*[0-9]+|[0-9]+)/y],   // E008: L6-L8, L7-9
    ['invalid', /[A-Z][A-Za-z]*-[0-9]+/y],                                  // L-5
    ['invalid', /-?[0-9]+(?:\.[0-9]+)?-[0-9]+(?:\.[0-9]+)?/y],              // 3-8
    ['invalid', /(?:[A-Z][A-Za-z]*[0-9]+|-?[0-9]+(?:\.[0-9]+)?)\+/y],       // 4+, L7+
];
const LD_BLANKS = /[ \t]+/y;
// Text in strings and comments: UTF-8 (in JavaScript: no lone surrogate)
// without control characters other than tab (lex_check_text).
const LD_TEXT_CHAR = '(?:[^\\x00-\\x08\\x0a-\\x1f\\x7f-\\x9f\\ud800-\\udfff]|[\\ud800-\\udbff][\\udc00-\\udfff])';
const LD_COMMENT_RUN = new RegExp(`${LD_TEXT_CHAR}+`, 'y');
const LD_STRING_RUN = new RegExp(`(?:(?!["\\\\])${LD_TEXT_CHAR})+`, 'y');
const LD_CODE_POINT = /[\ud800-\udbff][\udc00-\udfff]|[^]/y;
// A line's first word, whole (roleX is not 'role').
const LD_FIRST_WORD = /[ \t]*([A-Za-z0-9_]+|[^ \t]?)/y;
const LD_TRANSITION = /[ \t]*[a-z][a-z0-9_]*[ \t]*->/y;
// A role block's line 'summary "TEXT"' or 'link "URL"' (else summary is a competency).
const LD_ROLE_FIELD = /(?:summary|link)(?=[ \t]+")/y;
// A line the indentation puts at the block's margin: its end, or a statement
// that ends the block.
const LD_DEDENT = /^[ \t]*(?:\}|(?:ladder|axis|levels|track|box|years|role|company|import|layout|competency)(?![A-Za-z0-9_]))/;

// The length of the sticky pattern's match at the stream's position, or -1.
function ldMatchAt(stream, re) {
    re.lastIndex = stream.pos;
    const m = re.exec(stream.string);
    return m ? m[0].length : -1;
}

function ldEat(stream, re) {
    const n = ldMatchAt(stream, re);
    if (n > 0)
        stream.pos += n;
    return n > 0;
}

function ldStartState() {
    return {
        block: '',      // 'role', 'company' or 'competency' between its '{' and '}'
        header: '',     // one of those whose '{' has not come yet (it may open a later line)
        line: '',       // what this line is: a statement keyword, 'transition', 'block', 'header' or ''
        n: 0,           // tokens read on this line, comments aside
        prev: '',       // the last token's name
        spaced: false,  // blanks before the token being read
        text: '',       // 'string' or 'nameString' inside a string, 'comment' inside a comment
        top: true,      // before the first line
        bom: false,     // the first line starts with a byte-order mark, allowed there only
    };
}

// What the line is, read from its first word, and the blocks it ends.
function ldStartLine(stream, st) {
    st.n = 0;
    st.prev = '';
    st.spaced = false;
    st.text = '';
    st.bom = st.top && stream.peek() === '\ufeff';
    st.top = false;
    LD_FIRST_WORD.lastIndex = stream.pos + (st.bom ? 1 : 0);
    const m = LD_FIRST_WORD.exec(stream.string);
    const first = m ? m[1] : '';
    if (st.block) {
        if (!LD_STATEMENT.has(first)) {
            st.line = 'block';
            return;
        }
        st.block = '';  // the scanner closes the block there (E006)
    }
    if (st.header) {
        if (first === '' || first === '#' || first === '{') {
            st.line = 'header';     // blank, a comment or the '{': the header runs on
            return;
        }
        st.header = '';
    }
    if (LD_STATEMENT.has(first)) {
        st.line = first;
        if (LD_BLOCK_HEADER.has(first))
            st.header = first;
    } else {
        st.line = ldMatchAt(stream, LD_TRANSITION) > 0 ? 'transition' : '';
    }
}

// A string's kind, from where it stands (the TextMate grammar's names).
function ldStringKind(st) {
    if (st.line === 'box' && st.n === 2)
        return 'nameString';
    const afterNumber = st.spaced && (st.prev === 'level' || st.prev === 'number');
    if (st.line === 'block' && afterNumber && (st.block === 'company' || st.block === 'competency'))
        return 'nameString';
    return 'string';
}

// Inside a string: a run of text, an escape, or its closing quote. The
// string ends with the line if its quote is missing (E003, left to the
// diagnostics: a string being typed is not shown as an error).
function ldStringPart(stream, st) {
    const kind = st.text;
    if (stream.peek() === '\\') {
        stream.next();
        const e = stream.peek();
        if (e === '"' || e === '\\') {
            stream.next();
            return 'escape';
        }
        ldEat(stream, LD_CODE_POINT);   // E004: one whole character, as the scanner reports it
        return 'invalid';
    }
    if (stream.peek() !== '"' && !ldEat(stream, LD_STRING_RUN)) {
        ldEat(stream, LD_CODE_POINT);   // E002: a control character or a lone surrogate
        return 'invalid';
    }
    if (stream.peek() === '"') {
        stream.next();
        st.text = '';
    }
    return kind;
}

// Inside a comment: a run of text, or a character the scanner rejects (E002).
function ldCommentPart(stream) {
    if (ldEat(stream, LD_COMMENT_RUN))
        return 'comment';
    ldEat(stream, LD_CODE_POINT);
    return 'invalid';
}

// The token name of an id-shaped word, from where it stands.
function ldWord(stream, st, word) {
    if (LD_RESERVED.has(word))
        return word === 'import' ? 'importKeyword' : 'keyword';
    if (st.n === 2 && LD_DEFINITION[st.line])
        return LD_DEFINITION[st.line];
    if (st.n === 2 && LD_CONSTANTS[st.line] && LD_CONSTANTS[st.line].has(word))
        return 'constant';
    const competencyHeader = st.line === 'competency' || (st.line === 'header' && st.header === 'competency');
    if (competencyHeader && LD_COMPETENCY_KINDS.has(word))
        return 'constant';
    if (st.n === 1 && st.line === 'block' && st.block === 'role' && ldMatchAt(stream, LD_ROLE_FIELD) > 0)
        return 'keyword';
    return 'variable';
}

// A word, level, number or mistyped range: the longest lexeme at the position.
function ldLexeme(stream, st) {
    let best = -1, kind = '';
    for (const [name, re] of LD_LEXEMES) {
        const n = ldMatchAt(stream, re);
        if (n > best) {
            best = n;
            kind = name;
        }
    }
    if (best <= 0)
        return '';
    const word = stream.string.slice(stream.pos, stream.pos + best);
    const style = kind === 'word' ? ldWord(stream, st, word) : kind;
    stream.pos += best;
    return style;
}

// A brace opens the block of a header, closes an open block.
function ldBrace(st, c) {
    if (c === '{' && st.header && !st.block) {
        st.block = st.header;
        st.header = '';
    } else if (c === '}' && st.block) {
        st.block = '';
    }
    return 'brace';
}

function ldPunctuation(stream, st) {
    const c = stream.next();
    switch (c) {
    case '-':
    case '.':
        if (stream.peek() === (c === '-' ? '>' : '.')) {
            stream.next();
            return 'operator';
        }
        return 'invalid';
    case '=':
        return stream.peek() === '>' ? 'invalid' : 'equals';   // '=>': the scanner's bad character
    case '(':
    case ')':
        return 'paren';
    case ',':
        return 'separator';
    case '{':
    case '}':
        return ldBrace(st, c);
    default:
        if (c >= '\ud800' && c <= '\udbff' && /[\udc00-\udfff]/.test(stream.peek() || ''))
            stream.next();  // one invalid character, not half of one
        return 'invalid';
    }
}

function ldToken(stream, st) {
    if (stream.sol())
        ldStartLine(stream, st);
    if (st.bom) {
        stream.next();      // blank, as the scanner reads it
        st.bom = false;
        return null;
    }
    if (stream.peek() === '\r' && stream.pos === stream.string.length - 1) {
        stream.next();      // a CR LF's CR: the playground breaks lines at LF only
        st.text = '';
        return null;
    }
    if (st.text === 'comment')
        return ldCommentPart(stream);
    if (st.text)
        return ldStringPart(stream, st);
    if (ldEat(stream, LD_BLANKS)) {
        st.spaced = true;
        return null;
    }
    if (stream.peek() === '#') {
        stream.next();
        st.text = 'comment';    // to the end of the line
        ldEat(stream, LD_COMMENT_RUN);
        return 'comment';
    }
    st.n++;
    let style;
    if (stream.peek() === '"') {
        st.text = ldStringKind(st);
        stream.next();
        style = stream.peek() === '\\' ? st.text : ldStringPart(stream, st);
        if (style === 'invalid') {      // a bad character right after the quote: the quote alone first
            stream.pos = stream.start + 1;
            style = st.text;
        }
    } else {
        style = ldLexeme(stream, st) || ldPunctuation(stream, st);
    }
    st.prev = style;
    st.spaced = false;
    return style;
}

function ldIndent(st, textAfter, cx) {
    return st.block && !LD_DEDENT.test(textAfter) ? cx.unit : 0;
}

export const ladderLanguage = StreamLanguage.define({
    name: 'ladder',
    startState: ldStartState,
    token: ldToken,
    blankLine(st) {
        st.text = '';
        st.top = false;
    },
    indent: ldIndent,
    tokenTable: LD_TOKEN_TABLE,
    languageData: {
        commentTokens: { line: '#' },
        closeBrackets: { brackets: ['(', '{', '"'] },
        indentOnInput: /^\s*\}$/,
    },
});

// Colours, one pair a class: the first for a light page, the second for a
// dark one, chosen by CSS's light-dark() from the page's color-scheme (which
// playground.css sets in its prefers-color-scheme rules, and a shadow root
// inherits). A browser without light-dark() (before Chromium 123, Firefox
// 120, Safari 17.5) keeps the light colour. Each has a contrast of 4.5:1 or
// more (WCAG 2 AA for text) on the backgrounds of its scheme, from #ffffff
// down to CodeMirror's selections (#d9d9d9, #d7d4f0) in the light one, from
// #000000 up to #505050 in the dark one: the page's #17181b under
// CodeMirror's light active line (#cceeff44) comes out #475158
// (tests/tools/playground_lang.mjs measures them from the style's CSS).
const LD_COLOURS = {
    keyword: ['#8e1f9e', '#ecbdf8'],
    operator: ['#5a4500', '#e6c46e'],
    comment: ['#51565b', '#c5ccd3'],
    string: ['#0b6626', '#8fd9a0'],
    escape: ['#a3361c', '#ffbc9f'],
    number: ['#0550ae', '#a5d1ff'],
    level: ['#005e74', '#6fd6e8'],
    definition: ['#8a4600', '#ffc27a'],
    variable: ['#1f2328', '#e6edf3'],
    punctuation: ['#3b4148', '#c9d1d9'],
    invalid: ['#b1141c', '#ffb4b4'],
};

// A rule's colour: the light one, then both for the browsers that know
// light-dark() (style-mod drops what follows '_' in a property's name).
function ldColour(name) {
    const [light, dark] = LD_COLOURS[name];
    return { color: light, color_scheme: `light-dark(${light}, ${dark})` };
}

export const ladderHighlightStyle = HighlightStyle.define([
    { tag: t.keyword, ...ldColour('keyword') },
    { tag: [t.operator, t.definitionOperator], ...ldColour('operator') },
    { tag: t.comment, ...ldColour('comment'), fontStyle: 'italic' },
    { tag: t.string, ...ldColour('string') },
    { tag: t.special(t.string), ...ldColour('string'), fontWeight: 'bold' },
    { tag: t.escape, ...ldColour('escape') },
    { tag: t.number, ...ldColour('number') },
    { tag: t.atom, ...ldColour('level') },
    { tag: t.constant(t.name), ...ldColour('number'), fontStyle: 'italic' },
    { tag: t.definition(t.name), ...ldColour('definition'), fontWeight: 'bold' },
    { tag: t.name, ...ldColour('variable') },
    { tag: [t.paren, t.separator, t.brace], ...ldColour('punctuation') },
    // last: an invalid escape is in a string too
    { tag: t.invalid, ...ldColour('invalid'), textDecoration: 'underline wavy' },
]);

// The language, its comment token, brackets and indentation. The page adds
// the highlighting: syntaxHighlighting(ladderHighlightStyle).
export function ladder() {
    return new LanguageSupport(ladderLanguage);
}
