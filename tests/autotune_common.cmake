# What the ghostnet-autotune tests (test_autotune.cmake, test_autotune_adams2019.cmake) share:
# the settings their command lines carry, and what a user does with a kept result: a generator
# compiled with it, and the libraries that generator emits checked against the reference.
#   -DAUTOTUNE= -DGENERATE= -DSOURCE= -DWORK= -DCXX= -DHALIDE_INCLUDE= -DGENGEN= -DCATCH_INCLUDE=
#   -DGEN_LIBS=a|b -DCHECK_LIBS=a|b -DTEST_INCLUDES=a|b
include("${SOURCE}/tests/expect.cmake")
foreach (v TEST_INCLUDES GEN_LIBS CHECK_LIBS)  # '|'-separated on the command line
  string(REPLACE "|" ";" ${v} "${${v}}")
endforeach ()
include("${SOURCE}/cmake/GhostNetAutotuned.cmake")

# The bundled model's network (GhostNet 0.5x, 32x32x1, 10 classes): the smallest one built.
set(pipeline ghostnet_w050_s32_c1_k10_small)
set(net network=${pipeline})
set(includes "")
foreach (d IN LISTS TEST_INCLUDES)
  list(APPEND includes "-I${d}")
endforeach ()

# build_generator_with_kept(<kept dir> <out exe>): the generator with every result kept under
# <kept dir>/<device>/ compiled in, as the build makes one from schedules/autotuned/. -O0: the
# kept Adams2019 headers are long straight-line code (200 KB each), which -O1 takes a minute
# over; the generator's speed is Halide's, in libHalide.
# GENGEN is Halide's generator main (libHalide_GenGen.a); the run path finds libHalide.so (in
# GEN_LIBS) where the wheel keeps it.
function(build_generator_with_kept kept_dir out)
  ghostnet_write_autotuned_registry("${out}_schedules.cpp" "${kept_dir}")
  set(rpath "")
  foreach (lib IN LISTS GEN_LIBS)
    if (lib MATCHES "\\.so$")
      get_filename_component(dir "${lib}" DIRECTORY)
      list(APPEND rpath "-Wl,-rpath,${dir}")
    endif ()
  endforeach ()
  expect_ok(${CXX} -std=c++17 -O0 ${includes} -I${HALIDE_INCLUDE}
    "${SOURCE}/generators/ghostnet_generator.cpp" "${SOURCE}/schedules/autotuned_schedule.cpp"
    "${out}_schedules.cpp" "${GENGEN}" ${GEN_LIBS} ${rpath} -ldl -lpthread -o "${out}")
endfunction()

# check_libraries(<device|pipeline|function> ...): tests/test_autotuned.cpp over the libraries
# ${WORK}/<function>.a, each against the reference forward pass.
function(check_libraries)
  ghostnet_write_autotuned_libraries("${WORK}/autotuned_libraries.h" ${ARGN})
  set(archives "")
  foreach (e IN LISTS ARGN)
    string(REPLACE "|" ";" f "${e}")
    list(GET f 2 fn)
    list(APPEND archives "${WORK}/${fn}.a")
  endforeach ()
  set(catch_flags "")
  if (NOT CATCH_INCLUDE STREQUAL "/usr/include")  # a default folder as -isystem breaks #include_next
    set(catch_flags -isystem ${CATCH_INCLUDE})
  endif ()
  expect_ok(${CXX} -std=c++17 -O1 ${includes} -I${WORK} -I${HALIDE_INCLUDE} ${catch_flags}
    "${SOURCE}/tests/test_autotuned.cpp" ${archives} ${CHECK_LIBS} -ldl -lpthread -o "${WORK}/test_autotuned")
  expect_ok("${WORK}/test_autotuned")
  message(STATUS "${last_out}")
endfunction()

# require_output(<what> <pattern>...): each pattern is in the last command's output.
function(require_output what)
  foreach (pattern IN LISTS ARGN)
    if (NOT last_out MATCHES "${pattern}")
      message(FATAL_ERROR "${what} printed no '${pattern}':\n${last_out}")
    endif ()
  endforeach ()
endfunction()
