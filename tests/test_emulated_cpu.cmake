# The q8 dispatch on a CPU without AVX-512, on any machine: test_q8 runs under qemu-x86_64 with
# an emulated AMD EPYC-Rome (Zen 2: AVX2 and FMA, no AVX-512; qemu's TCG has no AVX-512 at all),
# whose CPUID is what runtime/cpu_features reads. For each variant of the dispatch list, forced
# by GHOSTNET_EXPECT_VARIANT as the ctest "test_q8 variant" tests force it:
#   an AVX-512 variant   is reported skipped, naming the missing feature (tests/skip.h)
#   the AVX2 variant     is the dispatcher's own choice, and equals the integer reference
# This is what an AVX2-only machine shows for the "test_q8 variant" tests, checked here too.
#   -DQEMU= -DCPU= -DTEST_Q8= -DCASE= -DMARKER= -DVARIANTS=<features>|<features>  -DAVX2=<features>
cmake_minimum_required(VERSION 3.16)
string(REPLACE "|" ";" VARIANTS "${VARIANTS}")
set(ran 0)
set(skipped 0)
foreach (v IN LISTS VARIANTS)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env GHOSTNET_POISON_ALLOCATIONS=1
                          GHOSTNET_EXPECT_VARIANT=${v} "${QEMU}" -cpu ${CPU} "${TEST_Q8}" "${CASE}"
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  string(REGEX REPLACE "[ \n]" "" text "${out}")  # Catch2 wraps its WARN text, also at a "-"
  if (v MATCHES "avx512")
    if (NOT rc EQUAL 0 OR NOT text MATCHES "${MARKER}variant${v}:thisCPUlacksavx512")
      message(FATAL_ERROR "variant ${v} on an emulated ${CPU}: expected a skip naming avx512, "
                          "got exit ${rc}:\n${out}\n${err}")
    endif ()
    message(STATUS "${v}: skipped on ${CPU}, as expected")
    math(EXPR skipped "${skipped} + 1")
  elseif (v STREQUAL AVX2)
    if (NOT rc EQUAL 0 OR text MATCHES "${MARKER}" OR NOT out MATCHES "All tests passed")
      message(FATAL_ERROR "variant ${v} on an emulated ${CPU}: expected the dispatcher to pick it "
                          "and to pass, got exit ${rc}:\n${out}\n${err}")
    endif ()
    message(STATUS "${v}: dispatched on ${CPU} and byte-identical to the reference")
    math(EXPR ran "${ran} + 1")
  endif ()
endforeach ()
if (NOT ran EQUAL 1 OR skipped EQUAL 0)
  message(FATAL_ERROR "expected the AVX2 variant '${AVX2}' and at least one AVX-512 variant among "
                      "'${VARIANTS}'; ran ${ran}, skipped ${skipped}")
endif ()
