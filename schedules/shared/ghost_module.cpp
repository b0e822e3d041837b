// The hand schedule of the Ghost module (generators/ghost_module.h): its slices placed the same
// way on every target; the primary conv is the family's conv2d (op_schedules.h).
#include "op_schedules.h"

namespace ghostnet {
namespace schedules {

using Halide::TailStrategy;
using Halide::Var;

// The primary conv is stored (the cheap op reads it with a halo); the output's two update
// definitions copy the intrinsic maps into their slice and compute the ghost maps, with the
// cheap depthwise op inlined, straight into theirs, t_.cheap_pixels(width) pixels of a row at a
// time for each channel vector. The slices are reduction domains, so their vectors may not
// run past the slice end: lanes divide the slice width when it is known (0: runtime width,
// guarded tail).
void OpSchedules::ghost_module(ops::GhostModule &g, int intrinsic_hint, int out_hint,
                               int width_hint, bool root) const {
    const ops::Vars &v = ops::vars();
    conv2d(g.primary, intrinsic_hint, width_hint);
    if (g.has_dfc) dfc_attention(g.dfc, out_hint, width_hint);
    const int ghosts = intrinsic_hint > 0 && out_hint > 0 ? out_hint - intrinsic_hint : 0;
    const int intrinsic_lanes = t_.lanes_dividing(intrinsic_hint);
    const int ghost_lanes = t_.lanes_dividing(ghosts);
    g.out.update(0).reorder(g.intrinsic.x, v.x, v.y).vectorize(g.intrinsic.x, intrinsic_lanes, TailStrategy::GuardWithIf);
    Halide::RVar go("go"), gi("gi");
    Var xo("xo"), xi("xi");
    g.out.update(1)
        .split(g.ghost.x, go, gi, ghost_lanes, TailStrategy::GuardWithIf)
        .split(v.x, xo, xi, t_.cheap_pixels(width_hint), TailStrategy::GuardWithIf)
        .reorder(gi, xi, go, xo, v.y)
        .unroll(xi)
        .vectorize(gi);
    if (t_.store_slice_rows) {
        // Each slice's row made first, whole vectors (rounded up), in the stage that copies it.
        const int ghost_row_lanes = t_.lanes_for(ghosts > 0 ? ghosts : 64);
        g.cheap.out.compute_at(g.out, v.y).vectorize(v.c, ghost_row_lanes, TailStrategy::RoundUp);
        if (g.has_dfc) {
            g.gated_intrinsic.compute_at(g.out, v.y)
                .vectorize(v.c, t_.lanes_for(intrinsic_hint > 0 ? intrinsic_hint : 64), TailStrategy::RoundUp);
            g.gated_ghost.compute_at(g.out, v.y).vectorize(v.c, ghost_row_lanes, TailStrategy::RoundUp);
        }
    }
    if (root) {
        g.out.compute_root();
        if (t_.parallel_rows(width_hint)) {
            g.out.update(0).parallel(v.y);
            g.out.update(1).parallel(v.y);
        }
    }
}

}  // namespace schedules
}  // namespace ghostnet
