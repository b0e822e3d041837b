// Pooling pipelines (generators/pooling.cpp + the target's schedule; cases in
// tests/op_cases.txt) against the references: global_avg_pool (fp32 against
// reference::global_avg_pool; q8 byte for byte against the integer reference's rounded mean) and
// max_pool, over odd sizes (floor), 1x1 maps, channel counts off the vector width.
#include <catch2/catch.hpp>

#include "op_tester.h"

using namespace ghostnet;
using namespace ghostnet::test;

namespace {
// (channels, height, width): a 1x1 map, odd sizes, channel counts off the vector width, the
// head's 960 x 7 x 7 and a 112 x 112 map (12,544 values summed per channel).
const int kPoolShapes[][3] = {{1, 1, 1}, {3, 5, 4}, {17, 9, 13}, {64, 32, 32}, {512, 2, 2},
                              {5, 3, 7},  {24, 7, 2}, {960, 7, 7},  {16, 112, 112}};
// (input, output)
using PoolFn = int (*)(halide_buffer_t *, halide_buffer_t *);
}  // namespace

TEST_CASE("global_avg_pool matches the reference over a grid of shapes", "[global_avg_pool]") {
    std::mt19937 rng(3);
    for (const OpCase *c : op_cases("global_avg_pool_op"))
        for (const auto &s : kPoolShapes) {
            CAPTURE(c->name, s[0], s[1], s[2]);
            const Tensor3 in = random_tensor(s[0], s[1], s[2], rng);
            const std::vector<float> want = reference::global_avg_pool(in);
            auto in_buf = to_cxy(in);
            Halide::Runtime::Buffer<float> out(s[0]);
            REQUIRE(c->pipeline<PoolFn>()(in_buf, out) == 0);
            check_close(std::vector<float>(out.data(), out.data() + s[0]), want, s[1] * s[2]);
        }
}

TEST_CASE("q8 global_avg_pool equals the integer reference", "[q8][global_avg_pool]") {
    namespace ref = ghostnet::reference::q8ref;
    std::mt19937 rng(11);
    for (const OpCase *c : op_cases("global_avg_pool_q8_op"))
        for (const auto &s : kPoolShapes) {
            // Random bytes, and all 255 (the largest sum) on the last pass of each shape.
            for (bool saturated : {false, true}) {
                CAPTURE(c->name, s[0], s[1], s[2], saturated);
                const ref::Q8Tensor in = random_q8_tensor(s[0], s[1], s[2], rng, saturated ? 255 : -1);
                const std::vector<uint8_t> want = ref::pool(in);
                Halide::Runtime::Buffer<uint8_t> in_buf = to_cxy(in);
                Halide::Runtime::Buffer<uint8_t> out(s[0]);
                REQUIRE(c->pipeline<PoolFn>()(in_buf, out) == 0);
                check_equal(out, s[0], [&](int ch) { return want[ch]; });
            }
        }
}

TEST_CASE("max_pool matches the reference over a grid of shapes", "[max_pool]") {
    std::mt19937 rng(5);
    for (const OpCase *c : op_cases("max_pool_op")) {
        const int k = c->integer("kernel");
        for (const auto &s : kPoolShapes) {
            if (s[1] < k || s[2] < k) continue;  // no output row or column
            CAPTURE(c->name, s[0], s[1], s[2]);
            const Tensor3 in = random_tensor(s[0], s[1], s[2], rng);
            const Tensor3 want = reference::max_pool(in, k);
            auto in_buf = to_cxy(in);
            Halide::Runtime::Buffer<float> out(want.c, want.w, want.h);
            REQUIRE(c->pipeline<PoolFn>()(in_buf, out) == 0);
            const Diff d = compare(from_cxy(out).d, want.d);
            INFO(d.str());
            CHECK(d.max_abs == 0);
        }
    }
}
