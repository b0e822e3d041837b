#include "weights.h"

#include <cmath>
#include <random>
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
                  " (is the width, class count, variant or version right?)");
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

namespace {

// y = gamma * (conv(x) + b - mean) / sqrt(var + eps) + beta, folded into f's w' and b'.
void fold_batch_norm(const std::string &bn, int cout, const TensorMap &tensors, const std::string &source,
                     FoldedConv *f) {
    const auto gamma = values(tensors, bn + ".weight", source);
    const auto beta = values(tensors, bn + ".bias", source);
    const auto mean = values(tensors, bn + ".running_mean", source);
    const auto var = values(tensors, bn + ".running_var", source);
    const size_t per_out = f->weight.size() / cout;
    for (int o = 0; o < cout; o++) {
        if (!(var[o] >= 0.0f) || !std::isfinite(var[o]))
            throw Error(source + ": tensor '" + bn + ".running_var' has invalid value " + std::to_string(var[o]) +
                        " at channel " + std::to_string(o) + " (a variance must be finite and >= 0)");
        const double scale = double(gamma[o]) / std::sqrt(double(var[o]) + kBatchNormEps);
        for (size_t i = 0; i < per_out; i++) f->weight[o * per_out + i] = float(f->weight[o * per_out + i] * scale);
        f->bias[o] = float((double(f->bias[o]) - mean[o]) * scale + beta[o]);
    }
}

// GhostNetV3's branches (ConvSpec::branches) folded into the one conv they train: each
// branch's BatchNorm folded into it, its kernel zero-padded to the conv's k x k (centred; the
// identity branch a one-hot kernel at the centre), kernels and shifts summed.
FoldedConv fold_branches(const ConvSpec &conv, const TensorMap &tensors, const std::string &source) {
    const int k = conv.k, per_group = conv.kind == ConvKind::Depthwise ? 1 : conv.cin;
    FoldedConv sum;
    sum.weight.assign(conv.weight_count(), 0.0f);
    sum.bias.assign(conv.cout, 0.0f);
    for (const ConvBranch &b : conv.branches) {
        const int bk = b.weight.empty() ? 1 : b.k, pad = (k - bk) / 2;
        FoldedConv f;
        f.bias.assign(conv.cout, 0.0f);
        if (b.weight.empty()) {  // identity: output o passes input o % per_group (timm's id_tensor)
            f.weight.assign(size_t(conv.cout) * per_group, 0.0f);
            for (int o = 0; o < conv.cout; o++) f.weight[size_t(o) * per_group + o % per_group] = 1.0f;
        } else {
            f.weight = values(tensors, b.weight, source);
        }
        fold_batch_norm(b.bn, conv.cout, tensors, source, &f);
        for (int o = 0; o < conv.cout; o++) {
            for (int i = 0; i < per_group; i++)
                for (int y = 0; y < bk; y++)
                    for (int x = 0; x < bk; x++)
                        sum.weight[((size_t(o) * per_group + i) * k + y + pad) * k + x + pad] +=
                            f.weight[((size_t(o) * per_group + i) * bk + y) * bk + x];
            sum.bias[o] += f.bias[o];
        }
    }
    return sum;
}

}  // namespace

FoldedConv fold_conv(const ConvSpec &conv, const TensorMap &tensors, const std::string &source) {
    if (!conv.branches.empty()) return fold_branches(conv, tensors, source);
    FoldedConv f;
    f.weight = values(tensors, conv.weight, source);
    if (!conv.bias.empty()) f.bias = values(tensors, conv.bias, source);
    else f.bias.assign(conv.cout, 0.0f);
    if (!conv.bn.empty()) fold_batch_norm(conv.bn, conv.cout, tensors, source, &f);
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

namespace {

std::vector<float> uniform(int64_t n, std::mt19937 &rng, float lo, float hi) {
    std::uniform_real_distribution<float> u(lo, hi);
    std::vector<float> v(static_cast<size_t>(n));
    for (float &x : v) x = u(rng);
    return v;
}

std::vector<float> normal(int64_t n, std::mt19937 &rng, float stddev) {
    std::normal_distribution<float> d(0.0f, stddev);
    std::vector<float> v(static_cast<size_t>(n));
    for (float &x : v) x = d(rng);
    return v;
}

}  // namespace

TensorMap random_checkpoint(const std::vector<TensorSpec> &tensors, uint32_t seed) {
    std::mt19937 rng(seed);
    TensorMap map;
    // A BatchNorm is whatever has a running_var; its .weight is gamma, not a conv weight.
    std::set<std::string> bn;
    for (const TensorSpec &t : tensors)
        if (ends_with(t.name, ".running_var")) bn.insert(t.name.substr(0, t.name.size() - 12));
    for (const TensorSpec &t : tensors) {
        int64_t n = 1;
        for (int64_t d : t.shape) n *= d;
        std::vector<float> v;
        const std::string prefix = t.name.substr(0, t.name.rfind('.'));
        const bool is_bn = bn.count(prefix) > 0;
        if (ends_with(t.name, "running_var")) v = uniform(n, rng, 0.5f, 2.0f);
        else if (ends_with(t.name, "running_mean")) v = uniform(n, rng, -0.5f, 0.5f);
        else if (is_bn && ends_with(t.name, ".weight")) v = uniform(n, rng, 0.5f, 1.5f);
        else if (ends_with(t.name, ".bias")) v = uniform(n, rng, -0.3f, 0.3f);
        else {
            const int64_t fan_in = n / t.shape[0];
            v = normal(n, rng, 1.0f / std::sqrt(float(fan_in)));
        }
        map[t.name] = make_f32_tensor(t.shape, v);
    }
    return map;
}

}  // namespace ghostnet
