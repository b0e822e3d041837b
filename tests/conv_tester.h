// The tester of the conv family (conv2d, depthwise_conv), both precisions: a pipeline variant
// (its compile-time kernel, stride, ..., from its row of tests/op_cases.txt) run on one shape
// against the reference, and the shape grids every conv test (fp32, q8, this machine or HVX)
// walks, as data.
//   fp32: reference::conv2d or reference::depthwise_conv (tests/reference/), within a tolerance;
//   q8: the integer reference (q8ref::conv, runtime/q8_reference.cpp), byte for byte, on random
//   weights, scales and zero points.
#pragma once

#include <catch2/catch.hpp>

#include <functional>
#include <random>
#include <stdexcept>
#include <string>

#include "op_tester.h"
#include "q8_pack.h"
#include "quantization.h"
#include "reference/q8.h"

namespace ghostnet {
namespace test {
namespace ref = ghostnet::reference::q8ref;

// (input, weights, bias or q8 params, output)
using ConvFn = int (*)(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *, halide_buffer_t *);

// One compiled pipeline and the parameters it was compiled with (tests/op_cases.txt).
struct ConvVariant {
    const char *name;
    ConvFn fn;  // nullptr for an HVX-only case (test_hexagon runs it through a RunOp)
    int k, stride;
    int multiplier = 1;   // depthwise: output channels per input channel
    bool relu = false;    // fp32: ReLU compiled in (q8 takes it from the layer's spec)
    int grouped_cin = 0;  // q8 dense: the fixed cin of a grouped-layout pipeline, 0 for runtime cin
    int weight_bits = 8;  // q8: the weights' bits (7: a pipeline built with grouped_weight_bits=7)
};

// A case of conv2d_op, conv2d_q8_op, depthwise_conv_op or depthwise_conv_q8_op, read from its row.
inline ConvVariant conv_variant(const OpCase &c) {
    const std::string g = c.generator;
    const bool q8 = g == "conv2d_q8_op" || g == "depthwise_conv_q8_op";
    const bool depthwise = g == "depthwise_conv_op" || g == "depthwise_conv_q8_op";
    if (!q8 && !depthwise && g != "conv2d_op") throw std::invalid_argument(std::string(c.name) + " is not a conv case");
    ConvVariant v{c.name, c.pipeline<ConvFn>(), c.integer("kernel"), c.integer("stride")};
    if (depthwise) v.multiplier = c.integer("multiplier");
    if (!q8) v.relu = c.flag("relu");
    if (q8 && !depthwise) {
        v.grouped_cin = c.integer("grouped_in_channels");
        v.weight_bits = c.integer("grouped_weight_bits");
    }
    return v;
}

// depthwise: cout = cin * multiplier.
struct ConvShape {
    int cin, cout, h, w;
};

// Dense convs: odd sizes, 1x1 spatial, channel counts off the vector width, cin 1..40.
const ConvShape kConvShapes[] = {{1, 1, 1, 1},    {3, 16, 9, 7}, {5, 7, 1, 1},   {16, 24, 15, 15},
                                 {17, 33, 6, 11}, {8, 8, 2, 2},  {40, 20, 7, 7}, {3, 48, 13, 16}};
// Depthwise convs (channels, height, width): the same edges, and a 72-channel 14x14 map.
const int kDepthwiseShapes[][3] = {{1, 1, 1},    {3, 5, 4},  {5, 1, 8},  {7, 9, 5},  {16, 15, 15},
                                   {17, 9, 13}, {24, 2, 2}, {33, 6, 11}, {72, 14, 14}};
// q8 dense convs in the grouped layout, whose cin the pipeline fixes: (cout, height, width).
const int kGroupedConvShapes[][3] = {{1, 1, 1}, {7, 9, 5}, {24, 15, 15}, {33, 6, 11}, {16, 2, 2}, {120, 7, 7}};

inline ConvShape depthwise_shape(const int chw[3], int multiplier) {
    return {chw[0], chw[0] * multiplier, chw[1], chw[2]};
}

// f(shape, relu) over the grid a q8 dense conv variant runs: kGroupedConvShapes at its fixed cin
// (the grouped layout), else kConvShapes; each with and without ReLU.
template <typename F>
void for_each_q8_conv_shape(const ConvVariant &v, F f) {
    for (bool relu : {false, true}) {
        if (v.grouped_cin > 0)
            for (const auto &z : kGroupedConvShapes) f(ConvShape{v.grouped_cin, z[0], z[1], z[2]}, relu);
        else
            for (const ConvShape &s : kConvShapes) f(s, relu);
    }
}

// fp32: a random input and folded conv, the pipeline against reference::conv2d (or depthwise_conv).
inline void check_conv(const ConvVariant &v, ConvKind kind, const ConvShape &s, std::mt19937 &rng) {
    const bool dw = kind == ConvKind::Depthwise;
    const int fan_in = (dw ? 1 : s.cin) * v.k * v.k;
    const Tensor3 in = random_tensor(s.cin, s.h, s.w, rng);
    const FoldedConv f = random_folded(size_t(s.cout) * fan_in, s.cout, rng, fan_in);
    Tensor3 want = dw ? reference::depthwise_conv(in, f.weight, f.bias.data(), s.cout / s.cin, v.k, v.k, v.stride)
                      : reference::conv2d(in, f.weight, f.bias.data(), s.cout, v.k, v.stride);
    if (v.relu) want = reference::relu(want);

    PackedConv p = pack_for_op(kind, s.cin, s.cout, v.k, f);
    auto in_buf = to_cxy(in);
    Halide::Runtime::Buffer<float> out(s.cout, want.w, want.h);
    REQUIRE(v.fn(in_buf, p.weights, p.bias, out) == 0);
    check_close(out, want, fan_in);
}

// Quantizes a random conv with random activation scales and zero points, runs the pipeline
// and the reference, and compares every byte.
// `run` runs the pipeline (v.fn by default; another device's copy of it in test_hexagon).
using RunOp = std::function<int(Halide::Runtime::Buffer<uint8_t> &, Halide::Runtime::Buffer<int8_t> &,
                                Halide::Runtime::Buffer<int32_t> &, Halide::Runtime::Buffer<uint8_t> &)>;
inline void check_q8_conv(const ConvVariant &v, ConvKind kind, const ConvShape &s, bool relu, std::mt19937 &rng,
                          const RunOp &run = nullptr) {
    const ConvSpec c = make_conv_spec("", "", kind, s.cin, s.cout, v.k, v.stride, relu);
    const q8::ActQuant qin = random_act_quant(rng), qout = random_act_quant(rng);
    const int fan_in = (kind == ConvKind::Depthwise ? 1 : s.cin) * v.k * v.k;
    const q8::QuantizedConv q =
        q8::quantize_conv(c, random_folded(c.weight_count(), s.cout, rng, fan_in), qin.scale, v.weight_bits);
    std::vector<int8_t> weights(c.weight_count());
    std::vector<int32_t> params(c.q_params_count());
    const bool grouped = v.grouped_cin > 0;
    q8::pack_conv_weights(c, q, grouped, weights.data());
    q8::pack_conv_params(c, q, grouped, qin, &qout, params.data());

    const ref::Q8Tensor in = random_q8_tensor(s.cin, s.h, s.w, rng);
    const ref::Q8Tensor want = ref::conv(in, c, q, qin, qout);

    Halide::Runtime::Buffer<uint8_t> in_buf = to_cxy(in);
    Halide::Runtime::Buffer<int8_t> w =
        kind == ConvKind::Depthwise ? Halide::Runtime::Buffer<int8_t>(weights.data(), s.cout, v.k, v.k)
        : grouped ? Halide::Runtime::Buffer<int8_t>(weights.data(), kQ8Group, s.cout, s.cin / kQ8Group, v.k * v.k)
                  : Halide::Runtime::Buffer<int8_t>(weights.data(), s.cout, s.cin, v.k, v.k);
    Halide::Runtime::Buffer<int32_t> p(params.data(), int(params.size()));
    Halide::Runtime::Buffer<uint8_t> out(s.cout, want.w, want.h);
    REQUIRE((run ? run(in_buf, w, p, out) : v.fn(in_buf, w, p, out)) == 0);
    check_equal(out, want);
}

}  // namespace test
}  // namespace ghostnet
