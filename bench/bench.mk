# bench.mk - the benchmark (included by the Makefile; see docs/performance.md)
#
#   make bench        generate ladders of 1k..1M roles into build/bench/, in
#                     two shapes (bench/gen.c: the tuned one, valid, and the
#                     random one, full of errors and warnings), time ladderc
#                     against wc -l and Graphviz, render the maps of issue 12
#                     (tests/tools/gen_ladder.py: 300 and 1,000 roles, 300
#                     tracks) beside neato -n2, and rewrite the measured
#                     part of docs/performance.md (6 to 8 minutes;
#                     BENCH_SIZES="100000 1000000" for the growth targets only)
#   make bench-lsp    the language server's re-check of a 1,000-role ladder
#                     after a one-character change, 1,000 times, by a scripted
#                     client (tests/tools/lsp_client.py --bench): the server's
#                     own time and the round trip, median and quartiles, on
#                     one core (taskset); make bench runs it last. Reported by
#                     hand in docs/performance.md ("The language server")
#   make bench-smoke  the same pipeline once, on 1k roles, with no timing
#                     targets; writes build/bench/performance-smoke.md (or
#                     $BENCH_WORK/). Fails only when a command fails: the
#                     tests run it.

BENCH_DIR := $(B)/bench

.PHONY: bench bench-smoke bench-lsp

$(BENCH_DIR):
	mkdir -p $@

$(BENCH_DIR)/gen: bench/gen.c | $(BENCH_DIR)
	$(CC) $(WARN) $(CFLAGS) -o $@ bench/gen.c

# hyperfine and GNU time come with the test dependencies
bench: test-deps
	@$(MAKE) --no-print-directory all $(BENCH_DIR)/gen
	@bench/run.sh
	@$(MAKE) --no-print-directory bench-lsp

bench-lsp: all
	taskset -c 0 python3 tests/tools/lsp_client.py $(B)/ladderc --bench 1000

bench-smoke: all $(BENCH_DIR)/gen
	@bench/run.sh --smoke
