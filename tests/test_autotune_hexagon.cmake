# ghostnet-autotune --search hand for Hexagon, end to end under qemu-hexagon: the bundled
# model's q8 network for hexagon-32-noos-hvx_128, one candidate (the hand schedule as written:
# a whole network takes ~11 minutes to compile for HVX here), benchmarked by hexagon/runner.c on
# the job file of random q8 weights under qemu-hexagon, by the packets one run executes
# (hexagon/hvx_work.c), kept as tunables. (Tunables on HVX are checked op by op,
# byte for byte, in test_hexagon; docs/autotuning.md describes the Hexagon search.)
#   -DAUTOTUNE= -DWORK=
include("${CMAKE_CURRENT_LIST_DIR}/expect.cmake")
set(pipeline ghostnet_w050_s32_c1_k10_small_q8)
file(REMOVE_RECURSE "${WORK}")
expect_ok(${AUTOTUNE} --pipeline ${pipeline} --device ctest-hvx --target hexagon-32-noos-hvx_128 --search hand
  --batches 1 --samples 1 --work "${WORK}/work" --kept-dir "${WORK}/kept" --cache "${WORK}/cache")
foreach (pattern "writing the benchmark's job file" "sample 1/1: compiling the hand schedule with its own choices"
                 "sample 1/1: [0-9.]+ ms with the hand schedule's own choices" "kept the hand schedule's own choices")
  if (NOT last_out MATCHES "${pattern}")
    message(FATAL_ERROR "ghostnet-autotune (Hexagon) printed no '${pattern}':\n${last_out}")
  endif ()
endforeach ()
file(READ "${WORK}/work/batch_000/sample_000/bench.txt" bench)
if (NOT bench MATCHES "hexagon runner under qemu-hexagon: ([0-9]+) packets per run")
  message(FATAL_ERROR "the Hexagon benchmark counted no packets:\n${bench}")
endif ()
# The sample's time is the count at one packet per ns.
set(packets ${CMAKE_MATCH_1})
if (packets LESS 100000)
  message(FATAL_ERROR "${packets} packets per run: too few for a whole network")
endif ()
math(EXPR ms_int "${packets} / 1000000")
if (NOT last_out MATCHES "sample 1/1: ${ms_int}\\.[0-9]+ ms with the hand schedule's own choices")
  message(FATAL_ERROR "the sample's time is not its packets at one per ns (${packets} packets):\n${last_out}")
endif ()
# The logits came back: 4-byte return code 0, then 10 int32 logits with their size.
file(SIZE "${WORK}/work/batch_000/sample_000/out.bin" out_size)
if (NOT out_size EQUAL 52)
  message(FATAL_ERROR "out.bin holds ${out_size} bytes, expected 52 (rc, size, 10 logits)")
endif ()
file(READ "${WORK}/kept/ctest-hvx/${pipeline}.json" record)
string(JSON measure GET "${record}" measure)
string(JSON kept_what GET "${record}" confirmation kept)
if (NOT kept_what STREQUAL "hand")
  message(FATAL_ERROR "the only candidate was the hand schedule, but the record kept '${kept_what}':\n${record}")
endif ()
if (NOT measure MATCHES "under qemu-hexagon: executed packets of one run")
  message(FATAL_ERROR "the kept record does not say it counts packets under qemu-hexagon:\n${record}")
endif ()
message(STATUS "${last_out}")
