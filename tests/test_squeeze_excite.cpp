// squeeze_excite pipeline (its case in tests/op_cases.txt) against reference::squeeze_excite.
#include <catch2/catch.hpp>

#include "op_tester.h"

using namespace ghostnet;
using namespace ghostnet::test;

TEST_CASE("squeeze_excite matches the reference over shapes", "[squeeze_excite]") {
    using Fn = int (*)(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *, halide_buffer_t *,
                       halide_buffer_t *, halide_buffer_t *);
    struct Shape {
        int c, reduced, h, w;
    };
    const Shape shapes[] = {{1, 1, 1, 1}, {72, 20, 28, 28}, {17, 4, 3, 5}, {120, 32, 7, 7}, {960, 240, 1, 1}, {40, 12, 2, 9}};
    std::mt19937 rng(17);
    for (const OpCase *c : op_cases("squeeze_excite_op"))
        for (const Shape &s : shapes) {
            CAPTURE(c->name, s.c, s.reduced, s.h, s.w);
            const Tensor3 in = random_tensor(s.c, s.h, s.w, rng);
            // Gate inputs spread across relu6's linear part and both saturated ends.
            const FoldedConv reduce = random_folded(size_t(s.reduced) * s.c, s.reduced, rng, s.c / 4 + 1);
            const FoldedConv expand = random_folded(size_t(s.c) * s.reduced, s.c, rng, 1);
            const Tensor3 want = reference::squeeze_excite(in, reduce.weight, reduce.bias, expand.weight, expand.bias);

            PackedConv pr = pack_for_op(ConvKind::Linear, s.c, s.reduced, 1, reduce);
            PackedConv pe = pack_for_op(ConvKind::Linear, s.reduced, s.c, 1, expand);
            auto in_buf = to_cxy(in);
            Halide::Runtime::Buffer<float> out(s.c, s.w, s.h);
            REQUIRE(c->pipeline<Fn>()(in_buf, pr.weights, pr.bias, pe.weights, pe.bias, out) == 0);
            check_close(out, want, s.c * s.h * s.w);
        }
}
