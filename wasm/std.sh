#!/bin/sh
# std.sh FILE... - writes C source to standard output that bundles the
# shipped ladders FILE... (share/ladderc/std/*.ladder) as the table of
# wasm/ladder_wasm_std.h, each named "std/" and its file name, as the
# library asks for it. The bytes are written by scripts/embed.sh.
set -e
here=$(dirname "$0")
i=0
args=""
for f in "$@"; do
    args="$args ldw_std_$i=$f"
    i=$((i + 1))
done
# embed.sh's own header line names html_assets.h, which only declares other arrays
# shellcheck disable=SC2086
"$here/../scripts/embed.sh" $args
echo "#include \"ladder_wasm_std.h\""
echo "const struct ldw_std_file ldw_std[] = {"
i=0
for f in "$@"; do
    echo "    {\"std/${f##*/}\", ldw_std_$i, sizeof ldw_std_$i - 1},"
    i=$((i + 1))
done
[ "$i" = 0 ] && echo "    {0, 0, 0},"
echo "};"
echo "const size_t ldw_std_count = $i;"
