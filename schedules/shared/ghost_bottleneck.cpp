// The hand schedule of the Ghost bottleneck (generators/ghost_bottleneck.h): where each stage
// is made (the fusion), and the row-by-row residual add the plug-and-play residual blocks share.
#include "op_schedules.h"

namespace ghostnet {
namespace schedules {

using Halide::Func;
using Halide::TailStrategy;
using Halide::Var;

// The expansion's output (ghost1: the block's widest tensor, `mid` channels) is never stored
// whole unless squeeze-excite pools it: it is made row by row inside the stage that reads it.
// Without a depthwise conv that is the projection's primary conv, a 1x1 conv reading the same
// row; with one, the depthwise conv walks its rows in strips, and ghost1's rows slide along
// (Halide's sliding window: each row made once, kept while the k x k window needs it; a strip
// remakes only its first window). ghost1's primary conv stays stored whole: its rows are read
// with a halo by the cheap op. Halide 14 slid only one stage deep here; Halide 21 slides it
// too (primary.out.serial(y).store_at(dw.out, yo).compute_at(dw.out, yi)), but that ran slower
// on every network (2026-12-06, scripts/compare_builds.sh 8 150, AMD EPYC Zen 4, before/after:
// GhostNet 1.0x fp32 0.974x 1 thread, 0.894x 2; q8 0.941x / 0.913x; 0.5x fp32 0.858x / 0.998x;
// V2 1.0x 0.947x / 0.906x).
void OpSchedules::ghost_bottleneck(ops::GhostBottleneck &b) const {
    const ops::Vars &v = ops::vars();
    const BottleneckSpec &s = *b.spec;
    // Stored whole where squeeze-excite pools it (or the target does not fuse; tunable expansion).
    const bool ghost1_root = (s.se.reduced && !s.has_dw) || t_.expansion_whole(s.out_w, !t_.fuse_expansion);
    ghost_module(b.ghost1, s.ghost1.intrinsic(), s.mid, s.in_w, /*root=*/ghost1_root);
    if (s.has_dw) depthwise_conv(b.dw, s.mid, s.out_w);
    if (s.has_dw && !ghost1_root) {
        const int strips = t_.strips_for(s.out_h, s.out_w);
        Var yo("yo"), yi("yi");
        b.dw.out.serial(v.y).split(v.y, yo, yi, (s.out_h + strips - 1) / strips, TailStrategy::GuardWithIf);
        if (t_.parallel_rows(s.out_w)) b.dw.out.parallel(yo);
        // ghost1 keeps only the k rows the k x k window reads, in a ring of rows (the next
        // power of two). Halide does not fold this storage by itself: each strip held all its
        // rows (GhostNet 1.0x's first stride-2 block, fp32: 29 rows of 48 x 112, 624 KB; in
        // the ring 86 KB).
        int ring = 1;
        while (ring < s.k) ring *= 2;
        b.ghost1.out.store_at(b.dw.out, yo).compute_at(b.dw.out, yi).fold_storage(v.y, ring);
    } else if (!ghost1_root) {
        b.ghost1.out.compute_at(b.ghost2.primary.out, v.y);
    }
    ghost_module(b.ghost2, s.ghost2.intrinsic(), s.out, s.out_w, /*root=*/false);
    if (s.se.reduced) {
        squeeze_excite(b.se, s.mid, s.se.reduced);
        // The gated row made once for the projection's primary conv, which then broadcasts
        // each gated value straight from L1 instead of gating it again in every output tile
        // (tunable se_gate 2: the whole gated map first, rows in parallel).
        if (t_.se_gate_whole(s.out_w)) {
            b.se.out.compute_root().vectorize(v.c, t_.stage_lanes, TailStrategy::RoundUp);
            if (t_.parallel_rows(s.out_w)) b.se.out.parallel(v.y);
        } else {
            b.se.out.compute_at(b.ghost2.primary.out, v.y).vectorize(v.c, t_.stage_lanes, TailStrategy::RoundUp);
        }
    }
    if (!s.identity_shortcut) {
        depthwise_conv(b.shortcut_dw, s.in, s.out_w);
        conv2d(b.shortcut_pw, s.out, s.out_w);
    }
    // The projection's output is made one row at a time, right before the residual add reads it.
    residual_rows(b.out, b.ghost2.out, t_.lanes_for(s.out), t_.parallel_rows(s.out_w));
}

void OpSchedules::residual_rows(Func out, Func branch, int lanes, bool parallel) {
    const ops::Vars &v = ops::vars();
    Var co("co"), ci("ci");
    out.compute_root()
        .split(v.c, co, ci, lanes, TailStrategy::RoundUp)
        .reorder(ci, co, v.x, v.y)
        .vectorize(ci);
    if (parallel) out.parallel(v.y);
    branch.compute_at(out, v.y);
}

}  // namespace schedules
}  // namespace ghostnet
