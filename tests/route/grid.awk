# grid.awk - a grid of N roles: promotions up each column, lateral moves
# along each row, and every 7th role a long promotion two rows up and
# three columns over (it crosses the roles between).
#   awk -v n=N -f gen.awk
BEGIN {
    cols = int(sqrt(n)); if (cols * cols < n) cols++
    rows = int((n + cols - 1) / cols)
    print "ladder \"Grid of " n "\""
    print "axis x \"Soft skills\" 0..100"
    print "axis y \"Hard skills\" 0..100"
    print "levels L1..L" (rows + 2)
    print "track a \"Track A\""
    print "track b \"Track B\""
    print "track c \"Track C\""
    print "years promotion 2..3"
    print "years lateral 1..2"
    for (i = 0; i < n; i++) {
        c = i % cols; r = int(i / cols)
        x = cols > 1 ? 5 + 90 * c / (cols - 1) : 50
        y = rows > 1 ? 5 + 90 * r / (rows - 1) : 50
        printf "role r%d \"Role %d\" track %s level L%d at (%.1f, %.1f)\n", i, i, substr("abc", c % 3 + 1, 1), r + 1, x, y
    }
    for (i = 0; i < n; i++) {
        c = i % cols; r = int(i / cols)
        if (i + cols < n) printf "r%d -> r%d\n", i, i + cols
        if (c + 1 < cols && i + 1 < n) printf "r%d -> r%d lateral\n", i, i + 1
        if (i % 7 == 0 && c + 3 < cols && i + 2 * cols + 3 < n) printf "r%d -> r%d\n", i, i + 2 * cols + 3
    }
}
