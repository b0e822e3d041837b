// The hand schedule of the depthwise convolution (generators/depthwise_conv.h): the same on
// every target unless a family overrides OpSchedules::depthwise_conv (op_schedules.h).
#include "op_schedules.h"

namespace ghostnet {
namespace schedules {

using Halide::TailStrategy;
using Halide::Var;

// Channels in the vector, pixels along the row inside: the k*k weight vectors of a channel
// block stay in registers across the row. Half-width vectors serve 8 channels or fewer.
void OpSchedules::depthwise_conv(ops::DepthwiseConv &d, int channels_hint, int width_hint) const {
    const ops::Vars &v = ops::vars();
    const int lanes = t_.lanes_for(channels_hint > 0 ? channels_hint : 64);
    Var co("co"), ci("ci");
    d.out.compute_root()
        .split(v.c, co, ci, lanes, TailStrategy::RoundUp)
        .reorder(ci, v.x, co, v.y)
        .vectorize(ci);
    if (t_.parallel_rows(width_hint)) d.out.parallel(v.y);
    // A runtime width leaves every tap's padding test in the loop over x; stored rows of the
    // padded input then make the taps plain loads (where the target asks for it).
    if (t_.stage_padded_rows && width_hint <= 0 && d.k > 1)
        d.padded.compute_at(d.out, v.y).vectorize(v.c, lanes, TailStrategy::RoundUp);
}

}  // namespace schedules
}  // namespace ghostnet
