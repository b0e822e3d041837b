// ghostnet-autotune --search hand: the space of the hand schedule's tunable choices and the two
// ways through it. Plain logic, no files or processes, so tests drive it directly
// (tests/test_autotune_search.cpp).
//
// A choice is written as Tunables are ("conv_pixels=4,strips@7=2", schedules/tunables.h), in
// the knobs' order; "" is the hand schedule as written.
#pragma once

#include <string>
#include <vector>

namespace ghostnet {
namespace autotune {

// A tunable of the hand schedule, as ghostnet-generate --list-tunables prints it: a per-width
// knob once for all widths ("conv_pixels") and once per width ("conv_pixels@14").
struct Knob {
    std::string name;
    int min = 0, max = 0;
};

// --list-tunables output ("name min max meaning" a line) as knobs, in its order.
std::vector<Knob> parse_knob_list(const std::string &text);

class HandSearchSpace {
public:
    explicit HandSearchSpace(std::vector<Knob> knobs) : knobs_(std::move(knobs)) {}
    const std::vector<Knob> &knobs() const { return knobs_; }

    // A choice as one value per knob (0: unset, the hand schedule's own choice) and back.
    std::vector<int> values(const std::string &choice) const;
    std::string choice(const std::vector<int> &values) const;
    // Why `choice` is no choice of this space ("": it is one): an item that is not
    // "name=value", a name no knob has, a value outside the knob's range.
    std::string invalid(const std::string &choice) const;

    // The choices one knob away from `choice`: from an unset knob up to six values spread over
    // its range (a per-width knob whose all-widths knob is set: that value's two neighbours);
    // from a set one, its two neighbours and unset.
    std::vector<std::string> neighbours(const std::string &choice) const;

    // The candidates of batch `batch` (at most `samples`; fewer, or none, when the search has
    // run out of untried choices), given every choice tried in earlier batches and the fastest
    // of them ("" before any):
    //   descent: batch 0 is the hand schedule as written, `start` (when not "") and choices
    //   one knob away from `start`; each later batch the untried choices one knob away from the
    //   fastest so far, so the search walks downhill from `start` one knob at a time.
    //   random: the hand schedule, then seeded random choices (each knob unset or a value).
    // Both depend only on the seed and the earlier batches, so a resumed run makes the same.
    std::vector<std::string> batch(const std::string &strategy, int seed, int batch, int samples,
                                   const std::vector<std::string> &tried, const std::string &fastest,
                                   const std::string &start = "") const;

private:
    int all_widths_knob(size_t k) const;  // the knob "a@w" narrows ("a"), or -1
    std::vector<Knob> knobs_;
};

}  // namespace autotune
}  // namespace ghostnet
