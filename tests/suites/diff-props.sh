# diff-props.sh - `ladderc diff` compares meanings, not text: for every
# example (examples/*.ladder, the framework of examples/framework/ whose files
# import each other, share/ladderc/std/*.ladder), every test case that checks
# clean with `check`, and the generated framework of the other suites, a
# version with its statements shuffled, one reformatted unlike `ladderc fmt`
# would, and one both shuffled and reformatted diff to "no changes" in text,
# Markdown and JSON, with --exit-code 0; so do the ladder split in two
# files, one importing the other, and (in the relative layout) its roles'
# places moved without changing any order on an axis. The converse, so that the property
# cannot pass by diff saying nothing: one word changed (a display name) gives
# exactly that change, in each format, with --exit-code 3, at the FILE:LINE
# of the changed statement. tests/tools/shuffle_ladder.py writes the versions
# (its header says what moves and what the reformatting varies),
# tests/tools/diff_props_check.py reads the outputs; DIFF_PROPS_SEED=N tries
# other orders and layouts (the default seed is 1).
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq, expect_file).
#
# Cost: about 230 runs of ladderc on small files, five of python3.

DP="$TMP/diff-props"
rm -rf "$DP"
mkdir -p "$DP/src/gen"
DP_SEED=${DIFF_PROPS_SEED:-1}

# dp_diff NAME ARGS...: ladderc diff ARGS, its output, status and stderr
# appended to $DP/log under NAME (the format is in diff_props_check.py: one
# log, not three files a run, which cost more than the run on an overlay
# file system)
dp_diff() {
    printf '\036run %s\n' "$1" >>"$DP/log"
    shift
    timeout 30 "$LADDERC" diff "$@" >>"$DP/log" 2>"$DP/err" </dev/null
    printf '\036rc %s\n' "$?" >>"$DP/log"
    if [ -s "$DP/err" ]; then
        printf '\036stderr\n' >>"$DP/log"
        cat "$DP/err" >>"$DP/log"
    fi
}

# A ladder diffed with itself: what "no changes" is in each format, which
# every version below must give (the checker says what each must say, so
# that a diff printing nothing cannot pass)
dp_self="$ROOT/examples/skills-map.ladder"
for dp_t in text md json; do
    dp_diff "none.$dp_t" -T "$dp_t" --exit-code "$dp_self" "$dp_self"
done

# ---- the versions ------------------------------------------------------------

# The examples and the shipped ladders (all their versions), every case that
# `check` passes (no .args, no .rc: warnings allowed; only the version both
# shuffled and reformatted), named from the top of the repository so that a
# framework file's imports of its siblings find the shuffled siblings; and
# the generated framework of geometry.sh and bench.sh (gen_ladder.py's
# richest shape that is not a stress test: own level names, boxes, nine
# tracks), under $DP/src.
dp_repo=$(cd "$ROOT" && ls examples/*.ladder examples/framework/*.ladder share/ladderc/std/*.ladder)
dp_cases=$(cd "$ROOT" && for f in tests/cases/*/*.ladder; do
    [ -f "${f%.ladder}.args" ] || [ -f "${f%.ladder}.rc" ] || echo "$f"
done)
# Under the sanitizers (a process costs ten times more) every ladder runs as
# a test case does, and the cases themselves run in the normal run only
# (ladderc diff takes the same paths through them as through the examples).
dp_mode=all
if [ -n "${LADDERC_SANITIZED:-}" ]; then
    dp_cases="" dp_mode=both
fi
python3 "$ROOT/tests/tools/gen_ladder.py" --seed 3 framework >"$DP/src/gen/framework.ladder"
dp_shuffle() { python3 "$ROOT/tests/tools/shuffle_ladder.py" --seed "$DP_SEED" --out "$DP/v" "$@"; }
# shellcheck disable=SC2086
{
    (cd "$ROOT" && dp_shuffle $dp_repo && { [ -z "$dp_cases" ] || dp_shuffle --only-both $dp_cases; })
    (cd "$DP/src" && dp_shuffle gen/framework.ladder)
} >"$DP/manifest" 2>"$DP/tool.err"
# shellcheck disable=SC2086
expect_eq "diff-props: shuffle_ladder.py rewrote every ladder" \
    "$(echo $dp_repo $dp_cases gen | wc -w) " "$(wc -l <"$DP/manifest") $(head -c 2000 "$DP/tool.err")"

# ---- the runs ----------------------------------------------------------------

# dp_run REL all|both: diffs REL (from the current folder) with its versions
# and its changed version; the checker reads the outputs. all: each version
# in text (with --exit-code), md and json, the changed one in the three
# formats, the split and the bent ones in text. both (the test cases, many, small and alike): the version both
# shuffled and reformatted in text, the changed one in JSON, a sixth of the
# runs.
dp_run() {
    dp_k=$(printf '%s' "$1" | tr '/' '_')
    for dp_v in shuffled reformatted both; do
        [ "$2" = all ] || [ $dp_v = both ] || continue
        dp_diff "$dp_k.$dp_v.text" --exit-code "$1" "$DP/v/$dp_v/$1"
        [ "$2" = all ] || continue
        dp_diff "$dp_k.$dp_v.md" -T md --exit-code "$1" "$DP/v/$dp_v/$1"
        dp_diff "$dp_k.$dp_v.json" -T json --exit-code "$1" "$DP/v/$dp_v/$1"
    done
    for dp_v in split bent; do
        [ "$2" = all ] && [ -f "$DP/v/$dp_v/$1" ] && dp_diff "$dp_k.$dp_v.text" --exit-code "$1" "$DP/v/$dp_v/$1"
    done
    dp_mut="$DP/v/both/${1%.ladder}.mut.ladder"
    [ -f "$dp_mut" ] || return 0
    dp_diff "$dp_k.mut.json" -T json --exit-code "$1" "$dp_mut"
    [ "$2" = all ] || return 0
    dp_diff "$dp_k.mut.text" "$1" "$dp_mut"
    dp_diff "$dp_k.mut.md" -T md "$1" "$dp_mut"
}
(
    cd "$ROOT" || exit 1
    for dp_f in $dp_repo; do dp_run "$dp_f" $dp_mode; done
    for dp_f in $dp_cases; do dp_run "$dp_f" both; done
    cd "$DP/src" && dp_run gen/framework.ladder $dp_mode
)

# ---- the checker -------------------------------------------------------------

python3 "$ROOT/tests/tools/diff_props_check.py" "$DP" "$ROOT" >"$DP/report" 2>"$DP/check.err"
expect_eq "diff-props: the checker ran to its end" "0 " "$? $(head -c 2000 "$DP/check.err")"
dp_name="" dp_ok="" dp_why=""
# dp_flush: counts the test read so far
dp_flush() {
    [ -n "$dp_name" ] || return 0
    if [ "$dp_ok" = 1 ]; then pass "$dp_name"; else fail "$dp_name" "$dp_why"; fi
    dp_name="" dp_why=""
}
while IFS= read -r dp_line; do
    case $dp_line in
    "ok "*) dp_flush; dp_name=${dp_line#ok } dp_ok=1 ;;
    "FAIL "*) dp_flush; dp_name=${dp_line#FAIL } dp_ok=0 ;;
    *) dp_why="${dp_why:+$dp_why
}${dp_line#     }" ;;
    esac
done <"$DP/report"
dp_flush
expect_eq "diff-props: the checker read every ladder" \
    "$(wc -l <"$DP/manifest")" "$(grep -c '^[a-zA-Z]* diff-props: .* with one word changed' "$DP/report")"
