# ghostnet-autotune --search hand for Hexagon, end to end under qemu-hexagon: the bundled
# model's q8 network for hexagon-32-noos-hvx_128, one candidate (the hand schedule as written:
# a whole network takes ~11 minutes to compile for HVX here), benchmarked by hexagon/runner.c on
# the job file of random q8 weights, kept as tunables. (Tunables on HVX are checked op by op,
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
if (NOT bench MATCHES "hexagon runner: best case of [0-9]+ ns/iter over 10 runs")
  message(FATAL_ERROR "the Hexagon benchmark printed no time:\n${bench}")
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
if (NOT measure MATCHES "under qemu-hexagon \\(emulator time, not DSP time\\)")
  message(FATAL_ERROR "the kept record does not say its time is emulated:\n${record}")
endif ()
message(STATUS "${last_out}")
