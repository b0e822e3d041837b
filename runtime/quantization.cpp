#include "quantization.h"

#include <algorithm>
#include <cmath>

#include "error.h"
#include "q8_layout.h"

namespace ghostnet {
namespace q8 {

QuantizedConv quantize_conv(const ConvSpec &conv, const FoldedConv &folded, float input_scale, int weight_bits) {
    if (!valid_weight_bits(weight_bits))
        throw Error("weight bits of " + conv.weight + " must be 7 or 8, got " + std::to_string(weight_bits));
    const int limit = weight_limit(weight_bits);
    QuantizedConv q;
    const size_t per_out = folded.weight.size() / conv.cout;
    q.weight.resize(folded.weight.size());
    q.weight_scale.resize(conv.cout);
    q.bias.resize(conv.cout);
    for (int o = 0; o < conv.cout; o++) {
        float mx = 0;
        for (size_t i = 0; i < per_out; i++) mx = std::max(mx, std::fabs(folded.weight[o * per_out + i]));
        if (!std::isfinite(mx))
            throw Error("weights of " + conv.weight + " are not finite at output channel " +
                        std::to_string(o));
        const float s = mx > 0 ? mx / float(limit) : 1.0f;
        q.weight_scale[o] = s;
        for (size_t i = 0; i < per_out; i++)
            q.weight[o * per_out + i] = int8_t(std::clamp<long>(
                std::lround(folded.weight[o * per_out + i] / double(s)), -limit, limit));
        const double b = std::nearbyint(double(folded.bias[o]) / (double(input_scale) * s));
        q.bias[o] = saturate32(int64_t(std::clamp(b, -2147483648.0, 2147483647.0)));
    }
    return q;
}

QuantizedNetwork quantize_network(const NetworkSpec &spec, const TensorMap &tensors,
                                  const std::string &source,
                                  const std::map<std::string, ActQuant> &acts,
                                  int grouped_weight_bits) {
    if (!valid_weight_bits(grouped_weight_bits))
        throw Error("grouped weight bits must be 7 or 8, got " + std::to_string(grouped_weight_bits));
    check_tensors(spec, tensors, source);
    QuantizedNetwork net;
    net.grouped_weight_bits = grouped_weight_bits;
    for (const std::string &p : spec.activation_points()) {
        auto it = acts.find(p);
        if (it == acts.end()) throw Error("no calibration range for activation '" + p + "'");
        net.acts[p] = it->second;
    }
    for (const ConvSpec *c : spec.convs())
        net.convs[c->weight] = quantize_conv(*c, fold_conv(*c, tensors, source),
                                             net.acts.at(c->act_in).scale,
                                             c->q8_grouped() ? grouped_weight_bits : 8);
    return net;
}

}  // namespace q8
}  // namespace ghostnet
