# boundary.sh - the boundaries of `ladderc path` that data cases cannot
# reach (the runner appends the file name, and path takes FILE FROM TO):
# --max on and beside its limits, FROM == TO, a file with errors or only
# warnings. The rules' and the other options' boundaries are data cases in
# tests/cases/boundary/. Sourced by tests/run.sh (helpers: pass, fail,
# expect_eq, expect_file).

BD="$TMP/boundary"
mkdir -p "$BD"
# bd_run CMD...: "STATUS|STDOUT|STDERR" of CMD, run in $BD (so that
# diagnostics name the files as given)
bd_run() {
    (cd "$BD" && "$@") >"$BD/out" 2>"$BD/err"
    bd_rc=$?
    printf '%s|%s|%s' "$bd_rc" "$(cat "$BD/out")" "$(cat "$BD/err")"
}

# Two routes from a to d: by b (2..4 years) and by c (4..6 years).
cat >"$BD/two.ladder" <<'LADDER'
levels L3..L11
track ic "IC"
years promotion 1..2
role a "A" track ic level L5 at (10, 10)
role b "B" track ic level L6 at (20, 20)
role c "C" track ic level L6 at (30, 30)
role d "D" track ic level L7 at (40, 40)
a -> b
b -> d
a -> c years 3..4
c -> d
LADDER
bd_r1='2..4 years: A -(promotion)-> B -(promotion)-> D'
bd_r2='4..6 years: A -(promotion)-> C -(promotion)-> D'
bd_usage=$("$LADDERC" path -h)

expect_eq "boundary: path --max 0 is refused" "2||ladderc: error: --max needs a number from 1 to 1000, not '0'
$bd_usage" "$(bd_run "$LADDERC" path --max 0 two.ladder a d)"
expect_eq "boundary: path --max 1 prints the fastest route only" "0|$bd_r1|" \
    "$(bd_run "$LADDERC" path --max 1 two.ladder a d)"
expect_eq "boundary: path --max 2 prints both routes" "0|$bd_r1
$bd_r2|" "$(bd_run "$LADDERC" path --max 2 two.ladder a d)"
expect_eq "boundary: path --max 1000 (the limit) prints the two there are" "0|$bd_r1
$bd_r2|" "$(bd_run "$LADDERC" path --max 1000 two.ladder a d)"
expect_eq "boundary: path --max 1001 is refused" "2||ladderc: error: --max needs a number from 1 to 1000, not '1001'
$bd_usage" "$(bd_run "$LADDERC" path --max 1001 two.ladder a d)"

expect_eq "boundary: path FROM == TO (one id) is refused" \
    "2||ladderc: error: FROM and TO are the same role, 'a'" "$(bd_run "$LADDERC" path two.ladder a a)"
expect_eq "boundary: path FROM == TO (an id and the same role's name) is refused" \
    "2||ladderc: error: FROM and TO are the same role, 'a'" "$(bd_run "$LADDERC" path two.ladder a A)"
expect_eq "boundary: path to the next role, one move" "0|1..2 years: A -(promotion)-> B|" \
    "$(bd_run "$LADDERC" path two.ladder a b)"
expect_eq "boundary: path against the moves: no route (exit 1)" "1||ladderc: no route from 'd' to 'a'" \
    "$(bd_run "$LADDERC" path two.ladder d a)"

# One error: the routes are not searched, the diagnostics are printed, exit 1.
sed 's/^role d "D" track ic level L7/role d "D" track ic level L12/' "$BD/two.ladder" >"$BD/error.ladder"
expect_eq "boundary: path on a file with one error exits 1" "1||error.ladder:7:27: error: level L12 is outside the scale L3..L11 [E113]
    7 | role d \"D\" track ic level L12 at (40, 40)
      |                           ^~~
1 error generated." "$(bd_run "$LADDERC" path error.ladder a b)"
# Only a warning: the routes are printed, exit 0.
sed 's/^role c "C" track ic level L6 at (30, 30)/role c "C" track ic level L6 at (5, 30)/' "$BD/two.ladder" >"$BD/warning.ladder"
expect_eq "boundary: path on a file with only a warning exits 0" "0|$bd_r1
4..6 years: A -(promotion)-> C -(promotion)-> D|warning.ladder:10:1: warning: promotion from 'a' to 'c' needs fewer soft skills (x 10 to 5): career progression requires growth in soft skills [W170]
   10 | a -> c years 3..4
      | ^~~~~~~~~~~~~~~~~
1 warning generated." "$(bd_run "$LADDERC" path warning.ladder a d)"
bd_got=$(bd_run "$LADDERC" path --werror warning.ladder a d)
expect_eq "boundary: path --werror on a file with only a warning exits 1, nothing on stdout" "1||" "${bd_got%%warning.ladder:*}"

# -T: text and md are the formats; any other word is refused.
expect_eq "boundary: path -T md" "0|| # | Route | Steps | Years |
| --- | --- | --- | --- |
| 1 | A → (promotion) B → (promotion) D | 2 | 2..4 |
| 2 | A → (promotion) C → (promotion) D | 2 | 4..6 ||" "$(bd_run "$LADDERC" path -T md two.ladder a d)"
expect_eq "boundary: path -T text is the default" "0|$bd_r1
$bd_r2|" "$(bd_run "$LADDERC" path -T text two.ladder a d)"
expect_eq "boundary: path -T html is refused" "2||ladderc: error: unknown format 'html': path prints text or md
$bd_usage" "$(bd_run "$LADDERC" path -T html two.ladder a d)"

# '-' is standard input, once: the second '-' is a usage error; after '--'
# it is still standard input; './-' is a file named '-'.
printf 'levels L3..L11\nlevels L3..L11\n' >"$BD/dup.ladder"
cp "$BD/dup.ladder" "$BD/-"
bd_dup="2:1: error: duplicate 'levels' statement [E101]"
bd_got=$(bd_run sh -c '"$1" check - <dup.ladder' sh "$LADDERC")
expect_eq "boundary: check - reads standard input once" "1||<stdin>:$bd_dup" "$(printf '%s' "$bd_got" | head -n 1)"
bd_got=$(bd_run sh -c '"$1" check -- - <dup.ladder' sh "$LADDERC")
expect_eq "boundary: check -- - is still standard input" "1||<stdin>:$bd_dup" "$(printf '%s' "$bd_got" | head -n 1)"
bd_got=$(bd_run sh -c '"$1" check - - <dup.ladder' sh "$LADDERC")
expect_eq "boundary: check - - is a usage error" "2||ladderc: error: '-' (standard input) can be given only once" \
    "$(printf '%s' "$bd_got" | head -n 1)"
bd_got=$(bd_run sh -c '"$1" check ./- </dev/null' sh "$LADDERC")
expect_eq "boundary: check ./- reads the file named '-'" "1||./-:$bd_dup" "$(printf '%s' "$bd_got" | head -n 1)"
