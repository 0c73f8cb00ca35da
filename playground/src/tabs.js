// tabs.js - the files of the playground and their tab bar: add, rename,
// remove, switch (click, or the arrow keys on the tab list as the ARIA
// tabs pattern has it). Names are checked here, so that an import can name
// them: letters, digits, '_', '-', '.', '/', ending in .ladder, no '..'
// segment, not under std/ (the shipped ladders' folder).
import { el } from "./dom.js";

// Why a file cannot be named so, or "": import "std/..." reads the ladders
// shipped with ladderc (bundled in ladder.js), never a file of the page, as
// the command line reads share/ladderc/std/, never the working folder; and
// "./std/..." (how the command line reaches a folder of one's own named
// std) is no name here. So a tab under std/ could never be imported: the
// tab bar refuses the name, and a shared address that holds one is refused
// too (main.js).
export function stdProblem(name) {
    return name.startsWith("std/")
        ? 'std/ is the folder of the ladders shipped with ladderc: import "std/..." reads those, never a file of yours'
        : "";
}

export function nameProblem(name, taken) {
    if (stdProblem(name)) return stdProblem(name);
    if (!/^[A-Za-z0-9_.\-/]+\.ladder$/.test(name)) return "a name is letters, digits, _ - . / and ends in .ladder";
    if (name.split("/").some((seg) => seg === "" || seg === "." || seg === "..")) return "no empty, '.' or '..' folder";
    if (name.length > 200) return "at most 200 characters";
    if (taken.includes(name)) return "a file of that name is open already";
    return "";
}

export class TabBar {
    // onSelect(name) when the user picks a tab
    constructor(list, onSelect) {
        this.list = list;
        this.onSelect = onSelect;
        this.names = [];
        this.active = null;
        this.counts = new Map();    // name -> errors in it, shown on its tab
        list.addEventListener("keydown", (e) => this.key(e));
    }

    set(names, active) {
        this.names = names.slice();
        this.active = active;
        this.draw();
    }

    mark(counts) {
        this.counts = counts;
        this.draw();
    }

    draw() {
        const focused = this.list.contains(document.activeElement);
        this.list.replaceChildren(...this.names.map((name) => {
            const n = this.counts.get(name) || 0;
            const selected = name === this.active;
            return el("button", {
                type: "button", role: "tab", class: n ? "tab has-errors" : "tab",
                "aria-selected": selected ? "true" : "false", tabindex: selected ? "0" : "-1",
                "aria-controls": "pg-editor", "data-name": name,
                onclick: () => this.onSelect(name),
            }, name, n ? el("span", { class: "badge", "aria-label": n + (n === 1 ? " error" : " errors") }, String(n)) : null);
        }));
        if (focused) this.focusActive();
    }

    focusActive() {
        const tab = this.list.querySelector('[aria-selected="true"]');
        if (tab) tab.focus();
    }

    key(e) {
        const i = this.names.indexOf(this.active);
        let j = -1;
        if (e.key === "ArrowRight") j = (i + 1) % this.names.length;
        else if (e.key === "ArrowLeft") j = (i - 1 + this.names.length) % this.names.length;
        else if (e.key === "Home") j = 0;
        else if (e.key === "End") j = this.names.length - 1;
        if (j < 0) return;
        e.preventDefault();
        this.onSelect(this.names[j]);
        this.focusActive();
    }
}
