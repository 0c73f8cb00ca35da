# session-edges.sh - the command line's loader (cli/files.c) at its edges:
# standard input that imports (a file named "-" included), the shipped
# std/ folder looked up once per run and when it cannot be found
# (/proc/self/exe unreadable, through tests/fault/fault.c), a std/ name too
# long for any file, and a file whose canonical path cannot be told (open
# but deleted: it is its own key, not the last file's).
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq).

SE="$TMP/session-edges"
rm -rf "$SE"
mkdir -p "$SE/w"

# se_run ARGS... [<input]: ladderc ARGS in $SE/w; stderr in $SE/err, the
# status in $se_rc
se_run() {
    (cd "$SE/w" && timeout 30 "$LADDERC" "$@" >"$SE/out" 2>"$SE/err")
    se_rc=$?
}

printf 'levels L3..L6\ntrack ic "IC"\n' >"$SE/w/lib.ladder"
printf 'import "lib.ladder"\nrole a "A" track ic level L3 at (1, 1)\n' >"$SE/w/main.ladder"

# ---- standard input ----
se_run check - <"$SE/w/main.ladder"
expect_eq "session-edges: check - reads the imports of standard input from the working folder" "0:" \
    "$se_rc:$(cat "$SE/err")"
# "-" is standard input only as the FILE argument: imported, it is a file
printf 'import "-"\nlevels L3..L6\n' >"$SE/dash.ladder"
se_run check - <"$SE/dash.ladder"
expect_eq "session-edges: standard input that imports \"-\": E020 at the import, exit 1" \
    "1:<stdin>:1:8: error: cannot read '-', imported here: No such file or directory [E020]" \
    "$se_rc:$(head -n 1 "$SE/err")"

# ---- the shipped ladders ----
printf 'import "std/big-tech.ladder"\nimport "std/none.ladder"\n' >"$SE/w/two.ladder"
se_run check two.ladder
expect_eq "session-edges: a second std/ import in one run is looked up in the same folder" \
    "1:two.ladder:2:8: error: cannot read 'std/none.ladder', imported here: No such file or directory [E020]" \
    "$se_rc:$(head -n 1 "$SE/err")"
se_long=$(head -c 8300 /dev/zero | tr '\0' a)
printf 'levels L3..L6\nimport "std/%s.ladder"\n' "$se_long" >"$SE/w/long.ladder"
se_run check long.ladder
expect_eq "session-edges: a std/ name longer than any path: File name too long" "1:1" \
    "$se_rc:$(grep -c "imported here: File name too long \[E020\]" "$SE/err")"

# /proc/self/exe unreadable (a container without /proc): both std/ imports
# say so, the second from what the first found out
if [ -z "${LADDERC_SANITIZED:-}" ]; then      # (the shim does not mix with ASan)
    ${CC:-cc} -std=c11 -Wall -Wextra -O2 -shared -fPIC -o "$SE/fault.so" "$ROOT/tests/fault/fault.c" -ldl \
        >"$SE/cc.log" 2>&1
    (cd "$SE/w" && LADDERC_FAULT=readlink:EIO LADDERC_FAULT_PATH=/proc/self/exe LD_PRELOAD="$SE/fault.so" \
        timeout 30 "$LADDERC" check two.ladder >"$SE/out" 2>"$SE/err")
    se_rc=$?
    expect_eq "session-edges: without /proc/self/exe, every std/ import says the shipped ladders are not found" \
        "1:2" "$se_rc:$(grep -c "imported here: cannot find the shipped ladders (share/ladderc/std/) \[E020\]" "$SE/err")"
fi

# ---- a file realpath cannot resolve: open, but deleted ----
# (realpath fails on /proc/self/fd/7, whose link names "gone.ladder
# (deleted)": the file is still read, with its path as its key)
printf 'levels L3..L6\ntrack ic "IC"\n' >"$SE/w/gone.ladder"
printf 'import "/proc/self/fd/7"\nrole a "A" track ic level L3 at (1, 1)\n' >"$SE/w/fd.ladder"
(
    cd "$SE/w" || exit 2
    exec 7<gone.ladder
    rm gone.ladder
    timeout 30 "$LADDERC" check fd.ladder >"$SE/out" 2>"$SE/err"
)
se_rc=$?
expect_eq "session-edges: an import open but deleted is read as its own file" "0:" "$se_rc:$(cat "$SE/err")"
