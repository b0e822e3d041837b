#include "hexagon_schedules.h"

namespace ghostnet {
namespace schedules {

// Bandwidth-bound mat-vec: 32-lane int32 accumulators, one part (the standalone DSP runs one
// thread). The input vector is made a whole vector at a time, unless it divides (an average
// pool's: its division by the pixel count is a 64-bit multiply, which HVX has no vectors for;
// Halide 14 stops with "Unsupported HVX type: uint64x128"), then one value at a time.
void HexagonSchedules::linear(ops::Linear &l, int cout_hint) const {
    mat_vec(l, t_.vector_floats, t_.linear_parts(1), cout_hint, l.in_divides ? 1 : t_.stage_lanes);
}

}  // namespace schedules
}  // namespace ghostnet
