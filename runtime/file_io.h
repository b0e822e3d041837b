// Opening a user's file for binary reading, with its size known before anything is read, so
// every reader checks sizes and limits the same way and names the file when it cannot.
#pragma once

#include <cstdint>
#include <fstream>
#include <string>

namespace ghostnet {

// Opens `path` positioned at its start and returns its size through `size`. Throws Error
// "<path>: ..." when it cannot be opened or is not a regular readable file.
std::ifstream open_binary(const std::string &path, uint64_t *size);

}  // namespace ghostnet
