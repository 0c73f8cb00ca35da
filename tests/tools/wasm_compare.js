#!/usr/bin/env node
/* wasm_compare.js ROOT LADDERC WASM_JS TMP - the WebAssembly build against the
 * native command line, in one node process (tests/suites/wasm.sh):
 *
 * 1. every folder of ladders (tests/cases/<topic>/, examples/,
 *    examples/framework/, share/ladderc/std/): `ladderc check -- *.ladder`
 *    run once in the folder, its standard error (text) and, run again with
 *    --diagnostics=json, its standard output, against the same put together
 *    from the module: each file's diagnostics, an imported file once per
 *    run, and the command line's own summary line ("2 errors generated.")
 *    or JSON brackets around them;
 * 2. every data case whose command the library does (check, build -T
 *    dot/md/json, path, gap, fmt, with --werror, -W no-CODE,
 *    --max-diagnostics=N, --diagnostics=FORMAT) against its .out, .err and
 *    .rc, which tests/run.sh checks are the command line's bytes; diff
 *    (-T, --exit-code), refs and rename --dry-run (--kind) likewise; the
 *    command line's own lines ("ladderc: error: ...", the summary) are
 *    written here from the library's answer, as cli/main.c, cli/diffcmd.c
 *    and cli/refs.c write them; chart -T dot of the examples (no data
 *    case draws one) against ladderc run here;
 * 3. every example and shipped ladder: build -T dot, md and json, run
 *    natively, against r.emit;
 * 4. every session's r.diagnostics against its JSON text, field by field,
 *    and from/to against the file's text;
 * 5. planted differences (a byte changed, a field changed, a byte of the
 *    answer to diff, refs, rename and chart) are reported;
 * 6. the 1,800 sessions of 1 to 5, freed, leave malloc's bytes in use as
 *    they found them;
 * 7. the API's own tests (wasm_api.js).
 * Imports are read from disk by a function path -> bytes, relative to the
 * folder the case runs in. Prints "ok NAME" or "FAIL NAME" and details per
 * test; exits 1 when one failed. */
"use strict";
const fs = require("fs");
const path = require("path");
const cp = require("child_process");

const [ROOT, LADDERC, WASM_JS, TMP] = process.argv.slice(2).map((a) => path.resolve(a));
const LadderWasm = require(path.resolve(WASM_JS));

let failures = 0;
function ok(name) {
    console.log("ok   " + name);
}
function fail(name, detail) {
    failures++;
    console.log("FAIL " + name + (detail ? "\n" + String(detail).replace(/^/gm, "     ") : ""));
}

/* ---- bytes ---- */

function bytesOf(x) {
    return Buffer.isBuffer(x) ? x : Buffer.from(x instanceof Uint8Array ? x : Buffer.from(String(x)));
}

/* Where two outputs differ, shown as the lines around the first difference. */
function difference(want, got) {
    want = bytesOf(want);
    got = bytesOf(got);
    if (want.equals(got))
        return null;
    let i = 0;
    while (i < want.length && i < got.length && want[i] === got[i])
        i++;
    const line = want.subarray(0, i).toString("latin1").split("\n").length;
    const around = (b) => b.toString("utf8").split("\n").slice(Math.max(0, line - 3), line + 2).join("\n");
    return `first difference at byte ${i} (line ${line}); ${want.length} bytes from the command line, ${got.length} from wasm\n` +
        `command line:\n${around(want)}\nwasm:\n${around(got)}`;
}

function expectBytes(name, want, got) {
    const d = difference(want, got);
    if (d)
        fail(name, d);
    else
        ok(name);
    return !d;
}

/* ---- the native command line ---- */

function native(dir, args) {
    const r = cp.spawnSync(LADDERC, args, {cwd: dir, timeout: 60000, maxBuffer: 1 << 28, env: Object.assign({}, process.env, {NO_COLOR: "1"})});
    return {out: r.stdout, err: r.stderr, rc: r.status};
}

/* ---- the module ---- */

/* The files of a case: from disk, relative to the folder it runs in, as
 * the command line reads them (regular files only). */
function diskFiles(dir) {
    return (p) => {
        const full = path.resolve(dir, p);
        try {
            return fs.statSync(full).isFile() ? fs.readFileSync(full) : null;
        } catch (e) {
            return null;
        }
    };
}

let ladder;
const stats = {compiles: 0, sessions: 0, dataChecked: 0};

/* the command line's --max-diagnostics without the option (cli/main.c) */
const CLI_MAX_SHOWN = 20;

function compile(dir, root, opts) {
    stats.compiles++;
    return ladder.compile(Object.assign({root: root, files: diskFiles(dir)}, opts || {}));
}

/* The command line's summary line after text diagnostics. */
function summary(errors, warnings) {
    if (!errors && !warnings)
        return "";
    const e = errors ? `${errors} error${errors === 1 ? "" : "s"}` : "";
    const w = warnings ? `${warnings} warning${warnings === 1 ? "" : "s"}` : "";
    return `${e}${e && w ? ", " : ""}${w} generated.\n`;
}

/* One run of the command line over sessions: each file's diagnostics the
 * first time the run meets it (a root always), in text or JSON, and the
 * counts, as cli/main.c's report and run_finish put them together. */
class Run {
    constructor(format) {
        this.format = format;
        this.printed = new Set();
        this.errors = 0;
        this.warnings = 0;
        this.jsonOpen = false;
        this.jsonFirst = true;
    }
    /* what the command line writes when it has checked r */
    report(r) {
        const chunks = [];
        if (this.format === "json" && !this.jsonOpen) {
            chunks.push(Buffer.from("["));
            this.jsonOpen = true;
        }
        for (let i = 0; i < r.files.length; i++) {
            if (i > 0 && this.printed.has(r.files[i]))
                continue;
            if (i > 0)
                this.printed.add(r.files[i]);
            const f = r.fileDiagnostics(i, {bytes: true, format: this.format});
            this.errors += f.errors;
            this.warnings += f.warnings;
            if (this.format === "json" && f.text.length) {
                if (!this.jsonFirst)
                    chunks.push(Buffer.from(","));
                this.jsonFirst = false;
            }
            chunks.push(Buffer.from(f.text));
        }
        return Buffer.concat(chunks);
    }
    /* what it writes at the end: the JSON array closed, or the summary */
    finish() {
        if (this.format === "json")
            return Buffer.from((this.jsonOpen ? "" : "[") + (this.jsonFirst ? "]\n" : "\n]\n"));
        return Buffer.from(summary(this.errors, this.warnings));
    }
}

/* ---- 4. diagnostics as data ---- */

const fatalUtf8 = new TextDecoder("utf-8", {fatal: true, ignoreBOM: true});

/* The UTF-16 offset of line:column (code points) in text, computed apart
 * from the API's: the lines split at "\n", the code points by Array.from. */
function offsetIn(text, line, column) {
    if (line < 1)
        return 0;
    const lines = text.split("\n");
    if (line > lines.length)
        return text.length;
    let at = 0;
    for (let k = 0; k < line - 1; k++)
        at += lines[k].length + 1;
    let l = lines[line - 1];
    if (line === 1 && l.startsWith("\uFEFF")) {
        at += 1;
        l = l.slice(1);
    }
    return at + Array.from(l).slice(0, column - 1).join("").length;
}

/* r.diagnostics against the JSON the same session prints: the same
 * diagnostics, fields and notes; from/to where the file is valid UTF-8.
 * Returns a list of the differences. */
function dataProblems(r, texts) {
    const json = JSON.parse(r.diagnosticsText("json"));
    const problems = [];
    if (json.length !== r.diagnostics.length)
        problems.push(`${r.diagnostics.length} diagnostics, JSON has ${json.length}`);
    const place = (where, d, j) => {
        for (const [k, jk] of [["file", "file"], ["line", "line"], ["column", "column"], ["endLine", "end_line"],
                               ["endColumn", "end_column"], ["message", "message"]])
            if (d[k] !== j[jk])
                problems.push(`${where}: ${k} ${JSON.stringify(d[k])}, JSON ${jk} ${JSON.stringify(j[jk])}`);
        const text = texts(d.file);
        if (text !== null) {
            const from = offsetIn(text, d.line, d.column), to = offsetIn(text, d.endLine, d.endColumn);
            if (d.from !== from || d.to !== to)
                problems.push(`${where}: from/to ${d.from}/${d.to}, the text says ${from}/${to}`);
        }
    };
    json.forEach((j, i) => {
        const d = r.diagnostics[i];
        if (!d)
            return;
        place(`diagnostic ${i}`, d, j);
        for (const k of ["severity", "code"])
            if (d[k] !== j[k])
                problems.push(`diagnostic ${i}: ${k} ${JSON.stringify(d[k])}, JSON ${JSON.stringify(j[k])}`);
        if (d.notes.length !== j.notes.length)
            problems.push(`diagnostic ${i}: ${d.notes.length} notes, JSON ${j.notes.length}`);
        j.notes.forEach((n, k) => d.notes[k] && place(`diagnostic ${i} note ${k}`, d.notes[k], n));
    });
    return problems;
}

/* The decoded text of a file the folder's cases read (null: not valid UTF-8,
 * or not there). */
function textsOf(dir) {
    const cache = new Map();
    return (file) => {
        if (file === null)
            return null;
        if (!cache.has(file)) {
            let t = null;
            try {
                const b = file.startsWith("std/") && ladder.std[file] ? ladder.std[file] : fs.readFileSync(path.resolve(dir, file));
                t = fatalUtf8.decode(b);
            } catch (e) {
                t = null;
            }
            cache.set(file, t);
        }
        return cache.get(file);
    };
}

/* ---- 1. each folder, checked in one run ---- */

function laddersIn(dir) {
    return fs.readdirSync(dir).filter((f) => f.endsWith(".ladder") && fs.statSync(path.join(dir, f)).isFile())
        .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

function compareFolder(dir, plant) {
    const rel = path.relative(ROOT, dir) || ".";
    const roots = laddersIn(dir);
    if (!roots.length)
        return;
    const text = new Run("text"), json = new Run("json"), texts = textsOf(dir), wt = [], wj = [];
    const problems = [];
    for (const root of roots) {
        /* text shows 20 a file by default (the command line's
         * --max-diagnostics); JSON has them all */
        const rt = compile(dir, root, {maxDiagnostics: CLI_MAX_SHOWN});
        wt.push(text.report(rt));
        rt.free();
        const r = compile(dir, root);
        stats.sessions++;
        wj.push(json.report(r));
        for (const p of dataProblems(r, texts))
            problems.push(`${root}: ${p}`);
        stats.dataChecked += r.diagnostics.length;
        r.free();
    }
    const nt = native(dir, ["check", "--", ...roots]);
    const nj = native(dir, ["check", "--diagnostics=json", "--", ...roots]);
    const gotText = Buffer.concat([...wt, text.finish()]), gotJson = Buffer.concat([...wj, json.finish()]);
    if (plant)
        gotText[gotText.length >> 1] ^= 1;
    const a = expectBytes(`wasm: ${rel}: check's diagnostics in text (${roots.length} files)`, nt.err, gotText);
    const b = expectBytes(`wasm: ${rel}: check's diagnostics in JSON (${roots.length} files)`, nj.out, gotJson);
    if (problems.length)
        fail(`wasm: ${rel}: r.diagnostics as the JSON says, from/to in the text`, problems.slice(0, 10).join("\n"));
    else
        ok(`wasm: ${rel}: r.diagnostics as the JSON says, from/to in the text`);
    return a && b;
}

/* ---- 2. the data cases ---- */

/* The case's arguments (tests/run.sh: the first line of .args, "{}" the
 * file, appended when absent) parsed as the command line would, for the
 * commands the library does; null and a reason when it is not one. */
function parseCase(argsLine, file) {
    const words = argsLine.split(/[ \t]+/).filter((w) => w !== "");
    if (!words.includes("{}"))
        words.push("{}");
    const args = words.map((w) => (w === "{}" ? file : w));
    const cmd = args.shift();
    const c = {cmd: cmd, files: [], opts: {maxDiagnostics: CLI_MAX_SHOWN}, diag: "text", format: null, max: 10, route: false, fmtCheck: false};
    const need = (i) => (i + 1 < args.length ? args[i + 1] : null);
    if (cmd === "diff")
        return parseDiff(args);
    if (cmd === "refs" || cmd === "rename")
        return parseRefs(cmd, args);
    if (!["check", "build", "path", "gap", "fmt", "chart"].includes(cmd))
        return {why: `'${cmd}' is not among the commands compared (check, build -T dot/md/json, path, gap, fmt, chart -T dot, diff, refs, rename)`};
    let filesOnly = false;
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (!filesOnly && a === "--") {
            filesOnly = true;
        } else if (!filesOnly && a.startsWith("--diagnostics=") && ["text", "json", "github"].includes(a.slice(14))) {
            c.diag = a.slice(14);
        } else if (!filesOnly && a === "--werror") {
            c.opts.werror = true;
        } else if (!filesOnly && /^--max-diagnostics=[0-9]+$/.test(a)) {
            c.opts.maxDiagnostics = Number(a.slice(18));
            if (c.opts.maxDiagnostics > 0xffffffff)
                return {why: "--max-diagnostics beyond the module's 32-bit size_t (or a usage error)"};
        } else if (!filesOnly && (a === "-W" || (a.startsWith("-W") && a.length > 2))) {
            const w = a === "-W" ? need(i) : a.slice(2);
            if (a === "-W")
                i++;
            if (w === null || !w.startsWith("no-"))
                return {why: "a usage error of the command line's (-W)"};
            c.opts.disabled = (c.opts.disabled || []).concat([w.slice(3)]);
        } else if (!filesOnly && cmd === "build" && (a === "-T" || /^-T./.test(a))) {
            c.format = a === "-T" ? need(i) : a.slice(2);
            if (a === "-T")
                i++;
            if (!["dot", "md", "json"].includes(c.format))
                return {why: `build -T ${c.format} is not the library's (a picture, the page, or a usage error)`};
        } else if (!filesOnly && cmd === "chart" && (a === "-T" || /^-T./.test(a))) {
            c.format = a === "-T" ? need(i) : a.slice(2);
            if (a === "-T")
                i++;
            if (c.format !== "dot")
                return {why: `chart -T ${c.format} is not the library's (a picture, or a usage error)`};
        } else if (!filesOnly && (cmd === "path" || cmd === "gap") && a === "-T" && need(i) !== null) {
            c.format = args[++i];
            if (!(cmd === "path" ? ["text", "md"] : ["text", "md", "json"]).includes(c.format))
                return {why: "a usage error of the command line's (-T)"};
        } else if (!filesOnly && cmd === "path" && a === "--max" && /^[0-9]+$/.test(need(i) || "") &&
                   Number(args[i + 1]) >= 1 && Number(args[i + 1]) <= 1000) {
            c.max = Number(args[++i]);
        } else if (!filesOnly && cmd === "gap" && a === "--route") {
            c.route = true;
        } else if (!filesOnly && cmd === "fmt" && a === "--check") {
            c.fmtCheck = true;
        } else if (!filesOnly && a.startsWith("-") && a !== "-") {
            return {why: `option '${a}' is the command line's`};
        } else {
            c.files.push(a);
        }
    }
    if (c.files.some((f) => f === "-"))
        return {why: "standard input is the command line's"};
    if (cmd === "build" && (c.files.length !== 1 || !c.format))
        return {why: "build without -T dot/md/json (a picture) or with other FILEs"};
    if ((cmd === "path" || cmd === "gap") && c.files.length !== 3)
        return {why: "a usage error of the command line's (FILE FROM TO)"};
    if (cmd === "chart" && (c.format !== "dot" || c.files.length < 2 || c.files.length > 9))
        return {why: "chart without -T dot (a picture) or a usage error of the command line's (FILE ROLE..., at most 8)"};
    if ((cmd === "check" || cmd === "fmt") && c.files.length === 0)
        return {why: "a usage error of the command line's (no FILE)"};
    if (c.opts.disabled && c.opts.disabled.some((w) => !knownWarning(w)))
        return {why: "an unknown warning: a usage error of the command line's"};
    return c;
}

/* ladderc diff [-T text|md|json] [--exit-code] [--] OLD NEW (cli/diffcmd.c):
 * -o, --git, REV:PATH, standard input and the usage errors are the
 * command line's. */
function parseDiff(args) {
    const c = {cmd: "diff", files: [], format: "text", exitCode: false};
    let filesOnly = false;
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (!filesOnly && a === "--")
            filesOnly = true;
        else if (!filesOnly && a === "--exit-code")
            c.exitCode = true;
        else if (!filesOnly && a === "-T" && i + 1 < args.length)
            c.format = args[++i];
        else if (!filesOnly && /^-T./.test(a))
            c.format = a.slice(2);
        else if (!filesOnly && (a === "-o" || a === "--git"))
            return {why: `diff ${a} is the command line's (a file written, a git revision read)`};
        else if (!filesOnly && a.startsWith("-") && a !== "-")
            return {why: "a usage error of the command line's (diff's options)"};
        else
            c.files.push(a);
    }
    if (!["text", "md", "json"].includes(c.format) || c.files.length !== 2)
        return {why: "a usage error of the command line's (diff's -T, OLD NEW)"};
    if (c.files.includes("-"))
        return {why: "standard input is the command line's"};
    return c;
}

/* ladderc refs [--kind KIND] [--] FILE NAME and ladderc rename --dry-run
 * [--kind KIND] [--] FILE OLD NEW (cli/refs.c): --help, the usage errors,
 * rename without --dry-run (it writes the files) and standard input are
 * the command line's. */
function parseRefs(cmd, args) {
    const c = {cmd: cmd, files: [], kind: null, dryRun: false};
    const nargs = cmd === "refs" ? 2 : 3;
    let filesOnly = false;
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (!filesOnly && a === "--")
            filesOnly = true;
        else if (!filesOnly && (a === "-h" || a === "--help"))
            return {why: `${cmd} --help (the command line's usage text)`};
        else if (!filesOnly && cmd === "rename" && a === "--dry-run")
            c.dryRun = true;
        else if (!filesOnly && a === "--kind" && i + 1 < args.length && ladder.kinds.includes(args[i + 1]))
            c.kind = args[++i];
        else if ((!filesOnly && a.startsWith("-") && a !== "-") || c.files.length === nargs)
            return {why: `a usage error of the command line's (${cmd}'s options and arguments)`};
        else
            c.files.push(a);
    }
    if (c.files.length !== nargs)
        return {why: `a usage error of the command line's (${cmd}'s options and arguments)`};
    if (c.files[0] === "-")
        return {why: "standard input is the command line's"};
    if (cmd === "rename" && !c.dryRun)
        return {why: "rename without --dry-run writes the files: the command line's"};
    return c;
}

function knownWarning(w) {
    try {
        ladder.compile({root: "x", files: {}, disabled: [w]}).free();
        return true;
    } catch (e) {
        return false;
    }
}

/* What the command line would print for case c in dir: {out, err, rc},
 * made of the library's answers through the module, and the command
 * line's own lines as cli/main.c writes them. */
function runCase(dir, c) {
    if (c.cmd === "diff")
        return runDiff(dir, c);
    if (c.cmd === "refs" || c.cmd === "rename")
        return runRefs(dir, c);
    const opts = Object.assign({}, c.opts);
    if (c.diag === "json")
        delete opts.maxDiagnostics;     /* JSON keeps and prints every diagnostic (keep_all) */
    const run = new Run(c.diag === "json" ? "json" : "text");
    const out = [], err = [];
    let rc = 0;
    /* text goes to stderr; JSON and github to stdout, unless stdout
     * carries the answer (build, path, gap, fmt) */
    const diag = c.diag === "text" || c.cmd !== "check" ? err : out;
    const report = (r) => diag.push(c.diag === "github" ? Buffer.from(r.diagnosticsText("github", {bytes: true})) : run.report(r));
    const finish = () => c.diag !== "github" && diag.push(run.finish());
    if (c.cmd === "check") {
        for (const f of c.files) {
            const r = compile(dir, f, opts);
            report(r);
            if (r.errorCount)
                rc = 1;
            r.free();
        }
    } else if (c.cmd === "chart") {
        /* cli/main.c's chart_draw: "ladderc: error: " whatever the status */
        const r = compile(dir, c.files[0], opts);
        report(r);
        if (r.errorCount) {
            rc = 1;
        } else {
            try {
                out.push(Buffer.from(r.chart(c.files.slice(1), {format: "dot", bytes: true})));
            } catch (e) {
                if (!(e instanceof LadderWasm.LadderError))
                    throw e;
                err.push(Buffer.from(`ladderc: error: ${e.message}\n`));
                rc = e.status === "usage" ? 2 : 1;
            }
        }
        r.free();
    } else if (c.cmd === "build" || c.cmd === "path" || c.cmd === "gap") {
        const r = compile(dir, c.files[0], opts);
        report(r);
        if (r.errorCount) {
            rc = 1;
        } else {
            try {
                if (c.cmd === "build")
                    out.push(Buffer.from(r.emit(c.format, {bytes: true})));
                else if (c.cmd === "path")
                    out.push(Buffer.from(r.path(c.files[1], c.files[2], {max: c.max, format: c.format || "text", bytes: true})));
                else
                    out.push(Buffer.from(r.gap(c.files[1], c.files[2], {route: c.route, format: c.format || "text", bytes: true})));
            } catch (e) {
                if (!(e instanceof LadderWasm.LadderError))
                    throw e;
                /* the command line's words around ld_message */
                err.push(Buffer.from(e.status === "usage" ? `ladderc: error: ${e.message}\n` : `ladderc: ${e.message}\n`));
                rc = e.status === "usage" ? 2 : 1;
            }
        }
        r.free();
    } else if (c.cmd === "fmt") {
        if (c.diag !== "text")
            return null;
        for (const f of c.files) {
            const bytes = fs.readFileSync(path.resolve(dir, f));
            try {
                const t = Buffer.from(ladder.format(bytes, f, {bytes: true}));
                if (!c.fmtCheck)
                    out.push(t);
                else if (!t.equals(bytes)) {
                    out.push(Buffer.from(f + "\n"));   /* --check names the file */
                    rc = rc || 1;
                }
            } catch (e) {
                if (!(e instanceof LadderWasm.LadderError) || e.status !== "input")
                    throw e;
                /* the diagnostics, then the command line's refusal */
                err.push(Buffer.from(e.diagnosticsText));
                run.errors += e.diagnostics.filter((d) => d.severity === "error").length;
                run.warnings += e.diagnostics.filter((d) => d.severity === "warning").length;
                err.push(Buffer.from(`ladderc: error: '${f}' has syntax errors; not formatted\n`));
                rc = rc || 1;
            }
        }
    }
    finish();
    return {out: Buffer.concat(out), err: Buffer.concat(err), rc: rc};
}

/* The reason the root could not be read (its E020, at line 0), or null:
 * what the command line's loader says as "cannot read 'FILE': WHY". */
function rootUnreadable(r) {
    const d = r.diagnostics.find((x) => x.code === "E020" && x.line === 0 && x.file === r.files[0]);
    return d ? d.message.replace(/^cannot read the file: /, "") : null;
}

/* ladderc diff OLD NEW as cli/diffcmd.c's diff_main puts it together:
 * each version checked (20 diagnostics a file), its diagnostics when it has
 * errors, "N errors generated." (errors only), or the changes; exit 1
 * errors, 2 a root unreadable or ld_diff refusing, 3 changes with
 * --exit-code. */
function runDiff(dir, c) {
    const err = [], sides = [];
    const load = (f) => {
        const r = compile(dir, f, {maxDiagnostics: CLI_MAX_SHOWN});
        sides.push(r);
        const why = rootUnreadable(r);
        if (why !== null) {
            err.push(Buffer.from(`ladderc: error: cannot read '${f}': ${why}\n`));
            return 2;
        }
        if (!r.ok) {
            err.push(Buffer.from(r.diagnosticsText("text", {bytes: true})));
            return 1;
        }
        return 0;
    };
    const ro = load(c.files[0]);
    const rn = ro === 2 ? 0 : load(c.files[1]);
    let rc = Math.max(ro, rn), out = Buffer.alloc(0);
    if (rc === 1) {
        const errors = sides.reduce((n, r) => n + r.errorCount, 0);
        err.push(Buffer.from(`${errors} error${errors === 1 ? "" : "s"} generated.\n`));
    } else if (rc === 0) {
        try {
            const d = ladder.diff(sides[0], sides[1], {format: c.format, bytes: true});
            out = Buffer.from(d.text);
            rc = c.exitCode && d.changes ? 3 : 0;
        } catch (e) {
            if (!(e instanceof LadderWasm.LadderError))
                throw e;
            err.push(Buffer.from(`ladderc: error: ${e.message}\n`));
            rc = 2;
        }
    }
    sides.forEach((r) => r.free());
    return {out: out, err: Buffer.concat(err), rc: rc};
}

/* ladderc refs and rename --dry-run as cli/refs.c puts them together from
 * the index: a session with every diagnostic kept (shown only when a file
 * has syntax errors), the kinds that have the name (or --kind's), the
 * command line's "no ... is named" with the library's suggestion, then the
 * places as "FILE:LINE:COL: definition|reference KIND NAME", or the
 * rename's diffs. The names in its messages are written as they are (the
 * cases' names need no escaping). */
function runRefs(dir, c) {
    const [file, name, newName] = c.files;
    const r = compile(dir, file, {index: true, maxDiagnostics: 0});
    const out = [], err = [];
    const done = (rc) => {
        r.free();
        return {out: Buffer.concat(out), err: Buffer.concat(err), rc: rc};
    };
    const why = rootUnreadable(r);
    if (why !== null) {
        err.push(Buffer.from(`ladderc: error: cannot read '${file}': ${why}\n`));
        return done(2);
    }
    const broken = r.syntaxErrorCount > 0;
    if (broken) {
        err.push(Buffer.from(r.diagnosticsText("text", {bytes: true})));
        const tail = c.cmd === "refs" ? "places on the lines that broke are not listed"
            : "not renamed (a use on a broken line would be missed)";
        err.push(Buffer.from(`ladderc: error: '${r.files[0]}' has syntax errors; ${tail}\n`));
        if (c.cmd === "rename")
            return done(1);
    }
    const kinds = r.nameKinds(name).filter((k) => c.kind === null || k === c.kind);
    if (!kinds.length) {
        const close = r.suggestName(name, c.kind);
        err.push(Buffer.from(`ladderc: error: no ${c.kind || "role, track, box, company, level or competency"} is named ` +
            `'${name}' in '${r.files[0]}'${close ? `; did you mean '${close}'?` : ""}\n`));
        return done(1);
    }
    if (c.cmd === "refs") {
        for (const k of kinds)
            for (const p of r.refs(k, name))
                out.push(Buffer.from(`${p.file}:${p.line}:${p.column}: ${p.definition ? "definition" : "reference"} ${k} ${name}\n`));
        return done(broken ? 1 : 0);
    }
    if (kinds.length > 1) {
        err.push(Buffer.from(`ladderc: error: '${name}' names more than one thing (${kinds.join(", ")}): give --kind KIND\n`));
        return done(1);
    }
    try {
        for (const ch of r.rename(kinds[0], name, newName, {bytes: true}))
            out.push(Buffer.from(ch.diff));
    } catch (e) {
        if (!(e instanceof LadderWasm.LadderError))
            throw e;
        err.push(Buffer.from(`ladderc: error: cannot rename ${kinds[0]} '${name}' to '${newName}': ${e.message}\n`));
        return done(1);
    }
    return done(0);
}

const excluded = new Map();

/* Where got differs from want ({out, err, rc}), as lines; [] when it does not. */
function caseProblems(argsLine, want, got) {
    const problems = [];
    for (const k of ["out", "err"]) {
        const d = difference(want[k], got[k]);
        if (d)
            problems.push(`std${k} (${argsLine}): ${d}`);
    }
    if (want.rc !== got.rc)
        problems.push(`exit status ${got.rc}, the command line's ${want.rc}`);
    return problems;
}

/* A byte of the module's answer changed (stdout's, or stderr's when it is
 * empty): what a planted difference does to a case. */
function plantIn(got) {
    const b = Buffer.from(got.out.length ? got.out : got.err);
    b[b.length >> 1] ^= 1;
    return got.out.length ? Object.assign({}, got, {out: b}) : Object.assign({}, got, {err: b});
}

function compareCase(dir, name, plant) {
    const base = path.join(dir, name);
    const label = `wasm: ${path.relative(path.join(ROOT, "tests/cases"), base)}`;
    let argsLine = "check";
    if (fs.existsSync(base + ".args"))
        argsLine = fs.readFileSync(base + ".args", "utf8").split("\n")[0];
    const c = parseCase(argsLine, name + ".ladder");
    if (c.why) {
        excluded.set(c.why, (excluded.get(c.why) || 0) + 1);
        return;
    }
    const want = {
        out: fs.existsSync(base + ".out") ? fs.readFileSync(base + ".out") : Buffer.alloc(0),
        err: fs.existsSync(base + ".err") ? fs.readFileSync(base + ".err") : Buffer.alloc(0),
        rc: fs.existsSync(base + ".rc") ? Number(fs.readFileSync(base + ".rc", "utf8").trim()) : 0,
    };
    let got = runCase(dir, c);
    if (!got) {
        excluded.set("fmt with JSON diagnostics", (excluded.get("fmt with JSON diagnostics") || 0) + 1);
        return;
    }
    if (plant)
        got = plantIn(got);
    const problems = caseProblems(argsLine, want, got);
    if (problems.length)
        fail(label, problems.join("\n"));
    else
        ok(label);
}

/* ---- 2b. charts (no data case draws one: tests/suites/chart.sh draws them) ---- */

/* chart -T dot of roles of the examples, natively and through runCase:
 * a chart, eight roles... five, an unknown role, a role given twice, a role
 * without rungs (status 1), --werror's diagnostics. */
const CHART_RUNS = [
    "chart -T dot framework.ladder senior staff",
    "chart -T dot framework.ladder engineer senior staff manager director",
    "chart -T dot framework.ladder senoir staff",
    "chart -T dot framework.ladder senior senior",
    "chart -T dot skills-map.ladder senior_engineer staff_sre",
    "chart -T dot --werror framework.ladder senior staff",
];

function compareChart(argsLine, plant) {
    const dir = path.join(ROOT, "examples");
    const words = argsLine.split(" ");
    const file = words.find((w) => w.endsWith(".ladder"));
    const c = parseCase(words.map((w) => (w === file ? "{}" : w)).join(" "), file);
    const label = `wasm: examples: ${argsLine}`;
    if (c.why)
        return fail(label, `not compared: ${c.why}`);
    const n = native(dir, words);
    let got = runCase(dir, c);
    if (plant)
        got = plantIn(got);
    const problems = caseProblems(argsLine, {out: n.out, err: n.err, rc: n.rc}, got);
    if (problems.length)
        fail(label, problems.join("\n"));
    else
        ok(label);
}

/* ---- 3. the examples' outputs ---- */

function compareOutputs(dir) {
    const rel = path.relative(ROOT, dir) || ".";
    for (const root of laddersIn(dir)) {
        const r = compile(dir, root);
        for (const format of ["dot", "md", "json"]) {
            const n = native(dir, ["build", "-T", format, "--", root]);
            let got;
            try {
                got = Buffer.from(r.emit(format, {bytes: true}));
            } catch (e) {
                got = Buffer.from("LadderError: " + e.message);
            }
            if (n.rc !== 0 && !r.ok)
                ok(`wasm: ${rel}/${root}: build -T ${format}: both refuse (errors)`);
            else
                expectBytes(`wasm: ${rel}/${root}: build -T ${format}`, n.out, got);
        }
        r.free();
    }
}

/* ---- 5. the comparison can fail ---- */

function plantedDifferences() {
    /* a byte changed in one folder's text: reported as a failure */
    const before = failures;
    const quiet = console.log;
    const seen = [];
    console.log = (s) => seen.push(s);
    try {
        compareFolder(path.join(ROOT, "tests/cases/check"), true);
    } finally {
        console.log = quiet;
    }
    const reported = failures - before;
    failures = before;
    if (reported === 1 && seen.some((s) => s.startsWith("FAIL wasm: tests/cases/check: check's diagnostics in text")))
        ok("wasm: a byte changed in the module's text diagnostics is reported (planted)");
    else
        fail("wasm: a byte changed in the module's text diagnostics is reported (planted)", seen.join("\n"));
    /* a field changed in the data */
    const dir = path.join(ROOT, "tests/cases/check");
    const root = laddersIn(dir).find((f) => fs.existsSync(path.join(dir, f.replace(/\.ladder$/, ".err"))));
    const r = compile(dir, root);
    r.diagnostics[0].column += 1;
    const p = dataProblems(r, textsOf(dir));
    r.free();
    if (p.some((s) => s.includes("column")))
        ok("wasm: a column changed in r.diagnostics is reported (planted)");
    else
        fail("wasm: a column changed in r.diagnostics is reported (planted)", p.join("\n") || "nothing reported");
    /* a byte changed in the module's answer to a case of each command the
     * comparison rebuilds from the API (diff, refs, rename, chart) */
    const plantedRuns = [
        ["diff", () => compareCase(path.join(ROOT, "tests/cases/diff"), "roles", true), "wasm: diff/roles"],
        ["refs", () => compareCase(path.join(ROOT, "tests/cases/index"), "refs-role", true), "wasm: index/refs-role"],
        ["rename", () => compareCase(path.join(ROOT, "tests/cases/index"), "rename-dry-run", true), "wasm: index/rename-dry-run"],
        ["chart", () => compareChart(CHART_RUNS[0], true), `wasm: examples: ${CHART_RUNS[0]}`],
    ];
    for (const [cmd, run, label] of plantedRuns) {
        const b = failures, said = [];
        console.log = (s) => said.push(s);
        try {
            run();
        } finally {
            console.log = quiet;
        }
        const n = failures - b;
        failures = b;
        const name = `wasm: a byte changed in the module's answer to ${cmd} is reported (planted)`;
        if (n === 1 && said.length === 1 && said[0].startsWith(`FAIL ${label}\n`))
            ok(name);
        else
            fail(name, said.join("\n") || "nothing reported");
    }
    /* a case's expected output changed by one byte */
    const c = parseCase("check", root);
    const got = runCase(dir, c);
    const want = fs.readFileSync(path.join(dir, root.replace(/\.ladder$/, ".err")));
    const planted = Buffer.from(want);
    planted[0] ^= 0x20;
    if (difference(want, got.err) === null && difference(planted, got.err) !== null)
        ok("wasm: a case's .err with one byte changed no longer matches (planted)");
    else
        fail("wasm: a case's .err with one byte changed no longer matches (planted)");
}

/* ---- main ---- */

/* dir and every folder under it, in order */
function foldersUnder(dir) {
    const subs = fs.readdirSync(dir, {withFileTypes: true}).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    return [dir, ...subs.flatMap((s) => foldersUnder(path.join(dir, s)))];
}

async function main() {
    ladder = await LadderWasm.load();
    const heapAtStart = ladder.heapInUse();
    const caseDirs = fs.readdirSync(path.join(ROOT, "tests/cases")).sort()
        .map((d) => path.join(ROOT, "tests/cases", d)).filter((d) => fs.statSync(d).isDirectory());
    const ladderDirs = [...foldersUnder(path.join(ROOT, "examples")), path.join(ROOT, "share/ladderc/std")];
    for (const d of [...caseDirs, ...ladderDirs])
        compareFolder(d, false);
    let ncases = 0;
    for (const d of caseDirs)
        for (const f of laddersIn(d)) {
            ncases++;
            compareCase(d, f.replace(/\.ladder$/, ""));
        }
    for (const a of CHART_RUNS)
        compareChart(a, false);
    for (const d of ladderDirs)
        compareOutputs(d);
    plantedDifferences();
    /* every session of the comparison was freed */
    if (ladder.heapInUse() === heapAtStart)
        ok(`wasm: the comparison's ${stats.compiles} sessions, freed, leave malloc's bytes in use as they were`);
    else
        fail("wasm: the comparison's sessions, freed, leave malloc's bytes in use as they were",
             `${heapAtStart} bytes at the start, ${ladder.heapInUse()} at the end`);
    await require("./wasm_api.js")(ladder, LadderWasm, {ok, fail, ROOT, LADDERC, TMP, WASM_JS});
    let nexcluded = 0;
    for (const [why, n] of excluded) {
        console.log(`note wasm: ${n} case(s) not compared: ${why}`);
        nexcluded += n;
    }
    console.log(`note wasm: ${ncases - nexcluded} of ${ncases} data cases compared; ${stats.sessions} sessions in the folders' runs, ` +
        `${stats.dataChecked} diagnostics checked as data`);
    process.exitCode = failures ? 1 : 0;
}

main().catch((e) => {
    console.log("FAIL wasm: the comparison stopped: " + (e && e.stack || e));
    process.exitCode = 1;
});
