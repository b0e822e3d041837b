#!/usr/bin/env bash
# GhostNet 1.0x and 0.5x and GhostNetV2 1.0x at 224, batch 1, fp32: our pipeline against ONNX
# Runtime (CPU) on the same machine in one command, as docs/performance.md's table reports it
# (the same network both sides: random weights, which set no engine's speed); and ("q8" in
# WIDTHS) GhostNet 1.0x in 8 bits: our q8 against our fp32 (interleaved in one process) and
# against ONNX Runtime's int8 model (QDQ, all convs fused into QLinearConv). Each round
# runs, in turn, ours and ONNX Runtime's with 1 thread, then with 2 threads, so a noisy
# neighbour hits all of them alike; the table gives the median of the per-round medians (and
# the lowest min), the speed-up over ONNX Runtime, and our 2-thread gain over our own 1-thread
# latency (median of the per-round ratios). Each 2-thread row carries the cache-line round trip
# between two threads measured just before it (ghostnet-bench --ping-pong): how far apart the
# host had put the two cores in that round.
#
# usage: scripts/bench_vs_ort.sh [ROUNDS] [RUNS] [NETWORKS]   (defaults: 5 100 "1.0 0.5 v2 q8")
# needs: build/ghostnet-bench (scripts/build.sh ghostnet-bench), and ONNX Runtime from PyPI,
# pinned (onnxruntime==1.31.1, numpy==2.4.6), which this script installs on first use into its
# own venv (ORT_VENV, default $HOME/.cache/ghostnet-peers/ort); tools/peer_latency.py times it;
# and the peer models ../shared/bench/ghostnet_100.onnx, ghostnet_050.onnx and
# ghostnet_100_int8_qdq.onnx (or set ONNX_DIR to the folder holding them). The v2 row exports its
# peer model itself (tools/export_onnx.py: PyTorch, apt-get install python3-torch, and
# build/ghostnet-spec) into a temporary folder. The q8 rows also need
# build/ghostnet-quantize and build/ghostnet-spec (random weights, quantized on the bundled
# samples, in a temporary folder).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
runs=${2:-100}
widths=${3:-"1.0 0.5 v2 q8"}
onnx_dir=${ONNX_DIR:-../shared/bench}
ort_venv=${ORT_VENV:-$HOME/.cache/ghostnet-peers/ort}
ort_pins=(onnxruntime==1.31.1 numpy==2.4.6)
[ -x build/ghostnet-bench ] || { echo "build/ghostnet-bench missing: run scripts/build.sh ghostnet-bench" >&2; exit 1; }
if [ "$(cat "$ort_venv/pins.txt" 2>/dev/null)" != "${ort_pins[*]}" ]; then
  echo "installing ${ort_pins[*]} from PyPI into $ort_venv"
  python3 -m venv "$ort_venv" && "$ort_venv/bin/python3" -m pip install -q --disable-pip-version-check "${ort_pins[@]}" \
    || { echo "could not install ${ort_pins[*]} into $ort_venv" >&2; exit 1; }
  echo "${ort_pins[*]}" > "$ort_venv/pins.txt"
fi
ort() { "$ort_venv/bin/python3" tools/peer_latency.py onnxruntime "$@"; }

source scripts/bench_stats.sh  # median, lowest, field
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1)
echo "machine: $cpu, $(nproc) cores, $(uname -s) $(uname -m); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "ghostnet-bench (this build) vs ONNX Runtime $("$ort_venv/bin/python3" -c 'import onnxruntime; print(onnxruntime.__version__)') (PyPI); $rounds rounds x $runs runs"
echo
if [ -n "$(echo " $widths " | sed 's/ q8 / /g' | tr -d ' ')" ]; then
  printf "| %-7s | %-7s | %-22s | %-22s | %-8s | %-16s | %-14s |\n" network threads "ghostnet-halide ms" "ONNX Runtime ms" speed-up "2T over our 1T" "round trip ns"
  printf "|---|---|---|---|---|---|---|\n"
fi
for width in $widths; do
  [ "$width" = q8 ] && continue
  net=(--width "$width" --size 224)
  label="${width}x"
  case "$width" in
    1.0) model=$onnx_dir/ghostnet_100.onnx ;;
    0.5) model=$onnx_dir/ghostnet_050.onnx ;;
    v2)
      net=(--version v2 --width 1.0 --size 224)
      label="V2 1.0x"
      model=$tmp/ghostnetv2_100.onnx
      [ -x build/ghostnet-spec ] || { echo "build/ghostnet-spec missing: run scripts/build.sh ghostnet-spec" >&2; exit 1; }
      /usr/bin/python3 tools/export_onnx.py --spec "build/ghostnet-spec ${net[*]} --json" --out "$model" > /dev/null 2>"$tmp/export.log" \
        || { cat "$tmp/export.log" >&2; echo "tools/export_onnx.py failed (needs python3-torch)" >&2; exit 1; } ;;
    *) echo "$width: no peer model (1.0, 0.5 or v2)" >&2; exit 1 ;;
  esac
  [ -f "$model" ] || { echo "$model missing (set ONNX_DIR)" >&2; exit 1; }
  declare -A ours=() ours_min=() theirs=() theirs_min=() pp=()
  gains=()
  for ((i = 0; i < rounds; i++)); do
    for threads in 1 2; do
      extra=""
      [ "$threads" = 2 ] && extra="--ping-pong"
      o=$(build/ghostnet-bench "${net[@]}" --threads "$threads" --runs "$runs" --warmup 20 --json $extra)
      t=$(ort "$model" "$threads" "$runs" 20)
      ours[$threads]+="$(echo "$o" | field median_ms) "; ours_min[$threads]+="$(echo "$o" | field min_ms) "
      theirs[$threads]+="$(echo "$t" | field median_ms) "; theirs_min[$threads]+="$(echo "$t" | field min_ms) "
      [ "$threads" = 2 ] && pp[$threads]+="$(echo "$o" | field ping_pong_ns) "
      if [ "$threads" = 1 ]; then one=$(echo "$o" | field median_ms); else gains+=("$(awk -v a="$one" -v b="$(echo "$o" | field median_ms)" 'BEGIN {print a / b}')"); fi
    done
  done
  gain=$(printf "%s\n" "${gains[@]}" | median)
  for threads in 1 2; do
    om=$(printf "%s\n" ${ours[$threads]} | median); tm=$(printf "%s\n" ${theirs[$threads]} | median)
    omin=$(printf "%s\n" ${ours_min[$threads]} | lowest); tmin=$(printf "%s\n" ${theirs_min[$threads]} | lowest)
    if [ "$threads" = 2 ]; then
      g=$(awk -v g="$gain" 'BEGIN {printf "%.2fx", g}')
      ppr="$(printf "%s\n" ${pp[$threads]} | lowest)-$(printf "%s\n" ${pp[$threads]} | sort -g | tail -1)"
    else
      g="-"; ppr="-"
    fi
    printf "| %-7s | %-7s | %-22s | %-22s | %-8s | %-16s | %-14s |\n" "$label" "$threads" "$om (min $omin)" "$tm (min $tmin)" \
      "$(awk -v a="$tm" -v b="$om" 'BEGIN {printf "%.2fx", a / b}')" "$g" "$ppr"
  done
  unset ours ours_min theirs theirs_min pp
done

# q8: GhostNet 1.0x, random weights quantized on the bundled samples.
case " $widths " in *" q8 "*) ;; *) exit 0 ;; esac
int8_model=$onnx_dir/ghostnet_100_int8_qdq.onnx
[ -f "$int8_model" ] || { echo "$int8_model missing (set ONNX_DIR)" >&2; exit 1; }
for tool in build/ghostnet-quantize build/ghostnet-spec; do
  [ -x "$tool" ] || { echo "$tool missing: run scripts/build.sh ghostnet-quantize ghostnet-spec" >&2; exit 1; }
done
build/ghostnet-spec --width 1.0 --size 224 --classes 1000 --random-checkpoint "$tmp/w100.safetensors" --seed 31 > /dev/null
build/ghostnet-quantize --weights "$tmp/w100.safetensors" --calibration models/fashion_mnist/samples \
  -o "$tmp/w100_q8.safetensors" > /dev/null
echo
echo "GhostNet 1.0x at 224 in 8 bits (random weights quantized on models/fashion_mnist/samples): our q8 and fp32"
echo "interleaved in one process (ghostnet-bench --weights Q --baseline F), then ONNX Runtime's int8 model"
echo "($(basename "$int8_model")); $rounds rounds x $runs runs"
echo
printf "| %-7s | %-22s | %-22s | %-13s | %-22s | %-17s |\n" threads "ghostnet-halide q8 ms" "ghostnet-halide fp32 ms" "q8 over fp32" "ONNX Runtime int8 ms" "q8 over ORT int8"
printf "|---|---|---|---|---|---|\n"
for threads in 1 2; do
  q=() qmin=() f=() ratio=() t=() tmin=()
  for ((i = 0; i < rounds; i++)); do
    o=$(build/ghostnet-bench --weights "$tmp/w100_q8.safetensors" --baseline "$tmp/w100.safetensors" \
        --threads "$threads" --runs "$runs" --warmup 20 --json)
    r=$(ort "$int8_model" "$threads" "$runs" 20)
    q+=("$(echo "$o" | field median_ms)"); qmin+=("$(echo "$o" | field min_ms)")
    f+=("$(echo "$o" | field baseline_median_ms)"); ratio+=("$(echo "$o" | field speedup)")
    t+=("$(echo "$r" | field median_ms)"); tmin+=("$(echo "$r" | field min_ms)")
  done
  qm=$(printf "%s\n" "${q[@]}" | median); tm=$(printf "%s\n" "${t[@]}" | median)
  printf "| %-7s | %-22s | %-22s | %-13s | %-22s | %-17s |\n" "$threads" \
    "$qm (min $(printf "%s\n" "${qmin[@]}" | lowest))" "$(printf "%s\n" "${f[@]}" | median)" \
    "$(printf "%s\n" "${ratio[@]}" | median | awk '{printf "%.2fx", $1}')" \
    "$tm (min $(printf "%s\n" "${tmin[@]}" | lowest))" "$(awk -v a="$tm" -v b="$qm" 'BEGIN {printf "%.2fx", a / b}')"
done
