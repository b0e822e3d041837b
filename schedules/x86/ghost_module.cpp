#include "x86_schedules.h"

namespace ghostnet {
namespace schedules {
namespace x86 {

using Halide::TailStrategy;

// The primary conv is stored (the cheap op reads it with a halo); the output's two update
// definitions copy the intrinsic maps into their slice and compute the ghost maps, with the
// cheap depthwise op inlined, straight into theirs.
// The slices are reduction domains, so their vectors may not run past the slice end: lanes
// are chosen to divide the slice width when it is known (0: runtime width, guarded tail).
void schedule_ghost_module(ops::GhostModule &g, const TargetInfo &t, int intrinsic_hint,
                           int out_hint, int width_hint, bool root) {
    const ops::Vars &v = ops::vars();
    schedule_conv2d(g.primary, t, intrinsic_hint, width_hint);
    const int ghosts = intrinsic_hint > 0 && out_hint > 0 ? out_hint - intrinsic_hint : 0;
    g.out.update(0)
        .reorder(g.intrinsic.x, v.x, v.y)
        .vectorize(g.intrinsic.x, t.lanes_dividing(intrinsic_hint), TailStrategy::GuardWithIf);
    g.out.update(1)
        .reorder(g.ghost.x, v.x, v.y)
        .vectorize(g.ghost.x, t.lanes_dividing(ghosts), TailStrategy::GuardWithIf);
    if (root) {
        g.out.compute_root();
        g.out.update(0).parallel(v.y);
        g.out.update(1).parallel(v.y);
    }
}

}  // namespace x86
}  // namespace schedules
}  // namespace ghostnet
