# fmt-blocks.sh - `ladderc fmt` on the syntax of competencies (issue 11):
# competency blocks, role blocks, track level names, open ranges.
#   1. every example (examples/ and its folders), every case of
#      tests/cases/fmt/, and every case and fuzz seed written in the new
#      syntax: formatting twice gives the same text (idempotent), and the
#      formatted file means the same: the same words in the same order
#      (strings compared unescaped; blanks, line ends and comments apart),
#      the same comments in the same order, and the same model
#      (`build -T json`) or, when it does not build, the same diagnostics;
#   2. a role's '{' stays on its line (on the next one it would not parse);
#   3. the layout's rules: rung columns per competency, role-block columns
#      across the file.
# tests/suites/workflow.sh does part 1 with the model alone on
# tests/cases/*/*.ladder and examples/*.ladder; the golden layouts are the
# data cases of tests/cases/fmt/.
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq, expect_file).

# Once, by the normal build: under the sanitizers, workflow.sh runs fmt
# twice on every case and example (these inputs among them), and the fuzz
# smoke formats every seed.
if [ -n "${LADDERC_SANITIZED:-}" ]; then
    pass "fmt-blocks: checked by the normal build (fmt's memory: workflow.sh and the fuzz smoke)"
    return 0 2>/dev/null || exit 0
fi

fb_lc() { timeout 30 "$LADDERC" "$@"; }
FB="$TMP/fmt-blocks"
mkdir -p "$FB"

# tokens.py PAIRS: for each line "ORIGINAL<tab>FORMATTED" of PAIRS, whether
# both have the same words (the scanner's tokens as grammar/ladder.l reads
# them, strings unescaped) and the same comments, each in the same order;
# prints the ORIGINAL of each pair that does not. One run for every pair:
# Python's start-up is a tenth of a second.
cat >"$FB/tokens.py" <<'PY'
import re, sys
TOKEN = re.compile(r'''[ \t]+|\r?\n|#[^\r\n]*|"(?:[^"\\\r\n]|\\[^\r\n])*"|->|\.\.|[(),{}=]|-?[0-9]+(?:\.[0-9]+)?|[A-Za-z_][A-Za-z0-9_]*|.''', re.S)
def words_and_comments(path):
    text = open(path, encoding='utf-8', errors='surrogateescape').read()
    words, comments = [], []
    for m in TOKEN.finditer(text):
        t = m.group()
        if t[0] in ' \t\r\n':
            continue
        if t[0] == '#':
            comments.append(t.rstrip(' \t'))
        elif t[0] == '"':
            words.append('S' + re.sub(r'\\(.)', r'\1', t[1:-1]))
        else:
            words.append(t)
    return words, comments
for line in open(sys.argv[1], encoding='utf-8', errors='surrogateescape'):
    original, formatted = line.rstrip('\n').split('\t')
    if words_and_comments(original) != words_and_comments(formatted):
        print(original)
PY

# the inputs: every example, the fmt cases, and the cases and seeds that use
# the new syntax (a block, a '=', an open range)
fb_list="$FB/inputs"
{
    find "$ROOT/examples" -name '*.ladder'
    find "$ROOT/tests/cases/fmt" -name '*.ladder'
    grep -lE '^[[:space:]]*(competency|role .*\{)|=|[0-9]\.\.([^0-9.LA-Z]|$)' \
        "$ROOT"/tests/cases/*/*.ladder "$ROOT"/tests/fuzz/corpus/* 2>/dev/null
} | sort -u >"$fb_list"

mkdir -p "$FB/out"
: >"$FB/pairs"
fb_n=0 fb_bad=0 fb_blocks=0
fb_problem() { fb_bad=$((fb_bad + 1)); echo "     $1: ${2#"$ROOT"/}"; }
while IFS= read -r f; do
    # a file that imports is formatted beside the files it imports
    if grep -q '^[[:space:]]*import' "$f"; then
        rm -rf "$FB/dir" && cp -R "$(dirname "$f")" "$FB/dir"
        f1="$FB/dir/fmt-blocks-1.ladder"
    else
        f1="$FB/fmt-blocks-1.ladder"
    fi
    fb_lc fmt "$f" >"$f1" 2>/dev/null || continue    # syntax errors: fmt refuses
    fb_n=$((fb_n + 1))
    grep -qE '^[[:space:]]*(competency|role .*\{)' "$f" && fb_blocks=$((fb_blocks + 1))
    fb_lc fmt "$f1" >"$FB/f2.ladder" 2>/dev/null
    cmp -s "$f1" "$FB/f2.ladder" || fb_problem "not idempotent" "$f"
    cp "$f1" "$FB/out/$fb_n.ladder"
    printf '%s\t%s\n' "$f" "$FB/out/$fb_n.ladder" >>"$FB/pairs"
    # (the model of the cases and examples is compared by workflow.sh's fmt
    # loop: here only the fuzz seeds', which nothing else formats)
    case "$f" in "$ROOT"/tests/fuzz/*) ;; *) continue ;; esac
    if fb_lc build -T json "$f" >"$FB/m1.raw" 2>/dev/null; then
        fb_lc build -T json "$f1" >"$FB/m2.raw" 2>/dev/null
        sed 's/, "file": "[^"]*"//g' "$FB/m1.raw" >"$FB/m1.json"
        sed 's/, "file": "[^"]*"//g' "$FB/m2.raw" >"$FB/m2.json"
        cmp -s "$FB/m1.json" "$FB/m2.json" || fb_problem "model changed" "$f"
    else
        fb_lc check --max-diagnostics=0 "$f" 2>&1 | sed -n 's/^[^ :][^:]*:[0-9]*:[0-9]*: //p' >"$FB/d1"
        fb_lc check --max-diagnostics=0 "$f1" 2>&1 | sed -n 's/^[^ :][^:]*:[0-9]*:[0-9]*: //p' >"$FB/d2"
        cmp -s "$FB/d1" "$FB/d2" || fb_problem "diagnostics changed" "$f"
    fi
done <"$fb_list"
python3 "$FB/tokens.py" "$FB/pairs" >"$FB/changed"
while IFS= read -r f; do fb_problem "words or comments changed" "$f"; done <"$FB/changed"
# (at least the four cases of tests/cases/fmt/ with blocks and the seeds)
[ "$fb_n" -gt 10 ] && [ "$fb_blocks" -ge 4 ] && [ "$fb_bad" = 0 ] \
    && pass "fmt-blocks: idempotent, same words, comments and model on $fb_n inputs ($fb_blocks with blocks)" \
    || fail "fmt-blocks: idempotent, same words, comments and model on $fb_n inputs ($fb_blocks with blocks)" "$fb_bad problems"

# ---- a role's '{' stays on its line ----
printf 'levels L3..L8\ntrack ic "IC"\ncompetency c "C" hard {\n1 "One"\n}\nrole a "A" track ic level L3 at (1, 2) {\n  c 1\n}\n' >"$FB/brace.ladder"
fb_lc fmt "$FB/brace.ladder" >"$FB/brace.out"
expect_eq "fmt-blocks: a role's '{' ends the role's line" \
    'role a "A" track ic level L3     at (1, 2) {' "$(grep '^role' "$FB/brace.out")"
fb_lc check "$FB/brace.out" >/dev/null 2>&1
expect_eq "fmt-blocks: the formatted role block parses, and keeps its line" "0:1" \
    "$?:$(grep -c '^  c 1$' "$FB/brace.out")"

# ---- columns: rungs per competency, role lines across the file ----
cat >"$FB/cols.ladder" <<'LADDER'
levels L3..L8
track ic "IC"
competency a "A" hard {
  1 "x" "one"
  2 "xx" "two"
}
competency b "B" soft {
  1 "much longer" "one"
}
role r "R" track ic level L3 {
  a 1
}
role s "S" track ic level L4 {
  summary "S."
  b 1 "bee"
}
LADDER
fb_lc fmt "$FB/cols.ladder" >"$FB/cols.out"
expect_eq "fmt-blocks: rungs align within their competency only" \
    '  1 "x"  "one"|  2 "xx" "two"|  1 "much longer" "one"' \
    "$(grep '^  [0-9] "' "$FB/cols.out" | paste -sd '|')"
expect_eq "fmt-blocks: role lines align across every block of the file" \
    '  a       1|  summary   "S."|  b       1 "bee"' \
    "$(grep -E '^  (a|b|summary) ' "$FB/cols.out" | paste -sd '|')"

# ---- the example of docs/language.md ("Canonical layout") is in the layout ----
awk '/^## Canonical layout/ { on = 1 } on && /^  ```ladder/ { f = 1; next } f && /^  ```/ { exit }
     f { print substr($0, 3) }' "$ROOT/docs/language.md" >"$FB/doc.ladder"
fb_lc fmt "$FB/doc.ladder" >"$FB/doc.out"
[ -s "$FB/doc.ladder" ] && grep -q '^role senior' "$FB/doc.ladder" \
    && expect_file "fmt-blocks: the layout's example in docs/language.md is formatted" "$FB/doc.ladder" "$FB/doc.out" \
    || fail "fmt-blocks: the layout's example in docs/language.md is formatted" "no example found"

# ---- a 20,000-column competency id and rung name do not widen their columns ----
# (as linear.sh checks for a role id and a company code: fmt's output stays
# within 2x its input, and fmt is idempotent on it)
fb_wide=$(awk 'BEGIN { while (n++ < 20000) printf "k" }')
{
    printf 'levels L1..L3\ntrack ic "IC"\ncompetency %s "W" hard {\n  1 "%s" "m"\n' "$fb_wide" "$(echo "$fb_wide" | tr k W)"
    i=2; while [ $i -le 200 ]; do printf '  %d "r" "m"\n' $i; i=$((i + 1)); done
    printf '}\nrole a "A" track ic level L1 at (1, 1) {\n  %s 1\n' "$fb_wide"
    i=0; while [ $i -lt 200 ]; do printf '  c%d 1\n' $i; i=$((i + 1)); done
    printf '}\n'
} >"$FB/wide.ladder"
fb_lc fmt "$FB/wide.ladder" >"$FB/wide.fmt"
fb_lc fmt "$FB/wide.fmt" >"$FB/wide.fmt2"
fb_in=$(wc -c <"$FB/wide.ladder") fb_out=$(wc -c <"$FB/wide.fmt")
[ "$fb_out" -gt 0 ] && [ "$fb_out" -le $((2 * fb_in)) ] \
    && pass "fmt-blocks: wide cells in blocks: output within 2x the input ($fb_out of $fb_in bytes)" \
    || fail "fmt-blocks: wide cells in blocks: output within 2x the input" "$fb_out bytes from $fb_in"
expect_file "fmt-blocks: wide cells in blocks: fmt is idempotent" "$FB/wide.fmt" "$FB/wide.fmt2"
# every cell of a column wider than 60 columns: each still followed by a space
printf 'levels L3..L8\ntrack ic "IC"\nrole a%s "A" track ic level L3 at (1, 2) {\n  %s 1 "t"\n  %s 2\n}\n' \
    "$fb_wide" "$fb_wide" "$fb_wide" >"$FB/allwide.ladder"
fb_lc fmt "$FB/allwide.ladder" >"$FB/allwide.fmt"
expect_eq "fmt-blocks: cells wider than 60 columns keep their space" "3" \
    "$(grep -cxF -e "role a$fb_wide \"A\" track ic level L3     at (1, 2) {" -e "  $fb_wide 1 \"t\"" -e "  $fb_wide 2" "$FB/allwide.fmt")"
