#!/usr/bin/env bash
# Our pipelines against ONNX Runtime, OpenVINO, ncnn and LiteRT on this machine, in one command:
# GhostNet 1.0x, 0.5x and V2 1.0x in fp32 and GhostNet 1.0x in 8 bits, batch 1, 1 and 2
# threads, the engines in alternation; a markdown table and a PNG chart (tools/bench_peers.py
# says what is timed and how).
#
# usage: scripts/bench_peers.sh [OUT_DIR] [-- bench_peers.py options]
#   OUT_DIR defaults to bench-peers/ (peers.md, peers.png); e.g.
#   scripts/bench_peers.sh out -- --rounds 3 --runs 50 --networks "1.0 int8"
# needs: build/ghostnet-bench, ghostnet-spec and ghostnet-quantize (scripts/build.sh ghostnet-bench
# ghostnet-spec ghostnet-quantize); the peers from PyPI, pinned below, which this script installs
# on first use into its own venv (PEERS_VENV, default $HOME/.cache/ghostnet-peers/peers; the
# project never needs them to build or test; torch, which pnnx needs, also exports the v2 row's
# model); onnx2tf, which converts the ONNX models for LiteRT, in a venv of its own (ONNX2TF_VENV,
# default $HOME/.cache/ghostnet-peers/onnx2tf: its TensorFlow pins clash with the peers'; 2.6 GB);
# the ONNX models of ../shared/bench (ONNX_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
out=bench-peers
if [ $# -gt 0 ] && [ "$1" != -- ]; then out=$1; shift; fi
[ "${1:-}" = -- ] && shift
venv=${PEERS_VENV:-$HOME/.cache/ghostnet-peers/peers}
pins=(onnxruntime==1.31.1 openvino==2026.4.1 ncnn==1.0.20261020 pnnx==20261020 onnx==1.23.2 numpy==2.4.6
      matplotlib==3.11.2 torch==2.15.0 ai-edge-litert==2.3.0)
converter=${ONNX2TF_VENV:-$HOME/.cache/ghostnet-peers/onnx2tf}
# onnx2tf pins the rest (TensorFlow 2.19, its own ai-edge-litert and onnx).
converter_pins=(onnx2tf==1.29.24)
# install_once <venv> <pins...>: a venv with exactly these pins, made on first use.
install_once() {
  local dir=$1; shift
  if [ "$(cat "$dir/pins.txt" 2>/dev/null)" != "$*" ]; then
    echo "installing $* from PyPI into $dir (once)"
    python3 -m venv "$dir" && "$dir/bin/python3" -m pip install -q --disable-pip-version-check "$@" \
      || { echo "bench_peers.sh: could not install $* into $dir" >&2; exit 1; }
    echo "$*" > "$dir/pins.txt"
  fi
}
install_once "$venv" "${pins[@]}"
install_once "$converter" "${converter_pins[@]}"
exec "$venv/bin/python3" tools/bench_peers.py --build build --source . --onnx-dir "${ONNX_DIR:-../shared/bench}" \
  --onnx2tf "$converter/bin/onnx2tf" --out "$out" "$@"
