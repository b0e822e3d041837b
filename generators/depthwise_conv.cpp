#include "depthwise_conv.h"

namespace ghostnet {
namespace ops {

DepthwiseConv depthwise_conv(const std::string &name, const Tensor &in, const DepthwiseWeights &wt,
                             int k, int stride, int multiplier, bool relu, Taps taps) {
    const Vars &v = vars();
    DepthwiseConv d;
    d.k = k;
    d.taps = taps;
    const int kw = kernel_columns(taps, k), kh = kernel_rows(taps, k);
    d.stride = stride;
    d.multiplier = multiplier;
    const bool q8 = wt.q.defined();
    d.padded = k > 1 ? pad(in, q8 ? wt.q.in_zp : Expr(0), name + "_padded") : in.f;
    d.out = Func(name);
    const Expr ci = multiplier == 1 ? Expr(v.c) : v.c / multiplier;
    // k is a compile-time constant: the taps are written out, so no schedule is needed to
    // unroll them and the sum vectorizes over c directly.
    Expr sum = wt.b(v.c);
    for (int ky = 0; ky < kh; ky++) {
        for (int kx = 0; kx < kw; kx++) {
            const Expr w = wt.w(v.c, kx, ky);
            const Expr a = d.padded(ci, v.x * stride + kx - kw / 2, v.y * stride + ky - kh / 2);
            sum += q8 ? widening_product(w, a) : w * a;
        }
    }
    d.out(v.c, v.x, v.y) = q8 ? requantize_output(sum, wt.q, v.c) : relu ? ops::relu(sum) : sum;
    d.result = {d.out,
                {in.shape.c * multiplier, conv_out(in.shape.w, kw, stride), conv_out(in.shape.h, kh, stride)}};
    return d;
}

}  // namespace ops
}  // namespace ghostnet
