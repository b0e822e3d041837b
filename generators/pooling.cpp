#include "max_pool.h"

namespace ghostnet {
namespace ops {

MaxPool max_pool(const std::string &name, const Tensor &in, int k) {
    const Vars &v = vars();
    MaxPool p;
    p.k = k;
    p.out = Func(name);
    RDom r(0, k, 0, k, name + "_r");
    p.out(v.c, v.x, v.y) = Halide::maximum(in.f(v.c, v.x * k + r.x, v.y * k + r.y));
    p.result = {p.out, {in.shape.c, in.shape.w / k, in.shape.h / k}};
    return p;
}

}  // namespace ops
}  // namespace ghostnet
