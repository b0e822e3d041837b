// linear pipelines (generators/linear.cpp + the target's schedule: the matrix-vector product of
// squeeze-excite, the head and the classifiers) against the references: fp32 against
// reference::linear, with and without ReLU, over input and output counts off the vector width
// and up to the head's 960 -> 1280; q8 byte for byte against the integer reference
// (q8ref::linear) in the grouped weight layout every q8 network stores, with random scales and
// zero points 0..255.
#include <catch2/catch.hpp>

#include <algorithm>

#include "conv_tester.h"
#include "linear_fp32.h"
#include "linear_fp32_relu.h"
#include "linear_q8_c16.h"
#include "linear_q8_c120.h"

using namespace ghostnet;
using namespace ghostnet::test;

namespace {
// (input, weights, bias or q8 params, output)
using LinearFn = int (*)(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *, halide_buffer_t *);
}  // namespace

TEST_CASE("linear matches the reference over a grid of shapes", "[linear]") {
    const struct {
        const char *name;
        LinearFn fn;
        bool relu;
    } variants[] = {{"linear", linear_fp32, false}, {"relu", linear_fp32_relu, true}};
    const int shapes[][2] = {{1, 1}, {3, 16}, {17, 33}, {64, 8}, {120, 30}, {30, 120}, {960, 1280}, {1280, 10}};
    std::mt19937 rng(23);
    for (const auto &v : variants)
        for (const auto &s : shapes) {
            const int cin = s[0], cout = s[1];
            CAPTURE(v.name, cin, cout);
            const std::vector<float> in = random_vector(cin, rng, -1.0f, 1.0f);
            const FoldedConv f = random_folded(size_t(cout) * cin, cout, rng, cin);
            std::vector<float> want = reference::linear(in, f.weight, f.bias, cout);
            if (v.relu)
                for (float &x : want) x = std::max(x, 0.0f);
            PackedConv p = pack_for_op(ConvKind::Linear, cin, cout, 1, f);
            std::vector<float> in_copy = in;
            Halide::Runtime::Buffer<float> in_buf(in_copy.data(), cin);
            Halide::Runtime::Buffer<float> out(cout);
            REQUIRE(v.fn(in_buf, p.weights, p.bias, out) == 0);
            const Diff d = compare(std::vector<float>(out.data(), out.data() + cout), want);
            INFO(d.str());
            CHECK(d.max_abs <= tolerance(want, cin));
        }
}

TEST_CASE("q8 linear with grouped weights equals the integer reference", "[q8][linear]") {
    const struct {
        const char *name;
        LinearFn fn;
        int cin;
    } variants[] = {{"cin 16", linear_q8_c16, 16}, {"cin 120", linear_q8_c120, 120}};
    const int couts[] = {1, 7, 24, 33, 480};
    std::mt19937 rng(29);
    std::uniform_real_distribution<float> scale(0.005f, 0.05f);
    std::uniform_int_distribution<int32_t> zp(0, 255);
    std::uniform_int_distribution<int> byte(0, 255);
    for (const auto &v : variants)
        for (int cout : couts)
            for (bool relu : {false, true}) {
                CAPTURE(v.name, cout, relu);
                const ConvSpec c = make_linear_spec("fc", v.cin, cout, relu);
                const q8::ActQuant qin{scale(rng), zp(rng)}, qout{scale(rng), zp(rng)};
                const q8::QuantizedConv q = q8::quantize_conv(c, random_folded(c.weight_count(), cout, rng, v.cin), qin.scale);
                std::vector<int8_t> weights(c.weight_count());
                std::vector<int32_t> params(c.q_params_count());
                q8::pack_conv_weights(c, q, /*grouped=*/true, weights.data());
                q8::pack_conv_params(c, q, /*grouped=*/true, qin, &qout, params.data());
                std::vector<uint8_t> in(v.cin);
                for (uint8_t &b : in) b = uint8_t(byte(rng));
                const std::vector<uint8_t> want = ref::linear(in, c, q, qin, qout);

                Halide::Runtime::Buffer<uint8_t> in_buf(in.data(), v.cin);
                Halide::Runtime::Buffer<int8_t> w(weights.data(), kQ8Group, cout, v.cin / kQ8Group);
                Halide::Runtime::Buffer<int32_t> p(params.data(), int(params.size()));
                Halide::Runtime::Buffer<uint8_t> out(cout);
                REQUIRE(v.fn(in_buf, w, p, out) == 0);
                int differ = 0;
                for (int o = 0; o < cout; o++)
                    if (out(o) != want[o] && differ++ < 3) {
                        CAPTURE(o, int(out(o)), int(want[o]));
                        CHECK(out(o) == want[o]);
                    }
                CHECK(differ == 0);
            }
}
