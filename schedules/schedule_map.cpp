#include "schedule_map.h"

#include <algorithm>
#include <map>
#include <memory>
#include <stdexcept>

#include "arm/arm_schedules.h"
#include "hexagon/hexagon_schedules.h"
#include "target_info.h"
#include "x86/x86_schedules.h"

namespace ghostnet {
namespace schedules {

bool uses_hvx(const Halide::Target &t) {
    return t.has_feature(Halide::Target::HVX) || t.arch == Halide::Target::Hexagon;
}

std::string precision_refusal(const Halide::Target &t, bool q8) {
    if (uses_hvx(t) && !q8 && !t.has_feature(Halide::Target::HVX_v68))
        return t.to_string() + " has no HVX float vectors (they come with HVX v68): add hvx_v68 to the target "
               "for fp32 (e.g. hexagon-32-noos-hvx_128-hvx_v68)";
    return "";
}

std::string hand_schedule_refusal(const Halide::Target &t) {
    if (uses_hvx(t) || (t.bits == 64 && (t.arch == Halide::Target::X86 || t.arch == Halide::Target::ARM)))
        return "";
    return "no hand schedule for " + t.to_string() +
           ": hand schedules exist for x86-64, arm-64 and HVX (hexagon-32-noos-hvx_128, or arm-64-android-hvx_128 "
           "offloading to it); use an autoscheduler (Adams2019, Mullapudi2016 or Li2018) for other targets";
}

namespace {

// Target -> hand schedules. Every target without hand schedules of its own is refused here
// with a message, rather than scheduled badly by accident.
std::unique_ptr<OpSchedules> hand_schedules(const Halide::Target &t, const Tunables &tuned = {}) {
    const std::string refused = hand_schedule_refusal(t);
    if (!refused.empty()) throw std::runtime_error("ghostnet: " + refused);
    const TargetInfo info = TargetInfo::of(t, tuned);
    // HVX first: an ARM host with HVX (arm-64-android-hvx_128) offloads every stage to the DSP.
    if (uses_hvx(t)) return std::make_unique<HexagonSchedules>(info);
    if (t.arch == Halide::Target::X86) return std::make_unique<X86Schedules>(info);
    return std::make_unique<ArmSchedules>(info);
}

// Halide compiles vector code for HVX only inside loops marked .hexagon() (on the DSP itself
// such a loop is an HVX region: the runtime takes the HVX context around it; from an ARM host
// it is also offloaded to the DSP). Every stored stage of the pipeline is one, from its
// outermost loop, once every stage has its compute level.
void run_on_hvx(Halide::Func out) {
    std::map<std::string, Halide::Internal::Function> all =
        Halide::Internal::find_transitive_calls(out.function());
    for (auto &kv : all) {
        Halide::LoopLevel level = kv.second.schedule().compute_level();
        if (!level.lock().is_root()) continue;
        Halide::Func f(kv.second);
        f.hexagon();
        for (int i = 0; i < f.num_update_definitions(); i++) f.update(i).hexagon();
    }
}

}  // namespace

Tunables tunables_param(const std::string &text) {
    try {
        return Tunables::parse(text);
    } catch (const std::invalid_argument &e) {
        _halide_user_assert(false) << e.what();
    }
    return {};
}

void schedule_ghostnet(ops::GhostNet &net, const Halide::Target &t, const Tunables &tuned) {
    hand_schedules(t, tuned)->ghostnet(net);
}

void schedule_conv2d(ops::Conv2d &c, const Halide::Target &t, const Tunables &tuned) {
    hand_schedules(t, tuned)->conv2d(c, 0, 0);
}

void schedule_depthwise_conv(ops::DepthwiseConv &d, const Halide::Target &t) {
    hand_schedules(t)->depthwise_conv(d, 0, 0);
}

void schedule_linear(ops::Linear &l, const Halide::Target &t) {
    hand_schedules(t)->linear(l, 0);
}

void schedule_dfc_attention(ops::DfcAttention &a, const Halide::Target &t) {
    hand_schedules(t)->dfc_attention(a, 0, 0);
}

void schedule_ghost_module(ops::GhostModule &g, const Halide::Target &t) {
    hand_schedules(t)->ghost_module(g, 0, 0, 0, /*root=*/true);
}

void schedule_squeeze_excite(ops::SqueezeExcite &se, const Halide::Target &t) {
    hand_schedules(t)->squeeze_excite(se, 0, 0);
}

void schedule_ghost_bottleneck(ops::GhostBottleneck &b, const Halide::Target &t) {
    hand_schedules(t)->ghost_bottleneck(b);
}

void schedule_head(ops::Head &h, const Halide::Target &t) {
    hand_schedules(t)->head(h, 0);
}

void schedule_global_avg_pool(ops::GlobalAvgPool &p, const Halide::Target &t) {
    hand_schedules(t)->global_avg_pool(p);
}

void schedule_max_pool(ops::MaxPool &p, const Halide::Target &t) {
    hand_schedules(t)->max_pool(p, 0);
}

void schedule_plug_and_play_net(ops::PlugAndPlayNet &net, const Halide::Target &t) {
    hand_schedules(t)->plug_and_play_net(net);
}

bool q8_int8_products(const Halide::Target &t) { return TargetInfo::of(t).q8_int8_products; }

bool q8_pair16_products(const Halide::Target &t, int grouped_weight_bits) {
    return grouped_weight_bits < 8 && TargetInfo::of(t).pair16_u8i8;
}

void schedule_output(Halide::Func out, const Halide::Target &t, Halide::TailStrategy tail) {
    const ops::Vars &v = ops::vars();
    // Whole vectors of the output's type: on HVX 128 bytes (uint8 activations: 128 lanes; a
    // quarter vector is not a type LLVM's Hexagon backend has), elsewhere vector_floats.
    const TargetInfo info = TargetInfo::of(t);
    const int lanes = std::max(info.vector_floats, info.stage_lanes / out.types()[0].bytes());
    out.compute_root().vectorize(v.c, lanes, tail);
    if (out.dimensions() == 3) out.parallel(v.y);
    if (t.has_feature(Halide::Target::HVX)) run_on_hvx(out);
}

}  // namespace schedules
}  // namespace ghostnet
