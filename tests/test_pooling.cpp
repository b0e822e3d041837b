// Pooling pipelines (generators/pooling.cpp + the target's schedule) against the references:
// global_avg_pool (fp32 against reference::global_avg_pool; q8 byte for byte against the
// integer reference's rounded mean) and max_pool, over odd sizes (floor), 1x1 maps, channel
// counts off the vector width.
#include <catch2/catch.hpp>

#include "global_avg_pool_fp32.h"
#include "global_avg_pool_q8.h"
#include "max_pool_k2.h"
#include "max_pool_k3.h"
#include "reference/q8.h"
#include "testutil.h"

using namespace ghostnet;
using namespace ghostnet::test;

namespace {
// (channels, height, width): a 1x1 map, odd sizes, channel counts off the vector width, the
// head's 960 x 7 x 7 and a 112 x 112 map (12,544 values summed per channel).
const int kPoolShapes[][3] = {{1, 1, 1}, {3, 5, 4}, {17, 9, 13}, {64, 32, 32}, {512, 2, 2},
                              {5, 3, 7},  {24, 7, 2}, {960, 7, 7},  {16, 112, 112}};
}  // namespace

TEST_CASE("global_avg_pool matches the reference over a grid of shapes", "[global_avg_pool]") {
    std::mt19937 rng(3);
    for (const auto &s : kPoolShapes) {
        CAPTURE(s[0], s[1], s[2]);
        const Tensor3 in = random_tensor(s[0], s[1], s[2], rng);
        const std::vector<float> want = reference::global_avg_pool(in);
        auto in_buf = to_cxy(in);
        Halide::Runtime::Buffer<float> out(s[0]);
        REQUIRE(global_avg_pool_fp32(in_buf, out) == 0);
        const Diff d = compare(std::vector<float>(out.data(), out.data() + s[0]), want);
        INFO(d.str());
        CHECK(d.max_abs <= tolerance(want, s[1] * s[2]));
    }
}

TEST_CASE("q8 global_avg_pool equals the integer reference", "[q8][global_avg_pool]") {
    namespace ref = ghostnet::reference::q8ref;
    std::mt19937 rng(11);
    std::uniform_int_distribution<int> byte(0, 255);
    for (const auto &s : kPoolShapes) {
        // Random bytes, and all 255 (the largest sum) on the last pass of each shape.
        for (bool saturated : {false, true}) {
            CAPTURE(s[0], s[1], s[2], saturated);
            ref::Q8Tensor in(s[0], s[1], s[2]);
            for (uint8_t &b : in.d) b = saturated ? 255 : uint8_t(byte(rng));
            const std::vector<uint8_t> want = ref::pool(in);
            Halide::Runtime::Buffer<uint8_t> in_buf(s[0], s[2], s[1]);
            for (int y = 0; y < s[1]; y++)
                for (int x = 0; x < s[2]; x++)
                    for (int c = 0; c < s[0]; c++) in_buf(c, x, y) = in.at(c, y, x);
            Halide::Runtime::Buffer<uint8_t> out(s[0]);
            REQUIRE(global_avg_pool_q8(in_buf, out) == 0);
            int differ = 0;
            for (int c = 0; c < s[0]; c++)
                if (out(c) != want[c] && differ++ < 3) {
                    CAPTURE(c, int(out(c)), int(want[c]));
                    CHECK(out(c) == want[c]);
                }
            CHECK(differ == 0);
        }
    }
}

TEST_CASE("max_pool matches the reference over a grid of shapes", "[max_pool]") {
    using PoolFn = int (*)(halide_buffer_t *, halide_buffer_t *);
    const struct {
        PoolFn fn;
        int k;
    } variants[] = {{max_pool_k2, 2}, {max_pool_k3, 3}};
    std::mt19937 rng(5);
    for (const auto &v : variants) {
        for (const auto &s : kPoolShapes) {
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
