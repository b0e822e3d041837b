// The architecture spec: width rounding, published sizes, timm tensor names, layer groups.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "ghostnet_arch.h"
#include "layer_group.h"
#include "testutil.h"

using namespace ghostnet;

TEST_CASE("make_divisible rounds as the official _make_divisible", "[arch]") {
    CHECK(make_divisible(16 * 0.5, 4) == 8);
    CHECK(make_divisible(16 * 1.3, 4) == 20);
    CHECK(make_divisible(72 * 0.25, 4) == 20);  // 18 -> 20 (nearest, ties up)
    CHECK(make_divisible(120 * 0.25, 4) == 32);  // 30 -> 32
    CHECK(make_divisible(1.0, 4) == 4);         // never below the divisor
    CHECK(make_divisible(960 * 1.3, 4) == 1248);
    CHECK(make_divisible(11.0, 8) == 16);       // 8 would be more than 10% below 11
}

TEST_CASE("GhostNet widths have the published parameter counts", "[arch]") {
    // Han et al. Table 7 / timm: 0.5x 2.6M, 1.0x 5.2M, 1.3x 7.3M (1000 classes).
    const std::pair<double, int64_t> expected[] = {{0.5, 2587292}, {1.0, 5182508}, {1.3, 7358820}};
    for (const auto &e : expected) {
        NetworkConfig cfg;
        cfg.width = e.first;
        CAPTURE(e.first);
        CHECK(make_ghostnet_spec(cfg).parameter_count() == e.second);
    }
}

TEST_CASE("GhostNet 1.0x names and shapes its tensors as timm does", "[arch]") {
    const NetworkSpec spec = make_ghostnet_spec({});
    std::map<std::string, std::vector<int64_t>> t;
    for (const TensorSpec &ts : spec.tensors()) {
        REQUIRE(t.count(ts.name) == 0);  // no duplicates
        t[ts.name] = ts.shape;
    }
    CHECK(t.at("conv_stem.weight") == std::vector<int64_t>{16, 3, 3, 3});
    CHECK(t.at("bn1.running_var") == std::vector<int64_t>{16});
    CHECK(t.at("blocks.6.3.ghost1.primary_conv.0.weight") == std::vector<int64_t>{240, 80, 1, 1});
    CHECK(t.at("blocks.6.3.ghost1.cheap_operation.0.weight") == std::vector<int64_t>{240, 1, 3, 3});
    CHECK(t.at("blocks.6.3.se.conv_reduce.bias") == std::vector<int64_t>{120});
    CHECK(t.at("blocks.3.0.shortcut.2.weight") == std::vector<int64_t>{40, 24, 1, 1});
    CHECK(t.at("blocks.3.0.conv_dw.weight") == std::vector<int64_t>{72, 1, 5, 5});
    CHECK(t.at("blocks.9.0.conv.weight") == std::vector<int64_t>{960, 160, 1, 1});
    CHECK(t.at("conv_head.bias") == std::vector<int64_t>{1280});
    CHECK(t.at("classifier.weight") == std::vector<int64_t>{1000, 1280});
    CHECK(spec.blocks.size() == 16);
    CHECK(spec.head_h == 7);
}

TEST_CASE("invalid configurations are refused with the field named", "[arch]") {
    NetworkConfig cfg;
    cfg.width = 0;
    REQUIRE_THROWS_WITH(make_ghostnet_spec(cfg), Catch::Contains("width"));
    cfg = {};
    cfg.in_channels = 0;
    REQUIRE_THROWS_WITH(make_ghostnet_spec(cfg), Catch::Contains("in_channels"));
    cfg = {};
    cfg.input_size = 2;
    REQUIRE_THROWS_WITH(make_ghostnet_spec(cfg), Catch::Contains("input_size"));
}

TEST_CASE("the small variant keeps 32x32 inputs at 4x4 before the head", "[arch]") {
    NetworkConfig cfg;
    cfg.variant = Variant::Small;
    cfg.input_size = 32;
    cfg.in_channels = 1;
    cfg.num_classes = 10;
    const NetworkSpec spec = make_ghostnet_spec(cfg);
    CHECK(spec.stem_h == 32);
    CHECK(spec.head_h == 4);
}

TEST_CASE("network names round-trip through parse_network_name", "[arch]") {
    const NetworkConfig small = test::small_config();
    NetworkConfig wide;
    wide.width = 1.3;
    wide.num_classes = 100;
    CHECK(network_name(NetworkConfig(), false) == "ghostnet_w100_s224");
    CHECK(network_name(small, false) == "ghostnet_w050_s32_c1_k10_small");
    CHECK(network_name(wide, true) == "ghostnet_w130_s224_k100_q8");
    for (const NetworkConfig &c : {NetworkConfig(), small, wide})
        for (bool q8 : {false, true}) {
            NetworkConfig back;
            bool back_q8 = !q8;
            REQUIRE(parse_network_name(network_name(c, q8), &back, &back_q8));
            CHECK(back.width == Approx(c.width));
            CHECK(back.input_size == c.input_size);
            CHECK(back.in_channels == c.in_channels);
            CHECK(back.num_classes == c.num_classes);
            CHECK(back.variant == c.variant);
            CHECK(back_q8 == q8);
        }
    NetworkConfig unused;
    bool q8 = false;
    for (const char *bad : {"ghostnet_w100", "ghostnet_w100_s224_c3", "ghostnet_w100_s224_k1000", "ghostnet_w1000_s224",
                            "ghostnet_w100_s0", "ghostnet_w100_s224_q8_small", "resnet56", "ghostnet_w100_s99999999999"})
        CHECK_FALSE(parse_network_name(bad, &unused, &q8));
}

TEST_CASE("GhostNetV2 names its DFC attention's tensors as timm does, from the third block on", "[arch]") {
    NetworkConfig cfg;
    cfg.version = Version::V2;
    const NetworkSpec spec = make_ghostnet_spec(cfg);
    std::map<std::string, std::vector<int64_t>> t;
    for (const TensorSpec &ts : spec.tensors()) {
        REQUIRE(t.count(ts.name) == 0);
        t[ts.name] = ts.shape;
    }
    // timm's ghostnetv2_100: 6,156,908 parameters (GhostNetV2 paper: 6.1 M).
    CHECK(spec.parameter_count() == 6156908);
    CHECK(spec.describe() == "GhostNetV2 1x (imagenet), 224x224x3, 1000 classes");
    CHECK(t.count("blocks.1.0.ghost1.short_conv.0.weight") == 0);  // timm: layer_idx > 1
    CHECK(t.at("blocks.2.0.ghost1.short_conv.0.weight") == std::vector<int64_t>{72, 24, 1, 1});
    CHECK(t.at("blocks.6.3.ghost1.short_conv.1.running_var") == std::vector<int64_t>{480});
    CHECK(t.at("blocks.6.3.ghost1.short_conv.2.weight") == std::vector<int64_t>{480, 1, 1, 5});
    CHECK(t.at("blocks.6.3.ghost1.short_conv.4.weight") == std::vector<int64_t>{480, 1, 5, 1});
    CHECK(t.at("blocks.6.3.ghost1.short_conv.5.bias") == std::vector<int64_t>{480});
    CHECK(t.count("blocks.6.3.ghost2.short_conv.0.weight") == 0);  // the second module stays V1
    CHECK(t.at("blocks.6.3.ghost1.primary_conv.0.weight") == std::vector<int64_t>{240, 80, 1, 1});
    int with_dfc = 0;
    for (const BottleneckSpec &b : spec.blocks) with_dfc += b.ghost1.dfc;
    CHECK(with_dfc == 14);
    // A 1-pixel map cannot be pooled 2x2: the block is named.
    cfg.input_size = 8;  // 4x4 after the stem, 1x1 from blocks.3.0 on
    REQUIRE_THROWS_WITH(make_ghostnet_spec(cfg), Catch::Contains("blocks.4.0") && Catch::Contains("DFC attention") &&
                                                     Catch::Contains("1x1"));
    cfg.version = Version::V1;
    CHECK_NOTHROW(make_ghostnet_spec(cfg));
}

TEST_CASE("GhostNetV3's checkpoint holds timm's training-time branches instead of the folded convs", "[arch]") {
    NetworkConfig cfg;
    cfg.version = Version::V3;
    const NetworkSpec spec = make_ghostnet_spec(cfg);
    std::map<std::string, std::vector<int64_t>> t;
    for (const TensorSpec &ts : spec.tensors()) {
        REQUIRE(t.count(ts.name) == 0);
        t[ts.name] = ts.shape;
    }
    for (const char *folded : {"blocks.6.3.ghost1.primary_conv.0.weight", "blocks.6.3.ghost1.cheap_operation.0.weight",
                               "blocks.6.3.ghost1.primary_conv.1.weight", "blocks.3.0.conv_dw.weight",
                               "blocks.3.0.bn_dw.weight"})
        CHECK(t.count(folded) == 0);
    for (int i = 0; i < 3; i++) {
        const std::string b = std::to_string(i);
        CHECK(t.at("blocks.6.3.ghost1.primary_rpr_conv." + b + ".conv.weight") == std::vector<int64_t>{240, 80, 1, 1});
        CHECK(t.at("blocks.6.3.ghost1.primary_rpr_conv." + b + ".bn1.running_mean") == std::vector<int64_t>{240});
        CHECK(t.at("blocks.6.3.ghost2.cheap_rpr_conv." + b + ".conv.weight") == std::vector<int64_t>{56, 1, 3, 3});
        CHECK(t.at("blocks.3.0.dw_rpr_conv." + b + ".conv.weight") == std::vector<int64_t>{72, 1, 5, 5});
    }
    CHECK(t.count("blocks.6.3.ghost1.primary_rpr_scale.conv.weight") == 0);  // a 1x1 primary conv has none
    CHECK(t.at("blocks.6.3.ghost1.cheap_rpr_scale.conv.weight") == std::vector<int64_t>{240, 1, 1, 1});
    CHECK(t.at("blocks.6.3.ghost1.cheap_rpr_skip.running_var") == std::vector<int64_t>{240});
    CHECK(t.at("blocks.3.0.dw_rpr_scale.conv.weight") == std::vector<int64_t>{72, 1, 1, 1});
    CHECK(t.count("blocks.3.0.dw_rpr_skip.weight") == 0);
    // V2's topology: the DFC attention where V2 has it, stored as V2 stores it.
    CHECK(t.at("blocks.6.3.ghost1.short_conv.2.weight") == std::vector<int64_t>{480, 1, 1, 5});
    CHECK(t.count("blocks.1.0.ghost1.short_conv.0.weight") == 0);
    // Folded, the convs are V2's: the same packed buffer.
    NetworkConfig v2 = cfg;
    v2.version = Version::V2;
    CHECK(spec.packed_size == make_ghostnet_spec(v2).packed_size);
    CHECK(spec.blocks[3].dw.weight == "blocks.3.0.conv_dw.weight");  // timm's deploy names
    CHECK(spec.blocks[3].dw.bias == "blocks.3.0.conv_dw.bias");
}

TEST_CASE("member names: ghostnetv2_ and ghostnetv3_ round-trip, V1 keeps its name", "[arch]") {
    NetworkConfig c;
    for (Version v : {Version::V1, Version::V2, Version::V3}) {
        c.version = v;
        const std::string name = network_name(c, false);
        CHECK(name == (v == Version::V1 ? "ghostnet_w100_s224" : v == Version::V2 ? "ghostnetv2_w100_s224" : "ghostnetv3_w100_s224"));
        NetworkConfig back;
        bool q8 = true;
        REQUIRE(parse_network_name(name, &back, &q8));
        CHECK(back.version == v);
        CHECK_FALSE(q8);
    }
    NetworkConfig unused;
    bool q8 = false;
    for (const char *bad : {"ghostnetv1_w100_s224", "ghostnetv4_w100_s224", "ghostnetv2_w100_s8"})  // s8: DFC on 1x1
        CHECK_FALSE(parse_network_name(bad, &unused, &q8));
    Version v = Version::V1;
    CHECK(parse_version("v3", &v));
    CHECK(v == Version::V3);
    CHECK_FALSE(parse_version("V2", &v));
    CHECK_FALSE(parse_version("2", &v));
}

// nearest_source in integers is PyTorch's float formula for every map the DFC attention
// upsamples (attention floor(size / 2) to size), and the formula as PyTorch writes it.
TEST_CASE("the attention's nearest upsampling is PyTorch's float formula, in integers", "[arch]") {
    int differ = 0;
    for (int out = 2; out <= 4096; out++) {
        const int in = dfc_pooled_size(out);
        const float scale = float(in) / float(out);
        for (int dst = 0; dst < out; dst++) {
            const int torch = std::min(int(std::floor(float(dst) * scale)), in - 1);
            if (nearest_source(dst, in, out) != torch && differ++ < 3) CHECK(nearest_source(dst, in, out) == torch);
        }
    }
    CHECK(differ == 0);
    CHECK(nearest_source(6, 3, 7) == 2);  // floor(6 * 3 / 7)
    CHECK(nearest_source(7, 3, 7) == 2);  // clamped to the last pixel
}

TEST_CASE("layer groups: a width's layers, one run of the network, the groups covering it", "[arch]") {
    for (const char *name : {"ghostnet_w100_s224", "ghostnet_w050_s32_c1_k10_small", "ghostnetv2_w100_s224"}) {
        NetworkConfig cfg;
        bool q8 = false;
        REQUIRE(parse_network_name(name, &cfg, &q8));
        const NetworkSpec spec = make_ghostnet_spec(cfg);
        std::set<size_t> covered;
        for (int w : {spec.stem_w, spec.stem_w / 2, spec.stem_w / 4, spec.stem_w / 8, spec.stem_w / 16}) {
            if (w < spec.head_w) continue;
            INFO(name << " width " << w);
            const LayerGroup g = layer_group(spec, w);
            CHECK(g.stem == (w == spec.stem_w));
            CHECK(g.head_conv == (w == spec.head_w));
            for (size_t i = 0; i < spec.blocks.size(); i++) {
                const bool touches = spec.blocks[i].in_w == w || spec.blocks[i].out_w == w;
                CHECK(touches == (i >= g.first && i < g.end));  // every layer of the width, and no other
                if (touches) covered.insert(i);
            }
            if (g.stem) {
                CHECK(g.first == 0);
                CHECK((g.in_c == cfg.in_channels && g.in_w == cfg.input_size));
            } else {
                REQUIRE(g.first < g.end);
                CHECK((g.in_c == spec.blocks[g.first].in && g.in_w == spec.blocks[g.first].in_w));
                CHECK(g.stored_in_c() >= g.in_c);
                CHECK(g.stored_in_c() % 128 == 0);
            }
            if (g.head_conv) {
                CHECK(g.end == spec.blocks.size());
                CHECK((g.out_c == spec.head.cout && g.out_w == spec.head_w));
            } else {
                CHECK((g.out_c == spec.blocks[g.end - 1].out && g.out_w == spec.blocks[g.end - 1].out_w));
            }
        }
        CHECK(covered.size() == spec.blocks.size());
        CHECK_THROWS_WITH(layer_group(spec, 5), Catch::Contains("works on maps 5 pixels wide"));
    }
}
