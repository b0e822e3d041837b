// The hand schedule of GhostNetV2's DFC attention (generators/dfc_attention.h): the same on
// every target unless a family overrides OpSchedules::dfc_attention (op_schedules.h).
#include "op_schedules.h"

namespace ghostnet {
namespace schedules {

using Halide::TailStrategy;
using Halide::Var;

// The attention works at half resolution, a quarter of the module's pixels: the pooled map,
// its conv, the row and column convs and the sigmoid gate are each stored whole (the row and
// column convs read their producers with a halo); the nearest upsampling is an index
// computation the Ghost module's slices read inline. The pooled map's channel vectors are
// guarded at the end: its producer may be an input buffer exactly `in` channels wide.
void OpSchedules::dfc_attention(ops::DfcAttention &a, int channels_hint, int width_hint) const {
    const ops::Vars &v = ops::vars();
    const int in_hint = ops::known_extent(a.in.c);
    const int half_width = width_hint / 2;
    Var co("co"), ci("ci");
    a.pooled.compute_root()
        .split(v.c, co, ci, t_.lanes_dividing(in_hint), TailStrategy::GuardWithIf)
        .reorder(ci, v.x, co, v.y)
        .vectorize(ci);
    if (t_.parallel_rows(half_width)) a.pooled.parallel(v.y);
    conv2d(a.conv, channels_hint, half_width);
    depthwise_conv(a.row, channels_hint, half_width);
    depthwise_conv(a.column, channels_hint, half_width);
    a.gate.compute_root()
        .split(v.c, co, ci, t_.lanes_for(channels_hint > 0 ? channels_hint : 64), TailStrategy::RoundUp)
        .reorder(ci, v.x, co, v.y)
        .vectorize(ci);
    if (t_.parallel_rows(half_width)) a.gate.parallel(v.y);
}

}  // namespace schedules
}  // namespace ghostnet
