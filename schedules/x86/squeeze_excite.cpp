#include "x86_schedules.h"

namespace ghostnet {
namespace schedules {
namespace x86 {

using Halide::TailStrategy;
using Halide::Var;

void schedule_global_avg_pool(ops::GlobalAvgPool &p, const TargetInfo &t) {
    const ops::Vars &v = ops::vars();
    p.sum.compute_root().vectorize(v.c, t.vector_floats, TailStrategy::RoundUp);
    p.sum.update()
        .reorder(v.c, p.r.x, p.r.y)
        .vectorize(v.c, t.vector_floats, TailStrategy::RoundUp);
}

// Matrix-vector product: output channels in vectors, the reduction streams weight rows.
void schedule_linear(ops::Linear &l, const TargetInfo &t) {
    const ops::Vars &v = ops::vars();
    Var co("co"), ci("ci");
    const int block = t.vector_floats * 4;
    l.acc.compute_root()
        .split(v.c, co, ci, block, TailStrategy::RoundUp)
        .vectorize(ci, t.vector_floats)
        .unroll(ci);
    l.acc.update()
        .split(v.c, co, ci, block, TailStrategy::RoundUp)
        .reorder(ci, l.r.x, co)
        .vectorize(ci, t.vector_floats)
        .unroll(ci)
        .parallel(co);
}

// The gate is a vector of channel scales; the gated tensor itself is never stored: its
// consumer (the next Ghost module's primary conv) multiplies as it reads.
void schedule_squeeze_excite(ops::SqueezeExcite &se, const TargetInfo &t) {
    schedule_global_avg_pool(se.pool, t);
    schedule_linear(se.reduce, t);
    schedule_linear(se.expand, t);
    se.gate.compute_root();
}

}  // namespace x86
}  // namespace schedules
}  // namespace ghostnet
