# hardening.sh - hostile and extreme input: no crash, no hang, no escape from
# a string into DOT, SVG or Markdown, and no output lost.
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq, expect_file).
# Small malformed files with exact diagnostics are data cases in
# tests/cases/badinput/; this suite has what needs generating or a real
# consumer: huge files, several files in one run, hostile text read back by
# Graphviz, xmllint and cmark-gfm, full disks and closed outputs.
#
# runner: budget 25
# (the million-line files: about 15 s of CPU, reading a million roles three
# times; run once, outside the sanitizers)
# runner: background
# (beside the other suites from the start: the longest of the normal run,
# it would otherwise end the one queue that decides make check's wall time)
#
# Every run is bounded: hd_run by a 30 s `timeout` (exit 124 = hung), over 25
# times the slowest it runs (a PNG under ASan, 1.1 s on a busy machine; small
# commands elsewhere keep 10 s, a thousand times what they take). The
# million-line files (hd_run_big) are bounded by memory, not by the clock:
# peak RSS at most 16 times the input plus 512 MB (GNU time's %M; 1M roles
# take 7 to 11 times the input today), under `ulimit -v` 4 GiB; their only
# clock is a 120 s timeout that catches a hang, over 20 times the slowest
# measured (5.5 s of wall time, 2.6 s of CPU, on a busy 2-core machine).
# Under the sanitizers (LADDERC_SANITIZED, set by sanitizers.sh) they have
# 10000 lines instead of a million and no memory bound (ASan's shadow
# memory): the normal run has them all.

HD="$TMP/hardening"
mkdir -p "$HD"
HD_GOOD="$ROOT/examples/skills-map.ladder"
HD_HEAD='levels L3..L11
track ic "Individual contributor"'
if [ -n "${LADDERC_SANITIZED:-}" ]; then HD_N=10000; else HD_N=1000000; fi

# hd_run NAME WANT_STATUS ARGS...: ladderc ARGS within HD_SECONDS; stdout in
# $HD/out, stderr in $HD/err. Checks the exit status; 124 means it hung.
HD_SECONDS=30
hd_run() {
    hd_name=$1 hd_want=$2
    shift 2
    timeout "$HD_SECONDS" "$LADDERC" "$@" >"$HD/out" 2>"$HD/err"
    hd_rc=$?
    if [ "$hd_rc" = 124 ]; then
        fail "hardening: $hd_name (hung: over $HD_SECONDS s)"
    else
        expect_eq "hardening: $hd_name (exit status)" "$hd_want" "$hd_rc"
    fi
}

# hd_run_big NAME WANT_STATUS ARGS...: as hd_run, for the million-line files
# (stdout to $HD_OUT if set): exit status, a 120 s clock for hangs only, and
# outside the sanitizers a peak RSS within 16 times the input (the argument
# that names a .ladder file) plus 512 MB, under a 4 GiB address space.
HD_BIG_SECONDS=120
HD_BIG_VMEM_KB=4194304
hd_run_big() {
    hd_name=$1 hd_want=$2
    shift 2
    hd_in=""
    for hd_a; do case $hd_a in *.ladder) [ -f "$hd_a" ] && hd_in=$hd_a ;; esac; done
    rm -f "$HD/rss"
    if [ -n "${LADDERC_SANITIZED:-}" ]; then
        timeout "$HD_BIG_SECONDS" "$LADDERC" "$@" >"${HD_OUT:-$HD/out}" 2>"$HD/err"
    elif [ -x /usr/bin/time ]; then
        /usr/bin/time -f %M -o "$HD/rss" timeout "$HD_BIG_SECONDS" \
            sh -c 'ulimit -v "$1"; shift; exec "$@"' sh "$HD_BIG_VMEM_KB" "$LADDERC" "$@" >"${HD_OUT:-$HD/out}" 2>"$HD/err"
    else
        fail "hardening: GNU time is installed (scripts/deps.sh test)"
        timeout "$HD_BIG_SECONDS" sh -c 'ulimit -v "$1"; shift; exec "$@"' sh "$HD_BIG_VMEM_KB" "$LADDERC" "$@" \
            >"${HD_OUT:-$HD/out}" 2>"$HD/err"
    fi
    hd_rc=$?
    case $hd_rc in
    124) fail "hardening: $hd_name (hung: wall clock over $HD_BIG_SECONDS s)" ;;
    "$hd_want") pass "hardening: $hd_name (exit status)" ;;
    *) fail "hardening: $hd_name (exit status)" "exit status $hd_rc, expected $hd_want
$(head -c 300 "$HD/err")" ;;
    esac
    if [ -s "$HD/rss" ] && [ -n "$hd_in" ]; then
        hd_rss_kb=$(tail -n 1 "$HD/rss")
        hd_in_kb=$(($(wc -c <"$hd_in") / 1024))
        hd_max_kb=$((16 * hd_in_kb + 524288))
        if [ "$hd_rss_kb" -le "$hd_max_kb" ] 2>/dev/null; then
            pass "hardening: $hd_name (memory within 16x the input + 512 MB)"
        else
            fail "hardening: $hd_name (memory within 16x the input + 512 MB)" \
                "peak RSS $hd_rss_kb KB for an input of $hd_in_kb KB (bound $hd_max_kb KB)"
        fi
    fi
}

# hd_diag NAME FILE LINE COL CODE: stderr has FILE:LINE:COL: error: ... [CODE]
hd_diag() {
    if grep -q "^$2:$3:$4: error: .*\[$5\]$" "$HD/err"; then
        pass "hardening: $1 (diagnostic at $3:$4)"
    else
        fail "hardening: $1 (diagnostic at $3:$4)" "$(head -c 400 "$HD/err")"
    fi
}

# hd_ls DIR: the names in DIR, dot files too, on one line
hd_ls() { find "$1" -mindepth 1 -maxdepth 1 -printf '%f\n' | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'; }

# hd_quiet NAME: nothing on stderr
hd_quiet() {
    [ -s "$HD/err" ] && fail "hardening: $1 (no diagnostics)" "$(head -c 400 "$HD/err")" \
        || pass "hardening: $1 (no diagnostics)"
}

# (files that cannot be read: hardening-io.sh)

# ---- C1 control characters are control characters too ------------------------

# U+009B is CSI for terminals that honour C1 controls; ladder.l's rule is
# "UTF-8 without control characters", and C0/DEL are already refused.
printf '%s\nrole a "A\302\23331mB" track ic level L5 at (10, 20)\n' "$HD_HEAD" >"$HD/c1.ladder"
hd_run "C1 control character (U+009B) in a string" 1 check "$HD/c1.ladder"
hd_diag "C1 control character (U+009B) in a string" "$HD/c1.ladder" 3 10 E002

# ---- 1 MB names and strings, a 10 MB line ----------------------------------

awk -v head="$HD_HEAD" 'BEGIN { printf "%s\nrole ", head; for (i = 0; i < 1048576; i++) printf "a";
    printf " \"A\" track ic level L5 at (10, 20)\n" }' >"$HD/long-id.ladder"
hd_run "1 MB identifier (legal)" 0 build -T json "$HD/long-id.ladder"
[ "$(grep -c '"id": "aaaaaaaaaa' "$HD/out")" = 1 ] && pass "hardening: 1 MB identifier reaches the JSON" \
    || fail "hardening: 1 MB identifier reaches the JSON"

awk -v head="$HD_HEAD" 'BEGIN { printf "%s\nrole a \"A\" track ic level L5 at (10, 20)\n", head;
    for (i = 0; i < 1048576; i++) printf "B"; printf " -> a\n" }' >"$HD/long-bad-id.ladder"
hd_run "1 MB invalid name" 1 check "$HD/long-bad-id.ladder"
hd_diag "1 MB invalid name" "$HD/long-bad-id.ladder" 4 1 E002
[ "$(wc -c <"$HD/err")" -lt 2000 ] && pass "hardening: 1 MB invalid name (message stays short)" \
    || fail "hardening: 1 MB invalid name (message stays short)" "$(wc -c <"$HD/err") bytes of diagnostics"

awk -v head="$HD_HEAD" 'BEGIN { printf "%s\nrole a \"", head; for (i = 0; i < 1048576; i++) printf "x";
    printf "\" track ic level L5 at (10, 20)\n" }' >"$HD/long-string.ladder"
for fmt in dot md json; do
    hd_run "1 MB string (legal), $fmt" 0 build -T $fmt "$HD/long-string.ladder"
    [ "$(wc -c <"$HD/out")" -gt 1048576 ] && pass "hardening: 1 MB string reaches the $fmt output" \
        || fail "hardening: 1 MB string reaches the $fmt output"
done

awk -v head="$HD_HEAD" 'BEGIN { printf "%s\nrole a \"", head; for (i = 0; i < 1048576; i++) printf "x";
    printf "\n" }' >"$HD/long-unterminated.ladder"
hd_run "1 MB unterminated string" 1 check "$HD/long-unterminated.ladder"
hd_diag "1 MB unterminated string" "$HD/long-unterminated.ladder" 3 8 E003

awk -v head="$HD_HEAD" 'BEGIN { printf "%s\n# ", head; for (i = 0; i < 10485760 / 16; i++) printf "a comment line. ";
    printf "\nrole a \"A\" track ic level L5 at (10, 20)\n" }' >"$HD/long-comment.ladder"
hd_run "10 MB comment line (legal)" 0 check "$HD/long-comment.ladder"
hd_quiet "10 MB comment line (legal)"

awk -v head="$HD_HEAD" 'BEGIN { printf "%s\n", head; for (i = 0; i < 10485760 / 16; i++) printf "a -> b lateral  ";
    printf "\n" }' >"$HD/long-junk.ladder"
hd_run "10 MB line of statements run together" 1 check "$HD/long-junk.ladder"
hd_diag "10 MB line of statements run together" "$HD/long-junk.ladder" 3 17 E001
[ "$(grep -c ': error: ' "$HD/err")" -le 2 ] && pass "hardening: 10 MB line gives one diagnostic, not a million" \
    || fail "hardening: 10 MB line gives one diagnostic, not a million" "$(grep -c ': error: ' "$HD/err") errors"

awk 'BEGIN { for (i = 0; i < 10485760 / 8; i++) printf "@#$%%^&*("; printf "\n" }' >"$HD/long-garbage.ladder"
hd_run "10 MB line of punctuation" 1 check "$HD/long-garbage.ladder"
hd_diag "10 MB line of punctuation" "$HD/long-garbage.ladder" 1 1 E009

# ---- a million roles; a chain of a million transitions ----------------------

# Each class once at full size in `make check`: a million roles (check), a
# chain of a million moves (check, json); DOT and Markdown on a chain of a
# tenth of that. `make check-slow` adds every backend at full size.
awk -v head="$HD_HEAD" -v n="$HD_N" 'BEGIN { printf "%s\n", head;
    for (i = 0; i < n; i++) printf "role r%d \"Role %d\" track ic level L%d at (%.1f, %.1f)\n", i, i, 3 + i % 9, (i % 1000) / 10, int(i / 1000) / 10 }' \
    >"$HD/many.ladder"
hd_run_big "$HD_N roles: check" 0 check "$HD/many.ladder"
hd_quiet "$HD_N roles: check"
if [ -n "$CHECK_SLOW" ]; then
    hd_run_big "$HD_N roles: json" 0 build -T json -o "$HD/many.json" "$HD/many.ladder"
    grep -q "\"id\": \"r$((HD_N - 1))\"" "$HD/many.json" && pass "hardening: $HD_N roles: json has the last role" \
        || fail "hardening: $HD_N roles: json has the last role"
fi
rm -f "$HD/many.ladder" "$HD/many.json"

# hd_chain N FORMAT...: every role one lateral move from the next, the
# longest possible path: check, then each FORMAT with every transition in it
hd_chain() {
    hd_cn=$1
    shift
    awk -v head="$HD_HEAD" -v n="$hd_cn" 'BEGIN { printf "%s\n", head;
        for (i = 0; i < n; i++) printf "role r%d \"R\" track ic level L5 at (%.1f, %.1f)\n", i, (i % 1000) / 10, int(i / 1000) / 10;
        for (i = 1; i < n; i++) printf "r%d -> r%d lateral\n", i - 1, i }' >"$HD/chain.ladder"
    hd_run_big "chain of $hd_cn roles: check" 0 check "$HD/chain.ladder"
    hd_quiet "chain of $hd_cn roles: check"
    for fmt; do
        hd_run_big "chain of $hd_cn roles: $fmt" 0 build -T $fmt -o "$HD/chain.$fmt" "$HD/chain.ladder"
        case $fmt in
        dot) hd_count=$(grep -c '^  "r[0-9]*" -> "r[0-9]*"' "$HD/chain.$fmt") ;;
        md) hd_count=$(grep -c '^| R | R | lateral |' "$HD/chain.$fmt") ;;
        json) hd_count=$(grep -c '"from": "r[0-9]*", "to": "r[0-9]*"' "$HD/chain.$fmt") ;;
        esac
        expect_eq "hardening: chain of $hd_cn roles: $fmt has every transition" "$((hd_cn - 1))" "$hd_count"
        rm -f "$HD/chain.$fmt"
    done
    rm -f "$HD/chain.ladder"
}
if [ -n "$CHECK_SLOW" ]; then
    hd_chain "$HD_N" dot md json
else
    hd_chain "$HD_N" json
    hd_chain "$((HD_N / 10))" dot md
fi

# ---- small or plain files whose cost must not multiply ----------------------

# N tracks and N companies: checking one company must not cost a pass over
# every track (check.c: check_company_order), nor a Markdown table a pass over
# every company per track (emit_md.c)
hd_m=$((HD_N * 2 / 5))
awk -v n="$hd_m" 'BEGIN { print "levels L3..L11"; for (i = 0; i < n; i++) printf "track t%d \"T\"\n", i;
    for (i = 0; i < n; i++) printf "company c%d \"C\" {\n  t%d L5 \"c\" \"x\"\n}\n", i, i }' >"$HD/companies.ladder"
hd_run_big "$hd_m tracks and $hd_m companies: check" 0 check "$HD/companies.ladder"
HD_OUT=/dev/null hd_run_big "$hd_m tracks and $hd_m companies: md" 0 build -T md "$HD/companies.ladder"
rm -f "$HD/companies.ladder"

# 54 KB: 1500 tracks, each used by one line of one company, on L0..L9999. A
# grid with a row per level per track would be 193 MB (it was, before the
# grids became lists past a size: see linear.sh); the cost must follow the
# output, not output x lines (emit_md.c: a cell scanned every line of the
# company). Now about 140 KB.
awk 'BEGIN { print "levels L0..L9999"; for (i = 0; i < 1500; i++) printf "track t%d \"T\"\n", i;
    print "company c \"C\" {"; for (i = 0; i < 1500; i++) printf "  t%d L%d \"c\" \"x\"\n", i, i; print "}" }' >"$HD/wide.ladder"
HD_OUT="$HD/wide.md" hd_run_big "1500 tracks x 10000 levels: md" 0 build -T md "$HD/wide.ladder"
[ "$(wc -c <"$HD/wide.md")" -le 1048576 ] && pass "hardening: 1500 tracks x 10000 levels: md within 1 MB" \
    || fail "hardening: 1500 tracks x 10000 levels: md within 1 MB" "$(wc -c <"$HD/wide.md") bytes"

# path on a band of roles, each with a lateral move to the next three: the
# routes from the first to the last are many (exponentially) and long. The
# search (Yen's K shortest simple paths) returns the 10 fastest, the fastest
# first, without a step budget: no "search stopped" warning, the fastest is
# exactly (N-1)/3 moves rounded up, and memory and output stay bounded
# (measured: 10000 roles, 1.1 MB, 0.08 s, 16 MB peak, 630 KB out). Bounds: 10 s
# of CPU (over 100x), 256 MB of address space (not under ASan, which reserves
# terabytes of it) and 10 times the file's bytes of output. Under the
# sanitizers the bands are smaller. tests/suites/path.sh has the exact tests.
if [ -n "${LADDERC_SANITIZED:-}" ]; then hd_bands="60 1000"; else hd_bands="60 1000 10000"; fi
for hd_band in $hd_bands; do
    awk -v n="$hd_band" 'BEGIN { print "levels L3..L11"; print "track ic \"IC\""; print "years lateral 1..2";
        for (i = 0; i < n; i++) printf "role r%d \"R\" track ic level L5 at (%.1f, %.1f)\n", i, i % 100, int(i / 100) / 10;
        for (i = 0; i < n; i++) for (j = i + 1; j < n && j < i + 4; j++) printf "r%d -> r%d lateral\n", i, j }' >"$HD/band.ladder"
    hd_last=$((hd_band - 1))
    if [ -n "${LADDERC_SANITIZED:-}" ]; then
        timeout 120 "$LADDERC" path "$HD/band.ladder" r0 "r$hd_last" >"$HD/out" 2>"$HD/err"
    else
        timeout 60 sh -c 'ulimit -t 10; ulimit -v 262144; exec "$@"' sh "$LADDERC" path "$HD/band.ladder" r0 "r$hd_last" >"$HD/out" 2>"$HD/err"
    fi
    expect_eq "hardening: path on a $hd_band-role band (exit status, no warning, 10 routes)" "0::10" \
        "$?:$(head -c 300 "$HD/err"):$(wc -l <"$HD/out" | tr -d ' ')"
    hd_steps=$(((hd_last + 2) / 3))
    expect_eq "hardening: path on a $hd_band-role band: the fastest route first" "$hd_steps..$((2 * hd_steps))" \
        "$(head -n 1 "$HD/out" | sed 's/ years:.*//')"
    hd_in=$(wc -c <"$HD/band.ladder")
    hd_outsz=$(wc -c <"$HD/out")
    if [ "$hd_outsz" -le $((10 * hd_in)) ]; then pass "hardening: path on a $hd_band-role band: output within 10 times the file"
    else fail "hardening: path on a $hd_band-role band: output within 10 times the file" "$hd_outsz bytes from $hd_in"; fi
done
rm -f "$HD/band.ladder" "$HD/out"

# ---- many files in one check: each as if alone ------------------------------

hd_multi="$ROOT/examples/skills-map.ladder $ROOT/tests/cases/badinput/unterminated-string-at-eof.ladder
$ROOT/examples/acme.ladder $ROOT/tests/cases/syntax/E006-unclosed-brace.ladder
$ROOT/tests/cases/badinput/nul-byte-in-string.ladder $HD/c1.ladder $ROOT/examples/skills-map.ladder
$ROOT/tests/cases/badinput/invalid-utf8-truncated-at-eof.ladder $ROOT/examples/acme.ladder"
: >"$HD/alone.err"
for f in $hd_multi; do
    timeout 10 "$LADDERC" check "$f" 2>>"$HD/alone.err" >/dev/null
done
# shellcheck disable=SC2086
hd_run "nine files in one check, four broken" 1 check $hd_multi
summary='^[0-9]+ (errors?|warnings?).*generated\.$'
grep -Ev "$summary" "$HD/alone.err" >"$HD/alone.diags"
grep -Ev "$summary" "$HD/err" >"$HD/together.diags"
[ -s "$HD/alone.diags" ] && expect_file "hardening: each file's diagnostics as when checked alone" "$HD/alone.diags" "$HD/together.diags" \
    || fail "hardening: each file's diagnostics as when checked alone" "no diagnostics at all"

# ---- hostile text: stays text in DOT, SVG, Markdown and JSON ----------------

# the texts, as the file writes them (escaped) and as they mean (unescaped)
cat >"$HD/hostile.ladder" <<'EOF'
ladder "T \"q\" \\ \\N <b> & &amp; | \\n </text></svg><script>alert(1)</script>"
levels L3..L11
track ic "I|C <i>&amp; \\G"
box "B \\N &amp; <x> |" L5..L6
role a "A \"q\" \\ \\N <b> & &amp; | \\n" track ic level L5 at (10, 10)
role b "</text></svg><script>alert(1)</script>" track ic level L6 at (60, 60)
role c "<a href=\"javascript:alert(1)\">x</a> &#60;script&#62;" track ic level L7 at (30, 80)
a -> b
b -> c
company co "C|x &amp; \\N" {
  ic L5 "c|1\\" "T <script>alert(1)</script> | \\N &amp;"
}
EOF
hd_title='T "q" \ \N <b> & &amp; | \n </text></svg><script>alert(1)</script>'
hd_a='A "q" \ \N <b> & &amp; | \n'
hd_b='</text></svg><script>alert(1)</script>'
hd_c='<a href="javascript:alert(1)">x</a> &#60;script&#62;'
hd_track='I|C <i>&amp; \G'
hd_box='B \N &amp; <x> |'
hd_role_name() { case $1 in a) printf '%s' "$hd_a" ;; b) printf '%s' "$hd_b" ;; c) printf '%s' "$hd_c" ;; esac; }
for fmt in dot svg md json; do
    hd_run "hostile text: builds $fmt" 0 build -T $fmt -o "$HD/hostile.$fmt" "$HD/hostile.ladder"
done

# DOT: Graphviz reads it back (gvpr: the attribute as parsed). A label holds
# Graphviz's own escapes: undo \\ and &amp; (what Graphviz does when it draws)
# and the user's text must come back, byte for byte.
hd_gv_text() { sed -e 's/\\\\/\x01/g' -e 's/&amp;/\&/g' -e 's/\x01/\\/g'; }
hd_gv_label() { gvpr "$1" "$HD/hostile.dot" 2>"$HD/gvpr.err"; }
if gvpr -c 'N{}' "$HD/hostile.dot" >/dev/null 2>"$HD/gvpr.err" && [ ! -s "$HD/gvpr.err" ]; then
    pass "hardening: hostile DOT: Graphviz reads it without a word"
else
    fail "hardening: hostile DOT: Graphviz reads it without a word" "$(head -5 "$HD/gvpr.err")"
fi
expect_eq "hardening: hostile DOT: the title comes back unchanged" "$hd_title" \
    "$(hd_gv_label 'BEG_G{print(label)}' | hd_gv_text)"
for r in a b c; do
    want=$(hd_role_name "$r")
    lvl=$(jq -r ".roles[] | select(.id == \"$r\") | .levels" "$HD/hostile.json")
    got=$(hd_gv_label "N[name==\"$r\"]{print(label)}")
    expect_eq "hardening: hostile DOT: role $r's label comes back unchanged" "$want\\n$lvl" \
        "$(printf '%s' "${got%\\n"$lvl"}" | hd_gv_text)\\n${got##*\\n}"
done
expect_eq "hardening: hostile DOT: the track's legend comes back unchanged" "$hd_track" \
    "$(hd_gv_label 'N[name=="_legend_track_0"]{print(label)}' | hd_gv_text)"
expect_eq "hardening: hostile DOT: the box label comes back unchanged" "$hd_box" \
    "$(hd_gv_label 'BEG_G{graph_t s = fstsubg($G); while (s != NULL) { if (s.name == "cluster_0") print(s.label); s = nxtsubg(s); }}' | hd_gv_text)"

# SVG: well-formed, the text shown literally, nothing active from user text
if xmllint --noout "$HD/hostile.svg" 2>"$HD/x.err"; then
    pass "hardening: hostile SVG is well-formed"
else
    fail "hardening: hostile SVG is well-formed" "$(head -5 "$HD/x.err")"
fi
hd_svg() { xmllint --xpath "$1" "$HD/hostile.svg" 2>/dev/null; }
expect_eq "hardening: hostile SVG: no <script> element" "0" "$(hd_svg 'count(//*[local-name()="script"])')"
expect_eq "hardening: hostile SVG: no href attribute" "0" "$(hd_svg 'count(//@*[local-name()="href"])')"
# (an <a> without href is how Graphviz writes a tooltip: the boxes have one)
expect_eq "hardening: hostile SVG: no <foreignObject> element, no <a> that links" "0" \
    "$(hd_svg 'count(//*[local-name()="foreignObject"] | //*[local-name()="a"][@*[local-name()="href"]])')"
expect_eq "hardening: hostile SVG: no on* event attribute" "0" "$(hd_svg 'count(//@*[starts-with(local-name(), "on")])')"
expect_eq "hardening: hostile SVG: the title shows literally" "$hd_title" \
    "$(hd_svg 'string(//*[local-name()="g"][@class="graph"]/*[local-name()="text"][1])')"
hd_i=0
for r in a b c; do
    want=$(hd_role_name "$r")
    expect_eq "hardening: hostile SVG: role $r's name shows literally" "$want" \
        "$(hd_svg "string(//*[local-name()=\"g\"][@id=\"role-$hd_i\"]/*[local-name()=\"text\"][1])")"
    hd_i=$((hd_i + 1))
done
# (the legend row's group, after Graphviz's comment naming it: the SVG's
# titles name what a reader hears, not our DOT names)
expect_eq "hardening: hostile SVG: the track's legend shows literally" "$hd_track" \
    "$(hd_svg 'string(//comment()[. = " _legend_track_0 "]/following-sibling::*[1]/*[local-name()="text"][1])')"
expect_eq "hardening: hostile SVG: the box label shows literally" "$hd_box" \
    "$(hd_svg 'string(//*[local-name()="g"][@id="box-0"]//*[local-name()="text"][1])')"

# Markdown: every row keeps its table's columns; cells show the text literally
cmark-gfm -e table "$HD/hostile.md" >"$HD/hostile.html" 2>"$HD/cm.err"
bad_rows=$(awk '/<table>/ { th = 0; cols = -1 } /<th[ >]/ { th++ } /<\/thead>/ { cols = th }
    /<tr>/ { td = 0 } /<td[ >]/ { td++ } /<\/tr>/ && cols >= 0 && td != cols { bad++ }
    END { print bad + 0 }' "$HD/hostile.html")
expect_eq "hardening: hostile Markdown: every table row has its header's number of cells" "0" "$bad_rows"
expect_eq "hardening: hostile Markdown: renders 3 tables" "3" "$(grep -c '<table>' "$HD/hostile.html")"
expect_eq "hardening: hostile Markdown: no raw HTML tag from user text" "" \
    "$(grep -oiE '<(script|a |a>|b>|i>|x>|/text|/svg)' "$HD/hostile.html")"
# (without the zero-width spaces that break GitHub's "#60"-style references)
hd_html_text() { sed -e 's/<[^>]*>//g' -e "s/$(printf '\342\200\213')//g" -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e 's/&amp;/\&/g'; }
# the Roles table: the cell before each role's <code>id</code>
for r in a b c; do
    want=$(hd_role_name "$r")
    got=$(grep -B1 "^<td><code>$r</code></td>$" "$HD/hostile.html" | head -1 | hd_html_text)
    expect_eq "hardening: hostile Markdown: role $r's name shows literally" "$want" "$got"
done
expect_eq "hardening: hostile Markdown: the title shows literally" "$hd_title" \
    "$(grep '^<h1>' "$HD/hostile.html" | hd_html_text)"
expect_eq "hardening: hostile Markdown: the company cell shows literally" \
    'T <script>alert(1)</script> | \N &amp; (c|1\)' "$(grep -A1 '^<td>L5</td>$' "$HD/hostile.html" | sed -n 2p | hd_html_text)"

# JSON: the same strings
for r in a b c; do
    want=$(hd_role_name "$r")
    expect_eq "hardening: hostile JSON: role $r's name" "$want" "$(jq -r ".roles[] | select(.id == \"$r\") | .name" "$HD/hostile.json")"
done

# (no output lost: stdout full or closed, -o onto what is not a regular file,
# a full disk: hardening-io.sh)
