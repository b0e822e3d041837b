// The product's generators:
//   ghostnet      the whole network, specialized by width, input size, channels, classes
//   ghostnet_q8   the same network in 8-bit integers (runtime/quantization.h)
//   ghostnet_group, ghostnet_q8_group  one layer group of either, for the autotuner
//   ghost_module  the plug-and-play Ghost module with runtime shapes
//   ghost_module_q8  the same in 8-bit integers
//   plug_and_play  VGG-16 or ResNet-56 for CIFAR-10, plain or with Ghost modules (ratio s,
//                  cheap kernel d): the paper's plug-and-play experiments
// Algorithms come from the op builders beside this file; schedule() only asks
// schedules/schedule_map.h for the target's schedule (or leaves it to an autoscheduler). The
// network generators take device=<name> to apply the schedule ghostnet-autotune kept for that
// device instead (schedules/autotuned_schedule.h).
#include "Halide.h"

#include <type_traits>

#include "autotuned_schedule.h"
#include "ghost_module.h"
#include "ghostnet.h"
#include "ghostnet_arch.h"
#include "packed_weights.h"
#include "plug_and_play_arch.h"
#include "plug_and_play_net.h"
#include "schedule_map.h"

namespace ghostnet {
namespace {

using Halide::Buffer;
using Halide::Expr;
using Halide::Func;
using Halide::Generator;
using Halide::GeneratorParam;

// What both network generators share: the configuration parameters, the spec they give, the
// network built on the precision's inputs, the fixed shapes of input and logits, and schedule().
template <typename Self>
class NetworkGenerator : public Generator<Self> {
public:
    GeneratorParam<float> width{"width", 1.0f};
    GeneratorParam<int> input_size{"input_size", 224};
    GeneratorParam<int> in_channels{"in_channels", 3};
    GeneratorParam<int> num_classes{"num_classes", 1000};
    GeneratorParam<std::string> variant{"variant", "imagenet"};
    GeneratorParam<std::string> version{"version", "v1"};  // v1, v2, v3 (ghostnet_arch.h Version)
    // Instead of the five above: the network by name (network_name(), runtime/network_name.h),
    // as kept schedules are filed, e.g. ghostnet_w100_s224 or ghostnet_w100_s224_q8.
    GeneratorParam<std::string> network{"network", ""};
    // A device of schedules/autotuned/: its kept schedule for this network replaces the hand
    // one (or its kept tunables tune the hand one).
    GeneratorParam<std::string> device{"device", ""};
    // With device=: the hand schedule where the device keeps nothing for this network (what
    // the build does for GHOSTNET_DEVICE) instead of an error.
    GeneratorParam<bool> device_or_hand{"device_or_hand", false};
    // The hand schedule's tunables (schedules/tunables.h), "name:value,..." (GenGen splits at '=').
    GeneratorParam<std::string> tunables{"tunables", ""};

    void schedule() {
        if (this->using_autoscheduler()) return;
        schedules::Tunables tuned = schedules::tunables_param(tunables);
        if (!std::string(device).empty()) {
            _halide_user_assert(std::string(tunables).empty())
                << "pass device= or tunables=, not both (a device's kept tunables are in schedules/autotuned/"
                << std::string(device) << "/)";
            const std::string name = network_name(spec_.config, Self::kQ8);
            const schedules::KeptTunables *kept = schedules::find_kept_tunables(device, name);
            if (kept || schedules::find_autotuned_schedule(device, name)) {
                const std::string warning = schedules::kept_cpu_warning(device, name, this->get_target());
                if (!warning.empty()) std::fprintf(stderr, "%s\n", warning.c_str());
            }
            if (kept) {
                std::string line;
                try {
                    line = schedules::kept_tunables_line(kept->text);
                    tuned = schedules::Tunables::parse(line);
                } catch (const std::invalid_argument &e) {
                    _halide_user_assert(false) << "schedules/autotuned/" << kept->file << ": " << e.what();
                }
                std::fprintf(stderr, "%s: the hand schedule with %s (schedules/autotuned/%s)\n", name.c_str(),
                             line.empty() ? "its own choices, which won there" : ("the tunables " + line).c_str(),
                             kept->file);
            } else if (const schedules::AutotunedSchedule *s = schedules::find_autotuned_schedule(device, name);
                       s || !device_or_hand) {
                if (s) std::fprintf(stderr, "%s: the schedule kept in schedules/autotuned/%s\n", name.c_str(), s->file);
                schedules::apply_autotuned_schedule(device, name, this->get_pipeline(), this->get_target());
                return;
            }
        }
        schedules::schedule_ghostnet(net_, this->get_target(), tuned);
        schedules::schedule_output(output_, this->get_target());
    }

protected:
    const NetworkSpec &make_spec() {
        NetworkConfig cfg;
        cfg.width = width;
        cfg.input_size = input_size;
        cfg.in_channels = in_channels;
        cfg.num_classes = num_classes;
        _halide_user_assert(parse_variant(variant, &cfg.variant))
            << "variant must be " << variant_choices() << ", got " << std::string(variant);
        _halide_user_assert(parse_version(version, &cfg.version))
            << "version must be " << version_choices() << ", got " << std::string(version);
        if (!std::string(network).empty()) {
            NetworkConfig named;
            bool q8 = false;
            _halide_user_assert(parse_network_name(network, &named, &q8))
                << "network=" << std::string(network) << " is not a network name: names are " << network_name_rule();
            _halide_user_assert(q8 == Self::kQ8)
                << "network=" << std::string(network) << " is " << (q8 ? "a q8" : "an fp32")
                << " network: use the " << (q8 ? "ghostnet_q8" : "ghostnet") << " generator";
            _halide_user_assert(network_name(cfg, q8) == network_name(NetworkConfig(), q8))
                << "pass network= or width, input_size, in_channels, num_classes, variant and version, not both";
            cfg = named;
        }
        spec_ = make_ghostnet_spec(cfg);
        return spec_;
    }

    // logits(k) = the network on `input` (planar x, y, c) with `weights`.
    template <typename In, typename Out>
    void define(In &input, const ops::PackedWeights &weights, Out &logits) {
        net_ = ops::ghostnet(spec_, input, weights);
        logits(ops::vars().c) = net_.logits(ops::vars().c);
        output_ = logits;
        const int s = spec_.config.input_size, c = spec_.config.in_channels;
        input.dim(0).set_bounds(0, s).set_stride(1);
        input.dim(1).set_bounds(0, s);
        input.dim(2).set_bounds(0, c);
        logits.dim(0).set_bounds(0, spec_.config.num_classes);
        input.set_estimates({{0, s}, {0, s}, {0, c}});
        logits.set_estimates({{0, spec_.config.num_classes}});
    }

    // out(c, x, y) = the layers of the network on maps `width` pixels wide (runtime/layer_group.h)
    // on `input`: the image, planar as define() takes it, when the group starts at the stem,
    // else the (c, x, y) map entering its first bottleneck.
    template <typename In, typename Out>
    void define_group(int width, In &input, const ops::PackedWeights &weights, Out &out) {
        _halide_user_assert(std::string(device).empty())
            << "a layer group is the hand schedule with tunables=; device= is for whole networks";
        LayerGroup g;
        try {
            g = layer_group(spec_, width);
        } catch (const std::invalid_argument &e) {
            _halide_user_assert(false) << "group=" << width << ": " << e.what() << " (ghostnet-generate "
                                       << "--list-tunables lists the widths of a network)";
        }
        net_ = ops::ghostnet_group(spec_, g, input, weights);
        const ops::Vars &v = ops::vars();
        out(v.c, v.x, v.y) = net_.features.f(v.c, v.x, v.y);
        output_ = out;
        const int d0 = g.stem ? g.in_w : g.stored_in_c();
        const int d1 = g.stem ? g.in_h : g.in_w, d2 = g.stem ? g.in_c : g.in_h;
        input.dim(0).set_stride(1);
        if (g.stem) {
            input.dim(0).set_bounds(0, d0);
            input.dim(1).set_bounds(0, d1);
            input.dim(2).set_bounds(0, d2);
        } else {
            // The map entering the group is, in the whole network, a stage made as far as its
            // consumers read it: a register tile that does not divide the width reads a few
            // pixels past the row's end. So only its origin is fixed; the caller allocates what
            // a bounds query asks for (apps/autotune_group_bench.cpp).
            input.dim(1).set_min(0);
            input.dim(2).set_min(0);
        }
        out.dim(0).set_bounds(0, g.out_c).set_stride(1);
        out.dim(1).set_bounds(0, g.out_w);
        out.dim(2).set_bounds(0, g.out_h);
        input.set_estimates({{0, d0}, {0, d1}, {0, d2}});
        out.set_estimates({{0, g.out_c}, {0, g.out_w}, {0, g.out_h}});
    }

private:
    NetworkSpec spec_;
    ops::GhostNet net_;
    Func output_;
};

class GhostNetGenerator : public NetworkGenerator<GhostNetGenerator> {
public:
    static constexpr bool kQ8 = false;
    // A batch-1 NCHW float tensor: input(x, y, c) with x dense.
    Input<Buffer<float, 3>> input{"input"};
    // Folded, packed weights as runtime/ packs them for this configuration.
    Input<Buffer<float, 1>> weights{"weights"};
    Output<Buffer<float, 1>> logits{"logits"};

    void generate() {
        const NetworkSpec &spec = make_spec();
        weights.dim(0).set_min(0);
        weights.set_estimates({{0, int(spec.packed_size)}});
        define(input, ops::PackedWeights(weights), logits);
    }
};

// q8: the input quantized by the runtime (uint8, the model's input scale and zero point), int8
// weights and the int32 parameter buffer of the q8 layout; logits are the classifier's int32
// accumulators (the runtime multiplies them by q8::PackedQ8::logit_scale).
//
// grouped_weight_bits=7: for models whose grouped convs' weights are within kQ8PairWeightLimit
// (ghostnet-quantize --grouped-weight-bits 7): where the target has no 4-way dot product (x86
// without VNNI) their products add in int16 pairs (ops::DenseWeights::pair16), the same bytes
// for such weights and not for others, so the runtime picks this pipeline by the model's
// metadata (runtime/pipeline_registry.h).
class GhostNetQ8Generator : public NetworkGenerator<GhostNetQ8Generator> {
public:
    static constexpr bool kQ8 = true;
    GeneratorParam<int> grouped_weight_bits{"grouped_weight_bits", 8};
    Input<Buffer<uint8_t, 3>> input{"input"};
    Input<Buffer<int8_t, 1>> weights{"weights"};
    Input<Buffer<int32_t, 1>> params{"params"};
    Output<Buffer<int32_t, 1>> logits{"logits"};

    void generate() {
        const NetworkSpec &spec = make_spec();
        weights.dim(0).set_min(0);
        params.dim(0).set_min(0);
        weights.set_estimates({{0, int(spec.packed_size)}});
        params.set_estimates({{0, int(spec.q_params_size)}});
        _halide_user_assert(q8::valid_weight_bits(grouped_weight_bits))
            << "grouped_weight_bits must be 7 or 8, got " << int(grouped_weight_bits);
        define(input,
               ops::PackedWeights(weights, params, schedules::q8_int8_products(get_target()),
                                  schedules::q8_pair16_products(get_target(), grouped_weight_bits)),
               logits);
    }
};

// ghostnet_group, ghostnet_q8_group: one layer group of a network (runtime/layer_group.h: its
// layers on maps `group` pixels wide) with the hand schedule and tunables=, as in the whole
// network: what ghostnet-autotune --layer-groups compiles and times, in seconds, for the
// per-width tunables ("strips@14"). Not a product: the input is any map of the group's shape,
// the weights are the whole network's packed buffers, the output is the group's last map.
class GhostNetGroupGenerator : public NetworkGenerator<GhostNetGroupGenerator> {
public:
    static constexpr bool kQ8 = false;
    GeneratorParam<int> group{"group", 0};
    Input<Buffer<float, 3>> input{"input"};
    Input<Buffer<float, 1>> weights{"weights"};
    Output<Buffer<float, 3>> output{"output"};

    void generate() {
        const NetworkSpec &spec = make_spec();
        // Not set_min(0) as the whole network does: Halide 21's bounds query then shrinks the
        // region a group needs from the middle of the buffer ("made it smaller").
        weights.set_estimates({{0, int(spec.packed_size)}});
        define_group(group, input, ops::PackedWeights(weights), output);
    }
};

class GhostNetQ8GroupGenerator : public NetworkGenerator<GhostNetQ8GroupGenerator> {
public:
    static constexpr bool kQ8 = true;
    GeneratorParam<int> group{"group", 0};
    Input<Buffer<uint8_t, 3>> input{"input"};
    Input<Buffer<int8_t, 1>> weights{"weights"};
    Input<Buffer<int32_t, 1>> params{"params"};
    Output<Buffer<uint8_t, 3>> output{"output"};

    void generate() {
        const NetworkSpec &spec = make_spec();
        weights.set_estimates({{0, int(spec.packed_size)}});
        params.set_estimates({{0, int(spec.q_params_size)}});
        define_group(group, input, ops::PackedWeights(weights, params, schedules::q8_int8_products(get_target())),
                     output);
    }
};

// The Ghost module as a layer for any network. Shapes are runtime values:
//   input            (c_in, x, y), channel innermost
//   primary_weights  (m, c_in, kx, ky): m = ceil(n / ratio), output channel innermost
//   primary_bias     (m)
//   cheap_weights    (m * (ratio - 1), kx, ky)
//   cheap_bias       (m * (ratio - 1))
//   output           (n, x', y'), x' = (x + 2*(k/2) - k) / stride + 1
// BatchNorm is folded into weights and biases (runtime/weights.h does it for PyTorch tensors).
// ghost_module_q8: uint8 input and output, int8 weights in the same (ungrouped) layouts, and
// instead of the biases each conv's int32 parameters in the q8 layout (runtime/q8_layout.h)
// (primary_params, cheap_params; q8::pack_ghost_module makes all four from a quantized module).
template <bool Q8>
class GhostModuleGenerator : public Generator<GhostModuleGenerator<Q8>> {
public:
    using Act = std::conditional_t<Q8, uint8_t, float>;
    using Weight = std::conditional_t<Q8, int8_t, float>;
    using BiasOrParams = std::conditional_t<Q8, int32_t, float>;

    GeneratorParam<int> ratio{"ratio", 2};
    GeneratorParam<int> kernel{"kernel", 1};
    GeneratorParam<int> dw_kernel{"dw_kernel", 3};
    GeneratorParam<int> stride{"stride", 1};
    GeneratorParam<bool> relu{"relu", true};  // fp32; q8 clamps as its parameters say

    Halide::GeneratorInput<Buffer<Act, 3>> input{"input"};
    Halide::GeneratorInput<Buffer<Weight, 4>> primary_weights{"primary_weights"};
    Halide::GeneratorInput<Buffer<BiasOrParams, 1>> primary_bias{Q8 ? "primary_params" : "primary_bias"};
    Halide::GeneratorInput<Buffer<Weight, 3>> cheap_weights{"cheap_weights"};
    Halide::GeneratorInput<Buffer<BiasOrParams, 1>> cheap_bias{Q8 ? "cheap_params" : "cheap_bias"};
    Halide::GeneratorOutput<Buffer<Act, 3>> output{"output"};

    void generate() {
        _halide_user_assert(ratio >= 2) << "ratio must be >= 2";
        _halide_user_assert(kernel % 2 == 1 && dw_kernel % 2 == 1) << "kernels must be odd";
        const ops::Vars &v = ops::vars();
        input.dim(0).set_stride(1);
        const Expr cin = input.dim(0).extent();
        const Expr m = primary_weights.dim(0).extent();
        // The ghost maps are as many as the cheap op's weights say (n - m, at most m * (ratio - 1)).
        // The cheap op is read only inside the update that computes them, which guards its channel
        // vectors, so its weights are read in bounds and constrained to their shape instead of
        // padded: an index clamp would make every tap's vector load a gather (and the generated
        // code ~10x larger).
        const Expr n = m + cheap_weights.dim(0).extent();
        cheap_weights.dim(0).set_min(0);
        cheap_weights.dim(1).set_bounds(0, dw_kernel);
        cheap_weights.dim(2).set_bounds(0, dw_kernel);
        ops::Tensor in{ops::zero_outside(input), {cin, input.dim(1).extent(), input.dim(2).extent()}};
        ops::DenseWeights primary{ops::zero_outside(primary_weights), Func()};
        ops::DepthwiseWeights cheap{Func(cheap_weights), Func()};
        if (Q8) {
            const ops::ConvParamsQ8 p = ops::q8_conv_params(ops::zero_outside(primary_bias), m, "primary");
            const ops::ConvParamsQ8 c =
                ops::q8_conv_params(ops::zero_outside(cheap_bias), cheap_weights.dim(0).extent(), "cheap");
            primary.b = p.b;
            primary.q = p.q;
            cheap.b = c.b;
            cheap.q = c.q;
        } else {
            primary.b = ops::zero_outside(primary_bias);
            cheap_bias.dim(0).set_bounds(0, cheap_weights.dim(0).extent());
            cheap.b = Func(cheap_bias);
        }
        g_ = ops::ghost_module("ghost", in, primary, cheap, n, m, ratio, kernel, dw_kernel, stride, relu);
        output(v.c, v.x, v.y) = g_.out(v.c, v.x, v.y);
        // An output wider than the maps the weights make would be left unwritten: refused.
        output.dim(0).set_min(0);
        this->add_requirement(output.dim(0).extent() <= n, "ghost_module: the output has ", output.dim(0).extent(),
                              " channels, the weights make ", n, " (", m, " primary + ", cheap_weights.dim(0).extent(),
                              " cheap)");

        input.set_estimates({{0, 64}, {0, 28}, {0, 28}});
        primary_weights.set_estimates({{0, 32}, {0, 64}, {0, kernel}, {0, kernel}});
        cheap_weights.set_estimates({{0, 32 * (ratio - 1)}, {0, dw_kernel}, {0, dw_kernel}});
        if (Q8) {
            primary_bias.set_estimates({{0, int(q8_layout::conv_params(32, false))}});
            cheap_bias.set_estimates({{0, int(q8_layout::conv_params(32 * (ratio - 1), false))}});
        } else {
            primary_bias.set_estimates({{0, 32}});
            cheap_bias.set_estimates({{0, 32 * (ratio - 1)}});
        }
        output.set_estimates({{0, 64}, {0, 28 / stride}, {0, 28 / stride}});
    }

    void schedule() {
        if (this->using_autoscheduler()) return;
        schedules::schedule_ghost_module(g_, this->get_target());
        schedules::schedule_output(output, this->get_target());
    }

private:
    ops::GhostModule g_;
};

// VGG-16 or ResNet-56 (runtime/plug_and_play_arch.h) on a 32x32x3 planar float input with the
// folded, packed weights runtime/plug_and_play.h makes; 10 float logits.
class PlugAndPlayGenerator : public Generator<PlugAndPlayGenerator> {
public:
    GeneratorParam<std::string> network{"network", "vgg16"};  // vgg16 | resnet56
    GeneratorParam<int> ghost_ratio{"ghost_ratio", 0};        // s; 0: ordinary convs
    GeneratorParam<int> ghost_dw{"ghost_dw", 3};              // d

    Input<Buffer<float, 3>> input{"input"};
    Input<Buffer<float, 1>> weights{"weights"};
    Output<Buffer<float, 1>> logits{"logits"};

    void generate() {
        PlugAndPlayConfig cfg;
        _halide_user_assert(parse_plug_and_play_network(network, &cfg.network))
            << "network must be vgg16 or resnet56, got " << std::string(network);
        cfg.ghost_ratio = ghost_ratio;
        cfg.ghost_dw = ghost_dw;
        try {
            spec_ = make_plug_and_play_spec(cfg);
        } catch (const std::invalid_argument &e) {
            _halide_user_assert(false) << e.what();
        }
        net_ = ops::plug_and_play_net(spec_, input, ops::PackedWeights(weights));
        logits(ops::vars().c) = net_.logits(ops::vars().c);
        const int s = spec_.input_size, c = spec_.in_channels;
        input.dim(0).set_bounds(0, s).set_stride(1);
        input.dim(1).set_bounds(0, s);
        input.dim(2).set_bounds(0, c);
        weights.dim(0).set_min(0);
        logits.dim(0).set_bounds(0, spec_.num_classes);
        input.set_estimates({{0, s}, {0, s}, {0, c}});
        weights.set_estimates({{0, int(spec_.packed_size)}});
        logits.set_estimates({{0, spec_.num_classes}});
    }

    void schedule() {
        if (using_autoscheduler()) return;
        schedules::schedule_plug_and_play_net(net_, get_target());
        schedules::schedule_output(logits, get_target());
    }

private:
    PlugAndPlaySpec spec_;
    ops::PlugAndPlayNet net_;
};

}  // namespace
}  // namespace ghostnet

HALIDE_REGISTER_GENERATOR(ghostnet::PlugAndPlayGenerator, plug_and_play)
HALIDE_REGISTER_GENERATOR(ghostnet::GhostNetGenerator, ghostnet)
HALIDE_REGISTER_GENERATOR(ghostnet::GhostNetQ8Generator, ghostnet_q8)
HALIDE_REGISTER_GENERATOR(ghostnet::GhostNetGroupGenerator, ghostnet_group)
HALIDE_REGISTER_GENERATOR(ghostnet::GhostNetQ8GroupGenerator, ghostnet_q8_group)
HALIDE_REGISTER_GENERATOR(ghostnet::GhostModuleGenerator<false>, ghost_module)
HALIDE_REGISTER_GENERATOR(ghostnet::GhostModuleGenerator<true>, ghost_module_q8)
