// Ghost bottleneck pipelines (packed weights, runtime spatial size): fp32 against
// reference::ghost_bottleneck computed from the checkpoint tensors with BatchNorm unfolded, and
// q8 byte for byte against the integer reference (both Ghost modules, depthwise stride 2,
// squeeze-excite, residual add, conv shortcut) with random scales and zero points from 0 to 255.
#include <catch2/catch.hpp>

#include "ghost_bottleneck_16_48_24_k3_s2.h"
#include "ghost_bottleneck_20_60_28_k3_s1.h"
#include "ghost_bottleneck_40_120_40_k5_s1_se.h"
#include "ghost_bottleneck_56_336_80_k5_s2_se.h"
#include "ghost_bottleneck_v2_20_60_28_k3_s1_dfc.h"
#include "ghost_bottleneck_v2_40_120_40_k5_s1_se_dfc.h"
#include "ghost_bottleneck_v3_16_48_24_k3_s2_dfc.h"
#include "ghost_bottleneck_q8_16_48_24_k3_s2.h"
#include "ghost_bottleneck_q8_20_60_28_k3_s1.h"
#include "ghost_bottleneck_q8_40_120_40_k5_s1_se.h"
#include "ghost_bottleneck_q8_56_336_80_k5_s2_se.h"
#include "quantization.h"
#include "reference/q8.h"
#include "testutil.h"

using namespace ghostnet;
using namespace ghostnet::test;

namespace {

namespace ref = ghostnet::reference::q8ref;

// (input, weights, q8 params, output); the fp32 pipelines take the params buffer unread.
using BlockFn = int (*)(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *, halide_buffer_t *);
struct BottleneckVariant {
    const char *name;
    BlockFn fn, q8_fn;
    int in, mid, out, k, stride, se;
};
const BottleneckVariant kVariants[] = {
    {"16-48-24 k3 s2 (dw, conv shortcut)", ghost_bottleneck_16_48_24_k3_s2,
     ghost_bottleneck_q8_16_48_24_k3_s2, 16, 48, 24, 3, 2, 0},
    {"40-120-40 k5 s1 SE (identity)", ghost_bottleneck_40_120_40_k5_s1_se,
     ghost_bottleneck_q8_40_120_40_k5_s1_se, 40, 120, 40, 5, 1, 32},
    {"56-336-80 k5 s2 SE (dw, conv shortcut)", ghost_bottleneck_56_336_80_k5_s2_se,
     ghost_bottleneck_q8_56_336_80_k5_s2_se, 56, 336, 80, 5, 2, 84},
    {"20-60-28 k3 s1 (conv shortcut)", ghost_bottleneck_20_60_28_k3_s1,
     ghost_bottleneck_q8_20_60_28_k3_s1, 20, 60, 28, 3, 1, 0},
};
const int kSizes[][2] = {{1, 1}, {7, 7}, {15, 15}, {9, 4}, {28, 28}};

// One variant at one input size: its spec (fp32 and q8 offsets assigned) and a random checkpoint.
struct Block {
    BottleneckSpec spec;
    size_t packed_size = 0, params_size = 0;
    TensorMap ckpt;
};

Block make_block(const BottleneckVariant &v, const int hw[2], uint32_t seed, Version version = Version::V1,
                 bool dfc = false) {
    Block b;
    b.spec = make_bottleneck_spec("block", v.in, v.mid, v.out, v.k, v.stride, v.se, hw[0], hw[1], 2, 3, "input",
                                  version, dfc);
    b.packed_size = assign_offsets(b.spec.convs());
    b.params_size = assign_q8_offsets(&b.spec, 0) + kPackedSlack;
    std::vector<TensorSpec> tensors;
    for (const ConvSpec *c : b.spec.convs()) c->append_tensors(&tensors);
    b.ckpt = random_checkpoint(tensors, seed);
    return b;
}

// The fp32 pipeline `v.fn` on a random input of the block's size, its weights folded and packed
// by the runtime, against reference::ghost_bottleneck from the block's checkpoint.
void check_fp32(const BottleneckVariant &v, const Block &b, uint32_t seed) {
    std::vector<float> packed(b.packed_size, 0.0f);
    for (const ConvSpec *c : b.spec.convs()) pack_conv(*c, fold_conv(*c, b.ckpt, "test"), &packed);
    std::mt19937 rng(seed);
    const Tensor3 in = random_tensor(v.in, b.spec.in_h, b.spec.in_w, rng);
    const Tensor3 want = reference::ghost_bottleneck(in, b.spec, b.ckpt);
    auto in_buf = to_cxy(in);
    Halide::Runtime::Buffer<float> w(packed.data(), int(packed.size()));
    Halide::Runtime::Buffer<int32_t> unused(1);
    Halide::Runtime::Buffer<float> out(v.out, want.w, want.h);
    REQUIRE(v.fn(in_buf, w, unused, out) == 0);
    const Diff d = compare(from_cxy(out).d, want.d);
    INFO(d.str());
    CHECK(d.max_abs <= tolerance(want.d, v.mid * 25));
}

}  // namespace

TEST_CASE("ghost_bottleneck matches the reference", "[ghost_bottleneck]") {
    uint32_t seed = 19;
    for (const BottleneckVariant &v : kVariants) {
        for (const auto &hw : kSizes) {
            CAPTURE(v.name, hw[0], hw[1]);
            const Block b = make_block(v, hw, seed++);
            check_fp32(v, b, seed++);
        }
    }
}

// GhostNetV2 and V3 blocks: ghost1's DFC attention (2x2 average pool, 1x1 conv, 1x5 and 5x1
// depthwise convs, sigmoid, nearest upsampling, the gate), and V3's training-time branches folded
// by the runtime, against the reference computing them from the checkpoint as timm does
// (branches one by one, BatchNorm unfolded). Sizes from 2x2 (a 1x1 attention) to 28x28, odd ones
// (floor pooling, uneven nearest upsampling).
TEST_CASE("GhostNetV2/V3 ghost_bottleneck (DFC attention, V3 branches) matches the reference", "[ghost_bottleneck][v2]") {
    struct MemberVariant {
        BottleneckVariant v;
        Version version;
    };
    const MemberVariant variants[] = {
        {{"v2 20-60-28 k3 s1 DFC (ghost1 fused by rows)", ghost_bottleneck_v2_20_60_28_k3_s1_dfc, nullptr, 20, 60, 28, 3, 1, 0},
         Version::V2},
        {{"v2 40-120-40 k5 s1 SE DFC (identity)", ghost_bottleneck_v2_40_120_40_k5_s1_se_dfc, nullptr, 40, 120, 40, 5, 1, 32},
         Version::V2},
        {{"v3 16-48-24 k3 s2 DFC (dw branches, conv shortcut)", ghost_bottleneck_v3_16_48_24_k3_s2_dfc, nullptr, 16, 48, 24, 3,
          2, 0},
         Version::V3},
    };
    const int sizes[][2] = {{2, 2}, {7, 7}, {15, 15}, {9, 4}, {3, 5}, {28, 28}};
    uint32_t seed = 131;
    for (const MemberVariant &mv : variants) {
        const BottleneckVariant &v = mv.v;
        for (const auto &hw : sizes) {
            CAPTURE(v.name, hw[0], hw[1]);
            const Block b = make_block(v, hw, seed++, mv.version, /*dfc=*/true);
            check_fp32(v, b, seed++);
        }
    }
}

TEST_CASE("q8 ghost_bottleneck equals the integer reference", "[q8][ghost_bottleneck]") {
    uint32_t seed = 71;
    for (const BottleneckVariant &v : kVariants) {
        for (const auto &hw : kSizes) {
            CAPTURE(v.name, hw[0], hw[1]);
            const Block b = make_block(v, hw, seed++);
            const BottleneckSpec &spec = b.spec;
            const TensorMap &ckpt = b.ckpt;

            // Random activation quantization: scales over a decade, zero points anywhere.
            std::mt19937 rng(seed++);
            std::uniform_real_distribution<float> scale(0.01f, 0.1f);
            std::uniform_int_distribution<int32_t> zp(0, 255);
            q8::QuantizedNetwork net;
            net.acts[spec.act_in] = {scale(rng), zp(rng)};
            for (const std::string &p : spec.activation_points()) net.acts[p] = {scale(rng), zp(rng)};
            for (const ConvSpec *c : spec.convs())
                net.convs[c->weight] =
                    q8::quantize_conv(*c, fold_conv(*c, ckpt, "test"), net.acts.at(c->act_in).scale);

            q8::PackedQ8 packed;
            packed.weights.assign(b.packed_size, 0);
            packed.params.assign(b.params_size, 0);
            for (const ConvSpec *c : spec.convs())
                q8::pack_conv(*c, net.convs.at(c->weight), net.acts.at(c->act_in),
                              c->act_out.empty() ? nullptr : &net.acts.at(c->act_out), &packed);
            q8::pack_add(spec, net.acts.at(spec.act_residual), net.acts.at(spec.act_shortcut),
                         net.acts.at(spec.act_out), &packed);

            ref::Q8Tensor in(v.in, hw[1], hw[0]);
            std::uniform_int_distribution<int> byte(0, 255);
            for (uint8_t &b : in.d) b = uint8_t(byte(rng));
            const ref::Q8Tensor want = ref::ghost_bottleneck(in, spec, net);

            Halide::Runtime::Buffer<uint8_t> in_buf(v.in, in.w, in.h);
            for (int y = 0; y < in.h; y++)
                for (int x = 0; x < in.w; x++)
                    for (int c = 0; c < in.c; c++) in_buf(c, x, y) = in.at(c, y, x);
            Halide::Runtime::Buffer<int8_t> w(packed.weights.data(), int(packed.weights.size()));
            Halide::Runtime::Buffer<int32_t> p(packed.params.data(), int(packed.params.size()));
            Halide::Runtime::Buffer<uint8_t> out(v.out, want.w, want.h);
            REQUIRE(v.q8_fn(in_buf, w, p, out) == 0);
            int differ = 0, distinct = 0;
            std::vector<bool> seen(256, false);
            for (int c = 0; c < want.c; c++)
                for (int y = 0; y < want.h; y++)
                    for (int x = 0; x < want.w; x++) {
                        const uint8_t g = out(c, x, y), e = want.at(c, y, x);
                        if (!seen[e]) seen[e] = true, distinct++;
                        if (g != e && differ++ < 3) {
                            CAPTURE(c, x, y, int(g), int(e));
                            CHECK(g == e);
                        }
                    }
            CHECK(differ == 0);
            // A saturated or constant output would make equality hollow.
            CHECK(distinct >= std::min<int>(8, want.c * want.h * want.w / 4));
        }
    }
}
