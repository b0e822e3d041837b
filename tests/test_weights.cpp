// Checkpoint checks, BatchNorm folding and packing, and Model::load's errors.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <random>

#include "error.h"
#include "model.h"
#include "quantization.h"
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

namespace {

// A naive convolution in PyTorch's layout (NCHW, one image; weight [cout][cin/groups][kh][kw]),
// zero padding kh/2 and kw/2, for checking folded weights by what they compute.
std::vector<float> naive_conv(const std::vector<float> &x, int cin, int h, int w, const std::vector<float> &weight,
                              const std::vector<float> &bias, int cout, int kh, int kw, int stride, bool depthwise,
                              int *out_h, int *out_w) {
    const int oh = conv_out_size(h, kh, stride, kh / 2), ow = conv_out_size(w, kw, stride, kw / 2);
    const int per_group = depthwise ? 1 : cin;
    std::vector<float> y(size_t(cout) * oh * ow);
    for (int o = 0; o < cout; o++)
        for (int oy = 0; oy < oh; oy++)
            for (int ox = 0; ox < ow; ox++) {
                double acc = bias.empty() ? 0.0 : bias[o];
                for (int i = 0; i < per_group; i++) {
                    const int c = depthwise ? o * cin / cout : i;
                    for (int ky = 0; ky < kh; ky++)
                        for (int kx = 0; kx < kw; kx++) {
                            const int iy = oy * stride + ky - kh / 2, ix = ox * stride + kx - kw / 2;
                            if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                            acc += double(weight[((size_t(o) * per_group + i) * kh + ky) * kw + kx]) *
                                   x[(size_t(c) * h + iy) * w + ix];
                        }
                }
                y[(size_t(o) * oh + oy) * ow + ox] = float(acc);
            }
    *out_h = oh;
    *out_w = ow;
    return y;
}

// What GhostNetV3's training-time conv computes: the sum of its branches, each a conv (or the
// identity) followed by its own BatchNorm.
std::vector<float> branches_forward(const ConvSpec &c, const TensorMap &t, const std::vector<float> &x, int h, int w,
                                    int *out_h, int *out_w) {
    std::vector<float> sum;
    for (const ConvBranch &b : c.branches) {
        std::vector<float> y;
        int oh = h, ow = w;
        if (b.weight.empty()) y = x;
        else y = naive_conv(x, c.cin, h, w, t.at(b.weight).to_f32(), {}, c.cout, b.k, b.k, c.stride,
                            c.kind == ConvKind::Depthwise, &oh, &ow);
        const auto gamma = t.at(b.bn + ".weight").to_f32(), beta = t.at(b.bn + ".bias").to_f32(),
                   mean = t.at(b.bn + ".running_mean").to_f32(), var = t.at(b.bn + ".running_var").to_f32();
        const size_t plane = size_t(oh) * ow;
        for (int o = 0; o < c.cout; o++)
            for (size_t p = 0; p < plane; p++) {
                float &v = y[o * plane + p];
                v = float((v - mean[o]) / std::sqrt(double(var[o]) + kBatchNormEps) * gamma[o] + beta[o]);
            }
        if (sum.empty()) sum.assign(y.size(), 0.0f);
        REQUIRE(y.size() == sum.size());
        for (size_t i = 0; i < y.size(); i++) sum[i] += y[i];
        *out_h = oh;
        *out_w = ow;
    }
    return sum;
}

}  // namespace

TEST_CASE("GhostNetV3's branches fold into the conv they train, as timm's switch_to_deploy folds them", "[weights]") {
    // A Ghost module (1x1 primary: three branches; 3x3 cheap: three, a 1x1 scale, a BN identity)
    // and a bottleneck's stride-2 5x5 depthwise conv (three branches, a 1x1 stride-2 scale), on
    // odd-sized maps.
    const GhostModuleSpec g = make_ghost_module_spec("m", 6, 8, 2, 1, 3, 1, true, "input", Version::V3);
    const BottleneckSpec b = make_bottleneck_spec("b", 8, 12, 8, 5, 2, 0, 7, 7, 2, 3, "input", Version::V3);
    REQUIRE(g.primary.branches.size() == 3);
    REQUIRE(g.cheap.branches.size() == 5);
    REQUIRE(b.dw.branches.size() == 4);
    std::vector<TensorSpec> specs;
    for (const ConvSpec *c : {&g.primary, &g.cheap, &b.dw}) c->append_tensors(&specs);
    const TensorMap t = random_checkpoint(specs, 5);
    std::mt19937 rng(9);
    std::normal_distribution<float> n(0.0f, 1.0f);
    for (const ConvSpec *c : {&g.primary, &g.cheap, &b.dw}) {
        CAPTURE(c->weight);
        for (int size : {7, 6}) {
            std::vector<float> x(size_t(c->cin) * size * size);
            for (float &v : x) v = n(rng);
            int bh = 0, bw = 0, fh = 0, fw = 0;
            const std::vector<float> expected = branches_forward(*c, t, x, size, size, &bh, &bw);
            const FoldedConv f = fold_conv(*c, t, "t");
            REQUIRE(f.weight.size() == c->weight_count());
            const std::vector<float> got = naive_conv(x, c->cin, size, size, f.weight, f.bias, c->cout, c->k, c->k,
                                                      c->stride, c->kind == ConvKind::Depthwise, &fh, &fw);
            REQUIRE(fh == bh);
            REQUIRE(fw == bw);
            for (size_t i = 0; i < got.size(); i++) CHECK(got[i] == Approx(expected[i]).margin(1e-4));
        }
    }
    TensorMap missing = t;
    missing.erase("m.cheap_rpr_skip.running_var");
    REQUIRE_THROWS_WITH(fold_conv(g.cheap, missing, "v3.safetensors"),
                        Catch::Contains("v3.safetensors") && Catch::Contains("m.cheap_rpr_skip.running_var"));
}

TEST_CASE("a DFC attention's 1 x 5 and 5 x 1 depthwise kernels pack as [ky][kx][c]", "[weights]") {
    const GhostModuleSpec g = make_ghost_module_spec("m", 4, 6, 2, 1, 3, 1, true, "input", Version::V2, true);
    REQUIRE(g.dfc);
    for (const ConvSpec *c : {&g.dfc_row, &g.dfc_column}) {
        CHECK(c->weight_count() == size_t(6 * kDfcKernel));
        std::vector<float> src(c->weight_count()), dst(c->weight_count(), -1.0f);
        for (size_t i = 0; i < src.size(); i++) src[i] = float(i);  // [o][0][ky][kx]: o * 5 + tap
        pack_layout(*c, src.data(), dst.data());
        for (int o = 0; o < 6; o++)
            for (int tap = 0; tap < kDfcKernel; tap++) CHECK(dst[size_t(tap) * 6 + o] == float(o * kDfcKernel + tap));
    }
    CHECK(g.dfc_conv.weight_shape() == std::vector<int64_t>{6, 4, 1, 1});
    CHECK(g.dfc_row.weight_shape() == std::vector<int64_t>{6, 1, 1, 5});
    CHECK(g.dfc_column.weight_shape() == std::vector<int64_t>{6, 1, 5, 1});
}

TEST_CASE("a linear layer packs in blocks of kLinearBlock outputs, each block along cin", "[weights]") {
    // 70 outputs: two whole blocks and a block of 6, padded to 32 with what dst held.
    for (int cout : {kLinearBlock, 70, 1}) {
        const int cin = 5;
        const ConvSpec c = make_conv_spec("fc.weight", "", ConvKind::Linear, cin, cout, 1, 1, false);
        const size_t blocks = size_t(cout + kLinearBlock - 1) / kLinearBlock;
        CHECK(c.weight_count() == size_t(cin * cout));
        CHECK(c.packed_weight_count() == blocks * kLinearBlock * cin);
        std::vector<float> src(c.weight_count()), dst(c.packed_weight_count(), -1.0f);
        for (size_t i = 0; i < src.size(); i++) src[i] = float(i);  // [o][i]: o * cin + i
        pack_layout(c, src.data(), dst.data());
        for (size_t b = 0; b < blocks; b++)
            for (int i = 0; i < cin; i++)
                for (int lane = 0; lane < kLinearBlock; lane++) {
                    const int o = int(b) * kLinearBlock + lane;
                    const float want = o < cout ? float(o * cin + i) : -1.0f;
                    CHECK(dst[(b * cin + i) * kLinearBlock + lane] == want);
                    if (o < cout) CHECK(linear_packed_index<size_t>(cin, o, i) == (b * cin + i) * kLinearBlock + lane);
                }
    }
    // The buffer ends with room for a schedule that rounds the classifier up by whole blocks.
    const NetworkSpec spec = small_spec();
    const ConvSpec &fc = spec.classifier;
    REQUIRE(fc.kind == ConvKind::Linear);
    CHECK(spec.packed_size ==
          fc.bias_offset + fc.cout + size_t(kLinearSlackBlocks) * kLinearBlock * fc.cin + kPackedSlack);
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
                            Catch::Contains("no compiled pipeline") &&
                                Catch::Contains("this build has: ") && Catch::Contains("ghostnet_w050_s200_k100,") &&
                                Catch::Contains("add one with ghostnet_add_network(ghostnet_w075_s200_k100)"));
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
