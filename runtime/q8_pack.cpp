#include "q8_pack.h"

#include <algorithm>
#include <array>

#include "error.h"

namespace ghostnet {
namespace q8 {

void pack_conv_weights(const ConvSpec &c, const QuantizedConv &q, bool grouped, int8_t *dst) {
    if (!grouped) {
        pack_layout(c, q.weight.data(), dst);
        return;
    }
    if (!c.q8_grouped()) throw Error(c.weight + ": only dense convs and linear layers with cin % 4 == 0 pack grouped");
    // PyTorch [cout][cin][ky][kx] -> the grouped layout (runtime/q8_layout.h).
    const int k = c.k;
    for (int o = 0; o < c.cout; o++)
        for (int i = 0; i < c.cin; i++)
            for (int ky = 0; ky < k; ky++)
                for (int kx = 0; kx < k; kx++)
                    dst[q8_layout::grouped_weight(size_t(0), k, c.cin, c.cout, o, i, kx, ky)] =
                        q.weight[((size_t(o) * c.cin + i) * k + ky) * k + kx];
}

void pack_conv(const ConvSpec &c, const QuantizedConv &q, const ActQuant &in, const ActQuant *out,
               PackedQ8 *packed) {
    pack_conv_weights(c, q, c.q8_grouped(), packed->weights.data() + c.weight_offset);
    pack_conv_params(c, q, c.q8_grouped(), in, out, packed->params.data() + c.q_params_offset);
}

void pack_conv_params(const ConvSpec &c, const QuantizedConv &q, bool grouped,
                      const ActQuant &in, const ActQuant *out, int32_t *p) {
    if (grouped && !c.q8_grouped())
        throw Error(c.weight + ": grouped q8 parameters need a dense conv or linear layer with a multiple of " +
                    std::to_string(kQ8Group) + " input channels, got " + std::to_string(c.cin));
    using namespace q8_layout;
    auto channel = [&](PerChannel field, int o) -> int32_t & { return p[per_channel(0, c.cout, field, o)]; };
    p[header(0, kInZeroPoint)] = in.zero_point;
    int32_t &out_zero_point = p[header(0, kOutZeroPoint)], &lowest = p[header(0, kLowest)],
            &highest = p[header(0, kHighest)];
    if (c.gate) {
        // relu6(x + 3) / 6 in Q15: x / (6 / 2^15) + 2^14, clamped to [0, 2^15].
        out_zero_point = 1 << (kQ8GateBits - 1);
        lowest = 0;
        highest = 1 << kQ8GateBits;
    } else if (out) {
        out_zero_point = out->zero_point;
        lowest = c.relu ? out->zero_point : 0;
        highest = 255;
    } else {
        out_zero_point = lowest = highest = 0;  // logits: the raw accumulator
    }
    const size_t per_out = q.weight.size() / c.cout;
    const double out_scale = c.gate ? 6.0 / (1 << kQ8GateBits) : out ? double(out->scale) : 0.0;
    for (int o = 0; o < c.cout; o++) {
        int64_t wsum = 0;
        for (size_t i = 0; i < per_out; i++) wsum += q.weight[o * per_out + i];
        channel(PerChannel::Bias, o) = saturate32(int64_t(q.bias[o]) - int64_t(in.zero_point) * wsum);
        if (grouped)
            channel(PerChannel::BiasInt8, o) =
                saturate32(int64_t(q.bias[o]) - int64_t(in.zero_point - kQ8GroupedInputOffset) * wsum);
        int32_t multiplier = 0, shift = 0;
        if (out_scale > 0) {
            const double real = double(in.scale) * q.weight_scale[o] / out_scale;
            try {
                if (c.gate) {
                    const Multiplier m = quantize_multiplier(real);
                    multiplier = m.multiplier;
                    shift = m.shift;
                } else {
                    const Multiplier16 m = quantize_multiplier16(real);
                    multiplier = m.multiplier;
                    shift = m.shift;
                }
            } catch (const Error &e) {
                throw Error(c.weight + " channel " + std::to_string(o) + ": " + e.what());
            }
        }
        channel(PerChannel::Multiplier, o) = multiplier;
        channel(PerChannel::Shift, o) = shift;
    }
}

void pack_add(const BottleneckSpec &b, const ActQuant &residual, const ActQuant &shortcut,
              const ActQuant &out, PackedQ8 *packed) {
    int32_t *p = packed->params.data() + b.q_add_offset;
    Multiplier16 r, s;
    try {
        r = quantize_multiplier16(double(residual.scale) / out.scale);
        s = quantize_multiplier16(double(shortcut.scale) / out.scale);
    } catch (const Error &e) {
        throw Error(b.name + " residual add: " + e.what());
    }
    const std::array<int32_t, kQ8AddParams> v = add_params(residual.zero_point, shortcut.zero_point, out.zero_point, r, s);
    std::copy(v.begin(), v.end(), p);
}

void pack_sigmoid_table(const GhostModuleSpec &g, const ActQuant &column, PackedQ8 *packed) {
    if (!g.dfc) throw Error("pack_sigmoid_table: " + g.primary.act_out + " has no DFC attention");
    const std::vector<int32_t> t = sigmoid_table(column);
    std::copy(t.begin(), t.end(), packed->params.begin() + std::ptrdiff_t(g.q_sigmoid_offset));
}

PackedGhostModuleQ8 pack_ghost_module(const GhostModuleSpec &g, const QuantizedConv &primary,
                                      const QuantizedConv &cheap, const ActQuant &in,
                                      const ActQuant &out) {
    PackedGhostModuleQ8 p;
    p.primary_weights.resize(g.primary.weight_count());
    p.cheap_weights.resize(g.cheap.weight_count());
    p.primary_params.resize(g.primary.q_params_count());
    p.cheap_params.resize(g.cheap.q_params_count());
    auto fits = [](const ConvSpec &c, const QuantizedConv &q) {
        return q.weight.size() == c.weight_count() && int(q.bias.size()) == c.cout &&
               int(q.weight_scale.size()) == c.cout;
    };
    if (!fits(g.primary, primary) || !fits(g.cheap, cheap))
        throw Error("pack_ghost_module: the quantized convs do not have the module's shapes");
    pack_conv_weights(g.primary, primary, false, p.primary_weights.data());
    pack_conv_weights(g.cheap, cheap, false, p.cheap_weights.data());
    pack_conv_params(g.primary, primary, false, in, &out, p.primary_params.data());
    pack_conv_params(g.cheap, cheap, false, out, &out, p.cheap_params.data());
    return p;
}

PackedQ8 pack_network(const NetworkSpec &spec, const QuantizedNetwork &net) {
    PackedQ8 packed;
    packed.weights.assign(spec.packed_size, 0);
    packed.params.assign(spec.q_params_size, 0);
    packed.grouped_weight_bits = net.grouped_weight_bits;
    auto act = [&](const std::string &name) -> const ActQuant & {
        auto it = net.acts.find(name);
        if (it == net.acts.end()) throw Error("q8 model has no activation '" + name + "'");
        return it->second;
    };
    for (const ConvSpec *c : spec.convs()) {
        auto it = net.convs.find(c->weight);
        if (it == net.convs.end()) throw Error("q8 model has no conv '" + c->weight + "'");
        pack_conv(*c, it->second, act(c->act_in), c->act_out.empty() ? nullptr : &act(c->act_out),
                  &packed);
    }
    for (const BottleneckSpec &b : spec.blocks) {
        if (b.ghost1.dfc) pack_sigmoid_table(b.ghost1, act(b.ghost1.dfc_column.act_out), &packed);
        pack_add(b, act(b.act_residual), act(b.act_shortcut), act(b.act_out), &packed);
    }
    packed.input = act("input");
    const QuantizedConv &cls = net.convs.at(spec.classifier.weight);
    const float in_scale = act(spec.classifier.act_in).scale;
    for (float s : cls.weight_scale) packed.logit_scale.push_back(in_scale * s);
    return packed;
}

}  // namespace q8
}  // namespace ghostnet
