#include "packed_weights.h"

namespace ghostnet {
namespace ops {

namespace {
std::string stem(const ConvSpec &c) {
    std::string s = c.weight;
    for (char &ch : s)
        if (ch == '.') ch = '_';
    return s;
}
}  // namespace

ConvParamsQ8 q8_conv_params(const Func &params, const Expr &cout, const std::string &name) {
    using namespace q8_layout;
    Var co("co");
    ConvParamsQ8 c;
    c.b = Func(name + "_b");
    c.b(co) = params(per_channel(0, cout, PerChannel::Bias, co));
    c.q.multiplier = Func(name + "_multiplier");
    c.q.multiplier(co) = params(per_channel(0, cout, PerChannel::Multiplier, co));
    c.q.shift = Func(name + "_shift");
    c.q.shift(co) = params(per_channel(0, cout, PerChannel::Shift, co));
    c.b_int8 = Func(name + "_b_int8");
    c.b_int8(co) = params(per_channel(0, cout, PerChannel::BiasInt8, co));
    c.q.in_zp = params(header(0, kInZeroPoint));
    c.q.out_zp = params(header(0, kOutZeroPoint));
    c.q.lo = params(header(0, kLowest));
    c.q.hi = params(header(0, kHighest));
    return c;
}

Func PackedWeights::bias_int8(const ConvSpec &c) const {
    Func b;
    if (!int8_products_) return b;
    Var co("co");
    b = Func(stem(c) + "_b_int8");
    b(co) = params_(q8_layout::per_channel(int(c.q_params_offset), c.cout, q8_layout::PerChannel::BiasInt8, co));
    return b;
}

Func PackedWeights::bias(const ConvSpec &c) const {
    Var co("co");
    Func b(stem(c) + "_b");
    if (q8()) b(co) = params_(q8_layout::per_channel(int(c.q_params_offset), c.cout, q8_layout::PerChannel::Bias, co));
    else b(co) = flat_(int(c.bias_offset) + co);
    return b;
}

Requant PackedWeights::requant(const ConvSpec &c) const {
    using namespace q8_layout;
    Requant q;
    if (!q8()) return q;
    const int p = int(c.q_params_offset);
    if (c.act_out.empty() && !c.gate) {
        q.output = Requant::Output::Raw;
        return q;
    }
    q.output = c.gate ? Requant::Output::Gate : Requant::Output::Activation;
    Var co("co");
    q.multiplier = Func(stem(c) + "_multiplier");
    q.multiplier(co) = params_(per_channel(p, c.cout, PerChannel::Multiplier, co));
    q.shift = Func(stem(c) + "_shift");
    q.shift(co) = params_(per_channel(p, c.cout, PerChannel::Shift, co));
    q.in_zp = params_(header(p, kInZeroPoint));
    q.out_zp = params_(header(p, kOutZeroPoint));
    q.lo = params_(header(p, kLowest));
    q.hi = params_(header(p, kHighest));
    return q;
}

AddParams PackedWeights::add(const BottleneckSpec &b) const {
    using namespace q8_layout;
    const int p = int(b.q_add_offset);
    auto at = [&](AddParam field) { return params_(add_param(p, field)); };
    return {at(kResidualZeroPoint),  at(kShortcutZeroPoint), at(kAddOutZeroPoint), at(kResidualMultiplier),
            at(kResidualShift),      at(kShortcutMultiplier), at(kShortcutShift)};
}

Func PackedWeights::sigmoid_table(const GhostModuleSpec &g) const {
    Func t;
    if (!q8()) return t;
    Var q("q");
    std::string name = g.primary.act_out;  // the module's activation point, e.g. blocks.3.0.ghost1
    for (char &ch : name)
        if (ch == '.') ch = '_';
    t = Func(name + "_sigmoid");
    t(q) = params_(int(g.q_sigmoid_offset) + q);
    return t;
}

DenseWeights PackedWeights::dense(const ConvSpec &c) const {
    Var co("co"), ci("ci"), kx("kx"), ky("ky");
    Func w(stem(c));
    const int off = int(c.weight_offset);
    if (q8() && c.q8_grouped()) {
        w(co, ci, kx, ky) = flat_(q8_layout::grouped_weight(off, c.kernel_w(), c.cin, c.cout, co, ci, kx, ky));
        return {w, bias(c), requant(c), kQ8Group, bias_int8(c), pair16_ && !int8_products_};
    }
    w(co, ci, kx, ky) = flat_(off + ((ky * c.kernel_w() + kx) * c.cin + ci) * c.cout + co);
    return {w, bias(c), requant(c)};
}

DepthwiseWeights PackedWeights::depthwise(const ConvSpec &c) const {
    Var ch("ch"), kx("kx"), ky("ky");
    Func w(stem(c));
    w(ch, kx, ky) = flat_(int(c.weight_offset) + (ky * c.kernel_w() + kx) * c.cout + ch);
    return {w, bias(c), requant(c)};
}

LinearWeights PackedWeights::linear(const ConvSpec &c) const {
    Var co("co"), ci("ci");
    Func w(stem(c));
    const int off = int(c.weight_offset);
    if (q8() && c.q8_grouped()) {
        w(co, ci) = flat_(q8_layout::grouped_weight(off, 1, c.cin, c.cout, Expr(co), Expr(ci), Expr(0), Expr(0)));
        return {w, bias(c), requant(c), kQ8Group, bias_int8(c)};
    }
    w(co, ci) = flat_(off + linear_packed_index<Expr>(c.cin, co, ci));
    return {w, bias(c), requant(c)};
}

}  // namespace ops
}  // namespace ghostnet
