// share.js - the playground's files in the address's fragment, so that a
// link carries them and nothing is uploaded anywhere.
//
// The fragment is "1." and then, in base64url (RFC 4648 section 5, no
// padding), the zlib compression (CompressionStream('deflate'), RFC 1950:
// deflate with a 2-byte header and an Adler-32 of the text) of the UTF-8
// JSON text
//     {"files":[["main.ladder","TEXT"],["team.ladder","TEXT"]],"active":"main.ladder"}
// "1" is the format's version: a later format takes another number, and this
// one is always read. Not 'deflate-raw', 6 bytes shorter: without the
// checksum, a link damaged on its way (a character changed or dropped) can
// decompress to other text and open it as if it were what was shared; with
// it, the decompressor refuses it. The files keep their order (the tabs'); JSON keeps any
// string exactly: CR LF, NUL, emoji, and even lone surrogates, which
// JSON.stringify writes as \udXXX escapes (so the bytes stay UTF-8).
//
// decodeShare reads anything: it throws ShareError with a plain message on
// every damaged, hostile or unknown fragment, in time and memory linear in
// the fragment (the decompressed text is capped: it is read in chunks, fed
// 1 KB of compressed data at a time, and dropped past the cap). encodeShare
// checks the files with the same rules, so it never writes a fragment that
// decodeShare refuses. The same files (same names, order and texts) and
// active file always give the same fragment in one browser (compression
// levels may differ between engines; every engine reads every fragment).
//
// No dependencies: CompressionStream, TextEncoder and TextDecoder are in
// every current browser and in node 18 and later.

export const SHARE_VERSION = '1';
export const SHARE_LIMITS = Object.freeze({
    maxFiles: 100,
    maxNameLength: 255,
    maxBytes: 2 * 1024 * 1024,          // the JSON text, decompressed
    maxFragment: 2000000,               // characters: Chromium's URLs stop at 2 MB (url::kMaxURLChars)
    safeFragment: 32 * 1024,            // longer links may be cut or refused where they are pasted
});

const SHARE_PREFIX = `${SHARE_VERSION}.`;
const SHARE_FEED = 1024;    // compressed bytes per write: deflate expands 1 KB to at most ~1 MB
const SHARE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export class ShareError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ShareError';
    }
}

// A name as a message quotes it: cut when long, in quotes, every control,
// format (bidi, zero-width) or separator character and lone surrogate
// written as \uXXXX, so that the message shows it and reads left to right.
function shareQuote(name) {
    const cut = name.length > 80 ? `${name.slice(0, 80)}...` : name;
    const shown = cut.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}"\\]/gu,
        (c) => (c === '"' || c === '\\' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    return `"${shown}"`;
}

// Why a file name is refused, or '' for a good one: a relative path of
// segments separated by '/', ending in .ladder, as team.ladder or
// sub/x.ladder; no '.' or '..' segment, no empty one (so no absolute path),
// no backslash or ':' (another system's separators), no control, format
// (bidi override, zero-width) or line separator character, no lone
// surrogate, no blank at either end.
function shareNameProblem(name) {
    if (typeof name !== 'string')
        return 'it is not text';
    if (name.length > SHARE_LIMITS.maxNameLength)
        return `it is longer than ${SHARE_LIMITS.maxNameLength} characters`;
    if (!name.endsWith('.ladder') || name.split('/').pop() === '.ladder')
        return 'it does not end in .ladder after a name';
    if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(name))
        return 'it holds a control, format or line separator character';
    if (/[\\:]/.test(name))
        return "it holds a '\\' or a ':'";
    if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(name))
        return 'it holds a lone surrogate';
    if (name !== name.trim())
        return 'it starts or ends with a blank';
    for (const segment of name.split('/')) {
        if (segment === '')
            return "it is an absolute path or has an empty part ('//')";
        if (segment === '.' || segment === '..')
            return `it has a '${segment}' part`;
    }
    return '';
}

// The files and active file checked, as [[name, text], ...] in their order.
function shareCheck(files, active) {
    if (files === null || typeof files !== 'object')
        throw new ShareError('there are no files');
    const entries = Array.isArray(files) ? files : Object.entries(files);
    if (entries.length === 0)
        throw new ShareError('there are no files');
    if (entries.length > SHARE_LIMITS.maxFiles)
        throw new ShareError(`there are ${entries.length} files; at most ${SHARE_LIMITS.maxFiles} can be shared`);
    const seen = new Set();
    for (const entry of entries) {
        if (!Array.isArray(entry) || entry.length !== 2)
            throw new ShareError('a file is not a name and a text');
        const [name, text] = entry;
        const why = shareNameProblem(name);
        if (why)
            throw new ShareError(`the file name ${typeof name === 'string' ? shareQuote(name) : ''} is not allowed: ${why}`);
        if (seen.has(name))
            throw new ShareError(`the file ${shareQuote(name)} comes twice`);
        seen.add(name);
        if (typeof text !== 'string')
            throw new ShareError(`the file ${shareQuote(name)} has no text`);
    }
    if (typeof active !== 'string' || !seen.has(active))
        throw new ShareError(`the file to open${typeof active === 'string' ? `, ${shareQuote(active)},` : ''} is not one of the files`);
    return entries;
}

function shareBase64urlEncode(bytes) {
    let out = '';
    let i = 0;
    for (; i + 2 < bytes.length; i += 3) {
        const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
        out += SHARE_ALPHABET[n >> 18] + SHARE_ALPHABET[(n >> 12) & 63] + SHARE_ALPHABET[(n >> 6) & 63] +
            SHARE_ALPHABET[n & 63];
    }
    if (i < bytes.length) {
        const two = i + 1 < bytes.length;
        const n = (bytes[i] << 16) | (two ? bytes[i + 1] << 8 : 0);
        out += SHARE_ALPHABET[n >> 18] + SHARE_ALPHABET[(n >> 12) & 63] + (two ? SHARE_ALPHABET[(n >> 6) & 63] : '');
    }
    return out;
}

// Strict: only the alphabet, no padding, and the unused bits of the last
// character zero (so a fragment has one spelling).
function shareBase64urlDecode(text) {
    if (text.length % 4 === 1)
        throw new ShareError('the shared address is damaged: its length does not fit base64url (cut short?)');
    const value = new Int8Array(128).fill(-1);
    for (let k = 0; k < 64; k++)
        value[SHARE_ALPHABET.charCodeAt(k)] = k;
    const bytes = new Uint8Array(Math.floor(text.length * 3 / 4));
    let bits = 0, acc = 0, at = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        const v = c < 128 ? value[c] : -1;
        if (v < 0)
            throw new ShareError(`the shared address is damaged: ${shareQuote(text[i])} at position ${i + 1 + SHARE_PREFIX.length} is not base64url`);
        acc = ((acc << 6) | v) & 0xffffff;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            bytes[at++] = (acc >> bits) & 0xff;
        }
    }
    if (acc & ((1 << bits) - 1))
        throw new ShareError('the shared address is damaged: its last character does not end base64url data');
    return bytes;
}

// Chromium 80, Firefox 113, Safari 16.4 and node 18 have the streams.
function shareNeed(name) {
    if (typeof globalThis[name] !== 'function')
        throw new ShareError(`this browser cannot ${name === 'CompressionStream' ? 'compress' : 'decompress'} the files (it has no ${name})`);
}

async function shareDeflate(bytes) {
    shareNeed('CompressionStream');
    const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Feeds the compressed bytes a kilobyte at a time, as the reader asks for
// more; reads the output in chunks and stops past the cap.
async function shareInflate(bytes, cap) {
    shareNeed('DecompressionStream');
    const ds = new DecompressionStream('deflate');
    const writer = ds.writable.getWriter();
    const feeding = (async () => {
        for (let at = 0; at < bytes.length; at += SHARE_FEED) {
            await writer.ready;
            await writer.write(bytes.subarray(at, at + SHARE_FEED));
        }
        await writer.close();
    })();
    feeding.catch(() => {});    // its failure is the reader's too: reported there
    const reader = ds.readable.getReader();
    const chunks = [];
    let total = 0;
    try {
        for (;;) {
            const { done, value } = await reader.read();
            if (done)
                break;
            total += value.length;
            if (total > cap)
                throw new ShareError(`the shared files are too large: over ${cap} bytes once decompressed`);
            chunks.push(value);
        }
        await feeding;
    } catch (e) {
        // the stream's own message says no more than "corrupt" (node) or
        // nothing (Chromium): ours says what to do about it
        reader.cancel().catch(() => {});
        writer.abort().catch(() => {});
        if (e instanceof ShareError)
            throw e;
        throw new ShareError('the shared address is damaged: its data does not decompress or fails its checksum (cut short or altered?)');
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
        out.set(c, at);
        at += c.length;
    }
    return out;
}

// {files: {name: text}, active} -> the fragment (without its '#').
export async function encodeShare({ files, active } = {}) {
    const entries = shareCheck(files, active);
    const json = new TextEncoder().encode(JSON.stringify({ files: entries, active }));
    if (json.length > SHARE_LIMITS.maxBytes)
        throw new ShareError(`the files are too large to share: ${json.length} bytes, at most ${SHARE_LIMITS.maxBytes}`);
    const fragment = SHARE_PREFIX + shareBase64urlEncode(await shareDeflate(json));
    if (fragment.length > SHARE_LIMITS.maxFragment)
        throw new ShareError(`the files are too large to share in an address: ${fragment.length} characters once compressed, at most ${SHARE_LIMITS.maxFragment}`);
    return fragment;
}

// The fragment (with or without its '#') -> {files: {name: text}, active}.
export async function decodeShare(fragment) {
    if (typeof fragment !== 'string')
        throw new ShareError('the shared address is not text');
    const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
    if (text.length > SHARE_LIMITS.maxFragment)
        throw new ShareError(`the shared address is too long: ${text.length} characters, at most ${SHARE_LIMITS.maxFragment}`);
    if (!text.startsWith(SHARE_PREFIX)) {
        const version = /^([0-9]{1,6})\./.exec(text);
        throw new ShareError(version
            ? `the shared address is in format ${version[1]}, which this playground cannot read (it reads format ${SHARE_VERSION})`
            : `the shared address holds no playground files (they start with "${SHARE_PREFIX}")`);
    }
    const bytes = await shareInflate(shareBase64urlDecode(text.slice(SHARE_PREFIX.length)), SHARE_LIMITS.maxBytes);
    let data;
    try {
        data = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes));
    } catch {
        throw new ShareError('the shared address is damaged: its data is not the JSON text this playground writes');
    }
    if (data === null || typeof data !== 'object' || !Array.isArray(data.files))
        throw new ShareError('the shared address is damaged: its data has no list of files');
    const entries = shareCheck(data.files, data.active);
    const out = {};
    for (const [name, content] of entries)
        out[name] = content;
    return { files: out, active: data.active };
}
