// Views of the packed weight buffer the runtime fills (layouts in runtime/ghostnet_arch.h):
// each ConvSpec's offsets say where its folded weights and bias live.
#pragma once

#include "ghostnet_arch.h"
#include "tensor.h"

namespace ghostnet {
namespace ops {

class PackedWeights {
public:
    explicit PackedWeights(Func flat) : flat_(std::move(flat)) {}
    DenseWeights dense(const ConvSpec &c) const;
    DepthwiseWeights depthwise(const ConvSpec &c) const;
    LinearWeights linear(const ConvSpec &c) const;

private:
    Func bias(const ConvSpec &c) const;
    Func flat_;
};

}  // namespace ops
}  // namespace ghostnet
