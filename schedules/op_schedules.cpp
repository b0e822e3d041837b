#include "op_schedules.h"

#include <algorithm>
#include <functional>

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
        .unroll(xi)
        .parallel(v.y);
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
    const int64_t *cin = Halide::Internal::as_const_int(c.r.x.extent());
    if (c.k == 1 || !cin || *cin > 4) return;
    const ops::Vars &v = ops::vars();
    c.padded.compute_at(c.out, v.y)
        .reorder_storage(v.x, v.c, v.y)
        .reorder(v.x, v.c, v.y)
        .vectorize(v.x, lanes, TailStrategy::RoundUp);
}

void OpSchedules::mat_vec(ops::Linear &l, int lanes, int parts, int cout_hint, int in_lanes) {
    const ops::Vars &v = ops::vars();
    Var part("part"), co("co"), ci("ci");
    const int part_width =
        cout_hint > 0 ? ((cout_hint + parts - 1) / parts + lanes - 1) / lanes * lanes : 8 * lanes;
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

// Channels in the vector, pixels along the row inside: the k*k weight vectors of a channel
// block stay in registers across the row. Half-width vectors serve 8 channels or fewer.
void OpSchedules::depthwise_conv(ops::DepthwiseConv &d, int channels_hint) const {
    const ops::Vars &v = ops::vars();
    const int lanes = t_.lanes_for(channels_hint > 0 ? channels_hint : 64);
    Var co("co"), ci("ci");
    d.out.compute_root()
        .split(v.c, co, ci, lanes, TailStrategy::RoundUp)
        .reorder(ci, v.x, co, v.y)
        .vectorize(ci)
        .parallel(v.y);
}

void OpSchedules::global_avg_pool(ops::GlobalAvgPool &p) const {
    const ops::Vars &v = ops::vars();
    p.sum.compute_root().vectorize(v.c, t_.vector_floats, TailStrategy::RoundUp);
    p.sum.update()
        .reorder(v.c, p.r.x, p.r.y)
        .vectorize(v.c, t_.vector_floats, TailStrategy::RoundUp);
}

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
    const int ghosts = intrinsic_hint > 0 && out_hint > 0 ? out_hint - intrinsic_hint : 0;
    const int intrinsic_lanes = t_.lanes_dividing(intrinsic_hint);
    const int ghost_lanes = t_.lanes_dividing(ghosts);
    g.out.update(0)
        .reorder(g.intrinsic.x, v.x, v.y)
        .vectorize(g.intrinsic.x, intrinsic_lanes, TailStrategy::GuardWithIf);
    Halide::RVar go("go"), gi("gi");
    Var xo("xo"), xi("xi");
    g.out.update(1)
        .split(g.ghost.x, go, gi, ghost_lanes, TailStrategy::GuardWithIf)
        .split(v.x, xo, xi, t_.cheap_pixels(width_hint), TailStrategy::GuardWithIf)
        .reorder(gi, xi, go, xo, v.y)
        .vectorize(gi)
        .unroll(xi);
    if (root) {
        g.out.compute_root();
        g.out.update(0).parallel(v.y);
        g.out.update(1).parallel(v.y);
    }
}

// The gate is a vector of channel scales; the gated tensor is not stored whole: its consumer
// (the next Ghost module's primary conv) gates each row as it reads it (ghost_bottleneck).
void OpSchedules::squeeze_excite(ops::SqueezeExcite &se, int channels_hint, int reduced_hint) const {
    global_avg_pool(se.pool);
    linear(se.reduce, channels_hint > 0 ? reduced_hint : 0);
    linear(se.expand, channels_hint);
    se.gate.compute_root();
}

// The expansion's output (ghost1: the block's widest tensor, `mid` channels) is never stored
// whole unless squeeze-excite pools it: it is made row by row inside the stage that reads it.
// Without a depthwise conv that is the projection's primary conv, a 1x1 conv reading the same
// row; with one, the depthwise conv walks its rows in strips, and ghost1's rows slide along
// (Halide's sliding window: each row made once, kept while the k x k window needs it; a strip
// remakes only its first window). ghost1's primary conv stays stored whole: its rows are read
// with a halo by the cheap op, and Halide 14 slides only one stage deep here (the stages above
// a sliding one cannot prove their rows move monotonically, and would be remade).
void OpSchedules::ghost_bottleneck(ops::GhostBottleneck &b) const {
    const ops::Vars &v = ops::vars();
    const BottleneckSpec &s = *b.spec;
    // Stored whole where squeeze-excite pools it (or the target does not fuse).
    const bool ghost1_root = !t_.fuse_expansion || (s.se.reduced && !s.has_dw);
    ghost_module(b.ghost1, s.ghost1.intrinsic(), s.mid, s.in_w, /*root=*/ghost1_root);
    if (s.has_dw) depthwise_conv(b.dw, s.mid);
    if (s.has_dw && !ghost1_root) {
        const int strips = t_.strips_for(s.out_h, s.out_w);
        Var yo("yo"), yi("yi");
        b.dw.out.serial(v.y).split(v.y, yo, yi, (s.out_h + strips - 1) / strips, TailStrategy::GuardWithIf)
            .parallel(yo);
        b.ghost1.out.store_at(b.dw.out, yo).compute_at(b.dw.out, yi);
    } else if (!ghost1_root) {
        b.ghost1.out.compute_at(b.ghost2.primary.out, v.y);
    }
    ghost_module(b.ghost2, s.ghost2.intrinsic(), s.out, s.out_w, /*root=*/false);
    if (s.se.reduced) {
        squeeze_excite(b.se, s.mid, s.se.reduced);
        // The gated row made once for the projection's primary conv, which then broadcasts
        // each gated value straight from L1 instead of gating it again in every output tile.
        if (t_.fuse_expansion)
            b.se.out.compute_at(b.ghost2.primary.out, v.y).vectorize(v.c, t_.vector_floats, TailStrategy::RoundUp);
    }
    if (!s.identity_shortcut) {
        depthwise_conv(b.shortcut_dw, s.in);
        conv2d(b.shortcut_pw, s.out, s.out_w);
    }
    // The projection's output is made one row at a time, right before the residual add reads it.
    residual_rows(b.out, b.ghost2.out, t_.lanes_for(s.out));
}

void OpSchedules::residual_rows(Func out, Func branch, int lanes) {
    const ops::Vars &v = ops::vars();
    Var co("co"), ci("ci");
    out.compute_root()
        .split(v.c, co, ci, lanes, TailStrategy::RoundUp)
        .reorder(ci, co, v.x, v.y)
        .vectorize(ci)
        .parallel(v.y);
    branch.compute_at(out, v.y);
}

void OpSchedules::head(ops::Head &h, int width_hint) const {
    const NetworkSpec &s = *h.spec;
    conv2d(h.conv, s.head.cout, width_hint);
    global_avg_pool(h.pool);
    linear(h.conv_head, s.conv_head.cout);
    linear(h.classifier, s.classifier.cout);
}

void OpSchedules::ghostnet(ops::GhostNet &net) const {
    const NetworkSpec &s = *net.spec;
    conv2d(net.stem, s.stem.cout, s.stem_w);
    for (ops::GhostBottleneck &b : net.blocks) ghost_bottleneck(b);
    head(net.head, s.head_w);
}

std::vector<int> tunable_widths(const NetworkSpec &net) {
    // stem, each bottleneck's ghost1 (its input width) and ghost2 / depthwise / shortcut
    // (its output width), head: as ghostnet() and ghost_bottleneck() pass them.
    std::vector<int> widths = {net.stem_w, net.head_w};
    for (const BottleneckSpec &b : net.blocks) {
        widths.push_back(b.in_w);
        widths.push_back(b.out_w);
    }
    std::sort(widths.begin(), widths.end(), std::greater<int>());
    widths.erase(std::unique(widths.begin(), widths.end()), widths.end());
    return widths;
}

// Channels in the vector, rows in parallel: a stage as cheap as a copy.
void OpSchedules::max_pool(ops::MaxPool &p, int channels_hint) const {
    const ops::Vars &v = ops::vars();
    const int lanes = t_.lanes_for(channels_hint > 0 ? channels_hint : 64);
    p.out.compute_root()
        .vectorize(v.c, lanes, TailStrategy::GuardWithIf)
        .parallel(v.y);
}

void OpSchedules::plug_and_play_conv(ops::PlugAndPlayConv &l, bool root) const {
    const PlugAndPlayLayer &s = *l.spec;
    if (s.ghost) {
        ghost_module(l.module, s.module.intrinsic(), s.out_c, s.out_w, root);
    } else {
        conv2d(l.conv, s.out_c, s.out_w);  // stores its output whole
    }
    if (s.max_pool_after) max_pool(l.pool, s.out_c);
}

void OpSchedules::residual_block(ops::ResidualBlock &b) const {
    const ops::Vars &v = ops::vars();
    const ResidualBlockSpec &s = *b.spec;
    // Ghost modules in both convs: the first module's slices (a copy and the cheap depthwise op)
    // are made for each row of the second module's primary conv as it reads them, rather than in
    // two parallel loops of their own: on these small maps the thread pool's round trips, not
    // the arithmetic, are what the extra loops cost.
    const bool fuse = s.conv1.ghost && s.conv2.ghost;
    plug_and_play_conv(b.conv1, /*root=*/!fuse);
    plug_and_play_conv(b.conv2, /*root=*/false);
    if (fuse) b.conv1.module.out.compute_at(b.conv2.module.primary.out, v.y);
    residual_rows(b.out, s.conv2.ghost ? b.conv2.module.out : b.conv2.conv.out, t_.lanes_for(s.out_c));
}

void OpSchedules::plug_and_play_net(ops::PlugAndPlayNet &net) const {
    for (ops::PlugAndPlayConv &l : net.features) plug_and_play_conv(l, /*root=*/true);
    for (ops::ResidualBlock &b : net.blocks) residual_block(b);
    if (net.spec->global_avg_pool) global_avg_pool(net.pool);
    for (size_t i = 0; i < net.classifier.size(); i++) linear(net.classifier[i], net.spec->classifier[i].cout);
}

}  // namespace schedules
}  // namespace ghostnet
