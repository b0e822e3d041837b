#include "weights.h"

#include <cmath>
#include <set>
#include <sstream>

#include "error.h"

namespace ghostnet {

namespace {

bool ends_with(const std::string &s, const std::string &suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<float> values(const TensorMap &tensors, const std::string &name,
                          const std::string &source) {
    auto it = tensors.find(name);
    if (it == tensors.end()) throw Error(source + ": missing tensor '" + name + "'");
    try {
        return it->second.to_f32();
    } catch (const Error &e) {
        throw Error(source + ": tensor '" + name + "': " + e.what());
    }
}

}  // namespace

void check_tensors(const NetworkSpec &spec, const TensorMap &tensors, const std::string &source) {
    check_tensors(spec.tensors(), spec.describe(), tensors, source,
                  " (is the width, class count or variant right?)");
}

void check_tensors(const std::vector<TensorSpec> &required, const std::string &network,
                   const TensorMap &tensors, const std::string &source, const std::string &hint) {
    std::set<std::string> expected;
    for (const TensorSpec &t : required) {
        expected.insert(t.name);
        auto it = tensors.find(t.name);
        if (it == tensors.end())
            throw Error(source + ": missing tensor '" + t.name + "' (shape " + shape_string(t.shape) +
                        ") required by " + network);
        const Tensor &found = it->second;
        if (found.dtype != "F32" && found.dtype != "F16" && found.dtype != "BF16")
            throw Error(source + ": tensor '" + t.name + "' has dtype " + found.dtype +
                        "; expected F32, F16 or BF16");
        if (found.shape != t.shape)
            throw Error(source + ": tensor '" + t.name + "' has shape " + shape_string(found.shape) +
                        ", expected " + shape_string(t.shape) + " for " + network);
    }
    for (const auto &kv : tensors) {
        if (expected.count(kv.first) || ends_with(kv.first, ".num_batches_tracked")) continue;
        throw Error(source + ": unexpected tensor '" + kv.first + "' for " + network + hint);
    }
}

FoldedConv fold_conv(const ConvSpec &conv, const TensorMap &tensors, const std::string &source) {
    FoldedConv f;
    f.weight = values(tensors, conv.weight, source);
    if (!conv.bias.empty()) f.bias = values(tensors, conv.bias, source);
    else f.bias.assign(conv.cout, 0.0f);
    if (conv.bn.empty()) return f;

    // y = gamma * (conv(x) + b - mean) / sqrt(var + eps) + beta, folded into w' and b'.
    const auto gamma = values(tensors, conv.bn + ".weight", source);
    const auto beta = values(tensors, conv.bn + ".bias", source);
    const auto mean = values(tensors, conv.bn + ".running_mean", source);
    const auto var = values(tensors, conv.bn + ".running_var", source);
    const size_t per_out = f.weight.size() / conv.cout;
    for (int o = 0; o < conv.cout; o++) {
        if (!(var[o] >= 0.0f) || !std::isfinite(var[o]))
            throw Error(source + ": tensor '" + conv.bn + ".running_var' has invalid value " +
                        std::to_string(var[o]) + " at channel " + std::to_string(o) +
                        " (a variance must be finite and >= 0)");
        const double scale = double(gamma[o]) / std::sqrt(double(var[o]) + kBatchNormEps);
        for (size_t i = 0; i < per_out; i++)
            f.weight[o * per_out + i] = float(f.weight[o * per_out + i] * scale);
        f.bias[o] = float((double(f.bias[o]) - mean[o]) * scale + beta[o]);
    }
    return f;
}

void pack_conv(const ConvSpec &c, const FoldedConv &f, std::vector<float> *packed) {
    pack_layout(c, f.weight.data(), packed->data() + c.weight_offset);
    std::copy(f.bias.begin(), f.bias.end(), packed->begin() + c.bias_offset);
}

std::vector<float> pack_network(const NetworkSpec &spec, const TensorMap &tensors,
                                const std::string &source) {
    check_tensors(spec, tensors, source);
    return pack_convs(spec.convs(), spec.packed_size, tensors, source);
}

std::vector<float> pack_convs(const std::vector<const ConvSpec *> &convs, size_t packed_size,
                              const TensorMap &tensors, const std::string &source) {
    std::vector<float> packed(packed_size, 0.0f);
    for (const ConvSpec *c : convs) pack_conv(*c, fold_conv(*c, tensors, source), &packed);
    return packed;
}

}  // namespace ghostnet
