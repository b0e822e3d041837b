#!/usr/bin/env bash
# Two x86-64 build folders of this project (e.g. the same commit on two Halide versions, or
# before and after a schedule change) compared in one command, on this machine:
#   1. outputs: GhostNet 1.0x fp32 and q8, 0.5x fp32 and GhostNetV2 1.0x fp32, at 224, on one
#      input: B's logits against A's (fp32 within --atol 1e-4 by ghostnet-run --reference; q8
#      byte for byte);
#   2. speed: the same networks, 1 and 2 threads, batch 1, each build's ghostnet-bench in
#      alternation (A, B, A, B, ...), ROUNDS x RUNS; median of the per-round medians, lowest
#      min, and A's median over B's (above 1: B is faster);
#   3. HVX work: the packets each build's q8 networks for HVX execute (ghostnet-hvx-work, under
#      qemu-hexagon: deterministic), B's over A's;
#   4. with --compile: how long each build's ghostnet-generate takes to emit the slowest
#      networks (GhostNet 1.0x fp32 and q8 for the AVX2 target), once each, A then B.
# Random weights (ghostnet-spec --random-checkpoint) quantized on the bundled samples; the same
# files for both builds.
#
# usage: scripts/compare_builds.sh [--compile] A B [ROUNDS] [RUNS]   (defaults: 5 100)
#   e.g. scripts/compare_builds.sh build-h14 build 5 100
set -euo pipefail
cd "$(dirname "$0")/.."
compile=0
if [ "${1:-}" = --compile ]; then compile=1; shift; fi
case "${1:-}" in -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
if [ $# -lt 2 ]; then
  sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
a=$1 b=$2 rounds=${3:-5} runs=${4:-100}
for d in "$a" "$b"; do
  for tool in ghostnet-bench ghostnet-run ghostnet-spec ghostnet-quantize ghostnet-generate; do
    [ -x "$d/$tool" ] || { echo "compare_builds.sh: $d/$tool missing (build it: cmake --build $d --target $tool)" >&2; exit 1; }
  done
done
case "$rounds$runs" in *[!0-9]*) echo "compare_builds.sh: ROUNDS and RUNS must be numbers" >&2; exit 2 ;; esac

source scripts/bench_stats.sh  # median, lowest, field
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC')"
for d in "$a" "$b"; do
  echo "  $d: Halide from $(sed -n 's/^Halide_DIR:[A-Z]*=//p' "$d/CMakeCache.txt" | head -1)"
done

# The weights and input both builds run.
"$a/ghostnet-spec" --width 1.0 --size 224 --classes 1000 --random-checkpoint "$tmp/w100.safetensors" --seed 31 > /dev/null
"$a/ghostnet-spec" --width 0.5 --size 224 --classes 1000 --random-checkpoint "$tmp/w050.safetensors" --seed 32 > /dev/null
"$a/ghostnet-spec" --version v2 --width 1.0 --size 224 --classes 1000 --random-checkpoint "$tmp/v2w100.safetensors" --seed 33 > /dev/null
"$a/ghostnet-quantize" --weights "$tmp/w100.safetensors" --width 1.0 --calibration models/fashion_mnist/samples \
  -o "$tmp/w100_q8.safetensors" > /dev/null
python3 - "$tmp/input.npy" <<'EOF'
import struct, sys, math
n = 3 * 224 * 224
header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 3, 224, 224), }"
header += " " * (127 - 10 - len(header)) + "\n"
with open(sys.argv[1], "wb") as f:
    f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode())
    f.write(struct.pack("<%df" % n, *[math.sin(i * 0.013) for i in range(n)]))
EOF

nets=("1.0x fp32|--width 1.0|w100" "1.0x q8|--width 1.0|w100_q8" "0.5x fp32|--width 0.5|w050"
      "V2 1.0x fp32|--version v2 --width 1.0|v2w100")

echo
echo "## outputs: $b against $a (same weights, same input)"
echo
for n in "${nets[@]}"; do
  IFS='|' read -r label flags weights <<< "$n"
  read -r -a f <<< "$flags"
  "$a/ghostnet-run" "${f[@]}" --weights "$tmp/$weights.safetensors" --input "$tmp/input.npy" --output "$tmp/a_$weights.npy" --threads 1 > /dev/null
  if [[ $label == *q8 ]]; then
    "$b/ghostnet-run" "${f[@]}" --weights "$tmp/$weights.safetensors" --input "$tmp/input.npy" --output "$tmp/b_$weights.npy" --threads 1 > /dev/null
    if cmp -s "$tmp/a_$weights.npy" "$tmp/b_$weights.npy"; then verdict="byte-identical"; else verdict="DIFFERENT"; fi
  else
    if out=$("$b/ghostnet-run" "${f[@]}" --weights "$tmp/$weights.safetensors" --input "$tmp/input.npy" --output "$tmp/b_$weights.npy" \
             --threads 1 --reference "$tmp/a_$weights.npy" --atol 1e-4 2>&1); then
      verdict="within 1e-4 (max abs diff $(echo "$out" | sed -n 's/.*max abs diff[^:]*: \([0-9.e+-]*\).*/\1/p' | head -1))"
    else
      verdict="DIFFERENT: $out"
    fi
  fi
  echo "- GhostNet $label: $verdict"
done

echo
echo "## speed: $a and $b in alternation, $rounds rounds x $runs runs (ms: median of round medians, lowest min)"
echo
printf "| %-12s | %-7s | %-20s | %-20s | %-14s |\n" network threads "$a" "$b" "$a / $b"
printf "|---|---|---|---|---|\n"
for n in "${nets[@]}"; do
  IFS='|' read -r label flags weights <<< "$n"
  read -r -a f <<< "$flags"
  for threads in 1 2; do
    am=() amin=() bm=() bmin=()
    for ((i = 0; i < rounds; i++)); do
      o=$("$a/ghostnet-bench" "${f[@]}" --weights "$tmp/$weights.safetensors" --threads "$threads" --runs "$runs" --warmup 20 --json)
      am+=("$(echo "$o" | field median_ms)"); amin+=("$(echo "$o" | field min_ms)")
      o=$("$b/ghostnet-bench" "${f[@]}" --weights "$tmp/$weights.safetensors" --threads "$threads" --runs "$runs" --warmup 20 --json)
      bm+=("$(echo "$o" | field median_ms)"); bmin+=("$(echo "$o" | field min_ms)")
    done
    x=$(printf "%s\n" "${am[@]}" | median); y=$(printf "%s\n" "${bm[@]}" | median)
    printf "| %-12s | %-7s | %-20s | %-20s | %-14s |\n" "$label" "$threads" \
      "$x (min $(printf "%s\n" "${amin[@]}" | lowest))" "$y (min $(printf "%s\n" "${bmin[@]}" | lowest))" \
      "$(awk -v a="$x" -v b="$y" 'BEGIN {printf "%.3fx", a / b}')"
  done
done

if [ -x "$a/ghostnet-hvx-work" ] && [ -x "$b/ghostnet-hvx-work" ] && [ -d "$a/hexagon" ] && [ -d "$b/hexagon" ]; then
  echo
  echo "## HVX work: packets executed under qemu-hexagon, $b over $a"
  echo
  "$a/ghostnet-hvx-work" --hexagon-dir "$a/hexagon" --functions 0 --save "$tmp/hvx_a.tsv" > "$tmp/hvx_a.txt"
  "$b/ghostnet-hvx-work" --hexagon-dir "$b/hexagon" --functions 0 --baseline "$tmp/hvx_a.tsv"
fi

if [ $compile -eq 1 ]; then
  echo
  echo "## compile: ghostnet-generate for x86-64-linux-avx-avx2-f16c-fma-sse41, one job, seconds"
  echo
  printf "| %-10s | %-8s | %-8s |\n" network "$a" "$b"
  printf "|---|---|---|\n"
  for n in "1.0x fp32|fp32" "1.0x q8|q8"; do
    IFS='|' read -r label precision <<< "$n"
    t=()
    for d in "$a" "$b"; do
      s=$(date +%s.%N)
      "$d/ghostnet-generate" --width 1.0 --precision "$precision" --target x86-64-linux-avx-avx2-f16c-fma-sse41 \
        -o "$tmp/gen_$(basename "$d")_$precision" > /dev/null
      t+=("$(awk -v s="$s" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}')")
    done
    printf "| %-10s | %-8s | %-8s |\n" "$label" "${t[0]}" "${t[1]}"
  done
fi
