// build.mjs - writes the playground (make playground): node build.mjs OUT LADDER_JS NPM_DIR
//
// OUT/index.html    the page (playground/index.html with the CSP filled in)
// OUT/playground.js the page's script: playground/src/main.js and what it
//                   imports (CodeMirror 6, @hpcc-js/wasm-graphviz, markdown-it,
//                   the examples), bundled by esbuild into ONE classic script
//                   (an IIFE: Chromium refuses module scripts from file://)
// OUT/playground.css playground/*.css
// OUT/ladder.js     the compiler (make wasm), copied
// The examples (examples/*.ladder, examples/framework/*.ladder) become the
// module "ladder:examples", so the menu needs no file at run time. Fails when
// the whole is 3 MB or more (the limit). PLAYGROUND_MINIFY=0 keeps
// the names (to read a profile).
import { readFileSync, writeFileSync, mkdirSync, readdirSync, copyFileSync, statSync, rmSync } from "node:fs";
import { join, resolve, dirname, basename } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const [out, ladderJs, npmDir] = process.argv.slice(2);
if (!out || !ladderJs || !npmDir) {
    console.error("usage: node build.mjs OUT LADDER_JS NPM_DIR");
    process.exit(2);
}
const esbuild = createRequire(join(resolve(npmDir), "package.json"))("esbuild");
const LIMIT = 3 * 1024 * 1024;

// The menu: one entry per example; a folder is one entry of several files,
// whose root is the file no other file of the folder imports.
function ladderFiles(dir) {
    return readdirSync(dir).filter((n) => n.endsWith(".ladder")).sort();
}

function importsOf(text) {
    return [...text.matchAll(/^\s*import\s+"([^"]+)"/gm)].map((m) => m[1]);
}

function folderEntry(dir, title) {
    const files = {};
    for (const n of ladderFiles(dir)) files[n] = readFileSync(join(dir, n), "utf8");
    const imported = new Set(Object.values(files).flatMap(importsOf));
    const tops = Object.keys(files).filter((n) => !imported.has(n));
    return { title, files, active: tops[0] || Object.keys(files)[0] };
}

function examples() {
    const dir = join(root, "examples");
    const list = ladderFiles(dir).map((n) => ({
        title: basename(n, ".ladder"),
        files: { [n]: readFileSync(join(dir, n), "utf8") },
        active: n,
    }));
    list.push(folderEntry(join(dir, "framework"), "framework/ (several files)"));
    // the skills map first: the page opens on it
    list.sort((a, b) => (b.title === "skills-map") - (a.title === "skills-map"));
    return list;
}

const examplesPlugin = {
    name: "ladder-examples",
    setup(build) {
        build.onResolve({ filter: /^ladder:examples$/ }, () => ({ path: "examples", namespace: "ladder" }));
        build.onLoad({ filter: /.*/, namespace: "ladder" }, () => ({
            contents: "export default " + JSON.stringify(examples()) + ";",
            loader: "js",
        }));
    },
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await esbuild.build({
    entryPoints: [join(here, "src", "main.js")],
    bundle: true,
    format: "iife",
    target: "es2020",
    minify: process.env.PLAYGROUND_MINIFY !== "0",
    legalComments: "eof",
    charset: "utf8",
    outfile: join(out, "playground.js"),
    nodePaths: [join(resolve(npmDir), "node_modules")],
    plugins: [examplesPlugin],
    logLevel: "warning",
});
const css = readdirSync(here).filter((n) => n.endsWith(".css")).sort();
writeFileSync(join(out, "playground.css"), css.map((n) => readFileSync(join(here, n), "utf8")).join("\n"));
copyFileSync(ladderJs, join(out, "ladder.js"));
writeFileSync(join(out, "index.html"), readFileSync(join(here, "index.html"), "utf8"));

let total = 0;
for (const n of readdirSync(out)) total += statSync(join(out, n)).size;
if (total >= LIMIT) {
    console.error(`playground: ${out} is ${total} bytes, over the 3 MB limit`);
    process.exit(1);
}
console.log(`playground: ${out} (${readdirSync(out).length} files, ${(total / 1024).toFixed(0)} KB)`);
