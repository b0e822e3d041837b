// linear pipelines (generators/linear.cpp + the target's schedule: the matrix-vector product of
// squeeze-excite, the head and the classifiers; cases in tests/op_cases.txt) against the
// references: fp32 against reference::linear, with and without ReLU, over input and output
// counts off the vector width and up to the head's 960 -> 1280; q8 byte for byte against the
// integer reference (q8ref::linear) in the grouped weight layout every q8 network stores, with
// random scales and zero points 0..255.
#include <catch2/catch.hpp>

#include <algorithm>

#include "op_tester.h"
#include "q8_pack.h"

using namespace ghostnet;
using namespace ghostnet::test;

namespace {
// (input, weights, bias or q8 params, output)
using LinearFn = int (*)(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *, halide_buffer_t *);
}  // namespace

TEST_CASE("linear matches the reference over a grid of shapes", "[linear]") {
    const int shapes[][2] = {{1, 1}, {3, 16}, {17, 33}, {64, 8}, {120, 30}, {30, 120}, {960, 1280}, {1280, 10}};
    std::mt19937 rng(23);
    for (const OpCase *c : op_cases("linear_op"))
        for (const auto &s : shapes) {
            const int cin = s[0], cout = s[1];
            CAPTURE(c->name, cin, cout);
            const std::vector<float> in = random_vector(cin, rng, -1.0f, 1.0f);
            const FoldedConv f = random_folded(size_t(cout) * cin, cout, rng, cin);
            std::vector<float> want = reference::linear(in, f.weight, f.bias, cout);
            if (c->flag("relu"))
                for (float &x : want) x = std::max(x, 0.0f);
            PackedConv p = pack_for_op(ConvKind::Linear, cin, cout, 1, f);
            std::vector<float> in_copy = in;
            Halide::Runtime::Buffer<float> in_buf(in_copy.data(), cin);
            Halide::Runtime::Buffer<float> out(cout);
            REQUIRE(c->pipeline<LinearFn>()(in_buf, p.weights, p.bias, out) == 0);
            check_close(std::vector<float>(out.data(), out.data() + cout), want, cin);
        }
}

TEST_CASE("q8 linear with grouped weights equals the integer reference", "[q8][linear]") {
    namespace ref = ghostnet::reference::q8ref;
    const int couts[] = {1, 7, 24, 33, 480};
    std::mt19937 rng(29);
    for (const OpCase *cs : op_cases("linear_q8_op"))
        for (int cout : couts)
            for (bool relu : {false, true}) {
                const int cin = cs->integer("in_channels");
                CAPTURE(cs->name, cout, relu);
                const ConvSpec c = make_linear_spec("fc", cin, cout, relu);
                const q8::ActQuant qin = random_act_quant(rng), qout = random_act_quant(rng);
                const q8::QuantizedConv q = q8::quantize_conv(c, random_folded(c.weight_count(), cout, rng, cin), qin.scale);
                std::vector<int8_t> weights(c.weight_count());
                std::vector<int32_t> params(c.q_params_count());
                q8::pack_conv_weights(c, q, /*grouped=*/true, weights.data());
                q8::pack_conv_params(c, q, /*grouped=*/true, qin, &qout, params.data());
                const ref::Q8Tensor in = random_q8_tensor(cin, 1, 1, rng);
                const std::vector<uint8_t> want = ref::linear(in.d, c, q, qin, qout);

                Halide::Runtime::Buffer<uint8_t> in_buf(const_cast<uint8_t *>(in.d.data()), cin);
                Halide::Runtime::Buffer<int8_t> w(weights.data(), kQ8Group, cout, cin / kQ8Group);
                Halide::Runtime::Buffer<int32_t> p(params.data(), int(params.size()));
                Halide::Runtime::Buffer<uint8_t> out(cout);
                REQUIRE(cs->pipeline<LinearFn>()(in_buf, w, p, out) == 0);
                check_equal(out, cout, [&](int o) { return want[o]; });
            }
}
