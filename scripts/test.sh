#!/usr/bin/env bash
# The README's second command: install what is missing, build everything for x86-64 and run
# its test suite; the sanitizer builds of it (scripts/test_sanitizers.sh) and half a minute of
# fuzzing per reader (scripts/fuzz.sh); then build everything for AArch64 (scripts/build_aarch64.sh) and run that
# suite under qemu-aarch64, including the cross-ISA check against the x86 build. Under
# emulation the full Fashion-MNIST test-set passes (10,000 images, ~9 minutes each, fp32 and
# q8) are left out; the x86 suite runs them, and the cross-ISA check compares logits bit for bit.
# Extra arguments go to both ctest runs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
(cd build && ctest --output-on-failure -j2 "$@")
scripts/test_sanitizers.sh "$@"
scripts/fuzz.sh 30
scripts/build_aarch64.sh
(cd build-aarch64 && ctest --output-on-failure -j2 -E "Fashion-MNIST accuracy" "$@")
