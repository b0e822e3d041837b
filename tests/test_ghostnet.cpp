// Whole networks end to end: GhostNet, GhostNetV2 and V3 1.0x at 224 against the C++ reference
// forward pass, and GhostNet 0.5x against logits PyTorch computed (tests/fixtures, tools/make_fixture.py).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "model.h"
#include "npy.h"
#include "pipeline_registry.h"
#include "safetensors.h"
#include "testutil.h"

using namespace ghostnet;
using namespace ghostnet::test;

namespace {
// GhostNetV3's convs are sums of 3 to 5 branches; with every branch random, the activations
// grow through the 16 blocks to ~1e9. Each branch's BatchNorm output is scaled by 1/3 (its
// gamma and beta), which keeps the logits of a useful size and every BatchNorm far from identity.
void damp_v3_branches(TensorMap *t) {
    for (auto &[name, tensor] : *t) {
        const size_t dot = name.rfind('.');
        const std::string field = name.substr(dot + 1), module = name.substr(0, dot);
        if (name.find("_rpr_") == std::string::npos || (field != "weight" && field != "bias") ||
            !t->count(module + ".running_var"))
            continue;
        std::vector<float> values = tensor.to_f32();
        for (float &x : values) x /= 3;
        tensor = make_f32_tensor(tensor.shape, values);
    }
}
}  // namespace

TEST_CASE("GhostNet, V2 and V3 1.0x 224 match the reference forward pass", "[ghostnet][family]") {
    for (Version v : {Version::V1, Version::V2, Version::V3}) {
        NetworkConfig cfg;  // width 1.0, 224x224x3, 1000 classes
        cfg.version = v;
        CAPTURE(member_name(v));
        const NetworkSpec spec = make_ghostnet_spec(cfg);
        // Random weights, every BatchNorm far from identity; V3's are its unfused branches,
        // which the reference computes one by one and pack_network folds.
        TensorMap ckpt = random_checkpoint(spec.tensors(), 31);
        if (v == Version::V3) damp_v3_branches(&ckpt);
        const PipelineEntry *entry = find_pipeline(cfg);
        REQUIRE(entry != nullptr);
        const Model model(spec, pack_network(spec, ckpt, "random"), entry->fn);

        std::mt19937 rng(37);
        const Tensor3 input = random_tensor(3, 224, 224, rng);
        const std::vector<float> want = reference::ghostnet(input, spec, ckpt);
        const std::vector<float> got = model.run(input.d.data(), input.d.size());

        const double want_rms = rms(want);
        INFO("reference logits rms " << want_rms);
        // The weights must give logits of a size where 1e-3 is a real test, not a vanishing one.
        REQUIRE(want_rms > 0.1);
        REQUIRE(want_rms < 100);
        const Diff d = compare(got, want);
        INFO(d.str());
        CHECK(d.max_abs <= 1e-3);
        CHECK(top5(got) == top5(want));
    }
}

TEST_CASE("GhostNet 0.5x reproduces the PyTorch fixture", "[ghostnet][pytorch]") {
    const std::string dir = std::string(GHOSTNET_FIXTURES) + "/ghostnet_050_s200_k100";
    NetworkConfig cfg;
    cfg.width = 0.5;
    cfg.input_size = 200;
    cfg.num_classes = 100;
    const Model model = Model::load(dir + "/weights.safetensors", cfg);
    const NpyArray input = read_npy(dir + "/input.npy");
    const NpyArray want = read_npy(dir + "/logits.npy");
    REQUIRE(input.shape == std::vector<int64_t>{1, 3, 200, 200});
    REQUIRE(want.shape == std::vector<int64_t>{1, 100});
    const std::vector<float> got = model.run(input.data.data(), input.data.size());
    const Diff d = compare(got, want.data);
    INFO(d.str());
    CHECK(d.max_abs <= 1e-3);
    CHECK(top5(got) == top5(want.data));
}

TEST_CASE("GhostNetV2 and V3 reproduce their PyTorch fixtures (V3 loaded unfused, folded at load)", "[ghostnet][pytorch][family]") {
    for (Version v : {Version::V2, Version::V3}) {
        const std::string dir = family_fixture_dir(GHOSTNET_FIXTURES, v);
        CAPTURE(dir);
        const Model model = Model::load(dir + "/weights.safetensors", family_fixture_config(v));
        const NpyArray input = read_npy(dir + "/input.npy");
        const NpyArray want = read_npy(dir + "/logits.npy");
        const std::vector<float> got = model.run(input.data.data(), input.data.size());
        const Diff d = compare(got, want.data);
        INFO(d.str());
        CHECK(d.max_abs <= logit_tolerance(want.data));
        CHECK(top5(got) == top5(want.data));
    }
    // The registry tells the members apart: GhostNet 0.5x at 200 is compiled as V1 only, so a V2
    // or V3 configuration of that size finds no pipeline (and is refused naming the member).
    NetworkConfig cfg;
    cfg.width = 0.5;
    cfg.input_size = 200;
    cfg.num_classes = 100;
    REQUIRE(find_pipeline(cfg) != nullptr);
    for (Version v : {Version::V2, Version::V3}) {
        cfg.version = v;
        CHECK(find_pipeline(cfg) == nullptr);
        CHECK_THROWS_WITH(require_pipeline(make_ghostnet_spec(cfg)),
                          Catch::Contains(std::string("no compiled pipeline for ") + member_name(v) + " 0.5x"));
    }
}

TEST_CASE("Model refuses inputs of the wrong size with a clear error", "[ghostnet][errors]") {
    NetworkConfig cfg;
    cfg.width = 0.5;
    cfg.input_size = 200;
    cfg.num_classes = 100;
    const Model model = Model::load(std::string(GHOSTNET_FIXTURES) + "/ghostnet_050_s200_k100/weights.safetensors", cfg);
    std::vector<float> small(10);
    REQUIRE_THROWS_WITH(model.run(small.data(), small.size()), Catch::Contains("expects 120000"));
}
