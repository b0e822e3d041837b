// Reference dense convolution, the parts of a conv layer (BatchNorm, ReLU, the residual add),
// and a conv layer straight from checkpoint tensors (conv_layer; GhostNetV3's branches summed).
#include <algorithm>
#include <cmath>

#include "reference.h"

namespace ghostnet {
namespace reference {

Tensor3 conv2d(const Tensor3 &in, const std::vector<float> &weight, const float *bias, int cout,
               int k, int stride) {
    return conv2d(in, weight, bias, cout, k, k, stride);
}

Tensor3 conv2d(const Tensor3 &in, const std::vector<float> &weight, const float *bias, int cout,
               int kh, int kw, int stride) {
    const int pad_y = kh / 2, pad_x = kw / 2;
    const int oh = (in.h + 2 * pad_y - kh) / stride + 1, ow = (in.w + 2 * pad_x - kw) / stride + 1;
    Tensor3 out(cout, oh, ow);
    for (int o = 0; o < cout; o++)
        for (int y = 0; y < oh; y++)
            for (int x = 0; x < ow; x++) {
                double acc = bias ? bias[o] : 0.0;
                for (int i = 0; i < in.c; i++)
                    for (int ky = 0; ky < kh; ky++)
                        for (int kx = 0; kx < kw; kx++) {
                            const int iy = y * stride + ky - pad_y, ix = x * stride + kx - pad_x;
                            if (iy < 0 || iy >= in.h || ix < 0 || ix >= in.w) continue;
                            acc += double(weight[((size_t(o) * in.c + i) * kh + ky) * kw + kx]) * in.at(i, iy, ix);
                        }
                out.at(o, y, x) = float(acc);
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

namespace {

Tensor3 bn(const Tensor3 &x, const std::string &prefix, const TensorMap &t) {
    return batchnorm(x, t.at(prefix + ".weight").to_f32(), t.at(prefix + ".bias").to_f32(),
                     t.at(prefix + ".running_mean").to_f32(), t.at(prefix + ".running_var").to_f32());
}

// One branch's (or the plain layer's) conv: dense, or depthwise with cout / cin per channel.
Tensor3 conv(const Tensor3 &in, const ConvSpec &c, const std::vector<float> &weight, const float *bias, int kh,
             int kw) {
    if (c.kind == ConvKind::Depthwise) return depthwise_conv(in, weight, bias, c.cout / c.cin, kh, kw, c.stride);
    return conv2d(in, weight, bias, c.cout, kh, kw, c.stride);
}

}  // namespace

Tensor3 conv_layer(const Tensor3 &in, const ConvSpec &c, const TensorMap &t) {
    Tensor3 out;
    if (!c.branches.empty()) {
        // GhostNetV3: the sum of its branches, each a conv (or the identity) and its own BN, as
        // timm computes it in training.
        for (const ConvBranch &b : c.branches) {
            const Tensor3 y = bn(b.weight.empty() ? in : conv(in, c, t.at(b.weight).to_f32(), nullptr, b.k, b.k), b.bn, t);
            out = out.d.empty() ? y : add(out, y);
        }
    } else {
        const std::vector<float> bias = c.bias.empty() ? std::vector<float>() : t.at(c.bias).to_f32();
        out = conv(in, c, t.at(c.weight).to_f32(), bias.empty() ? nullptr : bias.data(), c.kernel_h(), c.kernel_w());
        if (!c.bn.empty()) out = bn(out, c.bn, t);
    }
    return c.relu ? relu(out) : out;
}

}  // namespace reference
}  // namespace ghostnet
