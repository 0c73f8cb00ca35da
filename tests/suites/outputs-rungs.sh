# outputs-rungs.sh - the backends on competencies: real consumers read what
# -T md, -T json and the map say about rungs, summaries, links, a track's
# own level names and open years. (The exact outputs of the issue's example
# are data cases: tests/cases/outputs-rungs/framework-{md,json,dot}.)
#
# 1. The issue's example: cmark-gfm with GitHub's extensions renders a
#    framework table per track, a table per competency, the one link, M5
#    rather than L5, "3.." years; jq reads the new keys; Graphviz reads the
#    DOT, xmllint the SVG, whose one link and tooltips say the right thing.
# 2. Hostile links: quotes, <, >, &, entities, backslashes (Graphviz's \N),
#    brackets and "javascript:" inside a path reach the SVG's href and the
#    Markdown's href as the very address typed (after XML and percent
#    decoding), with no element injected; addresses that are not http(s)
#    are refused (E185).
# 3. Hostile names in competencies, rungs, summaries and texts render as
#    typed, with no link but the real ones.
# 4. A track with its own level names: its company grid has a row per level
#    of its own ("M1 (L4)"), not per level of the scale.
# 5. Size: rung and competency names repeated on every role, and grids of
#    100 competencies over roles that set one, stay within 4x the input
#    plus 64 KB in -T md and -T dot (8x in -T json, whose role objects are
#    about 6x a minimal role's line anyway).
# 6. The JSON keys that came with competencies appear only in ladders that
#    use them (docs/json.md).

OR="$TMP/outputs-rungs"
mkdir -p "$OR"
OR_CMARK="cmark-gfm -e table -e autolink -e strikethrough -e tagfilter"

# or_text: rendered HTML lines as text: no zero-width space, entities decoded
or_text() {
    sed -e "s/$(printf '\342\200\213')//g" -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e 's/&amp;/\&/g'
}

# or_count FILE LINE: how many lines of FILE (as or_text) are LINE
or_count() { or_text <"$1" | grep -c -x -F -e "$2"; }

# or_pct_decode: %XX sequences of stdin decoded to bytes
or_pct_decode() {
    LC_ALL=C awk 'function hex(c) { return index("0123456789ABCDEF", toupper(c)) - 1 }
        { out = ""
          while (match($0, /%[0-9A-Fa-f][0-9A-Fa-f]/)) {
              out = out substr($0, 1, RSTART - 1) sprintf("%c", hex(substr($0, RSTART + 1, 1)) * 16 + hex(substr($0, RSTART + 2, 1)))
              $0 = substr($0, RSTART + 3)
          }
          print out $0 }'
}

# ---- 1. the issue's example ---------------------------------------------------
# (with 'layout exact': its map's W153 is tested in guide.sh; here, the
# outputs of everything the issue added)
{ cat "$ROOT/tests/cases/outputs-rungs/framework-md.ladder"; printf 'layout exact\n'; } >"$OR/framework.ladder"
for or_fmt in md json dot svg; do
    timeout 30 "$LADDERC" build -T $or_fmt -o "$OR/framework.$or_fmt" "$OR/framework.ladder" 2>"$OR/err"
    expect_eq "outputs-rungs: the example builds -T $or_fmt, without a word" "0:" "$?:$(head -c 300 "$OR/err")"
done
$OR_CMARK "$OR/framework.md" >"$OR/framework.html"
expect_eq "outputs-rungs: md: 2 framework tables, 4 competency tables, roles, transitions" 8 \
    "$(grep -c '<table>' "$OR/framework.html")"
expect_eq "outputs-rungs: md: a framework section per track" \
    "<h2>Framework: Individual contributor</h2>|<h2>Framework: Engineering management</h2>" \
    "$(grep '<h2>Framework' "$OR/framework.html" | paste -s -d '|' -)"
expect_eq "outputs-rungs: md: framework columns are the competencies" 2 \
    "$(grep -c -x '<th>Technical craft</th>' "$OR/framework.html")"
expect_eq "outputs-rungs: md: a cell holds the rung's name and the role's own sentence" 1 \
    "$(or_count "$OR/framework.html" '<td>Owns (3): Leads the design reviews of their team.</td>')"
expect_eq "outputs-rungs: md: a cell without a sentence holds the rung's name and number" 3 \
    "$(or_count "$OR/framework.html" '<td>Projects (3)</td>')"
expect_eq "outputs-rungs: md: the manager track's roles show M5 and M7..M8 (framework and roles tables), never L5 beside them" \
    "2:2" "$(or_count "$OR/framework.html" '<td>M5</td>'):$(or_count "$OR/framework.html" '<td>M7..M8</td>')"
expect_eq "outputs-rungs: md: a track's roles go up by level" "Engineer|Senior Engineer|Staff Engineer" \
    "$(sed -n '/Framework: Individual/,/<\/table>/p' "$OR/framework.html" | grep -o '<td>[A-Za-z ]*Engineer</td>' | sed 's/<[^>]*>//g' | paste -s -d '|' -)"
expect_eq "outputs-rungs: md: each rung's meaning, in the Competencies section" 1 \
    "$(or_count "$OR/framework.html" "<td>Ships small, well-scoped changes with a reviewer's help.</td>")"
expect_eq "outputs-rungs: md: each competency says hard or soft" "2:2" \
    "$(grep -c 'a hard skill' "$OR/framework.html"):$(grep -c 'a soft skill' "$OR/framework.html")"
expect_eq "outputs-rungs: md: the summary" 1 \
    "$(or_count "$OR/framework.html" '<td>Owns a service and makes the team around it better.</td>')"
expect_eq "outputs-rungs: md: the one link, to the address typed" \
    '<a href="https://example.com/wiki/engineering-manager">https://example.com/wiki/engineering-manager</a>' \
    "$(grep -o '<a [^>]*>[^<]*</a>' "$OR/framework.html")"
expect_eq "outputs-rungs: md: open years show as 3.." 1 "$(or_count "$OR/framework.html" '<td>3..</td>')"

expect_eq "outputs-rungs: json: open years" '{"min":3,"max":null,"open":true}|{"min":2,"max":5}' \
    "$(jq -c '.transitions[0].years, .transitions[1].years' "$OR/framework.json" | paste -s -d '|' -)"
expect_eq "outputs-rungs: json: the manager track's own names" 'M|M4..M8|4|8|L4..L8|4|8' \
    "$(jq -r '.tracks[1].level_names | [.prefix, .levels, .min, .max, .scale_levels, .scale_min, .scale_max] | map(tostring) | join("|")' "$OR/framework.json")"
expect_eq "outputs-rungs: json: a role of it shows M5, with the scale's numbers" 'M5 5 5|M7..M8 7 8' \
    "$(jq -r '.roles[] | select(.track == "manager") | "\(.levels) \(.level_min) \(.level_max)"' "$OR/framework.json" | paste -s -d '|' -)"
expect_eq "outputs-rungs: json: competencies, kinds and rungs" 'craft hard 5|delivery hard 5|people soft 5|reach soft 5' \
    "$(jq -r '.competencies[] | "\(.id) \(.kind) \(.rungs | length)"' "$OR/framework.json" | paste -s -d '|' -)"
expect_eq "outputs-rungs: json: a rung's name and meaning" 'Owns|Designs, builds and runs a service end to end.' \
    "$(jq -r '.competencies[0].rungs[2] | "\(.name)|\(.meaning)"' "$OR/framework.json")"
expect_eq "outputs-rungs: json: a role's rungs, with its own text" 'craft 3 Leads the design reviews of their team.|delivery 3 null|people 2 null|reach 2 null' \
    "$(jq -r '.roles[1].rungs[] | "\(.competency) \(.rung) \(.text)"' "$OR/framework.json" | paste -s -d '|' -)"
expect_eq "outputs-rungs: json: position derived, or written for the role with 'at'" 'derived derived derived derived written' \
    "$(jq -r '[.roles[].position] | join(" ")' "$OR/framework.json")"
expect_eq "outputs-rungs: json: summary and link" 'Owns a service and makes the team around it better.|https://example.com/wiki/engineering-manager' \
    "$(jq -r '"\(.roles[1].summary)|\(.roles[3].link)"' "$OR/framework.json")"

dot -Tcanon "$OR/framework.dot" >/dev/null 2>"$OR/gv.err"
expect_eq "outputs-rungs: dot: Graphviz reads the DOT without a word" "0:" "$?:$(head -c 300 "$OR/gv.err")"
xmllint --noout "$OR/framework.svg" 2>"$OR/x.err"
expect_eq "outputs-rungs: svg: xmllint reads it" "0:" "$?:$(head -c 300 "$OR/x.err")"
expect_eq "outputs-rungs: svg: the one role with a link is the one link" "https://example.com/wiki/engineering-manager" \
    "$(xmllint --xpath '//*[local-name()="a"]/@*[local-name()="href"]' "$OR/framework.svg" 2>/dev/null | sed 's/^ *xlink:href="//; s/"$//')"
or_tip=$(xmllint --xpath 'string(//*[local-name()="a"][@*[local-name()="href"]]/@*[local-name()="title"])' "$OR/framework.svg" 2>/dev/null)
expect_eq "outputs-rungs: svg: the role's tooltip lists its rungs" \
    "Engineering Manager (M5)|Technical craft: Applies (2)|Delivery: Projects (3)|People: Manager (4)|Influence: Team (2)" \
    "$(printf '%s\n' "$or_tip" | paste -s -d '|' -)"
expect_eq "outputs-rungs: svg: the summary is in its role's tooltip" 1 \
    "$(grep -c 'xlink:title="Senior Engineer (L5)&#10;Owns a service and makes the team around it better.&#10;Technical craft: Owns (3)' "$OR/framework.svg")"
expect_eq "outputs-rungs: svg: the manager track's labels and the open years" "1:1:1" \
    "$(grep -c '>M5</text>' "$OR/framework.svg"):$(grep -c '>M7..M8</text>' "$OR/framework.svg"):$(grep -c '>3.. y</text>' "$OR/framework.svg")"

# ---- 2. hostile links ----------------------------------------------------------
# each as the ladder must spell it (\" and \\) and as it means
or_l1='https://e.example/a"b<c>d&e\f'"'"'g(h)i|j`k*l_m[n]o{p}^'
or_l2='https://e.example/?q=1&amp;x=&foo;y&#38;z&lt;'
or_l3='http://e.example/\N\G\L\n\E\T\H'
or_l4='HTTPS://e.example/"><script>alert(1)</script><a/href="javascript:alert(2)'
or_l5='https://e.example/](javascript:alert(1))<x>'"$(printf '\303\251')"'%41'
or_spell() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g'; }
{
    printf 'levels L1..L5\ntrack ic "IC"\n'
    or_i=1
    for or_l in "$or_l1" "$or_l2" "$or_l3" "$or_l4" "$or_l5"; do
        printf 'role r%d "R%d" track ic level L%d at (%d, %d) {\n  link "%s"\n}\n' $or_i $or_i $or_i \
            $((or_i * 10)) $((or_i * 10)) "$(or_spell "$or_l")"
        or_i=$((or_i + 1))
    done
} >"$OR/links.ladder"
"$LADDERC" check "$OR/links.ladder" >/dev/null 2>"$OR/err"
expect_eq "outputs-rungs: hostile links are web addresses the checker accepts" "0:" "$?:$(head -c 300 "$OR/err")"
"$LADDERC" build -T svg -o "$OR/links.svg" "$OR/links.ladder" 2>"$OR/err" && xmllint --noout "$OR/links.svg" 2>"$OR/x.err"
expect_eq "outputs-rungs: hostile links: the SVG is well-formed" "0:" "$?:$(head -c 300 "$OR/x.err")"
expect_eq "outputs-rungs: hostile links: no element injected into the SVG" "0" \
    "$(xmllint --xpath 'count(//*[local-name()="script"] | //*[local-name()="a"][not(@*[local-name()="href"])][*[local-name()="a"]])' "$OR/links.svg")"
# (the meta line: xmllint reads HTML without one as Latin-1)
{ echo '<meta charset="utf-8">'; "$LADDERC" build -T md "$OR/links.ladder" 2>"$OR/err" | $OR_CMARK; } >"$OR/links.html"
expect_eq "outputs-rungs: hostile links: one link each in the SVG and in the Markdown" "5:5" \
    "$(xmllint --xpath 'count(//*[local-name()="a"][@*[local-name()="href"]])' "$OR/links.svg"):$(grep -o '<a ' "$OR/links.html" | wc -l | tr -d ' ')"
or_i=1
for or_l in "$or_l1" "$or_l2" "$or_l3" "$or_l4" "$or_l5"; do
    # the SVG's nodes are in role order here (no boxes)
    or_svg=$(xmllint --xpath "string((//*[local-name()='a'][@*[local-name()='href']])[$or_i]/@*[local-name()='href'])" "$OR/links.svg" | or_pct_decode)
    or_md=$(xmllint --html --xpath "string((//a)[$or_i]/@href)" "$OR/links.html" 2>/dev/null | or_pct_decode)
    or_want=$(printf '%s' "$or_l" | or_pct_decode)
    expect_eq "outputs-rungs: hostile link $or_i: the SVG's href is the address typed" "$or_want" "$or_svg"
    expect_eq "outputs-rungs: hostile link $or_i: the Markdown's href is the address typed" "$or_want" "$or_md"
    expect_eq "outputs-rungs: hostile link $or_i: the Markdown shows the address as its text" "$or_l" \
        "$(xmllint --html --xpath "string((//a)[$or_i])" "$OR/links.html" 2>/dev/null | sed "s/$(printf '\342\200\213')//g")"
    or_i=$((or_i + 1))
done
for or_bad in 'javascript:alert(1)' 'JavaScript:alert(1)' 'data:text/html,x' 'file:///etc/passwd' 'https://' \
    '//e.example/x' 'mailto:a@e.example' 'https://e.example/a b' ' https://e.example/' 'https:e.example'; do
    printf 'levels L1..L5\ntrack ic "IC"\nrole a "A" track ic level L1 at (1, 1) {\n  link "%s"\n}\n' "$or_bad" >"$OR/bad.ladder"
    "$LADDERC" build -T svg -o "$OR/bad.svg" "$OR/bad.ladder" >/dev/null 2>"$OR/err"
    expect_eq "outputs-rungs: link '$or_bad' is refused (E185), nothing built" "1:1:no" \
        "$?:$(grep -c 'E185' "$OR/err"):$([ -e "$OR/bad.svg" ] && echo yes || echo no)"
done

# ---- 3. hostile names -----------------------------------------------------------
or_comp='Craft https://c.example @alice #12 | x'
or_rung='Owns www.r.example :tada: ~~s~~ <b> \L'
or_mean='Means http://m.example/ [x](javascript:alert(1)) `c` *e*'
or_sum='Summary @org/team GH-3 $x$ <script> a\N\G\n\\b &amp; "q"'
or_own='Own text mail bob@evil.example | y \ z'
cat >"$OR/names.ladder" <<EOF
levels L1..L5
track ic "IC"
competency c "$or_comp" hard {
  1 "$(or_spell "$or_rung")" "$or_mean"
}
role a "A" track ic level L1 at (10, 10) {
  summary "$(or_spell "$or_sum")"
  c 1 "$(or_spell "$or_own")"
}
EOF
"$LADDERC" build -T md "$OR/names.ladder" 2>"$OR/err" | $OR_CMARK >"$OR/names.html"
expect_eq "outputs-rungs: hostile names: no link, mention or strikethrough under cmark-gfm" "0:0" \
    "$(grep -o '<a' "$OR/names.html" | wc -l | tr -d ' '):$(grep -c '<del>' "$OR/names.html")"
expect_eq "outputs-rungs: hostile names: the competency renders as typed (heading and column)" "1:1" \
    "$(or_count "$OR/names.html" "<h3>$or_comp</h3>"):$(or_count "$OR/names.html" "<th>$or_comp</th>")"
expect_eq "outputs-rungs: hostile names: the rung and its meaning render as typed" "1:1" \
    "$(or_count "$OR/names.html" "<td>$or_rung</td>"):$(or_count "$OR/names.html" "<td>$or_mean</td>")"
expect_eq "outputs-rungs: hostile names: the role's cell and summary render as typed" "1:1" \
    "$(or_count "$OR/names.html" "<td>$or_rung (1): $or_own</td>"):$(or_count "$OR/names.html" "<td>$or_sum</td>")"
"$LADDERC" build -T svg -o "$OR/names.svg" "$OR/names.ladder" 2>"$OR/err" && xmllint --noout "$OR/names.svg" 2>"$OR/x.err"
expect_eq "outputs-rungs: hostile names: the SVG is well-formed" "0:" "$?:$(head -c 300 "$OR/x.err")"
expect_eq "outputs-rungs: hostile names: the tooltip shows them as typed" "A (L1)|$or_sum|$or_comp: $or_rung (1)" \
    "$(xmllint --xpath 'string(//*[local-name()="g"][@class="node"]/*[local-name()="g"]/*[local-name()="a"]/@*[local-name()="title"])' "$OR/names.svg" | paste -s -d '|' -)"

# ---- 4. a track's own level names in company tables ------------------------------
cat >"$OR/own.ladder" <<'EOF'
levels L1..L9
track ic "IC"
track em "EM" levels M1..M3 = L4..L6
role a "A" track em level M2 at (10, 10)
company c "C" {
  em M1..M2 "c1" "Manager"
  em M3 "c2" "Director"
}
EOF
"$LADDERC" build -T md "$OR/own.ladder" 2>"$OR/err" >"$OR/own.md"
$OR_CMARK "$OR/own.md" >"$OR/own.html"
expect_eq "outputs-rungs: own level names: the grid has a row per level of the track, in its names" \
    "M1 (L4)|M2 (L5)|M3 (L6)" \
    "$(sed -n '/<h2>EM<\/h2>/,/<\/table>/p' "$OR/own.html" | grep -A1 '^<tr>' | grep -o '<td>[^<]*</td>' | sed 's/<[^>]*>//g' | paste -s -d '|' -)"
expect_eq "outputs-rungs: own level names: the cells (c1 on M1 and M2)" "2:1" \
    "$(or_count "$OR/own.html" '<td>Manager (c1)</td>'):$(or_count "$OR/own.html" '<td>Director (c2)</td>')"
expect_eq "outputs-rungs: own level names: json company lines in the track's names, numbers of the scale" "M1..M2 4 5|M3 6 6" \
    "$("$LADDERC" build -T json "$OR/own.ladder" | jq -r '.companies[0].lines[] | "\(.levels) \(.level_min) \(.level_max)"' | paste -s -d '|' -)"
expect_eq "outputs-rungs: own level names: the role's levels in the map" 1 \
    "$("$LADDERC" build -T dot "$OR/own.ladder" | grep -c 'label="A\\nM2"')"

# ---- 5. size --------------------------------------------------------------------
or_big=$(awk 'BEGIN { for (i = 0; i < 20000; i++) printf "%s", substr("abcdefghij", i % 10 + 1, 1) }')
{
    printf 'levels L1..L5\ntrack ic "IC"\ncompetency c "%s" hard {\n  1 "%s"\n}\n' "$or_big" "$or_big"
    awk 'BEGIN { for (i = 0; i < 2000; i++) printf "role r%d \"R\" track ic level L1 at (%d, %d) {\n  c 1\n}\n", i, i % 100, int(i / 100) }'
} >"$OR/long.ladder"
{
    printf 'levels L1..L5\ntrack ic "IC"\n'
    awk 'BEGIN { for (k = 0; k < 100; k++) printf "competency c%d \"Competency %d\" hard {\n  1 \"Rung\"\n}\n", k, k
                 for (i = 0; i < 3000; i++) printf "role r%d \"R\" track ic level L1 at (%d, %d) {\n  c%d 1\n}\n", i, i % 100, int(i / 100), i % 100 }'
} >"$OR/sparse.ladder"
for or_shape in long sparse; do
    or_in=$(wc -c <"$OR/$or_shape.ladder" | tr -d ' ')
    # JSON spells every key of a role, about 6x a minimal role's line
    # with or without rungs: its bound is 8x
    for or_fmt in md:4 dot:4 json:8; do
        or_x=${or_fmt#*:}
        or_fmt=${or_fmt%:*}
        or_out=$( (ulimit -f 204800; "$LADDERC" build -T $or_fmt "$OR/$or_shape.ladder" 2>"$OR/err") | wc -c | tr -d ' ')
        if [ "$or_out" -gt 0 ] && [ "$or_out" -le $((or_in * or_x + 65536)) ]; then
            pass "outputs-rungs: $or_shape: -T $or_fmt within ${or_x}x the input plus 64 KB"
        else
            fail "outputs-rungs: $or_shape: -T $or_fmt within ${or_x}x the input plus 64 KB" "$or_out bytes from $or_in"
        fi
    done
done
# the competency's name heads its framework column and its own section
expect_eq "outputs-rungs: long: the long names are whole on 3 lines of -T md, not on each role's" 3 \
    "$("$LADDERC" build -T md "$OR/long.ladder" 2>/dev/null | grep -c -F "$or_big")"
"$LADDERC" build -T md "$OR/sparse.ladder" 2>/dev/null | $OR_CMARK >"$OR/sparse.html"
expect_eq "outputs-rungs: sparse: the framework lists each role's rung, one row each (+ header)" 3001 \
    "$(sed -n '/Framework: IC/,/<\/table>/p' "$OR/sparse.html" | grep -c '<tr>')"

# ---- 6. which new JSON keys a ladder gets ------------------------------------------
printf 'levels L1..L5\ntrack ic "IC"\nrole a "A" track ic level L1 at (1, 1) {\n  summary "S"\n}\nrole b "B" track ic level L2 at (2, 2)\n' >"$OR/summary.ladder"
expect_eq "outputs-rungs: json: a summary alone gives every role the framework keys, and no competencies key" \
    'position,summary,link,rungs|position,summary,link,rungs|false|false' \
    "$("$LADDERC" build -T json "$OR/summary.ladder" | jq -r '(.roles[] | [keys_unsorted[] | select(. == "position" or . == "summary" or . == "link" or . == "rungs")] | join(",")), has("competencies"), (.tracks[0] | has("level_names"))' | paste -s -d '|' -)"
printf 'levels L1..L5\ntrack ic "IC"\nrole b "B" track ic level L2 at (2, 2)\n' >"$OR/plain.ladder"
expect_eq "outputs-rungs: json: a ladder without any of it gets none of the new keys" 'false|false|false' \
    "$("$LADDERC" build -T json "$OR/plain.ladder" | jq -r '(.roles[0] | has("rungs")), has("competencies"), (.tracks[0] | has("level_names"))' | paste -s -d '|' -)"

# a competency with neither 'hard' nor 'soft' counts toward no axis
printf 'levels L1..L5\ntrack ic "IC"\ncompetency v "Values" {\n  1 "Lives them"\n}\nrole a "A" track ic level L1 at (1, 1) {\n  v 1\n}\n' >"$OR/values.ladder"
expect_eq "outputs-rungs: a competency of neither kind: md says so, json kind is null" '1|null' \
    "$("$LADDERC" build -T md "$OR/values.ladder" | grep -c -F '`v`: neither hard nor soft; it places roles on neither axis of the map.')|$("$LADDERC" build -T json "$OR/values.ladder" | jq -c '.competencies[0].kind')"
