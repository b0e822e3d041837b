#!/usr/bin/env bash
# GhostNet 1.0x at 224, batch 1, fp32: our pipeline against ONNX Runtime (CPU) on the same
# machine in one command. The two run in alternation, ROUNDS times per thread count, so a
# noisy neighbour hits both alike; the table reports the median of the per-round medians.
#
# usage: scripts/bench_vs_ort.sh [ROUNDS] [RUNS]
# needs: build/ghostnet-bench (scripts/build.sh ghostnet-bench), node, and ONNX Runtime:
#   npm install --ignore-scripts --prefix $HOME/.cache/ort onnxruntime-node@1.30.0
# and the peer model ../shared/bench/ghostnet_100.onnx (or set ONNX_MODEL).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
runs=${2:-100}
model=${ONNX_MODEL:-../shared/bench/ghostnet_100.onnx}
ort_dir=${ORT_DIR:-$HOME/.cache/ort}
[ -x build/ghostnet-bench ] || { echo "build/ghostnet-bench missing: run scripts/build.sh ghostnet-bench" >&2; exit 1; }
[ -f "$model" ] || { echo "$model missing (set ONNX_MODEL)" >&2; exit 1; }
[ -d "$ort_dir/node_modules/onnxruntime-node" ] || { echo "ONNX Runtime missing in $ort_dir (see the header of this script)" >&2; exit 1; }
ort_script=$(dirname "$model")/ort_latency.js

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
field() { sed -n "s/.*\"$1\": *\([0-9.]*\).*/\1/p"; }

printf "%-8s %-22s %-22s %s\n" threads "ghostnet-halide (ms)" "onnxruntime (ms)" "speed-up"
for threads in 1 2; do
  ours=(); theirs=(); ours_min=(); theirs_min=()
  for ((i = 0; i < rounds; i++)); do
    o=$(build/ghostnet-bench --width 1.0 --size 224 --threads "$threads" --runs "$runs" --warmup 20 --json)
    t=$(NODE_PATH="$ort_dir/node_modules" node "$ort_script" "$model" "$threads" "$runs" 20)
    ours+=("$(echo "$o" | field median_ms)"); ours_min+=("$(echo "$o" | field min_ms)")
    theirs+=("$(echo "$t" | field median_ms)"); theirs_min+=("$(echo "$t" | field min_ms)")
  done
  om=$(printf "%s\n" "${ours[@]}" | median); tm=$(printf "%s\n" "${theirs[@]}" | median)
  omin=$(printf "%s\n" "${ours_min[@]}" | sort -g | head -1); tmin=$(printf "%s\n" "${theirs_min[@]}" | sort -g | head -1)
  printf "%-8s %-22s %-22s %s\n" "$threads" "$om (min $omin)" "$tm (min $tmin)" \
    "$(awk -v a="$tm" -v b="$om" 'BEGIN {printf "%.2fx", a / b}')"
done
