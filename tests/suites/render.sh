# render.sh - how pictures are drawn (plugin/render.c, the picture options of
# build and chart): -T pdf read back by poppler (pdfinfo, pdftotext), the
# same bytes on every run, with no date or SOURCE_DATE_EPOCH's; --dpi and
# --scale set a PNG's pixels and a PDF's page, and leave svg, dot, md and
# json as they are; the largest PNG (8192 a side, 16777216 pixels) and PDF
# page (14400 points): a wide ladder that asked cairo for a 41550 x 3326
# canvas (550 MB; cairo crashed under a memory limit, exit 139) is drawn
# smaller under `ulimit -v`, with a note; every bad value is a usage error
# that writes nothing; --layout and --theme reach the library as the
# library's own ld_config would (tests/internal/config_dot.c).
# Sizes and bytes only, never time. Sourced by tests/run.sh.

RD="$TMP/render"
mkdir -p "$RD"
RD_MAP="$ROOT/examples/skills-map.ladder"
# the issue 11 framework for the charts, with 'layout exact': its map's W153
# (guide.sh) is no concern of the pictures' options
RD_FW="$RD/framework.ladder"
{ cat "$ROOT/examples/framework.ladder"; printf 'layout exact\n'; } >"$RD_FW"

rd_lc() { no_lsan timeout 30 "$LADDERC" "$@"; }
# rd_dated VALUE ARGS...: ladderc with SOURCE_DATE_EPOCH=VALUE
rd_dated() ( SOURCE_DATE_EPOCH=$1; export SOURCE_DATE_EPOCH; shift; rd_lc "$@" )

# rd_run NAME STATUS ARGS...: runs ladderc (stdout to $RD/out, stderr to
# $RD/err) and checks its exit status
rd_run() {
    rd_name=$1 rd_want=$2
    shift 2
    rd_lc "$@" >"$RD/out" 2>"$RD/err"
    expect_eq "render: $rd_name (exit status)" "$rd_want" "$?"
}

# rd_png_size FILE: "WIDTHxHEIGHT" from the PNG's header (IHDR)
rd_png_size() {
    od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d\n", $1 * 16777216 + $2 * 65536 + $3 * 256 + $4,
                                                $5 * 16777216 + $6 * 65536 + $7 * 256 + $8 }'
}

# rd_pdf_size FILE: "WIDTHxHEIGHT" of the first page, in points, as pdfinfo reads it
rd_pdf_size() { pdfinfo "$1" 2>/dev/null | awk '/^Page size:/ { printf "%dx%d\n", $3, $5 }'; }

# rd_near A B: whether two "WxH" sizes differ by at most 1 on each side
rd_near() {
    echo "$1 $2" | awk -Fx '{ split($2, m, " "); w1 = $1; h1 = m[1]; w2 = m[2]; h2 = $3
                              d = w1 - w2; e = h1 - h2; exit !(d * d <= 1 && e * e <= 1) }'
}

# rd_half SIZE: "WxH" halved
rd_half() { echo "$1" | awk -Fx '{ printf "%gx%g\n", $1 / 2, $2 / 2 }'; }

# ---- PDF ----------------------------------------------------------------

rd_run "-o map.pdf" 0 build -o "$RD/map.pdf" "$RD_MAP"
expect_eq "render: pdf starts with the PDF header" "%PDF-" "$(head -c 5 "$RD/map.pdf")"
pdfinfo "$RD/map.pdf" >"$RD/info" 2>"$RD/info.err"
expect_eq "render: pdfinfo reads the pdf: one page, no complaint" "0:1:" \
    "$?:$(awk '/^Pages:/ { print $2 }' "$RD/info"):$(cat "$RD/info.err")"
pdftotext "$RD/map.pdf" "$RD/map.txt" 2>"$RD/txt.err"
rd_missing=""
for rd_t in "The Senior Engineer Skills Map" "Senior Engineer" "Staff Engineer" "Engineering Manager" "Legend"; do
    grep -qF "$rd_t" "$RD/map.txt" || rd_missing="$rd_missing [$rd_t]"
done
expect_eq "render: pdftotext finds the title, roles and legend in the pdf" "0:" "$?:$rd_missing"
grep -q '^CreationDate:' "$RD/info" && fail "render: a pdf has no creation date by default" "$(cat "$RD/info")" \
    || pass "render: a pdf has no creation date by default"
# (the same bytes again, by every way of asking: in the normal run only; the
# sanitized one has run this code above)
if [ -z "${LADDERC_SANITIZED:-}" ]; then
rd_run "-T pdf again" 0 build -T pdf -o "$RD/again.pdf" "$RD_MAP"
expect_file "render: pdf: one map, the same bytes" "$RD/map.pdf" "$RD/again.pdf"
rd_lc build -T pdf "$RD_MAP" >"$RD/stdout.pdf" 2>"$RD/err"
expect_file "render: -T pdf to standard output: the same bytes" "$RD/map.pdf" "$RD/stdout.pdf"
rd_run "-o MAP.PDF (extension in any case)" 0 build -o "$RD/MAP.PDF" "$RD_MAP"
expect_file "render: -o MAP.PDF is the pdf" "$RD/map.pdf" "$RD/MAP.PDF"
fi

rd_dated 1700000000 build -o "$RD/dated.pdf" "$RD_MAP" 2>"$RD/err"
expect_eq "render: SOURCE_DATE_EPOCH is the pdf's creation date" "0:CreationDate:    2023-11-14T22:13:20Z" \
    "$?:$(pdfinfo -isodates "$RD/dated.pdf" 2>&1 | grep '^CreationDate')"
rd_dated 1700000000 build -o "$RD/dated2.pdf" "$RD_MAP" 2>"$RD/err"
expect_file "render: pdf with SOURCE_DATE_EPOCH: the same bytes" "$RD/dated.pdf" "$RD/dated2.pdf"
expect_eq "render: the date changes nothing else (same length)" "$(wc -c <"$RD/map.pdf")" "$(wc -c <"$RD/dated.pdf")"
for rd_v in yesterday -1 1.5 99999999999999999999 253402300800; do
    rd_dated "$rd_v" build -o "$RD/bad-date.pdf" "$RD_MAP" >/dev/null 2>"$RD/err"
    expect_eq "render: SOURCE_DATE_EPOCH=$rd_v is refused (exit 2, nothing written)" "2:no" \
        "$?:$([ -e "$RD/bad-date.pdf" ] && echo yes || echo no)"
done
grep -q "SOURCE_DATE_EPOCH must be a number of seconds since 1970" "$RD/err" \
    && pass "render: a bad SOURCE_DATE_EPOCH says what it must be" || fail "render: a bad SOURCE_DATE_EPOCH says what it must be" "$(cat "$RD/err")"
rd_dated yesterday build -T svg -o "$RD/date.svg" "$RD_MAP" >/dev/null 2>&1
expect_eq "render: SOURCE_DATE_EPOCH matters only to pdf (svg: exit status)" "0" "$?"

# (the dark page and the chart's pdf: Graphviz's and cairo's work, in the
# normal run only)
if [ -z "${LADDERC_SANITIZED:-}" ]; then
# the page is the drawing: no blank margin around a dark map (the corner
# pixel, as poppler draws the page, is the page's colour, not white)
rd_run "--theme dark -o dark.pdf" 0 build --theme dark -o "$RD/dark.pdf" "$RD_MAP"
rd_corner=$(pdftoppm -r 10 -x 0 -y 0 -W 1 -H 1 "$RD/dark.pdf" 2>/dev/null | od -An -tu1 | tr -s ' \n' ' ' | awk '{ print $(NF - 2) + $(NF - 1) + $NF }')
[ -n "$rd_corner" ] && [ "$rd_corner" -lt 300 ] && pass "render: a dark pdf is dark to the page's edge" \
    || fail "render: a dark pdf is dark to the page's edge" "corner: $rd_corner (R+G+B)"

rd_run "chart -T pdf" 0 chart -T pdf -o "$RD/chart.pdf" "$RD_FW" senior staff manager
pdftotext "$RD/chart.pdf" - 2>/dev/null | grep -c 'Senior Engineer (L5)\|Staff Engineer (L6..L7)\|Engineering Manager (M5)' >"$RD/n"
expect_eq "render: chart pdf: pdftotext finds the three roles" "3" "$(cat "$RD/n")"
rd_run "chart -o chart.pdf (from the extension)" 0 chart -o "$RD/chart2.pdf" "$RD_FW" senior staff manager
expect_file "render: chart pdf: the same bytes" "$RD/chart.pdf" "$RD/chart2.pdf"
fi

# ---- --dpi and --scale --------------------------------------------------

rd_run "png at the default dpi" 0 build -o "$RD/96.png" "$RD_MAP"
rd_size96=$(rd_png_size "$RD/96.png")
rd_run "--dpi 48" 0 build --dpi 48 -o "$RD/48.png" "$RD_MAP"
rd_near "$(rd_half "$rd_size96")" "$(rd_png_size "$RD/48.png")" && pass "render: --dpi 48 halves the png's pixels" \
    || fail "render: --dpi 48 halves the png's pixels" "96: $rd_size96, 48: $(rd_png_size "$RD/48.png")"
rd_run "--scale 0.5" 0 build --scale 0.5 -o "$RD/half.png" "$RD_MAP"
expect_file "render: --scale 0.5 is --dpi 48 (the same bytes)" "$RD/48.png" "$RD/half.png"
rd_run "--dpi=192 --scale=0.25" 0 build --dpi=192 --scale=0.25 -o "$RD/quarter.png" "$RD_MAP"
expect_file "render: --dpi 192 --scale 0.25 is --dpi 48 (the = forms too)" "$RD/48.png" "$RD/quarter.png"
[ -s "$RD/err" ] && fail "render: a png within the limit gets no note" "$(cat "$RD/err")" \
    || pass "render: a png within the limit gets no note"

rd_pdf1=$(rd_pdf_size "$RD/map.pdf")
rd_run "pdf --scale 0.5" 0 build --scale 0.5 -o "$RD/half.pdf" "$RD_MAP"
rd_near "$(rd_half "$rd_pdf1")" "$(rd_pdf_size "$RD/half.pdf")" && pass "render: --scale 0.5 halves the pdf's page" \
    || fail "render: --scale 0.5 halves the pdf's page" "1: $rd_pdf1, 0.5: $(rd_pdf_size "$RD/half.pdf")"
rd_run "pdf --dpi 300" 0 build --dpi 300 -o "$RD/dpi.pdf" "$RD_MAP"
expect_file "render: --dpi leaves a pdf as it is (points, not pixels)" "$RD/map.pdf" "$RD/dpi.pdf"

for rd_f in svg dot md json; do
    rd_lc build -T $rd_f "$RD_MAP" >"$RD/plain.$rd_f" 2>/dev/null
    rd_lc build -T $rd_f --dpi 300 --scale 2.5 "$RD_MAP" >"$RD/sized.$rd_f" 2>"$RD/err"
    expect_eq "render: -T $rd_f with --dpi and --scale (exit status)" "0" "$?"
    expect_file "render: $rd_f is the same bytes with --dpi 300 --scale 2.5" "$RD/plain.$rd_f" "$RD/sized.$rd_f"
done
rd_lc chart "$RD_FW" senior staff >"$RD/plain-chart.svg" 2>/dev/null
rd_lc chart --dpi 300 --scale 3 "$RD_FW" senior staff >"$RD/sized-chart.svg" 2>/dev/null
expect_file "render: chart svg is the same bytes with --dpi and --scale" "$RD/plain-chart.svg" "$RD/sized-chart.svg"
rd_run "chart png --scale 0.5" 0 chart --scale 0.5 -o "$RD/chart-half.png" "$RD_FW" senior staff
rd_run "chart png" 0 chart -o "$RD/chart.png" "$RD_FW" senior staff
rd_near "$(rd_half "$(rd_png_size "$RD/chart.png")")" "$(rd_png_size "$RD/chart-half.png")" \
    && pass "render: chart --scale 0.5 halves the png" || fail "render: chart --scale 0.5 halves the png"
rd_run "chart png --dpi 96 --scale 1" 0 chart --dpi 96 --scale 1 -o "$RD/chart-96.png" "$RD_FW" senior staff
expect_file "render: --dpi 96 --scale 1 is the default" "$RD/chart.png" "$RD/chart-96.png"

# ---- the largest picture ------------------------------------------------

# rd_wide: a 5 KB ladder drawn 41550 x 3326 pixels at 96 dpi: a role whose
# name is 3,600 letters long and 90 tracks in the legend
awk 'BEGIN { print "levels L1..L9"
             for (i = 0; i < 90; i++) printf "track t%d \"T%d\"\n", i, i
             s = sprintf("%3600s", ""); gsub(/ /, "w", s)
             printf "role a \"%s\" track t0 level L1 at (1, 1)\n", s
             print "role b \"B\" track t1 level L2 at (90, 90)" }' >"$RD/wide.ladder"

# rd_long: a role 3,600 letters long and nothing else to speak of: a
# drawing 31234 points wide, cheap to lay out
awk 'BEGIN { print "levels L1..L9"; print "track t0 \"T0\""; print "track t1 \"T1\""
             s = sprintf("%3600s", ""); gsub(/ /, "w", s)
             printf "role a \"%s\" track t0 level L1 at (1, 1)\n", s
             print "role b \"B\" track t1 level L2 at (90, 90)" }' >"$RD/long.ladder"

# rd_check_cap NAME PNG: the note names a size over the limit that needs
# more than 400 MB of canvas (so the limit is what the test is about), and
# the size drawn, which the PNG's header has, within the limit
rd_check_cap() {
    rd_note=$(grep '^ladderc: note: ' "$RD/err")
    rd_got=$(rd_png_size "$2")
    echo "$rd_note" | awk -v got="$rd_got" '
        $0 !~ /^ladderc: note: a [0-9]+ x [0-9]+ pixel PNG is over the limit \(8192 a side, 16777216 in all\); drawn at [0-9]+ x [0-9]+$/ { exit 1 }
        { aw = $4; ah = $6; w = $(NF - 2); h = $NF
          if (aw * ah * 4 <= 400e6 || aw <= 8192 && ah <= 8192 && aw * ah <= 16777216) exit 1
          if (w > 8192 || h > 8192 || w * h > 16777216 || w "x" h != got) exit 1 }' \
        && pass "render: $1: drawn within the limit ($rd_got), and the note says so" \
        || fail "render: $1: drawn within the limit, and the note says so" "note: $rd_note; png: $rd_got; stderr: $(head -c 600 "$RD/err")"
    expect_eq "render: $1: one line on stderr" "1" "$(wc -l <"$RD/err")"
}

# ulimit -v counts address space, and glibc gives each thread that mallocs
# (pango starts some) an arena that reserves 64 MB of it: without
# MALLOC_ARENA_MAX the peak of one PNG varied from 160 to 390 MB, run to
# run, at any size; with 2 arenas it is 175 to 190 MB here, canvas
# included. The old code needed 344 MB for the canvas alone (cairo's
# 32767-pixel clamp of 41550 x 3326) and crashed (exit 139) at this limit.
# ulimit -v does not mix with the sanitizers' shadow memory: the sanitized
# run draws the same pictures without the limit.
rd_limit=""
[ -z "${LADDERC_SANITIZED:-}" ] && rd_limit="ulimit -v 400000;"
rd_limited() { no_lsan env MALLOC_ARENA_MAX=2 sh -c "$rd_limit"' exec timeout 60 "$@"' sh "$LADDERC" "$@"; }
rd_limited build -o "$RD/wide.png" "$RD/wide.ladder" >"$RD/out" 2>"$RD/err"
expect_eq "render: a 41550-pixel-wide png under a 400 MB limit (exit status)" "0" "$?"
rd_check_cap "wide ladder at 96 dpi" "$RD/wide.png"
rd_limited build --dpi 1200 -o "$RD/big.png" "$RD_MAP" >"$RD/out" 2>"$RD/err"
expect_eq "render: the skills map at 1200 dpi under a 400 MB limit (exit status)" "0" "$?"
rd_check_cap "skills map at 1200 dpi" "$RD/big.png"
# the size asked is the drawing's: 12.5 times its 96-dpi PNG (each side
# within the rounding of that PNG's, 12.5 x 0.5 pixels)
sed -n 's/^ladderc: note: a \([0-9]*\) x \([0-9]*\) pixel PNG.*/\1x\2/p' "$RD/err" | awk -Fx -v s="$rd_size96" '
    { split(s, n, "x"); d = $1 - 12.5 * n[1]; e = $2 - 12.5 * n[2]; exit !(d * d <= 40 && e * e <= 40) }' \
    && pass "render: the note's size asked is 12.5 times the 96-dpi PNG's" \
    || fail "render: the note's size asked is 12.5 times the 96-dpi PNG's" "96 dpi: $rd_size96; $(cat "$RD/err")"

# with the diagnostics as JSON on standard error (the picture on standard
# output), the note stays out of the one JSON text there
rd_lc build --diagnostics=json -T pdf "$RD/long.ladder" >"$RD/json.pdf" 2>"$RD/err"
expect_eq "render: --diagnostics=json, pdf to stdout, over the limit: stderr is one JSON text" "0:[]" \
    "$?:$(jq -c . "$RD/err" 2>&1)"
rd_lc build --diagnostics=json -o "$RD/json.pdf" "$RD/long.ladder" >"$RD/out" 2>"$RD/err"
expect_eq "render: --diagnostics=json with -o: JSON on stdout, the note on stderr" "0:[]:1" \
    "$?:$(jq -c . "$RD/out" 2>&1):$(grep -Ec '^ladderc: note: a [0-9]+ x [0-9]+ point PDF page is over the limit' "$RD/err")"

rd_run "pdf of a drawing 31234 points wide" 0 build -o "$RD/wide.pdf" "$RD/long.ladder"
rd_size=$(rd_pdf_size "$RD/wide.pdf")
echo "$rd_size" | awk -Fx '{ exit !($1 <= 14400 && $2 <= 14400 && $1 >= 14000) }' \
    && pass "render: a pdf page is at most 14400 points a side ($rd_size)" \
    || fail "render: a pdf page is at most 14400 points a side" "$rd_size"
grep -Eq '^ladderc: note: a [0-9]+ x [0-9]+ point PDF page is over the limit \(14400 a side\); drawn at [0-9]+ x [0-9]+$' "$RD/err" \
    && pass "render: a pdf page over the limit gets a note" || fail "render: a pdf page over the limit gets a note" "$(cat "$RD/err")"

# ---- usage errors: exit 2, a message, nothing written -----------------------

# rd_refused NAME MESSAGE ARGS...: exit 2, MESSAGE on the first line of
# stderr, no OUT written
rd_refused() {
    rd_name=$1 rd_msg=$2
    shift 2
    rm -f "$RD/refused.png"
    rd_lc "$@" >"$RD/out" 2>"$RD/err"
    expect_eq "render: $rd_name is refused (exit 2, nothing written)" "2:no" \
        "$?:$([ -e "$RD/refused.png" ] && echo yes || echo no)"
    expect_eq "render: $rd_name: the message" "ladderc: error: $rd_msg" "$(head -n 1 "$RD/err")"
}
for rd_v in 0 9 1201 96.0 1.5 -5 +96 96x x 0x60 1e2 ''; do
    rd_refused "--dpi '$rd_v'" "--dpi needs a whole number from 10 to 1200, not '$rd_v'" \
        build --dpi "$rd_v" -o "$RD/refused.png" "$RD_MAP"
done
for rd_v in 0 0.09 10.01 11 -1 +1 1e1 nan inf . 1. 0x1 1,5 ''; do
    rd_refused "--scale '$rd_v'" "--scale needs a number from 0.1 to 10 (such as 1.5), not '$rd_v'" \
        build --scale="$rd_v" -o "$RD/refused.png" "$RD_MAP"
done
rd_refused "--theme blue" "unknown theme 'blue': use light or dark" build --theme blue -o "$RD/refused.png" "$RD_MAP"
rd_refused "--theme Dark" "unknown theme 'Dark': use light or dark" build --theme=Dark -o "$RD/refused.png" "$RD_MAP"
rd_refused "--layout diagonal" "unknown layout 'diagonal': use relative or exact" \
    build --layout diagonal -o "$RD/refused.png" "$RD_MAP"
rd_refused "--dpi without a value" "option '--dpi' needs a value" build -o "$RD/refused.png" "$RD_MAP" --dpi
rd_refused "--layout on chart" "unknown option '--layout'" chart --layout exact -o "$RD/refused.png" "$RD_FW" senior
rd_refused "chart --scale 20" "--scale needs a number from 0.1 to 10 (such as 1.5), not '20'" \
    chart --scale 20 -o "$RD/refused.png" "$RD_FW" senior
rd_refused "chart --theme grey" "unknown theme 'grey': use light or dark" chart --theme grey -o "$RD/refused.png" "$RD_FW" senior
rd_refused "-T gif" "unknown format 'gif': use svg, png, pdf, dot, md, json or html" build -T gif -o "$RD/refused.png" "$RD_MAP"
rd_refused "chart -T md" "unknown chart format 'md': use svg, png, pdf or dot" chart -T md -o "$RD/refused.png" "$RD_FW" senior
rd_run "-- ends the options: --dpi after it is a FILE" 2 build -T dot -- --dpi
grep -q "cannot read '--dpi'" "$RD/err" && pass "render: -- then --dpi: read as a FILE" \
    || fail "render: -- then --dpi: read as a FILE" "$(cat "$RD/err")"

# the help names every option
rd_lc build -h >"$RD/help" 2>&1
rd_missing=""
for rd_t in "pdf" "--dpi N" "--scale F" "--theme light|dark" "--layout relative|exact" "8192" "SOURCE_DATE_EPOCH"; do
    grep -qF -- "$rd_t" "$RD/help" || rd_missing="$rd_missing [$rd_t]"
done
expect_eq "render: build -h names pdf and every picture option" "" "$rd_missing"
rd_lc chart -h >"$RD/help" 2>&1
grep -qF -- "--theme light|dark" "$RD/help" && grep -qF -- "pdf" "$RD/help" && ! grep -qF -- "--layout" "$RD/help" \
    && pass "render: chart -h names pdf and --theme, not --layout" || fail "render: chart -h names pdf and --theme, not --layout"

# ---- --layout and --theme reach the library ---------------------------------

# ladderc build -T dot --layout L --theme T prints what the library writes
# with ld_config.layout and .theme set so (config_dot, the public API alone)
if ${CC:-cc} -std=c11 -Wall -Wextra -Werror -O1 -D_POSIX_C_SOURCE=200809L -I"$ROOT/include" \
    -o "$RD/config_dot" "$ROOT/tests/internal/config_dot.c" "$ROOT/build/libladder.a" -lm 2>"$RD/cc.err"; then
    for rd_l in file relative exact; do
        for rd_t in light dark; do
            rd_flags=""
            [ $rd_l != file ] && rd_flags="--layout $rd_l"
            "$RD/config_dot" $rd_l $rd_t "$RD_MAP" >"$RD/want.dot" 2>"$RD/err"
            # shellcheck disable=SC2086
            rd_lc build -T dot $rd_flags --theme $rd_t "$RD_MAP" >"$RD/got.dot" 2>>"$RD/err"
            expect_file "render: build --layout $rd_l --theme $rd_t: the library's DOT for them" "$RD/want.dot" "$RD/got.dot"
        done
        "$RD/config_dot" $rd_l light "$RD_MAP" >"$RD/want.dot" 2>"$RD/err"
        rd_lc build -T dot $rd_flags "$RD_MAP" >"$RD/got.dot" 2>>"$RD/err"
        expect_file "render: build --layout $rd_l without --theme: the light theme" "$RD/want.dot" "$RD/got.dot"
    done
    # a file that says 'layout exact': --layout relative overrides it
    { echo 'layout exact'; cat "$RD_MAP"; } >"$RD/exact.ladder"
    for rd_l in file relative exact; do
        rd_flags=""
        [ $rd_l != file ] && rd_flags="--layout $rd_l"
        "$RD/config_dot" $rd_l light "$RD/exact.ladder" >"$RD/want.dot" 2>"$RD/err"
        rd_lc build -T dot $rd_flags "$RD/exact.ladder" >"$RD/got-$rd_l.dot" 2>>"$RD/err"
        expect_file "render: 'layout exact' in the file, build --layout $rd_l: the library's DOT" "$RD/want.dot" "$RD/got-$rd_l.dot"
    done
    # and the flags change the picture (the library's tests say how)
    rd_lc build -T dot "$RD_MAP" >"$RD/default.dot" 2>/dev/null
    for rd_f in "--theme dark" "--layout exact"; do
        # shellcheck disable=SC2086
        rd_lc build -T dot $rd_f "$RD_MAP" >"$RD/other.dot" 2>/dev/null
        cmp -s "$RD/default.dot" "$RD/other.dot" && fail "render: build $rd_f changes the map" \
            || pass "render: build $rd_f changes the map"
    done
    cmp -s "$RD/got-file.dot" "$RD/got-relative.dot" && fail "render: --layout relative overrides the file's 'layout exact'" \
        || pass "render: --layout relative overrides the file's 'layout exact'"
    for rd_t in light dark; do
        "$RD/config_dot" file $rd_t "$RD_FW" senior staff >"$RD/want.dot" 2>"$RD/err"
        rd_lc chart -T dot --theme $rd_t "$RD_FW" senior staff >"$RD/got.dot" 2>>"$RD/err"
        expect_file "render: chart --theme $rd_t: the library's chart for it" "$RD/want.dot" "$RD/got.dot"
    done
else
    fail "render: tests/internal/config_dot.c compiles" "$(head -20 "$RD/cc.err")"
fi
