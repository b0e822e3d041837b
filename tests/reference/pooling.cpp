// Reference global average pooling, k x k max pooling, and the DFC attention's 2x2 average pool,
// sigmoid and nearest upsampling (PyTorch's avg_pool2d, sigmoid, interpolate(mode='nearest')).
#include <algorithm>
#include <cmath>
#include <limits>

#include "reference.h"

namespace ghostnet {
namespace reference {

std::vector<float> global_avg_pool(const Tensor3 &in) {
    std::vector<float> out(in.c);
    for (int c = 0; c < in.c; c++) {
        double s = 0;
        for (int y = 0; y < in.h; y++)
            for (int x = 0; x < in.w; x++) s += in.at(c, y, x);
        out[c] = float(s / (double(in.h) * in.w));
    }
    return out;
}

Tensor3 max_pool(const Tensor3 &in, int k) {
    Tensor3 out(in.c, in.h / k, in.w / k);
    for (int c = 0; c < out.c; c++)
        for (int y = 0; y < out.h; y++)
            for (int x = 0; x < out.w; x++) {
                float m = -std::numeric_limits<float>::infinity();
                for (int j = 0; j < k; j++)
                    for (int i = 0; i < k; i++) m = std::max(m, in.at(c, y * k + j, x * k + i));
                out.at(c, y, x) = m;
            }
    return out;
}

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

}  // namespace reference
}  // namespace ghostnet
