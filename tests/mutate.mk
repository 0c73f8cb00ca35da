# make mutate: the mutation tester (scripts/mutate.py), not part of `make check`.
#   MUTATE_FILES  the files to mutate (default: the checker, the CLI, path, fmt)
#   MUTATE_FUNCS  only mutants inside these functions (default: all)
#   MUTATE_SAMPLE N: a deterministic subset of N mutants (default: all)
#   MUTATE_JOBS   scratch copies run in parallel (default: 2)
# Writes build/mutate/report.md; the scratch copies are build/mutate/slot*.
MUTATE_FILES  ?= lib/check.c cli/main.c lib/path.c lib/fmt.c
MUTATE_FUNCS  ?=
MUTATE_SAMPLE ?= 0
MUTATE_JOBS   ?= 2

.PHONY: mutate
mutate:
	@scripts/deps.sh test
	python3 scripts/mutate.py --files "$(MUTATE_FILES)" --funcs "$(MUTATE_FUNCS)" \
	    --sample $(MUTATE_SAMPLE) --jobs $(MUTATE_JOBS)
