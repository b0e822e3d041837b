# ghostnet-autotune --search hand end to end, small: the hand schedule's tunables searched on the
# smallest network (tests/autotune_common.cmake), timed through this project's runtime. Its
# refusals; the descent (2 batches of 2); the resume; the never-worse confirmation; the time
# budget; --start; then what a user does with kept tunables: a generator compiled with them,
# the library it emits against the reference forward pass, and its errors for tunables kept
# wrong. The q8 search: test_autotune_q8.cmake; Adams2019, --compare and kept schedules:
# test_autotune_adams2019.cmake. The decisions themselves (knobs, neighbours, strategies,
# confirmation, the work folder) are unit-tested in test_autotune_search.cpp.
include("${CMAKE_CURRENT_LIST_DIR}/autotune_common.cmake")
set(kept "${WORK}/kept")
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

# Bad input: named, explained, nothing run.
expect_fail("is not a network name" ${AUTOTUNE} --pipeline resnet --device d --search hand --work "${WORK}/x" --kept-dir "${kept}")
expect_fail("a device name is" ${AUTOTUNE} --pipeline ${pipeline} --device "../x" --search hand --work "${WORK}/x" --kept-dir "${kept}")
expect_fail("--start 'conv_pixel=3': no tunable is named 'conv_pixel'"
  ${AUTOTUNE} --pipeline ${pipeline} --device ctest-start --search hand --start conv_pixel=3 --work "${WORK}/start_bad" --kept-dir "${kept}")
expect_fail("only the descent of --search hand starts from given tunables"
  ${AUTOTUNE} --pipeline ${pipeline} --device ctest-start --search hand --strategy random --start conv_pixels=3 --work "${WORK}/start_bad" --kept-dir "${kept}")

# The knobs, and the generator's errors for tunables given wrong.
expect_ok(${GENERATE} --list-tunables)
foreach (knob conv_vectors conv_pixels linear_parts cheap_pixels)
  require_output("ghostnet-generate --list-tunables" "${knob} [0-9]+ [0-9]+ ")
endforeach ()
# Per width: each per-width knob once more for every map width of the network the flags name.
set(flags --width 0.5 --size 32 --channels 1 --classes 10 --variant small)
expect_ok(${GENERATE} --list-tunables ${flags})
foreach (knob conv_vectors@16 conv_pixels@32 cheap_pixels@8 strips@8 strips@4 threads@8 expansion@16 se_gate@4)
  require_output("ghostnet-generate --list-tunables for the small network" "${knob} [0-9]+ [0-9]+ ")
endforeach ()
if (last_out MATCHES "linear_parts@" OR last_out MATCHES "@64 ")
  message(FATAL_ERROR "--list-tunables scopes linear_parts, or lists a width the small network lacks:\n${last_out}")
endif ()
expect_fail("'linear_parts@4': linear_parts applies to the whole network; it takes no @width"
  ${GENERATE} --tunables linear_parts@4=2 ${flags} -o "${WORK}/x")
expect_fail("'strips@0': expected a map width in pixels after '@'" ${GENERATE} --tunables strips@0=2 ${flags} -o "${WORK}/x")
expect_fail("tunables: conv_pixels=0: expected a whole number from 1 to 14" ${GENERATE} --tunables conv_pixels=0 ${flags} -o "${WORK}/x")
expect_fail("'tile' is not a tunable; the tunables are conv_vectors" ${GENERATE} --tunables tile=2 ${flags} -o "${WORK}/x")
expect_fail("--tunables tune the hand schedule; --schedule Li2018 takes none"
  ${GENERATE} --schedule Li2018 --tunables conv_pixels=2 ${flags} -o "${WORK}/x")

# The descent: the hand schedule as written and choices one knob away from it, then the untried
# choices one knob away from the fastest so far; the fastest, confirmed against the hand
# schedule, is kept as <pipeline>.tunables.
set(device ctest-hand)
set(search ${AUTOTUNE} --pipeline ${pipeline} --device ${device} --search hand --batches 2 --samples 2 --jobs 2
    --cache "${WORK}/cache" --work "${WORK}/hand")
expect_ok(${search} --kept-dir "${kept}")
require_output("ghostnet-autotune --search hand"
  "\\[batch 1/2\\] sample 1/2: compiling the hand schedule with its own choices"
  "\\[batch 1/2\\] sample 2/2: compiling the hand schedule with [a-z_]+(@[0-9]+)?=[0-9]"
  "\\[batch 2/2\\] sample [12]/2: compiling the hand schedule with [a-z_]+(@[0-9]+)?=[0-9]"
  "sample [12]/2: [0-9.]+ ms with"
  # each candidate after the first is scored against the hand schedule, timed in alternation
  "sample 2/2: [0-9.]+ ms with [^\n]*; against the hand schedule \\([0-9.]+ ms\\) in 3 alternated rounds: [0-9.]+x its speed \\(median\\), scored [0-9.]+ ms"
  "best so far [0-9.]+ ms \\(batch [12] sample [12]\\), [0-9.]+x the hand schedule's"
  "kept (the hand schedule's own choices|[a-z_]+(@[0-9]+)?=[0-9])")
if (NOT EXISTS "${kept}/${device}/${pipeline}.tunables" OR EXISTS "${kept}/${device}/${pipeline}.schedule.h")
  message(FATAL_ERROR "ghostnet-autotune --search hand kept no ${pipeline}.tunables (or also a schedule.h)")
endif ()
file(READ "${kept}/${device}/${pipeline}.json" record)
# Timed through this project's runtime: the record says so, and each sample's benchmark printed it.
string(JSON measure GET "${record}" measure)
file(READ "${WORK}/hand/batch_000/sample_000/bench.txt" bench)
if (NOT measure MATCHES "this project's runtime" OR NOT bench MATCHES "runtime benchmark: median [0-9]+ ns/run, min [0-9]+ ns/run over 50 runs, 0 threads")
  message(FATAL_ERROR "--search hand was not timed by the runtime benchmark: measure '${measure}', bench.txt:\n${bench}")
endif ()
# The record says which CPU the run was timed on: this machine, as the kernel's /proc/cpuinfo
# names it (an oracle apart from the CPUID code that wrote the record).
string(JSON cpu_arch ERROR_VARIABLE no_cpu GET "${record}" cpu arch)
if (no_cpu)
  message(FATAL_ERROR "the kept record holds no CPU (\"cpu\"): ${no_cpu}")
endif ()
file(STRINGS /proc/cpuinfo cpuinfo_vendor REGEX "^vendor_id" LIMIT_COUNT 1)
if (cpuinfo_vendor)  # x86 Linux
  file(STRINGS /proc/cpuinfo cpuinfo_family REGEX "^cpu family" LIMIT_COUNT 1)
  file(STRINGS /proc/cpuinfo cpuinfo_model REGEX "^model[ \t]*:" LIMIT_COUNT 1)
  string(JSON cpu_vendor GET "${record}" cpu vendor)
  string(JSON cpu_family GET "${record}" cpu family)
  string(JSON cpu_model GET "${record}" cpu model)
  if (NOT cpu_arch STREQUAL "x86-64" OR NOT cpuinfo_vendor MATCHES ": ${cpu_vendor}$"
      OR NOT cpuinfo_family MATCHES ": ${cpu_family}$" OR NOT cpuinfo_model MATCHES ": ${cpu_model}$")
    message(FATAL_ERROR "the kept record's CPU is not this machine's (${cpuinfo_vendor}, ${cpuinfo_family}, "
                        "${cpuinfo_model}):\n${record}")
  endif ()
endif ()
# The score and the hand schedule's time beside it are in the sample's result (the resume reads them).
file(READ "${WORK}/hand/batch_000/sample_001/result.json" second)
string(JSON second_score ERROR_VARIABLE no_score GET "${second}" score)
string(JSON hand_s ERROR_VARIABLE no_hand GET "${second}" hand seconds)
string(JSON rounds ERROR_VARIABLE no_rounds LENGTH "${second}" ratios)
if (no_score OR no_hand OR NOT second_score GREATER 0 OR NOT hand_s GREATER 0 OR NOT rounds EQUAL 3)
  message(FATAL_ERROR "the second candidate has no score against the hand schedule from 3 rounds (--pair-rounds): ${second}")
endif ()
# Never worse than hand: a winner other than the hand schedule's own choices is confirmed against
# it in alternation (the best median of the fastest few), or the hand schedule is kept.
string(JSON verdict GET "${record}" confirmation kept)
if (verdict STREQUAL "winner")
  string(JSON best GET "${record}" confirmation tunables)
  require_output("the confirmation" "confirming the (winner|fastest [0-9] choices) against the hand schedule, [0-9]+ rounds")
else ()
  string(JSON best GET "${record}" best tunables)
endif ()
file(STRINGS "${kept}/${device}/${pipeline}.tunables" kept_line REGEX "^[^#]")
string(STRIP "${kept_line}" kept_line)
if (NOT (verdict STREQUAL "winner" AND best STREQUAL kept_line) AND NOT (verdict STREQUAL "hand" AND kept_line STREQUAL ""))
  message(FATAL_ERROR "the kept tunables '${kept_line}' are neither the confirmed best '${best}' nor the hand schedule's (${verdict}):\n${record}")
endif ()

# Resume: a kept result is not replaced without --overwrite; the same command then redoes no
# batch; other choices in the same work folder would mix runs.
expect_fail("exists: a schedule is already kept" ${search} --kept-dir "${kept}")
expect_ok(${search} --kept-dir "${kept}" --overwrite)
if (NOT last_out MATCHES "\\[batch 2/2\\] done earlier" OR last_out MATCHES "compiling")
  message(FATAL_ERROR "the rerun did not resume the finished batches:\n${last_out}")
endif ()
expect_fail("holds a run started with other choices" ${search} --kept-dir "${kept}" --overwrite --seed 7)
# ... and the never-worse rule on the finished run: whatever the search found is refused under
# --min-speedup 1000, and the hand schedule is kept (a .tunables file without a tunables line).
expect_ok(${search} --kept-dir "${WORK}/refused" --confirm-rounds 2 --min-speedup 1000)
file(STRINGS "${WORK}/refused/${device}/${pipeline}.tunables" refused_line REGEX "^[^#]")
file(READ "${WORK}/refused/${device}/${pipeline}.json" refused_record)
string(JSON refused_kept GET "${refused_record}" confirmation kept)
if (NOT refused_line STREQUAL "" OR NOT refused_kept STREQUAL "hand")
  message(FATAL_ERROR "under --min-speedup 1000 the hand schedule was not kept: '${refused_line}', ${refused_kept}:\n${last_out}")
endif ()

# --time-budget: no batch starts once it is spent; the best so far is kept. Its one candidate,
# the hand schedule as written, was compiled above: the cache has it.
expect_ok(${AUTOTUNE} --pipeline ${pipeline} --device ctest-budget --search hand --batches 3 --samples 1 --jobs 2
  --time-budget 0.001 --layer-groups 0 --work "${WORK}/budget" --kept-dir "${kept}" --cache "${WORK}/cache")
require_output("--time-budget" "time budget of 0.001 minutes spent: no more batches \\(1 of 3 run\\)"
  "sample 1/1: the hand schedule with its own choices, compiled before \\(from [^)]*cache\\)" "sample 1/1: [0-9.]+ ms with")
if (NOT EXISTS "${kept}/ctest-budget/${pipeline}.tunables")
  message(FATAL_ERROR "--time-budget kept nothing:\n${last_out}")
endif ()

# --start: the descent begins at the given tunables, the hand schedule still timed first as the
# reference (from the cache, as is the check's hand-scheduled network).
expect_ok(${AUTOTUNE} --pipeline ${pipeline} --device ctest-start --search hand --start conv_pixels=3 --batches 1
  --samples 2 --jobs 2 --cache "${WORK}/cache" --work "${WORK}/start" --kept-dir "${kept}")
require_output("--start conv_pixels=3" "sample 1/2: the hand schedule with its own choices, compiled before"
  "sample 2/2: compiling the hand schedule with conv_pixels=3\n"
  "the hand-scheduled network for checking candidates: compiled before")

# --layer-groups: each width's tunables on its layer group alone first (a batch per width even
# when the budget is spent at once: the group's hand schedule, then a neighbour scored against
# it), the widths' choices assembled, and the whole-network descent starting from them.
expect_ok(${AUTOTUNE} --pipeline ${pipeline} --device ctest-groups --search hand --layer-groups 0.001 --batches 1
  --samples 2 --jobs 2 --cache "${WORK}/cache" --work "${WORK}/groups" --kept-dir "${kept}")
require_output("--layer-groups" "layer groups: the per-width tunables of 4 map widths"
  "compiling the runtime benchmark \\(apps/autotune_group_bench.cpp\\) once"
  "\\[w32 batch 1\\] the hand schedule's own choices: [0-9.]+ ms"
  "\\[w4 batch 1\\] [a-z_]+@4=[0-9]+: [0-9.]+x the group's hand schedule"
  "layer group 16: [^\n]* \\(of 2 choices\\)" "layer groups done in [0-9]+ s: the whole-network descent starts from ")
string(REGEX MATCH "descent starts from ([^\n]*)" _ "${last_out}")
set(assembled "${CMAKE_MATCH_1}")
if (NOT assembled STREQUAL "the hand schedule")
  file(READ "${WORK}/groups/batch_000/sample_001/tunables.txt" second)
  if (NOT second STREQUAL "${assembled}\n")
    message(FATAL_ERROR "the descent did not start from the layer groups' choices '${assembled}': its second sample is '${second}'")
  endif ()
endif ()
expect_fail("--layer-groups: only the descent of --search hand on a CPU target tunes layer groups first"
  ${AUTOTUNE} --pipeline ${pipeline} --device ctest-groups --search hand --start conv_pixels=3 --layer-groups 1
  --work "${WORK}/x" --kept-dir "${kept}")
# A layer group alone (what the search compiles), and a width the network does not have.
expect_ok(${GENERATE} ${flags} --group 8 --tunables strips@8=2 -o "${WORK}/group8")
if (NOT EXISTS "${WORK}/group8/${pipeline}_group8.a")
  message(FATAL_ERROR "ghostnet-generate --group 8 emitted no ${pipeline}_group8.a:\n${last_out}")
endif ()
expect_fail("--group 5: no layer of ${pipeline} works on maps that wide; its map widths are 32, 16, 8, 4"
  ${GENERATE} ${flags} --group 5 -o "${WORK}/x")
expect_fail("--group: a layer group takes the hand schedule \\(and --tunables\\), not --schedule Li2018"
  ${GENERATE} ${flags} --group 8 --schedule Li2018 -o "${WORK}/x")

# Kept tunables in a generator, as the build compiles them in: the search's, per-width ones as a
# user keeps them (written unsorted, read back canonical), and files edited into errors.
file(COPY "${kept}/${device}" DESTINATION "${WORK}/gen_kept")
file(WRITE "${WORK}/gen_kept/ctest-widths/${pipeline}.tunables"
  "# per-width choices\nstrips@8=3,conv_pixels=5,conv_pixels@16=3,conv_vectors@8=2,cheap_pixels@4=2,cheap_pixels@32=5,threads@8=1,threads@4=1,expansion@32=1,expansion@4=1,se_gate=2\n")
file(WRITE "${WORK}/gen_kept/ctest-kept-two-lines/${pipeline}.tunables" "# edited\nconv_pixels=5\nstrips=2\n")
file(WRITE "${WORK}/gen_kept/ctest-kept-bad-knob/${pipeline}.tunables" "# edited\nconv_pixel=5\n")
# A record from another CPU: the same tunables, the record's model and features edited.
file(COPY "${kept}/${device}/" DESTINATION "${WORK}/gen_kept/ctest-other-cpu")
string(JSON other_record SET "${record}" cpu model 9999)
string(JSON other_record SET "${other_record}" cpu features "[\"sse4_1\"]")
file(WRITE "${WORK}/gen_kept/ctest-other-cpu/${pipeline}.json" "${other_record}")
build_generator_with_kept("${WORK}/gen_kept" "${WORK}/generator")
set(gen "${WORK}/generator" -g ghostnet -o "${WORK}" target=host)
expect_ok(${gen} -f tuned_hand -e static_library,h device=${device} ${net})
if (last_err MATCHES "warning")  # tuned on this machine: nothing to warn of
  message(FATAL_ERROR "the generator warned about a result kept on this machine:\n${last_err}")
endif ()
expect_ok(${gen} -f x -e h device=ctest-other-cpu ${net})
set(last_out "${last_err}")  # the generator warns on stderr
if (cpuinfo_vendor)
  require_output("a result kept on another CPU"
    "warning: ${pipeline} on 'ctest-other-cpu' was tuned on ${cpu_vendor} family ${cpu_family} model 9999 [^\n]*x86-64 with sse4_1; this machine is ${cpu_vendor} family ${cpu_family} model ${cpu_model} [^\n]*\\(model 9999 there, ${cpu_model} here; [^\n]* here only\\)[^\n]*Tune for this CPU with ghostnet-autotune")
endif ()
expect_ok(${gen} -f tuned_widths -e static_library,h device=ctest-widths ${net})
set(last_out "${last_err}")
require_output("kept tunables without a record"
  "warning: ${pipeline} on 'ctest-widths': no record \\(schedules/autotuned/ctest-widths/${pipeline}.json\\) says which CPU it was tuned on")
expect_fail("pass device= or tunables=, not both" ${gen} -f x -e h device=${device} tunables=conv_pixels:2 ${net})
expect_fail("linear_parts=9: expected a whole number from 1 to 8" ${gen} -f x -e h tunables=linear_parts:9 ${net})
expect_fail("schedules/autotuned/ctest-kept-two-lines/${pipeline}.tunables: line 3 is a second line of tunables \\(line 2 is the first\\)"
  ${gen} -f x -e h device=ctest-kept-two-lines ${net})
expect_fail("schedules/autotuned/ctest-kept-bad-knob/${pipeline}.tunables: tunables: 'conv_pixel' is not a tunable"
  ${gen} -f x -e h device=ctest-kept-bad-knob ${net})
# The network by its name (runtime/network_name.h's rule) is how the build and every command
# above pass it; by its fields it is the same network; and the names the generator refuses.
expect_ok(${gen} -f x -e h width=0.5 input_size=32 in_channels=1 num_classes=10 variant=small device=${device})
expect_fail("network=ghostnet_w050 is not a network name" ${gen} -f x -e h network=ghostnet_w050)
expect_fail("network=${pipeline}_q8 is a q8 network: use the ghostnet_q8 generator" ${gen} -f x -e h network=${pipeline}_q8)
expect_fail("pass network= or width, input_size, in_channels, num_classes, variant and version, not both"
  ${gen} -f x -e h network=${pipeline} width=0.5 input_size=32)
# The libraries of the search's kept tunables and of the per-width ones against the reference.
check_libraries("${device}|${pipeline}|tuned_hand" "ctest-widths|${pipeline}|tuned_widths")
