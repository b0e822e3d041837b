# ghostnet-autotune with Adams2019 end to end, small: one batch of two candidates for the
# smallest network (tests/autotune_common.cmake), timed by Halide's RunGen and kept as a
# schedule header; its refusals, its resume and the never-worse rule refusing its winner; then
# what a user does with a kept schedule: a generator compiled with it, the library it emits
# against the reference forward pass, its errors for a device with no schedule and for a kept
# schedule that no longer fits the algorithm; and --compare of kept tunables against the hand
# schedule. (Each Adams2019 candidate of this network takes about 90 s of one core to search
# and compile, 2026-12-06.)
include("${CMAKE_CURRENT_LIST_DIR}/autotune_common.cmake")
set(device ctest-box)
set(kept "${WORK}/kept")
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

# Bad input: named, explained, nothing run.
expect_fail("q8 networks are not tuned" ${AUTOTUNE} --pipeline ${pipeline}_q8 --device d --work "${WORK}/x" --kept-dir "${kept}")
expect_fail("Adams2019 does not model HVX" ${AUTOTUNE} --pipeline ${pipeline}_q8 --device d --target hexagon-32-noos-hvx_128 --work "${WORK}/x" --kept-dir "${kept}")
expect_fail("has no \\{bench\\}" ${AUTOTUNE} --pipeline ${pipeline} --device d --runner "ssh board" --work "${WORK}/x" --kept-dir "${kept}")
expect_fail("--bench 'fast': expected runtime or rungen" ${AUTOTUNE} --pipeline ${pipeline} --device d --bench fast --work "${WORK}/x" --kept-dir "${kept}")
expect_fail("with --runner use --bench rungen" ${AUTOTUNE} --pipeline ${pipeline} --device d --bench runtime
  --runner "ssh board {bench} {args}" --work "${WORK}/x" --kept-dir "${kept}")

# Adams2019 timed by Halide's RunGen (--bench rungen). --no-confirm: its winner is kept even when
# the hand schedule is faster (it usually is for this network), so that what follows can use a
# kept Adams2019 schedule.
set(tune_base ${AUTOTUNE} --pipeline ${pipeline} --device ${device} --batches 1 --samples 2 --beam 1 --jobs 2
    --bench rungen --work "${WORK}/work" --cache "${WORK}/cache")
set(tune ${tune_base} --kept-dir "${kept}" --no-confirm)
expect_ok(${tune})
# Each candidate is checked against the hand schedule before it is timed; one that computes
# wrong logits is rejected (Halide 14's Adams2019 does produce such schedules for this network).
require_output("ghostnet-autotune" "compiled in" "best so far" "retraining the cost model on [12] samples"
  "kept the best of [12] samples")
foreach (f schedule.h json weights)
  if (NOT EXISTS "${kept}/${device}/${pipeline}.${f}")
    message(FATAL_ERROR "ghostnet-autotune kept no ${kept}/${device}/${pipeline}.${f}")
  endif ()
endforeach ()
file(READ "${kept}/${device}/${pipeline}.json" record)
string(JSON measured GET "${record}" samples_measured)
string(JSON best_ms GET "${record}" best ms)
string(REGEX MATCHALL "sample [12]/2: (rejected|[0-9.]+ ms)" outcomes "${last_out}")
list(LENGTH outcomes n_outcomes)
string(JSON measure GET "${record}" measure)
if (NOT n_outcomes EQUAL 2 OR measured LESS 1 OR best_ms LESS_EQUAL 0 OR NOT measure MATCHES "^RunGen ")
  message(FATAL_ERROR "kept record: ${measured} samples, best ${best_ms} ms, outcomes ${outcomes}, measure '${measure}':\n${record}\n${last_out}")
endif ()

# A kept schedule is not replaced without --overwrite; the same command resumes (nothing to redo).
expect_fail("exists: a schedule is already kept" ${tune})
expect_ok(${tune} --overwrite)
if (NOT last_out MATCHES "done earlier" OR last_out MATCHES "compiled in")
  message(FATAL_ERROR "the rerun did not resume the finished batch:\n${last_out}")
endif ()
# Never worse than hand: before keeping, the winner runs against the hand schedule in
# alternation; one not faster enough (here: not 1000x) is refused, and the device keeps the
# hand schedule (a .tunables file without a tunables line), the record saying why.
set(refused "${WORK}/refused")
expect_ok(${tune_base} --kept-dir "${refused}" --confirm-rounds 2 --min-speedup 1000)
require_output("the never-worse confirmation" "confirming the winner against the hand schedule, 2 rounds"
  "round 2/2: hand [0-9.]+ ms, winner [0-9.]+ ms" "the hand schedule is kept")
if (EXISTS "${refused}/${device}/${pipeline}.schedule.h" OR NOT EXISTS "${refused}/${device}/${pipeline}.tunables")
  message(FATAL_ERROR "a winner under --min-speedup was not refused for the hand schedule:\n${last_out}")
endif ()
file(STRINGS "${refused}/${device}/${pipeline}.tunables" refused_line REGEX "^[^#]")
string(STRIP "${refused_line}" refused_line)
file(READ "${refused}/${device}/${pipeline}.json" record)
string(JSON refused_kept GET "${record}" confirmation kept)
string(JSON refused_rounds GET "${record}" confirmation rounds)
if (NOT refused_line STREQUAL "" OR NOT refused_kept STREQUAL "hand" OR NOT refused_rounds EQUAL 2)
  message(FATAL_ERROR "the refusal's record: tunables '${refused_line}', kept '${refused_kept}', rounds ${refused_rounds}:\n${record}")
endif ()

# --compare times the tunables kept in --kept-dir (not those the generator was built with),
# and compiles them again when the kept file changes.
file(WRITE "${WORK}/cmp_kept/ctest-cmp/${pipeline}.tunables" "# by hand\nconv_pixels=3\n")
set(compare ${AUTOTUNE} --pipeline ${pipeline} --device ctest-cmp --compare 1 --compare-only autotuned --jobs 2
  --work "${WORK}/cmp" --kept-dir "${WORK}/cmp_kept")
expect_ok(${compare})
file(READ "${WORK}/cmp/autotuned/command.txt" cmp_command)
if (NOT last_out MATCHES "\\| autotuned for ctest-cmp \\| [0-9.]+ ms \\| [0-9.]+ ms \\| [0-9.]+x \\| agree \\|" OR
    NOT cmp_command MATCHES "--tunables\nconv_pixels=3\n")
  message(FATAL_ERROR "--compare did not time the kept conv_pixels=3 (command ${cmp_command}):\n${last_out}")
endif ()
file(WRITE "${WORK}/cmp_kept/ctest-cmp/${pipeline}.tunables" "# by hand\nconv_pixels=5\n")
expect_ok(${compare})
file(READ "${WORK}/cmp/autotuned/command.txt" cmp_command)
if (NOT last_out MATCHES "hand \\(schedules/\\): compiled earlier" OR NOT last_out MATCHES "autotuned for ctest-cmp: compiling" OR
    NOT cmp_command MATCHES "conv_pixels=5")
  message(FATAL_ERROR "--compare reused the candidate of other kept tunables:\n${last_out}")
endif ()

# A copy that no longer fits the algorithm, as a schedule kept before the algorithm changed
# would be: one func it names has another name in the pipeline now.
file(READ "${kept}/${device}/${pipeline}.schedule.h" header)
string(REPLACE "autotuned_ctest_box__" "autotuned_rotted_box__" header "${header}")
string(REPLACE "\"${device}\"" "\"rotted-box\"" header "${header}")
string(REPLACE "\"${device}/" "\"rotted-box/" header "${header}")
string(REGEX MATCH "\\{1, \"([A-Za-z0-9_]+)\"\\}" entry "${header}")
set(func_1 "${CMAKE_MATCH_1}")
if (NOT func_1)
  message(FATAL_ERROR "the kept header has no entry for func 1:\n${header}")
endif ()
string(REPLACE "${entry}" "{1, \"renamed_func\"}" header "${header}")
file(WRITE "${WORK}/gen_kept/rotted-box/${pipeline}.schedule.h" "${header}")
file(COPY "${kept}/${device}" DESTINATION "${WORK}/gen_kept")

# A generator with both compiled in, as the build makes one; the kept schedule's library.
build_generator_with_kept("${WORK}/gen_kept" "${WORK}/generator")
set(gen "${WORK}/generator" -g ghostnet -o "${WORK}" target=host)
expect_ok(${gen} -f tuned -e static_library,h device=${device} ${net})
# The same generator refuses a device it has no schedule for, and says what it has.
expect_fail("no autotuned schedule is kept for pipeline ${pipeline} on device 'elsewhere'.*Kept for this device: none; devices with kept schedules: ${device}, rotted-box"
  ${gen} -f x -e h device=elsewhere ${net})
# ... and the schedule that no longer applies, saying so.
expect_fail("rotted-box/${pipeline}.schedule.h no longer applies to ${pipeline}: it schedules func 1 as 'renamed_func', but the pipeline's func 1 is '${func_1}'.*tune again"
  ${gen} -f x -e h device=rotted-box ${net})
# Its library against the reference.
check_libraries("${device}|${pipeline}|tuned")
