// Checkpoint checks, BatchNorm folding and packing, and Model::load's errors.
#include <catch2/catch.hpp>

#include <filesystem>

#include "error.h"
#include "model.h"
#include "temp_files.h"
#include "testutil.h"

using namespace ghostnet;
using namespace ghostnet::test;

namespace {

NetworkSpec small_spec() {
    NetworkConfig cfg;
    cfg.width = 0.5;
    cfg.input_size = 200;
    cfg.num_classes = 100;
    return make_ghostnet_spec(cfg);
}

std::string temp_path(const std::string &name) {
    static const test::TempDir dir("ghostnet_test_weights");
    return dir.file(name);
}

}  // namespace

TEST_CASE("check_tensors names the missing, misshapen or unexpected tensor", "[weights]") {
    const NetworkSpec spec = small_spec();
    TensorMap ckpt = random_checkpoint(spec.tensors(), 1);
    REQUIRE_NOTHROW(check_tensors(spec, ckpt, "ok.safetensors"));

    SECTION("missing") {
        ckpt.erase("blocks.6.3.se.conv_reduce.bias");
        REQUIRE_THROWS_WITH(check_tensors(spec, ckpt, "f.safetensors"),
                            Catch::Contains("f.safetensors") && Catch::Contains("missing tensor 'blocks.6.3.se.conv_reduce.bias'"));
    }
    SECTION("wrong shape") {
        ckpt["conv_stem.weight"] = make_f32_tensor({16, 3, 3, 3}, std::vector<float>(16 * 27));
        REQUIRE_THROWS_WITH(check_tensors(spec, ckpt, "f.safetensors"),
                            Catch::Contains("'conv_stem.weight' has shape [16, 3, 3, 3], expected [8, 3, 3, 3]"));
    }
    SECTION("integer dtype") {
        Tensor t = ckpt["bn1.weight"];
        t.dtype = "I32";
        ckpt["bn1.weight"] = t;
        REQUIRE_THROWS_WITH(check_tensors(spec, ckpt, "f.safetensors"), Catch::Contains("dtype I32"));
    }
    SECTION("unexpected") {
        ckpt["blocks.9.1.conv.weight"] = make_f32_tensor({1}, {0.0f});
        REQUIRE_THROWS_WITH(check_tensors(spec, ckpt, "f.safetensors"),
                            Catch::Contains("unexpected tensor 'blocks.9.1.conv.weight'"));
    }
    SECTION("num_batches_tracked is ignored") {
        ckpt["bn1.num_batches_tracked"] = make_f32_tensor({}, {0.0f});
        REQUIRE_NOTHROW(check_tensors(spec, ckpt, "f.safetensors"));
    }
}

TEST_CASE("BatchNorm folds into the conv before it", "[weights]") {
    const ConvSpec c = make_conv_spec("conv.weight", "bn", ConvKind::Dense, 1, 2, 1, 1, false);
    TensorMap t;
    t["conv.weight"] = make_f32_tensor({2, 1, 1, 1}, {2.0f, -1.0f});
    t["bn.weight"] = make_f32_tensor({2}, {3.0f, 0.5f});
    t["bn.bias"] = make_f32_tensor({2}, {1.0f, -2.0f});
    t["bn.running_mean"] = make_f32_tensor({2}, {0.5f, 4.0f});
    t["bn.running_var"] = make_f32_tensor({2}, {4.0f - 1e-5f, 0.25f - 1e-5f});
    const FoldedConv f = fold_conv(c, t, "t");
    // channel 0: scale 3 / 2 = 1.5: w = 3, b = (0 - 0.5) * 1.5 + 1 = 0.25
    // channel 1: scale 0.5 / 0.5 = 1: w = -1, b = (0 - 4) * 1 - 2 = -6
    CHECK(f.weight[0] == Approx(3.0f));
    CHECK(f.bias[0] == Approx(0.25f));
    CHECK(f.weight[1] == Approx(-1.0f));
    CHECK(f.bias[1] == Approx(-6.0f));

    t["bn.running_var"] = make_f32_tensor({2}, {1.0f, -1.0f});
    REQUIRE_THROWS_WITH(fold_conv(c, t, "t"), Catch::Contains("running_var") && Catch::Contains("channel 1"));
}

TEST_CASE("Model::load reports the file, tensor or configuration at fault", "[weights][model]") {
    const NetworkSpec spec = small_spec();
    SECTION("missing file") {
        REQUIRE_THROWS_WITH(Model::load("/nonexistent/w.safetensors", spec.config),
                            Catch::Contains("/nonexistent/w.safetensors"));
    }
    SECTION("no compiled pipeline for the configuration") {
        NetworkConfig cfg = spec.config;
        cfg.width = 0.75;
        REQUIRE_THROWS_WITH(Model::load("/nonexistent/w.safetensors", cfg),
                            Catch::Contains("no compiled pipeline") && Catch::Contains("width 0.5 size 200"));
    }
    SECTION("checkpoint of another width") {
        NetworkConfig other;
        other.width = 1.0;
        other.input_size = 200;
        other.num_classes = 100;
        const std::string path = temp_path("w100.safetensors");
        write_safetensors(path, random_checkpoint(make_ghostnet_spec(other).tensors(), 3));
        REQUIRE_THROWS_WITH(Model::load(path, spec.config),
                            Catch::Contains(path) && Catch::Contains("conv_stem.weight") && Catch::Contains("expected [8, 3, 3, 3]"));
    }
    SECTION("a good checkpoint in F16 and BF16 loads") {
        TensorMap ckpt = random_checkpoint(spec.tensors(), 5);
        const std::string path = temp_path("w050.safetensors");
        write_safetensors(path, ckpt);
        REQUIRE_NOTHROW(Model::load(path, spec.config));
    }
}
