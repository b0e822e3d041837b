# ghostnet-generate and the installed package, as a user meets them:
#  1. the tool's errors for choices that cannot work, and it never overwrites a library;
#  2. `cmake --install` of this build into a temporary prefix;
#  3. the installed tool emits libraries for x86-64 (this machine), AArch64 Linux (dispatching
#     Armv8.2 / Armv8), Android and Hexagon HVX: each manifest says what was asked, and each
#     object is of the right machine type;
#  4. examples/classify_emitted is built against the installed tree with the x86 libraries and
#     labels the bundled samples as the installed ghostnet-classify does, fp32 and q8;
#  5. the installed Python module does too.
# Run with -DBUILD=<this build> -DSOURCE=<source tree> -DWORK=<scratch folder>
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

include("${CMAKE_CURRENT_LIST_DIR}/expect.cmake")

# 2. Install.
set(prefix "${WORK}/prefix")
expect_ok(${CMAKE_COMMAND} --install "${BUILD}" --prefix "${prefix}")
set(gen "${prefix}/bin/ghostnet-generate")
set(models "${prefix}/share/ghostnet-halide/models")
foreach (f bin/ghostnet-classify lib/libghostnet_runtime.a include/ghostnet/model.h
           lib/cmake/GhostNetHalide/GhostNetHalideConfig.cmake share/ghostnet-halide/models/fashion_mnist/model.json
           share/ghostnet-halide/examples/classify_emitted/main.cpp)
  if (NOT EXISTS "${prefix}/${f}")
    message(FATAL_ERROR "cmake --install put no ${f} in ${prefix}")
  endif ()
endforeach ()

# 1. Errors that say what is possible.
set(out "${WORK}/errors")
expect_fail("not a Halide target.*Examples: x86-64-linux" ${gen} --target x86-65-linux -o ${out})
expect_fail("no HVX float vectors.*add hvx_v68.*--precision q8" ${gen} --target hexagon-32-noos-hvx_128 -o ${out})
expect_fail("no schedule for ghostnet_w100_s224 is kept for device 'pixel7'.*this build keeps.*Tune one with ghostnet-autotune --pipeline ghostnet_w100_s224 --device pixel7.*--schedule hand"
  ${gen} --schedule device:pixel7 -o ${out})
expect_fail("hand schedules exist for x86-64, arm-64 and HVX.*Mullapudi2016" ${gen} --target riscv-64-linux -o ${out})
expect_fail("autoschedulers do not offload to HVX.*--schedule hand" ${gen} --target arm-64-android-hvx_128 --precision q8 --schedule Mullapudi2016 -o ${out})
expect_fail("'fastest' is not a schedule" ${gen} --schedule fastest -o ${out})
expect_fail("share arch, bits and os" ${gen} --target x86-64-linux,arm-64-linux -o ${out})
expect_fail("--name '9lives' must be a C identifier" ${gen} --name 9lives -o ${out})
expect_fail("invalid network" ${gen} --width 0 -o ${out})
expect_fail("model.json" ${gen} --model "${WORK}/no_such_model" -o ${out})
expect_fail("--network vgg16 is built in fp32 only" ${gen} --network vgg16 --precision q8 -o ${out})
expect_fail("Ghost ratio s must be 2..16.*--ratio s" ${gen} --network resnet56 --ratio 1 -o ${out})
if (EXISTS "${out}")
  file(GLOB left "${out}/*")
  if (left)
    message(FATAL_ERROR "failed runs left files behind: ${left}")
  endif ()
endif ()

# 3. Emit for four platforms. check_library(<dir> <name> <machine> <key>=<value>...)
function(check_library dir name machine)
  set(manifest "${dir}/${name}.manifest.json")
  if (NOT EXISTS "${manifest}")
    message(FATAL_ERROR "no manifest ${manifest}")
  endif ()
  file(READ "${manifest}" json)
  foreach (kv IN LISTS ARGN)
    string(REPLACE "=" ";" kv "${kv}")
    list(GET kv 0 key)
    list(GET kv 1 want)
    string(REPLACE "." ";" path "${key}")
    string(JSON got GET "${json}" ${path})
    if (NOT got STREQUAL want)
      message(FATAL_ERROR "${manifest}: ${key} is '${got}', expected '${want}'")
    endif ()
  endforeach ()
  string(JSON fn GET "${json}" function)
  if (NOT fn MATCHES "^int ${name}\\(struct halide_buffer_t")
    message(FATAL_ERROR "${manifest}: function '${fn}' is not ${name}'s signature")
  endif ()
  string(JSON runtime GET "${json}" runtime)
  foreach (lib "${name}.a" "${runtime}")
    expect_machine("${dir}/${lib}" "${machine}")
  endforeach ()
  if (NOT EXISTS "${dir}/${name}.h")
    message(FATAL_ERROR "no header ${dir}/${name}.h")
  endif ()
endfunction()

set(x86 "${WORK}/emitted")
expect_ok(${gen} --model ${models}/fashion_mnist --name fashion -o ${x86})
expect_ok(${gen} --model ${models}/fashion_mnist --name fashion_q8 --precision q8 -o ${x86})
check_library(${x86} fashion "X86-64" precision=fp32 network.width=0.5 network.input_size=32
              network.in_channels=1 network.num_classes=10 network.variant=small schedule=hand
              runtime_target=x86-64-linux)
check_library(${x86} fashion_q8 "X86-64" precision=q8 generator=ghostnet_q8)
# A schedule ghostnet-autotune kept for the bundled model's network, emitted by the installed
# tool (--schedule device:NAME): the first device that keeps one.
file(GLOB kept RELATIVE "${SOURCE}/schedules/autotuned"
     "${SOURCE}/schedules/autotuned/*/ghostnet_w050_s32_c1_k10_small.schedule.h")
if (kept)
  list(GET kept 0 first)
  get_filename_component(device "${first}" DIRECTORY)
  expect_ok(${gen} --model ${models}/fashion_mnist --schedule device:${device} --name fashion_tuned -o ${x86})
  check_library(${x86} fashion_tuned "X86-64" schedule=device:${device} network.width=0.5)
endif ()
# One runtime per folder, shared; nothing overwritten without --overwrite.
file(GLOB runtimes "${x86}/halide_runtime_*.a")
list(LENGTH runtimes n)
if (NOT n EQUAL 1)
  message(FATAL_ERROR "expected one shared runtime in ${x86}, found: ${runtimes}")
endif ()
file(SHA256 "${x86}/fashion.a" before)
expect_fail("fashion.a exists; pass --overwrite" ${gen} --model ${models}/fashion_mnist --name fashion -o ${x86})
file(SHA256 "${x86}/fashion.a" after)
if (NOT before STREQUAL after)
  message(FATAL_ERROR "a refused run changed ${x86}/fashion.a")
endif ()

set(arm "${WORK}/arm")
expect_ok(${gen} --target arm-64-linux-arm_dot_prod,arm-64-linux --network ghost_module --precision q8
          --ratio 3 --dw-kernel 5 -o ${arm})
check_library(${arm} ghost_module_s3_k1_d5_q8 "AArch64" precision=q8 network.kind=ghost_module
              network.ratio=3 network.dw_kernel=5 targets.0=arm-64-linux-arm_dot_prod
              targets.1=arm-64-linux runtime_target=arm-64-linux)
# The plug-and-play networks: Ghost-ResNet-56 for an ARM board.
set(pnp "${WORK}/pnp")
expect_ok(${gen} --target arm-64-linux --network resnet56 --ratio 2 -o ${pnp})
check_library(${pnp} ghost_resnet56_s2_d3 "AArch64" generator=plug_and_play precision=fp32
              network.kind=resnet56 network.ghost_ratio=2 network.ghost_dw=3 network.num_classes=10)
set(android "${WORK}/android")
expect_ok(${gen} --target arm-64-android --model ${models}/fashion_mnist --name fashion -o ${android})
check_library(${android} fashion "AArch64" runtime_target=arm-64-android)
set(hexagon "${WORK}/hexagon")
expect_ok(${gen} --target hexagon-32-noos-hvx_128 --network ghost_module --precision q8
          --schedule Mullapudi2016 -o ${hexagon})
check_library(${hexagon} ghost_module_s2_k1_d3_q8 "QUALCOMM DSP6" schedule=Mullapudi2016
              generator=ghost_module_q8)

# 4. An application built against the installed tree, as a user would.
set(app "${WORK}/classify_emitted")
expect_ok(${CMAKE_COMMAND} -S ${prefix}/share/ghostnet-halide/examples/classify_emitted -B ${app}
          -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=${prefix} -DEMITTED_DIR=${x86})
expect_ok(${CMAKE_COMMAND} --build ${app})
file(GLOB samples "${models}/fashion_mnist/samples/*.png")
list(SORT samples)
list(SUBLIST samples 0 6 samples)
expect_ok(${app}/classify_emitted ${models}/fashion_mnist ${samples})
set(mine "${last_out}")
expect_ok(${prefix}/bin/ghostnet-classify --top 1 ${samples})
set(fp32 "${last_out}")
expect_ok(${prefix}/bin/ghostnet-classify --q8 --top 1 ${samples})
set(q8 "${last_out}")
foreach (s IN LISTS samples)
  string(REGEX MATCH "${s}  ([^\n]*) \\([0-9.]+%\\)  q8: ([^\n]*) \\([0-9.]+%\\)" m "${mine}")
  if (NOT m)
    message(FATAL_ERROR "classify_emitted printed no line for ${s}:\n${mine}")
  endif ()
  set(a "${CMAKE_MATCH_1}")
  set(b "${CMAKE_MATCH_2}")
  if (NOT fp32 MATCHES "${s}  ${a} \\(" OR NOT q8 MATCHES "${s}  ${b} \\(")
    message(FATAL_ERROR "${s}: the emitted libraries say ${a} / ${b} (fp32 / q8), ghostnet-classify says:\n${fp32}${q8}")
  endif ()
endforeach ()
message(STATUS "classify_emitted agrees with ghostnet-classify:\n${mine}")

# 5. The Python module from the installed tree (when the build made one): it imports from the
#    install folder alone, finds the installed bundled model, and labels the samples as the
#    installed ghostnet-classify does.
if (PYTHON)
  set(py_code "
import sys, ghostnet_halide as gh
assert gh.__file__.startswith('${prefix}/'), gh.__file__
assert gh.bundled_model == '${models}/fashion_mnist', gh.bundled_model
m = gh.Model.from_folder()
for f in sys.argv[1:]:
    p = m.classify(f, top=1)[0]
    print(f'{f}  {p[\"label\"]} ({100 * p[\"probability\"]:.1f}%)')
")
  expect_ok(${CMAKE_COMMAND} -E env PYTHONPATH=${prefix}/${PYTHON_DIR} ${PYTHON} -c "${py_code}" ${samples})
  if (NOT last_out STREQUAL fp32)
    message(FATAL_ERROR "the installed Python module printed:\n${last_out}\nthe installed ghostnet-classify:\n${fp32}")
  endif ()
  message(STATUS "the installed Python module agrees with ghostnet-classify")
endif ()
