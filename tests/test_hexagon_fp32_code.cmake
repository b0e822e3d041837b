# The bundled model's fp32 network for HVX v68 (hexagon-32-noos-hvx_128-hvx_v68), checked for
# what it is made of. QEMU 7.2's qemu-hexagon cannot run it (it knows no v68 CPU and stops at
# the first float vector instruction; test_hexagon runs it where hexagon/hvx_v68_float_probe
# passes), so this is the evidence the build gives:
#  1. the library is Hexagon code for v68 (ELF flags 0x68) in every member;
#  2. its arithmetic is HVX float: thousands of vector multiplies and adds in qf32 (v68's float
#     vectors);
#  3. the innermost loops are HVX code in at least kFloor percent (the q8 network's are about 80%;
#     Halide 21 compiles float max/min on HVX v68 lane by lane, which the ReLUs pay).
#   -DDIR=<build>/hexagon -DSOURCE=<source tree> -DLIB=<name>
include("${CMAKE_CURRENT_LIST_DIR}/expect.cmake")
set(kFloor 50)
set(lib "${DIR}/${LIB}.a")

# 1.
expect_machine("${lib}" "QUALCOMM DSP6")
expect_ok(readelf -h "${lib}")
string(REGEX MATCHALL "Flags: +[^\n]+" flags "${last_out}")
list(REMOVE_DUPLICATES flags)
if (NOT flags MATCHES "^Flags: +0x68$")
  message(FATAL_ERROR "${lib}: ELF flags '${flags}', expected only 0x68 (Hexagon v68)")
endif ()

# 2.
find_program(objdump llvm-objdump-14 REQUIRED)
expect_ok(${objdump} -d --no-show-raw-insn --mattr=+hvxv68,+hvx-length128b,+hvx-qfloat "${lib}")
string(REGEX MATCHALL "v[0-9]+\\.qf32 = v(mpy|add|sub)\\(v[0-9]+\\.sf,v[0-9]+\\.sf\\)" float_ops "${last_out}")
list(LENGTH float_ops n_float)
string(REGEX MATCHALL "sf(cmp|mpy|add|sub)[^\n]*\n" scalar_ops "${last_out}")
list(LENGTH scalar_ops n_scalar)
if (n_float LESS 1000)
  message(FATAL_ERROR "${lib}: ${n_float} HVX float multiplies and adds (qf32 = vmpy/vadd/vsub of sf "
                      "vectors); an fp32 network scheduled for HVX v68 has thousands")
endif ()

# 3.
hvx_share(share "${lib}")
string(REGEX REPLACE "\\..*" "" share_int "${share}")
if (share_int LESS kFloor)
  message(FATAL_ERROR "${lib}: its innermost loops are ${share}% HVX, under ${kFloor}%")
endif ()
message(STATUS "${LIB}: Hexagon v68, ${n_float} HVX float multiplies/adds, ${n_scalar} scalar float "
               "instructions, innermost loops ${share}% HVX")
