# diff.sh - `ladderc diff`: versions read from git (--git REV FILE, REV:PATH,
# imports from the same revision, errors named by their version, unknown
# revisions, no git), Markdown that cmark-gfm renders as the names'
# characters, JSON that jq reads, -o and --exit-code, text that no name can
# turn into terminal controls, and work that follows the models' size
# (callgrind, inside ld_diff). The kinds of change themselves are data
# cases: tests/cases/diff/.
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq, expect_file).
# runner: budget 10
# (two runs under callgrind, together about 2.5 s of CPU; a diff of two
# 100,000-role versions, 0.5 s)

DF="$TMP/diff"
mkdir -p "$DF"
DF_CASES="$ROOT/tests/cases/diff"

# df_run ARGS...: ladderc ARGS, stdout in $DF/out, stderr in $DF/err; $df_rc
df_run() {
    timeout 30 "$LADDERC" "$@" >"$DF/out" 2>"$DF/err"
    df_rc=$?
}

# df_in DIR ARGS...: df_run ARGS in the folder DIR
df_in() {
    df_dir=$1
    shift
    (cd "$df_dir" && timeout 30 "$LADDERC" "$@" >"$DF/out" 2>"$DF/err")
    df_rc=$?
}

# df_has NAME FILE PATTERN: pass when FILE has a line matching PATTERN (grep -E)
df_has() {
    if grep -Eq -- "$3" "$2"; then pass "diff: $1"; else fail "diff: $1" "no line matches '$3' in:
$(head -20 "$2")"; fi
}

# ---- a file split into imports is no change ----
sed '/^company acme/,$d' "$DF_CASES/old/base.ladder" | sed '1a import "split-companies.ladder"' >"$DF/split.ladder"
sed -n '/^company acme/,$p' "$DF_CASES/old/base.ladder" >"$DF/split-companies.ladder"
df_run diff --exit-code "$DF_CASES/old/base.ladder" "$DF/split.ladder"
expect_eq "diff: the same ladder split into two files: no changes" "0:no changes" "$df_rc:$(cat "$DF/out")"

# ---- Markdown through cmark-gfm, with GitHub's extensions ----
df_in "$DF_CASES" diff -T md old/base.ladder md.ladder
expect_eq "diff: -T md (exit status, no diagnostics)" "0:" "$df_rc:$(cat "$DF/err")"
cmark-gfm -e table -e autolink -e strikethrough -e tagfilter "$DF/out" >"$DF/md.html"
expect_eq "diff: md: one table per kind of change" "7" "$(grep -c '<table>' "$DF/md.html")"
df_has "md: a name with | < > * renders as written, in its cell" "$DF/md.html" \
    '^<td>Engineer \| &lt;b&gt;Builder&lt;/b&gt; \*II\*</td>$'
df_has "md: a title with backticks stays text" "$DF/md.html" '^<td>Engineer `II`</td>$'
if grep -q '<b>\|<em>\|<code>' "$DF/md.html"; then
    fail "diff: md: no markup comes from a name" "$(grep '<b>\|<em>\|<code>' "$DF/md.html")"
else
    pass "diff: md: no markup comes from a name"
fi
df_has "md: the summary line first" "$DF/out" \
    '^\*\*Ladder changes:\*\* 1 default years changed, 1 box added, 1 box removed, 1 role changed, '
df_in "$DF_CASES" diff -T md old/base.ladder no-change.ladder
cmark-gfm -e table "$DF/out" >"$DF/md.html"
expect_eq "diff: md: no changes says so, without a table" "0:<p><strong>Ladder changes:</strong> no changes</p>" \
    "$(grep -c '<table>' "$DF/md.html"):$(cat "$DF/md.html")"

# ---- JSON through jq ----
df_in "$DF_CASES" diff -T json old/base.ladder roles.ladder
expect_eq "diff: -T json (exit status)" "0" "$df_rc"
expect_eq "diff: json: counts.changes is the list's length, and per kind" "10:10:true" \
    "$(jq -r '"\(.counts.changes):\(.changes | length):\(.counts.role == ([.changes[] | select(.kind == "role")] | length))"' "$DF/out")"
expect_eq "diff: json: every change has a kind, a change, a file, a line and its version" "true" \
    "$(jq '[.changes[] | (.kind and .change and .file and (.line | type == "number") and (.version == "new" or .version == "old"))] | all' "$DF/out")"
expect_eq "diff: json: a removed role points into the old version" "old/base.ladder:29:old" \
    "$(jq -r '.changes[] | select(.kind == "role" and .change == "removed") | "\(.file):\(.line):\(.version)"' "$DF/out")"
df_in "$DF_CASES" diff -T json old/base.ladder no-change.ladder
expect_eq "diff: json: no changes is an empty list with counts" "0:0:no changes" \
    "$(jq -r '"\(.changes | length):\(.counts.changes):\(.summary)"' "$DF/out")"

# ---- -o, --exit-code ----
df_in "$DF_CASES" diff old/base.ladder roles.ladder
cp "$DF/out" "$DF/stdout.txt"
df_in "$DF_CASES" diff -o "$DF/written.txt" old/base.ladder roles.ladder
expect_eq "diff: -o writes nothing to standard output" "0:" "$df_rc:$(cat "$DF/out")"
expect_file "diff: -o writes what standard output would have shown" "$DF/stdout.txt" "$DF/written.txt"
df_in "$DF_CASES" diff -o "$DF/no/such/dir/x.txt" old/base.ladder roles.ladder
expect_eq "diff: -o into a missing folder is an I/O error" "2" "$df_rc"
df_in "$DF_CASES" diff --exit-code -T md old/base.ladder roles.ladder
expect_eq "diff: --exit-code with changes: 3, and the diff printed" "3:yes" \
    "$df_rc:$(grep -q '^### Roles' "$DF/out" && echo yes)"
df_in "$DF_CASES" diff --exit-code old/broken.ladder roles.ladder
expect_eq "diff: --exit-code: a version with errors is still 1" "1" "$df_rc"

# ---- standard input ----
(cd "$DF_CASES" && timeout 30 "$LADDERC" diff - roles.ladder <old/base.ladder >"$DF/out" 2>"$DF/err")
df_rc=$?
expect_eq "diff: OLD from standard input: the same changes, a removed thing at <stdin>" "0:yes:yes" \
    "$df_rc:$(grep -q "^1 role added, 1 role removed, 3 roles changed" "$DF/out" && echo yes):$(grep -q "^<stdin>:29: role 'junior' removed" "$DF/out" && echo yes)"
df_run diff - - </dev/null
expect_eq "diff: standard input twice is a usage error" "2" "$df_rc"

# ---- text: no name becomes a terminal control ----
printf 'levels L1..L2\ntrack ic "IC"\nrole a "A" track ic level L1 at (1, 1)\n' >"$DF/t-old.ladder"
printf 'levels L1..L2\ntrack ic "IC"\nrole a "A\342\200\256B\033]0;x" track ic level L1 at (1, 1)\n' >"$DF/t-new.ladder"
df_run diff "$DF/t-old.ladder" "$DF/t-new.ladder"
if [ "$df_rc" = 1 ]; then
    # the checker refuses the escape byte: then the bidirectional override alone
    printf 'levels L1..L2\ntrack ic "IC"\nrole a "A\342\200\256B" track ic level L1 at (1, 1)\n' >"$DF/t-new.ladder"
    df_run diff "$DF/t-old.ladder" "$DF/t-new.ladder"
fi
expect_eq "diff: text: a name's bidirectional override and controls are masked" "0:0" \
    "$df_rc:$(LC_ALL=C grep -c "$(printf '\342\200\256')\|$(printf '\033')" "$DF/out")"
df_has "text: the masked name still shows" "$DF/out" "role 'a' name: 'A' -> 'A\?B"

# ---- versions from git ----
if ! command -v git >/dev/null 2>&1; then
    fail "diff: git is installed (scripts/deps.sh test)"
else
    R="$DF/repo"
    mkdir -p "$R/sub"
    df_git() { git -C "$R" -c user.name=t -c user.email=t@example.com -c init.defaultBranch=main "$@" >/dev/null 2>&1; }
    df_git init -q
    # a ladder that imports its companies: the import changes too, and must
    # be read at the same revision
    sed '/^company acme/,$d' "$DF_CASES/old/base.ladder" | sed '1a import "companies.ladder"' >"$R/ladder.ladder"
    sed -n '/^company acme/,$p' "$DF_CASES/old/base.ladder" >"$R/companies.ladder"
    df_git add -A
    df_git commit -qm one
    sed -i 's/"Engineering Manager"/"Engineering Lead"/' "$R/ladder.ladder"
    sed -i 's/"Associate"/"Associate Engineer"/' "$R/companies.ladder"
    df_git commit -qam two
    df_in "$R" diff --git HEAD~1 ladder.ladder
    expect_eq "diff: --git REV FILE (exit status, no diagnostics)" "0:" "$df_rc:$(cat "$DF/err")"
    df_has "--git: a change in FILE" "$DF/out" "^ladder.ladder:[0-9]+: role 'manager' name: 'Engineering Manager' -> 'Engineering Lead'$"
    df_has "--git: a change in a file it imports, read at the same revision" "$DF/out" \
        "^companies.ladder:[0-9]+: company 'acme' line ic L1 title: 'Associate' -> 'Associate Engineer'$"
    df_in "$R" diff HEAD~1:ladder.ladder HEAD:ladder.ladder
    expect_eq "diff: REV:PATH against REV:PATH: the same two changes" "0:2 changes" \
        "$df_rc:$(grep -c "^HEAD:./[a-z]*.ladder:[0-9]*: " "$DF/out") changes"
    df_in "$R/sub" diff --git HEAD~1 ../ladder.ladder
    expect_eq "diff: --git from a subfolder, FILE from there" "0:2" \
        "$df_rc:$(grep -c "^\.\./[a-z]*.ladder:[0-9]*: " "$DF/out")"
    df_in "$R/sub" diff HEAD~1:ladder.ladder HEAD:./../ladder.ladder
    expect_eq "diff: REV:PATH is from the top, REV:./PATH from here" "0:2" \
        "$df_rc:$(grep -c "^HEAD:./[a-z]*.ladder:[0-9]*: " "$DF/out")"
    df_in "$R" diff --exit-code --git HEAD ladder.ladder
    expect_eq "diff: --git HEAD on a clean tree: no changes (--exit-code 0)" "0:no changes" "$df_rc:$(cat "$DF/out")"

    # removed things name the old version's file, with its revision
    sed -i '/^senior   -> manager/d' "$R/ladder.ladder"
    df_in "$R" diff --git HEAD ladder.ladder
    df_has "--git: a removed thing names its file at the revision" "$DF/out" \
        "^HEAD:./ladder.ladder:[0-9]+: move senior -> manager removed: lateral, 1..2 years$"
    df_git checkout -- ladder.ladder

    # a version with errors: its diagnostics, each file named by its version
    printf 'junior -> nobody\n' >>"$R/companies.ladder"
    df_git commit -qam three
    (cd "$R" && git checkout -q HEAD~1 -- companies.ladder)
    df_in "$R" diff --git HEAD ladder.ladder
    expect_eq "diff: a version with errors at a revision: exit status 1, nothing on stdout" "1:" "$df_rc:$(cat "$DF/out")"
    df_has "errors at a revision name the file with it" "$DF/err" \
        "^HEAD:./companies.ladder:6:11: error: undefined role 'nobody'"
    df_has "errors at a revision: the count" "$DF/err" "^1 error generated\.$"
    df_git checkout -- companies.ladder

    df_in "$R" diff --git no-such-rev ladder.ladder
    expect_eq "diff: an unknown revision is an I/O error (2), nothing on stdout" "2:" "$df_rc:$(cat "$DF/out")"
    df_has "an unknown revision: git's reason" "$DF/err" \
        "^ladderc: error: cannot read 'no-such-rev:./ladder.ladder': fatal: .*no-such-rev"
    df_in "$R" diff HEAD:nothing.ladder ladder.ladder
    expect_eq "diff: a file not at the revision: 2" "2" "$df_rc"
    df_has "a file not at the revision: git's reason" "$DF/err" "does not exist in 'HEAD'"
    df_in "$R" diff --git HEAD ../outside.ladder
    expect_eq "diff: a FILE outside the repository: 2, said" "2:yes" \
        "$df_rc:$(grep -q 'outside the repository' "$DF/err" && echo yes)"
    df_in "$R" diff --git --bad ladder.ladder
    expect_eq "diff: a revision that would be an option of git's is a usage error" "2" "$df_rc"
    (cd "$R" && timeout 30 env PATH=/nonexistent "$LADDERC" diff --git HEAD ladder.ladder >"$DF/out" 2>"$DF/err")
    expect_eq "diff: no git: exit status 2, said" "2:yes" \
        "$?:$(grep -q "cannot read .*: cannot run git" "$DF/err" && echo yes)"
    df_in "$DF" diff --git HEAD t-old.ladder
    expect_eq "diff: --git outside a repository: 2, git's reason" "2:yes" \
        "$df_rc:$(grep -q 'not a git repository' "$DF/err" && echo yes)"
fi

# ---- work that follows the models' size ----
# df_ladder N V: N roles in a chain of lateral moves; version 2 renames one
# role in 1000, moves one to another track and drops one move
df_ladder() {
    awk -v n="$1" -v v="$2" 'BEGIN {
        print "levels L1..L5"; print "axis x \"S\" 0..1000"; print "axis y \"H\" 0..1000"
        print "track ic \"IC\""; print "track mgr \"Mgr\""
        for (i = 0; i < n; i++) {
            name = (v == 2 && i % 1000 == 7) ? "Renamed " i : "Role " i
            tr = (v == 2 && i % 1000 == 11) ? "mgr" : "ic"
            printf "role r%d \"%s\" track %s level L1 at (%d, %d)\n", i, name, tr, i % 1000, int(i / 1000)
        }
        for (i = 1; i < n; i++) if (!(v == 2 && i % 1000 == 13)) printf "r%d -> r%d lateral\n", i - 1, i
    }'
}
if [ -z "${LADDERC_SANITIZED:-}" ]; then
    df_ladder 100000 1 >"$DF/big1.ladder"
    df_ladder 100000 2 >"$DF/big2.ladder"
    df_run diff "$DF/big1.ladder" "$DF/big2.ladder"
    expect_eq "diff: two 100,000-role versions" "0:200 roles changed, 100 lateral moves removed:305" \
        "$df_rc:$(head -n 1 "$DF/out"):$(wc -l <"$DF/out" | tr -d ' ')"
    if ! command -v valgrind >/dev/null 2>&1; then
        fail "diff: valgrind is installed (scripts/deps.sh test)"
    else
        # instructions inside ld_diff for 2,000 and 16,000 roles: 8 times the
        # roles, 8.6 times the work here (sorting adds its log); a lookup by
        # scanning (quadratic) would be about 64 times
        for df_n in 2000 16000; do
            df_ladder $df_n 1 >"$DF/s1.ladder"
            df_ladder $df_n 2 >"$DF/s2.ladder"
            eval "df_i$df_n=\$(valgrind --tool=callgrind --callgrind-out-file=/dev/null --toggle-collect=ld_diff \
                \"\$LADDERC\" diff \"\$DF/s1.ladder\" \"\$DF/s2.ladder\" 2>&1 >/dev/null |
                sed -n 's/.*I *refs: *//p' | tr -d ,)"
        done
        # shellcheck disable=SC2154
        if [ -n "$df_i2000" ] && [ -n "$df_i16000" ] && [ "$df_i2000" -gt 0 ] && [ "$df_i16000" -lt $((df_i2000 * 12)) ]; then
            pass "diff: work grows with the models (8x the roles: $df_i2000 -> $df_i16000 instructions)"
        else
            fail "diff: work grows with the models" "8x the roles: ${df_i2000:-?} -> ${df_i16000:-?} instructions (limit 12x)"
        fi
    fi
fi
