#include "ghost_bottleneck.h"

namespace ghostnet {
namespace ops {

GhostModule ghost_module(const std::string &name, const Tensor &in, const GhostModuleSpec &g,
                         const PackedWeights &weights) {
    if (!g.dfc)
        return ghost_module(name, in, weights.dense(g.primary), weights.depthwise(g.cheap), g.out,
                            g.intrinsic(), g.ratio, g.k, g.d, g.stride, g.relu);
    const DfcAttention dfc = dfc_attention(name + "_dfc", in, weights.dense(g.dfc_conv), weights.depthwise(g.dfc_row),
                                           weights.depthwise(g.dfc_column), g.out, g.k, g.stride,
                                           conv_out(in.shape.w, g.k, g.stride), conv_out(in.shape.h, g.k, g.stride),
                                           weights.sigmoid_table(g));
    GhostModule m = ghost_module(name, in, weights.dense(g.primary), weights.depthwise(g.cheap), g.out,
                                 g.intrinsic(), g.ratio, g.k, g.d, g.stride, g.relu, dfc.out);
    m.has_dfc = true;
    m.dfc = dfc;
    return m;
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
    const Expr residual = b.ghost2.out(v.c, v.x, v.y), sc = shortcut(v.c, v.x, v.y);
    if (weights.q8()) {
        // q8::add: both operands to the output scale (kQ8RequantFracBits extra bits), a
        // saturating int16 sum, one rounding (a rounding multiply, as requantize_output's);
        // int16 lanes throughout.
        using Halide::cast;
        const AddParams p = weights.add(spec);
        auto scaled = [&](const Expr &q, const Expr &zp, const Expr &m, const Expr &s) {
            return scale16_small(cast<int16_t>(q) - cast<int16_t>(zp), m, s);
        };
        const Expr sum = Halide::saturating_add(scaled(residual, p.residual_zp, p.residual_multiplier, p.residual_shift),
                                                scaled(sc, p.shortcut_zp, p.shortcut_multiplier, p.shortcut_shift));
        b.out(v.c, v.x, v.y) = cast<uint8_t>(Halide::clamp(
            q15_multiply(sum, 1 << (15 - kQ8RequantFracBits)) + cast<int16_t>(p.out_zp),
            cast<int16_t>(0), cast<int16_t>(255)));
    } else {
        b.out(v.c, v.x, v.y) = residual + sc;
    }
    b.result = {b.out, b.ghost2.result.shape};
    return b;
}

}  // namespace ops
}  // namespace ghostnet
