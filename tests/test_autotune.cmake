# ghostnet-autotune end to end, small: one batch of two candidates for the bundled model's
# network (GhostNet 0.5x, 32x32x1, 10 classes), kept in a scratch folder; then what a user
# does with the kept schedule: a generator compiled with it, the library it emits, and that
# library against the reference forward pass (tests/test_autotuned.cpp). Also the tool's
# refusals and its resume. Then the same for --search hand (the hand schedule's tunables).
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
expect_fail("Adams2019 does not model HVX" ${AUTOTUNE} --pipeline ${pipeline}_q8 --device d --target hexagon-32-noos-hvx_128 --work "${WORK}/x" --kept-dir "${kept}")
expect_fail("a device name is" ${AUTOTUNE} --pipeline ${pipeline} --device "../x" --work "${WORK}/x" --kept-dir "${kept}")
expect_fail("has no \\{bench\\}" ${AUTOTUNE} --pipeline ${pipeline} --device d --runner "ssh board" --work "${WORK}/x" --kept-dir "${kept}")
expect_fail("--bench 'fast': expected runtime or rungen" ${AUTOTUNE} --pipeline ${pipeline} --device d --bench fast --work "${WORK}/x" --kept-dir "${kept}")
expect_fail("with --runner use --bench rungen" ${AUTOTUNE} --pipeline ${pipeline} --device d --bench runtime
  --runner "ssh board {bench} {args}" --work "${WORK}/x" --kept-dir "${kept}")

# Adams2019 timed by Halide's RunGen (--bench rungen); --search hand below by the default, this
# project's runtime.
set(tune_base ${AUTOTUNE} --pipeline ${pipeline} --device ${device} --batches 1 --samples 2 --beam 1 --jobs 2
    --bench rungen --work "${WORK}/work")
# --no-confirm: Adams2019's winner is kept even when the hand schedule is faster (it usually
# is for this network), so that what follows can use a kept Adams2019 schedule.
set(tune ${tune_base} --kept-dir "${kept}" --no-confirm)
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
# Other choices in the same work folder would mix runs.
expect_fail("holds a run started with other choices" ${tune} --overwrite --seed 7)
# Never worse than hand: before keeping, the winner runs against the hand schedule in
# alternation; one not faster enough (here: not 1000x) is refused, and the device keeps the
# hand schedule (a .tunables file without a tunables line), the record saying why.
set(refused "${WORK}/refused")
expect_ok(${tune_base} --kept-dir "${refused}" --confirm-rounds 2 --min-speedup 1000)
if (NOT last_out MATCHES "confirming the winner against the hand schedule, 2 rounds" OR
    NOT last_out MATCHES "round 2/2: hand [0-9.]+ ms, winner [0-9.]+ ms" OR
    NOT last_out MATCHES "the hand schedule is kept" OR
    EXISTS "${refused}/${device}/${pipeline}.schedule.h" OR NOT EXISTS "${refused}/${device}/${pipeline}.tunables")
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

# --search hand: the hand schedule as written and choices one knob away from it, then the
# untried choices one knob away from the fastest so far (--strategy descent); the fastest
# choice, confirmed against the hand schedule, is kept as <pipeline>.tunables.
expect_ok(${GENERATE} --list-tunables)
foreach (knob conv_vectors conv_pixels linear_parts cheap_pixels)
  if (NOT last_out MATCHES "${knob} [0-9]+ [0-9]+ ")
    message(FATAL_ERROR "ghostnet-generate --list-tunables lists no ${knob}:\n${last_out}")
  endif ()
endforeach ()
# Per width: each per-width knob once more for every map width of the network the flags name.
expect_ok(${GENERATE} --list-tunables --width 0.5 --size 32 --channels 1 --classes 10 --variant small)
foreach (knob conv_vectors@16 conv_pixels@32 cheap_pixels@8 strips@8 strips@4 threads@8)
  if (NOT last_out MATCHES "${knob} [0-9]+ [0-9]+ ")
    message(FATAL_ERROR "ghostnet-generate --list-tunables for the small network lists no ${knob}:\n${last_out}")
  endif ()
endforeach ()
if (last_out MATCHES "linear_parts@" OR last_out MATCHES "@64 ")
  message(FATAL_ERROR "--list-tunables scopes linear_parts, or lists a width the small network lacks:\n${last_out}")
endif ()
expect_fail("'linear_parts@4': linear_parts applies to the whole network; it takes no @width"
  ${GENERATE} --tunables linear_parts@4=2 --width 0.5 --size 32 --channels 1 --classes 10 --variant small -o "${WORK}/x")
expect_fail("'strips@0': expected a map width in pixels after '@'"
  ${GENERATE} --tunables strips@0=2 --width 0.5 --size 32 --channels 1 --classes 10 --variant small -o "${WORK}/x")
expect_fail("tunables: conv_pixels=0: expected a whole number from 1 to 14"
  ${GENERATE} --tunables conv_pixels=0 --width 0.5 --size 32 --channels 1 --classes 10 --variant small -o "${WORK}/x")
expect_fail("'tile' is not a tunable; the tunables are conv_vectors"
  ${GENERATE} --tunables tile=2 --width 0.5 --size 32 --channels 1 --classes 10 --variant small -o "${WORK}/x")
expect_fail("--tunables tune the hand schedule; --schedule Li2018 takes none"
  ${GENERATE} --schedule Li2018 --tunables conv_pixels=2 --width 0.5 --size 32 --channels 1 --classes 10 --variant small -o "${WORK}/x")
set(hand_device ctest-hand)
expect_ok(${AUTOTUNE} --pipeline ${pipeline} --device ${hand_device} --search hand --batches 2 --samples 2 --jobs 2
  --cache "${WORK}/cache"
  --work "${WORK}/hand" --kept-dir "${kept}")
foreach (pattern "\\[batch 1/2\\] sample 1/2: compiling the hand schedule with its own choices"
                 "\\[batch 1/2\\] sample 2/2: compiling the hand schedule with [a-z_]+(@[0-9]+)?=[0-9]"
                 "\\[batch 2/2\\] sample [12]/2: compiling the hand schedule with [a-z_]+(@[0-9]+)?=[0-9]"
                 "sample [12]/2: [0-9.]+ ms with"
                 # each candidate after the first is scored against the hand schedule, timed in alternation
                 "sample 2/2: [0-9.]+ ms with [^\n]*; against the hand schedule \\([0-9.]+ ms\\) in 3 alternated rounds: [0-9.]+x its speed \\(median\\), scored [0-9.]+ ms"
                 "best so far [0-9.]+ ms \\(batch [12] sample [12]\\), [0-9.]+x the hand schedule's"
                 "kept (the hand schedule's own choices|[a-z_]+(@[0-9]+)?=[0-9])")
  if (NOT last_out MATCHES "${pattern}")
    message(FATAL_ERROR "ghostnet-autotune --search hand printed no '${pattern}':\n${last_out}")
  endif ()
endforeach ()
if (NOT EXISTS "${kept}/${hand_device}/${pipeline}.tunables" OR EXISTS "${kept}/${hand_device}/${pipeline}.schedule.h")
  message(FATAL_ERROR "ghostnet-autotune --search hand kept no ${pipeline}.tunables (or also a schedule.h)")
endif ()
file(READ "${kept}/${hand_device}/${pipeline}.json" record)
# Timed through this project's runtime: the record says so, and each sample's benchmark printed it.
string(JSON measure GET "${record}" measure)
file(READ "${WORK}/hand/batch_000/sample_000/bench.txt" bench)
if (NOT measure MATCHES "this project's runtime" OR NOT bench MATCHES "runtime benchmark: median [0-9]+ ns/run, min [0-9]+ ns/run over 50 runs, 0 threads")
  message(FATAL_ERROR "--search hand was not timed by the runtime benchmark: measure '${measure}', bench.txt:\n${bench}")
endif ()
# The score and the hand schedule's time beside it are in the sample's result (the resume reads them).
file(READ "${WORK}/hand/batch_000/sample_001/result.json" second)
string(JSON second_score ERROR_VARIABLE no_score GET "${second}" score)
string(JSON hand_s ERROR_VARIABLE no_hand GET "${second}" hand seconds)
string(JSON rounds ERROR_VARIABLE no_rounds LENGTH "${second}" ratios)
if (no_score OR no_hand OR NOT second_score GREATER 0 OR NOT hand_s GREATER 0 OR NOT rounds EQUAL 3)
  message(FATAL_ERROR "the second candidate has no score against the hand schedule from 3 rounds (--pair-rounds): ${second}")
endif ()
string(JSON hand_verdict GET "${record}" confirmation kept)
if (hand_verdict STREQUAL "winner")  # the best median of the search's fastest few, confirmed together
  string(JSON hand_best GET "${record}" confirmation tunables)
else ()
  string(JSON hand_best GET "${record}" best tunables)
endif ()
file(STRINGS "${kept}/${hand_device}/${pipeline}.tunables" hand_kept REGEX "^[^#]")
string(STRIP "${hand_kept}" hand_kept)
if (NOT (hand_verdict STREQUAL "winner" AND hand_best STREQUAL hand_kept) AND
    NOT (hand_verdict STREQUAL "hand" AND hand_kept STREQUAL ""))
  message(FATAL_ERROR "the kept tunables '${hand_kept}' are neither the confirmed best '${hand_best}' nor the hand schedule's (${hand_verdict}):\n${record}")
endif ()
# --time-budget: no batch starts once it is spent; the best so far is kept.
# Its one candidate, the hand schedule as written, was compiled by the run above: the cache has it.
expect_ok(${AUTOTUNE} --pipeline ${pipeline} --device ctest-budget --search hand --batches 3 --samples 1 --jobs 2
  --time-budget 0.001 --work "${WORK}/budget" --kept-dir "${kept}" --cache "${WORK}/cache")
if (NOT last_out MATCHES "time budget of 0.001 minutes spent: no more batches \\(1 of 3 run\\)" OR
    NOT EXISTS "${kept}/ctest-budget/${pipeline}.tunables")
  message(FATAL_ERROR "--time-budget did not stop the search after its first batch:\n${last_out}")
endif ()
if (NOT last_out MATCHES "sample 1/1: the hand schedule with its own choices, compiled before \\(from [^)]*cache\\)" OR
    NOT last_out MATCHES "sample 1/1: [0-9.]+ ms with")
  message(FATAL_ERROR "the second search compiled the hand schedule again (or did not time the cached one):\n${last_out}")
endif ()

# --start: the descent begins at the given tunables (checked against the knob list first), the
# hand schedule still timed first as the reference.
expect_fail("--start 'conv_pixel=3': no tunable is named 'conv_pixel'"
  ${AUTOTUNE} --pipeline ${pipeline} --device ctest-start --search hand --start conv_pixel=3 --work "${WORK}/start_bad" --kept-dir "${kept}")
expect_fail("only the descent of --search hand starts from given tunables"
  ${AUTOTUNE} --pipeline ${pipeline} --device ctest-start --search hand --strategy random --start conv_pixels=3 --work "${WORK}/start_bad" --kept-dir "${kept}")
expect_ok(${AUTOTUNE} --pipeline ${pipeline} --device ctest-start --search hand --start conv_pixels=3 --batches 1 --samples 2 --jobs 2
  --cache "${WORK}/cache" --work "${WORK}/start" --kept-dir "${kept}")
if (NOT last_out MATCHES "sample 1/2: the hand schedule with its own choices" OR
    NOT last_out MATCHES "sample 2/2: compiling the hand schedule with conv_pixels=3\n")
  message(FATAL_ERROR "--start conv_pixels=3 did not make the hand schedule and the start the first batch:\n${last_out}")
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

# q8 too: the check then asks for identical int32 logits.
expect_ok(${AUTOTUNE} --pipeline ${pipeline}_q8 --device ${hand_device} --search hand --batches 1 --samples 2 --jobs 2
  --cache "${WORK}/cache"
  --work "${WORK}/hand_q8" --kept-dir "${kept}")
if (NOT last_out MATCHES "kept (the hand schedule's own choices|[a-z_]+(@[0-9]+)?=[0-9])" OR NOT EXISTS "${kept}/${hand_device}/${pipeline}_q8.tunables")
  message(FATAL_ERROR "ghostnet-autotune --search hand on the q8 network kept no tunables from both samples:\n${last_out}")
endif ()
file(READ "${WORK}/hand_q8/batch_000/sample_001/check.txt" q8_check)
if (NOT q8_check MATCHES "q8 logits equal the hand schedule's")
  message(FATAL_ERROR "the q8 candidate's check said:\n${q8_check}")
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
file(WRITE "${WORK}/rotted/rotted-box/${pipeline}.schedule.h" "${header}")
file(COPY "${kept}/${device}" "${kept}/${hand_device}" DESTINATION "${WORK}/rotted")
# Per-width tunables, kept as a device would keep them: written unsorted, read back canonical.
file(WRITE "${WORK}/rotted/ctest-widths/${pipeline}.tunables"
  "# per-width choices\nstrips@8=3,conv_pixels=5,conv_pixels@16=3,conv_vectors@8=2,cheap_pixels@4=2,cheap_pixels@32=5,threads@8=1,threads@4=1\n")
# Kept files edited by hand into something else: two tunables lines; a knob that is none.
file(WRITE "${WORK}/rotted/ctest-kept-two-lines/${pipeline}.tunables" "# edited\nconv_pixels=5\nstrips=2\n")
file(WRITE "${WORK}/rotted/ctest-kept-bad-knob/${pipeline}.tunables" "# edited\nconv_pixel=5\n")

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
set(net width=0.5 input_size=32 in_channels=1 num_classes=10 variant=small)
# The kept tunables, through the same device= parameter.
expect_ok("${WORK}/generator" -g ghostnet -f tuned_hand -o "${WORK}" -e static_library,h target=host
  device=${hand_device} ${net})
expect_fail("pass device= or tunables=, not both"
  "${WORK}/generator" -g ghostnet -f x -o "${WORK}" -e h target=host device=${hand_device} tunables=conv_pixels:2 ${net})
expect_fail("linear_parts=9: expected a whole number from 1 to 8"
  "${WORK}/generator" -g ghostnet -f x -o "${WORK}" -e h target=host tunables=linear_parts:9 ${net})
expect_ok("${WORK}/generator" -g ghostnet -f tuned_widths -o "${WORK}" -e static_library,h target=host
  device=ctest-widths ${net})
expect_fail("schedules/autotuned/ctest-kept-two-lines/${pipeline}.tunables: line 3 is a second line of tunables \\(line 2 is the first\\)"
  "${WORK}/generator" -g ghostnet -f x -o "${WORK}" -e h target=host device=ctest-kept-two-lines ${net})
expect_fail("schedules/autotuned/ctest-kept-bad-knob/${pipeline}.tunables: tunables: 'conv_pixel' is not a tunable"
  "${WORK}/generator" -g ghostnet -f x -o "${WORK}" -e h target=host device=ctest-kept-bad-knob ${net})
# The network by its name (as the build passes it, runtime/ghostnet_arch.h's rule), and the
# names it refuses.
expect_ok("${WORK}/generator" -g ghostnet -f x -o "${WORK}" -e h target=host network=${pipeline}
  device=${hand_device})
expect_fail("network=ghostnet_w050 is not a network name"
  "${WORK}/generator" -g ghostnet -f x -o "${WORK}" -e h target=host network=ghostnet_w050)
expect_fail("network=${pipeline}_q8 is a q8 network: use the ghostnet_q8 generator"
  "${WORK}/generator" -g ghostnet -f x -o "${WORK}" -e h target=host network=${pipeline}_q8)
expect_fail("pass network= or width, input_size, in_channels, num_classes, variant and version, not both"
  "${WORK}/generator" -g ghostnet -f x -o "${WORK}" -e h target=host network=${pipeline} ${net})
# The same generator refuses a device it has no schedule for, and says what it has.
expect_fail("no autotuned schedule is kept for pipeline ${pipeline} on device 'elsewhere'.*Kept for this device: none; devices with kept schedules: ${device}, rotted-box, ${hand_device}"
  "${WORK}/generator" -g ghostnet -f x -o "${WORK}" -e h target=host device=elsewhere ${net})
# ... and the schedule that no longer applies, saying so.
expect_fail("rotted-box/${pipeline}.schedule.h no longer applies to ${pipeline}: it schedules func 1 as 'renamed_func', but the pipeline's func 1 is '${func_1}'.*tune again"
  "${WORK}/generator" -g ghostnet -f x -o "${WORK}" -e h target=host device=rotted-box ${net})

# Its library against the reference.
ghostnet_write_autotuned_libraries("${WORK}/autotuned_libraries.h" "${device}|${pipeline}|tuned"
                                  "${hand_device}|${pipeline}|tuned_hand"
                                  "ctest-widths|${pipeline}|tuned_widths")
set(catch_flags "")
if (NOT CATCH_INCLUDE STREQUAL "/usr/include")  # a default folder as -isystem breaks #include_next
  set(catch_flags -isystem ${CATCH_INCLUDE})
endif ()
expect_ok(${CXX} -std=c++17 -O1 ${includes} -I${WORK} -I${HALIDE_INCLUDE} ${catch_flags}
  "${SOURCE}/tests/test_autotuned.cpp" "${WORK}/tuned.a" "${WORK}/tuned_hand.a" "${WORK}/tuned_widths.a" ${CHECK_LIBS} -ldl -lpthread -o "${WORK}/test_autotuned")
expect_ok("${WORK}/test_autotuned")
message(STATUS "${last_out}")
