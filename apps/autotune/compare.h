// ghostnet-autotune --compare: a pipeline with every schedule there is for it (the hand
// schedule, Halide's three autoschedulers as they ship, and the schedule the device keeps),
// each compiled by ghostnet-generate and timed by the same benchmark backend in alternation
// for a number of rounds: a table of median, min, the ratio to hand and whether each one's
// logits agree with the hand schedule's.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "keep.h"

namespace ghostnet {
namespace autotune {

class Benchmark;

struct CompareSetup {
    std::filesystem::path work;  // each schedule in its own folder; hand's is also the check's reference
    std::string generate, target, device, pipeline;
    std::vector<std::string> network_flags;  // ghostnet-generate's flags for the pipeline
    bool q8 = false;                          // q8: the hand and kept schedules only
    int beam = 32, parallelism = 1;           // Adams2019 as shipped: its beam; the autoschedulers: the cores
    int jobs = 1, rounds = 1;
    double compile_timeout = 3600;
    std::vector<std::string> only;  // besides hand, only these (Adams2019, Mullapudi2016, Li2018, autotuned)
    KeptFiles kept;
    const Benchmark *bench = nullptr;
    // "" when a schedule's logits agree with the hand schedule's, else why not; empty: unchecked.
    std::function<std::string(const std::filesystem::path &)> check;
};

// Compiles (a folder compiled by the same command is reused), checks, times and prints the
// table; 130 on an interrupt, else 0.
int compare_schedules(const CompareSetup &setup);

}  // namespace autotune
}  // namespace ghostnet
