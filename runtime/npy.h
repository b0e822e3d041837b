#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "error.h"

namespace ghostnet {

struct NpyArray {
    std::vector<int64_t> shape;  // empty = scalar (1 element)
    std::vector<float> data;     // C order
};

// Accepts little-endian float32 ('<f4') and float64 ('<f8', narrowed to
// float), C order only, format versions 1.0, 2.0 and 3.0.
NpyArray read_npy(const std::string &path);

// Writes format version 1.0, '<f4', C order. Overwrites `path`.
void write_npy(const std::string &path, const NpyArray &array);

}  // namespace ghostnet
