// dfc_attention: GhostNetV2's decoupled fully connected attention (Tang et al., NeurIPS 2022;
// timm's GhostModuleV2 `short_conv`): the gate a Ghost module's output is multiplied by, made
// at half resolution from the module's input.
//   pooled(c, x, y) = mean of in(c, 2x + i, 2y + j), i, j in {0, 1}   (W/2 x H/2, floor)
//   att  = column(row(conv(pooled)))   k x k conv (stride), then 1 x 5 and 5 x 1 depthwise
//                                      convs (zero padding 2 along their axis); BN folded
//   gate(c, x, y) = sigmoid(att(c, x, y))
//   out(c, x, y)  = gate(c, x * att_w / out_w, y * att_h / out_h): nearest interpolation to
//                   out_w x out_h (ghostnet_arch.h's nearest_source: PyTorch's, in integers)
// q8 (the weights' q defined; ghostnet_arch.h states it): the pooled map is the rounded
// average of the four uint8 values (input scale kept), the convs requantize to their activation
// points, and the gate is `sigmoid_table` (kQ8SigmoidTable Q15 values) indexed by the column
// conv's uint8 output.
#pragma once

#include "conv2d.h"
#include "depthwise_conv.h"

namespace ghostnet {
namespace ops {

struct DfcAttention {
    Shape in;     // the module input's shape (the pooled map has its channels)
    Func pooled;
    Conv2d conv;
    DepthwiseConv row, column;
    Func gate;  // sigmoid, at the attention's own size (q8: int32 Q15)
    Func out;   // the gate upsampled: what the Ghost module multiplies by
    Tensor result;
};

DfcAttention dfc_attention(const std::string &name, const Tensor &in, const DenseWeights &conv,
                           const DepthwiseWeights &row, const DepthwiseWeights &column, const Expr &channels,
                           int k, int stride, const Expr &out_w, const Expr &out_h,
                           const Func &sigmoid_table = Func());

}  // namespace ops
}  // namespace ghostnet
