// The hand schedules of global average pooling and max pooling (generators/pooling.h): the
// same on every target unless a family overrides them (op_schedules.h).
#include "op_schedules.h"

namespace ghostnet {
namespace schedules {

using Halide::TailStrategy;

void OpSchedules::global_avg_pool(ops::GlobalAvgPool &p) const {
    const ops::Vars &v = ops::vars();
    p.sum.compute_root().vectorize(v.c, t_.vector_floats, TailStrategy::RoundUp);
    p.sum.update()
        .reorder(v.c, p.r.x, p.r.y)
        .vectorize(v.c, t_.vector_floats, TailStrategy::RoundUp);
}

// Channels in the vector, rows in parallel: a stage as cheap as a copy.
void OpSchedules::max_pool(ops::MaxPool &p, int channels_hint) const {
    const ops::Vars &v = ops::vars();
    const int lanes = t_.lanes_for(channels_hint > 0 ? channels_hint : 64);
    p.out.compute_root()
        .vectorize(v.c, lanes, TailStrategy::GuardWithIf)
        .parallel(v.y);
}

}  // namespace schedules
}  // namespace ghostnet
