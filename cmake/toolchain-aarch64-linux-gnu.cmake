# Cross-compiling for AArch64 Linux (a board, a server, or the apps under qemu-aarch64) with
# Debian's g++-aarch64-linux-gnu. Used by scripts/build_aarch64.sh; by hand:
#
#   cmake -S . -B build-aarch64 -G Ninja \
#     -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-aarch64-linux-gnu.cmake \
#     -Dghostnet_halide-halide_generators_ROOT=build/cmake     # generators of a host build
#
# Libraries the AArch64 programs link (zlib, stb) come from Debian's arm64 multiarch packages
# (zlib1g-dev:arm64 libstb-dev:arm64) and are linked statically, so the programs need only
# libc and libstdc++ on the board.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)

# Target libraries from the multiarch folders; headers (header-only packages such as Catch2,
# nlohmann-json, CLI11) and CMake package files may come from the host's /usr too.
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)

# Halide's CMake helpers (add_halide_library, Halide::Runtime headers) come from the host's
# Halide package (cmake/HalideFromPyPI.cmake finds it): only the generators run Halide, and they
# run on the host.

# ctest and catch_discover_tests run the AArch64 programs through qemu-user. The library path
# keeps the loader on the cross toolchain's glibc: with Debian's arm64 multiarch packages
# installed, the host's ld.so.cache also lists /lib/aarch64-linux-gnu/libc.so.6, a different
# glibc build than the loader in /usr/aarch64-linux-gnu, and the mix hangs in the first
# pthread call.
set(CMAKE_CROSSCOMPILING_EMULATOR
    "qemu-aarch64;-L;/usr/aarch64-linux-gnu;-E;LD_LIBRARY_PATH=/usr/aarch64-linux-gnu/lib" CACHE STRING
    "How the build runs AArch64 programs")

# The cross-ISA test also runs GhostNet on an emulated Cortex-A53 (Armv8.0: no dot product,
# no fp16 arithmetic), so the dispatch's fallback variant is exercised too.
set(GHOSTNET_QEMU_BASELINE_CPU cortex-a53 CACHE STRING "")
