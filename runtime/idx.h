// IDX files (the MNIST / Fashion-MNIST format), plain or gzip-compressed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ghostnet {

struct IdxArray {
    std::vector<int> dims;
    std::vector<uint8_t> data;  // unsigned bytes only (type 0x08)
};

// Throws Error naming the file: unreadable, bad magic, not uint8, truncated.
IdxArray read_idx(const std::string &path);

}  // namespace ghostnet
