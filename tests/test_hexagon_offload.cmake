# The offloading library (arm-64-android-hvx_128: an AArch64 library whose stages run on the
# DSP) for the bundled model's q8 network, checked for what it is made of, since nothing here can
# run it (no DSP, no FastRPC; docs/hexagon.md):
#  1. the library is AArch64 code only, and so is its host runtime;
#  2. it hands its stages to the DSP through the runtime's Hexagon host calls, which the runtime
#     defines;
#  3. it carries DSP code (a Hexagon shared object) whose innermost loops are HVX code in about
#     the share the standalone library for the DSP (hexagon-32-noos-hvx_128) reaches: a schedule
#     that misreads the target (e.g. the ARM host's 16-byte vectors) falls far below it;
#  4. its function has the standalone library's signature.
#   -DDIR=<build>/hexagon -DSOURCE=<source tree> -DOFFLOAD=<name> -DSTANDALONE=<name>
include("${CMAKE_CURRENT_LIST_DIR}/expect.cmake")
set(lib "${DIR}/${OFFLOAD}.a")
set(runtime "${DIR}/halide_runtime_android_hvx.a")

# 1.
expect_machine("${lib}" AArch64)
expect_machine("${runtime}" AArch64)

# 2.
expect_ok(nm -u "${lib}")
set(undefined "${last_out}")
expect_ok(nm --defined-only "${runtime}")
set(defined "${last_out}")
foreach (fn halide_hexagon_initialize_kernels halide_hexagon_run)
  if (NOT undefined MATCHES " U ${fn}\n")
    message(FATAL_ERROR "${lib} does not call ${fn}: its stages are not offloaded")
  endif ()
  if (NOT defined MATCHES " [TW] ${fn}\n")
    message(FATAL_ERROR "${runtime} does not define ${fn}")
  endif ()
endforeach ()

# 3.
hvx_share(offloaded "${lib}")
hvx_share(standalone "${DIR}/${STANDALONE}.a")
if (NOT offloaded_name MATCHES "\\(offloaded\\)")
  message(FATAL_ERROR "hvx_report.sh did not read ${lib} as an offloading library: '${offloaded_name}'")
endif ()
string(REGEX REPLACE "\\..*" "" offloaded_int "${offloaded}")
string(REGEX REPLACE "\\..*" "" standalone_int "${standalone}")
math(EXPR floor "${standalone_int} * 8 / 10")
if (offloaded_int LESS floor)
  message(FATAL_ERROR "the offloaded DSP code's innermost loops are ${offloaded}% HVX, the standalone "
                      "library's ${standalone}%: the offloaded stages are not scheduled for HVX")
endif ()

# 4.
foreach (name OFFLOAD STANDALONE)
  file(READ "${DIR}/${${name}}.h" header)
  if (NOT header MATCHES "int ${${name}}(\\([^)]*\\));")
    message(FATAL_ERROR "${DIR}/${${name}}.h declares no ${${name}}(...)")
  endif ()
  set(${name}_args "${CMAKE_MATCH_1}")
endforeach ()
if (NOT OFFLOAD_args STREQUAL STANDALONE_args)
  message(FATAL_ERROR "${OFFLOAD} takes ${OFFLOAD_args}, the standalone ${STANDALONE} ${STANDALONE_args}")
endif ()
message(STATUS "${OFFLOAD}: AArch64, offloads through the Hexagon host runtime, DSP code ${offloaded}% HVX "
               "in its innermost loops (standalone ${standalone}%), signature ${OFFLOAD_args}")
