#include "squeeze_excite.h"

namespace ghostnet {
namespace ops {

SqueezeExcite squeeze_excite(const std::string &name, const Tensor &in, const Expr &reduced,
                             const LinearWeights &reduce, const LinearWeights &expand) {
    const Vars &v = vars();
    SqueezeExcite se;
    se.pool = global_avg_pool(name + "_pool", in);
    se.reduce = linear(name + "_reduce", se.pool.out, in.shape.c, reduce, true);
    se.reduce.in_divides = true;
    se.expand = linear(name + "_expand", se.reduce.out, reduced, expand, false);
    se.gate = Func(name + "_gate");
    se.out = Func(name);
    if (expand.q.defined()) {
        const Expr z = reduce.q.in_zp;
        se.gate(v.c) = se.expand.out(v.c);
        se.out(v.c, v.x, v.y) = gate_q15(in.f(v.c, v.x, v.y), z, se.gate(v.c));
    } else {
        se.gate(v.c) = Halide::clamp(se.expand.out(v.c) + 3.0f, 0.0f, 6.0f) / 6.0f;
        se.out(v.c, v.x, v.y) = in.f(v.c, v.x, v.y) * se.gate(v.c);
    }
    se.result = {se.out, in.shape};
    return se;
}

}  // namespace ops
}  // namespace ghostnet
