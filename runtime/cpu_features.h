// Which variant of a multi-target (dispatching) library may run on this CPU.
//
// Halide's runtime takes a feature it does not detect as usable: on x86 Halide 21 does not
// detect avx512_zen4 (the q8 libraries' VNNI variant would run on any x86 CPU), and it asks
// for less than LLVM's sapphirerapids code needs (AVX512-FP16). Halide 14, our previous
// toolchain, did not detect Armv8.2 features on Linux (sdot on a Cortex-A53: SIGILL); this
// check keeps asking the kernel for them rather than rely on the version. On x86 it also asks
// whether the operating system saves the AVX / AVX-512 registers (XCR0), so a VM or kernel that
// turned AVX-512 off gets no AVX-512 code. install_cpu_feature_check() installs a check that asks
// the kernel (getauxval(AT_HWCAP)) on AArch64 and XGETBV on x86 as well. Model does it; an
// application that calls an emitted library directly calls it once before the first call.
#pragma once

#include <HalideRuntime.h>

#include "cpu_identity.h"

#include <string>
#include <vector>

namespace ghostnet {

// Installs the check as Halide's can_use_target_features (once per process; later calls do
// nothing).
void install_cpu_feature_check();

// Whether the operating system saves the AVX / AVX-512 registers: cpu_identity.h.
// Whether this CPU has the Armv8.2 dot product (sdot/udot) and half-precision arithmetic
// (false off AArch64).
bool cpu_has_arm_dot_prod();
bool cpu_has_arm_fp16();
// Whether this CPU and its operating system run the code Halide 21 compiles for its
// avx512_zen4 feature (the q8 libraries' VNNI variant, vpdpbusd). That code is compiled for
// LLVM's znver4 CPU and may use any AVX-512 extension Zen 4 has: F, CD, BW, DQ, VL, IFMA, VBMI,
// VBMI2, VNNI, BITALG, VPOPCNTDQ, BF16, with GFNI, VAES and VPCLMULQDQ. AMD Zen 4 and 5 and
// Intel Sapphire Rapids and later have them all. Halide's own check does not know the feature
// (it would take the variant as usable on any x86 CPU), so this check is what guards it.
bool cpu_runs_avx512_zen4();
// The same for avx512_sapphirerapids (LLVM's sapphirerapids CPU): all of the above and
// AVX512-FP16, which that code uses even in integer stages (vmovw). Halide's own check asks
// for AVX-VNNI and BF16 only, which AMD Zen 5 has without FP16. False off x86-64.
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
// Halide spells them, comma-separated, e.g. GHOSTNET_REFUSE_TARGET_FEATURES=avx512_zen4
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
