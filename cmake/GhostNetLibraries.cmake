# Helpers that turn the generators into libraries the runtime and tests link.

include("${CMAKE_CURRENT_LIST_DIR}/GhostNetPipelineGenerator.cmake")  # ghostnet_pipeline_generator

# The x86-64 variants one network library dispatches across at run time, best first.
# Halide's features do not imply each other: AVX-512 code needs avx512 as well as
# avx512_skylake, or Halide picks 8-wide vectors and 16 registers for it.
set(GHOSTNET_X86_TARGETS
    x86-64-linux-avx-avx2-avx512-avx512_skylake-f16c-fma-sse41
    x86-64-linux-avx-avx2-f16c-fma-sse41
    x86-64-linux-sse41
    CACHE STRING "Halide targets of the x86-64 network libraries (runtime dispatch, best first)")

# q8 networks put an AVX-512 VNNI variant first: Halide 21 emits vpdpbusd (4 uint8 x int8
# products per 32-bit lane) for avx512_zen4, compiled for LLVM's znver4 CPU: it runs on AMD
# Zen 4/5 and Intel Sapphire Rapids and later. Halide's runtime does not detect avx512_zen4;
# runtime/cpu_features.h checks it (every AVX-512 extension znver4 code may use).
set(GHOSTNET_X86_Q8_TARGETS
    x86-64-linux-avx-avx2-avx512-avx512_skylake-avx512_cannonlake-avx512_zen4-f16c-fma-sse41
    ${GHOSTNET_X86_TARGETS}
    CACHE STRING "Halide targets of the x86-64 q8 network libraries (runtime dispatch, best first)")

# The AArch64 variants: dot product and fp16 arithmetic (Armv8.2+) first, plain Armv8 NEON
# as the fallback every 64-bit ARM core runs.
set(GHOSTNET_ARM_TARGETS
    arm-64-linux-arm_dot_prod-arm_fp16
    arm-64-linux
    CACHE STRING "Halide targets of the AArch64 network libraries (runtime dispatch, best first)")

# How a program for the Hexagon DSP is compiled here (Debian has no Hexagon SDK: clang-14 and a
# freestanding C library, hexagon/): the tests' runners (cmake/GhostNetHexagon.cmake) and
# ghostnet-autotune's Hexagon benchmark (apps/autotune/benchmark.cpp) use these flags, plus
# include folders.
set(GHOSTNET_HEXAGON_CFLAGS --target=hexagon-unknown-linux-musl -mv66 -mhvx -mhvx-length=128b -O2
    -ffreestanding -fno-builtin -nostdlib)

# The targets a network library of this build is compiled for: the dispatch list of the
# architecture CMake compiles for (the host's, or the toolchain file's when cross-compiling).
if (GHOSTNET_SANITIZE)
  # sanitizer builds link the host build's libraries (ghostnet_halide_library); its q8 dispatch
  # variants are tested there
  set(GHOSTNET_NETWORK_TARGETS ${Halide_TARGET})
  set(GHOSTNET_Q8_NETWORK_TARGETS ${Halide_TARGET})
elseif (Halide_CMAKE_TARGET MATCHES "^x86-64-")
  set(GHOSTNET_NETWORK_TARGETS ${GHOSTNET_X86_TARGETS})
  set(GHOSTNET_Q8_NETWORK_TARGETS ${GHOSTNET_X86_Q8_TARGETS})
elseif (Halide_CMAKE_TARGET STREQUAL "arm-64-linux")
  set(GHOSTNET_NETWORK_TARGETS ${GHOSTNET_ARM_TARGETS})
  set(GHOSTNET_Q8_NETWORK_TARGETS ${GHOSTNET_ARM_TARGETS})
else ()
  set(GHOSTNET_NETWORK_TARGETS ${Halide_TARGET})
  set(GHOSTNET_Q8_NETWORK_TARGETS ${Halide_TARGET})
endif ()

# ghostnet_halide_library(<name> FROM <generator exe> GENERATOR <g> [TARGETS ...] [PARAMS ...])
# add_halide_library with one Halide runtime shared by every library of the build: the first
# library creates it, the others add their targets to it (add_halide_library's USE_RUNTIME).
#
# A sanitizer build (GHOSTNET_SANITIZE) compiles nothing with Halide: its pipelines would not be
# instrumented anyway, so it links the ones the host build (GHOSTNET_HOST_BUILD_DIR) compiled,
# the same libraries the host suite tests, from the same place in that build's tree.
function(ghostnet_halide_library NAME)
  cmake_parse_arguments(ARG "" "FROM;GENERATOR" "TARGETS;PARAMS" ${ARGN})
  if (GHOSTNET_SANITIZE)
    file(RELATIVE_PATH rel "${CMAKE_BINARY_DIR}" "${CMAKE_CURRENT_BINARY_DIR}")
    set(dir "${GHOSTNET_HOST_BUILD_DIR}/${rel}")
    get_property(runtime GLOBAL PROPERTY GHOSTNET_HALIDE_RUNTIME)
    if (NOT runtime)
      set(runtime ${NAME}.runtime)
      add_library(${runtime} STATIC IMPORTED GLOBAL)
      set_target_properties(${runtime} PROPERTIES IMPORTED_LOCATION "${dir}/lib${runtime}.a"
        INTERFACE_LINK_LIBRARIES "Threads::Threads;${CMAKE_DL_LIBS}")
      set_property(GLOBAL PROPERTY GHOSTNET_HALIDE_RUNTIME ${runtime})
    endif ()
    add_library(${NAME} STATIC IMPORTED GLOBAL)
    set_target_properties(${NAME} PROPERTIES IMPORTED_LOCATION "${dir}/lib${NAME}.a"
      INTERFACE_INCLUDE_DIRECTORIES "${dir}"
      INTERFACE_LINK_LIBRARIES "Halide::Runtime;${runtime}")
    return ()
  endif ()
  if (NOT ARG_TARGETS)
    # The build machine's best (host) natively; the toolchain's triple when cross-compiling.
    set(ARG_TARGETS ${Halide_TARGET})
  endif ()
  get_property(runtime GLOBAL PROPERTY GHOSTNET_HALIDE_RUNTIME)
  if (runtime)
    set(use_runtime USE_RUNTIME ${runtime})
  else ()
    set(use_runtime "")
    set_property(GLOBAL PROPERTY GHOSTNET_HALIDE_RUNTIME ${NAME}.runtime)
  endif ()
  add_halide_library(${NAME} FROM ${ARG_FROM}
    GENERATOR ${ARG_GENERATOR}
    TARGETS ${ARG_TARGETS}
    ${use_runtime}
    PARAMS ${ARG_PARAMS})
endfunction()

option(GHOSTNET_PROFILE_VARIANTS
       "Build a profiling variant (<name>_profile, Halide's profile feature, this machine's target) beside each network added with PROFILE, for ghostnet-bench --profile"
       ON)

# ghostnet_add_network(<network> [GROUPED_WEIGHT_BITS 7] [HOST_ONLY] [PROFILE])
# The network <network> names (the rule: runtime/network_name.h, e.g. ghostnet_w100_s224,
# ghostnetv2_w050_s112_k10_q8), compiled into the library of that name and listed in the registry
# the runtime finds pipelines in (ghostnet_write_registry). The generator reads everything from
# the name; a second call for the same network and bits adds nothing.
# GROUPED_WEIGHT_BITS 7 (q8): the pipeline for models quantized with 7-bit grouped weights
# (ghostnet-quantize --grouped-weight-bits 7), library <network>_w7, which the runtime picks for
# them over the 8-bit one (its x86 code without VNNI adds their products in int16 pairs:
# runtime/pipeline_registry.h).
# HOST_ONLY builds for one target (Halide_TARGET: the build machine natively, the toolchain's
# triple when cross-compiling): test pipelines need not dispatch. PROFILE also builds
# <library>_profile, the same pipeline for Halide_TARGET with Halide's sampling profiler compiled
# in (per-Func time; ghostnet-bench --profile reads it), when GHOSTNET_PROFILE_VARIANTS is on.
function(ghostnet_add_network NETWORK)
  cmake_parse_arguments(ARG "HOST_ONLY;PROFILE" "GROUPED_WEIGHT_BITS" "" ${ARGN})
  if (ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "ghostnet_add_network(${NETWORK}): unknown arguments ${ARG_UNPARSED_ARGUMENTS}: "
                        "the network's name says its configuration (runtime/network_name.h)")
  endif ()
  ghostnet_pipeline_generator(generator ${NETWORK})
  if (NOT ARG_GROUPED_WEIGHT_BITS)
    set(ARG_GROUPED_WEIGHT_BITS 8)
  endif ()
  set(library ${NETWORK})
  set(bits_param "")
  if (ARG_GROUPED_WEIGHT_BITS EQUAL 7 AND generator STREQUAL "ghostnet_q8")
    set(bits_param grouped_weight_bits=7)
    set(library ${NETWORK}_w7)
  elseif (NOT ARG_GROUPED_WEIGHT_BITS EQUAL 8)
    message(FATAL_ERROR "ghostnet_add_network(${NETWORK}): GROUPED_WEIGHT_BITS must be 8, or 7 for a q8 network, "
                        "got ${ARG_GROUPED_WEIGHT_BITS}")
  endif ()
  if (TARGET ${library})
    return ()
  endif ()
  if (ARG_HOST_ONLY)
    set(targets ${Halide_TARGET})
  elseif (generator STREQUAL "ghostnet_q8")
    set(targets ${GHOSTNET_Q8_NETWORK_TARGETS})
  else ()
    set(targets ${GHOSTNET_NETWORK_TARGETS})
  endif ()
  # The schedule (or hand-schedule tunables) ghostnet-autotune kept for GHOSTNET_DEVICE, where
  # there is one: the generator finds it by the network's name (and says so while it builds).
  set(device_param "")
  if (GHOSTNET_DEVICE)
    set(device_param device=${GHOSTNET_DEVICE} device_or_hand=true)
  endif ()
  set(params network=${NETWORK} ${bits_param} ${device_param})
  ghostnet_halide_library(${library} FROM ghostnet.generators GENERATOR ${generator}
    TARGETS ${targets} PARAMS ${params})
  set(profile 0)
  if (ARG_PROFILE AND GHOSTNET_PROFILE_VARIANTS)
    # One target: profiling is for finding where this machine's time goes, not for shipping.
    ghostnet_halide_library(${library}_profile FROM ghostnet.generators GENERATOR ${generator}
      TARGETS ${Halide_TARGET}-profile PARAMS ${params})
    set(profile 1)
  endif ()
  set_property(GLOBAL APPEND PROPERTY GHOSTNET_NETWORKS "${library}|${NETWORK}|${profile}|${ARG_GROUPED_WEIGHT_BITS}")
endfunction()

# ghostnet_emit_network(<library> NETWORK <network> TARGETS t...): the network <network> names
# (runtime/network_name.h), fp32, as a library for another platform than this build's (e.g.
# arm-64-android): static library, header and its own Halide runtime in the build folder, built
# with `all` but linked into nothing here.
function(ghostnet_emit_network NAME)
  cmake_parse_arguments(ARG "" "NETWORK" "TARGETS" ${ARGN})
  add_halide_library(${NAME} FROM ghostnet.generators GENERATOR ghostnet
    TARGETS ${ARG_TARGETS} PARAMS network=${ARG_NETWORK})
  add_custom_target(${NAME}.emit ALL)
  add_dependencies(${NAME}.emit ${NAME}.update ${NAME}.runtime.update)
endfunction()

# ghostnet_model_network_name(<out var> <model dir>): the fp32 network name of the model a
# folder's model.json describes, as the runtime reads it: a small program of the runtime's own
# sources (cmake/model_network_name.cpp), compiled and run at configure time (through
# CMAKE_CROSSCOMPILING_EMULATOR when cross-compiling), so CMake knows neither the architecture's
# fields nor the name rule. Cached by the contents of model.json and of those sources; CMake
# configures again when model.json changes. A bad model.json stops the configure with the
# runtime's message.
function(ghostnet_model_network_name OUT DIR)
  set(json "${DIR}/model.json")
  set(sources "${PROJECT_SOURCE_DIR}/cmake/model_network_name.cpp" ${GHOSTNET_ARCH_SOURCES}
              "${PROJECT_SOURCE_DIR}/runtime/model_description.cpp")
  set(key "")
  foreach (f IN ITEMS "${json}" ${sources} "${PROJECT_SOURCE_DIR}/runtime/network_name.h")
    file(SHA256 "${f}" h)
    string(APPEND key "${h}")
  endforeach ()
  string(SHA256 key "${key}")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${json}")
  if (DEFINED _GHOSTNET_MODEL_NAME_${key})
    set(${OUT} ${_GHOSTNET_MODEL_NAME_${key}} PARENT_SCOPE)
    return ()
  endif ()
  get_target_property(json_includes nlohmann_json::nlohmann_json INTERFACE_INCLUDE_DIRECTORIES)
  try_run(run_result compile_result
    SOURCES ${sources}
    NO_CACHE
    LOG_DESCRIPTION "the network name of ${json}"
    CMAKE_FLAGS "-DINCLUDE_DIRECTORIES=${PROJECT_SOURCE_DIR}/runtime;${json_includes}"
    CXX_STANDARD 17
    COMPILE_OUTPUT_VARIABLE compile_output
    RUN_OUTPUT_STDOUT_VARIABLE name
    RUN_OUTPUT_STDERR_VARIABLE error
    ARGS "${DIR}")
  if (NOT compile_result)
    message(FATAL_ERROR "could not compile cmake/model_network_name.cpp to read ${json}:\n${compile_output}")
  endif ()
  if (NOT run_result EQUAL 0)
    message(FATAL_ERROR "the network of the model folder ${DIR}: ${error}")
  endif ()
  set(_GHOSTNET_MODEL_NAME_${key} ${name} CACHE INTERNAL "network name of ${json}")
  set(${OUT} ${name} PARENT_SCOPE)
endfunction()

# ghostnet_add_plug_and_play(<network> <s> <d>): VGG-16 or ResNet-56 for CIFAR-10
# (runtime/plug_and_play_arch.h), plain (s = 0) or with Ghost modules, for this machine, named
# as PlugAndPlaySpec::name() names it (vgg16, ghost_vgg16_s2_d3, ...). Appends the name to
# GHOSTNET_PLUG_AND_PLAY, which ghostnet_write_registry lists (compiled_plug_and_play()).
function(ghostnet_add_plug_and_play NETWORK S D)
  if (S EQUAL 0)
    set(name ${NETWORK})
  else ()
    set(name ghost_${NETWORK}_s${S}_d${D})
  endif ()
  ghostnet_halide_library(${name} FROM ghostnet.generators GENERATOR plug_and_play
    PARAMS network=${NETWORK} ghost_ratio=${S} ghost_dw=${D})
  set_property(GLOBAL APPEND PROPERTY GHOSTNET_PLUG_AND_PLAY "${name}|${NETWORK}|${S}|${D}")
endfunction()

# ghostnet_write_registry(<target>): a static library listing every network added so far by
# its name, so the runtime can find a compiled pipeline by configuration (runtime/pipeline_registry.h).
function(ghostnet_write_registry TARGET)
  get_property(networks GLOBAL PROPERTY GHOSTNET_NETWORKS)
  set(includes "")
  set(entries "")
  set(libs "")
  foreach (n IN LISTS networks)
    string(REPLACE "|" ";" f "${n}")
    list(GET f 0 library)
    list(GET f 1 network)
    list(GET f 2 profile)
    list(GET f 3 bits)
    ghostnet_pipeline_generator(generator ${network})
    if (generator STREQUAL "ghostnet_q8")
      set(fns "nullptr, ${library}")
    else ()
      set(fns "${library}, nullptr")
    endif ()
    string(APPEND includes "#include \"${library}.h\"\n")
    if (profile)
      string(APPEND includes "#include \"${library}_profile.h\"\n")
      list(APPEND libs ${library}_profile)
      if (generator STREQUAL "ghostnet_q8")
        string(APPEND fns ", {\"${library}_profile\", nullptr, ${library}_profile}")
      else ()
        string(APPEND fns ", {\"${library}_profile\", ${library}_profile, nullptr}")
      endif ()
    else ()
      string(APPEND fns ", {}")
    endif ()
    string(APPEND entries "    {\"${library}\", \"${network}\", ${fns}, ${bits}},\n")
    list(APPEND libs ${library})
  endforeach ()
  get_property(pnp GLOBAL PROPERTY GHOSTNET_PLUG_AND_PLAY)
  set(pnp_entries "")
  foreach (n IN LISTS pnp)
    string(REPLACE "|" ";" f "${n}")
    list(GET f 0 name)
    list(GET f 1 network)
    list(GET f 2 s)
    list(GET f 3 d)
    string(APPEND includes "#include \"${name}.h\"\n")
    string(APPEND pnp_entries "        {\"${name}\", \"${network}\", ${s}, ${d}, ${name}},\n")
    list(APPEND libs ${name})
  endforeach ()
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${TARGET}.cpp")
  file(WRITE "${out}.in"
"// Generated by cmake/GhostNetLibraries.cmake: the networks this build compiled.
#include \"pipeline_registry.h\"
${includes}
namespace ghostnet {
const std::vector<PipelineEntry> &compiled_pipelines() {
    static const std::vector<PipelineEntry> entries = {
${entries}    };
    return entries;
}
const std::vector<PlugAndPlayEntry> &compiled_plug_and_play() {
    static const std::vector<PlugAndPlayEntry> entries = {
${pnp_entries}    };
    return entries;
}
}  // namespace ghostnet
")
  configure_file("${out}.in" "${out}" COPYONLY)
  add_library(${TARGET} STATIC "${out}" "${PROJECT_SOURCE_DIR}/runtime/pipeline_registry.cpp")
  target_link_libraries(${TARGET} PUBLIC ghostnet_runtime ${libs})
endfunction()
