// Which variant of a multi-target (dispatching) library may run on this CPU.
//
// Halide 14's runtime does not detect Armv8.2 features on Linux or Android: it reports
// arm_dot_prod and arm_fp16 as unknown, and its dispatcher then takes unknown features as
// usable, so an AArch64 library with an `arm-64-linux-arm_dot_prod-arm_fp16` variant would
// run sdot on a Cortex-A53 and die of SIGILL. On x86 it reads CPUID alone, not whether the
// operating system saves the AVX / AVX-512 registers (XCR0), so a VM or kernel that turned
// AVX-512 off would get AVX-512 code. install_cpu_feature_check() installs a check that asks
// the kernel (getauxval(AT_HWCAP)) on AArch64 and XGETBV on x86 as well. Model does it; an
// application that calls an emitted library directly calls it once before the first call.
#pragma once

#include <HalideRuntime.h>

#include <string>
#include <vector>

namespace ghostnet {

// Installs the check as Halide's can_use_target_features (once per process; later calls do
// nothing).
void install_cpu_feature_check();

// Whether the operating system saves the AVX (ymm) / AVX-512 (opmask, zmm) registers on a
// context switch (XGETBV; false off x86-64).
bool cpu_os_saves_ymm();
bool cpu_os_saves_zmm();
// Whether this CPU has the Armv8.2 dot product (sdot/udot) and half-precision arithmetic
// (false off AArch64).
bool cpu_has_arm_dot_prod();
bool cpu_has_arm_fp16();
// Whether this CPU and its operating system run the code Halide 14 compiles for its
// avx512_sapphirerapids feature (the q8 libraries' VNNI variant, vpdpbusd): AVX-512 with VNNI
// and BF16, which is all Halide's own check asks for, and AVX512-FP16, because that code is
// compiled for LLVM's sapphirerapids CPU and uses FP16 instructions (vmovw) even in integer
// stages. AMD Zen 4 and 5 have VNNI and BF16 but not FP16: Halide's check alone would run the
// variant there and crash on an illegal instruction. False off x86-64.
bool cpu_runs_avx512_sapphirerapids();

// The first feature of a dispatch variant (as dispatched_features() spells one: features
// "-"-joined, or kBaselineVariant) that this CPU and its operating system cannot run, by
// Halide's name; "" when it runs them all. Refusals (refuse_target_features) do not count: this
// asks the machine, so a test that forces a variant can skip, naming the feature, where the
// variant cannot run. An unknown feature name throws Error naming it.
std::string cpu_lacks_feature(const std::string &variant);

// Dispatching libraries skip every variant that needs one of `features` (empty: none
// refused), as if this CPU lacked them: tests and benchmarks force each variant of a library
// this way. Halide's dispatcher keeps the variant a library took at its first call, so this
// must come before that call. Installs the check.
void refuse_target_features(const std::vector<halide_target_feature_t> &features);

// The environment variable install_cpu_feature_check() reads: target features to refuse, as
// Halide spells them, comma-separated, e.g. GHOSTNET_REFUSE_TARGET_FEATURES=avx512_sapphirerapids
// runs a q8 library's AVX-512 variant without VNNI. An unknown name throws Error naming it.
constexpr const char *kRefuseFeaturesEnv = "GHOSTNET_REFUSE_TARGET_FEATURES";

// Which variant dispatch took. Halide's dispatcher asks the check about every variant but the
// last (in no fixed order) and runs the first of its list the check accepts, else the last.
// With a list ordered best first, each variant's features a superset of the next one's (as
// cmake/GhostNetLibraries.cmake's are), that is the accepted variant no other accepted one
// contains. This returns its features, as Halide spells them, "-"-joined in alphabetical order
// (e.g. "avx-avx2-avx512-avx512_skylake-f16c-fma-sse41"), over every check since the process
// started; kBaselineVariant when the check refused all it was asked; "" when it was never
// asked (no dispatching library has run). Meant for a process that runs one dispatching
// library, as the tests do.
constexpr const char *kBaselineVariant = "(baseline)";
std::string dispatched_features();

}  // namespace ghostnet
