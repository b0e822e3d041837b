# The command checks the scripted tests share (test_apps.cmake, test_emit_and_install.cmake):
#   expect_ok(cmd...)              must exit 0; its output is left in `last_out`, its errors in `last_err`
#   expect_fail(pattern cmd...)    must fail, with a message matching `pattern`, and not crash
#   expect_machine(file machine)   every ELF object in `file` (object or archive) is for `machine`
#                                  (readelf's name: X86-64, AArch64, QUALCOMM DSP6)
#   hvx_share(out file)            the HVX share of `file`'s innermost loops (scripts/hvx_report.sh)
function(expect_ok)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if (NOT rc EQUAL 0)
    message(FATAL_ERROR "expected success: ${ARGN}\nexit ${rc}\n${out}\n${err}")
  endif ()
  set(last_out "${out}" PARENT_SCOPE)
  set(last_err "${err}" PARENT_SCOPE)
endfunction()

function(expect_fail pattern)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if (rc EQUAL 0)
    message(FATAL_ERROR "expected failure: ${ARGN}\n${out}")
  endif ()
  if (NOT "${out}${err}" MATCHES "${pattern}")
    message(FATAL_ERROR "expected a message matching '${pattern}': ${ARGN}\ngot: ${out}${err}")
  endif ()
  if ("${out}${err}" MATCHES "Segmentation|Aborted|terminate called")
    message(FATAL_ERROR "crashed: ${ARGN}\n${out}${err}")
  endif ()
endfunction()

function(expect_machine file machine)
  execute_process(COMMAND readelf -h "${file}" OUTPUT_VARIABLE elf RESULT_VARIABLE rc)
  string(REGEX MATCHALL "Machine: +[^\n]+" machines "${elf}")
  list(REMOVE_DUPLICATES machines)
  if (NOT rc EQUAL 0 OR NOT machines MATCHES "${machine}" OR NOT machines MATCHES "^[^;]+$")
    message(FATAL_ERROR "${file}: machine '${machines}', expected only '${machine}'")
  endif ()
endfunction()

# hvx_share(<out> <file>): scripts/hvx_report.sh on <file> (SOURCE: the source tree); sets <out>
# to the HVX share of its innermost loops (percent) and <out>_name to the name it printed.
function(hvx_share out file)
  expect_ok(bash "${SOURCE}/scripts/hvx_report.sh" "${file}")
  if (NOT last_out MATCHES "\n([^\n]+) +[0-9]+ +[0-9]+ +([0-9.]+)%")
    message(FATAL_ERROR "hvx_report.sh printed no share for ${file}:\n${last_out}")
  endif ()
  message(STATUS "${last_out}")
  set(${out} "${CMAKE_MATCH_2}" PARENT_SCOPE)
  set(${out}_name "${CMAKE_MATCH_1}" PARENT_SCOPE)
endfunction()
