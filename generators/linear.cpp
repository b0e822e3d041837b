#include "linear.h"

namespace ghostnet {
namespace ops {

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
