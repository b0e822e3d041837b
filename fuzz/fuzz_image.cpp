// libFuzzer target: the image path a user's file takes (decode with stb_image, dimension
// checks against the limits, channel conversion, resize and centre crop, normalization).
// The first byte picks the channels and the preprocessing size; the rest is the file.
#include "fuzz_input.h"
#include "image.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    const int channels = (data[0] & 1) ? 3 : 1;
    const int crop = 1 + (data[0] >> 3);  // 1..32
    const std::string path = ghostnet_fuzz::write_input("input.img", data + 1, size - 1);
    ghostnet_fuzz::expect_clean([&] {
        ghostnet::ImageLimits limits;
        limits.max_width = limits.max_height = 4096;
        limits.max_pixels = 4 << 20;
        const ghostnet::Image img = ghostnet::load_image(path, channels, limits);
        ghostnet::Preprocess p;
        p.resize = crop + (data[0] & 6);
        p.crop = crop;
        p.mean.assign(channels, 0.5f);
        p.std.assign(channels, 0.25f);
        ghostnet::preprocess(img, p);
    });
    return 0;
}
