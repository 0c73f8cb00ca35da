# wasm.mk - ladderc in WebAssembly: `make wasm` writes build/wasm/ladder.js,
# one classic script (the wasm embedded, no ES module: Chromium refuses
# module scripts from file://) that defines LadderWasm in a browser and
# module.exports under node. It holds libladder (lib/, the generated scanner
# and parser, the explanations and the page's assets; not cli/ nor plugin/),
# the glue wasm/ladder_wasm.c (written against include/ladder.h only), the
# shipped ladders (share/ladderc/std/) and the API of wasm/api.js.
# Included by the Makefile; docs/wasm.md.
#
# Debian's emscripten 3.1.6 (scripts/deps.sh wasm installs it): its JS
# optimizer needs node-acorn, found through NODE_PATH. No eval or new
# Function anywhere (DYNAMIC_EXECUTION=0: the playground's CSP allows only
# 'wasm-unsafe-eval'); the wasm is embedded (SINGLE_FILE: with node 20 the
# loader's fetch() of a file path fails); memory grows for large ladders.

EMCC       ?= emcc
WASM_OPT   ?= -O2
WB         := $(B)/wasm
WASM_OBJ   := $(call objs,$(WB)/obj,$(LIB_SRC)) $(WB)/obj/ladder.tab.o $(WB)/obj/ladder.lex.o \
              $(WB)/obj/explain.o $(WB)/obj/html_assets.o $(WB)/obj/ladder_wasm.o $(WB)/obj/std.o
WASM_STD   := $(wildcard share/ladderc/std/*.ladder)
WASM_LINK  := -sMODULARIZE=1 -sEXPORT_NAME=LadderWasmModule -sSINGLE_FILE=1 -sALLOW_MEMORY_GROWTH=1 \
              -sDYNAMIC_EXECUTION=0 -sFILESYSTEM=0 -sENVIRONMENT=web,worker,node \
              -sEXPORTED_RUNTIME_METHODS=[] -sINCOMING_MODULE_JS_API=[] \
              --extern-pre-js wasm/pre.js --extern-post-js wasm/api.js

.PHONY: wasm wasm-deps
wasm: wasm-deps
	@$(MAKE) --no-print-directory $(WB)/ladder.js

wasm-deps:
	@scripts/deps.sh wasm

$(WB)/obj:
	mkdir -p $@

$(WB)/obj/%.o: %.c | $(WB)/obj $(GEN_H)
	$(EMCC) $(CPPFLAGS) $(WARN) $(WASM_OPT) -MMD -MP -c -o $@ $<

$(WB)/obj/ladder.tab.o: $(B)/ladder.tab.c $(GEN_H) | $(WB)/obj
	$(EMCC) $(CPPFLAGS) $(WARN) $(WASM_OPT) -c -o $@ $<
$(WB)/obj/ladder.lex.o: $(B)/ladder.lex.c $(GEN_H) | $(WB)/obj
	$(EMCC) $(CPPFLAGS) $(WARN) -Wno-unused-function $(WASM_OPT) -c -o $@ $<
$(WB)/obj/explain.o: $(B)/explain.c lib/explain.h | $(WB)/obj
	$(EMCC) $(CPPFLAGS) $(WARN) $(WASM_OPT) -c -o $@ $<
$(WB)/obj/html_assets.o: $(B)/html_assets.c lib/emit/html_assets.h | $(WB)/obj
	$(EMCC) $(CPPFLAGS) $(WARN) $(WASM_OPT) -c -o $@ $<

# the glue sees include/ and wasm/ only: the public header, as the command line
$(WB)/obj/ladder_wasm.o: wasm/ladder_wasm.c include/ladder.h wasm/ladder_wasm_std.h | $(WB)/obj
	$(EMCC) -Iinclude -Iwasm $(WARN) $(WASM_OPT) -c -o $@ $<

$(WB)/std.c: $(WASM_STD) wasm/std.sh scripts/embed.sh | $(WB)/obj
	wasm/std.sh $(WASM_STD) >$@.tmp && mv $@.tmp $@
$(WB)/obj/std.o: $(WB)/std.c wasm/ladder_wasm_std.h lib/emit/html_assets.h
	$(EMCC) -Iwasm -Ilib/emit $(WARN) $(WASM_OPT) -c -o $@ $<

$(WB)/ladder.js: $(WASM_OBJ) wasm/pre.js wasm/api.js
	NODE_PATH=/usr/share/nodejs $(EMCC) $(WASM_OPT) $(WASM_LINK) -o $@.tmp.js $(WASM_OBJ) && mv $@.tmp.js $@
	@echo "$@: $$(wc -c <$@) bytes"

-include $(wildcard $(WB)/obj/*.d)
