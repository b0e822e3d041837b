// The hand schedule of squeeze-excite (generators/squeeze_excite.h): pooling and the family's
// linear ops, the gate stored as a vector (op_schedules.h).
#include "op_schedules.h"

namespace ghostnet {
namespace schedules {

// The gate is a vector of channel scales, made a vector at a time (on HVX the bundled
// model's serial stages, these gates among them, fell from 84 k to 66 k executed packets by
// it); the gated tensor is not stored whole: its consumer (the next Ghost module's primary
// conv) gates each row before it reads it (ghost_bottleneck).
void OpSchedules::squeeze_excite(ops::SqueezeExcite &se, int channels_hint, int reduced_hint) const {
    global_avg_pool(se.pool);
    linear(se.reduce, channels_hint > 0 ? reduced_hint : 0);
    linear(se.expand, channels_hint);
    se.gate.compute_root().vectorize(ops::vars().c, t_.vector_floats, Halide::TailStrategy::RoundUp);
}

}  // namespace schedules
}  // namespace ghostnet
