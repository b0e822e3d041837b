# The apps as a user runs them: good input works, bad input fails with a message naming it.
# Run with -DRUN=... -DBENCH=... -DSPEC=... -DFIXTURES=... -DWORK=...
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(fx "${FIXTURES}/ghostnet_050_s200_k100")
set(net --width 0.5 --size 200 --classes 100)

function(expect_ok)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if (NOT rc EQUAL 0)
    message(FATAL_ERROR "expected success: ${ARGN}\nexit ${rc}\n${out}\n${err}")
  endif ()
  set(last_out "${out}" PARENT_SCOPE)
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

# ghostnet-run on the PyTorch fixture, and it refuses to overwrite its output.
expect_ok(${RUN} --weights ${fx}/weights.safetensors ${net} --input ${fx}/input.npy --output ${WORK}/logits.npy)
if (NOT EXISTS "${WORK}/logits.npy")
  message(FATAL_ERROR "ghostnet-run wrote no output")
endif ()
expect_fail("exists" ${RUN} --weights ${fx}/weights.safetensors ${net} --input ${fx}/input.npy --output ${WORK}/logits.npy)
expect_ok(${RUN} --weights ${fx}/weights.safetensors ${net} --input ${fx}/input.npy --output ${WORK}/logits.npy --overwrite)

# Bad input: each a message naming what is wrong.
expect_fail("--weights is required" ${RUN} ${net} --input ${fx}/input.npy --output ${WORK}/x.npy)
expect_fail("no compiled pipeline" ${RUN} --weights ${fx}/weights.safetensors --width 0.75 --size 200 --classes 100 --input ${fx}/input.npy --output ${WORK}/x.npy)
expect_fail("input.npy: shape 1x3x200x200, expected 1x3x224x224|no compiled pipeline" ${RUN} --weights ${fx}/weights.safetensors --width 0.5 --classes 100 --input ${fx}/input.npy --output ${WORK}/x.npy)
expect_fail("logits.npy: shape 1x100, expected 1x3x200x200" ${RUN} --weights ${fx}/weights.safetensors ${net} --input ${fx}/logits.npy --output ${WORK}/x.npy)
file(WRITE "${WORK}/garbage.safetensors" "this is not a safetensors file")
expect_fail("garbage.safetensors" ${RUN} --weights ${WORK}/garbage.safetensors ${net} --input ${fx}/input.npy --output ${WORK}/x.npy)
expect_fail("README.md: bad magic" ${RUN} --weights ${fx}/weights.safetensors ${net} --input ${fx}/README.md --output ${WORK}/x.npy)
expect_fail("Check foo value" ${RUN} --weights ${fx}/weights.safetensors ${net} --variant foo --input ${fx}/input.npy --output ${WORK}/x.npy)

# ghostnet-bench: JSON with the numbers a script reads.
expect_ok(${BENCH} ${net} --runs 3 --warmup 1 --json)
if (NOT last_out MATCHES "\"median_ms\": [0-9.]+, \"min_ms\": [0-9.]+")
  message(FATAL_ERROR "ghostnet-bench --json printed: ${last_out}")
endif ()
expect_fail("no compiled pipeline" ${BENCH} --width 0.75 --runs 1)

# ghostnet-spec prints the architecture.
expect_ok(${SPEC} --json --width 0.5 --size 200 --classes 100)
if (NOT last_out MATCHES "\"parameters\": 1434392")
  message(FATAL_ERROR "ghostnet-spec --json printed an unexpected parameter count")
endif ()
expect_ok(${SPEC} --help)
