// The plug-and-play ghost_module generator against reference::ghost_module, over ratios
// s in {2,3,4}, cheap kernels d in {1,3,5}, a 3x3 stride-2 primary, with and without ReLU.
#include <catch2/catch.hpp>

#include "ghost_module_s2_d1.h"
#include "ghost_module_s2_d3.h"
#include "ghost_module_s2_d5.h"
#include "ghost_module_s3_d3.h"
#include "ghost_module_s3_d5_k3_st2_linear.h"
#include "ghost_module_s4_d3.h"
#include "op_tester.h"

using namespace ghostnet;
using namespace ghostnet::test;

namespace {

using GhostFn = int (*)(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *, halide_buffer_t *,
                        halide_buffer_t *, halide_buffer_t *);
struct OpVariant {
    const char *name;
    GhostFn fn;
    int ratio, k, d, stride;
    bool relu;
};
const OpVariant kVariants[] = {
    {"s2 d1", ghost_module_s2_d1, 2, 1, 1, 1, true},
    {"s2 d3", ghost_module_s2_d3, 2, 1, 3, 1, true},
    {"s2 d5", ghost_module_s2_d5, 2, 1, 5, 1, true},
    {"s3 d3", ghost_module_s3_d3, 3, 1, 3, 1, true},
    {"s4 d3", ghost_module_s4_d3, 4, 1, 3, 1, true},
    {"s3 d5 k3 stride 2 linear", ghost_module_s3_d5_k3_st2_linear, 3, 3, 5, 2, false},
};

// cin, n (output channels; odd n keeps fewer than m * s channels), height, width
struct Shape {
    int cin, n, h, w;
};
const Shape kShapes[] = {{1, 1, 1, 1}, {16, 16, 9, 9}, {3, 7, 5, 6}, {24, 72, 14, 14},
                         {17, 33, 1, 1}, {40, 25, 7, 3}, {8, 120, 4, 4}};

}  // namespace

TEST_CASE("ghost_module matches the reference over s, d, k, stride and shapes", "[ghost_module]") {
    std::mt19937 rng(13);
    for (const OpVariant &v : kVariants) {
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
            const Diff d = compare(from_cxy(out).d, want.d);
            INFO(d.str());
            CHECK(d.max_abs <= tolerance(want.d, s.cin * v.k * v.k * v.d * v.d));
        }
    }
}
