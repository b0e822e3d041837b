# The apps as a user runs them: good input works, bad input fails with a message naming it.
# Run with -DRUN=... -DBENCH=... -DSPEC=... -DQUANTIZE=... -DPNP_BENCH=... -DFIXTURES=... -DWORK=... [-DEMULATOR="qemu-..."]
if (EMULATOR)  # a cross build: its programs run under the emulator
  separate_arguments(emu UNIX_COMMAND "${EMULATOR}")
  foreach (app RUN BENCH SPEC CLASSIFY EVAL QUANTIZE STATS PNP_BENCH)
    set(${app} ${emu} ${${app}})
  endforeach ()
endif ()
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(fx "${FIXTURES}/ghostnet_050_s200_k100")
set(net --width 0.5 --size 200 --classes 100)

include("${CMAKE_CURRENT_LIST_DIR}/expect.cmake")

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
# --profile: the profiling variant's stages, slowest first, with their share of the run.
expect_ok(${BENCH} ${net} --profile --runs 20 --warmup 1 --json)
# (Halide 21's profiler also reports its own pseudo-stages, e.g. "waiting for parallel tasks to
# finish", which may come first: a stage of the network must be among them.)
if (NOT last_out MATCHES "\"pipeline\": \"ghostnet_w050_s200_k100_profile\".*\"ms_per_run\": [0-9.]+.*\"stages\": \\[{.*\"name\": \"blocks_[a-z0-9_]+\", \"ms\": [0-9.]+, \"percent\": [0-9.]+")
  message(FATAL_ERROR "ghostnet-bench --profile --json printed: ${last_out}")
endif ()
expect_ok(${BENCH} ${net} --profile --runs 20 --warmup 1)
if (NOT last_out MATCHES "stage +ms/run +% +threads\n(.*\n)?blocks_[a-z0-9_]+ +[0-9.]+ +[0-9.]+%")
  message(FATAL_ERROR "ghostnet-bench --profile printed no stage table: ${last_out}")
endif ()
expect_fail("has no profiling variant of ghostnet_w050_s224 " ${BENCH} --profile --runs 1 --width 0.5)
expect_fail("--baseline excludes --profile" ${BENCH} ${net} --profile --baseline ${fx}/weights.safetensors)
# --throughput: images per second with one image per thread.
expect_ok(${BENCH} ${net} --throughput --threads 2 --runs 3 --warmup 1 --json)
if (NOT last_out MATCHES "\"parallel_images\": 2, \"runs\": 3, \"images_per_second\": [0-9.]+")
  message(FATAL_ERROR "ghostnet-bench --throughput --json printed: ${last_out}")
endif ()
expect_fail("--throughput excludes --profile|--profile excludes --throughput" ${BENCH} ${net} --throughput --profile)

# ghostnet-quantize: a q8 model of the fixture, which run and bench take like a checkpoint.
if (HAVE_MODEL)
  set(calib --calibration ${MODEL}/samples --images 4)
  expect_ok(${QUANTIZE} --weights ${fx}/weights.safetensors ${net} ${calib} -o ${WORK}/q8.safetensors)
  expect_fail("exists; pass --overwrite" ${QUANTIZE} --weights ${fx}/weights.safetensors ${net} ${calib} -o ${WORK}/q8.safetensors)
  expect_ok(${QUANTIZE} --weights ${fx}/weights.safetensors ${net} ${calib} --percentile 99.9 -o ${WORK}/q8.safetensors --overwrite)
  expect_fail("already a q8 model" ${QUANTIZE} --weights ${WORK}/q8.safetensors ${net} ${calib} -o ${WORK}/q8b.safetensors)
  expect_fail("percentile" ${QUANTIZE} --weights ${fx}/weights.safetensors ${net} ${calib} --percentile 20 -o ${WORK}/q8b.safetensors)
  expect_fail("no image files" ${QUANTIZE} --weights ${fx}/weights.safetensors ${net} --calibration ${WORK} -o ${WORK}/q8b.safetensors)
  expect_fail("IDX images are grayscale" ${QUANTIZE} --weights ${fx}/weights.safetensors ${net}
              --calibration /usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz -o ${WORK}/q8b.safetensors)
  # --report: the error of q8 against fp32 per activation point, worst first.
  expect_ok(${QUANTIZE} --weights ${fx}/weights.safetensors ${net} ${calib} -o ${WORK}/q8r.safetensors --report --report-images 2 --report-rows 5)
  if (NOT last_out MATCHES "q8 against fp32 on 2 images; top-1 agrees on [0-2] .*activation point +q8 dB +own dB +clipped% +scale +zp\n[a-z0-9_.]+ +-?[0-9.]+ +[0-9.]+ +[0-9.]+ ")
    message(FATAL_ERROR "ghostnet-quantize --report printed: ${last_out}")
  endif ()
  expect_ok(${QUANTIZE} --weights ${fx}/weights.safetensors ${net} ${calib} -o ${WORK}/q8r.safetensors --overwrite --report --report-images 1 --json)
  if (NOT last_out MATCHES "^{\"network\": \"GhostNet 0.5x.*\"images\": 1, \"top1_agree\": [01], \"points\": \\[{\"point\": \"[a-z0-9_.]+\", \"values\": [0-9]+, \"sqnr_db\": ")
    message(FATAL_ERROR "ghostnet-quantize --report --json printed: ${last_out}")
  endif ()
  expect_fail("--json, --report-images and --report-rows go with --report" ${QUANTIZE} --weights ${fx}/weights.safetensors ${net} ${calib} -o ${WORK}/q8b.safetensors --json)
  expect_ok(${RUN} --weights ${WORK}/q8.safetensors ${net} --input ${fx}/input.npy --output ${WORK}/q8_logits.npy)
  expect_ok(${BENCH} --weights ${WORK}/q8.safetensors --baseline ${fx}/weights.safetensors ${net} --runs 2 --warmup 0 --json)
  if (NOT last_out MATCHES "_q8\", .*\"baseline_median_ms\": [0-9.]+, .*\"speedup\": [0-9.]+")
    message(FATAL_ERROR "ghostnet-bench --baseline --json printed: ${last_out}")
  endif ()
  expect_fail("no compiled pipeline" ${RUN} --weights ${WORK}/q8.safetensors --width 0.5 --size 200 --classes 10 --input ${fx}/input.npy --output ${WORK}/x.npy)
  expect_fail("q8.safetensors: tensor .conv_stem.weight. has shape" ${RUN} --weights ${WORK}/q8.safetensors --width 1.0 --size 224 --classes 1000 --input ${fx}/input.npy --output ${WORK}/x.npy)
endif ()

# ghostnet-spec prints the architecture.
expect_ok(${SPEC} --json --width 0.5 --size 200 --classes 100)
if (NOT last_out MATCHES "\"parameters\": 1434392")
  message(FATAL_ERROR "ghostnet-spec --json printed an unexpected parameter count")
endif ()
expect_ok(${SPEC} --help)
# ... and writes a random checkpoint for it, which run, bench and quantize take as a real one
# (the network of the fixture: ghostnet_w050_s200_k100 is compiled); never over a file.
file(REMOVE "${WORK}/random.safetensors")
expect_ok(${SPEC} --width 0.5 --size 200 --classes 100 --random-checkpoint ${WORK}/random.safetensors --seed 5)
if (NOT last_out MATCHES "wrote .*random.safetensors: random weights for .*1434392 parameters, seed 5")
  message(FATAL_ERROR "ghostnet-spec --random-checkpoint printed: ${last_out}")
endif ()
expect_fail("random.safetensors exists; give a new file" ${SPEC} --random-checkpoint ${WORK}/random.safetensors)
expect_ok(${RUN} --weights ${WORK}/random.safetensors --width 0.5 --size 200 --classes 100
  --input ${fx}/input.npy --output ${WORK}/random_logits.npy)
if (HAVE_MODEL)
  expect_ok(${QUANTIZE} --weights ${WORK}/random.safetensors --width 0.5 --size 200 --classes 100
    --calibration ${MODEL}/samples --images 2 -o ${WORK}/random_q8.safetensors --overwrite)
  expect_ok(${BENCH} --weights ${WORK}/random_q8.safetensors --width 0.5 --size 200 --classes 100 --runs 2 --warmup 1)
endif ()

# ghostnet-stats counts what ghostnet-spec describes, and the paper's networks.
expect_ok(${STATS} --width 0.5 --size 200 --classes 100)
if (NOT last_out MATCHES "\\(1434392\\)")
  message(FATAL_ERROR "ghostnet-stats counted other parameters than ghostnet-spec: ${last_out}")
endif ()
expect_ok(${STATS} --network vgg16 -s 2 -d 3 --json)
if (NOT last_out MATCHES "\"params\": 7651[0-9][0-9][0-9], \"macs\": 158[0-9]+, \"layers\": \\[")
  message(FATAL_ERROR "ghostnet-stats --json: ${last_out}")
endif ()
expect_ok(${STATS} --paper)
expect_fail("--network: alexnet not in" ${STATS} --network alexnet)
expect_fail("s must be >= 2" ${STATS} --network resnet56 -s 1)

if (HAVE_MODEL)
# ghostnet-classify on the bundled samples: every file labelled, exit 0.
expect_ok(${CLASSIFY} --top 3 ${MODEL}/samples)
string(REGEX MATCHALL "\\.png\n" printed "${last_out}")
list(LENGTH printed n_printed)
if (n_printed LESS 30)
  message(FATAL_ERROR "ghostnet-classify printed ${n_printed} images from ${MODEL}/samples:\n${last_out}")
endif ()
expect_ok(${CLASSIFY} --json --top 1 ${MODEL}/samples)
if (NOT last_out MATCHES "\"probability\": [0-9.]+")
  message(FATAL_ERROR "ghostnet-classify --json printed: ${last_out}")
endif ()

# Bad files among good ones: each named, the good ones still classified, exit status 1.
file(GLOB samples "${MODEL}/samples/*.png")
list(GET samples 0 good)
execute_process(COMMAND head -c 100 "${good}" OUTPUT_FILE "${WORK}/truncated.png")
file(WRITE "${WORK}/empty.png" "")
file(WRITE "${WORK}/notes.txt.png" "these are not pixels")
execute_process(COMMAND ${CLASSIFY} ${good} ${WORK}/empty.png ${WORK}/truncated.png ${WORK}/notes.txt.png ${WORK}/missing.png
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if (NOT rc EQUAL 1)
  message(FATAL_ERROR "ghostnet-classify with bad files exited ${rc}, expected 1\n${out}\n${err}")
endif ()
foreach (want "empty.png: empty file" "truncated.png: " "notes.txt.png: not a readable image" "missing.png: cannot open" "4 of 5 images failed")
  if (NOT err MATCHES "${want}")
    message(FATAL_ERROR "ghostnet-classify: expected '${want}' in:\n${err}")
  endif ()
endforeach ()
if (NOT out MATCHES "%")
  message(FATAL_ERROR "ghostnet-classify did not classify the good file among bad ones:\n${out}")
endif ()
expect_fail("model.json: cannot open" ${CLASSIFY} --model ${WORK} ${good})
expect_fail("images is required" ${CLASSIFY})

# The bundled q8 model through the demo and the evaluator.
expect_ok(${CLASSIFY} --q8 --top 1 ${MODEL}/samples)
string(REGEX MATCHALL "\\.png  " printed "${last_out}")
list(LENGTH printed n_printed)
if (n_printed LESS 30)
  message(FATAL_ERROR "ghostnet-classify --q8 printed ${n_printed} labelled images:\n${last_out}")
endif ()
# Files classified side by side print what one at a time prints, in the same order.
expect_ok(${CLASSIFY} --top 2 --threads 2 --parallel-images 1 ${MODEL}/samples)
set(one_at_a_time "${last_out}")
expect_ok(${CLASSIFY} --top 2 --threads 2 --parallel-images 2 ${MODEL}/samples)
if (NOT last_out STREQUAL one_at_a_time OR NOT last_out MATCHES "0000_ankle_boot.png\n.*0001_pullover.png")
  message(FATAL_ERROR "ghostnet-classify --parallel-images 2 printed:\n${last_out}\none at a time:\n${one_at_a_time}")
endif ()
expect_ok(${EVAL} --q8 --limit 50 --json)
if (NOT last_out MATCHES "\"precision\": \"q8\", \"images\": 50")
  message(FATAL_ERROR "ghostnet-eval --q8 --json printed: ${last_out}")
endif ()
expect_fail("--q8 or --weights" ${EVAL} --q8 --weights ${MODEL}/weights.safetensors --limit 1)
# Where a model comes from is read the same way by every app (ModelSource, apps/cli_common.h):
# --weights with --model runs those weights on the folder's network, preprocessed and labelled
# as the folder says (the folder's own float weights here: the same answers as the folder alone);
# a bare checkpoint's preprocessing flags with a folder are refused, naming them.
expect_ok(${CLASSIFY} --model ${MODEL} --weights ${MODEL}/weights.safetensors --top 2 ${MODEL}/samples)
if (NOT last_out STREQUAL one_at_a_time)
  message(FATAL_ERROR "ghostnet-classify --model --weights printed:\n${last_out}\nthe folder alone:\n${one_at_a_time}")
endif ()
expect_fail("--q8 or --weights" ${CLASSIFY} --q8 --weights ${MODEL}/weights.safetensors ${MODEL}/samples)
expect_fail("--resize, --mean and --std describe a bare checkpoint" ${CLASSIFY} --model ${MODEL} --resize 40 ${MODEL}/samples)
expect_fail("--resize, --mean and --std describe a bare checkpoint" ${QUANTIZE} --mean 0.5 --calibration ${MODEL}/samples
  -o ${WORK}/never.safetensors)

# ghostnet-eval on the first images of the test set (the whole set runs in its own test).
expect_ok(${EVAL} --limit 200 --json)
if (NOT last_out MATCHES "\"top1\": [0-9.]+")
  message(FATAL_ERROR "ghostnet-eval --json printed: ${last_out}")
endif ()
expect_fail("cannot open IDX" ${EVAL} --images ${WORK}/none.idx)
# Images side by side (one per thread) give the answers of one image at a time.
foreach (precision_flag "" "--q8")
  expect_ok(${EVAL} ${precision_flag} --limit 300 --threads 2 --parallel-images 1 --json)
  string(REGEX MATCH "\"correct\": [0-9]+" one_at_a_time "${last_out}")
  expect_ok(${EVAL} ${precision_flag} --limit 300 --threads 2 --parallel-images 2 --json)
  string(REGEX MATCH "\"correct\": [0-9]+" side_by_side "${last_out}")
  if (NOT one_at_a_time OR NOT last_out MATCHES "\"parallel_images\": 2" OR NOT one_at_a_time STREQUAL side_by_side)
    message(FATAL_ERROR "ghostnet-eval ${precision_flag} --parallel-images 2 gave ${side_by_side}, one at a time ${one_at_a_time}: ${last_out}")
  endif ()
endforeach ()
endif ()

# ghostnet-bench-plug-and-play: every compiled VGG-16 / ResNet-56 with its MAC ratio and speed-up.
expect_ok(${PNP_BENCH} --runs 2 --warmup 0)
foreach (row "VGG-16 +14.99 M +313.5 M +1.00x" "Ghost-VGG-16 \\(s=2, d=3\\) +7.65 M +158.7 M +1.98x"
             "Ghost-ResNet-56 \\(s=2, d=3\\) +0.44 M +65.3 M +1.92x")
  if (NOT last_out MATCHES "${row}")
    message(FATAL_ERROR "ghostnet-bench-plug-and-play printed no row matching '${row}':\n${last_out}")
  endif ()
endforeach ()
expect_ok(${PNP_BENCH} --network resnet56 --runs 1 --warmup 0 --json)
if (NOT last_out MATCHES "\"pipeline\": \"ghost_resnet56_s2_d3\".*\"speedup_median\": [0-9.]+" OR last_out MATCHES "vgg16")
  message(FATAL_ERROR "ghostnet-bench-plug-and-play --network resnet56 --json: ${last_out}")
endif ()
expect_fail("--network: alexnet not in" ${PNP_BENCH} --network alexnet)
expect_fail("--runs: Value 0 not in range" ${PNP_BENCH} --runs 0)
