# Kept autotuned schedules (schedules/autotuned/<device>/<pipeline>.schedule.h, written by
# ghostnet-autotune) and the list the generators look them up in (schedules/autotuned_schedule.h).
# Usable from a CMakeLists and in script mode (cmake -P), which the autotune test uses to
# compile a generator with a schedule it has just tuned.

include("${CMAKE_CURRENT_LIST_DIR}/GhostNetPipelineGenerator.cmake")  # ghostnet_pipeline_generator

# ghostnet_autotuned_id(<out var> <device> <pipeline>): the C++ name of a kept schedule, as
# ghostnet-autotune writes it into the header.
function(ghostnet_autotuned_id OUT DEVICE PIPELINE)
  string(MAKE_C_IDENTIFIER "autotuned_${DEVICE}__${PIPELINE}" id)
  set(${OUT} ${id} PARENT_SCOPE)
endfunction()

# ghostnet_write_autotuned_registry(<out .cpp> <kept dir>): a source file that includes every
# <kept dir>/<device>/<pipeline>.schedule.h and defines autotuned_schedules() over them, and
# kept_tunables() over every <kept dir>/<device>/<pipeline>.tunables (hand-schedule tunables).
# Sets GHOSTNET_KEPT_SCHEDULES in the caller's scope: "device|pipeline" per kept schedule or
# tunables (a pipeline has one or the other: ghostnet-autotune replaces both) that differs from
# the hand schedule (a .tunables file without a tunables line is left out).
function(ghostnet_write_autotuned_registry OUT KEPT_DIR)
  # A kept file added or removed (ghostnet-autotune writing a new device's) reconfigures an
  # existing build folder at its next build, as an edited one does.
  set(watch "")
  if (NOT CMAKE_SCRIPT_MODE_FILE)
    set(watch CONFIGURE_DEPENDS)
  endif ()
  file(GLOB headers LIST_DIRECTORIES false ${watch} "${KEPT_DIR}/*/*.schedule.h")
  list(SORT headers)
  set(includes "")
  set(entries "")
  set(kept "")
  foreach (h IN LISTS headers)
    get_filename_component(dir "${h}" DIRECTORY)
    get_filename_component(device "${dir}" NAME)
    get_filename_component(file "${h}" NAME)
    string(REGEX REPLACE "\\.schedule\\.h$" "" pipeline "${file}")
    ghostnet_autotuned_id(id "${device}" "${pipeline}")
    string(APPEND includes "#include \"${h}\"\n")
    string(APPEND entries "        &autotuned::${id},\n")
    list(APPEND kept "${device}|${pipeline}")
  endforeach ()
  file(GLOB tunables_files LIST_DIRECTORIES false ${watch} "${KEPT_DIR}/*/*.tunables")
  list(SORT tunables_files)
  set(tunables "")
  foreach (f IN LISTS tunables_files)
    get_filename_component(dir "${f}" DIRECTORY)
    get_filename_component(device "${dir}" NAME)
    get_filename_component(file "${f}" NAME)
    string(REGEX REPLACE "\\.tunables$" "" pipeline "${file}")
    # The file's text as it is: the generator reads it (schedules/tunables.h, kept_tunables_line)
    # with errors naming the file and the bad item.
    file(READ "${f}" text)
    if (text MATCHES "\\)ghostnet_kept\"")
      message(FATAL_ERROR "${f}: holds ')ghostnet_kept\"', which ends the raw string it is embedded in")
    endif ()
    if (NOT CMAKE_SCRIPT_MODE_FILE)  # an edited file reconfigures
      set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${f}")
    endif ()
    string(APPEND tunables "        {\"${device}\", \"${pipeline}\", R\"ghostnet_kept(${text})ghostnet_kept\", \"${device}/${file}\"},\n")
    # A file without a tunables line keeps the hand schedule's own choices: what it builds is the
    # hand schedule, which the suite tests already, so the list for test_autotuned leaves it out.
    string(REGEX REPLACE "(^|\n)[ \t]*#[^\n]*" "" choices "${text}")
    string(STRIP "${choices}" choices)
    if (NOT choices STREQUAL "")
      list(APPEND kept "${device}|${pipeline}")
    endif ()
  endforeach ()
  # The records (<pipeline>.json): what each was tuned on, the CPU's facts as ghostnet-autotune
  # wrote them (runtime/cpu_identity.h; absent in records kept before they held them).
  file(GLOB record_files LIST_DIRECTORIES false ${watch} "${KEPT_DIR}/*/*.json")
  list(SORT record_files)
  set(records "")
  foreach (f IN LISTS record_files)
    get_filename_component(dir "${f}" DIRECTORY)
    get_filename_component(device "${dir}" NAME)
    get_filename_component(file "${f}" NAME)
    string(REGEX REPLACE "\\.json$" "" pipeline "${file}")
    file(READ "${f}" record)
    string(JSON type ERROR_VARIABLE not_json TYPE "${record}")
    if (not_json OR NOT type STREQUAL "OBJECT")
      message(FATAL_ERROR "${f}: a kept record must be a JSON object (ghostnet-autotune writes it): ${not_json}")
    endif ()
    string(JSON target ERROR_VARIABLE no_target GET "${record}" target)
    string(JSON cpu ERROR_VARIABLE no_cpu GET "${record}" cpu)
    if (no_target)
      set(target "")
    endif ()
    if (no_cpu)
      set(cpu "")
    endif ()
    string(REPLACE "\n" " " cpu "${cpu}")
    if (cpu MATCHES "\\)ghostnet_kept\"")
      message(FATAL_ERROR "${f}: holds ')ghostnet_kept\"', which ends the raw string it is embedded in")
    endif ()
    if (NOT CMAKE_SCRIPT_MODE_FILE)
      set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${f}")
    endif ()
    string(APPEND records "        {\"${device}\", \"${pipeline}\", \"${target}\", R\"ghostnet_kept(${cpu})ghostnet_kept\", \"${device}/${file}\"},\n")
  endforeach ()
  set(text
"// Generated by cmake/GhostNetAutotuned.cmake from ${KEPT_DIR}: the kept autotuned schedules.
#include \"autotuned_schedule.h\"
${includes}
namespace ghostnet {
namespace schedules {
const std::vector<const AutotunedSchedule *> &autotuned_schedules() {
    static const std::vector<const AutotunedSchedule *> all = {
${entries}    };
    return all;
}
const std::vector<KeptTunables> &kept_tunables() {
    static const std::vector<KeptTunables> all = {
${tunables}    };
    return all;
}
const std::vector<KeptRecord> &kept_records() {
    static const std::vector<KeptRecord> all = {
${records}    };
    return all;
}
}  // namespace schedules
}  // namespace ghostnet
")
  if (EXISTS "${OUT}")
    file(READ "${OUT}" old)
  else ()
    set(old "")
  endif ()
  if (NOT old STREQUAL text)  # unchanged: keep the mtime, so nothing rebuilds
    file(WRITE "${OUT}" "${text}")
  endif ()
  set(GHOSTNET_KEPT_SCHEDULES "${kept}" PARENT_SCOPE)
endfunction()

# ghostnet_write_autotuned_libraries(<out header> <device|pipeline|function> ...): the header
# tests/test_autotuned.cpp reads: each library built with a kept schedule and its function.
function(ghostnet_write_autotuned_libraries OUT)
  set(includes "")
  set(entries "")
  foreach (e IN LISTS ARGN)
    string(REPLACE "|" ";" f "${e}")
    list(GET f 0 device)
    list(GET f 1 pipeline)
    list(GET f 2 fn)
    ghostnet_pipeline_generator(generator ${pipeline})
    string(APPEND includes "#include \"${fn}.h\"\n")
    if (generator STREQUAL "ghostnet_q8")
      string(APPEND entries "    {\"${device}\", \"${pipeline}\", nullptr, ${fn}},\n")
    else ()
      string(APPEND entries "    {\"${device}\", \"${pipeline}\", ${fn}, nullptr},\n")
    endif ()
  endforeach ()
  set(text "// Generated by cmake/GhostNetAutotuned.cmake: libraries built with kept autotuned schedules.
#pragma once
#include \"pipeline_registry.h\"
${includes}
struct AutotunedLibrary {
    const char *device, *pipeline;
    ghostnet::PipelineFn fn;         // fp32 networks
    ghostnet::PipelineQ8Fn q8_fn;    // q8 networks (\"_q8\")
};
inline const AutotunedLibrary kAutotunedLibraries[] = {
${entries}};
")
  file(WRITE "${OUT}" "${text}")
endfunction()
