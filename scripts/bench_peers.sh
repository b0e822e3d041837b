#!/usr/bin/env bash
# Our pipelines against ONNX Runtime, OpenVINO and ncnn on this machine, in one command:
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
# model); the ONNX models of ../shared/bench (ONNX_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
out=bench-peers
if [ $# -gt 0 ] && [ "$1" != -- ]; then out=$1; shift; fi
[ "${1:-}" = -- ] && shift
venv=${PEERS_VENV:-$HOME/.cache/ghostnet-peers/peers}
pins=(onnxruntime==1.31.1 openvino==2026.4.1 ncnn==1.0.20261020 pnnx==20261020 onnx==1.23.2 numpy==2.4.6
      matplotlib==3.11.2 torch==2.15.0)
if [ "$(cat "$venv/pins.txt" 2>/dev/null)" != "${pins[*]}" ]; then
  echo "installing ${pins[*]} from PyPI into $venv (once)"
  python3 -m venv "$venv" && "$venv/bin/python3" -m pip install -q --disable-pip-version-check "${pins[@]}" \
    || { echo "bench_peers.sh: could not install ${pins[*]} into $venv" >&2; exit 1; }
  echo "${pins[*]}" > "$venv/pins.txt"
fi
exec "$venv/bin/python3" tools/bench_peers.py --build build --source . --onnx-dir "${ONNX_DIR:-../shared/bench}" \
  --out "$out" "$@"
