// The hand schedules' tunable parameters: choices a schedule otherwise makes from TargetInfo's
// model of the target (register tile, parallel split), which a device tuner may make instead
// by measuring (ghostnet-autotune --search hand). Unset (0) means the schedule's own choice,
// so an empty set of tunables is the hand schedule as written.
//
// A per-width knob may also be set for the layers working on maps of one width only, by
// naming the width after '@': "conv_pixels=4,conv_pixels@14=7" gives the layers 14 pixels wide
// a 7-pixel tile and every other layer a 4-pixel one. Which widths a network has:
// OpSchedules::tunable_widths (ghostnet-generate --list-tunables lists them per network).
//
// Written as "name=value,name=value" (ghostnet-generate --tunables and
// schedules/autotuned/<device>/<pipeline>.tunables), or with ':' for '=' as the generators'
// tunables= parameter takes them (GenGen splits its arguments at '=').
#pragma once

#include <string>
#include <vector>

namespace ghostnet {
namespace schedules {

struct Tunables {
    int conv_vectors = 0;  // accumulator vectors of a dense conv's register tile (channels)
    int conv_pixels = 0;   // output pixels of a dense conv's register tile
    int linear_parts = 0;  // parallel parts of a fully connected layer's outputs
    int cheap_pixels = 0;  // output pixels a Ghost module's cheap depthwise op makes together
    int strips = 0;        // parallel row strips of a Ghost bottleneck's depthwise stage
    int threads = 0;       // 1: a layer's row loops on one thread; 2: split among the threads
    int expansion = 0;     // a Ghost bottleneck's expansion: 1 stored whole; 2 made along its consumer
    int se_gate = 0;       // a squeeze-excite's gated map: 1 made a row at a time as read; 2 stored whole

    // A per-width knob set for the layers `width` pixels wide ("name@width=value").
    struct Scoped {
        int Tunables::*field;
        int width;
        int value;
    };
    std::vector<Scoped> scoped;  // in knob order, then by decreasing width

    // The value of `field` for a layer `width` pixels wide: its scoped value if set, else the
    // unscoped one (0: unset).
    int at(int Tunables::*field, int width) const;

    // Throws std::invalid_argument naming the bad item and what was expected.
    static Tunables parse(const std::string &text);
    // The canonical spelling: the set ones, in knob order, each knob's unscoped value before
    // its scoped ones ("" when none is set).
    std::string to_string() const;
    bool operator==(const Tunables &o) const { return to_string() == o.to_string(); }
};

// One tunable: its name, the values it may take and what it means.
struct TunableKnob {
    const char *name;
    int min, max;
    const char *meaning;
    int Tunables::*field;
    bool per_width;  // may be scoped to one width ("name@width")
};
const std::vector<TunableKnob> &tunable_knobs();

// The tunables held by a kept schedules/autotuned/<device>/<pipeline>.tunables file (written by
// ghostnet-autotune), given its text: lines starting with '#' are comments and blank lines are
// skipped; the one other line holds the tunables, "" when there is none (the search found the
// hand schedule's own choices fastest). Throws std::invalid_argument on a second such line.
// The one reader of that format: the generators' registry and ghostnet-autotune both use it.
std::string kept_tunables_line(const std::string &file_text);

}  // namespace schedules
}  // namespace ghostnet
