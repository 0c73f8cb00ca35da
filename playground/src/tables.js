// tables.js - the ladder's Markdown (r.emit("md"): the tables of roles,
// moves and companies) rendered with markdown-it. html: false, so any markup
// a ladder's text carries is written as text; the only HTML in the result
// is markdown-it's own. A column's alignment becomes a class instead of
// markdown-it's style attribute, which the page's CSP (no inline style)
// would refuse.
import MarkdownIt from "markdown-it";

export function makeRenderer() {
    const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
    md.core.ruler.push("align_as_class", (state) => {
        for (const token of state.tokens) {
            const style = token.attrGet && token.attrGet("style");
            if (!style) continue;
            const m = /^text-align:(left|right|center)$/.exec(style);
            token.attrs = token.attrs.filter(([k]) => k !== "style");
            if (m) token.attrJoin("class", "align-" + m[1]);
        }
    });
    return (text) => md.render(text);
}

// Puts the rendered Markdown into box (markdown-it's output, html: false).
export function showTables(box, html) {
    box.innerHTML = html;
}
