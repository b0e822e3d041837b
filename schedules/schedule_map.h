// The one place that says which schedule serves which target. Generators call these from
// schedule(); they never test the target themselves.
#pragma once

#include "Halide.h"
#include "ghost_bottleneck.h"
#include "ghost_module.h"
#include "dfc_attention.h"
#include "ghostnet.h"
#include "linear.h"
#include "pooling.h"
#include "plug_and_play_net.h"
#include "squeeze_excite.h"
#include "tunables.h"

namespace ghostnet {
namespace schedules {

// The target rules, stated once (ghostnet-generate checks a request with them before it
// compiles; hand_schedules() below refuses with them):
// whether `t` runs its stages on HVX (the DSP itself, or an ARM host offloading to it);
bool uses_hvx(const Halide::Target &t);
// "" when a network of this precision can be compiled for `t` at all, else why not;
std::string precision_refusal(const Halide::Target &t, bool q8);
// "" when the hand schedules serve `t`, else why not (naming the targets they serve).
std::string hand_schedule_refusal(const Halide::Target &t);

// A generator's tunables= parameter ("name:value,..."); a bad one is a Halide user error that
// names the item and what was expected.
Tunables tunables_param(const std::string &text);

// `tuned`: tunable choices that replace the hand schedule's own (tunables.h).
void schedule_ghostnet(ops::GhostNet &net, const Halide::Target &t, const Tunables &tuned = {});
void schedule_conv2d(ops::Conv2d &c, const Halide::Target &t, const Tunables &tuned = {});
void schedule_depthwise_conv(ops::DepthwiseConv &d, const Halide::Target &t);
void schedule_linear(ops::Linear &l, const Halide::Target &t);
void schedule_dfc_attention(ops::DfcAttention &a, const Halide::Target &t);
void schedule_ghost_module(ops::GhostModule &g, const Halide::Target &t);
void schedule_squeeze_excite(ops::SqueezeExcite &se, const Halide::Target &t);
void schedule_ghost_bottleneck(ops::GhostBottleneck &b, const Halide::Target &t);
void schedule_head(ops::Head &h, const Halide::Target &t);
void schedule_global_avg_pool(ops::GlobalAvgPool &p, const Halide::Target &t);
void schedule_max_pool(ops::MaxPool &p, const Halide::Target &t);
void schedule_plug_and_play_net(ops::PlugAndPlayNet &net, const Halide::Target &t);

// Whether q8 grouped convs on `t` take their products with the input read as int8
// (ops::DenseWeights::b_int8): the one algorithm choice a target makes, as its dot-product
// instructions need (runtime/q8_layout.h).
bool q8_int8_products(const Halide::Target &t);
// Whether a q8 pipeline built for models with `grouped_weight_bits` (q8_layout.h) adds their
// grouped convs' products in int16 pairs on `t` (ops::DenseWeights::pair16): 7-bit weights on
// x86 without VNNI. Elsewhere a 7-bit pipeline is the 8-bit one.
bool q8_pair16_products(const Halide::Target &t, int grouped_weight_bits);

// Schedules a generator's output Func (c, x, y) or (c) whose extents are runtime values:
// vectorized over channels with a guarded tail, rows in parallel. `tail` replaces the guarded
// tail: ShiftInwards for an output at least a vector long whose values are computed from
// per-channel shifts (the requantize op test on HVX: Halide 21 fails on the predicated
// loads of a guarded tail there, "In Select, vector lanes of condition must be equal to
// vector lanes of arguments").
void schedule_output(Halide::Func out, const Halide::Target &t,
                     Halide::TailStrategy tail = Halide::TailStrategy::GuardWithIf);

}  // namespace schedules
}  // namespace ghostnet
