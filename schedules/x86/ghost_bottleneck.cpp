#include "x86_schedules.h"

namespace ghostnet {
namespace schedules {
namespace x86 {

using Halide::TailStrategy;
using Halide::Var;

void schedule_ghost_bottleneck(ops::GhostBottleneck &b, const TargetInfo &t) {
    const ops::Vars &v = ops::vars();
    const BottleneckSpec &s = *b.spec;
    schedule_ghost_module(b.ghost1, t, s.ghost1.intrinsic(), s.mid, s.in_w);
    if (s.has_dw) schedule_depthwise_conv(b.dw, t, s.mid);
    if (s.se.reduced) schedule_squeeze_excite(b.se, t, s.mid, s.se.reduced);
    schedule_ghost_module(b.ghost2, t, s.ghost2.intrinsic(), s.out, s.out_w, /*root=*/false);
    if (!s.identity_shortcut) {
        schedule_depthwise_conv(b.shortcut_dw, t, s.in);
        schedule_conv2d(b.shortcut_pw, t, s.out, s.out_w);
    }
    // The projection's output is made one row at a time, right before the residual add reads
    // it, so it never leaves L1.
    const int lanes = t.lanes_for(s.out);
    Var co("co"), ci("ci");
    b.out.compute_root()
        .split(v.c, co, ci, lanes, TailStrategy::RoundUp)
        .reorder(ci, co, v.x, v.y)
        .vectorize(ci)
        .parallel(v.y);
    b.ghost2.out.compute_at(b.out, v.y);
}

}  // namespace x86
}  // namespace schedules
}  // namespace ghostnet
