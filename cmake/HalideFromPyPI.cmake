# Where Halide comes from: the PyPI wheel pinned in scripts/pypi-pins.txt (a whole C++ install: libHalide with
# LLVM 21, headers, the CMake package, the autoscheduler plugins and tools), installed with
# CMake 3.31 into the project's venv by scripts/install_deps.sh. This is the one place that
# finds it; every build (host, cross, sanitizer) includes it before find_package(Halide...).
#
#   GHOSTNET_VENV   the venv holding the wheel (default: $ENV{GHOSTNET_VENV}, else <source>/.venv)
#   Halide_DIR      given by the user: used as it is, and nothing here runs
#
# The wheel keeps its CMake package in <install_dir>/lib64/cmake, which CMake on Debian does not
# search under a prefix: a plain CMAKE_PREFIX_PATH=<install_dir> would silently find Debian's
# Halide 14 instead, so the package folders are set directly.
# The halide pin, for the messages below.
file(STRINGS "${CMAKE_CURRENT_LIST_DIR}/../scripts/pypi-pins.txt" ghostnet_halide_pin REGEX "^halide==")
if (DEFINED ENV{GHOSTNET_VENV} AND NOT "$ENV{GHOSTNET_VENV}" STREQUAL "")
  set(ghostnet_default_venv "$ENV{GHOSTNET_VENV}")
else ()
  set(ghostnet_default_venv "${CMAKE_CURRENT_LIST_DIR}/../.venv")
endif ()
get_filename_component(ghostnet_default_venv "${ghostnet_default_venv}" ABSOLUTE)
set(GHOSTNET_VENV "${ghostnet_default_venv}" CACHE PATH
    "The venv with the PyPI wheels ${ghostnet_halide_pin} and cmake (scripts/install_deps.sh makes it)")

if (NOT Halide_DIR OR NOT HalideHelpers_DIR)
  set(ghostnet_python "${GHOSTNET_VENV}/bin/python3")
  if (NOT EXISTS "${ghostnet_python}")
    message(FATAL_ERROR "No Halide: ${GHOSTNET_VENV} is not a venv. Run scripts/install_deps.sh "
                        "(it installs ${ghostnet_halide_pin} and cmake from PyPI there), or pass "
                        "-DGHOSTNET_VENV=<a venv with the halide wheel> or "
                        "-DHalide_DIR=<install_dir>/lib64/cmake/Halide")
  endif ()
  execute_process(COMMAND "${ghostnet_python}" -c "import halide; print(halide.install_dir())"
                  OUTPUT_VARIABLE ghostnet_halide_root ERROR_VARIABLE ghostnet_halide_err
                  RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
  if (NOT rc EQUAL 0 OR NOT EXISTS "${ghostnet_halide_root}/lib64/cmake/Halide")
    message(FATAL_ERROR "No Halide in ${GHOSTNET_VENV}: '${ghostnet_python} -c \"import halide\"' "
                        "failed (${ghostnet_halide_err}). Run scripts/install_deps.sh, or "
                        "'${GHOSTNET_VENV}/bin/pip install ${ghostnet_halide_pin}'")
  endif ()
  set(Halide_DIR "${ghostnet_halide_root}/lib64/cmake/Halide" CACHE PATH "Halide's CMake package (the PyPI wheel)")
  set(HalideHelpers_DIR "${ghostnet_halide_root}/lib64/cmake/HalideHelpers" CACHE PATH
      "Halide's CMake helpers (the PyPI wheel)")
endif ()
