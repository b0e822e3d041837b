// Halide's requantization against q8::requantize (runtime/quantization.h): shared by
// test_requantize (this machine) and test_hexagon (the same ops compiled for HVX).
#pragma once

#include <HalideBuffer.h>
#include <catch2/catch.hpp>

#include <functional>
#include <limits>
#include <random>
#include <vector>

#include "quantization.h"

namespace ghostnet {
namespace test {

// Halide's requantize (the requantize_op pipeline, run by `run`) against q8::requantize on
// accumulators, multipliers and shifts at the edges of their ranges, every shift -31..31; with
// q15, requantize16_op against q8::requantize16 (Q15 multipliers, shifts -15..31).
using RunRequantize = std::function<int(Halide::Runtime::Buffer<int32_t> &, Halide::Runtime::Buffer<int32_t> &,
                                        Halide::Runtime::Buffer<int32_t> &, Halide::Runtime::Buffer<int32_t> &)>;
inline void check_requantize(const RunRequantize &run, bool q15) {
    const int32_t kMax = std::numeric_limits<int32_t>::max(), kMin = std::numeric_limits<int32_t>::min();
    std::vector<int32_t> accs = {0, 1, -1, 2, -2, 3, -3, 255, -255, 1 << 20, -(1 << 20), kMax,
                                 kMin, kMax - 1, kMin + 1, kMax / 3, kMin / 3};
    std::vector<int32_t> mults = q15 ? std::vector<int32_t>{0, 1 << 14, (1 << 14) + 1, 32767, 23170, 20000}
                                     : std::vector<int32_t>{0, 1 << 30, (1 << 30) + 1, kMax, 1518500250, 1234567890};
    std::mt19937 rng(3);
    std::uniform_int_distribution<int32_t> any(kMin, kMax);
    for (int i = 0; i < 200; i++) accs.push_back(any(rng));
    std::vector<int32_t> a, m, s, want;
    for (int32_t acc : accs)
        for (int32_t mult : mults)
            for (int shift = q15 ? -15 : -31; shift <= 31; shift++) {
                a.push_back(acc);
                m.push_back(mult);
                s.push_back(shift);
                want.push_back(q15 ? q8::requantize16(acc, mult, shift) : q8::requantize(acc, mult, shift));
            }
    const int n = int(a.size());
    Halide::Runtime::Buffer<int32_t> ab(a.data(), n), mb(m.data(), n), sb(s.data(), n), out(n);
    REQUIRE(run(ab, mb, sb, out) == 0);
    int differ = 0;
    for (int i = 0; i < n; i++) {
        if (out(i) == want[i]) continue;
        if (differ++ < 5) {
            CAPTURE(a[i], m[i], s[i], out(i), want[i]);
            CHECK(out(i) == want[i]);
        }
    }
    CHECK(differ == 0);
}

}  // namespace test
}  // namespace ghostnet
