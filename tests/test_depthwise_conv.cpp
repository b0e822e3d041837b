// depthwise_conv pipelines (their cases in tests/op_cases.txt) against the references over the
// shape grid of tests/conv_tester.h: fp32 against reference::depthwise_conv; q8 byte for byte
// against the integer reference with random scales, zero points 0..255, with and without ReLU.
#include <catch2/catch.hpp>

#include "conv_tester.h"

using namespace ghostnet;
using namespace ghostnet::test;

TEST_CASE("depthwise_conv matches the reference over a grid of shapes", "[depthwise_conv]") {
    std::mt19937 rng(11);
    for (const OpCase *c : op_cases("depthwise_conv_op")) {
        const ConvVariant v = conv_variant(*c);
        for (const auto &chw : kDepthwiseShapes) {
            const ConvShape s = depthwise_shape(chw, v.multiplier);
            CAPTURE(v.name, s.cin, s.cout, s.h, s.w);
            check_conv(v, ConvKind::Depthwise, s, rng);
        }
    }
}

TEST_CASE("q8 depthwise_conv equals the integer reference over a grid of shapes", "[q8][depthwise_conv]") {
    std::mt19937 rng(103);
    for (const OpCase *c : op_cases("depthwise_conv_q8_op")) {
        const ConvVariant v = conv_variant(*c);
        for (const auto &chw : kDepthwiseShapes)
            for (bool relu : {false, true}) {
                const ConvShape s = depthwise_shape(chw, v.multiplier);
                CAPTURE(v.name, s.cin, s.cout, s.h, s.w, relu);
                check_q8_conv(v, ConvKind::Depthwise, s, relu, rng);
            }
    }
}
