// ghostnet-stats' counts (runtime/complexity.h) against the GhostNet paper's published
// parameter and FLOP figures, and against the architecture spec's own parameter count.
#include <catch2/catch.hpp>

#include <cmath>

#include "complexity.h"

using namespace ghostnet;

TEST_CASE("counts reproduce the paper's published figures", "[complexity]") {
    // The paper rounds (and in places truncates: GhostNet 1.3x has 7.36 M parameters as
    // PyTorch counts them, published as 7.3 M), and does not say how it counts the cheap
    // operations' FLOPs; ours are within 2% (parameters) and 3% (MACs) of every figure.
    for (const PublishedFigure &f : published_figures()) {
        const NetworkCost c = figure_cost(f);
        CAPTURE(f.label, c.params(), c.macs());
        CHECK(std::fabs(c.params() / 1e6 - f.params_m) <= 0.02 * f.params_m);
        CHECK(std::fabs(c.macs() / 1e6 - f.macs_m) <= 0.03 * f.macs_m);
    }
}

TEST_CASE("GhostNet's counted parameters equal the architecture spec's tensors", "[complexity]") {
    for (Version v : {Version::V1, Version::V2})
        for (double w : {0.5, 1.0, 1.3}) {
            NetworkConfig c;
            c.width = w;
            c.version = v;
            const NetworkSpec spec = make_ghostnet_spec(c);
            CAPTURE(w, version_name(v));
            CHECK(ghostnet_cost(spec).params() == spec.parameter_count());
        }
}

TEST_CASE("GhostNetV2's DFC attention is counted on the pooled map, its 1x5 and 5x1 convs as such", "[complexity]") {
    NetworkConfig c;
    c.version = Version::V2;
    const NetworkCost cost = ghostnet_cost(make_ghostnet_spec(c));
    auto layer = [&](const std::string &name) -> const LayerCost & {
        for (const LayerCost &l : cost.layers)
            if (l.name == name) return l;
        FAIL("no layer " << name);
        return cost.layers[0];
    };
    // blocks.3.0: 24 -> 72 at 56x56; the attention works at 28x28.
    const LayerCost &conv = layer("blocks.3.0.ghost1.short_conv.0"), &row = layer("blocks.3.0.ghost1.short_conv.2"),
                    &column = layer("blocks.3.0.ghost1.short_conv.4");
    CHECK(conv.macs() == int64_t(72) * 24 * 28 * 28);
    CHECK(row.macs() == int64_t(72) * 5 * 28 * 28);
    CHECK(column.macs() == int64_t(72) * 5 * 28 * 28);
    CHECK(row.params() == 72 * 5 + 2 * 72);
    CHECK(row.kernel_h() == 1);
    CHECK(row.kernel_w() == 5);
    CHECK(column.kernel_h() == 5);
    CHECK(column.kernel_w() == 1);
    for (const LayerCost &l : cost.layers) CHECK(l.name.rfind("blocks.1.0.ghost1.short_conv", 0) != 0);  // blocks 0, 1: none
}

TEST_CASE("layer counts follow the conventions", "[complexity]") {
    const NetworkCost vgg = vgg16_cifar_cost({});
    REQUIRE(vgg.layers.size() == 15);
    CHECK(vgg.layers[0].macs() == int64_t(64) * 3 * 9 * 32 * 32);
    CHECK(vgg.layers[0].params() == 64 * 3 * 9 + 2 * 64);  // weights + BatchNorm gamma, beta
    CHECK(vgg.layers[14].params() == 512 * 10 + 10);       // classifier: weights + bias
    // Ghost-VGG-16 s=2 d=3: the second conv (64 -> 64, 32x32) becomes 64 -> 32 (3x3) and a
    // 3x3 depthwise 32 -> 32.
    const NetworkCost ghost = vgg16_cifar_cost({2, 3});
    REQUIRE(ghost.layers.size() == 15 + 12);
    CHECK(ghost.layers[1].name == "features.1.primary_conv.0");
    CHECK(ghost.layers[1].macs() == int64_t(32) * 64 * 9 * 32 * 32);
    CHECK(ghost.layers[2].macs() == int64_t(32) * 9 * 32 * 32);
    // The paper's point: a Ghost module divides the cost by about s.
    for (int s = 2; s <= 5; s++) {
        const double r = double(vgg.macs()) / vgg16_cifar_cost({s, 3}).macs();
        CAPTURE(s, r);
        CHECK(r > 0.9 * s);
        CHECK(r < 1.02 * s);
    }
}

TEST_CASE("bad plug-and-play choices are errors that say what is allowed", "[complexity][errors]") {
    CHECK_THROWS_WITH(vgg16_cifar_cost({1, 3}), Catch::Contains("s must be >= 2"));
    CHECK_THROWS_WITH(resnet56_cifar_cost({2, 4}), Catch::Contains("d must be odd"));
    CHECK_THROWS_WITH(plug_and_play_cost("alexnet", {}), Catch::Contains("expected ghostnet, vgg16, resnet56 or resnet50"));
}
