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
    if (attention.defined() && primary.q.defined()) {
        // q8: the attention is a Q15 gate; the output keeps its scale and zero point.
        intrinsic = gate_q15(intrinsic, primary.q.out_zp, attention(g.intrinsic, v.x, v.y));
        ghost = gate_q15(ghost, primary.q.out_zp, attention(g.ghost + m, v.x, v.y));
    } else if (attention.defined()) {
        intrinsic *= attention(g.intrinsic, v.x, v.y);
        ghost *= attention(g.ghost + m, v.x, v.y);
    }
    g.out(g.intrinsic, v.x, v.y) = intrinsic;
    g.out(g.ghost + m, v.x, v.y) = ghost;
    g.result = {g.out, {n, g.primary.result.shape.w, g.primary.result.shape.h}};
    return g;
}

}  // namespace ops
}  // namespace ghostnet
