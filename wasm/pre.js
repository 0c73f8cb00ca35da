/* pre.js - the start of build/wasm/ladder.js (emcc --extern-pre-js): the
 * module and its API in one function scope, so that a page gets one global,
 * LadderWasm (wasm/api.js, at the end), and nothing else. */
var LadderWasm = (function () {
"use strict";
/* The wasm is embedded (SINGLE_FILE), yet emscripten 3.1.6's loader
 * fetch()es its data: URL in a browser before decoding it itself: a
 * connection the playground's CSP (default-src 'none') reports as a
 * violation. With fetch shadowed here, it decodes at once. */
var fetch;
