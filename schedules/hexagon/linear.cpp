#include "hexagon_schedules.h"

namespace ghostnet {
namespace schedules {

// Bandwidth-bound mat-vec: 32-lane int32 accumulators, one part (the standalone DSP runs one
// thread).
void HexagonSchedules::linear(ops::Linear &l, int cout_hint) const {
    mat_vec(l, t_.vector_floats, t_.linear_parts(1), cout_hint);
}

}  // namespace schedules
}  // namespace ghostnet
