// Reference depthwise convolution (PyTorch Conv2d with groups = in channels).
#include "reference.h"

namespace ghostnet {
namespace reference {

Tensor3 depthwise_conv(const Tensor3 &in, const std::vector<float> &weight, const float *bias, int multiplier,
                       int kh, int kw, int stride) {
    const int pad_y = kh / 2, pad_x = kw / 2;
    const int oh = (in.h + 2 * pad_y - kh) / stride + 1, ow = (in.w + 2 * pad_x - kw) / stride + 1;
    Tensor3 out(in.c * multiplier, oh, ow);
    for (int o = 0; o < out.c; o++) {
        const int i = o / multiplier;
        for (int y = 0; y < oh; y++)
            for (int x = 0; x < ow; x++) {
                double acc = bias ? bias[o] : 0.0;
                for (int ky = 0; ky < kh; ky++)
                    for (int kx = 0; kx < kw; kx++) {
                        const int iy = y * stride + ky - pad_y, ix = x * stride + kx - pad_x;
                        if (iy < 0 || iy >= in.h || ix < 0 || ix >= in.w) continue;
                        acc += double(weight[(size_t(o) * kh + ky) * kw + kx]) * in.at(i, iy, ix);
                    }
                out.at(o, y, x) = float(acc);
            }
    }
    return out;
}

}  // namespace reference
}  // namespace ghostnet
