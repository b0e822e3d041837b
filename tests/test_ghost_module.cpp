// The plug-and-play ghost_module generator against reference::ghost_module, over its cases in
// tests/op_cases.txt (ratios s in {2,3,4}, cheap kernels d in {1,3,5}, a 3x3 stride-2 primary,
// with and without ReLU); ghost_module_q8 against the integer reference.
#include <catch2/catch.hpp>

#include "ghost_module_s2_d3.h"
#include "op_tester.h"
#include "q8_pack.h"

using namespace ghostnet;
using namespace ghostnet::test;

namespace {

using GhostFn = int (*)(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *, halide_buffer_t *,
                        halide_buffer_t *, halide_buffer_t *);

// What a case was compiled with (its row of tests/op_cases.txt).
struct GhostModuleVariant {
    const char *name;
    GhostFn fn;
    int ratio, k, d, stride;
    bool relu;  // fp32; q8 takes it from the module's spec
};
GhostModuleVariant variant(const OpCase &c) {
    const bool q8 = std::string(c.generator) == "ghost_module_q8";
    return {c.name, c.pipeline<GhostFn>(), c.integer("ratio"), c.integer("kernel"), c.integer("dw_kernel"),
            c.integer("stride"), !q8 && c.flag("relu")};
}

// cin, n (output channels; odd n keeps fewer than m * s channels), height, width
struct Shape {
    int cin, n, h, w;
};
const Shape kShapes[] = {{1, 1, 1, 1}, {16, 16, 9, 9}, {3, 7, 5, 6}, {24, 72, 14, 14},
                         {17, 33, 1, 1}, {40, 25, 7, 3}, {8, 120, 4, 4}};

}  // namespace

TEST_CASE("ghost_module matches the reference over s, d, k, stride and shapes", "[ghost_module]") {
    std::mt19937 rng(13);
    for (const OpCase *c : op_cases("ghost_module")) {
        const GhostModuleVariant v = variant(*c);
        for (const Shape &s : kShapes) {
            CAPTURE(v.name, s.cin, s.n, s.h, s.w);
            const int m = (s.n + v.ratio - 1) / v.ratio;
            const int ghosts = m * (v.ratio - 1);
            const Tensor3 in = random_tensor(s.cin, s.h, s.w, rng);
            const FoldedConv primary = random_folded(size_t(m) * s.cin * v.k * v.k, m, rng, s.cin * v.k * v.k);
            const FoldedConv cheap = random_folded(size_t(ghosts) * v.d * v.d, ghosts, rng, v.d * v.d);
            const Tensor3 want = reference::ghost_module(in, primary.weight, primary.bias, cheap.weight,
                                                         cheap.bias, s.n, v.ratio, v.k, v.d, v.stride, v.relu);

            PackedConv pp = pack_for_op(ConvKind::Dense, s.cin, m, v.k, primary);
            PackedConv pc = pack_for_op(ConvKind::Depthwise, m, ghosts, v.d, cheap);
            auto in_buf = to_cxy(in);
            Halide::Runtime::Buffer<float> out(s.n, want.w, want.h);
            REQUIRE(v.fn(in_buf, pp.weights, pp.bias, pc.weights, pc.bias, out) == 0);
            check_close(out, want, s.cin * v.k * v.k * v.d * v.d);
        }
    }
}

// ghost_module_q8 byte for byte against the integer reference, with random scales and zero
// points, weights packed by q8::pack_ghost_module as a user would.
TEST_CASE("ghost_module_q8 equals the integer reference over s, d, k, stride and shapes",
          "[ghost_module][q8]") {
    std::mt19937 rng(17);
    for (const OpCase *c : op_cases("ghost_module_q8")) {
        const GhostModuleVariant v = variant(*c);
        for (const Shape &s : kShapes) {
            for (bool relu : {false, true}) {
                CAPTURE(v.name, s.cin, s.n, s.h, s.w, relu);
                const GhostModuleSpec g =
                    make_ghost_module_spec("ghost", s.cin, s.n, v.ratio, v.k, v.d, v.stride, relu);
                const q8::ActQuant qin = random_act_quant(rng), qout = random_act_quant(rng);
                reference::q8ref::Q8Model model;
                model.acts[g.primary.act_in] = qin;
                model.acts[g.primary.act_out] = qout;
                const FoldedConv pf = random_folded(g.primary.weight_count(), g.primary.cout, rng,
                                                    s.cin * v.k * v.k);
                const FoldedConv cf = random_folded(g.cheap.weight_count(), g.cheap.cout, rng, v.d * v.d);
                const q8::QuantizedConv &pq = model.convs[g.primary.weight] =
                    q8::quantize_conv(g.primary, pf, qin.scale);
                const q8::QuantizedConv &cq = model.convs[g.cheap.weight] =
                    q8::quantize_conv(g.cheap, cf, qout.scale);

                const reference::q8ref::Q8Tensor in = random_q8_tensor(s.cin, s.h, s.w, rng);
                const reference::q8ref::Q8Tensor want = reference::q8ref::ghost_module(in, g, model);

                q8::PackedGhostModuleQ8 p = q8::pack_ghost_module(g, pq, cq, qin, qout);
                const int m = g.primary.cout, ghosts = g.cheap.cout;
                Halide::Runtime::Buffer<uint8_t> in_buf = to_cxy(in);
                Halide::Runtime::Buffer<int8_t> pw(p.primary_weights.data(), m, s.cin, v.k, v.k);
                Halide::Runtime::Buffer<int32_t> pp(p.primary_params.data(), int(p.primary_params.size()));
                Halide::Runtime::Buffer<int8_t> cw(p.cheap_weights.data(), ghosts, v.d, v.d);
                Halide::Runtime::Buffer<int32_t> cp(p.cheap_params.data(), int(p.cheap_params.size()));
                Halide::Runtime::Buffer<uint8_t> out(s.n, want.w, want.h);
                REQUIRE(v.fn(in_buf, pw, pp, cw, cp, out) == 0);
                check_equal(out, want);
            }
        }
    }
}

// The runtime shapes are checked by the pipeline: cheap weights with another kernel than the
// generator's d, or an output asking for more channels than m + (the cheap op's ghost maps),
// are refused (Halide's bounds error, a non-zero return), not read out of bounds.
TEST_CASE("ghost_module refuses cheap weights and outputs of the wrong shape", "[ghost_module][errors]") {
    std::mt19937 rng(19);
    const int cin = 8, n = 16, m = 8, h = 5, w = 7;  // s = 2, d = 3: 8 ghost maps
    const FoldedConv primary = random_folded(size_t(m) * cin, m, rng, cin);
    const FoldedConv cheap3 = random_folded(size_t(m) * 9, m, rng, 9);
    const FoldedConv cheap5 = random_folded(size_t(m) * 25, m, rng, 25);
    PackedConv pp = pack_for_op(ConvKind::Dense, cin, m, 1, primary);
    PackedConv pc3 = pack_for_op(ConvKind::Depthwise, m, m, 3, cheap3);
    PackedConv pc5 = pack_for_op(ConvKind::Depthwise, m, m, 5, cheap5);
    Halide::Runtime::Buffer<float> in(cin, w, h);
    in.fill(0.5f);
    Halide::Runtime::Buffer<float> out(n, w, h), wide(n + 2, w, h);
    REQUIRE(ghost_module_s2_d3(in, pp.weights, pp.bias, pc3.weights, pc3.bias, out) == 0);
    CHECK(ghost_module_s2_d3(in, pp.weights, pp.bias, pc5.weights, pc5.bias, out) != 0);
    CHECK(ghost_module_s2_d3(in, pp.weights, pp.bias, pc3.weights, pc3.bias, wide) != 0);
}
