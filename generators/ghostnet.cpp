#include "ghostnet.h"

namespace ghostnet {
namespace ops {

Head ghostnet_head(const NetworkSpec &spec, const Tensor &features, const PackedWeights &weights) {
    Head h;
    h.spec = &spec;
    h.conv = conv2d("head_conv", features, weights.dense(spec.head), spec.head.cout, 1, 1, true);
    h.pool = global_avg_pool("head_pool", h.conv.result);
    h.conv_head = linear("conv_head", h.pool.out, spec.conv_head.cin,
                         weights.linear(spec.conv_head), true);
    h.conv_head.in_divides = true;
    h.classifier = linear("classifier", h.conv_head.out, spec.classifier.cin,
                          weights.linear(spec.classifier), false);
    return h;
}

GhostNet ghostnet(const NetworkSpec &spec, const Func &input, const PackedWeights &weights) {
    const Vars &v = vars();
    GhostNet net;
    net.spec = &spec;
    net.input_chw = Func("input_chw");
    net.input_chw(v.c, v.x, v.y) = input(v.x, v.y, v.c);
    const int size = spec.config.input_size;
    Tensor x{net.input_chw, {spec.config.in_channels, size, size}};

    net.stem = conv2d("stem", x, weights.dense(spec.stem), spec.stem.cout, spec.stem.k,
                      spec.stem.stride, true);
    x = net.stem.result;
    for (const BottleneckSpec &b : spec.blocks) {
        std::string name = b.name;
        for (char &ch : name)
            if (ch == '.') ch = '_';
        net.blocks.push_back(ghost_bottleneck(name, x, b, weights));
        x = net.blocks.back().result;
    }
    net.head = ghostnet_head(spec, x, weights);
    net.logits = net.head.classifier.out;
    return net;
}

}  // namespace ops
}  // namespace ghostnet
