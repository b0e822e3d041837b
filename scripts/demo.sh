#!/usr/bin/env bash
# The README's first command: install what is missing, compile GhostNet ahead of time with
# Halide, and classify the bundled sample images with the bundled Fashion-MNIST GhostNet.
# The file names carry the true labels, so the answers can be checked by eye.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh ghostnet-classify
echo
echo "== ghostnet-classify models/fashion_mnist/samples (file name = true label)"
build/ghostnet-classify --top 1 models/fashion_mnist/samples
echo
echo "More: build/ghostnet-classify --help, scripts/test.sh, README.md"
