// Halide's requantization (generators/tensor.h: requantize, and the Q15 form) byte for byte
// against q8::requantize over its edge cases: accumulators and multipliers at the ends of their
// ranges, every shift.
#include <catch2/catch.hpp>

#include "requantize16_op.h"
#include "requantize_op.h"
#include "requantize_check.h"

using namespace ghostnet;
using namespace ghostnet::test;

TEST_CASE("Halide's requantize equals q8::requantize on the edge cases", "[q8][requantize]") {
    check_requantize([](Halide::Runtime::Buffer<int32_t> &a, Halide::Runtime::Buffer<int32_t> &m,
                        Halide::Runtime::Buffer<int32_t> &s, Halide::Runtime::Buffer<int32_t> &out) {
        return requantize_op(a, m, s, out);
    }, /*q15=*/false);
}

TEST_CASE("Halide's requantize16 equals q8::requantize16 on the edge cases", "[q8][requantize]") {
    check_requantize([](Halide::Runtime::Buffer<int32_t> &a, Halide::Runtime::Buffer<int32_t> &m,
                        Halide::Runtime::Buffer<int32_t> &s, Halide::Runtime::Buffer<int32_t> &out) {
        return requantize16_op(a, m, s, out);
    }, /*q15=*/true);
}
