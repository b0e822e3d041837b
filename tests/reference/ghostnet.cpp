// Reference Ghost bottleneck, head and whole GhostNet, from checkpoint tensors by name with
// BatchNorm applied unfolded: an independent check of the runtime's folding and packing.
#include "reference.h"

namespace ghostnet {
namespace reference {

namespace {

const std::vector<float> &get(const TensorMap &t, const std::string &name,
                              std::map<std::string, std::vector<float>> *cache) {
    auto it = cache->find(name);
    if (it != cache->end()) return it->second;
    return (*cache)[name] = t.at(name).to_f32();
}

struct Ctx {
    const TensorMap &t;
    std::map<std::string, std::vector<float>> cache;
    const std::vector<float> &operator()(const std::string &n) { return get(t, n, &cache); }
};

Tensor3 bn(const Tensor3 &x, const std::string &prefix, Ctx &w) {
    return batchnorm(x, w(prefix + ".weight"), w(prefix + ".bias"), w(prefix + ".running_mean"),
                     w(prefix + ".running_var"));
}

// conv (from its ConvSpec) + BN (if any) + ReLU (if the spec says so). GhostNetV3: the sum of
// its branches, each a conv (or the identity) and its own BN, as timm computes it in training.
Tensor3 conv_bn(const Tensor3 &in, const ConvSpec &c, Ctx &w) {
    const int groups = c.kind == ConvKind::Depthwise ? c.cin : 1;
    Tensor3 out;
    if (!c.branches.empty()) {
        for (const ConvBranch &b : c.branches) {
            const Tensor3 y = bn(b.weight.empty() ? in : conv2d(in, w(b.weight), nullptr, c.cout, b.k, c.stride, groups),
                                 b.bn, w);
            out = out.d.empty() ? y : add(out, y);
        }
    } else {
        const float *bias = c.bias.empty() ? nullptr : w(c.bias).data();
        out = conv2d(in, w(c.weight), bias, c.cout, c.kernel_h(), c.kernel_w(), c.stride, groups);
        if (!c.bn.empty()) out = bn(out, c.bn, w);
    }
    return c.relu ? relu(out) : out;
}

Tensor3 ghost(const Tensor3 &in, const GhostModuleSpec &g, Ctx &w) {
    const Tensor3 x1 = conv_bn(in, g.primary, w);
    const Tensor3 x2 = conv_bn(x1, g.cheap, w);
    Tensor3 out(g.out, x1.h, x1.w);
    const int m = g.intrinsic();
    for (int c = 0; c < g.out; c++)
        for (int y = 0; y < x1.h; y++)
            for (int x = 0; x < x1.w; x++) out.at(c, y, x) = c < m ? x1.at(c, y, x) : x2.at(c - m, y, x);
    if (g.dfc) {  // timm's GhostModuleV2: out * interpolate(sigmoid(short_conv(avg_pool2d(x, 2, 2))))
        const Tensor3 res = conv_bn(conv_bn(conv_bn(avg_pool2(in), g.dfc_conv, w), g.dfc_row, w), g.dfc_column, w);
        const Tensor3 gate = upsample_nearest(sigmoid(res), out.h, out.w);
        for (size_t i = 0; i < out.d.size(); i++) out.d[i] *= gate.d[i];
    }
    return out;
}

Tensor3 bottleneck(const Tensor3 &in, const BottleneckSpec &b, Ctx &w) {
    Tensor3 x = ghost(in, b.ghost1, w);
    if (b.has_dw) x = conv_bn(x, b.dw, w);
    if (b.se.reduced)
        x = squeeze_excite(x, w(b.se.reduce.weight), w(b.se.reduce.bias), w(b.se.expand.weight),
                           w(b.se.expand.bias));
    x = ghost(x, b.ghost2, w);
    const Tensor3 shortcut =
        b.identity_shortcut ? in : conv_bn(conv_bn(in, b.shortcut_dw, w), b.shortcut_pw, w);
    return add(x, shortcut);
}

std::vector<float> head(const Tensor3 &features, const NetworkSpec &s, Ctx &w) {
    std::vector<float> v = global_avg_pool(conv_bn(features, s.head, w));
    v = linear(v, w(s.conv_head.weight), w(s.conv_head.bias), s.conv_head.cout);
    for (float &x : v) x = std::max(x, 0.0f);
    return linear(v, w(s.classifier.weight), w(s.classifier.bias), s.classifier.cout);
}

}  // namespace

Tensor3 conv_layer(const Tensor3 &in, const ConvSpec &spec, const TensorMap &t) {
    Ctx w{t, {}};
    return conv_bn(in, spec, w);
}

Tensor3 ghost_module(const Tensor3 &in, const GhostModuleSpec &spec, const TensorMap &t) {
    Ctx w{t, {}};
    return ghost(in, spec, w);
}

Tensor3 ghost_bottleneck(const Tensor3 &in, const BottleneckSpec &spec, const TensorMap &t) {
    Ctx w{t, {}};
    return bottleneck(in, spec, w);
}

std::vector<float> ghostnet_head(const Tensor3 &features, const NetworkSpec &spec, const TensorMap &t) {
    Ctx w{t, {}};
    return head(features, spec, w);
}

std::vector<float> ghostnet(const Tensor3 &input, const NetworkSpec &spec, const TensorMap &t) {
    Ctx w{t, {}};
    Tensor3 x = conv_bn(input, spec.stem, w);
    for (const BottleneckSpec &b : spec.blocks) x = bottleneck(x, b, w);
    return head(x, spec, w);
}

}  // namespace reference
}  // namespace ghostnet
