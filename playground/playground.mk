# playground.mk - `make playground` writes build/playground/: the playground
# page (index.html, playground.js, playground.css and the compiler,
# ladder.js), static, working from file:// and from any static host, under
# 3 MB in all. Included by the Makefile; docs/playground.md.
#
# What it needs is installed when missing (scripts/deps.sh playground): the
# Debian packages (emscripten, node, npm), then the npm packages pinned by
# playground/package-lock.json, into build/npm-playground/
# (scripts/npm-tools.sh playground: `npm ci --ignore-scripts`, nothing to do
# once installed). playground/build.mjs bundles the page's sources with
# esbuild into one classic script and writes the folder.

PG         := $(B)/playground
PG_NPM     := $(B)/npm-playground
PG_SRC     := playground/index.html playground/build.mjs $(wildcard playground/*.css playground/src/*.js)
PG_EXAMPLES := $(wildcard examples/*.ladder examples/framework/*.ladder)

.PHONY: playground playground-deps
playground: wasm playground-deps
	@$(MAKE) --no-print-directory $(PG)/index.html

playground-deps:
	@scripts/deps.sh playground

$(PG)/index.html: $(PG_SRC) $(PG_EXAMPLES) $(WB)/ladder.js playground/package-lock.json
	node playground/build.mjs $(PG) $(WB)/ladder.js $(PG_NPM)
