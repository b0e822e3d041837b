#include "q8_model_file.h"

#include <cmath>
#include <cstdlib>
#include <cstring>

#include "error.h"

namespace ghostnet {
namespace q8 {

namespace {

std::string prefix_of(const ConvSpec &c) {
    const std::string suffix = ".weight";
    return c.weight.substr(0, c.weight.size() - suffix.size());
}

template <typename T>
Tensor make_tensor(const char *dtype, std::vector<int64_t> shape, const std::vector<T> &v) {
    Tensor t;
    t.dtype = dtype;
    t.shape = std::move(shape);
    t.bytes.resize(v.size() * sizeof(T));
    std::memcpy(t.bytes.data(), v.data(), t.bytes.size());
    return t;
}

template <typename T>
std::vector<T> tensor_values(const SafetensorsFile &file, const std::string &name, const char *dtype,
                             const std::vector<int64_t> &shape) {
    if (!file.has(name))
        throw Error(file.path() + ": missing tensor '" + name + "' (a q8 model needs it)");
    const Tensor &t = file.get(name);
    if (t.dtype != dtype)
        throw Error(file.path() + ": tensor '" + name + "' has dtype " + t.dtype + ", expected " +
                    dtype);
    if (t.shape != shape)
        throw Error(file.path() + ": tensor '" + name + "' has shape " + shape_string(t.shape) +
                    ", expected " + shape_string(shape));
    std::vector<T> v(t.bytes.size() / sizeof(T));
    std::memcpy(v.data(), t.bytes.data(), v.size() * sizeof(T));
    return v;
}

}  // namespace

void write_model(const std::string &path, const NetworkSpec &spec, const QuantizedNetwork &net,
                 std::map<std::string, std::string> metadata) {
    std::map<std::string, Tensor> t;
    for (const ConvSpec *c : spec.convs()) {
        const QuantizedConv &q = net.convs.at(c->weight);
        const std::string p = prefix_of(*c);
        t[p + ".weight"] = make_tensor("I8", c->weight_shape(), q.weight);
        t[p + ".weight_scale"] = make_tensor("F32", {c->cout}, q.weight_scale);
        t[p + ".bias"] = make_tensor("I32", {c->cout}, q.bias);
    }
    for (const auto &kv : net.acts) {
        t["act." + kv.first + ".scale"] = make_tensor("F32", {1}, std::vector<float>{kv.second.scale});
        t["act." + kv.first + ".zero_point"] =
            make_tensor("I32", {1}, std::vector<int32_t>{kv.second.zero_point});
    }
    metadata["format"] = kFormat;
    metadata["format_version"] = "1";
    metadata["grouped_weight_bits"] = std::to_string(net.grouped_weight_bits);
    write_safetensors(path, t, metadata);
}

bool is_q8_file(const SafetensorsFile &file) {
    auto it = file.metadata().find("format");
    return it != file.metadata().end() && it->second == kFormat;
}

int grouped_weight_bits(const SafetensorsFile &file) {
    auto it = file.metadata().find("grouped_weight_bits");
    if (it == file.metadata().end()) return 8;
    const std::string &v = it->second;
    const int bits = v.size() == 1 && v[0] >= '0' && v[0] <= '9' ? v[0] - '0' : 0;
    if (valid_weight_bits(bits)) return bits;
    throw Error(file.path() + ": metadata \"grouped_weight_bits\" is \"" + it->second + "\"; expected \"7\" or \"8\"");
}

QuantizedNetwork read_model(const NetworkSpec &spec, const SafetensorsFile &file) {
    if (!is_q8_file(file))
        throw Error(file.path() + ": not a q8 model (metadata \"format\" is not \"" + kFormat + "\")");
    QuantizedNetwork net;
    net.grouped_weight_bits = grouped_weight_bits(file);
    const int limit = weight_limit(net.grouped_weight_bits);
    size_t expected = 0;
    for (const std::string &a : spec.activation_points()) {
        const std::string s = "act." + a + ".scale", z = "act." + a + ".zero_point";
        ActQuant q;
        q.scale = tensor_values<float>(file, s, "F32", {1})[0];
        q.zero_point = tensor_values<int32_t>(file, z, "I32", {1})[0];
        if (!std::isfinite(q.scale) || !(q.scale > 0))
            throw Error(file.path() + ": tensor '" + s + "' is " + std::to_string(q.scale) +
                        "; a scale must be finite and > 0");
        if (q.zero_point < 0 || q.zero_point > 255)
            throw Error(file.path() + ": tensor '" + z + "' is " + std::to_string(q.zero_point) +
                        "; a zero point must be in [0, 255]");
        net.acts[a] = q;
        expected += 2;
    }
    for (const ConvSpec *c : spec.convs()) {
        const std::string p = prefix_of(*c);
        QuantizedConv q;
        q.weight = tensor_values<int8_t>(file, p + ".weight", "I8", c->weight_shape());
        q.weight_scale = tensor_values<float>(file, p + ".weight_scale", "F32", {c->cout});
        q.bias = tensor_values<int32_t>(file, p + ".bias", "I32", {c->cout});
        // A pipeline for 7-bit grouped weights gives other bytes for larger ones: the promise
        // is checked, not trusted.
        if (net.grouped_weight_bits < 8 && c->q8_grouped())
            for (size_t i = 0; i < q.weight.size(); i++)
                if (std::abs(int(q.weight[i])) > limit)
                    throw Error(file.path() + ": tensor '" + p + ".weight' has " + std::to_string(int(q.weight[i])) +
                                " at index " + std::to_string(i) + ", beyond +-" + std::to_string(limit) +
                                " of the file's grouped_weight_bits " + std::to_string(net.grouped_weight_bits));
        for (int o = 0; o < c->cout; o++)
            if (!std::isfinite(q.weight_scale[o]) || !(q.weight_scale[o] > 0))
                throw Error(file.path() + ": tensor '" + p + ".weight_scale' has " +
                            std::to_string(q.weight_scale[o]) + " at channel " + std::to_string(o) +
                            "; a scale must be finite and > 0");
        net.convs[c->weight] = std::move(q);
        expected += 3;
    }
    if (file.tensors().size() != expected) {
        for (const auto &kv : file.tensors()) {
            const std::string &n = kv.first;
            bool known = false;
            if (n.rfind("act.", 0) == 0) {
                for (const std::string &a : spec.activation_points())
                    known = known || n == "act." + a + ".scale" || n == "act." + a + ".zero_point";
            } else {
                for (const ConvSpec *c : spec.convs()) {
                    const std::string p = prefix_of(*c);
                    known = known || n == p + ".weight" || n == p + ".weight_scale" || n == p + ".bias";
                }
            }
            if (!known)
                throw Error(file.path() + ": unexpected tensor '" + n + "' for q8 " +
                            spec.describe() + " (is the width, class count, variant or version right?)");
        }
    }
    return net;
}

}  // namespace q8
}  // namespace ghostnet
