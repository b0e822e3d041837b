// q8 ops byte for byte against the integer reference (tests/reference/q8.cpp): the
// requantization arithmetic over its edge cases, and conv2d and depthwise conv over shape grids
// (odd sizes, stride 2, 1x1 spatial, channels off the vector width) with random scales, zero
// points from 0 to 255, with and without ReLU; dense convs in both weight layouts. The q8 bottlenecks are in test_ghost_bottleneck.
#include <catch2/catch.hpp>

#include <limits>

#include "conv2d_q8_k1_s1.h"
#include "conv2d_q8_k1_s1_g16.h"
#include "conv2d_q8_k1_s1_g40_tuned.h"
#include "conv2d_q8_k1_s1_g40.h"
#include "conv2d_q8_k3_s2.h"
#include "conv2d_q8_k3_s2_g8.h"
#include "conv2d_q8_k5_s1.h"
#include "depthwise_conv_q8_k3_s1.h"
#include "depthwise_conv_q8_k3_s1_m2.h"
#include "depthwise_conv_q8_k5_s2.h"
#include "q8_op_check.h"
#include "requantize16_op.h"
#include "requantize_op.h"

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

TEST_CASE("q8 conv2d equals the integer reference over a grid of shapes", "[q8][conv2d]") {
    const OpVariant variants[] = {{"k1 s1", conv2d_q8_k1_s1, 1, 1, 1},
                                  {"k3 s2", conv2d_q8_k3_s2, 3, 2, 1},
                                  {"k5 s1", conv2d_q8_k5_s1, 5, 1, 1}};
    const Shape shapes[] = {{1, 1, 1, 1},   {3, 16, 9, 7}, {5, 7, 1, 1},   {16, 24, 15, 15},
                            {17, 33, 6, 11}, {8, 8, 2, 2}, {40, 20, 7, 7}, {3, 48, 13, 16}};
    std::mt19937 rng(101);
    for (const OpVariant &v : variants)
        for (const Shape &s : shapes)
            for (bool relu : {false, true}) {
                CAPTURE(v.name, s.cin, s.cout, s.h, s.w, relu);
                check_q8_conv(v, ConvKind::Dense, s, relu, rng);
            }
}

// The network's layout for cin % 4 == 0: weights in groups of four input channels, reduced as
// one dot product per accumulator lane (schedules: sdot on ARM, pmaddwd pairs on x86).
TEST_CASE("q8 conv2d with grouped weights equals the integer reference", "[q8][conv2d]") {
    const OpVariant variants[] = {{"k1 s1 cin 16", conv2d_q8_k1_s1_g16, 1, 1, 1, 16},
                                  {"k1 s1 cin 40", conv2d_q8_k1_s1_g40, 1, 1, 1, 40},
                                  // tunables conv_vectors=2, conv_pixels=7 (schedules/tunables.h)
                                  {"k1 s1 cin 40 tuned tile", conv2d_q8_k1_s1_g40_tuned, 1, 1, 1, 40},
                                  {"k3 s2 cin 8", conv2d_q8_k3_s2_g8, 3, 2, 1, 8}};
    const int sizes[][3] = {{1, 1, 1}, {7, 9, 5}, {24, 15, 15}, {33, 6, 11}, {16, 2, 2}, {120, 7, 7}};
    std::mt19937 rng(107);
    for (const OpVariant &v : variants)
        for (const auto &z : sizes)
            for (bool relu : {false, true}) {
                const Shape s{v.grouped_cin, z[0], z[1], z[2]};
                CAPTURE(v.name, s.cin, s.cout, s.h, s.w, relu);
                check_q8_conv(v, ConvKind::Dense, s, relu, rng);
            }
}

TEST_CASE("q8 depthwise_conv equals the integer reference over a grid of shapes", "[q8][depthwise_conv]") {
    const OpVariant variants[] = {{"k3 s1", depthwise_conv_q8_k3_s1, 3, 1, 1},
                                  {"k5 s2", depthwise_conv_q8_k5_s2, 5, 2, 1},
                                  {"k3 s1 multiplier 2", depthwise_conv_q8_k3_s1_m2, 3, 1, 2}};
    const int sizes[][3] = {{1, 1, 1}, {7, 9, 5}, {16, 15, 15}, {33, 6, 11}, {24, 2, 2}, {72, 14, 14}};
    std::mt19937 rng(103);
    for (const OpVariant &v : variants)
        for (const auto &z : sizes)
            for (bool relu : {false, true}) {
                const Shape s{z[0], z[0] * v.multiplier, z[1], z[2]};
                CAPTURE(v.name, s.cin, s.cout, s.h, s.w, relu);
                check_q8_conv(v, ConvKind::Depthwise, s, relu, rng);
            }
}
