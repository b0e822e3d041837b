// Image decoding, limits and the evaluation preprocessing; model folders; IDX files.
#include <catch2/catch.hpp>

#include <stb/stb_image_write.h>
#include <zlib.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "error.h"
#include "idx.h"
#include "image.h"
#include "model_description.h"
#include "temp_files.h"

using namespace ghostnet;
namespace fs = std::filesystem;

namespace {

// One folder for the whole run, removed at exit.
std::string temp_dir() {
    static const test::TempDir dir("ghostnet_test_image");
    return dir.dir.string();
}

std::string write_bytes(const std::string &name, const std::string &bytes) {
    const std::string path = temp_dir() + "/" + name;
    REQUIRE(test::write_file(path, bytes));
    return path;
}

std::vector<uint8_t> gradient(int w, int h, int c) {
    std::vector<uint8_t> px(size_t(w) * h * c);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            for (int k = 0; k < c; k++) px[(size_t(y) * w + x) * c + k] = uint8_t((x * 7 + y * 13 + k * 50) % 256);
    return px;
}

// torch.nn.functional.interpolate(mode='bilinear', align_corners=False) for enlarging, written
// from its definition: source coordinate (i + 0.5) * in / out - 0.5, clamped at 0.
float torch_bilinear(const std::vector<float> &in, int iw, int ih, int ow, int oh, int x, int y) {
    auto coord = [](int i, int in_n, int out_n, int *i0, int *i1, float *l) {
        float s = std::max(0.0f, (i + 0.5f) * float(in_n) / out_n - 0.5f);
        *i0 = std::min(int(s), in_n - 1);
        *i1 = std::min(*i0 + 1, in_n - 1);
        *l = s - *i0;
    };
    int x0, x1, y0, y1;
    float lx, ly;
    coord(x, iw, ow, &x0, &x1, &lx);
    coord(y, ih, oh, &y0, &y1, &ly);
    auto at = [&](int xx, int yy) { return in[size_t(yy) * iw + xx]; };
    return (1 - ly) * ((1 - lx) * at(x0, y0) + lx * at(x1, y0)) + ly * ((1 - lx) * at(x0, y1) + lx * at(x1, y1));
}

}  // namespace

TEST_CASE("PNG, JPEG and BMP decode, with channel conversion", "[image]") {
    const int w = 19, h = 11;
    const auto rgb = gradient(w, h, 3);
    const std::string png = temp_dir() + "/rgb.png", bmp = temp_dir() + "/rgb.bmp", jpg = temp_dir() + "/rgb.jpg";
    REQUIRE(stbi_write_png(png.c_str(), w, h, 3, rgb.data(), w * 3));
    REQUIRE(stbi_write_bmp(bmp.c_str(), w, h, 3, rgb.data()));
    REQUIRE(stbi_write_jpg(jpg.c_str(), w, h, 3, rgb.data(), 95));
    for (const std::string &f : {png, bmp}) {
        const Image img = load_image(f, 3);
        CHECK(img.width == w);
        CHECK(img.height == h);
        CHECK(img.pixels == rgb);  // lossless formats
    }
    const Image j = load_image(jpg, 3);
    CHECK(j.width == w);
    const Image gray = load_image(png, 1);
    CHECK(gray.channels == 1);
    CHECK(gray.pixels.size() == size_t(w) * h);
}

TEST_CASE("bad image files give a clear error naming the file", "[image][errors]") {
    const auto rgb = gradient(8, 8, 3);
    const std::string png = temp_dir() + "/ok.png";
    REQUIRE(stbi_write_png(png.c_str(), 8, 8, 3, rgb.data(), 24));
    const std::string bytes = test::read_file(png);

    SECTION("missing") { REQUIRE_THROWS_WITH(load_image(temp_dir() + "/nope.png", 3), Catch::Contains("nope.png: cannot open")); }
    SECTION("empty") { REQUIRE_THROWS_WITH(load_image(write_bytes("empty.png", ""), 3), Catch::Contains("empty.png: empty file")); }
    SECTION("not an image") {
        REQUIRE_THROWS_WITH(load_image(write_bytes("text.png", "hello, world"), 3), Catch::Contains("text.png: not a readable image"));
    }
    SECTION("truncated") {
        const std::string cut = write_bytes("cut.png", bytes.substr(0, bytes.size() / 2));
        REQUIRE_THROWS_WITH(load_image(cut, 3), Catch::Contains("cut.png"));
    }
    SECTION("a directory") { REQUIRE_THROWS_WITH(load_image(temp_dir(), 3), Catch::Contains(temp_dir() + ": is a directory")); }
    SECTION("absurdly large, refused from the header before decoding") {
        std::string big = bytes;
        // IHDR width and height live at bytes 16..23; claim 20000 x 10000 (stb_image itself
        // would accept it: 600 MB of pixels).
        const unsigned char dims[8] = {0x00, 0x00, 0x4E, 0x20, 0x00, 0x00, 0x27, 0x10};
        big.replace(16, 8, reinterpret_cast<const char *>(dims), 8);
        REQUIRE_THROWS_WITH(load_image(write_bytes("huge.png", big), 3),
                            Catch::Contains("huge.png: image is 20000x10000, over the limit"));
    }
    SECTION("limits are configurable") {
        ImageLimits small;
        small.max_width = 4;
        REQUIRE_THROWS_WITH(load_image(png, 3, small), Catch::Contains("over the limit of 4x"));
    }
}

TEST_CASE("preprocess enlarges as torch's bilinear interpolate does", "[image][preprocess]") {
    // 28x28 -> 32x32, the bundled model's path: must match training to float precision.
    Image img;
    img.width = img.height = 28;
    img.channels = 1;
    img.pixels = gradient(28, 28, 1);
    Preprocess p;
    p.resize = p.crop = 32;
    p.mean = {0.25f};
    p.std = {0.5f};
    const std::vector<float> got = preprocess(img, p);
    std::vector<float> unit(img.pixels.size());
    for (size_t i = 0; i < unit.size(); i++) unit[i] = img.pixels[i] / 255.0f;
    double worst = 0;
    for (int y = 0; y < 32; y++)
        for (int x = 0; x < 32; x++) {
            const float want = (torch_bilinear(unit, 28, 28, 32, 32, x, y) - 0.25f) / 0.5f;
            worst = std::max(worst, double(std::fabs(got[size_t(y) * 32 + x] - want)));
        }
    CHECK(worst < 1e-5);
}

TEST_CASE("preprocess resizes the shorter side and crops the centre", "[image][preprocess]") {
    int w = 0, h = 0;
    resized_dims(640, 480, 256, &w, &h);
    CHECK(w == 341);
    CHECK(h == 256);
    resized_dims(100, 300, 32, &w, &h);
    CHECK(w == 32);
    CHECK(h == 96);

    // A 2x6 image of three 2x2 squares (values 0, 100, 200) left to right: after cropping the
    // centre 2x2 without resizing, only the middle square remains.
    Image img;
    img.width = 6;
    img.height = 2;
    img.channels = 1;
    img.pixels = {0, 0, 100, 100, 200, 200, 0, 0, 100, 100, 200, 200};
    Preprocess p;
    p.resize = 2;
    p.crop = 2;
    p.mean = {0.0f};
    p.std = {1.0f};
    for (float v : preprocess(img, p)) CHECK(v == Approx(100 / 255.0f));
}

TEST_CASE("model folders: model.json errors name the field", "[model_description][errors]") {
    const fs::path dir = fs::path(temp_dir()) / "model";
    fs::create_directories(dir);
    auto write_json = [&](const std::string &s) { std::ofstream(dir / "model.json") << s; };
    const std::string good =
        R"({"architecture": {"width": 0.5, "input_size": 32, "in_channels": 1, "num_classes": 10, "variant": "small"},
            "weights": "w.safetensors", "labels": "labels.txt",
            "preprocess": {"resize": 32, "crop": 32, "mean": [0.286], "std": [0.353]}})";
    write_json(good);
    const ModelDescription d = read_model_description(dir.string());
    CHECK(d.config.variant == Variant::Small);
    CHECK(d.weights_path == (dir / "w.safetensors").string());

    write_json("{not json");
    REQUIRE_THROWS_WITH(read_model_description(dir.string()), Catch::Contains("model.json: malformed JSON"));
    write_json(R"({"architecture": {"width": 0.5}})");
    REQUIRE_THROWS_WITH(read_model_description(dir.string()), Catch::Contains("missing field 'input_size'"));
    write_json(R"({"architecture": {"width": "wide", "input_size": 32, "in_channels": 1, "num_classes": 10}})");
    REQUIRE_THROWS_WITH(read_model_description(dir.string()), Catch::Contains("'width' has the wrong type"));
    std::string bad_crop = good;
    bad_crop.replace(bad_crop.find("\"crop\": 32"), 10, "\"crop\": 28");
    write_json(bad_crop);
    REQUIRE_THROWS_WITH(read_model_description(dir.string()), Catch::Contains("crop 28 differs"));
    REQUIRE_THROWS_WITH(read_model_description((dir / "absent").string()), Catch::Contains("cannot open"));

    // Found by fuzz/fuzz_model_description: numbers that do not fit the field's type were
    // converted anyway (undefined behaviour); now they are errors naming the field.
    auto with = [&](const std::string &from, const std::string &to) {
        std::string j = good;
        j.replace(j.find(from), from.size(), to);
        write_json(j);
    };
    with("\"in_channels\": 1", "\"in_channels\": 155555555555555555555555555555555555555555");
    REQUIRE_THROWS_WITH(read_model_description(dir.string()), Catch::Contains("'in_channels' must be an integer"));
    with("\"num_classes\": 10", "\"num_classes\": 4294967296");
    REQUIRE_THROWS_WITH(read_model_description(dir.string()), Catch::Contains("'num_classes' is out of range"));
    with("\"crop\": 32", "\"crop\": 32.5");
    REQUIRE_THROWS_WITH(read_model_description(dir.string()), Catch::Contains("'crop' must be an integer, got 32.5"));
    with("[0.353]", "[1e300]");
    REQUIRE_THROWS_WITH(read_model_description(dir.string()), Catch::Contains("'std' holds 1e+300, outside float's range"));

    std::ofstream(dir / "labels.txt") << "a\nb\r\nc\n";
    CHECK(read_labels((dir / "labels.txt").string(), 3) == std::vector<std::string>{"a", "b", "c"});
    REQUIRE_THROWS_WITH(read_labels((dir / "labels.txt").string(), 10), Catch::Contains("3 labels, the model has 10"));
}

TEST_CASE("IDX files: plain and gzip, and their errors", "[idx][errors]") {
    std::string raw("\x00\x00\x08\x03\x00\x00\x00\x02\x00\x00\x00\x02\x00\x00\x00\x03", 16);
    raw += std::string("\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c", 12);
    const IdxArray a = read_idx(write_bytes("a.idx", raw));
    CHECK(a.dims == std::vector<int>{2, 2, 3});
    CHECK(a.data.size() == 12);
    CHECK(a.data[11] == 12);

    const std::string gz = temp_dir() + "/a.idx.gz";
    gzFile f = gzopen(gz.c_str(), "wb");
    gzwrite(f, raw.data(), unsigned(raw.size()));
    gzclose(f);
    CHECK(read_idx(gz).data == a.data);

    REQUIRE_THROWS_WITH(read_idx(write_bytes("cut.idx", raw.substr(0, 20))), Catch::Contains("cut.idx: truncated"));
    REQUIRE_THROWS_WITH(read_idx(write_bytes("magic.idx", "\x01\x02\x08\x01" + raw.substr(4))), Catch::Contains("bad magic"));
    std::string ints = raw;
    ints[2] = 0x0C;
    REQUIRE_THROWS_WITH(read_idx(write_bytes("ints.idx", ints)), Catch::Contains("element type 12"));
}
