#!/usr/bin/env bash
# The README's second command: install what is missing, build everything, run the whole
# test suite with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
cd build
ctest --output-on-failure -j2 "$@"
