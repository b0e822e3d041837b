// max_pool pipelines against reference::max_pool: odd sizes (floor), 1x1, channel counts off
// the vector width.
#include <catch2/catch.hpp>

#include "max_pool_k2.h"
#include "max_pool_k3.h"
#include "testutil.h"

using namespace ghostnet;
using namespace ghostnet::test;

TEST_CASE("max_pool matches the reference over a grid of shapes", "[max_pool]") {
    using PoolFn = int (*)(halide_buffer_t *, halide_buffer_t *);
    const struct {
        PoolFn fn;
        int k;
    } variants[] = {{max_pool_k2, 2}, {max_pool_k3, 3}};
    const int shapes[][3] = {{1, 2, 2}, {3, 5, 4}, {17, 9, 13}, {64, 32, 32}, {512, 2, 2}, {5, 3, 7}, {24, 7, 2}};
    std::mt19937 rng(5);
    for (const auto &v : variants) {
        for (const auto &s : shapes) {
            if (s[1] < v.k || s[2] < v.k) continue;  // no output row or column
            CAPTURE(v.k, s[0], s[1], s[2]);
            const Tensor3 in = random_tensor(s[0], s[1], s[2], rng);
            const Tensor3 want = reference::max_pool(in, v.k);
            auto in_buf = to_cxy(in);
            Halide::Runtime::Buffer<float> out(want.c, want.w, want.h);
            REQUIRE(v.fn(in_buf, out) == 0);
            const Diff d = compare(from_cxy(out).d, want.d);
            INFO(d.str());
            CHECK(d.max_abs == 0);
        }
    }
}
