# The cross-ISA check of a cross build: the same weights and input through the host (x86)
# build and through this build's programs (under EMULATOR) give the same logits within ATOL
# (fp32) or identical logits (q8), and the bundled demo gives the same labels in both.
# Run with -DHOST_RUN=... -DHOST_CLASSIFY=... -DHOST_WRITE_CASE=... -DHOST_QUANTIZE=...
#          -DRUN=... -DCLASSIFY=...
#          -DEMULATOR="qemu-aarch64 -L ..." -DFIXTURES=... -DMODEL=... -DWORK=... -DATOL=1e-4
#          [-DBASELINE_CPU=cortex-a53]
separate_arguments(emu UNIX_COMMAND "${EMULATOR}")
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if (NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (exit ${rc}): ${ARGN}\n${out}\n${err}")
  endif ()
  message(STATUS "${out}")
  set(last_out "${out}" PARENT_SCOPE)
endfunction()

# logits_agree(<name> <weights> <input> <network options>...): within ATOL (the variable, so
# a caller may set it to 0).
function(logits_agree name weights input)
  run(${HOST_RUN} --weights ${weights} ${ARGN} --input ${input} --output ${WORK}/${name}_host.npy)
  # One thread and two: a schedule whose answer depends on the order of parallel tasks fails.
  foreach (threads 1 2)
    run(${emu} ${RUN} --weights ${weights} ${ARGN} --input ${input} --threads ${threads}
        --output ${WORK}/${name}_${threads}.npy --reference ${WORK}/${name}_host.npy --atol ${ATOL})
  endforeach ()
  if (BASELINE_CPU)  # a core without dot product and fp16: the dispatch's plain Armv8 variant
    run(${emu} -cpu ${BASELINE_CPU} ${RUN} --weights ${weights} ${ARGN} --input ${input}
        --output ${WORK}/${name}_baseline.npy --reference ${WORK}/${name}_host.npy --atol ${ATOL})
  endif ()
endfunction()

# GhostNet 1.0x at 224, random weights with BatchNorm far from identity.
run(${HOST_WRITE_CASE} ${WORK}/w100_s224 --width 1.0 --size 224 --classes 1000 --seed 31)
logits_agree(w100_s224 ${WORK}/w100_s224/weights.safetensors ${WORK}/w100_s224/input.npy
             --width 1.0 --size 224 --classes 1000)

# GhostNet 0.5x with the PyTorch fixture's weights and input.
set(fx "${FIXTURES}/ghostnet_050_s200_k100")
logits_agree(w050_s200 ${fx}/weights.safetensors ${fx}/input.npy --width 0.5 --size 200 --classes 100)

# GhostNetV2 (the DFC attention) with its PyTorch fixture's weights and input. Its logits reach
# ~50 and its sigmoid is each target's exp: within 1e-3 (2e-5 of the largest; measured 1.24e-4).
set(v2 "${FIXTURES}/ghostnetv2_050_s112_k10")
set(v2_net --width 0.5 --size 112 --classes 10 --version v2)
set(atol_v1 ${ATOL})
set(ATOL 1e-3)
logits_agree(v2_w050_s112 ${v2}/weights.safetensors ${v2}/input.npy ${v2_net})
set(ATOL ${atol_v1})

# q8: quantized on the host (calibrated on the bundled samples), then the integer pipelines
# must give identical logits, byte for byte.
set(ATOL 0)
run(${HOST_QUANTIZE} --weights ${WORK}/w100_s224/weights.safetensors --width 1.0 --size 224
    --classes 1000 --calibration ${MODEL}/samples -o ${WORK}/w100_s224_q8.safetensors)
logits_agree(w100_s224_q8 ${WORK}/w100_s224_q8.safetensors ${WORK}/w100_s224/input.npy
             --width 1.0 --size 224 --classes 1000)
run(${HOST_QUANTIZE} --weights ${fx}/weights.safetensors --width 0.5 --size 200 --classes 100
    --calibration ${MODEL}/samples -o ${WORK}/w050_s200_q8.safetensors)
logits_agree(w050_s200_q8 ${WORK}/w050_s200_q8.safetensors ${fx}/input.npy
             --width 0.5 --size 200 --classes 100)
run(${HOST_QUANTIZE} --weights ${v2}/weights.safetensors ${v2_net} --calibration ${MODEL}/samples
    -o ${WORK}/v2_w050_s112_q8.safetensors)
logits_agree(v2_w050_s112_q8 ${WORK}/v2_w050_s112_q8.safetensors ${v2}/input.npy ${v2_net})

# The demo on the bundled samples, fp32 and q8: the same label for every image.
foreach (precision_flag "" "--q8")
  run(${HOST_CLASSIFY} --model ${MODEL} ${precision_flag} --top 1 ${MODEL}/samples)
  string(REGEX REPLACE " \\([0-9.]+%\\)" "" host_labels "${last_out}")
  run(${emu} ${CLASSIFY} --model ${MODEL} ${precision_flag} --top 1 ${MODEL}/samples)
  string(REGEX REPLACE " \\([0-9.]+%\\)" "" labels "${last_out}")
  if (NOT labels STREQUAL host_labels)
    message(FATAL_ERROR "labels ${precision_flag} differ between the host and this build:\nhost:\n${host_labels}\nthis build:\n${labels}")
  endif ()
  string(REGEX MATCHALL "\n" lines "${labels}")
  list(LENGTH lines n)
  message(STATUS "same labels ${precision_flag} on all ${n} samples")
endforeach ()
