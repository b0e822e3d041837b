#include "x86_schedules.h"

namespace ghostnet {
namespace schedules {
namespace x86 {

using Halide::TailStrategy;

// The primary conv is stored (the cheap op reads it with a halo); the output's two update
// definitions copy the intrinsic maps into their slice and compute the ghost maps, with the
// cheap depthwise op inlined, straight into theirs.
void schedule_ghost_module(ops::GhostModule &g, const TargetInfo &t, int intrinsic_hint,
                           int width_hint) {
    const ops::Vars &v = ops::vars();
    schedule_conv2d(g.primary, t, intrinsic_hint, width_hint);
    const int lanes = t.lanes_for(intrinsic_hint > 0 ? intrinsic_hint : 64);
    g.out.compute_root();
    g.out.update(0)
        .reorder(g.intrinsic.x, v.x, v.y)
        .vectorize(g.intrinsic.x, lanes, TailStrategy::GuardWithIf)
        .parallel(v.y);
    g.out.update(1)
        .reorder(g.ghost.x, v.x, v.y)
        .vectorize(g.ghost.x, lanes, TailStrategy::GuardWithIf)
        .parallel(v.y);
}

}  // namespace x86
}  // namespace schedules
}  // namespace ghostnet
