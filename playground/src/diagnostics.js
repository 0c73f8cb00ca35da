// diagnostics.js - the list of problems under the editor: one item per
// diagnostic, "FILE:LINE:COL error: message [CODE]" with its notes; a
// diagnostic in one of the page's files is a button that opens the file and
// puts the cursor on it (onJump(file, from)); one in a shipped ladder
// (std/...) is plain text.
import { el } from "./dom.js";

function where(d) {
    return d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
}

function item(d, open, onJump, cls) {
    // the words `ladderc check` prints: FILE:LINE:COL: error: message [CODE]
    const text = [where(d) + ": ", el("span", { class: "sev sev-" + d.severity }, d.severity + ":"), " " + d.message,
        d.code ? el("span", { class: "code" }, " [" + d.code + "]") : null];
    if (!open(d.file)) return el("span", { class: cls }, text);
    return el("button", { type: "button", class: cls + " jump", onclick: () => onJump(d.file, d.from) }, text);
}

export function showDiagnostics(list, diagnostics, open, onJump) {
    const items = diagnostics.map((d) => el("li", { class: "diag diag-" + d.severity },
        item(d, open, onJump, "main"),
        (d.notes || []).length
            ? el("ul", { class: "notes" }, d.notes.map((n) => el("li", {}, item(n, open, onJump, "note"))))
            : null));
    if (!items.length) items.push(el("li", { class: "none" }, "No problems."));
    list.replaceChildren(...items);
}
