# watch.sh - `ladderc build --watch`: a ladder edited while it is watched,
# OUT checked after each save (a change, a mistake that keeps the last good
# OUT, the fix, a save by rename, an edit of an imported file behind a
# symbolic link, a file deleted and recreated, a file read only once it is
# whole), an import that does not exist yet picked up when it appears, one
# JSON array of diagnostics per build, no CPU while idle, SIGINT and SIGTERM
# ending it with status 0 and no temporary file; usage errors at once.
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq).
#
# runner: background
# (it mostly waits: each rebuild comes 100 ms after its save)
#
# Deterministic: every wait polls for what the watch prints (a status line
# counted with grep -c), bounded at 20 s only to catch a hang, never a fixed
# sleep as the assertion. The two sleeps below are windows in which nothing
# must happen (no CPU; no build of a file still being written).

WA="$TMP/watch"
rm -rf "$WA"
mkdir -p "$WA/proj/lib" "$WA/shared" "$WA/out"

# wa_lines PATTERN: how many lines of the watch's stderr match PATTERN
wa_lines() { grep -c -- "$1" "$WA/err" 2>/dev/null || :; }

# wa_wait NAME PATTERN COUNT: passes once the watch's stderr has COUNT lines
# matching PATTERN; fails after 20 s (a hang, or a status never printed),
# or at once when the watch has ended
wa_wait() {
    _wa_i=0
    while [ "$(wa_lines "$2")" -lt "$3" ]; do
        _wa_i=$((_wa_i + 1))
        if [ "$_wa_i" -gt 400 ] || [ -z "$wa_ladderc" ] || [ ! -e "/proc/$wa_ladderc" ]; then
            fail "watch: $1" "no line '$2' (#$3) within 20 s, or the watch ended; stderr:
$(tail -n 20 "$WA/err")"
            return 1
        fi
        sleep 0.05
    done
    pass "watch: $1"
}

# wa_has NAME PATTERN FILE: FILE has a line matching PATTERN
wa_has() {
    grep -q -- "$2" "$3" && pass "watch: $1" || fail "watch: $1" "no '$2' in $3:
$(head -n 20 "$3")"
}

# wa_start DIR ARGS...: ladderc build --watch ARGS in DIR, in the background
# (under timeout, which gives it SIGINT back: a shell's background job
# ignores it); $wa_pid is timeout's, $wa_ladderc ladderc's
wa_start() {
    _wa_dir=$1
    shift
    : >"$WA/err"
    (cd "$_wa_dir" && exec timeout 120 "$LADDERC" build --watch "$@") >"$WA/stdout" 2>"$WA/err" </dev/null &
    wa_pid=$!
    wa_ladderc=""
    _wa_i=0
    while [ -z "$wa_ladderc" ] && [ "$_wa_i" -lt 400 ] && [ -e "/proc/$wa_pid/stat" ]; do
        wa_ladderc=$(ps -o pid= --ppid "$wa_pid" | tr -d ' ')
        [ -n "$wa_ladderc" ] || sleep 0.05
        _wa_i=$((_wa_i + 1))
    done
}

# wa_stop NAME SIGNAL: sends SIGNAL to ladderc; it must end with status 0
wa_stop() {
    kill -"$2" "$wa_ladderc" 2>/dev/null
    wait "$wa_pid"
    expect_eq "watch: $1" "0" "$?"
}

# wa_cpu PID: its CPU time so far (user + system), in clock ticks (-1000
# when it is gone: the checks below then fail)
wa_cpu() { [ -n "$1" ] && awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo -1000; }

# wa_wakeups PID: how many times it has gone to sleep and been woken
wa_wakeups() {
    [ -n "$1" ] && awk '/^voluntary_ctxt_switches:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo -1000
}

# ---- usage errors: at once, exit 2 ------------------------------------------

# the import is a symbolic link to a file in another folder, edited there
printf 'levels L3..L8\ntrack ic "IC"\n' >"$WA/shared/base.ladder"
ln -s ../../shared/base.ladder "$WA/proj/lib/base.ladder"
printf 'import "lib/base.ladder"\nrole eng "Engineer" track ic level L4 at (10, 10)\n' >"$WA/proj/map.ladder"

wa_usage() {
    _wa_name=$1
    shift
    (cd "$WA/proj" && timeout 10 "$LADDERC" build "$@") >"$WA/out.txt" 2>"$WA/usage.err" </dev/null
    expect_eq "watch: $_wa_name exits 2 at once" "2" "$?"
}
wa_usage "no FILE" --watch -o "$WA/out/x.md"
wa_usage "no -o (standard output)" --watch -T md map.ladder
wa_has "no -o says why" "--watch needs -o OUT" "$WA/usage.err"
wa_usage "-o - (standard output)" --watch -T md -o - map.ladder
wa_usage "standard input as FILE" --watch -o "$WA/out/x.md" -
wa_has "standard input says why" "--watch needs a FILE to watch" "$WA/usage.err"
wa_usage "a FILE that cannot be read" --watch -o "$WA/out/x.md" nope.ladder
wa_has "a FILE that cannot be read says so" "cannot read 'nope.ladder'" "$WA/usage.err"
wa_usage "OUT that is FILE" --watch -T md -o map.ladder map.ladder
expect_eq "watch: nothing written by the usage errors" "" "$(ls "$WA/out")"

# ---- a watched ladder, edited ---------------------------------------------------

OUT="$WA/out/map.md"
wa_start "$WA/proj" -o "$OUT" map.ladder
wa_wait "the first build" "^ladderc: built '$OUT'" 1
wa_wait "FILE and its import are watched" "^ladderc: watching 2 files for changes" 1
wa_has "the first build wrote OUT" "| Engineer | \`eng\`" "$OUT"

# idle: no busy loop, the process sleeps in poll() (a loop would burn the
# window's 50 ticks; a few are allowed for the scheduler's accounting), and
# not even a timer wakes it (a poll with a timeout would switch back in)
wa_c0=$(wa_cpu "$wa_ladderc") wa_s0=$(wa_wakeups "$wa_ladderc")
sleep 0.5
wa_c1=$(wa_cpu "$wa_ladderc") wa_s1=$(wa_wakeups "$wa_ladderc")
[ "$wa_c0" -ge 0 ] && [ "$wa_c1" -ge 0 ] && [ $((wa_c1 - wa_c0)) -le 2 ] && pass "watch: no CPU while idle" \
    || fail "watch: no CPU while idle" "$((wa_c1 - wa_c0)) clock ticks in 0.5 s"
expect_eq "watch: no wakeup while idle" "0 0" "$((wa_s1 - wa_s0)) $((wa_s1 < 0))"

# 1. a change, written in place
printf 'import "lib/base.ladder"\nrole eng "Engineer II" track ic level L4 at (10, 10)\n' >"$WA/proj/map.ladder"
wa_wait "a save is rebuilt" "^ladderc: rebuilt '$OUT'" 1
wa_has "OUT has the change" "| Engineer II | \`eng\`" "$OUT"
cp "$OUT" "$WA/good.md"
wa_stat=$(stat -c '%i %y' "$OUT")

# 2. a mistake: the diagnostic, and the last good OUT kept
printf 'role x "X" track nope level L4 at (1, 1)\n' >>"$WA/proj/map.ladder"
wa_wait "a save with an error keeps the last good OUT" "^ladderc: errors: kept the last good '$OUT'" 1
wa_has "the error is printed as build prints it" "^map.ladder:3:18: error: undefined track 'nope'.*\[E110\]" "$WA/err"
wa_has "with the summary" "^1 error generated\.$" "$WA/err"
cmp -s "$WA/good.md" "$OUT" && pass "watch: OUT unchanged after the error" \
    || fail "watch: OUT unchanged after the error" "$(diff "$WA/good.md" "$OUT" | head -10)"
expect_eq "watch: OUT not even replaced after the error (inode, time)" "$wa_stat" "$(stat -c '%i %y' "$OUT")"

# 3. the fix, saved as editors do: a temporary file renamed over the file
printf 'import "lib/base.ladder"\nrole eng "Engineer II" track ic level L4 at (10, 10)\nrole sen "Senior" track ic level L5 at (20, 20)\n' >"$WA/proj/.map.ladder.swp"
mv "$WA/proj/.map.ladder.swp" "$WA/proj/map.ladder"
wa_wait "a save by rename is rebuilt" "^ladderc: rebuilt '$OUT'" 2
wa_has "OUT has the fix" "| Senior | \`sen\`" "$OUT"

# 4. an edit of the imported file, where its link leads
printf 'levels L3..L8\ntrack ic "Individual contributor"\n' >"$WA/shared/base.ladder"
wa_wait "an edit of an imported file (behind a link) is rebuilt" "^ladderc: rebuilt '$OUT'" 3
wa_has "OUT has the import's change" "| Senior | \`sen\` | Individual contributor |" "$OUT"

# 5. deleted, then recreated (a git checkout): still watched
cp "$WA/proj/map.ladder" "$WA/map.keep"
rm "$WA/proj/map.ladder"
wa_wait "a deleted FILE keeps the last good OUT" "^ladderc: failed: kept the last good '$OUT'" 1
wa_has "a deleted FILE is reported" "cannot read 'map.ladder'" "$WA/err"
sed 's/"Senior"/"Senior Engineer"/' "$WA/map.keep" >"$WA/proj/map.ladder"
wa_wait "a recreated FILE is rebuilt" "^ladderc: rebuilt '$OUT'" 4
wa_has "OUT has the recreated FILE" "| Senior Engineer | \`sen\`" "$OUT"

# 6. a file being written is read once it is closed, not half-written (the
# half alone is a syntax error): a build in the pause would print an error
exec 3>"$WA/proj/map.ladder"
printf 'import "lib/base.ladder"\nrole eng "Engineer" track' >&3
sleep 0.3
printf ' ic level L4 at (10, 10)\n' >&3
exec 3>&-
wa_wait "a file written in two parts is rebuilt" "^ladderc: rebuilt '$OUT'" 5
expect_eq "watch: no build of the half-written file" "1 1" \
    "$(wa_lines "^ladderc: errors:") $(wa_lines "^ladderc: failed:")"
wa_has "OUT has the whole file" "| Engineer | \`eng\`" "$OUT"

# SIGINT (Ctrl-C): status 0, nothing left beside OUT
wa_stop "SIGINT ends the watch with status 0" INT
expect_eq "watch: no temporary file left in OUT's folder" "map.md" "$(ls -A "$WA/out")"
expect_eq "watch: nothing on standard output" "" "$(cat "$WA/stdout")"

# ---- an import that does not exist yet ------------------------------------------

mkdir -p "$WA/late"
printf 'levels L3..L8\ntrack ic "IC"\nimport "parts/roles.ladder"\n' >"$WA/late/map.ladder"
wa_start "$WA/late" --diagnostics=json -o "$WA/out/late.md" map.ladder
wa_wait "a first build with errors" "^ladderc: errors: '$WA/out/late.md' not written" 1
wa_has "the missing import is reported" "cannot read 'parts/roles.ladder', imported here" "$WA/stdout"
# the folder first (awaited in its parent: it builds again, still without
# the file), then the file in it
mkdir "$WA/late/parts"
wa_wait "a folder on an import's path, made, is built again" "^ladderc: errors: '$WA/out/late.md' not written" 2
printf 'role eng "Engineer" track ic level L4 at (10, 10)\n' >"$WA/late/parts/roles.ladder.tmp"
mv "$WA/late/parts/roles.ladder.tmp" "$WA/late/parts/roles.ladder"
wa_wait "an import created in a new folder is built" "^ladderc: rebuilt '$WA/out/late.md'" 1
wa_has "OUT has the new import's role" "| Engineer | \`eng\`" "$WA/out/late.md"
wa_stop "SIGTERM ends the watch with status 0" TERM
expect_eq "watch: --diagnostics=json writes one array per build" "1 1 0" \
    "$(jq -s -r 'map(length) | join(" ")' "$WA/stdout" 2>&1)"
expect_eq "watch: no temporary file left (SIGTERM)" "late.md map.md" "$(ls -A "$WA/out" | tr '\n' ' ' | sed 's/ $//')"
