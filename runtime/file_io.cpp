#include "file_io.h"

#include <filesystem>

#include "error.h"

namespace ghostnet {

std::ifstream open_binary(const std::string &path, uint64_t *size) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw Error(path + ": is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": cannot open file for reading");
    in.seekg(0, std::ios::end);
    const std::streamoff end = in.tellg();
    if (!in || end < 0) throw Error(path + ": cannot determine file size");
    in.seekg(0);
    *size = uint64_t(end);
    return in;
}

}  // namespace ghostnet
