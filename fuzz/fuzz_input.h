// What every fuzz target shares: the readers take paths (that is what users hand them), so an
// input goes to a file in memory-backed scratch space first; and the one rule every target
// checks, that bad input ends in ghostnet::Error and nothing else (any other exception
// escapes to libFuzzer, which reports it as a finding, as it does crashes and sanitizer errors).
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "error.h"

namespace ghostnet_fuzz {

// A scratch folder for this process: $FUZZ_SCRATCH, else /dev/shm (or /tmp).
inline const std::string &scratch_dir() {
    static const std::string dir = [] {
        const char *env = std::getenv("FUZZ_SCRATCH");
        std::string base = env ? env : (std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : "/tmp");
        std::string d = base + "/ghostnet-fuzz-" + std::to_string(::getpid());
        std::filesystem::create_directories(d);
        return d;
    }();
    return dir;
}

inline std::string write_input(const std::string &name, const uint8_t *data, size_t size) {
    const std::string path = scratch_dir() + "/" + name;
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f.write(reinterpret_cast<const char *>(data), static_cast<std::streamsize>(size));
    if (!f) {
        std::fprintf(stderr, "fuzz: cannot write %s\n", path.c_str());
        std::abort();
    }
    return path;
}

// Runs `f`; a ghostnet::Error is the expected outcome of bad input.
template <typename F>
void expect_clean(F &&f) {
    try {
        f();
    } catch (const ghostnet::Error &) {
    }
}

}  // namespace ghostnet_fuzz
