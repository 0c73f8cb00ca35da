# html.sh - `ladderc build -T html`, the career site in one page, read
# statically (tests/tools/html_check.py parses it as html.parser does; the
# browser tests are the script's, in their own suite).
# Sourced by tests/run.sh.
#
# 1. The examples' pages are well-formed (every element closed where it was
#    opened, unique ids), in English, UTF-8, with a viewport; one inline
#    script, one data script, one style, nothing with src=, no on*= or
#    style= attribute, no @import, url() or <link>; the CSP's hashes are the
#    sha256 of the inline script's and style's bytes; landmarks, one h1,
#    headings that never skip a level; a section per role (role-ID), and
#    ids for tracks, competencies, companies, the search box and the
#    explorer; the map's roles link to their sections with a title; every
#    #fragment names an id; every href or src is a #fragment, http(s) or
#    data:; external links carry rel="noopener noreferrer".
# 2. The embedded model is `ladderc build -T json` (parsed as JSON.parse).
# 3. Injection: a ladder whose title, axes, track, box, competency, rung,
#    role, summary, sentence, link and company strings hold
#    </script><script>alert(1)</script>, <!--, "'><img src=x onerror=...>,
#    &amp; and U+2028 gives the same two scripts and no on*= attribute, and
#    the page shows each string as typed.
# 4. The same bytes twice, and through -o as on standard output; -o x.html
#    picks the format by itself.
# 5. Size: the skills map's page stays under 200 KB. The 1,000-role page
#    builds (its time is measured in docs/performance.md, not here).
# 6. page.css: each text colour on each background it is drawn on has a
#    contrast of at least 4.5:1, light and dark (tests/tools/css_contrast.py).
# 7. Bounded: 300 roles x 300 companies do not list 90,000 titles in the
#    roles' sections; 20,000-character names repeated by 500 roles keep the
#    page (outside the map) within 20 times the ladder, and whole once.

HT="$TMP/html"
mkdir -p "$HT"
HT_CHECK="python3 $ROOT/tests/tools/html_check.py"

# ht_fact FACTS NAME: the value of one fact
ht_fact() {
    sed -n "s/^$2: //p" "$1"
}

# ht_static LABEL PAGE JSON: the checks every page passes (1), and its
# model and ids are JSON's (2)
ht_static() {
    $HT_CHECK facts "$2" "$3" >"$2.facts" 2>"$2.err" || { fail "html: $1: the checker reads the page" "$(cat "$2.err")"; return; }
    f=$2.facts
    expect_eq "html: $1: well-formed, unique ids" none "$(ht_fact "$f" errors)"
    expect_eq "html: $1: lang, charset, viewport" "en True True" \
        "$(ht_fact "$f" lang) $(ht_fact "$f" charset) $(ht_fact "$f" viewport)"
    expect_eq "html: $1: scripts: one inline, one data, none with src" "2 1 1 0" \
        "$(ht_fact "$f" scripts) $(ht_fact "$f" 'inline scripts') $(ht_fact "$f" 'data scripts') $(ht_fact "$f" 'scripts with src')"
    expect_eq "html: $1: one style element, no style= attribute" "1 0" \
        "$(ht_fact "$f" styles) $(ht_fact "$f" 'style attributes')"
    expect_eq "html: $1: no on*= attribute" none "$(ht_fact "$f" 'on attributes')"
    expect_eq "html: $1: no network reference (@import, url(), <link>, frames)" 0 "$(ht_fact "$f" 'network references')"
    expect_eq "html: $1: every href and src is a #fragment, http(s) or data:" none \
        "$(ht_fact "$f" 'links not #, http(s) or data')"
    expect_eq "html: $1: every #fragment names an id of the page" none "$(ht_fact "$f" 'fragments naming no id')"
    expect_eq "html: $1: external links have rel=\"noopener noreferrer\"" 0 \
        "$(ht_fact "$f" 'external links without rel=noopener noreferrer')"
    expect_eq "html: $1: the CSP's hashes are the inline script's and style's sha256" "equal equal" \
        "$(ht_fact "$f" 'csp script hash') $(ht_fact "$f" 'csp style hash')"
    case $(ht_fact "$f" csp) in
        "default-src 'none'; script-src 'sha256-"*"'; style-src 'sha256-"*"'; img-src data:; base-uri 'none'; form-action 'none'")
            pass "html: $1: the CSP allows nothing else" ;;
        *) fail "html: $1: the CSP allows nothing else" "$(ht_fact "$f" csp)" ;;
    esac
    expect_eq "html: $1: landmarks" "footer header main nav" "$(ht_fact "$f" landmarks)"
    expect_eq "html: $1: one h1, first; headings never skip a level" "1 1 none" \
        "$(ht_fact "$f" h1) $(ht_fact "$f" 'first heading') $(ht_fact "$f" 'heading skips')"
    expect_eq "html: $1: the search box, the explorer, the model, main" \
        "search explorer explorer-app explorer-title ladder-data main" "$(ht_fact "$f" ids)"
}

# ht_ids LABEL PAGE: the page's ids are the model's (role-ID, ...) (2)
ht_ids() {
    f=$2.facts
    expect_eq "html: $1: the embedded model is build -T json's (as JSON.parse reads it)" same \
        "$(ht_fact "$f" 'embedded model')"
    expect_eq "html: $1: an id for every role, track, competency and company" none "$(ht_fact "$f" 'model ids missing')"
    roles=$(ht_fact "$f" 'model roles')
    expect_eq "html: $1: each role's id is a <section class=role>" "$(echo $roles | wc -w | tr -d ' ')" \
        "$(ht_fact "$f" 'role sections')"
    expect_eq "html: $1: the map links each role to its section" \
        "$(for r in $roles; do printf '#role-%s ' "$r"; done | sed 's/ $//')" "$(ht_fact "$f" 'map links')"
    expect_eq "html: $1: each map link has a title (its accessible name)" 0 "$(ht_fact "$f" 'map links without a title')"
}

# ---- 1, 2: the examples ----------------------------------------------------
for ex in skills-map framework northwind acme; do
    "$LADDERC" build -T html -o "$HT/$ex.html" "$ROOT/examples/$ex.ladder" 2>"$HT/$ex.err"
    expect_eq "html: $ex builds (exit status)" 0 $?
    "$LADDERC" build -T json -o "$HT/$ex.json" "$ROOT/examples/$ex.ladder" 2>/dev/null
    ht_static "$ex" "$HT/$ex.html" "$HT/$ex.json"
    ht_ids "$ex" "$HT/$ex.html"
done
expect_eq "html: the framework's radar charts are images with a name" 5 \
    "$(grep -c '<svg class="radar" viewBox="0 0 300 220" role="img" aria-label="Radar chart: ' "$HT/framework.html")"
expect_eq "html: no radar chart without competencies" 0 "$(grep -c 'class="radar"' "$HT/skills-map.html")"
expect_eq "html: the map is inline, finished for screen readers (ld_finish_svg)" 1 \
    "$(grep -c '<title id="ladder-title">' "$HT/skills-map.html")"
expect_eq "html: ld_finish_svg still names each linked role in words" 16 \
    "$(grep -c '^<title>[^<]* (L[0-9]*\( to L[0-9]*\)\{0,1\}, [A-Za-z ]*)</title>$' "$HT/skills-map.html")"
expect_eq "html: the map is a group, not an image, so that its links reach assistive technology" 1 \
    "$(grep -c 'xmlns:xlink="http://www.w3.org/1999/xlink" role="group" aria-labelledby="ladder-title"' "$HT/skills-map.html")"
expect_eq "html: no XML declaration or doctype of the SVG inside the page" 1 \
    "$(grep -c -e '<?xml' -e '<!DOCTYPE' "$HT/skills-map.html")"
grep -q '<a href="https://example.com/wiki/engineering-manager" rel="noopener noreferrer">' "$HT/framework.html" \
    && pass "html: a role's link is a link" || fail "html: a role's link is a link"

# ---- 3: injection ----------------------------------------------------------
P1='</script><script>alert(1)</script>'
P2='<!--'
P3='\"'"'"'><img src=x onerror=alert(1)>'
P4='&amp;'
LS=$(printf '\342\200\250')
cat >"$HT/inj.ladder" <<EOF
ladder "T $P1 $P2 $P3 $P4 $LS end"
axis x "X $P1 $P3" 0..100
axis y "Y $P2 $P4" 0..100
levels L1..L5
track ic "Track $P1 $P2 $P3 $P4 $LS"
track mg "Mgmt $P3" levels M2..M5 = L2..L5
box "Box $P1 $P3" L1..L5
competency craft "Craft $P1 $P3 $LS" hard {
  1 "R1 $P1" "Meaning $P1 $P2 $P3 $P4 $LS"
  2 "R2 $P3" "M2 $P3"
  3 "R3 $P2" "M3 $P4"
}
competency people "People $P2 $P4" soft {
  1 "P1 $P4" "pm $P1"
  2 "P2 $LS" "pm2 $P3"
}
competency reach "Reach $P3" soft {
  1 "Self $P1" "x"
  2 "Team $P2" "y"
}
role a "Role A $P1 $P2 $P3 $P4 $LS" track ic level L1 {
  summary "Summary $P1 $P2 $P3 $P4 $LS"
  link "https://example.com/a?x=\"><script>alert(1)</script>&amp;y=<!--"
  craft 1 "Sentence $P1 $P2 $P3 $P4 $LS"
  people 1
  reach 1
}
role b "Role B $P3" track ic level L2 {
  craft 2 "S2 $P3"
  people 2
  reach 2
}
role m "Manager $P1" track mg level M2 {
  craft 3
  people 2 "S3 $P2"
  reach 2
}
a -> b years 1..2
b -> m lateral years 0.5..1
company co "Co $P1 $P2 $P3 $P4 $LS" {
  ic L1..L2 "CT $P3" "Title $P1 $P2 $P3 $P4 $LS"
  mg M2 "C3 $P1" "T3 $P2"
}
EOF
"$LADDERC" build -T html -o "$HT/inj.html" "$HT/inj.ladder" 2>"$HT/inj.err"
expect_eq "html: the injection ladder builds (exit status)" 0 $?
"$LADDERC" build -T json -o "$HT/inj.json" "$HT/inj.ladder" 2>/dev/null
ht_static "injection" "$HT/inj.html" "$HT/inj.json"
ht_ids "injection" "$HT/inj.html"
expect_eq "html: injection: no '<' left raw in the data script (escaped \\u003c)" 0 \
    "$(python3 -c "
import sys
raw = open(sys.argv[1], 'rb').read()
i = raw.index(b'id=\"ladder-data\">') + 17
print(raw[i:raw.index(b'</script>', i)].count(b'<') + raw[i:raw.index(b'</script>', i)].count('\u2028'.encode()))" "$HT/inj.html")"
P3T='"'"'"'><img src=x onerror=alert(1)>'
expect_eq "html: injection: the title shows as typed" "T $P1 $P2 $P3T $P4 $LS end" "$(ht_fact "$HT/inj.html.facts" 'h1 text')"
$HT_CHECK texts "$HT/inj.html" >"$HT/inj.texts"
for t in "Role A $P1 $P2 $P3T $P4 $LS" "Summary $P1 $P2 $P3T $P4 $LS" "Sentence $P1 $P2 $P3T $P4 $LS" \
    "Meaning $P1 $P2 $P3T $P4 $LS" "Title $P1 $P2 $P3T $P4 $LS" "Co $P1 $P2 $P3T $P4 $LS"; do
    grep -q -x -F -e "$t" "$HT/inj.texts" && pass "html: injection: shows as typed: ${t%% *}" \
        || fail "html: injection: shows as typed: ${t%% *}" "no text node: $t"
done

# ---- 4: the same bytes -------------------------------------------------------
"$LADDERC" build -T html "$ROOT/examples/framework.ladder" >"$HT/fw-stdout.html" 2>/dev/null
"$LADDERC" build -o "$HT/fw-again.html" "$ROOT/examples/framework.ladder" 2>/dev/null
expect_file "html: the same bytes twice, and -o x.html picks html" "$HT/framework.html" "$HT/fw-again.html"
expect_file "html: standard output has the bytes of -o" "$HT/framework.html" "$HT/fw-stdout.html"
expect_eq "html: no date in the page" 0 "$(grep -c -e "$(date -u +%Y-%m-%d)" -e "$(date -u +%Y)-" "$HT/framework.html")"

# ---- 5: size and the 1,000-role page ----------------------------------------------
ht_size=$(wc -c <"$HT/skills-map.html" | tr -d ' ')
[ "$ht_size" -lt 204800 ] && pass "html: the skills map's page is under 200 KB ($ht_size bytes)" \
    || fail "html: the skills map's page is under 200 KB" "$ht_size bytes"
# once, without the sanitizers: under them the map's render alone takes 2 s
# of CPU, and the page's code is the one the small ladders run (and the
# fuzzer's page check)
if [ -z "${LADDERC_SANITIZED:-}" ]; then
    python3 "$ROOT/tests/tools/gen_ladder.py" spread 1000 >"$HT/big.ladder"
    "$LADDERC" build -T html -o "$HT/big.html" "$HT/big.ladder" 2>"$HT/big.err"
    expect_eq "html: the 1,000-role page builds (exit status)" 0 $?
    $HT_CHECK facts "$HT/big.html" >"$HT/big.facts" 2>&1   # no model: html.parser is the cost
    expect_eq "html: the 1,000-role page is well-formed, with a section per role" "none 1000" \
        "$(ht_fact "$HT/big.facts" errors) $(ht_fact "$HT/big.facts" 'role sections')"
fi

# ---- the style: text contrast in both themes ---------------------------------
python3 "$ROOT/tests/tools/css_contrast.py" "$ROOT/lib/emit/html/page.css" >"$HT/contrast" 2>&1
expect_eq "html: page.css: every text colour has a contrast of 4.5:1 or more on its backgrounds, in both themes" "" \
    "$(awk 'NF != 3 || $3 < 4.5' "$HT/contrast")"
expect_eq "html: page.css: the contrast of 18 pairs is measured" 18 "$(wc -l <"$HT/contrast" | tr -d ' ')"

# ---- bounded: many companies do not multiply every role's section -------------------
# 300 roles x 300 companies in one track: listing each role's titles would
# cost 90,000 searches and lines; the Companies section lists them instead
python3 - "$HT/many.ladder" <<'PY'
import sys
with open(sys.argv[1], 'w') as f:
    f.write('levels L1..L2\ntrack ic "IC"\n')
    for i in range(300):
        f.write('role r%d "R%d" track ic level L1 at (%d, %d)\n' % (i, i, i % 100, i // 100))
    for i in range(300):
        f.write('company c%d "C%d" {\n  ic L1 "c%d" "T%d"\n}\n' % (i, i, i, i))
PY
"$LADDERC" build -T html -o "$HT/many.html" "$HT/many.ladder" 2>/dev/null
expect_eq "html: 300 roles x 300 companies build (exit status)" 0 $?
expect_eq "html: ... and the roles' sections do not list 90,000 titles" 0 "$(grep -c '<dt>At companies</dt>' "$HT/many.html")"
expect_eq "html: ... which the companies' sections list" 300 "$(grep -c '<td>T[0-9]*</td><td>c[0-9]*</td>' "$HT/many.html")"
expect_eq "html: a small ladder's roles list their titles (those with some)" 10 "$(grep -c '<dt>At companies</dt>' "$HT/skills-map.html")"

# ---- bounded: long texts that many roles repeat --------------------------------------
# a 20,000-character track, competency, rung, meaning, company and title,
# each repeated by 500 roles (or 100 levels): the page outside the map stays
# within 20 times the ladder (before clipping: 500 times)
python3 - "$HT/long.ladder" <<'PY'
import sys
L = 'x' * 20000
with open(sys.argv[1], 'w') as f:
    f.write('levels L1..L100\ntrack ic "T%s"\n' % L)
    f.write('competency c "C%s" hard {\n  1 "R%s" "M%s"\n  2 "two" "two"\n}\n' % (L, L, L))
    for i in range(500):
        f.write('role r%d "R%d" track ic level L%d at (%d, %d) {\n  c 1\n}\n' % (i, i, 1 + i // 5, i % 100, i // 5))
    for i in range(499):
        f.write('r%d -> r%d%s\n' % (i, i + 1, ' lateral' if i // 5 == (i + 1) // 5 else ''))
    f.write('company co "Co%s" {\n  ic L1..L100 "K" "Title%s"\n}\n' % (L, L))
PY
"$LADDERC" build -T html -o "$HT/long.html" "$HT/long.ladder" 2>/dev/null
expect_eq "html: long repeated texts build (exit status)" 0 $?
ht_outside=$(python3 -c "
import sys
s = open(sys.argv[1], 'rb').read()
i = s.index(b'<section id=\"map\"'); j = s.index(b'<section id=\"tracks\"')
print(len(s) - (j - i))" "$HT/long.html")
ht_in=$(wc -c <"$HT/long.ladder" | tr -d ' ')
[ "$ht_outside" -lt $((20 * ht_in)) ] && pass "html: long repeated texts: the page outside the map is $ht_outside bytes for $ht_in" \
    || fail "html: long repeated texts: the page outside the map stays within 20 times the ladder" "$ht_outside bytes for $ht_in"
grep -q "<h3 id=\"track-ic-title\">T$(printf 'x%.0s' $(seq 20000))</h3>" "$HT/long.html" \
    && pass "html: long repeated texts: whole in their own section" || fail "html: long repeated texts: whole in their own section"

# ---- small ladders: no roles, no title ------------------------------------------
printf 'levels L1..L2\n' >"$HT/empty.ladder"
printf 'levels L1..L2\ntrack a "A"\n' >"$HT/track.ladder"
for f in empty track; do
    "$LADDERC" build -T html -o "$HT/$f.html" "$HT/$f.ladder" 2>/dev/null
    expect_eq "html: a ladder with $f only builds (exit status)" 0 $?
    $HT_CHECK facts "$HT/$f.html" >"$HT/$f.facts" 2>&1
    expect_eq "html: ... well-formed, links whole, headings in order, titled" "none none none Career ladder" \
        "$(ht_fact "$HT/$f.facts" errors) $(ht_fact "$HT/$f.facts" 'fragments naming no id') $(ht_fact "$HT/$f.facts" 'heading skips') $(ht_fact "$HT/$f.facts" 'h1 text')"
done
