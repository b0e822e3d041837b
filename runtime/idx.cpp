#include "idx.h"

#include <zlib.h>

#include <memory>

#include "error.h"

namespace ghostnet {

IdxArray read_idx(const std::string &path) {
    // gzread reads plain files too, so one path serves .gz and uncompressed files.
    std::unique_ptr<gzFile_s, int (*)(gzFile)> f(gzopen(path.c_str(), "rb"), gzclose);
    if (!f) throw Error(path + ": cannot open IDX file");
    auto read = [&](void *dst, unsigned n, const char *what) {
        const int got = gzread(f.get(), dst, n);
        if (got != int(n)) throw Error(path + ": truncated IDX file (reading " + what + ")");
    };
    uint8_t magic[4];
    read(magic, 4, "the magic number");
    if (magic[0] != 0 || magic[1] != 0)
        throw Error(path + ": not an IDX file (bad magic)");
    if (magic[2] != 0x08)
        throw Error(path + ": IDX element type " + std::to_string(magic[2]) + ", expected 8 (unsigned byte)");
    const int rank = magic[3];
    if (rank < 1 || rank > 4) throw Error(path + ": IDX rank " + std::to_string(rank) + " unsupported");
    IdxArray a;
    uint64_t count = 1;
    for (int i = 0; i < rank; i++) {
        uint8_t b[4];
        read(b, 4, "the dimensions");
        const uint32_t d = (uint32_t(b[0]) << 24) | (uint32_t(b[1]) << 16) | (uint32_t(b[2]) << 8) | b[3];
        if (d == 0 || d > (1u << 28)) throw Error(path + ": IDX dimension " + std::to_string(d) + " out of range");
        a.dims.push_back(int(d));
        count *= d;
        if (count > (1ull << 32)) throw Error(path + ": IDX data too large");
    }
    a.data.resize(count);
    read(a.data.data(), unsigned(count), "the data");
    return a;
}

}  // namespace ghostnet
