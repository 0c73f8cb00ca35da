# hardening-io.sh - input that cannot be read, and no output lost (a full or
# closed stdout, -o onto a FIFO, a device, a link, a directory, a full
# disk). Split from hardening.sh (the same tests, moved), so that the
# sanitized rerun of `make check` can run these, which reach error paths of
# cli/ nothing else does, without hardening's large files
# (tests/sanitized.list). Every run is bounded by a `timeout`.
# Sourced by tests/run.sh (helpers: pass, fail, skip, expect_eq, expect_file, as_user).

HD="$TMP/hardening"
mkdir -p "$HD"
HD_GOOD="$ROOT/examples/skills-map.ladder"
HD_HEAD='levels L3..L11
track ic "Individual contributor"'

# hd_run NAME WANT_STATUS ARGS...: ladderc ARGS within HD_SECONDS; stdout in
# $HD/out, stderr in $HD/err. Checks the exit status; 124 means it hung.
HD_SECONDS=30
hd_run() {
    hd_name=$1 hd_want=$2
    shift 2
    timeout "$HD_SECONDS" "$LADDERC" "$@" >"$HD/out" 2>"$HD/err"
    hd_rc=$?
    if [ "$hd_rc" = 124 ]; then
        fail "hardening: $hd_name (hung: over $HD_SECONDS s)"
    else
        expect_eq "hardening: $hd_name (exit status)" "$hd_want" "$hd_rc"
    fi
}

# hd_ls DIR: the names in DIR, dot files too, on one line
hd_ls() { find "$1" -mindepth 1 -maxdepth 1 -printf '%f\n' | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'; }

# ---- files that cannot be read: exit 2 --------------------------------------

# (a directory as input: files.sh for check, cli.sh for build)
# opens fine, then every read fails (EIO)
hd_run "input whose reads fail" 2 check /proc/self/mem
grep -q "cannot read '/proc/self/mem'" "$HD/err" && pass "hardening: input whose reads fail (named)" \
    || fail "hardening: input whose reads fail (named)" "$(cat "$HD/err")"
timeout 10 "$LADDERC" check - <&- >/dev/null 2>"$HD/err"
expect_eq "hardening: closed standard input (exit status)" "2" "$?"
if [ -z "${LADDERC_SANITIZED:-}" ]; then
    # an endless input is not a regular file: refused before it is read
    # (standard input from /dev/zero: tests/suites/files.sh)
    hd_run "endless input (/dev/zero)" 2 check /dev/zero
    grep -q "not a regular file" "$HD/err" && pass "hardening: endless input (/dev/zero) (says why)" \
        || fail "hardening: endless input (/dev/zero) (says why)" "$(cat "$HD/err")"
fi
# as a user who may not read it (root reads anything: as root, nobody)
printf '%s\n' "$HD_HEAD" >"$UNPRIV/noperm.ladder"
chmod 000 "$UNPRIV/noperm.ladder"
as_user timeout 10 "$UNPRIV_LADDERC" check "$UNPRIV/noperm.ladder" >"$HD/out" 2>"$HD/err"
expect_eq "hardening: unreadable file (exit status, message)" \
    "2:ladderc: error: cannot read '$UNPRIV/noperm.ladder': Permission denied" "$?:$(cat "$HD/err")"
rm -f "$UNPRIV/noperm.ladder"

# ---- no output lost ----------------------------------------------------------

# stdout that cannot take the bytes, full (/dev/full) or closed (>&-): every
# command that writes to stdout exits 2 and says so, whatever it writes
# (output, help, a list of files, diagnostics as JSON)
# hd_stdout NAME ARGS...: runs ladderc ARGS both ways
hd_stdout() {
    hd_name=$1
    shift
    hd_nl=""; case " $* " in *" png "*) hd_nl=no_lsan ;; esac   # see no_lsan in run.sh
    $hd_nl timeout 10 "$LADDERC" "$@" >/dev/full 2>"$HD/err"
    expect_eq "hardening: $hd_name to a full stdout exits 2" "2" "$?"
    grep -q "cannot write to standard output" "$HD/err" && pass "hardening: $hd_name to a full stdout says so" \
        || fail "hardening: $hd_name to a full stdout says so" "$(head -c 400 "$HD/err")"
    $hd_nl timeout 10 "$LADDERC" "$@" >&- 2>"$HD/err"
    expect_eq "hardening: $hd_name to a closed stdout exits 2" "2" "$?"
}
for fmt in dot md json svg png; do
    hd_stdout "build -T $fmt" build -T $fmt "$HD_GOOD"
done
hd_stdout "--help" --help
hd_stdout "--version" --version
printf '%s\nrole  a  "A"  track ic level L5 at (10, 20)\n' "$HD_HEAD" >"$HD/messy.ladder"
printf '%s\nrole a "A" track icc level L5 at (10, 20)\n' "$HD_HEAD" >"$HD/wrong.ladder"
# every command, unconditionally: a command that breaks fails here
hd_stdout "fmt" fmt "$HD_GOOD"
hd_stdout "fmt --check (the list of files)" fmt --check "$HD/messy.ladder"
hd_stdout "check --diagnostics=json" check --diagnostics=json "$HD/wrong.ladder"
hd_stdout "explain E001" explain E001
hd_stdout "path" path "$HD_GOOD" senior_engineer fellow

# -o onto something that is not a regular file: written through, not replaced
mkfifo "$HD/fifo"
timeout 10 cat "$HD/fifo" >"$HD/fifo.out" &
hd_reader=$!
hd_run "-o onto a FIFO" 0 build -T dot -o "$HD/fifo" "$HD_GOOD"
[ -p "$HD/fifo" ] && pass "hardening: -o onto a FIFO leaves the FIFO in place" \
    || fail "hardening: -o onto a FIFO leaves the FIFO in place" "$(ls -l "$HD/fifo")"
# a replaced FIFO leaves the reader waiting: release it
[ -p "$HD/fifo" ] || kill "$hd_reader" 2>/dev/null
wait "$hd_reader" 2>/dev/null
head -c 7 "$HD/fifo.out" | grep -q digraph && pass "hardening: -o onto a FIFO writes the DOT through it" \
    || fail "hardening: -o onto a FIFO writes the DOT through it"
if ! mknod "$HD/null" c 1 3 2>/dev/null; then
    skip "hardening: -o onto a character device" "mknod needs root"
else
    # as root: a private /dev/null; ladderc -o /dev/null must not replace the device
    hd_run "-o onto a character device" 0 build -T md -o "$HD/null" "$HD_GOOD"
    [ -c "$HD/null" ] && pass "hardening: -o onto a character device leaves the device in place" \
        || fail "hardening: -o onto a character device leaves the device in place" "$(ls -l "$HD/null")"
    rm -f "$HD/null"
fi

# -o through a symbolic link: the file it points to is replaced, the link
# stays (as git's lockfile does: it resolves the link first)
mkdir -p "$HD/site/real"
echo "earlier" >"$HD/site/real/map.md"
ln -s real/map.md "$HD/site/map.md"
hd_run "-o through a symbolic link" 0 build -T md -o "$HD/site/map.md" "$HD_GOOD"
[ -L "$HD/site/map.md" ] && pass "hardening: -o through a symbolic link keeps the link" \
    || fail "hardening: -o through a symbolic link keeps the link" "$(ls -l "$HD/site/map.md")"
head -c 2 "$HD/site/real/map.md" | grep -q '^# ' && pass "hardening: -o through a symbolic link writes the file it points to" \
    || fail "hardening: -o through a symbolic link writes the file it points to" "$(head -c 80 "$HD/site/real/map.md")"
expect_eq "hardening: -o through a symbolic link leaves no temporary file" "map.md real" "$(hd_ls "$HD/site")"

# -o with the longest name the file system takes (255 bytes): the temporary
# file's name must fit too
hd_long=$(printf '%0252d' 0 | tr 0 n).md
hd_run "-o with a 255-byte file name" 0 build -T md -o "$HD/$hd_long" "$HD_GOOD"
[ -s "$HD/$hd_long" ] && pass "hardening: -o with a 255-byte file name writes it" \
    || fail "hardening: -o with a 255-byte file name writes it" "$(head -c 300 "$HD/err")"
rm -f "$HD/$hd_long"

# -o onto a directory: refused, nothing left behind
mkdir "$HD/outdir"
hd_run "-o onto a directory" 2 build -T md -o "$HD/outdir" "$HD_GOOD"
grep -q "$HD/outdir" "$HD/err" && pass "hardening: -o onto a directory (named)" \
    || fail "hardening: -o onto a directory (named)" "$(cat "$HD/err")"
expect_eq "hardening: -o onto a directory leaves no temporary file" "" "$(find "$HD" -maxdepth 1 -name '.outdir.*')"

# a full disk: the earlier OUT stays byte for byte, no temporary file, exit 2
mkdir "$HD/small"
if mount -t tmpfs -o size=64k tmpfs "$HD/small" 2>/dev/null; then
    printf 'digraph earlier { a -> b }\n' >"$HD/small/map.dot"
    cp "$HD/small/map.dot" "$HD/earlier.dot"
    printf '%s\nrole  a  "A"  track ic level L5 at (10, 20)\n' "$HD_HEAD" >"$HD/small/messy.ladder"
    cp "$HD/small/messy.ladder" "$HD/messy.orig"
    dd if=/dev/zero of="$HD/small/filler" bs=1024 2>/dev/null
    hd_run "-o on a full disk" 2 build -T dot -o "$HD/small/map.dot" "$HD_GOOD"
    expect_file "hardening: -o on a full disk leaves the earlier file byte-identical" "$HD/earlier.dot" "$HD/small/map.dot"
    grep -q "'$HD/small/map.dot'.*No space left on device" "$HD/err" \
        && pass "hardening: -o on a full disk names the path and the reason" \
        || fail "hardening: -o on a full disk names the path and the reason" "$(cat "$HD/err")"
    expect_eq "hardening: -o on a full disk leaves no temporary file" "filler map.dot messy.ladder" \
        "$(hd_ls "$HD/small")"
    hd_run "fmt -w on a full disk" 2 fmt -w "$HD/small/messy.ladder"
    expect_file "hardening: fmt -w on a full disk leaves the file byte-identical" "$HD/messy.orig" "$HD/small/messy.ladder"
    expect_eq "hardening: fmt -w on a full disk leaves no temporary file" "filler map.dot messy.ladder" \
        "$(hd_ls "$HD/small")"
    umount "$HD/small"
else
    skip "hardening: -o and fmt -w on a full disk" "mounting a 64 KB tmpfs needs root"
fi
