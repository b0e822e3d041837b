// conv2d: dense k x k convolution, stride s, zero padding k/2, bias, optional ReLU.
//   out(co, x, y) = act(b(co) + sum_{ci,kx,ky} w(co, ci, kx, ky) * in(ci, s*x + kx - k/2, s*y + ky - k/2))
// q8 (wt.q defined): uint8 in and out, int8 weights, int32 `conv`; the padding is the input
// zero point (real 0) and ReLU is the clamp wt.q carries, so `relu` is not used. With grouped
// weights and wt.b_int8 the products take the input as int8 (runtime/q8_layout.h); with
// wt.pair16 they are summed in int16 pairs first (exact for the 7-bit weights it requires).
#pragma once

#include "tensor.h"

namespace ghostnet {
namespace ops {

struct Conv2d {
    Func padded;  // the zero-padded input (inline unless a schedule stores it)
    Func conv;    // bias + the reduction over (ci, kx, ky): update(0) is the reduction (q8: int32)
    Func out;     // activation applied; what consumers read
    RDom r;       // (ci, kx, ky)
    int k = 1, stride = 1;
    bool q8 = false;
    int ci_group = 1;  // q8: input channels per weight group (DenseWeights::ci_group)
    // q8 with DenseWeights::pair16: `pairs`(j, co, x, y, g, kx, ky) is the int16 sum of group
    // g's products 2j and 2j + 1 (update(0) reduces over rk, the pair's two); `conv` then reduces
    // over r = (j, g, kx, ky) instead of (ci, kx, ky).
    bool pair16 = false;
    Func pairs;
    RDom rk;
    Tensor result;
};

Conv2d conv2d(const std::string &name, const Tensor &in, const DenseWeights &wt, const Expr &cout,
              int k, int stride, bool relu);

}  // namespace ops
}  // namespace ghostnet
