#include "conv2d.h"

#include "ghostnet_arch.h"

namespace ghostnet {
namespace ops {

Conv2d conv2d(const std::string &name, const Tensor &in, const DenseWeights &wt, const Expr &cout,
              int k, int stride, bool relu) {
    const Vars &v = vars();
    Conv2d c;
    c.k = k;
    c.stride = stride;
    c.ci_group = wt.ci_group;
    c.q8 = wt.q.defined();
    const bool q8 = wt.q.defined();
    c.padded = k > 1 ? pad(in, q8 ? wt.q.in_zp : Expr(0), name + "_padded") : in.f;
    c.conv = Func(name + "_conv");
    c.out = Func(name);
    const int pad = k / 2;
    const bool int8_products = wt.b_int8.defined();
    c.conv(v.c, v.x, v.y) = int8_products ? wt.b_int8(v.c) : wt.b(v.c);
    if (wt.pair16) {
        // Group g's four products as two int16 pairs (j = 0, 1) of two (rk), then the pairs
        // widened and summed: saturating adds that never saturate for 7-bit weights
        // (2 * 255 * kQ8PairWeightLimit < 2^15), the form x86's pmaddubsw takes.
        c.pair16 = true;
        Var j("j"), g("g"), kx("kx"), ky("ky");
        c.rk = RDom(0, 2, name + "_rk");
        const Expr ci = kQ8Group * g + 2 * j + c.rk;
        c.pairs = Func(name + "_pairs");
        c.pairs(j, v.c, v.x, v.y, g, kx, ky) = Halide::cast<int16_t>(0);
        c.pairs(j, v.c, v.x, v.y, g, kx, ky) = Halide::saturating_add(
            c.pairs(j, v.c, v.x, v.y, g, kx, ky),
            Halide::cast<int16_t>(c.padded(ci, v.x * stride + kx - pad, v.y * stride + ky - pad)) *
                Halide::cast<int16_t>(wt.w(v.c, ci, kx, ky)));
        c.r = RDom(0, 2, 0, in.shape.c / kQ8Group, 0, k, 0, k, name + "_r");
        c.conv(v.c, v.x, v.y) += Halide::cast<int32_t>(c.pairs(c.r.x, v.c, v.x, v.y, c.r.y, c.r.z, c.r.w));
    } else {
        c.r = RDom(0, in.shape.c, 0, k, 0, k, name + "_r");
        const Expr ci = c.r.x, kx = c.r.y, ky = c.r.z;
        const Expr w = wt.w(v.c, ci, kx, ky);
        const Expr a = c.padded(ci, v.x * stride + kx - pad, v.y * stride + ky - pad);
        c.conv(v.c, v.x, v.y) += q8 ? grouped_product(w, a, int8_products) : w * a;
    }
    const Expr acc = c.conv(v.c, v.x, v.y);
    c.out(v.c, v.x, v.y) = q8 ? requantize_output(acc, wt.q, v.c) : relu ? ops::relu(acc) : acc;
    c.result = {c.out, {cout, conv_out(in.shape.w, k, stride), conv_out(in.shape.h, k, stride)}};
    return c;
}

}  // namespace ops
}  // namespace ghostnet
