#include "depthwise_conv.h"

namespace ghostnet {
namespace ops {

DepthwiseConv depthwise_conv(const std::string &name, const Tensor &in, const DepthwiseWeights &wt,
                             int k, int stride, int multiplier, bool relu) {
    const Vars &v = vars();
    DepthwiseConv d;
    d.k = k;
    d.stride = stride;
    d.multiplier = multiplier;
    d.padded = k > 1 ? zero_pad(in, name + "_padded") : in.f;
    d.out = Func(name);
    const Expr ci = multiplier == 1 ? Expr(v.c) : v.c / multiplier;
    const int pad = k / 2;
    // k is a compile-time constant: the taps are written out, so no schedule is needed to
    // unroll them and the sum vectorizes over c directly.
    Expr sum = wt.b(v.c);
    for (int ky = 0; ky < k; ky++)
        for (int kx = 0; kx < k; kx++)
            sum += wt.w(v.c, kx, ky) *
                   d.padded(ci, v.x * stride + kx - pad, v.y * stride + ky - pad);
    d.out(v.c, v.x, v.y) = relu ? ops::relu(sum) : sum;
    d.result = {d.out,
                {in.shape.c * multiplier, conv_out(in.shape.w, k, stride), conv_out(in.shape.h, k, stride)}};
    return d;
}

}  // namespace ops
}  // namespace ghostnet
