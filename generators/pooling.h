// max_pool: k x k max pooling with stride k and no padding (VGG's 2x2), floor output size:
//   out(c, x, y) = max_{i,j < k} in(c, k*x + i, k*y + j),  out extent = in extent / k
#pragma once

#include "tensor.h"

namespace ghostnet {
namespace ops {

struct MaxPool {
    Func out;
    int k = 2;
    Tensor result;
};

MaxPool max_pool(const std::string &name, const Tensor &in, int k);

}  // namespace ops
}  // namespace ghostnet
