#include <catch2/catch.hpp>

#include "check_error.h"
#include "temp_files.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "npy.h"

namespace {

namespace fs = std::filesystem;
using ghostnet::NpyArray;

using ghostnet::test::read_file;
using ghostnet::test::TempDir;

void write_file(const std::string &path, const std::string &content) { REQUIRE(ghostnet::test::write_file(path, content)); }

// Builds a .npy file the way numpy does (64-byte aligned, '\n'-terminated
// header) with an arbitrary header dict and payload.
std::string make_npy(const std::string &dict, const std::string &data, int major = 1) {
    const size_t len_size = major == 1 ? 2 : 4;
    std::string header = dict;
    const size_t unpadded = 8 + len_size + header.size() + 1;
    header.append((64 - unpadded % 64) % 64, ' ');
    header += '\n';
    std::string out = "\x93NUMPY";
    out += static_cast<char>(major);
    out += '\0';
    for (size_t i = 0; i < len_size; i++) out += static_cast<char>((header.size() >> (8 * i)) & 0xff);
    return out + header + data;
}

// Host byte order is little-endian on every platform this project targets.
template <typename T>
std::string raw_bytes(const std::vector<T> &v) {
    std::string s(v.size() * sizeof(T), '\0');
    if (!v.empty()) std::memcpy(s.data(), v.data(), s.size());
    return s;
}


}  // namespace

TEST_CASE("npy: round trip 4-D float32", "[npy]") {
    TempDir tmp;
    const std::string path = tmp.file("x.npy");
    NpyArray a;
    a.shape = {1, 3, 2, 2};
    for (int i = 0; i < 12; i++) a.data.push_back(static_cast<float>(i) * 0.5f - 3.f);
    ghostnet::write_npy(path, a);

    const NpyArray b = ghostnet::read_npy(path);
    CHECK(b.shape == a.shape);
    CHECK(b.data == a.data);

    // Same bytes numpy would write, so python tooling can read our outputs.
    const std::string raw = read_file(path);
    REQUIRE(raw.size() > 10);
    CHECK(raw.compare(0, 8, std::string("\x93NUMPY\x01\x00", 8)) == 0);
    const size_t header_len = static_cast<uint8_t>(raw[8]) | (static_cast<size_t>(static_cast<uint8_t>(raw[9])) << 8);
    CHECK((10 + header_len) % 64 == 0);
    const std::string header = raw.substr(10, header_len);
    CHECK(header.rfind("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 3, 2, 2), }", 0) == 0);
    CHECK(header.back() == '\n');
    CHECK(raw.size() == 10 + header_len + 12 * 4);
}

TEST_CASE("npy: scalar and 1-D shapes", "[npy]") {
    TempDir tmp;
    const std::string scalar = tmp.file("scalar.npy");
    ghostnet::write_npy(scalar, NpyArray{{}, {3.5f}});
    NpyArray s = ghostnet::read_npy(scalar);
    CHECK(s.shape.empty());
    CHECK(s.data == std::vector<float>{3.5f});
    CHECK(read_file(scalar).find("'shape': (), }") != std::string::npos);

    const std::string vec = tmp.file("vec.npy");
    ghostnet::write_npy(vec, NpyArray{{5}, {1, 2, 3, 4, 5}});
    NpyArray v = ghostnet::read_npy(vec);
    CHECK(v.shape == std::vector<int64_t>{5});
    CHECK(v.data == std::vector<float>{1, 2, 3, 4, 5});
    CHECK(read_file(vec).find("'shape': (5,), }") != std::string::npos);

    const std::string empty = tmp.file("empty.npy");
    ghostnet::write_npy(empty, NpyArray{{0, 4}, {}});
    NpyArray e = ghostnet::read_npy(empty);
    CHECK(e.shape == std::vector<int64_t>{0, 4});
    CHECK(e.data.empty());
}

TEST_CASE("npy: float64 is converted to float32", "[npy]") {
    TempDir tmp;
    const std::string path = tmp.file("f8.npy");
    const std::vector<double> values = {0.1, -2.25, 1e-3, 123456789.0};
    write_file(path, make_npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", raw_bytes(values)));
    const NpyArray a = ghostnet::read_npy(path);
    CHECK(a.shape == std::vector<int64_t>{2, 2});
    REQUIRE(a.data.size() == 4);
    for (size_t i = 0; i < 4; i++) CHECK(a.data[i] == static_cast<float>(values[i]));
}

TEST_CASE("npy: versions 2.0 and 3.0 and header variants", "[npy]") {
    TempDir tmp;
    const std::vector<float> values = {1, 2, 3};
    for (int major : {2, 3}) {
        INFO("version " << major);
        const std::string path = tmp.file("v" + std::to_string(major) + ".npy");
        write_file(path, make_npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", raw_bytes(values), major));
        const NpyArray a = ghostnet::read_npy(path);
        CHECK(a.shape == std::vector<int64_t>{3});
        CHECK(a.data == values);
    }

    // Key order, quoting, missing trailing comma and Python 2 long suffixes all vary in the wild.
    const std::string path = tmp.file("variant.npy");
    write_file(path, make_npy(R"({"shape": (1L, 3L), "fortran_order": False, "descr": "<f4"})", raw_bytes(values)));
    const NpyArray a = ghostnet::read_npy(path);
    CHECK(a.shape == std::vector<int64_t>{1, 3});
    CHECK(a.data == values);
}

TEST_CASE("npy: malformed files produce descriptive errors", "[npy][errors]") {
    TempDir tmp;
    const std::string four = raw_bytes(std::vector<float>{1, 2, 3, 4});
    const std::string good_dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }";

    const std::string missing = tmp.file("missing.npy");
    CHECK_ERROR(ghostnet::read_npy(missing), missing, "cannot open");

    const std::string magic = tmp.file("magic.npy");
    write_file(magic, "PK\x03\x04 this is a zip file, not an npy");
    CHECK_ERROR(ghostnet::read_npy(magic), magic, "bad magic");

    const std::string tiny = tmp.file("tiny.npy");
    write_file(tiny, "ab");
    CHECK_ERROR(ghostnet::read_npy(tiny), tiny, "bad magic");

    const std::string short_prefix = tmp.file("short_prefix.npy");
    write_file(short_prefix, std::string("\x93NUMPY\x01", 7));
    CHECK_ERROR(ghostnet::read_npy(short_prefix), short_prefix, "truncated header");

    const std::string short_header = tmp.file("short_header.npy");
    write_file(short_header, make_npy(good_dict, four).substr(0, 40));
    CHECK_ERROR(ghostnet::read_npy(short_header), short_header, "truncated header");

    const std::string version = tmp.file("version.npy");
    std::string v4 = make_npy(good_dict, four, 2);
    v4[6] = 4;
    write_file(version, v4);
    CHECK_ERROR(ghostnet::read_npy(version), version, "unsupported .npy format version 4.0");

    const std::string truncated = tmp.file("truncated.npy");
    write_file(truncated, make_npy(good_dict, four.substr(0, 10)));
    CHECK_ERROR(ghostnet::read_npy(truncated), truncated, "truncated data");

    const std::string trailing = tmp.file("trailing.npy");
    write_file(trailing, make_npy(good_dict, four + "xxxx"));
    CHECK_ERROR(ghostnet::read_npy(trailing), trailing, "data size mismatch");

    const std::string fortran = tmp.file("fortran.npy");
    write_file(fortran, make_npy("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", four));
    CHECK_ERROR(ghostnet::read_npy(fortran), fortran, "fortran_order");

    const std::string int32 = tmp.file("int32.npy");
    write_file(int32, make_npy("{'descr': '<i4', 'fortran_order': False, 'shape': (4,), }", four));
    const std::string msg = ghostnet::test::error_of([&] { ghostnet::read_npy(int32); });
    CHECK_THAT(msg, Catch::Contains(int32) && Catch::Contains("unsupported dtype '<i4'") && Catch::Contains("float32"));

    const std::string big_endian = tmp.file("big_endian.npy");
    write_file(big_endian, make_npy("{'descr': '>f4', 'fortran_order': False, 'shape': (4,), }", four));
    CHECK_ERROR(ghostnet::read_npy(big_endian), big_endian, "unsupported dtype '>f4'");

    const std::string structured = tmp.file("structured.npy");
    write_file(structured,
               make_npy("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (4,), }", four));
    CHECK_ERROR(ghostnet::read_npy(structured), structured, "unsupported dtype");

    struct Case {
        const char *name;
        std::string dict;
        const char *word;
    };
    const std::vector<Case> bad_dicts = {
        {"missing shape", "{'descr': '<f4', 'fortran_order': False, }", "missing key 'shape'"},
        {"missing descr", "{'fortran_order': False, 'shape': (4,), }", "missing key 'descr'"},
        {"not a dict", "('descr', '<f4')", "malformed header dict"},
        {"unterminated", "{'descr': '<f4', 'fortran_order': False, 'shape': (4,", "malformed header dict"},
        {"garbage value", "{'descr': '<f4', 'fortran_order': Maybe, 'shape': (4,), }", "malformed header dict"},
        {"shape list", "{'descr': '<f4', 'fortran_order': False, 'shape': [4], }", "'shape' must be a tuple"},
        {"negative dim", "{'descr': '<f4', 'fortran_order': False, 'shape': (-4,), }", "negative dimension"},
        {"string dim", "{'descr': '<f4', 'fortran_order': False, 'shape': ('4',), }", "must be integers"},
        {"duplicate key", "{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (4,), }",
         "duplicate key"},
        {"trailing text", good_dict + " junk", "after the closing"},
        {"huge dim", "{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), }", "too large"},
        {"overflowing shape", "{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296), }",
         "overflows"},
    };
    int index = 0;
    for (const Case &c : bad_dicts) {
        INFO("case: " << c.name);
        const std::string path = tmp.file("dict_" + std::to_string(index++) + ".npy");
        write_file(path, make_npy(c.dict, four));
        CHECK_ERROR(ghostnet::read_npy(path), path, c.word);
    }
}

TEST_CASE("npy: write rejects inconsistent arrays", "[npy][errors]") {
    TempDir tmp;
    const std::string path = tmp.file("bad.npy");
    CHECK_ERROR(ghostnet::write_npy(path, NpyArray{{2, 3}, {1, 2, 3}}), path, "needs 6 elements");
    CHECK_ERROR(ghostnet::write_npy(path, NpyArray{{-1}, {}}), path, "negative");
    const std::string bad_dir = tmp.file("no_such_dir/x.npy");
    CHECK_ERROR(ghostnet::write_npy(bad_dir, NpyArray{{1}, {1}}), bad_dir, "cannot open");
}
