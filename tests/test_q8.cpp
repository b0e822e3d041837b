// q8: the fixed-point arithmetic on its edge cases, and whole q8 networks byte for byte
// against the integer reference (runtime/q8_reference.cpp, as tests/reference/q8.h names it).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "cpu_features.h"
#include "evaluate.h"
#include "model.h"
#include "model_description.h"
#include "npy.h"
#include "q8_model_file.h"
#include "q8_network.h"
#include "q8_pack.h"
#include "q8_report.h"
#include "quantization.h"
#include "reference/q8.h"
#include "skip.h"
#include "temp_files.h"
#include "testutil.h"

using namespace ghostnet;
using namespace ghostnet::test;
namespace ref = ghostnet::reference::q8ref;

namespace {

constexpr int32_t kMax = std::numeric_limits<int32_t>::max();
constexpr int32_t kMin = std::numeric_limits<int32_t>::min();

ref::Q8Tensor quantize_input(const std::vector<float> &x, const NetworkSpec &spec,
                             const q8::ActQuant &q) {
    const int s = spec.config.input_size;
    ref::Q8Tensor t(spec.config.in_channels, s, s);
    q8::quantize(x.data(), x.size(), q, t.d.data());
    return t;
}

// The q8 pipeline and the integer reference on one input: every logit identical.
void check_identical(const NetworkSpec &spec, const q8::QuantizedNetwork &net,
                     const std::vector<float> &input) {
    // The pipeline the runtime picks for this model (for 7-bit grouped weights, the one built
    // for them where the build has it).
    const PipelineEntry *entry = find_pipeline(spec.config, Precision::Q8, net.grouped_weight_bits);
    REQUIRE(entry != nullptr);
    INFO("pipeline " << entry->name << ", grouped weights " << net.grouped_weight_bits << "-bit");
    const Model model(spec, q8::pack_network(spec, net), entry->q8_fn);
    const ref::Q8Tensor x = quantize_input(input, spec, net.acts.at("input"));
    const std::vector<int32_t> want = ref::ghostnet(x, spec, net);
    const std::vector<int32_t> got = model.run_q8(x.d.data(), x.d.size());
    REQUIRE(got.size() == want.size());
    int differ = 0;
    size_t first = 0;
    for (size_t i = 0; i < got.size(); i++)
        if (got[i] != want[i] && differ++ == 0) first = i;
    INFO(differ << " logits differ; first at " << first << ": " << got[first] << " vs "
                << want[first]);
    CHECK(differ == 0);
    // Logits that are all alike would make the comparison hollow.
    const auto mm = std::minmax_element(want.begin(), want.end());
    CHECK(*mm.second - *mm.first > 100);
}

// GhostNet 0.5x at 200, 100 classes: the PyTorch fixture's weights and input.
struct Fixture050 {
    NetworkSpec spec;
    SafetensorsFile file;
    NpyArray input;
};
Fixture050 fixture_050() {
    const std::string dir = std::string(GHOSTNET_FIXTURES) + "/ghostnet_050_s200_k100";
    NetworkConfig cfg;
    cfg.width = 0.5;
    cfg.input_size = 200;
    cfg.num_classes = 100;
    return {make_ghostnet_spec(cfg), SafetensorsFile::read(dir + "/weights.safetensors"), read_npy(dir + "/input.npy")};
}

}  // namespace

TEST_CASE("rounding shifts: ties toward +infinity; clamped left shifts", "[q8][arithmetic]") {
    CHECK(q8::rounding_shift_right(5, 1) == 3);
    CHECK(q8::rounding_shift_right(-5, 1) == -2);
    CHECK(q8::rounding_shift_right(-6, 2) == -1);  // -1.5 -> -1
    CHECK(q8::rounding_shift_right(-7, 2) == -2);  // -1.75 -> -2
    CHECK(q8::rounding_shift_right(kMax, 1) == 1 << 30);
    CHECK(q8::rounding_shift_right(kMax, 31) == 1);
    CHECK(q8::rounding_shift_right(kMin, 31) == -1);
    CHECK(q8::rounding_shift_right(7, 0) == 7);
    CHECK(q8::clamped_shift_left(3, 4) == 48);
    CHECK(q8::clamped_shift_left(-3, 4) == -48);
    CHECK(q8::clamped_shift_left(kMax / 2, 2) == (kMax >> 2) << 2);  // clamped, never wraps
    CHECK(q8::clamped_shift_left(kMin / 2, 2) == kMin);
    CHECK(q8::clamped_shift_left(kMin, 31) == kMin);
    CHECK(q8::clamped_shift_left(kMax, 31) == 0);
    CHECK(q8::rounding_mul_shift_right31(kMin, kMin) == kMax);
    CHECK(q8::rounding_mul_shift_right31(1 << 30, 1 << 30) == 1 << 29);
    CHECK(q8::rounding_mul_shift_right31(-3, 1 << 30) == -1);  // -1.5 -> -1
}

TEST_CASE("requantization multipliers cover small, unit and large scales", "[q8][arithmetic]") {
    for (double real : {1e-9, 3e-5, 0.001, 0.25, 0.7, 0.999999, 1.0, 1.5, 3.0, 200.0}) {
        CAPTURE(real);
        const q8::Multiplier m = q8::quantize_multiplier(real);
        CHECK(m.shift >= -30);
        CHECK(m.shift <= 31);
        for (int32_t acc : {0, 1, -1, 1000, -1000, 123456, -7654321}) {
            CAPTURE(acc);
            const double want = acc * real;
            const int32_t got = q8::requantize(acc, m.multiplier, m.shift);
            // Two roundings (multiply, then shift), each at most half a unit.
            CHECK(std::fabs(got - want) <= 1.0 + std::fabs(want) * 1e-6);
        }
    }
    CHECK(q8::quantize_multiplier(0).multiplier == 0);
    const q8::Multiplier four = q8::quantize_multiplier(4.0);
    // Far past any uint8 range, and of the right sign: the left shift clamps, never wraps.
    CHECK(q8::requantize(kMax, four.multiplier, four.shift) > (1 << 29));
    CHECK(q8::requantize(kMin, four.multiplier, four.shift) < -(1 << 29));
    CHECK_THROWS_WITH(q8::quantize_multiplier(-1.0), Catch::Contains("out of range"));
    CHECK_THROWS_WITH(q8::quantize_multiplier(std::nan("")), Catch::Contains("out of range"));
    CHECK_THROWS_WITH(q8::quantize_multiplier(2e9), Catch::Contains("out of range"));
}

TEST_CASE("16-bit requantization is within 1/32 of a unit of one rounding, and saturates", "[q8][arithmetic]") {
    for (double real : {1e-12, 1e-9, 3e-5, 0.001, 0.25, 0.7, 0.999999, 1.0, 1.5, 3.0, 200.0, 511.0}) {
        CAPTURE(real);
        const q8::Multiplier16 m = q8::quantize_multiplier16(real);
        CHECK(m.shift >= -15);
        CHECK(m.shift <= 31);
        CHECK(m.multiplier >= 0);
        CHECK(m.multiplier < (1 << 15));
        for (int32_t acc : {0, 1, -1, 2, -3, 255, -255, 1000, -1000, 123456, -7654321, kMax, kMin}) {
            CAPTURE(acc);
            const double want = acc * real;
            const int32_t got = q8::requantize16(acc, m.multiplier, m.shift);
            if (std::fabs(want) < 255) {
                // The last rounding's half unit, 2^-kQ8RequantFracBits for the two before it, and
                // the multiplier's 15 bits.
                CHECK(std::fabs(got - want) <= 0.5 + 1.0 / 32 + std::fabs(want) * 4e-5);
            } else {
                CHECK(std::abs(got) >= 255);  // saturated past any uint8 difference, never wrapped
                CHECK((got > 0) == (want > 0));
            }
        }
    }
    CHECK(q8::quantize_multiplier16(0).multiplier == 0);
    CHECK(q8::quantize_multiplier16(1e-30).multiplier == 0);
    CHECK(q8::rounding_mul_shift_right15(-3, 1 << 14) == -1);  // -1.5 -> -1
    CHECK(q8::rounding_mul_shift_right15(32767, 32767) == 32766);
    CHECK_THROWS_WITH(q8::quantize_multiplier16(-1.0), Catch::Contains("out of range"));
    CHECK_THROWS_WITH(q8::quantize_multiplier16(std::nan("")), Catch::Contains("out of range"));
    CHECK_THROWS_WITH(q8::quantize_multiplier16(512.0), Catch::Contains("out of range"));
}

TEST_CASE("activation quantization keeps zero exact at the range extremes", "[q8][arithmetic]") {
    const q8::ActQuant a = q8::choose_act_quant(-1.0f, 3.0f);
    CHECK(a.zero_point == 64);
    CHECK(q8::quantize(0.0f, a) == 64);
    CHECK(q8::quantize(100.0f, a) == 255);   // saturates
    CHECK(q8::quantize(-100.0f, a) == 0);
    const q8::ActQuant relu = q8::choose_act_quant(0.0f, 6.0f);
    CHECK(relu.zero_point == 0);
    CHECK(relu.scale == Approx(6.0 / 255));
    const q8::ActQuant neg = q8::choose_act_quant(-5.0f, -1.0f);  // widened to hold 0
    CHECK(neg.zero_point == 255);
    CHECK(q8::dequantize(255, neg) == 0.0f);
    CHECK_THROWS(q8::choose_act_quant(2.0f, 1.0f));
    CHECK_THROWS(q8::choose_act_quant(0.0f, std::numeric_limits<float>::infinity()));
    // Half to even, and the batch form gives the scalar form's bytes.
    const q8::ActQuant unit{1.0f, 10};
    CHECK(q8::quantize(0.5f, unit) == 10);
    CHECK(q8::quantize(1.5f, unit) == 12);
    CHECK(q8::quantize(-2.5f, unit) == 8);
    CHECK(q8::quantize(std::nanf(""), unit) == 0);
    std::vector<float> xs;
    for (int i = -2000; i <= 2000; i++) xs.push_back(i * 0.25f);
    // Past both ends, NaN of either sign, signed zeros, denormals, and ties at odd and even
    // integers just inside the clamp: 14 values repeated, so that the x86 batch form's blocks
    // of 16 see each in every position.
    const float inf = std::numeric_limits<float>::infinity(), nan = std::numeric_limits<float>::quiet_NaN();
    for (int i = 0; i < 16; i++)
        for (float v : {1e30f, -1e30f, inf, -inf, nan, -nan, 0.0f, -0.0f, 1e-40f, -1e-40f, 244.5f, 245.5f, -9.5f, -10.5f})
            xs.push_back(v);
    for (const q8::ActQuant &q : {a, unit, relu, neg}) {
        // Every start (the blocks' loads unaligned) and a tail of every length.
        for (size_t start : {0, 1, 5}) {
            std::vector<uint8_t> batch(xs.size() - start);
            q8::quantize(xs.data() + start, batch.size(), q, batch.data());
            int differ = 0;
            for (size_t i = 0; i < batch.size(); i++) differ += batch[i] != q8::quantize(xs[start + i], q);
            CHECK(differ == 0);
        }
    }
}

// GhostNetV2's DFC attention in the q8 layout: its three activation points chained, its sigmoid
// table between the block's conv parameters and its residual add, and the table itself.
TEST_CASE("the q8 layout: every index where runtime/q8_layout.h documents it", "[q8][layout]") {
    using namespace q8_layout;
    // A conv's parameters: the header, then bias, multipliers, shifts (and the int8-input bias).
    CHECK(conv_params(5, false) == 4 + 3 * 5);
    CHECK(conv_params(5, true) == 4 + 4 * 5);
    CHECK(header(100, kInZeroPoint) == 100);
    CHECK(header(100, kHighest) == 103);
    CHECK(per_channel(100, 5, PerChannel::Bias, 2) == 106);
    CHECK(per_channel(100, 5, PerChannel::Multiplier, 2) == 111);
    CHECK(per_channel(100, 5, PerChannel::Shift, 2) == 116);
    CHECK(per_channel(100, 5, PerChannel::BiasInt8, 4) == 123);
    CHECK(per_channel(100, 5, PerChannel::BiasInt8, 4) < 100 + int(conv_params(5, true)));
    // A residual add's seven parameters, in their documented order.
    CHECK(add_param(10, kResidualZeroPoint) == 10);
    CHECK(add_param(10, kShortcutShift) == 16);
    CHECK(kShortcutShift < kQ8AddParams);
    // Grouped weights [ky][kx][cin / 4][cout][4]: each index once, all of them, in order.
    const int k = 3, cin = 8, cout = 3;
    std::vector<int> seen(size_t(k * k * cin * cout), 0);
    for (int ky = 0; ky < k; ky++)
        for (int kx = 0; kx < k; kx++)
            for (int ci = 0; ci < cin; ci++)
                for (int co = 0; co < cout; co++) {
                    const int i = grouped_weight(0, k, cin, cout, co, ci, kx, ky);
                    REQUIRE(i >= 0);
                    REQUIRE(i < int(seen.size()));
                    seen[size_t(i)]++;
                    CHECK(i % kQ8Group == ci % kQ8Group);  // a group's four input channels together
                    CHECK(i / kQ8Group % cout == co);
                }
    CHECK(std::count(seen.begin(), seen.end(), 1) == int(seen.size()));
    CHECK(grouped_weight(7, k, cin, cout, 0, 4, 0, 0) == 7 + cout * kQ8Group);
}

TEST_CASE("the q8 DFC attention: activation points, parameter slots, sigmoid table", "[q8][arithmetic][v2]") {
    NetworkConfig c;
    c.width = 0.5;
    c.input_size = 64;
    c.version = Version::V2;
    const NetworkSpec spec = make_ghostnet_spec(c);
    const std::vector<std::string> points = spec.activation_points();
    int with_dfc = 0;
    for (const BottleneckSpec &b : spec.blocks) {
        if (!b.ghost1.dfc) continue;
        with_dfc++;
        const GhostModuleSpec &g = b.ghost1;
        CAPTURE(b.name);
        CHECK(g.dfc_conv.act_in == b.act_in);
        CHECK(g.dfc_row.act_in == g.dfc_conv.act_out);
        CHECK(g.dfc_column.act_in == g.dfc_row.act_out);
        CHECK(g.dfc_column.act_out == b.name + ".ghost1.dfc_column");
        for (const ConvSpec *d : {&g.dfc_conv, &g.dfc_row, &g.dfc_column})
            CHECK(std::count(points.begin(), points.end(), d->act_out) == 1);
        size_t conv_end = 0;
        for (const ConvSpec *d : b.convs()) conv_end = std::max(conv_end, d->q_params_offset + d->q_params_count());
        CHECK(g.q_sigmoid_offset == conv_end);
        CHECK(b.q_add_offset == g.q_sigmoid_offset + kQ8SigmoidTable);
    }
    CHECK(with_dfc == int(spec.blocks.size()) - 2);
    // A missing attention point is named.
    std::map<std::string, q8::ActQuant> acts;
    for (const std::string &p : points) acts[p] = {0.05f, 10};
    const std::string missing = spec.blocks[2].ghost1.dfc_row.act_out;
    acts.erase(missing);
    REQUIRE_THROWS_WITH(q8::quantize_network(spec, random_checkpoint(spec.tensors(), 1), "t.safetensors", acts),
                        Catch::Contains("'" + missing + "'"));

    // sigmoid(0) is 1/2; the table rises, is symmetric about the zero point, and saturates at
    // 0 and 2^15 far from it.
    const std::vector<int32_t> t = q8::sigmoid_table({0.05f, 128});
    REQUIRE(t.size() == size_t(kQ8SigmoidTable));
    CHECK(t[128] == 1 << (kQ8GateBits - 1));
    CHECK(t[0] == std::lround(std::ldexp(1.0 / (1.0 + std::exp(0.05 * 128)), kQ8GateBits)));
    for (int q = 1; q < kQ8SigmoidTable; q++) CHECK(t[q] >= t[q - 1]);
    for (int k = 1; k < 128; k++) CHECK(t[128 + k] + t[128 - k] == 1 << kQ8GateBits);
    const std::vector<int32_t> steep = q8::sigmoid_table({1.0f, 0});
    CHECK(steep[0] == 1 << (kQ8GateBits - 1));
    CHECK(steep[255] == 1 << kQ8GateBits);
    CHECK(q8::sigmoid_table({1.0f, 255})[0] == 0);
}

TEST_CASE("residual add and gate saturate and round at zero point extremes", "[q8][arithmetic]") {
    auto params = [](int32_t zr, int32_t zs, int32_t zo, double mr, double ms) {
        return q8::add_params(zr, zs, zo, q8::quantize_multiplier16(mr), q8::quantize_multiplier16(ms));
    };
    auto p = params(0, 0, 0, 1.0, 1.0);
    CHECK(q8::add(200, 100, p.data()) == 255);  // saturates high
    CHECK(q8::add(20, 10, p.data()) == 30);
    p = params(255, 255, 255, 1.0, 1.0);
    CHECK(q8::add(0, 0, p.data()) == 0);  // saturates low
    CHECK(q8::add(255, 255, p.data()) == 255);
    p = params(128, 0, 10, 0.5, 0.25);
    // (129 - 128) * 0.5 + 2 * 0.25 = 1.0 exactly: each operand keeps its half.
    CHECK(q8::add(129, 2, p.data()) == 11);
    // (127 - 128) * 0.5 + 0 = -0.5: one rounding, ties toward +infinity.
    CHECK(q8::add(127, 0, p.data()) == 10);
    p = params(0, 0, 0, 200.0, 200.0);  // large multipliers saturate instead of wrapping
    CHECK(q8::add(255, 255, p.data()) == 255);
    // Multipliers of about 4 shift each operand left by 9 on 16-bit lanes: an operand past 63
    // holds 63 * 2^9 (-64 * 2^9 below), the pipelines' form, and a shortcut of the other sign
    // brings the sum back into range, where that level shows: the residual's 200 counts as 63
    // (256.4 output units), the shortcut's -200 as -64 (-256), so the output is the zero point.
    p = params(0, 255, 128, 4.07, 4.0);
    CHECK(p[q8_layout::kResidualShift] == -9);
    CHECK(q8::add(200, 55, p.data()) == q8::add(63, 55, p.data()));
    CHECK(q8::add(200, 55, p.data()) == 128);

    CHECK(q8::gate(200, 128, 1 << 15) == 200);
    CHECK(q8::gate(200, 128, 0) == 128);
    CHECK(q8::gate(0, 255, 1 << 14) == 128);  // 127.5 -> 128
    CHECK(q8::gate(255, 0, 1 << 14) == 128);
    CHECK(q8::average(255 * 49, 49) == 255);
    CHECK(q8::average(5, 2) == 3);
}

TEST_CASE("7-bit grouped weights: the quantizer keeps them within +-63, the file says so and is checked",
          "[q8][format]") {
    const NetworkSpec spec = make_ghostnet_spec(small_config());
    const TensorMap ckpt = random_checkpoint(spec.tensors(), 7);
    std::mt19937 rng(8);
    const q8::QuantizedNetwork net = calibrate(spec, ckpt, {random_normal(32 * 32, rng, 1.0f)}, 100.0, 7);
    REQUIRE(net.grouped_weight_bits == 7);
    int grouped = 0;
    for (const ConvSpec *c : spec.convs()) {
        CAPTURE(c->weight);
        const std::vector<int8_t> &w = net.convs.at(c->weight).weight;
        const int largest = std::abs(int(*std::max_element(w.begin(), w.end(), [](int8_t a, int8_t b) {
            return std::abs(int(a)) < std::abs(int(b));
        })));
        // Each output channel's largest weight maps to the limit: 63 for grouped convs, 127 for the others.
        CHECK(largest == (c->q8_grouped() ? kQ8PairWeightLimit : 127));
        grouped += c->q8_grouped();
    }
    CHECK(grouped > 10);

    const TempDir tmp("ghostnet_q8_7bit");
    const std::string path = tmp.file("q8.safetensors");
    q8::write_model(path, spec, net, {});
    const SafetensorsFile file = SafetensorsFile::read(path);
    CHECK(q8::grouped_weight_bits(file) == 7);
    CHECK(q8::read_model(spec, file).grouped_weight_bits == 7);

    // A weight past 63 in a file that declares 7 bits is refused, naming the tensor.
    auto tensors = file.tensors();
    std::string grouped_conv;
    for (const ConvSpec *c : spec.convs())
        if (c->q8_grouped() && grouped_conv.empty()) grouped_conv = c->weight;
    tensors[grouped_conv].bytes[0] = 100;
    write_safetensors(path, tensors, file.metadata());
    CHECK_THROWS_WITH(q8::read_model(spec, SafetensorsFile::read(path)),
                      Catch::Contains(grouped_conv) && Catch::Contains("100") && Catch::Contains("grouped_weight_bits 7"));
    // The same weight in a file that declares 8 bits (or nothing: files before the key) is fine.
    auto metadata = file.metadata();
    metadata.erase("grouped_weight_bits");
    write_safetensors(path, tensors, metadata);
    CHECK(q8::grouped_weight_bits(SafetensorsFile::read(path)) == 8);
    CHECK(q8::read_model(spec, SafetensorsFile::read(path)).grouped_weight_bits == 8);
    metadata["grouped_weight_bits"] = "6";
    write_safetensors(path, tensors, metadata);
    CHECK_THROWS_WITH(q8::read_model(spec, SafetensorsFile::read(path)),
                      Catch::Contains("grouped_weight_bits") && Catch::Contains("\"6\""));
}

TEST_CASE("q8 model files round-trip and refuse bad scales", "[q8][format]") {
    const NetworkConfig cfg = small_config();
    const NetworkSpec spec = make_ghostnet_spec(cfg);
    const TensorMap ckpt = random_checkpoint(spec.tensors(), 5);
    std::mt19937 rng(6);
    const q8::QuantizedNetwork net =
        calibrate(spec, ckpt, {random_normal(32 * 32, rng, 1.0f)}, 100.0);
    const TempDir tmp("ghostnet_q8");
    const std::string path = tmp.file("q8.safetensors");
    q8::write_model(path, spec, net, {{"note", "test"}});
    const SafetensorsFile file = SafetensorsFile::read(path);
    REQUIRE(q8::is_q8_file(file));
    const q8::QuantizedNetwork back = q8::read_model(spec, file);
    CHECK(back.acts.size() == net.acts.size());
    for (const auto &kv : net.convs) {
        CAPTURE(kv.first);
        CHECK(back.convs.at(kv.first).weight == kv.second.weight);
        CHECK(back.convs.at(kv.first).bias == kv.second.bias);
        CHECK(back.convs.at(kv.first).weight_scale == kv.second.weight_scale);
    }

    auto tensors = file.tensors();
    tensors["act.conv_stem.zero_point"].bytes = {0, 1, 0, 0};  // 256
    write_safetensors(path, tensors, file.metadata());
    CHECK_THROWS_WITH(q8::read_model(spec, SafetensorsFile::read(path)),
                      Catch::Contains("act.conv_stem.zero_point") && Catch::Contains("[0, 255]"));

    NetworkConfig other = cfg;
    other.num_classes = 11;
    q8::write_model(path, spec, net, {});
    CHECK_THROWS_WITH(q8::read_model(make_ghostnet_spec(other), SafetensorsFile::read(path)),
                      Catch::Contains("classifier"));
    CHECK_THROWS_WITH(q8::read_model(spec, SafetensorsFile::read(GHOSTNET_MODEL_DIR "/weights.safetensors")),
                      Catch::Contains("not a q8 model"));
}

TEST_CASE("GhostNet 0.5x q8 equals the integer reference byte for byte", "[q8][ghostnet]") {
    const Fixture050 fx = fixture_050();
    const NetworkSpec &spec = fx.spec;
    const SafetensorsFile &file = fx.file;
    const NpyArray &input = fx.input;
    std::mt19937 rng(11);
    for (double percentile : {100.0, 99.9}) {
        CAPTURE(percentile);
        const q8::QuantizedNetwork net =
            calibrate(spec, file.tensors(), {input.data, random_normal(input.data.size(), rng, 1.0f)},
                      percentile);
        check_identical(spec, net, input.data);
        check_identical(spec, net, random_normal(input.data.size(), rng, 1.5f));
    }
}

// Model::run on a float input quantizes it itself (on the pipelines' threads when there are
// several, each a part): its logits must be those of run_q8 on q8::quantize's bytes, scaled.
TEST_CASE("q8 Model::run quantizes a float input as q8::quantize does, on any thread count", "[q8][threads]") {
    const Fixture050 fx = fixture_050();
    std::mt19937 rng(12);
    const std::vector<float> x = random_normal(fx.input.data.size(), rng, 1.0f);
    const q8::QuantizedNetwork net = calibrate(fx.spec, fx.file.tensors(), {fx.input.data}, 100.0);
    const PipelineEntry *entry = find_pipeline(fx.spec.config, Precision::Q8, net.grouped_weight_bits);
    REQUIRE(entry != nullptr);
    q8::PackedQ8 packed = q8::pack_network(fx.spec, net);
    const std::vector<float> scale = packed.logit_scale;
    const Model model(fx.spec, std::move(packed), entry->q8_fn);
    std::vector<uint8_t> q(x.size());
    q8::quantize(x.data(), x.size(), net.acts.at("input"), q.data());
    const std::vector<int32_t> acc = model.run_q8(q.data(), q.size());
    std::vector<float> other(x.size());
    std::transform(x.begin(), x.end(), other.begin(), [](float v) { return -v; });
    for (int threads : {1, 2, 3}) {
        CAPTURE(threads);
        set_num_threads(1);
        model.run(other.data(), other.size());  // so that a part left out would keep other bytes
        set_num_threads(threads);
        const std::vector<float> logits = model.run(x.data(), x.size());
        REQUIRE(logits.size() == acc.size());
        int differ = 0;
        for (size_t i = 0; i < acc.size(); i++) differ += logits[i] != float(acc[i]) * scale[i];
        CHECK(differ == 0);
    }
    set_num_threads(0);
}

// GhostNetV2 (the DFC attention in integers) and V3 (its unfused checkpoint folded, then
// quantized; run by the V2 pipeline): the PyTorch fixtures' weights, calibrated on the fixture
// input and a random one. The report then sees every point, the attention's too.
TEST_CASE("GhostNetV2 and V3 0.5x q8 equal the integer reference byte for byte", "[q8][ghostnet][v2]") {
    for (Version version : {Version::V2, Version::V3}) {
        CAPTURE(version_name(version));
        const NetworkSpec spec = make_ghostnet_spec(family_fixture_config(version));
        const std::string dir = family_fixture_dir(GHOSTNET_FIXTURES, version);
        const SafetensorsFile file = SafetensorsFile::read(dir + "/weights.safetensors");
        const NpyArray input = read_npy(dir + "/input.npy");
        std::mt19937 rng(version == Version::V2 ? 23 : 29);
        const std::vector<std::vector<float>> images = {input.data, random_normal(input.data.size(), rng, 1.0f)};
        const q8::QuantizedNetwork net = calibrate(spec, file.tensors(), images, 100.0);
        check_identical(spec, net, input.data);
        check_identical(spec, net, random_normal(input.data.size(), rng, 1.5f));

        QuantizationReporter rep(spec, file.tensors(), "checkpoint", net);
        for (const auto &x : images) rep.add(x.data());
        const QuantizationReport r = rep.report();
        REQUIRE(r.points.size() == spec.activation_points().size());
        // Every point's own rounding is fine; the error carried from the input grows through
        // these random-weight networks (to about 1 dB in the last stage, against 11 dB for V1's
        // 0.5x fixture), but where the attention first appears q8 still tracks fp32 closely.
        int dfc_points = 0;
        for (const ActivationError &e : r.points) {
            CAPTURE(e.point, e.sqnr_db, e.own_sqnr_db);
            dfc_points += e.point.find(".dfc_") != std::string::npos;
            CHECK(e.clipped_percent == 0.0);
            CHECK(e.own_sqnr_db > 20.0);
            CHECK(e.sqnr_db > 0.0);
            if (e.point.rfind("blocks.2.", 0) == 0) CHECK(e.sqnr_db > 15.0);
        }
        CHECK(dfc_points == 3 * 14);  // 14 of the 16 blocks have the attention, 3 points each
    }
}

TEST_CASE("the quantization report measures q8 against fp32 and finds a point whose range is wrong", "[q8][report]") {
    const Fixture050 fx = fixture_050();
    const NetworkSpec &spec = fx.spec;
    const SafetensorsFile &file = fx.file;
    const NpyArray &input = fx.input;
    std::mt19937 rng(5);
    const std::vector<std::vector<float>> images = {input.data, random_normal(input.data.size(), rng, 1.0f)};
    Calibrator cal(spec, file.tensors(), "checkpoint");
    for (const auto &x : images) cal.observe(x.data());
    std::map<std::string, q8::ActQuant> acts = cal.act_quant();
    auto report_of = [&](const std::map<std::string, q8::ActQuant> &a) {
        QuantizationReporter rep(spec, file.tensors(), "checkpoint",
                                 q8::quantize_network(spec, file.tensors(), "checkpoint", a));
        for (const auto &x : images) rep.add(x.data());
        return rep.report();
    };
    const QuantizationReport good = report_of(acts);
    CHECK(good.images == 2);
    REQUIRE(good.points.size() == spec.activation_points().size());
    for (size_t i = 1; i < good.points.size(); i++) CHECK(good.points[i - 1].sqnr_db <= good.points[i].sqnr_db);
    for (const ActivationError &e : good.points) {
        CAPTURE(e.point, e.sqnr_db, e.own_sqnr_db);
        // Ranges from these very images: nothing clips, and 8 bits over the range is ~6 dB a bit.
        CHECK(e.clipped_percent == 0.0);
        CHECK(e.own_sqnr_db > 20.0);
        CHECK(e.sqnr_db > 5.0);
    }
    // A range 16 times too narrow at one point deep in the network: that point clips, its own
    // rounding and clipping is the report's worst, and the points before it do not move.
    const std::string bad = spec.blocks[5].act_out;
    acts[bad].scale /= 16;
    const QuantizationReport worse = report_of(acts);
    REQUIRE(worse.points.size() == good.points.size());
    auto find = [](const QuantizationReport &r, const std::string &p) {
        for (const ActivationError &e : r.points)
            if (e.point == p) return e;
        FAIL("no point " << p);
        return ActivationError{};
    };
    const ActivationError b = find(worse, bad);
    CHECK(b.clipped_percent > 1.0);
    CHECK(b.own_sqnr_db < find(good, bad).own_sqnr_db - 10.0);
    for (const ActivationError &e : worse.points) CHECK(e.own_sqnr_db >= b.own_sqnr_db);
    CHECK(find(worse, spec.blocks[0].act_out).sqnr_db == find(good, spec.blocks[0].act_out).sqnr_db);
    CHECK(worse.to_text().find(bad) != std::string::npos);
    CHECK(worse.to_json().find("\"point\": \"" + bad + "\"") != std::string::npos);
}

// GhostNet 1.0x q8 is built for every variant of the dispatch list
// (cmake/GhostNetLibraries.cmake). tests/CMakeLists.txt runs this case again once per x86
// variant, refusing the better variants' features (GHOSTNET_REFUSE_TARGET_FEATURES), and says
// in GHOSTNET_EXPECT_VARIANT which one must run; a variant this CPU cannot run is skipped,
// naming the feature it lacks (tests/test_isa_variants.cmake still inspects its code).
// Otherwise the library must have taken its VNNI variant exactly when this CPU runs it (when it
// dispatches at all).
TEST_CASE("GhostNet 1.0x 224 q8 equals the integer reference byte for byte", "[q8][ghostnet]") {
    const char *expect = std::getenv("GHOSTNET_EXPECT_VARIANT");
    if (expect) {
        const std::string lacks = cpu_lacks_feature(expect);
        if (!lacks.empty()) GHOSTNET_SKIP("variant " << expect << ": this CPU lacks " << lacks);
    }
    NetworkConfig cfg;
    const NetworkSpec spec = make_ghostnet_spec(cfg);
    const TensorMap ckpt = random_checkpoint(spec.tensors(), 41);
    std::mt19937 rng(43);
    const std::vector<float> x = random_normal(3 * 224 * 224, rng, 1.0f);
    // 8-bit weights, and 7-bit grouped weights through the pipeline built for them
    // (ghostnet_w100_s224_q8_w7 in x86 builds: int16 pairs, pmaddubsw, without VNNI).
    for (int bits : {8, 7}) {
        CAPTURE(bits);
        check_identical(spec, calibrate(spec, ckpt, {x}, 100.0, bits), x);
    }
    const std::string ran = dispatched_features();
    INFO("variant that ran: '" << ran << "'; expected: " << (expect ? expect : "the best for this CPU"));
    if (expect)
        CHECK(ran == expect);
    else if (!ran.empty())
        CHECK((ran.find("avx512_zen4") != std::string::npos) == cpu_runs_avx512_zen4());
}

TEST_CASE("the bundled q8 model's Fashion-MNIST accuracy is within 0.5 points of fp32", "[q8][fashion][eval]") {
    const ModelDescription d = read_model_description(GHOSTNET_MODEL_DIR);
    const Model f32 = Model::load(d.weights_path, d.config);
    const Model q8m = Model::load(d.q8_weights(), d.config);
    REQUIRE(q8m.precision() == Precision::Q8);
    const std::string images = "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz";
    const std::string labels = "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz";
    const Evaluation a = evaluate_idx(f32, d.preprocess, images, labels);
    const Evaluation b = evaluate_idx(q8m, d.preprocess, images, labels);
    INFO("fp32 " << a.top1() << "%, q8 " << b.top1() << "%");
    CHECK(b.images == 10000);
    CHECK(std::fabs(a.top1() - b.top1()) <= 0.5);
}
