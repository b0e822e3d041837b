// Ops on per-channel vectors: global average pooling and the 1x1 convolutions that act on a
// pooled vector (squeeze-excite's reduce/expand, the head's conv_head and classifier).
#pragma once

#include "tensor.h"

namespace ghostnet {
namespace ops {

// pool(c) = mean over x, y of in(c, x, y). q8 (uint8 input): the uint32 sum divided by the
// pixel count, rounded half up, at the input's scale and zero point.
struct GlobalAvgPool {
    Func sum;  // update(0) is the reduction over (x, y)
    Func out;
    RDom r;
};
GlobalAvgPool global_avg_pool(const std::string &name, const Tensor &in);

// out(co) = act(b(co) + sum_ci w(co, ci) * in(ci)). q8 (wt.q defined): as conv2d's q8 form,
// the output as wt.q.output says.
struct Linear {
    Func acc;  // bias + the reduction over ci (update(0))
    Func out;  // activation applied
    RDom r;
    Func in;           // the input vector, as given
    int ci_group = 1;  // q8: input channels per weight group (LinearWeights::ci_group)
};
Linear linear(const std::string &name, const Func &in, const Expr &cin, const LinearWeights &wt,
              bool relu);

}  // namespace ops
}  // namespace ghostnet
