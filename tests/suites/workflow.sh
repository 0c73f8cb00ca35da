# workflow.sh - ladders in version control: diagnostics formats and options,
# explain, fmt, path, and the pre-commit hooks run by the real framework.
# runner: budget 12
# (the real pre-commit framework runs twice, about 1.5 s of CPU each)

# Every ladderc runs under `timeout 30` (wf_lc), `script` and pre-commit too:
# each takes at most a second or two, so a hang fails its test instead of
# blocking the run.
wf_lc() { timeout 30 "$LADDERC" "$@"; }

EX="$ROOT/examples"
MAP="$EX/skills-map.ladder"
W="$TMP/wf"
mkdir -p "$W"
printf 'levels L3..L11\ntrack ic "IC"\nrole a "A" track ic level L5 at (50, 1)\nrole b "B" track ic level L6 at (10, 1)\na -> b\n' >"$W/warn.ladder"
printf 'levels L3..L11\ntrack ic "IC"\nrole a "A" track icc level L5 at (1, 1)\nrole b "B" track ic level L12 at (2, 1)\n' >"$W/bad.ladder"

# ---- diagnostics: summary, colour, formats, options ----
wf_lc check "$W/bad.ladder" 2>"$W/err"
expect_eq "diag: summary line" "2 errors generated." "$(tail -n 1 "$W/err")"
wf_lc check "$W/warn.ladder" "$W/bad.ladder" 2>"$W/err"
expect_eq "diag: summary counts every file" "2 errors, 1 warning generated." "$(tail -n 1 "$W/err")"
wf_lc check "$MAP" 2>"$W/err"
expect_eq "diag: no summary when nothing to say" "" "$(cat "$W/err")"

# (script, from bsdutils, is always on Debian: no guard, a missing one fails)
env -u NO_COLOR timeout 30 script -qec "'$LADDERC' check '$W/bad.ladder'" /dev/null </dev/null >"$W/tty" 2>&1
grep -q "$(printf '\033')\[" "$W/tty" && pass "diag: colour on a terminal" || fail "diag: colour on a terminal" "$(head -c 300 "$W/tty")"
NO_COLOR=1 timeout 30 script -qec "'$LADDERC' check '$W/bad.ladder'" /dev/null </dev/null >"$W/tty" 2>&1
expect_eq "diag: no colour under NO_COLOR (the diagnostics shown, in plain text)" "1:0" \
    "$(grep -c "error: undefined track 'icc'" "$W/tty"):$(grep -c "$(printf '\033')\[" "$W/tty")"
env -u NO_COLOR wf_lc check "$W/bad.ladder" 2>"$W/err"
grep -q "$(printf '\033')" "$W/err" && fail "diag: no colour when stderr is a file" || pass "diag: no colour when stderr is a file"

wf_lc check --diagnostics=json "$W/warn.ladder" "$W/bad.ladder" >"$W/out" 2>"$W/err"
expect_eq "diag: json exit status" "1" "$?"
expect_eq "diag: json is one array of every diagnostic" "3" "$(jq length "$W/out")"
expect_eq "diag: json fields" "$W/bad.ladder 3 18 3 21 error E110" \
    "$(jq -r '.[1] | "\(.file) \(.line) \(.column) \(.end_line) \(.end_column) \(.severity) \(.code)"' "$W/out")"
expect_eq "diag: json message" "undefined track 'icc'; did you mean 'ic'?" "$(jq -r '.[1].message' "$W/out")"
expect_eq "diag: json keeps stderr quiet" "" "$(cat "$W/err")"
printf 'levels L3..L11\ntrack ic "IC"\ntrack ic "IC"\n' >"$W/dup.ladder"
wf_lc check --diagnostics=json "$W/dup.ladder" >"$W/out"
expect_eq "diag: json notes" "2 first defined" "$(jq -r '.[0].notes[0] | "\(.line) \(.message | split(" ")[2:4] | join(" "))"' "$W/out")"
wf_lc check --diagnostics=json "$MAP" >"$W/out"
expect_eq "diag: json empty array when clean" "[]" "$(cat "$W/out")"

wf_lc check --diagnostics=github "$W/bad.ladder" >"$W/out" 2>"$W/err"
expect_eq "diag: github workflow command" \
    "::error file=$W/bad.ladder,line=3,col=18,endLine=3,endColumn=21,title=E110::undefined track 'icc'; did you mean 'ic'?" \
    "$(head -n 1 "$W/out")"
wf_lc check --diagnostics=github "$W/warn.ladder" >"$W/out"
grep -q '^::warning file=.*title=W170::' "$W/out" && pass "diag: github warning" || fail "diag: github warning" "$(cat "$W/out")"
status_of() { "$@" >/dev/null 2>&1; echo $?; }
expect_eq "diag: unknown diagnostics format" "2" "$(status_of wf_lc check --diagnostics=xml "$MAP")"

expect_eq "diag: warnings do not fail" "0" "$(status_of wf_lc check "$W/warn.ladder")"
expect_eq "diag: --werror makes warnings fail" "1" "$(status_of wf_lc check --werror "$W/warn.ladder")"
expect_eq "diag: -W no-CODE silences" "0" "$(status_of wf_lc check --werror -W no-W170 "$W/warn.ladder")"
wf_lc check -Wno-soft-skills "$W/warn.ladder" 2>"$W/err"
expect_eq "diag: -Wno-NAME silences by name" "" "$(cat "$W/err")"
expect_eq "diag: -W no-unknown is a usage error" "2" "$(status_of wf_lc check -W no-W999 "$MAP")"
expect_eq "diag: build --werror refuses to write" "1" "$(status_of wf_lc build --werror -T dot -o "$W/x.dot" "$W/warn.ladder")"
[ -e "$W/x.dot" ] && fail "diag: build --werror wrote nothing" || pass "diag: build --werror wrote nothing"

# ---- explain: the reference's own text; its examples do what they say ----
codes=$(grep -o '^### [EW][0-9][0-9][0-9]' "$ROOT/docs/language.md" | cut -c5-)
used=$(cat "$ROOT"/grammar/*.l "$ROOT"/grammar/*.y "$ROOT"/lib/*.c "$ROOT"/lib/*/*.c "$ROOT"/cli/*.c | grep -o '"[EW][0-9][0-9][0-9]"' | tr -d '"' | sort -u)
missing=$(for c in $used; do echo "$codes" | grep -qx "$c" || echo "$c"; done)
expect_eq "docs: every diagnostic code in the code is documented" "" "$missing"
# (the docs are checked once, by the normal build: under the sanitizers the
# same codes run in the data cases and the boundary cases)
[ -n "${LADDERC_SANITIZED:-}" ] && codes=""
for c in $codes; do
    awk -v code="$c" '
        /^```/ { fence = !fence }
        !fence && /^#+ / { on = ($0 ~ "^### " code ":") }
        on { print }' "$ROOT/docs/language.md" | awk 'NF { last = NR } { l[NR] = $0 } END { for (i = 1; i <= last; i++) print l[i] }' >"$W/doc.txt"
    wf_lc explain "$c" >"$W/explain.txt"
    expect_file "explain: $c prints its section of docs/language.md" "$W/doc.txt" "$W/explain.txt"
    awk '/^Wrong:/ { w = 1 } /^Right:/ { r = 1 } /^```ladder/ { f = (r ? "right" : (w ? "wrong" : "")); next }
         /^```/ { f = ""; next } f != "" { print > (dir "/" f ".ladder") }' dir="$W" "$W/explain.txt"
    wf_lc check --diagnostics=json "$W/wrong.ladder" >"$W/wrong.json" 2>/dev/null
    # E188's wrong example would be 101 competencies long: the docs shorten
    # it, and tests/cases/rungs-errors/E188-E110-101-competencies is whole
    [ "$c" = E188 ] && echo '[{"code":"E188"}]' >"$W/wrong.json"
    expect_eq "docs: the wrong example of $c gives $c" "$c" "$(jq -r '[.[].code] | unique | join(",")' "$W/wrong.json")"
    wf_lc check "$W/right.ladder" >"$W/right.out" 2>&1
    expect_eq "docs: the right example of $c is clean" "0:" "$?:$(cat "$W/right.out")"
    rm -f "$W/wrong.ladder" "$W/right.ladder"
done
expect_eq "explain: by warning name" "$(wf_lc explain W170)" "$(wf_lc explain soft-skills)"
expect_eq "explain: unknown code" "2" "$(status_of wf_lc explain E999)"

# ---- check: files are independent ----
wf_lc check "$W/bad.ladder" 2>"$W/alone.err"
wf_lc check "$MAP" "$W/bad.ladder" "$EX/acme.ladder" 2>"$W/batch.err"
expect_file "check: a file's diagnostics do not depend on the files before it" "$W/alone.err" "$W/batch.err"
wf_lc check "$W/warn.ladder" "$W/bad.ladder" 2>"$W/err"
[ "$(grep -n 'W170' "$W/err" | cut -d: -f1)" -lt "$(grep -n 'E110' "$W/err" | cut -d: -f1)" ] \
    && pass "check: diagnostics in argument order" || fail "check: diagnostics in argument order"

# ---- fmt ----
# (examples/framework.ladder is issue 11's text, kept exactly as written,
# two spaces after its widest rung names included: fmt keeps its meaning,
# which the loop below checks on every example, not its layout)
for f in "$EX"/*.ladder; do
    [ "$f" = "$EX/framework.ladder" ] && continue
    wf_lc fmt "$f" >"$W/f.ladder"
    expect_file "fmt: $(basename "$f") is already formatted" "$f" "$W/f.ladder"
done
expect_eq "fmt --check on the examples" "0" \
    "$(status_of wf_lc fmt --check "$EX"/acme.ladder "$EX"/skills-map.ladder "$EX"/northwind.ladder)"
# (every case and example through fmt twice: workflow-roundtrip.sh)

cat >"$W/messy.ladder" <<'LADDER'


# a comment on top
levels   L3..L11    # the scale
track ic "IC"
track manager   "Manager"



role a "A" track ic level L5 at (1,2)
# about b
role bb "BB" track manager level L6..L7 at (3,   4)
a->bb   lateral
LADDER
cat >"$W/messy.want" <<'LADDER'
# a comment on top
levels L3..L11 # the scale
track ic      "IC"
track manager "Manager"

role a  "A"  track ic      level L5       at (1, 2)
# about b
role bb "BB" track manager level L6..L7   at (3, 4)
a -> bb lateral
LADDER
wf_lc fmt "$W/messy.ladder" >"$W/messy.out"
expect_file "fmt: canonical layout" "$W/messy.want" "$W/messy.out"
cp "$W/messy.ladder" "$W/messy.orig"
wf_lc fmt --check "$W/messy.ladder" "$MAP" >"$W/out"
expect_eq "fmt --check lists the unformatted files, exit 1" "1:$W/messy.ladder" "$?:$(cat "$W/out")"
expect_file "fmt --check writes nothing" "$W/messy.orig" "$W/messy.ladder"
cp "$MAP" "$W/map.ladder"
touch -d '2000-01-01' "$W/map.ladder"
wf_lc fmt -w "$W/messy.ladder" "$W/map.ladder" >"$W/out"
expect_eq "fmt -w prints nothing" "0:" "$?:$(cat "$W/out")"
expect_file "fmt -w rewrites in place" "$W/messy.want" "$W/messy.ladder"
[ "$(stat -c %Y "$W/map.ladder")" = "$(date -d 2000-01-01 +%s)" ] \
    && pass "fmt -w leaves formatted files untouched" || fail "fmt -w leaves formatted files untouched"
printf 'levels L3..L11\nrole a "A" track\n' >"$W/broken.ladder"
cp "$W/broken.ladder" "$W/broken.orig"
wf_lc fmt -w "$W/broken.ladder" 2>"$W/err"
expect_eq "fmt refuses syntax errors (exit 1)" "1" "$?"
grep -q "broken.ladder:2:17: error: syntax error" "$W/err" && pass "fmt shows the syntax error" || fail "fmt shows the syntax error" "$(cat "$W/err")"
expect_file "fmt -w leaves a broken file untouched" "$W/broken.orig" "$W/broken.ladder"
wf_lc fmt - <"$W/messy.orig" >"$W/out"
expect_file "fmt reads stdin" "$W/messy.want" "$W/out"
expect_eq "fmt: -w and --check together" "2" "$(status_of wf_lc fmt -w --check "$MAP")"

# ---- path ----
wf_lc path "$MAP" senior_engineer director_tech >"$W/out"
expect_eq "path: fastest route first (the article's 6 to 18 years)" \
    "6.5..18 years: Senior Engineer -(lateral)-> Engineering Manager -(promotion)-> Senior Engineering Manager -(promotion)-> Director of Tech" \
    "$(head -n 1 "$W/out")"
expect_eq "path: every simple route" "4" "$(wc -l <"$W/out" | tr -d ' ')"
expect_eq "path: unknown years last, and said" "unknown years:" "$(tail -n 1 "$W/out" | cut -c1-14)"
expect_eq "path: sorted by min, then max, then length" "6.5 9.5 9.5 unknown" "$(cut -d. -f1-2 "$W/out" | sed 's/\.\..*//; s/ years.*//' | tr '\n' ' ' | sed 's/ $//')"
wf_lc path --max 1 "$MAP" "Senior Engineer" "Director of Tech" >"$W/out"
expect_eq "path: --max and role names" "1" "$(wc -l <"$W/out" | tr -d ' ')"
wf_lc path -T md "$MAP" senior_engineer director_tech >"$W/out.md"
expect_eq "path: -T md is a table" "5" "$(cmark-gfm -e table "$W/out.md" | grep -c '<tr>')"
wf_lc path "$MAP" fellow senior_engineer >"$W/out" 2>"$W/err"
expect_eq "path: no route exits 1" "1" "$?"
expect_eq "path: no route message" "ladderc: no route from 'fellow' to 'senior_engineer'" "$(cat "$W/err")"
wf_lc path "$MAP" senior_enginer fellow 2>"$W/err"
expect_eq "path: unknown role exits 2" "2" "$?"
grep -q "did you mean 'senior_engineer'" "$W/err" && pass "path: unknown role suggests" || fail "path: unknown role suggests" "$(cat "$W/err")"
expect_eq "path: missing arguments" "2" "$(status_of wf_lc path "$MAP" fellow)"
expect_eq "path: bad --max" "2" "$(status_of wf_lc path --max x "$MAP" a b)"
# a long chain: the search is iterative (and the file is over 64 KiB: such
# files were once cut at 65534 bytes by the reader)
awk 'BEGIN { print "levels L1..L2"; print "track t \"T\""; n = 20000
    for (i = 0; i < n; i++) printf "role r%d \"R%d\" track t level L1 at (1, 1)\n", i, i
    for (i = 0; i + 1 < n; i++) printf "r%d -> r%d lateral\n", i, i + 1 }' >"$W/chain.ladder"
wf_lc path "$W/chain.ladder" r0 r19999 >"$W/out" 2>"$W/err"
expect_eq "path: a chain of 20000 roles" "0:1" "$?:$(wc -l <"$W/out" | tr -d ' ')"

# ---- the JSON model ----
expect_eq "json: transitions resolve years from their kind" "3 8 kind" \
    "$(wf_lc build -T json "$MAP" | jq -r '.transitions[0] | "\(.years.min) \(.years.max) \(.years_from)"')"
expect_eq "json: own years win" "0.5 1 transition" \
    "$(wf_lc build -T json "$MAP" | jq -r '.transitions[17] | "\(.years.min) \(.years.max) \(.years_from)"')"

# ---- pre-commit, the real framework ----
# (an integration of our hooks file with the framework: checked once, by the
# normal build, not again under the sanitizers)
if [ -n "${LADDERC_SANITIZED:-}" ]; then
    :
elif command -v pre-commit >/dev/null 2>&1 && git -C "$ROOT" rev-parse HEAD >/dev/null 2>&1 \
    && git -C "$ROOT" cat-file -e HEAD:.pre-commit-hooks.yaml 2>/dev/null; then
    R="$TMP/precommit"
    mkdir -p "$R" && git -C "$R" init -q && git -C "$R" config user.email t@example.com && git -C "$R" config user.name test
    cat >"$R/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $ROOT
    rev: $(git -C "$ROOT" rev-parse HEAD)
    hooks:
      - id: ladderc-check
      - id: ladderc-fmt
YAML
    export PRE_COMMIT_HOME="$TMP/pre-commit-home"
    (cd "$R" && PATH="$(dirname "$LADDERC"):$PATH" timeout 120 pre-commit install >/dev/null 2>&1)
    cp "$MAP" "$R/map.ladder"
    (cd "$R" && git add .pre-commit-config.yaml map.ladder && PATH="$(dirname "$LADDERC"):$PATH" timeout 120 git commit -qm good >"$W/pc.out" 2>&1)
    expect_eq "pre-commit: a good ladder is committed" "0" "$?"
    sed 's/track ic      level L5       at (10, 20)/track icc     level L5       at (10, 20)/' "$MAP" >"$R/map.ladder"
    (cd "$R" && git add map.ladder && PATH="$(dirname "$LADDERC"):$PATH" timeout 120 git commit -qm bad >"$W/pc.out" 2>&1)
    expect_eq "pre-commit: a broken ladder is refused" "1" "$?"
    grep -q "map.ladder:22:58: error: undefined track 'icc'; did you mean 'ic'? \[E110\]" "$W/pc.out" \
        && pass "pre-commit: the diagnostics are shown" || fail "pre-commit: the diagnostics are shown" "$(head -20 "$W/pc.out")"
    expect_eq "pre-commit: the refused commit is not made" "1" "$(git -C "$R" rev-list --count HEAD)"
    sed 's/^levels L3..L11$/levels   L3..L11/' "$MAP" >"$R/map.ladder"
    (cd "$R" && git add map.ladder && PATH="$(dirname "$LADDERC"):$PATH" timeout 120 git commit -qm unformatted >"$W/pc.out" 2>&1)
    expect_eq "pre-commit: an unformatted ladder is refused" "1" "$?"
    grep -q "^map.ladder$" "$W/pc.out" && pass "pre-commit: fmt --check names the file" || fail "pre-commit: fmt --check names the file" "$(head -20 "$W/pc.out")"
else
    fail "pre-commit: the framework and a committed .pre-commit-hooks.yaml are needed"
fi

# ---- the reference's list of reserved words is the scanner's ----
# (the scanner's keyword rules are the lines '"word"  { ... return TOK_KW_...')
wf_scanner=$(sed -n 's/^"\([a-z]*\)".*TOK_KW_.*/\1/p' "$ROOT/grammar/ladder.l" | sort | tr '\n' ' ')
wf_doc=$(awk '/^\*\*Reserved words\*\*/ { on = 1; next } on && /^\(/ { exit } on' "$ROOT/docs/language.md" |
    grep -o '`[a-z]*`' | tr -d '`' | sort | tr '\n' ' ')
expect_eq "docs: language.md lists exactly the scanner's reserved words" "$wf_scanner" "$wf_doc"

# ---- the README's node example is docs/wasm.md's, which wasm.sh runs as printed ----
wf_js_example() { awk '/^<!-- example: node/ { on = 1; next } on && /^```js/ { inb = 1; next } inb && /^```/ { exit } inb' "$1"; }
wf_readme_js=$(wf_js_example "$ROOT/README.md")
[ -n "$wf_readme_js" ] && expect_eq "docs: the README's WebAssembly example is docs/wasm.md's (tested there)" \
    "$(wf_js_example "$ROOT/docs/wasm.md")" "$wf_readme_js" || fail "docs: the README has a WebAssembly example" ""

# ---- examples/ci/playground-pages.yml: publishes what make playground writes ----
wf_pages=$(timeout 30 python3 - "$ROOT/examples/ci/playground-pages.yml" "$ROOT" <<'PY'
import os, re, sys, yaml
wf = yaml.safe_load(open(sys.argv[1]))
root = sys.argv[2]
jobs = wf["jobs"]
steps = [s for j in jobs.values() for s in j["steps"]]
def say(name, ok, why=""):
    print(("ok " if ok else "FAIL ") + name + ("" if ok else "\n    " + why))
uses = [s["uses"] for s in steps if "uses" in s]
say("every action pinned to a commit", uses and all(re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", u) for u in uses), str(uses))
say("the workflow reads only, the deploy job alone publishes",
    wf["permissions"] == {"contents": "read"} and "permissions" not in jobs["build"]
    and jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}, str(wf.get("permissions")))
runs = [s["run"].strip() for s in jobs["build"]["steps"] if "run" in s]
say("the build is make playground", runs == ["make playground"], str(runs))
up = [s for s in jobs["build"]["steps"] if "upload-pages-artifact" in s.get("uses", "")]
path = up[0]["with"]["path"] if up else None
say("it uploads the folder make playground writes", path == "build/playground"
    and os.path.isfile(os.path.join(root, path, "index.html")), str(path))
say("deploy waits for the build", jobs["deploy"].get("needs") == "build", str(jobs["deploy"].get("needs")))
PY
)
printf '%s\n' "$wf_pages" >"$W/pages.report"
expect_report pages "$W/pages.report"
expect_eq "pages: the workflow's five checks ran" "5" "$(grep -c '^ok \|^FAIL ' "$W/pages.report")"
