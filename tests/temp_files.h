// A temporary folder per test that removes itself, and whole-file reads and writes.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace ghostnet {
namespace test {

struct TempDir {
    std::filesystem::path dir;
    explicit TempDir(const std::string &tag = "ghostnet_test") {
        std::random_device rd;
        dir = std::filesystem::temp_directory_path() /
              (tag + "_" + std::to_string(rd()) + "_" + std::to_string(rd()));
        std::filesystem::create_directories(dir);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;
    std::string file(const std::string &name) const { return (dir / name).string(); }
};

// Returns false if the file could not be written completely.
inline bool write_file(const std::string &path, const std::string &content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    return out.good();
}

inline std::string read_file(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace test
}  // namespace ghostnet
