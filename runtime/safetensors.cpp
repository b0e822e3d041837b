#include "safetensors.h"

#include "file_io.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <optional>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

namespace ghostnet {
namespace {

using json = nlohmann::json;

constexpr uint64_t kInt64Max = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
// Far above any real model; stops a header from describing a tensor of
// rank one million that would be pointless to even iterate.
constexpr size_t kMaxRank = 64;

std::optional<uint64_t> dtype_size(const std::string &dtype) {
    static const std::map<std::string, uint64_t> sizes = {
        {"BOOL", 1}, {"U8", 1},  {"I8", 1},  {"F8_E4M3", 1}, {"F8_E5M2", 1},
        {"U16", 2},  {"I16", 2}, {"F16", 2}, {"BF16", 2},    {"U32", 4},
        {"I32", 4},  {"F32", 4}, {"U64", 8}, {"I64", 8},     {"F64", 8},
    };
    auto it = sizes.find(dtype);
    if (it == sizes.end()) return std::nullopt;
    return it->second;
}

// Returns nullopt on overflow or if the result would not fit in int64_t.
std::optional<uint64_t> checked_mul(uint64_t a, uint64_t b) {
    if (a != 0 && b > kInt64Max / a) return std::nullopt;
    return a * b;
}

std::optional<uint64_t> checked_numel(const std::vector<int64_t> &shape) {
    uint64_t n = 1;
    for (int64_t d : shape) {
        if (d < 0) return std::nullopt;
        auto m = checked_mul(n, static_cast<uint64_t>(d));
        if (!m) return std::nullopt;
        n = *m;
    }
    return n;
}

template <size_t N> struct UIntOfSize;
template <> struct UIntOfSize<1> { using type = uint8_t; };
template <> struct UIntOfSize<2> { using type = uint16_t; };
template <> struct UIntOfSize<4> { using type = uint32_t; };
template <> struct UIntOfSize<8> { using type = uint64_t; };

// Explicit little-endian assembly keeps the loader correct on any host.
template <typename T>
T load_le(const uint8_t *p) {
    using U = typename UIntOfSize<sizeof(T)>::type;
    U v = 0;
    for (size_t i = 0; i < sizeof(T); i++) v = static_cast<U>(v | static_cast<U>(static_cast<U>(p[i]) << (8 * i)));
    T out;
    std::memcpy(&out, &v, sizeof(T));
    return out;
}

template <typename T>
void store_le(uint8_t *p, T value) {
    using U = typename UIntOfSize<sizeof(T)>::type;
    U v;
    std::memcpy(&v, &value, sizeof(T));
    for (size_t i = 0; i < sizeof(T); i++) p[i] = static_cast<uint8_t>(v >> (8 * i));
}

float bits_to_f32(uint32_t bits) {
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}

float f16_to_f32(uint16_t h) {
    const uint32_t sign = static_cast<uint32_t>(h >> 15) << 31;
    const uint32_t exp = (h >> 10) & 0x1f;
    const uint32_t mant = h & 0x3ff;
    if (exp == 0) {
        // Zero or subnormal: value is mant * 2^-24, exactly representable in f32.
        float mag = std::ldexp(static_cast<float>(mant), -24);
        return sign ? -mag : mag;
    }
    if (exp == 0x1f) {
        // Inf or NaN; keep the payload so NaN bit patterns survive the widening.
        return bits_to_f32(sign | 0x7f800000u | (mant << 13));
    }
    return bits_to_f32(sign | ((exp + (127 - 15)) << 23) | (mant << 13));
}

float bf16_to_f32(uint16_t h) { return bits_to_f32(static_cast<uint32_t>(h) << 16); }

std::string describe_type(const json &j) { return j.type_name(); }

[[noreturn]] void fail(const std::string &path, const std::string &what) {
    throw Error(path + ": " + what);
}

[[noreturn]] void fail_tensor(const std::string &path, const std::string &name, const std::string &what) {
    throw Error(path + ": tensor '" + name + "': " + what);
}

struct Entry {
    std::string name;
    Tensor tensor;  // bytes filled later
    uint64_t begin = 0, end = 0;
};

Entry parse_entry(const std::string &path, const std::string &name, const json &j) {
    if (!j.is_object()) fail_tensor(path, name, "entry must be a JSON object, found " + describe_type(j));
    for (const char *key : {"dtype", "shape", "data_offsets"}) {
        if (!j.contains(key)) fail_tensor(path, name, std::string("missing '") + key + "'");
    }

    Entry e;
    e.name = name;

    const json &dtype = j.at("dtype");
    if (!dtype.is_string()) fail_tensor(path, name, "'dtype' must be a string, found " + describe_type(dtype));
    e.tensor.dtype = dtype.get<std::string>();
    auto elem_size = dtype_size(e.tensor.dtype);
    if (!elem_size) fail_tensor(path, name, "unknown dtype '" + e.tensor.dtype + "'");

    const json &shape = j.at("shape");
    if (!shape.is_array()) fail_tensor(path, name, "'shape' must be an array, found " + describe_type(shape));
    if (shape.size() > kMaxRank) {
        fail_tensor(path, name, "'shape' has rank " + std::to_string(shape.size()) + ", more than the supported " +
                                    std::to_string(kMaxRank));
    }
    for (const json &d : shape) {
        if (d.is_number_unsigned()) {
            uint64_t v = d.get<uint64_t>();
            if (v > kInt64Max) fail_tensor(path, name, "shape dimension " + std::to_string(v) + " is too large");
            e.tensor.shape.push_back(static_cast<int64_t>(v));
        } else if (d.is_number_integer()) {
            int64_t v = d.get<int64_t>();
            if (v < 0) fail_tensor(path, name, "negative shape dimension " + std::to_string(v));
            e.tensor.shape.push_back(v);
        } else {
            fail_tensor(path, name, "shape dimensions must be integers, found " + d.dump());
        }
    }
    uint64_t numel = 1;
    for (int64_t d : e.tensor.shape) {
        auto m = checked_mul(numel, static_cast<uint64_t>(d));
        if (!m) fail_tensor(path, name, "element count of shape " + shape.dump() + " overflows");
        numel = *m;
    }
    auto nbytes = checked_mul(numel, *elem_size);
    if (!nbytes) fail_tensor(path, name, "byte size of shape " + shape.dump() + " x " + e.tensor.dtype + " overflows");

    const json &offs = j.at("data_offsets");
    if (!offs.is_array() || offs.size() != 2 || !offs[0].is_number_unsigned() || !offs[1].is_number_unsigned()) {
        fail_tensor(path, name, "'data_offsets' must be [begin, end] non-negative integers, found " + offs.dump());
    }
    e.begin = offs[0].get<uint64_t>();
    e.end = offs[1].get<uint64_t>();
    if (e.begin > e.end) fail_tensor(path, name, "'data_offsets' begin > end in " + offs.dump());
    if (e.end - e.begin != *nbytes) {
        fail_tensor(path, name,
                    "byte length mismatch: data_offsets " + offs.dump() + " span " + std::to_string(e.end - e.begin) +
                        " bytes but shape " + shape.dump() + " x " + e.tensor.dtype + " needs " +
                        std::to_string(*nbytes));
    }
    return e;
}

std::map<std::string, std::string> parse_metadata(const std::string &path, const json &j) {
    if (!j.is_object()) fail(path, "'__metadata__' must be an object of strings, found " + describe_type(j));
    std::map<std::string, std::string> out;
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (!it.value().is_string()) {
            fail(path, "'__metadata__' value for '" + it.key() + "' must be a string, found " +
                           describe_type(it.value()));
        }
        out[it.key()] = it.value().get<std::string>();
    }
    return out;
}

json parse_header(const std::string &path, const std::string &text) {
    // nlohmann silently keeps the last of duplicate keys; a duplicated tensor
    // name almost certainly means a broken writer, so detect it here.
    std::set<std::string> top_keys;
    std::string duplicate;
    auto callback = [&](int depth, json::parse_event_t event, json &parsed) {
        if (depth == 1 && event == json::parse_event_t::key && parsed.is_string()) {
            const auto &k = parsed.get_ref<const std::string &>();
            if (!top_keys.insert(k).second && duplicate.empty()) duplicate = k;
        }
        return true;
    };
    json header;
    try {
        header = json::parse(text, callback);
    } catch (const json::exception &ex) {
        fail(path, std::string("malformed JSON header: ") + ex.what());
    }
    if (!duplicate.empty()) fail(path, "duplicate entry '" + duplicate + "' in JSON header");
    if (!header.is_object()) fail(path, "JSON header must be an object, found " + describe_type(header));
    return header;
}

}  // namespace

int64_t Tensor::numel() const {
    auto n = checked_numel(shape);
    if (!n) throw Error("tensor shape has a negative dimension or its element count overflows");
    return static_cast<int64_t>(*n);
}

std::vector<float> Tensor::to_f32() const {
    auto elem_size = dtype_size(dtype);
    if (!elem_size) throw Error("to_f32: unknown dtype '" + dtype + "'");
    const uint64_t n = static_cast<uint64_t>(numel());
    auto nbytes = checked_mul(n, *elem_size);
    if (!nbytes) throw Error("to_f32: " + dtype + " tensor byte size overflows");
    if (bytes.size() != *nbytes) {
        throw Error("to_f32: " + dtype + " tensor has " + std::to_string(bytes.size()) + " bytes, expected " +
                    std::to_string(*nbytes));
    }
    std::vector<float> out(n);
    const uint8_t *p = bytes.data();
    auto convert = [&](auto load) {
        for (uint64_t i = 0; i < n; i++) out[i] = load(p + i * *elem_size);
    };
    if (dtype == "F32") convert([](const uint8_t *q) { return load_le<float>(q); });
    else if (dtype == "F16") convert([](const uint8_t *q) { return f16_to_f32(load_le<uint16_t>(q)); });
    else if (dtype == "BF16") convert([](const uint8_t *q) { return bf16_to_f32(load_le<uint16_t>(q)); });
    else if (dtype == "F64") convert([](const uint8_t *q) { return static_cast<float>(load_le<double>(q)); });
    else if (dtype == "I8") convert([](const uint8_t *q) { return static_cast<float>(static_cast<int8_t>(*q)); });
    else if (dtype == "U8") convert([](const uint8_t *q) { return static_cast<float>(*q); });
    else if (dtype == "I32") convert([](const uint8_t *q) { return static_cast<float>(load_le<int32_t>(q)); });
    else if (dtype == "I64") convert([](const uint8_t *q) { return static_cast<float>(load_le<int64_t>(q)); });
    else throw Error("to_f32: conversion from dtype '" + dtype + "' to F32 is not supported");
    return out;
}

const Tensor &SafetensorsFile::get(const std::string &name) const {
    auto it = tensors_.find(name);
    if (it == tensors_.end()) throw Error(path_ + ": no tensor '" + name + "'");
    return it->second;
}

SafetensorsFile SafetensorsFile::read(const std::string &path, const SafetensorsLimits &limits) {
    uint64_t file_size = 0;
    std::ifstream in = open_binary(path, &file_size);
    if (file_size > limits.max_file_bytes) {
        fail(path, "file is " + std::to_string(file_size) + " bytes, exceeds limit of " +
                       std::to_string(limits.max_file_bytes) + " (SafetensorsLimits::max_file_bytes)");
    }
    if (file_size < 8) fail(path, "file too short (" + std::to_string(file_size) + " bytes) for the 8-byte header length");

    uint8_t len_bytes[8];
    if (!in.read(reinterpret_cast<char *>(len_bytes), 8)) fail(path, "failed to read header length");
    const uint64_t header_len = load_le<uint64_t>(len_bytes);
    if (header_len > limits.max_header_bytes) {
        fail(path, "header length " + std::to_string(header_len) + " exceeds limit of " +
                       std::to_string(limits.max_header_bytes) + " (SafetensorsLimits::max_header_bytes)");
    }
    if (header_len > file_size - 8) {
        fail(path, "header length " + std::to_string(header_len) + " runs past end of file (" +
                       std::to_string(file_size) + " bytes)");
    }

    std::string header_text(header_len, '\0');
    if (!in.read(header_text.data(), static_cast<std::streamsize>(header_len))) fail(path, "failed to read header");
    const json header = parse_header(path, header_text);

    SafetensorsFile result;
    result.path_ = path;
    const uint64_t data_start = 8 + header_len;
    const uint64_t data_size = file_size - data_start;

    std::vector<Entry> entries;
    for (auto it = header.begin(); it != header.end(); ++it) {
        if (it.key() == "__metadata__") {
            result.metadata_ = parse_metadata(path, it.value());
            continue;
        }
        Entry e = parse_entry(path, it.key(), it.value());
        if (e.end > data_size) {
            fail_tensor(path, e.name,
                        "data_offsets end " + std::to_string(e.end) + " is beyond the data section (" +
                            std::to_string(data_size) + " bytes)");
        }
        entries.push_back(std::move(e));
    }

    // Overlap check: after sorting by begin, any non-empty range must start at
    // or after the furthest end seen so far. Empty ranges occupy no bytes.
    std::vector<const Entry *> order;
    for (const Entry &e : entries) {
        if (e.end > e.begin) order.push_back(&e);
    }
    std::sort(order.begin(), order.end(), [](const Entry *a, const Entry *b) { return a->begin < b->begin; });
    uint64_t total = 0;
    const Entry *prev = nullptr;
    for (const Entry *e : order) {
        if (prev && e->begin < prev->end) {
            fail(path, "tensors '" + prev->name + "' and '" + e->name + "' have overlapping data ranges");
        }
        if (!prev || e->end > prev->end) prev = e;
        total += e->end - e->begin;
    }
    // Redundant given the checks above, but cheap insurance before allocating.
    if (total > data_size) {
        fail(path, "tensors need " + std::to_string(total) + " bytes but the data section has " +
                       std::to_string(data_size));
    }

    for (Entry &e : entries) {
        const uint64_t n = e.end - e.begin;
        e.tensor.bytes.resize(n);
        if (n > 0) {
            in.seekg(static_cast<std::streamoff>(data_start + e.begin));
            if (!in.read(reinterpret_cast<char *>(e.tensor.bytes.data()), static_cast<std::streamsize>(n))) {
                fail_tensor(path, e.name, "failed to read data (file truncated?)");
            }
        }
        result.tensors_.emplace(e.name, std::move(e.tensor));
    }
    return result;
}

void write_safetensors(const std::string &path, const std::map<std::string, Tensor> &tensors,
                       const std::map<std::string, std::string> &metadata) {
    static const std::set<std::string> writable = {"F32", "F16", "BF16", "I8", "U8", "I32"};

    json header = json::object();
    if (!metadata.empty()) header["__metadata__"] = metadata;
    uint64_t offset = 0;
    for (const auto &[name, t] : tensors) {
        if (name.empty() || name == "__metadata__") fail(path, "invalid tensor name '" + name + "'");
        if (!writable.count(t.dtype)) fail_tensor(path, name, "cannot write dtype '" + t.dtype + "'");
        auto n = checked_numel(t.shape);
        auto nbytes = n ? checked_mul(*n, *dtype_size(t.dtype)) : std::nullopt;
        if (!nbytes) fail_tensor(path, name, "shape has a negative dimension or overflows");
        if (t.bytes.size() != *nbytes) {
            fail_tensor(path, name,
                        "has " + std::to_string(t.bytes.size()) + " bytes but shape x " + t.dtype + " needs " +
                            std::to_string(*nbytes));
        }
        header[name] = {{"dtype", t.dtype}, {"shape", t.shape}, {"data_offsets", {offset, offset + *nbytes}}};
        offset += *nbytes;
    }

    std::string text;
    try {
        text = header.dump();
    } catch (const json::exception &ex) {
        // e.g. a tensor name or metadata string that is not valid UTF-8.
        fail(path, std::string("cannot encode JSON header: ") + ex.what());
    }
    text.append((8 - text.size() % 8) % 8, ' ');

    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) fail(path, "cannot open file for writing");
    uint8_t len_bytes[8];
    store_le<uint64_t>(len_bytes, text.size());
    out.write(reinterpret_cast<const char *>(len_bytes), 8);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    // std::map iteration order matches the offsets assigned above.
    for (const auto &entry : tensors) {
        const auto &bytes = entry.second.bytes;
        out.write(reinterpret_cast<const char *>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    }
    out.close();
    if (!out) fail(path, "error while writing file");
}

Tensor make_f32_tensor(std::vector<int64_t> shape, const std::vector<float> &values) {
    auto n = checked_numel(shape);
    if (!n) throw Error("make_f32_tensor: shape has a negative dimension or overflows");
    if (*n != values.size()) {
        throw Error("make_f32_tensor: shape needs " + std::to_string(*n) + " values, got " +
                    std::to_string(values.size()));
    }
    Tensor t;
    t.dtype = "F32";
    t.shape = std::move(shape);
    t.bytes.resize(values.size() * 4);
    for (size_t i = 0; i < values.size(); i++) store_le<float>(t.bytes.data() + 4 * i, values[i]);
    return t;
}

std::string shape_string(const std::vector<int64_t> &shape) {
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); i++) s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

}  // namespace ghostnet
