// The head (1x1 conv + BN + ReLU, pool, conv_head + ReLU, classifier) against the reference.
#include <catch2/catch.hpp>

#include "ghostnet_head_w050_k10.h"
#include "testutil.h"

using namespace ghostnet;
using namespace ghostnet::test;

TEST_CASE("ghostnet head matches the reference", "[ghostnet_head]") {
    NetworkConfig cfg;
    cfg.width = 0.5;
    cfg.num_classes = 10;
    const NetworkSpec spec = make_ghostnet_spec(cfg);
    const TensorMap ckpt = random_checkpoint(spec.tensors(), 23);
    std::vector<float> packed = pack_network(spec, ckpt, "test");
    Halide::Runtime::Buffer<float> w(packed.data(), int(packed.size()));
    std::mt19937 rng(29);
    for (const auto &hw : {std::pair<int, int>{7, 7}, {1, 1}, {3, 5}}) {
        CAPTURE(hw.first, hw.second);
        const Tensor3 in = random_tensor(spec.head.cin, hw.first, hw.second, rng);
        const std::vector<float> want = reference::ghostnet_head(in, spec, ckpt);
        auto in_buf = to_cxy(in);
        std::vector<float> got(cfg.num_classes);
        Halide::Runtime::Buffer<float> out(got.data(), cfg.num_classes);
        REQUIRE(ghostnet_head_w050_k10(in_buf, w, out) == 0);
        const Diff d = compare(got, want);
        INFO(d.str());
        CHECK(d.max_abs <= tolerance(want, spec.conv_head.cin * 4));
    }
}
