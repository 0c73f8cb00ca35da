# std-ladders.sh - the shipped ladders (share/ladderc/std/) and the framework
# split across files (examples/framework/):
#   1. each shipped file checks alone with no diagnostic at all;
#   2. every company of std/big-tech.ladder says where its mapping comes from
#      (a "# Source: URL" line in its "# --- ID: Name ---" block) and when it
#      was checked ("# Checked: YYYY-MM-DD against ..."), and no block names a
#      company the file does not define;
#   3. each example of examples/framework/ checks with no diagnostic, its
#      imports followed by ladderc itself ("std/..." from share/ladderc/std/
#      beside the binary), each file once;
#   4. `make install` puts the shipped ladders in PREFIX/share/ladderc/std/,
#      beside PREFIX/bin/ladderc's folder, where the binary looks for them.
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq, expect_file).

SD="$TMP/std-ladders"
mkdir -p "$SD"
SD_STD="$ROOT/share/ladderc/std"
SD_FW="$ROOT/examples/framework"

# sd_check NAME FILE: `ladderc check FILE` exits 0 and prints nothing
sd_check() {
    timeout 10 "$LADDERC" check "$2" >"$SD/out" 2>"$SD/err"
    sd_rc=$?
    if [ "$sd_rc" = 0 ] && [ ! -s "$SD/out" ] && [ ! -s "$SD/err" ]; then
        pass "std-ladders: $1"
    else
        fail "std-ladders: $1" "exit status $sd_rc; stdout: $(head -c 300 "$SD/out"); stderr: $(head -c 600 "$SD/err")"
    fi
}

# ---- 1. every shipped ladder checks alone, with no diagnostic ---------------

sd_n=0
for sd_f in "$SD_STD"/*.ladder; do
    [ -f "$sd_f" ] || continue
    sd_n=$((sd_n + 1))
    sd_check "std/${sd_f##*/} checks alone with no diagnostic" "$sd_f"
done
[ "$sd_n" -ge 1 ] && pass "std-ladders: share/ladderc/std/ holds at least one ladder" \
    || fail "std-ladders: share/ladderc/std/ holds at least one ladder"

# ---- 2. every company of big-tech.ladder has its sources and its date -------

sd_bt="$SD_STD/big-tech.ladder"
# one line per company id: "ID SOURCES CHECKED DEFINED"
awk '
/^# --- [a-z][a-z0-9_]*: .* ---$/ { id = $3; sub(/:$/, "", id); block[id] = 1; next }
/^#/ && id != "" && /^# Source: https?:\/\/[^ ]+/ { src[id]++ }
/^#/ && id != "" && /^# Checked: [0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9] against ./ { chk[id]++ }
!/^#/ { id = "" }
/^company [a-z][a-z0-9_]* / { def[$2] = 1; block[$2] = block[$2] }
END { for (c in block) printf "%s %d %d %d\n", c, src[c], chk[c], (c in def) }' "$sd_bt" | sort >"$SD/companies"
sd_companies=$(awk '$4 == 1 { printf "%s ", $1 }' "$SD/companies")
[ -n "$sd_companies" ] && pass "std-ladders: big-tech.ladder defines companies ($sd_companies)" \
    || fail "std-ladders: big-tech.ladder defines companies"
while read -r sd_id sd_src sd_chk sd_def; do
    [ "$sd_def" = 1 ] && pass "std-ladders: big-tech block '$sd_id' names a company of the file" \
        || fail "std-ladders: big-tech block '$sd_id' names a company of the file" "no 'company $sd_id' statement"
    [ "$sd_src" -ge 1 ] && pass "std-ladders: big-tech company '$sd_id' has a '# Source: URL' line" \
        || fail "std-ladders: big-tech company '$sd_id' has a '# Source: URL' line" \
            "in its '# --- $sd_id: Name ---' block at the top of the file"
    expect_eq "std-ladders: big-tech company '$sd_id' has one '# Checked: DATE against ...' line" 1 "$sd_chk"
done <"$SD/companies"
for sd_core in google amazon microsoft meta apple; do
    grep -q "^$sd_core 1 1 1\$\|^$sd_core [1-9][0-9]* 1 1\$" "$SD/companies" \
        && pass "std-ladders: big-tech.ladder has $sd_core, sourced and dated" \
        || fail "std-ladders: big-tech.ladder has $sd_core, sourced and dated" "$(cat "$SD/companies")"
done
expect_eq "std-ladders: big-tech.ladder's scale is L3..L11 (what importers must use)" \
    "levels L3..L11" "$(grep '^levels ' "$sd_bt")"
expect_eq "std-ladders: big-tech.ladder's tracks are ic and manager" \
    "ic manager" "$(awk '/^track / { printf "%s%s", s, $2; s = " " }' "$sd_bt")"
# nothing an importer would have to leave out: no title, axis, box, years, role
expect_eq "std-ladders: big-tech.ladder has no ladder, axis, box, years or role statement" \
    "" "$(grep -E '^[ \t]*(ladder|axis|box|years|role)[ \t]' "$sd_bt")"

# ---- 3. each framework example checks with no diagnostic -------------------

sd_n=0
for sd_f in "$SD_FW"/*.ladder; do
    [ -f "$sd_f" ] || continue
    sd_n=$((sd_n + 1))
    sd_name=${sd_f##*/}
    sd_check "framework/$sd_name, with the files it imports, checks with no diagnostic" "$sd_f"
done
expect_eq "std-ladders: examples/framework/ holds the four files" 4 "$sd_n"
# each file once: compare.ladder reaches company.ladder three ways and
# std/big-tech.ladder twice
timeout 30 "$LADDERC" build -T json "$SD_FW/compare.ladder" >"$SD/compare.json" 2>"$SD/err"
expect_eq "std-ladders: compare.ladder loads big-tech.ladder once (one google)" 1 \
    "$(jq '[.companies[] | select(.id == "google")] | length' "$SD/compare.json")"
# the discipline files add roles on the company's tracks, with ids of their own
expect_eq "std-ladders: backend.ladder and frontend.ladder define no role id twice" "" \
    "$(cat "$SD_FW/backend.ladder" "$SD_FW/frontend.ladder" | awk '$1 == "role" { print $2 }' | sort | uniq -d)"
# the framework builds a map and puts Acme beside Google
if timeout 30 "$LADDERC" build -T md -o "$SD/compare.md" "$SD_FW/compare.ladder" 2>"$SD/err"; then
    # (the columns' order is the order of definition, which imports decide)
    grep -q '^| Level |.* Google |.* Acme |\|^| Level |.* Acme |.* Google |' "$SD/compare.md" \
        && pass "std-ladders: compare.ladder's Markdown puts Acme beside Google and Amazon" \
        || fail "std-ladders: compare.ladder's Markdown puts Acme beside Google and Amazon" "$(head -8 "$SD/compare.md")"
else
    fail "std-ladders: compare.ladder builds to Markdown" "$(head -c 600 "$SD/err")"
fi

# ---- 4. make install puts the shipped ladders beside bin/ ---------------------
# (once: the sanitized rerun would copy the same files again and test no code
# of ladderc; -o all: the tree is already built, and nothing is rebuilt under
# the other suites' feet)

if [ -z "${LADDERC_SANITIZED:-}" ]; then
    sd_dest="$SD/dest"
    if make --no-print-directory -s -C "$ROOT" -o all install DESTDIR="$sd_dest" PREFIX=/usr/local \
        >"$SD/out" 2>"$SD/err"; then
        pass "std-ladders: make install DESTDIR=... PREFIX=/usr/local succeeds"
    else
        fail "std-ladders: make install DESTDIR=... PREFIX=/usr/local succeeds" "$(head -c 600 "$SD/err")"
    fi
    for sd_f in "$SD_STD"/*.ladder; do
        sd_name=${sd_f##*/}
        if [ -f "$sd_dest/usr/local/share/ladderc/std/$sd_name" ]; then
            expect_file "std-ladders: make install puts std/$sd_name in PREFIX/share/ladderc/std/" \
                "$sd_f" "$sd_dest/usr/local/share/ladderc/std/$sd_name"
        else
            fail "std-ladders: make install puts std/$sd_name in PREFIX/share/ladderc/std/" \
                "missing: $sd_dest/usr/local/share/ladderc/std/$sd_name"
        fi
    done
    # the binary finds them as <its folder>/../share/ladderc/std/
    [ -x "$sd_dest/usr/local/bin/ladderc" ] && [ -f "$sd_dest/usr/local/bin/../share/ladderc/std/big-tech.ladder" ] \
        && pass "std-ladders: installed bin/ladderc has its std/ at ../share/ladderc/std/" \
        || fail "std-ladders: installed bin/ladderc has its std/ at ../share/ladderc/std/" "$(cd "$sd_dest" && find . | sort)"
    expect_eq "std-ladders: the installed ladders are readable by all (mode 644)" "644" \
        "$(stat -c %a "$sd_dest/usr/local/share/ladderc/std/big-tech.ladder" 2>&1)"
    # and it reads them there: the installed binary, in a folder with no
    # share/ of its own around, checks a file that imports std/
    mkdir -p "$SD/elsewhere"
    printf 'import "std/big-tech.ladder"\n\nrole dev "Developer" track ic level L4 at (10, 10)\n' >"$SD/elsewhere/mine.ladder"
    (cd "$SD/elsewhere" && timeout 30 "$sd_dest/usr/local/bin/ladderc" check mine.ladder >"$SD/out" 2>"$SD/err")
    expect_eq "std-ladders: the installed ladderc imports std/big-tech.ladder from PREFIX/share/ladderc/std/" \
        "0:" "$?:$(cat "$SD/err")"
fi
