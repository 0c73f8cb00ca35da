# markdown.sh - the Markdown backend under GitHub's renderer, and its size.
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq, expect_file).
#
# 1. Literal text: titles and names full of URLs, www. and e-mail addresses,
#    @mentions, #123 and GH-123 references, :emoji: and $math$ render through
#    cmark-gfm with GitHub's extensions (table, autolink, strikethrough,
#    tagfilter) without a single link, and each shows exactly the text typed
#    once the zero-width spaces that break GitHub's own filters are removed.
#    The same for `path -T md`, which shares the escaper.
# 2. Size: names that the tables repeat (a title on 10,000 levels, a role in
#    5,000 transitions, a track of 5,000 roles, a company in 2,000 tracks),
#    grids of 10,000 levels x 3,000 companies, a 10 KB level prefix: the
#    Markdown stays within 4x the input plus 64 KB (before: up to 10,000x).

MD="$TMP/markdown"
mkdir -p "$MD"
MD_CMARK="cmark-gfm -e table -e autolink -e strikethrough -e tagfilter"

# md_text: rendered HTML lines as text: no zero-width space, entities decoded
md_text() {
    sed -e "s/$(printf '\342\200\213')//g" -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e 's/&amp;/\&/g'
}

# md_shows NAME HTML LINE: the rendered HTML (as md_text) has LINE as a line
md_shows() {
    if md_text <"$2" | grep -q -x -F -e "$3"; then
        pass "markdown: $1"
    else
        fail "markdown: $1" "no line: $3"
    fi
}

# ---- literal under GitHub's renderer ---------------------------------------
md_title='See https://evil.example/x and www.evil.example, mail bob@evil.example, ping @alice and @org/team'
md_track='Track #12 GH-34 :tada: $x^2$ ftp://f.example/ WWW.Evil.example'
md_a='http://a.example/p?q=1 https://b.example mailto:x@y.example xmpp:u@h.example'
md_b='user@example.com @bob #123 owner/repo#7 :smile: $$ a $$ 10:30 :+1: :a:b: ~~s~~'
md_co='Co www.c.example @c'
md_code='c@d.example'
md_line='T http://t.example :x: #9 $y$'
cat >"$MD/github.ladder" <<EOF
ladder "$md_title"
levels L3..L11
track ic "$md_track"
role a "$md_a" track ic level L5 at (10, 10)
role b "$md_b" track ic level L5 at (20, 20)
a -> b lateral
company c "$md_co" {
  ic L5..L6 "$md_code" "$md_line"
}
EOF
"$LADDERC" build -T md "$MD/github.ladder" >"$MD/github.md" 2>"$MD/err"
expect_eq "markdown: GitHub-hostile names build (exit status)" 0 $?
$MD_CMARK "$MD/github.md" >"$MD/github.html"
expect_eq "markdown: no link, mention or reference under cmark-gfm with GitHub's extensions" 0 \
    "$(grep -o '<a' "$MD/github.html" | wc -l | tr -d ' ')"
expect_eq "markdown: no strikethrough" 0 "$(grep -c '<del>' "$MD/github.html")"
md_shows "the title renders as typed" "$MD/github.html" "<h1>$md_title</h1>"
md_shows "the track renders as typed" "$MD/github.html" "<h2>$md_track</h2>"
md_shows "role a renders as typed" "$MD/github.html" "<td>$md_a</td>"
md_shows "role b renders as typed" "$MD/github.html" "<td>$md_b</td>"
md_shows "the company renders as typed" "$MD/github.html" "<th>$md_co</th>"
md_shows "the company line renders as typed" "$MD/github.html" "<td>$md_line ($md_code)</td>"
# GitHub's filters see the rendered text: no "@name", "#1", "GH-1" or
# ":name:" may be left in it (zero-width spaces still in)
expect_eq "markdown: nothing left for GitHub's mention, reference and emoji filters" "" \
    "$(sed 's/<[^>]*>//g' "$MD/github.html" | grep -oE '@[A-Za-z0-9]|#[0-9]|GH-[0-9]|:[a-z+]+:')"
"$LADDERC" path -T md "$MD/github.ladder" a b >"$MD/path.md" 2>"$MD/err"
$MD_CMARK "$MD/path.md" >"$MD/path.html"
expect_eq "markdown: path -T md: no link" 0 "$(grep -o '<a' "$MD/path.html" | wc -l | tr -d ' ')"
expect_eq "markdown: path -T md: role names render as typed" 2 \
    "$(md_text <"$MD/path.html" | grep -o -F -e "$md_a" -e "$md_b" | wc -l | tr -d ' ')"

# Bidi overrides and isolates and zero-width characters in a name would
# reorder or hide what a reviewer reads in a pull-request comment ("Trojan
# Source"): each shows as U+FFFD. Accents and other scripts stay as typed.
md_rlo=$(printf '\342\200\256')     # U+202E RIGHT-TO-LEFT OVERRIDE
md_lri=$(printf '\342\201\246')     # U+2066 LEFT-TO-RIGHT ISOLATE
md_zw=$(printf '\342\200\213')      # U+200B ZERO WIDTH SPACE
md_fffd=$(printf '\357\277\275')
printf 'levels L3..L11\ntrack ic "Ing\303\251nieur %sevil%sx%sy"\nrole a "A" track ic level L5 at (10, 10)\n' \
    "$md_rlo" "$md_lri" "$md_zw" >"$MD/bidi.ladder"
"$LADDERC" build -T md "$MD/bidi.ladder" >"$MD/bidi.md" 2>"$MD/err"
expect_eq "markdown: bidi and zero-width characters in a name show as U+FFFD" \
    "1:0" "$(grep -c -F "Ing$(printf '\303\251')nieur ${md_fffd}evil${md_fffd}x${md_fffd}y" "$MD/bidi.md"):$(grep -c -e "$md_rlo" -e "$md_lri" -e "$md_zw" "$MD/bidi.md")"

# ---- size: repeated names and big grids ------------------------------------
md_big=$(awk 'BEGIN { for (i = 0; i < 20000; i++) printf "%s", substr("abcdefghij", i % 10 + 1, 1) }')
printf 'levels L0..L9999\ntrack ic "IC"\ncompany c "C" {\n  ic L0..L9999 "c" "%s"\n}\n' "$md_big" >"$MD/title.ladder"
printf 'levels L0..L59\ntrack ic "IC"\ncompany c "C" {\n  ic L0..L59 "%s" "%s"\n}\n' "$md_big" "$md_big" >"$MD/grid-title.ladder"
{
    printf 'levels L3..L11\ntrack ic "IC"\nrole a "%s" track ic level L5 at (0, 0)\n' "$md_big"
    awk 'BEGIN { for (i = 0; i < 5000; i++) printf "role r%d \"R\" track ic level L5 at (%d, %d)\n", i, i % 100, int(i / 100) + 1
                 for (i = 0; i < 5000; i++) printf "a -> r%d lateral\n", i }'
} >"$MD/transitions.ladder"
{
    printf 'levels L3..L11\ntrack ic "%s"\n' "$md_big"
    awk 'BEGIN { for (i = 0; i < 5000; i++) printf "role r%d \"R\" track ic level L5 at (%d, %d)\n", i, i % 100, int(i / 100) }'
} >"$MD/track.ladder"
{
    printf 'levels L3..L11\n'
    awk 'BEGIN { for (i = 0; i < 2000; i++) printf "track t%d \"T\"\n", i }'
    printf 'company c "%s" {\n' "$md_big"
    awk 'BEGIN { for (i = 0; i < 2000; i++) printf "  t%d L5 \"c\" \"T\"\n", i }'
    echo "}"
} >"$MD/company.ladder"
md_p=L$(awk 'BEGIN { for (i = 0; i < 10000; i++) printf "x" }')
printf 'levels %s0..%s59\ntrack ic "IC"\ncompany c "C" {\n  ic %s0 "c" "T"\n}\n' "$md_p" "$md_p" "$md_p" >"$MD/prefix.ladder"
{
    printf 'levels L0..L9999\ntrack ic "IC"\n'
    awk 'BEGIN { for (i = 0; i < 3000; i++) printf "company c%d \"C\" {\n  ic L%d \"c\" \"T\"\n}\n", i, i }'
} >"$MD/companies.ladder"
# ulimit -f (in 512-byte blocks: 100 MB) stops the old, amplifying output early
for md_shape in title grid-title transitions track company prefix companies; do
    md_in=$(wc -c <"$MD/$md_shape.ladder" | tr -d ' ')
    md_out=$( (ulimit -f 204800; "$LADDERC" build -T md "$MD/$md_shape.ladder" 2>"$MD/err") | wc -c | tr -d ' ')
    if [ "$md_out" -gt 0 ] && [ "$md_out" -le $((md_in * 4 + 65536)) ]; then
        pass "markdown: $md_shape: output within 4x the input plus 64 KB"
    else
        fail "markdown: $md_shape: output within 4x the input plus 64 KB" "$md_out bytes from $md_in"
    fi
done
# a repeated name is whole once: the 20 KB title, role, track and company
for md_shape in grid-title transitions track company; do
    expect_eq "markdown: $md_shape: the long name is written whole once" 1 \
        "$("$LADDERC" build -T md "$MD/$md_shape.ladder" | grep -c -F "$md_big")"
done
