#!/usr/bin/env bash
# Configures (once) and builds the given targets in ./build (all targets if none given).
# GHOSTNET_CMAKE_OPTIONS (e.g. "-DGHOSTNET_HEXAGON_GHOSTNET100=ON", as scripts/test.sh --long
# sets it) are passed to CMake, also to an existing ./build, where they stay in its cache.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install_deps.sh
source scripts/toolchain.sh  # CMAKE, CTEST
read -r -a options <<< "${GHOSTNET_CMAKE_OPTIONS:-}"
if [ ! -f build/CMakeCache.txt ]; then
  "$CMAKE" -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release "${options[@]}"
elif [ ${#options[@]} -gt 0 ]; then
  "$CMAKE" -S . -B build "${options[@]}"
fi
if [ $# -gt 0 ]; then
  targets=()
  for t in "$@"; do targets+=(--target "$t"); done
  "$CMAKE" --build build "${targets[@]}"
else
  "$CMAKE" --build build
fi
