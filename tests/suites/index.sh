# index.sh - the index of every name (lib/index.c) and its clients, refs and
# rename: what needs a script beside the data cases of tests/cases/index/.
# The checker over several files is tested in C (tests/internal/check_files.c),
# until a session loads files with import. Sourced by tests/run.sh.

IX="$TMP/index"
mkdir -p "$IX"
ix_status() { "$@" >/dev/null 2>&1; echo $?; }

# ---- the C test of check_files and the index (normal run only: it links
# the normal build's library, so the sanitized rerun would test nothing new)
if [ -z "${LADDERC_SANITIZED:-}" ]; then
    if ${CC:-cc} -std=c11 -Wall -Wextra -Werror -O1 -g -D_POSIX_C_SOURCE=200809L -I"$ROOT/lib" \
        -I"$ROOT/lib/syntax" -I"$ROOT/lib/emit" -I"$ROOT/build" -o "$IX/check_files" \
        "$ROOT/tests/internal/check_files.c" "$ROOT/build/libladder.a" -lm 2>"$IX/cc.err"; then
        if "$IX/check_files" >"$IX/unit.out" 2>&1; then
            pass "index: tests/internal/check_files (two files as one ladder, the index across them)"
        else
            fail "index: tests/internal/check_files" "$(head -20 "$IX/unit.out")"
        fi
    else
        fail "index: tests/internal/check_files.c compiles against build/libladder.a" "$(head -10 "$IX/cc.err")"
    fi
fi

# ---- rename rewrites the file, and only what it names ----
cp "$ROOT/examples/skills-map.ladder" "$IX/map.ladder"
chmod 640 "$IX/map.ladder"
"$LADDERC" rename --dry-run "$IX/map.ladder" ic indie >"$IX/dry.out" 2>"$IX/dry.err"
expect_eq "index: rename --dry-run succeeds quietly" "0:" "$?:$(cat "$IX/dry.err")"
expect_file "index: rename --dry-run leaves the file unchanged" "$ROOT/examples/skills-map.ladder" "$IX/map.ladder"
"$LADDERC" rename "$IX/map.ladder" ic indie >"$IX/ren.out" 2>"$IX/ren.err"
expect_eq "index: rename writes the file, and prints nothing" "0::" "$?:$(cat "$IX/ren.out"):$(cat "$IX/ren.err")"
expect_eq "index: rename keeps the file's mode" "640" "$(stat -c %a "$IX/map.ladder")"
expect_eq "index: no 'ic' is left where it was a name" "0 1" \
    "$(grep -c -w 'ic' "$IX/map.ladder") $(grep -c '^track indie ' "$IX/map.ladder")"
# every + line of the preview is the line of the renamed file it names
ix_preview_ok=$(awk -v f="$IX/map.ladder" '
    BEGIN { while ((getline l < f) > 0) line[++n] = l }
    /^@@ / { split($3, a, /[+,]/); at = a[2]; next }
    /^\+\+\+ / { next }
    /^\+/ { if (substr($0, 2) != line[at]) bad++; checked++ }
    END { print (bad ? "differs" : "same") " " (checked > 20) }' "$IX/dry.out")
expect_eq "index: the dry run's preview is what rename writes" "same 1" "$ix_preview_ok"
"$LADDERC" check "$IX/map.ladder" >"$IX/check.out" 2>&1
expect_eq "index: the renamed file checks with no diagnostics" "0:" "$?:$(cat "$IX/check.out")"
# (-T json names each entity's file: the same name for both)
cp "$ROOT/examples/skills-map.ladder" "$IX/orig.ladder"
(cd "$IX" && "$LADDERC" build -T json orig.ladder) | sed 's/"ic"/"indie"/g; s/"file": "orig.ladder"/"file": "map.ladder"/' >"$IX/want.json"
(cd "$IX" && "$LADDERC" build -T json map.ladder) >"$IX/got.json"
expect_file "index: the renamed file means the same, with the new name" "$IX/want.json" "$IX/got.json"
"$LADDERC" rename "$IX/map.ladder" indie ic
"$LADDERC" rename "$IX/map.ladder" staff_sre sre
"$LADDERC" rename "$IX/map.ladder" "L6-8" "Mid \"levels\""
"$LADDERC" rename "$IX/map.ladder" "Mid \"levels\"" "L6-8"
"$LADDERC" rename "$IX/map.ladder" sre staff_sre
expect_file "index: renaming and renaming back gives the original bytes" "$ROOT/examples/skills-map.ladder" \
    "$IX/map.ladder"

# ---- refused renames write nothing ----
"$LADDERC" rename "$IX/map.ladder" staff_sre principal >/dev/null 2>"$IX/clash.err"
expect_eq "index: a clash is refused (exit 1)" "1" "$?"
"$LADDERC" rename "$IX/map.ladder" staff_sre 'Bad Name' >/dev/null 2>&1
expect_eq "index: an invalid id is refused (exit 1)" "1" "$?"
expect_file "index: a refused rename leaves the file as it was" "$ROOT/examples/skills-map.ladder" "$IX/map.ladder"
printf 'levels L3..L11\ntrack ic "IC"\nrole a "A" track ic level L5 at (1, 1)\nrole b "B" track ic at (2, 2)\na -> b\n' \
    >"$IX/broken.ladder"
cp "$IX/broken.ladder" "$IX/broken.orig"
expect_eq "index: a file with syntax errors is not renamed (exit 1)" "1" \
    "$(ix_status "$LADDERC" rename "$IX/broken.ladder" a z)"
expect_file "index: ... and is left as it was" "$IX/broken.orig" "$IX/broken.ladder"
expect_eq "index: standard input is not rewritten (exit 2), but previewed" "2 0" \
    "$(ix_status "$LADDERC" rename - a z <"$ROOT/examples/skills-map.ladder") $(printf 'levels L3\ntrack t "T"\n' |
        "$LADDERC" rename --dry-run - t u >/dev/null 2>&1; echo $?)"
expect_eq "index: refs and rename with too few arguments are usage errors (exit 2)" "2 2" \
    "$(ix_status "$LADDERC" refs "$IX/map.ladder") $(ix_status "$LADDERC" rename "$IX/map.ladder" ic)"
expect_eq "index: a missing file is an I/O error (exit 2)" "2" "$(ix_status "$LADDERC" refs "$IX/none.ladder" ic)"

# ---- refs agrees with a count of the words outside strings and comments ----
ix_words() {    # ix_words FILE WORD: how often WORD is written as a name
    awk -v w="$2" '{ sub(/#.*/, ""); gsub(/"([^"\\]|\\.)*"/, " ");
        n += gsub("(^|[^a-z0-9_])" w "([^a-z0-9_]|$)", " ") } END { print n + 0 }' "$1"
}
ix_bad=""
for ix_name in ic manager product staff_sre principal fellow google microsoft; do
    ix_want=$(ix_words "$ROOT/examples/skills-map.ladder" "$ix_name")
    ix_got=$("$LADDERC" refs "$ROOT/examples/skills-map.ladder" "$ix_name" | wc -l | tr -d ' ')
    [ "$ix_want" = "$ix_got" ] || ix_bad="$ix_bad $ix_name: $ix_want written, $ix_got listed;"
done
expect_eq "index: refs lists every place a name is written in the example" "" "$ix_bad"

# ---- the index costs no more than linear memory on a large ladder ----
if [ -z "${LADDERC_SANITIZED:-}" ]; then
    awk 'BEGIN { print "levels L3..L11"; print "track ic \"IC\"";
        for (i = 0; i < 20000; i++) printf "role r%d \"R%d\" track ic level L5 at (%d, %d)\n", i, i, i % 100, int(i / 100) % 100;
        for (i = 1; i < 20000; i++) printf "r%d -> r%d lateral\n", i - 1, i }' >"$IX/big.ladder"
    ix_lines=$(sh -c 'ulimit -v 262144; ulimit -t 20; exec "$@"' sh "$LADDERC" refs "$IX/big.ladder" ic 2>&1 | wc -l)
    expect_eq "index: refs on 20,000 roles, within 256 MB and 20 s of CPU" "20001" "$(echo $ix_lines)"
fi

# ---- across imports: refs lists every file, rename rewrites every file ----
mkdir -p "$IX/multi/shared"
printf 'levels L3..L6\ntrack ic "IC"\nrole junior "Junior" track ic level L3 at (10, 10)\n' >"$IX/multi/shared/base.ladder"
printf 'import "shared/base.ladder"\nrole senior "Senior" track ic level L4 at (40, 40)\njunior -> senior\n' \
    >"$IX/multi/main.ladder"
cp "$IX/multi/shared/base.ladder" "$IX/multi/base.orig"
cp "$IX/multi/main.ladder" "$IX/multi/main.orig"
expect_eq "index: refs follows imports (the definition in the imported file, the use in the importer)" \
"shared/base.ladder:3:6: definition role junior
main.ladder:3:1: reference role junior" "$(cd "$IX/multi" && "$LADDERC" refs main.ladder junior)"
expect_eq "index: refs of a track used in two files (the root's places first, then the imported file's)" \
"shared/base.ladder:2:7: definition track ic
main.ladder:2:28: reference track ic
shared/base.ladder:3:28: reference track ic" "$(cd "$IX/multi" && "$LADDERC" refs main.ladder ic)"
(cd "$IX/multi" && "$LADDERC" rename --dry-run main.ladder junior entry) >"$IX/multi/dry.out" 2>&1
expect_eq "index: rename --dry-run previews both files and writes nothing" "2 2:$(cat "$IX/multi/base.orig")" \
    "$(grep -c '^--- ' "$IX/multi/dry.out") $(grep -c '^+[^+]' "$IX/multi/dry.out"):$(cat "$IX/multi/shared/base.ladder")"
(cd "$IX/multi" && "$LADDERC" rename main.ladder junior entry) >"$IX/multi/ren.out" 2>&1
expect_eq "index: rename rewrites the imported file and the importer" "0:1:1" \
    "$?:$(grep -c 'role entry "Junior"' "$IX/multi/shared/base.ladder"):$(grep -c '^entry -> senior$' "$IX/multi/main.ladder")"
expect_eq "index: the renamed ladder checks with no diagnostics" "0:" \
    "$(cd "$IX/multi" && "$LADDERC" check main.ladder 2>&1; echo "$?:")" 
(cd "$IX/multi" && "$LADDERC" rename main.ladder entry junior) >/dev/null 2>&1
expect_eq "index: renaming back gives both files' original bytes" "same same" \
    "$(cmp -s "$IX/multi/base.orig" "$IX/multi/shared/base.ladder" && echo same) $(cmp -s "$IX/multi/main.orig" "$IX/multi/main.ladder" && echo same)"
printf 'import "std/big-tech.ladder"\nrole a "A" track ic level L5 at (1, 1)\n' >"$IX/multi/std.ladder"
cp "$IX/multi/std.ladder" "$IX/multi/std.orig"
(cd "$IX/multi" && "$LADDERC" rename std.ladder ic indie) >/dev/null 2>"$IX/multi/std.err"
expect_eq "index: a name written in a shipped ladder is not renamed (exit 1, the file named, nothing written)" \
    "1:1:same" "$?:$(grep -c "shipped ladder 'std/big-tech.ladder'" "$IX/multi/std.err"):$(cmp -s "$IX/multi/std.orig" "$IX/multi/std.ladder" && echo same)"
