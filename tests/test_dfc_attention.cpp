// dfc_attention pipelines (generators/dfc_attention.cpp + the target's schedule: GhostNetV2's
// DFC attention of one Ghost module, the gate the module's output is multiplied by) against the
// references, on random checkpoints of the module:
//   fp32: reference::dfc_attention (2x2 average pool, the three convs with BatchNorm unfolded,
//   sigmoid, nearest upsampling), within a tolerance;
//   q8: the integer reference's attention map (q8ref::dfc_attention) through the sigmoid table at
//   each pixel's nearest source, every Q15 gate equal, with random scales and zero points 0..255.
// Over kDfcSizes (testutil.h) and the cases of tests/op_cases.txt: the networks' 1x1 stride-1
// attention conv, and a 3x3 stride-2 one.
#include <catch2/catch.hpp>

#include "op_tester.h"
#include "q8_arithmetic.h"
#include "q8_pack.h"
#include "weights.h"

using namespace ghostnet;
using namespace ghostnet::test;

namespace {

// (input, packed weights, q8 params, output); the fp32 pipelines take the params buffer unread.
using DfcFn = int (*)(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *, halide_buffer_t *);

// What a pipeline was compiled with (its row of tests/op_cases.txt).
struct DfcVariant {
    const char *name;
    DfcFn fn;
    int in, out, k, stride;
};
DfcVariant variant(const OpCase &c) {
    return {c.name, c.pipeline<DfcFn>(), c.integer("in_channels"), c.integer("out_channels"), c.integer("kernel"),
            c.integer("stride")};
}

// The module's spec as the pipeline builds it, its packed offsets assigned, and a random
// checkpoint of its convs.
struct Module {
    GhostModuleSpec spec;
    size_t packed_size = 0, params_size = 0;
    TensorMap ckpt;
};

Module make_module(const DfcVariant &v, uint32_t seed) {
    Module m;
    m.spec = make_ghost_module_spec("module", v.in, v.out, 2, v.k, 3, v.stride, true, "input", Version::V2, true);
    m.packed_size = assign_offsets(m.spec.convs());
    m.spec.q_sigmoid_offset = assign_q8_offsets(m.spec.convs(), 0);
    m.params_size = m.spec.q_sigmoid_offset + kQ8SigmoidTable + kPackedSlack;
    std::vector<TensorSpec> tensors;
    for (const ConvSpec *c : m.spec.convs()) c->append_tensors(&tensors);
    m.ckpt = random_checkpoint(tensors, seed);
    return m;
}

int out_size(const DfcVariant &v, int in) { return conv_out_size(in, v.k, v.stride, v.k / 2); }

}  // namespace

TEST_CASE("dfc_attention matches the reference", "[dfc_attention]") {
    uint32_t seed = 41;
    for (const OpCase *oc : op_cases("dfc_attention_op"))
        for (const auto &hw : kDfcSizes) {
            const DfcVariant v = variant(*oc);
            CAPTURE(v.name, hw[0], hw[1]);
            const Module m = make_module(v, seed++);
            std::vector<float> packed(m.packed_size, 0.0f);
            for (const ConvSpec *c : m.spec.convs()) pack_conv(*c, fold_conv(*c, m.ckpt, "test"), &packed);
            std::mt19937 rng(seed++);
            const Tensor3 in = random_tensor(v.in, hw[0], hw[1], rng);
            const int oh = out_size(v, hw[0]), ow = out_size(v, hw[1]);
            const Tensor3 want = reference::dfc_attention(in, m.spec, m.ckpt, oh, ow);
            auto in_buf = to_cxy(in);
            Halide::Runtime::Buffer<float> w(packed.data(), int(packed.size()));
            Halide::Runtime::Buffer<int32_t> unused(1);
            Halide::Runtime::Buffer<float> out(v.out, ow, oh);
            REQUIRE(v.fn(in_buf, w, unused, out) == 0);
            check_close(out, want, v.in * v.k * v.k * 25);
        }
}

TEST_CASE("q8 dfc_attention equals the integer reference", "[q8][dfc_attention]") {
    namespace ref = ghostnet::reference::q8ref;
    uint32_t seed = 53;
    for (const OpCase *oc : op_cases("dfc_attention_q8_op"))
        for (const auto &hw : kDfcSizes) {
            const DfcVariant v = variant(*oc);
            CAPTURE(v.name, hw[0], hw[1]);
            const Module m = make_module(v, seed++);
            std::mt19937 rng(seed++);
            q8::QuantizedNetwork net;
            for (const ConvSpec *c : m.spec.convs())
                for (const std::string &point : {c->act_in, c->act_out})
                    if (!net.acts.count(point)) net.acts[point] = random_act_quant(rng, 0.01f, 0.1f);
            for (const ConvSpec *c : m.spec.convs())
                net.convs[c->weight] = q8::quantize_conv(*c, fold_conv(*c, m.ckpt, "test"), net.acts.at(c->act_in).scale);
            q8::PackedQ8 packed;
            packed.weights.assign(m.packed_size, 0);
            packed.params.assign(m.params_size, 0);
            for (const ConvSpec *c : m.spec.convs())
                q8::pack_conv(*c, net.convs.at(c->weight), net.acts.at(c->act_in), &net.acts.at(c->act_out), &packed);
            const q8::ActQuant &column = net.acts.at(m.spec.dfc_column.act_out);
            q8::pack_sigmoid_table(m.spec, column, &packed);

            const ref::Q8Tensor in = random_q8_tensor(v.in, hw[0], hw[1], rng);
            const ref::Q8Tensor att = ref::dfc_attention(in, m.spec, net);
            const std::vector<int32_t> table = q8::sigmoid_table(column);

            Halide::Runtime::Buffer<uint8_t> in_buf = to_cxy(in);
            Halide::Runtime::Buffer<int8_t> w(packed.weights.data(), int(packed.weights.size()));
            Halide::Runtime::Buffer<int32_t> p(packed.params.data(), int(packed.params.size()));
            const int oh = out_size(v, hw[0]), ow = out_size(v, hw[1]);
            Halide::Runtime::Buffer<int32_t> out(v.out, ow, oh);
            REQUIRE(v.fn(in_buf, w, p, out) == 0);
            const int distinct = check_equal(out, v.out, oh, ow, [&](int c, int y, int x) {
                return table[att.at(c, nearest_source(y, att.h, oh), nearest_source(x, att.w, ow))];
            });
            // A saturated or constant gate would make equality hollow.
            CHECK(distinct >= std::min(4, v.out * oh * ow / 4));
        }
}
