// The head (1x1 conv + BN + ReLU, pool, conv_head + ReLU, classifier; its case in
// tests/op_cases.txt) against the reference.
#include <catch2/catch.hpp>

#include "op_tester.h"

using namespace ghostnet;
using namespace ghostnet::test;

TEST_CASE("ghostnet head matches the reference", "[ghostnet_head]") {
    using Fn = int (*)(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *);
    for (const OpCase *c : op_cases("ghostnet_head_op")) {
        NetworkConfig cfg;
        cfg.width = c->number("width");
        cfg.num_classes = c->integer("num_classes");
        const NetworkSpec spec = make_ghostnet_spec(cfg);
        const TensorMap ckpt = random_checkpoint(spec.tensors(), 23);
        std::vector<float> packed = pack_network(spec, ckpt, "test");
        Halide::Runtime::Buffer<float> w(packed.data(), int(packed.size()));
        std::mt19937 rng(29);
        for (const auto &hw : {std::pair<int, int>{7, 7}, {1, 1}, {3, 5}}) {
            CAPTURE(c->name, hw.first, hw.second);
            const Tensor3 in = random_tensor(spec.head.cin, hw.first, hw.second, rng);
            const std::vector<float> want = reference::ghostnet_head(in, spec, ckpt);
            auto in_buf = to_cxy(in);
            std::vector<float> got(cfg.num_classes);
            Halide::Runtime::Buffer<float> out(got.data(), cfg.num_classes);
            REQUIRE(c->pipeline<Fn>()(in_buf, w, out) == 0);
            check_close(got, want, spec.conv_head.cin * 4);
        }
    }
}
