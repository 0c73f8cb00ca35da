// map.js - the map as `ladderc build -T svg` draws it: the DOT the core
// emits, laid out by Graphviz compiled to WebAssembly (@hpcc-js/wasm-graphviz)
// with the engine plugin/render.c uses, "nop2" (which the DOT names too, as
// its graph's layout attribute: the positions pinned,
// its edges' own splines kept), then finished by the core (r.finishSvg: the
// titles and description for screen readers). The SVG is parsed as XML and
// adopted into the page, never written as HTML.
import { Graphviz } from "@hpcc-js/wasm-graphviz";

export async function loadGraphviz() {
    return Graphviz.load();
}

// The finished SVG text of session r's map.
export function drawMap(graphviz, r) {
    const svg = graphviz.layout(r.emit("dot"), "svg", "nop2");
    return r.finishSvg(svg);
}

export function showSvg(box, svgText) {
    const doc = new DOMParser().parseFromString(svgText, "image/svg+xml");
    const root = doc.documentElement;
    if (root.nodeName !== "svg" || doc.getElementsByTagName("parsererror").length) {
        throw new Error("the map's SVG did not parse");
    }
    box.replaceChildren(document.importNode(root, true));
}
