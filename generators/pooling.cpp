#include "pooling.h"

namespace ghostnet {
namespace ops {

GlobalAvgPool global_avg_pool(const std::string &name, const Tensor &in) {
    const Vars &v = vars();
    GlobalAvgPool p;
    p.sum = Func(name + "_sum");
    p.out = Func(name);
    p.r = RDom(0, in.shape.w, 0, in.shape.h, name + "_r");
    if (in.f.types()[0] == Halide::UInt(8)) {
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
