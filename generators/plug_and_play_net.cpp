#include "plug_and_play_net.h"

#include "ghost_bottleneck.h"

namespace ghostnet {
namespace ops {

namespace {

std::string func_name(std::string s) {
    for (char &ch : s)
        if (ch == '.') ch = '_';
    return s;
}

}  // namespace

PlugAndPlayConv plug_and_play_conv(const Tensor &in, const PlugAndPlayLayer &spec,
                                   const PackedWeights &weights) {
    PlugAndPlayConv l;
    l.spec = &spec;
    const std::string name = func_name(spec.name);
    if (spec.ghost) {
        l.module = ghost_module(name, in, spec.module, weights);
        l.result = l.module.result;
    } else {
        l.conv = conv2d(name, in, weights.dense(spec.conv), spec.out_c, spec.k, spec.stride, spec.relu);
        l.result = l.conv.result;
    }
    if (spec.max_pool_after) {
        l.pool = max_pool(name + "_pool", l.result, 2);
        l.result = l.pool.result;
    }
    return l;
}

PlugAndPlayNet plug_and_play_net(const PlugAndPlaySpec &spec, const Func &input,
                                 const PackedWeights &weights) {
    const Vars &v = vars();
    PlugAndPlayNet net;
    net.spec = &spec;
    net.input_chw = Func("input_chw");
    net.input_chw(v.c, v.x, v.y) = input(v.x, v.y, v.c);
    Tensor x{net.input_chw, {spec.in_channels, spec.input_size, spec.input_size}};
    for (const PlugAndPlayLayer &l : spec.features) {
        net.features.push_back(plug_and_play_conv(x, l, weights));
        x = net.features.back().result;
    }
    for (const ResidualBlockSpec &b : spec.blocks) {
        ResidualBlock r;
        r.spec = &b;
        r.conv1 = plug_and_play_conv(x, b.conv1, weights);
        r.conv2 = plug_and_play_conv(r.conv1.result, b.conv2, weights);
        // Option A: subsample and pad channels with zeros; reads stay inside the input.
        const int pad = b.channel_pad();
        const Expr ci = v.c - pad;
        Expr shortcut = x.f(Halide::clamp(ci, 0, b.in_c - 1), v.x * b.stride, v.y * b.stride);
        if (pad) shortcut = Halide::select(ci >= 0 && ci < b.in_c, shortcut, 0.0f);
        r.out = Func(func_name(b.name));
        r.out(v.c, v.x, v.y) = relu(r.conv2.result.f(v.c, v.x, v.y) + shortcut);
        r.result = {r.out, r.conv2.result.shape};
        net.blocks.push_back(r);
        x = r.result;
    }
    net.flat = Func("flat");
    if (spec.global_avg_pool) {
        net.pool = global_avg_pool("pool", x);
        net.flat(v.c) = net.pool.out(v.c);
    } else {
        const Expr hw = x.shape.w * x.shape.h;
        net.flat(v.c) = x.f(v.c / hw, v.c % x.shape.w, (v.c / x.shape.w) % x.shape.h);
    }
    Func vec = net.flat;
    for (const ConvSpec &fc : spec.classifier) {
        const std::string name = "fc" + std::to_string(net.classifier.size());
        net.classifier.push_back(linear(name, vec, fc.cin, weights.linear(fc), fc.relu));
        net.classifier.back().in_divides = net.classifier.size() == 1;  // the pool's or flat's
        vec = net.classifier.back().out;
    }
    net.logits = vec;
    return net;
}

}  // namespace ops
}  // namespace ghostnet
