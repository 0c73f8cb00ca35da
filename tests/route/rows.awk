# rows.awk - two rows of n roles and a move from every role of the lower
# row to every role of the upper one (n * n moves between the same two
# rows): the hostile shape for labels.   awk -v n=N -f rows.awk
BEGIN {
    print "ladder \"Two rows\""
    print "axis x \"Soft skills\" 0..100"
    print "axis y \"Hard skills\" 0..100"
    print "levels L1..L2"
    print "track ic \"IC\""
    print "years promotion 1..2"
    for (i = 0; i < n; i++) {
        printf "role a%d \"Low %d\" track ic level L1 at (%.1f, 20)\n", i, i, 100 * i / n
        printf "role b%d \"High %d\" track ic level L2 at (%.1f, 80)\n", i, i, 100 * i / n
    }
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            printf "a%d -> b%d\n", i, j
}
