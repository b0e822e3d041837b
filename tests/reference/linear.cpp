// Reference nn.Linear (a 1x1 conv on a vector).
#include "reference.h"

namespace ghostnet {
namespace reference {

std::vector<float> linear(const std::vector<float> &in, const std::vector<float> &weight,
                          const std::vector<float> &bias, int cout) {
    const size_t cin = in.size();
    std::vector<float> out(cout);
    for (int o = 0; o < cout; o++) {
        double acc = bias.empty() ? 0.0 : bias[o];
        for (size_t i = 0; i < cin; i++) acc += double(weight[o * cin + i]) * in[i];
        out[o] = float(acc);
    }
    return out;
}

}  // namespace reference
}  // namespace ghostnet
