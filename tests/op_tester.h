// Packing folded PyTorch-layout weights into the Halide buffers the op pipelines take, via the
// runtime's own packing (runtime/weights.h), so op tests also cover the layouts.
#pragma once

#include <HalideBuffer.h>

#include <vector>

#include "testutil.h"

namespace ghostnet {
namespace test {

// A conv's packed weights and bias, kept alive with Halide buffers viewing them.
struct PackedConv {
    std::vector<float> storage;
    Halide::Runtime::Buffer<float> weights, bias;
};

// kind Dense: weights (co, ci, kx, ky); Depthwise: (c, kx, ky); Linear: (co, ci).
inline PackedConv pack_for_op(ConvKind kind, int cin, int cout, int k, const FoldedConv &f) {
    ConvSpec c = make_conv_spec("", "", kind, cin, cout, k, 1, false);
    std::vector<ConvSpec *> one{&c};
    PackedConv p;
    p.storage.assign(assign_offsets(one), 0.0f);
    pack_conv(c, f, &p.storage);
    float *w = p.storage.data() + c.weight_offset;
    switch (kind) {
    case ConvKind::Dense: p.weights = Halide::Runtime::Buffer<float>(w, cout, cin, k, k); break;
    case ConvKind::Depthwise: p.weights = Halide::Runtime::Buffer<float>(w, cout, k, k); break;
    case ConvKind::Linear: p.weights = Halide::Runtime::Buffer<float>(w, cout, cin); break;
    }
    p.bias = Halide::Runtime::Buffer<float>(p.storage.data() + c.bias_offset, cout);
    return p;
}

inline FoldedConv random_folded(size_t weights, int cout, std::mt19937 &rng, int fan_in) {
    return {random_normal(weights, rng, 1.0f / std::sqrt(float(fan_in))),
            random_vector(cout, rng, -0.5f, 0.5f)};
}

}  // namespace test
}  // namespace ghostnet
