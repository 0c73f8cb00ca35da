# bench.mk - make bench (see bench/README or docs/performance.md)
