// linear: the 1x1 convolution on a per-channel vector (a pooled map): squeeze-excite's
// reduce/expand, the head's conv_head and classifier, the plug-and-play classifiers.
#pragma once

#include "tensor.h"

namespace ghostnet {
namespace ops {

// out(co) = act(b(co) + sum_ci w(co, ci) * in(ci)). q8 (wt.q defined): as conv2d's q8 form,
// the output as wt.q.output says.
struct Linear {
    Func acc;  // bias + the reduction over ci (update(0))
    Func out;  // activation applied
    RDom r;
    Func in;           // the input vector, as given
    int ci_group = 1;  // q8: input channels per weight group (LinearWeights::ci_group)
    // The input divides per value: an average pool's mean (q8: a uint32 division by the pixel
    // count) or a flattened map's index. Set by the builder that made the input.
    bool in_divides = false;
};
Linear linear(const std::string &name, const Func &in, const Expr &cin, const LinearWeights &wt,
              bool relu);

}  // namespace ops
}  // namespace ghostnet
