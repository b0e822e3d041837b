// Reference GhostNetV2 DFC attention (timm's GhostModuleV2 `short_conv` and gate): PyTorch's
// avg_pool2d(2, 2), the three convs with their BatchNorm unfolded, sigmoid and
// interpolate(mode='nearest').
#include <algorithm>
#include <cmath>

#include "reference.h"

namespace ghostnet {
namespace reference {

Tensor3 avg_pool2(const Tensor3 &in) {
    Tensor3 out(in.c, in.h / 2, in.w / 2);
    for (int c = 0; c < out.c; c++)
        for (int y = 0; y < out.h; y++)
            for (int x = 0; x < out.w; x++)
                out.at(c, y, x) = float((double(in.at(c, 2 * y, 2 * x)) + in.at(c, 2 * y, 2 * x + 1) +
                                         in.at(c, 2 * y + 1, 2 * x) + in.at(c, 2 * y + 1, 2 * x + 1)) /
                                        4.0);
    return out;
}

Tensor3 sigmoid(Tensor3 t) {
    for (float &v : t.d) v = float(1.0 / (1.0 + std::exp(-double(v))));
    return t;
}

Tensor3 upsample_nearest(const Tensor3 &in, int h, int w) {
    // PyTorch's nearest (size given): source index floor(dst * (in / out)), in float.
    const float sy = float(in.h) / float(h), sx = float(in.w) / float(w);
    Tensor3 out(in.c, h, w);
    for (int c = 0; c < in.c; c++)
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                out.at(c, y, x) = in.at(c, std::min(int(std::floor(y * sy)), in.h - 1),
                                        std::min(int(std::floor(x * sx)), in.w - 1));
    return out;
}

Tensor3 dfc_attention(const Tensor3 &in, const GhostModuleSpec &g, const TensorMap &t, int out_h, int out_w) {
    Tensor3 att = avg_pool2(in);
    for (const ConvSpec *c : {&g.dfc_conv, &g.dfc_row, &g.dfc_column}) att = conv_layer(att, *c, t);
    return upsample_nearest(sigmoid(att), out_h, out_w);
}

}  // namespace reference
}  // namespace ghostnet
