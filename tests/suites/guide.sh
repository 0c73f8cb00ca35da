# guide.sh - the docs' examples compile as they say: every ```ladder block
# of docs/guide.md and of the "## Statements" part of docs/language.md, and
# the two framework examples (examples/framework.ladder, the file of issue
# 11, and examples/northwind.ladder). Sourced by tests/run.sh (helpers:
# pass, fail, expect_eq).
#
# A block is a complete file. It must compile with no diagnostic at all
# (exit 0, nothing on stderr) and be in fmt's canonical layout, unless its
# first line is "# error: CODE" or "# warning: CODE": then its diagnostics
# are exactly that code, and an error block exits 1. The "## Diagnostics" sections of language.md are
# workflow.sh's (their Wrong/Right examples), not this suite's.

GD="$TMP/guide"
mkdir -p "$GD"
gd_lc() { timeout 30 "$LADDERC" "$@"; }

# gd_extract DOC PREFIX FROM UPTO: writes each ```ladder block of DOC that
# lies between the heading line FROM and the heading line UPTO (empty: from
# the top, to the end) to $GD/PREFIX-LINE.ladder, LINE (5 digits, so that the
# blocks sort in order) being the line of its opening fence, and prints how
# many it wrote.
gd_extract() {
    awk -v dir="$GD" -v prefix="$2" -v from="$3" -v upto="$4" '
        from == "" && NR == 1 { on = 1 }
        !fence && $0 == from { on = 1 }
        !fence && upto != "" && $0 == upto { on = 0 }
        on && !fence && /^```ladder[ \t]*$/ { fence = 1; n++; out = sprintf("%s/%s-%05d.ladder", dir, prefix, NR); printf "" > out; next }
        fence && /^```[ \t]*$/ { fence = 0; close(out); next }
        fence { print > out }
        END { print n + 0 }' "$1"
}

# gd_check_block FILE NAME: the block compiles as its first line says.
gd_check_block() {
    gd_want=$(sed -n '1s/^# \(error\|warning\): \([EW][0-9][0-9][0-9]\)[[:space:]]*$/\1 \2/p' "$1")
    if [ -z "$gd_want" ]; then
        gd_lc check "$1" >"$GD/out" 2>"$GD/err"
        expect_eq "guide: $2 compiles clean" "0:" "$?:$(cat "$GD/out" "$GD/err")"
        # (the docs teach the layout fmt writes)
        gd_lc fmt "$1" >"$GD/fmt.ladder" 2>/dev/null
        expect_file "guide: $2 is in fmt's layout" "$1" "$GD/fmt.ladder"
        return
    fi
    gd_code=${gd_want#* }
    gd_lc check --diagnostics=json "$1" >"$GD/json" 2>"$GD/err"
    gd_rc=$?
    gd_codes=$(jq -r '[.[].code] | unique | join(",")' "$GD/json" 2>/dev/null)
    case $gd_want in
    error*) expect_eq "guide: $2 gives $gd_code, as it says" "1:$gd_code" "$gd_rc:$gd_codes" ;;
    *) expect_eq "guide: $2 gives $gd_code, as it says" "0:$gd_code" "$gd_rc:$gd_codes" ;;
    esac
}

rm -f "$GD"/*.ladder
gd_n_guide=$(gd_extract "$ROOT/docs/guide.md" guide "" "")
gd_n_lang=$(gd_extract "$ROOT/docs/language.md" language "## Statements" "## Several files")
# (so that a broken extraction, or blocks fenced another way, cannot pass as
# "nothing to check")
[ "$gd_n_guide" -ge 10 ] && pass "guide: docs/guide.md has its $gd_n_guide ladder blocks" \
    || fail "guide: docs/guide.md has its ladder blocks" "found $gd_n_guide, expected 10 or more"
[ "$gd_n_lang" -ge 3 ] && pass "guide: language.md's statements have their $gd_n_lang ladder blocks" \
    || fail "guide: language.md's statements have their ladder blocks" "found $gd_n_lang, expected 3 or more"
for gd_f in "$GD"/guide-*.ladder; do
    [ -e "$gd_f" ] || continue
    gd_line=${gd_f##*-}
    gd_check_block "$gd_f" "docs/guide.md block at line $(expr "${gd_line%.ladder}" + 0)"
done
for gd_f in "$GD"/language-*.ladder; do
    [ -e "$gd_f" ] || continue
    gd_line=${gd_f##*-}
    gd_check_block "$gd_f" "docs/language.md block at line $(expr "${gd_line%.ladder}" + 0)"
done

# gd_block DOC_PREFIX FIRST_LINE: the extracted block whose first line is
# FIRST_LINE (its comment), to test what the prose around it says.
gd_block() {
    for gd_b in "$GD"/"$1"-*.ladder; do
        [ "$(head -n 1 "$gd_b")" = "$2" ] && { echo "$gd_b"; return; }
    done
    echo "$GD/missing.ladder"
}

# gd_position FILE ROLE: "x,y" of ROLE in FILE's JSON model.
gd_position() {
    gd_lc build -T json "$1" 2>/dev/null | jq -r --arg id "$2" '.roles[] | select(.id == $id) | "\(.x),\(.y)"'
}

# What the prose says of its blocks: the derived positions, the open total.
gd_f=$(gd_block guide "# A small framework: two competencies, three roles.")
expect_eq "guide: the Senior Engineer of the first example lands at (50, 50)" "50,50" "$(gd_position "$gd_f" senior)"
gd_f=$(gd_block guide "# Time in level: open-ended at the top.")
expect_eq "guide: a route with an open step has an open total" "8.5.. years" \
    "$(gd_lc path "$gd_f" engineer principal 2>&1 | head -n 1 | cut -d: -f1)"
gd_f=$(gd_block language "axis x \"Soft skills\" 0..100")
expect_eq "language.md: the derived positions the role section gives" "12.5,12.5 37.5,62.5 60,90" \
    "$(gd_position "$gd_f" engineer) $(gd_position "$gd_f" senior) $(gd_position "$gd_f" staff)"

# ---- the examples: clean, and really using what they show ----
gd_lc check "$ROOT/examples/northwind.ladder" >"$GD/out" 2>"$GD/err"
expect_eq "guide: examples/northwind.ladder compiles clean" "0:" "$?:$(cat "$GD/out" "$GD/err")"
# The issue's framework, as written: its rungs put the Engineering Manager
# level with the Staff Engineer across and the Director up, so the map
# cannot keep the Senior and Staff+ frames apart, and says so (W153), and
# nothing else.
gd_lc check --diagnostics=json "$ROOT/examples/framework.ladder" >"$GD/out" 2>"$GD/err"
expect_eq "guide: examples/framework.ladder compiles with the map's two W153 and nothing else" "0:W153 W153" \
    "$?:$(jq -r '[.[].code] | join(" ")' "$GD/out" 2>&1)$(cat "$GD/err")"
gd_lc build -T json "$ROOT/examples/northwind.ladder" >"$GD/nw.json" 2>/dev/null
expect_eq "guide: northwind has 15 roles on 3 tracks" "15 3" \
    "$(jq -r '"\(.roles | length) \(.tracks | length)"' "$GD/nw.json" 2>/dev/null)"
expect_eq "guide: northwind's roles are at 15 different places" "15" \
    "$(jq -r '.roles[] | "\(.x),\(.y)"' "$GD/nw.json" 2>/dev/null | sort -u | wc -l | tr -d ' ')"
expect_eq "guide: northwind's route from the first job to VP has an open total" "yes" \
    "$(gd_lc path "$ROOT/examples/northwind.ladder" swe1 vp 2>/dev/null | head -n 1 | grep -q '^[0-9.]*\.\. years:' && echo yes || echo no)"

# The README's example is a fragment (no scale, no track): with them and
# its move, it compiles clean.
awk '/^## Competencies/ { on = 1 } on && /^```$/ && !f { f = 1; next } on && f && /^```$/ { exit } on && f' \
    "$ROOT/README.md" >"$GD/readme-body"
{ printf 'levels L3..L8\ntrack ic "IC"\n'; cat "$GD/readme-body"; echo 'senior -> staff'; } >"$GD/readme.ladder"
gd_lc check "$GD/readme.ladder" >"$GD/out" 2>"$GD/err"
gd_rc=$?
gd_n=$(grep -c '^role ' "$GD/readme-body")
expect_eq "guide: the README's competencies (2 roles) compile with a scale, a track and a move" "0:2:" \
    "$gd_rc:$gd_n:$(cat "$GD/out" "$GD/err")"
