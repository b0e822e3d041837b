#include "hand_search.h"

#include <algorithm>
#include <cstdint>
#include <random>
#include <sstream>

namespace ghostnet {
namespace autotune {

std::vector<Knob> parse_knob_list(const std::string &text) {
    std::vector<Knob> knobs;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        std::istringstream f(line);
        Knob k;
        if (f >> k.name >> k.min >> k.max && k.min <= k.max) knobs.push_back(k);
    }
    return knobs;
}

std::vector<int> HandSearchSpace::values(const std::string &choice) const {
    std::vector<int> v(knobs_.size(), 0);
    std::istringstream in(choice);
    for (std::string item; std::getline(in, item, ',');) {
        const size_t eq = item.find('=');
        for (size_t k = 0; k < knobs_.size(); k++)
            if (eq != std::string::npos && item.substr(0, eq) == knobs_[k].name) v[k] = std::stoi(item.substr(eq + 1));
    }
    return v;
}

std::string HandSearchSpace::choice(const std::vector<int> &v) const {
    std::string t;
    for (size_t k = 0; k < knobs_.size(); k++)
        if (v[k] > 0) t += (t.empty() ? "" : ",") + knobs_[k].name + "=" + std::to_string(v[k]);
    return t;
}

std::string HandSearchSpace::invalid(const std::string &choice) const {
    std::istringstream in(choice);
    for (std::string item; std::getline(in, item, ',');) {
        const size_t eq = item.find('=');
        if (eq == std::string::npos) return "'" + item + "' is not name=value";
        const std::string name = item.substr(0, eq), value = item.substr(eq + 1);
        auto k = std::find_if(knobs_.begin(), knobs_.end(), [&](const Knob &kn) { return kn.name == name; });
        if (k == knobs_.end()) return "no tunable is named '" + name + "'";
        const bool digits = !value.empty() && value.size() < 6 &&
                            std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits || std::stoi(value) < k->min || std::stoi(value) > k->max)
            return "'" + item + "': " + name + " takes " + std::to_string(k->min) + " to " + std::to_string(k->max);
    }
    return "";
}

int HandSearchSpace::all_widths_knob(size_t k) const {
    const size_t at = knobs_[k].name.find('@');
    if (at == std::string::npos) return -1;
    for (size_t g = 0; g < knobs_.size(); g++)
        if (knobs_[g].name == knobs_[k].name.substr(0, at)) return int(g);
    return -1;
}

std::vector<std::string> HandSearchSpace::neighbours(const std::string &from) const {
    const std::vector<int> v = values(from);
    std::vector<std::string> out;
    for (size_t k = 0; k < knobs_.size(); k++) {
        std::vector<int> options;
        const int lo = knobs_[k].min, hi = knobs_[k].max, n = hi - lo + 1;
        const int g = all_widths_knob(k);
        if (v[k] == 0 && g >= 0 && v[size_t(g)] > 0) {
            if (v[size_t(g)] > lo) options.push_back(v[size_t(g)] - 1);
            if (v[size_t(g)] < hi) options.push_back(v[size_t(g)] + 1);
        } else if (v[k] == 0) {
            const int count = std::min(n, 6);
            for (int i = 0; i < count; i++) options.push_back(count == 1 ? lo : lo + (n - 1) * i / (count - 1));
        } else {
            options = {0};
            if (v[k] > lo) options.push_back(v[k] - 1);
            if (v[k] < hi) options.push_back(v[k] + 1);
        }
        for (int x : options) {
            std::vector<int> w = v;
            w[k] = x;
            const std::string c = choice(w);
            if (c != from && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
        }
    }
    return out;
}

std::vector<std::string> HandSearchSpace::batch(const std::string &strategy, int seed, int b, int samples,
                                                const std::vector<std::string> &tried,
                                                const std::string &fastest, const std::string &start) const {
    std::mt19937 rng(uint32_t(seed * 1000003 + b * 1000));
    std::vector<std::string> out;
    if (b == 0) out.push_back("");
    if (b == 0 && !start.empty() && strategy != "random") out.push_back(start);
    auto untried = [&](const std::string &t) {
        return !t.empty() && std::find(tried.begin(), tried.end(), t) == tried.end() &&
               std::find(out.begin(), out.end(), t) == out.end();
    };
    if (strategy == "random") {
        for (int attempt = 0; attempt < 1000 && int(out.size()) < samples; attempt++) {
            std::string t;
            for (const Knob &k : knobs_) {
                const int v = std::uniform_int_distribution<int>(k.min - 1, k.max)(rng);  // min - 1: unset
                if (v >= k.min) t += (t.empty() ? "" : ",") + k.name + "=" + std::to_string(v);
            }
            if (untried(t)) out.push_back(t);
        }
        return out;
    }
    std::vector<std::string> next = neighbours(b == 0 ? start : fastest);
    std::shuffle(next.begin(), next.end(), rng);
    for (const std::string &t : next)
        if (int(out.size()) < samples && untried(t)) out.push_back(t);
    return out;
}

}  // namespace autotune
}  // namespace ghostnet
