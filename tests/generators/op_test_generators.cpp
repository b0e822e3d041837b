// Test-only generators: each op of generators/ wrapped as its own pipeline, scheduled by the
// same schedule map as the network, so tests compare the real algorithm + schedule with the
// naive references in tests/reference/. Shapes are runtime values where the op allows it.
//
//   conv2d_op          input (ci, x, y), weights (co, ci, kx, ky), bias (co) -> (co, x', y')
//   depthwise_conv_op  input (ci, x, y), weights (ci*M, kx, ky), bias (ci*M) -> (ci*M, x', y')
//   *_q8_op            the same in q8: uint8 tensors, int8 weights, int32 q8 parameters
//   linear_op          input (ci), weights (co, ci), bias (co) -> (co)
//   linear_q8_op       uint8 input (ci), int8 weights grouped (kQ8Group, co, ci / kQ8Group), params -> (co)
//   global_avg_pool_op input (c, x, y) -> (c); *_q8_op: uint8 in and out
//   max_pool_op        input (c, x, y) -> (c, x / k, y / k)
//   dfc_attention_op   a GhostNetV2 Ghost module's input (in, x, y), its packed weights (and q8
//                      parameters) -> the gate (out, x', y') the module multiplies by (q8: Q15)
//   squeeze_excite_op  input (c, x, y), reduce (r, c) + bias (r), expand (c, r) + bias (c)
//   ghost_bottleneck_op and ghostnet_head_op: packed weights as runtime/weights.h packs them
#include "Halide.h"

#include <type_traits>

#include "conv2d.h"
#include "depthwise_conv.h"
#include "dfc_attention.h"
#include "ghost_bottleneck.h"
#include "ghostnet.h"
#include "ghostnet_arch.h"
#include "linear.h"
#include "pooling.h"
#include "packed_weights.h"
#include "schedule_map.h"
#include "squeeze_excite.h"

namespace ghostnet {
namespace {

using Halide::Buffer;
using Halide::Expr;
using Halide::Func;
using Halide::Var;
using Halide::Generator;
using Halide::GeneratorParam;

// fp32 ops take float tensors, weights and biases; q8 ops uint8 tensors, int8 weights and the
// int32 parameters of the q8 layout (runtime/ghostnet_arch.h).
template <bool Q8> using Act = std::conditional_t<Q8, uint8_t, float>;
template <bool Q8> using Weight = std::conditional_t<Q8, int8_t, float>;
template <bool Q8> using BiasOrParams = std::conditional_t<Q8, int32_t, float>;

template <typename T>
ops::Tensor input_tensor(const Halide::GeneratorInput<Buffer<T, 3>> &in) {
    // Tiles may run past the last column; those lanes must not read past the buffer.
    return {ops::zero_outside(in), {in.dim(0).extent(), in.dim(1).extent(), in.dim(2).extent()}};
}

// One conv's weights: fp32 (weights, bias), or q8 (weights, and its q8 parameters from offset 0:
// zero points and clamps, bias, multipliers, shifts for `cout` channels).
template <typename Weights, typename W, typename B>
Weights conv_weights(const W &weights, const B &bias_or_params, const Expr &cout, bool q8) {
    Weights wt;
    wt.w = ops::zero_outside(weights);
    if (!q8) {
        wt.b = ops::zero_outside(bias_or_params);
        return wt;
    }
    const ops::ConvParamsQ8 p = ops::q8_conv_params(ops::zero_outside(bias_or_params), cout, "conv");
    wt.b = p.b;
    wt.q = p.q;
    return wt;
}

template <bool Q8>
class Conv2dOp : public Generator<Conv2dOp<Q8>> {
public:
    GeneratorParam<int> kernel{"kernel", 3};
    GeneratorParam<int> stride{"stride", 1};
    GeneratorParam<bool> relu{"relu", true};  // fp32; q8 clamps as its parameters say
    // q8 only: 0, weights (cout, cin, kx, ky) and any cin; or a multiple of kQ8Group, the fixed
    // cin of weights in the grouped q8 layout, as (kQ8Group, cout, cin / kQ8Group, k * k).
    GeneratorParam<int> grouped_in_channels{"grouped_in_channels", 0};
    // q8 grouped: 7 for weights within kQ8PairWeightLimit, whose products the target may add in
    // int16 pairs (ops::DenseWeights::pair16), as the network generator's grouped_weight_bits.
    GeneratorParam<int> grouped_weight_bits{"grouped_weight_bits", 8};
    // The hand schedule's tunables (schedules/tunables.h), "name:value,...".
    GeneratorParam<std::string> tunables{"tunables", ""};
    Halide::GeneratorInput<Buffer<Act<Q8>, 3>> input{"input"};
    Halide::GeneratorInput<Buffer<Weight<Q8>, 4>> weights{"weights"};
    Halide::GeneratorInput<Buffer<BiasOrParams<Q8>, 1>> bias{Q8 ? "params" : "bias"};
    Halide::GeneratorOutput<Buffer<Act<Q8>, 3>> output{"output"};

    void generate() {
        const ops::Vars &v = ops::vars();
        const int cin = grouped_in_channels;
        _halide_user_assert(cin == 0 || (Q8 && cin % kQ8Group == 0))
            << "grouped_in_channels: q8 only, a multiple of " << kQ8Group;
        const Expr cout = cin ? weights.dim(1).extent() : weights.dim(0).extent();
        ops::DenseWeights wt = conv_weights<ops::DenseWeights>(weights, bias, cout, Q8);
        ops::Tensor in = input_tensor(input);
        if (cin) {
            const int g = kQ8Group;
            Var co("co"), ci("ci"), kx("kx"), ky("ky");
            const Func padded = ops::zero_outside(weights);
            wt.w = Func("grouped_weights");
            wt.w(co, ci, kx, ky) = padded(ci % g, co, ci / g, ky * kernel + kx);
            wt.ci_group = g;
            if (schedules::q8_int8_products(this->get_target())) {
                const ops::ConvParamsQ8 p = ops::q8_conv_params(ops::zero_outside(bias), cout, "conv");
                wt.b_int8 = p.b_int8;
            } else {
                wt.pair16 = schedules::q8_pair16_products(this->get_target(), grouped_weight_bits);
            }
            input.dim(0).set_bounds(0, cin);
            in.shape.c = cin;
        }
        op_ = ops::conv2d("conv", in, wt, cout, kernel, stride, relu);
        output(v.c, v.x, v.y) = op_.out(v.c, v.x, v.y);
    }
    void schedule() {
        schedules::schedule_conv2d(op_, this->get_target(), schedules::tunables_param(tunables));
        schedules::schedule_output(output, this->get_target());
    }

private:
    ops::Conv2d op_;
};

template <bool Q8>
class DepthwiseConvOp : public Generator<DepthwiseConvOp<Q8>> {
public:
    GeneratorParam<int> kernel{"kernel", 3};
    GeneratorParam<int> stride{"stride", 1};
    GeneratorParam<int> multiplier{"multiplier", 1};
    GeneratorParam<bool> relu{"relu", false};  // fp32; q8 clamps as its parameters say
    Halide::GeneratorInput<Buffer<Act<Q8>, 3>> input{"input"};
    Halide::GeneratorInput<Buffer<Weight<Q8>, 3>> weights{"weights"};
    Halide::GeneratorInput<Buffer<BiasOrParams<Q8>, 1>> bias{Q8 ? "params" : "bias"};
    Halide::GeneratorOutput<Buffer<Act<Q8>, 3>> output{"output"};

    void generate() {
        const ops::Vars &v = ops::vars();
        const Expr cout = weights.dim(0).extent();
        op_ = ops::depthwise_conv("dw", input_tensor(input),
                                  conv_weights<ops::DepthwiseWeights>(weights, bias, cout, Q8),
                                  kernel, stride, multiplier, relu);
        output(v.c, v.x, v.y) = op_.out(v.c, v.x, v.y);
    }
    void schedule() {
        schedules::schedule_depthwise_conv(op_, this->get_target());
        schedules::schedule_output(output, this->get_target());
    }

private:
    ops::DepthwiseConv op_;
};

template <bool Q8>
class LinearOp : public Generator<LinearOp<Q8>> {
public:
    GeneratorParam<bool> relu{"relu", false};  // fp32; q8 clamps as its parameters say
    // q8: the fixed cin (a multiple of kQ8Group) of weights in the grouped layout, as the
    // networks store every q8 linear layer. fp32: unused (cin is the input's extent).
    GeneratorParam<int> in_channels{"in_channels", 0};
    Halide::GeneratorInput<Buffer<Act<Q8>, 1>> input{"input"};
    Halide::GeneratorInput<Buffer<Weight<Q8>, Q8 ? 3 : 2>> weights{"weights"};
    Halide::GeneratorInput<Buffer<BiasOrParams<Q8>, 1>> bias{Q8 ? "params" : "bias"};
    Halide::GeneratorOutput<Buffer<Act<Q8>, 1>> output{"output"};

    void generate() {
        const ops::Vars &v = ops::vars();
        const Expr cout = Q8 ? weights.dim(1).extent() : weights.dim(0).extent();
        ops::LinearWeights wt = conv_weights<ops::LinearWeights>(weights, bias, cout, Q8);
        Expr cin = input.dim(0).extent();
        if (Q8) {
            _halide_user_assert(in_channels > 0 && in_channels % kQ8Group == 0)
                << "in_channels: a multiple of " << kQ8Group << " for linear_q8_op";
            cin = int(in_channels);
            input.dim(0).set_bounds(0, int(in_channels));
            const Func given = wt.w;  // (kQ8Group, co, ci / kQ8Group), zero outside
            Var co("co"), ci("ci");
            wt.w = Func("grouped_weights");
            wt.w(co, ci) = given(ci % kQ8Group, co, ci / kQ8Group);
            wt.ci_group = kQ8Group;
            if (schedules::q8_int8_products(this->get_target()))
                wt.b_int8 = ops::q8_conv_params(ops::zero_outside(bias), cout, "linear").b_int8;
        }
        // The input vector over ops::vars().c, as the networks' pooled vectors are (schedules
        // store it first, vectorized over c).
        Func in("linear_in");
        in(v.c) = ops::zero_outside(input)(v.c);
        op_ = ops::linear("linear", in, cin, wt, relu);
        output(v.c) = op_.out(v.c);
    }
    void schedule() {
        schedules::schedule_linear(op_, this->get_target());
        schedules::schedule_output(output, this->get_target());
    }

private:
    ops::Linear op_;
};

template <bool Q8>
class GlobalAvgPoolOp : public Generator<GlobalAvgPoolOp<Q8>> {
public:
    Halide::GeneratorInput<Buffer<Act<Q8>, 3>> input{"input"};
    Halide::GeneratorOutput<Buffer<Act<Q8>, 1>> output{"output"};

    void generate() {
        const ops::Vars &v = ops::vars();
        op_ = ops::global_avg_pool("pool", input_tensor(input));
        output(v.c) = op_.out(v.c);
    }
    void schedule() {
        schedules::schedule_global_avg_pool(op_, this->get_target());
        schedules::schedule_output(output, this->get_target());
    }

private:
    ops::GlobalAvgPool op_;
};

// GhostNetV2's DFC attention of one Ghost module (compile-time channels, kernel and stride, as
// in the network; runtime spatial size), the module's weights packed as the runtime packs them
// (q8: its parameters with the sigmoid table after the convs'). The output is the gate at the
// module's output size: fp32, or the Q15 gate of the table (int32).
template <bool Q8>
class DfcAttentionOp : public Generator<DfcAttentionOp<Q8>> {
public:
    GeneratorParam<int> in_channels{"in_channels", 16};
    GeneratorParam<int> out_channels{"out_channels", 24};
    GeneratorParam<int> kernel{"kernel", 1};
    GeneratorParam<int> stride{"stride", 1};
    Halide::GeneratorInput<Buffer<Act<Q8>, 3>> input{"input"};
    Halide::GeneratorInput<Buffer<Weight<Q8>, 1>> weights{"weights"};
    Halide::GeneratorInput<Buffer<int32_t, 1>> params{"params"};  // q8 only; fp32 pipelines never read it
    Halide::GeneratorOutput<Buffer<std::conditional_t<Q8, int32_t, float>, 3>> output{"output"};

    void generate() {
        const ops::Vars &v = ops::vars();
        spec_ = make_ghost_module_spec("module", in_channels, out_channels, 2, kernel, 3, stride, true, "input",
                                       Version::V2, /*dfc=*/true);
        assign_offsets(spec_.convs());
        spec_.q_sigmoid_offset = assign_q8_offsets(spec_.convs(), 0);
        input.dim(0).set_bounds(0, in_channels);
        const ops::PackedWeights packed =
            Q8 ? ops::PackedWeights(weights, params, schedules::q8_int8_products(this->get_target()))
               : ops::PackedWeights(weights);
        const ops::Tensor in = input_tensor(input);
        const GhostModuleSpec &g = spec_;
        op_ = ops::dfc_attention("dfc", in, packed.dense(g.dfc_conv), packed.depthwise(g.dfc_row),
                                 packed.depthwise(g.dfc_column), g.out, g.k, g.stride,
                                 ops::conv_out(in.shape.w, g.k, g.stride), ops::conv_out(in.shape.h, g.k, g.stride),
                                 packed.sigmoid_table(g));
        output(v.c, v.x, v.y) = op_.out(v.c, v.x, v.y);
    }
    void schedule() {
        schedules::schedule_dfc_attention(op_, this->get_target());
        schedules::schedule_output(output, this->get_target());
    }

private:
    GhostModuleSpec spec_;
    ops::DfcAttention op_;
};

class MaxPoolOp : public Generator<MaxPoolOp> {
public:
    GeneratorParam<int> kernel{"kernel", 2};
    Input<Buffer<float, 3>> input{"input"};
    Output<Buffer<float, 3>> output{"output"};

    void generate() {
        const ops::Vars &v = ops::vars();
        op_ = ops::max_pool("pool", input_tensor(input), kernel);
        output(v.c, v.x, v.y) = op_.out(v.c, v.x, v.y);
    }
    void schedule() {
        schedules::schedule_max_pool(op_, get_target());
        schedules::schedule_output(output, get_target());
    }

private:
    ops::MaxPool op_;
};

class SqueezeExciteOp : public Generator<SqueezeExciteOp> {
public:
    Input<Buffer<float, 3>> input{"input"};
    Input<Buffer<float, 2>> reduce_weights{"reduce_weights"};
    Input<Buffer<float, 1>> reduce_bias{"reduce_bias"};
    Input<Buffer<float, 2>> expand_weights{"expand_weights"};
    Input<Buffer<float, 1>> expand_bias{"expand_bias"};
    Output<Buffer<float, 3>> output{"output"};

    void generate() {
        const ops::Vars &v = ops::vars();
        op_ = ops::squeeze_excite("se", input_tensor(input), reduce_weights.dim(0).extent(),
                                  {ops::zero_outside(reduce_weights), ops::zero_outside(reduce_bias)},
                                  {ops::zero_outside(expand_weights), ops::zero_outside(expand_bias)});
        output(v.c, v.x, v.y) = op_.out(v.c, v.x, v.y);
    }
    void schedule() {
        schedules::schedule_squeeze_excite(op_, get_target());
        schedules::schedule_output(output, get_target());
    }

private:
    ops::SqueezeExcite op_;
};

// One Ghost bottleneck (any family member) with compile-time channels (as in the network) and
// runtime spatial size;
// weights packed as runtime/weights.h packs them (fp32), or int8 weights and int32 parameters
// in the q8 layout with offsets from assign_q8_offsets(spec, 0) (q8).
template <bool Q8>
class GhostBottleneckOp : public Generator<GhostBottleneckOp<Q8>> {
public:
    GeneratorParam<int> in_channels{"in_channels", 16};
    GeneratorParam<int> mid_channels{"mid_channels", 48};
    GeneratorParam<int> out_channels{"out_channels", 24};
    GeneratorParam<int> kernel{"kernel", 3};
    GeneratorParam<int> stride{"stride", 2};
    GeneratorParam<int> se_reduce{"se_reduce", 0};
    GeneratorParam<int> width_hint{"width_hint", 15};
    // The family member (v1, v2, v3) and whether ghost1 has GhostNetV2's DFC attention.
    GeneratorParam<std::string> version{"version", "v1"};
    GeneratorParam<bool> dfc{"dfc", false};
    Halide::GeneratorInput<Buffer<Act<Q8>, 3>> input{"input"};
    Halide::GeneratorInput<Buffer<Weight<Q8>, 1>> weights{"weights"};
    Halide::GeneratorInput<Buffer<int32_t, 1>> params{"params"};  // q8 only; fp32 pipelines never read it
    Halide::GeneratorOutput<Buffer<Act<Q8>, 3>> output{"output"};

    void generate() {
        const ops::Vars &v = ops::vars();
        Version member = Version::V1;
        _halide_user_assert(parse_version(version, &member)) << "version must be v1, v2 or v3";
        spec_ = make_bottleneck_spec("block", in_channels, mid_channels, out_channels, kernel,
                                     stride, se_reduce, width_hint, width_hint, 2, 3, "input", member, dfc);
        assign_offsets(spec_.convs());
        assign_q8_offsets(&spec_, 0);
        input.dim(0).set_bounds(0, in_channels);
        const ops::PackedWeights packed =
            Q8 ? ops::PackedWeights(weights, params, schedules::q8_int8_products(this->get_target()))
               : ops::PackedWeights(weights);
        op_ = ops::ghost_bottleneck("block", input_tensor(input), spec_, packed);
        output(v.c, v.x, v.y) = op_.out(v.c, v.x, v.y);
    }
    void schedule() {
        schedules::schedule_ghost_bottleneck(op_, this->get_target());
        schedules::schedule_output(output, this->get_target());
    }

private:
    BottleneckSpec spec_;
    ops::GhostBottleneck op_;
};

// Halide's form of q8::requantize (q15=false) or q8::requantize16 (q15=true), element by
// element, for the arithmetic's edge cases.
class RequantizeOp : public Generator<RequantizeOp> {
public:
    GeneratorParam<bool> q15{"q15", false};
    Input<Buffer<int32_t, 1>> acc{"acc"};
    Input<Buffer<int32_t, 1>> multiplier{"multiplier"};
    Input<Buffer<int32_t, 1>> shift{"shift"};
    Output<Buffer<int32_t, 1>> output{"output"};

    void generate() {
        const ops::Vars &v = ops::vars();
        if (q15)
            output(v.c) = Halide::cast<int32_t>(Halide::rounding_shift_right(
                ops::scale16(acc(v.c), multiplier(v.c), shift(v.c)), kQ8RequantFracBits));
        else
            output(v.c) = ops::requantize(acc(v.c), multiplier(v.c), shift(v.c));
    }
    // The tests give at least a vector of values (tests/requantize_check.h: thousands), so a
    // shifted last vector serves on HVX, where a guarded one does not compile (schedule_map.h).
    void schedule() {
        schedules::schedule_output(output, get_target(),
                                   schedules::uses_hvx(get_target()) ? Halide::TailStrategy::ShiftInwards
                                                                     : Halide::TailStrategy::GuardWithIf);
    }
};

// The network's head (1x1 conv + BN + ReLU, pool, conv_head + ReLU, classifier) on a feature
// map of runtime size, with a GhostNet spec's channel counts.
class GhostNetHeadOp : public Generator<GhostNetHeadOp> {
public:
    GeneratorParam<float> width{"width", 0.5f};
    GeneratorParam<int> num_classes{"num_classes", 10};
    Input<Buffer<float, 3>> input{"input"};
    Input<Buffer<float, 1>> weights{"weights"};
    Output<Buffer<float, 1>> output{"output"};

    void generate() {
        const ops::Vars &v = ops::vars();
        NetworkConfig cfg;
        cfg.width = width;
        cfg.num_classes = num_classes;
        spec_ = make_ghostnet_spec(cfg);
        input.dim(0).set_bounds(0, spec_.head.cin);
        head_ = ops::ghostnet_head(spec_, input_tensor(input), ops::PackedWeights(weights));
        output(v.c) = head_.classifier.out(v.c);
    }
    void schedule() {
        schedules::schedule_head(head_, get_target());
        schedules::schedule_output(output, get_target());
    }

private:
    NetworkSpec spec_;
    ops::Head head_;
};

}  // namespace
}  // namespace ghostnet

HALIDE_REGISTER_GENERATOR(ghostnet::Conv2dOp<false>, conv2d_op)
HALIDE_REGISTER_GENERATOR(ghostnet::Conv2dOp<true>, conv2d_q8_op)
HALIDE_REGISTER_GENERATOR(ghostnet::DepthwiseConvOp<false>, depthwise_conv_op)
HALIDE_REGISTER_GENERATOR(ghostnet::DepthwiseConvOp<true>, depthwise_conv_q8_op)
HALIDE_REGISTER_GENERATOR(ghostnet::LinearOp<false>, linear_op)
HALIDE_REGISTER_GENERATOR(ghostnet::LinearOp<true>, linear_q8_op)
HALIDE_REGISTER_GENERATOR(ghostnet::GlobalAvgPoolOp<false>, global_avg_pool_op)
HALIDE_REGISTER_GENERATOR(ghostnet::GlobalAvgPoolOp<true>, global_avg_pool_q8_op)
HALIDE_REGISTER_GENERATOR(ghostnet::MaxPoolOp, max_pool_op)
HALIDE_REGISTER_GENERATOR(ghostnet::DfcAttentionOp<false>, dfc_attention_op)
HALIDE_REGISTER_GENERATOR(ghostnet::DfcAttentionOp<true>, dfc_attention_q8_op)
HALIDE_REGISTER_GENERATOR(ghostnet::SqueezeExciteOp, squeeze_excite_op)
HALIDE_REGISTER_GENERATOR(ghostnet::GhostBottleneckOp<false>, ghost_bottleneck_op)
HALIDE_REGISTER_GENERATOR(ghostnet::GhostBottleneckOp<true>, ghost_bottleneck_q8_op)
HALIDE_REGISTER_GENERATOR(ghostnet::GhostNetHeadOp, ghostnet_head_op)
HALIDE_REGISTER_GENERATOR(ghostnet::RequantizeOp, requantize_op)
