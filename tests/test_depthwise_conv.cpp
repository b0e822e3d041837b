// depthwise_conv pipelines against reference::conv2d with groups = channels.
#include <catch2/catch.hpp>

#include "depthwise_conv_k1_s1_m3.h"
#include "depthwise_conv_k3_s1.h"
#include "depthwise_conv_k3_s1_m2_relu.h"
#include "depthwise_conv_k3_s2.h"
#include "depthwise_conv_k5_s1.h"
#include "depthwise_conv_k5_s2.h"
#include "op_tester.h"

using namespace ghostnet;
using namespace ghostnet::test;

namespace {

using DwFn = int (*)(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *, halide_buffer_t *);
struct OpVariant {
    const char *name;
    DwFn fn;
    int k, stride, multiplier;
    bool relu;
};
const OpVariant kVariants[] = {
    {"k3 s1", depthwise_conv_k3_s1, 3, 1, 1, false},
    {"k3 s2", depthwise_conv_k3_s2, 3, 2, 1, false},
    {"k5 s1", depthwise_conv_k5_s1, 5, 1, 1, false},
    {"k5 s2", depthwise_conv_k5_s2, 5, 2, 1, false},
    {"k3 s1 x2 relu", depthwise_conv_k3_s1_m2_relu, 3, 1, 2, true},
    {"k1 s1 x3", depthwise_conv_k1_s1_m3, 1, 1, 3, false},
};

struct Shape {
    int c, h, w;
};
const Shape kShapes[] = {{1, 1, 1}, {3, 5, 4}, {16, 7, 7}, {17, 9, 13}, {24, 14, 14}, {72, 2, 3}, {5, 1, 8}};

}  // namespace

TEST_CASE("depthwise_conv matches the reference over a grid of shapes", "[depthwise_conv]") {
    std::mt19937 rng(11);
    for (const OpVariant &v : kVariants) {
        for (const Shape &s : kShapes) {
            CAPTURE(v.name, s.c, s.h, s.w);
            const int cout = s.c * v.multiplier;
            const Tensor3 in = random_tensor(s.c, s.h, s.w, rng);
            const FoldedConv f = random_folded(size_t(cout) * v.k * v.k, cout, rng, v.k * v.k);
            Tensor3 want = reference::conv2d(in, f.weight, f.bias.data(), cout, v.k, v.stride, s.c);
            if (v.relu) want = reference::relu(want);

            PackedConv p = pack_for_op(ConvKind::Depthwise, s.c, cout, v.k, f);
            auto in_buf = to_cxy(in);
            Halide::Runtime::Buffer<float> out(cout, want.w, want.h);
            REQUIRE(v.fn(in_buf, p.weights, p.bias, out) == 0);
            const Diff d = compare(from_cxy(out).d, want.d);
            INFO(d.str());
            CHECK(d.max_abs <= tolerance(want.d, v.k * v.k));
        }
    }
}
