// ghost_module: the paper's Ghost module (Han et al., CVPR 2020, Sec. 3.1).
// m = ceil(n / s) intrinsic maps from a k x k primary conv (stride, BN folded, optional ReLU);
// (s - 1) * m ghost maps from a d x d depthwise "cheap" op on the intrinsic maps (channel
// multiplier s - 1, stride 1); the output is [intrinsic, ghost] cut to the first n channels.
//
// The concatenation costs nothing: `out` has no computed pure definition, and its two update
// definitions write the intrinsic and the ghost maps straight into their channel slices.
// With an `attention` (GhostNetV2: dfc_attention.h's out), both slices are multiplied by it as
// they are written: out(c, x, y) = [intrinsic, ghost](c, x, y) * attention(c, x, y); q8: the
// attention is a Q15 gate, applied as gate_q15 (tensor.h).
#pragma once

#include "conv2d.h"
#include "depthwise_conv.h"
#include "dfc_attention.h"

namespace ghostnet {
namespace ops {

struct GhostModule {
    Conv2d primary;
    DepthwiseConv cheap;
    Func out;        // update(0) writes intrinsic maps [0, m), update(1) ghost maps [m, n)
    RDom intrinsic;  // over [0, m)
    RDom ghost;      // over [0, n - m)
    Expr m, n;
    // With an attention: the gated slices, each over its own channels (gated_intrinsic(c) is
    // out's channel c, gated_ghost(c) its channel m + c). Inline unless a schedule stores them.
    Func gated_intrinsic, gated_ghost;
    bool has_dfc = false;
    DfcAttention dfc;  // when has_dfc (set by the caller that made it)
    Tensor result;
};

GhostModule ghost_module(const std::string &name, const Tensor &in, const DenseWeights &primary,
                         const DepthwiseWeights &cheap, const Expr &n, const Expr &m, int ratio,
                         int k, int d, int stride, bool relu, const Func &attention = Func());

}  // namespace ops
}  // namespace ghostnet
