#include "linear.h"

namespace ghostnet {
namespace ops {

GlobalAvgPool global_avg_pool(const std::string &name, const Tensor &in) {
    const Vars &v = vars();
    GlobalAvgPool p;
    p.sum = Func(name + "_sum");
    p.out = Func(name);
    p.r = RDom(0, in.shape.w, 0, in.shape.h, name + "_r");
    if (in.f.output_types()[0] == Halide::UInt(8)) {
        const Expr count = Halide::cast<uint32_t>(in.shape.w * in.shape.h);
        p.sum(v.c) = Halide::cast<uint32_t>(0);
        p.sum(v.c) += Halide::cast<uint32_t>(in.f(v.c, p.r.x, p.r.y));
        p.out(v.c) = Halide::cast<uint8_t>((p.sum(v.c) + count / 2) / count);
        return p;
    }
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
    l.in = in;
    l.ci_group = wt.ci_group;
    const bool q8 = wt.q.defined();
    const bool int8_products = wt.b_int8.defined();
    l.acc(v.c) = int8_products ? wt.b_int8(v.c) : wt.b(v.c);
    l.acc(v.c) += q8 ? grouped_product(wt.w(v.c, l.r), in(l.r), int8_products) : wt.w(v.c, l.r) * in(l.r);
    const Expr acc = l.acc(v.c);
    l.out(v.c) = q8 ? requantize_output(acc, wt.q, v.c) : relu ? ops::relu(acc) : acc;
    return l;
}

}  // namespace ops
}  // namespace ghostnet
