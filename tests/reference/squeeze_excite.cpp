// Reference squeeze-excite with GhostNet's hard-sigmoid gate.
#include <algorithm>

#include "reference.h"

namespace ghostnet {
namespace reference {

Tensor3 squeeze_excite(const Tensor3 &in, const std::vector<float> &reduce_w,
                       const std::vector<float> &reduce_b, const std::vector<float> &expand_w,
                       const std::vector<float> &expand_b) {
    std::vector<float> s = global_avg_pool(in);
    s = linear(s, reduce_w, reduce_b, int(reduce_b.size()));
    for (float &v : s) v = std::max(v, 0.0f);
    s = linear(s, expand_w, expand_b, in.c);
    Tensor3 out = in;
    for (int c = 0; c < in.c; c++) {
        const float gate = std::min(std::max(s[c] + 3.0f, 0.0f), 6.0f) / 6.0f;
        for (int y = 0; y < in.h; y++)
            for (int x = 0; x < in.w; x++) out.at(c, y, x) *= gate;
    }
    return out;
}

}  // namespace reference
}  // namespace ghostnet
