// squeeze_excite as GhostNet uses it: global average pool, 1x1 reduce + bias + ReLU,
// 1x1 expand + bias, hard-sigmoid gate relu6(v + 3) / 6, channel-wise scale of the input.
// q8: the expand conv requantizes straight to the Q15 gate (Requant::Output::Gate), and the
// gated tensor keeps the input's scale and zero point: z + round((in - z) * gate / 2^15).
#pragma once

#include "ghostnet_arch.h"
#include "linear.h"
#include "pooling.h"

namespace ghostnet {
namespace ops {

struct SqueezeExcite {
    GlobalAvgPool pool;
    Linear reduce, expand;
    Func gate;  // gate(c): float in [0, 1], or q8 int32 in [0, 2^15]
    Func out;   // out(c, x, y) = in(c, x, y) * gate(c)
    Tensor result;
};

SqueezeExcite squeeze_excite(const std::string &name, const Tensor &in, const Expr &reduced,
                             const LinearWeights &reduce, const LinearWeights &expand);

}  // namespace ops
}  // namespace ghostnet
