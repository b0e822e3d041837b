# Sourced by the scripts: the CMake and the Halide they use. Both come from PyPI, in the venv
# that scripts/install_deps.sh makes (GHOSTNET_VENV, default ./.venv): halide==21.0.0 (found by
# cmake/HalideFromPyPI.cmake) and cmake 3.31 (Halide 21's CMake package needs 3.28; Debian 12
# has 3.25). Sets CMAKE and CTEST; checks nothing else.
export GHOSTNET_VENV="${GHOSTNET_VENV:-$PWD/.venv}"
CMAKE="$GHOSTNET_VENV/bin/cmake"
CTEST="$GHOSTNET_VENV/bin/ctest"
if [ ! -x "$CMAKE" ]; then
  echo "$0: no $CMAKE: run scripts/install_deps.sh first (it makes that venv)" >&2
  exit 1
fi
