#!/bin/sh
# run.sh - the benchmark behind `make bench` and `make bench-smoke`.
#
#   bench/run.sh          every size, several runs each; rewrites the part of
#                         docs/performance.md between the bench markers
#   bench/run.sh --smoke  the same pipeline once, on 1k roles, no targets;
#                         writes build/bench/performance-smoke.md
#   bench/run.sh --report the report again from the last run's measurements
#                         (after a change to bench/report.awk), no measuring
#
# Everything is measured in one go, on the same inputs: the floor (wc -l),
# Graphviz's reader (gvpr) on the equivalent DOT graph, and ladderc's check
# and backends. Times are medians (hyperfine); peak RSS is GNU time's %M.
# Inputs come from build/bench/gen (bench/gen.c) into build/bench/, not git,
# in two shapes: the tuned one (rN.ladder: valid, no warning, what the
# backends need) and the random one (xN.ladder: a random graph on a random
# grid, hundreds of thousands of errors and warnings at 1M roles), on which
# `check` runs with its warnings on and off: a checker tuned to the first
# shape must not be slow on the second.
#
# Environment: LADDERC (default build/ladderc), BENCH_WORK (the folder of
# inputs and results, default build/bench: the tests give each run its own),
# BENCH_SIZES (default
# "1000 10000 100000 1000000"), BENCH_DOC (default docs/performance.md; to
# measure a candidate binary without touching the docs), BENCH_MAPS (the
# maps of issue 12, default "crowded:300 spread:300 crowded:1000 spread:1000
# tracks:300", SHAPE:N for tests/tools/gen_ladder.py), BENCH_MAP_TIMEOUT
# (seconds a map's run may take, default 120). Needs python3, hyperfine,
# /usr/bin/time, graphviz and chromium (scripts/deps.sh test); without
# hyperfine a shell loop times the runs, without GNU time the peak RSS is not
# measured, without chromium the HTML pages' opening is not.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

SMOKE=0 REPORT_ONLY=0
case "${1:-}" in
--smoke) SMOKE=1 ;;
--report) REPORT_ONLY=1 ;;
"") ;;
*) echo "usage: bench/run.sh [--smoke | --report]" >&2; exit 2 ;;
esac

W=${BENCH_WORK:-build/bench}            # work folder, relative: commands read well in the report
LADDERC=${LADDERC:-build/ladderc}
GEN=build/bench/gen
SVG_MAX=10000                           # svg only up to this size: Graphviz's router is slow
SKILLS=examples/skills-map.ladder
NOWARN="-W no-W133 -W no-W151 -W no-W152 -W no-W162 -W no-W170"   # every warning
if [ "$SMOKE" = 1 ]; then
    SIZES=1000
    DOC=$W/performance-smoke.md
else
    SIZES=${BENCH_SIZES:-1000 10000 100000 1000000}
    DOC=${BENCH_DOC:-docs/performance.md}
fi
RUN=$W/run                              # this mode's measurements; inputs stay in $W
[ "$SMOKE" = 1 ] && RUN=$W/smoke
RESULTS=$RUN/results.tsv
LOG=$RUN/run.log

die() { echo "bench: error: $*" >&2; exit 1; }
say() { echo "bench: $*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }

[ -x "$LADDERC" ] || die "$LADDERC is not built: run make"
[ -x "$GEN" ] || die "$GEN is not built: run make $GEN"
for tool in gvpr dot neato; do
    have "$tool" || die "$tool not found: install graphviz (scripts/deps.sh test)"
done
TIME=""
if [ -x /usr/bin/time ] && /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
    TIME="/usr/bin/time -f %M"
else
    say "GNU time not found: peak RSS will not be measured (scripts/deps.sh test installs it)"
fi
HYPERFINE=0
if have hyperfine; then
    HYPERFINE=1
else
    say "hyperfine not found: timing with a shell loop (scripts/deps.sh test installs it)"
fi
mkdir -p "$W" "$RUN"
RANDOM_TSV=$RUN/random.tsv
MAP_GEN=tests/tools/gen_ladder.py
MAP_TIMEOUT=${BENCH_MAP_TIMEOUT:-120}
MAPS_TSV=$RUN/maps.tsv                  # the maps of issue 12, below
META=$RUN/meta                          # what the report needs from the measuring
if [ "$REPORT_ONLY" = 0 ]; then
    : >"$RESULTS"
    : >"$LOG"
    : >"$RANDOM_TSV"
else
    [ -s "$RESULTS" ] && [ -s "$META" ] || die "no measurements in $RUN: run bench/run.sh first"
fi

# ---- measuring -------------------------------------------------------------

# median_of FILE: the median of the numbers in FILE (nanoseconds) in seconds
median_of() {
    sort -n "$1" | awk '{ v[NR] = $1 }
        END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.9f\n", m / 1e9 }'
}

# measure ID RUNS RSSMODE INPUT CMD [STATUS]
#   Times CMD (one string, no shell features) RUNS times and records the
#   median wall time, the mean CPU time (user + system), the peak RSS, and
#   INPUT's size in bytes and lines, in RESULTS.
#   RSSMODE warm: one untimed run under GNU time first, which is also the
#   warm-up; inline: every timed run under GNU time, for commands of seconds
#   where its 1 ms does not matter and an extra run would.
#   STATUS (default 0): CMD's exit status; with 1 (the random shape's errors)
#   its diagnostics go to /dev/null, not to the log, and hyperfine ignores the
#   status (validate_random checked it).
measure() {
    id=$1 runs=$2 mode=$3 input=$4 cmd=$5 want=${6:-0}
    [ "$SMOKE" = 1 ] && runs=1
    errlog=$LOG ignore=""
    [ "$want" != 0 ] && errlog=/dev/null ignore=-i
    rss=$RUN/rss.$id
    rm -f "$rss"
    timed=$cmd
    if [ "$mode" = warm ]; then
        rc=0
        if [ -n "$TIME" ]; then
            eval "$TIME -o $rss $cmd" >/dev/null 2>>"$errlog" || rc=$?
        else
            eval "$cmd" >/dev/null 2>>"$errlog" || rc=$?
        fi
        [ "$rc" = "$want" ] || die "failed: $cmd: exit status $rc, expected $want (see $LOG)"
    elif [ -n "$TIME" ]; then
        timed="$TIME -a -o $rss $cmd"
    fi
    warmup=0
    [ "$mode" = warm ] && [ "$runs" -ge 50 ] && [ "$SMOKE" = 0 ] && warmup=3
    if [ "$HYPERFINE" = 1 ]; then
        # shellcheck disable=SC2086
        hyperfine -N $ignore --style none --warmup "$warmup" --runs "$runs" \
            --export-json "$RUN/time.$id.json" "$timed" >/dev/null 2>>"$LOG" ||
            die "failed: $cmd (see $LOG)"
        median=$(sed -n 's/^ *"median": *\([0-9.eE+-]*\),*$/\1/p' "$RUN/time.$id.json" | head -n 1)
        cpu=$(awk -F: '/^ *"(user|system)":/ { gsub(/[ ,]/, "", $2); s += $2; n++ } n == 2 { printf "%.9f\n", s; exit }' "$RUN/time.$id.json")
    else
        : >"$RUN/time.$id.ns"
        i=0
        while [ "$i" -lt "$runs" ]; do
            t0=$(date +%s%N)
            rc=0
            eval "$timed" >/dev/null 2>>"$errlog" || rc=$?
            [ "$rc" = "$want" ] || die "failed: $cmd: exit status $rc, expected $want (see $LOG)"
            t1=$(date +%s%N)
            echo $((t1 - t0)) >>"$RUN/time.$id.ns"
            i=$((i + 1))
        done
        median=$(median_of "$RUN/time.$id.ns")
        cpu=-
    fi
    [ -n "$median" ] || die "no time for $cmd"
    peak=-
    [ -s "$rss" ] && peak=$(grep -E '^[0-9]+$' "$rss" | sort -n | tail -n 1)
    [ -n "$peak" ] || peak=-
    bytes=$(wc -c <"$input" | tr -d ' ')
    lines=$(wc -l <"$input" | tr -d ' ')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$median" "$cpu" "$peak" "$bytes" "$lines" "$cmd" >>"$RESULTS"
    printf 'bench:   %-14s %10.4f s  cpu %8s s  %8s KiB  %s\n' "$id" "$median" "$cpu" "$peak" "$cmd" >&2
}

if [ "$REPORT_ONLY" = 0 ]; then

# ---- inputs ----------------------------------------------------------------

# validate N: the generated ladder must compile with exit 0, and the model must
# hold all of it (a reader that stops early would pass check on the rest).
validate() {
    n=$1
    if ! "$LADDERC" build -T json "$W/r$n.ladder" >"$W/valid.json" 2>"$W/valid.err"; then
        head -n 20 "$W/valid.err" >&2
        die "ladderc rejects the generated $W/r$n.ladder (exit status above 0)"
    fi
    [ -s "$W/valid.err" ] && say "note: $W/r$n.ladder gives $(grep -c ': warning: ' "$W/valid.err") warnings ($(grep -o '\[W[0-9]*\]' "$W/valid.err" | sort -u | tr -d '[]' | tr '\n' ' ')), allowed but unexpected"
    want=$(grep -c ' -> ' "$W/r$n.ladder")
    got=$(grep -o '"from"' "$W/valid.json" | wc -l | tr -d ' ')
    if [ "$got" != "$want" ] || ! grep -q '"tailspin"' "$W/valid.json"; then
        die "ladderc compiled only part of $W/r$n.ladder: $got of $want transitions, last company present: $(grep -c '"tailspin"' "$W/valid.json")"
    fi
    rm -f "$W/valid.json" "$W/valid.err"
}

# validate_random N: the random ladder must be refused (exit 1, no crash) with
# errors and warnings; their numbers go to $RUN/random.tsv for the report.
validate_random() {
    n=$1 rc=0
    "$LADDERC" check "$W/x$n.ladder" >/dev/null 2>"$W/valid.err" || rc=$?
    [ "$rc" = 1 ] || { tail -n 5 "$W/valid.err" >&2; die "ladderc check $W/x$n.ladder: exit status $rc, expected 1"; }
    summary=$(tail -n 1 "$W/valid.err")
    errors=$(echo "$summary" | sed -n 's/^\([0-9]*\) errors\{0,1\}.*generated\.$/\1/p')
    warnings=$(echo "$summary" | sed -n 's/.* \([0-9]*\) warnings\{0,1\} generated\.$/\1/p')
    # without the summary line (a format of the future), the lines printed
    [ -n "$errors" ] || errors=$(grep -c ': error: ' "$W/valid.err" || true)
    [ -n "$warnings" ] || warnings=$(grep -c ': warning: ' "$W/valid.err" || true)
    [ "$errors" -gt 0 ] || die "ladderc check $W/x$n.ladder: exit status 1 but no error reported"
    codes=$(grep -o '\[[EW][0-9]*\]$' "$W/valid.err" | sort | uniq -c | sort -rn | head -n 6 |
        awk '{ gsub(/[\[\]]/, "", $2); printf "%s%s %s", (NR > 1 ? ", " : ""), $2, $1 }')
    printf '%s\t%s\t%s\t%s\n' "$n" "$errors" "$warnings" "$codes" >>"$RANDOM_TSV"
    rm -f "$W/valid.err"
}

# gen_input SHAPE PREFIX N: again when gen is newer; written aside and
# renamed, so a run cut short leaves no half input
gen_input() {
    if [ ! -s "$W/$2$3.dot" ] || [ -n "$(find "$GEN" -newer "$W/$2$3.dot")" ]; then
        say "generating $3 roles, $1 shape"
        "$GEN" --shape="$1" "$3" "$W/$2$3.ladder.tmp" "$W/$2$3.dot.tmp"
        mv "$W/$2$3.ladder.tmp" "$W/$2$3.ladder"
        mv "$W/$2$3.dot.tmp" "$W/$2$3.dot"
    fi
}

for n in $SIZES; do
    gen_input tuned r "$n"
    validate "$n"
    gen_input random x "$n"
    validate_random "$n"
    if [ "$n" -le "$SVG_MAX" ]; then
        "$LADDERC" build -T dot "$W/r$n.ladder" >"$W/l$n.dot"
    fi
done
"$LADDERC" build -T dot "$SKILLS" >"$W/skills-map.dot"

# ---- measurements ----------------------------------------------------------

LOAD_START=$(cut -d ' ' -f 1 /proc/loadavg)
say "measuring ladderc $("$LADDERC" --version | sed 's/^ladderc //') ($LADDERC); results in $RESULTS"
awk -v l="$LOAD_START" 'BEGIN { exit !(l > 0.5) }' &&
    say "warning: load average $LOAD_START before starting: other work competes for the CPU and inflates wall times"
for n in $SIZES; do
    case $n in
    1000 | 10000) runs=10 mode=warm ;;
    100000) runs=5 mode=warm ;;
    *) runs=3 mode=inline ;;
    esac
    L=$W/r$n.ladder
    measure "wc.$n" "$runs" "$mode" "$L" "wc -l $L"
    measure "gvpr.$n" "$runs" "$mode" "$W/r$n.dot" "gvpr -c 'N{}' $W/r$n.dot"
    measure "check.$n" "$runs" "$mode" "$L" "$LADDERC check $L"
    for f in dot md json; do
        measure "$f.$n" "$runs" "$mode" "$L" "$LADDERC build -T $f $L"
    done
    # the random shape: check with its warnings, and with every warning off
    X=$W/x$n.ladder
    measure "xwc.$n" "$runs" "$mode" "$X" "wc -l $X"
    measure "xcheck.$n" "$runs" "$mode" "$X" "$LADDERC check $X" 1
    measure "xnowarn.$n" "$runs" "$mode" "$X" "$LADDERC check $NOWARN $X" 1
    if [ "$n" -le "$SVG_MAX" ]; then
        if [ "$n" -le 1000 ]; then runs=5 mode=warm; else runs=3 mode=inline; fi
        measure "svg.$n" "$runs" "$mode" "$L" "$LADDERC build -T svg $L"
        measure "nop2.$n" "$runs" "$mode" "$W/l$n.dot" "dot -Knop2 -Tsvg $W/l$n.dot"
        measure "n2.$n" "$runs" "$mode" "$W/l$n.dot" "neato -n2 -Tsvg $W/l$n.dot"
    fi
done
measure "true.skills" 50 warm "$SKILLS" "true"
measure "cat.skills" 50 warm "$SKILLS" "cat $SKILLS"
measure "check.skills" 50 warm "$SKILLS" "$LADDERC check $SKILLS"
measure "svg.skills" 50 warm "$SKILLS" "$LADDERC build -T svg $SKILLS"
measure "neato.skills" 50 warm "$W/skills-map.dot" "neato -Tsvg $W/skills-map.dot"

# ---- the map at 300 and 1,000 roles (issue 12) ------------------------------
# tests/tools/gen_ladder.py's crowded shape (close roles, real titles) and
# spread shape (a lattice, short names, no overlap), and the worst case found
# in a few KB (300 tracks: 300 legend rows for the edge router). Each beside
# Graphviz's own command on the DOT ladderc writes for it, in the same run:
# `ladderc build -T dot` then `neato -n2 -Tsvg`. A render may take minutes
# before issue 12, so these run under `timeout $MAP_TIMEOUT`, at most three
# times each, and once only when a run takes more than 10 s.
if [ "$SMOKE" = 1 ]; then
    MAP_INPUTS="crowded:50 spread:50 tracks:20"
else
    MAP_INPUTS=${BENCH_MAPS:-crowded:300 spread:300 crowded:1000 spread:1000 tracks:300}
fi

# time_map ID CMD: CMD's wall, CPU (user + system) and peak RSS, as the medians
# of up to three runs (one when a run takes over 10 s), written to
# $RUN/map.ID; "timeout" for the wall when a run hits MAP_TIMEOUT
time_map() {
    tm_id=$1 tm_cmd=$2 tm_out=$RUN/map.$1
    : >"$tm_out.runs"
    tm_i=0
    while [ "$tm_i" -lt 3 ]; do
        tm_rc=0
        # shellcheck disable=SC2086
        /usr/bin/time -f '%e %U %S %M' -o "$tm_out.time" timeout "$MAP_TIMEOUT" $tm_cmd >/dev/null 2>>"$LOG" || tm_rc=$?
        if [ "$tm_rc" = 124 ]; then
            echo "timeout - - -" >"$tm_out"
            say "  $tm_id: over $MAP_TIMEOUT s (timeout): $tm_cmd"
            return 0
        fi
        [ "$tm_rc" = 0 ] || die "failed: $tm_cmd: exit status $tm_rc (see $LOG)"
        tail -n 1 "$tm_out.time" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' >>"$tm_out.runs"
        tm_i=$((tm_i + 1))
        [ "$SMOKE" = 1 ] && break
        awk '{ exit !($1 > 10) }' "$tm_out.time" 2>/dev/null && break
    done
    tm_med() { cut -d ' ' -f "$1" "$tm_out.runs" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
    echo "$(tm_med 1) $(tm_med 2) $(cut -d ' ' -f 3 "$tm_out.runs" | sort -n | tail -n 1)" >"$tm_out"
    say "  $tm_id: $(cat "$tm_out") (wall s, CPU s, peak KiB): $tm_cmd"
}

: >"$MAPS_TSV"
say "maps: $MAP_INPUTS (timeout $MAP_TIMEOUT s a run)"
for mi in $MAP_INPUTS; do
    shape=${mi%%:*} n=${mi#*:}
    ML=$W/map-$shape$n.ladder MD=$W/map-$shape$n.dot
    python3 "$MAP_GEN" "$shape" "$n" >"$ML" || die "$MAP_GEN $shape $n failed"
    "$LADDERC" check "$ML" 2>"$W/map.err" || { head -5 "$W/map.err" >&2; die "ladderc rejects $ML"; }
    "$LADDERC" build -T dot "$ML" >"$MD" 2>/dev/null || die "ladderc build -T dot $ML failed"
    time_map "svg.$shape$n" "$LADDERC build -T svg $ML"
    time_map "n2.$shape$n" "neato -n2 -Tsvg $MD"
    roles=$(grep -c '^role ' "$ML")
    moves=$(grep -c -- ' -> ' "$ML")
    # how the arrows are drawn: "routed" when ladderc gives each its spline
    # (nop2), else the DOT's splines (line: straight; true: Graphviz routes)
    splines=$(sed -n 's/.*splines=\([a-z]*\).*/\1/p' "$MD" | head -n 1)
    grep -q 'layout=nop2' "$MD" && splines=routed
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$shape" "$n" "$roles" "$moves" "$(wc -c <"$ML" | tr -d ' ')" \
        "$splines" "$(cat "$RUN/map.svg.$shape$n")" "$(cat "$RUN/map.n2.$shape$n")" >>"$MAPS_TSV"
done

# ---- the page (issue 13) ----------------------------------------------------
# `ladderc build -T html` on the skills map and on 1,000 roles (bench/gen.c's
# tuned r1000, and gen_ladder.py's crowded shape: real titles), timed as the
# maps are (time_map); then the page opened in headless chromium by
# tests/tools/browser.py --time: one browser, a fresh tab per opening, the
# median of five after one that warms the browser up, of the wall time from
# the navigation to the load event as the test sees it, and of the page's
# own clock at its load event's end and when page.js was done (its
# 'ladderc-ready' mark). Without chromium the openings are not measured.
PAGES_TSV=$RUN/pages.tsv
: >"$PAGES_TSV"
PAGE_INPUTS="skills:$SKILLS"         # the smoke: the skills map only (one browser start)
if [ "$SMOKE" = 0 ]; then
    [ -s "$W/r1000.ladder" ] || gen_input tuned r 1000
    python3 "$MAP_GEN" crowded 1000 >"$W/page-crowded1000.ladder" || die "$MAP_GEN crowded 1000 failed"
    PAGE_INPUTS="$PAGE_INPUTS r1000:$W/r1000.ladder crowded1000:$W/page-crowded1000.ladder"
fi
PAGE_RUNS=5
[ "$SMOKE" = 1 ] && PAGE_RUNS=1
have chromium || say "chromium not found: the pages' opening is not measured (scripts/deps.sh test installs it)"
for pi in $PAGE_INPUTS; do
    name=${pi%%:*} PL=${pi#*:}
    PH=$W/page-$name.html
    "$LADDERC" build -T html -o "$PH" "$PL" 2>>"$LOG" || die "ladderc build -T html $PL failed (see $LOG)"
    time_map "html.$name" "$LADDERC build -T html -o $PH $PL"
    opened="- - -"
    if have chromium; then
        case $PH in /*) url=file://$PH ;; *) url=file://$ROOT/$PH ;; esac
        opened=$(python3 tests/tools/browser.py --time "$PAGE_RUNS" "$url" 2>>"$LOG") ||
            die "opening $PH in chromium failed (see $LOG)"
        say "  open.$name: $opened (wall to load, load event end, script done; s)"
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$(grep -c '^role ' "$PL")" "$(wc -c <"$PL" | tr -d ' ')" \
        "$(wc -c <"$PH" | tr -d ' ')" "$(cat "$RUN/map.html.$name")" "$opened" >>"$PAGES_TSV"
done

LOAD_END=$(cut -d ' ' -f 1 /proc/loadavg)
REV=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git status --porcelain -- lib cli plugin include grammar 2>/dev/null | wc -l | tr -d ' ')
[ "$dirty" != 0 ] && REV="$REV with $dirty changed files in lib/, cli/, plugin/ and grammar/"
MEASURED_AT=$(date -u '+%Y-%m-%d %H:%M UTC')
{
    echo "LOAD_START='$LOAD_START' LOAD_END='$LOAD_END' SIZES='$SIZES'"
    echo "MEASURED_AT='$MEASURED_AT' REV='$REV'"
} >"$META"

else
    # shellcheck disable=SC1090
    . "$META"
fi

# ---- the report ------------------------------------------------------------

first() { "$@" 2>&1 | head -n 1; }
REPORT=$RUN/report.md
{
    echo "Measured $MEASURED_AT by \`$([ "$SMOKE" = 1 ] && echo 'make bench-smoke' || echo 'make bench')\`"
    echo "(bench/run.sh), ladderc at $REV, binary \`$LADDERC\`."
    echo
    echo "| machine | |"
    echo "| --- | --- |"
    echo "| CPU | $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(grep -c '^processor' /proc/cpuinfo) logical cores (nproc $(nproc)) |"
    load_note="a quiet machine"
    awk -v a="$LOAD_START" -v b="$LOAD_END" 'BEGIN { exit !(a > 0.5 || b > 0.5) }' &&
        load_note="**busy**: other work competed for the CPU; where the median (wall) is well above the CPU time, it waited"
    echo "| load average (1 min) | $LOAD_START before, $LOAD_END after: $load_note |"
    echo "| memory | $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) |"
    echo "| kernel | $(uname -sr) |"
    echo "| compiler | $(first cc --version), CFLAGS \`$(sed -n 's/^CFLAGS *?= *//p' Makefile)\` |"
    echo "| front end | $(first flex --version), $(first bison --version) |"
    echo "| Graphviz | $(first dot -V) |"
    echo "| tools | $(first hyperfine --version 2>/dev/null || echo 'no hyperfine'), GNU time $(dpkg-query -W -f '${Version}' time 2>/dev/null || echo '?'), $(first wc --version) |"
    echo
    awk -F '\t' -v sizes="$SIZES" -v svgmax="$SVG_MAX" -v smoke="$SMOKE" -v run="$RUN" -v random="$RANDOM_TSV" \
        -v nowarn="$NOWARN" -v maps="$MAPS_TSV" -v map_timeout="$MAP_TIMEOUT" -v pages="$RUN/pages.tsv" \
        -f bench/report.awk "$RESULTS"
} >"$REPORT"

BEGIN_MARK='<!-- bench:begin (written by make bench; edit outside the markers) -->'
END_MARK='<!-- bench:end -->'
if [ "$SMOKE" = 0 ] && [ -f "$DOC" ] && grep -qF "$BEGIN_MARK" "$DOC" && grep -qF "$END_MARK" "$DOC"; then
    awk -v b="$BEGIN_MARK" -v e="$END_MARK" -v rep="$REPORT" '
        $0 == b { print; while ((getline l < rep) > 0) print l; skip = 1; next }
        $0 == e { skip = 0 }
        !skip' "$DOC" >"$DOC.tmp"
    mv "$DOC.tmp" "$DOC"
else
    {
        echo "# Performance"
        echo
        echo "$BEGIN_MARK"
        cat "$REPORT"
        echo "$END_MARK"
    } >"$DOC.tmp"
    mv "$DOC.tmp" "$DOC"
fi
say "wrote $DOC"
