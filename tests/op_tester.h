// The steps every op test takes: random inputs, weights packed into the Halide buffers the op
// pipelines take via the runtime's own packing (runtime/weights.h, so op tests also cover the
// layouts), random q8 quantizations, and the comparison of a pipeline's output with the
// reference's. The cases come from tests/op_cases.txt (op_cases.h).
#pragma once

#include <catch2/catch.hpp>

#include <HalideBuffer.h>

#include <random>
#include <set>
#include <vector>

#include "op_cases.h"
#include "quantization.h"
#include "reference/q8.h"
#include "testutil.h"

namespace ghostnet {
namespace test {

// A conv's packed weights and bias, kept alive with Halide buffers viewing them.
struct PackedConv {
    std::vector<float> storage;
    std::vector<float> rows;  // Linear: the weights [cin][cout]
    Halide::Runtime::Buffer<float> weights, bias;
};

// kind Dense: weights (co, ci, kx, ky); Depthwise: (c, kx, ky); Linear: (co, ci), in rows of
// cout (the linear op takes any (co, ci) view; the networks' blocked layout, kLinearBlock, is
// tested through the head and the networks).
inline PackedConv pack_for_op(ConvKind kind, int cin, int cout, int k, const FoldedConv &f) {
    ConvSpec c = make_conv_spec("", "", kind, cin, cout, k, 1, false);
    std::vector<ConvSpec *> one{&c};
    PackedConv p;
    p.storage.assign(assign_offsets(one), 0.0f);
    pack_conv(c, f, &p.storage);
    float *w = p.storage.data() + c.weight_offset;
    switch (kind) {
    case ConvKind::Dense: p.weights = Halide::Runtime::Buffer<float>(w, cout, cin, k, k); break;
    case ConvKind::Depthwise: p.weights = Halide::Runtime::Buffer<float>(w, cout, k, k); break;
    case ConvKind::Linear:
        p.rows.resize(size_t(cin) * cout);
        for (int o = 0; o < cout; o++)
            for (int i = 0; i < cin; i++) p.rows[size_t(i) * cout + o] = f.weight[size_t(o) * cin + i];
        p.weights = Halide::Runtime::Buffer<float>(p.rows.data(), cout, cin);
        break;
    }
    p.bias = Halide::Runtime::Buffer<float>(p.storage.data() + c.bias_offset, cout);
    return p;
}

inline FoldedConv random_folded(size_t weights, int cout, std::mt19937 &rng, int fan_in) {
    return {random_normal(weights, rng, 1.0f / std::sqrt(float(fan_in))),
            random_vector(cout, rng, -0.5f, 0.5f)};
}

// A random activation quantization: scale in [lo, hi), zero point 0..255.
inline q8::ActQuant random_act_quant(std::mt19937 &rng, float lo = 0.005f, float hi = 0.05f) {
    std::uniform_real_distribution<float> scale(lo, hi);
    std::uniform_int_distribution<int32_t> zp(0, 255);
    const float s = scale(rng);
    return {s, zp(rng)};
}

// A q8 tensor (c, y, x) of random bytes, or of `fill` everywhere when it is 0..255.
inline reference::q8ref::Q8Tensor random_q8_tensor(int c, int h, int w, std::mt19937 &rng, int fill = -1) {
    reference::q8ref::Q8Tensor t(c, h, w);
    std::uniform_int_distribution<int> byte(0, 255);
    for (uint8_t &b : t.d) b = uint8_t(fill >= 0 ? fill : byte(rng));
    return t;
}

// The pipelines' layout (c, x, y) of a q8 tensor.
inline Halide::Runtime::Buffer<uint8_t> to_cxy(const reference::q8ref::Q8Tensor &t) {
    Halide::Runtime::Buffer<uint8_t> b(t.c, t.w, t.h);
    for (int y = 0; y < t.h; y++)
        for (int x = 0; x < t.w; x++)
            for (int c = 0; c < t.c; c++) b(c, x, y) = t.at(c, y, x);
    return b;
}

// Integer outputs equal the reference's, every element: `out` (c, x, y) of a c x h x w map
// against want(c, y, x), or a vector out(i) against want(i). The first few that differ are
// reported with their place. Returns how many distinct values the reference holds, for the
// callers whose data should vary (a saturated or constant output makes equality hollow).
template <typename T, typename Want>
int check_equal(const Halide::Runtime::Buffer<T> &out, int channels, int h, int w, Want want, int report = 3) {
    int differ = 0;
    std::set<int64_t> distinct;
    for (int c = 0; c < channels; c++)
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                const int64_t got = out(c, x, y), expected = want(c, y, x);
                distinct.insert(expected);
                if (got != expected && differ++ < report) {
                    CAPTURE(c, x, y, got, expected);
                    CHECK(got == expected);
                }
            }
    CHECK(differ == 0);
    return int(distinct.size());
}
template <typename T, typename Want>
int check_equal(const Halide::Runtime::Buffer<T> &out, int n, Want want, int report = 3) {
    int differ = 0;
    std::set<int64_t> distinct;
    for (int i = 0; i < n; i++) {
        const int64_t got = out(i), expected = want(i);
        distinct.insert(expected);
        if (got != expected && differ++ < report) {
            CAPTURE(i, got, expected);
            CHECK(got == expected);
        }
    }
    CHECK(differ == 0);
    return int(distinct.size());
}
// ... against a q8 reference tensor of the output's shape.
inline int check_equal(const Halide::Runtime::Buffer<uint8_t> &out, const reference::q8ref::Q8Tensor &want,
                       int report = 3) {
    return check_equal(out, want.c, want.h, want.w, [&](int c, int y, int x) { return want.at(c, y, x); }, report);
}

// fp32 outputs within the tolerance of a sum of `terms` products (testutil.h: tolerance).
inline void check_close(const std::vector<float> &got, const std::vector<float> &want, int terms) {
    const Diff d = compare(got, want);
    INFO(d.str());
    CHECK(d.max_abs <= tolerance(want, terms));
}
inline void check_close(const Halide::Runtime::Buffer<float> &out, const Tensor3 &want, int terms) {
    check_close(from_cxy(out).d, want.d, terms);
}

}  // namespace test
}  // namespace ghostnet
