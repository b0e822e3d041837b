#include "x86_schedules.h"

namespace ghostnet {
namespace schedules {
namespace x86 {

using Halide::TailStrategy;
using Halide::Var;

// Channels in the vector, pixels along the row inside: the k*k weight vectors of a channel
// block stay in registers across the row.
void schedule_depthwise_conv(ops::DepthwiseConv &d, const TargetInfo &t, int channels_hint) {
    const ops::Vars &v = ops::vars();
    const int lanes = t.lanes_for(channels_hint > 0 ? channels_hint : 64);
    Var co("co"), ci("ci");
    d.out.compute_root()
        .split(v.c, co, ci, lanes, TailStrategy::RoundUp)
        .reorder(ci, v.x, co, v.y)
        .vectorize(ci)
        .parallel(v.y);
}

}  // namespace x86
}  // namespace schedules
}  // namespace ghostnet
