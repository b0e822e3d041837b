#include "hexagon_schedules.h"

namespace ghostnet {
namespace schedules {

// Bandwidth-bound mat-vec: 32-lane int32 accumulators, one part (the standalone DSP runs one
// thread). The input vector is made one value at a time: when it is an average pool's, its
// division by the pixel count is a 64-bit multiply, which HVX has no vectors for.
void HexagonSchedules::linear(ops::Linear &l, int cout_hint) const {
    mat_vec(l, t_.vector_floats, t_.linear_parts(1), cout_hint, /*in_lanes=*/1);
}

}  // namespace schedules
}  // namespace ghostnet
