#include "arm_schedules.h"

namespace ghostnet {
namespace schedules {

// The mat-vec layers are bandwidth-bound (every weight is read once): 4-lane accumulators in
// L1, outputs cut into four parallel parts since phones and boards have four to eight cores.
// Not used: blocks of four accumulator vectors kept in registers through the whole reduction
// (split with GuardWithIf, unrolled, parallel over blocks). Halide 14 compiled it into code
// whose GhostNet 1.0x logits were 0.19 off the reference with one thread and right with two,
// under qemu-aarch64; the 0.5x network and the op tests passed with it. Cause not found.
void ArmSchedules::linear(ops::Linear &l, int cout_hint) const {
    mat_vec(l, t_.vector_floats, t_.linear_parts(4), cout_hint);
}

}  // namespace schedules
}  // namespace ghostnet
