# The geometry of a map's DOT that 0.2 fixed: each role node's pos, each
# box cluster's bb (not the legend's, not the axes').
/subgraph cluster_[0-9]+ \{/ { box = 1; next }
box && /bb="/ { match($0, /bb="[^"]*"/); print substr($0, RSTART, RLENGTH); box = 0; next }
/^ *"[^_"][^"]*" \[/ && /pos="/ { match($0, /^ *"[^"]*"/); id = substr($0, RSTART, RLENGTH); sub(/^ */, "", id)
    match($0, /pos="[^"]*"/); print id " " substr($0, RSTART, RLENGTH) }
