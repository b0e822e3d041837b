#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "error.h"

namespace ghostnet {

// Bounds applied before allocating anything, so a corrupt or hostile file
// yields an Error rather than a multi-gigabyte allocation.
struct SafetensorsLimits {
    uint64_t max_header_bytes = 100ull << 20;
    uint64_t max_file_bytes = 4ull << 30;
};

struct Tensor {
    std::string dtype;            // as in the file, e.g. "F32"
    std::vector<int64_t> shape;   // empty shape = scalar (1 element)
    std::vector<uint8_t> bytes;   // raw little-endian data

    int64_t numel() const;
    // Converts F32, F16, BF16, F64, I8, U8, I32, I64; other dtypes throw.
    std::vector<float> to_f32() const;
};

class SafetensorsFile {
public:
    static SafetensorsFile read(const std::string &path, const SafetensorsLimits &limits = {});

    const std::string &path() const { return path_; }
    const std::map<std::string, Tensor> &tensors() const { return tensors_; }
    const std::map<std::string, std::string> &metadata() const { return metadata_; }
    bool has(const std::string &name) const { return tensors_.count(name) != 0; }
    // Throws Error "<path>: no tensor '<name>'".
    const Tensor &get(const std::string &name) const;

private:
    SafetensorsFile() = default;

    std::string path_;
    std::map<std::string, Tensor> tensors_;
    std::map<std::string, std::string> metadata_;
};

// Writes F32/F16/BF16/I8/U8/I32 tensors verbatim (bytes must equal
// dtype size * numel). Tensors are laid out sorted by name; the JSON header is
// space-padded so the data section starts 8-byte aligned. Overwrites `path`.
void write_safetensors(const std::string &path, const std::map<std::string, Tensor> &tensors,
                       const std::map<std::string, std::string> &metadata = {});

// "[2, 3, 3]" for error messages.
std::string shape_string(const std::vector<int64_t> &shape);

// Throws if the product of `shape` differs from values.size().
Tensor make_f32_tensor(std::vector<int64_t> shape, const std::vector<float> &values);

}  // namespace ghostnet
