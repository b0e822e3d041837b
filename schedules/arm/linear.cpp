#include "arm_schedules.h"

namespace ghostnet {
namespace schedules {

using Halide::TailStrategy;
using Halide::Var;

// Mat-vec with the accumulators in registers: blocks of four vectors (16 outputs) run the
// whole reduction over input channels, reading a 64-byte row piece of the [cin][cout]
// weights per input channel, one cache line, so no accumulator goes through memory. Blocks
// run in parallel: phones have four to eight cores.
void ArmSchedules::linear(ops::Linear &l, int cout_hint) const {
    const ops::Vars &v = ops::vars();
    const int lanes = t_.vector_floats;
    const int block = cout_hint > 0 && cout_hint <= 2 * lanes ? lanes : 4 * lanes;
    Var co("co"), cb("cb"), ci("ci");
    l.acc.compute_root().vectorize(v.c, lanes, TailStrategy::RoundUp);
    l.acc.update()
        .split(v.c, co, cb, block, TailStrategy::GuardWithIf)
        .split(cb, cb, ci, lanes, TailStrategy::GuardWithIf)
        .reorder(ci, cb, l.r.x, co)
        .vectorize(ci)
        .unroll(cb)
        .parallel(co);
}

}  // namespace schedules
}  // namespace ghostnet
