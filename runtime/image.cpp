#include "image.h"

#include <stb/stb_image.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "error.h"
#include "file_io.h"

namespace ghostnet {

namespace {

std::vector<uint8_t> read_file(const std::string &path, uint64_t max_bytes) {
    uint64_t size = 0;
    std::ifstream f = open_binary(path, &size);
    if (size > max_bytes)
        throw Error(path + ": file is " + std::to_string(size) + " bytes, over the limit of " +
                    std::to_string(max_bytes) + " (ImageLimits::max_file_bytes)");
    std::vector<uint8_t> data(static_cast<size_t>(size));
    if (size > 0 && !f.read(reinterpret_cast<char *>(data.data()), std::streamsize(size)))
        throw Error(path + ": read error");
    return data;
}

// Separable resampling weights for one axis: output i covers input [center - support,
// center + support] with center = (i + 0.5) * scale - 0.5 (half-pixel centres).
struct Taps {
    std::vector<int> first;
    std::vector<int> count;
    std::vector<float> weights;  // count[i] weights per output, stride `max_count`
    int max_count = 0;
};

Taps make_taps(int in, int out) {
    const double scale = double(in) / out;
    const double support = std::max(1.0, scale);  // widen the filter when shrinking
    Taps t;
    t.max_count = int(std::ceil(support)) * 2 + 1;
    t.first.resize(out);
    t.count.resize(out);
    t.weights.assign(size_t(out) * t.max_count, 0.0f);
    for (int i = 0; i < out; i++) {
        const double center = (i + 0.5) * scale;
        const int lo = std::max(0, int(std::floor(center - support)));
        const int hi = std::min(in, int(std::ceil(center + support)));
        double total = 0;
        std::vector<double> w;
        for (int j = lo; j < hi; j++) {
            const double d = std::fabs((j + 0.5 - center) / support);
            w.push_back(d < 1.0 ? 1.0 - d : 0.0);
            total += w.back();
        }
        t.first[i] = lo;
        t.count[i] = int(w.size());
        for (size_t k = 0; k < w.size(); k++)
            t.weights[size_t(i) * t.max_count + k] = float(total > 0 ? w[k] / total : 0.0);
    }
    return t;
}

}  // namespace

Image decode_image(const uint8_t *data, size_t size, const std::string &name, int channels,
                   const ImageLimits &limits) {
    if (channels != 1 && channels != 3)
        throw Error(name + ": can convert to 1 or 3 channels, not " + std::to_string(channels));
    if (size == 0) throw Error(name + ": empty file");
    if (size > size_t(INT32_MAX)) throw Error(name + ": file too large");
    int w = 0, h = 0, c = 0;
    // Dimensions come from the header alone, so absurd sizes are refused before decoding.
    if (!stbi_info_from_memory(data, int(size), &w, &h, &c))
        throw Error(name + ": not a readable image (" + stbi_failure_reason() +
                    "); JPEG, PNG, BMP, GIF, TGA, PSD, HDR, PIC and PNM are supported");
    if (w <= 0 || h <= 0) throw Error(name + ": image has zero size");
    if (w > limits.max_width || h > limits.max_height ||
        uint64_t(w) * uint64_t(h) > limits.max_pixels)
        throw Error(name + ": image is " + std::to_string(w) + "x" + std::to_string(h) +
                    ", over the limit of " + std::to_string(limits.max_width) + "x" +
                    std::to_string(limits.max_height) + " and " +
                    std::to_string(limits.max_pixels) + " pixels (ImageLimits)");
    uint8_t *px = stbi_load_from_memory(data, int(size), &w, &h, &c, channels);
    if (!px) throw Error(name + ": cannot decode image (" + std::string(stbi_failure_reason()) + ")");
    Image img;
    img.width = w;
    img.height = h;
    img.channels = channels;
    img.pixels.assign(px, px + size_t(w) * h * channels);
    stbi_image_free(px);
    return img;
}

Image load_image(const std::string &path, int channels, const ImageLimits &limits) {
    const std::vector<uint8_t> data = read_file(path, limits.max_file_bytes);
    return decode_image(data.data(), data.size(), path, channels, limits);
}

void resized_dims(int width, int height, int size, int *out_w, int *out_h) {
    if (width <= height) {
        *out_w = size;
        *out_h = std::max(1, int(int64_t(height) * size / width));
    } else {
        *out_h = size;
        *out_w = std::max(1, int(int64_t(width) * size / height));
    }
}

std::vector<float> preprocess(const Image &img, const Preprocess &p) {
    const int c = img.channels;
    if (int(p.mean.size()) != c || int(p.std.size()) != c)
        throw Error("preprocess: mean/std have " + std::to_string(p.mean.size()) + "/" +
                    std::to_string(p.std.size()) + " entries for a " + std::to_string(c) +
                    "-channel image");
    if (p.crop > p.resize || p.crop < 1) throw Error("preprocess: crop must be 1..resize");
    int w = 0, h = 0;
    resized_dims(img.width, img.height, p.resize, &w, &h);
    const Taps tx = make_taps(img.width, w), ty = make_taps(img.height, h);
    const int x0 = (w - p.crop) / 2, y0 = (h - p.crop) / 2;
    std::vector<float> out(size_t(c) * p.crop * p.crop);
    // Horizontal pass over the rows the crop needs, then vertical, all in float.
    std::vector<float> rows(size_t(img.height) * p.crop);
    for (int ch = 0; ch < c; ch++) {
        for (int y = 0; y < img.height; y++)
            for (int x = 0; x < p.crop; x++) {
                const int ox = x + x0;
                float s = 0;
                for (int k = 0; k < tx.count[ox]; k++)
                    s += tx.weights[size_t(ox) * tx.max_count + k] *
                         (img.pixels[(size_t(y) * img.width + tx.first[ox] + k) * c + ch] / 255.0f);
                rows[size_t(y) * p.crop + x] = s;
            }
        for (int y = 0; y < p.crop; y++) {
            const int oy = y + y0;
            for (int x = 0; x < p.crop; x++) {
                float s = 0;
                for (int k = 0; k < ty.count[oy]; k++)
                    s += ty.weights[size_t(oy) * ty.max_count + k] *
                         rows[size_t(ty.first[oy] + k) * p.crop + x];
                out[(size_t(ch) * p.crop + y) * p.crop + x] = (s - p.mean[ch]) / p.std[ch];
            }
        }
    }
    return out;
}

bool is_image_name(const std::string &path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const char *e : {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tga", ".pgm", ".ppm", ".pnm", ".psd", ".hdr", ".pic"})
        if (ext == e) return true;
    return false;
}

std::vector<std::string> image_files(const std::vector<std::string> &inputs) {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    for (const std::string &in : inputs) {
        std::error_code ec;
        if (fs::is_directory(in, ec)) {
            std::vector<std::string> found;
            for (const auto &e : fs::directory_iterator(in, ec))
                if (e.is_regular_file() && is_image_name(e.path().string())) found.push_back(e.path().string());
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.push_back(in);
        }
    }
    return files;
}

}  // namespace ghostnet
