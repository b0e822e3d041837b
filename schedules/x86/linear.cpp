#include "x86_schedules.h"

namespace ghostnet {
namespace schedules {

// The mat-vec layers are bandwidth-bound (the weights are read once): two parts, one per
// thread of this machine's two cores, is enough to keep both memory streams busy. The
// accumulators in registers, in blocks of up to all but 4 of the vector registers.
void X86Schedules::linear(ops::Linear &l, int cout_hint) const {
    mat_vec(l, t_.vector_floats, t_.linear_parts(2), cout_hint, 0, t_.vector_registers - 4);
}

}  // namespace schedules
}  // namespace ghostnet
