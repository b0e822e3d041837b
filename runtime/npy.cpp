#include "npy.h"

#include "file_io.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <limits>
#include <optional>
#include <utility>

namespace ghostnet {
namespace {

constexpr char kMagic[] = "\x93NUMPY";
constexpr size_t kMagicLen = 6;
// numpy itself refuses headers over 10 KB by default; 1 MiB is generous
// while still bounding the allocation for a corrupt length field.
constexpr uint32_t kMaxHeaderLen = 1u << 20;
constexpr int kMaxNesting = 16;

[[noreturn]] void fail(const std::string &path, const std::string &what) { throw Error(path + ": " + what); }

std::string shape_str(const std::vector<int64_t> &shape) {
    std::string s = "(";
    for (size_t i = 0; i < shape.size(); i++) {
        if (i) s += ", ";
        s += std::to_string(shape[i]);
    }
    if (shape.size() == 1) s += ",";
    return s + ")";
}

std::optional<uint64_t> checked_mul(uint64_t a, uint64_t b) {
    const uint64_t max = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
    if (a != 0 && b > max / a) return std::nullopt;
    return a * b;
}

// The subset of Python literals numpy's header writer can produce
// (repr of a dict of str / bool / int / tuple, plus lists for structured
// dtypes, which we parse only to reject them with a sensible message).
struct PyValue {
    enum class Kind { Str, Int, Bool, None, Tuple, List } kind = Kind::None;
    std::string str;
    int64_t i = 0;
    bool b = false;
    std::vector<PyValue> items;
};

class HeaderParser {
public:
    HeaderParser(const std::string &path, const std::string &text) : path_(path), text_(text) {}

    std::vector<std::pair<std::string, PyValue>> parse_dict_document() {
        skip_ws();
        expect('{');
        std::vector<std::pair<std::string, PyValue>> entries;
        skip_ws();
        while (peek() != '}') {
            PyValue key = parse_value(1);
            if (key.kind != PyValue::Kind::Str) error("dict keys must be strings");
            skip_ws();
            expect(':');
            entries.emplace_back(key.str, parse_value(1));
            skip_ws();
            if (peek() == ',') {
                pos_++;
                skip_ws();
            } else if (peek() != '}') {
                error("expected ',' or '}'");
            }
        }
        pos_++;
        skip_ws();
        if (pos_ != text_.size()) error("unexpected text after the closing '}'");
        return entries;
    }

private:
    [[noreturn]] void error(const std::string &what) const {
        // Padding and the trailing newline only clutter the message; a corrupt
        // header could also be huge, so quote at most a short prefix.
        std::string shown = text_.substr(0, text_.find_last_not_of(" \n") + 1);
        if (shown.size() > 200) shown = shown.substr(0, 200) + "...";
        fail(path_, "malformed header dict: " + what + " at offset " + std::to_string(pos_) + " in \"" + shown + "\"");
    }

    char peek() const {
        if (pos_ >= text_.size()) error("unexpected end of header");
        return text_[pos_];
    }

    void skip_ws() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' ||
                                       text_[pos_] == '\r'))
            pos_++;
    }

    void expect(char c) {
        if (peek() != c) error(std::string("expected '") + c + "'");
        pos_++;
    }

    PyValue parse_value(int depth) {
        if (depth > kMaxNesting) error("nesting too deep");
        skip_ws();
        const char c = peek();
        if (c == '\'' || c == '"') return parse_string();
        if (c == '(' || c == '[') return parse_sequence(depth);
        if (c == '-' || (c >= '0' && c <= '9')) return parse_int();
        return parse_identifier();
    }

    PyValue parse_string() {
        const char quote = text_[pos_++];
        PyValue v;
        v.kind = PyValue::Kind::Str;
        while (peek() != quote) {
            // Escapes never occur in numpy's own headers; keeping the escaped
            // character verbatim is enough to not mis-split the string.
            if (text_[pos_] == '\\') pos_++;
            v.str += peek();
            pos_++;
        }
        pos_++;
        return v;
    }

    PyValue parse_sequence(int depth) {
        const char open = text_[pos_++];
        const char close = open == '(' ? ')' : ']';
        PyValue v;
        v.kind = open == '(' ? PyValue::Kind::Tuple : PyValue::Kind::List;
        skip_ws();
        while (peek() != close) {
            v.items.push_back(parse_value(depth + 1));
            skip_ws();
            if (peek() == ',') {
                pos_++;
                skip_ws();
            } else if (peek() != close) {
                error(std::string("expected ',' or '") + close + "'");
            }
        }
        pos_++;
        return v;
    }

    PyValue parse_int() {
        bool negative = false;
        if (text_[pos_] == '-') {
            negative = true;
            pos_++;
        }
        if (!(peek() >= '0' && peek() <= '9')) error("expected digits");
        uint64_t value = 0;
        const uint64_t limit = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
        while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
            value = value * 10 + static_cast<uint64_t>(text_[pos_] - '0');
            if (value > limit) error("integer too large");
            pos_++;
        }
        // Python 2 era numpy wrote shapes such as (3L, 4L).
        if (pos_ < text_.size() && (text_[pos_] == 'L' || text_[pos_] == 'l')) pos_++;
        PyValue v;
        v.kind = PyValue::Kind::Int;
        v.i = negative ? -static_cast<int64_t>(value) : static_cast<int64_t>(value);
        return v;
    }

    PyValue parse_identifier() {
        size_t start = pos_;
        while (pos_ < text_.size() && std::isalpha(static_cast<unsigned char>(text_[pos_]))) pos_++;
        const std::string word = text_.substr(start, pos_ - start);
        PyValue v;
        if (word == "True" || word == "False") {
            v.kind = PyValue::Kind::Bool;
            v.b = word == "True";
        } else if (word == "None") {
            v.kind = PyValue::Kind::None;
        } else {
            pos_ = start;
            error("unexpected token");
        }
        return v;
    }

    const std::string &path_;
    const std::string &text_;
    size_t pos_ = 0;
};

struct Header {
    size_t item_size = 0;
    std::vector<int64_t> shape;
};

Header interpret_header(const std::string &path, const std::string &text) {
    HeaderParser parser(path, text);
    const PyValue *descr = nullptr, *fortran = nullptr, *shape = nullptr;
    auto entries = parser.parse_dict_document();
    for (const auto &[key, value] : entries) {
        const PyValue **slot = key == "descr" ? &descr : key == "fortran_order" ? &fortran : key == "shape" ? &shape : nullptr;
        if (!slot) continue;  // tolerate extra keys from future writers
        if (*slot) fail(path, "malformed header dict: duplicate key '" + key + "'");
        *slot = &value;
    }
    const std::pair<const char *, const PyValue *> required[] = {
        {"descr", descr}, {"fortran_order", fortran}, {"shape", shape}};
    for (const auto &[name, v] : required) {
        if (!v) fail(path, std::string("malformed header dict: missing key '") + name + "'");
    }

    Header h;
    if (descr->kind != PyValue::Kind::Str) {
        fail(path, "unsupported dtype: structured/non-string descr; expected float32 '<f4' (or float64 '<f8')");
    }
    if (descr->str == "<f4") {
        h.item_size = 4;
    } else if (descr->str == "<f8") {
        h.item_size = 8;
    } else {
        fail(path, "unsupported dtype '" + descr->str + "'; expected float32 '<f4' (or float64 '<f8')");
    }

    if (fortran->kind != PyValue::Kind::Bool) fail(path, "malformed header dict: 'fortran_order' must be True or False");
    if (fortran->b) fail(path, "fortran_order=True is not supported; save the array in C order");

    if (shape->kind != PyValue::Kind::Tuple) fail(path, "malformed header dict: 'shape' must be a tuple");
    for (const PyValue &d : shape->items) {
        if (d.kind != PyValue::Kind::Int) fail(path, "malformed header dict: 'shape' entries must be integers");
        if (d.i < 0) fail(path, "malformed header dict: negative dimension " + std::to_string(d.i) + " in 'shape'");
        h.shape.push_back(d.i);
    }
    return h;
}

template <typename T>
T load_le(const uint8_t *p) {
    static_assert(sizeof(T) == 4 || sizeof(T) == 8);
    uint64_t v = 0;
    for (size_t i = 0; i < sizeof(T); i++) v |= static_cast<uint64_t>(p[i]) << (8 * i);
    T out;
    if constexpr (sizeof(T) == 4) {
        const uint32_t v32 = static_cast<uint32_t>(v);
        std::memcpy(&out, &v32, 4);
    } else {
        std::memcpy(&out, &v, 8);
    }
    return out;
}

}  // namespace

NpyArray read_npy(const std::string &path) {
    uint64_t file_size = 0;
    std::ifstream in = open_binary(path, &file_size);

    // Check the magic against whatever prefix exists, so a short non-npy file
    // is reported as "bad magic" rather than as truncated.
    uint8_t prelude[12] = {};
    const size_t have = static_cast<size_t>(std::min<uint64_t>(file_size, sizeof(prelude)));
    if (!in.read(reinterpret_cast<char *>(prelude), static_cast<std::streamsize>(have))) fail(path, "read error");
    if (std::memcmp(prelude, kMagic, std::min(have, kMagicLen)) != 0) {
        fail(path, "bad magic: not a .npy file (expected \\x93NUMPY)");
    }
    if (have < 8) fail(path, "truncated header: file is only " + std::to_string(file_size) + " bytes");

    const int major = prelude[6], minor = prelude[7];
    size_t len_size;
    if (major == 1 && minor == 0) {
        len_size = 2;
    } else if ((major == 2 || major == 3) && minor == 0) {
        len_size = 4;
    } else {
        fail(path, "unsupported .npy format version " + std::to_string(major) + "." + std::to_string(minor) +
                       " (supported: 1.0, 2.0, 3.0)");
    }
    const uint64_t prefix = 8 + len_size;
    if (file_size < prefix) fail(path, "truncated header: file ends inside the header length field");
    uint32_t header_len = 0;
    for (size_t i = 0; i < len_size; i++) header_len |= static_cast<uint32_t>(prelude[8 + i]) << (8 * i);
    if (header_len > kMaxHeaderLen) {
        fail(path, "header length " + std::to_string(header_len) + " exceeds limit of " + std::to_string(kMaxHeaderLen));
    }
    if (file_size - prefix < header_len) {
        fail(path, "truncated header: header length " + std::to_string(header_len) + " but only " +
                       std::to_string(file_size - prefix) + " bytes follow");
    }

    std::string header_text(header_len, '\0');
    in.seekg(static_cast<std::streamoff>(prefix));
    if (!in.read(header_text.data(), header_len)) fail(path, "truncated header: read failed");
    const Header h = interpret_header(path, header_text);

    uint64_t numel = 1;
    for (int64_t d : h.shape) {
        auto m = checked_mul(numel, static_cast<uint64_t>(d));
        if (!m) fail(path, "element count of shape " + shape_str(h.shape) + " overflows");
        numel = *m;
    }
    auto needed = checked_mul(numel, h.item_size);
    if (!needed) fail(path, "byte size of shape " + shape_str(h.shape) + " overflows");
    const uint64_t data_offset = prefix + header_len;
    const uint64_t available = file_size - data_offset;
    const std::string dtype_name = h.item_size == 4 ? "'<f4'" : "'<f8'";
    if (available < *needed) {
        fail(path, "truncated data: shape " + shape_str(h.shape) + " of " + dtype_name + " needs " +
                       std::to_string(*needed) + " bytes, found " + std::to_string(available));
    }
    if (available > *needed) {
        fail(path, "data size mismatch: shape " + shape_str(h.shape) + " of " + dtype_name + " needs " +
                       std::to_string(*needed) + " bytes, found " + std::to_string(available));
    }

    std::vector<uint8_t> raw(*needed);
    if (*needed > 0 && !in.read(reinterpret_cast<char *>(raw.data()), static_cast<std::streamsize>(*needed))) {
        fail(path, "truncated data: read failed");
    }

    NpyArray out;
    out.shape = h.shape;
    out.data.resize(numel);
    for (uint64_t i = 0; i < numel; i++) {
        out.data[i] = h.item_size == 4 ? load_le<float>(raw.data() + 4 * i)
                                       : static_cast<float>(load_le<double>(raw.data() + 8 * i));
    }
    return out;
}

void write_npy(const std::string &path, const NpyArray &array) {
    uint64_t numel = 1;
    for (int64_t d : array.shape) {
        if (d < 0) fail(path, "cannot write shape " + shape_str(array.shape) + ": negative dimension");
        auto m = checked_mul(numel, static_cast<uint64_t>(d));
        if (!m) fail(path, "cannot write shape " + shape_str(array.shape) + ": element count overflows");
        numel = *m;
    }
    if (numel != array.data.size()) {
        fail(path, "cannot write shape " + shape_str(array.shape) + ": needs " + std::to_string(numel) +
                       " elements, data has " + std::to_string(array.data.size()));
    }

    std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape_str(array.shape) + ", }";
    // numpy pads so the data starts 64-byte aligned; the header ends in '\n'.
    const size_t unpadded = 10 + header.size() + 1;
    header.append((64 - unpadded % 64) % 64, ' ');
    header += '\n';
    if (header.size() > 0xffff) fail(path, "header too long for .npy version 1.0");

    std::string prefix(kMagic, kMagicLen);
    prefix += '\x01';
    prefix += '\x00';
    prefix += static_cast<char>(header.size() & 0xff);
    prefix += static_cast<char>(header.size() >> 8);

    std::vector<uint8_t> raw(numel * 4);
    for (size_t i = 0; i < numel; i++) {
        uint32_t bits;
        std::memcpy(&bits, &array.data[i], 4);
        for (size_t b = 0; b < 4; b++) raw[4 * i + b] = static_cast<uint8_t>(bits >> (8 * b));
    }

    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) fail(path, "cannot open file for writing");
    out.write(prefix.data(), static_cast<std::streamsize>(prefix.size()));
    out.write(header.data(), static_cast<std::streamsize>(header.size()));
    out.write(reinterpret_cast<const char *>(raw.data()), static_cast<std::streamsize>(raw.size()));
    out.close();
    if (!out) fail(path, "error while writing file");
}

}  // namespace ghostnet
