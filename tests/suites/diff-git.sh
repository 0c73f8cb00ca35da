# diff-git.sh - the recipes of docs/diff.md, run for real: the `git diff`
# driver (its two lines taken from the page) in a temporary repository:
# a file that imports another and both changed, a file only
# reordered and realigned, one added, one deleted, an uncommitted change, and
# a version that no longer checks with the work tree's imports, a file in a
# folder importing from above, a file renamed; `ladderc diff --git REV
# FILE` and `REV:FILE` on the same commits; and the pull-request workflow,
# examples/ci/ladder-diff.yml: parsed (pins, permissions, history), the same
# as the page shows, its diff step's and post step's scripts run against a
# clone with a base branch and a pull request branch (a ladder with errors, a
# diff too long for a comment), with a stand-in `gh` that answers with jq and
# records what it was asked.
# Sourced by tests/run.sh (helpers: pass, fail, expect_eq, expect_file).

DG="$TMP/diff-git"
rm -rf "$DG"
mkdir -p "$DG/repo" "$DG/bin" "$DG/home" "$DG/runner" "$DG/tmp"
# ladderc and the driver on the PATH under their own names, as installed
ln -s "$LADDERC" "$DG/bin/ladderc"
ln -s "$ROOT/scripts/git-diff-ladder" "$DG/bin/git-diff-ladder"
DG_DOC="$ROOT/docs/diff.md"
DG_WF="$ROOT/examples/ci/ladder-diff.yml"

# dg_in DIR CMD...: CMD in DIR with a git of no user or system configuration,
# ladderc and the driver on the PATH
dg_in() (
    cd "$1" || exit 2
    shift
    export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$DG/home/.gitconfig" HOME="$DG/home" \
        GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t \
        GIT_COMMITTER_EMAIL=t@example.com GIT_PAGER=cat PATH="$DG/bin:$PATH" TMPDIR="$DG/tmp"
    unset LADDERC
    timeout 60 "$@"
)
dg_git() { dg_in "$DG/repo" git "$@"; }

# dg_block START FENCE FILE: the lines of the first block fenced by FENCE
# (```sh, ```yaml, ```) after the first line of FILE that is START
dg_block() {
    awk -v start="$1" -v fence="$2" '
        $0 == start { found = 1; next }
        found == 1 && $0 == fence { found = 2; next }
        found == 2 && /^```$/ { exit }
        found == 2 { print }' "$3"
}

# ---- the repository: the first two commits ---------------------------------

cat >"$DG/repo/company.ladder" <<'EOF'
# company.ladder - the scale, the tracks and the roles every team shares
ladder "Acme engineering"
levels L1..L6
track ic      "Individual contributor"
track manager "Engineering management"
years promotion 2..4
role cto "Chief Technology Officer" track manager level L6 at (90, 80)
EOF
cat >"$DG/repo/team.ladder" <<'EOF'
# team.ladder - one team's roles on the company's tracks
import "company.ladder"

role engineer "Engineer"        track ic      level L1..L2 at (10, 10)
role senior   "Senior Engineer" track ic      level L3     at (30, 40)
role staff    "Staff Engineer"  track ic      level L4..L5 at (50, 70)
role director "Director"        track manager level L5     at (70, 60)

engineer -> senior
senior   -> staff
staff    -> director lateral
director -> cto
EOF
cat >"$DG/repo/lab.ladder" <<'EOF'
# lab.ladder - a research track of its own
levels R1..R3
track research "Research"
role researcher        "Researcher"        track research level R1     at (20, 30)
role senior_researcher "Senior Researcher" track research level R2..R3 at (40, 60)
researcher -> senior_researcher
EOF
dg_git init -q -b main
dg_git add -A
dg_git commit -qm "one"
dg_git tag one

# two: company.ladder renames a track, team.ladder (which imports it) renames
# a role and gives a move its own years, lab.ladder is only reordered and
# realigned
sed 's/"Individual contributor"/"Engineering"/' "$DG/repo/company.ladder" >"$DG/c" && mv "$DG/c" "$DG/repo/company.ladder"
sed 's/"Senior Engineer"/"Senior Software Engineer"/; s/^senior   -> staff$/senior   -> staff    years 3..5/' \
    "$DG/repo/team.ladder" >"$DG/t" && mv "$DG/t" "$DG/repo/team.ladder"
cat >"$DG/repo/lab.ladder" <<'EOF'
researcher   ->   senior_researcher   # the only promotion

role senior_researcher "Senior Researcher" track research level R2..R3 at (40, 60)
role researcher        "Researcher"        track research level R1     at (20, 30)

	track research "Research"
levels R1..R3
# lab.ladder - a research track of its own
EOF
dg_git commit -qam "two"

# ---- the driver, set up as docs/diff.md says ------------------------------------

dg_block 'Then, in each repository:' '```sh' "$DG_DOC" >"$DG/recipe.sh"
expect_eq "diff-git: docs/diff.md has the recipe's two lines" \
    "echo '*.ladder diff=ladder' >>.gitattributes
git config diff.ladder.command git-diff-ladder" "$(cat "$DG/recipe.sh")"
dg_in "$DG/repo" sh -e "$DG/recipe.sh"
expect_eq "diff-git: the recipe ran in the repository" \
    "*.ladder diff=ladder|git-diff-ladder" "$(cat "$DG/repo/.gitattributes")|$(dg_git config diff.ladder.command)"
dg_git add .gitattributes
dg_git commit -qm "attributes"

# git diff between the first two commits: what docs/diff.md shows
# shellcheck disable=SC2016
dg_block '## In `git diff`' '```' "$DG_DOC" >"$DG/doc-example"
dg_git diff HEAD~2 HEAD~1 >"$DG/out" 2>"$DG/err"
expect_eq "diff-git: git diff HEAD~2 HEAD~1 ran (exit status, stderr)" "0|" "$?|$(cat "$DG/err")"
expect_file "diff-git: git diff shows ladderc diff per file, each file's own changes, as docs/diff.md shows" \
    "$DG/doc-example" "$DG/out"
dg_git diff --no-ext-diff HEAD~2 HEAD~1 -- lab.ladder >"$DG/lines"
expect_eq "diff-git: the lines of lab.ladder did change (its 'no changes' is the driver's)" \
    "yes yes" "$(grep -q '^-[^-]' "$DG/lines" && echo yes) $(grep -q '^+[^+]' "$DG/lines" && echo yes)"
dg_git log -p --ext-diff -1 HEAD~1 --format=%s >"$DG/out"
expect_eq "diff-git: git log -p --ext-diff uses the driver" \
    "two|ladderc diff a/company.ladder b/company.ladder" "$(sed -n '1p' "$DG/out")|$(grep -m1 '^ladderc diff' "$DG/out")"

# ---- ladderc diff --git REV FILE and REV:FILE: the whole ladder --------------

cat >"$DG/want" <<'EOF'
1 track changed, 1 role changed, 1 move changed

Tracks:
company.ladder:4: track 'ic' name: 'Individual contributor' -> 'Engineering'

Roles:
team.ladder:5: role 'senior' name: 'Senior Engineer' -> 'Senior Software Engineer'

Moves:
team.ladder:10: move senior -> staff years: 2..4 -> 3..5 (its own years)
EOF
dg_in "$DG/repo" ladderc diff --git HEAD~2 team.ladder >"$DG/out" 2>&1
expect_eq "diff-git: ladderc diff --git HEAD~2 team.ladder (exit status)" 0 "$?"
expect_file "diff-git: --git REV FILE reads the import at REV: the track's change too, at its line in company.ladder" \
    "$DG/want" "$DG/out"
dg_in "$DG/repo" ladderc diff HEAD~2:team.ladder team.ladder >"$DG/out" 2>&1
expect_file "diff-git: REV:FILE is the same" "$DG/want" "$DG/out"

# ---- an uncommitted change: NEW is the work tree's file ------------------------

printf 'role lead "Team Lead" track manager level L4 at (60, 50)\n' >>"$DG/repo/team.ladder"
dg_git diff >"$DG/out" 2>&1
cat >"$DG/want" <<'EOF'
ladderc diff a/team.ladder b/team.ladder
1 role added

Roles:
b/team.ladder:13: role 'lead' added: 'Team Lead', track manager, L4
EOF
expect_file "diff-git: git diff of the work tree" "$DG/want" "$DG/out"
dg_git checkout -q team.ladder

# ---- three: a role removed from the imported file and its use from the other;
# a file added, one deleted --------------------------------------------------

grep -v '^role cto' "$DG/repo/company.ladder" >"$DG/c" && mv "$DG/c" "$DG/repo/company.ladder"
grep -v '^director -> cto' "$DG/repo/team.ladder" >"$DG/t" && mv "$DG/t" "$DG/repo/team.ladder"
printf 'levels L1..L2\ntrack ic "IC"\nrole a "A" track ic level L1 at (1, 1)\n' >"$DG/repo/extra.ladder"
dg_git rm -q lab.ladder
dg_git add -A
dg_git commit -qm "three"
dg_git tag three
dg_git diff HEAD~1 HEAD >"$DG/out" 2>"$DG/err"
expect_eq "diff-git: git diff HEAD~1 HEAD ran (exit status, stderr)" "0|" "$?|$(cat "$DG/err")"
cat >"$DG/want" <<'EOF'
ladderc diff a/company.ladder b/company.ladder
1 role removed

Roles:
a/company.ladder:7: role 'cto' removed: 'Chief Technology Officer', track manager, L6
ladderc diff a/extra.ladder b/extra.ladder
a new file: showing the lines instead
--- /dev/null
+++ b/extra.ladder
@@ -0,0 +1,3 @@
+levels L1..L2
+track ic "IC"
+role a "A" track ic level L1 at (1, 1)
ladderc diff a/lab.ladder b/lab.ladder
a deleted file: showing the lines instead
--- a/lab.ladder
+++ /dev/null
@@ -1,8 +0,0 @@
-researcher   ->   senior_researcher   # the only promotion
-
-role senior_researcher "Senior Researcher" track research level R2..R3 at (40, 60)
-role researcher        "Researcher"        track research level R1     at (20, 30)
-
-	track research "Research"
-levels R1..R3
-# lab.ladder - a research track of its own
ladderc diff a/team.ladder b/team.ladder
a/team.ladder:12:13: error: undefined role 'cto'; declare it with a 'role cto ...' line [E110]
   12 | director -> cto
      |             ^~~
1 error generated.
a version does not check with the work tree's imports: showing the lines instead
--- a/team.ladder
+++ b/team.ladder
@@ -9,4 +9,3 @@
 engineer -> senior
 senior   -> staff    years 3..5
 staff    -> director lateral
-director -> cto
EOF
expect_file "diff-git: an added and a deleted file, and a version that no longer checks with the work tree's imports: their lines, with the reason" \
    "$DG/want" "$DG/out"
cat >"$DG/want" <<'EOF'
1 role removed, 1 promotion removed

Roles:
HEAD~1:./company.ladder:7: role 'cto' removed: 'Chief Technology Officer', track manager, L6

Moves:
HEAD~1:./team.ladder:12: move director -> cto removed: promotion, 2..4 years
EOF
dg_in "$DG/repo" ladderc diff --git HEAD~1 team.ladder >"$DG/out" 2>&1
expect_file "diff-git: the same change through --git: each version with its own imports, removed things named at their revision" \
    "$DG/want" "$DG/out"

# a file in a folder, importing from the folder above; git diff run from
# that folder (git runs the driver from the top)
mkdir "$DG/repo/teams"
printf 'import "../company.ladder"\nrole sre "Site Reliability Engineer" track ic level L3 at (35, 45)\n' \
    >"$DG/repo/teams/ops.ladder"
dg_git add teams/ops.ladder
dg_git commit -qm "four"
printf 'role sre_lead "SRE Lead" track manager level L5 at (60, 55)\nsre -> sre_lead\n' >>"$DG/repo/teams/ops.ladder"
dg_git commit -qam "five"
dg_in "$DG/repo/teams" git diff HEAD~1 HEAD >"$DG/out" 2>&1
cat >"$DG/want" <<'EOF'
ladderc diff a/teams/ops.ladder b/teams/ops.ladder
1 role added, 1 promotion added

Roles:
b/teams/ops.ladder:3: role 'sre_lead' added: 'SRE Lead', track manager, L5

Moves:
b/teams/ops.ladder:4: move sre -> sre_lead added: promotion, 2..4 years
EOF
expect_file "diff-git: a file in a folder importing ../company.ladder, git diff run from the folder" "$DG/want" "$DG/out"

# a file renamed and changed: git gives the driver the new path too
dg_git mv teams/ops.ladder teams/sre.ladder
sed 's/"SRE Lead"/"SRE Manager"/' "$DG/repo/teams/sre.ladder" >"$DG/s" && mv "$DG/s" "$DG/repo/teams/sre.ladder"
dg_git commit -qam "six"
dg_git diff -M HEAD~1 HEAD >"$DG/out" 2>&1
cat >"$DG/want" <<'EOF'
ladderc diff a/teams/ops.ladder b/teams/sre.ladder
1 role changed

Roles:
b/teams/sre.ladder:3: role 'sre_lead' name: 'SRE Lead' -> 'SRE Manager'
EOF
expect_file "diff-git: a file renamed and changed: the old and the new path" "$DG/want" "$DG/out"

expect_eq "diff-git: the driver leaves no temporary folder behind" "" "$(ls "$DG/tmp")"

# the driver outside git: a usage error, and without ladderc a line diff
dg_in "$DG/repo" git-diff-ladder a b >"$DG/out" 2>"$DG/err"
expect_eq "diff-git: git-diff-ladder with too few arguments: usage, exit status 2" \
    "2|usage: git-diff-ladder" "$?|$(cut -c1-22 "$DG/err")"
dg_in "$DG/repo" env LADDERC=/nonexistent/ladderc git-diff-ladder team.ladder "$DG/repo/company.ladder" 0 100644 \
    "$DG/repo/team.ladder" 0 100644 >"$DG/out" 2>&1
expect_eq "diff-git: the driver without ladderc: the reason, the lines, exit status 0" \
    "0|git-diff-ladder: '/nonexistent/ladderc' not found (install ladderc, or set LADDERC): showing the lines instead" \
    "$?|$(sed -n 2p "$DG/out")"

# ---- the framework of examples/framework/, shuffled and reformatted in git ----

# Its files import each other: committed as written, then as shuffle_ladder.py
# rewrites them (every file both shuffled and reformatted), every file is no
# change, through --git (each version with its imports at its revision) and
# through the driver (imports from the work tree: the rewritten ones)
mkdir -p "$DG/fw"
cp "$ROOT"/examples/framework/*.ladder "$DG/fw/"
dg_in "$DG/fw" git init -q -b main
dg_in "$DG/fw" sh -e "$DG/recipe.sh"
dg_in "$DG/fw" git add -A
dg_in "$DG/fw" git commit -qm "as written"
(cd "$DG/fw" && python3 "$ROOT/tests/tools/shuffle_ladder.py" --only-both --out "$DG/fwv" ./*.ladder) >/dev/null
cp "$DG"/fwv/both/*.ladder "$DG/fw/"
rm "$DG"/fw/*.mut.ladder
dg_in "$DG/fw" git commit -qam "shuffled and reformatted"
dg_fw_rc=""
for dg_f in backend company compare frontend; do
    dg_in "$DG/fw" ladderc diff --exit-code --git HEAD~1 "$dg_f.ladder" >>"$DG/fw.out" 2>&1
    dg_fw_rc="$dg_fw_rc$?"
done
expect_eq "diff-git: the framework shuffled and reformatted, through --git: no changes in each file" \
    "0000|no changes|no changes|no changes|no changes" "$dg_fw_rc|$(paste -sd '|' "$DG/fw.out")"
dg_in "$DG/fw" git diff HEAD~1 >"$DG/out" 2>&1
expect_eq "diff-git: the framework shuffled and reformatted, through git diff: no changes in each file" \
    "4 4" "$(grep -c '^ladderc diff a/' "$DG/out") $(grep -cx 'no changes' "$DG/out")"

# ---- the pull-request workflow ------------------------------------------------

awk '/^```yaml$/ { f = 1; next } f && /^```$/ { exit } f' "$DG_DOC" >"$DG/doc-wf.yml"
expect_file "diff-git: docs/diff.md shows examples/ci/ladder-diff.yml as it is" "$DG_WF" "$DG/doc-wf.yml"

# the YAML, through a real YAML parser (python3-yaml comes with pre-commit,
# which scripts/deps.sh test installs): its shape, and each step's script and
# environment written out for the runs below, the expressions replaced by
# what GitHub would give this pull request
cat >"$DG/wf.py" <<'EOF'
import json, re, sys, yaml
wf_path, out = sys.argv[1:3]
wf = yaml.safe_load(open(wf_path))
on = wf.get('on', wf.get(True))    # YAML 1.1 reads a bare `on` as true
job = wf['jobs']['diff']
steps = job['steps']
values = {'github.base_ref': 'main', 'github.event.pull_request.number': '7', 'github.token': 'test-token'}


def expand(text):
    def one(m):
        if m.group(1) not in values:
            raise SystemExit('an expression the test does not know: ' + m.group(0))
        return values[m.group(1)]
    return re.sub(r'\$\{\{\s*([^}]*?)\s*\}\}', one, str(text))


checks = {
    'on pull_request, for ladders': on['pull_request']['paths'] == ['**.ladder'],
    'permissions: contents read, pull-requests write, nothing else':
        wf['permissions'] == {'contents': 'read', 'pull-requests': 'write'},
    'a runner image pinned by version': re.fullmatch(r'ubuntu-\d+\.\d+', job['runs-on']) is not None,
    'every action pinned by a commit hash':
        all(re.fullmatch(r'[\w.-]+/[\w.-]+@[0-9a-f]{40}', s['uses']) for s in steps if 'uses' in s),
    'checkout with the whole history, without keeping the token':
        steps[0]['uses'].startswith('actions/checkout@') and steps[0]['with'] == {'fetch-depth': 0, 'persist-credentials': False},
    'ladderc built at a pinned ref with its deps.sh and installed':
        'LADDERC_REF' in steps[1]['env'] and 'scripts/deps.sh build' in steps[1]['run'] and 'make install' in steps[1]['run'],
    'no expression pasted into a script': not any('${{' in s.get('run', '') for s in steps),
    'the diff step uses ladderc diff -T md --git': 'ladderc diff -T md --git' in steps[2]['run'],
    'the post step runs only where the token can write': 'head.repo.full_name == github.repository' in steps[3]['if'],
}
for name, ok in checks.items():
    print(('ok ' if ok else 'FAIL ') + name)
for i, name in ((2, 'diff'), (3, 'post')):
    s = steps[i]
    with open('%s/%s.sh' % (out, name), 'w') as f:
        f.write(s['run'])
    with open('%s/%s.env' % (out, name), 'w') as f:
        for k, v in s.get('env', {}).items():
            f.write('%s=%s\n' % (k, expand(v)))
    print('shell %s %s' % (name, s.get('shell', '')))
EOF
command python3 "$DG/wf.py" "$DG_WF" "$DG" >"$DG/wf.report" 2>&1
expect_eq "diff-git: the workflow parsed" "0" "$?"
while IFS= read -r dg_line; do
    case $dg_line in
    "ok "*) pass "diff-git: workflow: ${dg_line#ok }" ;;
    "FAIL "*) fail "diff-git: workflow: ${dg_line#FAIL }" ;;
    "shell "*) expect_eq "diff-git: workflow: the $(echo "$dg_line" | cut -d' ' -f2) step runs in bash" bash "${dg_line##* }" ;;
    *) fail "diff-git: workflow: $dg_line" ;;
    esac
done <"$DG/wf.report"

# dg_step NAME DIR [VAR=VALUE...]: runs the step's script in DIR as GitHub
# runs a bash step, with the step's environment (VAR=VALUE overriding it), a
# summary file, the repository's name, a temporary folder
dg_step() {
    dg_name=$1 dg_dir=$2
    shift 2
    # shellcheck disable=SC2046
    dg_in "$dg_dir" env $(cat "$DG/$dg_name.env") "$@" GITHUB_STEP_SUMMARY="$DG/summary" \
        GITHUB_REPOSITORY=acme/ladders RUNNER_TEMP="$DG/runner" \
        bash --noprofile --norc -eo pipefail "$DG/$dg_name.sh" >"$DG/$dg_name.out" 2>"$DG/$dg_name.err"
}

# the pull request: main is the first commit, the branch the third; a clone,
# as the checkout makes one (origin/main there)
dg_git checkout -q -b topic three
dg_git branch -q -f main one
dg_in "$DG" git clone -q repo pr
dg_step diff "$DG/pr"
expect_eq "diff-git: workflow: the diff step ran (exit status, stderr)" "0|" "$?|$(cat "$DG/diff.err")"
cat >"$DG/want" <<'EOF'
<!-- ladderc diff -->
What this pull request changes in the ladders (`ladderc diff` against main at XXX):

## `company.ladder`

**Ladder changes:** 1 track changed, 1 role removed

### Tracks

| Change | What | Old | New | Where |
| --- | --- | --- | --- | --- |
| name | track 'ic' | Individual contributor | Engineering | company.ladder:4 |

### Roles

| Change | What | Old | New | Where |
| --- | --- | --- | --- | --- |
| removed | role 'cto' | 'Chief Technology Officer', track manager, L6 |  | XXX:./company.ladder:7 |

## `extra.ladder`

A new ladder.

## `lab.ladder`

Deleted.

## `team.ladder`

**Ladder changes:** 1 track changed, 1 role removed, 1 role changed, 1 promotion removed, 1 move changed

### Tracks

| Change | What | Old | New | Where |
| --- | --- | --- | --- | --- |
| name | track 'ic' | Individual contributor | Engineering | company.ladder:4 |

### Roles

| Change | What | Old | New | Where |
| --- | --- | --- | --- | --- |
| name | role 'senior' | Senior Engineer | Senior Software Engineer | team.ladder:5 |
| removed | role 'cto' | 'Chief Technology Officer', track manager, L6 |  | XXX:./company.ladder:7 |

### Moves

| Change | What | Old | New | Where |
| --- | --- | --- | --- | --- |
| years | move senior -\> staff (its own years) | 2..4 | 3..5 | team.ladder:10 |
| removed | move director -\> cto | promotion, 2..4 years |  | XXX:./team.ladder:12 |
EOF
# the base is a commit's short hash: XXX in the expected text
dg_base=$(dg_in "$DG/pr" git rev-parse --short origin/main)
sed "s/$dg_base/XXX/g" "$DG/runner/comment.md" >"$DG/comment"
expect_file "diff-git: workflow: the comment: a section per changed ladder, each diffed with its imports at the base" \
    "$DG/want" "$DG/comment"
expect_file "diff-git: workflow: the run's summary has the comment" "$DG/runner/comment.md" "$DG/summary"
cmark-gfm -e table "$DG/runner/comment.md" >"$DG/comment.html" 2>&1
expect_eq "diff-git: workflow: cmark-gfm reads the comment: its tables and a heading per file" "5 4" \
    "$(grep -c '<table>' "$DG/comment.html") $(grep -c '<h2>' "$DG/comment.html")"

# a version that does not check: its diagnostics in the comment, the step passes
printf 'senior -> ghost\n' >>"$DG/pr/team.ladder"
dg_in "$DG/pr" git commit -qam "broken"
dg_step diff "$DG/pr"
expect_eq "diff-git: workflow: a ladder with errors: the step passes" "0|" "$?|$(cat "$DG/diff.err")"
sed -n '/^## `team.ladder`/,$p' "$DG/runner/comment.md" >"$DG/out"
cat >"$DG/want" <<'EOF'
## `team.ladder`

A version does not check:

````
team.ladder:12:11: error: undefined role 'ghost'; declare it with a 'role ghost ...' line [E110]
   12 | senior -> ghost
      |           ^~~~~
1 error generated.
````
EOF
expect_file "diff-git: workflow: a ladder with errors: its diagnostics in a code block" "$DG/want" "$DG/out"

# a diff longer than a comment holds: cut at a line, whole in the summary.
# 700 roles renamed, on a base of their own (origin/big)
awk 'BEGIN { print "levels L1..L2"; print "track ic \"IC\"";
    for (i = 1; i <= 700; i++) printf "role r%d \"Role number %d of a long ladder\" track ic level L1 at (%d, %d)\n", i, i, i % 100, i / 10 }' \
    >"$DG/pr/big.ladder"
dg_in "$DG/pr" git add big.ladder
dg_in "$DG/pr" git commit -qm "big"
dg_in "$DG/pr" git update-ref refs/remotes/origin/big HEAD
sed 's/"Role number/"Renamed role number/' "$DG/pr/big.ladder" >"$DG/big" && mv "$DG/big" "$DG/pr/big.ladder"
dg_in "$DG/pr" git commit -qam "big renamed"
: >"$DG/summary"
dg_step diff "$DG/pr" BASE_REF=big
expect_eq "diff-git: workflow: a long diff: the step passes" "0|" "$?|$(cat "$DG/diff.err")"
expect_eq "diff-git: workflow: a long diff: the comment is cut at a line under 65,536 characters, and says so" \
    "yes|(cut: the whole diff is in the summary of the workflow run)" \
    "$([ "$(wc -c <"$DG/runner/comment.md")" -le 60100 ] && echo yes)|$(tail -n 1 "$DG/runner/comment.md")"
expect_eq "diff-git: workflow: a long diff: the summary has all of it" "700" \
    "$(grep -c '^| name | role .r[0-9]*. | Role number' "$DG/summary")"

# the post step, with a stand-in gh: `api --paginate` answers from a file
# of comments through the step's own jq filter (with jq, as gh's --jq does)
cat >"$DG/bin/gh" <<'EOF'
#!/bin/sh
echo "gh $*" >>"$DG_GH_LOG"
if [ "$1 $2" = "api --paginate" ]; then
    [ "$4" = --jq ] || { echo "gh stand-in: want --jq" >&2; exit 2; }
    jq -r "$5" "$DG_GH_COMMENTS"
fi
exit 0
EOF
chmod +x "$DG/bin/gh"
export DG_GH_LOG="$DG/gh.log" DG_GH_COMMENTS="$DG/comments.json"
printf '[{"id": 1, "user": {"login": "alice"}, "body": "<!-- ladderc diff --> not the bot"},
  {"id": 2, "user": {"login": "github-actions[bot]"}, "body": "coverage: 90%%"}]\n' >"$DG/comments.json"
: >"$DG/gh.log"
dg_step post "$DG/pr"
expect_eq "diff-git: workflow: no comment of ours yet: one posted" \
    "0|gh api --paginate repos/acme/ladders/issues/7/comments|gh pr comment 7 --body-file $DG/runner/comment.md" \
    "$?|$(sed -n 1p "$DG/gh.log" | cut -d' ' -f1-4)|$(sed -n '2,$p' "$DG/gh.log")"
printf '[{"id": 2, "user": {"login": "github-actions[bot]"}, "body": "coverage: 90%%"},
  {"id": 42, "user": {"login": "github-actions[bot]"}, "body": "<!-- ladderc diff -->\\n# Ladder changes"}]\n' \
    >"$DG/comments.json"
: >"$DG/gh.log"
dg_step post "$DG/pr"
expect_eq "diff-git: workflow: our comment exists: it is edited, no other" \
    "0|gh api --method PATCH repos/acme/ladders/issues/comments/42 -F body=@$DG/runner/comment.md" \
    "$?|$(sed -n 2p "$DG/gh.log")"
unset DG_GH_LOG DG_GH_COMMENTS
