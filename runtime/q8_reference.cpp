// The bit-exact integer reference of the q8 network: straight from the q8 model contents
// (int8 weights in PyTorch layout, scales, zero points), with padding as skipped taps and the
// input zero point subtracted per product, so it shares neither the packing nor the
// zero-point folding with the pipelines. The fixed-point primitives are runtime/q8_arithmetic.h's.
#include "q8_reference.h"

#include <algorithm>

namespace ghostnet {
namespace q8ref {

namespace {

using ghostnet::q8::ActQuant;
using ghostnet::q8::QuantizedConv;

// The accumulator of output channel o at (y, x): bias + sum w * (in - z_in) over real taps.
// Kernels may be 1 x k or k x 1 (the DFC attention's), padded along their long axis.
int32_t conv_acc(const Q8Tensor &in, const ConvSpec &c, const QuantizedConv &q, int32_t zin, int o,
                 int y, int x) {
    const bool dw = c.kind == ConvKind::Depthwise;
    const int kh = c.kernel_h(), kw = c.kernel_w(), pad_y = kh / 2, pad_x = kw / 2;
    int64_t acc = q.bias[o];
    const int i0 = dw ? o / c.multiplier() : 0, i1 = dw ? i0 + 1 : c.cin;
    for (int i = i0; i < i1; i++)
        for (int ky = 0; ky < kh; ky++)
            for (int kx = 0; kx < kw; kx++) {
                const int iy = y * c.stride + ky - pad_y, ix = x * c.stride + kx - pad_x;
                if (iy < 0 || iy >= in.h || ix < 0 || ix >= in.w) continue;
                const int8_t w = dw ? q.weight[(size_t(o) * kh + ky) * kw + kx]
                                    : q.weight[((size_t(o) * c.cin + i) * kh + ky) * kw + kx];
                acc += int64_t(w) * (int32_t(in.at(i, iy, ix)) - zin);
            }
    return int32_t(acc);
}

// An activation output: requantize16 with the multiplier of in_scale * w_scale / out_scale.
uint8_t requantize_clamp(int32_t acc, double in_scale, float w_scale, double out_scale, int32_t zp,
                         int32_t lo) {
    const auto m = ghostnet::q8::quantize_multiplier16(in_scale * w_scale / out_scale);
    const int64_t v = int64_t(ghostnet::q8::requantize16(acc, m.multiplier, m.shift)) + zp;
    return uint8_t(std::clamp<int64_t>(v, lo, 255));
}

}  // namespace

Q8Tensor conv(const Q8Tensor &in, const ConvSpec &c, const QuantizedConv &q, const ActQuant &qin,
              const ActQuant &qout) {
    Q8Tensor out(c.cout, conv_out_size(in.h, c.kernel_h(), c.stride, c.kernel_h() / 2),
                 conv_out_size(in.w, c.kernel_w(), c.stride, c.kernel_w() / 2));
    for (int o = 0; o < c.cout; o++)
        for (int y = 0; y < out.h; y++)
            for (int x = 0; x < out.w; x++)
                out.at(o, y, x) = requantize_clamp(conv_acc(in, c, q, qin.zero_point, o, y, x), qin.scale,
                                                   q.weight_scale[o], qout.scale, qout.zero_point,
                                                   c.relu ? qout.zero_point : 0);
    return out;
}

std::vector<int32_t> linear_acc(const std::vector<uint8_t> &in, const ConvSpec &c,
                                const QuantizedConv &q, int32_t zin) {
    std::vector<int32_t> acc(c.cout);
    for (int o = 0; o < c.cout; o++) {
        int64_t s = q.bias[o];
        for (int i = 0; i < c.cin; i++) s += int64_t(q.weight[size_t(o) * c.cin + i]) * (int32_t(in[i]) - zin);
        acc[o] = int32_t(s);
    }
    return acc;
}

std::vector<uint8_t> linear(const std::vector<uint8_t> &in, const ConvSpec &c,
                            const QuantizedConv &q, const ActQuant &qin, const ActQuant &qout) {
    const std::vector<int32_t> acc = linear_acc(in, c, q, qin.zero_point);
    std::vector<uint8_t> out(c.cout);
    for (int o = 0; o < c.cout; o++)
        out[o] = requantize_clamp(acc[o], qin.scale, q.weight_scale[o], qout.scale, qout.zero_point,
                                  c.relu ? qout.zero_point : 0);
    return out;
}

std::vector<uint8_t> pool(const Q8Tensor &in) {
    std::vector<uint8_t> out(in.c);
    const uint32_t n = uint32_t(in.h) * in.w;
    for (int c = 0; c < in.c; c++) {
        uint32_t s = 0;
        for (int y = 0; y < in.h; y++)
            for (int x = 0; x < in.w; x++) s += in.at(c, y, x);
        out[c] = ghostnet::q8::average(s, n);
    }
    return out;
}

Q8Tensor avg_pool2(const Q8Tensor &in) {
    Q8Tensor out(in.c, dfc_pooled_size(in.h), dfc_pooled_size(in.w));
    for (int c = 0; c < out.c; c++)
        for (int y = 0; y < out.h; y++)
            for (int x = 0; x < out.w; x++)
                out.at(c, y, x) = ghostnet::q8::average(uint32_t(in.at(c, 2 * y, 2 * x)) + in.at(c, 2 * y, 2 * x + 1) +
                                                            in.at(c, 2 * y + 1, 2 * x) + in.at(c, 2 * y + 1, 2 * x + 1),
                                                        4);
    return out;
}

Q8Tensor dfc_attention(const Q8Tensor &in, const GhostModuleSpec &g, const Q8Model &m, const Observer &observe) {
    Q8Tensor att = avg_pool2(in);
    for (const ConvSpec *c : {&g.dfc_conv, &g.dfc_row, &g.dfc_column}) {
        att = conv(att, *c, m.convs.at(c->weight), m.acts.at(c->act_in), m.acts.at(c->act_out));
        if (observe) observe(c->act_out, att);
    }
    return att;
}

Q8Tensor ghost_module(const Q8Tensor &in, const GhostModuleSpec &g, const Q8Model &m, const Observer &observe) {
    const ActQuant &qin = m.acts.at(g.primary.act_in), &qout = m.acts.at(g.primary.act_out);
    const Q8Tensor primary = conv(in, g.primary, m.convs.at(g.primary.weight), qin, qout);
    const Q8Tensor cheap = conv(primary, g.cheap, m.convs.at(g.cheap.weight), qout, qout);
    Q8Tensor out(g.out, primary.h, primary.w);
    for (int c = 0; c < g.out; c++)
        for (int y = 0; y < out.h; y++)
            for (int x = 0; x < out.w; x++)
                out.at(c, y, x) = c < primary.c ? primary.at(c, y, x) : cheap.at(c - primary.c, y, x);
    if (observe) observe(g.primary.act_out, out);
    if (!g.dfc) return out;
    // GhostNetV2's DFC attention: every output value gated by the sigmoid of the attention at
    // its nearest source pixel.
    const Q8Tensor att = dfc_attention(in, g, m, observe);
    const std::vector<int32_t> sigmoid = ghostnet::q8::sigmoid_table(m.acts.at(g.dfc_column.act_out));
    for (int c = 0; c < out.c; c++)
        for (int y = 0; y < out.h; y++)
            for (int x = 0; x < out.w; x++) {
                const uint8_t a = att.at(c, nearest_source(y, att.h, out.h), nearest_source(x, att.w, out.w));
                out.at(c, y, x) = ghostnet::q8::gate(out.at(c, y, x), qout.zero_point, sigmoid[a]);
            }
    return out;
}

Q8Tensor squeeze_excite(const Q8Tensor &in, const SqueezeExciteSpec &se, const Q8Model &m) {
    const ActQuant &qin = m.acts.at(se.reduce.act_in), &qr = m.acts.at(se.reduce.act_out);
    const std::vector<uint8_t> r = linear(pool(in), se.reduce, m.convs.at(se.reduce.weight), qin, qr);
    const QuantizedConv &e = m.convs.at(se.expand.weight);
    const std::vector<int32_t> acc = linear_acc(r, se.expand, e, qr.zero_point);
    const double gate_scale = 6.0 / (1 << kQ8GateBits);
    Q8Tensor out = in;
    for (int c = 0; c < in.c; c++) {
        // The gate in Q15: the Q31 form (q8::requantize), clamped to [0, 2^15].
        const auto mg = ghostnet::q8::quantize_multiplier(double(qr.scale) * e.weight_scale[c] / gate_scale);
        const int32_t g = int32_t(std::clamp<int64_t>(
            int64_t(ghostnet::q8::requantize(acc[c], mg.multiplier, mg.shift)) + (1 << (kQ8GateBits - 1)), 0,
            1 << kQ8GateBits));
        for (int y = 0; y < in.h; y++)
            for (int x = 0; x < in.w; x++)
                out.at(c, y, x) = ghostnet::q8::gate(in.at(c, y, x), qin.zero_point, g);
    }
    return out;
}

Q8Tensor ghost_bottleneck(const Q8Tensor &in, const BottleneckSpec &b, const Q8Model &m,
                          const Observer &observe) {
    auto seen = [&](const std::string &point, const Q8Tensor &t) {
        if (observe) observe(point, t);
    };
    Q8Tensor y = ghost_module(in, b.ghost1, m, observe);
    if (b.has_dw) {
        y = conv(y, b.dw, m.convs.at(b.dw.weight), m.acts.at(b.dw.act_in), m.acts.at(b.dw.act_out));
        seen(b.dw.act_out, y);
    }
    if (b.se.reduced) {
        if (observe) {
            const SqueezeExciteSpec &se = b.se;
            const std::vector<uint8_t> r = linear(pool(y), se.reduce, m.convs.at(se.reduce.weight),
                                                  m.acts.at(se.reduce.act_in), m.acts.at(se.reduce.act_out));
            Q8Tensor rt(int(r.size()), 1, 1);
            rt.d = r;
            seen(se.reduce.act_out, rt);
        }
        y = squeeze_excite(y, b.se, m);
    }
    y = ghost_module(y, b.ghost2, m, observe);
    Q8Tensor s = in;
    if (!b.identity_shortcut) {
        s = conv(in, b.shortcut_dw, m.convs.at(b.shortcut_dw.weight), m.acts.at(b.shortcut_dw.act_in),
                 m.acts.at(b.shortcut_dw.act_out));
        seen(b.shortcut_dw.act_out, s);
        s = conv(s, b.shortcut_pw, m.convs.at(b.shortcut_pw.weight), m.acts.at(b.shortcut_pw.act_in),
                 m.acts.at(b.shortcut_pw.act_out));
        seen(b.shortcut_pw.act_out, s);
    }
    const ActQuant &qr = m.acts.at(b.act_residual), &qs = m.acts.at(b.act_shortcut),
                   &qo = m.acts.at(b.act_out);
    const auto mr = ghostnet::q8::quantize_multiplier16(double(qr.scale) / qo.scale);
    const auto ms = ghostnet::q8::quantize_multiplier16(double(qs.scale) / qo.scale);
    const auto p = ghostnet::q8::add_params(qr.zero_point, qs.zero_point, qo.zero_point, mr, ms);
    Q8Tensor out(y.c, y.h, y.w);
    for (size_t i = 0; i < out.d.size(); i++) out.d[i] = ghostnet::q8::add(y.d[i], s.d[i], p.data());
    seen(b.act_out, out);
    return out;
}

std::vector<int32_t> ghostnet(const Q8Tensor &input, const NetworkSpec &spec, const Q8Model &m,
                              const Observer &observe) {
    auto seen = [&](const std::string &point, const Q8Tensor &t) {
        if (observe) observe(point, t);
    };
    seen("input", input);
    Q8Tensor x = conv(input, spec.stem, m.convs.at(spec.stem.weight), m.acts.at("input"),
                      m.acts.at(spec.stem.act_out));
    seen(spec.stem.act_out, x);
    for (const BottleneckSpec &b : spec.blocks) x = ghost_bottleneck(x, b, m, observe);
    x = conv(x, spec.head, m.convs.at(spec.head.weight), m.acts.at(spec.head.act_in),
             m.acts.at(spec.head.act_out));
    seen(spec.head.act_out, x);
    const std::vector<uint8_t> f =
        linear(pool(x), spec.conv_head, m.convs.at(spec.conv_head.weight),
               m.acts.at(spec.conv_head.act_in), m.acts.at(spec.conv_head.act_out));
    if (observe) {
        Q8Tensor ft(int(f.size()), 1, 1);
        ft.d = f;
        observe(spec.conv_head.act_out, ft);
    }
    return linear_acc(f, spec.classifier, m.convs.at(spec.classifier.weight),
                      m.acts.at(spec.classifier.act_in).zero_point);
}

}  // namespace q8ref
}  // namespace ghostnet
