// conv2d pipelines (generators/conv2d.cpp + the target's schedule) against reference::conv2d.
#include <catch2/catch.hpp>

#include "conv2d_k1_s1.h"
#include "conv2d_k3_s1.h"
#include "conv2d_k3_s1_tuned.h"
#include "conv2d_k3_s2_linear.h"
#include "conv2d_k5_s2.h"
#include "op_tester.h"

using namespace ghostnet;
using namespace ghostnet::test;

namespace {

using ConvFn = int (*)(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *, halide_buffer_t *);
struct OpVariant {
    const char *name;
    ConvFn fn;
    int k, stride;
    bool relu;
};
const OpVariant kVariants[] = {
    {"k1 s1 relu", conv2d_k1_s1, 1, 1, true},
    {"k3 s1 relu", conv2d_k3_s1, 3, 1, true},
    {"k3 s2 linear", conv2d_k3_s2_linear, 3, 2, false},
    {"k5 s2 relu", conv2d_k5_s2, 5, 2, true},
    // The hand schedule with tunables conv_vectors=3, conv_pixels=1 (schedules/tunables.h).
    {"k3 s1 relu, tuned tile", conv2d_k3_s1_tuned, 3, 1, true},
};

// cin, cout, height, width: odd sizes, 1x1 spatial, channel counts off the vector width.
struct Shape {
    int cin, cout, h, w;
};
const Shape kShapes[] = {{1, 1, 1, 1},   {3, 16, 9, 7},  {5, 7, 1, 1},  {16, 24, 15, 15},
                         {17, 33, 6, 11}, {8, 8, 2, 2},  {40, 20, 7, 7}, {3, 48, 13, 16}};

}  // namespace

TEST_CASE("conv2d matches the reference over a grid of shapes", "[conv2d]") {
    std::mt19937 rng(7);
    for (const OpVariant &v : kVariants) {
        for (const Shape &s : kShapes) {
            CAPTURE(v.name, s.cin, s.cout, s.h, s.w);
            const Tensor3 in = random_tensor(s.cin, s.h, s.w, rng);
            const FoldedConv f = random_folded(size_t(s.cout) * s.cin * v.k * v.k, s.cout, rng,
                                               s.cin * v.k * v.k);
            Tensor3 want = reference::conv2d(in, f.weight, f.bias.data(), s.cout, v.k, v.stride, 1);
            if (v.relu) want = reference::relu(want);

            PackedConv p = pack_for_op(ConvKind::Dense, s.cin, s.cout, v.k, f);
            auto in_buf = to_cxy(in);
            Halide::Runtime::Buffer<float> out(s.cout, want.w, want.h);
            REQUIRE(v.fn(in_buf, p.weights, p.bias, out) == 0);
            const Diff d = compare(from_cxy(out).d, want.d);
            INFO(d.str());
            CHECK(d.max_abs <= tolerance(want.d, s.cin * v.k * v.k));
        }
    }
}
