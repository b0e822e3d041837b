// Ghost bottleneck pipelines (packed weights, runtime spatial size) against
// reference::ghost_bottleneck computed from the checkpoint tensors with BatchNorm unfolded.
#include <catch2/catch.hpp>

#include "ghost_bottleneck_16_48_24_k3_s2.h"
#include "ghost_bottleneck_20_60_28_k3_s1.h"
#include "ghost_bottleneck_40_120_40_k5_s1_se.h"
#include "ghost_bottleneck_56_336_80_k5_s2_se.h"
#include "testutil.h"

using namespace ghostnet;
using namespace ghostnet::test;

namespace {

using BlockFn = int (*)(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *);
struct OpVariant {
    const char *name;
    BlockFn fn;
    int in, mid, out, k, stride, se;
};
const OpVariant kVariants[] = {
    {"16-48-24 k3 s2 (dw, conv shortcut)", ghost_bottleneck_16_48_24_k3_s2, 16, 48, 24, 3, 2, 0},
    {"40-120-40 k5 s1 SE (identity)", ghost_bottleneck_40_120_40_k5_s1_se, 40, 120, 40, 5, 1, 32},
    {"56-336-80 k5 s2 SE (dw, conv shortcut)", ghost_bottleneck_56_336_80_k5_s2_se, 56, 336, 80, 5, 2, 84},
    {"20-60-28 k3 s1 (conv shortcut)", ghost_bottleneck_20_60_28_k3_s1, 20, 60, 28, 3, 1, 0},
};
const int kSizes[][2] = {{1, 1}, {7, 7}, {15, 15}, {9, 4}, {28, 28}};

}  // namespace

TEST_CASE("ghost_bottleneck matches the reference", "[ghost_bottleneck]") {
    uint32_t seed = 19;
    for (const OpVariant &v : kVariants) {
        for (const auto &hw : kSizes) {
            CAPTURE(v.name, hw[0], hw[1]);
            BottleneckSpec spec = make_bottleneck_spec("block", v.in, v.mid, v.out, v.k, v.stride,
                                                       v.se, hw[0], hw[1]);
            const size_t packed_size = assign_offsets(spec.convs());
            std::vector<TensorSpec> tensors;
            for (const ConvSpec *c : spec.convs()) c->append_tensors(&tensors);
            const TensorMap ckpt = random_checkpoint(tensors, seed++);
            std::vector<float> packed(packed_size, 0.0f);
            for (const ConvSpec *c : spec.convs()) pack_conv(*c, fold_conv(*c, ckpt, "test"), &packed);

            std::mt19937 rng(seed++);
            const Tensor3 in = random_tensor(v.in, hw[0], hw[1], rng);
            const Tensor3 want = reference::ghost_bottleneck(in, spec, ckpt);
            auto in_buf = to_cxy(in);
            Halide::Runtime::Buffer<float> w(packed.data(), int(packed.size()));
            Halide::Runtime::Buffer<float> out(v.out, want.w, want.h);
            REQUIRE(v.fn(in_buf, w, out) == 0);
            const Diff d = compare(from_cxy(out).d, want.d);
            INFO(d.str());
            CHECK(d.max_abs <= tolerance(want.d, v.mid * 25));
        }
    }
}
