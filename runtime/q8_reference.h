// The q8 network's bit-exact integer reference in plain C++ (q8_reference.cpp): the pipelines
// must give the same bytes (the tests hold them to it, through tests/reference/q8.h), and
// ghostnet-quantize --report reads its activations to show where q8 departs from fp32.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "ghostnet_arch.h"
#include "quantization.h"

namespace ghostnet {
namespace q8ref {

struct Q8Tensor {
    int c = 0, h = 0, w = 0;
    std::vector<uint8_t> d;  // [c][h][w]
    Q8Tensor() = default;
    Q8Tensor(int c_, int h_, int w_) : c(c_), h(h_), w(w_), d(size_t(c_) * h_ * w_, 0) {}
    uint8_t &at(int ci, int y, int x) { return d[(size_t(ci) * h + y) * w + x]; }
    uint8_t at(int ci, int y, int x) const { return d[(size_t(ci) * h + y) * w + x]; }
};

using Q8Model = ghostnet::q8::QuantizedNetwork;

// Sees every activation point (ghostnet_arch.h's act_out names, "input" first) as the forward
// pass makes it; vectors (squeeze-excite's reduction, conv_head) as (c, 1, 1) tensors.
using Observer = std::function<void(const std::string &point, const Q8Tensor &value)>;

// A conv or depthwise conv (ConvSpec says which), requantized to `out`, ReLU as c.relu says.
Q8Tensor conv(const Q8Tensor &in, const ConvSpec &c, const ghostnet::q8::QuantizedConv &q,
              const ghostnet::q8::ActQuant &in_q, const ghostnet::q8::ActQuant &out_q);
// A 1x1 conv on a vector: the int32 accumulators, and requantized.
std::vector<int32_t> linear_acc(const std::vector<uint8_t> &in, const ConvSpec &c,
                                const ghostnet::q8::QuantizedConv &q, int32_t in_zero_point);
std::vector<uint8_t> linear(const std::vector<uint8_t> &in, const ConvSpec &c,
                            const ghostnet::q8::QuantizedConv &q, const ghostnet::q8::ActQuant &in_q,
                            const ghostnet::q8::ActQuant &out_q);
std::vector<uint8_t> pool(const Q8Tensor &in);
// 2x2 average pooling, stride 2, floor size (the DFC attention's): q8::average of the four.
Q8Tensor avg_pool2(const Q8Tensor &in);
// GhostNetV2's DFC attention of module `g` (g.dfc) on the module's input: the 2x2 average, then
// its three convs; the uint8 map at half size that indexes the sigmoid table (each output pixel
// reads it at ghostnet_arch.h's nearest_source). `observe` sees the convs' points.
Q8Tensor dfc_attention(const Q8Tensor &in, const GhostModuleSpec &g, const Q8Model &m,
                       const Observer &observe = nullptr);
// With GhostNetV2's DFC attention when g.dfc. `observe` sees the module output before the
// attention gates it (the range its activation point's quantization covers), then the
// attention's points.
Q8Tensor ghost_module(const Q8Tensor &in, const GhostModuleSpec &g, const Q8Model &m,
                      const Observer &observe = nullptr);
Q8Tensor squeeze_excite(const Q8Tensor &in, const SqueezeExciteSpec &se, const Q8Model &m);
Q8Tensor ghost_bottleneck(const Q8Tensor &in, const BottleneckSpec &b, const Q8Model &m,
                          const Observer &observe = nullptr);
// The int32 logits (classifier accumulators).
std::vector<int32_t> ghostnet(const Q8Tensor &input, const NetworkSpec &spec, const Q8Model &m,
                              const Observer &observe = nullptr);

}  // namespace q8ref
}  // namespace ghostnet
