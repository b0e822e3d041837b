# Sourced by the scripts: the CMake and the Halide they use. Both come from PyPI, in the venv
# that scripts/install_deps.sh makes (scripts/venv.sh) with the pins of scripts/pypi-pins.txt:
# Halide 21 (found by cmake/HalideFromPyPI.cmake) and CMake 3.31 (Halide 21's CMake package needs
# 3.28; Debian 12 has 3.25). Sets CMAKE and CTEST; checks nothing else.
source "$(dirname "${BASH_SOURCE[0]}")/venv.sh"
CMAKE="$GHOSTNET_VENV/bin/cmake"
CTEST="$GHOSTNET_VENV/bin/ctest"
if [ ! -x "$CMAKE" ]; then
  echo "$0: no $CMAKE: run scripts/install_deps.sh first (it makes that venv)" >&2
  exit 1
fi
