// The product's generators:
//   ghostnet      the whole network, specialized by width, input size, channels, classes
//   ghostnet_q8   the same network in 8-bit integers (runtime/quantization.h)
//   ghost_module  the plug-and-play Ghost module with runtime shapes
// Algorithms come from the op builders beside this file; schedule() only asks
// schedules/schedule_map.h for the target's schedule (or leaves it to an autoscheduler).
#include "Halide.h"

#include "ghost_module.h"
#include "ghostnet.h"
#include "ghostnet_arch.h"
#include "packed_weights.h"
#include "schedule_map.h"

namespace ghostnet {
namespace {

using Halide::Buffer;
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

    void schedule() {
        if (this->get_auto_schedule()) return;
        schedules::schedule_ghostnet(net_, this->get_target());
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
            << "variant must be imagenet or small, got " << std::string(variant);
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

private:
    NetworkSpec spec_;
    ops::GhostNet net_;
    Func output_;
};

class GhostNetGenerator : public NetworkGenerator<GhostNetGenerator> {
public:
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
class GhostNetQ8Generator : public NetworkGenerator<GhostNetQ8Generator> {
public:
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
        define(input, ops::PackedWeights(weights, params), logits);
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
class GhostModuleGenerator : public Generator<GhostModuleGenerator> {
public:
    GeneratorParam<int> ratio{"ratio", 2};
    GeneratorParam<int> kernel{"kernel", 1};
    GeneratorParam<int> dw_kernel{"dw_kernel", 3};
    GeneratorParam<int> stride{"stride", 1};
    GeneratorParam<bool> relu{"relu", true};

    Input<Buffer<float, 3>> input{"input"};
    Input<Buffer<float, 4>> primary_weights{"primary_weights"};
    Input<Buffer<float, 1>> primary_bias{"primary_bias"};
    Input<Buffer<float, 3>> cheap_weights{"cheap_weights"};
    Input<Buffer<float, 1>> cheap_bias{"cheap_bias"};
    Output<Buffer<float, 3>> output{"output"};

    void generate() {
        _halide_user_assert(ratio >= 2) << "ratio must be >= 2";
        _halide_user_assert(kernel % 2 == 1 && dw_kernel % 2 == 1) << "kernels must be odd";
        const ops::Vars &v = ops::vars();
        input.dim(0).set_stride(1);
        const Expr cin = input.dim(0).extent();
        const Expr m = primary_weights.dim(0).extent();
        // All m * ratio maps are computed; the output buffer's extent keeps the first n.
        const Expr n = m * ratio;
        ops::Tensor in{ops::zero_outside(input), {cin, input.dim(1).extent(), input.dim(2).extent()}};
        g_ = ops::ghost_module("ghost", in,
                               {ops::zero_outside(primary_weights), ops::zero_outside(primary_bias)},
                               {ops::zero_outside(cheap_weights), ops::zero_outside(cheap_bias)}, n, m, ratio, kernel, dw_kernel, stride,
                               relu);
        output(v.c, v.x, v.y) = g_.out(v.c, v.x, v.y);

        input.set_estimates({{0, 64}, {0, 28}, {0, 28}});
        primary_weights.set_estimates({{0, 32}, {0, 64}, {0, kernel}, {0, kernel}});
        primary_bias.set_estimates({{0, 32}});
        cheap_weights.set_estimates({{0, 32 * (ratio - 1)}, {0, dw_kernel}, {0, dw_kernel}});
        cheap_bias.set_estimates({{0, 32 * (ratio - 1)}});
        output.set_estimates({{0, 64}, {0, 28 / stride}, {0, 28 / stride}});
    }

    void schedule() {
        if (get_auto_schedule()) return;
        schedules::schedule_ghost_module(g_, get_target());
        schedules::schedule_output(output, get_target());
    }

private:
    ops::GhostModule g_;
};

}  // namespace
}  // namespace ghostnet

HALIDE_REGISTER_GENERATOR(ghostnet::GhostNetGenerator, ghostnet)
HALIDE_REGISTER_GENERATOR(ghostnet::GhostNetQ8Generator, ghostnet_q8)
HALIDE_REGISTER_GENERATOR(ghostnet::GhostModuleGenerator, ghost_module)
