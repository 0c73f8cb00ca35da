# backends.sh - golden outputs of the examples, and real consumers reading them:
# Graphviz reads our DOT, xmllint our SVG, cmark-gfm our Markdown, jq our JSON.
# Every ladderc runs under `timeout 30` (the slowest, a PNG, takes a second
# under ASan): a hang fails its test instead of blocking the run.

for f in "$ROOT"/examples/*.ladder; do
    ex=$(basename "$f" .ladder)
    # the issue's framework, as written, gets the map's W153 (guide.sh says
    # which); every other example builds without a word
    bk_quiet=""
    [ "$ex" = framework ] && bk_quiet="-W no-box-overlap"
    for fmt in dot md json svg; do
        gold="$ROOT/tests/golden/$ex.$fmt"
        # from the examples' folder: -T json names each entity's file as
        # given, and the golden file must not hold this checkout's path
        (cd "$ROOT/examples" && timeout 30 "$LADDERC" build $bk_quiet -T $fmt -o "$TMP/$ex.$fmt" "$ex.ladder") 2>"$TMP/b.err"
        expect_eq "backend: $ex.$fmt builds" "0:" "$?:$(head -c 300 "$TMP/b.err")"
        if [ -f "$gold" ]; then
            expect_file "backend: $ex.$fmt matches tests/golden" "$gold" "$TMP/$ex.$fmt"
        else
            fail "backend: $ex.$fmt has a golden file" "missing $gold"
        fi
    done
    no_lsan timeout 30 "$LADDERC" build $bk_quiet -T png -o "$TMP/$ex.png" "$f" 2>"$TMP/b.err"
    expect_eq "backend: $ex.png builds" "0:" "$?:$(head -c 300 "$TMP/b.err")"

    # Graphviz reads the DOT back without a word on stderr
    dot -Tcanon "$TMP/$ex.dot" >"$TMP/canon.dot" 2>"$TMP/gv.err"
    [ $? = 0 ] && [ ! -s "$TMP/gv.err" ] && pass "backend: dot -Tcanon reads $ex.dot" \
        || fail "backend: dot -Tcanon reads $ex.dot" "$(head -5 "$TMP/gv.err")"
    gvpr -c 'N{}' "$TMP/$ex.dot" >/dev/null 2>"$TMP/gv.err"
    [ $? = 0 ] && [ ! -s "$TMP/gv.err" ] && pass "backend: gvpr reads $ex.dot" \
        || fail "backend: gvpr reads $ex.dot" "$(head -5 "$TMP/gv.err")"
    neato -n -Tsvg "$TMP/$ex.dot" >/dev/null 2>"$TMP/gv.err"
    [ $? = 0 ] && [ ! -s "$TMP/gv.err" ] && pass "backend: neato -n lays out $ex.dot" \
        || fail "backend: neato -n lays out $ex.dot" "$(head -5 "$TMP/gv.err")"
    # one node per role, one edge per transition, one cluster per used box
    roles=$(jq '.roles | length' "$TMP/$ex.json")
    trans=$(jq '.transitions | length' "$TMP/$ex.json")
    nodes=$(gvpr 'BEG_G{int n=0;} N[index($.name,"_")!=0]{n++} END_G{printf("%d",n)}' "$TMP/$ex.dot" 2>/dev/null)
    expect_eq "backend: $ex.dot has one node per role" "$roles" "$nodes"
    edges=$(gvpr 'BEG_G{int n=0;} E[index(tail.name,"_")!=0]{n++} END_G{printf("%d",n)}' "$TMP/$ex.dot" 2>/dev/null)
    expect_eq "backend: $ex.dot has one edge per transition" "$trans" "$edges"

    # the SVG is well-formed XML and shows every role name
    xmllint --noout "$TMP/$ex.svg" 2>"$TMP/x.err" && pass "backend: xmllint reads $ex.svg" \
        || fail "backend: xmllint reads $ex.svg" "$(head -5 "$TMP/x.err")"
    missing=$(jq -r '.roles[].name' "$TMP/$ex.json" | while read -r name; do
        grep -qF ">$name</text>" "$TMP/$ex.svg" || echo "$name"; done)
    expect_eq "backend: $ex.svg shows every role name" "" "$missing"
    boxes=$(jq '[.roles[].box | select(. != null)] | unique | length' "$TMP/$ex.json")
    clusters=$(grep -c 'class="cluster"' "$TMP/$ex.svg")
    # + 1: the legend is a cluster too
    expect_eq "backend: $ex.svg draws every box with roles" "$((boxes + 1))" "$clusters"

    # the Markdown renders to tables with the right cells
    cmark-gfm -e table "$TMP/$ex.md" >"$TMP/$ex.html"
    tables=$(grep -c '<table>' "$TMP/$ex.html")
    tracks_used=$(jq '[.companies[].lines[].track] | unique | length' "$TMP/$ex.json")
    # with competencies: a framework table per track with roles (a row per
    # role) and a table per competency (a row per rung), each with a header
    framework=$(jq 'if (.competencies | length) == 0 then 0 else [.roles[].track] | unique | length end' "$TMP/$ex.json")
    comps=$(jq '.competencies | length' "$TMP/$ex.json")
    rungs=$(jq '[(.competencies // [])[].rungs | length] | add // 0' "$TMP/$ex.json")
    expect_eq "backend: $ex.md renders one table per company track, framework track and competency, plus roles and transitions" \
        "$((tracks_used + framework + comps + 2))" "$tables"
    rows=$(grep -c '<tr>' "$TMP/$ex.html")
    levels=$(jq '.scale.max - .scale.min + 1' "$TMP/$ex.json")
    [ "$framework" -gt 0 ] && framework_rows=$((roles + framework + rungs + comps)) || framework_rows=0
    # (a company track with level names of its own has a row per level of
    # its own, M1..M5, not per level of the scale)
    track_rows=$(jq --argjson levels "$levels" '([.companies[].lines[].track] | unique) as $used
        | [.tracks[] | select(.id as $t | $used | index($t)) | (if .level_names then .level_names.max - .level_names.min + 1 else $levels end) + 1]
        | add // 0' "$TMP/$ex.json")
    expect_eq "backend: $ex.md has a row per level per track table, per role, per transition, per framework role and rung (+ headers)" \
        "$((track_rows + framework_rows + roles + 1 + trans + 1))" "$rows"

    # JSON is valid and complete
    jq -e '.roles and .transitions and .companies and .scale and .axes' "$TMP/$ex.json" >/dev/null \
        && pass "backend: jq reads $ex.json" || fail "backend: jq reads $ex.json"
    [ "$(head -c 8 "$TMP/$ex.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] \
        && pass "backend: $ex.png is a PNG" || fail "backend: $ex.png is a PNG"
done

# the picture keeps the map's relative positions: Senior Engineer left of and
# below Fellow (SVG y grows downwards); a role's group has the id role-<i>
# (i: its index in the model, 0 and 5 here), written "role&#45;<i>"
pos() { grep -A3 "<g id=\"role&#45;$1\" " "$TMP/skills-map.svg" | grep -o '<text[^>]*x="[-0-9.]*" y="[-0-9.]*"' | head -1 | sed 's/.*x="\([-0-9.]*\)" y="\([-0-9.]*\)"/\1 \2/'; }
set -- $(pos 0) $(pos 5)
if [ $# = 4 ] && awk "BEGIN{exit !($1 < $3 && $2 > $4)}"; then
    pass "backend: svg keeps relative positions (senior_engineer bottom-left of fellow)"
else
    fail "backend: svg keeps relative positions (senior_engineer bottom-left of fellow)" "$*"
fi

# (the years of a map with more than 1000 moves: backends-chain.sh)
