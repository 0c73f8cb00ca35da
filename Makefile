# ladderc - a compiler for career ladders written as text.
#
#   make          build build/libladder.a (the library), build/ladderc (the
#                 command line on top) and build/ladderc-render.so (the
#                 Graphviz renderer, loaded on demand)
#   make demo     install what is missing, build, compile the example to SVG and Markdown
#   make playground  install what is missing, build the playground page (the
#                 compiler in WebAssembly, an editor and the map) into
#                 build/playground/: open its index.html (docs/playground.md)
#   make wasm     install emscripten if missing, build build/wasm/ladder.js: the
#                 library in WebAssembly with its JavaScript API (docs/wasm.md)
#   make check    install what is missing, build (the WebAssembly module and
#                 the playground too), run every test (within 90 s on 2
#                 cores: see the budget rule in tests/run.sh)
#   make check-slow  the same, plus the slow tier: valgrind on every example and
#                 backend, a minute of fuzzing, suites marked "# runner: slow"
#   make test     build and run every test, without installing anything;
#                 make test UPDATE=1 rewrites the expected outputs that differ
#                 and shows the diff for review
#   make bench    measure against wc -l and Graphviz; writes docs/performance.md
#   make fuzz     run the libFuzzer target (FUZZ_SECONDS=600)
#   make coverage line and branch coverage of lib/, cli/ and plugin/ by the fast suite (gcovr)
#   make mutate   mutation testing of the checker, CLI, path and fmt (slow:
#                 see tests/mutate.mk); writes build/mutate/report.md

CC       ?= cc
CFLAGS   ?= -O2 -g
WARN     := -std=c11 -Wall -Wextra
B        := build
# The folders say the architecture: include/ the public header, lib/ the
# library (syntax/ the front end's glue, emit/ the backends), grammar/ the
# flex scanner and bison parser, cli/ the command line, plugin/ the Graphviz
# renderer. Object names are unique across them, so every object lives in $(B).
SRC_DIRS := lib lib/syntax lib/emit cli plugin
vpath %.c $(SRC_DIRS)
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -Iinclude $(SRC_DIRS:%=-I%) -I$(B)

GV_CFLAGS := $(shell pkg-config --cflags libgvc libcgraph 2>/dev/null)
GV_LIBS   := $(shell pkg-config --libs libgvc libcgraph 2>/dev/null)
GV_PLUGINS := $(shell pkg-config --variable=libdir libgvc 2>/dev/null)/graphviz
RENDER_LIBS = -L$(GV_PLUGINS) -Wl,-rpath,$(GV_PLUGINS) -lgvplugin_core -lgvplugin_neato_layout -lgvplugin_pango $(GV_LIBS)

# the language server's JSON (cli/lsp*.c): the command line links it, the library never
JSON_CFLAGS := $(shell pkg-config --cflags jansson 2>/dev/null)
JSON_LIBS   := $(shell pkg-config --libs jansson 2>/dev/null || echo -ljansson)
CPPFLAGS += $(JSON_CFLAGS)

GEN      := $(B)/ladder.tab.c $(B)/ladder.lex.c
GEN_H    := $(B)/ladder.tab.h $(B)/ladder.lex.h
objs = $(patsubst %.c,$(1)/%.o,$(notdir $(2)))
LIB_SRC  := $(wildcard lib/*.c lib/syntax/*.c lib/emit/*.c)
LIB_OBJ  := $(call objs,$(B),$(LIB_SRC)) $(B)/ladder.tab.o $(B)/ladder.lex.o $(B)/explain.o $(B)/html_assets.o
CLI_SRC  := $(wildcard cli/*.c)
CLI_OBJ  := $(call objs,$(B),$(CLI_SRC))
# every object of the executable: the command line's and the library's
MAIN_OBJ := $(CLI_OBJ) $(LIB_OBJ)
# the renderer and the library code it needs go into the plugin, not the executable
RENDER_SRC := plugin/render.c lib/buf.c lib/heap.c
RENDER_OBJ := $(call objs,$(B)/pic,$(RENDER_SRC))

.PHONY: all deps test-deps demo check check-slow test clean install
all: $(B)/libladder.a $(B)/ladderc $(B)/ladderc-render.so

$(B) $(B)/pic:
	mkdir -p $@

$(B)/libladder.a: $(LIB_OBJ)
	rm -f $@ && $(AR) rcs $@ $(LIB_OBJ)

$(B)/ladderc: $(CLI_OBJ) $(B)/libladder.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(B)/libladder.a $(JSON_LIBS) -ldl -lm

$(B)/ladderc-render.so: $(RENDER_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -shared -Wl,--no-undefined -o $@ $(RENDER_OBJ) $(RENDER_LIBS) -lm

$(B)/ladder.tab.c $(B)/ladder.tab.h &: grammar/ladder.y | $(B)
	bison -Wall --defines=$(B)/ladder.tab.h -o $(B)/ladder.tab.c $<

# -Cf: full tables, 2.5 to 3.5 times faster than the default compressed ones
$(B)/ladder.lex.c $(B)/ladder.lex.h &: grammar/ladder.l $(B)/ladder.tab.h | $(B)
	flex -Cf --header-file=$(B)/ladder.lex.h -o $(B)/ladder.lex.c $<

$(B)/%.o: %.c | $(B) $(GEN_H)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -MMD -MP -c -o $@ $<

$(B)/pic/%.o: %.c | $(B)/pic $(GEN_H)
	$(CC) $(CPPFLAGS) $(GV_CFLAGS) $(WARN) $(CFLAGS) -fPIC -fvisibility=hidden -DLADDERC_PLUGIN -MMD -MP -c -o $@ $<

# generated code: same flags; flex's output has unused functions we cannot remove
$(B)/ladder.tab.o: $(B)/ladder.tab.c $(GEN_H)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -c -o $@ $<
$(B)/ladder.lex.o: $(B)/ladder.lex.c $(GEN_H)
	$(CC) $(CPPFLAGS) $(WARN) -Wno-unused-function $(CFLAGS) -c -o $@ $<

# `ladderc explain` prints the sections of the language reference itself
$(B)/explain.c: docs/language.md scripts/explain.awk | $(B)
	awk -f scripts/explain.awk docs/language.md >$@.tmp && mv $@.tmp $@
$(B)/explain.o: $(B)/explain.c lib/explain.h
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -c -o $@ $<

# `ladderc build -T html` writes the page's style and script inline: the
# files are compiled into the library (lib/emit/html_assets.h)
HTML_ASSETS := lib/emit/html/page.css lib/emit/html/explorer.css lib/emit/html/page.js
$(B)/html_assets.c: $(HTML_ASSETS) scripts/embed.sh | $(B)
	scripts/embed.sh html_page_css=lib/emit/html/page.css html_explorer_css=lib/emit/html/explorer.css \
	    html_page_js=lib/emit/html/page.js >$@.tmp && mv $@.tmp $@
$(B)/html_assets.o: $(B)/html_assets.c lib/emit/html_assets.h
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -c -o $@ $<

PREFIX ?= /usr/local
# the shipped ladders (import "std/...") go to PREFIX/share/ladderc/std/, which
# PREFIX/bin/ladderc finds as ../share/ladderc/std/ from its own folder, as
# build/ladderc finds share/ladderc/std/ in a checkout
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/ladderc $(DESTDIR)$(PREFIX)/share/ladderc/std \
	    $(DESTDIR)$(PREFIX)/include
	install -m 755 $(B)/ladderc $(DESTDIR)$(PREFIX)/bin/ladderc
	install -m 755 scripts/git-diff-ladder $(DESTDIR)$(PREFIX)/bin/git-diff-ladder
	install -m 644 $(B)/libladder.a $(DESTDIR)$(PREFIX)/lib/libladder.a
	install -m 644 include/ladder.h $(DESTDIR)$(PREFIX)/include/ladder.h
	install -m 644 $(B)/ladderc-render.so $(DESTDIR)$(PREFIX)/lib/ladderc/ladderc-render.so
	install -m 644 share/ladderc/std/*.ladder $(DESTDIR)$(PREFIX)/share/ladderc/std/

deps:
	@scripts/deps.sh build

test-deps:
	@scripts/deps.sh test

demo: deps
	@$(MAKE) --no-print-directory all
	$(B)/ladderc build -o $(B)/skills-map.svg examples/skills-map.ladder
	$(B)/ladderc build -o $(B)/skills-map.md examples/skills-map.ladder
	$(B)/ladderc build -o $(B)/framework.md examples/framework.ladder
	$(B)/ladderc chart -o $(B)/framework-chart.svg examples/framework.ladder senior staff manager
	$(B)/ladderc build -o $(B)/framework.html examples/framework.ladder
	@echo
	@echo "The skills map is in $(B)/skills-map.svg (open it in a browser)"
	@echo "and its company tables in $(B)/skills-map.md; a framework with"
	@echo "competencies in $(B)/framework.md, three of its roles on a radar"
	@echo "chart in $(B)/framework-chart.svg, and its career site (one page)"
	@echo "in $(B)/framework.html."

# the build runs on every core (a clean clone compiles three times: this one,
# then ASan and libFuzzer inside tests/suites/sanitizers.sh); the benchmark's
# generator too, before two test runs (normal and sanitized) both want it
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

# The npm installs (the tests' set, then the playground's: `npm ci`, about
# 1.5 s of one core each on a clean clone) run in one job of the build, beside
# the compilers, instead of before and after it: check-deps. What the
# compilers need (deps.sh wasm: gcc, flex, bison, emcc) is there first; the
# Debian packages the tests add come in check-deps, one apt-get at a time.
# `make playground` after the build then only bundles (esbuild, 0.2 s).
.PHONY: check-deps
check-deps:
	@scripts/deps.sh test
	@scripts/deps.sh playground

check:
	@scripts/deps.sh wasm
	@$(MAKE) --no-print-directory -j$(JOBS) check-deps all unit $(B)/bench/gen $(B)/wasm/ladder.js
	@$(MAKE) --no-print-directory playground
	@tests/run.sh

check-slow:
	@scripts/deps.sh wasm
	@$(MAKE) --no-print-directory -j$(JOBS) check-deps all unit $(B)/bench/gen $(B)/wasm/ladder.js
	@$(MAKE) --no-print-directory playground
	@CHECK_SLOW=1 tests/run.sh

# UPDATE=1 rewrites the expected outputs of the data cases that differ and
# prints the diffs: read them before committing (tests/run.sh, "Update mode")
test: all unit $(B)/wasm/ladder.js
	@UPDATE='$(UPDATE)' tests/run.sh

clean:
	rm -rf $(B)

# tests/unit/*.c: C tests of the public API, each linked with the library
# alone and compiled with include/ only on the path, so the one header is
# proved enough to embed it (run by tests/suites/library.sh)
UNIT_BIN := $(patsubst tests/unit/%.c,$(B)/unit/%,$(wildcard tests/unit/*.c))
.PHONY: unit
unit: $(UNIT_BIN)
$(B)/unit:
	mkdir -p $@
$(B)/unit/%: tests/unit/%.c tests/unit/unit.h include/ladder.h $(B)/libladder.a | $(B)/unit
	$(CC) -Iinclude $(WARN) $(CFLAGS) -o $@ $< $(B)/libladder.a -lm

-include $(wildcard $(B)/*.d $(B)/pic/*.d)

# the benchmark and the fuzzer keep their rules beside their code
include bench/bench.mk
include tests/fuzz/fuzz.mk
include tests/coverage.mk
include tests/mutate.mk
include wasm/wasm.mk
include playground/playground.mk
