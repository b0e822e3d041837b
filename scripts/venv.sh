# Sourced by the scripts (from the repository root): the venv that holds the PyPI toolchain,
# GHOSTNET_VENV, default ./.venv (cmake/HalideFromPyPI.cmake's default is the same folder).
export GHOSTNET_VENV="${GHOSTNET_VENV:-$PWD/.venv}"
