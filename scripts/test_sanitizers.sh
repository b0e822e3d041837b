#!/usr/bin/env bash
# The suite again with sanitizers, on the code this project compiles itself (runtime, apps,
# tests; the Halide pipelines are generated code and stay uninstrumented):
#   ./build-asan  AddressSanitizer + UndefinedBehaviorSanitizer, the whole x86-64 suite but the
#                 emit/install test (that one is about the tool, built in ./build)
#   ./build-tsan  ThreadSanitizer, the threading tests (test_model_api: one Model from several
#                 threads; test_thread_pool: the pipelines' thread pool)
# Both link the pipelines the host build in ./build compiled (built first if needed): they
# compile nothing with Halide. Extra arguments go to ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh  # the host build: its pipelines are the ones the sanitizer builds link
source scripts/toolchain.sh  # CMAKE, CTEST
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# Halide's own (uninstrumented) thread-pool synchronization is suppressed: tests/tsan.supp.
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/tests/tsan.supp}"
for kind in asan tsan; do
  if [ "$kind" = asan ]; then sanitize=address,undefined; else sanitize=thread; fi
  if [ ! -f "build-$kind/CMakeCache.txt" ]; then
    "$CMAKE" -S . -B "build-$kind" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
          -DGHOSTNET_SANITIZE=$sanitize -DGHOSTNET_HOST_BUILD_DIR="$PWD/build"
  fi
done
"$CMAKE" --build build-asan
(cd build-asan && "$CTEST" --output-on-failure --no-tests=error -j2 "$@")
"$CMAKE" --build build-tsan --target test_model_api test_thread_pool
(cd build-tsan && "$CTEST" --output-on-failure --no-tests=error -R "test_model_api:one Model|test_thread_pool:" "$@")
