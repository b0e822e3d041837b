#!/usr/bin/env bash
# The README's first command: install what is missing, compile GhostNet ahead of time with
# Halide, and classify the bundled sample images with the bundled Fashion-MNIST GhostNet
# (then one of them again from the Python module).
# The file names carry the true labels, so the answers can be checked by eye.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh ghostnet-classify ghostnet_halide
echo
echo "== ghostnet-classify models/fashion_mnist/samples (file name = true label)"
build/ghostnet-classify --top 1 models/fashion_mnist/samples
echo
echo "== the same model from Python (the module build/python/ghostnet_halide*.so, docs/python.md)"
PYTHONPATH=build/python /usr/bin/python3 -c '
import ghostnet_halide as gh
model = gh.Model.from_folder()  # the bundled model
for p in model.classify("models/fashion_mnist/samples/0000_ankle_boot.png", top=3):
    print("  %6.2f%%  %s" % (100 * p["probability"], p["label"]))
'
echo
echo "More: build/ghostnet-classify --help, scripts/test.sh, README.md, docs/python.md"
