// playground_share.mjs - checks the playground's share format
// (playground/src/share.js: the files in the address's fragment) in one
// node process:
//   1. a decompression bomb (200 MB of output from 1.3 MB of data) is
//      refused, and the process's peak memory grows by less than 64 MB
//      (read in chunks and dropped at the cap, not inflated whole), its data
//      fed to the decompressor 1 KB at a time as the output is read;
//   2. round trips: every FILE alone and all of them as one set (with
//      names in folders), random texts (any UTF-16 code unit: NUL, CR LF,
//      emoji, lone surrogates), file order and the active file kept;
//   3. the same files give the same fragment (twice, and from a copy);
//   4. every rejection, by decodeShare and by encodeShare alike, is a
//      ShareError with a message: not text, no or another version, bad
//      base64url, corrupt data (every truncation and single-character
//      change of a fragment), not UTF-8, not JSON, arrays nested 500,000
//      deep, the wrong shape, no files, too many, a bad name of each kind,
//      a text that is not a string, a name twice, an active file that is
//      not one, the cap (at it reads, one byte over is refused), a browser
//      without the streams, a fragment over the length limit (and
//      encodeShare refusing files that would make one);
//   5. the fragment's length for each FILE, and for each FOLDER's .ladder
//      files as one set (docs/playground-parts.md).
// usage: node playground_share.mjs FILE|FOLDER...
// Prints one line per problem and a summary "N round trips, N rejections,
// N problems"; exits 1 on a problem.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// share.js as an ES module, whatever the package.json above it says: a copy
// beside one that says "module" (it imports nothing)
const shareDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playground-share-'));
fs.writeFileSync(path.join(shareDir, 'package.json'), '{"type": "module"}\n');
fs.copyFileSync(path.join(ROOT, 'playground', 'src', 'share.js'), path.join(shareDir, 'share.js'));
const S = await import(pathToFileURL(path.join(shareDir, 'share.js')).href);
fs.rmSync(shareDir, { recursive: true, force: true });
const { encodeShare, decodeShare, ShareError, SHARE_LIMITS } = S;
const args = process.argv.slice(2);
const files = args.filter((a) => !fs.statSync(a).isDirectory());
const folders = args.filter((a) => fs.statSync(a).isDirectory());

let problems = 0, roundTrips = 0, rejections = 0;
function problem(msg) {
    problems++;
    console.log(msg);
}

// The test's own encoder of any JSON text (or bytes), past encodeShare's checks.
async function zlib(bytes) {
    const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
}

function base64url(bytes) {
    return Buffer.from(bytes).toString('base64url');
}

async function fragmentOf(json) {
    return `1.${base64url(await zlib(typeof json === 'string' ? new TextEncoder().encode(json) : json))}`;
}

function show(s) {
    const t = typeof s === 'string' ? s : String(s);
    return JSON.stringify(t.length > 60 ? `${t.slice(0, 60)}...` : t);
}

// fn() must throw a ShareError whose message matches re.
async function expectRefused(what, fn, re) {
    rejections++;
    try {
        await fn();
    } catch (e) {
        if (!(e instanceof ShareError))
            problem(`${what}: threw ${e && e.name}, not a ShareError: ${e && e.message}`);
        else if (!re.test(e.message))
            problem(`${what}: message ${show(e.message)} does not match ${re}`);
        else if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(e.message))
            problem(`${what}: the message holds a control character: ${show(e.message)}`);
        return;
    }
    problem(`${what}: accepted`);
}

function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b) &&
        Object.keys(a.files).every((k) => a.files[k] === b.files[k]);
}

async function roundTrip(what, share) {
    roundTrips++;
    try {
        const fragment = await encodeShare(share);
        if (!/^1\.[A-Za-z0-9_-]+$/.test(fragment))
            problem(`${what}: fragment not "1." and base64url: ${show(fragment)}`);
        const back = await decodeShare(fragment);
        if (!same(share, back) || Object.keys(back.files).join('/') !== Object.keys(share.files).join('/'))
            problem(`${what}: the round trip changed the files`);
        const again = await encodeShare(structuredClone(share));
        if (again !== fragment)
            problem(`${what}: the same files gave another fragment`);
        return fragment;
    } catch (e) {
        problem(`${what}: ${e.stack}`);
        return '';
    }
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

// A zlib stream whose single fixed-Huffman block is one 'a' then `matches`
// copies of 258 bytes at distance 1 (13 bits each): 258 * matches bytes out.
function bomb(matches) {
    const out = [0x78, 0x01];
    let acc = 0, n = 0;
    const put = (value, bits) => {      // deflate's bit order: least significant first
        acc |= value << n;
        n += bits;
        while (n >= 8) {
            out.push(acc & 0xff);
            acc >>>= 8;
            n -= 8;
        }
    };
    const code = (c, bits) => {         // Huffman codes go most significant bit first
        let r = 0;
        for (let i = 0; i < bits; i++)
            r |= ((c >> i) & 1) << (bits - 1 - i);
        put(r, bits);
    };
    put(1, 1);                          // the last block
    put(1, 2);                          // fixed Huffman codes
    code(0x30 + 0x61, 8);               // literal 'a'
    for (let i = 0; i < matches; i++) {
        code(0xc0 + (285 - 280), 8);    // length 258
        code(0, 5);                     // distance 1
    }
    code(0, 7);                         // end of block
    put(0, 7);
    out.push(0, 0, 0, 0);               // an Adler-32 (never reached)
    return new Uint8Array(out);
}

async function checkBomb() {
    const data = bomb(Math.ceil(200e6 / 258));
    const fragment = `1.${base64url(data)}`;
    // what decodeShare writes into the decompressor: Chromium inflates a
    // written chunk whole (a bomb written at once took 1.2 s and all its
    // 200 MB there; node's stream holds back by itself, so only this shows it)
    const write = WritableStreamDefaultWriter.prototype.write;
    const fed = { most: 0, total: 0 };
    WritableStreamDefaultWriter.prototype.write = function (chunk) {
        fed.most = Math.max(fed.most, chunk.length);
        fed.total += chunk.length;
        return write.call(this, chunk);
    };
    const before = process.resourceUsage().maxRSS;
    try {
        await expectRefused(`a bomb (${data.length} bytes for 200 MB)`, () => decodeShare(fragment), /too large/);
    } finally {
        WritableStreamDefaultWriter.prototype.write = write;
    }
    const grew = (process.resourceUsage().maxRSS - before) / 1024;
    if (grew > 64)
        problem(`a bomb: peak memory grew by ${grew.toFixed(0)} MB (the output was not capped as it came)`);
    if (fed.most > 1024 || fed.total > 64 * 1024)
        problem(`a bomb: ${fed.total} bytes fed to the decompressor, ${fed.most} at once (not 1 KB at a time as it is read)`);
    return { grew, fed };
}

async function checkRoundTrips() {
    const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
    const sizes = [];
    for (let i = 0; i < files.length; i++) {
        const name = path.basename(files[i]);
        const fragment = await roundTrip(files[i], { files: { [name]: texts[i] }, active: name });
        sizes.push(`${files[i]} ${texts[i].length} -> ${fragment.length}`);
    }
    for (const folder of folders) {
        const names = fs.readdirSync(folder, { recursive: true }).filter((n) => n.endsWith('.ladder')).sort();
        const set = {};
        let size = 0;
        for (const n of names) {
            set[n] = fs.readFileSync(path.join(folder, n), 'utf8');
            size += set[n].length;
        }
        const fragment = await roundTrip(folder, { files: set, active: names[names.length - 1] });
        sizes.push(`${folder}/ (${names.length} files) ${size} -> ${fragment.length}`);
    }
    const all = {};
    files.forEach((f, i) => { all[`ex${i}/${path.basename(f)}`] = texts[i]; });
    if (files.length)
        await roundTrip('all the files as one set', { files: all, active: Object.keys(all)[files.length - 1] });
    const next = seeded(15);
    const random = (n) => Math.floor(next() * n);
    const pieces = ['\0', '\r\n', '\r', '\n', '😀', '\ud800', '\udfff', '\ufeff', 'é', '"', '\\', 'role a', '\u2028'];
    for (let k = 0; k < 100; k++) {
        const share = { files: {}, active: '' };
        for (let f = random(4); f >= 0; f--) {
            let text = '';
            for (let n = random(200); n > 0; n--)
                text += random(3) ? String.fromCharCode(random(0x10000)) : pieces[random(pieces.length)];
            const name = `${['', 'sub/', 'a/b/', 'équipe/'][random(4)]}f${f}.ladder`;
            share.files[name] = text;
            share.active = name;
        }
        await roundTrip(`random set ${k}`, share);
    }
    await roundTrip('an empty text', { files: { 'main.ladder': '' }, active: 'main.ladder' });
    return sizes;
}

async function checkRejections() {
    const ok = (extra) => JSON.stringify({ files: [['a.ladder', 'x']], active: 'a.ladder', ...extra });
    const good = await fragmentOf(ok());
    if ((await decodeShare(good)).files['a.ladder'] !== 'x')
        problem('the test\'s own encoder: its fragment does not read');
    if ((await decodeShare(`#${good}`)).active !== 'a.ladder')
        problem('a fragment with its "#" does not read');
    // the fragment itself
    await expectRefused('not text', () => decodeShare(42), /not text/);
    await expectRefused('empty', () => decodeShare(''), /no playground files/);
    await expectRefused('another address', () => decodeShare('section-2'), /no playground files/);
    await expectRefused('version 2', () => decodeShare(`2.${good.slice(2)}`), /format 2/);
    await expectRefused('version 0', () => decodeShare(`0.${good.slice(2)}`), /format 0/);
    await expectRefused('base64 +', () => decodeShare(`${good.slice(0, 5)}+${good.slice(6)}`), /not base64url/);
    await expectRefused('base64 padding', () => decodeShare(`${good}==`), /not base64url|base64url/);
    await expectRefused('base64 length', () => decodeShare('1.A'), /length/);
    await expectRefused('base64 non-zero last bits', () => decodeShare('1.AB'), /last character/);
    await expectRefused('percent-encoded', () => decodeShare(`1.%41${good.slice(2)}`), /not base64url/);
    await expectRefused('too long', () => decodeShare(`1.${'A'.repeat(SHARE_LIMITS.maxFragment)}`), /too long/);
    // the data
    await expectRefused('no data', () => decodeShare('1.'), /does not decompress/);
    await expectRefused('random bytes', () => decodeShare(`1.${base64url(new Uint8Array(64).map((_, i) => i * 37))}`), /does not decompress/);
    const data = Buffer.from(good.slice(2), 'base64url');
    await expectRefused('raw deflate (no zlib header)', () => decodeShare(`1.${base64url(data.subarray(2, -4))}`), /does not decompress/);
    // bytes after the checksum: Chromium refuses them (seen in Chromium 156), node ignores them;
    // either way the files are the ones shared
    try {
        const back = await decodeShare(`1.${base64url(Buffer.concat([data, Buffer.from('junk')]))}`);
        if (back.files['a.ladder'] !== 'x')
            problem('junk after the data: other files read');
    } catch (e) {
        if (!(e instanceof ShareError))
            problem(`junk after the data: threw ${e.name}, not a ShareError`);
    }
    let cuts = 0, changes = 0;
    for (let n = 2; n < good.length; n++) {
        await expectRefused(`cut to ${n}`, () => decodeShare(good.slice(0, n)), /damaged/);
        cuts++;
    }
    for (let i = 2; i < good.length; i++) {
        for (const c of ['A', 'g', '0', '_']) {
            if (good[i] === c)
                continue;
            await expectRefused(`${c} at ${i}`, () => decodeShare(good.slice(0, i) + c + good.slice(i + 1)), /damaged/);
            changes++;
        }
    }
    await expectRefused('not UTF-8', async () => decodeShare(await fragmentOf(new Uint8Array([0x7b, 0xff, 0x7d]))), /not the JSON/);
    await expectRefused('a lone surrogate as UTF-8', async () => decodeShare(await fragmentOf(new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22]))), /not the JSON/);
    await expectRefused('not JSON', async () => decodeShare(await fragmentOf('hello')), /not the JSON/);
    await expectRefused('JSON cut short', async () => decodeShare(await fragmentOf(ok().slice(0, -1))), /not the JSON/);
    await expectRefused('arrays 500,000 deep', async () => decodeShare(await fragmentOf(`{"files":${'['.repeat(500000)}${']'.repeat(500000)},"active":"a.ladder"}`)), /not the JSON|not a name and a text/);
    // the shape
    for (const [what, json, re] of [
        ['a list', '[]', /no list of files/],
        ['null', 'null', /no list of files/],
        ['no files', '{"active":"a.ladder"}', /no list of files/],
        ['files as an object', '{"files":{"a.ladder":"x"},"active":"a.ladder"}', /no list of files/],
        ['an empty list', '{"files":[],"active":"a.ladder"}', /no files/],
        ['a file not a pair', '{"files":[["a.ladder","x","y"]],"active":"a.ladder"}', /not a name and a text/],
        ['a file as a string', '{"files":["a.ladder"],"active":"a.ladder"}', /not a name and a text/],
        ['a number for a text', '{"files":[["a.ladder",1]],"active":"a.ladder"}', /has no text/],
        ['null for a text', '{"files":[["a.ladder",null]],"active":"a.ladder"}', /has no text/],
        ['a number for a name', '{"files":[[1,"x"]],"active":"a.ladder"}', /not text/],
        ['a name twice', '{"files":[["a.ladder","x"],["a.ladder","y"]],"active":"a.ladder"}', /twice/],
        ['no active file', '{"files":[["a.ladder","x"]]}', /to open/],
        ['an active file not among them', '{"files":[["a.ladder","x"]],"active":"b.ladder"}', /to open/],
    ])
        await expectRefused(what, async () => decodeShare(await fragmentOf(json)), re);
    // too many files, both ways
    const many = {};
    for (let i = 0; i <= SHARE_LIMITS.maxFiles; i++)
        many[`f${i}.ladder`] = '';
    await expectRefused('too many files', async () => decodeShare(await fragmentOf(JSON.stringify({ files: Object.entries(many), active: 'f0.ladder' }))), /at most/);
    await expectRefused('too many files (encode)', () => encodeShare({ files: many, active: 'f0.ladder' }), /at most/);
    delete many[`f${SHARE_LIMITS.maxFiles}.ladder`];
    await roundTrip('as many files as allowed', { files: many, active: 'f0.ladder' });
    // the names, both ways
    const badNames = ['../x.ladder', 'a/../x.ladder', './x.ladder', '/abs.ladder', 'sub//x.ladder', 'sub/',
        'x.txt', '.ladder', 'sub/.ladder', 'x.ladder.bak', 'a\0.ladder', 'a\nb.ladder', 'a\u0085.ladder',
        'a\x7f.ladder', 'a\u202ex.ladder', 'a\u200bx.ladder', 'a\u2028x.ladder', 'C:x.ladder', 'a\\b.ladder', ' x.ladder', 'x.ladder ', '\ud800x.ladder',
        `${'x'.repeat(SHARE_LIMITS.maxNameLength)}.ladder`, ''];
    for (const name of badNames) {
        await expectRefused(`name ${show(name)}`, async () => decodeShare(await fragmentOf(JSON.stringify({ files: [[name, 'x']], active: name }))), /not allowed/);
        await expectRefused(`name ${show(name)} (encode)`, () => encodeShare({ files: { [name]: 'x' }, active: name }), /not allowed/);
    }
    for (const name of ['team.ladder', 'sub/x.ladder', 'a b.ladder', 'équipe.ladder', '😀.ladder', '..x.ladder', 'a..b/c.ladder'])
        await roundTrip(`name ${show(name)}`, { files: { [name]: 'x' }, active: name });
    // the other mistakes of encodeShare's caller
    await expectRefused('encode nothing', () => encodeShare(), /no files/);
    const streams = globalThis.DecompressionStream;
    globalThis.DecompressionStream = undefined;
    try {
        await expectRefused('a browser without DecompressionStream', () => decodeShare(good), /no DecompressionStream/);
    } finally {
        globalThis.DecompressionStream = streams;
    }
    await expectRefused('encode no files', () => encodeShare({ files: {}, active: 'a.ladder' }), /no files/);
    await expectRefused('encode a number', () => encodeShare({ files: { 'a.ladder': 1 }, active: 'a.ladder' }), /no text/);
    await expectRefused('encode no active', () => encodeShare({ files: { 'a.ladder': '' } }), /to open/);
    return { cuts, changes };
}

// At the cap the files read; one byte over, they are refused both ways.
async function checkCap() {
    const max = SHARE_LIMITS.maxBytes;
    const json = (n) => {
        const head = '{"files":[["a.ladder","', tail = '"]],"active":"a.ladder"}';
        return head + 'a'.repeat(n - head.length - tail.length) + tail;
    };
    const text = (n) => JSON.parse(json(n)).files[0][1];
    try {
        const back = await decodeShare(await fragmentOf(json(max)));
        if (back.files['a.ladder'].length !== text(max).length)
            problem('at the cap: the text came back changed');
    } catch (e) {
        problem(`at the cap (${max} bytes): refused: ${e.message}`);
    }
    await expectRefused('one byte over the cap', async () => decodeShare(await fragmentOf(json(max + 1))), /too large/);
    await roundTrip('encode at the cap', { files: { 'a.ladder': text(max) }, active: 'a.ladder' });
    // text that hardly compresses: under the cap, over the address's length
    const next = seeded(7);
    const chars = [];
    let noise = '';
    for (let i = 0; i < 2000000; i++) {
        const c = 32 + Math.floor(next() * 95);
        chars.push(c === 34 || c === 92 ? 33 : c);
        if (chars.length === 65536) {
            noise += String.fromCharCode(...chars);
            chars.length = 0;
        }
    }
    noise += String.fromCharCode(...chars);
    await expectRefused('encode a fragment over the length limit', () => encodeShare({ files: { 'a.ladder': noise }, active: 'a.ladder' }), /in an address/);
    await expectRefused('encode one byte over the cap', () => encodeShare({ files: { 'a.ladder': text(max + 1) }, active: 'a.ladder' }), /too large/);
}

async function main() {
    const { grew, fed } = await checkBomb();
    const sizes = await checkRoundTrips();
    const { cuts, changes } = await checkRejections();
    await checkCap();
    for (const line of sizes)
        console.log(`fragment: ${line}`);
    console.log(`bomb: peak memory +${grew.toFixed(1)} MB, ${fed.total} bytes of it fed; ${cuts} truncations and ${changes} changed characters refused`);
    console.log(`${roundTrips} round trips, ${rejections} rejections, ${problems} problems`);
    return problems ? 1 : 0;
}

main().then((rc) => process.exit(rc), (e) => { console.error(e); process.exit(2); });
