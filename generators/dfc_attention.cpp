#include "dfc_attention.h"

#include "ghostnet_arch.h"

namespace ghostnet {
namespace ops {

DfcAttention dfc_attention(const std::string &name, const Tensor &in, const DenseWeights &conv,
                           const DepthwiseWeights &row, const DepthwiseWeights &column, const Expr &channels,
                           int k, int stride, const Expr &out_w, const Expr &out_h,
                           const Func &sigmoid_table) {
    using Halide::cast;
    const Vars &v = vars();
    DfcAttention a;
    a.in = in.shape;
    a.pooled = Func(name + "_pooled");
    const Func &f = in.f;
    const Expr x2 = 2 * v.x, y2 = 2 * v.y;
    const bool q8 = conv.q.defined();
    if (q8) {
        // q8::average of the four: (sum + 2) / 4, in 16 bits.
        auto wide = [&](const Expr &x, const Expr &y) { return cast<uint16_t>(f(v.c, x, y)); };
        a.pooled(v.c, v.x, v.y) =
            cast<uint8_t>((wide(x2, y2) + wide(x2 + 1, y2) + wide(x2, y2 + 1) + wide(x2 + 1, y2 + 1) + 2) >> 2);
    } else {
        a.pooled(v.c, v.x, v.y) = (f(v.c, x2, y2) + f(v.c, x2 + 1, y2) + f(v.c, x2, y2 + 1) + f(v.c, x2 + 1, y2 + 1)) * 0.25f;
    }
    const Tensor pooled{a.pooled, {in.shape.c, in.shape.w / 2, in.shape.h / 2}};
    a.conv = conv2d(name + "_conv", pooled, conv, channels, k, stride, false);
    a.row = depthwise_conv(name + "_row", a.conv.result, row, kDfcKernel, 1, 1, false, Taps::Row);
    a.column = depthwise_conv(name + "_column", a.row.result, column, kDfcKernel, 1, 1, false, Taps::Column);
    a.gate = Func(name + "_gate");
    if (q8)
        a.gate(v.c, v.x, v.y) = sigmoid_table(cast<int32_t>(a.column.out(v.c, v.x, v.y)));
    else
        a.gate(v.c, v.x, v.y) = 1.0f / (1.0f + Halide::exp(-a.column.out(v.c, v.x, v.y)));
    // ghostnet_arch.h's nearest_source (integers: HVX has no float division).
    const Shape &s = a.column.result.shape;
    const Expr src_x = Halide::min(v.x * s.w / out_w, s.w - 1);
    const Expr src_y = Halide::min(v.y * s.h / out_h, s.h - 1);
    a.out = Func(name);
    a.out(v.c, v.x, v.y) = a.gate(v.c, src_x, src_y);
    a.result = {a.out, {channels, out_w, out_h}};
    return a;
}

}  // namespace ops
}  // namespace ghostnet
