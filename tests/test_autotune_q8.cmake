# ghostnet-autotune --search hand on the q8 network of the smallest network
# (tests/autotune_common.cmake): one batch, the hand schedule and one choice beside it (another
# tile, and every expansion and squeeze-excite gate stored whole: placements that must not move
# a byte), each candidate checked for int32 logits identical to the hand schedule's before it
# is timed, and
# the fastest kept as <pipeline>_q8.tunables. (A q8 candidate of this network takes about a
# minute of one core to compile, 2026-12-06; the search's behaviours are test_autotune.cmake's.)
include("${CMAKE_CURRENT_LIST_DIR}/autotune_common.cmake")
set(kept "${WORK}/kept")
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

expect_ok(${AUTOTUNE} --pipeline ${pipeline}_q8 --device ctest-q8 --search hand --start conv_pixels=3,expansion=1,se_gate=2 --batches 1
  --samples 2 --jobs 2 --cache "${WORK}/cache" --work "${WORK}/work" --kept-dir "${kept}")
require_output("ghostnet-autotune --search hand on the q8 network"
  "sample 1/2: compiling the hand schedule with its own choices" "sample 2/2: compiling the hand schedule with conv_pixels=3,expansion=1,se_gate=2\n"
  "sample [12]/2: [0-9.]+ ms with" "kept (the hand schedule's own choices|conv_pixels=3,expansion=1,se_gate=2)")
file(READ "${WORK}/work/batch_000/sample_001/check.txt" q8_check)
if (NOT q8_check MATCHES "q8 logits equal the hand schedule's")
  message(FATAL_ERROR "the q8 candidate's check said:\n${q8_check}")
endif ()
if (NOT EXISTS "${kept}/ctest-q8/${pipeline}_q8.tunables")
  message(FATAL_ERROR "ghostnet-autotune --search hand on the q8 network kept no ${pipeline}_q8.tunables:\n${last_out}")
endif ()
