# gap.sh - `ladderc gap`: each competency's rung in both roles, in order,
# exactly; --route's moves; Markdown that cmark-gfm renders as the names'
# characters, JSON that parses; FROM and TO as for path; the ladders gap
# cannot answer; output and work that follow the input's size.
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq, expect_file).
# runner: budget 10
# (three runs under cachegrind, together about 2 s of CPU)

G="$TMP/gap"
mkdir -p "$G"

# ---- the issue's example ----
# (examples/framework.ladder is the issue's file as written)
# and 'layout exact' added: the map's W153 on it (tests/suites/guide.sh)
# is no concern of gap's
{ cat "$ROOT/examples/framework.ladder"; printf 'layout exact\n'; } >"$G/framework.ladder"

cat >"$G/es.want" <<'EOF'
Engineer (L3) -> Staff Engineer (L6..L7): 4 competencies to grow

+3 Technical craft: 1 Learns -> 4 Shapes
   now:    Ships small, well-scoped changes with a reviewer's help.
   needed: Shapes the architecture that several teams share.
+2 Delivery: 1 Tasks -> 3 Projects
   now:    Finishes the tasks they are given.
   needed: Runs a team's projects from idea to launch.
+2 People: 1 Peer -> 3 Coach
   now:    Helps teammates when asked.
   needed: Grows the engineers of a team on purpose.
+2 Influence: 1 Self -> 3 Group
   now:    Their own work.
   needed: A group of teams.
EOF
"$LADDERC" gap "$G/framework.ladder" engineer staff >"$G/out" 2>"$G/err"
expect_eq "gap: engineer to staff (exit status, no diagnostics)" "0:" "$?:$(cat "$G/err")"
expect_file "gap: engineer to staff: largest gap first, ties in competency order, rungs' names and meanings" \
    "$G/es.want" "$G/out"

cat >"$G/sm.want" <<'EOF'
Senior Engineer (L5) -> Engineering Manager (M5): 1 competency to grow, 3 already met

+2 People: 2 Mentor -> 4 Manager
   now:    Mentors one or two engineers.
   needed: Hires, grows and leads several teams.

Already met:
   Delivery: 3 Projects, needs 3 Projects
   Influence: 2 Team, needs 2 Team
   Technical craft: 3 Owns, needs 2 Applies (1 above)
EOF
"$LADDERC" gap "$G/framework.ladder" senior manager >"$G/out" 2>&1
expect_file "gap: senior to manager: what is met comes after, equal first, then above (the manager track's M5)" \
    "$G/sm.want" "$G/out"

cat >"$G/ss.want" <<'EOF'
Senior Engineer (L5) -> Staff Engineer (L6..L7): 3 competencies to grow, 1 already met

+1 Technical craft: 3 Owns -> 4 Shapes
   now:    Designs, builds and runs a service end to end.
           Leads the design reviews of their team.
   needed: Shapes the architecture that several teams share.
+1 People: 2 Mentor -> 3 Coach
   now:    Mentors one or two engineers.
   needed: Grows the engineers of a team on purpose.
+1 Influence: 2 Team -> 3 Group
   now:    Their team.
   needed: A group of teams.

Already met:
   Delivery: 3 Projects, needs 3 Projects
EOF
"$LADDERC" gap "$G/framework.ladder" "senior engineer" "Staff Engineer" >"$G/out" 2>&1
expect_file "gap: by names (any case); a role's own sentence under its rung's meaning" "$G/ss.want" "$G/out"

cat >"$G/route.want" <<'EOF'
Engineer (L3) -> Director of Engineering (M7..M8): 4 competencies to grow

+4 People: 1 Peer -> 5 Leader
   now:    Helps teammates when asked.
   needed: Builds the leaders of an organisation.
+3 Delivery: 1 Tasks -> 4 Programs
   now:    Finishes the tasks they are given.
   needed: Runs programs that span several teams.
+3 Influence: 1 Self -> 4 Organisation
   now:    Their own work.
   needed: An engineering organisation.
+2 Technical craft: 1 Learns -> 3 Owns
   now:    Ships small, well-scoped changes with a reviewer's help.
   needed: Designs, builds and runs a service end to end.

Fastest route: 5.5.. years, 3 moves
1. Engineer -(promotion)-> Senior Engineer, 3.. years
   +2 Technical craft: 1 Learns -> 3 Owns
   +2 Delivery: 1 Tasks -> 3 Projects
   +1 People: 1 Peer -> 2 Mentor
   +1 Influence: 1 Self -> 2 Team
2. Senior Engineer -(lateral)-> Engineering Manager, 0.5..1.5 years
   +2 People: 2 Mentor -> 4 Manager
3. Engineering Manager -(promotion)-> Director of Engineering, 2..5 years
   +2 Influence: 2 Team -> 4 Organisation
   +1 Technical craft: 2 Applies -> 3 Owns
   +1 Delivery: 3 Projects -> 4 Programs
   +1 People: 4 Manager -> 5 Leader
EOF
"$LADDERC" gap --route "$G/framework.ladder" engineer director >"$G/out" 2>&1
expect_file "gap --route: engineer to director: the fastest route (an open move: 5.5.. years), each move's rises" \
    "$G/route.want" "$G/out"
expect_eq "gap --route: the same route as path's first" \
    "$("$LADDERC" path --max 1 "$G/framework.ladder" engineer director)" \
    "$(sed -n 's/^Fastest route: \(.*\) years, .*/\1 years: Engineer/p' "$G/out")$(sed -n 's/^[0-9]*\. [^-]*\( -([a-z]*)-> [^,]*\),.*/\1/p' "$G/out" | tr -d '\n')"

cat >"$G/down.want" <<'EOF'

Fastest route: unknown years, 1 move
1. Staff Engineer -(downward)-> Engineering Manager, unknown years
   +1 People: 3 Coach -> 4 Manager
EOF
"$LADDERC" gap --route "$G/framework.ladder" staff manager 2>&1 | sed -n '/^$/h; /^$/!H; ${x; p}' >"$G/out"
expect_file "gap --route: a move of unknown years" "$G/down.want" "$G/out"

# ---- Markdown, through cmark-gfm ----
cat >"$G/md.want" <<'EOF'
### Senior Engineer (L5) → Engineering Manager (M5)

1 competency to grow, 3 already met.

| Competency | Gap | Senior Engineer | Engineering Manager |
| --- | --- | --- | --- |
| People | +2 | 2 Mentor: Mentors one or two engineers. | 4 Manager: Hires, grows and leads several teams. |
| Delivery | 0 (met) | 3 Projects: Runs a team's projects from idea to launch. | 3 Projects: Runs a team's projects from idea to launch. |
| Influence | 0 (met) | 2 Team: Their team. | 2 Team: Their team. |
| Technical craft | −1 (met) | 3 Owns: Designs, builds and runs a service end to end. *Leads the design reviews of their team.* | 2 Applies: Ships the features of one service without help. |

### Fastest route: 0.5..1.5 years, 1 move

| # | Move | Years | Grows |
| --- | --- | --- | --- |
| 1 | Senior Engineer → (lateral) Engineering Manager | 0.5..1.5 | People +2 (2 Mentor → 4 Manager) |
EOF
"$LADDERC" gap --route -T md "$G/framework.ladder" senior manager >"$G/out" 2>&1
expect_file "gap -T md --route: senior to manager" "$G/md.want" "$G/out"
gm_html=$(cmark-gfm -e table -e autolink -e strikethrough -e tagfilter "$G/out")
expect_eq "gap -T md: cmark-gfm renders two headings and two tables (1 + 4 and 1 + 1 rows)" "2 2 7" \
    "$(printf '%s\n' "$gm_html" | grep -c '^<h3>') $(printf '%s\n' "$gm_html" | grep -c '^<table>') $(printf '%s\n' "$gm_html" | grep -c '^<tr>')"
expect_eq "gap -T md: the role's own sentence in italics" \
    "<td>3 Owns: Designs, builds and runs a service end to end. <em>Leads the design reviews of their team.</em></td>" \
    "$(printf '%s\n' "$gm_html" | grep '<em>')"

# ---- JSON, through a parser ----
"$LADDERC" gap --route -T json "$G/framework.ladder" senior director >"$G/out.json" 2>"$G/err"
expect_eq "gap -T json: parses" "0:" "$(python3 -m json.tool "$G/out.json" >/dev/null 2>&1; echo $?):$(cat "$G/err")"
expect_eq "gap -T json: every competency, in order, with both rungs and the route's moves" \
    "senior:Senior Engineer:L5 director:M7..M8 3 1 0|people:soft:grow:3:2:Mentor:Mentors one or two engineers.:5:Leader|reach:soft:grow:2:2:Team:Their team.:4:Organisation|delivery:hard:grow:1:3:Projects:Runs a team's projects from idea to launch.:4:Programs|craft:hard:met:0:3:Owns:Designs, builds and runs a service end to end.:3:Owns|Leads the design reviews of their team.|2.5..6.5:2.5:6.5:False:0:2|senior>manager:lateral:0.5:1.5:people+2|manager>director:promotion:2:5:reach+2,craft+1,delivery+1,people+1" \
    "$(python3 - "$G/out.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
out = ["%s:%s:%s %s:%s %d %d %d" % (d["from"]["id"], d["from"]["name"], d["from"]["levels"], d["to"]["id"],
                                    d["to"]["levels"], d["grow"], d["met"], d["unset"])]
for c in d["competencies"]:
    out.append("%s:%s:%s:%d:%d:%s:%s:%d:%s" % (c["id"], c["skill"], c["status"], c["gap"], c["from"]["rung"],
               c["from"]["name"], c["from"]["meaning"], c["to"]["rung"], c["to"]["name"]))
out.append(d["competencies"][3]["from"]["text"])
r = d["route"]
out.append("%s:%s:%s:%s:%d:%d" % (r["years"], r["years_min"], r["years_max"], r["open"], r["unknown_moves"], r["moves"]))
for s in r["steps"]:
    out.append("%s>%s:%s:%s:%s:%s" % (s["from"], s["to"], s["kind"], s["years"]["min"], s["years"]["max"],
               ",".join("%s+%d" % (g["id"], g["gap"]) for g in s["grow"])))
print("|".join(out))
EOF
)"
"$LADDERC" gap -T json "$G/framework.ladder" engineer senior >"$G/out.json"
expect_eq "gap -T json: without --route, route is null; an open move's years" "None|True:3:3" \
    "$(python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(d["route"])' "$G/out.json")|$("$LADDERC" gap --route -T json "$G/framework.ladder" engineer senior |
        python3 -c 'import json, sys; y = json.load(sys.stdin)["route"]["steps"][0]["years"]; print("%s:%s:%s" % (y["open"], y["min"], y["max"]))')"

# ---- a competency a role does not set; a role without rungs; no competencies ----
cat >"$G/unset.ladder" <<'EOF'
levels L3..L8
track ic "IC"
competency craft "Craft" hard {
  1 "One"
  2 "Two"
}
competency values "Values" {
  1 "Kind" "Is kind."
  2 "Kinder"
}
competency care "Care" soft {
  1 "Some"
}
role a "A" track ic level L3 at (10, 10) {
  craft 1
  care 1
}
role b "B" track ic level L4 at (20, 20) {
  craft 2
  values 1
}
role c "C" track ic level L4 at (30, 30)
a -> b
EOF
cat >"$G/unset.want" <<'EOF'
A (L3) -> B (L4): 1 competency to grow, 2 not compared

+1 Craft: 1 One -> 2 Two

Not compared (a role sets no rung):
   Values: A sets no rung; B needs 1 Kind
   Care: A at 1 Some; B sets no rung
EOF
"$LADDERC" gap "$G/unset.ladder" a b >"$G/out" 2>/dev/null
expect_file "gap: a competency one role does not set is not compared (not a gap of 0)" "$G/unset.want" "$G/out"
expect_eq "gap -T json: not set is status unset, gap null, the missing rung null" "unset:None:None:1|unset:None:1:None" \
    "$("$LADDERC" gap -T json "$G/unset.ladder" a b 2>/dev/null | python3 -c 'import json, sys
d = json.load(sys.stdin)
print("|".join("%s:%s:%s:%s" % (c["status"], c["gap"], c["from"] and c["from"]["rung"], c["to"] and c["to"]["rung"])
               for c in d["competencies"] if c["status"] == "unset"))')"
"$LADDERC" gap "$G/unset.ladder" a c >"$G/out" 2>"$G/err"
expect_eq "gap: a role that sets no rungs (exit 1, said, no output)" \
    "1:ladderc: role 'c' sets no rungs: gap compares the rungs both roles set in their blocks (a line such as 'craft 2' between the '{' and '}' that end the role):" \
    "$?:$(grep '^ladderc:' "$G/err"):$(cat "$G/out")"
"$LADDERC" gap "$G/unset.ladder" c a >/dev/null 2>"$G/err"
expect_eq "gap: FROM without rungs too" "1:1" "$?:$(grep -c "^ladderc: role 'c' sets no rungs" "$G/err")"
printf 'levels L3..L8\ntrack ic "IC"\nrole a "A" track ic level L3 at (1, 1)\nrole b "B" track ic level L4 at (2, 2)\na -> b\n' >"$G/none.ladder"
"$LADDERC" gap --route "$G/none.ladder" a b >"$G/out" 2>"$G/err"
expect_eq "gap: a ladder without competencies (exit 1, said, no output)" \
    "1:ladderc: the ladder defines no competencies: gap compares the rungs roles set on them ('competency craft \"Technical craft\" { 1 \"Learns\" ... }', then 'craft 2' in a role's block):" \
    "$?:$(cat "$G/err"):$(cat "$G/out")"

# a route through a role without rungs: its moves are not compared
cat >"$G/mid.ladder" <<'EOF'
levels L3..L8
track ic "IC"
years promotion 1..2
competency craft "Craft" hard {
  1 "One"
  2 "Two"
  3 "Three"
}
role a "A" track ic level L3 at (10, 10) {
  craft 1
}
role m "Middle" track ic level L4 at (20, 20)
role n "N" track ic level L5 at (30, 30) {
  craft 1
}
role b "B" track ic level L6 at (40, 40) {
  craft 3
}
role z "Z" track ic level L7 at (50, 50) {
  craft 3
}
a -> m
m -> n
n -> b
b -> z
EOF
cat >"$G/mid.want" <<'EOF'
A (L3) -> Z (L7): 1 competency to grow

+2 Craft: 1 One -> 3 Three

Fastest route: 4..8 years, 4 moves
1. A -(promotion)-> Middle, 1..2 years
   not compared: Middle sets no rungs
2. Middle -(promotion)-> N, 1..2 years
   not compared: Middle sets no rungs
3. N -(promotion)-> B, 1..2 years
   +2 Craft: 1 One -> 3 Three
4. B -(promotion)-> Z, 1..2 years
   grows no competency
EOF
"$LADDERC" gap --route "$G/mid.ladder" a z >"$G/out" 2>/dev/null
expect_file "gap --route: a move through a role without rungs is not compared; a move that grows nothing says so" \
    "$G/mid.want" "$G/out"
expect_eq "gap -T json: the moves' compared and grow" "False:0|False:0|True:1|True:0" \
    "$("$LADDERC" gap --route -T json "$G/mid.ladder" a z 2>/dev/null | python3 -c 'import json, sys
print("|".join("%s:%d" % (s["compared"], len(s["grow"])) for s in json.load(sys.stdin)["route"]["steps"]))')"

# ---- FROM and TO, as for path ----
"$LADDERC" gap "$G/framework.ladder" enginer staff >"$G/out" 2>"$G/err"
expect_eq "gap: an unknown role, with a suggestion (exit 2, no output)" \
    "2:ladderc: error: no role 'enginer' in the ladder; did you mean 'engineer'? [E110]:" "$?:$(cat "$G/err"):$(cat "$G/out")"
"$LADDERC" gap "$G/framework.ladder" "$(printf 'x\033[2J\342\200\256y')" staff >/dev/null 2>"$G/err"
expect_eq "gap: an unknown role typed with an escape and a bidi override is shown inert" \
    "2:ladderc: error: no role 'x<U+001B>[2J<U+202E>y' in the ladder [E110]" "$?:$(cat "$G/err")"
"$LADDERC" gap "$G/framework.ladder" staff "Senior engineers" >/dev/null 2>"$G/err"
expect_eq "gap: an unknown TO, suggested by name" \
    "2:ladderc: error: no role 'Senior engineers' in the ladder; did you mean 'Senior Engineer'? [E110]" "$?:$(cat "$G/err")"
"$LADDERC" gap "$G/framework.ladder" staff "Staff engineer" >/dev/null 2>"$G/err"
expect_eq "gap: FROM and TO the same role" "2:ladderc: error: FROM and TO are the same role, 'staff'" "$?:$(cat "$G/err")"
"$LADDERC" gap --route "$G/framework.ladder" director engineer >"$G/out" 2>"$G/err"
expect_eq "gap --route: no route (exit 1, said, no output)" "1:ladderc: no route from 'director' to 'engineer':" \
    "$?:$(cat "$G/err"):$(cat "$G/out")"
expect_eq "gap: without --route, no route is no error" "0" \
    "$("$LADDERC" gap "$G/framework.ladder" director engineer >/dev/null 2>&1; echo $?)"
gp_usage() { "$LADDERC" gap "$@" >/dev/null 2>"$G/err"; echo "$?:$(head -n 1 "$G/err")"; }
expect_eq "gap: usage errors (exit 2)" \
    "2:ladderc: error: gap needs FILE FROM TO|2:ladderc: error: unknown format 'svg': gap prints text, md or json|2:ladderc: error: gap takes FILE FROM TO; 'x' is one too many|2:ladderc: error: unknown option '--max'|2:ladderc: error: option '-T' needs a value" \
    "$(gp_usage "$G/framework.ladder" a)|$(gp_usage -T svg "$G/framework.ladder" a b)|$(gp_usage "$G/framework.ladder" a b x)|$(gp_usage --max 2 "$G/framework.ladder" a b)|$(gp_usage "$G/framework.ladder" a b -T)"
expect_eq "gap --help: its usage, exit 0" "0:usage: ladderc gap [--route] [-T text|md|json] [--] FILE FROM TO" \
    "$("$LADDERC" gap --help >"$G/out" 2>&1; echo $?):$(head -n 1 "$G/out")"
expect_eq "ladderc --help lists gap" "1" "$("$LADDERC" --help | grep -c '^  gap ')"
printf 'levels L3..L8\ntrack ic "IC"\nrole a "A" track ic level L3 at (1, 1)\nrole b "B" track icc level L4 at (2, 2)\n' >"$G/broken.ladder"
"$LADDERC" gap "$G/broken.ladder" a b >"$G/out" 2>"$G/err"
expect_eq "gap: a file with errors (exit 1, diagnostics, no output)" "1:1:" \
    "$?:$(grep -c 'error: .*\[E110\]' "$G/err"):$(cat "$G/out")"

# ---- hostile names: masked for a terminal, inert in Markdown, valid JSON ----
# (the scanner refuses C0 and C1 controls in text, E002: what is left to mask
# is bidirectional overrides and isolates, zero-width characters and tabs)
printf 'levels L3..L8\ntrack ic "IC"\ncompetency craft "Cr\342\200\256aft | *x* <b>" hard {\n  1 "O\342\200\213ne" "me\tan\342\201\246ing \\\\ end"\n  2 "T|wo" "[link](http://evil) https://x.y"\n}\nrole a "A\342\201\246x" track ic level L3 at (10, 10) {\n  craft 1 "t\342\200\217ext \\"q\\""\n}\nrole b "B\342\200\213" track ic level L4 at (20, 20) {\n  craft 2\n}\na -> b\n' >"$G/hostile.ladder"
printf 'A?x (L3) -> B? (L4): 1 competency to grow\n\n+1 Cr?aft | *x* <b>: 1 O?ne -> 2 T|wo\n   now:    me\tan?ing \\ end\n           t?ext "q"\n   needed: [link](http://evil) https://x.y\n\nFastest route: unknown years, 1 move\n1. A?x -(promotion)-> B?, unknown years\n   +1 Cr?aft | *x* <b>: 1 O?ne -> 2 T|wo\n' >"$G/hostile.want"
"$LADDERC" gap --route "$G/hostile.ladder" a b >"$G/out" 2>&1
expect_file "gap: bidi overrides, isolates and zero-width characters masked as '?' (tabs stay)" "$G/hostile.want" "$G/out"
"$LADDERC" gap --route -T md "$G/hostile.ladder" a b >"$G/out.md" 2>&1
expect_eq "gap -T md: names escaped (no markup, no link, no HTML), masked as U+FFFD" \
    "$(printf '<td>Cr\357\277\275aft | *x* &lt;b&gt;</td>|<td>1 O\357\277\275ne: me an\357\277\275ing \\ end <em>t\357\277\275ext &quot;q&quot;</em></td>|<td>2 T|wo: [link](http://evil) https://x.y</td>|<td>Cr\357\277\275aft | *x* &lt;b&gt; +1 (1 O\357\277\275ne \342\206\222 2 T|wo)</td>')" \
    "$(cmark-gfm -e table -e autolink -e strikethrough -e tagfilter "$G/out.md" | grep -e 'aft' -e 'ne:' -e 'T|wo:' | tr '\n' '|' | sed 's/|$//')"
expect_eq "gap -T md: no link, no raw HTML" "0" \
    "$(cmark-gfm -e table -e autolink -e strikethrough -e tagfilter "$G/out.md" | grep -c -e '<a ' -e '<b>')"
"$LADDERC" gap --route -T json "$G/hostile.ladder" a b >"$G/out.json" 2>&1
expect_eq "gap -T json: names as they are, escaped" "$(printf 'Cr\342\200\256aft | *x* <b>|me\tan\342\201\246ing \\ end|t\342\200\217ext "q"|A\342\201\246x')" \
    "$(python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
c = d["competencies"][0]
print("|".join([c["name"], c["from"]["meaning"], c["from"]["text"], d["from"]["name"]]))' "$G/out.json")"

# ---- size: output within a few times the input; work that follows it ----
# gp_chain N NAMELEN K FILE: N roles in a chain of lateral moves, K
# competencies whose names and rung names are NAMELEN characters long, each
# role one rung higher than the last on every competency (rungs 1..N)
gp_chain() {
    awk -v n="$1" -v len="$2" -v k="$3" 'BEGIN {
        name = ""; for (i = 0; i < len; i++) name = name "x"
        print "levels L3..L8"; print "track ic \"IC\""; print "years lateral 1..2"
        for (c = 0; c < k; c++) {
            printf "competency c%d \"Competency %d %s\" hard {\n", c, c, name
            for (r = 1; r <= n; r++) printf "  %d \"R%d %s\"\n", r, r, name
            print "}"
        }
        for (i = 0; i < n; i++) {
            printf "role r%d \"R%d\" track ic level L5 at (%d, %d) {\n", i, i, i % 90 + 1, int(i / 90) % 90 + 1
            for (c = 0; c < k; c++) printf "  c%d %d\n", c, i + 1
            print "}"
        }
        for (i = 1; i < n; i++) printf "r%d -> r%d lateral\n", i - 1, i
    }' >"$4"
}
# A competency and two rungs with names of 2,000 characters, and 400 roles
# in a chain that go 1, 2, 1, 2...: every other move rises from rung 1 to 2
# and names them again. Written whole each time, they would make the output
# about 200 x 6,000 bytes for a file of about 20,000.
awk 'BEGIN {
    name = ""; for (i = 0; i < 2000; i++) name = name "x"
    print "levels L3..L8"; print "track ic \"IC\""; print "years lateral 1..2"
    printf "competency c \"Competency %s\" hard {\n  1 \"R1 %s\"\n  2 \"R2 %s\"\n}\n", name, name, name
    for (i = 0; i < 400; i++) printf "role r%d \"R%d\" track ic level L5 at (%d, %d) {\n  c %d\n}\n", i, i, i % 90 + 1, int(i / 90) + 1, i % 2 + 1
    for (i = 1; i < 400; i++) printf "r%d -> r%d lateral\n", i - 1, i
}' >"$G/long.ladder"
"$LADDERC" gap --route -W no-W152 "$G/long.ladder" r0 r399 >"$G/out" 2>"$G/err"
gp_in=$(wc -c <"$G/long.ladder" | tr -d ' ')
gp_out=$(wc -c <"$G/out" | tr -d ' ')
gp_rises=$(grep -c '^   +1 Competency' "$G/out")
if [ "$gp_rises" = 200 ] && [ "$gp_out" -le $((3 * gp_in)) ]; then
    pass "gap --route: names a move repeats are clipped: output within 3 times the input"
else
    fail "gap --route: names a move repeats are clipped: output within 3 times the input" \
        "$gp_rises rises, $gp_out bytes of output for $gp_in of input"
fi
gp_x() { awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "x" }'; }
expect_eq "gap --route: a clipped name keeps its first 40 characters and an ellipsis" \
    "   +1 Competency $(gp_x 29)…: 1 R1 $(gp_x 37)… -> 2 R2 $(gp_x 37)…" \
    "$(grep -m 1 '^   +1' "$G/out")"
expect_eq "gap --route: the gap itself names them whole, once" "1 1" \
    "$(grep -c "^+1 Competency $(gp_x 2000): 1 R1 $(gp_x 2000) -> 2 R2 $(gp_x 2000)\$" "$G/out") $(grep -c "$(gp_x 100)" "$G/out")"

# Work (instructions counted by cachegrind, never time): gap --route on a
# chain of N roles that each set K competencies, every one a rung higher
# than the role before (N x K rises to print), costs a few times what
# checking the file does, and 4 times the roles cost about 4 times as much.
gp_instructions() {
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$LADDERC" "$@" 2>&1 >/dev/null |
        sed -n 's/.*I *refs: *//p' | tr -d ,
}
if [ -n "${LADDERC_SANITIZED:-}" ]; then
    :   # cachegrind counts instructions of the plain build only
elif ! command -v valgrind >/dev/null 2>&1; then
    fail "gap: valgrind is installed (scripts/deps.sh test)"
else
    gp_chain 125 1 20 "$G/w1.ladder"
    gp_chain 500 1 20 "$G/w4.ladder"
    gp_c4=$(gp_instructions check -W no-W152 "$G/w4.ladder")
    gp_g1=$(gp_instructions gap --route -W no-W152 "$G/w1.ladder" r0 r124)
    gp_g4=$(gp_instructions gap --route -W no-W152 "$G/w4.ladder" r0 r499)
    if [ -n "$gp_g4" ] && [ -n "$gp_c4" ] && [ "$gp_g4" -le $((4 * gp_c4)) ]; then
        pass "gap --route: 500 roles x 20 competencies cost at most 4 times the check"
    else
        fail "gap --route: 500 roles x 20 competencies cost at most 4 times the check" "gap $gp_g4, check $gp_c4 instructions"
    fi
    if [ -n "$gp_g1" ] && [ -n "$gp_g4" ] && [ "$gp_g4" -le $((5 * gp_g1)) ]; then
        pass "gap --route: 4 times the roles, at most 5 times the work"
    else
        fail "gap --route: 4 times the roles, at most 5 times the work" "$gp_g1 then $gp_g4 instructions"
    fi
fi
