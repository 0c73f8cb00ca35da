/* wasm_api.js - tests of the JavaScript API of build/wasm/ladder.js
 * (docs/wasm.md), run by wasm_compare.js in its node process, after the
 * comparison: module.exports(ladder, LadderWasm, {ok, fail, ROOT, LADDERC, TMP, WASM_JS}).
 * Where bytes matter, the native command line says what they must be. */
"use strict";
const fs = require("fs");
const path = require("path");
const cp = require("child_process");
const assert = require("assert");

module.exports = async function (ladder, LadderWasm, t) {
    const {ok, fail, ROOT, LADDERC, TMP, WASM_JS} = t;
    const LadderError = LadderWasm.LadderError;

    /* test(name, fn): fn passes unless it throws (or its promise fails) */
    async function test(name, fn) {
        try {
            await fn();
            ok("wasm api: " + name);
        } catch (e) {
            fail("wasm api: " + name, e && e.stack ? e.stack.split("\n").slice(0, 6).join("\n") : String(e));
        }
    }
    function throwsLadder(fn, status, message) {
        let caught = null;
        try {
            fn();
        } catch (e) {
            caught = e;
        }
        assert.ok(caught, "no error thrown");
        assert.ok(caught instanceof LadderError, "not a LadderError: " + caught);
        assert.strictEqual(caught.name, "LadderError");
        assert.strictEqual(caught.status, status, caught.message);
        if (message instanceof RegExp)
            assert.match(caught.message, message);
        else if (message !== undefined)
            assert.strictEqual(caught.message, message);
        return caught;
    }
    function native(dir, args, input) {
        const r = cp.spawnSync(LADDERC, args, {cwd: dir, input: input, maxBuffer: 1 << 28, env: Object.assign({}, process.env, {NO_COLOR: "1"})});
        return {out: r.stdout, err: r.stderr, rc: r.status};
    }
    const diskFilesIn = (dir) => (p) => {
        const full = path.resolve(dir, p);
        return fs.existsSync(full) ? fs.readFileSync(full) : null;
    };
    const skills = fs.readFileSync(path.join(ROOT, "examples/skills-map.ladder"));
    const small = 'levels L1..L3\ntrack ic "IC"\nrole a "A" track ic level L1 at (1, 1)\nrole b "B" track ic level L2 at (2, 2)\na -> b\n';
    const broken = 'levels L1..L3\ntrack ic "IC"\nrole a "A" track icc level L1 at (1, 1)\n';

    await test("version is the library's, and load() gives the one module", () => {
        assert.strictEqual(ladder.version, "0.3.0");
        return LadderWasm.load().then((again) => assert.strictEqual(again, ladder));
    });

    await test("as a page runs it: one global, LadderWasm, and no code made from strings", async () => {
        /* a context like a browser's window, where eval and new Function
         * throw (codeGeneration.strings false, as under a CSP without
         * 'unsafe-eval') and wasm is allowed ('wasm-unsafe-eval') */
        const vm = require("vm");
        const page = {TextEncoder, TextDecoder, WebAssembly, atob, console, setTimeout, clearTimeout,
                      document: {currentScript: {src: "file:///p/ladder.js"}}, location: {href: "file:///p/index.html"}};
        page.window = page.self = page;
        const before = new Set(Object.keys(page));
        vm.createContext(page, {codeGeneration: {strings: false, wasm: true}});
        assert.throws(() => vm.runInContext("eval('1')", page), /Code generation from strings disallowed/);
        vm.runInContext(fs.readFileSync(WASM_JS, "utf8"), page, {filename: "ladder.js"});
        assert.deepStrictEqual(Object.keys(page).filter((k) => !before.has(k)), ["LadderWasm"]);
        const l = await page.LadderWasm.load();
        const r = l.compile({root: "m.ladder", files: {"m.ladder": small}});
        assert.ok(r.ok);
        assert.strictEqual(r.emit("md"), native(ROOT, ["build", "-T", "md", "-"], small).out.toString());
        r.free();
    });

    await test("the shipped ladders are bundled, byte for byte", () => {
        const std = fs.readdirSync(path.join(ROOT, "share/ladderc/std")).filter((f) => f.endsWith(".ladder"));
        assert.deepStrictEqual(Object.keys(ladder.std).sort(), std.map((f) => "std/" + f).sort());
        for (const f of std)
            assert.ok(Buffer.from(ladder.std["std/" + f]).equals(fs.readFileSync(path.join(ROOT, "share/ladderc/std", f))), f);
    });

    /* ---- errors ---- */

    await test("emit on a ladder with errors: LadderError with ld_message", () => {
        const r = ladder.compile({root: "m.ladder", files: {"m.ladder": broken}});
        assert.strictEqual(r.ok, false);
        assert.strictEqual(r.status, "input");
        throwsLadder(() => r.emit("dot"), "usage", /^ld_emit: /);
        throwsLadder(() => r.path("a", "b"), "usage", /^ld_path: /);
        r.free();
    });

    await test("an unknown format, role or route: LadderError (usage, input) with ld_message", () => {
        const r = ladder.compile({root: "m.ladder", files: {"m.ladder": small}});
        assert.strictEqual(r.ok, true);
        throwsLadder(() => r.emit("gif"), "usage", /unknown format/);
        throwsLadder(() => r.path("a", "nobody"), "usage", "no role 'nobody' in the ladder [E110]");
        throwsLadder(() => r.path("b", "a"), "input", /route/);
        throwsLadder(() => r.diagnosticsText("xml"), "usage", /xml/);
        throwsLadder(() => r.path("a", "b", {max: 0}), "usage");
        throwsLadder(() => r.path("a", "b", {max: 1001}), "usage");
        assert.strictEqual(r.path("a", "b", {max: 1000}), native(path.join(ROOT), ["path", "-", "a", "b"], small).out.toString());
        r.free();
    });

    await test("gap and path in every format: the command line's bytes", () => {
        const dir = path.join(ROOT, "examples");
        const r = ladder.compile({root: "framework.ladder", files: {"framework.ladder": fs.readFileSync(path.join(dir, "framework.ladder"))}});
        const asks = [
            [["gap", "framework.ladder", "engineer", "staff"], () => r.gap("engineer", "staff", {bytes: true})],
            [["gap", "--route", "-T", "md", "framework.ladder", "engineer", "staff"], () => r.gap("engineer", "staff", {route: true, format: "md", bytes: true})],
            [["gap", "--route", "-T", "json", "framework.ladder", "engineer", "director"], () => r.gap("engineer", "director", {route: true, format: "json", bytes: true})],
            [["path", "-T", "md", "--max", "3", "framework.ladder", "engineer", "director"], () => r.path("engineer", "director", {max: 3, format: "md", bytes: true})],
        ];
        for (const [args, ask] of asks) {
            const n = native(dir, args);
            assert.strictEqual(n.rc, 0, args.join(" "));
            assert.ok(Buffer.from(ask()).equals(n.out), args.join(" "));
        }
        r.free();
    });

    await test("free twice does nothing; a freed result refuses every call", () => {
        const before = ladder.heapInUse();
        const r = ladder.compile({root: "m.ladder", files: {"m.ladder": small}});
        assert.ok(ladder.heapInUse() > before);
        r.free();
        assert.strictEqual(ladder.heapInUse(), before);
        r.free();
        assert.strictEqual(ladder.heapInUse(), before);
        throwsLadder(() => r.emit("dot"), "usage", /freed/);
        throwsLadder(() => r.diagnosticsText(), "usage", /freed/);
        throwsLadder(() => r.hover("m.ladder", 1, 1), "usage", /freed/);
        assert.strictEqual(r.diagnostics.length, 0);     /* the data stays */
    });

    await test("bad arguments: TypeError or LadderError, and nothing left in the heap", () => {
        const before = ladder.heapInUse();
        assert.throws(() => ladder.compile(), TypeError);
        assert.throws(() => ladder.compile({root: 5, files: {}}), TypeError);
        assert.throws(() => ladder.compile({roots: [], files: {}}), TypeError);
        assert.throws(() => ladder.compile({root: "m.ladder", files: 5}), TypeError);
        assert.throws(() => ladder.compile({root: "m\0.ladder", files: {}}), TypeError);
        throwsLadder(() => ladder.compile({root: "m.ladder", files: {}, layout: "sideways"}), "usage", /sideways/);
        throwsLadder(() => ladder.compile({root: "m.ladder", files: {}, theme: "blue"}), "usage", /blue/);
        throwsLadder(() => ladder.compile({root: "m.ladder", files: {}, disabled: ["E130"]}), "usage",
                     "unknown warning 'E130': see docs/language.md for the warning codes");
        throwsLadder(() => ladder.compile({root: "m.ladder", files: {}, maxDiagnostics: -1}), "usage");
        assert.throws(() => ladder.compile({root: "m.ladder", files: {"m.ladder": 42}}), TypeError);
        assert.throws(() => ladder.compile({root: "m.ladder", files: () => { throw new RangeError("disk on fire"); }}), RangeError);
        const r = ladder.compile({root: "m.ladder", files: {"m.ladder": small}});
        assert.throws(() => r.emit(null), TypeError);
        assert.throws(() => r.path("a\0", "b"), TypeError);
        assert.throws(() => r.finishSvg(12), TypeError);
        throwsLadder(() => r.hover("other.ladder", 1, 1), "usage", /other/);
        r.free();
        assert.throws(() => ladder.format(7), TypeError);
        assert.strictEqual(ladder.heapInUse(), before);
    });

    await test("a warning named or coded is silenced; werror makes warnings fail", () => {
        const text = fs.readFileSync(path.join(ROOT, "examples/framework.ladder"));
        const files = {"f.ladder": text};
        const r = ladder.compile({root: "f.ladder", files});
        const codes = [...new Set(r.diagnostics.map((d) => d.code))];
        assert.ok(r.ok && codes.length > 0, "framework.ladder has warnings");
        r.free();
        const q = ladder.compile({root: "f.ladder", files, disabled: codes});
        assert.strictEqual(q.diagnostics.length, 0);
        q.free();
        const w = ladder.compile({root: "f.ladder", files, werror: true});
        assert.strictEqual(w.ok, false);
        w.free();
    });

    /* ---- bytes in, bytes out ---- */

    await test("any bytes in (Uint8Array, not UTF-8), the command line's bytes out", () => {
        const bytes = Buffer.concat([Buffer.from('levels L1..L3\ntrack ic "IC \xe9t\xe9"\nrole a "A\xff" track ic level L1 at (1, 1)\n', "latin1"),
            Buffer.from('role b "B" track icx level L2 at (2, 2)\n')]);
        fs.writeFileSync(path.join(TMP, "bytes.ladder"), bytes);
        const n = native(TMP, ["check", "bytes.ladder"]);
        const r = ladder.compile({root: "bytes.ladder", files: {"bytes.ladder": new Uint8Array(bytes)}});
        const text = Buffer.from(r.diagnosticsText("text", {bytes: true}));
        assert.ok(r.diagnosticsText("text", {bytes: true}) instanceof Uint8Array);
        const sum = `${r.errorCount} error${r.errorCount === 1 ? "" : "s"} generated.\n`;
        assert.ok(Buffer.concat([text, Buffer.from(r.errorCount ? sum : "")]).equals(n.err),
                  "wasm:\n" + text + "\nnative:\n" + n.err);
        const nj = native(TMP, ["check", "--diagnostics=json", "bytes.ladder"]);
        assert.ok(Buffer.from(r.diagnosticsText("json", {bytes: true})).equals(nj.out));
        const ng = native(TMP, ["check", "--diagnostics=github", "bytes.ladder"]);
        assert.ok(Buffer.from(r.diagnosticsText("github", {bytes: true})).equals(ng.out), "github");
        r.free();
        /* an ArrayBuffer is the same bytes */
        const ab = new Uint8Array(bytes).buffer;
        const a = ladder.compile({root: "bytes.ladder", files: {"bytes.ladder": ab}});
        assert.ok(Buffer.from(a.diagnosticsText("text", {bytes: true})).equals(text));
        a.free();
    });

    await test("a Map of files, and a string and its UTF-8 bytes give one result", () => {
        const s = ladder.compile({root: "s.ladder", files: new Map([["s.ladder", skills.toString("utf8")]])});
        const b = ladder.compile({root: "s.ladder", files: {"s.ladder": new Uint8Array(skills)}});
        assert.strictEqual(s.emit("md"), b.emit("md"));
        assert.ok(Buffer.from(b.emit("md", {bytes: true})).equals(native(path.join(ROOT, "examples"), ["build", "-T", "md", "skills-map.ladder"]).out));
        s.free();
        b.free();
    });

    /* ---- offsets ---- */

    await test("from/to are UTF-16 offsets: accents, emoji, a byte-order mark, CRLF", () => {
        const text = "\uFEFFlevels L1..L3\r\ntrack ic \"Ing\u00e9nierie \ud83d\ude80\"\r\n" +
            "role a \"\u00c9quipe \ud83d\ude80\ud83c\udf89 caf\u00e9\" track icc level L1 at (1, 1)\r\n";
        const r = ladder.compile({root: "u.ladder", files: {"u.ladder": text}});
        const d = r.diagnostics.find((x) => x.code === "E110");
        assert.ok(d, JSON.stringify(r.diagnostics));
        assert.strictEqual(text.slice(d.from, d.to), "icc");
        assert.strictEqual(d.line, 3);
        /* the library's columns count code points: the emoji are one each */
        assert.strictEqual(d.column, Array.from(text.split("\n")[2].split("icc")[0]).length + 1);
        assert.deepStrictEqual(r.lineColumn("u.ladder", d.from), {line: d.line, column: d.column});
        assert.deepStrictEqual(r.lineColumn("u.ladder", d.to), {line: d.endLine, column: d.endColumn});
        /* the fix replaces exactly the misspelt name */
        assert.ok(d.fix, "E110 suggests 'ic'");
        assert.strictEqual(d.fix.text, "ic");
        assert.strictEqual(text.slice(d.fix.from, d.fix.to), "icc");
        r.free();
        /* the same as bytes: the same offsets */
        const b = ladder.compile({root: "u.ladder", files: {"u.ladder": Buffer.from(text)}});
        assert.deepStrictEqual(b.diagnostics, r.diagnostics);
        b.free();
    });

    await test("a diagnostic in an imported file: its note at the import, offsets in each file", () => {
        const files = {"main.ladder": 'import "team/t.ladder"\nlevels L1..L3\n', "team/t.ladder": 'track ic "\u00c9"\nrole a "A" track nope level L1 at (1, 1)\n'};
        const r = ladder.compile({root: "main.ladder", files});
        assert.deepStrictEqual(r.files, ["main.ladder", "team/t.ladder"]);
        const d = r.diagnostics.find((x) => x.file === "team/t.ladder");
        assert.strictEqual(files[d.file].slice(d.from, d.to), "nope");
        assert.strictEqual(d.notes.length, 1);
        const n = d.notes[0];
        assert.strictEqual(n.file, "main.ladder");
        assert.strictEqual(files[n.file].slice(n.from, n.to), '"team/t.ladder"');
        r.free();
    });

    /* ---- files: lazy, hostile ---- */

    await test("a function path -> text is asked once per file, lazily, never for std/", () => {
        const asked = [];
        const files = (p) => {
            asked.push(p);
            return p === "m.ladder" ? 'import "std/big-tech.ladder"\nimport "x.ladder"\n' + small : null;
        };
        const r = ladder.compile({root: "m.ladder", files});
        assert.deepStrictEqual(asked, ["m.ladder", "x.ladder"]);
        assert.deepStrictEqual(r.files, ["m.ladder", "std/big-tech.ladder"]);     /* x.ladder was not read */
        const e = r.diagnostics.filter((d) => d.code === "E020");
        assert.strictEqual(e.length, 1);
        assert.match(e[0].message, /cannot read 'x.ladder', imported here: No such file or directory/);
        r.free();
    });

    await test("a files function may compile another ladder while it is asked", () => {
        const inner = {"i.ladder": small};
        const files = (p) => {
            if (p === "m.ladder")
                return 'import "x.ladder"\nimport "y.ladder"\n' + small;
            ladder.compile({root: "i.ladder", files: inner}).free();
            return "# imported\n";
        };
        const r = ladder.compile({root: "m.ladder", files});
        assert.deepStrictEqual(r.files, ["m.ladder", "x.ladder", "y.ladder"]);
        r.free();
    });

    await test("hostile std/ paths and prototype names read nothing", () => {
        const hostile = ["std/../../etc/passwd", "std/__proto__", "std/constructor", "std/big-tech.ladder/../big-tech.ladder",
            "std/", "std/BIG-TECH.LADDER", "std/big-tech", "__proto__", "constructor", "toString", "hasOwnProperty",
            "/etc/passwd", "../../../../etc/passwd"];
        const text = hostile.map((h) => `import "${h}"`).join("\n") + "\n" + small;
        const files = {"m.ladder": text};
        const r = ladder.compile({root: "m.ladder", files});
        const read = r.diagnostics.filter((d) => d.code === "E020").map((d) => d.message);
        /* each import is one that cannot be read (two are one path once
         * the library removes "dir/..", and the shipped one is read) */
        for (const m of read)
            assert.match(m, /No such file or directory$/);
        assert.ok(read.length >= hostile.length - 2, read.join("\n"));
        assert.ok(!r.files.includes("std/big-tech.ladder/../big-tech.ladder"));
        r.free();
        /* a root of the caller's named std/... is the caller's file, as the command line reads it */
        const q = ladder.compile({root: "std/big-tech.ladder", files: {"std/big-tech.ladder": small}});
        assert.ok(q.ok);
        assert.strictEqual(JSON.parse(q.emit("json")).roles.length, 2);
        q.free();
    });

    /* ---- size and memory ---- */

    await test("a 10 MB ladder: memory grows, the result is the command line's", () => {
        const lines = ['axis x "X" 0..1000', 'axis y "Y" 0..1000', 'levels L1..L9', 'track ic "IC"'];
        let i = 0, size = 0;
        while (size < 10 * 1024 * 1024) {
            const l = `role r${i} "Role number ${i} with a longer title to fill the file" track ic level L${1 + (i % 9)} at (${i % 997}, ${i % 991})  # ${"x".repeat(60)}`;
            lines.push(l);
            size += l.length + 1;
            i++;
        }
        const text = lines.join("\n") + "\n";
        const grown = ladder.memoryBytes();
        const r = ladder.compile({root: "big.ladder", files: {"big.ladder": text}});
        assert.ok(ladder.memoryBytes() > grown, "memory grew");
        fs.writeFileSync(path.join(TMP, "big.ladder"), text);
        assert.ok(r.ok && r.diagnostics.length === 0, r.diagnosticsText());
        assert.ok(Buffer.from(r.emit("json", {bytes: true})).equals(native(TMP, ["build", "-T", "json", "big.ladder"]).out), "the JSON");
        r.free();
    });

    await test("10,000 compiles freed: malloc's bytes in use and the memory stay flat", () => {
        const files = {"m.ladder": broken};
        const one = () => ladder.compile({root: "m.ladder", files, index: true}).free();
        for (let k = 0; k < 100; k++)
            one();
        const heap = ladder.heapInUse(), memory = ladder.memoryBytes();
        for (let k = 0; k < 10000; k++) {
            const r = ladder.compile({root: "m.ladder", files, index: true});
            r.diagnosticsText("json");
            r.free();
        }
        assert.strictEqual(ladder.heapInUse(), heap, "bytes in use");
        assert.strictEqual(ladder.memoryBytes(), memory, "memory");
        /* the test can fail: a result not freed shows */
        const kept = ladder.compile({root: "m.ladder", files});
        assert.ok(ladder.heapInUse() > heap);
        kept.free();
    });

    /* ---- fmt ---- */

    await test("format: ladderc fmt's bytes, or LadderError with the diagnostics", () => {
        const messy = Buffer.from('levels   L1..L3\ntrack ic  "IC \u00e9"\n');
        fs.writeFileSync(path.join(TMP, "messy.ladder"), messy);
        const n = native(TMP, ["fmt", "messy.ladder"]);
        assert.ok(Buffer.from(ladder.format(messy, "messy.ladder", {bytes: true})).equals(n.out));
        assert.strictEqual(ladder.format(messy.toString()), n.out.toString());
        const e = throwsLadder(() => ladder.format("role (\n", "bad.ladder"), "input", "'bad.ladder' has syntax errors; not formatted");
        assert.ok(e.diagnostics.length > 0 && e.diagnostics[0].code === "E001");
        assert.match(e.diagnosticsText, /^bad.ladder:1:/);
    });

    /* ---- the editor's calls ---- */

    await test("hover, complete and outline; without an index hover refuses", () => {
        const text = skills.toString("utf8");
        const r = ladder.compile({root: "s.ladder", files: {"s.ladder": text}, index: true});
        const outline = r.outline("s.ladder");
        const role = outline.find((y) => y.id === "staff_sre");
        assert.strictEqual(role.kind, "role");
        assert.strictEqual(role.name, "Staff SRE");
        assert.strictEqual(text.slice(role.nameFrom, role.nameTo), "staff_sre");
        const h = r.hover("s.ladder", role.nameLine, role.nameColumn);
        assert.strictEqual(h.kind, "role");
        assert.strictEqual(h.name, "staff_sre");
        assert.match(h.markdown, /Staff SRE/);
        assert.strictEqual(r.hover("s.ladder", 1, 1), null);    /* a comment */
        const c = r.complete("s.ladder", role.line, 1);
        assert.ok(c.some((x) => x.label === "role" && x.kind === "keyword"));
        assert.ok(c.some((x) => x.label === "staff_sre" && x.kind === "role"));
        r.free();
        const q = ladder.compile({root: "s.ladder", files: {"s.ladder": text}});
        throwsLadder(() => q.hover("s.ladder", role.nameLine, role.nameColumn), "usage");
        q.free();
    });

    await test("docs/wasm.md's node example runs as printed and prints what the command line does", async () => {
        const doc = fs.readFileSync(path.join(ROOT, "docs/wasm.md"), "utf8");
        const m = doc.match(/<!-- example: node -->\n```js\n([\s\S]*?)```/);
        assert.ok(m, "the example is marked");
        const out = [], err = [];
        const fakeProcess = {stdout: {write: (s) => out.push(String(s))}, stderr: {write: (s) => err.push(String(s))}};
        let loading = null;
        const fakeRequire = (name) => {
            if (name === "fs")
                return fs;
            assert.strictEqual(name, "./build/wasm/ladder.js");
            return {load: () => (loading = LadderWasm.load()), LadderError: LadderError};
        };
        const cwd = process.cwd();
        process.chdir(ROOT);
        try {
            new Function("require", "process", m[1])(fakeRequire, fakeProcess);
            await loading;
            await new Promise((resolve) => setImmediate(resolve));
        } finally {
            process.chdir(cwd);
        }
        const n = native(ROOT, ["build", "-T", "json", "examples/framework.ladder"]);
        assert.strictEqual(out.join(""), n.out.toString());
        /* the command line's summary line is its own */
        assert.strictEqual(err.join(""), n.err.toString().replace(/^\d+ (errors?|warnings?).* generated\.\n$/m, ""));
        assert.ok(err.join("").length > 0, "framework.ladder has warnings to show");
    });

    await test("html: the command line's page, given the map it drew", () => {
        const dir = path.join(ROOT, "examples");
        const page = native(dir, ["build", "-T", "html", "framework.ladder"]).out;
        /* the map: the page's first SVG, as Graphviz ended it */
        const start = page.indexOf("<svg"), end = page.indexOf("</svg>\n", start) + 7;
        assert.ok(start > 0 && end > start, "the page has its map");
        const r = ladder.compile({root: "framework.ladder", files: diskFilesIn(dir)});
        const got = Buffer.from(r.html(new Uint8Array(page.subarray(start, end)), {bytes: true}));
        assert.ok(got.equals(page), `${got.length} bytes, the command line's ${page.length}`);
        /* a finished map stays as it is */
        assert.ok(Buffer.from(r.finishSvg(page.subarray(start, end), {bytes: true})).equals(page.subarray(start, end)));
        r.free();
    });

    await test("finishSvg and html take the SVG; explain gives the reference", () => {
        const r = ladder.compile({root: "s.ladder", files: {"s.ladder": skills}});
        const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10pt" height="10pt"><g id="graph0" class="graph"></g></svg>';
        assert.match(r.finishSvg(svg), /role="img"/);
        const page = r.html(null);
        assert.match(page, /^<!DOCTYPE html>/i);
        assert.match(r.emit("dot-links"), /#role-/);
        r.free();
        assert.match(ladder.explain("E130"), /^### E130/);
        assert.strictEqual(ladder.explain("E9999"), null);
    });

    /* ---- diff, refs, rename, chart ---- */

    const changed = small.replace('role b "B"', 'role b "Bee"') + 'role c "C" track ic level L3 at (3, 3)\nb -> c\n';
    const two = (text, extra) => ladder.compile(Object.assign({root: "m.ladder", files: {"m.ladder": text}}, extra || {}));

    await test("diff: the command line's bytes in every format; a ladder, or a result, against itself is no change", () => {
        fs.writeFileSync(path.join(TMP, "d-old.ladder"), small);
        fs.writeFileSync(path.join(TMP, "d-new.ladder"), changed);
        const a = ladder.compile({root: "d-old.ladder", files: diskFilesIn(TMP)});
        const b = ladder.compile({root: "d-new.ladder", files: diskFilesIn(TMP)});
        const again = ladder.compile({root: "d-old.ladder", files: diskFilesIn(TMP)});
        for (const format of ["text", "md", "json"]) {
            const d = ladder.diff(a, b, {format, bytes: true});
            assert.ok(Buffer.from(d.text).equals(native(TMP, ["diff", "-T", format, "d-old.ladder", "d-new.ladder"]).out), format);
            assert.ok(d.changes >= 3, `${format}: ${d.changes} changes`);
            const none = ladder.diff(a, again, {format});
            assert.strictEqual(none.changes, 0, format);
            assert.strictEqual(none.text, native(TMP, ["diff", "-T", format, "d-old.ladder", "d-old.ladder"]).out.toString(), format);
        }
        assert.strictEqual(ladder.diff(a, again).text, "no changes\n");
        /* one result with itself (the library wants two sessions: its files
         * are compiled again), in every format, with the heap as it was */
        const heap = ladder.heapInUse();
        for (const format of ["text", "md", "json"]) {
            const self = ladder.diff(b, b, {format});
            assert.strictEqual(self.changes, 0, format);
            assert.strictEqual(self.text, native(TMP, ["diff", "-T", format, "d-new.ladder", "d-new.ladder"]).out.toString(), format);
        }
        assert.strictEqual(ladder.heapInUse(), heap);
        /* of an import too, and with the result's layout */
        fs.writeFileSync(path.join(TMP, "d-top.ladder"), 'import "d-new.ladder"\n');
        const top = ladder.compile({root: "d-top.ladder", files: diskFilesIn(TMP), layout: "exact"});
        assert.ok(top.ok);
        assert.strictEqual(ladder.diff(top, top).text, "no changes\n");
        [a, b, again, top].forEach((r) => r.free());
    });

    await test("diff: bad arguments, a version with errors, a freed result: errors, nothing left in the heap", () => {
        const before = ladder.heapInUse();
        const a = two(small), b = two(changed), bad = two(broken);
        assert.ok(!bad.ok);
        assert.throws(() => ladder.diff(a, {}), TypeError);
        assert.throws(() => ladder.diff(null, b), TypeError);
        assert.throws(() => ladder.diff(a, b, {format: 7}), TypeError);
        throwsLadder(() => ladder.diff(a, b, {format: "html"}), "usage", "ld_diff: unknown format: use text, md or json");
        throwsLadder(() => ladder.diff(a, bad), "usage", "ld_diff: a version is not checked, or has errors");
        throwsLadder(() => ladder.diff(bad, b), "usage", "ld_diff: a version is not checked, or has errors");
        /* a result with errors against itself: refused as any version with errors */
        throwsLadder(() => ladder.diff(bad, bad), "usage", "ld_diff: a version is not checked, or has errors");
        b.free();
        throwsLadder(() => ladder.diff(a, b), "usage", /freed/);
        throwsLadder(() => ladder.diff(b, b), "usage", /freed/);
        a.free();
        bad.free();
        assert.strictEqual(ladder.heapInUse(), before);
    });

    await test("1,000 diffs: the heap stays flat (one pair again and again, and a pair compiled for each)", () => {
        const a = two(small), b = two(changed);
        for (const format of ["text", "md", "json"])
            ladder.diff(a, b, {format});     /* the session's text buffer at its largest */
        const heap = ladder.heapInUse(), memory = ladder.memoryBytes();
        for (let k = 0; k < 1000; k++)
            ladder.diff(a, b, {format: ["text", "md", "json"][k % 3]});
        assert.strictEqual(ladder.heapInUse(), heap, "one pair: bytes in use");
        a.free();
        b.free();
        const base = ladder.heapInUse();
        for (let k = 0; k < 1000; k++) {
            const x = two(small), y = two(changed);
            ladder.diff(x, y);
            x.free();
            y.free();
        }
        assert.strictEqual(ladder.heapInUse(), base, "pairs freed: bytes in use");
        assert.strictEqual(ladder.memoryBytes(), memory, "memory");
        /* the test can fail: a pair not freed shows */
        const kept = two(small);
        assert.ok(ladder.heapInUse() > base);
        kept.free();
    });

    await test("refs: the places, definitions first, from/to on the name; every kind of a name; unknown names", () => {
        const text = 'levels L1..L3\ntrack ic "IC"\nrole ic "é IC" track ic level L1 at (1, 1)\nrole b "B" track ic level L2 at (2, 2)\nic -> b\nb -> ic\n';
        const r = two(text, {index: true});
        assert.deepStrictEqual(r.nameKinds("ic"), ["role", "track"]);
        assert.deepStrictEqual(r.nameKinds("nobody"), []);
        const roles = r.refs("role", "ic");
        assert.deepStrictEqual(roles.map((p) => [p.kind, p.definition, p.line, p.column]),
                               [["role", true, 3, 6], ["role", false, 5, 1], ["role", false, 6, 6]]);
        for (const p of roles) {
            assert.strictEqual(p.file, "m.ladder");
            assert.strictEqual(p.name, "ic");
            assert.strictEqual(text.slice(p.from, p.to), "ic");
        }
        const all = r.refs(null, "ic");
        assert.deepStrictEqual(all.map((p) => p.kind), ["role", "role", "role", "track", "track", "track"]);
        assert.deepStrictEqual(r.refs(null, "nobody"), []);
        assert.deepStrictEqual(r.refs("box", "ic"), []);
        assert.strictEqual(r.suggestName("bb"), "b");
        assert.strictEqual(r.suggestName("bb", "track"), null);
        throwsLadder(() => r.refs("rolee", "ic"), "usage", "unknown kind 'rolee': use role, track, box, company, level or competency");
        throwsLadder(() => r.suggestName("ic", ["role", "x"]), "usage", /unknown kind 'x'/);
        assert.throws(() => r.refs("role", 5), TypeError);
        assert.throws(() => r.refs("role", "i\0c"), TypeError);
        r.free();
        throwsLadder(() => r.refs("role", "ic"), "usage", /freed/);
        /* without the index: the library's reason */
        const plain = two(text);
        throwsLadder(() => plain.refs("role", "ic"), "usage", /no index/);
        throwsLadder(() => plain.refs(null, "ic"), "usage", /no index/);
        plain.free();
    });

    await test("refs in a session with errors: the places it has; syntax errors counted", () => {
        const r = two(broken, {index: true});
        assert.ok(!r.ok);
        assert.strictEqual(r.syntaxErrorCount, 0);
        assert.deepStrictEqual(r.refs("track", "icc").map((p) => [p.definition, p.line]), [[false, 3]]);
        r.free();
        const s = two(small + "role c \"C\" track ic level L3 at (3 3)\n", {index: true});
        assert.ok(s.syntaxErrorCount > 0);
        assert.deepStrictEqual(s.refs("role", "a").map((p) => p.line), [3, 5]);
        throwsLadder(() => s.rename("role", "a", "z"), "usage", "'m.ladder' has syntax errors: a use on a line that broke would be missed");
        s.free();
    });

    await test("rename: each changed file's text and diff, as ladderc rename --dry-run; nothing written", () => {
        fs.writeFileSync(path.join(TMP, "rn.ladder"), small);
        const r = ladder.compile({root: "rn.ladder", files: diskFilesIn(TMP), index: true});
        const changes = r.rename("role", "a", "first");
        assert.strictEqual(changes.length, 1);
        assert.strictEqual(changes[0].file, "rn.ladder");
        assert.strictEqual(changes[0].text, small.replace("role a ", "role first ").replace("a -> b", "first -> b"));
        assert.strictEqual(changes[0].diff, native(TMP, ["rename", "--dry-run", "rn.ladder", "a", "first"]).out.toString());
        assert.strictEqual(fs.readFileSync(path.join(TMP, "rn.ladder"), "utf8"), small, "the file is as it was");
        const bytes = r.rename(null, "a", "first", {bytes: true});
        assert.ok(bytes[0].text instanceof Uint8Array && bytes[0].diff instanceof Uint8Array);
        assert.strictEqual(Buffer.from(bytes[0].diff).toString(), changes[0].diff);
        r.free();
    });

    await test("refs and rename across an import: each place in its file, each changed file in the session's order", () => {
        const files = {
            "main.ladder": 'import "team/roles.ladder"\nrole b "Bé" track ic level L2 at (2, 2)\na -> b\n',
            "team/roles.ladder": 'levels L1..L3\ntrack ic "IC"\nrole a "A" track ic level L1 at (1, 1)\n',
        };
        const r = ladder.compile({root: "main.ladder", files, index: true});
        assert.ok(r.ok, r.diagnosticsText());
        const places = r.refs("role", "a");
        assert.deepStrictEqual(places.map((p) => [p.file, p.definition, p.line]),
                               [["team/roles.ladder", true, 3], ["main.ladder", false, 3]]);
        for (const p of places)
            assert.strictEqual(files[p.file].slice(p.from, p.to), "a");
        const ch = r.rename(null, "a", "alpha");
        assert.deepStrictEqual(ch.map((c) => c.file), r.files.filter((f) => ch.some((c) => c.file === f)), "the session's order");
        assert.deepStrictEqual(ch.map((c) => c.file).sort(), ["main.ladder", "team/roles.ladder"]);
        for (const c of ch) {
            assert.strictEqual(c.text, files[c.file].replace(/\ba\b(?= "A"| ->)/, "alpha"));
            assert.ok(c.diff.startsWith(`--- ${c.file}\n+++ ${c.file}\n@@ -3 +3 @@\n`), c.diff);
        }
        r.free();
    });

    await test("rename refuses a clash, an invalid or unchanged name, a level, an unknown or ambiguous name", () => {
        const text = small + 'role ic "IC role" track ic level L3 at (3, 3)\n';
        const r = two(text, {index: true});
        throwsLadder(() => r.rename("role", "a", "b"), "usage", "the new name is already defined");
        throwsLadder(() => r.rename("role", "a", "a"), "usage", "the new name is the old one");
        throwsLadder(() => r.rename("role", "a", "Big"), "usage", /an id is a lowercase letter/);
        throwsLadder(() => r.rename("level", "L1", "L2"), "usage", /levels are not renamed/);
        throwsLadder(() => r.rename("role", "zzz", "y"), "usage", "no such name");
        throwsLadder(() => r.rename(null, "zzz", "y"), "usage",
                     "no role, track, box, company, level or competency is named 'zzz'");
        throwsLadder(() => r.rename(null, "aa", "y"), "usage", /; did you mean 'a'\?$/);
        throwsLadder(() => r.rename(null, "ic", "y"), "usage", "'ic' names more than one thing (role, track): give its kind");
        throwsLadder(() => r.rename("boxes", "ic", "y"), "usage", /unknown kind 'boxes'/);
        assert.throws(() => r.rename("role", "a", null), TypeError);
        assert.strictEqual(r.rename("track", "ic", "x").length, 1);
        r.free();
        const plain = two(text);
        throwsLadder(() => plain.rename(null, "a", "z"), "usage", /no index/);
        plain.free();
    });

    await test("rename refuses a change to a shipped ladder", () => {
        const r = ladder.compile({root: "m.ladder", index: true,
                                  files: {"m.ladder": 'import "std/big-tech.ladder"\n'}});
        const def = r.outline("std/big-tech.ladder").find((y) => y.kind === "company");
        assert.ok(def, "a company in std/big-tech.ladder");
        throwsLadder(() => r.rename("company", def.id, "renamed_one"), "usage", /shipped ladder 'std\/big-tech.ladder'/);
        r.free();
    });

    await test("chart: ladderc chart -T dot's bytes; unknown, repeated, too many roles, a role without rungs", () => {
        const dir = path.join(ROOT, "examples");
        const r = ladder.compile({root: "framework.ladder", files: diskFilesIn(dir)});
        assert.ok(Buffer.from(r.chart(["senior", "staff"], {bytes: true}))
            .equals(native(dir, ["chart", "-T", "dot", "framework.ladder", "senior", "staff"]).out));
        assert.match(r.chart(["senior"]), /^graph chart \{/);
        throwsLadder(() => r.chart(["senoir"]), "usage", /^no role 'senoir' in the ladder; did you mean 'senior'\? \[E110\]$/);
        throwsLadder(() => r.chart(["senior", "senior"]), "usage", "role 'senior' is given twice");
        throwsLadder(() => r.chart([]), "usage", "a chart shows 1 to 8 roles");
        throwsLadder(() => r.chart(Array(9).fill("senior")), "usage", "a chart shows 1 to 8 roles");
        throwsLadder(() => r.chart(["senior"], {format: "svg"}), "usage", "ld_chart: unknown format: use dot");
        assert.throws(() => r.chart("senior"), TypeError);
        assert.throws(() => r.chart([3]), TypeError);
        r.free();
        const s = ladder.compile({root: "skills-map.ladder", files: diskFilesIn(dir)});
        throwsLadder(() => s.chart(["senior_engineer"]), "input", /^role 'senior_engineer' sets no competency rungs/);
        s.free();
        const bad = two(broken);
        throwsLadder(() => bad.chart(["a"]), "usage", "ld_chart: the ladder is not checked, or has errors");
        bad.free();
    });
};
