// ghostnet-autotune's compiled candidates, kept by what made them (the compile command and the
// compiler's build), so a choice compiled once, in any run or work folder, is not compiled
// again: a resumed or repeated search, another --seed or --samples, or --compare after a search
// reuses what is there. A rebuilt ghostnet-generate (another size or time) misses the cache.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace ghostnet {
namespace autotune {

class CompileCache {
public:
    explicit CompileCache(std::filesystem::path dir = {}) : dir_(std::move(dir)) {}
    bool enabled() const { return !dir_.empty(); }

    // The key of a compile: `command` (without its output folder) and the size and modification
    // time of its program, command[0].
    static std::string key(const std::vector<std::string> &command);

    // Copies the files compiled under `key` into `into`; false when there are none.
    bool fetch(const std::string &key, const std::filesystem::path &into) const;
    // Keeps the files a compile left in `from` (not its logs and records) under `key`.
    void store(const std::string &key, const std::filesystem::path &from) const;

private:
    std::filesystem::path entry(const std::string &key) const;
    std::filesystem::path dir_;
};

}  // namespace autotune
}  // namespace ghostnet
