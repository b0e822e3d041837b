// The plug-and-play networks (VGG-16 and ResNet-56 for CIFAR-10, plain and with Ghost modules)
// end to end: a random checkpoint written to a .safetensors file, loaded through the runtime
// (check, fold, pack), run by the compiled pipeline and held to the reference forward pass.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "complexity.h"
#include "pipeline_registry.h"
#include "plug_and_play.h"
#include "temp_files.h"
#include "testutil.h"

using namespace ghostnet;
using namespace ghostnet::test;

namespace {

PlugAndPlaySpec spec_of(const PlugAndPlayEntry &e) {
    PlugAndPlayConfig cfg;
    REQUIRE(parse_plug_and_play_network(e.network, &cfg.network));
    cfg.ghost_ratio = e.ghost_ratio;
    cfg.ghost_dw = e.ghost_dw;
    return make_plug_and_play_spec(cfg);
}

PlugAndPlaySpec spec_of(PlugAndPlayNetwork n, int s, int d = 3) {
    PlugAndPlayConfig cfg;
    cfg.network = n;
    cfg.ghost_ratio = s;
    cfg.ghost_dw = d;
    return make_plug_and_play_spec(cfg);
}

size_t argmax(const std::vector<float> &v) { return size_t(std::max_element(v.begin(), v.end()) - v.begin()); }

}  // namespace

TEST_CASE("the build compiles the paper's plug-and-play networks", "[plug_and_play]") {
    std::set<std::string> names;
    for (const PlugAndPlayEntry &e : compiled_plug_and_play()) {
        names.insert(e.name);
        CHECK(spec_of(e).name() == e.name);  // the registry and the spec agree on names
    }
    for (const char *n : {"vgg16", "ghost_vgg16_s2_d3", "ghost_vgg16_s3_d3", "ghost_vgg16_s4_d3", "resnet56",
                          "ghost_resnet56_s2_d3"})
        CHECK(names.count(n) == 1);
}

TEST_CASE("every compiled plug-and-play network matches the reference forward pass", "[plug_and_play]") {
    TempDir tmp("pnp_test");
    std::mt19937 rng(41);
    for (const PlugAndPlayEntry &e : compiled_plug_and_play()) {
        CAPTURE(e.name);
        const PlugAndPlaySpec spec = spec_of(e);
        const TensorMap ckpt = random_checkpoint(spec.tensors(), 97);
        const std::string path = tmp.file(std::string(e.name) + ".safetensors");
        write_safetensors(path, ckpt);
        const PlugAndPlayModel model = PlugAndPlayModel::load(spec, path, require_plug_and_play(spec).fn);

        for (int image = 0; image < 2; image++) {
            const Tensor3 input = random_tensor(3, 32, 32, rng);
            const std::vector<float> want = reference::plug_and_play(input, spec, ckpt);
            const std::vector<float> got = model.run(input.d.data(), input.d.size());
            REQUIRE(want.size() == 10);
            const double want_rms = rms(want);
            INFO("reference logits rms " << want_rms);
            // Logits of a size where the tolerance is a real test.
            REQUIRE(want_rms > 0.05);
            REQUIRE(want_rms < 1000);
            const Diff d = compare(got, want);
            INFO(d.str());
            CHECK(d.max_abs <= 1e-4 * std::max(1.0, want_rms) * 10);
            CHECK(argmax(got) == argmax(want));
        }
    }
}

TEST_CASE("plug-and-play specs name their tensors as PyTorch modules do", "[plug_and_play]") {
    const PlugAndPlaySpec vgg = spec_of(PlugAndPlayNetwork::Vgg16, 0);
    REQUIRE(vgg.features.size() == 13);
    CHECK(vgg.features[0].conv.weight == "features.0.conv.weight");
    CHECK(vgg.features[0].conv.bn == "features.0.bn");
    CHECK(vgg.features[1].max_pool_after);
    CHECK(vgg.classifier.front().cin == 512);
    const PlugAndPlaySpec ghost = spec_of(PlugAndPlayNetwork::Vgg16, 2);
    CHECK_FALSE(ghost.features[0].ghost);  // the first conv stays ordinary
    CHECK(ghost.features[1].module.primary.weight == "features.1.primary_conv.0.weight");
    CHECK(ghost.features[1].module.cheap.bn == "features.1.cheap_operation.1");
    const PlugAndPlaySpec resnet = spec_of(PlugAndPlayNetwork::Resnet56, 2);
    REQUIRE(resnet.blocks.size() == 27);
    CHECK(resnet.blocks[9].name == "layer2.0");
    CHECK(resnet.blocks[9].stride == 2);
    CHECK(resnet.blocks[9].channel_pad() == 8);
    CHECK(resnet.blocks[9].conv1.module.primary.stride == 2);
    CHECK_FALSE(resnet.blocks[9].conv2.relu);
    CHECK(resnet.classifier.back().weight == "fc.weight");
    // The counts ghostnet-stats prints are this spec's.
    for (int s : {0, 2, 3, 4}) {
        const PlugAndPlaySpec v = spec_of(PlugAndPlayNetwork::Vgg16, s);
        CHECK(plug_and_play_cost(v).params() == v.parameter_count());
    }
}

TEST_CASE("bad plug-and-play checkpoints and configurations are clear errors", "[plug_and_play][errors]") {
    const PlugAndPlaySpec plain = spec_of(PlugAndPlayNetwork::Vgg16, 0);
    const PlugAndPlaySpec ghost = spec_of(PlugAndPlayNetwork::Vgg16, 2);
    const PipelineFn fn = require_plug_and_play(plain).fn;
    TempDir tmp("pnp_errors");

    // A Ghost checkpoint for the plain network: the file and the first tensor it lacks.
    const std::string path = tmp.file("ghost.safetensors");
    write_safetensors(path, random_checkpoint(ghost.tensors(), 1));
    CHECK_THROWS_WITH(PlugAndPlayModel::load(plain, path, fn),
                      Catch::Contains(path) && Catch::Contains("missing tensor 'features.1.conv.weight'"));

    TensorMap ckpt = random_checkpoint(plain.tensors(), 2);
    ckpt["features.3.conv.weight"] = make_f32_tensor({128, 64, 3, 1}, std::vector<float>(128 * 64 * 3));
    CHECK_THROWS_WITH(PlugAndPlayModel::from_tensors(plain, ckpt, "mine", fn),
                      Catch::Contains("mine: tensor 'features.3.conv.weight' has shape [128, 64, 3, 1], expected [128, 128, 3, 3]"));

    ckpt = random_checkpoint(plain.tensors(), 2);
    ckpt["features.0.extra"] = make_f32_tensor({1}, {0.0f});
    CHECK_THROWS_WITH(PlugAndPlayModel::from_tensors(plain, ckpt, "mine", fn),
                      Catch::Contains("unexpected tensor 'features.0.extra'") && Catch::Contains("Ghost ratio s"));

    const PlugAndPlayModel model = PlugAndPlayModel::from_tensors(plain, random_checkpoint(plain.tensors(), 3), "ok", fn);
    std::vector<float> small(10);
    CHECK_THROWS_WITH(model.run(small.data(), small.size()), Catch::Contains("expects 3072"));

    CHECK_THROWS_WITH(require_plug_and_play(spec_of(PlugAndPlayNetwork::Vgg16, 5)),
                      Catch::Contains("ghost_vgg16_s5_d3") && Catch::Contains("this build has: vgg16"));
    CHECK_THROWS_WITH(spec_of(PlugAndPlayNetwork::Resnet56, 1), Catch::Contains("s must be 2..16"));
    CHECK_THROWS_WITH(spec_of(PlugAndPlayNetwork::Resnet56, 2, 4), Catch::Contains("d must be odd"));
}
