# library.sh - libladder as a library (docs/library.md):
#   1. build/libladder.a calls nothing that reads or writes files or streams,
#      loads code or ends the process (`nm -u`: no exit, abort, fopen, open,
#      stat, dlopen, stdout, stderr, printf to a stream...);
#   2. it includes no Graphviz header and links no Graphviz symbol;
#   3. the C tests of the public API (tests/unit/*.c, built by `make unit`)
#      pass: from memory, two sessions, loaders that fail, an allocator that
#      fails at its Nth allocation for every N, no block left;
#   4. the 30-line embedding of docs/library.md compiles from the doc as it is
#      and does what the doc says;
#   5. `make install` installs the header and the archive, and the example
#      builds against the installed ones.
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq).

LB="$TMP/library"
mkdir -p "$LB"
LB_LIB="$ROOT/build/libladder.a"

if [ -n "${LADDERC_SANITIZED:-}" ]; then
    :   # nothing here runs ladderc: once is enough
elif [ ! -f "$LB_LIB" ]; then
    fail "library: build/libladder.a is built by make" "missing: $LB_LIB"
else
    # ---- 1. what the library must never call ----
    # the undefined symbols of every member, without version suffixes
    nm -u "$LB_LIB" 2>/dev/null | awk '$1 == "U" || $1 == "w" { sub(/@.*/, "", $2); print $2 }' | sort -u >"$LB/undefined"
    lb_forbidden='^(exit|_exit|_Exit|abort|__assert_fail|atexit|quick_exit|fopen|fopen64|freopen|fdopen|open|open64|openat|openat64|creat|stat|stat64|fstat|fstat64|lstat|lstat64|fstatat|fstatat64|__xstat|__xstat64|__fxstat|__fxstat64|__lxstat|__lxstat64|__fxstatat|statx|read|write|pread|pwrite|readlink|opendir|dlopen|dlsym|dlclose|stdout|stderr|stdin|printf|vprintf|fprintf|vfprintf|puts|fputs|fputc|putc|putchar|fwrite|fflush|perror|__printf_chk|__fprintf_chk|__vfprintf_chk|system|popen|getenv|isatty)$'
    lb_bad=$(grep -E "$lb_forbidden" "$LB/undefined" | tr '\n' ' ')
    expect_eq "library: nm -u libladder.a: no exit, abort, file, stream or dlopen symbol" "" "$lb_bad"
    # the test can fail: the command line's objects do use them
    lb_cli=$(nm -u "$ROOT/build/main.o" 2>/dev/null | awk '{ sub(/@.*/, "", $2); print $2 }' | grep -cE "$lb_forbidden")
    [ "$lb_cli" -gt 0 ] && pass "library: the same nm test flags the command line's main.o ($lb_cli symbols)" \
        || fail "library: the same nm test flags the command line's main.o" "no symbol found: the test cannot fail"

    # ---- 2. no Graphviz inside ----
    lb_gv=$(grep -E '^(gv|ag)[A-Z]' "$LB/undefined" | tr '\n' ' ')
    expect_eq "library: libladder.a needs no Graphviz symbol" "" "$lb_gv"
    lb_inc=$(grep -lE '#include *<(gvc|cgraph|graphviz/)' "$ROOT"/lib/*.c "$ROOT"/lib/*/*.c "$ROOT"/lib/*.h "$ROOT"/lib/*/*.h "$ROOT"/include/*.h 2>/dev/null | tr '\n' ' ')
    expect_eq "library: no file of lib/ or include/ includes a Graphviz header" "" "$lb_inc"

    # ---- 3. the C tests of the API ----
    for lb_t in "$ROOT"/tests/unit/*.c; do
        lb_name=$(basename "$lb_t" .c)
        lb_bin="$ROOT/build/unit/$lb_name"
        if [ ! -x "$lb_bin" ]; then
            fail "library: unit/$lb_name is built (make unit)" "missing: $lb_bin"
            continue
        fi
        (cd "$LB" && "$lb_bin") >"$LB/$lb_name.out" 2>&1
        lb_rc=$?
        lb_last=$(tail -n 1 "$LB/$lb_name.out")
        case $lb_last in
            *" passed, 0 failed")
                [ "$lb_rc" = 0 ] && pass "library: unit/$lb_name: $lb_last" \
                    || fail "library: unit/$lb_name exits 0" "status $lb_rc" ;;
            *) fail "library: unit/$lb_name" "status $lb_rc; $(grep -v '^ok' "$LB/$lb_name.out" | head -c 3000)" ;;
        esac
    done

    # ---- 4. the embedding example of docs/library.md, as printed there ----
    awk '/<!-- example: embed.c -->/ { f = 1; next } f && /^```c/ { g = 1; next } g && /^```/ { exit } g' \
        "$ROOT/docs/library.md" >"$LB/embed.c"
    lb_lines=$(grep -c . "$LB/embed.c")
    [ "$lb_lines" -ge 20 ] && [ "$lb_lines" -le 40 ] && pass "library: docs/library.md has its embedding example ($lb_lines lines)" \
        || fail "library: docs/library.md has its embedding example (20 to 40 lines)" "$lb_lines lines"
    if ${CC:-cc} -std=c11 -Wall -Wextra -Werror -I"$ROOT/include" -o "$LB/embed" "$LB/embed.c" "$LB_LIB" -lm 2>"$LB/cc.err"; then
        pass "library: the example compiles with include/ alone, without a warning"
        "$LB/embed" "$ROOT/examples/skills-map.ladder" >"$LB/embed.out" 2>"$LB/embed.err"
        lb_rc=$?
        "$LADDERC" build -T md "$ROOT/examples/skills-map.ladder" >"$LB/cli.md" 2>/dev/null
        if [ "$lb_rc" = 0 ] && [ ! -s "$LB/embed.err" ] && cmp -s "$LB/embed.out" "$LB/cli.md"; then
            pass "library: the example prints the skills map's Markdown, as ladderc build -T md does"
        else
            fail "library: the example prints the skills map's Markdown" "status $lb_rc; $(head -c 500 "$LB/embed.err")"
        fi
        printf 'levels L3..L4\ntrack ic "IC"\nrole a "A" track icc level L3 at (1, 1)\n' >"$LB/bad.ladder"
        (cd "$LB" && ./embed bad.ladder) >"$LB/embed.out" 2>"$LB/embed.err"
        lb_rc=$?
        expect_eq "library: the example on a mistake: status 1, the diagnostic, no Markdown" \
            "1:bad.ladder:3:18: error: undefined track 'icc'; did you mean 'ic'? [E110]:" \
            "$lb_rc:$(head -n 1 "$LB/embed.err"):$(cat "$LB/embed.out")"
    else
        fail "library: the example compiles with include/ alone, without a warning" "$(head -c 2000 "$LB/cc.err")"
    fi

    # ---- 5. installed: the header and the archive, and the example built on them ----
    if make --no-print-directory -s -C "$ROOT" -o all install DESTDIR="$LB/dest" PREFIX=/usr/local \
        >"$LB/install.out" 2>&1 && ${CC:-cc} -std=c11 -Wall -Wextra -Werror -I"$LB/dest/usr/local/include" \
        -o "$LB/embed2" "$LB/embed.c" "$LB/dest/usr/local/lib/libladder.a" -lm 2>>"$LB/install.out"; then
        "$LB/embed2" "$ROOT/examples/skills-map.ladder" >"$LB/embed2.out" 2>/dev/null
        expect_eq "library: make install puts include/ladder.h and lib/libladder.a in PREFIX; the example builds on them" \
            "0" "$?"
    else
        fail "library: make install puts include/ladder.h and lib/libladder.a in PREFIX" "$(head -c 1000 "$LB/install.out")"
    fi
fi
