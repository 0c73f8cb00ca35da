# index-edges.sh - the edges of refs and rename that a data case of
# tests/cases/index/ cannot write (empty, control and non-UTF-8 arguments,
# standard input, a full stdout, a read-only folder, a file named <stdin>,
# the real `patch`), and tests/internal/index_edges.c, the index's own
# edges that no command line reaches. Sourced by tests/run.sh.

IE="$TMP/index-edges"
mkdir -p "$IE"
printf 'levels L3..L11\ntrack ic "IC"\nbox "Low" L3..L5\nrole dev "Dev" track ic level L5 at (10, 10)
role lead "Lead" track ic level L6 at (20, 20)\ndev -> lead promotion\n' >"$IE/base.ladder"

# ---- the C test of the index's edges (normal run only, as index.sh) ----
if [ -z "${LADDERC_SANITIZED:-}" ]; then
    if ${CC:-cc} -std=c11 -Wall -Wextra -Werror -O1 -g -D_POSIX_C_SOURCE=200809L -I"$ROOT/lib" \
        -I"$ROOT/lib/syntax" -I"$ROOT/lib/emit" -I"$ROOT/build" -o "$IE/index_edges" \
        "$ROOT/tests/internal/index_edges.c" "$ROOT/build/libladder.a" -lm 2>"$IE/cc.err"; then
        if "$IE/index_edges" >"$IE/unit.out" 2>&1; then
            pass "index-edges: tests/internal/index_edges (growth, empty index, offsets, levels, plans)"
        else
            fail "index-edges: tests/internal/index_edges" "$(head -20 "$IE/unit.out")"
        fi
    else
        fail "index-edges: tests/internal/index_edges.c compiles against build/libladder.a" "$(head -10 "$IE/cc.err")"
    fi
fi

# ie_refused KIND OLD NEW REASON: renaming OLD to NEW is refused with
# REASON, exit 1, nothing on stdout, the file untouched
ie_refused() {
    cp "$IE/base.ladder" "$IE/r.ladder"
    "$LADDERC" rename "$IE/r.ladder" "$2" "$3" >"$IE/r.out" 2>"$IE/r.err"
    ie_rc=$?
    ie_msg=$(sed -n '1s/.*: \([^:]*\)$/\1/p' "$IE/r.err")
    ie_kind=$(sed -n "1s/^ladderc: error: cannot rename \([a-z]*\) .*/\1/p" "$IE/r.err")
    ie_same=$(cmp -s "$IE/base.ladder" "$IE/r.ladder" && echo untouched)
    expect_eq "index-edges: rename $1 '$2' to $5 is refused" "1:$1:$4:untouched:" \
        "$ie_rc:$ie_kind:$ie_msg:$ie_same:$(cat "$IE/r.out")"
}
ie_refused box Low "" "a box name is not empty" "an empty name"
ie_refused box Low "$(printf 'a\tb')" "a box name is one line with no control characters" "a name with a tab"
ie_refused box Low "$(printf 'a\177b')" "a box name is one line with no control characters" "a name with DEL"
ie_refused box Low "$(printf 'a\nb')" "a box name is one line with no control characters" "a name of two lines"
ie_refused box Low "$(printf 'a\377b')" "a box name is valid UTF-8" "a name that is not UTF-8"
ie_refused box Low "$(printf 'a\303')" "a box name is valid UTF-8" "a name cut inside a character"
ie_refused box Low "$(printf '%201s' | tr ' ' x)" "a box name is at most 200 characters (E106)" "201 characters"
ie_id="an id is a lowercase letter followed by lowercase letters, digits and '_'"
ie_refused role dev "" "$ie_id" "an empty id"
ie_refused role dev _x "$ie_id" "an id that starts with '_'"
ie_refused role dev "a{" "$ie_id" "an id with '{' (past 'z')"
ie_refused role dev "a:b" "$ie_id" "an id with ':' (past '9')"
ie_refused role dev "aé" "$ie_id" "an id with a non-ASCII letter"
ie_refused role dev "{a" "$ie_id" "an id that starts with '{' (past 'z')"
ie_refused role dev import "that word is a keyword of the language" "the reserved 'import'"
ie_refused track ic levels "that word is a keyword of the language" "a keyword"

# 200 characters is the limit (characters, not bytes: 'é' is two), and the
# renamed box checks without E106
ie_long=$(printf '%200s' | sed 's/ /é/g')
cp "$IE/base.ladder" "$IE/long.ladder"
"$LADDERC" rename "$IE/long.ladder" Low "$ie_long" >/dev/null 2>&1
expect_eq "index-edges: a box name of 200 two-byte characters is renamed, and checks" "0:1:0" \
    "$?:$(grep -c "^box \"$ie_long\" L3..L5\$" "$IE/long.ladder"):$("$LADDERC" check "$IE/long.ladder" >/dev/null 2>&1; echo $?)"

# an empty box name is accepted by the checker: it can be renamed, not to ""
printf 'levels L3..L5\nbox "" L3\n' >"$IE/empty.ladder"
cp "$IE/empty.ladder" "$IE/empty.orig"
"$LADDERC" rename "$IE/empty.ladder" "" "" >/dev/null 2>"$IE/e.err"
expect_eq "index-edges: rename of the box '' to '' is refused, the file untouched" \
    "1:ladderc: error: cannot rename box '' to '': a box name is not empty:same" \
    "$?:$(cat "$IE/e.err"):$(cmp -s "$IE/empty.orig" "$IE/empty.ladder" && echo same)"
"$LADDERC" rename "$IE/empty.ladder" "" Junior >/dev/null 2>&1
expect_eq "index-edges: the box '' is renamed to a name" "0:box \"Junior\" L3" "$?:$(sed -n 2p "$IE/empty.ladder")"

# ---- names that are not levels as the language writes them ----
ie_bad=""
for ie_name in L 5 L5x Lx5 ML5 l5 L4294967301; do
    "$LADDERC" refs "$IE/base.ladder" "$ie_name" >"$IE/l.out" 2>"$IE/l.err"
    ie_rc=$?
    [ "$ie_rc:$(cat "$IE/l.out")" = "1:" ] && grep -q "is named '$ie_name'" "$IE/l.err" ||
        ie_bad="$ie_bad $ie_name ($ie_rc: $(cat "$IE/l.out" "$IE/l.err"));"
done
expect_eq "index-edges: refs of a name that is no level written (L, 5, L5x, Lx5, ML5, l5, a number past 2^32) lists nothing" \
    "" "$ie_bad"

# ---- arguments, standard input, standard output ----
"$LADDERC" refs "$IE/base.ladder" "" >"$IE/e.out" 2>"$IE/e.err"
expect_eq "index-edges: refs of an empty name: no such name, exit 1" \
    "1::ladderc: error: no role, track, box, company, level or competency is named '' in '$IE/base.ladder'" \
    "$?:$(cat "$IE/e.out"):$(cat "$IE/e.err")"
"$LADDERC" refs - dev </ >"$IE/e.out" 2>"$IE/e.err"
expect_eq "index-edges: refs of standard input that cannot be read (a folder): exit 2" \
    "2::ladderc: error: cannot read '-': Is a directory" "$?:$(cat "$IE/e.out"):$(cat "$IE/e.err")"
expect_eq "index-edges: refs of standard input (-) lists its places as <stdin>" \
    "<stdin>:4:6: definition role dev
<stdin>:6:1: reference role dev" "$("$LADDERC" refs - dev <"$IE/base.ladder")"
"$LADDERC" refs "$IE/base.ladder" dev >/dev/full 2>"$IE/e.err"
expect_eq "index-edges: refs to a full standard output: exit 2, said" \
    "2:ladderc: error: cannot write to standard output: No space left on device" "$?:$(cat "$IE/e.err")"
cp "$IE/base.ladder" "$IE/full.ladder"
"$LADDERC" rename --dry-run "$IE/full.ladder" dev engineer >/dev/full 2>"$IE/e.err"
expect_eq "index-edges: rename --dry-run to a full standard output: exit 2, said, nothing written" \
    "2:ladderc: error: cannot write to standard output: No space left on device:same" \
    "$?:$(cat "$IE/e.err"):$(cmp -s "$IE/base.ladder" "$IE/full.ladder" && echo same)"
"$LADDERC" rename "$IE/none.ladder" dev engineer >"$IE/e.out" 2>"$IE/e.err"
expect_eq "index-edges: rename of a missing file: exit 2, said" \
    "2::ladderc: error: cannot read '$IE/none.ladder': No such file or directory" \
    "$?:$(cat "$IE/e.out"):$(cat "$IE/e.err")"
# a file that is named <stdin> is a file: renamed, not refused as standard input
mkdir -p "$IE/odd"
cp "$IE/base.ladder" "$IE/odd/<stdin>"
(cd "$IE/odd" && "$LADDERC" rename "<stdin>" dev engineer) >"$IE/e.out" 2>"$IE/e.err"
expect_eq "index-edges: a file named '<stdin>' is renamed like any file" "0::1" \
    "$?:$(cat "$IE/e.out" "$IE/e.err"):$(grep -c '^engineer -> lead promotion$' "$IE/odd/<stdin>")"

# ---- the dry run of a file with no final line end, applied by patch ----
printf 'levels L3..L11\ntrack ic "IC"\nrole dev "Dev" track ic level L5 at (10, 10)\nrole lead "Lead" track ic level L6 at (20, 20)\ndev -> lead' \
    >"$IE/noeol.ladder"
for ie_old in lead ic; do    # lead: the last line changes; ic: it does not
    cp "$IE/noeol.ladder" "$IE/p.ladder"
    cp "$IE/noeol.ladder" "$IE/q.ladder"
    "$LADDERC" rename --dry-run "$IE/p.ladder" "$ie_old" new >"$IE/p.diff" 2>&1
    patch -s "$IE/p.ladder" <"$IE/p.diff" >"$IE/patch.out" 2>&1
    ie_patch=$?
    "$LADDERC" rename "$IE/q.ladder" "$ie_old" new
    expect_eq "index-edges: patch applies the dry run of '$ie_old' to a file with no final line end, as rename writes it" \
        "0:same:$([ "$ie_old" = lead ] && echo 2 || echo 0)" \
        "$ie_patch:$(cmp -s "$IE/p.ladder" "$IE/q.ladder" && echo same || cat "$IE/patch.out"):$(grep -c '^\\ No newline at end of file$' "$IE/p.diff")"
done

# ---- a folder rename cannot write (as root: nobody, through as_user) ----
# FILE first: its folder is read-only, so nothing is written, the import
# either; then only the imported file's folder: FILE is renamed, the
# import is not, and the message names it
mkdir -p "$UNPRIV/ie_ro/lib"
printf 'levels L3..L6\ntrack ic "IC"\nrole junior "Junior" track ic level L3 at (10, 10)\n' >"$UNPRIV/ie_ro/lib/base.ladder"
printf 'import "lib/base.ladder"\nrole senior "Senior" track ic level L4 at (40, 40)\njunior -> senior\n' \
    >"$UNPRIV/ie_ro/main.ladder"
cp "$UNPRIV/ie_ro/main.ladder" "$IE/main.orig"
cp "$UNPRIV/ie_ro/lib/base.ladder" "$IE/base.orig"
chmod -R a+rX "$UNPRIV/ie_ro"
[ "$(id -u)" = 0 ] && chown -R 65534:65534 "$UNPRIV/ie_ro"     # the files are nobody's own
chmod 555 "$UNPRIV/ie_ro" "$UNPRIV/ie_ro/lib"
as_user timeout 30 "$UNPRIV_LADDERC" rename "$UNPRIV/ie_ro/main.ladder" junior entry >"$IE/ro.out" 2>"$IE/ro.err"
ie_rc=$?
expect_eq "index-edges: rename in a read-only folder: exit 2, FILE named with the reason (and only FILE: the rename stops there), both files untouched, no temporary file" \
    "2:1 1:same same:lib main.ladder" \
    "$ie_rc:$(grep -c "'$UNPRIV/ie_ro/main.ladder'.*Permission denied" "$IE/ro.err") $(wc -l <"$IE/ro.err"):$(cmp -s "$IE/main.orig" "$UNPRIV/ie_ro/main.ladder" && echo same) $(cmp -s "$IE/base.orig" "$UNPRIV/ie_ro/lib/base.ladder" && echo same):$(ls -A "$UNPRIV/ie_ro" | tr '\n' ' ' | sed 's/ $//')"
chmod 755 "$UNPRIV/ie_ro"
as_user timeout 30 "$UNPRIV_LADDERC" rename "$UNPRIV/ie_ro/main.ladder" junior entry >"$IE/ro.out" 2>"$IE/ro.err"
ie_rc=$?
expect_eq "index-edges: the imported file's folder read-only: exit 2, FILE renamed, the import named and untouched" \
    "2:1:1:same" \
    "$ie_rc:$(grep -c "lib/base.ladder'.*Permission denied" "$IE/ro.err"):$(grep -c '^entry -> senior$' "$UNPRIV/ie_ro/main.ladder"):$(cmp -s "$IE/base.orig" "$UNPRIV/ie_ro/lib/base.ladder" && echo same)"
chmod 755 "$UNPRIV/ie_ro/lib"
