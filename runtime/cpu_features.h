// Which variant of a multi-target (dispatching) library may run on this CPU.
//
// Halide 14's runtime does not detect Armv8.2 features on Linux or Android: it reports
// arm_dot_prod and arm_fp16 as unknown, and its dispatcher then takes unknown features as
// usable, so an AArch64 library with an `arm-64-linux-arm_dot_prod-arm_fp16` variant would
// run sdot on a Cortex-A53 and die of SIGILL. install_cpu_feature_check() installs a check
// that asks the kernel (getauxval(AT_HWCAP)) instead. Model does it; an application that
// calls an emitted library directly calls it once before the first call.
#pragma once

namespace ghostnet {

// Installs the check as Halide's can_use_target_features (once per process; later calls do
// nothing). On CPUs other than AArch64 Linux/Android it leaves Halide's own check in place.
void install_cpu_feature_check();

// Whether this CPU has the Armv8.2 dot product (sdot/udot) and half-precision arithmetic
// (false off AArch64).
bool cpu_has_arm_dot_prod();
bool cpu_has_arm_fp16();

}  // namespace ghostnet
