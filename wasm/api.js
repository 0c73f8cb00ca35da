/* api.js - the JavaScript API of ladderc in WebAssembly: the end of
 * build/wasm/ladder.js (emcc --extern-post-js), after the module's factory
 * LadderWasmModule, inside wasm/pre.js's function scope. docs/wasm.md.
 *
 *   const ladder = await LadderWasm.load();
 *   const r = ladder.compile({root: "main.ladder", files: {"main.ladder": text}});
 *   r.diagnostics; r.emit("dot"); r.free();
 *
 * Strings go into the module as UTF-8 (a Uint8Array as it is: any bytes)
 * with a length, and come out as strings, or as the exact bytes with
 * {bytes: true}. Every block the module is handed is freed before the call
 * returns, but a session's, which r.free() gives back. */

var ldw_utf8 = new TextEncoder();
var ldw_decoder = new TextDecoder("utf-8", {ignoreBOM: true});
var ldw_statuses = ["ok", "input", "usage", "nomem"];

/* What the library refused: message is ld_message's (or the API's own
 * reason); status "usage" (a bad call or argument), "input" (the ladder
 * cannot answer: no route, syntax errors) or "nomem". */
class LadderError extends Error {
    constructor(message, status, extra) {
        super(message);
        this.name = "LadderError";
        this.status = status || "usage";
        if (extra)
            Object.assign(this, extra);
    }
}

/* The bytes of a file or argument: a string as UTF-8, a Uint8Array (or
 * ArrayBuffer) as it is. */
function ldw_bytes(value, what) {
    if (typeof value === "string")
        return ldw_utf8.encode(value);
    if (value instanceof Uint8Array)
        return value;
    if (value instanceof ArrayBuffer)
        return new Uint8Array(value);
    throw new TypeError(what + " must be a string or a Uint8Array, not " + (value === null ? "null" : typeof value));
}

/* A name (a path, a role, a format) for a C string: no NUL inside. */
function ldw_name(value, what) {
    if (typeof value !== "string" && !(value instanceof Uint8Array))
        throw new TypeError(what + " must be a string, not " + (value === null ? "null" : typeof value));
    var b = ldw_bytes(value, what);
    if (b.indexOf(0) >= 0)
        throw new TypeError(what + " must not contain a NUL character");
    return b;
}

class LadderMemory {
    constructor(m) {
        this.m = m;
    }
    /* A block holding bytes and two NULs after them (what a lent source
     * and a C string need). The caller frees it (or lends it to C). */
    put(bytes) {
        var p = this.m._ldw_alloc(bytes.length + 2);
        if (!p)
            throw new LadderError("out of memory", "nomem");
        var heap = this.m.HEAPU8;   /* read after the allocation: memory may have grown */
        heap.set(bytes, p);
        heap[p + bytes.length] = 0;
        heap[p + bytes.length + 1] = 0;
        return p;
    }
    /* Runs fn with a C string per name, freed after. */
    with(names, fn) {
        var ptrs = [];
        try {
            for (var i = 0; i < names.length; i++)
                ptrs.push(this.put(names[i]));
            return fn.apply(null, ptrs);
        } finally {
            for (var k = 0; k < ptrs.length; k++)
                this.m._ldw_free(ptrs[k]);
        }
    }
    cstring(p) {
        if (!p)
            return null;
        var heap = this.m.HEAPU8, end = p;
        while (heap[end])
            end++;
        return ldw_decoder.decode(heap.subarray(p, end));
    }
    bytesAt(p, len) {
        return this.m.HEAPU8.slice(p, p + len);
    }
    i32(p, k) {
        return this.m.HEAP32[(p >> 2) + k];
    }
    u32(p, k) {
        return this.m.HEAPU32[(p >> 2) + k];
    }
    /* string k of a record (ldw_record: 12 ints, then 4 pointers) */
    str(rec, k) {
        return this.cstring(this.u32(rec, 12 + k));
    }
}

/* UTF-16 offsets (an editor's) of the library's line:column (columns in
 * code points, lines split at '\n') in a file's bytes, as a string decoded
 * from them with its byte-order mark kept (the string the caller passed). */
class LadderLines {
    constructor(bytes) {
        this.bytes = bytes;
        this.starts = [0];      /* byte offset of each line */
        this.units = [0];       /* UTF-16 offset of each line */
        var u = 0;
        for (var i = 0; i < bytes.length; i++) {
            var b = bytes[i];
            if ((b & 0xC0) !== 0x80)
                u += b >= 0xF0 ? 2 : 1;
            if (b === 10) {
                this.starts.push(i + 1);
                this.units.push(u);
            }
        }
        this.total = u;
        this.bom = bytes.length >= 3 && bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF;
    }
    offset(line, column) {
        if (line < 1)
            return 0;
        if (line > this.starts.length)
            return this.total;
        var i = this.starts[line - 1], u = this.units[line - 1], b = this.bytes;
        if (line === 1 && this.bom) {
            i = 3;
            u = 1;
        }
        /* column - 1 code points on: each starts at a byte that does not continue one */
        for (var left = column - 1; i < b.length && b[i] !== 10; i++) {
            if ((b[i] & 0xC0) === 0x80)
                continue;
            if (left-- === 0)
                break;
            u += b[i] >= 0xF0 ? 2 : 1;
        }
        return u;
    }
    /* The library's {line, column} of a UTF-16 offset (the inverse). */
    lineColumn(offset) {
        var lo = 0, hi = this.units.length;     /* units[lo] <= offset < units[hi] */
        while (hi - lo > 1) {
            var mid = (lo + hi) >> 1;
            if (this.units[mid] <= offset)
                lo = mid;
            else
                hi = mid;
        }
        var i = this.starts[lo], u = this.units[lo], b = this.bytes, column = 1;
        if (lo === 0 && this.bom) {
            i = 3;
            u = 1;
        }
        for (; i < b.length && b[i] !== 10 && u < offset; i++) {
            if ((b[i] & 0xC0) === 0x80)
                continue;
            u += b[i] >= 0xF0 ? 2 : 1;
            column++;
        }
        return {line: lo + 1, column: column};
    }
}

/* One compilation: a session of the library (ladder.compile's result). */
class LadderResult {
    constructor(ladder, unit, status, texts) {
        this.ladder = ladder;
        this.unit = unit;
        this.texts = texts;         /* path -> bytes the session read, for from/to */
        this.lines = new Map();
        this.status = ldw_statuses[status];
        this.ok = status === 0;
        var m = ladder.m;
        this.files = [];
        for (var i = 0, n = m._ldw_file_count(unit); i < n; i++)
            this.files.push(ladder.mem.cstring(m._ldw_file_path(unit, i)));
        this.errorCount = m._ldw_error_count(unit);
        this.warningCount = m._ldw_warning_count(unit);
        this.syntaxErrorCount = m._ldw_syntax_error_count(unit);
        this.diagnostics = this.readDiagnostics();
    }

    live() {
        if (!this.unit)
            throw new LadderError("this result was freed (r.free())", "usage");
        return this.unit;
    }

    /* The text the last call made, as a string or (bytes) a Uint8Array. */
    text(bytes) {
        var m = this.ladder.m, p = m._ldw_out_data(this.unit), len = m._ldw_out_len(this.unit);
        var b = this.ladder.mem.bytesAt(p, len);
        return bytes ? b : ldw_decoder.decode(b);
    }

    /* Runs a call that makes text: the text, or LadderError with ld_message. */
    produce(status, opts) {
        if (status !== 0) {
            var msg = this.ladder.mem.cstring(this.ladder.m._ldw_message(this.unit));
            throw new LadderError(msg || "the ladder has errors", ldw_statuses[status] || "usage");
        }
        return this.text(opts && opts.bytes);
    }

    lineMap(file) {
        var lines = this.lines.get(file);
        if (!lines) {
            var bytes = this.texts.get(file);
            if (!bytes)
                return null;
            lines = new LadderLines(bytes);
            this.lines.set(file, lines);
        }
        return lines;
    }

    /* The UTF-16 offset of line:column in file's text (0 for a file the
     * session did not read). */
    position(file, line, column) {
        var lines = this.lineMap(file);
        return lines ? lines.offset(line, column) : 0;
    }

    /* The library's {line, column} of a UTF-16 offset in file's text. */
    lineColumn(file, offset) {
        var lines = this.lineMap(file);
        if (!lines)
            throw new LadderError("no file '" + file + "' in the session", "usage");
        return lines.lineColumn(offset);
    }

    /* file (a path of r.files, or its index) as an index. */
    fileIndex(file) {
        var i = typeof file === "number" ? file : this.files.indexOf(file);
        if (!(Number.isInteger(i) && i >= 0 && i < this.files.length))
            throw new LadderError("no file '" + file + "' in the session", "usage");
        return i;
    }

    /* The name under line:column of file (a definition or a use) and its
     * hover, as Markdown: {markdown, kind, name, line, column, endLine,
     * endColumn, from, to}, or null when no name is there. Needs index. */
    hover(file, line, column) {
        var u = this.live(), m = this.ladder.m, mem = this.ladder.mem, i = this.fileIndex(file);
        var st = m._ldw_hover(u, i, line | 0, column | 0);
        var rec = m._ldw_record(u);
        if (st === 1 && mem.i32(rec, 1) === 0)
            return null;    /* no name there */
        var markdown = st === 1 ? "" : this.produce(st);
        var h = {
            markdown: markdown,
            kind: mem.cstring(m._ldw_kind_name(mem.i32(rec, 0))),
            name: mem.str(rec, 1),
        };
        return this.readSpan(h, rec, this.files[i]);
    }

    /* What may be written at line:column of file: [{label, kind, keyword,
     * detail}] (kind "role", "track", ..., or "keyword"). */
    complete(file, line, column) {
        var u = this.live(), m = this.ladder.m, mem = this.ladder.mem, i = this.fileIndex(file);
        var n = m._ldw_complete(u, i, line | 0, column | 0), out = [];
        if (n < 0)
            this.produce(-1 - n);
        for (var k = 0; k < n; k++) {
            m._ldw_completion(u, k);
            var rec = m._ldw_record(u), keyword = mem.i32(rec, 1) !== 0;
            out.push({
                label: mem.str(rec, 0),
                kind: keyword ? "keyword" : mem.cstring(m._ldw_kind_name(mem.i32(rec, 0))),
                detail: mem.str(rec, 1),
            });
        }
        return out;
    }

    /* file's definitions, in order: [{name, id, kind, rung, parent, detail,
     * line, column, endLine, endColumn, nameLine, nameColumn, nameEndLine,
     * nameEndColumn, from, to, nameFrom, nameTo}] (parent: the index of the
     * symbol holding it, or -1). */
    outline(file) {
        var u = this.live(), m = this.ladder.m, mem = this.ladder.mem, i = this.fileIndex(file);
        var n = m._ldw_outline(u, i), out = [], path = this.files[i];
        if (n < 0)
            this.produce(-1 - n);
        for (var k = 0; k < n; k++) {
            m._ldw_symbol(u, k);
            var rec = m._ldw_record(u), v = function (j) { return mem.i32(rec, j); };
            var y = {
                name: mem.str(rec, 0), id: mem.str(rec, 1), kind: mem.cstring(m._ldw_kind_name(v(0))),
                rung: v(1), parent: v(2), detail: mem.str(rec, 2),
                line: v(3), column: v(4), endLine: v(5), endColumn: v(6),
                nameLine: v(7), nameColumn: v(8), nameEndLine: v(9), nameEndColumn: v(10),
            };
            y.from = this.position(path, y.line, y.column);
            y.to = this.position(path, y.endLine, y.endColumn);
            y.nameFrom = this.position(path, y.nameLine, y.nameColumn);
            y.nameTo = this.position(path, y.nameEndLine, y.nameEndColumn);
            out.push(y);
        }
        return out;
    }

    /* The span at ints 1 to 4 of a record (line, column, end line, end
     * column, as the glue writes them: ldw_record_span) put into obj, with
     * its UTF-16 offsets in file's text. */
    readSpan(obj, rec, file) {
        var mem = this.ladder.mem;
        obj.line = mem.i32(rec, 1);
        obj.column = mem.i32(rec, 2);
        obj.endLine = mem.i32(rec, 3);
        obj.endColumn = mem.i32(rec, 4);
        obj.from = this.position(file, obj.line, obj.column);
        obj.to = this.position(file, obj.endLine, obj.endColumn);
        return obj;
    }

    /* The record (ldw_record) as a diagnostic or a note. */
    readRecord(note) {
        var mem = this.ladder.mem, rec = this.ladder.m._ldw_record(this.unit);
        var d = {
            severity: ["error", "warning", "note"][mem.i32(rec, 0)],
            code: mem.str(rec, 0),
            message: mem.str(rec, 1),
            file: mem.str(rec, 2),
        };
        this.readSpan(d, rec, d.file);
        if (note)
            d.code = null;      /* (severity "note") */
        return d;
    }

    readDiagnostics() {
        var m = this.ladder.m, mem = this.ladder.mem, u = this.unit, out = [];
        for (var i = 0, n = m._ldw_diagnostic_count(u); i < n; i++) {
            m._ldw_diagnostic(u, i, -1);
            var d = this.readRecord(false), nnotes = mem.i32(m._ldw_record(u), 5);
            d.notes = [];
            for (var k = 0; k < nnotes; k++) {
                m._ldw_diagnostic(u, i, k);
                d.notes.push(this.readRecord(true));
            }
            d.fix = null;
            if (m._ldw_fix(u, i) === 0) {
                var rec = m._ldw_record(u);
                var f = {file: this.files[mem.i32(rec, 0)]};
                this.readSpan(f, rec, f.file);
                f.text = mem.str(rec, 3);
                d.fix = f;
            }
            out.push(d);
        }
        return out;
    }

    /* The diagnostics as the library prints them: "text" (every file's,
     * without the command line's "N errors generated." line), "json" (the
     * array `ladderc check --diagnostics=json FILE` prints) or "github". */
    diagnosticsText(format, opts) {
        var f = {text: 0, json: 1, github: 2}[format === undefined ? "text" : format];
        if (f === undefined)
            throw new LadderError("unknown diagnostics format '" + format + "': use text, json or github", "usage");
        return this.produce(this.ladder.m._ldw_diagnostics_text(this.live(), f), opts);
    }

    /* File i's diagnostics, with its counts: what the command line prints
     * for each file it shows once. opts.format "text" or "json" (the file's
     * objects, each after "\n  ", no brackets). */
    fileDiagnostics(i, opts) {
        var u = this.live(), m = this.ladder.m;
        i = this.fileIndex(i);
        var f = {text: 0, json: 1}[(opts && opts.format) || "text"];
        if (f === undefined)
            throw new LadderError("unknown diagnostics format '" + opts.format + "': use text or json", "usage");
        var text = this.produce(m._ldw_file_diagnostics_text(u, i, f), opts);
        var rec = m._ldw_record(u);
        return {text: text, errors: this.ladder.mem.i32(rec, 0), warnings: this.ladder.mem.i32(rec, 1)};
    }

    emit(format, opts) {
        var u = this.live(), m = this.ladder.m;
        var name = ldw_name(format, "the format");
        return this.produce(this.ladder.mem.with([name], function (f) { return m._ldw_emit(u, f); }), opts);
    }

    finishSvg(svg, opts) {
        var u = this.live(), m = this.ladder.m, b = ldw_bytes(svg, "the SVG");
        return this.produce(this.ladder.mem.with([b], function (p) { return m._ldw_finish_svg(u, p, b.length); }), opts);
    }

    html(svg, opts) {
        var u = this.live(), m = this.ladder.m, b = svg == null ? new Uint8Array(0) : ldw_bytes(svg, "the SVG");
        return this.produce(this.ladder.mem.with([b], function (p) { return m._ldw_html(u, p, b.length); }), opts);
    }

    /* The fastest routes (ladderc path): opts.max (1 to 1000, default 10),
     * opts.format "text" or "md". */
    path(from, to, opts) {
        opts = opts || {};
        var u = this.live(), m = this.ladder.m;
        var max = opts.max === undefined ? 10 : opts.max;
        if (!Number.isInteger(max) || max < 1 || max > 1000)
            throw new LadderError("max needs a number from 1 to 1000, not '" + max + "'", "usage");
        var args = [ldw_name(from, "from"), ldw_name(to, "to"), ldw_name(opts.format || "text", "the format")];
        return this.produce(this.ladder.mem.with(args, function (f, t, fmt) { return m._ldw_path(u, f, t, max, fmt); }), opts);
    }

    /* What it takes from one role to another (ladderc gap): opts.route,
     * opts.format "text", "md" or "json". */
    gap(from, to, opts) {
        opts = opts || {};
        var u = this.live(), m = this.ladder.m, route = opts.route ? 1 : 0;
        var args = [ldw_name(from, "from"), ldw_name(to, "to"), ldw_name(opts.format || "text", "the format")];
        return this.produce(this.ladder.mem.with(args, function (f, t, fmt) { return m._ldw_gap(u, f, t, route, fmt); }), opts);
    }

    /* A kind's name ("role", ...) as the library's number; LadderError for another. */
    kindNumber(kind) {
        var k = this.ladder.kinds.indexOf(kind);
        if (typeof kind !== "string" || k < 0)
            throw new LadderError("unknown kind '" + kind + "': use " + this.ladder.kinds.slice(0, -1).join(", ") +
                                  " or " + this.ladder.kinds[this.ladder.kinds.length - 1], "usage");
        return k;
    }

    /* The kinds that have a name written as name, as bits (ld_name_kinds). */
    kindBits(name) {
        var u = this.live(), m = this.ladder.m;
        return this.ladder.mem.with([ldw_name(name, "the name")], function (p) { return m._ldw_name_kinds(u, p); }) >>> 0;
    }

    /* The kinds that have name, in the library's order: ["role", "track"]
     * ([] for none, or without index). */
    nameKinds(name) {
        var bits = this.kindBits(name), kinds = this.ladder.kinds;
        return kinds.filter(function (k, i) { return (bits & (1 << i)) !== 0; });
    }

    /* The name closest to name ("did you mean"), of kind (a kind's name, or
     * an array of them; default every kind), or null. */
    suggestName(name, kind) {
        var u = this.live(), m = this.ladder.m, self = this, bits = 0;
        var kinds = kind === undefined || kind === null ? this.ladder.kinds : [].concat(kind);
        kinds.forEach(function (k) { bits |= 1 << self.kindNumber(k); });
        var p = this.ladder.mem.with([ldw_name(name, "the name")], function (q) { return m._ldw_name_suggest(u, q, bits >>> 0); });
        return this.ladder.mem.cstring(p);
    }

    /* Every place kind's name is written (ladderc refs): definitions first,
     * each group in file and position order: [{kind, definition, name,
     * file, line, column, endLine, endColumn, from, to}]; [] when it is
     * nowhere. kind null or undefined: every kind that has the name, one
     * after the other. Needs index. */
    refs(kind, name) {
        var u = this.live(), m = this.ladder.m, mem = this.ladder.mem, self = this, out = [];
        var nameBytes = ldw_name(name, "the name");
        var numbers = [];
        if (kind === undefined || kind === null) {
            var bits = this.kindBits(name);
            for (var k = 0; k < this.ladder.kinds.length; k++)
                if (bits & (1 << k))
                    numbers.push(k);
            if (!numbers.length)
                numbers.push(0);    /* nowhere ([]), or the library's reason (no index) */
        } else {
            numbers.push(this.kindNumber(kind));
        }
        numbers.forEach(function (kn) {
            var n = mem.with([nameBytes], function (p) { return m._ldw_refs(u, kn, p); });
            if (n < 0)
                self.produce(-1 - n);
            for (var i = 0; i < n; i++) {
                m._ldw_place(u, i);
                var rec = m._ldw_record(u), v = function (j) { return mem.i32(rec, j); };
                var pl = {
                    kind: self.ladder.kinds[v(0)], definition: v(1) !== 0, name: mem.str(rec, 0),
                    file: self.files[v(2)], line: v(3), column: v(4), endLine: v(5), endColumn: v(6),
                };
                pl.from = self.position(pl.file, pl.line, pl.column);
                pl.to = self.position(pl.file, pl.endLine, pl.endColumn);
                out.push(pl);
            }
        });
        return out;
    }

    /* Renames kind's oldName to newName at its definition and every use
     * (ladderc rename; nothing is written): the changed files, in the
     * session's order, [{file, text, diff}] (the file's new text, the
     * change as a unified diff; Uint8Arrays with opts.bytes). kind null or
     * undefined: the one kind that has oldName. LadderError (ld_message)
     * when refused: a clash, an invalid or unchanged new name, a level,
     * syntax errors, a shipped ladder. Needs index. */
    rename(kind, oldName, newName, opts) {
        var u = this.live(), m = this.ladder.m, mem = this.ladder.mem, self = this;
        var args = [ldw_name(oldName, "the old name"), ldw_name(newName, "the new name")];
        var kn;
        if (kind === undefined || kind === null) {
            var kinds = this.nameKinds(oldName);
            if (kinds.length > 1)
                throw new LadderError("'" + oldName + "' names more than one thing (" + kinds.join(", ") +
                                      "): give its kind", "usage");
            if (!kinds.length) {
                this.refs("role", oldName);     /* the library's reason when there is no index */
                var close = this.suggestName(oldName);
                throw new LadderError("no " + this.ladder.kinds.slice(0, -1).join(", ") + " or " +
                                      this.ladder.kinds[this.ladder.kinds.length - 1] + " is named '" + oldName + "'" +
                                      (close ? "; did you mean '" + close + "'?" : ""), "usage");
            }
            kn = this.kindNumber(kinds[0]);
        } else {
            kn = this.kindNumber(kind);
        }
        var n = mem.with(args, function (o, w) { return m._ldw_rename(u, kn, o, w); }), out = [];
        if (n < 0)
            this.produce(-1 - n);
        var bytes = opts && opts.bytes;
        for (var i = 0; i < n; i++) {
            m._ldw_change(u, i);
            var rec = m._ldw_record(u);
            var text = mem.bytesAt(mem.u32(rec, 12), mem.i32(rec, 1)), diff = mem.bytesAt(mem.u32(rec, 13), mem.i32(rec, 2));
            out.push({
                file: this.files[mem.i32(rec, 0)],
                text: bytes ? text : ldw_decoder.decode(text),
                diff: bytes ? diff : ldw_decoder.decode(diff),
            });
        }
        return out;
    }

    /* A radar chart of 1 to 8 roles (ids, or names one role has), as DOT
     * (ladderc chart -T dot; opts.format "dot", the only one). */
    chart(roles, opts) {
        if (!Array.isArray(roles))
            throw new TypeError("roles must be an array of role ids or names");
        var u = this.live(), m = this.ladder.m, parts = [], total = 0;
        for (var i = 0; i < roles.length; i++) {
            var b = ldw_name(roles[i], "a role");
            parts.push(b);
            total += b.length + 1;
        }
        var joined = new Uint8Array(total), at = 0;
        for (var k = 0; k < parts.length; k++) {
            joined.set(parts[k], at);
            at += parts[k].length + 1;
        }
        var format = ldw_name((opts && opts.format) || "dot", "the format");
        return this.produce(this.ladder.mem.with([joined, format], function (r, f) {
            return m._ldw_chart(u, r, parts.length, f);
        }), opts);
    }

    /* Gives the session back; a second call does nothing. */
    free() {
        if (!this.unit)
            return;
        this.ladder.m._ldw_close(this.unit);
        this.unit = 0;
        this.texts = null;
        this.lines = null;
    }
}

var ldw_layouts = {file: 0, relative: 1, exact: 2};
var ldw_themes = {light: 0, dark: 1};

/* The loaded module (LadderWasm.load()). */
class Ladder {
    constructor(m) {
        this.m = m;
        this.mem = new LadderMemory(m);
        this.version = this.mem.cstring(m._ldw_version());
        this.loading = null;        /* the compile whose ld_check is asking for files */
        /* the kinds of names (ld_name_kind), by number: "role", "track", ... */
        this.kinds = [];
        for (var k = 0, name; (name = this.mem.cstring(m._ldw_kind_name(k))) !== null; k++)
            this.kinds.push(name);
        /* the shipped ladders, as import "std/NAME" reads them */
        this.std = {};
        for (var i = 0, n = m._ldw_std_files(); i < n; i++)
            this.std[this.mem.cstring(m._ldw_std_path(i))] = this.mem.bytesAt(m._ldw_std_text(i), m._ldw_std_len(i));
        var self = this;
        m.ldwLoad = function (pathPtr, lenPtr) { return self.load(pathPtr, lenPtr); };
    }

    /* The loader's JavaScript half (ldw_js_load in ladder_wasm.c): the
     * caller's bytes of path, in a block the session lends and frees. A
     * file function that throws stops the compile: its error is thrown
     * again once the library is back (never through C's frames). */
    load(pathPtr, lenPtr) {
        var c = this.loading;
        if (!c || c.error)
            return 0;
        var path = this.mem.cstring(pathPtr), value = null;
        try {
            if (typeof c.files === "function")
                value = c.files(path);
            else if (c.files instanceof Map)
                value = c.files.has(path) ? c.files.get(path) : null;
            else if (Object.prototype.hasOwnProperty.call(c.files, path))
                value = c.files[path];
            if (value === null || value === undefined)
                return 0;
            var bytes = ldw_bytes(value, "the text of '" + path + "'");
            var p = this.mem.put(bytes);
        } catch (e) {
            c.error = e;
            return 0;
        }
        c.texts.set(path, bytes);
        this.m.HEAPU32[lenPtr >> 2] = bytes.length;
        return p;
    }

    /* Opens a unit with opts' settings. */
    open(opts) {
        var m = this.m, mem = this.mem;
        var layout = ldw_layouts[opts.layout === undefined ? "file" : opts.layout];
        if (layout === undefined)
            throw new LadderError("unknown layout '" + opts.layout + "': use file, relative or exact", "usage");
        var theme = ldw_themes[opts.theme === undefined ? "light" : opts.theme];
        if (theme === undefined)
            throw new LadderError("unknown theme '" + opts.theme + "': use light or dark", "usage");
        var disabled = opts.disabled === undefined ? [] : opts.disabled;
        if (!Array.isArray(disabled))
            throw new TypeError("disabled must be an array of warning codes or names");
        var max = opts.maxDiagnostics === undefined ? 0 : opts.maxDiagnostics;
        if (!Number.isInteger(max) || max < 0 || max > 0xffffffff)
            throw new LadderError("maxDiagnostics needs a number (0 shows all), not '" + max + "'", "usage");
        var parts = [], total = 0;
        for (var i = 0; i < disabled.length; i++) {
            var b = ldw_name(disabled[i], "a disabled warning");
            var known = mem.with([b], function (p) { return m._ldw_is_warning(p); });
            if (!known)
                throw new LadderError("unknown warning '" + disabled[i] + "': see docs/language.md for the warning codes", "usage");
            parts.push(b);
            total += b.length + 1;
        }
        var joined = new Uint8Array(total), at = 0;
        for (var k = 0; k < parts.length; k++) {
            joined.set(parts[k], at);
            at += parts[k].length + 1;
        }
        /* the session keeps maxDiagnostics a file (0: all), so that the text
         * says how many more there are; keep_all (the command line's for
         * JSON) is the default, maxDiagnostics 0 */
        return mem.with([joined], function (d) {
            return m._ldw_open(layout, theme, opts.werror ? 1 : 0, d, parts.length, max, 0, opts.index ? 1 : 0);
        });
    }

    /* Checks a ladder: opts.root (or opts.roots) read through opts.files,
     * an object or Map from path to text (string or Uint8Array), or a
     * function path -> text (null: no such file). */
    compile(opts) {
        if (!opts || typeof opts !== "object")
            throw new TypeError("compile needs {root, files}");
        var roots = opts.roots !== undefined ? opts.roots : [opts.root];
        if (!Array.isArray(roots) || roots.length === 0)
            throw new TypeError("compile needs a root (or roots: [...])");
        var rootBytes = roots.map(function (r) { return ldw_name(r, "a root"); });
        var files = opts.files === undefined ? {} : opts.files;
        if (files === null || (typeof files !== "object" && typeof files !== "function"))
            throw new TypeError("files must be an object, a Map or a function path -> text");
        var unit = this.open(opts);
        if (!unit)
            throw new LadderError("out of memory", "nomem");
        var m = this.m, c = {files: files, texts: new Map(), error: null}, status, self = this;
        try {
            /* the roots' names live until ld_check has asked for the first */
            status = this.mem.with(rootBytes, function () {
                for (var i = 0; i < arguments.length; i++)
                    if (m._ldw_add_file(unit, arguments[i]) !== 0)
                        return 3;
                /* (a files function may compile too: the outer compile's loader comes back) */
                var outer = self.loading;
                self.loading = c;
                try {
                    return m._ldw_check(unit);
                } finally {
                    self.loading = outer;
                }
            });
        } catch (e) {
            m._ldw_close(unit);
            throw e;
        }
        if (c.error || status === 3) {
            m._ldw_close(unit);
            throw c.error || new LadderError("out of memory", "nomem");
        }
        for (var s in this.std)
            if (!c.texts.has(s))
                c.texts.set(s, this.std[s]);
        var r = new LadderResult(this, unit, status, c.texts);
        r.source = {roots: roots, opts: opts};      /* what ladder.diff(r, r) compiles again */
        return r;
    }

    /* ladderc fmt's bytes of one file: a string, or (opts.bytes) a
     * Uint8Array. LadderError (status "input") when it has syntax errors,
     * with diagnostics (data) and diagnosticsText (the library's text). */
    format(text, name, opts) {
        var bytes = ldw_bytes(text, "the text");
        var nameBytes = ldw_name(name === undefined ? "main.ladder" : name, "the name");
        var unit = this.open({}), m = this.m, mem = this.mem;
        if (!unit)
            throw new LadderError("out of memory", "nomem");
        var r = new LadderResult(this, unit, 0, new Map());
        try {
            var st = mem.with([nameBytes, bytes], function (n, t) { return m._ldw_add_text(unit, n, t, bytes.length); });
            if (st === 0)
                st = m._ldw_parse(unit);
            if (st === 1) {
                var label = name === undefined ? "main.ladder" : String(name);
                r.texts.set(label, bytes);
                var diags = new LadderResult(this, unit, 1, r.texts);
                throw new LadderError("'" + label + "' has syntax errors; not formatted", "input", {
                    diagnostics: diags.diagnostics,
                    diagnosticsText: diags.diagnosticsText("text", opts),
                });
            }
            if (st !== 0)
                throw new LadderError(st === 3 ? "out of memory" : mem.cstring(m._ldw_message(unit)), ldw_statuses[st]);
            return r.produce(m._ldw_format(unit, 0), opts);
        } finally {
            r.free();
        }
    }

    /* What changed from the ladder of oldResult to the ladder of newResult
     * (ladderc diff OLD NEW), by meaning: {text, changes} (the number of
     * changes; text a Uint8Array with opts.bytes), opts.format "text",
     * "md" or "json". Both must be checked without errors, and two
     * results (LadderError with ld_message otherwise). */
    diff(oldResult, newResult, opts) {
        if (!(oldResult instanceof LadderResult) || !(newResult instanceof LadderResult))
            throw new TypeError("diff needs two results of ladder.compile");
        if (oldResult.ladder !== this || newResult.ladder !== this)
            throw new LadderError("diff needs two results of this module", "usage");
        var ou = oldResult.live(), nu = newResult.live(), m = this.m, mem = this.mem;
        var format = ldw_name((opts && opts.format) || "text", "the format");
        if (oldResult === newResult && oldResult.source) {
            /* the library compares two sessions: the same bytes, the same
             * options, compiled again (a ladder against itself: no change) */
            var src = oldResult.source, copy = this.compile(Object.assign({}, src.opts, {
                root: undefined, roots: src.roots, files: oldResult.texts, index: false}));
            try {
                return this.diff(oldResult, copy, opts);
            } finally {
                copy.free();
            }
        }
        var st = mem.with([format], function (f) { return m._ldw_diff(ou, nu, f); });
        if (st !== 0) {
            var msg = mem.cstring(m._ldw_message(nu)) || mem.cstring(m._ldw_message(ou));
            throw new LadderError(st === 3 ? "out of memory" : msg || "the versions cannot be compared", ldw_statuses[st] || "usage");
        }
        return {text: newResult.text(opts && opts.bytes), changes: mem.i32(m._ldw_record(nu), 0)};
    }

    /* The language reference's section on a diagnostic code ("E130"), or null. */
    explain(code) {
        var m = this.m, p = this.mem.with([ldw_name(code, "the code")], function (q) { return m._ldw_explain(q); });
        return p ? this.mem.cstring(p) : null;
    }

    /* malloc's bytes in use, and the module's memory: what a leak test
     * watches (both flat over any number of compiles freed). */
    heapInUse() {
        return this.m._ldw_heap_in_use();
    }
    memoryBytes() {
        return this.m.HEAPU8.length;
    }
}

var ldw_loaded = null;

return {
    /* The module, instantiated once (later calls get the same one). */
    load: function () {
        if (!ldw_loaded)
            ldw_loaded = LadderWasmModule().then(function (m) { return new Ladder(m); });
        return ldw_loaded;
    },
    LadderError: LadderError,
};
})();
if (typeof module === "object" && module.exports)
    module.exports = LadderWasm;
