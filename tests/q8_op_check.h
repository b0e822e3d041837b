// A q8 conv op (dense or depthwise) checked byte for byte against the integer reference
// (tests/reference/q8.cpp) on random weights, scales and zero points: shared by test_q8_ops
// (this machine) and test_hexagon (the same ops compiled for HVX, run under qemu-hexagon).
#pragma once

#include <catch2/catch.hpp>

#include <functional>
#include <limits>
#include <random>

#include "op_tester.h"
#include "quantization.h"
#include "reference/q8.h"

namespace ghostnet {
namespace test {
namespace ref = ghostnet::reference::q8ref;

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
// `run` runs the pipeline (v.fn by default; another device's copy of it in test_hexagon).
using RunOp = std::function<int(Halide::Runtime::Buffer<uint8_t> &, Halide::Runtime::Buffer<int8_t> &,
                                Halide::Runtime::Buffer<int32_t> &, Halide::Runtime::Buffer<uint8_t> &)>;
inline void check_q8_conv(const OpVariant &v, ConvKind kind, const Shape &s, bool relu, std::mt19937 &rng,
                          const RunOp &run = nullptr) {
    const ConvSpec c = make_conv_spec("", "", kind, s.cin, s.cout, v.k, v.stride, relu);
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
    REQUIRE((run ? run(in_buf, w, p, out) : v.fn(in_buf, w, p, out)) == 0);
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

// Halide's requantize (the requantize_op pipeline, run by `run`) against q8::requantize on
// accumulators, multipliers and shifts at the edges of their ranges, every shift -31..31; with
// q15, requantize16_op against q8::requantize16 (Q15 multipliers, shifts -15..31).
using RunRequantize = std::function<int(Halide::Runtime::Buffer<int32_t> &, Halide::Runtime::Buffer<int32_t> &,
                                        Halide::Runtime::Buffer<int32_t> &, Halide::Runtime::Buffer<int32_t> &)>;
inline void check_requantize(const RunRequantize &run, bool q15) {
    const int32_t kMax = std::numeric_limits<int32_t>::max(), kMin = std::numeric_limits<int32_t>::min();
    std::vector<int32_t> accs = {0, 1, -1, 2, -2, 3, -3, 255, -255, 1 << 20, -(1 << 20), kMax,
                                 kMin, kMax - 1, kMin + 1, kMax / 3, kMin / 3};
    std::vector<int32_t> mults = q15 ? std::vector<int32_t>{0, 1 << 14, (1 << 14) + 1, 32767, 23170, 20000}
                                     : std::vector<int32_t>{0, 1 << 30, (1 << 30) + 1, kMax, 1518500250, 1234567890};
    std::mt19937 rng(3);
    std::uniform_int_distribution<int32_t> any(kMin, kMax);
    for (int i = 0; i < 200; i++) accs.push_back(any(rng));
    std::vector<int32_t> a, m, s, want;
    for (int32_t acc : accs)
        for (int32_t mult : mults)
            for (int shift = q15 ? -15 : -31; shift <= 31; shift++) {
                a.push_back(acc);
                m.push_back(mult);
                s.push_back(shift);
                want.push_back(q15 ? q8::requantize16(acc, mult, shift) : q8::requantize(acc, mult, shift));
            }
    const int n = int(a.size());
    Halide::Runtime::Buffer<int32_t> ab(a.data(), n), mb(m.data(), n), sb(s.data(), n), out(n);
    REQUIRE(run(ab, mb, sb, out) == 0);
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

}  // namespace test
}  // namespace ghostnet
