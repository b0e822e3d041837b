// depthwise_conv: k x k per-channel convolution, stride s, zero padding k/2, bias, optional ReLU.
// With a channel multiplier M, output channel o reads input channel o / M (PyTorch groups = cin).
//   out(c, x, y) = act(b(c) + sum_{kx,ky} w(c, kx, ky) * in(c / M, s*x + kx - k/2, s*y + ky - k/2))
// `taps` Row or Column: a 1 x k or k x 1 kernel (GhostNetV2's DFC attention), padded along its
// one axis (kx or ky is then 0 throughout).
// q8 (wt.q defined): as conv2d's q8 form.
#pragma once

#include "ghostnet_arch.h"
#include "tensor.h"

namespace ghostnet {
namespace ops {

struct DepthwiseConv {
    Func padded;
    Func out;
    int k = 3, stride = 1, multiplier = 1;
    Taps taps = Taps::Square;
    Tensor result;
};

DepthwiseConv depthwise_conv(const std::string &name, const Tensor &in, const DepthwiseWeights &wt,
                             int k, int stride, int multiplier, bool relu, Taps taps = Taps::Square);

}  // namespace ops
}  // namespace ghostnet
