// The schedule skeletons the CPU families share for their own conv2d and linear schedules
// (op_schedules.h); the ops every family places alike are in shared/<op>.cpp.
#include "op_schedules.h"

namespace ghostnet {
namespace schedules {

using Halide::Func;
using Halide::TailStrategy;
using Halide::Var;

void OpSchedules::tile_conv_output(ops::Conv2d &c, const TargetInfo::ConvTile &tile) {
    const ops::Vars &v = ops::vars();
    Var co("co"), ci("ci"), xo("xo"), xi("xi");
    c.out.compute_root()
        .split(v.c, co, ci, tile.lanes * tile.vectors, TailStrategy::RoundUp)
        .split(v.x, xo, xi, tile.pixels, TailStrategy::RoundUp)
        .reorder(ci, xi, xo, co, v.y)
        .vectorize(ci, tile.lanes)
        .unroll(ci)
        .unroll(xi);
    if (tile.parallel) c.out.parallel(v.y);
    c.conv.compute_at(c.out, xo)
        .vectorize(v.c, tile.lanes)
        .unroll(v.c)
        .unroll(v.x);
}

void OpSchedules::register_tiled_conv(ops::Conv2d &c, const TargetInfo::ConvTile &tile) {
    const ops::Vars &v = ops::vars();
    tile_conv_output(c, tile);
    if (c.ci_group == 1) {
        c.conv.update()
            .reorder(v.c, v.x, c.r.x, c.r.y, c.r.z, v.y)
            .vectorize(v.c, tile.lanes)
            .unroll(v.c)
            .unroll(v.x);
        return;
    }
    // q8 grouped weights: each accumulator lane sums a group of input channels at once (one
    // ARM sdot; pmaddwd and a pairwise add on x86), the weights of a group being one word.
    Var cvo("cvo"), cvi("cvi");
    Halide::RVar rco("rco"), rci("rci");
    c.conv.update()
        .split(v.c, cvo, cvi, tile.lanes)
        .split(c.r.x, rco, rci, c.ci_group)
        .reorder(rci, cvi, cvo, v.x, rco, c.r.y, c.r.z, v.y)
        .vectorize(cvi)
        .unroll(cvo)
        .unroll(v.x)
        .atomic()
        .vectorize(rci);
}

void OpSchedules::stage_few_channel_input(ops::Conv2d &c, int lanes) {
    const int cin = ops::known_extent(c.r.x.extent());
    if (c.k == 1 || cin == 0 || cin > 4) return;
    const ops::Vars &v = ops::vars();
    c.padded.compute_at(c.out, v.y)
        .reorder_storage(v.x, v.c, v.y)
        .reorder(v.x, v.c, v.y)
        .vectorize(v.x, lanes, TailStrategy::RoundUp);
}

void OpSchedules::mat_vec(ops::Linear &l, int lanes, int parts, int cout_hint, int in_lanes, int block_vectors) {
    const ops::Vars &v = ops::vars();
    Var part("part"), co("co"), ci("ci");
    const int part_width =
        cout_hint > 0 ? ((cout_hint + parts - 1) / parts + lanes - 1) / lanes * lanes : 8 * lanes;
    if (l.ci_group == 1 && block_vectors > 0) {
        const int part_vectors = part_width / lanes;
        int block = 1;  // the most vectors up to block_vectors that divide the part: no extra rounding
        for (int d = std::min(part_vectors, block_vectors); d >= 1; d--)
            if (part_vectors % d == 0) {
                block = d;
                break;
            }
        Var b("b");
        Func parts_out = l.acc.in();
        parts_out.compute_root()
            .split(v.c, part, co, part_width, TailStrategy::RoundUp)
            .split(co, b, co, block * lanes, TailStrategy::RoundUp)  // exact
            .vectorize(co, lanes)
            .parallel(part);
        l.acc.compute_at(parts_out, b).vectorize(v.c, lanes, TailStrategy::RoundUp);
        l.acc.update()
            .split(v.c, co, ci, lanes, TailStrategy::GuardWithIf)  // exact: block * lanes
            .reorder(ci, co, l.r.x)
            .vectorize(ci)
            .unroll(co);
        return;
    }
    if (l.ci_group == 1) {
        l.acc.compute_root().vectorize(v.c, lanes, TailStrategy::RoundUp);
        l.acc.update()
            .split(v.c, part, co, part_width, TailStrategy::RoundUp)
            .split(co, co, ci, lanes, TailStrategy::GuardWithIf)  // exact: part_width % lanes == 0
            .reorder(ci, co, l.r.x, part)
            .vectorize(ci)
            .parallel(part);
        return;
    }
    // q8 grouped weights: each accumulator lane sums a group of input channels at once, as
    // register_tiled_conv's grouped form does (vpdpbusd, sdot, vrmpy). The input vector, read
    // a group at a time by every output vector, is stored first. The parts run in a wrapper's
    // parallel loop: an atomic() update with a parallel loop of its own would add with atomic
    // instructions.
    Halide::RVar rco("rco"), rci("rci");
    l.in.compute_root();
    if (in_lanes != 1) l.in.vectorize(v.c, in_lanes > 0 ? in_lanes : lanes, TailStrategy::RoundUp);
    Func parts_out = l.acc.in();
    parts_out.compute_root()
        .split(v.c, part, co, part_width, TailStrategy::RoundUp)
        .vectorize(co, lanes)
        .parallel(part);
    l.acc.compute_at(parts_out, part).vectorize(v.c, lanes, TailStrategy::RoundUp);
    l.acc.update()
        .split(v.c, co, ci, lanes, TailStrategy::GuardWithIf)
        .split(l.r.x, rco, rci, l.ci_group)
        .reorder(rci, ci, co, rco)
        .vectorize(ci)
        .atomic()
        .vectorize(rci);
}

}  // namespace schedules
}  // namespace ghostnet
