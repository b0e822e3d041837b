// The tester of the Ghost bottleneck's q8 form: a block's spec and random checkpoint at one
// input size, and its pipeline (this machine's or another device's copy, through a RunOp) on a
// random input byte for byte against the integer reference (q8ref::ghost_bottleneck,
// runtime/q8_reference.cpp), with random scales and zero points from 0 to 255.
#pragma once

#include <catch2/catch.hpp>

#include <random>
#include <stdexcept>
#include <string>

#include "conv_tester.h"
#include "q8_pack.h"
#include "quantization.h"
#include "reference/q8.h"
#include "testutil.h"
#include "weights.h"

namespace ghostnet {
namespace test {

// What a bottleneck pipeline was compiled with (its row of tests/op_cases.txt).
struct BottleneckShape {
    int in, mid, out, k, stride, se;
};
struct BottleneckCase {
    const char *name;
    BottleneckShape shape;
    Version version;
    bool dfc;  // GhostNetV2's DFC attention in ghost1
};
inline BottleneckCase bottleneck_case(const OpCase &c) {
    Version version;
    if (!parse_version(c.param("version"), &version))
        throw std::invalid_argument(std::string(c.name) + ": version " + c.param("version") + " is not " +
                                    version_choices());
    return {c.name,
            {c.integer("in_channels"), c.integer("mid_channels"), c.integer("out_channels"), c.integer("kernel"),
             c.integer("stride"), c.integer("se_reduce")},
            version,
            c.flag("dfc")};
}

// One block at one input size: its spec (fp32 and q8 offsets assigned) and a random checkpoint.
struct Block {
    BottleneckSpec spec;
    size_t packed_size = 0, params_size = 0;
    TensorMap ckpt;
};

inline Block make_block(const BottleneckShape &s, int h, int w, uint32_t seed, Version version = Version::V1,
                        bool dfc = false) {
    Block b;
    b.spec = make_bottleneck_spec("block", s.in, s.mid, s.out, s.k, s.stride, s.se, h, w, 2, 3, "input", version, dfc);
    b.packed_size = assign_offsets(b.spec.convs());
    b.params_size = assign_q8_offsets(&b.spec, 0) + kPackedSlack;
    std::vector<TensorSpec> tensors;
    for (const ConvSpec *c : b.spec.convs()) c->append_tensors(&tensors);
    b.ckpt = random_checkpoint(tensors, seed);
    return b;
}

// The block's q8 pipeline, run by `run`, on a random uint8 input of the block's size.
inline void check_q8_block(const Block &b, uint32_t seed, const RunOp &run) {
    namespace ref = ghostnet::reference::q8ref;
    const BottleneckSpec &spec = b.spec;
    std::mt19937 rng(seed);
    q8::QuantizedNetwork net;
    net.acts[spec.act_in] = random_act_quant(rng, 0.01f, 0.1f);
    for (const std::string &p : spec.activation_points()) net.acts[p] = random_act_quant(rng, 0.01f, 0.1f);
    for (const ConvSpec *c : spec.convs())
        net.convs[c->weight] = q8::quantize_conv(*c, fold_conv(*c, b.ckpt, "test"), net.acts.at(c->act_in).scale);

    q8::PackedQ8 packed;
    packed.weights.assign(b.packed_size, 0);
    packed.params.assign(b.params_size, 0);
    for (const ConvSpec *c : spec.convs())
        q8::pack_conv(*c, net.convs.at(c->weight), net.acts.at(c->act_in),
                      c->act_out.empty() ? nullptr : &net.acts.at(c->act_out), &packed);
    if (spec.ghost1.dfc) q8::pack_sigmoid_table(spec.ghost1, net.acts.at(spec.ghost1.dfc_column.act_out), &packed);
    q8::pack_add(spec, net.acts.at(spec.act_residual), net.acts.at(spec.act_shortcut), net.acts.at(spec.act_out),
                 &packed);

    const ref::Q8Tensor in = random_q8_tensor(spec.in, spec.in_h, spec.in_w, rng);
    const ref::Q8Tensor want = ref::ghost_bottleneck(in, spec, net);

    Halide::Runtime::Buffer<uint8_t> in_buf = to_cxy(in);
    Halide::Runtime::Buffer<int8_t> w(packed.weights.data(), int(packed.weights.size()));
    Halide::Runtime::Buffer<int32_t> p(packed.params.data(), int(packed.params.size()));
    Halide::Runtime::Buffer<uint8_t> out(spec.out, want.w, want.h);
    REQUIRE(run(in_buf, w, p, out) == 0);
    const int distinct = check_equal(out, want, /*report=*/12);
    // A saturated or constant output would make equality hollow.
    CHECK(distinct >= std::min<int>(8, want.c * want.h * want.w / 4));
}

}  // namespace test
}  // namespace ghostnet
