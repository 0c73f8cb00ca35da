// main.js - the playground page: files in tabs, checked by the compiler
// (ladder.js) on every change, their problems under the editor and as
// squiggles, and, when the ladder compiles, its map, tables and the route
// and gap explorer. A keystroke costs one check (a few ms on the skills
// map); the map is redrawn once typing pauses (DRAW_WAIT), from the last
// ladder that compiled, so an error on the way keeps the last good map.
//
// Timings go to the page's performance timeline, where the tests read
// them: "ladderc-check" (a check and its diagnostics shown), "ladderc-draw"
// (Graphviz, finishSvg, tables, explorer), the marks "ladderc-interactive"
// (the editor is up and its text checked: the page answers keystrokes) and
// "ladderc-ready" (the first map is on the page). Graphviz (800 KB of
// WebAssembly) loads beside the compiler and the editor, never before them.
import examples from "ladder:examples";
import { encodeShare, decodeShare, SHARE_LIMITS } from "./share.js";
import { byId, el, debounce } from "./dom.js";
import { loadCompiler, pickRoot, messageOf } from "./compiler.js";
import { Editor } from "./editor.js";
import { TabBar, nameProblem, stdProblem } from "./tabs.js";
import { showDiagnostics } from "./diagnostics.js";
import { loadGraphviz, drawMap, showSvg } from "./map.js";
import { makeRenderer, showTables } from "./tables.js";
import { Explorer } from "./explorer.js";
import { assists } from "./assist.js";

const DRAW_WAIT = 150;      // ms without a change before the map is redrawn

class Playground {
    constructor(compiler, graphviz) {
        this.compiler = compiler;
        this.graphviz = null;       // until its WebAssembly is ready
        graphviz.then((g) => {
            this.graphviz = g;
            this.draw();
        }, (e) => this.status("Graphviz could not start: " + messageOf(e)));
        this.files = {};            // name -> text, in tab order
        this.active = null;
        this.drawn = null;          // the session whose map is on the page
        this.ready = false;
        this.renderMarkdown = makeRenderer();
        this.dirty = false;         // a change not checked yet
        this.editor = new Editor(byId("pg-editor"), (name, text) => this.changed(name, text),
            assists(() => this.session(), this.renderMarkdown));
        this.tabs = new TabBar(byId("pg-tabs"), (name) => this.select(name));
        this.explorer = new Explorer(byId("pg-from"), byId("pg-to"), byId("pg-path"), byId("pg-gap"));
        // a keystroke is checked at once, unless checks are slow (a large
        // ladder): then a burst of keys waits for a pause of about two checks
        this.lastCheckMs = 0;
        this.checkSoon = debounce(() => this.check(), 0);
        // the map's colours follow the page's (ladderc build --theme dark)
        this.dark = window.matchMedia("(prefers-color-scheme: dark)");
        this.dark.addEventListener("change", () => {
            this.check();
            this.draw();
        });
        this.drawSoon = debounce(() => this.draw(), DRAW_WAIT);
        this.wireFiles();
        this.wireViews();
        this.wireExamples();
        byId("pg-share").addEventListener("click", () => this.share());
        window.addEventListener("hashchange", () => this.openFragment());
    }

    // ---- the files ----

    load(files, active) {
        this.files = { ...files };
        this.active = active in files ? active : Object.keys(files)[0];
        this.editor.load(this.files, this.active);
        this.tabs.set(Object.keys(this.files), this.active);
        this.check();
        this.draw();
    }

    changed(name, text) {
        this.files[name] = text;
        this.dirty = true;
        // how many changes the page has taken in: a script driving the page
        // (tests/tools/playground_checks.py) waits for its keys to arrive
        const host = byId("pg-editor");
        host.dataset.changes = String(Number(host.dataset.changes || 0) + 1);
        this.checkSoon.wait = this.lastCheckMs > 16 ? Math.min(300, 2 * this.lastCheckMs) : 0;
        this.checkSoon();
        this.busy(true);
    }

    // The map says when it is about to change (aria-busy), and when it
    // shows what the text gives (or, with errors, the last map that did).
    busy(on) {
        byId("pg-map").setAttribute("aria-busy", on ? "true" : "false");
    }

    // The session of the text as it is now, for hover and completion.
    session() {
        if (this.dirty) this.check();
        const r = this.compiler.latest;
        return r && this.active ? { r, file: this.active } : null;
    }

    select(name) {
        if (!(name in this.files) || name === this.active) return;
        this.active = name;
        this.editor.show(name);
        this.tabs.set(Object.keys(this.files), name);
        this.check();
    }

    wireFiles() {
        const form = byId("pg-name-form"), input = byId("pg-name"), problem = byId("pg-name-error");
        let mode = null;
        const ask = (m, value) => {
            mode = m;
            form.hidden = false;
            problem.textContent = "";
            input.value = value;
            input.focus();
            input.select();
        };
        const close = () => {
            form.hidden = true;
            mode = null;
            this.editor.view.focus();
        };
        byId("pg-add").addEventListener("click", () => ask("add", this.freeName()));
        byId("pg-rename").addEventListener("click", () => ask("rename", this.active));
        byId("pg-name-cancel").addEventListener("click", close);
        form.addEventListener("keydown", (e) => e.key === "Escape" && close());
        form.addEventListener("submit", (e) => {
            e.preventDefault();
            const name = input.value.trim();
            if (mode === "rename" && name === this.active) return close();
            const why = nameProblem(name, Object.keys(this.files));
            if (why) {
                problem.textContent = why;
                return;
            }
            if (mode === "add") this.addFile(name);
            else this.renameFile(this.active, name);
            close();
        });
        byId("pg-remove").addEventListener("click", () => this.removeFile(this.active));
        byId("pg-format").addEventListener("click", () => this.format());
    }

    // The shown file in the canonical layout (ladderc fmt's bytes).
    format() {
        try {
            this.editor.replace(this.compiler.format(this.files[this.active], this.active));
            this.status(`Formatted ${this.active} (Ctrl+Z undoes it).`);
        } catch (e) {
            this.status("Cannot format: " + messageOf(e));
        }
    }

    freeName() {
        for (let i = 1; ; i++) {
            const name = i === 1 ? "new.ladder" : `new${i}.ladder`;
            if (!(name in this.files)) return name;
        }
    }

    addFile(name) {
        this.files[name] = "";
        this.editor.add(name, "");
        this.active = null;
        this.select(name);
    }

    renameFile(from, to) {
        const files = {};
        for (const [name, text] of Object.entries(this.files)) files[name === from ? to : name] = text;
        this.files = files;
        this.editor.rename(from, to);
        if (this.active === from) this.active = to;
        this.tabs.set(Object.keys(files), this.active);
        this.check();
        this.status(`Renamed ${from} to ${to}; imports that name it keep the old name.`);
    }

    removeFile(name) {
        const names = Object.keys(this.files);
        if (names.length < 2) {
            this.status("The last file cannot be removed.");
            return;
        }
        const next = names[names.indexOf(name) + 1] || names[names.indexOf(name) - 1];
        delete this.files[name];
        this.editor.remove(name);
        this.active = null;
        this.select(next);
        this.status(`Removed ${name}.`);
    }

    // ---- checking and drawing ----

    check() {
        this.checkSoon.cancel();
        this.dirty = false;
        const t0 = performance.now();
        const root = pickRoot(this.files, this.active);
        let r;
        try {
            r = this.compiler.check(this.files, root, this.dark.matches ? "dark" : "light");
        } catch (e) {
            this.status("The compiler failed: " + messageOf(e));
            this.busy(false);
            return;
        }
        const mine = r.diagnostics.filter((d) => d.file === this.active);
        this.editor.setDiagnostics(mine);
        showDiagnostics(byId("pg-diagnostics"), r.diagnostics, (f) => f in this.files, (f, from) => this.jump(f, from));
        this.tabs.mark(errorCounts(r.diagnostics));
        const t1 = performance.now();
        performance.measure("ladderc-check", { start: t0, end: t1 });
        this.lastCheckMs = t1 - t0;
        byId("pg-stale").hidden = r.ok || !this.drawn;
        this.status(summary(r, root, t1 - t0));
        if (r.ok && r !== this.drawn) this.drawSoon();
        else this.busy(false);
    }

    draw() {
        this.drawSoon.cancel();
        const r = this.compiler.good;
        if (!r || r === this.drawn || !this.graphviz) return;
        const t0 = performance.now();
        try {
            showSvg(byId("pg-map"), drawMap(this.graphviz, r));
            showTables(byId("pg-tables"), this.renderMarkdown(r.emit("md")));
            this.explorer.update(r, JSON.parse(r.emit("json")).roles || []);
        } catch (e) {
            this.status("The map could not be drawn: " + messageOf(e));
            this.busy(false);
            // @hpcc-js/wasm-graphviz unloads its module after a failed
            // layout: a new one for the next map
            this.graphviz = null;
            loadGraphviz().then((g) => {
                this.graphviz = g;
            });
            return;
        }
        this.drawn = r;
        this.compiler.pin(r);
        // a later text that compiled is drawn next (busy until then); one
        // with errors leaves this map, said to be the last good one; a
        // change not checked yet may be either (its check decides)
        const latest = this.compiler.latest;
        if (!this.dirty && (latest === r || !latest.ok)) this.busy(false);
        byId("pg-stale").hidden = latest.ok;
        performance.measure("ladderc-draw", { start: t0, end: performance.now() });
        if (!this.ready) {
            this.ready = true;
            performance.mark("ladderc-ready");
        }
    }

    jump(file, from) {
        this.select(file);
        this.editor.jump(from);
    }

    status(text) {
        byId("pg-status").textContent = text;
    }

    // ---- views, examples, sharing ----

    wireViews() {
        const tabs = ["pg-view-map", "pg-view-tables", "pg-view-explorer"].map(byId);
        const pick = (tab) => {
            for (const t of tabs) {
                const on = t === tab;
                t.setAttribute("aria-selected", on ? "true" : "false");
                t.tabIndex = on ? 0 : -1;
                byId(t.getAttribute("aria-controls")).hidden = !on;
            }
        };
        const zoom = byId("pg-zoom");
        zoom.addEventListener("click", () => {
            const on = zoom.getAttribute("aria-pressed") !== "true";
            zoom.setAttribute("aria-pressed", on ? "true" : "false");
            byId("pg-map").classList.toggle("natural", on);
        });
        tabs.forEach((tab, i) => {
            tab.addEventListener("click", () => pick(tab));
            tab.addEventListener("keydown", (e) => {
                const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
                if (!step) return;
                const next = tabs[(i + step + tabs.length) % tabs.length];
                pick(next);
                next.focus();
            });
        });
    }

    wireExamples() {
        const menu = byId("pg-examples");
        menu.replaceChildren(...examples.map((ex, i) => el("option", { value: String(i) }, ex.title)));
        menu.addEventListener("change", () => {
            const ex = examples[Number(menu.value)];
            if (!ex) return;
            // the address no longer holds what the page shows
            if (location.hash) history.replaceState(null, "", location.pathname + location.search);
            this.load(ex.files, ex.active);
        });
    }

    async share() {
        let fragment;
        try {
            fragment = await encodeShare({ files: this.files, active: this.active });
        } catch (e) {
            this.status("Cannot share: " + messageOf(e));
            return;
        }
        history.replaceState(null, "", "#" + fragment);
        const long = fragment.length > SHARE_LIMITS.safeFragment
            ? ` It is ${fragment.length} characters long: some places cut or refuse links that long.` : "";
        this.status("The page's address now holds every file (nothing was uploaded): copy it to share." + long);
    }

    // A shared address not opened: why, as the status (the page keeps or
    // opens an example instead).
    refuseShare(why) {
        this.shareProblem = why;
        this.status(why);
        return false;
    }

    // Opens the files a shared address carries; false when it carries none
    // or cannot be read or opened (then this.shareProblem says why, as the
    // status).
    async openFragment() {
        const fragment = location.hash.slice(1);
        this.shareProblem = "";
        if (!fragment) return false;
        try {
            const { files, active } = await decodeShare(fragment);
            // a name the tab bar refuses (tabs.js): such a file could never be imported
            const std = Object.keys(files).find(stdProblem);
            if (std) return this.refuseShare(`The shared address was not opened: its file "${std}" cannot be a file here: ${stdProblem(std)}.`);
            this.load(files, active);
            byId("pg-examples").selectedIndex = -1;     // no example: the shared files
            return true;
        } catch (e) {
            return this.refuseShare("The shared address could not be read: " + messageOf(e));
        }
    }
}

function errorCounts(diagnostics) {
    const counts = new Map();
    for (const d of diagnostics) {
        if (d.severity === "error") counts.set(d.file, (counts.get(d.file) || 0) + 1);
    }
    return counts;
}

function summary(r, root, ms) {
    const errors = r.diagnostics.filter((d) => d.severity === "error").length;
    const warnings = r.diagnostics.length - errors;
    const counts = errors || warnings
        ? [errors && `${errors} error${errors > 1 ? "s" : ""}`, warnings && `${warnings} warning${warnings > 1 ? "s" : ""}`]
            .filter(Boolean).join(", ")
        : "no problems";
    return `${root}: ${counts} (checked in ${ms.toFixed(1)} ms)`;
}

async function main() {
    const status = byId("pg-status");
    try {
        const graphviz = loadGraphviz();
        const page = new Playground(await loadCompiler(), graphviz);
        if (!(await page.openFragment())) {
            page.load(examples[0].files, examples[0].active);
            if (page.shareProblem) page.status(page.shareProblem);
        }
        performance.mark("ladderc-interactive");
    } catch (e) {
        status.textContent = "The playground could not start: " + messageOf(e);
        throw e;
    }
}

main();
