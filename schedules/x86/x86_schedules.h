// Hand schedules for x86-64 (SSE4.1, AVX2+FMA, AVX-512), one per op family; each file of
// this folder is named after the generator it schedules. Shape hints are the compile-time
// channel count and width when the generator knows them, 0 when they are runtime values.
#pragma once

#include "conv2d.h"
#include "depthwise_conv.h"
#include "ghost_bottleneck.h"
#include "ghost_module.h"
#include "ghostnet.h"
#include "linear.h"
#include "squeeze_excite.h"
#include "target_info.h"

namespace ghostnet {
namespace schedules {
namespace x86 {

void schedule_conv2d(ops::Conv2d &c, const TargetInfo &t, int cout_hint, int width_hint);
void schedule_depthwise_conv(ops::DepthwiseConv &d, const TargetInfo &t, int channels_hint);
// root: the output is stored whole, rows in parallel; otherwise its caller places it.
void schedule_ghost_module(ops::GhostModule &g, const TargetInfo &t, int intrinsic_hint,
                           int out_hint, int width_hint, bool root = true);
void schedule_linear(ops::Linear &l, const TargetInfo &t, int cout_hint);
void schedule_global_avg_pool(ops::GlobalAvgPool &p, const TargetInfo &t);
void schedule_squeeze_excite(ops::SqueezeExcite &se, const TargetInfo &t, int channels_hint,
                             int reduced_hint);
void schedule_ghost_bottleneck(ops::GhostBottleneck &b, const TargetInfo &t);
void schedule_head(ops::Head &h, const TargetInfo &t, int width_hint);
void schedule_ghostnet(ops::GhostNet &net, const TargetInfo &t);

}  // namespace x86
}  // namespace schedules
}  // namespace ghostnet
