// editor.js - the CodeMirror 6 editor: one view, one state per file (each
// keeps its own undo history and selection), the language's highlighting
// (lang.js), the diagnostics as squiggles (@codemirror/lint's setDiagnostics,
// pushed by the page after each check rather than pulled by a linter, so a
// keystroke costs one check).
//
// The editor lives in a shadow root: CodeMirror's styles (style-mod) go
// into a document as a <style> element, which the page's CSP (no inline
// style) refuses, but into a shadow root as a constructed style sheet,
// which it allows. The page's own sheet is linked inside too. Its colours
// follow the page's scheme (theme.js): the scheme's part is in a
// Compartment of every file's state, switched when the scheme changes.
//
// Brackets and quotes close themselves (closeBrackets, with the pairs
// lang.js declares: ( { "), typing the closing one steps over it, and
// Backspace between an empty pair deletes both.
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection } from "@codemirror/view";
import { EditorState, Compartment } from "@codemirror/state";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { setDiagnostics, lintGutter } from "@codemirror/lint";
import { syntaxHighlighting, bracketMatching, indentUnit } from "@codemirror/language";
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import * as lang from "./lang.js";
import { editorTheme, schemeExtension } from "./theme.js";

// @codemirror/lint draws its squiggles and gutter markers as data: SVG
// images, which the CSP (no img-src) refuses: the same marks in CSS.
const noImages = EditorView.theme({
    ".cm-lintRange": { backgroundImage: "none", textDecorationLine: "underline", textDecorationStyle: "wavy",
        textDecorationSkipInk: "none", textUnderlineOffset: "3px" },
    ".cm-lintRange-error": { backgroundImage: "none", textDecorationColor: "var(--error, #d11)" },
    ".cm-lintRange-warning": { backgroundImage: "none", textDecorationColor: "var(--warning, orange)" },
    ".cm-lintRange-info, .cm-lintRange-hint": { backgroundImage: "none", textDecorationColor: "#999" },
    ".cm-lint-marker": { content: "normal", width: ".8em", height: ".8em", margin: ".1em" },
    ".cm-lint-marker-error": { content: "normal", borderRadius: "50%", background: "var(--error, #d11)" },
    ".cm-lint-marker-warning": { content: "normal", clipPath: "polygon(50% 0, 100% 100%, 0 100%)",
        background: "var(--warning, orange)" },
    ".cm-lint-marker-info": { content: "normal", background: "#999" },
});

export class Editor {
    // onChange(name, text) after every change of a file's text; more:
    // extensions every file's state gets besides (hover, completion)
    constructor(parent, onChange, more) {
        this.states = new Map();
        this.name = null;
        this.onChange = onChange;
        this.more = more || [];
        this.scheme = new Compartment();
        const dark = window.matchMedia("(prefers-color-scheme: dark)");
        this.dark = dark.matches;
        dark.addEventListener("change", () => this.setDark(dark.matches));
        const shadow = parent.attachShadow({ mode: "open" });
        const sheet = document.createElement("link");
        sheet.rel = "stylesheet";
        sheet.href = "playground.css";
        const box = document.createElement("div");
        box.className = "editor-box";
        shadow.append(sheet, box);
        this.view = new EditorView({
            parent: box,
            root: shadow,
            dispatch: (tr) => this.dispatch(tr),
        });
        this.view.contentDOM.setAttribute("aria-label", "Ladder source");
        // the editor shrinks when the list of problems under it grows (a
        // keystroke's check): the line being typed stays in sight
        new ResizeObserver(() => this.keepCursorInSight()).observe(box);
    }

    keepCursorInSight() {
        if (!this.view.hasFocus) return;
        const head = this.view.state.selection.main.head;
        this.view.dispatch({ effects: EditorView.scrollIntoView(head, { y: "nearest" }) });
    }

    dispatch(tr) {
        this.view.update([tr]);
        if (tr.docChanged && this.name !== null) this.onChange(this.name, this.view.state.doc.toString());
    }

    extensions() {
        return [
            lineNumbers(),
            highlightActiveLineGutter(),
            history(),
            drawSelection(),
            highlightActiveLine(),
            bracketMatching(),
            closeBrackets(),
            indentUnit.of("  "),
            // lines end at \n only, as in ladderc: CodeMirror would also
            // split at U+2028 and U+2029, which a ladder's string may hold
            EditorState.lineSeparator.of("\n"),
            lang.ladder(),
            syntaxHighlighting(lang.ladderHighlightStyle),
            lintGutter(),
            noImages,
            editorTheme,
            this.scheme.of(schemeExtension(this.dark)),
            keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
            this.more,
        ];
    }

    // The page's scheme changed: every file's editor follows (the shown
    // one and the others' kept states, so that a switch of tab keeps it).
    setDark(dark) {
        this.dark = dark;
        const effects = this.scheme.reconfigure(schemeExtension(dark));
        for (const [name, state] of this.states) {
            if (name !== this.name) this.states.set(name, state.update({ effects }).state);
        }
        this.view.dispatch({ effects });
    }

    // Puts the files in (replacing every state); shows `active`.
    load(files, active) {
        this.states.clear();
        for (const [name, text] of Object.entries(files)) {
            this.states.set(name, EditorState.create({ doc: text, extensions: this.extensions() }));
        }
        this.name = null;
        this.show(active);
    }

    add(name, text) {
        this.states.set(name, EditorState.create({ doc: text, extensions: this.extensions() }));
    }

    rename(from, to) {
        const state = from === this.name ? this.view.state : this.states.get(from);
        this.states.delete(from);
        this.states.set(to, state);
        if (this.name === from) this.name = to;
    }

    remove(name) {
        this.states.delete(name);
        if (this.name === name) this.name = null;
    }

    show(name) {
        if (this.name !== null && this.states.has(this.name)) this.states.set(this.name, this.view.state);
        this.name = name;
        this.view.setState(this.states.get(name));
    }

    text(name) {
        return (name === this.name ? this.view.state : this.states.get(name)).doc.toString();
    }

    // Replaces the shown file's text as one change (undone by one undo).
    replace(text) {
        const doc = this.view.state.doc;
        if (doc.toString() !== text) this.view.dispatch({ changes: { from: 0, to: doc.length, insert: text } });
    }

    // diagnostics: [{from, to, severity, message}] for the shown file
    setDiagnostics(list) {
        const len = this.view.state.doc.length;
        const clamp = (n) => Math.max(0, Math.min(len, n | 0));
        const diags = list.map((d) => {
            const from = clamp(d.from), to = Math.max(from, clamp(d.to));
            const fix = d.fix && d.fix.file === d.file ? d.fix : null;
            return {
                from, to, severity: d.severity, message: d.message, source: d.code,
                // the library's quick fix (a 'did you mean'), offered in the tooltip
                actions: fix ? [{ name: "Fix", apply: (view) => view.dispatch({
                    changes: { from: clamp(fix.from), to: Math.max(clamp(fix.from), clamp(fix.to)), insert: fix.text },
                }) }] : undefined,
            };
        });
        this.view.dispatch(setDiagnostics(this.view.state, diags));
    }

    // Puts the cursor at offset `from` (a UTF-16 offset) of the shown file.
    jump(from) {
        const anchor = Math.max(0, Math.min(this.view.state.doc.length, from | 0));
        this.view.dispatch({ selection: { anchor }, scrollIntoView: true });
        this.view.focus();
    }
}
