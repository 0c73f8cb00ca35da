# files.sh - never lose or clobber a user's file; read only what is a file;
# '--' and '-' on the command line; the README's CI recipe on hostile names.
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq, expect_file).
#
# Several checks need root (chown, links owned by another user); they are
# counted as skipped otherwise (the runner's skip). None depends on the machine's speed: hangs are caught by
# `timeout 10` on operations that take milliseconds, memory by `ulimit -v`.

F="$TMP/files"
mkdir -p "$F"
F_GOOD="$ROOT/examples/skills-map.ladder"
F_ROOT=false
[ "$(id -u)" = 0 ] && F_ROOT=true

# f_run NAME WANT CMD...: runs ladderc with CMD, output in $F/out and $F/err
f_run() {
    f_name=$1 f_want=$2
    shift 2
    timeout 10 "$LADDERC" "$@" >"$F/out" 2>"$F/err"
    expect_eq "files: $f_name (exit status)" "$f_want" "$?"
}

# f_grep NAME PATTERN: $F/err matches PATTERN (grep -E)
f_grep() {
    grep -Eq -- "$2" "$F/err" && pass "files: $1" || fail "files: $1" "stderr: $(head -c 600 "$F/err")"
}

# f_ls DIR: every name in DIR, dot files too, on one line
f_ls() { find "$1" -mindepth 1 -maxdepth 1 -printf '%f\n' | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'; }

# f_owner FILE: "uid:gid mode"
f_owner() { stat -c '%u:%g %a' "$1"; }

# a messy but valid ladder that fmt rewrites
f_messy() { printf 'levels L3..L11\ntrack   ic "IC"\nrole  a  "A"  track ic level L5 at (10, 20)\n' >"$1"; }

# ---- 1. an output that is the input: refused, input untouched ----------------

mkdir "$F/same"
cp "$F_GOOD" "$F/same/m.ladder"
cp "$F_GOOD" "$F/same.orig"
ln -s m.ladder "$F/same/link.svg"
ln "$F/same/m.ladder" "$F/same/hard.svg"
for out in m.ladder ./m.ladder link.svg hard.svg "$F/same/m.ladder"; do
    (cd "$F/same" && timeout 10 "$LADDERC" build -T svg -o "$out" m.ladder >"$F/out" 2>"$F/err")
    expect_eq "files: build -o $out m.ladder (exit status)" "2" "$?"
    f_grep "build -o $out m.ladder says why" "is the input file 'm.ladder' itself"
    expect_file "files: build -o $out m.ladder leaves the input untouched" "$F/same.orig" "$F/same/m.ladder"
done
(cd "$F/same" && timeout 10 "$LADDERC" build -T dot -o m.ladder - <m.ladder >"$F/out" 2>"$F/err")
expect_eq "files: build -o m.ladder - <m.ladder (exit status)" "2" "$?"
expect_file "files: build -o onto its standard input leaves it untouched" "$F/same.orig" "$F/same/m.ladder"
[ -L "$F/same/link.svg" ] && pass "files: the link to the input stays a link" || fail "files: the link to the input stays a link"
expect_eq "files: no temporary file beside the input" "hard.svg link.svg m.ladder" "$(f_ls "$F/same")"

# ---- 2. the format comes from -T or a known extension, in any case ------------

f_run "-o map.PNG" 0 build -o "$F/map.PNG" "$F_GOOD"
expect_eq "files: -o map.PNG is PNG" "89504e470d0a1a0a" "$(head -c 8 "$F/map.PNG" | od -An -tx1 | tr -d ' \n')"
for pair in GV:digraph Dot:digraph MD:'# ' JSON:'{' Svg:'<?xml'; do
    ext=${pair%%:*} head=${pair#*:}
    f_run "-o map.$ext" 0 build -o "$F/map.$ext" "$F_GOOD"
    expect_eq "files: -o map.$ext is the right format" "$head" "$(head -c ${#head} "$F/map.$ext")"
done
for out in map.gif map.ladder map noext.d/map; do
    mkdir -p "$F/noext.d"
    f_run "-o $out (no known extension)" 2 build -o "$F/$out" "$F_GOOD"
    f_grep "-o $out says what to do" "cannot tell the format from the name .*give -T FORMAT"
    [ -e "$F/$out" ] && fail "files: -o $out writes nothing" || pass "files: -o $out writes nothing"
done
f_run "-T dot -o map (no extension, -T given)" 0 build -T dot -o "$F/map" "$F_GOOD"
(cd "$F" && timeout 10 "$LADDERC" build -T md -o - "$F_GOOD" >"$F/out" 2>"$F/err")
expect_eq "files: -o - writes Markdown to standard output" "0:# " "$?:$(head -c 2 "$F/out")"
[ -e "$F/-" ] && fail "files: -o - creates no file named '-'" || pass "files: -o - creates no file named '-'"

# paths the walk must take as the kernel does: "..", ".", "//", relative links
mkdir -p "$F/walk/a/b" "$F/walk/real"
ln -s ../real "$F/walk/a/up"
f_run "-o a/b/../up/x.md (.. and a relative link)" 0 build -T md -o "$F/walk/a/b/../up/x.md" "$F_GOOD"
f_run "-o .//walk/./real//y.md" 0 build -T md -o "$F/./walk//real/./y.md" "$F_GOOD"
expect_eq "files: .. . // and a relative link land where the kernel would" "x.md y.md" "$(f_ls "$F/walk/real")"
f_run "-o onto a folder with a trailing slash" 2 build -T md -o "$F/walk/real/" "$F_GOOD"
ln -s loop1 "$F/walk/loop2"; ln -s loop2 "$F/walk/loop1"
f_run "-o through a loop of links" 2 build -T md -o "$F/walk/loop1" "$F_GOOD"
f_grep "-o through a loop of links says why" "Too many levels of symbolic links"

# /dev/stdout is a link to /proc/self/fd/1, which names "pipe:[N]" for a pipe:
# written through by open(), not resolved
timeout 10 "$LADDERC" build -T dot -o /dev/stdout "$F_GOOD" 2>"$F/err" | head -c 7 >"$F/out"
expect_eq "files: -o /dev/stdout into a pipe writes through it" "digraph:" "$(cat "$F/out"):$(cat "$F/err")"

# ---- 3. symbolic links in shared sticky folders (protected_symlinks) ---------

if $F_ROOT; then
    mkdir -m 1777 "$F/shared"
    echo "precious" >"$F/victim"
    cp "$F/victim" "$F/victim.orig"
    ln -s "$F/victim" "$F/shared/map.md"
    chown -h 65534:65534 "$F/shared/map.md"
    f_run "-o through another user's link in a sticky folder" 2 build -T md -o "$F/shared/map.md" "$F_GOOD"
    f_grep "-o through another user's link says why" "refusing to write .*protected_symlinks"
    expect_file "files: -o through another user's link leaves its target untouched" "$F/victim.orig" "$F/victim"
    expect_eq "files: -o through another user's link leaves the folder as it was" "map.md" "$(f_ls "$F/shared")"
    # the same link, in fmt -w
    f_messy "$F/victim.ladder"
    cp "$F/victim.ladder" "$F/victim.ladder.orig"
    ln -s "$F/victim.ladder" "$F/shared/v.ladder"
    chown -h 65534:65534 "$F/shared/v.ladder"
    f_run "fmt -w through another user's link in a sticky folder" 2 fmt -w "$F/shared/v.ladder"
    expect_file "files: fmt -w through another user's link leaves its target untouched" "$F/victim.ladder.orig" "$F/victim.ladder"
    # a link that belongs to the user is followed
    ln -s "$F/victim" "$F/shared/mine.md"
    f_run "-o through one's own link in a sticky folder" 0 build -T md -o "$F/shared/mine.md" "$F_GOOD"
    expect_eq "files: -o through one's own link writes its target" "# " "$(head -c 2 "$F/victim")"
    [ -L "$F/shared/mine.md" ] && pass "files: one's own link stays a link" || fail "files: one's own link stays a link"
    # a link that belongs to the folder's owner is followed too
    mkdir -m 1777 "$F/theirs"
    chown 65534:65534 "$F/theirs"
    ln -s "$F/victim" "$F/theirs/map.md"
    chown -h 65534:65534 "$F/theirs/map.md"
    echo "earlier" >"$F/victim"
    f_run "-o through the folder owner's link" 0 build -T md -o "$F/theirs/map.md" "$F_GOOD"
    expect_eq "files: -o through the folder owner's link writes its target" "# " "$(head -c 2 "$F/victim")"
    # another user's file in a sticky folder is not written either (protected_regular)
    echo "theirs" >"$F/shared/planted.md"
    chown 65534:65534 "$F/shared/planted.md"
    f_run "-o onto another user's file in a sticky folder" 2 build -T md -o "$F/shared/planted.md" "$F_GOOD"
    f_grep "-o onto another user's file in a sticky folder says why" "refusing to write .*protected_regular"
    expect_eq "files: another user's file in a sticky folder stays as it was" "theirs" "$(cat "$F/shared/planted.md")"
    # nor another user's link to a device (or to a FIFO, written through)
    mkfifo "$F/planted.fifo"
    ln -s "$F/planted.fifo" "$F/shared/dev.md"
    chown -h 65534:65534 "$F/shared/dev.md"
    f_run "-o through another user's link to a FIFO in a sticky folder" 2 build -T md -o "$F/shared/dev.md" "$F_GOOD"
    f_grep "-o through another user's link to a FIFO says why" "refusing to write .*protected_symlinks"
    # a link on the way (a folder), not only at the end: /tmp/build -> /etc
    mkdir "$F/secret"
    echo "precious" >"$F/secret/map.md"
    ln -s "$F/secret" "$F/shared/build"
    chown -h 65534:65534 "$F/shared/build"
    f_run "-o through another user's link to a folder in a sticky folder" 2 build -T md -o "$F/shared/build/map.md" "$F_GOOD"
    f_grep "-o through another user's folder link says why" "refusing to write .*'build' on the way.*protected_symlinks"
    expect_eq "files: another user's folder link leaves the file behind it untouched" "precious" "$(cat "$F/secret/map.md")"
    f_run "-o of a new file through another user's folder link" 2 build -T md -o "$F/shared/build/new.md" "$F_GOOD"
    expect_eq "files: nothing is created behind another user's folder link" "map.md" "$(f_ls "$F/secret")"
    ln -s "$F/secret" "$F/shared/mybuild"
    f_run "-o through one's own folder link in a sticky folder" 0 build -T md -o "$F/shared/mybuild/new.md" "$F_GOOD"
    expect_eq "files: one's own folder link is followed" "map.md new.md" "$(f_ls "$F/secret")"
    # a chain: a good link to a bad one is refused at the bad one
    ln -s "$F/shared/map.md" "$F/chain.md"
    echo "precious" >"$F/victim"
    f_run "-o through a chain ending in another user's link" 2 build -T md -o "$F/chain.md" "$F_GOOD"
    expect_file "files: the chain leaves the target untouched" "$F/victim.orig" "$F/victim"
else
    skip "files: links owned by another user" "chown needs root"
fi

# ---- 4. fmt -w and -o keep mode, owner and group ------------------------------

f_messy "$F/mode.ladder"
chmod 640 "$F/mode.ladder"
f_run "fmt -w on a 0640 file" 0 fmt -w "$F/mode.ladder"
expect_eq "files: fmt -w keeps mode 0640" "640" "$(stat -c %a "$F/mode.ladder")"
echo "old" >"$F/mode.md"
chmod 600 "$F/mode.md"
f_run "-o onto a 0600 file" 0 build -T md -o "$F/mode.md" "$F_GOOD"
expect_eq "files: -o keeps mode 0600" "600" "$(stat -c %a "$F/mode.md")"
if $F_ROOT; then
    f_messy "$F/nobody.ladder"
    chown 65534:65534 "$F/nobody.ladder"
    chmod 640 "$F/nobody.ladder"
    f_run "fmt -w (as root) on nobody's 0640 file" 0 fmt -w "$F/nobody.ladder"
    expect_eq "files: fmt -w (as root) keeps owner, group and mode" "65534:65534 640" "$(f_owner "$F/nobody.ladder")"
    grep -q '^track ic "IC"$' "$F/nobody.ladder" && pass "files: fmt -w (as root) did format nobody's file" \
        || fail "files: fmt -w (as root) did format nobody's file" "$(cat "$F/nobody.ladder")"
    # a user who cannot give the new file the old owner does not replace it
    {   # (setpriv is util-linux's, always there: no guard)
        mkdir -m 777 "$F/open"
        chmod o+x "$TMP" "$F"     # so that nobody can reach $F/open
        f_messy "$F/open/root.ladder"
        chmod 666 "$F/open/root.ladder"
        cp "$F/open/root.ladder" "$F/root.orig"
        # $UNPRIV_LADDERC (run.sh): the build folder may be closed to nobody
        setpriv --reuid=65534 --regid=65534 --clear-groups timeout 10 "$UNPRIV_LADDERC" fmt -w "$F/open/root.ladder" \
            >"$F/out" 2>"$F/err"
        expect_eq "files: fmt -w as nobody on root's file (exit status)" "2" "$?"
        f_grep "fmt -w as nobody on root's file says why" "cannot keep the owner and group of '$F/open/root.ladder'"
        expect_file "files: fmt -w as nobody leaves root's file untouched" "$F/root.orig" "$F/open/root.ladder"
        expect_eq "files: fmt -w as nobody leaves no temporary file" "root.ladder" "$(f_ls "$F/open")"
        chmod o-x "$TMP" "$F"
    }
else
    skip "files: owner and group kept" "chown needs root"
fi

# ---- 5. fmt -w only rewrites regular files -------------------------------------

mkfifo "$F/pipe.ladder"
f_run "fmt -w on a FIFO" 2 fmt -w "$F/pipe.ladder"
f_grep "fmt -w on a FIFO says why" "cannot read '$F/pipe.ladder': not a regular file"
[ -p "$F/pipe.ladder" ] && pass "files: fmt -w leaves the FIFO a FIFO" || fail "files: fmt -w leaves the FIFO a FIFO"
f_messy "$F/piped.ladder"
cat "$F/piped.ladder" | timeout 10 "$LADDERC" fmt -w /dev/stdin >"$F/out" 2>"$F/err"
expect_eq "files: fmt -w /dev/stdin from a pipe (exit status)" "2" "$?"
f_grep "fmt -w /dev/stdin says why" "'/dev/stdin': not a regular file"
cat "$F/piped.ladder" | timeout 10 "$LADDERC" fmt -w - >"$F/out" 2>"$F/err"
expect_eq "files: fmt -w - prints to standard output" "0:track ic \"IC\"" "$?:$(sed -n 2p "$F/out")"

# ---- 6. inputs: regular files only; standard input bounded ---------------------

ln -s /dev/zero "$F/zero.ladder"
ln -s /dev/null "$F/null.ladder"
for n in zero null pipe; do
    # a FIFO without a writer would block, /dev/zero never ends: both refused at once
    if [ -n "${LADDERC_SANITIZED:-}" ]; then
        f_run "check on $n.ladder" 2 check "$F/$n.ladder"
    else
        (ulimit -v 262144; timeout 10 "$LADDERC" check "$F/$n.ladder" >"$F/out" 2>"$F/err")
        expect_eq "files: check on $n.ladder, within 256 MB (exit status)" "2" "$?"
    fi
    expect_eq "files: check on $n.ladder says why" "ladderc: error: cannot read '$F/$n.ladder': not a regular file" "$(cat "$F/err")"
done
# a sparse 2 GB file is refused by its size, before a byte is read
if ! truncate -s 2G "$F/sparse.ladder"; then
    fail "files: a sparse 2 GB file can be made (truncate)"
else
    if [ -n "${LADDERC_SANITIZED:-}" ]; then
        f_run "check on a sparse 2 GB file" 2 check "$F/sparse.ladder"
    else
        (ulimit -v 262144; timeout 10 "$LADDERC" check "$F/sparse.ladder" >"$F/out" 2>"$F/err")
        expect_eq "files: check on a sparse 2 GB file, within 256 MB (exit status)" "2" "$?"
    fi
    f_grep "check on a sparse 2 GB file says why" "cannot read '$F/sparse.ladder': file is larger than 1 GiB"
    rm -f "$F/sparse.ladder"
fi
f_run "check on a directory" 2 check "$F"
f_grep "check on a directory says why" "cannot read '$F': Is a directory"
# standard input may be a pipe, within 256 MiB
cat "$F_GOOD" | timeout 10 "$LADDERC" check - >"$F/out" 2>"$F/err"
expect_eq "files: check - from a pipe" "0" "$?"
if [ -z "${LADDERC_SANITIZED:-}" ]; then
    (ulimit -v 1048576; timeout 20 "$LADDERC" check - </dev/zero >"$F/out" 2>"$F/err")
    expect_eq "files: check - </dev/zero stops at 256 MiB, within 1 GB (exit status)" "2" "$?"
    f_grep "check - </dev/zero says why" "standard input is larger than 256 MiB"
fi

# a file that is no ladder at all (key.ladder -> a private key): one error,
# and none of its lines in any output
mkdir "$F/key"
{ echo "-----BEGIN OPENSSH PRIVATE KEY-----"
  i=0; while [ $i -lt 6 ]; do echo "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW$i+/"; i=$((i + 1)); done
  echo "-----END OPENSSH PRIVATE KEY-----"; } >"$F/key/id_rsa"
ln -s id_rsa "$F/key/key.ladder"
for how in text github json; do
    (cd "$F/key" && timeout 10 "$LADDERC" check --diagnostics=$how key.ladder >"$F/out" 2>"$F/err")
    expect_eq "files: a private key as key.ladder ($how): exit 1, one E009" "1:1" "$?:$(cat "$F/out" "$F/err" | grep -c 'E009')"
    if cat "$F/out" "$F/err" | grep -q 'b3BlbnNzaC1rZXktdjEAAAAA\|PRIVATE KEY'; then
        fail "files: a private key as key.ladder ($how): none of its lines is shown" "$(cat "$F/out" "$F/err" | head -5)"
    else
        pass "files: a private key as key.ladder ($how): none of its lines is shown"
    fi
done
# a ladder whose every line is wrong is still a ladder: each line is shown
printf 'levels L3 to L11\nrole a "A" trak ic level L5 at (1, 1)\nrole b "B" trak ic level L5 at (2, 1)\n' >"$F/key/wrong.ladder"
printf 'Levels L3..L11\nsenior_engineer -> staff ->\na -> \n' >"$F/key/moves.ladder"
for w in wrong moves; do
    (cd "$F/key" && timeout 10 "$LADDERC" check $w.ladder >"$F/out" 2>"$F/err")
    expect_eq "files: a ladder with every line wrong ($w) gets its own diagnostics, not E009" "1:0:3" \
        "$?:$(grep -c 'E009' "$F/err"):$(grep -c "^$w.ladder:[0-9]*:[0-9]*: error" "$F/err")"
done
# a binary file with "->" somewhere inside a line is still not a ladder
{ printf '\211PNG\r\n\032\n'; printf 'IHDR\001\002->\003\n'; printf '\377\376 x -> y\n'; } >"$F/key/pic.ladder"
(cd "$F/key" && timeout 10 "$LADDERC" check pic.ladder >"$F/out" 2>"$F/err")
expect_eq "files: a binary file with '->' inside lines is E009" "1:1" "$?:$(grep -c 'E009' "$F/err")"
(cd "$F/key" && timeout 10 "$LADDERC" fmt key.ladder >"$F/out" 2>"$F/err")
expect_eq "files: fmt on a private key: exit 1, nothing shown" "1:0" "$?:$(cat "$F/out" "$F/err" | grep -c 'PRIVATE KEY')"

# ---- 7. no temporary file left: ulimit -f, signals ------------------------------

awk 'BEGIN { print "levels L3..L11"; print "track   ic \"IC\"";
             for (i = 0; i < 3000; i++) printf "role r%d \"Role number %d\" track ic level L5 at (%d, %d)\n", i, i, i % 100, int(i / 100) }' \
    >"$F/big.ladder"
mkdir "$F/lim"
echo "earlier" >"$F/lim/big.json"
cp "$F/big.ladder" "$F/lim/big.ladder"
# 100 blocks (50 or 100 KB, by shell) under a 425 KB JSON and a 197 KB fmt
(ulimit -f 100; timeout 10 "$LADDERC" build -T json -o "$F/lim/big.json" "$F/big.ladder" >"$F/out" 2>"$F/err")
expect_eq "files: -o beyond ulimit -f (exit status)" "2" "$?"
f_grep "-o beyond ulimit -f names the path and the reason" "cannot write '$F/lim/big.json': File too large"
expect_eq "files: -o beyond ulimit -f keeps the earlier file" "earlier" "$(cat "$F/lim/big.json")"
(ulimit -f 100; timeout 10 "$LADDERC" fmt -w "$F/lim/big.ladder" >"$F/out" 2>"$F/err")
expect_eq "files: fmt -w beyond ulimit -f (exit status)" "2" "$?"
f_grep "fmt -w beyond ulimit -f names the path and the reason" "cannot write '$F/lim/big.ladder': File too large"
expect_file "files: fmt -w beyond ulimit -f keeps the file" "$F/big.ladder" "$F/lim/big.ladder"
expect_eq "files: no temporary file after ulimit -f" "big.json big.ladder" "$(f_ls "$F/lim")"

(ulimit -f 100; timeout 10 "$LADDERC" build -T json "$F/big.ladder" >"$F/lim/stdout.json" 2>"$F/err")
expect_eq "files: standard output beyond ulimit -f (exit status)" "2" "$?"
f_grep "standard output beyond ulimit -f says why" "cannot write to standard output: File too large"
rm -f "$F/lim/stdout.json"

# A signal while the temporary file exists: strace delivers it on entry to
# fsync, when the whole output is in the temporary file (deterministic).
# LeakSanitizer cannot work under ptrace (it stops with "fatal error" in its
# log, which the sanitizer suite counts as a report): no leak check there.
F_TRACED_ASAN="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}detect_leaks=0"
if strace -qq -o /dev/null -e trace=fsync -e inject=fsync:signal=SIGTERM true >/dev/null 2>&1; then
    for sig in INT TERM HUP QUIT; do
        mkdir "$F/sig$sig"
        echo "earlier" >"$F/sig$sig/map.md"
        f_messy "$F/sig$sig/m.ladder"
        cp "$F/sig$sig/m.ladder" "$F/sig.orig"
        # ulimit -c 0: SIGQUIT's default action dumps core; "exit $?" keeps
        # the shell's "Quit" report inside the redirection
        (ulimit -c 0; cd "$F" && ASAN_OPTIONS=$F_TRACED_ASAN timeout 20 strace -qq -o /dev/null -e trace=fsync -e inject=fsync:signal=SIG$sig \
            "$LADDERC" build -T md -o "$F/sig$sig/map.md" "$F_GOOD"; exit $?) >"$F/out" 2>"$F/err"
        rc=$?
        [ "$rc" -gt 128 ] && pass "files: SIG$sig during -o kills ladderc by the signal" \
            || fail "files: SIG$sig during -o kills ladderc by the signal" "exit status $rc"
        f_grep "SIG$sig during -o says so" "interrupted while writing '$F/sig$sig/map.md'; it is left as it was"
        expect_eq "files: SIG$sig during -o keeps the earlier file" "earlier" "$(cat "$F/sig$sig/map.md")"
        (ulimit -c 0; cd "$F" && ASAN_OPTIONS=$F_TRACED_ASAN timeout 20 strace -qq -o /dev/null -e trace=fsync -e inject=fsync:signal=SIG$sig \
            "$LADDERC" fmt -w "$F/sig$sig/m.ladder"; exit $?) >"$F/out" 2>"$F/err"
        expect_file "files: SIG$sig during fmt -w keeps the file" "$F/sig.orig" "$F/sig$sig/m.ladder"
        expect_eq "files: SIG$sig leaves no temporary file" "m.ladder map.md" "$(f_ls "$F/sig$sig")"
    done
else
    # no ptrace here: signals at whatever moment, checking only that no
    # temporary file survives, whatever the timing
    mkdir "$F/sigTERM"
    i=0
    while [ $i -lt 20 ]; do
        "$LADDERC" build -T json -o "$F/sigTERM/big.json" "$F/big.ladder" 2>/dev/null &
        kill -TERM $! 2>/dev/null
        wait $! 2>/dev/null
        i=$((i + 1))
    done
    expect_eq "files: SIGTERM at any moment leaves no temporary file" "" "$(f_ls "$F/sigTERM" | sed 's/big.json//')"
fi

# ---- 8. '--' ends the options; '-' is standard input, once ---------------------

mkdir "$F/dash"
cp "$F_GOOD" "$F/dash/-h.ladder"
cp "$F_GOOD" "$F/dash/-h"
cp "$F_GOOD" "$F/dash/--werror"
printf 'levels L3..L11\nrole a "A" track nowhere level L5 at (1, 1)\n' >"$F/dash/-x.ladder"
(cd "$F/dash" && timeout 10 "$LADDERC" check -- -h.ladder -h --werror >"$F/out" 2>"$F/err")
expect_eq "files: check -- -h.ladder -h --werror checks three files" "0:" "$?:$(cat "$F/out" "$F/err")"
(cd "$F/dash" && timeout 10 "$LADDERC" check -- -x.ladder >"$F/out" 2>"$F/err")
expect_eq "files: check -- -x.ladder (a bad file) exits 1" "1" "$?"
f_grep "check -- -x.ladder reports the file" "^-x.ladder:2:18: error: undefined track 'nowhere'"
(cd "$F/dash" && timeout 10 "$LADDERC" check -- --nope.ladder >"$F/out" 2>"$F/err")
expect_eq "files: check -- --nope.ladder is a missing file, not an option" "2" "$?"
f_grep "check -- --nope.ladder names the file" "cannot read '--nope.ladder'"
(cd "$F/dash" && timeout 10 "$LADDERC" check -- -- >"$F/out" 2>"$F/err")
expect_eq "files: a second '--' is a file name" "2" "$?"
f_grep "a second '--' is a file name (named)" "cannot read '--'"
(cd "$F/dash" && timeout 10 "$LADDERC" fmt --check -- -h.ladder >"$F/out" 2>"$F/err")
expect_eq "files: fmt --check -- -h.ladder" "0" "$?"
(cd "$F/dash" && timeout 10 "$LADDERC" fmt -- -h.ladder >"$F/out" 2>"$F/err")
expect_file "files: fmt -- -h.ladder prints the file" "$F_GOOD" "$F/out"
(cd "$F/dash" && timeout 10 "$LADDERC" build -T dot -- -h.ladder >"$F/out" 2>"$F/err")
expect_eq "files: build -T dot -- -h.ladder" "0:digraph" "$?:$(head -c 7 "$F/out")"
(cd "$F/dash" && timeout 10 "$LADDERC" build -T dot -- -h.ladder -x.ladder >"$F/out" 2>"$F/err")
expect_eq "files: build -- takes one FILE still" "2" "$?"
(cd "$F/dash" && timeout 10 "$LADDERC" path -- -h.ladder senior_engineer staff_engineer >"$F/out" 2>"$F/err")
expect_eq "files: path -- -h.ladder FROM TO" "0" "$?"
f_run "explain -- E130" 0 explain -- E130
(cd "$F/dash" && timeout 10 "$LADDERC" check -- - <"$F/dash/-x.ladder" >"$F/out" 2>"$F/err")
expect_eq "files: '-' after '--' is still standard input" "1" "$?"
f_grep "'-' after '--' is still standard input (named)" "^<stdin>:2:18:"
timeout 10 "$LADDERC" check - - <"$F_GOOD" >"$F/out" 2>"$F/err"
expect_eq "files: check - - is a usage error" "2" "$?"
f_grep "check - - says why" "'-' \\(standard input\\) can be given only once"
grep -q '<stdin>' "$F/err" && fail "files: check - - reports nothing about <stdin>" "$(cat "$F/err")" \
    || pass "files: check - - reports nothing about <stdin>"
timeout 10 "$LADDERC" fmt --check -- - - <"$F_GOOD" >"$F/out" 2>"$F/err"
expect_eq "files: fmt --check -- - - is a usage error" "2" "$?"

# ---- 9. the README's CI recipe on hostile file names ---------------------------

if command -v git >/dev/null 2>&1; then
    R="$F/repo"
    mkdir "$R"
    f_git() { git -C "$R" -c user.name=t -c user.email=t@example.com -c init.defaultBranch=main "$@" >/dev/null 2>&1; }
    f_git init -q
    f_nl='a
b.ladder'
    for n in good.ladder "notes -h .ladder" "-h.ladder" "--werror.ladder" "-" "-W no-E110.ladder" \
             "with space.ladder" "$f_nl" "sub/-o x.ladder"; do
        mkdir -p "$R/$(dirname -- "$n")"
        case $n in *.ladder) cp "$F_GOOD" "$R/$n" ;; *) echo "not a ladder" >"$R/$n" ;; esac
    done
    f_git add -A
    f_git commit -qm hostile
    f_count=$(git -C "$R" ls-files -z '*.ladder' | tr -cd '\0' | wc -c)
    expect_eq "files: git holds the hostile names (newline included)" "8" "$f_count"
    # the recipe, word for word from the README
    f_recipe() {
        (cd "$R" && PATH="$(dirname "$LADDERC"):$PATH" && export PATH && \
            git ls-files -z '*.ladder' | xargs -0 "$(basename "$LADDERC")" check --diagnostics=github --) \
            >"$F/out" 2>"$F/err"
    }
    f_recipe
    expect_eq "files: CI recipe passes when every ladder is good" "0:" "$?:$(cat "$F/out")"
    for bad in "notes -h .ladder" "-h.ladder" "--werror.ladder" "$f_nl" "sub/-o x.ladder"; do
        cp "$R/$bad" "$F/keep"
        printf 'levels L3..L11\nrole a "A" track nowhere level L5 at (1, 1)\n' >"$R/$bad"
        f_recipe
        rc=$?
        shown=$(printf '%s' "$bad" | tr '\n' '?')
        [ "$rc" != 0 ] && pass "files: CI recipe fails on a bad '$shown'" \
            || fail "files: CI recipe fails on a bad '$shown'" "exit status 0; $(cat "$F/out" "$F/err")"
        expect_eq "files: CI recipe annotates the bad '$shown' once" "1" "$(grep -c '^::error ' "$F/out")"
        cp "$F/keep" "$R/$bad"
    done
    # xargs's biggest batch (short names, 128 KiB) fits in one run
    mkdir "$F/many"
    (cd "$F/many" && echo "levels L3..L11" >a && i=0 && while [ $i -lt 13000 ]; do printf 'a\0'; i=$((i + 1)); done \
        | xargs -0 timeout 60 "$LADDERC" check -- >"$F/out" 2>"$F/err")
    expect_eq "files: one xargs batch of 13000 short names is one run" "0:" "$?:$(head -c 300 "$F/err")"
else
    fail "files: git is installed (for the CI recipe test)"
fi

# ---- the pre-commit hooks on a name that starts with '-' --------------------------

if command -v pre-commit >/dev/null 2>&1 && command -v git >/dev/null 2>&1 \
    && git -C "$ROOT" cat-file -e HEAD:.pre-commit-hooks.yaml 2>/dev/null; then
    P="$F/pc"
    mkdir "$P"
    f_pc() {
        (cd "$P" && PATH="$(dirname "$LADDERC"):$PATH" && PRE_COMMIT_HOME="$TMP/pre-commit-home-files" \
            && export PATH PRE_COMMIT_HOME && "$@") >"$F/out" 2>&1
    }
    f_pc git init -q
    f_pc git config user.email t@example.com
    f_pc git config user.name test
    printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: ladderc-check\n      - id: ladderc-fmt\n' \
        "$ROOT" "$(git -C "$ROOT" rev-parse HEAD)" >"$P/.pre-commit-config.yaml"
    f_pc pre-commit install
    cp "$F_GOOD" "$P/-h.ladder"
    f_pc git add .pre-commit-config.yaml -- -h.ladder
    f_pc git commit -qm good
    expect_eq "files: pre-commit commits a good '-h.ladder'" "0" "$?"
    printf 'levels L3..L11\nrole a "A" track nowhere level L5 at (1, 1)\n' >"$P/-h.ladder"
    f_pc git add -- -h.ladder
    f_pc git commit -qm bad
    expect_eq "files: pre-commit refuses a broken '-h.ladder'" "1" "$?"
    grep -q "^-h.ladder:2:18: error: undefined track 'nowhere'" "$F/out" \
        && pass "files: pre-commit shows the diagnostics of '-h.ladder'" \
        || fail "files: pre-commit shows the diagnostics of '-h.ladder'" "$(head -20 "$F/out")"
else
    fail "files: pre-commit, git and a committed .pre-commit-hooks.yaml are needed"
fi

# ---- 10. no environment variable loads code -------------------------------------

LADDERC_RENDER_PLUGIN="$F/nope.so" timeout 20 "$LADDERC" build -T svg "$F_GOOD" >"$F/out" 2>"$F/err"
expect_eq "files: LADDERC_RENDER_PLUGIN is ignored" "0:<?xml" "$?:$(head -c 5 "$F/out")"
