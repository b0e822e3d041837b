// Running a pipeline compiled for hexagon-32-noos-hvx_128 from a host test: the arguments go
// to a job file, a freestanding runner (tests/hexagon/runner.c, linked with the pipeline) runs
// under qemu-hexagon, and the output buffers come back. The job format is the runner's.
#pragma once

#include <HalideBuffer.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "temp_files.h"

namespace ghostnet {
namespace test {

struct HexagonArg {
    halide_buffer_t *buf;
    bool output;
};

// Bytes a dense buffer holds (strides as Halide::Runtime::Buffer makes them).
inline size_t dense_bytes(const halide_buffer_t *b) {
    size_t n = (b->type.bits + 7) / 8;
    for (int d = 0; d < b->dimensions; d++) n *= size_t(b->dim[d].extent);
    return n;
}

// Runs `runner` on `args` under `qemu`; fills the output buffers. Returns the pipeline's
// return code, or -1000 - status if the runner did not finish (its messages in *log).
inline int run_on_hexagon(const std::string &qemu, const std::string &runner,
                          const std::vector<HexagonArg> &args, std::string *log) {
    TempDir tmp("hexagon_job");
    const std::string job = tmp.file("job.bin"), out = tmp.file("out.bin"), err = tmp.file("log.txt");
    {
        std::ofstream f(job, std::ios::binary);
        auto u32 = [&](uint32_t v) { f.write(reinterpret_cast<const char *>(&v), 4); };
        f.write("GHXJ", 4);
        u32(uint32_t(args.size()));
        for (const HexagonArg &a : args) {
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
    }
    const std::string cmd = qemu + " " + runner + " " + job + " " + out + " 2> " + err;
    const int status = std::system(cmd.c_str());
    *log = read_file(err);
    std::ifstream f(out, std::ios::binary);
    int32_t rc = 0;
    if (!f.read(reinterpret_cast<char *>(&rc), 4)) return -1000 - status;
    for (const HexagonArg &a : args) {
        if (!a.output) continue;
        uint64_t n = 0;
        if (!f.read(reinterpret_cast<char *>(&n), 8) || n != dense_bytes(a.buf) ||
            !f.read(reinterpret_cast<char *>(a.buf->host), std::streamsize(n)))
            return -2000;
    }
    return rc;
}

}  // namespace test
}  // namespace ghostnet
