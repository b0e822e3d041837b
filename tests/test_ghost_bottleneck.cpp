// Ghost bottleneck pipelines (packed weights, runtime spatial size; cases in tests/op_cases.txt):
// fp32 against reference::ghost_bottleneck computed from the checkpoint tensors with BatchNorm
// unfolded, and q8 byte for byte against the integer reference (both Ghost modules, depthwise
// stride 2, squeeze-excite, residual add, conv shortcut; GhostNetV2's DFC attention) with random
// scales and zero points from 0 to 255.
#include <catch2/catch.hpp>

#include "bottleneck_tester.h"

using namespace ghostnet;
using namespace ghostnet::test;

namespace {

// (input, weights, q8 params, output); the fp32 pipelines take the params buffer unread.
using BlockFn = int (*)(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *, halide_buffer_t *);

// V1 blocks over sizes from 1x1; the DFC attention's over kDfcSizes (testutil.h), from 2x2 (a 1x1
// attention) to 28x28 and odd ones (floor pooling, uneven nearest upsampling).
const int kSizes[][2] = {{1, 1}, {7, 7}, {15, 15}, {9, 4}, {28, 28}};

Block make_block(const BottleneckCase &v, const int hw[2], uint32_t seed) {
    return ghostnet::test::make_block(v.shape, hw[0], hw[1], seed, v.version, v.dfc);
}

RunOp on_this_machine(BlockFn fn) {
    return [fn](Halide::Runtime::Buffer<uint8_t> &in, Halide::Runtime::Buffer<int8_t> &w,
                Halide::Runtime::Buffer<int32_t> &p, Halide::Runtime::Buffer<uint8_t> &out) { return fn(in, w, p, out); };
}

// The fp32 pipeline `fn` on a random input of the block's size, its weights folded and packed
// by the runtime, against reference::ghost_bottleneck from the block's checkpoint.
void check_fp32(BlockFn fn, const BottleneckCase &v, const Block &b, uint32_t seed) {
    std::vector<float> packed(b.packed_size, 0.0f);
    for (const ConvSpec *c : b.spec.convs()) pack_conv(*c, fold_conv(*c, b.ckpt, "test"), &packed);
    std::mt19937 rng(seed);
    const Tensor3 in = random_tensor(v.shape.in, b.spec.in_h, b.spec.in_w, rng);
    const Tensor3 want = reference::ghost_bottleneck(in, b.spec, b.ckpt);
    auto in_buf = to_cxy(in);
    Halide::Runtime::Buffer<float> w(packed.data(), int(packed.size()));
    Halide::Runtime::Buffer<int32_t> unused(1);
    Halide::Runtime::Buffer<float> out(v.shape.out, want.w, want.h);
    REQUIRE(fn(in_buf, w, unused, out) == 0);
    check_close(out, want, v.shape.mid * 25);
}

// The cases of `generator` with (dfc) or without the DFC attention.
std::vector<const OpCase *> cases(const char *generator, bool dfc) {
    std::vector<const OpCase *> out;
    for (const OpCase *c : op_cases(generator))
        if (c->flag("dfc") == dfc) out.push_back(c);
    REQUIRE(!out.empty());
    return out;
}

}  // namespace

TEST_CASE("ghost_bottleneck matches the reference", "[ghost_bottleneck]") {
    uint32_t seed = 19;
    for (const OpCase *c : cases("ghost_bottleneck_op", false)) {
        const BottleneckCase v = bottleneck_case(*c);
        for (const auto &hw : kSizes) {
            CAPTURE(v.name, hw[0], hw[1]);
            const Block b = make_block(v, hw, seed++);
            check_fp32(c->pipeline<BlockFn>(), v, b, seed++);
        }
    }
}

// GhostNetV2 and V3 blocks: ghost1's DFC attention (2x2 average pool, 1x1 conv, 1x5 and 5x1
// depthwise convs, sigmoid, nearest upsampling, the gate), and V3's training-time branches folded
// by the runtime, against the reference computing them from the checkpoint as timm does
// (branches one by one, BatchNorm unfolded).
TEST_CASE("GhostNetV2/V3 ghost_bottleneck (DFC attention, V3 branches) matches the reference", "[ghost_bottleneck][v2]") {
    uint32_t seed = 131;
    for (const OpCase *c : cases("ghost_bottleneck_op", true)) {
        const BottleneckCase v = bottleneck_case(*c);
        for (const auto &hw : kDfcSizes) {
            CAPTURE(v.name, hw[0], hw[1]);
            const Block b = make_block(v, hw, seed++);
            check_fp32(c->pipeline<BlockFn>(), v, b, seed++);
        }
    }
}

TEST_CASE("q8 ghost_bottleneck equals the integer reference", "[q8][ghost_bottleneck]") {
    uint32_t seed = 71;
    for (const OpCase *c : cases("ghost_bottleneck_q8_op", false)) {
        const BottleneckCase v = bottleneck_case(*c);
        for (const auto &hw : kSizes) {
            CAPTURE(v.name, hw[0], hw[1]);
            const Block b = make_block(v, hw, seed++);
            check_q8_block(b, seed++, on_this_machine(c->pipeline<BlockFn>()));
        }
    }
}

// The DFC attention in integers (ghostnet_arch.h's q8 form: the rounded 2x2 average, the three
// convs requantized, the sigmoid table, the Q15 gate) over the fp32 case's sizes: a 1x1
// attention, odd sizes (floor pooling, uneven upsampling), stride 2 after it (V3's topology).
TEST_CASE("q8 GhostNetV2/V3 ghost_bottleneck (DFC attention) equals the integer reference", "[q8][ghost_bottleneck][v2]") {
    uint32_t seed = 211;
    for (const OpCase *c : cases("ghost_bottleneck_q8_op", true)) {
        const BottleneckCase v = bottleneck_case(*c);
        for (const auto &hw : kDfcSizes) {
            CAPTURE(v.name, hw[0], hw[1]);
            const Block b = make_block(v, hw, seed++);
            check_q8_block(b, seed++, on_this_machine(c->pipeline<BlockFn>()));
        }
    }
}
