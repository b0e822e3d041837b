#include "tunables.h"

#include <algorithm>
#include <stdexcept>
#include <sstream>

namespace ghostnet {
namespace schedules {

const std::vector<TunableKnob> &tunable_knobs() {
    static const std::vector<TunableKnob> knobs = {
        {"conv_vectors", 1, 4, "accumulator vectors (of output channels) in a dense conv's register tile",
         &Tunables::conv_vectors, true},
        {"conv_pixels", 1, 14, "output pixels in a dense conv's register tile", &Tunables::conv_pixels, true},
        {"linear_parts", 1, 8, "parallel parts a fully connected layer's outputs are cut into",
         &Tunables::linear_parts, false},
        {"cheap_pixels", 1, 16, "output pixels of a row a Ghost module's cheap depthwise op makes together",
         &Tunables::cheap_pixels, true},
        {"strips", 1, 8, "parallel row strips of a Ghost bottleneck's stride-2 depthwise conv (its expansion made "
         "along them)", &Tunables::strips, true},
        {"threads", 1, 2, "threads a layer's rows are split among (1: one, its row loops serial, for maps too "
         "small to pay for the hand-over between cores; 2: all of them, as the hand schedule does)",
         &Tunables::threads, true},
        {"expansion", 1, 2, "where a Ghost bottleneck's expansion (its widest map) is made: 1 stored whole before "
         "its consumer; 2 made along it, in the depthwise conv's strips or the projection's rows (the hand "
         "schedule's choice, except where squeeze-excite pools the map, which needs it whole)",
         &Tunables::expansion, true},
        {"se_gate", 1, 2, "where a squeeze-excite's gated map is made: 1 a row at a time as the projection reads it "
         "(the hand schedule's choice); 2 stored whole first", &Tunables::se_gate, true},
    };
    return knobs;
}

namespace {

size_t knob_index(int Tunables::*field) {
    const std::vector<TunableKnob> &knobs = tunable_knobs();
    for (size_t k = 0; k < knobs.size(); k++)
        if (knobs[k].field == field) return k;
    return knobs.size();
}

// A whole number from lo to hi, or false.
bool parse_int(const std::string &text, int lo, int hi, int *out) {
    size_t used = 0;
    try {
        *out = std::stoi(text, &used);
    } catch (const std::exception &) {
        return false;
    }
    return used == text.size() && *out >= lo && *out <= hi;
}

}  // namespace

int Tunables::at(int Tunables::*field, int width) const {
    for (const Scoped &s : scoped)
        if (s.field == field && s.width == width && width > 0) return s.value;
    return this->*field;
}

Tunables Tunables::parse(const std::string &text) {
    constexpr int kMaxWidth = 1 << 16;
    Tunables t;
    std::istringstream in(text);
    std::string item;
    auto known = [] {
        std::string s;
        for (const TunableKnob &k : tunable_knobs())
            s += (s.empty() ? "" : ", ") + std::string(k.name) + (k.per_width ? "[@width]" : "") + " (" +
                 std::to_string(k.min) + ".." + std::to_string(k.max) + ")";
        return s;
    };
    while (std::getline(in, item, ',')) {
        if (item.empty()) continue;
        const size_t eq = item.find_first_of("=:");
        const std::string key = item.substr(0, eq);
        const size_t at = key.find('@');
        const std::string name = key.substr(0, at);
        const TunableKnob *knob = nullptr;
        for (const TunableKnob &k : tunable_knobs())
            if (name == k.name) knob = &k;
        if (!knob)
            throw std::invalid_argument("tunables: '" + name + "' is not a tunable; the tunables are " + known());
        if (eq == std::string::npos)
            throw std::invalid_argument("tunables: '" + item + "' has no value (write " + key + "=<value>)");
        int width = 0;
        if (at != std::string::npos) {
            if (!knob->per_width)
                throw std::invalid_argument("tunables: '" + key + "': " + name +
                                            " applies to the whole network; it takes no @width");
            if (!parse_int(key.substr(at + 1), 1, kMaxWidth, &width))
                throw std::invalid_argument("tunables: '" + key + "': expected a map width in pixels after '@' (1 to " +
                                            std::to_string(kMaxWidth) + ")");
        }
        // ':' as well as '=': a generator parameter cannot hold '=' (GenGen splits there).
        const std::string value = item.substr(eq + 1);
        int v = 0;
        if (!parse_int(value, knob->min, knob->max, &v))
            throw std::invalid_argument("tunables: " + key + "=" + value + ": expected a whole number from " +
                                        std::to_string(knob->min) + " to " + std::to_string(knob->max));
        if (width == 0) {
            t.*(knob->field) = v;
            continue;
        }
        auto same = [&](const Scoped &s) { return s.field == knob->field && s.width == width; };
        t.scoped.erase(std::remove_if(t.scoped.begin(), t.scoped.end(), same), t.scoped.end());
        t.scoped.push_back({knob->field, width, v});
    }
    std::stable_sort(t.scoped.begin(), t.scoped.end(), [](const Scoped &a, const Scoped &b) {
        const size_t ka = knob_index(a.field), kb = knob_index(b.field);
        return ka != kb ? ka < kb : a.width > b.width;
    });
    return t;
}

std::string kept_tunables_line(const std::string &file_text) {
    std::istringstream in(file_text);
    std::string kept;
    int number = 0, kept_number = 0;
    for (std::string line; std::getline(in, line);) {
        number++;
        const size_t first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos || line[first] == '#') continue;
        if (kept_number)
            throw std::invalid_argument("line " + std::to_string(number) + " is a second line of tunables (line " +
                                        std::to_string(kept_number) +
                                        " is the first); expected '#' comments and one line of tunables, as "
                                        "ghostnet-autotune writes it");
        kept_number = number;
        kept = line.substr(first, line.find_last_not_of(" \t\r") + 1 - first);
    }
    return kept;
}

std::string Tunables::to_string() const {
    std::string s;
    for (const TunableKnob &k : tunable_knobs()) {
        if (this->*(k.field) > 0) s += (s.empty() ? "" : ",") + std::string(k.name) + "=" + std::to_string(this->*(k.field));
        for (const Scoped &sc : scoped)
            if (sc.field == k.field)
                s += (s.empty() ? "" : ",") + std::string(k.name) + "@" + std::to_string(sc.width) + "=" +
                     std::to_string(sc.value);
    }
    return s;
}

}  // namespace schedules
}  // namespace ghostnet
