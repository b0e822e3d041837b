# Sourced by the benchmark scripts (bench_vs_ort.sh, compare_builds.sh): reading the JSON lines
# ghostnet-bench --json and tools/peer_latency.py print, and summing up rounds.
#   median    the median of the numbers on stdin, one per line
#   lowest    the smallest of them
#   field K   the number after "K": in the JSON line on stdin
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
lowest() { sort -g | head -1; }
field() { sed -n "s/.*\"$1\": *\([0-9.]*\).*/\1/p"; }
