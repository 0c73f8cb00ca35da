# explain.awk - turns the "## Diagnostics" sections of docs/language.md into
# the C table behind `ladderc explain CODE`, so the two never differ.
# A section starts at "### E123: title" and ends before the next heading.
# backslash and double quote escaped, one character at a time (gsub's
# replacement strings have their own backslash rules)
function c_escape(s,    out, i, ch) {
    out = ""
    for (i = 1; i <= length(s); i++) {
        ch = substr(s, i, 1)
        out = out (ch == "\\" || ch == "\"" ? "\\" : "") ch
    }
    return out
}

function flush() {
    if (code == "") return
    while (n > 0 && lines[n] == "") n--
    printf "    {\"%s\",\n", code
    for (i = 1; i <= n; i++)
        printf "     \"%s\\n\"\n", c_escape(lines[i])
    printf "    },\n"
    code = ""; n = 0
}
BEGIN {
    print "/* generated from docs/language.md by scripts/explain.awk: do not edit */"
    print "#include \"explain.h\""
    print "const struct explain_entry explain_entries[] = {"
}
# headings end a section, but not "# comment" lines inside code blocks
/^```/ { fence = !fence }
!fence && /^##* / { flush() }
!fence && /^### [EW][0-9][0-9][0-9]: / {
    code = substr($2, 1, 4)
    lines[++n] = $0
    next
}
code != "" { lines[++n] = $0 }
END {
    flush()
    print "    {0, 0}  /* C has no empty initialiser lists */"
    print "};"
    print "const size_t explain_count = sizeof explain_entries / sizeof explain_entries[0] - 1;"
}
