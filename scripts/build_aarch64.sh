#!/usr/bin/env bash
# Builds everything for AArch64 Linux in ./build-aarch64: the network libraries (arm-64-linux,
# and arm-64-android ones to link into an NDK app), the runtime, the apps and the tests, as
# AArch64 programs. The generators run on this machine: they come from the host build in
# ./build, which this script brings up to date first. Arguments: build only these targets.
#   Run the tests under qemu:  (cd build-aarch64 && ctest)
#   Run an app:                qemu-aarch64 -L /usr/aarch64-linux-gnu build-aarch64/ghostnet-classify ...
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install_deps.sh --aarch64
source scripts/toolchain.sh  # CMAKE, CTEST
# The host build's generators (and the x86 programs the cross-ISA test compares with).
scripts/build.sh ghostnet.generators ghostnet_test.generators ghostnet-run ghostnet-classify write_random_case
if [ ! -f build-aarch64/CMakeCache.txt ]; then
  "$CMAKE" -S . -B build-aarch64 -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-aarch64-linux-gnu.cmake \
    -DGHOSTNET_HOST_BUILD_DIR="$PWD/build"
fi
if [ $# -gt 0 ]; then
  targets=()
  for t in "$@"; do targets+=(--target "$t"); done
  "$CMAKE" --build build-aarch64 "${targets[@]}"
else
  "$CMAKE" --build build-aarch64
fi
