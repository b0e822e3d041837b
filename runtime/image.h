// Images in: decoding (stb_image: JPEG, PNG, BMP, GIF, TGA, ...), channel conversion, the
// evaluation-time resize (shorter side) and centre crop, and normalization into the NCHW
// float tensor a Model runs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ghostnet {

struct ImageLimits {
    int max_width = 16384, max_height = 16384;
    uint64_t max_pixels = 100ull << 20;  // checked from the header, before decoding
    uint64_t max_file_bytes = 256ull << 20;
};

// 8-bit interleaved pixels, `channels` per pixel (1 gray, 3 RGB).
struct Image {
    int width = 0, height = 0, channels = 0;
    std::vector<uint8_t> pixels;
};

// Decodes `path` into `channels` channels (1: luminance, 3: RGB; alpha dropped). Throws Error
// naming the file: unreadable, not an image, truncated, zero-size, or over the limits.
Image load_image(const std::string &path, int channels, const ImageLimits &limits = {});
Image decode_image(const uint8_t *data, size_t size, const std::string &name, int channels,
                   const ImageLimits &limits = {});

struct Preprocess {
    int resize = 224;  // shorter side after resizing
    int crop = 224;    // centre crop (square)
    std::vector<float> mean{0.485f, 0.456f, 0.406f};
    std::vector<float> std{0.229f, 0.224f, 0.225f};
};

// x/255 -> resize shorter side -> centre crop -> (x - mean) / std, as planar CHW floats.
// The resize is a triangle (bilinear) filter whose support widens when shrinking, as PIL's
// bilinear resize does; when enlarging it equals torch's interpolate(mode='bilinear',
// align_corners=False), which is what tools/train_fashion_mnist.py trains with.
std::vector<float> preprocess(const Image &img, const Preprocess &p);

// True for the file names image listings take (by extension: .jpg, .jpeg, .png, .bmp, ...).
bool is_image_name(const std::string &path);
// Files as given; a directory contributes its image files (by extension), sorted.
std::vector<std::string> image_files(const std::vector<std::string> &inputs);

// Shorter side to `size`, the other side scaled to keep the aspect ratio (rounded down, >= 1).
void resized_dims(int width, int height, int size, int *out_w, int *out_h);

}  // namespace ghostnet
