// Whole networks end to end: GhostNet 1.0x at 224 against the C++ reference forward pass,
// and GhostNet 0.5x against logits PyTorch computed (tests/fixtures, tools/make_fixture.py).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "model.h"
#include "npy.h"
#include "pipeline_registry.h"
#include "testutil.h"

using namespace ghostnet;
using namespace ghostnet::test;

TEST_CASE("GhostNet 1.0x 224 matches the reference forward pass", "[ghostnet]") {
    NetworkConfig cfg;  // width 1.0, 224x224x3, 1000 classes
    const NetworkSpec spec = make_ghostnet_spec(cfg);
    const TensorMap ckpt = random_checkpoint(spec.tensors(), 31);
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
