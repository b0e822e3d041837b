// Reference convolutions (dense, grouped, depthwise) and the parts of a conv layer: BatchNorm,
// ReLU, the residual add.
#include <algorithm>
#include <cmath>

#include "reference.h"

namespace ghostnet {
namespace reference {

Tensor3 conv2d(const Tensor3 &in, const std::vector<float> &weight, const float *bias, int cout,
               int k, int stride, int groups) {
    return conv2d(in, weight, bias, cout, k, k, stride, groups);
}

Tensor3 conv2d(const Tensor3 &in, const std::vector<float> &weight, const float *bias, int cout,
               int kh, int kw, int stride, int groups) {
    const int pad_y = kh / 2, pad_x = kw / 2;
    const int oh = (in.h + 2 * pad_y - kh) / stride + 1, ow = (in.w + 2 * pad_x - kw) / stride + 1;
    const int cin_g = in.c / groups, cout_g = cout / groups;
    Tensor3 out(cout, oh, ow);
    for (int o = 0; o < cout; o++) {
        const int g = o / cout_g;
        for (int y = 0; y < oh; y++)
            for (int x = 0; x < ow; x++) {
                double acc = bias ? bias[o] : 0.0;
                for (int i = 0; i < cin_g; i++)
                    for (int ky = 0; ky < kh; ky++)
                        for (int kx = 0; kx < kw; kx++) {
                            const int iy = y * stride + ky - pad_y, ix = x * stride + kx - pad_x;
                            if (iy < 0 || iy >= in.h || ix < 0 || ix >= in.w) continue;
                            acc += double(weight[((size_t(o) * cin_g + i) * kh + ky) * kw + kx]) *
                                   in.at(g * cin_g + i, iy, ix);
                        }
                out.at(o, y, x) = float(acc);
            }
    }
    return out;
}

Tensor3 relu(Tensor3 t) {
    for (float &v : t.d) v = std::max(v, 0.0f);
    return t;
}

Tensor3 add(const Tensor3 &a, const Tensor3 &b) {
    Tensor3 out = a;
    for (size_t i = 0; i < out.d.size(); i++) out.d[i] += b.d[i];
    return out;
}

Tensor3 batchnorm(Tensor3 t, const std::vector<float> &gamma, const std::vector<float> &beta,
                  const std::vector<float> &mean, const std::vector<float> &var, float eps) {
    for (int c = 0; c < t.c; c++)
        for (int y = 0; y < t.h; y++)
            for (int x = 0; x < t.w; x++) {
                float &v = t.at(c, y, x);
                v = float((double(v) - mean[c]) / std::sqrt(double(var[c]) + eps) * gamma[c] + beta[c]);
            }
    return t;
}

}  // namespace reference
}  // namespace ghostnet
