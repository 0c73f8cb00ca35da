// tm_tokens.js - tokenizes .ladder files with the VS Code TextMate grammar
// (editors/vscode/syntaxes/ladder.tmLanguage.json) as VS Code does, through
// vscode-textmate and vscode-oniguruma, and checks every token:
//   - no token of a file gets an `invalid` scope (the files are valid
//     ladders: an invalid scope there is the grammar's mistake);
//   - every reserved word outside strings and comments gets a keyword.*
//     scope, and so do `summary` and `link` before a string in a role block.
// One process for all the files (Node's start-up and the WebAssembly regex
// engine cost more than the tokenizing).
// usage: node tm_tokens.js NODE_MODULES GRAMMAR FILE... [--invalid FILE...]
//        (the check; each FILE after --invalid must have a problem, which
//        shows the check can fail: its problems are expected, not reported)
//        node tm_tokens.js NODE_MODULES GRAMMAR --dump FILE  (every token)
// Prints one line per problem, FILE:LINE:COL: TEXT: SCOPES, then a summary;
// exits 1 when there is a problem.
'use strict';
const fs = require('fs');
const path = require('path');

const [modulesArg, grammarPath, ...rest] = process.argv.slice(2);
const modules = path.resolve(modulesArg);
const vsctm = require(path.join(modules, 'vscode-textmate'));
const oniguruma = require(path.join(modules, 'vscode-oniguruma'));

// The reserved words, as the scanner has them (its rules '"word" { ... }'):
// a keyword added there is checked here without a change.
const RESERVED = new Set([...fs.readFileSync(path.join(__dirname, '..', '..', 'grammar', 'ladder.l'), 'utf8')
    .matchAll(/^"([a-z]+)"\s+\{/gm)].map((m) => m[1]));

async function loadGrammar() {
    const wasm = fs.readFileSync(path.join(modules, 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
            createOnigString: (s) => new oniguruma.OnigString(s),
        }),
        loadGrammar: async () => vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath),
    });
    return registry.loadGrammar('source.ladder');
}

// Calls visit(lineNo, col, text, scopes) for each token of the file.
function tokenize(grammar, file, visit) {
    let text = fs.readFileSync(file, 'utf8');
    if (text.charCodeAt(0) === 0xfeff)
        text = text.slice(1);
    let state = vsctm.INITIAL;
    text.split(/\r?\n/).forEach((line, i) => {
        const r = grammar.tokenizeLine(line, state);
        for (const t of r.tokens)
            visit(i + 1, t.startIndex + 1, line.slice(t.startIndex, t.endIndex), t.scopes);
        state = r.ruleStack;
    });
}

function problem(text, scopes) {
    if (scopes.some((s) => s.startsWith('invalid')))
        return 'invalid scope';
    const word = text.trim();
    const inText = scopes.some((s) => s.startsWith('string') || s.startsWith('comment'));
    if (inText || !word)
        return null;
    const keyword = scopes.some((s) => s.startsWith('keyword.'));
    if (RESERVED.has(word) && !keyword)
        return 'reserved word without a keyword scope';
    return null;
}

async function main() {
    const grammar = await loadGrammar();
    if (rest[0] === '--dump') {
        tokenize(grammar, rest[1], (l, c, t, s) => console.log(`${l}:${c}: ${JSON.stringify(t)} ${s.join(' ')}`));
        return 0;
    }
    const cut = rest.indexOf('--invalid');
    const valid = cut < 0 ? rest : rest.slice(0, cut);
    const invalid = cut < 0 ? [] : rest.slice(cut + 1);
    let problems = 0, tokens = 0, keywords = 0;
    for (const file of valid) {
        tokenize(grammar, file, (l, c, t, s) => {
            tokens++;
            if (s.some((x) => x.startsWith('keyword.')))
                keywords++;
            const why = problem(t, s);
            if (why) {
                problems++;
                console.log(`${file}:${l}:${c}: ${JSON.stringify(t)}: ${why}: ${s.join(' ')}`);
            }
        });
    }
    for (const file of invalid) {
        let found = 0;
        tokenize(grammar, file, (l, c, t, s) => { found += problem(t, s) ? 1 : 0; });
        if (!found) {
            problems++;
            console.log(`${file}: no problem found in a file that has one`);
        }
    }
    if (RESERVED.size < 15) {
        problems++;
        console.log(`grammar/ladder.l: ${RESERVED.size} reserved words read, not the 15 or more it has`);
    }
    console.log(`${valid.length} files, ${tokens} tokens, ${keywords} keywords, ${problems} problems`);
    return problems ? 1 : 0;
}

main().then((rc) => process.exit(rc), (e) => { console.error(e); process.exit(2); });
