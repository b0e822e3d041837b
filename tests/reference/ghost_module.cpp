// Reference Ghost module: intrinsic maps, ghost maps, concatenation, first n channels; from
// folded weights, or from checkpoint tensors (with GhostNetV2's DFC attention gating it).
#include "reference.h"

namespace ghostnet {
namespace reference {

Tensor3 ghost_module(const Tensor3 &in, const std::vector<float> &primary_w,
                     const std::vector<float> &primary_b, const std::vector<float> &cheap_w,
                     const std::vector<float> &cheap_b, int n, int ratio, int k, int d, int stride,
                     bool act) {
    const int m = int(primary_b.size());
    Tensor3 x1 = conv2d(in, primary_w, primary_b.data(), m, k, stride);
    if (act) x1 = relu(x1);
    Tensor3 x2 = depthwise_conv(x1, cheap_w, cheap_b.data(), ratio - 1, d, d, 1);
    if (act) x2 = relu(x2);
    Tensor3 out(n, x1.h, x1.w);
    for (int c = 0; c < n; c++)
        for (int y = 0; y < x1.h; y++)
            for (int x = 0; x < x1.w; x++) out.at(c, y, x) = c < m ? x1.at(c, y, x) : x2.at(c - m, y, x);
    return out;
}

Tensor3 ghost_module(const Tensor3 &in, const GhostModuleSpec &g, const TensorMap &t) {
    const Tensor3 x1 = conv_layer(in, g.primary, t);
    const Tensor3 x2 = conv_layer(x1, g.cheap, t);
    Tensor3 out(g.out, x1.h, x1.w);
    const int m = g.intrinsic();
    for (int c = 0; c < g.out; c++)
        for (int y = 0; y < x1.h; y++)
            for (int x = 0; x < x1.w; x++) out.at(c, y, x) = c < m ? x1.at(c, y, x) : x2.at(c - m, y, x);
    if (g.dfc) {  // timm's GhostModuleV2: out * interpolate(sigmoid(short_conv(avg_pool2d(x, 2, 2))))
        const Tensor3 gate = dfc_attention(in, g, t, out.h, out.w);
        for (size_t i = 0; i < out.d.size(); i++) out.d[i] *= gate.d[i];
    }
    return out;
}

}  // namespace reference
}  // namespace ghostnet
