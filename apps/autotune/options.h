// ghostnet-autotune's options: what the user chose (the command line, add_options), the build's
// tools it runs (Tools, from CMake), and the checks that turn the two into a run's settings
// (resolve_options): bad choices are refused by name before anything compiles.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "ghostnet_arch.h"

namespace CLI {
class App;
}

namespace ghostnet {
namespace autotune {

// The build's files ghostnet-autotune runs or compiles with (CMake passes them; the Halide ones
// are the wheel's).
struct Tools {
    std::string source_dir;               // this project's source tree (apps/, runtime/, hexagon/)
    std::string cxx;                      // the C++ compiler the build used
    std::string halide_include;           // Halide's runtime headers
    std::string halide_version;           // for the record
    std::string rungen_main;              // Halide's RunGenMain.cpp
    std::string adams2019_plugin;         // libautoschedule_adams2019.so (its baked-in cost model)
    std::string featurization_to_sample;  // Halide's tools that turn a timing into a training sample
    std::string retrain_cost_model;       // ... and retrain the cost model on them
    std::vector<std::string> check_libs;  // this build's runtime libraries, for the check and the benchmark
    std::string hexagon_cflags;           // CMake's GHOSTNET_HEXAGON_CFLAGS, space-separated
    std::string hvx_work_plugin;          // the QEMU plugin that counts Hexagon packets

    // check_libs and the system libraries they need: what a program linked with this build's
    // runtime adds after its own objects.
    std::vector<std::string> runtime_libs() const;
};

struct Options {
    // What the user chose.
    std::string pipeline, device, target = "host";
    std::string runner = "{bench} {args}";
    std::string search = "Adams2019";  // Adams2019 | hand
    std::string strategy = "descent";  // --search hand: descent | random
    std::string start;                 // --search hand, descent: tunables to start from ("kept": the device's)
    double time_budget_min = 0;        // no new batch after this many minutes (0: none)
    // --search hand, descent: minutes for the per-width tunables on each width's layer group
    // first (layer_groups.h); -1: half of --time-budget where it applies, else none.
    double layer_groups_min = -1;
    int batches = 1, samples = 16, jobs = 0, beam = 32, epochs = 0, parallelism = 0;
    int seed = 0;
    double explore = 0.1;
    double compile_timeout = 3600, bench_timeout = 600;
    std::string work_dir, kept_dir;
    std::string generate, cxx, cxx_flags;
    bool overwrite = false, check = true;
    int compare_rounds = 0;    // --compare: benchmark the schedules side by side instead of tuning
    int confirm_rounds = 5;    // the winner against the hand schedule, in alternation, before keeping
    int confirm_top = 3;       // --search hand: the fastest this many choices are confirmed together
    int pair_rounds = 3;       // --search hand: rounds of each candidate against the hand schedule
    double min_speedup = 1.0;  // ... kept only at least this much faster (and beyond the noise)
    bool confirm = true;       // false: keep the search's winner untimed against hand
    std::string bench;         // runtime | rungen (default: runtime on this machine, else rungen)
    int bench_runs = 50, threads = 0;  // the runtime benchmark: runs per timing, threads (0: per core)
    std::string cache_dir = "autotune/cache";  // compiled candidates and check references by their command ("": none)
    std::vector<std::string> compare_only;

    // What resolve_options made of them.
    NetworkConfig cfg;
    bool q8 = false;
    bool hexagon = false;  // a hexagon-32-noos target: the runner.c benchmark, not RunGen
    bool local = true;     // the benchmark runs on this machine (no --runner, or qemu-hexagon)
    std::string clang, lld;       // Hexagon: the benchmark's compiler and linker
    std::string packet_counter;   // Hexagon under qemu-hexagon: the counting plugin

    bool hand_search() const { return search == "hand"; }
    // Every candidate's logits are checked against the hand schedule's (apps/autotune_check.cpp)
    // before it is timed: a wrong schedule must never win. The check runs on this machine, so
    // it needs a target this machine runs: the default runner and a host target.
    bool checking() const { return local && check; }
    // The network flags ghostnet-generate takes for this pipeline.
    std::vector<std::string> network_flags() const;
    // What decides which candidates a run compiles and how they are measured: the work
    // folder's identity (WorkFolder::claim) and the start of the kept record.
    nlohmann::json run_choices() const;
};

// The ghostnet-generate command that compiles o's pipeline for o.target with `schedule`
// ("hand", "Adams2019", ...) and `extra` flags, without an output folder: a compile's key in the
// cache (compile_cache.h); append {"-o", folder} to run it.
std::vector<std::string> generate_command(const Options &o, const std::string &schedule,
                                          const std::vector<std::string> &extra = {});

// The runner template that runs the benchmark on this machine.
constexpr const char *kLocalRunner = "{bench} {args}";

// The command line, into `o` (its defaults from `tools`: the compiler, the kept folder).
void add_options(CLI::App &app, Options &o, const Tools &tools);

// Checks the choices against each other, the target and the tools this machine has, and fills
// in the rest (defaults, the Hexagon runner under qemu-hexagon, the benchmark backend). Throws
// Failure (process.h) naming the option and what to do.
void resolve_options(Options &o, const Tools &tools);

}  // namespace autotune
}  // namespace ghostnet
