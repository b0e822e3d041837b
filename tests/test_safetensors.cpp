#include <catch2/catch.hpp>

#include "check_error.h"
#include "temp_files.h"

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "safetensors.h"

namespace {

namespace fs = std::filesystem;
using ghostnet::SafetensorsFile;
using ghostnet::Tensor;

using ghostnet::test::read_file;
using ghostnet::test::TempDir;

void write_file(const std::string &path, const std::string &content) { REQUIRE(ghostnet::test::write_file(path, content)); }

std::string le64(uint64_t v) {
    std::string s(8, '\0');
    for (int i = 0; i < 8; i++) s[static_cast<size_t>(i)] = static_cast<char>(v >> (8 * i));
    return s;
}

// A safetensors file with an arbitrary (possibly invalid) header and
// `data_bytes` zero bytes of payload.
std::string raw_safetensors(const std::string &header, size_t data_bytes) {
    return le64(header.size()) + header + std::string(data_bytes, '\0');
}

std::vector<uint8_t> u16_bytes(const std::vector<uint16_t> &v) {
    std::vector<uint8_t> b;
    for (uint16_t x : v) {
        b.push_back(static_cast<uint8_t>(x & 0xff));
        b.push_back(static_cast<uint8_t>(x >> 8));
    }
    return b;
}


uint32_t f32_bits(float f) {
    uint32_t b;
    std::memcpy(&b, &f, 4);
    return b;
}

}  // namespace

TEST_CASE("safetensors: F32 round trip with metadata", "[safetensors]") {
    TempDir tmp;
    const std::string path = tmp.file("model.safetensors");
    std::map<std::string, Tensor> tensors;
    tensors["conv.weight"] = ghostnet::make_f32_tensor({2, 1, 3}, {1.f, -2.5f, 3.25f, 0.f, 1e-30f, -1e30f});
    tensors["bias"] = ghostnet::make_f32_tensor({2}, {0.5f, -0.5f});
    tensors["scalar"] = ghostnet::make_f32_tensor({}, {42.f});
    tensors["empty"] = ghostnet::make_f32_tensor({0, 3}, {});
    const std::map<std::string, std::string> metadata = {{"format", "pt"}, {"arch", "ghostnet_1.0"}};
    ghostnet::write_safetensors(path, tensors, metadata);

    const auto file = SafetensorsFile::read(path);
    CHECK(file.path() == path);
    CHECK(file.metadata() == metadata);
    REQUIRE(file.tensors().size() == 4);
    for (const auto &[name, t] : tensors) {
        INFO(name);
        REQUIRE(file.has(name));
        const Tensor &r = file.get(name);
        CHECK(r.dtype == "F32");
        CHECK(r.shape == t.shape);
        CHECK(r.bytes == t.bytes);
        CHECK(r.to_f32() == t.to_f32());
    }
    CHECK(file.get("scalar").numel() == 1);
    CHECK(file.get("empty").numel() == 0);
    CHECK(file.get("empty").to_f32().empty());
    CHECK(file.get("conv.weight").to_f32() == std::vector<float>{1.f, -2.5f, 3.25f, 0.f, 1e-30f, -1e30f});
    CHECK_FALSE(file.has("missing"));
    CHECK_ERROR(file.get("missing"), path, "no tensor 'missing'");
}

TEST_CASE("safetensors: written layout is sorted, aligned and space padded", "[safetensors]") {
    TempDir tmp;
    const std::string path = tmp.file("layout.safetensors");
    std::map<std::string, Tensor> tensors;
    tensors["b"] = ghostnet::make_f32_tensor({3}, {1, 2, 3});
    tensors["a"] = ghostnet::make_f32_tensor({1}, {4});
    tensors["c"] = ghostnet::make_f32_tensor({2}, {5, 6});
    ghostnet::write_safetensors(path, tensors);

    const std::string raw = read_file(path);
    REQUIRE(raw.size() >= 8);
    uint64_t n = 0;
    for (int i = 0; i < 8; i++) n |= static_cast<uint64_t>(static_cast<uint8_t>(raw[static_cast<size_t>(i)])) << (8 * i);
    CHECK(n % 8 == 0);
    REQUIRE(raw.size() == 8 + n + 6 * 4);
    const std::string header = raw.substr(8, n);
    CHECK(header[header.find_last_not_of(' ')] == '}');
    const auto j = nlohmann::json::parse(header);
    CHECK_FALSE(j.contains("__metadata__"));
    CHECK(j["a"]["data_offsets"] == nlohmann::json::array({0, 4}));
    CHECK(j["b"]["data_offsets"] == nlohmann::json::array({4, 16}));
    CHECK(j["c"]["data_offsets"] == nlohmann::json::array({16, 24}));
}

TEST_CASE("safetensors: F16 round trip is exact including subnormals, inf and nan", "[safetensors]") {
    TempDir tmp;
    const std::string path = tmp.file("f16.safetensors");
    const float inf = std::numeric_limits<float>::infinity();
    const std::vector<uint16_t> bits = {0x3C00, 0xC000, 0x3555, 0x7BFF, 0x0400, 0x0001, 0x03FF,
                                        0x8001, 0x8000, 0x7C00, 0xFC00, 0x7E00};
    const std::vector<float> expected = {1.0f,
                                         -2.0f,
                                         0.333251953125f,
                                         65504.0f,
                                         std::ldexp(1.0f, -14),
                                         std::ldexp(1.0f, -24),
                                         std::ldexp(1023.0f, -24),
                                         -std::ldexp(1.0f, -24),
                                         -0.0f,
                                         inf,
                                         -inf,
                                         std::numeric_limits<float>::quiet_NaN()};
    Tensor t;
    t.dtype = "F16";
    t.shape = {3, 4};
    t.bytes = u16_bytes(bits);
    ghostnet::write_safetensors(path, {{"h", t}});

    const auto file = SafetensorsFile::read(path);
    const Tensor &r = file.get("h");
    CHECK(r.dtype == "F16");
    CHECK(r.shape == t.shape);
    CHECK(r.bytes == t.bytes);
    const auto f = r.to_f32();
    REQUIRE(f.size() == expected.size());
    for (size_t i = 0; i + 1 < f.size(); i++) {
        INFO("index " << i << " bits 0x" << std::hex << bits[i]);
        CHECK(f32_bits(f[i]) == f32_bits(expected[i]));
    }
    CHECK(std::isnan(f.back()));
    CHECK(std::signbit(f[8]));
}

TEST_CASE("safetensors: BF16 round trip is exact", "[safetensors]") {
    TempDir tmp;
    const std::string path = tmp.file("bf16.safetensors");
    const std::vector<uint16_t> bits = {0x3F80, 0xC040, 0x3EAB, 0x7F7F, 0x0001, 0x7F80, 0xFF80, 0x7FC0};
    Tensor t;
    t.dtype = "BF16";
    t.shape = {8};
    t.bytes = u16_bytes(bits);
    ghostnet::write_safetensors(path, {{"w", t}});

    const auto f = SafetensorsFile::read(path).get("w").to_f32();
    REQUIRE(f.size() == 8);
    CHECK(f[0] == 1.0f);
    CHECK(f[1] == -3.0f);
    CHECK(f[2] == 0.333984375f);
    CHECK(f32_bits(f[3]) == 0x7F7F0000u);  // largest finite BF16
    CHECK(f[4] == std::ldexp(1.0f, -133));
    CHECK(f[5] == std::numeric_limits<float>::infinity());
    CHECK(f[6] == -std::numeric_limits<float>::infinity());
    CHECK(std::isnan(f[7]));
}

TEST_CASE("safetensors: integer dtypes round trip and convert", "[safetensors]") {
    TempDir tmp;
    const std::string path = tmp.file("ints.safetensors");
    Tensor i8{"I8", {3}, {0x80, 0xff, 0x7f}};
    Tensor u8{"U8", {2}, {0x00, 0xff}};
    Tensor i32{"I32", {2}, {0xfe, 0xff, 0xff, 0xff, 0x10, 0x27, 0x00, 0x00}};
    ghostnet::write_safetensors(path, {{"i8", i8}, {"u8", u8}, {"i32", i32}});

    const auto file = SafetensorsFile::read(path);
    CHECK(file.get("i8").to_f32() == std::vector<float>{-128.f, -1.f, 127.f});
    CHECK(file.get("u8").to_f32() == std::vector<float>{0.f, 255.f});
    CHECK(file.get("i32").to_f32() == std::vector<float>{-2.f, 10000.f});
}

TEST_CASE("safetensors: reads F64 and I64 written by other tools", "[safetensors]") {
    TempDir tmp;
    const std::string path = tmp.file("wide.safetensors");
    double d[2] = {0.1, -1e300};
    int64_t l[1] = {-5};
    std::string data(24, '\0');
    std::memcpy(data.data(), d, 16);  // the test host is little-endian like every supported target
    std::memcpy(data.data() + 16, l, 8);
    const std::string header =
        R"({"__metadata__":{"k":"v"},"d":{"dtype":"F64","shape":[2],"data_offsets":[0,16]},)"
        R"("l":{"dtype":"I64","shape":[],"data_offsets":[16,24]}}   )";
    write_file(path, le64(header.size()) + header + data);

    const auto file = SafetensorsFile::read(path);
    CHECK(file.metadata().at("k") == "v");
    const auto fd = file.get("d").to_f32();
    REQUIRE(fd.size() == 2);
    CHECK(fd[0] == static_cast<float>(0.1));
    CHECK(std::isinf(fd[1]));
    CHECK(file.get("l").to_f32() == std::vector<float>{-5.f});
}

TEST_CASE("safetensors: zero-element tensor anywhere in the data section is fine", "[safetensors]") {
    TempDir tmp;
    const std::string path = tmp.file("zero.safetensors");
    const std::string header = R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
                               R"("z":{"dtype":"F32","shape":[0],"data_offsets":[2,2]}})";
    write_file(path, raw_safetensors(header, 4));
    const auto file = SafetensorsFile::read(path);
    CHECK(file.get("z").numel() == 0);
    CHECK(file.get("z").bytes.empty());
}

TEST_CASE("safetensors: file-level errors name the file", "[safetensors][errors]") {
    TempDir tmp;

    const std::string missing = tmp.file("does_not_exist.safetensors");
    CHECK_ERROR(SafetensorsFile::read(missing), missing, "cannot open");

    const std::string tiny = tmp.file("tiny.safetensors");
    write_file(tiny, "abcde");
    CHECK_ERROR(SafetensorsFile::read(tiny), tiny, "too short");

    const std::string empty = tmp.file("empty.safetensors");
    write_file(empty, "");
    CHECK_ERROR(SafetensorsFile::read(empty), empty, "too short");

    const std::string big_header = tmp.file("big_header.safetensors");
    write_file(big_header, raw_safetensors(std::string(64, ' ') + "{}", 0));
    ghostnet::SafetensorsLimits small;
    small.max_header_bytes = 32;
    CHECK_ERROR(SafetensorsFile::read(big_header, small), big_header, "header length 66 exceeds limit of 32 (SafetensorsLimits::max_header_bytes)");

    const std::string past_end = tmp.file("past_end.safetensors");
    write_file(past_end, le64(1000) + "{}");
    CHECK_ERROR(SafetensorsFile::read(past_end), past_end, "past end of file");

    const std::string huge_len = tmp.file("huge_len.safetensors");
    write_file(huge_len, le64(~0ull) + "{}");
    CHECK_ERROR(SafetensorsFile::read(huge_len), huge_len, "exceeds limit");

    const std::string big_file = tmp.file("big_file.safetensors");
    write_file(big_file, raw_safetensors("{}", 64));
    ghostnet::SafetensorsLimits tiny_file;
    tiny_file.max_file_bytes = 16;
    CHECK_ERROR(SafetensorsFile::read(big_file, tiny_file), big_file, "exceeds limit of 16 (SafetensorsLimits::max_file_bytes)");
}

TEST_CASE("safetensors: malformed headers produce descriptive errors", "[safetensors][errors]") {
    struct Case {
        const char *name;
        std::string header;
        size_t data_bytes;
        const char *word;
    };
    const std::string f32_1 = R"("dtype":"F32","shape":[1],"data_offsets":[0,4])";
    std::string hundred_ones = "1";
    for (int i = 1; i < 100; i++) hundred_ones += ",1";
    const std::vector<Case> cases = {
        {"truncated json", R"({"w": )", 0, "malformed JSON"},
        {"trailing garbage", R"({} x)", 0, "malformed JSON"},
        {"not an object", R"([1, 2])", 0, "must be an object"},
        {"entry not an object", R"({"w": 5})", 0, "'w': entry must be a JSON object"},
        {"missing dtype", R"({"w":{"shape":[1],"data_offsets":[0,4]}})", 4, "missing 'dtype'"},
        {"missing shape", R"({"w":{"dtype":"F32","data_offsets":[0,4]}})", 4, "missing 'shape'"},
        {"missing data_offsets", R"({"w":{"dtype":"F32","shape":[1]}})", 4, "missing 'data_offsets'"},
        {"dtype not a string", R"({"w":{"dtype":4,"shape":[1],"data_offsets":[0,4]}})", 4, "'dtype' must be a string"},
        {"shape not an array", R"({"w":{"dtype":"F32","shape":"1","data_offsets":[0,4]}})", 4, "'shape' must be an array"},
        {"shape float", R"({"w":{"dtype":"F32","shape":[1.5],"data_offsets":[0,4]}})", 4, "must be integers"},
        {"shape string dim", R"({"w":{"dtype":"F32","shape":["1"],"data_offsets":[0,4]}})", 4, "must be integers"},
        {"negative dim", R"({"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}})", 4, "negative shape dimension"},
        {"absurd dim", R"({"w":{"dtype":"F32","shape":[18446744073709551615],"data_offsets":[0,4]}})", 4,
         "too large"},
        {"absurd rank", R"({"w":{"dtype":"F32","shape":[)" + hundred_ones + R"(],"data_offsets":[0,4]}})", 4,
         "rank 100"},
        {"numel overflow", R"({"w":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,4]}})", 4,
         "overflows"},
        {"byte size overflow", R"({"w":{"dtype":"F32","shape":[4611686018427387904],"data_offsets":[0,4]}})", 4,
         "overflows"},
        {"offsets wrong arity", R"({"w":{"dtype":"F32","shape":[1],"data_offsets":[0]}})", 4, "'data_offsets' must be"},
        {"offsets not array", R"({"w":{"dtype":"F32","shape":[1],"data_offsets":"0,4"}})", 4, "'data_offsets' must be"},
        {"negative offset", R"({"w":{"dtype":"F32","shape":[1],"data_offsets":[-4,0]}})", 4, "'data_offsets' must be"},
        {"begin after end", R"({"w":{"dtype":"F32","shape":[1],"data_offsets":[8,4]}})", 8, "begin > end"},
        {"end beyond data", R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})", 4, "beyond the data section"},
        {"byte length mismatch", R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}})", 4, "mismatch"},
        {"unknown dtype", R"({"w":{"dtype":"F12","shape":[1],"data_offsets":[0,4]}})", 4, "unknown dtype 'F12'"},
        {"overlap", R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                    R"("b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
         12, "overlapping"},
        {"identical ranges", "{\"a\":{" + f32_1 + "},\"b\":{" + f32_1 + "}}", 4, "overlapping"},
        {"metadata not object", "{\"__metadata__\":[1],\"w\":{" + f32_1 + "}}", 4, "'__metadata__' must be an object"},
        {"metadata non-string value", "{\"__metadata__\":{\"a\":1},\"w\":{" + f32_1 + "}}", 4,
         "'__metadata__' value for 'a' must be a string"},
        {"duplicate tensor", "{\"w\":{" + f32_1 + "},\"w\":{" + f32_1 + "}}", 4, "duplicate entry 'w'"},
    };

    TempDir tmp;
    int index = 0;
    for (const Case &c : cases) {
        INFO("case: " << c.name);
        const std::string path = tmp.file("bad_" + std::to_string(index++) + ".safetensors");
        write_file(path, raw_safetensors(c.header, c.data_bytes));
        const std::string msg = ghostnet::test::error_of([&] { SafetensorsFile::read(path); });
        CHECK_THAT(msg, Catch::Contains(path) && Catch::Contains(c.word));
    }
}

TEST_CASE("safetensors: tensor-level errors name the tensor", "[safetensors][errors]") {
    TempDir tmp;
    const std::string path = tmp.file("named.safetensors");
    write_file(path, raw_safetensors(R"({"blocks.3.conv.weight":{"dtype":"F32","shape":[3],"data_offsets":[0,4]}})", 4));
    CHECK_ERROR(SafetensorsFile::read(path), path, "tensor 'blocks.3.conv.weight'");
}

TEST_CASE("safetensors: unsupported conversions and bad writes throw", "[safetensors][errors]") {
    TempDir tmp;
    Tensor u16{"U16", {1}, {1, 0}};
    CHECK_ERROR(u16.to_f32(), "", "'U16'");

    Tensor short_bytes{"F32", {2}, {0, 0, 0, 0}};
    CHECK_ERROR(short_bytes.to_f32(), "", "expected 8");

    const std::string path = tmp.file("bad_write.safetensors");
    CHECK_ERROR(ghostnet::write_safetensors(path, {{"w", short_bytes}}), path, "tensor 'w'");
    CHECK_ERROR(ghostnet::write_safetensors(path, {{"w", Tensor{"F64", {1}, std::vector<uint8_t>(8)}}}), path,
                "cannot write dtype 'F64'");
    CHECK_ERROR(ghostnet::write_safetensors(path, {{"w", Tensor{"F32", {-1}, {}}}}), path, "negative");
    CHECK_ERROR(ghostnet::write_safetensors(path, {{"__metadata__", ghostnet::make_f32_tensor({}, {1})}}), path,
                "invalid tensor name");

    const std::string bad_dir = tmp.file("no_such_dir/out.safetensors");
    CHECK_ERROR(ghostnet::write_safetensors(bad_dir, {}), bad_dir, "cannot open");

    CHECK_THROWS_AS(ghostnet::make_f32_tensor({2, 2}, {1, 2, 3}), ghostnet::Error);
}

TEST_CASE("safetensors: empty file with only metadata", "[safetensors]") {
    TempDir tmp;
    const std::string path = tmp.file("meta_only.safetensors");
    ghostnet::write_safetensors(path, {}, {{"note", "no tensors"}});
    const auto file = SafetensorsFile::read(path);
    CHECK(file.tensors().empty());
    CHECK(file.metadata().at("note") == "no tensors");
}
