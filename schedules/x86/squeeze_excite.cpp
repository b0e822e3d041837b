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

// Matrix-vector product with weights packed [cin][cout]: for each input channel the whole
// row of weights streams past a vector of accumulators that stays in L1. The outputs are cut
// into two halves for two threads; the weight rows are read once either way.
void schedule_linear(ops::Linear &l, const TargetInfo &t, int cout_hint) {
    const ops::Vars &v = ops::vars();
    Var half("half"), co("co"), ci("ci");
    const int lanes = t.vector_floats;
    const int half_width =
        cout_hint > 0 ? ((cout_hint + 1) / 2 + lanes - 1) / lanes * lanes : 8 * lanes;
    l.acc.compute_root().vectorize(v.c, lanes, TailStrategy::RoundUp);
    l.acc.update()
        .split(v.c, half, co, half_width, TailStrategy::RoundUp)
        .split(co, co, ci, lanes, TailStrategy::GuardWithIf)  // exact: half_width % lanes == 0
        .reorder(ci, co, l.r.x, half)
        .vectorize(ci)
        .parallel(half);
}

// The gate is a vector of channel scales; the gated tensor itself is never stored: its
// consumer (the next Ghost module's primary conv) multiplies as it reads.
void schedule_squeeze_excite(ops::SqueezeExcite &se, const TargetInfo &t, int channels_hint,
                             int reduced_hint) {
    schedule_global_avg_pool(se.pool, t);
    schedule_linear(se.reduce, t, channels_hint > 0 ? reduced_hint : 0);
    schedule_linear(se.expand, t, channels_hint);
    se.gate.compute_root();
}

}  // namespace x86
}  // namespace schedules
}  // namespace ghostnet
