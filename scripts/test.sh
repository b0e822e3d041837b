#!/usr/bin/env bash
# The README's second command: install what is missing, build everything for x86-64 and run
# its test suite; the sanitizer builds of it (scripts/test_sanitizers.sh) and half a minute of
# fuzzing per reader (scripts/fuzz.sh); then build everything for AArch64
# (scripts/build_aarch64.sh) and run that suite under qemu-aarch64, including the cross-ISA
# check against the x86 build. docs/testing.md says what each part checks and how long it takes.
#
#   scripts/test.sh [--long] [ctest arguments...]
#
# The default suite covers every capability and is what CI runs. Checks that are long by nature
# carry the ctest label `long` and run only with --long: the Hexagon autotuning test, GhostNet
# 1.0x compiled for HVX (-DGHOSTNET_HEXAGON_GHOSTNET100=ON, kept in ./build's cache) and,
# under emulation, the full Fashion-MNIST test-set passes (10,000 images, ~9 minutes each under
# qemu-aarch64; the x86 suite runs them in seconds); --long also fuzzes 10 minutes per reader.
# A test that cannot run on this machine (a CPU feature it needs is missing) is reported by
# ctest as skipped, with its reason in the output. Other arguments go to every ctest run.
set -euo pipefail
cd "$(dirname "$0")/.."
long=0
args=()
for a in "$@"; do
  case "$a" in
    --long) long=1 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) args+=("$a") ;;
  esac
done
if [ $long -eq 1 ]; then
  export GHOSTNET_CMAKE_OPTIONS="-DGHOSTNET_HEXAGON_GHOSTNET100=ON"
  labels=()
  fuzz_seconds=600
  aarch64_exclude=()
else
  labels=(-LE long)
  fuzz_seconds=30
  aarch64_exclude=(-E "Fashion-MNIST accuracy")
fi
scripts/build.sh
source scripts/toolchain.sh  # CMAKE, CTEST
(cd build && "$CTEST" --output-on-failure -j2 "${labels[@]}" "${args[@]}")
scripts/test_sanitizers.sh "${labels[@]}" "${args[@]}"
scripts/fuzz.sh $fuzz_seconds
scripts/build_aarch64.sh
(cd build-aarch64 && "$CTEST" --output-on-failure -j2 "${labels[@]}" "${aarch64_exclude[@]}" "${args[@]}")
