#!/usr/bin/env bash
# HVX share of the innermost loops of Hexagon assembly (the .s files Halide writes with
# -e assembly; the build keeps them in build/hexagon/): no Hexagon timing exists here, so how
# much of the hot code is vector code is the evidence of schedule quality we can give.
#   scripts/hvx_report.sh [FILE.s ...]     (default: build/hexagon/*.s)
# An instruction counts as HVX when it names a vector (v0..v31, pairs v1:0) or vector
# predicate (q0..q3) register or is a vector memory access (vmem, vgather, vscatter).
# Innermost loops are the blocks LLVM marks "This Inner Loop Header" and the blocks it marks
# as in such a loop.
set -euo pipefail
cd "$(dirname "$0")/.."
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  shopt -s nullglob
  files=(build/hexagon/*.s)
fi
if [ ${#files[@]} -eq 0 ]; then
  echo "hvx_report.sh: no assembly given and none in build/hexagon/ (build the Hexagon tests first)" >&2
  exit 1
fi
printf "%-36s %14s %12s %10s\n" "pipeline" "inner-loop ins" "HVX ins" "HVX share"
for f in "${files[@]}"; do
  [ -f "$f" ] || { echo "hvx_report.sh: $f: no such file" >&2; exit 1; }
  awk -v name="$(basename "$f" .s)" '
    /^[.A-Za-z_$][^ \t]*:/ { inner = 0; label = $1; sub(/:$/, "", label); next }
    /This Inner Loop Header/ { inner = 1; headers[label] = 1; next }
    /in Loop: Header=/ {
      h = $0; sub(/.*Header=/, "", h); sub(/ .*/, "", h)
      inner = ((".L" h) in headers) ? 1 : 0
      next
    }
    inner && /^\t/ {
      line = $0; sub(/\/\/.*/, "", line)
      if (line ~ /^[ \t]*[{}][ \t]*$/ || line ~ /^[ \t]*$/ || line ~ /^[ \t]*\./) next
      sub(/^[ \t]*\{?[ \t]*/, "", line); sub(/[ \t]*\}[ \t]*(:endloop[0-9])?[ \t]*$/, "", line)
      if (line == "") next
      total++
      if (line ~ /(^|[^a-z0-9_])[vq][0-9]+/ || line ~ /vmem|vgather|vscatter/) hvx++
    }
    END {
      share = total ? 100.0 * hvx / total : 0
      printf "%-36s %14d %12d %9.1f%%\n", name, total, hvx, share
    }' "$f"
done
