// The job file hexagon/runner.c reads, written on the host: a pipeline's buffer arguments in
// order, each with whether it is an output, its type, dimensions (min, extent, stride) and,
// for inputs, its bytes. Used by the Hexagon tests (tests/hexagon_job.h) and by
// ghostnet-autotune's Hexagon benchmark (apps/autotune_hexagon_job.cpp).
#pragma once

#include <HalideRuntime.h>

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

namespace ghostnet {
namespace hexagon {

struct JobArg {
    halide_buffer_t *buf;
    bool output;
};

// Bytes a dense buffer holds (strides as Halide::Runtime::Buffer makes them).
inline size_t dense_bytes(const halide_buffer_t *b) {
    size_t n = (b->type.bits + 7) / 8;
    for (int d = 0; d < b->dimensions; d++) n *= size_t(b->dim[d].extent);
    return n;
}

// False when the file cannot be written.
inline bool write_job_file(const std::string &path, const std::vector<JobArg> &args) {
    std::ofstream f(path, std::ios::binary);
    auto u32 = [&](uint32_t v) { f.write(reinterpret_cast<const char *>(&v), 4); };
    f.write("GHXJ", 4);
    u32(uint32_t(args.size()));
    for (const JobArg &a : args) {
        const halide_buffer_t *b = a.buf;
        u32(a.output);
        u32(b->type.code);
        u32(b->type.bits);
        u32(uint32_t(b->dimensions));
        for (int d = 0; d < b->dimensions; d++) {
            const int32_t m[3] = {b->dim[d].min, b->dim[d].extent, b->dim[d].stride};
            f.write(reinterpret_cast<const char *>(m), sizeof(m));
        }
        const uint64_t n = dense_bytes(b);
        f.write(reinterpret_cast<const char *>(&n), 8);
        if (!a.output) f.write(reinterpret_cast<const char *>(b->host), std::streamsize(n));
    }
    return bool(f);
}

// Reads the runner's OUT file into the output buffers: the pipeline's return code, or -1000
// when the file has none, -2000 when an output's size does not match.
inline int read_job_output(const std::string &path, const std::vector<JobArg> &args) {
    std::ifstream f(path, std::ios::binary);
    int32_t rc = 0;
    if (!f.read(reinterpret_cast<char *>(&rc), 4)) return -1000;
    for (const JobArg &a : args) {
        if (!a.output) continue;
        uint64_t n = 0;
        if (!f.read(reinterpret_cast<char *>(&n), 8) || n != dense_bytes(a.buf) ||
            !f.read(reinterpret_cast<char *>(a.buf->host), std::streamsize(n)))
            return -2000;
    }
    return rc;
}

}  // namespace hexagon
}  // namespace ghostnet
