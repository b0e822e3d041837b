// conv2d pipelines (generators/conv2d.cpp + the target's schedule) against the references over
// the shape grids of tests/conv_tester.h: fp32 against reference::conv2d; q8 byte for byte
// against the integer reference with random scales, zero points 0..255, with and without ReLU,
// in both weight layouts.
#include <catch2/catch.hpp>

#include "conv2d_k1_s1.h"
#include "conv2d_k3_s1.h"
#include "conv2d_k3_s1_tuned.h"
#include "conv2d_k3_s2_linear.h"
#include "conv2d_k5_s2.h"
#include "conv2d_q8_k1_s1.h"
#include "conv2d_q8_k1_s1_g16.h"
#include "conv2d_q8_k1_s1_g40.h"
#include "conv2d_q8_k1_s1_g40_tuned.h"
#include "conv2d_q8_k3_s2.h"
#include "conv2d_q8_k3_s2_g8.h"
#include "conv2d_q8_k3_s2_g8_w7.h"
#include "conv2d_q8_k1_s1_g40_w7.h"
#include "conv2d_q8_k5_s1.h"
#include "conv_tester.h"

using namespace ghostnet;
using namespace ghostnet::test;

TEST_CASE("conv2d matches the reference over a grid of shapes", "[conv2d]") {
    const ConvVariant variants[] = {
        {"k1 s1 relu", conv2d_k1_s1, 1, 1, 1, true},
        {"k3 s1 relu", conv2d_k3_s1, 3, 1, 1, true},
        {"k3 s2 linear", conv2d_k3_s2_linear, 3, 2, 1, false},
        {"k5 s2 relu", conv2d_k5_s2, 5, 2, 1, true},
        // The hand schedule with tunables conv_vectors=3, conv_pixels=1, threads=1 (rows serial;
        // schedules/tunables.h).
        {"k3 s1 relu, tuned tile", conv2d_k3_s1_tuned, 3, 1, 1, true},
    };
    std::mt19937 rng(7);
    for (const ConvVariant &v : variants)
        for (const ConvShape &s : kConvShapes) {
            CAPTURE(v.name, s.cin, s.cout, s.h, s.w);
            check_conv(v, ConvKind::Dense, s, rng);
        }
}

TEST_CASE("q8 conv2d equals the integer reference over a grid of shapes", "[q8][conv2d]") {
    const ConvVariant variants[] = {{"k1 s1", conv2d_q8_k1_s1, 1, 1},
                                    {"k3 s2", conv2d_q8_k3_s2, 3, 2},
                                    {"k5 s1", conv2d_q8_k5_s1, 5, 1}};
    std::mt19937 rng(101);
    for (const ConvVariant &v : variants)
        for (const ConvShape &s : kConvShapes)
            for (bool relu : {false, true}) {
                CAPTURE(v.name, s.cin, s.cout, s.h, s.w, relu);
                check_q8_conv(v, ConvKind::Dense, s, relu, rng);
            }
}

// The network's layout for cin % 4 == 0: weights in groups of four input channels, reduced as
// one dot product per accumulator lane (schedules: sdot on ARM, pmaddwd pairs on x86).
TEST_CASE("q8 conv2d with grouped weights equals the integer reference", "[q8][conv2d]") {
    const ConvVariant variants[] = {{"k1 s1 cin 16", conv2d_q8_k1_s1_g16, 1, 1, 1, false, 16},
                                    {"k1 s1 cin 40", conv2d_q8_k1_s1_g40, 1, 1, 1, false, 40},
                                    // tunables conv_vectors=2, conv_pixels=7 (schedules/tunables.h)
                                    {"k1 s1 cin 40 tuned tile", conv2d_q8_k1_s1_g40_tuned, 1, 1, 1, false, 40},
                                    {"k3 s2 cin 8", conv2d_q8_k3_s2_g8, 3, 2, 1, false, 8},
                                    // 7-bit weights, products added in int16 pairs (x86: pmaddubsw)
                                    {"k1 s1 cin 40 7-bit", conv2d_q8_k1_s1_g40_w7, 1, 1, 1, false, 40, 7},
                                    {"k3 s2 cin 8 7-bit", conv2d_q8_k3_s2_g8_w7, 3, 2, 1, false, 8, 7}};
    std::mt19937 rng(107);
    for (const ConvVariant &v : variants)
        for (const auto &z : kGroupedConvShapes)
            for (bool relu : {false, true}) {
                const ConvShape s{v.grouped_cin, z[0], z[1], z[2]};
                CAPTURE(v.name, s.cin, s.cout, s.h, s.w, relu);
                check_q8_conv(v, ConvKind::Dense, s, relu, rng);
            }
}
