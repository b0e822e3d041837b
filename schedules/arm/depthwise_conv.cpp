#include "arm_schedules.h"

namespace ghostnet {
namespace schedules {

using Halide::TailStrategy;
using Halide::Var;

// A depthwise output is a chain of k*k dependent FMAs. With 4-lane vectors one chain per
// pixel leaves NEON's two FMA pipes waiting on latency, so each step works on two channel
// vectors of two pixels: four independent chains, all k*k weights of both vectors held in
// registers across the row.
void ArmSchedules::depthwise_conv(ops::DepthwiseConv &d, int channels_hint) const {
    const ops::Vars &v = ops::vars();
    const int lanes = t_.vector_floats;
    const int vectors = channels_hint > 0 && channels_hint <= lanes ? 1 : 2;
    Var co("co"), ci("ci"), xo("xo"), xi("xi");
    d.out.compute_root()
        .split(v.c, co, ci, lanes * vectors, TailStrategy::RoundUp)
        .split(v.x, xo, xi, 2, TailStrategy::RoundUp)
        .reorder(ci, xi, xo, co, v.y)
        .vectorize(ci, lanes)
        .unroll(ci)
        .unroll(xi)
        .parallel(v.y);
}

}  // namespace schedules
}  // namespace ghostnet
