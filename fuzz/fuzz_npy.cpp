// libFuzzer target: the .npy reader (magic, version, header dictionary, dtype, shape, data size).
#include "fuzz_input.h"
#include "npy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const std::string path = ghostnet_fuzz::write_input("input.npy", data, size);
    ghostnet_fuzz::expect_clean([&] { ghostnet::read_npy(path); });
    return 0;
}
