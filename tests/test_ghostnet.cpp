// Whole networks end to end: GhostNet 1.0x at 224 against the C++ reference forward pass,
// and GhostNet 0.5x against logits PyTorch computed (tests/fixtures, tools/make_fixture.py).
#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>

#include "model.h"
#include "npy.h"
#include "testutil.h"

using namespace ghostnet;
using namespace ghostnet::test;

namespace {

std::vector<int> top5(const std::vector<float> &v) {
    std::vector<int> idx(v.size());
    std::iota(idx.begin(), idx.end(), 0);
    std::partial_sort(idx.begin(), idx.begin() + 5, idx.end(), [&](int a, int b) { return v[a] > v[b]; });
    idx.resize(5);
    return idx;
}

}  // namespace

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

TEST_CASE("Model refuses inputs of the wrong size with a clear error", "[ghostnet][errors]") {
    NetworkConfig cfg;
    cfg.width = 0.5;
    cfg.input_size = 200;
    cfg.num_classes = 100;
    const Model model = Model::load(std::string(GHOSTNET_FIXTURES) + "/ghostnet_050_s200_k100/weights.safetensors", cfg);
    std::vector<float> small(10);
    REQUIRE_THROWS_WITH(model.run(small.data(), small.size()), Catch::Contains("expects 120000"));
}
