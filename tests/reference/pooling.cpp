// Reference global average pooling and k x k max pooling.
#include <algorithm>
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

}  // namespace reference
}  // namespace ghostnet
