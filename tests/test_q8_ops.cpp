// q8 ops byte for byte against the integer reference (tests/reference/q8.cpp): the
// requantization arithmetic over its edge cases, and conv2d and depthwise conv over shape grids
// (odd sizes, stride 2, 1x1 spatial, channels off the vector width) with random scales, zero
// points from 0 to 255, with and without ReLU; dense convs in both weight layouts. The q8 bottlenecks are in test_ghost_bottleneck.
#include <catch2/catch.hpp>

#include <limits>

#include "conv2d_q8_k1_s1.h"
#include "conv2d_q8_k1_s1_g16.h"
#include "conv2d_q8_k1_s1_g40.h"
#include "conv2d_q8_k3_s2.h"
#include "conv2d_q8_k3_s2_g8.h"
#include "conv2d_q8_k5_s1.h"
#include "depthwise_conv_q8_k3_s1.h"
#include "depthwise_conv_q8_k3_s1_m2.h"
#include "depthwise_conv_q8_k5_s2.h"
#include "op_tester.h"
#include "quantization.h"
#include "reference/q8.h"
#include "requantize_op.h"

using namespace ghostnet;
using namespace ghostnet::test;
namespace ref = ghostnet::reference::q8ref;

namespace {

using OpFn = int (*)(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *, halide_buffer_t *);
struct OpVariant {
    const char *name;
    OpFn fn;
    int k, stride, multiplier;
    int grouped_cin = 0;  // dense: the fixed cin of a grouped-layout pipeline, 0 for runtime cin
};

struct Shape {
    int cin, cout, h, w;  // depthwise: cout = cin * multiplier
};

// Quantizes a random conv with random activation scales and zero points, runs the pipeline
// and the reference, and compares every byte.
void check_q8_conv(const OpVariant &v, ConvKind kind, const Shape &s, bool relu, std::mt19937 &rng) {
    ConvSpec c;
    c.kind = kind;
    c.cin = s.cin;
    c.cout = s.cout;
    c.k = v.k;
    c.stride = v.stride;
    c.relu = relu;
    std::uniform_real_distribution<float> scale(0.005f, 0.05f);
    std::uniform_int_distribution<int32_t> zp(0, 255);
    const q8::ActQuant qin{scale(rng), zp(rng)}, qout{scale(rng), zp(rng)};
    const int fan_in = (kind == ConvKind::Depthwise ? 1 : s.cin) * v.k * v.k;
    const q8::QuantizedConv q =
        q8::quantize_conv(c, random_folded(c.weight_count(), s.cout, rng, fan_in), qin.scale);
    std::vector<int8_t> weights(c.weight_count());
    std::vector<int32_t> params(c.q_params_count());
    const bool grouped = v.grouped_cin > 0;
    q8::pack_conv_weights(c, q, grouped, weights.data());
    q8::pack_conv_params(c, q, grouped, qin, &qout, params.data());

    ref::Q8Tensor in(s.cin, s.h, s.w);
    std::uniform_int_distribution<int> byte(0, 255);
    for (uint8_t &b : in.d) b = uint8_t(byte(rng));
    const ref::Q8Tensor want = ref::conv(in, c, q, qin, qout);

    Halide::Runtime::Buffer<uint8_t> in_buf(s.cin, s.w, s.h);
    for (int y = 0; y < s.h; y++)
        for (int x = 0; x < s.w; x++)
            for (int ch = 0; ch < s.cin; ch++) in_buf(ch, x, y) = in.at(ch, y, x);
    Halide::Runtime::Buffer<int8_t> w =
        kind == ConvKind::Depthwise ? Halide::Runtime::Buffer<int8_t>(weights.data(), s.cout, v.k, v.k)
        : grouped ? Halide::Runtime::Buffer<int8_t>(weights.data(), kQ8Group, s.cout, s.cin / kQ8Group, v.k * v.k)
                  : Halide::Runtime::Buffer<int8_t>(weights.data(), s.cout, s.cin, v.k, v.k);
    Halide::Runtime::Buffer<int32_t> p(params.data(), int(params.size()));
    Halide::Runtime::Buffer<uint8_t> out(s.cout, want.w, want.h);
    REQUIRE(v.fn(in_buf, w, p, out) == 0);
    int differ = 0;
    for (int ch = 0; ch < want.c; ch++)
        for (int y = 0; y < want.h; y++)
            for (int x = 0; x < want.w; x++)
                if (out(ch, x, y) != want.at(ch, y, x) && differ++ < 3) {
                    CAPTURE(ch, x, y, int(out(ch, x, y)), int(want.at(ch, y, x)));
                    CHECK(out(ch, x, y) == want.at(ch, y, x));
                }
    CHECK(differ == 0);
}
}  // namespace

TEST_CASE("Halide's requantize equals q8::requantize on the edge cases", "[q8][requantize]") {
    const int32_t kMax = std::numeric_limits<int32_t>::max(), kMin = std::numeric_limits<int32_t>::min();
    std::vector<int32_t> accs = {0, 1, -1, 2, -2, 3, -3, 255, -255, 1 << 20, -(1 << 20), kMax,
                                 kMin, kMax - 1, kMin + 1, kMax / 3, kMin / 3};
    std::vector<int32_t> mults = {0, 1 << 30, (1 << 30) + 1, kMax, 1518500250, 1234567890};
    std::mt19937 rng(3);
    std::uniform_int_distribution<int32_t> any(kMin, kMax);
    for (int i = 0; i < 200; i++) accs.push_back(any(rng));
    std::vector<int32_t> a, m, s, want;
    for (int32_t acc : accs)
        for (int32_t mult : mults)
            for (int shift = -31; shift <= 31; shift++) {
                a.push_back(acc);
                m.push_back(mult);
                s.push_back(shift);
                want.push_back(q8::requantize(acc, mult, shift));
            }
    const int n = int(a.size());
    Halide::Runtime::Buffer<int32_t> ab(a.data(), n), mb(m.data(), n), sb(s.data(), n), out(n);
    REQUIRE(requantize_op(ab, mb, sb, out) == 0);
    int differ = 0;
    for (int i = 0; i < n; i++) {
        if (out(i) == want[i]) continue;
        if (differ++ < 5) {
            CAPTURE(a[i], m[i], s[i], out(i), want[i]);
            CHECK(out(i) == want[i]);
        }
    }
    CHECK(differ == 0);
}


TEST_CASE("q8 conv2d equals the integer reference over a grid of shapes", "[q8][conv2d]") {
    const OpVariant variants[] = {{"k1 s1", conv2d_q8_k1_s1, 1, 1, 1},
                                  {"k3 s2", conv2d_q8_k3_s2, 3, 2, 1},
                                  {"k5 s1", conv2d_q8_k5_s1, 5, 1, 1}};
    const Shape shapes[] = {{1, 1, 1, 1},   {3, 16, 9, 7}, {5, 7, 1, 1},   {16, 24, 15, 15},
                            {17, 33, 6, 11}, {8, 8, 2, 2}, {40, 20, 7, 7}, {3, 48, 13, 16}};
    std::mt19937 rng(101);
    for (const OpVariant &v : variants)
        for (const Shape &s : shapes)
            for (bool relu : {false, true}) {
                CAPTURE(v.name, s.cin, s.cout, s.h, s.w, relu);
                check_q8_conv(v, ConvKind::Dense, s, relu, rng);
            }
}

// The network's layout for cin % 4 == 0: weights in groups of four input channels, reduced as
// one dot product per accumulator lane (schedules: sdot on ARM, pmaddwd pairs on x86).
TEST_CASE("q8 conv2d with grouped weights equals the integer reference", "[q8][conv2d]") {
    const OpVariant variants[] = {{"k1 s1 cin 16", conv2d_q8_k1_s1_g16, 1, 1, 1, 16},
                                  {"k1 s1 cin 40", conv2d_q8_k1_s1_g40, 1, 1, 1, 40},
                                  {"k3 s2 cin 8", conv2d_q8_k3_s2_g8, 3, 2, 1, 8}};
    const int sizes[][3] = {{1, 1, 1}, {7, 9, 5}, {24, 15, 15}, {33, 6, 11}, {16, 2, 2}, {120, 7, 7}};
    std::mt19937 rng(107);
    for (const OpVariant &v : variants)
        for (const auto &z : sizes)
            for (bool relu : {false, true}) {
                const Shape s{v.grouped_cin, z[0], z[1], z[2]};
                CAPTURE(v.name, s.cin, s.cout, s.h, s.w, relu);
                check_q8_conv(v, ConvKind::Dense, s, relu, rng);
            }
}

TEST_CASE("q8 depthwise_conv equals the integer reference over a grid of shapes", "[q8][depthwise_conv]") {
    const OpVariant variants[] = {{"k3 s1", depthwise_conv_q8_k3_s1, 3, 1, 1},
                                  {"k5 s2", depthwise_conv_q8_k5_s2, 5, 2, 1},
                                  {"k3 s1 multiplier 2", depthwise_conv_q8_k3_s1_m2, 3, 1, 2}};
    const int sizes[][3] = {{1, 1, 1}, {7, 9, 5}, {16, 15, 15}, {33, 6, 11}, {24, 2, 2}, {72, 14, 14}};
    std::mt19937 rng(103);
    for (const OpVariant &v : variants)
        for (const auto &z : sizes)
            for (bool relu : {false, true}) {
                const Shape s{z[0], z[0] * v.multiplier, z[1], z[2]};
                CAPTURE(v.name, s.cin, s.cout, s.h, s.w, relu);
                check_q8_conv(v, ConvKind::Depthwise, s, relu, rng);
            }
}
