// q8 pipelines compiled for Hexagon HVX (hexagon-32-noos-hvx_128, the hand schedules of
// schedules/hexagon/) and run under qemu-hexagon: the ops tests/op_cases.txt builds for HVX byte
// for byte against the integer reference over the grids of tests/conv_tester.h and a GhostNetV2
// block's sizes (tests/bottleneck_tester.h), whole networks byte for byte against the same
// network compiled for this machine (itself held to the reference by test_q8).
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "hexagon_job.h"
#include "image.h"
#include "model.h"
#include "model_description.h"
#include "npy.h"
#include "pipeline_registry.h"
#include "q8_network.h"
#include "safetensors.h"
#include "weights.h"
#include "bottleneck_tester.h"
#include "conv_tester.h"
#include "requantize_check.h"
#include "skip.h"
#include "testutil.h"

using namespace ghostnet;
using namespace ghostnet::test;

namespace {

std::string runner(const std::string &pipeline) {
    return std::string(GHOSTNET_HEXAGON_DIR) + "/" + pipeline + "_runner";
}

// Runs a pipeline on its HVX runner; checks that it returned 0, with qemu-hexagon's messages
// when not.
int run_pipeline(const std::string &pipeline, const std::vector<HexagonArg> &args) {
    std::string log;
    const int rc = run_on_hexagon(GHOSTNET_QEMU_HEXAGON, runner(pipeline), args, &log);
    INFO("qemu-hexagon: " << log);
    CHECK(rc == 0);
    return rc;
}

// A pipeline of four buffers: three inputs, then the output.
int run_four(const std::string &pipeline, halide_buffer_t *a, halide_buffer_t *b, halide_buffer_t *c,
             halide_buffer_t *out) {
    return run_pipeline(pipeline, {{a, false}, {b, false}, {c, false}, {out, true}});
}

RunOp on_hexagon(const std::string &pipeline) {
    return [pipeline](Halide::Runtime::Buffer<uint8_t> &in, Halide::Runtime::Buffer<int8_t> &w,
                      Halide::Runtime::Buffer<int32_t> &p, Halide::Runtime::Buffer<uint8_t> &out) {
        return run_four(pipeline, in.raw_buffer(), w.raw_buffer(), p.raw_buffer(), out.raw_buffer());
    };
}

// A q8 network's int32 logits from its HVX runner, on a quantized NCHW input, with the
// model's packed weights and parameters.
std::vector<int32_t> network_on_hexagon(const std::string &pipeline, const Model &m, std::vector<uint8_t> &q) {
    const NetworkConfig &c = m.spec().config;
    const q8::PackedQ8 &packed = m.q8_packed();
    // The runner only reads its inputs; Halide buffers are non-const by type alone.
    Halide::Runtime::Buffer<uint8_t> in(q.data(), c.input_size, c.input_size, c.in_channels);
    Halide::Runtime::Buffer<int8_t> w(const_cast<int8_t *>(packed.weights.data()), int(packed.weights.size()));
    Halide::Runtime::Buffer<int32_t> p(const_cast<int32_t *>(packed.params.data()), int(packed.params.size()));
    std::vector<int32_t> logits(c.num_classes);
    Halide::Runtime::Buffer<int32_t> out(logits.data(), int(logits.size()));
    REQUIRE(run_four(pipeline, in.raw_buffer(), w.raw_buffer(), p.raw_buffer(), out.raw_buffer()) == 0);
    return logits;
}

std::vector<uint8_t> quantize_input(const std::vector<float> &x, const q8::ActQuant &q) {
    std::vector<uint8_t> out(x.size());
    q8::quantize(x.data(), x.size(), q, out.data());
    return out;
}

// The bundled model's sample images (the first column of samples/expected.tsv).
std::vector<std::string> bundled_samples(const std::string &dir) {
    std::ifstream tsv(dir + "/samples/expected.tsv");
    REQUIRE(tsv.good());
    std::vector<std::string> files;
    std::string line;
    std::getline(tsv, line);  // header
    while (std::getline(tsv, line))
        if (!line.empty()) files.push_back(line.substr(0, line.find('\t')));
    return files;
}

int top1(const std::vector<int32_t> &logits) {
    return int(std::max_element(logits.begin(), logits.end()) - logits.begin());
}

}  // namespace

// The cases tests/op_cases.txt builds for HVX, each on its runner, over the grids of
// tests/conv_tester.h and tests/test_ghost_bottleneck.cpp's DFC sizes.
TEST_CASE("q8 conv2d on HVX equals the integer reference", "[hexagon][q8][conv2d]") {
    std::mt19937 rng(7);
    for (const OpCase *c : op_cases("conv2d_q8_op", /*hvx=*/true)) {
        const ConvVariant v = conv_variant(*c);
        for_each_q8_conv_shape(v, [&](const ConvShape &s, bool relu) {
            CAPTURE(v.name, s.cin, s.cout, s.h, s.w, relu);
            check_q8_conv(v, ConvKind::Dense, s, relu, rng, on_hexagon(v.name));
        });
    }
}

TEST_CASE("q8 depthwise conv on HVX equals the integer reference", "[hexagon][q8][depthwise_conv]") {
    std::mt19937 rng(9);
    for (const OpCase *c : op_cases("depthwise_conv_q8_op", /*hvx=*/true)) {
        const ConvVariant v = conv_variant(*c);
        for (const auto &chw : kDepthwiseShapes)
            for (bool relu : {false, true}) {
                const ConvShape s = depthwise_shape(chw, v.multiplier);
                CAPTURE(v.name, s.cin, s.h, s.w, relu);
                check_q8_conv(v, ConvKind::Depthwise, s, relu, rng, on_hexagon(v.name));
            }
    }
}

TEST_CASE("requantize on HVX equals q8::requantize on the edge cases", "[hexagon][q8][requantize]") {
    for (const OpCase *c : op_cases("requantize_op", /*hvx=*/true)) {
        CAPTURE(c->name);
        const std::string op = c->name;
        check_requantize([&](Halide::Runtime::Buffer<int32_t> &a, Halide::Runtime::Buffer<int32_t> &m,
                             Halide::Runtime::Buffer<int32_t> &s, Halide::Runtime::Buffer<int32_t> &out) {
            return run_four(op, a.raw_buffer(), m.raw_buffer(), s.raw_buffer(), out.raw_buffer());
        }, c->flag("q15"));
    }
}

// GhostNetV2's block: the DFC attention's pooling, convs, sigmoid table and Q15 gate on HVX, from
// a 1x1 attention to odd sizes.
TEST_CASE("q8 GhostNetV2 bottleneck (DFC attention) on HVX equals the integer reference", "[hexagon][q8][v2]") {
    uint32_t seed = 301;
    for (const OpCase *c : op_cases("ghost_bottleneck_q8_op", /*hvx=*/true)) {
        const BottleneckCase v = bottleneck_case(*c);
        for (const auto &hw : kDfcSizes) {
            CAPTURE(v.name, hw[0], hw[1]);
            const Block b = make_block(v.shape, hw[0], hw[1], seed++, v.version, v.dfc);
            check_q8_block(b, seed++, on_hexagon(v.name));
        }
    }
}

#ifdef GHOSTNET_MODEL_DIR
TEST_CASE("the bundled q8 model on HVX gives this machine's logits on every sample", "[hexagon][q8][fashion]") {
    const std::string dir = GHOSTNET_MODEL_DIR;
    const ModelDescription d = read_model_description(dir);
    const Model model = Model::load(d.q8_weights(), d.config);
    REQUIRE(model.precision() == Precision::Q8);
    int samples = 0;
    for (const std::string &file : bundled_samples(dir)) {
        CAPTURE(file);
        const std::vector<float> x = preprocess(load_image(dir + "/samples/" + file, d.config.in_channels), d.preprocess);
        std::vector<uint8_t> q = quantize_input(x, model.q8_packed().input);
        const std::vector<int32_t> want = model.run_q8(q.data(), q.size());
        const std::vector<int32_t> got = network_on_hexagon("ghostnet_default_model_q8_hvx", model, q);
        CHECK(got == want);
        CHECK(top1(got) == top1(want));
        samples++;
    }
    CHECK(samples >= 30);
}

// The same model in fp32 for HVX v68 (float vectors), where the emulator executes them: logits
// as this machine's fp32 pipeline gives them, within a float tolerance (v68 multiplies and adds
// in qf32, not IEEE single, so the sums differ in their last bits). QEMU 7.2 does not execute
// v68 float, so here the case is skipped and test hexagon_fp32_code inspects the library.
TEST_CASE("the bundled fp32 model on HVX v68 gives this machine's logits", "[hexagon][fp32][fashion]") {
    std::string probe_log;
    if (!runs_hvx_v68_float(GHOSTNET_QEMU_HEXAGON, std::string(GHOSTNET_HEXAGON_DIR) + "/hvx_v68_float_probe",
                            &probe_log))
        GHOSTNET_SKIP("qemu-hexagon does not execute HVX v68 float vectors (hvx_v68_float_probe: " +
                      probe_log.substr(0, probe_log.find('\n')) +
                      "); the fp32 library for v68 is built and inspected instead (test hexagon_fp32_code)");
    const std::string dir = GHOSTNET_MODEL_DIR;
    const ModelDescription d = read_model_description(dir);
    const Model model = Model::load(d.weights_path, d.config);
    REQUIRE(model.precision() == Precision::F32);
    const NetworkSpec &spec = model.spec();
    std::vector<float> packed = pack_network(spec, SafetensorsFile::read(d.weights_path).tensors(), d.weights_path);
    const std::vector<std::string> samples = bundled_samples(dir);
    REQUIRE(!samples.empty());
    const std::vector<float> x = preprocess(load_image(dir + "/samples/" + samples[0], d.config.in_channels), d.preprocess);
    const std::vector<float> want = model.run(x.data(), x.size());
    std::vector<float> in = x, got(want.size());
    const NetworkConfig &c = spec.config;
    Halide::Runtime::Buffer<float> in_buf(in.data(), c.input_size, c.input_size, c.in_channels);
    Halide::Runtime::Buffer<float> w_buf(packed.data(), int(packed.size()));
    Halide::Runtime::Buffer<float> out_buf(got.data(), int(got.size()));
    REQUIRE(run_pipeline("ghostnet_default_model_f32_v68_hvx",
                         {{in_buf.raw_buffer(), false}, {w_buf.raw_buffer(), false}, {out_buf.raw_buffer(), true}}) == 0);
    float scale = 1.0f, worst = 0.0f;
    for (size_t i = 0; i < want.size(); i++) {
        scale = std::max(scale, std::abs(want[i]));
        worst = std::max(worst, std::abs(got[i] - want[i]));
    }
    INFO("largest logit difference " << worst << " (largest logit " << scale << ")");
    CHECK(worst <= 1e-3f * scale);
}
#endif

// GhostNetV2's fixture network (tests/fixtures/ghostnetv2_050_s112_k10: 0.5x at 112, the DFC
// attention in 14 of its 16 blocks), calibrated here: every logit as this machine's q8 pipeline
// gives it, which test_q8 holds byte for byte to the integer reference.
TEST_CASE("GhostNetV2 0.5x q8 on HVX gives this machine's logits byte for byte", "[hexagon][q8][v2]") {
    const NetworkSpec spec = make_ghostnet_spec(family_fixture_config(Version::V2));
    const std::string dir = family_fixture_dir(GHOSTNET_FIXTURES, Version::V2);
    const SafetensorsFile file = SafetensorsFile::read(dir + "/weights.safetensors");
    const NpyArray input = read_npy(dir + "/input.npy");
    std::mt19937 rng(31);
    const std::vector<float> other = random_normal(input.data.size(), rng, 1.0f);
    const q8::QuantizedNetwork net = calibrate(spec, file.tensors(), {input.data, other}, 100.0);
    const Model model(spec, q8::pack_network(spec, net), require_pipeline(spec, Precision::Q8).q8_fn);
    for (const std::vector<float> *x : {&input.data, &other}) {
        std::vector<uint8_t> q = quantize_input(*x, model.q8_packed().input);
        const std::vector<int32_t> want = model.run_q8(q.data(), q.size());
        const std::vector<int32_t> got = network_on_hexagon("ghostnetv2_w050_s112_k10_q8_hvx", model, q);
        CHECK(got == want);
        const auto mm = std::minmax_element(want.begin(), want.end());
        CHECK(*mm.second - *mm.first > 100);  // logits all alike would make the comparison hollow
    }
}

TEST_CASE("GhostNet 1.0x 224 q8 on HVX gives this machine's logits byte for byte", "[hexagon][q8][ghostnet]") {
#ifndef GHOSTNET_HEXAGON_GHOSTNET100
    GHOSTNET_SKIP("GhostNet 1.0x for HVX is built only with -DGHOSTNET_HEXAGON_GHOSTNET100=ON (scripts/test.sh --long)");
#else
    const NetworkSpec spec = make_ghostnet_spec(NetworkConfig{});
    const TensorMap ckpt = random_checkpoint(spec.tensors(), 41);
    std::mt19937 rng(43);
    const std::vector<float> x = random_normal(3 * 224 * 224, rng, 1.0f);
    const q8::QuantizedNetwork net = calibrate(spec, ckpt, {x}, 100.0);
    const Model model(spec, q8::pack_network(spec, net), require_pipeline(spec, Precision::Q8).q8_fn);
    std::vector<uint8_t> q = quantize_input(x, model.q8_packed().input);
    const std::vector<int32_t> want = model.run_q8(q.data(), q.size());
    const std::vector<int32_t> got = network_on_hexagon("ghostnet_w100_s224_q8_hvx", model, q);
    int differ = 0;
    for (size_t i = 0; i < want.size(); i++) differ += got[i] != want[i];
    INFO(differ << " of " << want.size() << " logits differ");
    CHECK(differ == 0);
    // Logits that are all alike would make the comparison hollow.
    const auto mm = std::minmax_element(want.begin(), want.end());
    CHECK(*mm.second - *mm.first > 100);
#endif
}
