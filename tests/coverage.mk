# coverage.mk - make coverage. Included by the Makefile.
#
#   make coverage   installs what it needs (scripts/deps.sh coverage: gcovr),
#                   builds $(B)/cov/ladderc and $(B)/cov/ladderc-render.so with
#                   gcov instrumentation, and $(B)/cov/ladderc-sweep (the same
#                   with path.c built with PATH_SPUR_WORK_FACTOR=0: every spur
#                   through the sweep, and stamps that start again after 7,
#                   PATH_STAMP_MAX), which tests/suites/path.sh runs as
#                   $LADDERC_SWEEP; its counts, in $(B)/cov/sweep/, are merged
#                   into path.c's), runs the fast suite against them
#                   (SANITIZERS=0 tests/run.sh, through tests/coverage.sh) and
#                   prints line and branch coverage per file of lib/, cli/, plugin/ and of the
#                   grammar actions (grammar/ladder.y, grammar/ladder.l).
#                   Reports: $(B)/cov/report.txt, $(B)/cov/report.md (the
#                   table docs/reliability.md quotes), $(B)/cov/html/index.html.
#
# Not part of `make check`: it builds and runs everything once more, at -O0.
# -O0 so that a branch in the report is a branch in the source, not one the
# optimiser made or merged. The generated parser and scanner are the ones in
# $(B), compiled again; their #line directives send the actions' counts to
# grammar/*.y and *.l, and the tables stay out of the report.

COV_B      := $(B)/cov
COV_CFLAGS := -O0 -g --coverage
COV_OBJ    := $(MAIN_OBJ:$(B)/%.o=$(COV_B)/%.o)
COV_PIC_OBJ := $(call objs,$(COV_B)/pic,$(RENDER_SRC))
COV_SWEEP_OBJ := $(filter-out $(COV_B)/path.o,$(COV_OBJ)) $(COV_B)/sweep/path.o
COV_LIB_OBJ := $(LIB_OBJ:$(B)/%.o=$(COV_B)/%.o)
COV_UNIT_BIN := $(UNIT_BIN:$(B)/unit/%=$(COV_B)/unit/%)
COV_INTERNAL_BIN := $(patsubst tests/internal/%.c,$(COV_B)/internal/%,$(wildcard tests/internal/*.c))

.PHONY: coverage coverage-build

coverage:
	@scripts/deps.sh coverage
	@$(MAKE) --no-print-directory -j$(JOBS) coverage-build
	@tests/coverage.sh $(COV_B)

coverage-build: $(B)/share $(UNIT_BIN) $(COV_B)/ladderc $(COV_B)/ladderc-render.so $(COV_B)/ladderc-sweep $(COV_UNIT_BIN) \
    $(COV_INTERNAL_BIN)

# the C tests of the API, linked with an instrumented library: what they
# reach of lib/ (out of memory at every allocation, usage errors) counts too
$(COV_B)/libladder.a: $(COV_LIB_OBJ)
	rm -f $@ && $(AR) rcs $@ $(COV_LIB_OBJ)
$(COV_B)/unit/%: tests/unit/%.c tests/unit/unit.h include/ladder.h $(COV_B)/libladder.a
	@mkdir -p $(COV_B)/unit
	$(CC) -Iinclude $(WARN) $(COV_CFLAGS) -o $@ $< $(COV_B)/libladder.a -lm
# and the C tests of one module (tests/internal/, which index.sh runs)
$(COV_B)/internal/%: tests/internal/%.c $(COV_B)/libladder.a | $(GEN_H)
	@mkdir -p $(COV_B)/internal
	$(CC) $(CPPFLAGS) $(WARN) $(COV_CFLAGS) -o $@ $< $(COV_B)/libladder.a -lm

$(COV_B) $(COV_B)/pic $(COV_B)/sweep:
	mkdir -p $@

# the executable loads the plugin beside itself: $(COV_B)/ladderc-render.so
$(COV_B)/ladderc: $(COV_OBJ)
	$(CC) $(COV_CFLAGS) -o $@ $(COV_OBJ) $(JSON_LIBS) -ldl -lm

# every spur by the sweep (see PATH_SPUR_WORK_FACTOR in lib/path.c)
$(COV_B)/ladderc-sweep: $(COV_SWEEP_OBJ)
	$(CC) $(COV_CFLAGS) -o $@ $(COV_SWEEP_OBJ) $(JSON_LIBS) -ldl -lm

$(COV_B)/sweep/path.o: lib/path.c | $(COV_B)/sweep $(GEN_H)
	$(CC) $(CPPFLAGS) $(WARN) $(COV_CFLAGS) -DPATH_SPUR_WORK_FACTOR=0 -DPATH_STAMP_MAX=7 -MMD -MP -c -o $@ $<

$(COV_B)/ladderc-render.so: $(COV_PIC_OBJ)
	$(CC) $(COV_CFLAGS) -shared -Wl,--no-undefined -o $@ $(COV_PIC_OBJ) $(RENDER_LIBS) -lm

$(COV_B)/%.o: %.c | $(COV_B) $(GEN_H)
	$(CC) $(CPPFLAGS) $(WARN) $(COV_CFLAGS) -MMD -MP -c -o $@ $<

$(COV_B)/pic/%.o: %.c | $(COV_B)/pic $(GEN_H)
	$(CC) $(CPPFLAGS) $(GV_CFLAGS) $(WARN) $(COV_CFLAGS) -fPIC -fvisibility=hidden -DLADDERC_PLUGIN -MMD -MP -c -o $@ $<

# generated sources: the main Makefile's rules make them, here they are compiled again
$(COV_B)/%.o: $(B)/%.c $(GEN_H) | $(COV_B)
	$(CC) $(CPPFLAGS) $(WARN) $(COV_CFLAGS) -c -o $@ $<
$(COV_B)/ladder.tab.o: $(B)/ladder.tab.c $(GEN_H) | $(COV_B)
	$(CC) $(CPPFLAGS) $(WARN) $(COV_CFLAGS) -c -o $@ $<
$(COV_B)/ladder.lex.o: $(B)/ladder.lex.c $(GEN_H) | $(COV_B)
	$(CC) $(CPPFLAGS) $(WARN) -Wno-unused-function $(COV_CFLAGS) -c -o $@ $<

-include $(wildcard $(COV_B)/*.d $(COV_B)/pic/*.d $(COV_B)/sweep/*.d)
