#include "ghost_module.h"

namespace ghostnet {
namespace ops {

GhostModule ghost_module(const std::string &name, const Tensor &in, const DenseWeights &primary,
                         const DepthwiseWeights &cheap, const Expr &n, const Expr &m, int ratio,
                         int k, int d, int stride, bool relu, const Func &attention) {
    const Vars &v = vars();
    GhostModule g;
    g.m = m;
    g.n = n;
    g.primary = conv2d(name + "_primary", in, primary, m, k, stride, relu);
    g.cheap = depthwise_conv(name + "_cheap", g.primary.result, cheap, d, 1, ratio - 1, relu);
    g.out = Func(name);
    g.intrinsic = RDom(0, m, name + "_intrinsic");
    g.ghost = RDom(0, n - m, name + "_ghost");
    g.out(v.c, v.x, v.y) = Halide::undef(g.primary.out.types()[0]);
    Expr intrinsic = g.primary.out(g.intrinsic, v.x, v.y), ghost = g.cheap.out(g.ghost, v.x, v.y);
    if (attention.defined()) {
        g.gated_intrinsic = Func(name + "_gated_intrinsic");
        g.gated_ghost = Func(name + "_gated_ghost");
        const Expr a = attention(v.c, v.x, v.y), a_ghost = attention(v.c + m, v.x, v.y);
        const Expr p = g.primary.out(v.c, v.x, v.y), c = g.cheap.out(v.c, v.x, v.y);
        if (primary.q.defined()) {
            // q8: the attention is a Q15 gate; the output keeps its scale and zero point.
            g.gated_intrinsic(v.c, v.x, v.y) = gate_q15(p, primary.q.out_zp, a);
            g.gated_ghost(v.c, v.x, v.y) = gate_q15(c, primary.q.out_zp, a_ghost);
        } else {
            g.gated_intrinsic(v.c, v.x, v.y) = p * a;
            g.gated_ghost(v.c, v.x, v.y) = c * a_ghost;
        }
        intrinsic = g.gated_intrinsic(g.intrinsic, v.x, v.y);
        ghost = g.gated_ghost(g.ghost, v.x, v.y);
    }
    g.out(g.intrinsic, v.x, v.y) = intrinsic;
    g.out(g.ghost + m, v.x, v.y) = ghost;
    g.result = {g.out, {n, g.primary.result.shape.w, g.primary.result.shape.h}};
    return g;
}

}  // namespace ops
}  // namespace ghostnet
