# faults.sh - what ladderc does when a system call, an allocation or
# Graphviz fails: the exact status (2: I/O, out of memory) and message, and
# nothing half-written or clobbered (the -o target unchanged, no temporary
# file left). Sourced by tests/run.sh (helpers: pass, fail, expect_eq).
#
# The failures come from tests/fault/fault.c, a shim compiled here into $TMP
# and loaded with LD_PRELOAD into ladderc alone (its header says how a fault
# is chosen: LADDERC_FAULT=FUNC:ERR:AFTER:TIMES and filters). Counts are of
# ladderc's own calls (the C library's internal ones never reach the shim);
# allocations are chosen by size or counted from the end of the input, never
# from the start of the process.
#
# runner: budget 8
# (4.9 to 5.3 s measured: a run per allocation swept, each run a session)
#
# Not under the sanitizers: ASan replaces malloc itself and does not mix with
# an LD_PRELOAD that does too, so in the sanitized rerun (LADDERC_SANITIZED)
# this suite registers no checks at all (not skips: the normal run has them).

if [ -z "${LADDERC_SANITIZED:-}" ]; then

FL="$TMP/faults"
mkdir -p "$FL"
FL_SHIM="$FL/fault.so"
FL_GOOD="$ROOT/examples/skills-map.ladder"
FL_OOM="ladderc: error: out of memory"

# the shim, built with the warnings the tree is built with: any output fails
${CC:-cc} -std=c11 -Wall -Wextra -O2 -shared -fPIC -o "$FL_SHIM" "$ROOT/tests/fault/fault.c" -ldl >"$FL/cc.log" 2>&1
expect_eq "faults: the shim builds without a warning" "0:" "$?:$(cat "$FL/cc.log")"

# fl_ladderc VAR=VALUE... -- ARGS...: ladderc ARGS, in $FL/w, with the shim
# and the VARs (LADDERC_FAULT...) in its environment only (not in timeout's
# or the shell's, whose calls the shim would count or fail); stdout in
# $FL/out, stderr in $FL/err, the status in $fl_rc. Standard input: the
# file $FL_STDIN, or through a pipe the file $FL_PIPE, or /dev/null.
# (FL_NOHUP=1: with SIGHUP ignored, as nohup runs it: set here, as timeout
# puts back the default action of the signals it forwards)
# shellcheck disable=SC2016
FL_EXEC='if [ -n "${FL_NOHUP:-}" ]; then trap "" HUP; fi; LD_PRELOAD="$0" exec "$@"'
fl_ladderc() {
    fl_seen=""
    for fl_a; do
        shift
        if [ -z "$fl_seen" ] && [ "$fl_a" = "--" ]; then
            fl_seen=1
            set -- "$@" sh -c "$FL_EXEC" "$FL_SHIM" "$LADDERC"
        else
            set -- "$@" "$fl_a"
        fi
    done
    # (2>/dev/null: the shell's "Hangup" when timeout passes on a death by
    # a signal by dying by it too)
    {
        if [ -n "${FL_PIPE:-}" ]; then
            # shellcheck disable=SC2002
            (cd "$FL/w" && cat "$FL_PIPE" | timeout 30 env "$@" >"$FL/out" 2>"$FL/err")    # a pipe, not a file
            fl_rc=$?
        elif [ -n "${fl_inplace:-}" ]; then
            # (the sweep's runs, hundreds of them, end by no signal: no
            # subshell for the cd; in this shell a death by a signal would
            # have it write "Hangup" into $FL/err)
            cd "$FL/w" && timeout 30 env "$@" >"$FL/out" 2>"$FL/err" <"${FL_STDIN:-/dev/null}"
            fl_rc=$?
            cd "$OLDPWD" || :
        else
            (cd "$FL/w" && timeout 30 env "$@" >"$FL/out" 2>"$FL/err" <"${FL_STDIN:-/dev/null}")
            fl_rc=$?
        fi
    } 2>/dev/null
}

# fl_expect NAME STATUS MESSAGE: the last run's status and whole stderr
fl_expect() {
    expect_eq "faults: $1 (exit status)" "$2" "$fl_rc"
    expect_eq "faults: $1 (message)" "$3" "$(cat "$FL/err")"
}

# fl_fresh: $FL/w holds m.ladder (the input) and out.dot (an earlier result
# that a failed build must leave as it was), nothing else
fl_fresh() {
    rm -rf "$FL/w"
    mkdir "$FL/w"
    cp "$FL_GOOD" "$FL/w/m.ladder"
    echo "the previous out.dot" >"$FL/w/out.dot"
}

# fl_ls DIR: every name in DIR, dot files too, on one line, in the order of
# the shell's globs (sorted, then the dot files): "m.ladder out.dot" exactly
# when those two are all there is. No process: the sweep below calls it a
# few hundred times (find, sort, tr and sed were a third of its CPU).
fl_ls() {
    _fl_names=""
    for _fl_p in "$1"/* "$1"/.[!.]* "$1"/..?*; do
        [ -e "$_fl_p" ] || [ -L "$_fl_p" ] || continue
        _fl_names="$_fl_names ${_fl_p##*/}"
    done
    echo "${_fl_names# }"
}

# fl_cat FILE: FILE's text as $(cat FILE) gives it (trailing newlines
# dropped; empty when FILE is missing), in $fl_text, without a process
FL_NL='
'
fl_cat() {
    fl_text="" _fl_sep=""
    [ -f "$1" ] || return 0
    while IFS= read -r _fl_l || [ -n "$_fl_l" ]; do
        fl_text="$fl_text$_fl_sep$_fl_l"
        _fl_sep=$FL_NL
    done <"$1"
    while [ "${fl_text%"$FL_NL"}" != "$fl_text" ]; do fl_text=${fl_text%"$FL_NL"}; done
}

# fl_untouched NAME: out.dot as fl_fresh left it, and no other file beside it
fl_untouched() {
    expect_eq "faults: $1 leaves out.dot as it was" "the previous out.dot" "$(cat "$FL/w/out.dot")"
    expect_eq "faults: $1 leaves no temporary file" "m.ladder out.dot" "$(fl_ls "$FL/w")"
}

# what ladderc writes without faults
fl_fresh
"$LADDERC" build -T dot "$FL_GOOD" >"$FL/good.dot"
# (in the folder of m.ladder, as the runs below: -T json names the file)
(cd "$FL/w" && "$LADDERC" build -T json m.ladder) >"$FL/good.json"
"$LADDERC" fmt "$FL_GOOD" >"$FL/good.fmt"

# ---- 1. out of memory: one message, status 2, never a crash ----------------
#
# Every allocation made after the input is read (LADDERC_FAULT_ARMED=eof) is
# failed in turn, one per run, until a run where the shim failed nothing:
# each run must say "out of memory" with status 2, or (an allocation of the C
# library's own, such as stdout's buffer, which it does without) succeed with
# the right output. Rendering is not swept: Graphviz itself crashes on a
# failed malloc.

# fl_sweep NAME EXPECTED_STDOUT FUNC ARGS...
fl_sweep() {
    fl_sname=$1 fl_want=$2 fl_func=$3
    shift 3
    fl_k=0 fl_ooms=0 fl_bad=""
    while [ "$fl_k" -lt 500 ]; do
        fl_fresh
        fl_inplace=1
        fl_ladderc LADDERC_FAULT="$fl_func:ENOMEM:$fl_k:1" LADDERC_FAULT_ARMED=eof LADDERC_FAULT_LOG="$FL/log" -- "$@"
        fl_inplace=""
        fl_cat "$FL/log"
        [ "$fl_text" = missed ] && break
        fl_cat "$FL/err"
        fl_err=$fl_text
        fl_cat "$FL/w/out.dot"
        if [ "$fl_rc" = 2 ] && [ "$fl_err" = "$FL_OOM" ] && [ ! -s "$FL/out" ] &&
            [ "$fl_text" = "the previous out.dot" ] && [ "$(fl_ls "$FL/w")" = "m.ladder out.dot" ]; then
            fl_ooms=$((fl_ooms + 1))
        elif [ "$fl_rc" = 0 ] && [ ! -s "$FL/err" ] && cmp -s "$fl_want" "$FL/out"; then
            :
        else
            fl_bad="$fl_bad
$fl_func call $fl_k after the input: status $fl_rc, stderr: $(head -c 300 "$FL/err")"
        fi
        fl_k=$((fl_k + 1))
    done
    if [ -z "$fl_bad" ] && [ "$fl_ooms" -gt 0 ] && [ "$fl_k" -lt 500 ]; then
        pass "faults: $fl_sname: each failing $fl_func says out of memory ($fl_ooms of $fl_k calls)"
    else
        fail "faults: $fl_sname: each failing $fl_func says out of memory" \
            "$fl_ooms of $fl_k calls said it${fl_bad}"
    fi
}

: >"$FL/empty"
fl_sweep "check" "$FL/empty" malloc check m.ladder
fl_sweep "build -o" "$FL/empty" malloc build -T dot -o out2.dot m.ladder
fl_sweep "build -o" "$FL/empty" realloc build -T dot -o out2.dot m.ladder
fl_sweep "build -T json" "$FL/good.json" realloc build -T json m.ladder
fl_sweep "fmt" "$FL/good.fmt" malloc fmt m.ladder
fl_sweep "fmt" "$FL/good.fmt" realloc fmt m.ladder

# standard input grows its buffer past 64 KiB (a realloc before the end)
python3 -c 'import sys; sys.stdout.write(open(sys.argv[1]).read() + "# padding\n" * 20000)' "$FL_GOOD" >"$FL/big.ladder"
fl_fresh
FL_PIPE=$FL/big.ladder fl_ladderc LADDERC_FAULT=realloc:ENOMEM LADDERC_FAULT_MIN=100000 -- check -
fl_expect "a 256 KB standard input, its buffer cannot grow" 2 "$FL_OOM"

# ---- 2. reading the input ---------------------------------------------------

fl_fresh
fl_ladderc LADDERC_FAULT=read:EINTR:0:1 LADDERC_FAULT_MIN=3 -- build -T dot m.ladder
fl_expect "read interrupted once (EINTR) is read again" 0 ""
expect_file "faults: read interrupted once: the whole input" "$FL/good.dot" "$FL/out"

fl_ladderc LADDERC_FAULT=read:EIO LADDERC_FAULT_MIN=3 -- check m.ladder
fl_expect "read fails (EIO)" 2 "ladderc: error: cannot read 'm.ladder': Input/output error"

fl_ladderc LADDERC_FAULT=read:EAGAIN LADDERC_FAULT_MIN=3 -- check m.ladder
fl_expect "a file that says 'try again' (EAGAIN) is refused" 2 \
    "ladderc: error: cannot read 'm.ladder': reading it would wait for more: not a file to read"

# standard input left non-blocking by whoever ran us: ladderc waits (poll)
FL_PIPE=$FL_GOOD fl_ladderc LADDERC_FAULT=read:EAGAIN:0:1 -- build -T dot -
fl_expect "standard input that says 'try again' once is waited for" 0 ""
expect_file "faults: standard input after EAGAIN: the whole input" "$FL/good.dot" "$FL/out"

FL_STDIN=$FL/w/m.ladder fl_ladderc LADDERC_FAULT=fstat:EIO:0:1 -- check -
fl_expect "fstat of standard input fails" 2 "ladderc: error: cannot read '-': Input/output error"

FL_STDIN=$FL/w fl_ladderc -- check -
fl_expect "standard input is a folder" 2 "ladderc: error: cannot read '-': Is a directory"

fl_ladderc LADDERC_FAULT=open:EACCES LADDERC_FAULT_PATH=m.ladder -- check m.ladder
fl_expect "open fails after stat (EACCES)" 2 "ladderc: error: cannot read 'm.ladder': Permission denied"

fl_ladderc LADDERC_FAULT=fstat:EIO LADDERC_FAULT_MIN=3 -- check m.ladder
fl_expect "fstat of the opened input fails" 2 "ladderc: error: cannot read 'm.ladder': Input/output error"

# ---- 3. writing -o: the lockfile pattern under failing calls ---------------
#
# The calls of a build -T dot -o out.dot m.ladder, in order: the input's
# stat, open, fstat, read, close (call 0 of close); the walk to out.dot
# (openat of "."), fstatat, may_use_in_folder's fstat of the folder (fstat
# 1, as out.dot exists), faccessat; the temporary file's openat, fstat (2),
# fchmod, write, fsync, close (1), renameat.

fl_io() {   # fl_io NAME SPEC [VAR=VALUE...]: fails, says "Input/output error", out.dot intact
    fl_iname=$1 fl_spec=$2
    shift 2
    fl_fresh
    fl_ladderc LADDERC_FAULT="$fl_spec" "$@" -- build -T dot -o out.dot m.ladder
    fl_expect "$fl_iname" 2 "ladderc: error: cannot write 'out.dot': Input/output error"
    fl_untouched "$fl_iname"
}
fl_io "write fails (EIO)" write:EIO LADDERC_FAULT_MIN=3
fl_io "fsync fails (EIO)" fsync:EIO
fl_io "closing the temporary file fails (EIO)" close:EIO:1:1
fl_io "rename fails (EIO)" renameat:EIO LADDERC_FAULT_PATH=out.dot
fl_io "fstat of the temporary file fails" fstat:EIO:2:1
fl_io "fstat of the folder fails" fstat:EIO:1:1

fl_fresh
fl_ladderc LADDERC_FAULT=write:ENOSPC LADDERC_FAULT_MIN=3 -- build -T dot -o out.dot m.ladder
fl_expect "write finds the disk full (ENOSPC)" 2 "ladderc: error: cannot write 'out.dot': No space left on device"
fl_untouched "write finds the disk full"

# two failures: the first is the one reported
fl_fresh
fl_ladderc LADDERC_FAULT=write:ENOSPC+close:EIO:1:1 LADDERC_FAULT_MIN=3 -- build -T dot -o out.dot m.ladder
fl_expect "write fails, then close too" 2 "ladderc: error: cannot write 'out.dot': No space left on device"
fl_untouched "write fails, then close too"

fl_fresh
fl_ladderc LADDERC_FAULT=write:EINTR:0:1 LADDERC_FAULT_MIN=3 -- build -T dot -o out.dot m.ladder
fl_expect "write interrupted once (EINTR) is written again" 0 ""
expect_file "faults: write interrupted once: the whole output" "$FL/good.dot" "$FL/w/out.dot"

fl_fresh
fl_ladderc LADDERC_FAULT=fchmod:EPERM -- build -T dot -o out.dot m.ladder
fl_expect "fchmod fails on the temporary file" 2 "ladderc: error: cannot write 'out.dot': Operation not permitted"
fl_untouched "fchmod fails"

fl_fresh
rm "$FL/w/out.dot"
fl_ladderc LADDERC_FAULT=fchmod:EPERM -- build -T dot -o new.dot m.ladder
fl_expect "fchmod fails on a new file's temporary file" 2 "ladderc: error: cannot write 'new.dot': Operation not permitted"
expect_eq "faults: fchmod fails on a new file: nothing created" "m.ladder" "$(fl_ls "$FL/w")"

fl_fresh
fl_ladderc LADDERC_FAULT=faccessat:EACCES LADDERC_FAULT_PATH=out.dot -- build -T dot -o out.dot m.ladder
fl_expect "an -o target that may not be written (faccessat)" 2 "ladderc: error: cannot write 'out.dot': Permission denied"
fl_untouched "an -o target that may not be written"

# temporary names: taken twice, then free; taken 100 times, given up
fl_fresh
fl_ladderc LADDERC_FAULT=openat:EEXIST:0:2 LADDERC_FAULT_PATH=.out.dot. -- build -T dot -o out.dot m.ladder
fl_expect "a temporary name taken twice: a third is tried" 0 ""
expect_file "faults: a temporary name taken twice: the whole output" "$FL/good.dot" "$FL/w/out.dot"
fl_fresh
fl_ladderc LADDERC_FAULT=openat:EEXIST LADDERC_FAULT_PATH=.out.dot. LADDERC_FAULT_LOG="$FL/log" -- build -T dot -o out.dot m.ladder
fl_expect "every temporary name taken" 2 "ladderc: error: cannot create a temporary file beside 'out.dot': File exists"
fl_untouched "every temporary name taken"

fl_fresh
fl_ladderc LADDERC_FAULT=openat:EACCES LADDERC_FAULT_PATH=.out.dot. -- build -T dot -o out.dot m.ladder
fl_expect "no temporary file may be created (EACCES)" 2 \
    "ladderc: error: cannot create a temporary file beside 'out.dot': Permission denied"
fl_untouched "no temporary file may be created"

# SIGHUP in the middle of the write: the temporary file is removed, and
# ladderc dies by the signal (128 + 1); unless the caller ignores it
# (nohup): then it stays ignored, and the write goes on
fl_fresh
fl_ladderc LADDERC_FAULT=write:SIGHUP:0:1 LADDERC_FAULT_MIN=3 -- build -T dot -o out.dot m.ladder
fl_expect "SIGHUP while writing" 129 "ladderc: error: interrupted while writing 'out.dot'; it is left as it was"
fl_untouched "SIGHUP while writing"
fl_fresh
fl_ladderc FL_NOHUP=1 LADDERC_FAULT=write:SIGHUP:0:1 LADDERC_FAULT_MIN=3 -- build -T dot -o out.dot m.ladder
fl_expect "SIGHUP while writing, SIGHUP ignored" 0 ""
expect_file "faults: SIGHUP while writing, SIGHUP ignored: the whole output" "$FL/good.dot" "$FL/w/out.dot"

# the owner and group of a file another user owns are kept: as root only
if [ "$(id -u)" = 0 ]; then
    fl_fresh
    chown 0:65534 "$FL/w/out.dot"
    fl_ladderc -- build -T dot -o out.dot m.ladder
    fl_expect "-o over a file of another group" 0 ""
    expect_eq "faults: -o over a file of another group keeps the group" "0:65534" "$(stat -c %u:%g "$FL/w/out.dot")"

    fl_fresh
    chown 65534:65534 "$FL/w/out.dot"
    fl_ladderc LADDERC_FAULT=fchown:EPERM -- build -T dot -o out.dot m.ladder
    fl_expect "fchown fails (another user's file)" 2 \
        "ladderc: error: cannot keep the owner and group of 'out.dot' (user 65534, group 65534): Operation not permitted; it is left as it was"
    fl_untouched "fchown fails"
else
    skip "faults: fchown fails (another user's file)" "needs root (chown)"
fi

# a link on the way whose target cannot be read, or reads back empty
fl_fresh
mkdir "$FL/w/d"
ln -s d "$FL/w/lnk"
fl_ladderc LADDERC_FAULT=readlinkat:EIO LADDERC_FAULT_PATH=lnk -- build -T dot -o lnk/out.dot m.ladder
fl_expect "a link on the way cannot be read" 2 "ladderc: error: cannot write 'lnk/out.dot': Input/output error"
fl_ladderc LADDERC_FAULT=readlinkat:0 LADDERC_FAULT_PATH=lnk -- build -T dot -o lnk/out.dot m.ladder
fl_expect "a link on the way reads back empty" 2 "ladderc: error: cannot write 'lnk/out.dot': No such file or directory"
fl_ladderc LADDERC_FAULT=fstat:EIO:1:1 -- build -T dot -o lnk/out.dot m.ladder
fl_expect "the folder of a link on the way cannot be examined" 2 "ladderc: error: cannot write 'lnk/out.dot': Input/output error"
expect_eq "faults: a link that cannot be read: nothing written behind it" "" "$(fl_ls "$FL/w/d")"

# a link whose size lstat does not tell (/proc's say 0): read whole
fl_fresh
fl_ladderc -- build -T dot -o "/proc/self/cwd/out.dot" m.ladder
fl_expect "-o through /proc/self/cwd (links of size 0)" 0 ""
expect_file "faults: -o through /proc/self/cwd: the whole output" "$FL/good.dot" "$FL/w/out.dot"

# a sticky folder that is not world-writable is not shared
fl_fresh
chmod 1755 "$FL/w"
fl_ladderc -- build -T dot -o out.dot m.ladder
fl_expect "-o in a sticky folder only its owner writes" 0 ""
chmod 755 "$FL/w"

# the target changed between stat and fstatat: a FIFO where stat failed
fl_fresh
mkfifo "$FL/w/p.dot"
fl_ladderc LADDERC_FAULT=stat:EIO LADDERC_FAULT_PATH=p.dot -- build -T dot -o p.dot m.ladder
fl_expect "a FIFO that stat did not see" 2 "ladderc: error: cannot write 'p.dot': not a regular file"

# the input's stat fails after the output's succeeded
fl_fresh
fl_ladderc LADDERC_FAULT=stat:EIO LADDERC_FAULT_PATH=m.ladder -- build -T dot -o out.dot m.ladder
fl_expect "stat of the input fails" 2 "ladderc: error: cannot read 'm.ladder': Input/output error"
fl_untouched "stat of the input fails"

# a device (written through): open and close failing
fl_fresh
fl_ladderc LADDERC_FAULT=open:EACCES LADDERC_FAULT_PATH=/dev/null -- build -T dot -o /dev/null m.ladder
fl_expect "a device that cannot be opened" 2 "ladderc: error: cannot write '/dev/null': Permission denied"
# close: the input's (0), the walk's folder "/" (1), the device's (2)
fl_ladderc LADDERC_FAULT=close:EIO:2:1 -- build -T dot -o /dev/null m.ladder
fl_expect "a device whose close fails" 2 "ladderc: error: cannot write '/dev/null': Input/output error"
fl_ladderc LADDERC_FAULT=write:ENOSPC+close:EIO:2:1 LADDERC_FAULT_MIN=3 -- build -T dot -o /dev/null m.ladder
fl_expect "a device whose write fails, then close too" 2 "ladderc: error: cannot write '/dev/null': No space left on device"

# ---- 4. the renderer: found, loaded, and Graphviz failing -------------------

fl_fresh
fl_ladderc LADDERC_FAULT=readlink:EIO LADDERC_FAULT_PATH=/proc/self/exe -- build -T svg -o out.dot m.ladder
fl_expect "the executable's path cannot be read" 2 "ladderc: error: cannot render svg: cannot locate ladderc-render.so"
fl_ladderc LADDERC_FAULT=readlink:0 LADDERC_FAULT_PATH=/proc/self/exe -- build -T svg -o out.dot m.ladder
fl_expect "the executable's path reads back empty" 2 "ladderc: error: cannot render svg: cannot locate ladderc-render.so"
fl_untouched "the renderer cannot be located"

# the executable in a folder whose path with its slash (4,082 bytes) leaves
# no room for "../lib/ladderc/ladderc-render.so" within PATH_MAX; one byte
# shorter, there is room (and no plugin there)
fl_long=$FL/long
while [ ${#fl_long} -lt 3880 ]; do fl_long=$fl_long/$(printf '%0199d' 0); done
fl_long=$fl_long/$(printf "%0$((4078 - ${#fl_long}))d" 0)   # 4,079 bytes
for fl_end in 1 12; do      # folders of 4,081 and 4,082 bytes with the slash
    mkdir -p "$fl_long$fl_end"
    cp "$LADDERC" "$fl_long$fl_end/ladderc"
    (cd "$fl_long$fl_end" && timeout 30 ./ladderc build -T svg "$FL_GOOD" >"$FL/out" 2>"$FL/err")
    fl_rc=$?
done
fl_expect "an executable path too long for the plugin's" 2 "ladderc: error: cannot render svg: cannot locate ladderc-render.so"
expect_eq "faults: that path is 4,082 bytes" "4082" "$(printf '%s' "${fl_long}12/" | wc -c)"
(cd "${fl_long}1" && timeout 30 ./ladderc build -T svg "$FL_GOOD" >"$FL/out" 2>"$FL/err")
expect_eq "faults: an executable path one byte shorter: the plugin is looked for" \
    "2 ladderc: error: cannot render svg: cannot load the renderer:" "$? $(cut -c1-60 "$FL/err")"
rm -rf "$FL/long"

fl_gv() {   # fl_gv NAME FORMAT MESSAGE VAR=VALUE...: fails with MESSAGE, out.dot intact
    fl_gname=$1 fl_gfmt=$2 fl_gmsg=$3
    shift 3
    fl_fresh
    fl_ladderc "$@" -- build -T "$fl_gfmt" -o out.dot m.ladder
    fl_expect "$fl_gname" 2 "$fl_gmsg"
    fl_untouched "$fl_gname"
}
fl_gv "layout fails with a message" svg "ladderc: error: cannot render svg: graphviz: layout failed: no room here" \
    LADDERC_FAULT=gvLayout "LADDERC_FAULT_MSG=no room here"
fl_gv "layout fails without a message" svg "ladderc: error: cannot render svg: graphviz: layout failed" \
    LADDERC_FAULT=gvLayout
fl_gv "layout fails with a blank message" svg "ladderc: error: cannot render svg: graphviz: layout failed" \
    LADDERC_FAULT=gvLayout "LADDERC_FAULT_MSG= "
fl_gv "rendering fails" png "ladderc: error: cannot render png: graphviz: rendering failed: cairo is out of paint" \
    LADDERC_FAULT=gvRenderData "LADDERC_FAULT_MSG=cairo is out of paint"
fl_gv "a message ending in a carriage return" svg "ladderc: error: cannot render svg: graphviz: layout failed: bad" \
    LADDERC_FAULT=gvLayout "LADDERC_FAULT_MSG=$(printf 'bad \r')"
fl_gv "rendering returns no data" svg "ladderc: error: cannot render svg: graphviz: rendering failed" \
    LADDERC_FAULT=gvRenderData:0
fl_gv "the generated DOT is not read" svg "ladderc: error: cannot render svg: graphviz: cannot read the generated DOT: syntax error in line 1" \
    LADDERC_FAULT=agmemread "LADDERC_FAULT_MSG=syntax error in line 1"

# ---- 5. no random bytes from the kernel: the same output -------------------

fl_fresh
fl_ladderc LADDERC_FAULT=getrandom:ENOSYS LADDERC_FAULT_LOG="$FL/log" -- build -T json m.ladder
fl_expect "getrandom fails (ENOSYS): the clock seeds the tables" 0 ""
expect_eq "faults: getrandom fails: it was called" "fired" "$(cat "$FL/log")"
expect_file "faults: getrandom fails: the same JSON" "$FL/good.json" "$FL/out"

fi
