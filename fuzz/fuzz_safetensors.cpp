// libFuzzer target: the safetensors reader (header JSON, dtypes, shapes, offsets, sizes against
// the file) and the conversion of every tensor it accepts to floats.
#include "fuzz_input.h"
#include "safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const std::string path = ghostnet_fuzz::write_input("input.safetensors", data, size);
    ghostnet_fuzz::expect_clean([&] {
        ghostnet::SafetensorsLimits limits;
        limits.max_header_bytes = 1 << 20;
        limits.max_file_bytes = 64 << 20;
        const ghostnet::SafetensorsFile f = ghostnet::SafetensorsFile::read(path, limits);
        for (const auto &kv : f.tensors()) kv.second.to_f32();
    });
    return 0;
}
