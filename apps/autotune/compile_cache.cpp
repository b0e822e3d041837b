#include "compile_cache.h"

#include <sys/stat.h>

#include <cstdint>
#include <cstdio>

#include "process.h"

namespace ghostnet {
namespace autotune {

namespace {
// What a compile leaves beside its outputs, which the cache does not keep.
bool is_record(const std::string &name) {
    return name == "key.txt" || name == "compile.log" || name == "command.txt" || name == "tunables.txt" ||
           name == "compiled" || name == "result.json" || name == "cache_key.txt" || name == "cached" ||
           (name.size() > 5 && name.compare(name.size() - 5, 5, ".part") == 0);
}
}  // namespace

std::string CompileCache::key(const std::vector<std::string> &command) {
    std::string k;
    struct stat st {};
    if (!command.empty() && ::stat(command[0].c_str(), &st) == 0)
        k = "program " + command[0] + " size " + std::to_string(st.st_size) + " mtime " + std::to_string(st.st_mtime) + "\n";
    for (const std::string &a : command) k += a + "\n";
    return k;
}

fs::path CompileCache::entry(const std::string &key) const {
    uint64_t h = 1469598103934665603ull;  // FNV-1a
    for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return dir_ / buf;
}

bool CompileCache::fetch(const std::string &key, const fs::path &into) const {
    if (!enabled()) return false;
    const fs::path e = entry(key);
    if (!fs::exists(e / "key.txt") || read_text(e / "key.txt") != key) return false;
    for (const auto &f : fs::directory_iterator(e))
        if (f.is_regular_file() && !is_record(f.path().filename().string()))
            fs::copy_file(f.path(), into / f.path().filename(), fs::copy_options::overwrite_existing);
    return true;
}

void CompileCache::store(const std::string &key, const fs::path &from) const {
    if (!enabled()) return;
    const fs::path e = entry(key);
    std::error_code ec;
    fs::remove_all(e, ec);
    fs::create_directories(e);
    for (const auto &f : fs::directory_iterator(from))
        if (f.is_regular_file() && !is_record(f.path().filename().string()))
            fs::copy_file(f.path(), e / f.path().filename(), fs::copy_options::overwrite_existing);
    write_text(e / "key.txt", key);  // last: an entry without it is not used
}

}  // namespace autotune
}  // namespace ghostnet
