/* pre.js - the start of build/wasm/ladder.js (emcc --extern-pre-js): the
 * module and its API in one function scope, so that a page gets one global,
 * LadderWasm (wasm/api.js, at the end), and nothing else. */
var LadderWasm = (function () {
"use strict";
