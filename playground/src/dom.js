// dom.js - building the page's elements. Every string a user wrote (file
// names, messages quoting the ladder, role names) goes into the page as a
// text node or an attribute value, never as markup: el() has no way to
// take HTML.

// el("li", {class: "x", "data-i": 2, onclick: f}, "text", child, ...)
export function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
        if (value === null || value === undefined || value === false) continue;
        if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
        else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
        if (child === null || child === undefined || child === false) continue;
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
}

export function byId(id) {
    const node = document.getElementById(id);
    if (!node) throw new Error("playground: no element #" + id);
    return node;
}

// Runs f once, wait ms after the last call (the trailing call wins);
// run.wait may be changed between calls.
export function debounce(f, wait) {
    let timer = 0;
    const run = (...args) => {
        clearTimeout(timer);
        timer = setTimeout(() => f(...args), run.wait);
    };
    run.wait = wait;
    run.cancel = () => clearTimeout(timer);
    return run;
}
