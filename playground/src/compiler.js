// compiler.js - the compiler (build/wasm/ladder.js, the global LadderWasm)
// as the page uses it: one check per change of the text, keeping at most
// three sessions alive: the latest (diagnostics, hover, completion), the
// last one that compiled (the next map), and the one whose map, tables and
// roles are on the page (pinned: the explorer asks it for routes until the
// next map replaces it). Every other session is freed as soon as it is
// replaced.

export async function loadCompiler() {
    if (typeof LadderWasm === "undefined") throw new Error("ladder.js did not load (LadderWasm is missing)");
    return new Compiler(await LadderWasm.load());
}

export class Compiler {
    constructor(ladder) {
        this.ladder = ladder;
        this.latest = null;     // the last compile's result
        this.good = null;       // the last result with r.ok
        this.pinned = null;     // the result the page shows
    }

    pin(r) {
        const old = this.pinned;
        this.pinned = r;
        this.release(old);
    }

    release(r) {
        if (r && r !== this.latest && r !== this.good && r !== this.pinned) r.free();
    }

    get version() {
        return this.ladder.version;
    }

    // Checks the ladder whose root is `root` among `files` ({name: text});
    // theme: the map's colours, "light" or "dark".
    check(files, root, theme) {
        // index: the names' index, for hover and completion
        const r = this.ladder.compile({ root, files, theme, index: true });
        const before = this.latest, goodBefore = this.good;
        this.latest = r;
        if (r.ok) this.good = r;
        this.release(before);
        if (goodBefore !== before) this.release(goodBefore);
        return r;
    }

    format(text, name) {
        return this.ladder.format(text, name);
    }
}

// The files the ladder starts from: the files no other file imports (by
// their import lines); the active one when it is among them, else the
// first. A file imported by another is checked through its importer, as
// `ladderc build` on the importer would.
export function pickRoot(files, active) {
    const names = Object.keys(files);
    const imported = new Set();
    for (const text of Object.values(files)) {
        for (const m of text.matchAll(/^[ \t]*import[ \t]+"([^"\n]+)"/gm)) imported.add(normalise(m[1]));
    }
    const tops = names.filter((n) => !imported.has(n));
    if (tops.includes(active)) return active;
    return tops[0] || active || names[0];
}

function normalise(path) {
    return path.replace(/^\.\//, "");
}

// The message of anything thrown (a LadderError carries ld_message).
export function messageOf(e) {
    return e && e.message ? e.message : String(e);
}
