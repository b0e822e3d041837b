// ghostnet-autotune: tunes a network's schedule for one device with Halide's Adams2019
// autoscheduler and keeps the winner in schedules/autotuned/<device>/.
//
// The loop (what Halide's autotune_loop.sh does, without its 32 cores and source-tree layout):
// per batch, compile M candidate schedules in parallel (sample 0 a beam search, the others
// random probes guided by the cost model, each seeded), benchmark each on the device (locally,
// or through a runner command such as ssh or adb), turn (featurization, time) into training
// samples, retrain the device's cost model on every sample so far, and keep the fastest. The
// work folder holds everything; running the same command again resumes where it stopped.
//
// Candidates are compiled by ghostnet-generate (--schedule Adams2019) and benchmarked on this
// machine through this project's runtime as the apps run them (apps/autotune_bench.cpp,
// --bench runtime), or by Halide's RunGen harness (RunGenMain.cpp, inputs filled from the
// pipeline's estimates; --bench rungen, the default with --runner). This program itself links
// no Halide.
//
// --search hand tunes the hand schedule instead, for targets Adams2019 does not model: each
// candidate is the hand schedule with a choice of its tunables (schedules/tunables.h, per map
// width where a knob allows; the first candidate is the hand schedule as written), compiled and
// measured the same way; the confirmed fastest choice is kept as
// schedules/autotuned/<device>/<pipeline>.tunables. For a Hexagon target (q8 networks) the
// benchmark is hexagon/runner.c linked with the candidate, run on a job file of random weights
// (apps/autotune_hexagon_job.cpp) by default under qemu-hexagon, where it is measured by the
// packets one run executes (counted by hexagon/hvx_work.c; deterministic), not by the
// emulator's time; its output must equal the hand schedule's byte for byte.
//
// The pieces that link neither Halide nor the network live in apps/autotune/: process.h
// (children and the pool that runs them, logs, whole-file writes, interrupts), benchmark.h (the runtime, RunGen and
// Hexagon benchmark backends behind one interface, run through the runner template),
// work_folder.h (the batches and samples on disk, their results and ranking), hand_search.h
// (the hand schedule's search space and the descent and random strategies), adams2019.h and
// cost_model_weights.h (Adams2019's candidates, training samples, retraining, weights files and
// kept header), compile_cache.h (compiled candidates by their command), never_worse.h (the
// confirmation against the hand schedule and the keep-or-refuse rule), keep.h (the files kept
// in schedules/autotuned/<device>/) and compare.h (--compare). This file is the loop around
// them: options, the work folder's identity, compiling, checking, benchmarking each sample, and
// what is kept.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "autotune/adams2019.h"
#include "autotune/benchmark.h"
#include "autotune/compare.h"
#include "autotune/compile_cache.h"
#include "autotune/cost_model_weights.h"
#include "autotune/hand_search.h"
#include "autotune/keep.h"
#include "autotune/never_worse.h"
#include "autotune/process.h"
#include "autotune/work_folder.h"
#include "ghostnet_arch.h"
#include "timing.h"
#include "tunables.h"

#ifndef GHOSTNET_SOURCE_DIR
#define GHOSTNET_SOURCE_DIR "."
#endif
#ifndef GHOSTNET_CXX
#define GHOSTNET_CXX "c++"
#endif
// Halide's files (CMake passes the wheel's; these defaults only let the file compile alone).
#ifndef GHOSTNET_RUNGEN_MAIN
#define GHOSTNET_RUNGEN_MAIN "RunGenMain.cpp"
#endif
#ifndef GHOSTNET_HALIDE_INCLUDE
#define GHOSTNET_HALIDE_INCLUDE "include"
#endif
#ifndef GHOSTNET_ADAMS2019_PLUGIN
#define GHOSTNET_ADAMS2019_PLUGIN "libautoschedule_adams2019.so"
#endif
#ifndef GHOSTNET_FEATURIZATION_TO_SAMPLE
#define GHOSTNET_FEATURIZATION_TO_SAMPLE "featurization_to_sample"
#endif
#ifndef GHOSTNET_RETRAIN_COST_MODEL
#define GHOSTNET_RETRAIN_COST_MODEL "adams2019_retrain_cost_model"
#endif
#ifndef GHOSTNET_CHECK_LIBS
#define GHOSTNET_CHECK_LIBS ""  // '|'-separated: this build's runtime libraries, for the check
#endif
#ifndef GHOSTNET_HEXAGON_CFLAGS
#define GHOSTNET_HEXAGON_CFLAGS ""  // CMake's GHOSTNET_HEXAGON_CFLAGS, space-separated
#endif
#ifndef GHOSTNET_HALIDE_VERSION
#define GHOSTNET_HALIDE_VERSION "unknown"
#endif

namespace {

using namespace ghostnet;
using namespace ghostnet::autotune;
using nlohmann::json;

struct Options {
    std::string pipeline, device, target = "host";
    std::string runner = "{bench} {args}";
    std::string search = "Adams2019";  // Adams2019 | hand
    std::string strategy = "descent";  // --search hand: descent | random
    std::string start;                 // --search hand, descent: tunables to start from ("kept": the device's)
    double time_budget_min = 0;        // no new batch after this many minutes (0: none)
    int batches = 1, samples = 16, jobs = 0, beam = 32, epochs = 0, parallelism = 0;
    int seed = 0;
    double explore = 0.1;
    double compile_timeout = 3600, bench_timeout = 600;
    std::string work_dir, kept_dir = std::string(GHOSTNET_SOURCE_DIR) + "/schedules/autotuned";
    std::string generate, cxx = GHOSTNET_CXX, cxx_flags;
    bool overwrite = false, check = true;
    int compare_rounds = 0;  // --compare: benchmark the schedules side by side instead of tuning
    int confirm_rounds = 5;    // the winner against the hand schedule, in alternation, before keeping
    int confirm_top = 3;       // --search hand: the fastest this many choices are confirmed together
    int pair_rounds = 3;       // --search hand: rounds of each candidate against the hand schedule
    double min_speedup = 1.0;  // ... kept only at least this much faster (and beyond the noise)
    bool confirm = true;       // false: keep the search's winner untimed against hand
    std::string bench;         // runtime | rungen (default: runtime on this machine, else rungen)
    int bench_runs = 50, threads = 0;  // the runtime benchmark: runs per timing, threads (0: per core)
    std::string cache_dir = "autotune/cache";  // compiled candidates and check references by their command ("": none)
    std::vector<std::string> compare_only;
};

class Tuner {
public:
    explicit Tuner(Options o) : o_(std::move(o)) {}

    int main() {
        check_options();
        if (o_.compare_rounds > 0) return compare();
        prepare_work_dir();
        std::printf("ghostnet-autotune: %s on device '%s' (%s), %d batch(es) of %d samples, %d compile jobs\n"
                    "  work folder %s\n",
                    o_.pipeline.c_str(), o_.device.c_str(), o_.target.c_str(), o_.batches, o_.samples, o_.jobs,
                    work_.c_str());
        if (hand_search()) read_knobs();  // first: a bad --start fails before anything compiles
        prepare_benchmark_harness();
        prepare_check();
        if (!hand_search() && !fs::exists(weights())) {
            const fs::path plugin = fs::path(GHOSTNET_ADAMS2019_PLUGIN);
            write_text(weights(), baseline_weights(plugin));
            std::printf("starting from the cost model baked into %s\n", plugin.c_str());
        }
        const auto start = Clock::now();
        for (int b = 0; b < o_.batches && !g_interrupted; b++) {
            if (o_.time_budget_min > 0 && seconds_since(start) > 60 * o_.time_budget_min) {
                std::printf("time budget of %g minutes spent: no more batches (%d of %d run)\n", o_.time_budget_min, b,
                            o_.batches);
                break;
            }
            if (!run_batch(b)) break;
        }
        if (g_interrupted) {
            std::printf("interrupted: finished samples are kept in %s; run the same command to resume\n",
                        work_.c_str());
            return 130;
        }
        return keep_best();
    }

private:
    static constexpr const char *kLocalRunner = "{bench} {args}";

    Options o_;
    fs::path work_;
    WorkFolder folder_;  // work_'s samples
    KeptFiles kept_;     // what the device keeps for the pipeline
    HandSearchSpace space_{{}};  // --search hand
    std::string start_;          // --search hand: where the descent starts ("": the hand schedule)
    // Each batch's candidates, once worked out (earlier batches' results no longer change).
    mutable std::map<int, std::vector<std::string>> candidates_;

    bool local_ = true;    // the benchmark runs on this machine (no --runner, or qemu-hexagon)
    std::string packet_counter_;  // Hexagon under qemu-hexagon: the counting plugin
    bool hexagon_ = false; // a hexagon-32-noos target: the runner.c benchmark, not RunGen
    std::string clang_, lld_;
    std::unique_ptr<Benchmark> bench_;
    CompileCache cache_;  // --search hand's compiled candidates

    bool hand_search() const { return o_.search == "hand"; }
    NetworkConfig cfg_;
    bool q8_ = false;

    fs::path weights() const { return work_ / "updated.weights"; }
    void check_options() {
        if (!parse_network_name(o_.pipeline, &cfg_, &q8_))
            throw Failure("--pipeline '" + o_.pipeline +
                          "' is not a network name. Names are ghostnet_w<width x 100>_s<size>[_c<channels>]"
                          "[_k<classes>][_small], as ghostnet-generate names a network: e.g. ghostnet_w100_s224 "
                          "(GhostNet 1.0x, 224x224x3, 1000 classes) or ghostnet_w050_s32_c1_k10_small (the "
                          "bundled Fashion-MNIST model)");
        hexagon_ = o_.target.find("hexagon") != std::string::npos;
        if (!hexagon_ && o_.target.find("hvx") != std::string::npos)
            throw Failure("--target " + o_.target +
                          ": an offloading (ARM host + HVX) library runs only on a device with a DSP and "
                          "FastRPC, which no runner here reaches; tune hexagon-32-noos-hvx_128, the DSP "
                          "itself, whose Hexagon schedule the offloaded stages use too");
        local_ = o_.runner == kLocalRunner;
        if (hexagon_) {
            if (!hand_search())
                throw Failure("--target " + o_.target +
                              ": Adams2019 does not model HVX; tune the Hexagon hand schedule's tunables with "
                              "--search hand");
            if (!q8_)
                throw Failure("--target " + o_.target + ": HVX runs q8 networks only; tune " + o_.pipeline + "_q8");
            if (o_.compare_rounds > 0)
                throw Failure("--compare runs Halide's autoschedulers, which do not schedule HVX; a Hexagon "
                              "search prints the hand schedule's own time as its first sample");
            if (std::string(GHOSTNET_HEXAGON_CFLAGS).empty())
                throw Failure("this ghostnet-autotune was built without the Hexagon compile flags "
                              "(GHOSTNET_HEXAGON_CFLAGS); build it with the project's CMake");
            clang_ = find_tool("clang-14");
            lld_ = find_tool("ld.lld-14");
            if (clang_.empty() || lld_.empty())
                throw Failure("--target " + o_.target + ": the Hexagon benchmark is built with clang-14 and "
                              "ld.lld-14 (apt-get install clang-14 lld-14)");
            if (local_) {
                const std::string qemu = find_tool("qemu-hexagon");
                if (qemu.empty())
                    throw Failure("--target " + o_.target + ": without --runner the benchmark runs under "
                                  "qemu-hexagon, which is not installed (apt-get install qemu-user)");
                // Counted, not timed: the plugin writes the run's packets to {dir}/counts.tsv.
                o_.runner = shell_quote(qemu) + " -plugin " + shell_quote(GHOSTNET_HVX_WORK_PLUGIN) +
                            ",out={dir}/counts.tsv {bench} {args}";
                packet_counter_ = GHOSTNET_HVX_WORK_PLUGIN;
                if (!fs::exists(packet_counter_))
                    throw Failure("--target " + o_.target + ": the packet-counting QEMU plugin " + packet_counter_ +
                                  " is missing; build it (cmake --build build --target hvx_work)");
            }
        }
        if (hexagon_) {
            if (!o_.bench.empty())
                throw Failure("--bench " + o_.bench + ": a Hexagon target is timed by hexagon/runner.c; leave --bench out");
            o_.bench = "hexagon";
        } else if (o_.bench.empty()) {
            o_.bench = local_ ? "runtime" : "rungen";
        } else if (o_.bench == "runtime" && !local_) {
            throw Failure("--bench runtime links the candidate with this build's runtime libraries, which run on "
                          "this machine only; with --runner use --bench rungen");
        } else if (o_.bench != "runtime" && o_.bench != "rungen") {
            throw Failure("--bench '" + o_.bench + "': expected runtime or rungen");
        }
        if (o_.bench_runs < 1) throw Failure("--bench-runs must be at least 1");
        if (o_.threads < 0) throw Failure("--threads must be 0 (one per core) or more");
        if (q8_ && !hand_search() && o_.compare_rounds == 0)
            throw Failure("--pipeline " + o_.pipeline +
                          ": q8 networks are not tuned with Adams2019: their kept schedules would have no test "
                          "against the q8 reference yet; tune the fp32 network, or the hand schedule's tunables "
                          "(--search hand)");

        static const std::regex device_re("[A-Za-z0-9][A-Za-z0-9_.-]*");
        if (!std::regex_match(o_.device, device_re))
            throw Failure("--device '" + o_.device +
                          "': a device name is letters, digits, '.', '_' and '-' (it names the folder "
                          "schedules/autotuned/<device>/)");
        if (o_.batches < 1) throw Failure("--batches must be at least 1");
        if (!o_.start.empty() && (!hand_search() || o_.strategy != "descent"))
            throw Failure("--start '" + o_.start + "': only the descent of --search hand starts from given tunables");
        if (o_.samples < 1) throw Failure("--samples must be at least 1");
        if (o_.beam < 1) throw Failure("--beam must be at least 1");
        if (o_.explore < 0) throw Failure("--explore must be 0 or more");
        const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
        if (o_.jobs <= 0) o_.jobs = cores;
        if (o_.parallelism <= 0) o_.parallelism = cores;
        if (o_.epochs <= 0) o_.epochs = std::max(o_.samples, 8);
        if (o_.runner.find("{bench}") == std::string::npos)
            throw Failure("--runner '" + o_.runner + "' has no {bench}: the template must run the benchmark "
                          "program, e.g. \"{bench} {args}\" or \"scp {bench} board:/tmp/b && ssh board /tmp/b {args}\"");
        if (o_.generate.empty()) {
            std::error_code ec;
            const fs::path self = fs::read_symlink("/proc/self/exe", ec);
            o_.generate = (self.parent_path() / "ghostnet-generate").string();
        }
        if (!fs::exists(o_.generate))
            throw Failure("--generate " + o_.generate + ": ghostnet-generate is not there (it compiles the candidates)");
        for (const char *file : {GHOSTNET_FEATURIZATION_TO_SAMPLE, GHOSTNET_RETRAIN_COST_MODEL, GHOSTNET_RUNGEN_MAIN})
            if (!fs::exists(file))
                throw Failure(std::string(file) + " is missing (the halide wheel from PyPI ships it: "
                              "scripts/install_deps.sh)");

        kept_ = KeptFiles(o_.kept_dir, o_.device, o_.pipeline);
        cache_ = CompileCache(o_.cache_dir);
        if (!o_.overwrite && o_.compare_rounds == 0) kept_.refuse_overwrite();
    }

    // What decides which candidates a run compiles and how they are measured.
    json run_choices() const {
        json choices = {{"pipeline", o_.pipeline}, {"device", o_.device},        {"target", o_.target},
                        {"runner", o_.runner},     {"samples_per_batch", o_.samples}, {"seed", o_.seed},
                        {"checked", checking()},   {"search", o_.search},
                        {"bench", o_.bench}};
        if (o_.bench == "runtime") choices.update({{"bench_runs", o_.bench_runs}, {"threads", o_.threads}});
        if (!hand_search()) choices.update({{"beam", o_.beam}, {"explore", o_.explore}});
        else choices["strategy"] = o_.strategy;
        if (hand_search() && !o_.start.empty()) choices["start"] = o_.start;
        return choices;
    }

    // The work folder records what it was started with; resuming with other choices would mix
    // samples of different pipelines, targets or devices in one cost model.
    void prepare_work_dir() {
        work_ = o_.work_dir.empty() ? fs::path("autotune") / o_.device / o_.pipeline : fs::path(o_.work_dir);
        fs::create_directories(work_);
        folder_ = WorkFolder(work_);
        const json identity = run_choices();
        const fs::path record = work_ / "autotune.json";
        if (fs::exists(record)) {
            json old;
            try {
                old = json::parse(read_text(record));
            } catch (const std::exception &e) {
                throw Failure(record.string() + " is not JSON (" + e.what() + "); remove the work folder or pass another --work");
            }
            if (old != identity)
                throw Failure("--work " + work_.string() + " holds a run started with other choices (" + old.dump() +
                              "); use the same choices to resume, or another --work folder");
            std::printf("resuming the run in %s\n", work_.c_str());
        } else {
            write_text(record, identity.dump(2) + "\n");
        }
    }

    // Every candidate's logits are checked against the hand schedule's (apps/autotune_check.cpp)
    // before it is timed: a wrong schedule must never win. The check runs on this machine, so
    // it needs a target this machine runs: the default runner and a host target.
    bool checking() const { return local_ && o_.check; }

    // Where the hand-scheduled network the check compares with is compiled (as hand_schedule):
    // its own folder when tuning; --compare's hand variant, which is the same library.
    // On Hexagon the reference is the first candidate, the hand schedule as written (its output
    // on the benchmark's job; a whole q8 network takes minutes to compile for HVX).
    fs::path check_reference_dir() const {
        if (hexagon_) return folder_.sample(0, 0);
        return work_ / (o_.compare_rounds > 0 ? "hand" : "check_reference");
    }

    void prepare_check() {
        if (!checking()) {
            std::printf("candidates are not checked for correctness here (%s): the kept schedule's test "
                        "(test_autotuned) checks it on this machine\n",
                        o_.check ? "they run on another device" : "--no-check");
            return;
        }
        if (hexagon_) {
            std::printf("candidates are checked against the output of the first, the hand schedule as written\n");
            return;
        }
        const fs::path dir = check_reference_dir();
        if (fs::exists(dir / "hand_schedule.a")) return;
        fs::create_directories(dir);
        std::vector<std::string> cmd = {o_.generate, "--target", o_.target, "--schedule", "hand", "--name",
                                        "hand_schedule", "--overwrite"};
        const std::vector<std::string> net = network_flags();
        cmd.insert(cmd.end(), net.begin(), net.end());
        // The same library in every work folder of this network and target: compiled once
        // (--compare's folder is its own: its hand variant is this library, compiled there).
        const CompileCache cache = o_.compare_rounds > 0 ? CompileCache() : cache_;
        const std::string key = CompileCache::key(cmd);
        if (cache.fetch(key, dir)) {
            std::printf("the hand-scheduled network for checking candidates: compiled before (from %s)\n",
                        o_.cache_dir.c_str());
            return;
        }
        std::printf("compiling the hand-scheduled network once, for checking candidates...\n");
        cmd.insert(cmd.end(), {"-o", dir.string()});
        if (run(cmd, {}, dir / "compile.log", o_.compile_timeout) != 0)
            throw Failure("compiling the hand-scheduled network failed:\n" + tail(dir / "compile.log"));
        cache.store(key, dir);
    }

    void add_check_libs(std::vector<std::string> *cmd) const {
        std::istringstream libs(GHOSTNET_CHECK_LIBS);
        for (std::string lib; std::getline(libs, lib, '|');)
            if (!lib.empty()) cmd->push_back(lib);
        cmd->insert(cmd->end(), {"-ldl", "-lpthread"});
    }

    // Builds and runs the check program for the candidate in `dir`; "" when its logits agree
    // with the hand schedule's, else the reason.
    std::string check(const fs::path &dir) const {
        if (hexagon_) {  // the benchmark has run: its output against the hand schedule's
            const fs::path ref = check_reference_dir() / "out.bin";
            if (!fs::exists(ref))
                return "check: nothing to check against: the hand schedule as written (batch 1 sample 1) did not run";
            if (read_text(dir / "out.bin") == read_text(ref)) return "";
            return "check: wrong logits: the output differs from the hand schedule's (q8 must match exactly)";
        }
        const fs::path runtime = emitted(dir).runtime;
        std::vector<std::string> cmd = {o_.cxx, "-std=c++17", "-O1", "-I", GHOSTNET_HALIDE_INCLUDE,
                                        "-I", std::string(GHOSTNET_SOURCE_DIR) + "/runtime",
                                        q8_ ? "-DGHOSTNET_Q8" : "-DGHOSTNET_FP32",
                                        "-DGHOSTNET_CANDIDATE=" + emitted(dir).name,
                                        "-DGHOSTNET_PIPELINE=\"" + o_.pipeline + "\"",
                                        std::string(GHOSTNET_SOURCE_DIR) + "/apps/autotune_check.cpp",
                                        emitted(dir).library.string(),
                                        (check_reference_dir() / "hand_schedule.a").string(), runtime.string()};
        add_check_libs(&cmd);
        cmd.insert(cmd.end(), {"-o", (dir / "check").string()});
        if (run(cmd, {}, dir / "check_build.log", 600) != 0)
            return "the check program did not build (see " + (dir / "check_build.log").string() + ")";
        const int rc = run({(dir / "check").string()}, {}, dir / "check.txt", o_.bench_timeout);
        std::string out = read_text(dir / "check.txt");
        while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
        if (rc == 0) return "";
        return out.empty() ? "the check program failed (exit " + std::to_string(rc) + ")" : out;
    }

    // The benchmark backend (apps/autotune/benchmark.h) for the work folder, its pieces made.
    void prepare_benchmark_harness() {
        BenchmarkSetup setup;
        setup.work = work_;
        setup.runner = o_.runner;
        setup.timeout = o_.bench_timeout;
        setup.cxx = o_.cxx;
        setup.cxx_flags = o_.cxx_flags;
        setup.source_dir = GHOSTNET_SOURCE_DIR;
        setup.halide_include = GHOSTNET_HALIDE_INCLUDE;
        setup.rungen_main = GHOSTNET_RUNGEN_MAIN;
        setup.clang = clang_;
        setup.lld = lld_;
        setup.hexagon_cflags = GHOSTNET_HEXAGON_CFLAGS;
        setup.pipeline = o_.pipeline;
        add_check_libs(&setup.host_libs);
        setup.packet_counter = packet_counter_;
        setup.q8 = q8_;
        setup.runs = o_.bench_runs;
        setup.threads = o_.threads;
        bench_ = hexagon_ ? hexagon_benchmark(setup)
                 : o_.bench == "runtime" ? runtime_benchmark(setup) : rungen_benchmark(setup);
        bench_->prepare();
    }

    // The network flags ghostnet-generate takes for this pipeline.
    std::vector<std::string> network_flags() const {
        std::ostringstream w;
        w << cfg_.width;
        return {"--width", w.str(), "--size", std::to_string(cfg_.input_size),
                "--channels", std::to_string(cfg_.in_channels), "--classes", std::to_string(cfg_.num_classes),
                "--variant", variant_name(cfg_.variant), "--version", version_name(cfg_.version),
                "--precision", q8_ ? "q8" : "fp32"};
    }

    // Compile, then benchmark, every sample of batch b that has no result yet; then retrain.
    // One batch: compile its candidates, benchmark them, (Adams2019) retrain. false when the
    // search has nothing left to try.
    bool run_batch(int b) {
        const fs::path bdir = folder_.batch(b);
        if (fs::exists(bdir / "retrained")) {
            std::printf("[batch %d/%d] done earlier (%s)\n", b + 1, o_.batches, bdir.c_str());
            return true;
        }
        const int samples = batch_size(b);
        if (samples == 0) {
            std::printf("[batch %d/%d] every neighbour of the best choice has been measured: the search has "
                        "converged\n", b + 1, o_.batches);
            return false;
        }
        fs::create_directories(bdir);
        // The cost model this batch's candidates were chosen with, for reproducing them.
        if (fs::exists(weights())) fs::copy_file(weights(), bdir / "used.weights", fs::copy_options::overwrite_existing);
        const auto batch_start = Clock::now();

        std::vector<int> todo;
        for (int s = 0; s < samples; s++)
            if (WorkFolder::read_result(folder_.sample(b, s)).is_null()) todo.push_back(s);
        if (todo.size() < size_t(samples))
            std::printf("[batch %d/%d] %zu of %d samples finished earlier\n", b + 1, o_.batches,
                        samples - todo.size(), samples);

        // Compile in parallel, up to --jobs at once.
        std::vector<int> compiled;
        run_pool(todo.size(), o_.jobs, [&](size_t i) -> std::optional<Child> { return start_compile(b, todo[i]); },
                 [&](size_t i, int rc, double secs) {
                     if (rc == 130) return;  // interrupted
                     const int s = todo[i];
                     const fs::path dir = folder_.sample(b, s);
                     if (rc != 0) {
                         const std::string why = rc == 124 ? "timed out" : "failed (exit " + std::to_string(rc) + ")";
                         std::printf("[batch %d/%d] sample %d/%d: compile %s after %.0f s, see %s\n", b + 1, o_.batches,
                                     s + 1, samples, why.c_str(), secs, (dir / "compile.log").c_str());
                         write_text(dir / "result.json",
                                    json{{"status", "compile " + why}, {"compile_s", secs}}.dump() + "\n");
                     } else {
                         std::printf("[batch %d/%d] sample %d/%d: compiled in %.0f s\n", b + 1, o_.batches, s + 1,
                                     samples, secs);
                         compiled.push_back(s);
                         write_text(dir / "compiled", std::to_string(secs) + "\n");
                         if (hand_search() && !fs::exists(dir / "cached"))
                             cache_.store(read_text(dir / "cache_key.txt"), dir);
                     }
                 });
        // Samples compiled in an interrupted run but not benchmarked.
        for (int s : todo)
            if (std::find(compiled.begin(), compiled.end(), s) == compiled.end() &&
                fs::exists(folder_.sample(b, s) / "compiled") && WorkFolder::read_result(folder_.sample(b, s)).is_null())
                compiled.push_back(s);
        std::sort(compiled.begin(), compiled.end());

        // Benchmark one at a time: candidates must not share the device.
        for (int s : compiled) {
            if (g_interrupted) return false;
            benchmark(b, s);
        }
        if (g_interrupted) return false;
        if (!hand_search()) retrain();
        write_text(bdir / "retrained", "\n");  // the batch is done
        std::printf("[batch %d/%d] done in %.0f s; best so far %s\n", b + 1, o_.batches, seconds_since(batch_start),
                    best_text().c_str());
        std::fflush(stdout);
        return true;
    }

    Child start_compile(int b, int s) {
        const fs::path dir = folder_.sample(b, s);
        fs::remove_all(dir);
        fs::create_directories(dir);
        if (hand_search()) {
            const std::string tunables = candidate_tunables(b, s);
            write_text(dir / "tunables.txt", tunables + "\n");
            std::vector<std::string> cmd = {o_.generate, "--target", o_.target, "--schedule", "hand"};
            const std::vector<std::string> extra = bench_->generate_flags();
            cmd.insert(cmd.end(), extra.begin(), extra.end());
            if (!tunables.empty()) cmd.insert(cmd.end(), {"--tunables", tunables});
            const std::vector<std::string> net = network_flags();
            cmd.insert(cmd.end(), net.begin(), net.end());
            const std::string key = CompileCache::key(cmd);  // the command but its output folder
            cmd.insert(cmd.end(), {"-o", dir.string()});
            const std::string what = tunables.empty() ? "its own choices" : tunables;
            write_text(dir / "cache_key.txt", key);
            if (cache_.fetch(key, dir)) {
                write_text(dir / "cached", "\n");
                std::printf("[batch %d/%d] sample %d/%zu: the hand schedule with %s, compiled before (from %s)\n", b + 1,
                            o_.batches, s + 1, batch_candidates(b).size(), what.c_str(), o_.cache_dir.c_str());
                return spawn({"true"}, {}, dir / "compile.log", 0);
            }
            std::printf("[batch %d/%d] sample %d/%zu: compiling the hand schedule with %s\n", b + 1, o_.batches, s + 1,
                        batch_candidates(b).size(), what.c_str());
            write_text(dir / "command.txt", [&] {
                std::string line;
                for (const std::string &a : cmd) line += shell_quote(a) + " ";
                return line + "\n";
            }());
            return spawn(cmd, {}, dir / "compile.log", o_.compile_timeout);
        }
        // Sample 0 of each batch is the cost model's best effort (beam search, no randomness);
        // the others are random probes around it that teach the model.
        const bool beam_sample = s == 0;
        const int seed = o_.seed * 1000003 + b * 1000 + s;
        // Sample 0 asks the device's cost model as it is; the probes ask perturbed copies.
        fs::path model = weights();
        if (!beam_sample && o_.explore > 0) {
            model = dir / "probe.weights";
            write_text(model, perturbed_weights(read_text(weights()), uint32_t(seed), o_.explore));
        }
        std::vector<std::string> cmd = {o_.generate, "--target", o_.target, "--schedule", "Adams2019",
                                        "--also", "schedule,featurization,registration", "-o", dir.string()};
        const std::vector<std::string> net = network_flags();
        cmd.insert(cmd.end(), net.begin(), net.end());
        const std::vector<std::string> params = candidate_params(seed, beam_sample, o_.beam, o_.parallelism, model);
        cmd.insert(cmd.end(), params.begin(), params.end());
        write_text(dir / "command.txt", [&] {
            std::string line;
            for (const std::string &a : cmd) line += shell_quote(a) + " ";
            return line + "\n";
        }());
        return spawn(cmd, {}, dir / "compile.log", o_.compile_timeout);
    }

    // The hand schedule's tunables for this network: ghostnet-generate --list-tunables, one
    // "name min max meaning" a line (a per-width knob once for all widths, then once per width).
    void read_knobs() {
        const fs::path list = work_ / "tunables.list";
        std::vector<std::string> cmd = {o_.generate, "--list-tunables"};
        const std::vector<std::string> net = network_flags();
        cmd.insert(cmd.end(), net.begin(), net.end());
        if (run(cmd, {}, list, 60) != 0)
            throw Failure(o_.generate + " --list-tunables failed:\n" + tail(list));
        space_ = HandSearchSpace(parse_knob_list(read_text(list)));
        if (space_.knobs().empty()) throw Failure(o_.generate + " --list-tunables listed no tunables (see " + list.string() + ")");
        start_ = o_.start == "kept" ? kept_.tunables_line("--start kept") : o_.start;
        const std::string bad = space_.invalid(start_);
        if (!bad.empty())
            throw Failure("--start '" + start_ + "'" + (o_.start == "kept" ? " (" + kept_.tunables().string() + ")" : "") +
                          ": " + bad + " (" + list.string() + " lists the tunables of " + o_.pipeline + ")");
        start_ = space_.choice(space_.values(start_));  // the canonical spelling, as the search writes choices
    }

    // The candidates of batch b for --search hand (HandSearchSpace::batch), from the choices
    // earlier batches tried and the fastest of them.
    const std::vector<std::string> &batch_candidates(int b) const {
        auto found = candidates_.find(b);
        if (found != candidates_.end()) return found->second;
        std::vector<std::string> tried;
        std::vector<json> measured;
        folder_.each_sample(
            [&](int, int, const fs::path &d) {
                tried.push_back(WorkFolder::sample_tunables(d));
                json r = WorkFolder::read_result(d);
                if (is_ok(r)) measured.push_back(std::move(r));
            },
            /*before_batch=*/b);
        const json *fastest = best(measured);
        return candidates_[b] = space_.batch(o_.strategy, o_.seed, b, o_.samples, tried,
                                             fastest ? fastest->value("tunables", "") : "", start_);
    }

    std::string candidate_tunables(int b, int s) const { return batch_candidates(b).at(size_t(s)); }
    int batch_size(int b) const { return hand_search() ? int(batch_candidates(b).size()) : o_.samples; }

    void benchmark(int b, int s) {
        const fs::path dir = folder_.sample(b, s);
        auto fail = [&](const std::string &why, const fs::path &log) {
            std::printf("[batch %d/%d] sample %d/%d: %s, see %s\n", b + 1, o_.batches, s + 1, batch_size(b), why.c_str(),
                        log.c_str());
            write_text(dir / "result.json", json{{"status", why}}.dump() + "\n");
        };
        if (checking() && !hexagon_) {
            const std::string wrong = check(dir);
            if (g_interrupted) return;
            if (!wrong.empty()) return fail("rejected, " + wrong, dir / "check.txt");
        }
        // The benchmark program (the --bench backend; on Hexagon hexagon/runner.c) around this candidate.
        if (!link_bench(dir)) return fail("linking the benchmark failed", dir / "link.log");
        const auto start = Clock::now();
        const double secs = run_bench(dir);
        if (g_interrupted) return;
        if (secs <= 0)
            return fail("the benchmark failed or printed no time", dir / "bench.txt");
        if (checking() && hexagon_) {
            const std::string wrong = check(dir);
            if (!wrong.empty()) return fail("rejected, " + wrong, dir / "bench.txt");
        }
        json result = {{"status", "ok"}, {"seconds", secs}, {"batch", b}, {"sample", s}, {"benchmark_s", seconds_since(start)}};
        if (hand_search()) {
            const std::string tunables = WorkFolder::sample_tunables(dir);
            result["tunables"] = tunables;
            // The hand schedule as written and the candidate, timed in alternation for
            // --pair-rounds rounds: the candidate's score is the hand schedule's time times the
            // median of the rounds' time ratios. Drift between batches (this kind of machine's
            // speed moves by 10-30% over minutes) cancels in each ratio, the median keeps one
            // disturbed timing (another process, a vCPU moved) from crowning a candidate, and
            // every score is measured against the same schedule: scores measured against the
            // fastest so far would chain, and the chain would carry each step's luck along.
            std::string paired;
            const std::vector<json> before = folder_.results();
            const json *hand = nullptr;
            for (const json &r : before)
                if (is_hand(r)) hand = &r;
            if (hand) {
                const fs::path hand_dir = folder_.sample_of(*hand);
                std::vector<double> mine = {secs}, theirs, ratios;
                for (int r = 0; r < o_.pair_rounds && !g_interrupted; r++) {
                    if (r > 0) mine.push_back(run_bench(dir));
                    theirs.push_back(run_bench(hand_dir));
                    if (mine.back() <= 0 || theirs.back() <= 0) break;
                    ratios.push_back(mine.back() / theirs.back());
                }
                if (g_interrupted) return;
                if (ratios.size() == size_t(o_.pair_rounds)) {
                    const double ratio = summarize(ratios).median, again = summarize(theirs).median;
                    result["seconds"] = summarize(mine).median;
                    result["hand"] = {{"batch", (*hand)["batch"]}, {"sample", (*hand)["sample"]}, {"seconds", again}};
                    result["ratios"] = ratios;
                    result["score"] = (*hand)["seconds"].get<double>() * ratio;
                    char text[200];
                    std::snprintf(text, sizeof text,
                                  "; against the hand schedule (%s) in %d alternated rounds: %.3fx its speed (median), scored %s",
                                  fmt_ms(again).c_str(), o_.pair_rounds, 1.0 / ratio, fmt_ms(result["score"].get<double>()).c_str());
                    paired = text;
                }
            }
            write_text(dir / "result.json", result.dump() + "\n");
            std::printf("[batch %d/%d] sample %d/%d: %s with %s%s (best so far %s)\n", b + 1, o_.batches, s + 1,
                        batch_size(b), fmt_ms(result["seconds"].get<double>()).c_str(), tunables.empty() ? "the hand schedule's own choices" : tunables.c_str(),
                        paired.c_str(), best_text().c_str());
            return;
        }
        if (!write_training_sample(GHOSTNET_FEATURIZATION_TO_SAMPLE, dir, o_.pipeline, b, s, secs))
            return fail("featurization_to_sample failed", dir / "sample.log");
        write_text(dir / "result.json", result.dump() + "\n");
        std::printf("[batch %d/%d] sample %d/%d: %s (best so far %s)\n", b + 1, o_.batches, s + 1, batch_size(b),
                    fmt_ms(secs).c_str(), best_text().c_str());
        std::fflush(stdout);
    }

    std::string best_text() const { return autotune::best_text(folder_.results()); }

    // Retrains the device's cost model on every sample so far (all batches).
    void retrain() {
        std::vector<fs::path> samples;
        folder_.each_sample([&](int b, int s, const fs::path &dir) {
            const fs::path p = dir / sample_file_name(o_.pipeline, b, s);
            if (fs::exists(p)) samples.push_back(p);
        });
        autotune::retrain(GHOSTNET_RETRAIN_COST_MODEL, samples, work_, weights(), o_.epochs, o_.jobs);
    }

    // --compare (apps/autotune/compare.h).
    int compare() {
        work_ = o_.work_dir.empty() ? fs::path("autotune") / o_.device / (o_.pipeline + "_compare") : fs::path(o_.work_dir);
        fs::create_directories(work_);
        prepare_benchmark_harness();
        CompareSetup c;
        c.work = work_;
        c.generate = o_.generate;
        c.target = o_.target;
        c.device = o_.device;
        c.pipeline = o_.pipeline;
        c.network_flags = network_flags();
        c.q8 = q8_;
        c.beam = o_.beam;
        c.parallelism = o_.parallelism;
        c.jobs = o_.jobs;
        c.rounds = o_.compare_rounds;
        c.compile_timeout = o_.compile_timeout;
        c.only = o_.compare_only;
        c.kept = kept_;
        c.bench = bench_.get();
        if (checking()) c.check = [this](const fs::path &dir) { return check(dir); };
        return compare_schedules(c);
    }

    bool link_bench(const fs::path &dir) const { return bench_->link(dir); }
    double run_bench(const fs::path &dir) const { return bench_->run(dir); }

    // The hand schedule's benchmark: the first --search hand candidate, else compiled here.
    fs::path hand_bench_dir() {
        if (hand_search()) {
            const fs::path first = folder_.sample(0, 0);
            const json r = WorkFolder::read_result(first);
            if (is_ok(r) && WorkFolder::sample_tunables(first).empty()) return first;
        }
        const fs::path dir = work_ / "hand";
        if (fs::exists(dir / "bench")) return dir;
        fs::remove_all(dir);
        fs::create_directories(dir);
        std::vector<std::string> cmd = {o_.generate, "--target", o_.target, "--schedule", "hand", "-o", dir.string()};
        const std::vector<std::string> extra = bench_->generate_flags();
        cmd.insert(cmd.end(), extra.begin(), extra.end());
        const std::vector<std::string> net = network_flags();
        cmd.insert(cmd.end(), net.begin(), net.end());
        std::printf("compiling the hand schedule to confirm the winner against...\n");
        if (run(cmd, {}, dir / "compile.log", o_.compile_timeout) != 0)
            throw Failure("compiling the hand schedule failed: nothing kept (see " + (dir / "compile.log").string() + ")");
        if (!link_bench(dir)) throw Failure("linking the hand schedule's benchmark failed: nothing kept");
        return dir;
    }

    int keep_best() {
        const std::vector<json> all = folder_.results();
        const json *b = best(all);
        if (!b) throw Failure("no sample compiled and ran: nothing to keep (see the logs in " + work_.string() + ")");
        const fs::path dir = folder_.sample_of(*b);
        const double secs = score(*b);
        // The target as Halide spelled it out for the winner ("host" resolved to its features).
        std::string target = o_.target;
        try {
            target = json::parse(read_text(dir / (o_.pipeline + ".manifest.json")))["targets"][0];
        } catch (const std::exception &) {
        }
        const std::string header =
            hand_search() ? std::string()
                          : kept_schedule_header(read_text(dir / (o_.pipeline + ".schedule.h")),
                                                 (dir / (o_.pipeline + ".schedule.h")).string(), o_.device,
                                                 o_.pipeline, secs, target);
        std::string best_tunables = hand_search() ? (*b).value("tunables", "") : "";
        const bool winner_is_hand = hand_search() && best_tunables.empty();
        Confirmation confirmed;
        if (!winner_is_hand && o_.confirm) {
            std::vector<Contender> contenders = {{dir, best_tunables, secs}};
            if (hand_search()) {
                // The next fastest choices but the hand schedule's own, each once.
                std::vector<const json *> order;
                for (const json &r : all) order.push_back(&r);
                std::stable_sort(order.begin(), order.end(), [](const json *x, const json *y) {
                    return score(*x) < score(*y);
                });
                for (const json *r : order) {
                    const std::string t = r->value("tunables", "");
                    bool seen = t.empty();
                    for (const Contender &c : contenders) seen = seen || c.tunables == t;
                    if (!seen && int(contenders.size()) < o_.confirm_top)
                        contenders.push_back({folder_.sample_of(*r), t, score(*r)});
                }
            }
            confirmed = confirm(*bench_, hand_bench_dir(), contenders, o_.confirm_rounds, o_.min_speedup);
            best_tunables = contenders[confirmed.winner].tunables;
        }
        if (!winner_is_hand && !o_.confirm) confirmed.verdict = "not confirmed against the hand schedule (--no-confirm)";
        if (g_interrupted) {
            std::printf("interrupted while confirming the winner: nothing kept; run the same command to resume\n");
            return 130;
        }

        json times = json::array();
        for (const json &r : all) {
            json t = {{"batch", r["batch"]}, {"sample", r["sample"]}, {"ms", r["seconds"].get<double>() * 1e3}};
            if (hand_search()) t["tunables"] = r.value("tunables", "");
            if (r.contains("score")) t["score_ms"] = score(r) * 1e3;  // the hand schedule's time x the paired ratio
            times.push_back(t);
        }
        const std::time_t now = std::time(nullptr);
        char date[32];
        std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&now));
        json record = run_choices();
        record["target_requested"] = o_.target;
        record["target"] = target;
        record["date"] = date;
        record["halide"] = GHOSTNET_HALIDE_VERSION;
        record["autoscheduler"] = hand_search() ? "none: the hand schedule's tunables, " + o_.strategy + " search" : "Adams2019";
        record["batches"] = o_.batches;
        record["samples_measured"] = all.size();
        record["best"] = {{"ms", secs * 1e3}, {"batch", (*b)["batch"]}, {"sample", (*b)["sample"]}};
        record["measure"] = bench_->measure();
        record["times"] = times;
        if (hand_search()) record["best"]["tunables"] = (*b).value("tunables", "");
        record["confirmation"] = confirmed.to_json(winner_is_hand);
        if (hand_search() || !confirmed.keep) {
            // Tunables, or the hand schedule itself (no tunables line) when the winner did not
            // beat it in the confirmation: the device then builds the hand schedule.
            const std::string what =
                hand_search() ? (confirmed.keep ? "the confirmed fastest" : "the hand schedule, confirmed against the fastest") +
                                    std::string(" of ") + std::to_string(all.size()) + " choices of the hand schedule's tunables"
                              : "the hand schedule: the best of " + std::to_string(all.size()) +
                                    " Adams2019 schedules did not beat it";
            kept_.keep_tunables(o_.search, what, confirmed.keep ? best_tunables : "", record);
        } else {
            kept_.keep_schedule("the best of " + std::to_string(all.size()) + " samples, " + fmt_ms(secs), header, record,
                                weights());
        }
        return 0;
    }
};

}  // namespace

int main(int argc, char **argv) {
    Options o;
    CLI::App app(
        "Tunes a network's schedule for one device with Halide's Adams2019 autoscheduler: compiles\n"
        "candidate schedules in batches, benchmarks each on the device, retrains the device's cost\n"
        "model, and keeps the fastest in schedules/autotuned/<device>/<pipeline>.{schedule.h,json,weights}.\n"
        "With --search hand it searches the hand schedule's tunables instead (any target the hand\n"
        "schedules serve, Hexagon included; q8 too) and keeps <pipeline>.{tunables,json}.\n"
        "Run the same command again to resume an interrupted run (its work folder keeps every sample).\n"
        "Examples:\n"
        "  ghostnet-autotune --pipeline ghostnet_w050_s32_c1_k10_small --device epyc --batches 2 --samples 8\n"
        "  ghostnet-autotune --pipeline ghostnet_w100_s224 --device rpi4 --target arm-64-linux \\\n"
        "      --cxx aarch64-linux-gnu-g++ --cxx-flags -static --parallelism 4 \\\n"
        "      --runner \"scp {bench} pi:/tmp/bench && ssh pi /tmp/bench {args}\"\n"
        "  ghostnet-autotune --pipeline ghostnet_w050_s32_c1_k10_small_q8 --device hvx --search hand \\\n"
        "      --target hexagon-32-noos-hvx_128   # under qemu-hexagon: executed packets",
        "ghostnet-autotune");
    app.add_option("--pipeline", o.pipeline,
                   "the network, named as ghostnet-generate names it: ghostnet_w100_s224, "
                   "ghostnet_w050_s32_c1_k10_small (the bundled Fashion-MNIST model), ...")
        ->required();
    app.add_option("--device", o.device, "a name for the device; the schedule is kept in schedules/autotuned/<device>/")
        ->required();
    app.add_option("--target", o.target, "Halide target of the device ('host': this machine)")->capture_default_str();
    app.add_option("--runner", o.runner,
                   "how a benchmark runs on the device: a shell command template; {bench} is the benchmark "
                   "program, {args} its arguments, {dir} the sample folder")
        ->capture_default_str();
    app.add_option("--search", o.search,
                   "Adams2019: tune with Halide's autoscheduler (CPU targets); hand: search the hand "
                   "schedule's tunables (ghostnet-generate --list-tunables), for any target it schedules")
        ->capture_default_str()
        ->check(CLI::IsMember({"Adams2019", "hand"}));
    app.add_option("--strategy", o.strategy,
                   "--search hand: descent (from the hand schedule, each batch the untried choices one knob away "
                   "from the fastest so far, until none is left) or random (seeded random choices)")
        ->capture_default_str()
        ->check(CLI::IsMember({"descent", "random"}));
    app.add_option("--start", o.start,
                   "--search hand, descent: start from these tunables (\"name=value,...\") instead of the hand "
                   "schedule's own choices, or 'kept': from the device's kept ones (the hand schedule is timed in "
                   "batch 0 all the same, and stays the reference every candidate is scored against)");
    app.add_option("--time-budget", o.time_budget_min,
                   "minutes: start no batch after this long (0: no limit); the best so far is then confirmed and kept")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    app.add_option("--batches", o.batches, "batches in all (a resumed run finishes the missing ones)")->capture_default_str();
    app.add_option("--samples", o.samples, "candidate schedules per batch")->capture_default_str();
    app.add_option("--jobs", o.jobs, "candidates compiled at once (default: this machine's cores)");
    app.add_option("--beam", o.beam, "beam size of each batch's first candidate (the others are random probes)")
        ->capture_default_str();
    app.add_option("--parallelism", o.parallelism, "the device's cores, for the autoscheduler (default: this machine's)");
    app.add_option("--seed", o.seed, "seeds the candidates' randomness")->capture_default_str();
    app.add_option("--explore", o.explore,
                   "how far the probes (every candidate but each batch's first) stray: the relative noise "
                   "put on the cost model's weights for each (0: none)")
        ->capture_default_str();
    app.add_option("--epochs", o.epochs, "cost-model training epochs per batch (default: max(samples, 8))");
    app.add_option("--work", o.work_dir, "work folder (default: autotune/<device>/<pipeline>)");
    app.add_option("--kept-dir", o.kept_dir, "where kept schedules go")->capture_default_str();
    app.add_option("--generate", o.generate, "ghostnet-generate to compile candidates with (default: beside this program)");
    app.add_option("--cxx", o.cxx, "C++ compiler for the benchmark program (a cross compiler for a board)")
        ->capture_default_str();
    app.add_option("--cxx-flags", o.cxx_flags, "extra flags for it (e.g. -static for a board)");
    app.add_option("--compile-timeout", o.compile_timeout, "seconds a candidate may take to compile")->capture_default_str();
    app.add_option("--bench-timeout", o.bench_timeout, "seconds a benchmark may take")->capture_default_str();
    app.add_option("--confirm-rounds", o.confirm_rounds,
                   "before keeping: rounds of the winner against the hand schedule, in alternation; kept only "
                   "when faster beyond twice the measured noise, else the device keeps the hand schedule")
        ->capture_default_str()
        ->check(CLI::Range(1, 1000));
    app.add_option("--pair-rounds", o.pair_rounds,
                   "--search hand: rounds each candidate and the hand schedule are timed in alternation; the "
                   "candidate is ranked by the median of the rounds' time ratios")
        ->capture_default_str()
        ->check(CLI::Range(1, 100));
    app.add_option("--bench", o.bench,
                   "how candidates are timed: runtime (this project's runtime and thread pool, Model::run on random "
                   "weights, as the apps run; the default on this machine) or rungen (Halide's RunGen, inputs from "
                   "the estimates; the default with --runner)");
    app.add_option("--bench-runs", o.bench_runs, "--bench runtime: timed runs per measurement (median)")
        ->capture_default_str();
    app.add_option("--threads", o.threads, "--bench runtime: threads (0: one per core)")->capture_default_str();
    app.add_option("--cache", o.cache_dir,
                   "where compiled candidates (--search hand) and the hand-scheduled network the checks compare "
                   "with are kept by their compile command, so nothing compiled once is compiled again (\"\": none)")
        ->capture_default_str();
    app.add_option("--confirm-top", o.confirm_top,
                   "--search hand: confirm the search's fastest this many choices together and keep the one with "
                   "the best median")
        ->capture_default_str()
        ->check(CLI::Range(1, 20));
    app.add_option("--min-speedup", o.min_speedup,
                   "keep the winner only if its median is at least this many times faster than the hand schedule's")
        ->capture_default_str()
        ->check(CLI::Range(1.0, 1000.0));
    app.add_flag("!--no-confirm", o.confirm,
                 "keep the search's winner without timing it against the hand schedule (it may be slower)");
    app.add_flag("--overwrite", o.overwrite, "replace a schedule already kept for this pipeline and device");
    app.add_flag("!--no-check", o.check,
                 "do not check each candidate's logits against the hand schedule's before timing it");
    app.add_option("--compare", o.compare_rounds,
                   "instead of tuning: compile the pipeline with the hand schedule, Adams2019 as shipped, "
                   "Mullapudi2016, Li2018 and the device's kept schedule, benchmark them in alternation for "
                   "this many rounds, and print median, min and the ratio to hand");
    app.add_option("--compare-only", o.compare_only,
                   "with --compare: besides hand, only these (comma-separated: Adams2019, Mullapudi2016, Li2018, autotuned)")
        ->delimiter(',')
        ->check(CLI::IsMember({"Adams2019", "Mullapudi2016", "Li2018", "autotuned"}));
    CLI11_PARSE(app, argc, argv);

    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress lines as they happen, also into a log
    install_interrupt_handler();
    try {
        return Tuner(o).main();
    } catch (const std::exception &e) {
        std::fprintf(stderr, "ghostnet-autotune: %s\n", e.what());
        return 1;
    }
}
