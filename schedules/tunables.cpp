#include "tunables.h"

#include <sstream>
#include <stdexcept>

namespace ghostnet {
namespace schedules {

const std::vector<TunableKnob> &tunable_knobs() {
    static const std::vector<TunableKnob> knobs = {
        {"conv_vectors", 1, 4, "accumulator vectors (of output channels) in a dense conv's register tile",
         &Tunables::conv_vectors},
        {"conv_pixels", 1, 14, "output pixels in a dense conv's register tile", &Tunables::conv_pixels},
        {"linear_parts", 1, 8, "parallel parts a fully connected layer's outputs are cut into",
         &Tunables::linear_parts},
        {"cheap_pixels", 1, 16, "output pixels of a row a Ghost module's cheap depthwise op makes together",
         &Tunables::cheap_pixels},
    };
    return knobs;
}

Tunables Tunables::parse(const std::string &text) {
    Tunables t;
    std::istringstream in(text);
    std::string item;
    auto known = [] {
        std::string s;
        for (const TunableKnob &k : tunable_knobs())
            s += (s.empty() ? "" : ", ") + std::string(k.name) + " (" + std::to_string(k.min) + ".." +
                 std::to_string(k.max) + ")";
        return s;
    };
    while (std::getline(in, item, ',')) {
        if (item.empty()) continue;
        const size_t eq = item.find_first_of("=:");
        const std::string name = item.substr(0, eq);
        const TunableKnob *knob = nullptr;
        for (const TunableKnob &k : tunable_knobs())
            if (name == k.name) knob = &k;
        if (!knob)
            throw std::invalid_argument("tunables: '" + name + "' is not a tunable; the tunables are " + known());
        if (eq == std::string::npos)
            throw std::invalid_argument("tunables: '" + item + "' has no value (write " + name + "=<value>)");
        // ':' as well as '=': a generator parameter cannot hold '=' (GenGen splits there).
        const std::string value = item.substr(eq + 1);
        size_t used = 0;
        int v = 0;
        try {
            v = std::stoi(value, &used);
        } catch (const std::exception &) {
            used = 0;
        }
        if (used == 0 || used != value.size() || v < knob->min || v > knob->max)
            throw std::invalid_argument("tunables: " + name + "=" + value + ": expected a whole number from " +
                                        std::to_string(knob->min) + " to " + std::to_string(knob->max));
        t.*(knob->field) = v;
    }
    return t;
}

std::string Tunables::to_string() const {
    std::string s;
    for (const TunableKnob &k : tunable_knobs())
        if (this->*(k.field) > 0) s += (s.empty() ? "" : ",") + std::string(k.name) + "=" + std::to_string(this->*(k.field));
    return s;
}

}  // namespace schedules
}  // namespace ghostnet
