# fuzz.mk - make fuzz, and the sanitizer builds. Included by the Makefile.
#
#   make fuzz          libFuzzer on tests/fuzz/fuzz_ladder.c for FUZZ_SECONDS (600);
#                      new inputs go to build/fuzz/corpus, crashes to build/fuzz/artifacts
#   make fuzz-smoke    replays tests/fuzz/corpus and tests/fuzz/regressions, then
#                      fuzzes FUZZ_SMOKE_RUNS inputs (3000, seed 1: the same
#                      work on every machine, 3 to 5 s) or FUZZ_SMOKE_SECONDS
#                      (300), whichever comes first; run by
#                      tests/suites/sanitizers.sh (check-slow: RUNS=-1, 60 s)
#   make fuzz-lsp      libFuzzer on tests/fuzz/fuzz_lsp.c (the language server's
#                      message loop) for FUZZ_SECONDS; corpus build/fuzz/lsp-corpus
#   make fuzz-lsp-smoke replays the seeds of tests/fuzz/lsp/, then fuzzes
#                      FUZZ_LSP_SMOKE_RUNS inputs (300, seed 1: about a second);
#                      make fuzz-smoke runs it after its own
#   make asan          build/asan/ladderc, build/asan/ladderc-render.so and the
#                      C tests of the API (build/asan/unit/) with
#                      AddressSanitizer + UndefinedBehaviorSanitizer
#
# Both builds use clang (FUZZ_CC); the generated parser and scanner are the
# ones in $(B), compiled again with the sanitizers. Objects: $(B)/fuzz, $(B)/asan.
#
# Both compile at -O0 (SAN_OPT), because make check builds them on every clean
# clone: clang with ASan+UBSan at -O1 took 20 s of CPU for each of the two
# builds, at -O0 4 to 6 s. -O0 keeps every check (ASan instruments every
# access, none optimised away); the sanitized rerun costs about as much (its
# cost is mostly each ladderc's start), the fuzz smoke's fixed 3,000 runs 3 s
# more. For a long `make fuzz` campaign, more executions a second:
# `make fuzz SAN_OPT=-O1` after `rm -rf build/fuzz`.

FUZZ_CC       ?= clang
FUZZ_SECONDS  ?= 600
FUZZ_SMOKE_RUNS ?= 3000
# a ceiling only, for a very slow machine: the smoke stops there, it does not fail
FUZZ_SMOKE_SECONDS ?= 300
FUZZ_MAX_LEN  ?= 65536
FUZZ_FLAGS    ?=
FUZZ_SAN      := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
SAN_OPT       ?= -O0
FUZZ_CFLAGS   := $(SAN_OPT) -g $(FUZZ_SAN)
FUZZ_BIN      := $(B)/fuzz/fuzz_ladder
FUZZ_DICT     := tests/fuzz/ladder.dict
FUZZ_SEEDS    := tests/fuzz/corpus
FUZZ_REGRESSIONS := $(wildcard tests/fuzz/regressions/*)
# the executable's objects (MAIN_OBJ, generated ones included) but the command
# line, so a new module is fuzzed without edits here
FUZZ_OBJ      := $(filter-out $(B)/fuzz/main.o,$(MAIN_OBJ:$(B)/%.o=$(B)/fuzz/%.o))
FUZZ_RUN_FLAGS = -max_len=$(FUZZ_MAX_LEN) -dict=$(FUZZ_DICT) -timeout=10 \
                 -artifact_prefix=$(B)/fuzz/artifacts/ -print_final_stats=1

ASAN_CFLAGS   := $(SAN_OPT) -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
ASAN_OBJ      := $(MAIN_OBJ:$(B)/%.o=$(B)/asan/%.o)
ASAN_LIB_OBJ  := $(LIB_OBJ:$(B)/%.o=$(B)/asan/%.o)
ASAN_UNIT_BIN := $(UNIT_BIN:$(B)/unit/%=$(B)/asan/unit/%)
ASAN_PIC_OBJ  := $(call objs,$(B)/asan/pic,$(RENDER_SRC))

FUZZ_LSP_BIN  := $(B)/fuzz/fuzz_lsp
FUZZ_LSP_SEEDS := tests/fuzz/lsp
FUZZ_LSP_SMOKE_RUNS ?= 300
FUZZ_LSP_RUN_FLAGS = -max_len=$(FUZZ_MAX_LEN) -timeout=10 -artifact_prefix=$(B)/fuzz/artifacts/lsp- \
                     -print_final_stats=1

.PHONY: fuzz fuzz-smoke fuzz-build asan fuzz-lsp fuzz-lsp-smoke

fuzz-build: $(FUZZ_BIN) $(FUZZ_LSP_BIN)

fuzz-lsp: $(FUZZ_LSP_BIN)
	mkdir -p $(B)/fuzz/lsp-corpus $(B)/fuzz/artifacts
	$(FUZZ_LSP_BIN) $(FUZZ_LSP_RUN_FLAGS) -max_total_time=$(FUZZ_SECONDS) $(FUZZ_FLAGS) \
	    $(B)/fuzz/lsp-corpus $(FUZZ_LSP_SEEDS)

# the seeds replayed as files, then a fixed number of inputs from a scratch corpus
fuzz-lsp-smoke: $(FUZZ_LSP_BIN)
	rm -rf $(B)/fuzz/lsp-smoke
	mkdir -p $(B)/fuzz/lsp-smoke $(B)/fuzz/artifacts
	$(FUZZ_LSP_BIN) $(FUZZ_LSP_RUN_FLAGS) $(FUZZ_LSP_SEEDS)/* 2>$(B)/fuzz/lsp-smoke.log \
	    || { tail -40 $(B)/fuzz/lsp-smoke.log; exit 1; }
	$(FUZZ_LSP_BIN) $(FUZZ_LSP_RUN_FLAGS) -seed=1 -runs=$(FUZZ_LSP_SMOKE_RUNS) -max_total_time=$(FUZZ_SMOKE_SECONDS) \
	    $(B)/fuzz/lsp-smoke $(FUZZ_LSP_SEEDS) 2>$(B)/fuzz/lsp-smoke.log \
	    || { tail -40 $(B)/fuzz/lsp-smoke.log; exit 1; }
	@grep -E '^(stat::number_of_executed_units|#[0-9]+ +DONE)' $(B)/fuzz/lsp-smoke.log | tail -2

fuzz: $(FUZZ_BIN)
	mkdir -p $(B)/fuzz/corpus $(B)/fuzz/artifacts
	$(FUZZ_BIN) $(FUZZ_RUN_FLAGS) -max_total_time=$(FUZZ_SECONDS) $(FUZZ_FLAGS) \
	    $(B)/fuzz/corpus $(FUZZ_SEEDS) $(if $(FUZZ_REGRESSIONS),tests/fuzz/regressions)

# Regressions are replayed as files (whole, whatever their size); the seed
# corpus is loaded into a scratch corpus, so a smoke run never writes to git.
fuzz-smoke: $(FUZZ_BIN)
	rm -rf $(B)/fuzz/smoke
	mkdir -p $(B)/fuzz/smoke $(B)/fuzz/artifacts
	$(if $(FUZZ_REGRESSIONS),FUZZ_SKIP='' $(FUZZ_BIN) $(FUZZ_RUN_FLAGS) $(FUZZ_REGRESSIONS) 2>$(B)/fuzz/smoke.log \
	    || { tail -40 $(B)/fuzz/smoke.log; exit 1; })
	FUZZ_SKIP='' $(FUZZ_BIN) $(FUZZ_RUN_FLAGS) -seed=1 -runs=$(FUZZ_SMOKE_RUNS) -max_total_time=$(FUZZ_SMOKE_SECONDS) $(FUZZ_FLAGS) \
	    $(B)/fuzz/smoke $(FUZZ_SEEDS) 2>$(B)/fuzz/smoke.log \
	    || { tail -40 $(B)/fuzz/smoke.log; exit 1; }
	@grep -E '^(stat::number_of_executed_units|#[0-9]+ +DONE)' $(B)/fuzz/smoke.log | tail -2
	@$(MAKE) --no-print-directory fuzz-lsp-smoke

asan: $(B)/asan/ladderc $(B)/asan/ladderc-render.so $(B)/share $(ASAN_UNIT_BIN)

# the C tests of the API (tests/unit/) on a sanitized libladder.a: the
# failing-allocator sweep with AddressSanitizer watching every jump back
$(B)/asan/libladder.a: $(ASAN_LIB_OBJ)
	rm -f $@ && $(AR) rcs $@ $(ASAN_LIB_OBJ)
$(B)/asan/unit/%: tests/unit/%.c tests/unit/unit.h include/ladder.h $(B)/asan/libladder.a
	@mkdir -p $(B)/asan/unit
	$(FUZZ_CC) -Iinclude $(WARN) $(ASAN_CFLAGS) -o $@ $< $(B)/asan/libladder.a -lm

# the shipped ladders, where $(B)/asan/ladderc looks for them (its folder's
# ../share/ladderc/std/, as build/ladderc finds the checkout's share/)
$(B)/share: | $(B)
	ln -sfn ../share $@

$(B)/fuzz $(B)/asan $(B)/asan/pic:
	mkdir -p $@

$(FUZZ_BIN): $(FUZZ_OBJ) $(B)/fuzz/fuzz_ladder.o
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(JSON_LIBS) -ldl -lm

$(FUZZ_LSP_BIN): $(FUZZ_OBJ) $(B)/fuzz/fuzz_lsp.o
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(JSON_LIBS) -ldl -lm

$(B)/fuzz/fuzz_lsp.o: tests/fuzz/fuzz_lsp.c | $(B)/fuzz $(GEN_H)
	$(FUZZ_CC) $(CPPFLAGS) $(WARN) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(B)/fuzz/fuzz_ladder.o: tests/fuzz/fuzz_ladder.c | $(B)/fuzz $(GEN_H)
	$(FUZZ_CC) $(CPPFLAGS) $(WARN) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(B)/fuzz/%.o: %.c | $(B)/fuzz $(GEN_H)
	$(FUZZ_CC) $(CPPFLAGS) $(WARN) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

# generated sources ($(B)/ladder.tab.c, $(B)/explain.c, ...): the main
# Makefile's rules make them; here they are only compiled again
$(B)/fuzz/%.o: $(B)/%.c $(GEN_H) | $(B)/fuzz
	$(FUZZ_CC) $(CPPFLAGS) $(WARN) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<
$(B)/fuzz/ladder.tab.o: $(B)/ladder.tab.c $(GEN_H) | $(B)/fuzz
	$(FUZZ_CC) $(CPPFLAGS) $(WARN) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<
$(B)/fuzz/ladder.lex.o: $(B)/ladder.lex.c $(GEN_H) | $(B)/fuzz
	$(FUZZ_CC) $(CPPFLAGS) $(WARN) -Wno-unused-function $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

# The executable looks for ladderc-render.so beside itself, so build/asan/ladderc
# loads build/asan/ladderc-render.so. The plugin leaves the sanitizer runtime
# to the executable that loads it: no --no-undefined here.
$(B)/asan/ladderc: $(ASAN_OBJ)
	$(FUZZ_CC) $(ASAN_CFLAGS) -o $@ $(ASAN_OBJ) $(JSON_LIBS) -ldl -lm

$(B)/asan/ladderc-render.so: $(ASAN_PIC_OBJ)
	$(FUZZ_CC) $(ASAN_CFLAGS) -shared -o $@ $(ASAN_PIC_OBJ) $(RENDER_LIBS) -lm

$(B)/asan/%.o: %.c | $(B)/asan $(GEN_H)
	$(FUZZ_CC) $(CPPFLAGS) $(WARN) $(ASAN_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/asan/pic/%.o: %.c | $(B)/asan/pic $(GEN_H)
	$(FUZZ_CC) $(CPPFLAGS) $(GV_CFLAGS) $(WARN) $(ASAN_CFLAGS) -fPIC -fvisibility=hidden -DLADDERC_PLUGIN -MMD -MP -c -o $@ $<

$(B)/asan/%.o: $(B)/%.c $(GEN_H) | $(B)/asan
	$(FUZZ_CC) $(CPPFLAGS) $(WARN) $(ASAN_CFLAGS) -c -o $@ $<
$(B)/asan/ladder.tab.o: $(B)/ladder.tab.c $(GEN_H) | $(B)/asan
	$(FUZZ_CC) $(CPPFLAGS) $(WARN) $(ASAN_CFLAGS) -c -o $@ $<
$(B)/asan/ladder.lex.o: $(B)/ladder.lex.c $(GEN_H) | $(B)/asan
	$(FUZZ_CC) $(CPPFLAGS) $(WARN) -Wno-unused-function $(ASAN_CFLAGS) -c -o $@ $<

-include $(wildcard $(B)/fuzz/*.d $(B)/asan/*.d $(B)/asan/pic/*.d)
