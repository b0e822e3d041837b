#include "x86_schedules.h"

namespace ghostnet {
namespace schedules {
namespace x86 {

using Halide::TailStrategy;
using Halide::Var;

// Register-tiled direct convolution: each tile keeps vectors x pixels accumulators in
// registers while the reduction over (ci, kx, ky) streams weight vectors (cout innermost in
// the packed layout) and broadcasts one input value per pixel. Tiles run across a row first,
// so one row of input stays in L1 while the weights for a channel block are reused.
void schedule_conv2d(ops::Conv2d &c, const TargetInfo &t, int cout_hint, int width_hint) {
    const ops::Vars &v = ops::vars();
    const TargetInfo::ConvTile tile = t.conv_tile(cout_hint > 0 ? cout_hint : 64, width_hint);
    Var co("co"), ci("ci"), xo("xo"), xi("xi");
    c.out.compute_root()
        .split(v.c, co, ci, tile.lanes * tile.vectors, TailStrategy::RoundUp)
        .split(v.x, xo, xi, tile.pixels, TailStrategy::RoundUp)
        .reorder(ci, xi, xo, co, v.y)
        .vectorize(ci, tile.lanes)
        .unroll(ci)
        .unroll(xi)
        .parallel(v.y);
    c.conv.compute_at(c.out, xo)
        .vectorize(v.c, tile.lanes)
        .unroll(v.c)
        .unroll(v.x);
    c.conv.update()
        .reorder(v.c, v.x, c.r.x, c.r.y, c.r.z, v.y)
        .vectorize(v.c, tile.lanes)
        .unroll(v.c)
        .unroll(v.x);
}

}  // namespace x86
}  // namespace schedules
}  // namespace ghostnet
