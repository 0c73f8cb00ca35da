# report.awk - turns the results.tsv of build/bench/run/ (or smoke/) into the
# Markdown of docs/performance.md (called by bench/run.sh).
#
# Input rows: id, median wall seconds, mean CPU seconds (user + system, "-" if
# unknown), peak RSS KiB ("-" if unknown), input bytes, input lines, command.
# Ids are KIND.SIZE (wc.1000, check.1000000, ...) and KIND.skills for
# examples/skills-map.ladder.
# Ids xwc.SIZE, xcheck.SIZE and xnowarn.SIZE are the random shape's (wc -l,
# check, check with every warning off).
# Variables: sizes ("1000 10000 ..."), svgmax, smoke (1: no targets), run (the
# folder of the raw results, for the footnote), random (a TSV of the random
# shape's inputs: size, errors, warnings, most frequent codes), nowarn (the
# options that turn every warning off), maps (a TSV of the maps of issue 12:
# shape, size, roles, moves, bytes, splines, then "wall CPU peak-KiB" of
# `ladderc build -T svg` and of `neato -n2 -Tsvg`, "timeout - -" for a run
# cut at map_timeout seconds), pages (a TSV of the HTML pages of issue 13:
# name, roles, input bytes, page bytes, "wall CPU peak-KiB" of `ladderc build
# -T html`, "wall load ready" seconds of its opening in chromium, "- - -"
# when not measured).

BEGIN { FS = "\t" }

{
    med[$1] = $2 + 0; cpu[$1] = $3; rss[$1] = $4; bytes[$1] = $5 + 0; lines[$1] = $6 + 0; cmd[$1] = $7
}

function has(id) { return id in med }

function t(s) {
    if (s < 0.01) return sprintf("%.2f ms", s * 1000)
    if (s < 1) return sprintf("%.1f ms", s * 1000)
    return sprintf("%.2f s", s)
}

function mb(b) { return b >= 1e7 ? sprintf("%.0f", b / 1e6) : sprintf("%.2f", b / 1e6) }

function count(n) {
    if (n >= 1e6) return sprintf("%.1fM", n / 1e6)
    if (n >= 1e3) return sprintf("%.0fk", n / 1e3)
    return sprintf("%d", n)
}

function size_name(n) { return n >= 1e6 ? (n / 1e6) "M" : n >= 1e3 ? (n / 1e3) "k" : n }

function cpu_t(id) { return cpu[id] == "-" ? "?" : t(cpu[id]) }

# cost(id): CPU seconds (user + system) when measured, else the median wall
# time. The growth and per-byte targets compare costs: on a shared machine a
# wall time also measures the neighbours, and unequally at 100k and 1M.
function cost(id) { return cpu[id] == "-" ? med[id] : cpu[id] + 0 }
function cost_word(id) { return cpu[id] == "-" ? "wall" : "CPU" }

function mbps(id) { return bytes[id] / med[id] / 1e6 }

function rss_mb(id) { return rss[id] == "-" ? "?" : sprintf("%.1f MB", rss[id] * 1024 / 1e6) }

function rss_ratio(id) { return rss[id] == "-" ? "?" : sprintf("%.2f", rss[id] * 1024 / bytes[id]) }

function cost_ratio(a, b) { return has(a) && has(b) ? sprintf("%.2f", cost(a) / cost(b)) : "" }

function ratio(a, b) { return has(a) && has(b) ? sprintf("%.2f", med[a] / med[b]) : "" }

function label(kind) {
    if (kind == "wc") return "`wc -l` (the floor)"
    if (kind == "gvpr") return "`gvpr -c 'N{}'` (Graphviz's reader)"
    if (kind == "check") return "`ladderc check`"
    if (kind == "dot" || kind == "md" || kind == "json" || kind == "svg") return "`ladderc build -T " kind "`"
    if (kind == "nop2") return "`dot -Knop2 -Tsvg` on ladderc's DOT"
    if (kind == "n2") return "`neato -n2 -Tsvg` on ladderc's DOT"
    if (kind == "xcheck") return "`ladderc check`, random shape"
    if (kind == "xnowarn") return "`ladderc check`, random shape, warnings off"
    return kind
}

function input_name(kind) {
    if (kind == "gvpr") return "gen's DOT"
    if (kind == "nop2" || kind == "n2") return "ladderc's DOT"
    return "ladder"
}

function size_table(n,    k, kinds, nk, id, w, g) {
    w = "wc." n; g = "gvpr." n
    printf "### %s roles\n\n", count(n)
    printf "Ladder %s MB, %s lines; the equivalent DOT graph (bench/gen.c) %s MB", mb(bytes[w]), count(lines[w]), mb(bytes[g])
    if (has("nop2." n)) printf "; ladderc's own DOT %s MB", mb(bytes["nop2." n])
    printf ".\n\n"
    print "| command | reads | median | CPU | MB/s | lines/s | peak RSS | RSS ÷ input | × wc -l | speed per byte ÷ gvpr's |"
    print "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    nk = split("wc gvpr check dot md json svg nop2 n2", kinds, " ")
    for (k = 1; k <= nk; k++) {
        id = kinds[k] "." n
        if (!has(id)) continue
        printf "| %s | %s | %s | %s | %.1f | %s | %s | %s | %s | %s |\n", label(kinds[k]), input_name(kinds[k]),
            t(med[id]), cpu_t(id), mbps(id), count(lines[id] / med[id]), rss_mb(id), rss_ratio(id),
            ratio(id, w), has(g) ? sprintf("%.2f", mbps(id) / mbps(g)) : ""
    }
    print ""
}

function scaling_table(    k, kinds, nk, i, row, any) {
    if (nsizes < 2) return
    print "### Scaling: time(10 N) ÷ time(N)"
    print ""
    print "Linear is 10 (the sizes grow tenfold). CPU time (user + system) where measured, as in the"
    print "targets: on a busy machine the wall time grows with the neighbours' work too."
    print ""
    row = "| command |"
    for (i = 2; i <= nsizes; i++) row = row " " size_name(sz[i]) " ÷ " size_name(sz[i - 1]) " |"
    print row
    row = "| --- |"
    for (i = 2; i <= nsizes; i++) row = row " ---: |"
    print row
    nk = split("wc gvpr check dot md json svg nop2 n2 xcheck xnowarn", kinds, " ")
    for (k = 1; k <= nk; k++) {
        row = "| " label(kinds[k]) " |"; any = 0
        for (i = 2; i <= nsizes; i++) {
            r = cost_ratio(kinds[k] "." sz[i], kinds[k] "." sz[i - 1])
            any = any || r != ""
            row = row " " r " |"
        }
        if (any) print row
    }
    print ""
}

function read_random(    line, f) {
    if (random == "") return
    while ((getline line < random) > 0) {
        split(line, f, "\t")
        rerr[f[1]] = f[2]; rwarn[f[1]] = f[3]; rcodes[f[1]] = f[4]
    }
    close(random)
}

# per byte, the random shape's check against the tuned shape's, same size (cost)
function per_byte_ratio(n) {
    if (!has("xcheck." n) || !has("check." n)) return ""
    return sprintf("%.2f", (cost("xcheck." n) / bytes["xcheck." n]) / (cost("check." n) / bytes["check." n]))
}

function random_table(    i, n, x, q) {
    if (!has("xcheck." sz[1])) return
    print "### The random shape"
    print ""
    print "`gen --shape=random`: each role's one move goes to any role, whatever the levels, and roles sit on"
    print "random points of a 1000 x 1000 grid, so most moves break a rule and positions collide more and more"
    print "as the grid fills (W152 grows faster than the input: about 5% of the roles at 100k, 37% at 1M)."
    printf "Warnings off: `check %s`.\n\n", nowarn
    print "| roles | input | errors | warnings | most frequent | `check` | CPU | MB/s | CPU per byte ÷ tuned | peak RSS | RSS ÷ input | warnings off | CPU | peak RSS |"
    print "| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    for (i = 1; i <= nsizes; i++) {
        n = sz[i]; x = "xcheck." n; q = "xnowarn." n
        if (!has(x)) continue
        printf "| %s | %s MB | %s | %s | %s | %s | %s | %.1f | %s | %s | %s | %s | %s | %s |\n", count(n), mb(bytes[x]),
            rerr[n], rwarn[n], rcodes[n], t(med[x]), cpu_t(x), mbps(x), per_byte_ratio(n), rss_mb(x), rss_ratio(x),
            has(q) ? t(med[q]) : "", has(q) ? cpu_t(q) : "", has(q) ? rss_mb(q) : ""
    }
    print ""
}

function skills_table(    k, kinds, nk, id, names) {
    if (!has("cat.skills")) return
    print "### Start-up: examples/skills-map.ladder"
    print ""
    printf "%s bytes, %d lines; neato reads the DOT ladderc writes for it (%s bytes).\n\n", bytes["cat.skills"],
        lines["cat.skills"], bytes["neato.skills"]
    print "| command | median | CPU | peak RSS | × true | × cat |"
    print "| --- | ---: | ---: | ---: | ---: | ---: |"
    nk = split("true cat check svg neato", kinds, " ")
    names["true"] = "`true`"; names["cat"] = "`cat`"; names["check"] = "`ladderc check`"
    names["svg"] = "`ladderc build -T svg`"; names["neato"] = "`neato -Tsvg` on ladderc's DOT"
    for (k = 1; k <= nk; k++) {
        id = kinds[k] ".skills"
        if (has(id))
            printf "| %s | %s | %s | %s | %s | %s |\n", names[kinds[k]], t(med[id]), cpu_t(id), rss_mb(id),
                ratio(id, "true.skills"), ratio(id, "cat.skills")
    }
    print ""
}

# ---- the maps of issue 12 ----

function read_maps(    line, f, id) {
    if (maps == "") return
    while ((getline line < maps) > 0) {
        split(line, f, "\t")
        id = f[1] f[2]
        nmaps++; map_id[nmaps] = id; map_shape[id] = f[1]; map_n[id] = f[2]; map_roles[id] = f[3]
        map_moves[id] = f[4]; map_bytes[id] = f[5]; map_splines[id] = f[6]
        split(f[7], svg_f, " "); split(f[8], n2_f, " ")
        map_svg_wall[id] = svg_f[1]; map_svg_cpu[id] = svg_f[2]; map_svg_rss[id] = svg_f[3]
        map_n2_wall[id] = n2_f[1]; map_n2_cpu[id] = n2_f[2]; map_n2_rss[id] = n2_f[3]
    }
    close(maps)
}

function map_t(v) { return v == "timeout" ? "> " map_timeout " s" : v == "-" ? "" : t(v + 0) }
function map_rss(v) { return v == "-" || v == "" ? "" : sprintf("%.0f MB", v * 1024 / 1e6) }

function map_ratio(id) {
    if (map_svg_cpu[id] == "-" || map_n2_cpu[id] == "-") return "?"
    if (map_n2_cpu[id] + 0 == 0) return "-"
    return sprintf("%.2f", map_svg_cpu[id] / map_n2_cpu[id])
}

function maps_table(    i, id) {
    if (nmaps == 0) return
    print "### The map: SVG at 300 and 1,000 roles (issue 12)"
    print ""
    print "`tests/tools/gen_ladder.py`: *crowded* (close roles with real titles, boxes along the diagonal),"
    print "*spread* (a lattice with short names, no two nodes overlapping) and *tracks* (the worst case found in a"
    print "few KB: every track is a legend row the edge router avoids, though only four have roles). Beside"
    print "each, Graphviz's own command on the DOT ladderc writes for it (`ladderc build -T dot`, then"
    print "`neato -n2 -Tsvg`), in the same run. Median of up to three runs (one when a run takes over 10 s),"
    printf "each under `timeout %s`. *edges*: `routed` when ladderc's router (docs/routing.md) gives every\n", map_timeout
    print "arrow its spline (up to 2,000 moves), `line` for straight arrows, `true` when Graphviz routes them"
    print "(the exact layout). CPU is user + system."
    print ""
    print "| shape | roles | moves | input | edges | ladderc `-T svg` | CPU | peak RSS | `neato -n2 -Tsvg` | CPU | peak RSS | ladderc ÷ neato (CPU) |"
    print "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    for (i = 1; i <= nmaps; i++) {
        id = map_id[i]
        printf "| %s | %s | %s | %.1f KB | %s | %s | %s | %s | %s | %s | %s | %s |\n",
            map_shape[id] (map_shape[id] == "tracks" ? " (" map_n[id] ")" : ""), map_roles[id],
            map_moves[id], map_bytes[id] / 1000, map_splines[id], map_t(map_svg_wall[id]), map_t(map_svg_cpu[id]),
            map_rss(map_svg_rss[id]), map_t(map_n2_wall[id]), map_t(map_n2_cpu[id]), map_rss(map_n2_rss[id]),
            map_ratio(id)
    }
    print ""
}

# map_target NAME SIZE LIMIT TRACKS: every shape's svg of SIZE under LIMIT
# seconds of CPU (a timeout misses): the tracks shape's when TRACKS is 1,
# the others' when 0; -1 when none of them was measured
function map_target(name, size, limit, tracks,    i, id, ok, text, any) {
    ok = 1; text = ""
    for (i = 1; i <= nmaps; i++) {
        id = map_id[i]
        if (map_n[id] != size || (map_shape[id] == "tracks") != tracks) continue
        any = 1
        text = text (text == "" ? "" : ", ") map_shape[id] " " (map_svg_cpu[id] == "-" ? map_t(map_svg_wall[id]) : t(map_svg_cpu[id] + 0))
        if (map_svg_wall[id] == "timeout" || map_svg_cpu[id] == "-" || map_svg_cpu[id] + 0 >= limit) ok = 0
    }
    target(name, text " of CPU", any ? ok : -1)
}

# ---- the HTML page of issue 13 ----

function read_pages(    line, f, id) {
    if (pages == "") return
    while ((getline line < pages) > 0) {
        split(line, f, "\t")
        id = f[1]
        npages++; page_id[npages] = id; page_roles[id] = f[2]; page_in[id] = f[3]; page_bytes[id] = f[4]
        split(f[5], b_f, " "); split(f[6], o_f, " ")
        page_wall[id] = b_f[1]; page_cpu[id] = b_f[2]; page_rss[id] = b_f[3]
        page_open[id] = o_f[1]; page_load[id] = o_f[2]; page_ready[id] = o_f[3]
    }
    close(pages)
}

function pages_table(    i, id) {
    if (npages == 0) return
    print "### The page: `ladderc build -T html` (issue 13)"
    print ""
    print "The skills map, bench/gen.c's tuned 1,000 roles (`r1000`, companies on every track) and"
    print "`tests/tools/gen_ladder.py`'s crowded 1,000 (real titles). *build*: `ladderc build -T html -o`, the"
    print "map rendered through Graphviz included, median of up to three runs (CPU is user + system). *opens*:"
    print "headless chromium (tests/tools/browser.py --time), a fresh tab each time, median of five after one"
    print "that warms the browser up: the wall time from the navigation to the load event as the test sees"
    print "it, then the page's own clock at its load event's end and when its script was done."
    print ""
    print "| ladder | roles | input | page | build | CPU | peak RSS | opens (to load event) | load event end | script done |"
    print "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    for (i = 1; i <= npages; i++) {
        id = page_id[i]
        printf "| %s | %s | %.1f KB | %.1f KB | %s | %s | %s | %s | %s | %s |\n", id, page_roles[id],
            page_in[id] / 1000, page_bytes[id] / 1000, map_t(page_wall[id]), map_t(page_cpu[id]),
            map_rss(page_rss[id]), map_t(page_open[id]), map_t(page_load[id]), map_t(page_ready[id])
    }
    print ""
}

# page_targets: the skills map's page under 200 KB; every 1,000-role page
# built in under 1 s of CPU and opened (to its load event) in under 2 s
function page_targets(    i, id, ok, okb, oko, tb, to, any) {
    if (npages == 0) {
        target("page of the skills map under 200 KB", "", -1)
        target("page of 1,000 roles built in under 1 s", "", -1)
        target("page of 1,000 roles opens in under 2 s", "", -1)
        return
    }
    if ("skills" in page_bytes)
        target("page of the skills map under 200 KB", sprintf("%.1f KB", page_bytes["skills"] / 1000), page_bytes["skills"] < 200000)
    else target("page of the skills map under 200 KB", "", -1)
    okb = oko = 1; tb = to = ""
    for (i = 1; i <= npages; i++) {
        id = page_id[i]
        if (page_roles[id] != 1000) continue
        any = 1
        tb = tb (tb == "" ? "" : ", ") id " " map_t(page_cpu[id])
        to = to (to == "" ? "" : ", ") id " " map_t(page_open[id])
        if (page_cpu[id] == "-" || page_cpu[id] + 0 >= 1) okb = 0
        if (page_open[id] == "-") oko = -1
        else if (oko == 1 && page_open[id] + 0 >= 2) oko = 0
    }
    target("page of 1,000 roles built in under 1 s", tb " of CPU", any ? okb : -1)
    target("page of 1,000 roles opens in under 2 s", to " to the load event", any ? oko : -1)
}

# target NAME VALUE-TEXT OK: one row; OK is 1, 0, or -1 (not measured)
function target(name, value, ok) {
    ntargets++
    printf "| %s | %s | %s |\n", name, value, ok < 0 ? "n/a (not measured)" : ok ? "**PASS**" : "**MISS**"
    if (ok == 0) misses++
    if (ok == 1) passes++
}

function targets(    c, w, g, c1, v, x, x1) {
    print "### Targets"
    print ""
    if (smoke) { print "Not evaluated in a smoke run."; print ""; return }
    print "| target | measured | |"
    print "| --- | --- | --- |"
    c = "check.1000000"; w = "wc.1000000"; g = "gvpr.1000000"; c1 = "check.100000"
    if (has(c) && has(w)) {
        v = med[c] / med[w]
        target("`check` on 1M within 30× of `wc -l`", sprintf("%.0f× (%s vs %s)", v, t(med[c]), t(med[w])), v <= 30)
    } else target("`check` on 1M within 30× of `wc -l`", "", -1)
    if (has(c) && has(g)) {
        v = mbps(c) / mbps(g)
        target("`check` on 1M ≥ 20× faster per byte than gvpr's reader",
            sprintf("%.1f× (%.1f vs %.1f MB/s)", v, mbps(c), mbps(g)), v >= 20)
    } else target("`check` on 1M ≥ 20× faster per byte than gvpr's reader", "", -1)
    if (has(c) && has(c1)) {
        v = cost(c) / cost(c1)
        target("`check`: time(1M) ÷ time(100k) ≤ 11", sprintf("%.1f (%s vs %s of %s)", v, t(cost(c)), t(cost(c1)), cost_word(c)), v <= 11)
    } else target("`check`: time(1M) ÷ time(100k) ≤ 11", "", -1)
    if (has(c) && rss[c] != "-") {
        v = rss[c] * 1024 / bytes[c]
        target("`check` on 1M: peak RSS ≤ 1.5× the input", sprintf("%.2f× (%s for %s MB)", v, rss_mb(c), mb(bytes[c])), v <= 1.5)
    } else target("`check` on 1M: peak RSS ≤ 1.5× the input", "", -1)
    if (has("check.skills") && has("cat.skills")) {
        v = med["check.skills"] / med["cat.skills"]
        target("`check` skills-map within 2× of `cat`", sprintf("%.2f× (%s vs %s)", v, t(med["check.skills"]),
            t(med["cat.skills"])), v <= 2)
    } else target("`check` skills-map within 2× of `cat`", "", -1)
    if (has("svg.skills") && has("neato.skills")) {
        v = med["svg.skills"] / med["neato.skills"]
        target("svg of skills-map no slower than `neato -Tsvg`", sprintf("%.2f× (%s vs %s)", v, t(med["svg.skills"]),
            t(med["neato.skills"])), v <= 1)
    } else target("svg of skills-map no slower than `neato -Tsvg`", "", -1)
    if (has("svg." svgmax) && has("nop2." svgmax)) {
        v = med["svg." svgmax] / med["nop2." svgmax]
        target("svg at 10k no slower than `dot -Knop2 -Tsvg`", sprintf("%.2f× (%s vs %s)", v, t(med["svg." svgmax]),
            t(med["nop2." svgmax])), v <= 1)
    } else target("svg at 10k no slower than `dot -Knop2 -Tsvg`", "", -1)
    x = "xcheck.1000000"; x1 = "xcheck.100000"
    if (has(x) && has(x1)) {
        v = cost(x) / cost(x1)
        target("random shape: `check` time(1M) ÷ time(100k) ≤ 11", sprintf("%.1f (%s vs %s of %s)", v, t(cost(x)), t(cost(x1)), cost_word(x)), v <= 11)
    } else target("random shape: `check` time(1M) ÷ time(100k) ≤ 11", "", -1)
    if (has(x) && has(c)) {
        v = per_byte_ratio(1000000) + 0
        target("random shape: `check` on 1M within 2× of the tuned shape's time per byte",
            sprintf("%.2f× (%.1f vs %.1f MB per s of %s)", v, bytes[x] / cost(x) / 1e6, bytes[c] / cost(c) / 1e6, cost_word(x)), v <= 2)
    } else target("random shape: `check` on 1M within 2× of the tuned shape's time per byte", "", -1)
    if (has(x) && rss[x] != "-") {
        v = rss[x] * 1024 / bytes[x]
        target("random shape: `check` on 1M: peak RSS ≤ 6× the input", sprintf("%.2f× (%s for %s MB)", v, rss_mb(x), mb(bytes[x])), v <= 6)
    } else target("random shape: `check` on 1M: peak RSS ≤ 6× the input", "", -1)
    map_target("svg of 300 roles under 1 s, every shape", 300, 1, 0)
    map_target("svg of 1,000 roles under 3 s, every shape", 1000, 3, 0)
    map_target("the worst few-KB input found (300 tracks) under 3 s", 300, 3, 1)
    page_targets()
    print ""
    printf "%d of %d targets pass.\n\n", passes, ntargets
}

END {
    nsizes = split(sizes, sz, " ")
    read_random()
    read_maps()
    read_pages()
    targets()
    for (i = 1; i <= nsizes; i++) size_table(sz[i])
    random_table()
    scaling_table()
    skills_table()
    maps_table()
    pages_table()
    print "Commands as run (relative to the repository), with their raw medians: " run "/results.tsv;"
    print "hyperfine's exports: " run "/time.*.json; GNU time's: " run "/rss.*."
}
