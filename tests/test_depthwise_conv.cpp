// depthwise_conv pipelines against the references over the shape grid of tests/conv_tester.h:
// fp32 against reference::depthwise_conv; q8 byte for byte against the integer
// reference with random scales, zero points 0..255, with and without ReLU.
#include <catch2/catch.hpp>

#include "conv_tester.h"
#include "depthwise_conv_k1_s1_m3.h"
#include "depthwise_conv_k3_s1.h"
#include "depthwise_conv_k3_s1_m2_relu.h"
#include "depthwise_conv_k3_s2.h"
#include "depthwise_conv_k5_s1.h"
#include "depthwise_conv_k5_s2.h"
#include "depthwise_conv_q8_k3_s1.h"
#include "depthwise_conv_q8_k3_s1_m2.h"
#include "depthwise_conv_q8_k5_s2.h"

using namespace ghostnet;
using namespace ghostnet::test;

TEST_CASE("depthwise_conv matches the reference over a grid of shapes", "[depthwise_conv]") {
    const ConvVariant variants[] = {
        {"k3 s1", depthwise_conv_k3_s1, 3, 1},
        {"k3 s2", depthwise_conv_k3_s2, 3, 2},
        {"k5 s1", depthwise_conv_k5_s1, 5, 1},
        {"k5 s2", depthwise_conv_k5_s2, 5, 2},
        {"k3 s1 x2 relu", depthwise_conv_k3_s1_m2_relu, 3, 1, 2, true},
        {"k1 s1 x3", depthwise_conv_k1_s1_m3, 1, 1, 3},
    };
    std::mt19937 rng(11);
    for (const ConvVariant &v : variants)
        for (const auto &chw : kDepthwiseShapes) {
            const ConvShape s = depthwise_shape(chw, v.multiplier);
            CAPTURE(v.name, s.cin, s.cout, s.h, s.w);
            check_conv(v, ConvKind::Depthwise, s, rng);
        }
}

TEST_CASE("q8 depthwise_conv equals the integer reference over a grid of shapes", "[q8][depthwise_conv]") {
    const ConvVariant variants[] = {{"k3 s1", depthwise_conv_q8_k3_s1, 3, 1},
                                    {"k5 s2", depthwise_conv_q8_k5_s2, 5, 2},
                                    {"k3 s1 multiplier 2", depthwise_conv_q8_k3_s1_m2, 3, 1, 2}};
    std::mt19937 rng(103);
    for (const ConvVariant &v : variants)
        for (const auto &chw : kDepthwiseShapes)
            for (bool relu : {false, true}) {
                const ConvShape s = depthwise_shape(chw, v.multiplier);
                CAPTURE(v.name, s.cin, s.cout, s.h, s.w, relu);
                check_q8_conv(v, ConvKind::Depthwise, s, relu, rng);
            }
}
