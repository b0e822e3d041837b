// conv2d pipelines (generators/conv2d.cpp + the target's schedule; their cases in
// tests/op_cases.txt) against the references over the shape grids of tests/conv_tester.h: fp32
// against reference::conv2d; q8 byte for byte against the integer reference with random scales,
// zero points 0..255, with and without ReLU, in both weight layouts (cin at run time, and the
// networks' groups of four input channels for a fixed cin: sdot on ARM, pmaddwd / vpdpbusd on
// x86, pmaddubsw pairs for 7-bit weights on x86 without VNNI).
#include <catch2/catch.hpp>

#include "conv_tester.h"

using namespace ghostnet;
using namespace ghostnet::test;

TEST_CASE("conv2d matches the reference over a grid of shapes", "[conv2d]") {
    std::mt19937 rng(7);
    for (const OpCase *c : op_cases("conv2d_op")) {
        const ConvVariant v = conv_variant(*c);
        for (const ConvShape &s : kConvShapes) {
            CAPTURE(v.name, s.cin, s.cout, s.h, s.w);
            check_conv(v, ConvKind::Dense, s, rng);
        }
    }
}

TEST_CASE("q8 conv2d equals the integer reference over a grid of shapes", "[q8][conv2d]") {
    std::mt19937 rng(101);
    for (const OpCase *c : op_cases("conv2d_q8_op")) {
        const ConvVariant v = conv_variant(*c);
        for_each_q8_conv_shape(v, [&](const ConvShape &s, bool relu) {
            CAPTURE(v.name, s.cin, s.cout, s.h, s.w, relu);
            check_q8_conv(v, ConvKind::Dense, s, relu, rng);
        });
    }
}
