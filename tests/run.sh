#!/bin/sh
# run.sh - every test of ladderc. The last line is "N passed, N failed, N skipped".
#
#   tests/run.sh [--slow] [--update] [FILTER]
#
# FILTER runs only the cases and suites whose path (from the top of the tree,
# as tests/cases/check/E120-...) contains it. --slow (or
# CHECK_SLOW=1, what `make check-slow` sets) adds the slow tier: suites marked
# "# runner: slow" and the heavy halves of the others (they test $CHECK_SLOW).
# SANITIZERS=0 skips the sanitizer suite; TIMES=1 prints each suite's CPU time;
# TEST_JOBS=N runs N suites at a time (default: the cores; 1 for one at a
# time); RUN_TRACE=FILE writes when each starts and ends; RUN_LIST=FILE runs
# only the cases and suites FILE names (the sanitized rerun's
# tests/sanitized.list); GCOV_ITEMS=DIR gives each its own gcov counts
# (tests/suites/san-subset.sh).
#
# Data-driven cases: tests/cases/<topic>/<name>.ladder, run from their own
# folder as `ladderc <args> <name>.ladder`, where <args> is the first line of
# <name>.args (default: check); a "{}" in it stands for the file name where
# it must not come last (`path {} a b`). Any command can be tested this way
# (tests/cases/cli/ has fmt, path and build -T json). Beside each:
# <name>.err (expected stderr, exact; absent: stderr must be empty),
# <name>.out (expected stdout, exact; absent: stdout must be empty, so that
# a case of fmt or path cannot pass without saying what it prints),
# <name>.rc (expected exit status, default 0). Each case runs under
# `timeout` (CASE_TIMEOUT, 30 s, over 100 times the slowest): a hang fails
# the case instead of blocking the run.
#
# Update mode. --update (or UPDATE=1, `make test UPDATE=1`) rewrites the
# .err, .out and .rc of every data case whose output differs, prints the
# diff of each rewritten file ("update" lines), and counts the case as
# passed. Read every line of that diff before committing (`git diff
# tests/cases` shows it again): a captured output nobody read is how wrong
# messages became expected ones. A .out is written when one exists or stdout
# is not empty; a .err when stderr is not empty (an empty one is removed); a
# .rc when the status is not 0. A hang or a death by signal is never captured.
#
# Scripted suites: tests/suites/*.sh, sourced with the helpers below (pass,
# fail, skip, expect_eq, expect_file, as_user), each in a process (a
# subshell of this one) and a $TMP of its own, several at a time (see "The
# queue" below): a suite may not count on another's variables or files, and
# what it puts in a shared place ($UNPRIV, the tree) has a name of its own (a
# prefix, as hd_ in hardening.sh). Its output is shown whole when it ends.
# Every ladderc a suite runs goes under `timeout` (a hang fails that test),
# and each suite has a watchdog besides (SUITE_TIMEOUT, 300 s of wall time,
# or "# runner: timeout N"): when it fires, the suite's running commands are
# killed and the suite fails.
#
# Skips. `skip NAME REASON` counts a test that could not run here; the last
# line counts them. A skip is allowed for one reason only: the test needs
# root (mount, chown, mknod), and the run is not root. As root, which is how
# CI runs (.ci/run), every test can run, so there a skip is a failure
# (LADDERC_ALLOW_SKIPS=1 turns that off for a root without the privileges,
# such as a container without CAP_SYS_ADMIN). Never skip for a missing
# package (scripts/deps.sh test installs what the tests use: fail), nor for a
# ladderc command that "does not exist yet" (run it: a regression must fail
# the test, not remove it). A test that needs an unprivileged user (a file it
# cannot read, a folder it cannot write) runs its command through as_user:
# as root, as nobody (setpriv), with $UNPRIV_LADDERC, a copy of ladderc that
# nobody can run, and files under $UNPRIV, a folder nobody can reach.
# Tiers are not skips: the slow tier and the smaller inputs under the
# sanitizers each run in `make check-slow` or the normal run.
#
# Markers a suite may carry on a line of its own in its header:
#   # runner: background   starts before everything else, outside the queue,
#                          and runs beside it (output and counts merged at
#                          the end): for suites that mostly wait (the
#                          sanitizer build, signals, sleeps, FIFOs) or that
#                          would otherwise end the run last (hardening)
#   # runner: slow         runs only with --slow (make check-slow)
#   # runner: budget N     its CPU budget in seconds, when not the default 5
#   # runner: timeout N    its watchdog in seconds of wall time (default 300)
#
# The budget rule. `make check` must pass within 90 s on a clean clone of a
# 2-core machine, twice in a row, whatever else the machine does. Before
# issue 15's suites (the WebAssembly build under node, the playground in
# headless chromium, ~15 to 20 s of CPU with the emcc compile) it had to
# come down to about 85 s: at 31797e4 it took 128 s (208 s of CPU) on a
# clean clone, after issue 15's runner work 110 to 158 s at loads of 4 to 7
# from other sessions (182 to 190 s of CPU; docs/reliability.md, "make
# check's time"): about 90 s on a quiet machine, so a new suite must pay for
# itself.
# After issue 15 (7122e63): 118 s on a quiet machine, 199 s of CPU as
# `time` counts it and ~235 core-seconds of the machine's (chromium's
# processes are not counted): /proc/stat shows both cores busy from the
# build's start to the end, so only less work shortens it
# (docs/reliability.md, "After issue 15"). The build's npm installs run
# beside its compilers. Clean clones of one commit vary by +-7 s here: judge
# a change by its own work, measured alone.
# The wall time is the CPU time over the cores, when both stay busy:
#   - the normal build (make -j2, -O2): ~14 s;
#   - the sanitizer suite, a background suite from the start (~73 s): the
#     ASan build (-O0, ~9 s), then the suite again under ASan+UBSan+LSan
#     (~39 s), in a queue of its own beside valgrind (~6 s), the fuzzer's
#     build (-O0, ~8 s) and the fuzz smoke (~9 s). That rerun runs the items
#     of tests/sanitized.list (RUN_LIST): the data cases and suites that
#     together reach every line and branch outcome of lib/, cli/, plugin/
#     and grammar/ that the whole rerun reaches (177 of 593 cases, 34
#     suites); check-slow reruns them all, and its san-subset.sh fails when
#     the list no longer covers them (a new test that reaches something new
#     must be listed: tests/tools/san_subset.py). Each ASan ladderc costs 8 to
#     12 ms of CPU to start and leak-check;
#   - the normal run: ~95 s (hardening, a background suite, ~12 s of it);
# each core's queue takes the next suite when it is free, so a new suite adds
# about half its CPU (and half again under the sanitizers, if it reaches
# something the listed items do not) to the wall time. RUN_TRACE=FILE writes
# when each suite starts and ends. So:
#   - a suite gets 5 s of CPU (user + system, its children included) in the
#     normal run, and twice that in the sanitized rerun; TIMES=1 shows where it
#     stands, and one above its budget gets a note (never a failure). A suite
#     that needs more says so with "# runner: budget N" and a reason;
#   - what is heavy runs once, without the sanitizers: under LADDERC_SANITIZED
#     (set in the nested run) inputs stay small (10k lines at most) and stress
#     cases run only in the normal run (a tier, not a skip); more than that
#     goes behind $CHECK_SLOW (the slow tier), as long as
#     `make check` still covers each class of bug once;
#   - no test depends on the machine's speed: bound work, output bytes or
#     memory (GNU time's %M, ulimit -v), not time. Where only a clock can catch
#     a hang, give a margin of 10x over the measured time, never a tight one.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
LADDERC=${LADDERC:-$ROOT/build/ladderc}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ladderc-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
# on an interrupt, the queue's workers and the background suites go too (as
# background jobs of a script they ignore SIGINT, and would run on)
run_stop() { for _rs in ${q_pids:-} ${bg_pids:-}; do kill_tree "$_rs"; done; }
trap 'run_stop; exit 130' INT
trap 'run_stop; exit 143' TERM
export NO_COLOR=1
# no_lsan CMD...: CMD with LeakSanitizer off (in a subshell: for a ladderc
# command, never for a test helper, whose counts would be lost). Under ASan,
# LeakSanitizer's tracer crashed now and then at the exit of a PNG render
# on a loaded machine ("Tracer caught signal 11", pango's and fontconfig's
# threads), failing a test that had nothing wrong. Our code on the PNG path
# is the SVG path's but for the plugin table (SVG is leak-checked), and
# valgrind checks PNG for leaks in make check-slow.
no_lsan() ( ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}detect_leaks=0"; export ASAN_OPTIONS; "$@" )

# fontconfig's user cache, private to this run: the sanitized rerun renders
# PNGs beside the normal run, and two processes rebuilding one cache once
# gave two different PNGs of one map (cli: deterministic png)
export XDG_CACHE_HOME="$TMP/cache"
export LC_ALL=C.UTF-8
CHECK_SLOW=${CHECK_SLOW:-}
UPDATE=${UPDATE:-}
while [ $# -gt 0 ]; do
    case $1 in
    --slow) CHECK_SLOW=1; shift ;;
    --update) UPDATE=1; shift ;;
    *) break ;;
    esac
done
[ "$UPDATE" = 0 ] && UPDATE=""
export CHECK_SLOW
ONLY=${1:-}
CASE_TIMEOUT=${CASE_TIMEOUT:-30}
SUITE_TIMEOUT=${SUITE_TIMEOUT:-300}

passed=0
failed=0
skipped=0
updated=0

pass() { passed=$((passed + 1)); [ -n "${VERBOSE:-}" ] && echo "ok   $1"; return 0; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; [ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/     /'; return 0; }

# skip NAME REASON: a test that cannot run here (see "Skips" above): counted
# and shown; as root a failure, unless LADDERC_ALLOW_SKIPS=1
skip() {
    if [ "$(id -u)" = 0 ] && [ "${LADDERC_ALLOW_SKIPS:-}" != 1 ]; then
        fail "$1 (skipped as root: $2; as root every test must run)"
        return 0
    fi
    skipped=$((skipped + 1))
    echo "skip $1 ($2)"
    return 0
}

# expect_eq NAME EXPECTED ACTUAL
expect_eq() {
    if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "expected: $2
actual:   $3"; fi
}

# expect_report PREFIX FILE: the checks a tool wrote into FILE become this
# suite's tests, "PREFIX: NAME": a line "ok NAME" passes, a line "FAIL NAME"
# fails with the lines after it indented by four spaces as its details;
# "measure ..." lines are shown with TIMES=1 or VERBOSE=1, and other lines
# (a tool's notes) are ignored. (Count the lines to know that every check ran.)
expect_report() {
    er_fail="" er_detail=""
    while IFS= read -r er_line || [ -n "$er_line" ]; do
        case $er_line in
        "    "*)
            [ -n "$er_fail" ] && er_detail="$er_detail${er_detail:+
}${er_line#    }"
            continue
            ;;
        esac
        [ -n "$er_fail" ] && er_failed "$1: $er_fail" "$er_detail"
        er_fail="" er_detail=""
        case $er_line in
        "ok "*) pass "$1: ${er_line#ok }" ;;
        "FAIL "*) er_fail=${er_line#FAIL } ;;
        "measure "*) [ -n "${TIMES:-}${VERBOSE:-}" ] && echo "$1: $er_line" ;;
        esac
    done <"$2"
    [ -n "$er_fail" ] && er_failed "$1: $er_fail" "$er_detail"
    return 0
}
er_failed() { if [ -n "$2" ]; then fail "$1" "$2"; else fail "$1"; fi; }

# expect_file NAME EXPECTED_FILE ACTUAL_FILE
expect_file() {
    if cmp -s "$2" "$3"; then pass "$1"; else fail "$1" "$(diff -u "$2" "$3" | head -40)"; fi
}

# as_user CMD...: runs CMD without privileges. As root, as nobody (setpriv):
# what CMD reads or writes must then be under $UNPRIV (open to others: $TMP
# lets them through, but lists nothing), and ladderc is $UNPRIV_LADDERC, a
# copy nobody can run. Otherwise CMD runs as it is.
RUN_TMP=$TMP
UNPRIV=$TMP/unpriv
mkdir -p "$UNPRIV/bin" "$UNPRIV/gcov"
chmod 755 "$UNPRIV" "$UNPRIV/bin"
chmod 777 "$UNPRIV/gcov"
UNPRIV_LADDERC=$LADDERC
if [ "$(id -u)" = 0 ] && [ -x "$LADDERC" ]; then
    cp "$LADDERC" "$UNPRIV/bin/ladderc"
    [ -f "$(dirname "$LADDERC")/ladderc-render.so" ] && cp "$(dirname "$LADDERC")/ladderc-render.so" "$UNPRIV/bin/"
    chmod -R a+rX "$UNPRIV/bin"
    UNPRIV_LADDERC=$UNPRIV/bin/ladderc
fi
as_user() {
    if [ "$(id -u)" = 0 ]; then
        chmod o+x "$RUN_TMP"    # (again: a suite may have taken it back)
        # GCOV_PREFIX: under `make coverage`, nobody cannot write the counts
        # beside the instrumented build; they go here (and are not reported)
        GCOV_PREFIX=$UNPRIV/gcov${GCOV_ITEM:+/$GCOV_ITEM} setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
        return
    fi
    "$@"
}

# python3 without the site module (-S), for every suite: the checkers use
# the standard library only, and site's start-up (the .pth files of the
# machine's dist-packages) was ~21 of the ~93 ms each python3 took here;
# make check starts ~110 this way (and the sanitized rerun ~half as many).
# A script that needs a site package (diff-git.sh's YAML) runs
# `command python3`; one run through timeout is not reached by this.
python3() { command python3 -S "$@"; }

# case_update FILE CONTENT_FILE KEEP_EMPTY: in update mode, FILE becomes
# CONTENT_FILE (removed when that is empty and KEEP_EMPTY is not 1); the diff
# is printed for review
case_update() {
    if [ -s "$2" ] || [ "$3" = 1 ]; then
        cmp -s "$1" "$2" 2>/dev/null && return 0
        if [ -f "$1" ]; then echo "     ${1#"$ROOT"/}:"; else echo "     ${1#"$ROOT"/} (new):"; fi
        diff -u "$([ -f "$1" ] && echo "$1" || echo /dev/null)" "$2" | sed "1,2d; s|^|     |"
        cp "$2" "$1"
    elif [ -f "$1" ]; then
        echo "     ${1#"$ROOT"/} (removed):"
        sed 's/^/     -/' "$1"
        rm -f "$1"
    fi
}

# run_case DIR NAME: one data-driven case. Four processes a case (timeout,
# ladderc, a cmp for each expected file): no subshell, no head, cat, dirname
# or basename (554 cases took 19 ms each, 10 s of CPU, in forks alone)
run_case() {
    dir=$1 name=$2
    args=check
    [ -f "$dir/$name.args" ] && { IFS= read -r args <"$dir/$name.args" || :; }
    case " $args " in *" {} "*) ;; *) args="$args {}" ;; esac
    want_rc=0
    [ -f "$dir/$name.rc" ] && { read -r want_rc <"$dir/$name.rc" || :; }
    set -f
    # shellcheck disable=SC2086
    set -- $args
    set +f
    for a; do
        shift
        if [ "$a" = "{}" ]; then set -- "$@" "$name.ladder"; else set -- "$@" "$a"; fi
    done
    _rc_pwd=$PWD
    cd "$dir" && timeout "$CASE_TIMEOUT" "$LADDERC" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
    rc=$?
    cd "$_rc_pwd" || return
    label="${dir#"$ROOT"/tests/cases/}/$name"
    if [ "$rc" = 124 ]; then
        fail "$label" "hung: no answer within $CASE_TIMEOUT s (timeout)"
        return
    fi
    ok=1 why=""
    if [ "$rc" != "$want_rc" ]; then ok=0; why="exit status $rc, expected $want_rc"; fi
    if [ -f "$dir/$name.err" ]; then
        cmp -s "$dir/$name.err" "$TMP/err" || { ok=0; why="$why
stderr differs:
$(diff -u "$dir/$name.err" "$TMP/err" | head -30)"; }
    elif [ -s "$TMP/err" ]; then
        ok=0; why="$why
unexpected stderr:
$(head -10 "$TMP/err")"
    fi
    if [ -f "$dir/$name.out" ]; then
        cmp -s "$dir/$name.out" "$TMP/out" || { ok=0; why="$why
stdout differs:
$(diff -u "$dir/$name.out" "$TMP/out" | head -30)"; }
    elif [ -s "$TMP/out" ]; then
        ok=0; why="$why
unexpected stdout (no $name.out):
$(head -10 "$TMP/out")"
    fi
    if [ $ok = 1 ]; then pass "$label"; return; fi
    if [ -z "$UPDATE" ]; then fail "$label" "$why"; return; fi
    if [ "$rc" -gt 124 ]; then
        fail "$label" "exit status $rc (a crash, a signal or a sanitizer): not captured
$why"
        return
    fi
    echo "update $label"
    case_update "$dir/$name.err" "$TMP/err" 0
    if [ -f "$dir/$name.out" ] || [ -s "$TMP/out" ]; then case_update "$dir/$name.out" "$TMP/out" 1; fi
    if [ "$rc" = 0 ]; then : >"$TMP/rc"; else echo "$rc" >"$TMP/rc"; fi
    case_update "$dir/$name.rc" "$TMP/rc" 0
    updated=$((updated + 1))
    pass "$label (updated)"
}

if [ ! -x "$LADDERC" ]; then
    echo "ladderc not built: run make first" >&2
    echo "0 passed, 1 failed, 0 skipped"
    exit 1
fi

# RUN_LIST=FILE: only the items FILE names, one a line (a path from the top
# of the tree: tests/cases/TOPIC/NAME.ladder, tests/suites/NAME.sh; "#" starts
# a comment), as the filter would select them. The sanitized rerun of `make
# check` runs tests/sanitized.list this way (tests/suites/sanitizers.sh).
RUN_LIST_ITEMS=""
if [ -n "${RUN_LIST:-}" ]; then
    [ -r "$RUN_LIST" ] || { echo "run.sh: RUN_LIST: cannot read $RUN_LIST" >&2; exit 2; }
    RUN_LIST_ITEMS="
$(sed 's/#.*//; s/[[:space:]]*$//; /^$/d' "$RUN_LIST")
"
fi
# (not passed on: a run.sh that a suite runs, as runner.sh does, runs all of its own)
unset RUN_LIST
# listed PATH: PATH (from the top of the tree) is to run: no RUN_LIST, or named in it
listed() {
    [ -z "$RUN_LIST_ITEMS" ] && return 0
    case $RUN_LIST_ITEMS in *"
$1
"*) return 0 ;; esac
    return 1
}
# GCOV_ITEMS=DIR (tests/suites/san-subset.sh): a gcov-instrumented ladderc's counts
# go to a tree of their own for each item, DIR/ITEM (ITEM: the item's path
# with "+" for "/"), through GCOV_PREFIX; what runs as nobody (as_user) to
# DIR/ITEM.nobody. Which lines and branches each item reaches, one by one.
RUN_GCOV_ITEMS=${GCOV_ITEMS:-}
unset GCOV_ITEMS
gcov_item() {   # gcov_item PATH: exports GCOV_PREFIX for the item PATH
    [ -n "$RUN_GCOV_ITEMS" ] || return 0
    GCOV_ITEM=$(printf '%s' "$1" | tr / +)
    GCOV_PREFIX=$RUN_GCOV_ITEMS/$GCOV_ITEM
    export GCOV_ITEM GCOV_PREFIX
}

# marker SUITE WORD: the value of SUITE's "# runner: WORD" line ("" if none;
# "yes" for a marker without a value)
marker() {
    sed -n "s/^# runner: $2\$/yes/p; s/^# runner: $2 \\(.*\\)/\\1/p" "$1" | head -n 1
}
# markers_all SUITE...: one line per SUITE, "SUITE|BACKGROUND|SLOW|BUDGET|TIMEOUT",
# each value as marker gives it ("-" for none): one awk for every suite (a
# sed per suite and marker took 4 s of the run's start, twice: the
# sanitized run's too)
markers_all() {
    awk 'function out() { if (f != "") printf "%s|%s|%s|%s|%s\n", f, m["background"], m["slow"], m["budget"], m["timeout"] }
        FNR == 1 { out(); f = FILENAME; m["background"] = m["slow"] = m["budget"] = m["timeout"] = "-" }
        /^# runner: / {
            w = $3; v = substr($0, length("# runner: " w) + 1)
            if (!(w in m) || m[w] != "-") next
            if (v == "") m[w] = "yes"; else if (substr(v, 1, 1) == " ") m[w] = substr(v, 2)
        }
        END { out() }' "$@"
}
wanted() {   # wanted SUITE [SLOW]: selected by the filter, the list and the tier
    case "${1#"$ROOT"/}" in *"$ONLY"*) ;; *) return 1 ;; esac
    listed "${1#"$ROOT"/}" || return 1
    [ -n "$CHECK_SLOW" ] || [ "${2:-$(marker "$1" slow)}" = - ] || [ -z "${2:-$(marker "$1" slow)}" ]
}

# The CPU time (user + system, waited-for children included) of each suite is
# the difference of two `times` of this shell, written to $CPU/NAME.0 and .1
# (redirected, not captured: $(times) would run in a subshell of its own).
CPU=$TMP/cpu
mkdir -p "$CPU"

# bg_alive: how many background suites are still running. A background
# suite's CPU is added to this shell's children's when it ends (the shell
# reaps it), so a suite during which one ended is not measured.
bg_alive() {
    _n=0
    for _pid in ${bg_pids:-}; do kill -0 "$_pid" 2>/dev/null && _n=$((_n + 1)); done
    echo "$_n"
}

# shell_pid: $_sp, the pid of the shell that runs it ($$ is the main shell's
# in a subshell too; the redirection is opened by the shell itself)
shell_pid() { read -r _sp _ </proc/self/stat; }

# kill_tree PID: kills PID and every process under it
kill_tree() {
    for _kt in $(ps -o pid= --ppid "$1" 2>/dev/null); do kill_tree "$_kt"; done
    kill -KILL "$1" 2>/dev/null
}

# watchdog SHELL_PID SECONDS FLAG: unless FLAG.done appears first, after
# SECONDS writes FLAG and kills the commands SHELL_PID is running (not the
# background suites), so that a hung command ends and its suite goes on;
# run_suite then fails the suite. It looks once a second (no signal to stop
# it: one sent before its subshell is set up can be lost). A hang in the
# shell itself is not caught (suites only wait on commands).
watchdog() {
    (
        _n=0
        while [ "$_n" -lt "$2" ]; do
            sleep 1
            { [ -e "$3.done" ] || [ ! -d "${3%/*}" ]; } && exit 0
            kill -0 "$1" 2>/dev/null || exit 0
            _n=$((_n + 1))
        done
        echo fired >"$3"
        shell_pid
        for _pid in $(ps -o pid= --ppid "$1"); do
            case " ${bg_pids:-} $_sp " in *" $_pid "*) continue ;; esac
            kill_tree "$_pid"
        done
    ) </dev/null >/dev/null 2>&1 &
}

# run_suite SUITE [BUDGET TIMEOUT]: sources SUITE between two `times`, under
# its watchdog (BUDGET and TIMEOUT: its markers, "-" for none; read from
# SUITE when not given)
run_suite() {
    _run_name=${1##*/}
    _run_name=${_run_name%.sh}
    if [ $# -ge 3 ]; then
        _run_budget=$2 _run_limit=$3
        [ "$_run_budget" = - ] && _run_budget=""
        [ "$_run_limit" = - ] && _run_limit=""
    else
        _run_budget=$(marker "$1" budget)
        _run_limit=$(marker "$1" timeout)
    fi
    echo "${_run_budget:-5}" >"$CPU/$_run_name.budget"
    _run_alive=$(bg_alive)
    rm -f "$TMP/watchdog.$_run_name" "$TMP/watchdog.$_run_name.done"
    shell_pid
    watchdog "$_sp" "${_run_limit:-$SUITE_TIMEOUT}" "$TMP/watchdog.$_run_name"
    gcov_item "${1#"$ROOT"/}"
    times >"$CPU/$_run_name.0"
    # shellcheck disable=SC1090
    . "$1"
    times >"$CPU/$_run_name.1"
    : >"$TMP/watchdog.$_run_name.done"
    [ -e "$TMP/watchdog.$_run_name" ] && fail "$_run_name: the suite ran over its ${_run_limit:-$SUITE_TIMEOUT} s (watchdog): its running command was killed"
    [ "$(bg_alive)" = "$_run_alive" ] || : >"$CPU/$_run_name.unmeasured"
}

# run_trace WORDS: with RUN_TRACE=FILE, a line "SECONDS WORDS" in FILE (the
# sanitized run's lines say "san"): when each suite starts and ends, to see
# how the two cores are used (TIMES=1 says how much each costs)
run_trace() {
    [ -n "${RUN_TRACE:-}" ] || return 0
    echo "$(date +%s.%N)${LADDERC_SANITIZED:+ san} $1" >>"$RUN_TRACE"
}

# Background suites start first and run beside the rest, on the machine's
# other core, each in its own process and $TMP.
SUITES=$TMP/suites
: >"$SUITES"
for suite in "$ROOT"/tests/suites/*.sh; do
    [ -e "$suite" ] && markers_all "$ROOT"/tests/suites/*.sh >"$SUITES"
    break
done
bg_names=""
while IFS='|' read -r suite m_bg m_slow m_budget m_timeout; do
    [ "$m_bg" != - ] && wanted "$suite" "$m_slow" || continue
    name=${suite##*/}
    name=${name%.sh}
    mkdir -p "$TMP/bg.$name"
    (
        TMP=$TMP/bg.$name
        passed=0 failed=0 skipped=0
        bg_pids=""
        run_trace "start $name (background)"
        run_suite "$suite" "$m_budget" "$m_timeout"
        run_trace "end $name (background)"
        echo "$passed $failed $skipped" >"$TMP/counts"
    ) >"$TMP/bg.$name/out" 2>&1 </dev/null &
    echo $! >"$TMP/bg.$name/pid"
    bg_pids="${bg_pids:-} $!"
    bg_names="$bg_names $name"
done <"$SUITES"

# The queue: every other suite, and the data cases a topic (a folder of
# tests/cases) at a time, run by $TEST_JOBS workers (default: the number of
# cores), each item in a process and a $TMP of its own (as a background
# suite), its output shown whole when it ends. A worker takes the next item
# not taken (mkdir is the lock), heaviest first by their budgets, so the
# cores stay busy to the end: what make check's wall time is made of.
# (the queue is a file, an item a line: a tree whose path has blanks works)
QUEUE=$TMP/queue
: >"$QUEUE"
q_add() { printf '%s\n' "$1" >>"$QUEUE"; }
for q_min in 11 6 0; do
    while IFS='|' read -r suite m_bg m_slow m_budget m_timeout; do
        [ "$m_bg" = - ] && wanted "$suite" "$m_slow" || continue
        q_b=$m_budget
        case $q_b in - | "" | *[!0-9]*) q_b=5 ;; esac
        case $q_min in
        11) [ "$q_b" -ge 11 ] || continue ;;
        6) [ "$q_b" -ge 6 ] && [ "$q_b" -lt 11 ] || continue ;;
        0) [ "$q_b" -lt 6 ] || continue ;;
        esac
        q_add "suite:$suite|$m_budget|$m_timeout"
    done <"$SUITES"
    # the cases after the heavy suites, before the light ones
    [ $q_min = 6 ] || continue
    for q_dir in "$ROOT"/tests/cases/*/; do
        for f in "$q_dir"*.ladder; do
            [ -e "$f" ] || continue
            case "${f#"$ROOT"/}" in *"$ONLY"*) listed "${f#"$ROOT"/}" && { q_add "cases:${q_dir%/}"; break; } ;; esac
        done
    done
done
echo 5 >"$CPU/cases.budget"

# q_run_cases DIR: the data cases of one topic that the filter selects
q_run_cases() {
    for f in "$1"/*.ladder; do
        [ -e "$f" ] || continue
        case "${f#"$ROOT"/}" in *"$ONLY"*) ;; *) continue ;; esac
        listed "${f#"$ROOT"/}" || continue
        [ -z "$RUN_GCOV_ITEMS" ] || gcov_item "${f#"$ROOT"/}"
        _q_n=${f##*/}
        run_case "$1" "${_q_n%.ladder}"
    done
}

# q_name_of ITEM: the name its output, counts and CPU time go under
q_name_of() {
    case $1 in
    cases:*) echo "cases@${1##*/}" ;;
    *) _q_n=${1%%|*}; _q_n=${_q_n##*/}; echo "${_q_n%.sh}" ;;
    esac
}

# q_item ITEM N: runs one item of the queue in a process of its own (its
# output and counts beside its $TMP, not in it: the cases write $TMP/out),
# then shows its output under the print lock
q_item() {
    _q_name=$(q_name_of "$1")
    _q_tmp=$RUN_TMP/q.$2.$_q_name
    mkdir -p "$_q_tmp"
    run_trace "start $_q_name"
    (
        TMP=$_q_tmp
        passed=0 failed=0 skipped=0 updated=0
        bg_pids=""
        case $1 in
        cases:*)
            times >"$CPU/$_q_name.0"
            q_run_cases "${1#cases:}"
            times >"$CPU/$_q_name.1"
            ;;
        *)
            _q_s=${1#suite:}
            _q_limit=${_q_s##*|}
            _q_s=${_q_s%|*}
            _q_budget=${_q_s##*|}
            run_suite "${_q_s%|*}" "$_q_budget" "$_q_limit"
            ;;
        esac
        echo "$passed $failed $skipped $updated" >"$_q_tmp.counts"
    ) >"$_q_tmp.out" 2>&1
    run_trace "end $_q_name"
    until mkdir "$RUN_TMP/print.lock" 2>/dev/null; do sleep 0.05; done
    cat "$_q_tmp.out"
    rmdir "$RUN_TMP/print.lock"
}

# q_worker: takes items until none is left
q_worker() {
    _q_i=0
    while IFS= read -r _q_it; do
        _q_i=$((_q_i + 1))
        mkdir "$RUN_TMP/claim.$_q_i" 2>/dev/null || continue
        q_item "$_q_it" "$_q_i" </dev/null
    done <"$QUEUE"
}

TEST_JOBS=${TEST_JOBS:-$(nproc 2>/dev/null || echo 2)}
q_pids=""
q_w=0
while [ "$q_w" -lt "$TEST_JOBS" ]; do
    q_worker &
    q_pids="$q_pids $!"
    q_w=$((q_w + 1))
done
for _q_pid in $q_pids; do wait "$_q_pid"; done
q_i=0
while IFS= read -r q_it; do
    q_i=$((q_i + 1))
    q_name=$(q_name_of "$q_it")
    if [ -e "$TMP/q.$q_i.$q_name.counts" ]; then
        read -r bp bf bs bu <"$TMP/q.$q_i.$q_name.counts"
        passed=$((passed + bp))
        failed=$((failed + bf))
        skipped=$((skipped + ${bs:-0}))
        updated=$((updated + ${bu:-0}))
    else
        fail "$q_name: did not finish"
    fi
done <"$QUEUE"

for name in $bg_names; do
    wait "$(cat "$TMP/bg.$name/pid")"
    cat "$TMP/bg.$name/out"
    if [ -e "$TMP/bg.$name/counts" ]; then
        read -r bp bf bs <"$TMP/bg.$name/counts"
        passed=$((passed + bp))
        failed=$((failed + bf))
        skipped=$((skipped + ${bs:-0}))
    else
        fail "$name: the background suite did not finish"
    fi
done
# CPU time per suite; a note (not a failure) for one above its budget, which
# is twice as large under the sanitizers. The budgets are `make check`'s: the
# slow tier has none. The topics of the data cases add up to one line, cases.
for t1 in "$CPU"/*.1; do
    [ -e "$t1" ] || continue
    name=${t1##*/}
    name=${name%.1}
    if [ -e "$CPU/$name.unmeasured" ]; then
        [ -n "${TIMES:-}" ] && printf 'time: %-12s not measured: a background suite ended during it\n' "$name"
        continue
    fi
    base=${name%%@*}
    awk -v name="$base" '
        FNR == 1 { f++ }
        f <= 2 { for (i = 1; i <= NF; i++) { split($i, u, /[ms]/); s[f] += u[1] * 60 + u[2] } }
        f == 3 { budget = $1 }
        END { printf "%s %.3f %d\n", name, s[2] - s[1], budget }' "$CPU/$name.0" "$t1" "$CPU/$base.budget"
done >"$CPU/all"
awk -v all="${TIMES:-}" -v san="${LADDERC_SANITIZED:-}" -v slow="$CHECK_SLOW" '
    !($1 in t) { order[++n] = $1 }
    { t[$1] += $2; budget[$1] = san != "" ? 2 * $3 : $3 }
    END {
        where = san != "" ? " (sanitized run)" : ""
        for (i = 1; i <= n; i++) {
            name = order[i]
            if (all != "") printf "time: %-12s %6.1f s of CPU (budget %d s)%s\n", name, t[name], budget[name], where
            else if (t[name] > budget[name] && slow == "") printf "note: suite %s used %.1f s of CPU, above its budget of %d s%s (see tests/run.sh)\n", name, t[name], budget[name], where
        }
    }' "$CPU/all"

# the counts of what ran as nobody, beside each item's (GCOV_ITEMS)
if [ -n "$RUN_GCOV_ITEMS" ]; then
    for _gi in "$UNPRIV"/gcov/*; do
        [ -d "$_gi" ] && mv "$_gi" "$RUN_GCOV_ITEMS/${_gi##*/}.nobody"
    done
fi

if [ "$updated" != 0 ]; then
    echo "updated the expected files of $updated cases (the diffs above): read every line before committing (git diff tests/cases)"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
