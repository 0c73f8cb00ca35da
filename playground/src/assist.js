// assist.js - what the compiler tells the editor besides its diagnostics:
// hover (a role's, track's or competency's summary, r.hover) and completion
// (the names and keywords that fit where the cursor is, r.complete), both
// asked of the session of the text as it is now (session(file) checks it
// first when a change is waiting). The hover's Markdown is rendered by
// markdown-it with html: false, as the tables are.
import { hoverTooltip } from "@codemirror/view";
import { autocompletion } from "@codemirror/autocomplete";
import { el } from "./dom.js";

// the completion kinds as CodeMirror's icons name them
const KINDS = { role: "variable", track: "type", box: "namespace", company: "class", competency: "property",
    keyword: "keyword", level: "constant", file: "text" };

// session(): {r, file} for the shown file, or null
export function assists(session, renderMarkdown) {
    return [
        hoverTooltip((view, pos) => hover(session(), pos, renderMarkdown), { hoverTime: 300 }),
        autocompletion({ override: [(context) => complete(session(), context)], icons: false }),
    ];
}

function where(s, pos) {
    try {
        return s.r.lineColumn(s.file, pos);
    } catch {
        return null;
    }
}

function hover(s, pos, renderMarkdown) {
    const at = s && where(s, pos);
    if (!at) return null;
    let h = null;
    try {
        h = s.r.hover(s.file, at.line, at.column);
    } catch {
        return null;
    }
    if (!h || !h.markdown) return null;
    return {
        pos: h.from ?? pos, end: h.to ?? pos, above: true,
        create() {
            const dom = el("div", { class: "ladder-hover" });
            dom.innerHTML = renderMarkdown(h.markdown);    // markdown-it, html: false
            return { dom };
        },
    };
}

function complete(s, context) {
    const word = context.matchBefore(/[A-Za-z0-9_.\-/]*/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    const at = s && where(s, context.pos);
    if (!at) return null;
    let items = [];
    try {
        items = s.r.complete(s.file, at.line, at.column) || [];
    } catch {
        return null;
    }
    if (!items.length) return null;
    return {
        from: word.from,
        options: items.map((c) => ({ label: c.label, type: KINDS[c.kind] || "text", detail: c.detail || undefined })),
        validFor: /^[A-Za-z0-9_.\-/]*$/,
    };
}
