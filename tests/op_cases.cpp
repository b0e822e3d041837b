// tests/op_cases.h: reading a case's parameters and finding cases by generator.
#include "op_cases.h"

#include <cstdlib>
#include <sstream>
#include <stdexcept>

namespace ghostnet {
namespace test {

namespace {
bool find_param(const OpCase &c, const std::string &key, std::string *value) {
    std::istringstream words(c.params);
    std::string w;
    while (words >> w)
        if (w.compare(0, key.size() + 1, key + "=") == 0) {
            *value = w.substr(key.size() + 1);
            return true;
        }
    return false;
}

[[noreturn]] void bad(const OpCase &c, const std::string &key, const std::string &what) {
    throw std::invalid_argument(std::string("tests/op_cases.txt: ") + c.name + ": " + key + " " + what +
                                " (the row has: " + c.params + ")");
}
}  // namespace

bool OpCase::has(const std::string &key) const {
    std::string v;
    return find_param(*this, key, &v);
}

std::string OpCase::param(const std::string &key) const {
    std::string v;
    if (!find_param(*this, key, &v)) bad(*this, key, "is not spelled, and this test reads it");
    return v;
}

int OpCase::integer(const std::string &key) const {
    const std::string v = param(key);
    char *end = nullptr;
    const long n = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end) bad(*this, key, "must be an integer, got " + v);
    return int(n);
}

double OpCase::number(const std::string &key) const {
    const std::string v = param(key);
    char *end = nullptr;
    const double x = std::strtod(v.c_str(), &end);
    if (v.empty() || *end) bad(*this, key, "must be a number, got " + v);
    return x;
}

bool OpCase::flag(const std::string &key) const {
    const std::string v = param(key);
    if (v != "true" && v != "false") bad(*this, key, "must be true or false, got " + v);
    return v == "true";
}

std::vector<const OpCase *> op_cases(const std::string &generator, bool hvx) {
    std::vector<const OpCase *> out;
    for (const OpCase &c : all_op_cases())
        if (c.generator == generator && (hvx ? c.hvx : c.fn != nullptr)) out.push_back(&c);
    if (out.empty())
        throw std::invalid_argument("tests/op_cases.txt has no case of " + generator + " built for " +
                                    (hvx ? "HVX" : "this machine"));
    return out;
}

}  // namespace test
}  // namespace ghostnet
