# ghostnet-autotune end to end, small: one batch of two candidates for the bundled model's
# network (GhostNet 0.5x, 32x32x1, 10 classes), kept in a scratch folder; then what a user
# does with the kept schedule: a generator compiled with it, the library it emits, and that
# library against the reference forward pass (tests/test_autotuned.cpp). Also the tool's
# refusals and its resume.
#   -DAUTOTUNE= -DGENERATE= -DSOURCE= -DWORK= -DCXX= -DHALIDE_INCLUDE= -DGENGEN= -DCATCH_INCLUDE=
#   -DGEN_LIBS=a|b -DCHECK_LIBS=a|b -DTEST_INCLUDES=a|b
include("${SOURCE}/tests/expect.cmake")
foreach (v TEST_INCLUDES GEN_LIBS CHECK_LIBS)  # '|'-separated on the command line
  string(REPLACE "|" ";" ${v} "${${v}}")
endforeach ()
include("${SOURCE}/cmake/GhostNetAutotuned.cmake")

set(pipeline ghostnet_w050_s32_c1_k10_small)
set(device ctest-box)
set(kept "${WORK}/kept")
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

# Bad input: named, explained, nothing run.
expect_fail("is not a network name" ${AUTOTUNE} --pipeline resnet --device d --work "${WORK}/x" --kept-dir "${kept}")
expect_fail("q8 networks are not tuned" ${AUTOTUNE} --pipeline ${pipeline}_q8 --device d --work "${WORK}/x" --kept-dir "${kept}")
expect_fail("a device name is" ${AUTOTUNE} --pipeline ${pipeline} --device "../x" --work "${WORK}/x" --kept-dir "${kept}")
expect_fail("has no \\{bench\\}" ${AUTOTUNE} --pipeline ${pipeline} --device d --runner "ssh board" --work "${WORK}/x" --kept-dir "${kept}")

set(tune ${AUTOTUNE} --pipeline ${pipeline} --device ${device} --batches 1 --samples 2 --beam 1 --jobs 2
    --work "${WORK}/work" --kept-dir "${kept}")
expect_ok(${tune})
# Each candidate is checked against the hand schedule before it is timed; one that computes
# wrong logits is rejected (Halide 14's Adams2019 does produce such schedules for this network).
foreach (pattern "compiled in" "best so far" "retraining the cost model on [12] samples" "kept the best of [12] samples")
  if (NOT last_out MATCHES "${pattern}")
    message(FATAL_ERROR "ghostnet-autotune printed no '${pattern}':\n${last_out}")
  endif ()
endforeach ()
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
if (NOT n_outcomes EQUAL 2 OR measured LESS 1 OR best_ms LESS_EQUAL 0)
  message(FATAL_ERROR "kept record: ${measured} samples, best ${best_ms} ms, outcomes ${outcomes}:\n${record}\n${last_out}")
endif ()

# A kept schedule is not replaced without --overwrite; the same command resumes (nothing to redo).
expect_fail("exists: a schedule is already kept" ${tune})
expect_ok(${tune} --overwrite)
if (NOT last_out MATCHES "done earlier" OR last_out MATCHES "compiled in")
  message(FATAL_ERROR "the rerun did not resume the finished batch:\n${last_out}")
endif ()
# Other choices in the same work folder would mix runs.
expect_fail("holds a run started with other choices" ${tune} --overwrite --seed 7)

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
file(WRITE "${WORK}/rotted/rotted-box/${pipeline}.schedule.h" "${header}")
file(COPY "${kept}/${device}" DESTINATION "${WORK}/rotted")

# A generator with both compiled in, as the build makes one.
ghostnet_write_autotuned_registry("${WORK}/autotuned_schedules.cpp" "${WORK}/rotted")
set(includes "")
foreach (d IN LISTS TEST_INCLUDES)
  list(APPEND includes "-I${d}")
endforeach ()
expect_ok(${CXX} -std=c++17 -O1 ${includes} -I${HALIDE_INCLUDE}
  "${SOURCE}/generators/ghostnet_generator.cpp" "${SOURCE}/schedules/autotuned_schedule.cpp"
  "${WORK}/autotuned_schedules.cpp" "${GENGEN}" ${GEN_LIBS} -ldl -lpthread -o "${WORK}/generator")
expect_ok("${WORK}/generator" -g ghostnet -f tuned -o "${WORK}" -e static_library,h target=host
  device=${device} width=0.5 input_size=32 in_channels=1 num_classes=10 variant=small)
if (NOT EXISTS "${WORK}/tuned.a")
  message(FATAL_ERROR "the generator with the kept schedule made no library")
endif ()
# The same generator refuses a device it has no schedule for, and says what it has.
set(net width=0.5 input_size=32 in_channels=1 num_classes=10 variant=small)
expect_fail("no autotuned schedule is kept for pipeline ${pipeline} on device 'elsewhere'.*Kept for this device: none; devices with kept schedules: ${device}, rotted-box"
  "${WORK}/generator" -g ghostnet -f x -o "${WORK}" -e h target=host device=elsewhere ${net})
# ... and the schedule that no longer applies, saying so.
expect_fail("rotted-box/${pipeline}.schedule.h no longer applies to ${pipeline}: it schedules func 1 as 'renamed_func', but the pipeline's func 1 is '${func_1}'.*tune again"
  "${WORK}/generator" -g ghostnet -f x -o "${WORK}" -e h target=host device=rotted-box ${net})

# Its library against the reference.
ghostnet_write_autotuned_libraries("${WORK}/autotuned_libraries.h" "${device}|${pipeline}|tuned")
set(catch_flags "")
if (NOT CATCH_INCLUDE STREQUAL "/usr/include")  # a default folder as -isystem breaks #include_next
  set(catch_flags -isystem ${CATCH_INCLUDE})
endif ()
expect_ok(${CXX} -std=c++17 -O1 ${includes} -I${WORK} -I${HALIDE_INCLUDE} ${catch_flags}
  "${SOURCE}/tests/test_autotuned.cpp" "${WORK}/tuned.a" ${CHECK_LIBS} -ldl -lpthread -o "${WORK}/test_autotuned")
expect_ok("${WORK}/test_autotuned")
message(STATUS "${last_out}")
