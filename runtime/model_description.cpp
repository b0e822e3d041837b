#include "model_description.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <limits>
#include <fstream>
#include <sstream>

#include "error.h"

namespace ghostnet {

namespace {

using nlohmann::json;

const json &field(const json &j, const char *key, const std::string &where) {
    if (!j.is_object() || !j.contains(key)) throw Error(where + ": missing field '" + key + "'");
    return j.at(key);
}

template <typename T>
T get(const json &j, const char *key, const std::string &where) {
    const json &v = field(j, key, where);
    try {
        return v.get<T>();
    } catch (const json::exception &) {
        throw Error(where + ": field '" + key + "' has the wrong type (" + v.type_name() + ")");
    }
}

// An integer field: a JSON integer within int's range (a float or a huge number is an error,
// not a conversion).
int get_int(const json &j, const char *key, const std::string &where) {
    const json &v = field(j, key, where);
    if (!v.is_number_integer())
        throw Error(where + ": field '" + key + "' must be an integer, got " + v.dump());
    const bool fits = v.is_number_unsigned() ? v.get<uint64_t>() <= uint64_t(std::numeric_limits<int>::max())
                                             : v.get<int64_t>() >= std::numeric_limits<int>::min() &&
                                                   v.get<int64_t>() <= std::numeric_limits<int>::max();
    if (!fits) throw Error(where + ": field '" + key + "' is out of range: " + v.dump());
    return int(v.get<int64_t>());
}

// A list of finite numbers that fit a float.
std::vector<float> get_floats(const json &j, const char *key, const std::string &where) {
    const json &v = field(j, key, where);
    if (!v.is_array()) throw Error(where + ": field '" + key + "' must be a list of numbers, got " + v.type_name());
    std::vector<float> out;
    for (const json &x : v) {
        if (!x.is_number()) throw Error(where + ": field '" + key + "' must be a list of numbers, got " + x.dump());
        const double d = x.get<double>();
        if (!std::isfinite(d) || std::fabs(d) > double(std::numeric_limits<float>::max()))
            throw Error(where + ": field '" + key + "' holds " + x.dump() + ", outside float's range");
        out.push_back(float(d));
    }
    return out;
}

std::string resolve(const std::string &dir, const std::string &p) {
    const std::filesystem::path path(p);
    return path.is_absolute() ? p : (std::filesystem::path(dir) / path).string();
}

}  // namespace

ModelDescription read_model_description(const std::string &dir) {
    const std::string path = (std::filesystem::path(dir) / "model.json").string();
    std::ifstream f(path);
    if (!f) throw Error(path + ": cannot open (is " + dir + " a model folder?)");
    json j;
    try {
        j = json::parse(f);
    } catch (const json::exception &e) {
        throw Error(path + ": malformed JSON: " + e.what());
    }
    ModelDescription d;
    d.dir = dir;
    d.name = j.contains("name") && j["name"].is_string() ? j["name"].get<std::string>() : dir;
    const json &a = field(j, "architecture", path);
    const std::string arch = path + ": architecture";
    d.config.width = get<double>(a, "width", arch);
    d.config.input_size = get_int(a, "input_size", arch);
    d.config.in_channels = get_int(a, "in_channels", arch);
    d.config.num_classes = get_int(a, "num_classes", arch);
    const std::string variant = a.contains("variant") ? get<std::string>(a, "variant", arch) : "imagenet";
    if (!parse_variant(variant, &d.config.variant))
        throw Error(arch + ": variant must be " + variant_choices() + ", got '" + variant + "'");
    const std::string version = a.contains("version") ? get<std::string>(a, "version", arch) : "v1";
    if (!parse_version(version, &d.config.version))
        throw Error(arch + ": version must be " + version_choices() + ", got '" + version + "'");
    try {
        validate_config(d.config);
    } catch (const std::invalid_argument &e) {
        throw Error(arch + ": " + e.what());
    }
    d.weights_path = resolve(dir, get<std::string>(j, "weights", path));
    d.labels_path = resolve(dir, get<std::string>(j, "labels", path));
    if (j.contains("weights_q8")) d.weights_q8_path = resolve(dir, get<std::string>(j, "weights_q8", path));
    const json &p = field(j, "preprocess", path);
    const std::string pre = path + ": preprocess";
    d.preprocess.resize = get_int(p, "resize", pre);
    d.preprocess.crop = get_int(p, "crop", pre);
    d.preprocess.mean = get_floats(p, "mean", pre);
    d.preprocess.std = get_floats(p, "std", pre);
    if (d.preprocess.crop != d.config.input_size)
        throw Error(pre + ": crop " + std::to_string(d.preprocess.crop) +
                    " differs from the architecture's input_size " +
                    std::to_string(d.config.input_size));
    if (d.preprocess.resize < d.preprocess.crop)
        throw Error(pre + ": resize must be >= crop");
    if (int(d.preprocess.mean.size()) != d.config.in_channels ||
        int(d.preprocess.std.size()) != d.config.in_channels)
        throw Error(pre + ": mean and std need " + std::to_string(d.config.in_channels) + " entries");
    if (j.contains("pytorch_test_top1")) d.pytorch_test_top1 = get<double>(j, "pytorch_test_top1", path);
    for (float s : d.preprocess.std)
        if (!(s > 0)) throw Error(pre + ": std entries must be > 0");
    return d;
}

const std::string &ModelDescription::q8_weights() const {
    if (weights_q8_path.empty())
        throw Error(dir + "/model.json names no q8 model (\"weights_q8\"); make one with ghostnet-quantize");
    return weights_q8_path;
}

std::vector<std::string> read_labels(const std::string &path, int expected) {
    std::ifstream f(path);
    if (!f) throw Error(path + ": cannot open labels file");
    std::vector<std::string> labels;
    std::string line;
    while (std::getline(f, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        labels.push_back(line);
    }
    while (!labels.empty() && labels.back().empty()) labels.pop_back();
    if (expected > 0 && int(labels.size()) != expected)
        throw Error(path + ": " + std::to_string(labels.size()) + " labels, the model has " +
                    std::to_string(expected) + " classes");
    return labels;
}

Preprocess checkpoint_preprocess(const NetworkConfig &config, int resize, const std::vector<float> &mean,
                                 const std::vector<float> &stdev) {
    Preprocess pre;
    pre.crop = config.input_size;
    pre.resize = resize > 0 ? resize : int(std::floor(config.input_size / 0.875));
    if (config.in_channels == 1) pre.mean = {0.5f}, pre.std = {0.5f};
    if (!mean.empty()) pre.mean = mean;
    if (!stdev.empty()) pre.std = stdev;
    if (int(pre.mean.size()) != config.in_channels || int(pre.std.size()) != config.in_channels)
        throw Error("mean and std need " + std::to_string(config.in_channels) + " values each (one per input channel)");
    return pre;
}

std::string bundled_model_dir(const std::string &binary, const std::string &fallback) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path start = fs::canonical(binary, ec);
    if (ec) return fallback;
    // <prefix>/bin/x is one folder below the prefix, <prefix>/lib/python3.11/dist-packages/x three.
    fs::path p = start.parent_path();
    for (int up = 0; up <= 3 && p.has_relative_path(); ++up, p = p.parent_path()) {
        const fs::path m = p / "share" / "ghostnet-halide" / "models" / "fashion_mnist";
        if (fs::exists(m / "model.json", ec)) return m.string();
    }
    return fallback;
}

}  // namespace ghostnet
