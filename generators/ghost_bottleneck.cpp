#include "ghost_bottleneck.h"

namespace ghostnet {
namespace ops {

GhostModule ghost_module(const std::string &name, const Tensor &in, const GhostModuleSpec &g,
                         const PackedWeights &weights) {
    return ghost_module(name, in, weights.dense(g.primary), weights.depthwise(g.cheap), g.out,
                        g.intrinsic(), g.ratio, g.k, g.d, g.stride, g.relu);
}

GhostBottleneck ghost_bottleneck(const std::string &name, const Tensor &in,
                                 const BottleneckSpec &spec, const PackedWeights &weights) {
    const Vars &v = vars();
    GhostBottleneck b;
    b.spec = &spec;
    b.ghost1 = ghost_module(name + "_ghost1", in, spec.ghost1, weights);
    Tensor x = b.ghost1.result;
    if (spec.has_dw) {
        b.dw = depthwise_conv(name + "_dw", x, weights.depthwise(spec.dw), spec.k, spec.stride, 1,
                              false);
        x = b.dw.result;
    }
    if (spec.se.reduced) {
        b.se = squeeze_excite(name + "_se", x, spec.se.reduced, weights.linear(spec.se.reduce),
                              weights.linear(spec.se.expand));
        x = b.se.result;
    }
    b.ghost2 = ghost_module(name + "_ghost2", x, spec.ghost2, weights);
    Func shortcut = in.f;
    if (!spec.identity_shortcut) {
        b.shortcut_dw = depthwise_conv(name + "_shortcut_dw", in,
                                       weights.depthwise(spec.shortcut_dw), spec.k, spec.stride, 1,
                                       false);
        b.shortcut_pw = conv2d(name + "_shortcut_pw", b.shortcut_dw.result,
                               weights.dense(spec.shortcut_pw), spec.out, 1, 1, false);
        shortcut = b.shortcut_pw.out;
    }
    b.out = Func(name);
    b.out(v.c, v.x, v.y) = b.ghost2.out(v.c, v.x, v.y) + shortcut(v.c, v.x, v.y);
    b.result = {b.out, b.ghost2.result.shape};
    return b;
}

}  // namespace ops
}  // namespace ghostnet
