#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang-14, ASan + UBSan) into ./build-fuzz and runs each
# for SECONDS (default 60) from the committed seed corpus fuzz/corpus/<target>/. New inputs
# go to build-fuzz/corpus/<target>/ (the committed seeds are only read); a finding stops the
# run with the input saved as build-fuzz/<target>-crash-* and a non-zero exit. As many targets
# run at once as there are cores (each fuzzer is one process on one core), so each still gets
# SECONDS of a core.
#   scripts/fuzz.sh [SECONDS] [TARGET...]     targets: safetensors npy model_description image
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(safetensors npy model_description image)
case "$seconds" in ''|*[!0-9]*) echo "fuzz.sh: SECONDS must be a number, got '$seconds'" >&2; exit 2 ;; esac
scripts/install_deps.sh --fuzz
source scripts/toolchain.sh  # CMAKE, CTEST
if [ ! -f build-fuzz/CMakeCache.txt ]; then
  "$CMAKE" -S fuzz -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
"$CMAKE" --build build-fuzz
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
fuzz_one() {
  local t="$1"
  FUZZ_SCRATCH="$scratch" "build-fuzz/fuzz_$t" -max_total_time="$seconds" -max_len=65536 \
      -rss_limit_mb=2048 -artifact_prefix="build-fuzz/$t-" -print_final_stats=1 \
      "build-fuzz/corpus/$t" "fuzz/corpus/$t" 2>"build-fuzz/$t.log" || {
    tail -40 "build-fuzz/$t.log"; echo "fuzz.sh: fuzz_$t found a failure (input: build-fuzz/$t-*)" >&2; return 1; }
  grep -E "^Done [0-9]+ runs" "build-fuzz/$t.log" | sed "s/^/fuzz_$t: /"
}
for t in "${targets[@]}"; do
  [ -x "build-fuzz/fuzz_$t" ] || { echo "fuzz.sh: no target '$t'" >&2; exit 2; }
done
at_once="$(nproc)"
running=0
status=0
for t in "${targets[@]}"; do
  mkdir -p "build-fuzz/corpus/$t"
  echo "== fuzz_$t: ${seconds} s"
  fuzz_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$at_once" ]; then
    wait -n || status=1
    running=$((running - 1))
  fi
done
while [ "$running" -gt 0 ]; do
  wait -n || status=1
  running=$((running - 1))
done
exit "$status"
