#include "linear.h"

namespace ghostnet {
namespace ops {

GlobalAvgPool global_avg_pool(const std::string &name, const Tensor &in) {
    const Vars &v = vars();
    GlobalAvgPool p;
    p.sum = Func(name + "_sum");
    p.out = Func(name);
    p.r = RDom(0, in.shape.w, 0, in.shape.h, name + "_r");
    p.sum(v.c) = 0.0f;
    p.sum(v.c) += in.f(v.c, p.r.x, p.r.y);
    p.out(v.c) = p.sum(v.c) / Halide::cast<float>(in.shape.w * in.shape.h);
    return p;
}

Linear linear(const std::string &name, const Func &in, const Expr &cin, const LinearWeights &wt,
              bool relu) {
    const Vars &v = vars();
    Linear l;
    l.acc = Func(name + "_acc");
    l.out = Func(name);
    l.r = RDom(0, cin, name + "_r");
    l.acc(v.c) = wt.b(v.c);
    l.acc(v.c) += wt.w(v.c, l.r) * in(l.r);
    l.out(v.c) = relu ? ops::relu(l.acc(v.c)) : l.acc(v.c);
    return l;
}

}  // namespace ops
}  // namespace ghostnet
