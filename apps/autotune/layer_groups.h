// ghostnet-autotune --search hand --layer-groups: the per-width tunables ("strips@14",
// schedules/tunables.h) tuned first on each width's layer group alone. A layer group is the
// layers of the network on maps of one width (runtime/layer_group.h; ghostnet-generate
// --group W): it compiles in 2-5 s where the whole network takes 20-50 s, so
// the same minutes try several times more choices. Each width's descent (HandSearchSpace over
// its own knobs) scores a candidate against the group's hand schedule in alternated rounds
// (pair_with_hand), timed on this project's runtime as the whole network is (the runtime
// backend around apps/autotune_group_bench.cpp; with --runner, Halide's RunGen). Each width's
// fastest few are then re-timed against its hand schedule in alternated rounds (confirm(),
// never_worse.h), a width keeping a choice only when it wins beyond the noise; the widths'
// choices are assembled into one, which the whole-network descent starts from and its
// confirmation judges as any other (never worse than the hand schedule holds for the network).
//
// Work folder: <work>/groups/w<W>/batch_NNN/sample_NNN/, laid out as the whole network's
// samples (work_folder.h), so the same command resumes; compiles go through the compile cache.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "hand_search.h"

namespace ghostnet {
namespace autotune {

class Benchmark;
class CompileCache;
struct Options;

// The widths the knobs name ("conv_pixels@14" -> 14), in the knobs' order (widest first).
std::vector<int> knob_widths(const std::vector<Knob> &knobs);
// The knobs scoped to `width` alone: the search space of its layer group.
std::vector<Knob> width_knobs(const std::vector<Knob> &knobs, int width);
// The widths' choices as one choice of `space` (each names only its own width's knobs), in the
// canonical spelling the search writes.
std::string assemble(const HandSearchSpace &space, const std::vector<std::string> &width_choices);

struct GroupSearchSetup {
    const Options *options = nullptr;
    std::filesystem::path work;        // <work>/groups
    const CompileCache *cache = nullptr;
    // The benchmark of one width's group, prepared (its work folder's pieces made).
    std::function<const Benchmark &(int width)> bench;
    double budget_s = 0;               // stop starting batches after this long
};

struct GroupSearchResult {
    std::string assembled;  // the widths' choices as one ("" when every width keeps its own)
    // For the kept record: per width its choices measured, the one it keeps, the verdict.
    nlohmann::json record = nlohmann::json::array();
    double seconds = 0;
};

// Runs the per-width descents, one batch of each width a round, until a round starts with the
// budget spent (the first always runs) or every width has converged; confirms each width's
// fastest and assembles the choices. Prints each candidate, each confirmation and each width's
// choice.
GroupSearchResult search_layer_groups(const GroupSearchSetup &setup, const HandSearchSpace &space);

}  // namespace autotune
}  // namespace ghostnet
