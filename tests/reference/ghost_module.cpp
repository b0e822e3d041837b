// Reference Ghost module: intrinsic maps, ghost maps, concatenation, first n channels.
#include "reference.h"

namespace ghostnet {
namespace reference {

Tensor3 ghost_module(const Tensor3 &in, const std::vector<float> &primary_w,
                     const std::vector<float> &primary_b, const std::vector<float> &cheap_w,
                     const std::vector<float> &cheap_b, int n, int ratio, int k, int d, int stride,
                     bool act) {
    const int m = int(primary_b.size());
    Tensor3 x1 = conv2d(in, primary_w, primary_b.data(), m, k, stride, 1);
    if (act) x1 = relu(x1);
    Tensor3 x2 = conv2d(x1, cheap_w, cheap_b.data(), m * (ratio - 1), d, 1, m);
    if (act) x2 = relu(x2);
    Tensor3 out(n, x1.h, x1.w);
    for (int c = 0; c < n; c++)
        for (int y = 0; y < x1.h; y++)
            for (int x = 0; x < x1.w; x++) out.at(c, y, x) = c < m ? x1.at(c, y, x) : x2.at(c - m, y, x);
    return out;
}

}  // namespace reference
}  // namespace ghostnet
