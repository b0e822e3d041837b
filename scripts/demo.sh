#!/usr/bin/env bash
# The README's first command: install what is missing, compile GhostNet ahead of time with
# Halide, run it on the bundled PyTorch fixture and compare, and time GhostNet 1.0x.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh ghostnet-run ghostnet-bench ghostnet-spec
fx=tests/fixtures/ghostnet_050_s200_k100
echo
echo "== GhostNet 0.5x (200x200, 100 classes) on the PyTorch fixture"
build/ghostnet-run --weights $fx/weights.safetensors --width 0.5 --size 200 --classes 100 \
  --input $fx/input.npy --output build/fixture_logits.npy --overwrite
echo "wrote build/fixture_logits.npy (PyTorch's logits: $fx/logits.npy)"
echo
echo "== GhostNet 1.0x at 224x224, batch 1, random weights"
build/ghostnet-bench --width 1.0 --size 224 --threads 1 --runs 50
build/ghostnet-bench --width 1.0 --size 224 --threads 2 --runs 50
