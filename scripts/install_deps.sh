#!/usr/bin/env bash
# Installs what the build needs, only what is missing: Debian 12 packages, and from PyPI the
# toolchain, pinned (scripts/pypi-pins.txt), into a venv (scripts/venv.sh: GHOSTNET_VENV, default
# ./.venv; scripts/toolchain.sh and cmake/HalideFromPyPI.cmake find it there): Halide 21 (the
# official wheel, with LLVM 21) and CMake 3.31 (Halide 21's CMake package needs 3.28; Debian 12
# has 3.25).
#   scripts/install_deps.sh            the host (x86-64) build (clang-14, lld-14 and qemu-user
#                                      build and run the Hexagon HVX tests; python3-dev and
#                                      pybind11-dev the Python module, numpy and pytest its tests)
#   scripts/install_deps.sh --aarch64  also the AArch64 cross build and qemu-user to run it
#                                      (adds Debian's arm64 architecture for zlib and stb)
#   scripts/install_deps.sh --fuzz     also clang-14 and its libFuzzer/sanitizer runtimes
set -euo pipefail
cd "$(dirname "$0")/.."
# The pins, one per line, in scripts/pypi-pins.txt (cmake/HalideFromPyPI.cmake names them from there).
mapfile -t pypi_pins < <(grep -v '^[[:space:]]*\(#\|$\)' scripts/pypi-pins.txt)
packages=(ninja-build g++ python3-venv catch2 libstb-dev nlohmann-json3-dev libcli11-dev
          zlib1g-dev dataset-fashion-mnist clang-14 lld-14 qemu-user
          python3-dev pybind11-dev python3-numpy python3-pytest)
aarch64=0
for arg in "$@"; do
  case "$arg" in
    --aarch64) aarch64=1 ;;
    --fuzz) packages+=(clang-14 libclang-rt-14-dev) ;;
    *) echo "install_deps.sh: unknown option $arg (expected --aarch64 or --fuzz)" >&2; exit 2 ;;
  esac
done
if [ $aarch64 -eq 1 ]; then
  packages+=(g++-aarch64-linux-gnu qemu-user zlib1g-dev:arm64 libstb-dev:arm64)
fi

# The PyPI toolchain: a venv whose stamp lists the pins it was made with.
source scripts/venv.sh  # GHOSTNET_VENV
pypi_toolchain() {
  local venv="$GHOSTNET_VENV" stamp
  stamp="$venv/ghostnet-pins.txt"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "${pypi_pins[*]}" ]; then
    return 0
  fi
  echo "Installing from PyPI into $venv: ${pypi_pins[*]}"
  [ -x "$venv/bin/python3" ] || python3 -m venv "$venv"
  "$venv/bin/python3" -m pip install -q --disable-pip-version-check "${pypi_pins[@]}"
  echo "${pypi_pins[*]}" > "$stamp"
}

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  pypi_toolchain
  exit 0
fi
echo "Installing missing Debian packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo=sudo
fi
if [ $aarch64 -eq 1 ] && ! dpkg --print-foreign-architectures | grep -qx arm64; then
  $sudo dpkg --add-architecture arm64
fi
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
pypi_toolchain
