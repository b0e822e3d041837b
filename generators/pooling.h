// Pooling: global average pooling (a map to a per-channel vector) and max pooling.
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

// max_pool: k x k max pooling with stride k and no padding (VGG's 2x2), floor output size:
//   out(c, x, y) = max_{i,j < k} in(c, k*x + i, k*y + j),  out extent = in extent / k
struct MaxPool {
    Func out;
    int k = 2;
    Tensor result;
};

MaxPool max_pool(const std::string &name, const Tensor &in, int k);

}  // namespace ops
}  // namespace ghostnet
