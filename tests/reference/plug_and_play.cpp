// Reference plug-and-play networks (VGG-16, ResNet-56, plain or with Ghost
// modules), written from the PyTorch modules' definitions, BatchNorm unfolded.
#include <algorithm>

#include "reference.h"

namespace ghostnet {
namespace reference {

namespace {

Tensor3 layer(const Tensor3 &in, const PlugAndPlayLayer &l, const TensorMap &t) {
    const Tensor3 out = l.ghost ? ghost_module(in, l.module, t) : conv_layer(in, l.conv, t);
    return l.max_pool_after ? max_pool(out, 2) : out;
}

// He et al.'s option A: x[:, :, ::stride, ::stride] with (out - in) / 2 zero channels on each side.
Tensor3 shortcut_a(const Tensor3 &in, const ResidualBlockSpec &b, int out_h, int out_w) {
    Tensor3 out(b.out_c, out_h, out_w);
    const int pad = b.channel_pad();
    for (int c = 0; c < in.c; c++)
        for (int y = 0; y < out_h; y++)
            for (int x = 0; x < out_w; x++) out.at(c + pad, y, x) = in.at(c, y * b.stride, x * b.stride);
    return out;
}

}  // namespace

std::vector<float> plug_and_play(const Tensor3 &input, const PlugAndPlaySpec &spec, const TensorMap &t) {
    Tensor3 x = input;
    for (const PlugAndPlayLayer &l : spec.features) x = layer(x, l, t);
    for (const ResidualBlockSpec &b : spec.blocks) {
        const Tensor3 y = layer(layer(x, b.conv1, t), b.conv2, t);
        x = relu(add(y, shortcut_a(x, b, y.h, y.w)));
    }
    std::vector<float> v = spec.global_avg_pool ? global_avg_pool(x) : x.d;  // x.d: [c][h][w] flattened
    for (const ConvSpec &fc : spec.classifier) {
        v = linear(v, t.at(fc.weight).to_f32(), t.at(fc.bias).to_f32(), fc.cout);
        if (fc.relu)
            for (float &f : v) f = std::max(f, 0.0f);
    }
    return v;
}

}  // namespace reference
}  // namespace ghostnet
