#include "schedule_map.h"

#include <stdexcept>

#include "target_info.h"
#include "x86/x86_schedules.h"

namespace ghostnet {
namespace schedules {

namespace {

// Every architecture without a hand schedule of its own is refused here with a message,
// rather than scheduled badly by accident.
void require_hand_schedule(const Halide::Target &t) {
    if (t.arch == Halide::Target::X86) return;
    throw std::runtime_error("ghostnet: no hand schedule for target " + t.to_string() +
                             " (hand schedules exist for x86-64); build it with an autoscheduler");
}

}  // namespace

void schedule_ghostnet(ops::GhostNet &net, const Halide::Target &t) {
    require_hand_schedule(t);
    x86::schedule_ghostnet(net, TargetInfo::of(t));
}

void schedule_conv2d(ops::Conv2d &c, const Halide::Target &t) {
    require_hand_schedule(t);
    x86::schedule_conv2d(c, TargetInfo::of(t), 0, 0);
}

void schedule_depthwise_conv(ops::DepthwiseConv &d, const Halide::Target &t) {
    require_hand_schedule(t);
    x86::schedule_depthwise_conv(d, TargetInfo::of(t), 0);
}

void schedule_ghost_module(ops::GhostModule &g, const Halide::Target &t) {
    require_hand_schedule(t);
    x86::schedule_ghost_module(g, TargetInfo::of(t), 0, 0, 0);
}

void schedule_squeeze_excite(ops::SqueezeExcite &se, const Halide::Target &t) {
    require_hand_schedule(t);
    x86::schedule_squeeze_excite(se, TargetInfo::of(t), 0, 0);
}

void schedule_ghost_bottleneck(ops::GhostBottleneck &b, const Halide::Target &t) {
    require_hand_schedule(t);
    x86::schedule_ghost_bottleneck(b, TargetInfo::of(t));
}

void schedule_head(ops::Head &h, const Halide::Target &t) {
    require_hand_schedule(t);
    x86::schedule_head(h, TargetInfo::of(t), 0);
}

void schedule_output(Halide::Func out, const Halide::Target &t) {
    const ops::Vars &v = ops::vars();
    const int lanes = TargetInfo::of(t).vector_floats;
    out.compute_root().vectorize(v.c, lanes, Halide::TailStrategy::GuardWithIf);
    if (out.dimensions() == 3) out.parallel(v.y);
}

}  // namespace schedules
}  // namespace ghostnet
