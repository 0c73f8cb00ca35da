// theme.js - the editor's colours, in the page's light or dark scheme.
//
// CodeMirror's base themes come in a light and a dark variant, picked by
// the EditorView.darkTheme facet, not by the browser's scheme: left alone,
// a dark page gets the light variant's selection (#d7d4f0), active line,
// gutter and tooltips under its light text. So the editor has
//   - editorTheme: every colour CodeMirror draws (text, caret, selection,
//     active line, gutters, tooltips, the completion's chosen item, the
//     lint marks and Fix button), as the page's CSS variables, which
//     playground.css sets for each scheme (its prefers-color-scheme: dark
//     rule; the editor's shadow root inherits them from the page);
//   - schemeExtension(dark): darkTheme for CodeMirror's own base rules
//     (those editorTheme leaves alone), in a Compartment that editor.js
//     switches when the scheme changes (matchMedia's change event).
// Both are constructed style sheets in the shadow root (style-mod), which
// the CSP's style-src 'self' allows. The selection and active-line colours
// are chosen so that every colour of lang.js's highlighting keeps 4.5:1 on
// them, the active line over the selection included (tests/tools/
// playground_checks.py measures it in both schemes); they stay within the
// backgrounds lang.js's colours are chosen for (light ones no darker than
// #d7d4f0, dark ones no lighter than #505050).
import { EditorView } from "@codemirror/view";

const MONO = 'ui-monospace, "DejaVu Sans Mono", Menlo, monospace';

export const editorTheme = EditorView.theme({
    "&": { color: "var(--fg)", backgroundColor: "var(--bg)", height: "100%" },
    "&.cm-focused": { outline: "2px solid var(--focus)", outlineOffset: "-2px" },
    ".cm-scroller": { fontFamily: MONO, fontSize: "13px" },
    ".cm-content": { caretColor: "var(--fg)" },
    ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--fg)" },
    // the selection: drawn by drawSelection() under the text (a layer),
    // paler when the editor has no focus; the browser's own selection is
    // hidden by drawSelection
    ".cm-selectionBackground": { background: "var(--cm-selection-blur)" },
    "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground": { background: "var(--cm-selection)" },
    // the active line is translucent: it is drawn over the selection
    ".cm-activeLine": { backgroundColor: "var(--cm-active-line)" },
    ".cm-gutters": { backgroundColor: "var(--panel)", color: "var(--muted)", borderRight: "1px solid var(--line)" },
    ".cm-activeLineGutter": { backgroundColor: "var(--cm-active-gutter)", color: "var(--fg)" },
    // tooltips: hover, completion, a diagnostic's message
    ".cm-tooltip": { backgroundColor: "var(--bg)", color: "var(--fg)", border: "1px solid var(--line)",
        borderRadius: "4px", boxShadow: "0 2px 8px rgb(0 0 0 / 25%)" },
    ".cm-tooltip .cm-tooltip-arrow:before": { borderTopColor: "var(--line)", borderBottomColor: "var(--line)" },
    ".cm-tooltip .cm-tooltip-arrow:after": { borderTopColor: "var(--bg)", borderBottomColor: "var(--bg)" },
    ".cm-tooltip-section:not(:first-child)": { borderTop: "1px solid var(--line)" },
    ".cm-tooltip-autocomplete ul": { fontFamily: MONO },
    ".cm-tooltip-autocomplete ul li[aria-selected]": { background: "var(--cm-chosen)", color: "var(--cm-chosen-fg)" },
    ".cm-diagnosticAction": { backgroundColor: "var(--accent)", color: "var(--bg)" },
});

// CodeMirror's base rules in the scheme's variant (see above).
export function schemeExtension(dark) {
    return EditorView.darkTheme.of(dark);
}
