// Reference GhostNet head and whole network from checkpoint tensors by name, BatchNorm applied
// unfolded: an independent check of the runtime's folding and packing.
#include <algorithm>

#include "reference.h"

namespace ghostnet {
namespace reference {

std::vector<float> ghostnet_head(const Tensor3 &features, const NetworkSpec &s, const TensorMap &t) {
    std::vector<float> v = global_avg_pool(conv_layer(features, s.head, t));
    v = linear(v, t.at(s.conv_head.weight).to_f32(), t.at(s.conv_head.bias).to_f32(), s.conv_head.cout);
    for (float &x : v) x = std::max(x, 0.0f);
    return linear(v, t.at(s.classifier.weight).to_f32(), t.at(s.classifier.bias).to_f32(), s.classifier.cout);
}

std::vector<float> ghostnet(const Tensor3 &input, const NetworkSpec &spec, const TensorMap &t) {
    Tensor3 x = conv_layer(input, spec.stem, t);
    for (const BottleneckSpec &b : spec.blocks) x = ghost_bottleneck(x, b, t);
    return ghostnet_head(x, spec, t);
}

}  // namespace reference
}  // namespace ghostnet
