#include "ghostnet.h"

namespace ghostnet {
namespace ops {

namespace {
// The head's 1x1 conv + BN + ReLU (blocks.<n>.0), the whole head's first layer or a layer
// group's last.
Conv2d head_conv(const NetworkSpec &spec, const Tensor &features, const PackedWeights &weights) {
    return conv2d("head_conv", features, weights.dense(spec.head), spec.head.cout, 1, 1, true);
}
}  // namespace

Head ghostnet_head(const NetworkSpec &spec, const Tensor &features, const PackedWeights &weights) {
    Head h;
    h.spec = &spec;
    h.conv = head_conv(spec, features, weights);
    h.pool = global_avg_pool("head_pool", h.conv.result);
    h.conv_head = linear("conv_head", h.pool.out, spec.conv_head.cin,
                         weights.linear(spec.conv_head), true);
    h.conv_head.in_divides = true;
    h.classifier = linear("classifier", h.conv_head.out, spec.classifier.cin,
                          weights.linear(spec.classifier), false);
    return h;
}

namespace {

// The layers [first, end) of the bottlenecks, after the stem when `stem` (from the image in
// net.input_chw), then the head's 1x1 conv (`to_head_conv`) or the whole head (`to_logits`).
void build_layers(GhostNet &net, Tensor x, bool stem, size_t first, size_t end, bool to_head_conv, bool to_logits,
                  const PackedWeights &weights) {
    const NetworkSpec &spec = *net.spec;
    if (stem) {
        net.stem = conv2d("stem", x, weights.dense(spec.stem), spec.stem.cout, spec.stem.k, spec.stem.stride, true);
        x = net.stem.result;
    }
    for (size_t i = first; i < end; i++) {
        const BottleneckSpec &b = spec.blocks[i];
        std::string name = b.name;
        for (char &ch : name)
            if (ch == '.') ch = '_';
        net.blocks.push_back(ghost_bottleneck(name, x, b, weights));
        x = net.blocks.back().result;
    }
    if (to_logits) {
        net.head = ghostnet_head(spec, x, weights);
        net.logits = net.head.classifier.out;
        x = net.head.conv.result;
    } else if (to_head_conv) {
        net.head.spec = &spec;
        net.head.conv = head_conv(spec, x, weights);
        x = net.head.conv.result;
    }
    net.features = x;
}

}  // namespace

GhostNet ghostnet(const NetworkSpec &spec, const Func &input, const PackedWeights &weights) {
    const Vars &v = vars();
    GhostNet net;
    net.spec = &spec;
    net.input_chw = Func("input_chw");
    net.input_chw(v.c, v.x, v.y) = input(v.x, v.y, v.c);
    const int size = spec.config.input_size;
    build_layers(net, Tensor{net.input_chw, {spec.config.in_channels, size, size}}, true, 0, spec.blocks.size(),
                 true, true, weights);
    return net;
}

GhostNet ghostnet_group(const NetworkSpec &spec, const LayerGroup &group, const Func &input,
                        const PackedWeights &weights) {
    const Vars &v = vars();
    GhostNet net;
    net.spec = &spec;
    Func in = input;
    if (group.stem) {
        net.input_chw = Func("input_chw");
        net.input_chw(v.c, v.x, v.y) = input(v.x, v.y, v.c);
        in = net.input_chw;
    }
    build_layers(net, Tensor{in, {group.in_c, group.in_w, group.in_h}}, group.stem, group.first, group.end,
                 group.head_conv, false, weights);
    return net;
}

}  // namespace ops
}  // namespace ghostnet
