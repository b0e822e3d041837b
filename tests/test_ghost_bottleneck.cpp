// Ghost bottleneck pipelines (packed weights, runtime spatial size): fp32 against
// reference::ghost_bottleneck computed from the checkpoint tensors with BatchNorm unfolded, and
// q8 byte for byte against the integer reference (both Ghost modules, depthwise stride 2,
// squeeze-excite, residual add, conv shortcut; GhostNetV2's DFC attention) with random scales
// and zero points from 0 to 255.
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
#include "ghost_bottleneck_q8_v2_20_60_28_k3_s1_dfc.h"
#include "ghost_bottleneck_q8_v2_40_120_40_k5_s1_se_dfc.h"
#include "ghost_bottleneck_q8_v3_16_48_24_k3_s2_dfc.h"
#include "bottleneck_tester.h"

using namespace ghostnet;
using namespace ghostnet::test;

namespace {

// (input, weights, q8 params, output); the fp32 pipelines take the params buffer unread.
using BlockFn = int (*)(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *, halide_buffer_t *);
struct BottleneckVariant {
    const char *name;
    BlockFn fn, q8_fn;
    BottleneckShape shape;
};

Block make_block(const BottleneckVariant &v, const int hw[2], uint32_t seed, Version version = Version::V1,
                 bool dfc = false) {
    return ghostnet::test::make_block(v.shape, hw[0], hw[1], seed, version, dfc);
}

RunOp on_this_machine(BlockFn fn) {
    return [fn](Halide::Runtime::Buffer<uint8_t> &in, Halide::Runtime::Buffer<int8_t> &w,
                Halide::Runtime::Buffer<int32_t> &p, Halide::Runtime::Buffer<uint8_t> &out) { return fn(in, w, p, out); };
}

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

// The fp32 pipeline `v.fn` on a random input of the block's size, its weights folded and packed
// by the runtime, against reference::ghost_bottleneck from the block's checkpoint.
void check_fp32(const BottleneckVariant &v, const Block &b, uint32_t seed) {
    std::vector<float> packed(b.packed_size, 0.0f);
    for (const ConvSpec *c : b.spec.convs()) pack_conv(*c, fold_conv(*c, b.ckpt, "test"), &packed);
    std::mt19937 rng(seed);
    const Tensor3 in = random_tensor(v.shape.in, b.spec.in_h, b.spec.in_w, rng);
    const Tensor3 want = reference::ghost_bottleneck(in, b.spec, b.ckpt);
    auto in_buf = to_cxy(in);
    Halide::Runtime::Buffer<float> w(packed.data(), int(packed.size()));
    Halide::Runtime::Buffer<int32_t> unused(1);
    Halide::Runtime::Buffer<float> out(v.shape.out, want.w, want.h);
    REQUIRE(v.fn(in_buf, w, unused, out) == 0);
    const Diff d = compare(from_cxy(out).d, want.d);
    INFO(d.str());
    CHECK(d.max_abs <= tolerance(want.d, v.shape.mid * 25));
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
    uint32_t seed = 131;
    for (const MemberVariant &mv : variants) {
        const BottleneckVariant &v = mv.v;
        for (const auto &hw : kDfcSizes) {
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
            check_q8_block(b, seed++, on_this_machine(v.q8_fn));
        }
    }
}

// The DFC attention in integers (ghostnet_arch.h's q8 form: the rounded 2x2 average, the three
// convs requantized, the sigmoid table, the Q15 gate) over the fp32 case's sizes: a 1x1
// attention, odd sizes (floor pooling, uneven upsampling), stride 2 after it (V3's topology).
TEST_CASE("q8 GhostNetV2/V3 ghost_bottleneck (DFC attention) equals the integer reference", "[q8][ghost_bottleneck][v2]") {
    struct MemberVariant {
        BottleneckVariant v;
        Version version;
    };
    const MemberVariant variants[] = {
        {{"v2 20-60-28 k3 s1 DFC", nullptr, ghost_bottleneck_q8_v2_20_60_28_k3_s1_dfc, 20, 60, 28, 3, 1, 0}, Version::V2},
        {{"v2 40-120-40 k5 s1 SE DFC", nullptr, ghost_bottleneck_q8_v2_40_120_40_k5_s1_se_dfc, 40, 120, 40, 5, 1, 32},
         Version::V2},
        {{"v3 16-48-24 k3 s2 DFC", nullptr, ghost_bottleneck_q8_v3_16_48_24_k3_s2_dfc, 16, 48, 24, 3, 2, 0}, Version::V3},
    };
    uint32_t seed = 211;
    for (const MemberVariant &mv : variants) {
        for (const auto &hw : kDfcSizes) {
            CAPTURE(mv.v.name, hw[0], hw[1]);
            const Block b = make_block(mv.v, hw, seed++, mv.version, /*dfc=*/true);
            check_q8_block(b, seed++, on_this_machine(mv.v.q8_fn));
        }
    }
}
