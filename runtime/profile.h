// Per-stage time of a profiling variant of a pipeline (CMake's ghostnet_add_network PROFILE:
// Halide's profile feature). Halide's sampling profiler notes, about every millisecond, which
// Func each running thread is in; the times here are those samples summed per Func, so they
// are statistics: run the pipeline many times (hundreds of milliseconds in all at least).
#pragma once

#include <string>
#include <vector>

namespace ghostnet {

struct StageTime {
    std::string name;  // the Halide Func (e.g. blocks_6_3_ghost1_primary_conv)
    double ms = 0;     // per run
    double percent = 0;  // of the pipeline's time
    double threads = 0;  // average worker threads busy while it ran
};

struct PipelineProfile {
    std::string pipeline;
    int runs = 0;
    double ms_per_run = 0;
    int samples = 0;
    std::vector<StageTime> stages;  // slowest first; stages never sampled are left out
};

// Forgets every profiling variant's times so far (call it after warm-up runs).
void reset_profiles();
// The times of `pipeline` (a profiling variant's function name) since the last reset; runs
// is 0 when it has not run. Reading them also resets them, so Halide prints no report of
// its own at exit.
PipelineProfile take_profile(const std::string &pipeline);

}  // namespace ghostnet
