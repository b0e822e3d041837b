// squeeze_excite as GhostNet uses it: global average pool, 1x1 reduce + bias + ReLU,
// 1x1 expand + bias, hard-sigmoid gate relu6(v + 3) / 6, channel-wise scale of the input.
#pragma once

#include "linear.h"

namespace ghostnet {
namespace ops {

struct SqueezeExcite {
    GlobalAvgPool pool;
    Linear reduce, expand;
    Func gate;  // gate(c)
    Func out;   // out(c, x, y) = in(c, x, y) * gate(c)
    Tensor result;
};

SqueezeExcite squeeze_excite(const std::string &name, const Tensor &in, const Expr &reduced,
                             const LinearWeights &reduce, const LinearWeights &expand);

}  // namespace ops
}  // namespace ghostnet
