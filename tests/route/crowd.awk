# crowd.awk - n roles at random points (a fixed seed, Park-Miller's
# generator in exact integer arithmetic, so every awk writes the same
# file), levels rising with the index, each role promoted to up to two of
# the next twelve: with 50 roles today's layout cannot keep them apart
# at its largest scale (a crowded map).   awk -v n=N -f crowd.awk
function rnd(k) { seed = (seed * 16807) % 2147483647; return seed % k }
BEGIN {
    seed = 7
    print "ladder \"Crowded\""
    print "axis x \"Soft skills\" 0..100"
    print "axis y \"Hard skills\" 0..100"
    print "levels L1..L10"
    print "track a \"Track A\""
    print "track b \"Track B\""
    print "track c \"Track C\""
    print "years promotion 2..3"
    for (i = 0; i < n; i++) {
        lv[i] = 1 + int(i * 10 / n)
        printf "role r%d \"Role number %d\" track %s level L%d at (%d, %d)\n", i, i, substr("abc", i % 3 + 1, 1), \
            lv[i], rnd(100), (lv[i] - 1) * 10 + rnd(9)
    }
    for (i = 0; i < n; i++)
        for (k = 0; k < 2; k++) {
            j = i + 1 + rnd(12)
            if (j < n && lv[j] > lv[i] && !((i, j) in seen)) {
                seen[i, j] = 1
                printf "r%d -> r%d\n", i, j
            }
        }
}
