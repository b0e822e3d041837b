// The hand schedules of one CPU family (x86, arm), as one object per target: each op has a
// method, and the blocks built from ops (squeeze-excite, bottleneck, head, network) are
// placed by the composition methods here, the same way on every CPU unless a family
// overrides them. schedule_map.cpp picks the object for a target; nothing else tests the
// target.
//
// Shape hints are the compile-time channel count and width when the generator knows them,
// 0 when they are runtime values.
#pragma once

#include "conv2d.h"
#include "depthwise_conv.h"
#include "dfc_attention.h"
#include "ghost_bottleneck.h"
#include "ghost_module.h"
#include "ghostnet.h"
#include "linear.h"
#include "pooling.h"
#include "plug_and_play_net.h"
#include "squeeze_excite.h"
#include "target_info.h"

#include <vector>

namespace ghostnet {
namespace schedules {

// The map widths the hand schedule passes for `net`'s layers, widest first: the widths its
// per-width tunables may name ("conv_pixels@14=7", tunables.h). Each layer's width is the
// width_hint its schedule method below is given (ghostnet()).
std::vector<int> tunable_widths(const NetworkSpec &net);

class OpSchedules {
public:
    explicit OpSchedules(const TargetInfo &t) : t_(t) {}
    virtual ~OpSchedules() = default;

    // Ops every family schedules its own way: schedules/<family>/<op>.cpp.
    virtual void conv2d(ops::Conv2d &c, int cout_hint, int width_hint) const = 0;
    virtual void linear(ops::Linear &l, int cout_hint) const = 0;

    // Ops and blocks placed the same way on every family unless one overrides them:
    // schedules/shared/<op>.cpp, named as generators/<op>.h (pooling.cpp: global_avg_pool and
    // max_pool; ghost_bottleneck.cpp: also residual_rows; ghostnet.cpp: also head).
    virtual void depthwise_conv(ops::DepthwiseConv &d, int channels_hint, int width_hint) const;
    // channels_hint, width_hint: the Ghost module output's.
    virtual void dfc_attention(ops::DfcAttention &a, int channels_hint, int width_hint) const;
    virtual void global_avg_pool(ops::GlobalAvgPool &p) const;
    // root: the output is stored whole, rows in parallel; otherwise its caller places it.
    virtual void ghost_module(ops::GhostModule &g, int intrinsic_hint, int out_hint,
                              int width_hint, bool root) const;
    virtual void squeeze_excite(ops::SqueezeExcite &se, int channels_hint, int reduced_hint) const;
    virtual void ghost_bottleneck(ops::GhostBottleneck &b) const;
    virtual void head(ops::Head &h, int width_hint) const;
    virtual void ghostnet(ops::GhostNet &net) const;
    virtual void max_pool(ops::MaxPool &p, int channels_hint) const;
    // The plug-and-play networks (plug_and_play_net.h): each conv or Ghost module stored whole,
    // a residual block's second conv made row by row as its add reads it.
    virtual void plug_and_play_conv(ops::PlugAndPlayConv &l, bool root) const;
    virtual void residual_block(ops::ResidualBlock &b) const;
    virtual void plug_and_play_net(ops::PlugAndPlayNet &net) const;

    const TargetInfo &target() const { return t_; }

protected:
    // Schedule skeletons the families share; each family chooses their parameters.

    // Register-tiled direct convolution: tile.vectors x tile.pixels accumulators stay in
    // registers while the reduction over (ci, kx, ky) streams weight vectors (cout innermost
    // in the packed layout) and broadcasts one input value per pixel. Tiles run across a row
    // first, so one row of input stays in L1 while a channel block's weights are reused.
    static void register_tiled_conv(ops::Conv2d &c, const TargetInfo::ConvTile &tile);
    // Its placement alone: the output in tiles (loop `xo` over pixel tiles), the accumulators
    // (c.conv's pure definition) in registers per tile. The caller schedules the reduction.
    static void tile_conv_output(ops::Conv2d &c, const TargetInfo::ConvTile &tile);
    // A conv with a halo over at most four input channels (the stem, reading the planar
    // image): its padded input is made for each output row, x in the vector, so the taps load
    // without a bounds test each. Other convs are left as they are. (x86 and HVX use it; on ARM it is
    // untimed, so not applied.)
    static void stage_few_channel_input(ops::Conv2d &c, int lanes);
    // Matrix-vector product with weights packed in blocks of kLinearBlock outputs, each block
    // [cin][kLinearBlock] (q8 grouped: [cin / 4][cout][4]): every input channel's (group's)
    // weights stream past `lanes`-wide accumulators that stay in L1 (fp32 with block_vectors:
    // in registers, each block's columns a stream of its own); the outputs are cut into
    // `parts` parallel parts of a whole number of vectors each. q8 grouped: the input vector
    // is stored first, `in_lanes` at a time (0: lanes).
    // fp32 with `block_vectors` > 0: each part in blocks of at most that many accumulator
    // vectors (dividing the part), each block's accumulators made whole across the input
    // channels, unrolled, so they stay in registers (x86: LLVM 21 keeps the plain form's
    // accumulators in memory, a load and a store per FMA; LLVM 14 had promoted them itself).
    static void mat_vec(ops::Linear &l, int lanes, int parts, int cout_hint, int in_lanes = 0,
                        int block_vectors = 0);
    // A residual add's output row by row (rows in parallel unless `parallel` is false),
    // channels in `lanes`-wide vectors, with the branch it adds (`branch`) made one row at a
    // time right before the add reads it, so the branch's row never leaves L1.
    static void residual_rows(Halide::Func out, Halide::Func branch, int lanes, bool parallel = true);

    TargetInfo t_;
};

}  // namespace schedules
}  // namespace ghostnet
