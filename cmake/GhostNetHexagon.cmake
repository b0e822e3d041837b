# Hexagon HVX test programs: pipelines compiled for hexagon-32-noos-hvx_128 and linked into a
# freestanding static program (hexagon/: a small libc and a runner) that qemu-hexagon
# runs. Debian has no Hexagon libc or SDK; clang-14 and ld.lld-14 compile and link, QEMU 7.2's
# qemu-hexagon executes HVX (docs/hexagon.md).

set(GHOSTNET_HEXAGON_TARGET hexagon-32-noos-hvx_128)
# HVX v68, the first with float vectors (Halide's hvx_v68): the fp32 networks' target.
set(GHOSTNET_HEXAGON_V68_TARGET ${GHOSTNET_HEXAGON_TARGET}-hvx_v68)
find_program(GHOSTNET_CLANG14 clang-14)
find_program(GHOSTNET_LLD14 ld.lld-14)
find_program(GHOSTNET_QEMU_HEXAGON qemu-hexagon)
foreach (tool GHOSTNET_CLANG14 GHOSTNET_LLD14 GHOSTNET_QEMU_HEXAGON)
  if (NOT ${tool})
    message(FATAL_ERROR "${tool} not found: the Hexagon tests need clang-14, lld-14 and qemu-user "
                        "(scripts/install_deps.sh installs them), or configure with -DGHOSTNET_HEXAGON_TESTS=OFF")
  endif ()
endforeach ()

set(GHOSTNET_HEXAGON_DIR "${CMAKE_BINARY_DIR}/hexagon")
file(MAKE_DIRECTORY "${GHOSTNET_HEXAGON_DIR}")
set(hexagon_cflags ${GHOSTNET_HEXAGON_CFLAGS}
    -I${PROJECT_SOURCE_DIR}/hexagon/include -I${PROJECT_SOURCE_DIR}/hexagon)
get_target_property(halide_includes Halide::Runtime INTERFACE_INCLUDE_DIRECTORIES)
foreach (dir IN LISTS halide_includes)
  list(APPEND hexagon_cflags -I${dir})
endforeach ()

# Halide's runtime for the DSP and the runner's libc, once.
add_custom_command(OUTPUT "${GHOSTNET_HEXAGON_DIR}/halide_runtime_hexagon.a"
  COMMAND ghostnet.generators -r halide_runtime_hexagon -o "${GHOSTNET_HEXAGON_DIR}"
          -e static_library target=${GHOSTNET_HEXAGON_TARGET}
  DEPENDS ghostnet.generators VERBATIM)
add_custom_command(OUTPUT "${GHOSTNET_HEXAGON_DIR}/libc.o"
  COMMAND ${GHOSTNET_CLANG14} ${hexagon_cflags} -c "${PROJECT_SOURCE_DIR}/hexagon/libc.c"
          -o "${GHOSTNET_HEXAGON_DIR}/libc.o"
  DEPENDS "${PROJECT_SOURCE_DIR}/hexagon/libc.c" "${PROJECT_SOURCE_DIR}/hexagon/libc.h"
  VERBATIM)
add_custom_target(ghostnet_hexagon_runners ALL)

# ghostnet_hexagon_runner(<name> FROM <generator exe> GENERATOR <g> [NETWORK] [TARGET <t>]
# [PARAMS ...]): the pipeline for HVX (TARGET: GHOSTNET_HEXAGON_TARGET unless given) (hexagon/<name>.a and .h; for a kernel also .s, the assembly kept to inspect)
# and hexagon/<name>_runner, the program that runs it on a job file (hexagon/job_file.h).
# NETWORK: a whole network. Halide writes assembly by compiling the module a second time, so a
# network keeps none (scripts/hvx_report.sh disassembles its .a instead), and its generator runs
# without Halide's 15-minute limit.
function(ghostnet_hexagon_runner NAME)
  cmake_parse_arguments(ARG "NETWORK" "FROM;GENERATOR;TARGET" "PARAMS" ${ARGN})
  if (NOT ARG_TARGET)
    set(ARG_TARGET ${GHOSTNET_HEXAGON_TARGET})
  endif ()
  set(dir "${GHOSTNET_HEXAGON_DIR}")
  if (ARG_NETWORK)
    set(outputs "${dir}/${NAME}.a" "${dir}/${NAME}.h")
    set(emit static_library,h -t 0)
  else ()
    set(outputs "${dir}/${NAME}.a" "${dir}/${NAME}.h" "${dir}/${NAME}.s")
    set(emit static_library,h,assembly)
  endif ()
  add_custom_command(OUTPUT ${outputs}
    COMMAND ${ARG_FROM} -g ${ARG_GENERATOR} -f ${NAME} -o "${dir}" -e ${emit}
            target=${ARG_TARGET}-no_runtime ${ARG_PARAMS}
    DEPENDS ${ARG_FROM} VERBATIM)
  add_custom_command(OUTPUT "${dir}/${NAME}_runner"
    COMMAND ${GHOSTNET_CLANG14} ${hexagon_cflags} -DPIPELINE_ARGV=${NAME}_argv
            -c "${PROJECT_SOURCE_DIR}/hexagon/runner.c" -o "${dir}/${NAME}_runner.o"
    COMMAND ${GHOSTNET_LLD14} -static -e _start "${dir}/${NAME}_runner.o" "${dir}/libc.o"
            "${dir}/${NAME}.a" "${dir}/halide_runtime_hexagon.a" -o "${dir}/${NAME}_runner"
    DEPENDS "${PROJECT_SOURCE_DIR}/hexagon/runner.c" "${dir}/libc.o" "${dir}/${NAME}.a"
            "${dir}/halide_runtime_hexagon.a"
    VERBATIM)
  add_custom_target(${NAME}.hexagon DEPENDS "${dir}/${NAME}_runner")
  add_dependencies(ghostnet_hexagon_runners ${NAME}.hexagon)
endfunction()

# hvx_v68_float_probe: one HVX v68 float instruction in a v68 program. It runs where the
# emulator executes v68 float vectors (QEMU 7.2's qemu-hexagon does not: it knows no v68 CPU);
# test_hexagon asks it before running an fp32 network.
string(REPLACE "-mv66" "-mv68" hexagon_v68_cflags "${hexagon_cflags}")
add_custom_command(OUTPUT "${GHOSTNET_HEXAGON_DIR}/hvx_v68_float_probe"
  COMMAND ${GHOSTNET_CLANG14} ${hexagon_v68_cflags} -c "${PROJECT_SOURCE_DIR}/hexagon/hvx_v68_float_probe.c"
          -o "${GHOSTNET_HEXAGON_DIR}/hvx_v68_float_probe.o"
  COMMAND ${GHOSTNET_LLD14} -static -e _start "${GHOSTNET_HEXAGON_DIR}/hvx_v68_float_probe.o"
          "${GHOSTNET_HEXAGON_DIR}/libc.o" -o "${GHOSTNET_HEXAGON_DIR}/hvx_v68_float_probe"
  DEPENDS "${PROJECT_SOURCE_DIR}/hexagon/hvx_v68_float_probe.c" "${GHOSTNET_HEXAGON_DIR}/libc.o" VERBATIM)
add_custom_target(hvx_v68_float_probe DEPENDS "${GHOSTNET_HEXAGON_DIR}/hvx_v68_float_probe")
add_dependencies(ghostnet_hexagon_runners hvx_v68_float_probe)

# ghostnet_hexagon_offload(<name> FROM <generator exe> GENERATOR <g> [PARAMS ...]): the same
# network for an Android app whose stages run on the DSP (arm-64-android-hvx_128):
# hexagon/<name>.a (AArch64; the DSP code rides inside it as a Hexagon shared object) and .h,
# with the host runtime that offloads (hexagon/halide_runtime_android_hvx.a, once). Nothing
# here can run it (no DSP, no FastRPC): test_hexagon_offload checks what it is made of.
set(GHOSTNET_HEXAGON_OFFLOAD_TARGET arm-64-android-hvx_128)
add_custom_command(OUTPUT "${GHOSTNET_HEXAGON_DIR}/halide_runtime_android_hvx.a"
  COMMAND ghostnet.generators -r halide_runtime_android_hvx -o "${GHOSTNET_HEXAGON_DIR}"
          -e static_library target=${GHOSTNET_HEXAGON_OFFLOAD_TARGET}
  DEPENDS ghostnet.generators VERBATIM)
function(ghostnet_hexagon_offload NAME)
  cmake_parse_arguments(ARG "" "FROM;GENERATOR" "PARAMS" ${ARGN})
  set(dir "${GHOSTNET_HEXAGON_DIR}")
  add_custom_command(OUTPUT "${dir}/${NAME}.a" "${dir}/${NAME}.h"
    COMMAND ${ARG_FROM} -g ${ARG_GENERATOR} -f ${NAME} -o "${dir}" -e static_library,h -t 0
            target=${GHOSTNET_HEXAGON_OFFLOAD_TARGET}-no_runtime ${ARG_PARAMS}
    DEPENDS ${ARG_FROM} VERBATIM)
  add_custom_target(${NAME}.offload ALL
    DEPENDS "${dir}/${NAME}.a" "${dir}/halide_runtime_android_hvx.a")
endfunction()

# ghostnet-hvx-work: the network runners' executed packets and instructions, counted under
# qemu-hexagon by a QEMU plugin (hexagon/hvx_work.c, a host library; its target is the top
# level's, beside ghostnet-autotune, which counts with it too).
add_executable(ghostnet-hvx-work "${PROJECT_SOURCE_DIR}/apps/ghostnet_hvx_work.cpp")
target_link_libraries(ghostnet-hvx-work PRIVATE ghostnet_pipelines ghostnet_runtime ghostnet_cli)
target_include_directories(ghostnet-hvx-work PRIVATE "${PROJECT_SOURCE_DIR}/hexagon")  # job_file.h
target_compile_definitions(ghostnet-hvx-work PRIVATE
  GHOSTNET_DEFAULT_MODEL_DIR="${GHOSTNET_DEFAULT_MODEL_DIR}" GHOSTNET_HEXAGON_DIR="${GHOSTNET_HEXAGON_DIR}"
  GHOSTNET_QEMU_HEXAGON="${GHOSTNET_QEMU_HEXAGON}" GHOSTNET_HVX_WORK_PLUGIN="$<TARGET_FILE:hvx_work>")
add_dependencies(ghostnet-hvx-work hvx_work)
set_target_properties(ghostnet-hvx-work PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}")
