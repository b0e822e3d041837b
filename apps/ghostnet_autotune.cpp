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
// benchmark is hexagon/runner.c linked with the candidate, run by default under qemu-hexagon on
// a job file of random weights (apps/autotune_hexagon_job.cpp); its output must equal the hand
// schedule's byte for byte.
//
// The pieces that link neither Halide nor the network live in apps/autotune/: process.h
// (children, logs, whole-file writes, interrupts), benchmark.h (the runtime, RunGen and
// Hexagon benchmark backends behind one interface, run through the runner template), hand_search.h
// (the search space and the descent and random strategies), never_worse.h (the keep-or-refuse
// rule) and cost_model_weights.h (Adams2019's weights files). This file is the loop around
// them: options, work folder, compiling, checking, --compare, and keeping.
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
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "autotune/benchmark.h"
#include "autotune/compile_cache.h"
#include "autotune/cost_model_weights.h"
#include "autotune/hand_search.h"
#include "autotune/never_worse.h"
#include "autotune/process.h"
#include "ghostnet_arch.h"
#include "timing.h"
#include "tunables.h"

#ifndef GHOSTNET_SOURCE_DIR
#define GHOSTNET_SOURCE_DIR "."
#endif
#ifndef GHOSTNET_CXX
#define GHOSTNET_CXX "c++"
#endif
#ifndef GHOSTNET_RUNGEN_MAIN
#define GHOSTNET_RUNGEN_MAIN "/usr/src/halide14/RunGenMain.cpp"
#endif
#ifndef GHOSTNET_HALIDE_INCLUDE
#define GHOSTNET_HALIDE_INCLUDE "/usr/include/halide14"
#endif
#ifndef GHOSTNET_HALIDE_TOOLS
#define GHOSTNET_HALIDE_TOOLS "/usr/lib/x86_64-linux-gnu/halide14"
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
    std::string cache_dir = "autotune/cache";  // --search hand: compiled candidates by their command ("": none)
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
            const fs::path plugin = fs::path(GHOSTNET_HALIDE_TOOLS) / "libautoschedule_adams2019.so";
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
    fs::path work_, kept_header_, kept_json_, kept_weights_, kept_tunables_;
    HandSearchSpace space_{{}};  // --search hand
    std::string start_;          // --search hand: where the descent starts ("": the hand schedule)
    // Each batch's candidates, once worked out (earlier batches' results no longer change).
    mutable std::map<int, std::vector<std::string>> candidates_;

    bool local_ = true;    // the benchmark runs on this machine (no --runner, or qemu-hexagon)
    bool hexagon_ = false; // a hexagon-32-noos target: the runner.c benchmark, not RunGen
    std::string clang_, lld_;
    std::unique_ptr<Benchmark> bench_;
    CompileCache cache_;  // --search hand's compiled candidates

    bool hand_search() const { return o_.search == "hand"; }
    NetworkConfig cfg_;
    bool q8_ = false;

    fs::path weights() const { return work_ / "updated.weights"; }
    fs::path batch_dir(int b) const {
        char buf[32];
        std::snprintf(buf, sizeof buf, "batch_%03d", b);
        return work_ / buf;
    }
    static fs::path sample_dir(const fs::path &batch, int s) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "sample_%03d", s);
        return batch / buf;
    }

    // retrain_cost_model tells samples apart by file name: each gets its own.
    std::string sample_file(int b, int s) const {
        char buf[48];
        std::snprintf(buf, sizeof buf, "_batch_%03d_sample_%03d.sample", b, s);
        return o_.pipeline + buf;
    }

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
                o_.runner = shell_quote(qemu) + " {bench} {args}";
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
        for (const char *tool : {"featurization_to_sample", "retrain_cost_model"})
            if (!fs::exists(fs::path(GHOSTNET_HALIDE_TOOLS) / tool))
                throw Failure(std::string(GHOSTNET_HALIDE_TOOLS) + "/" + tool +
                              " is missing (Debian's libhalide14-0-dev ships it)");
        if (!fs::exists(GHOSTNET_RUNGEN_MAIN))
            throw Failure(std::string(GHOSTNET_RUNGEN_MAIN) + " is missing (Halide's benchmark harness; "
                          "Debian's libhalide14-0-dev ships it)");

        const fs::path kept = fs::path(o_.kept_dir) / o_.device;
        kept_header_ = kept / (o_.pipeline + ".schedule.h");
        kept_json_ = kept / (o_.pipeline + ".json");
        kept_weights_ = kept / (o_.pipeline + ".weights");
        kept_tunables_ = kept / (o_.pipeline + ".tunables");
        cache_ = CompileCache(o_.cache_dir);
        if (!o_.overwrite && o_.compare_rounds == 0)
            for (const fs::path &p : {kept_header_, kept_json_, kept_weights_, kept_tunables_})
                if (fs::exists(p))
                    throw Failure(p.string() + " exists: a schedule is already kept for " + o_.pipeline + " on '" +
                                  o_.device + "'. Pass --overwrite to replace it with this run's winner, or "
                                  "another --device");
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
        if (hexagon_) return sample_dir(batch_dir(0), 0);
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
        std::printf("compiling the hand-scheduled network once, for checking candidates...\n");
        fs::create_directories(dir);
        std::vector<std::string> cmd = {o_.generate, "--target", o_.target, "--schedule", "hand", "--name",
                                        "hand_schedule", "--overwrite", "-o", dir.string()};
        const std::vector<std::string> net = network_flags();
        cmd.insert(cmd.end(), net.begin(), net.end());
        if (run(cmd, {}, dir / "compile.log", o_.compile_timeout) != 0)
            throw Failure("compiling the hand-scheduled network failed:\n" + tail(dir / "compile.log"));
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
        setup.emulated = local_;
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
                "--variant", variant_name(cfg_.variant), "--precision", q8_ ? "q8" : "fp32"};
    }

    json read_result(const fs::path &dir) const {
        const fs::path p = dir / "result.json";
        if (!fs::exists(p)) return json();
        try {
            return json::parse(read_text(p));
        } catch (const std::exception &) {
            return json();  // a half-written record: the sample runs again
        }
    }

    // Compile, then benchmark, every sample of batch b that has no result yet; then retrain.
    // One batch: compile its candidates, benchmark them, (Adams2019) retrain. false when the
    // search has nothing left to try.
    bool run_batch(int b) {
        const fs::path bdir = batch_dir(b);
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
            if (read_result(sample_dir(bdir, s)).is_null()) todo.push_back(s);
        if (todo.size() < size_t(samples))
            std::printf("[batch %d/%d] %zu of %d samples finished earlier\n", b + 1, o_.batches,
                        samples - todo.size(), samples);

        // Compile in parallel, up to --jobs at once.
        struct Running {
            int s;
            Child c;
        };
        std::vector<Running> running;
        std::vector<int> compiled;
        size_t next = 0;
        while ((next < todo.size() || !running.empty()) && !g_interrupted) {
            while (next < todo.size() && int(running.size()) < o_.jobs) {
                const int s = todo[next++];
                running.push_back({s, start_compile(b, s)});
            }
            for (size_t i = 0; i < running.size();) {
                const int rc = poll(running[i].c);
                if (rc < 0) {
                    i++;
                    continue;
                }
                const int s = running[i].s;
                const double secs = seconds_since(running[i].c.start);
                running.erase(running.begin() + i);
                if (rc == 130) continue;
                const fs::path dir = sample_dir(bdir, s);
                if (rc != 0) {
                    const std::string why = rc == 124 ? "timed out" : "failed (exit " + std::to_string(rc) + ")";
                    std::printf("[batch %d/%d] sample %d/%d: compile %s after %.0f s, see %s\n", b + 1, o_.batches,
                                s + 1, samples, why.c_str(), secs, (dir / "compile.log").c_str());
                    write_text(dir / "result.json", json{{"status", "compile " + why}, {"compile_s", secs}}.dump() + "\n");
                } else {
                    std::printf("[batch %d/%d] sample %d/%d: compiled in %.0f s\n", b + 1, o_.batches, s + 1,
                                samples, secs);
                    compiled.push_back(s);
                    write_text(dir / "compiled", std::to_string(secs) + "\n");
                    if (hand_search() && !fs::exists(dir / "cached")) cache_.store(read_text(dir / "cache_key.txt"), dir);
                }
                std::fflush(stdout);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
        // Samples compiled in an interrupted run but not benchmarked.
        for (int s : todo)
            if (std::find(compiled.begin(), compiled.end(), s) == compiled.end() &&
                fs::exists(sample_dir(bdir, s) / "compiled") && read_result(sample_dir(bdir, s)).is_null())
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
        const fs::path dir = sample_dir(batch_dir(b), s);
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
        std::vector<std::string> env = {
            "HL_SEED=" + std::to_string(seed),
            "HL_RANDOM_DROPOUT=" + std::string(beam_sample ? "100" : "1"),
            "HL_BEAM_SIZE=" + std::to_string(beam_sample ? o_.beam : 1),
            // parallelism, last-level cache bytes, balance: Halide's defaults but the device's cores.
            "HL_MACHINE_PARAMS=" + std::to_string(o_.parallelism) + ",16777216,40",
        };
        // Sample 0 asks the device's cost model as it is; the probes ask perturbed copies.
        fs::path model = weights();
        if (!beam_sample && o_.explore > 0) {
            model = dir / "probe.weights";
            write_text(model, perturbed_weights(read_text(weights()), uint32_t(seed), o_.explore));
        }
        env.push_back("HL_WEIGHTS_DIR=" + model.string());
        std::vector<std::string> cmd = {o_.generate, "--target", o_.target, "--schedule", "Adams2019",
                                        "--also", "schedule,featurization,registration", "-o", dir.string()};
        const std::vector<std::string> net = network_flags();
        cmd.insert(cmd.end(), net.begin(), net.end());
        write_text(dir / "command.txt", [&] {
            std::string line;
            for (const std::string &e : env) line += e + " ";
            for (const std::string &a : cmd) line += shell_quote(a) + " ";
            return line + "\n";
        }());
        return spawn(cmd, env, dir / "compile.log", o_.compile_timeout);
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
        start_ = o_.start == "kept" ? kept_tunables_line() : o_.start;
        const std::string bad = space_.invalid(start_);
        if (!bad.empty())
            throw Failure("--start '" + start_ + "'" + (o_.start == "kept" ? " (" + kept_tunables_.string() + ")" : "") +
                          ": " + bad + " (" + list.string() + " lists the tunables of " + o_.pipeline + ")");
        start_ = space_.choice(space_.values(start_));  // the canonical spelling, as the search writes choices
    }

    // The tunables kept for this pipeline and device: the line of its .tunables file that is no comment.
    std::string kept_tunables_line() const {
        if (!fs::exists(kept_tunables_))
            throw Failure("--start kept: no tunables are kept for " + o_.pipeline + " on '" + o_.device + "' (" +
                          kept_tunables_.string() + " is missing)");
        try {
            return schedules::kept_tunables_line(read_text(kept_tunables_));
        } catch (const std::invalid_argument &e) {
            throw Failure(kept_tunables_.string() + ": " + e.what());
        }
    }

    // The tunables a --search hand sample was compiled with ("" = the hand schedule's own choices).
    static std::string sample_tunables(const fs::path &dir) {
        std::string t = read_text(dir / "tunables.txt");
        while (!t.empty() && t.back() == '\n') t.pop_back();
        return t;
    }

    // The candidates of batch b for --search hand (HandSearchSpace::batch), from the choices
    // earlier batches tried and the fastest of them.
    const std::vector<std::string> &batch_candidates(int b) const {
        auto found = candidates_.find(b);
        if (found != candidates_.end()) return found->second;
        std::vector<std::string> tried;
        std::vector<json> measured;
        for (int bb = 0; bb < b; bb++)
            for (int ss = 0; fs::exists(sample_dir(batch_dir(bb), ss)); ss++) {
                const fs::path d = sample_dir(batch_dir(bb), ss);
                tried.push_back(sample_tunables(d));
                const json r = read_result(d);
                if (r.is_object() && r.value("status", "") == "ok") measured.push_back(r);
            }
        const json *fastest = best(measured);
        return candidates_[b] = space_.batch(o_.strategy, o_.seed, b, o_.samples, tried,
                                             fastest ? fastest->value("tunables", "") : "", start_);
    }

    std::string candidate_tunables(int b, int s) const { return batch_candidates(b).at(size_t(s)); }
    int batch_size(int b) const { return hand_search() ? int(batch_candidates(b).size()) : o_.samples; }

    void benchmark(int b, int s) {
        const fs::path dir = sample_dir(batch_dir(b), s);
        const std::string name = o_.pipeline;
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
            const std::string tunables = sample_tunables(dir);
            result["tunables"] = tunables;
            // The hand schedule as written and the candidate, timed in alternation for
            // --pair-rounds rounds: the candidate's score is the hand schedule's time times the
            // median of the rounds' time ratios. Drift between batches (this kind of machine's
            // speed moves by 10-30% over minutes) cancels in each ratio, the median keeps one
            // disturbed timing (another process, a vCPU moved) from crowning a candidate, and
            // every score is measured against the same schedule: scores measured against the
            // fastest so far would chain, and the chain would carry each step's luck along.
            std::string paired;
            const std::vector<json> before = results();
            const json *hand = nullptr;
            for (const json &r : before)
                if (r.value("tunables", "x").empty()) hand = &r;
            if (hand) {
                const fs::path hand_dir = sample_dir(batch_dir((*hand)["batch"]), (*hand)["sample"]);
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
        char time_text[32];
        std::snprintf(time_text, sizeof time_text, "%.9g", secs);

        const fs::path sample = dir / sample_file(b, s);
        const int sample_id = b * 1000 + s;
        const int frc = run({(fs::path(GHOSTNET_HALIDE_TOOLS) / "featurization_to_sample").string(),
                             (dir / (name + ".featurization")).string(), time_text, "0", std::to_string(sample_id),
                             sample.string()},
                            {}, dir / "sample.log", 600);
        if (frc != 0) return fail("featurization_to_sample failed", dir / "sample.log");
        write_text(dir / "result.json", result.dump() + "\n");
        std::printf("[batch %d/%d] sample %d/%d: %s (best so far %s)\n", b + 1, o_.batches, s + 1, batch_size(b),
                    fmt_ms(secs).c_str(), best_text().c_str());
        std::fflush(stdout);
    }

    // Every finished sample's result, in batch and sample order.
    std::vector<json> results() const {
        std::vector<json> all;
        for (int b = 0; fs::exists(batch_dir(b)); b++)
            for (int s = 0; fs::exists(sample_dir(batch_dir(b), s)); s++) {
                json r = read_result(sample_dir(batch_dir(b), s));
                if (!r.is_null() && r.value("status", "") == "ok") all.push_back(r);
            }
        return all;
    }

    // A sample's time for ranking: with --search hand, the hand schedule's time scaled by the
    // candidate's time ratio to it, timed in alternation (benchmark()); otherwise, and for the
    // hand schedule itself, its own time.
    static double score(const json &r) {
        return r.contains("score") ? r["score"].get<double>() : r["seconds"].get<double>();
    }

    const json *best(const std::vector<json> &all) const {
        const json *b = nullptr;
        for (const json &r : all)
            if (!b || score(r) < score(*b)) b = &r;
        return b;
    }

    std::string best_text() const {
        const std::vector<json> all = results();
        const json *b = best(all);
        if (!b) return "none";
        char buf[160];
        std::snprintf(buf, sizeof buf, "%s (batch %d sample %d)", fmt_ms(score(*b)).c_str(),
                      (*b)["batch"].get<int>() + 1, (*b)["sample"].get<int>() + 1);
        std::string text = buf;
        // --search hand: the hand schedule as written is a sample too.
        for (const json &r : all)
            if (hand_search() && r.value("tunables", "x").empty()) {
                std::snprintf(buf, sizeof buf, ", %.3fx the hand schedule's %s", score(r) / score(*b),
                              fmt_ms(score(r)).c_str());
                text += buf;
                break;
            }
        return text;
    }

    // Retrains the device's cost model on every sample so far (all batches).
    void retrain() {
        std::string list;
        for (int b = 0; fs::exists(batch_dir(b)); b++)
            for (int s = 0; fs::exists(sample_dir(batch_dir(b), s)); s++) {
                const fs::path p = sample_dir(batch_dir(b), s) / sample_file(b, s);
                if (fs::exists(p)) list += p.string() + "\n";
            }
        if (list.empty()) {
            std::printf("no sample was benchmarked: nothing to retrain on\n");
            return;
        }
        write_text(work_ / "samples.txt", list);
        std::printf("retraining the cost model on %zu samples...\n", size_t(std::count(list.begin(), list.end(), '\n')));
        std::fflush(stdout);
        // retrain_cost_model writes a folder unless the name ends in .weights.
        const fs::path retrained = work_ / "retrained.weights";
        std::string cmd = shell_quote((fs::path(GHOSTNET_HALIDE_TOOLS) / "retrain_cost_model").string()) +
                          " --epochs=" + std::to_string(o_.epochs) + " --rates=0.0001 --num_cores=" +
                          std::to_string(o_.jobs) + " --weights_out=" + shell_quote(retrained.string()) +
                          " --best_benchmark=" + shell_quote((work_ / "best.benchmark.txt").string()) +
                          " --best_schedule=" + shell_quote((work_ / "best.schedule.h").string());
        cmd += " --initial_weights=" + shell_quote(weights().string());
        cmd += " < " + shell_quote((work_ / "samples.txt").string());
        const int rc = run({"/bin/sh", "-c", cmd}, {}, work_ / "retrain.log", 0);
        if (rc != 0) throw Failure("retrain_cost_model failed:\n" + tail(work_ / "retrain.log"));
        fs::rename(retrained, weights());
        // retrain_cost_model skips a pipeline with fewer than 8 distinct schedules.
        const std::string log = read_text(work_ / "retrain.log");
        size_t distinct = 0;
        for (size_t p = log.find("Unique sample:"); p != std::string::npos; p = log.find("Unique sample:", p + 1)) distinct++;
        if (distinct < 8)
            std::printf("  the cost model is unchanged: it learns from 8 or more distinct schedules, %zu so far\n", distinct);
    }

    // The winner's schedule, renamed so several devices' schedules live in one program, with
    // the funcs it names (checked against the pipeline before it is applied).
    std::string kept_header(const fs::path &schedule, double seconds, const std::string &target) const {
        const std::string text = read_text(schedule);
        std::string id = "autotuned_" + o_.device + "__" + o_.pipeline;  // CMake's MAKE_C_IDENTIFIER
        for (char &c : id)
            if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
        static const std::regex func_re("Func ([A-Za-z0-9_]+) = pipeline\\.get_func\\(([0-9]+)\\);");
        std::string funcs;
        int num_funcs = 0;
        for (std::sregex_iterator it(text.begin(), text.end(), func_re), end; it != end; ++it, num_funcs++)
            funcs += "    {" + (*it)[2].str() + ", \"" + (*it)[1].str() + "\"},\n";
        const std::string fn = "apply_schedule_" + o_.pipeline + "(";
        const size_t start = text.find("inline void " + fn);
        const size_t stop = text.rfind("#endif");
        if (start == std::string::npos || stop == std::string::npos || stop < start || num_funcs == 0)
            throw Failure(schedule.string() + " is not an Adams2019 schedule for " + o_.pipeline);
        std::string body = text.substr(start, stop - start);
        body.replace(body.find(fn), fn.size(), "apply_" + id + "(");
        const std::string guard = "GHOSTNET_" + id + "_H";
        std::ostringstream h;
        h << "// Kept by ghostnet-autotune: the fastest of its Adams2019 schedules for " << o_.pipeline << "\n"
          << "// on device '" << o_.device << "' (" << target << "), " << fmt_ms(seconds) << " there.\n"
          << "// " << o_.pipeline << ".json beside this file records the run. Built with -DGHOSTNET_DEVICE="
          << o_.device << "\n// or ghostnet-generate --schedule device:" << o_.device
          << ". Machine generated: tune again rather than edit.\n"
          << "#ifndef " << guard << "\n#define " << guard << "\n\n#include \"autotuned_schedule.h\"\n\n"
          << "namespace ghostnet {\nnamespace schedules {\nnamespace autotuned {\n\n"
          << body << "\n"
          << "inline const AutotunedFunc " << id << "_funcs[] = {\n" << funcs << "};\n\n"
          << "inline const AutotunedSchedule " << id << " = {\"" << o_.device << "\", \"" << o_.pipeline << "\", \""
          << target << "\", \"" << o_.device << "/" << o_.pipeline << ".schedule.h\", " << id << "_funcs, "
          << num_funcs << ", apply_" << id << "};\n\n"
          << "}  // namespace autotuned\n}  // namespace schedules\n}  // namespace ghostnet\n\n#endif  // " << guard
          << "\n";
        return h.str();
    }

    // --compare: the pipeline with every schedule there is for it (hand, Halide's three
    // autoschedulers as they ship, and the kept autotuned one), each compiled by
    // ghostnet-generate and benchmarked by the same backend (--bench), in alternation for
    // `compare_rounds` rounds; median and min over the rounds, and the ratio to hand.
    int compare() {
        work_ = o_.work_dir.empty() ? fs::path("autotune") / o_.device / (o_.pipeline + "_compare") : fs::path(o_.work_dir);
        fs::create_directories(work_);
        prepare_benchmark_harness();
        const std::string machine = "HL_MACHINE_PARAMS=" + std::to_string(o_.parallelism) + ",16777216,40";
        struct Variant {
            std::string label, slug, schedule;
            std::vector<std::string> env;
            std::vector<std::string> args = {};  // more ghostnet-generate arguments
            std::vector<double> times;
            bool ok = false;
            std::string logits = "not checked";
        };
        // The hand variant is named hand_schedule: it is also the check's reference.
        std::vector<Variant> vs = {{"hand (schedules/)", "hand", "hand", {}},
                                   {"Adams2019 as shipped (beam " + std::to_string(o_.beam) + ")", "adams2019_beam" + std::to_string(o_.beam),
                                    "Adams2019", {machine, "HL_BEAM_SIZE=" + std::to_string(o_.beam)}},
                                   {"Mullapudi2016", "mullapudi2016", "Mullapudi2016", {machine}},
                                   {"Li2018", "li2018", "Li2018", {machine}}};
        // Kept tunables are read from --kept-dir's file and given to the generator, so the
        // comparison times what that file says; a kept Adams2019 schedule (.schedule.h) is
        // compiled into the generator, which builds the one its build found.
        if (fs::exists(kept_tunables_)) {
            Variant v{"autotuned for " + o_.device, "autotuned", "hand", {}};
            const std::string kept = kept_tunables_line();
            if (!kept.empty()) v.args = {"--tunables", kept};
            vs.push_back(v);
        } else if (fs::exists(kept_header_))
            vs.push_back({"autotuned for " + o_.device, "autotuned", "device:" + o_.device, {}});
        else
            std::printf("no schedule is kept for %s on '%s' (%s): comparing the others\n", o_.pipeline.c_str(),
                        o_.device.c_str(), kept_header_.c_str());
        // q8: the hand schedule and the kept tunables only (Halide's autoschedulers are not run on
        // q8 networks: their schedules would have no test against the q8 reference).
        if (q8_) {
            std::printf("q8: comparing the hand schedule and the kept tunables only (Halide's autoschedulers do not "
                        "tune q8 networks here)\n");
            vs.erase(std::remove_if(vs.begin() + 1, vs.end(),
                                    [](const Variant &v) { return v.slug != "autotuned"; }),
                     vs.end());
        }
        // --compare-only: the hand schedule (the reference of the ratios) and the ones named.
        if (!o_.compare_only.empty()) {
            std::vector<Variant> chosen = {vs[0]};
            for (size_t i = 1; i < vs.size(); i++) {
                const std::string name = vs[i].slug == "autotuned" ? "autotuned" : vs[i].schedule;
                if (std::find(o_.compare_only.begin(), o_.compare_only.end(), name) != o_.compare_only.end())
                    chosen.push_back(vs[i]);
            }
            vs = chosen;
        }

        // Compile (up to --jobs at once); a folder with a bench program is reused.
        struct Running {
            size_t v;
            Child c;
        };
        std::vector<Running> running;
        size_t next = 0;
        auto bench_of = [&](const Variant &v) { return work_ / v.slug / "bench"; };
        while ((next < vs.size() || !running.empty()) && !g_interrupted) {
            while (next < vs.size() && int(running.size()) < o_.jobs) {
                const Variant &v = vs[next];
                const fs::path dir = work_ / v.slug;
                std::vector<std::string> cmd = {o_.generate, "--target", o_.target, "--schedule", v.schedule,
                                                "--also", "registration", "-o", dir.string()};
                if (v.slug == "hand") cmd.insert(cmd.end(), {"--name", "hand_schedule"});
                const std::vector<std::string> net = network_flags();
                cmd.insert(cmd.end(), net.begin(), net.end());
                cmd.insert(cmd.end(), v.args.begin(), v.args.end());
                // Reused only when compiled by the same command (the kept tunables may have changed).
                std::string command;
                for (const std::string &a : cmd) command += a + "\n";
                for (const std::string &e : v.env) command += e + "\n";
                if (fs::exists(bench_of(v)) && fs::exists(dir / "command.txt") && read_text(dir / "command.txt") == command) {
                    std::printf("%s: compiled earlier (%s)\n", v.label.c_str(), dir.c_str());
                    vs[next++].ok = true;
                    continue;
                }
                fs::remove_all(dir);
                fs::create_directories(dir);
                write_text(dir / "command.txt", command);
                std::printf("%s: compiling...\n", v.label.c_str());
                running.push_back({next++, spawn(cmd, v.env, dir / "compile.log", o_.compile_timeout)});
            }
            for (size_t i = 0; i < running.size();) {
                const int rc = poll(running[i].c);
                if (rc < 0) {
                    i++;
                    continue;
                }
                Variant &v = vs[running[i].v];
                const fs::path dir = work_ / v.slug;
                const double secs = seconds_since(running[i].c.start);
                running.erase(running.begin() + i);
                if (rc == 0) v.ok = link_bench(dir);
                std::printf("%s: %s after %.0f s%s\n", v.label.c_str(), v.ok ? "compiled" : "failed", secs,
                            v.ok ? "" : (", see " + (dir / "compile.log").string()).c_str());
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
        if (g_interrupted) return 130;
        if (checking())
            for (Variant &v : vs) {
                if (!v.ok || v.slug == "hand") continue;
                const std::string wrong = check(work_ / v.slug);
                v.logits = wrong.empty() ? "agree" : wrong.rfind("check: wrong", 0) == 0 ? "WRONG" : "check failed";
                std::printf("%s: %s\n", v.label.c_str(), wrong.empty() ? "logits agree with the hand schedule's" : wrong.c_str());
            }
        vs[0].logits = "(reference)";

        // Benchmark in alternation, so a change in the machine's load touches every schedule alike.
        for (int r = 0; r < o_.compare_rounds && !g_interrupted; r++) {
            for (Variant &v : vs) {
                if (!v.ok) continue;
                const double t = run_bench(work_ / v.slug);
                if (t > 0) v.times.push_back(t);
            }
            std::printf("round %d/%d done\n", r + 1, o_.compare_rounds);
        }
        const double hand = summarize(vs[0].times).median;
        std::printf("\n%s on %s (%s), %d rounds of %s:\n\n", o_.pipeline.c_str(), o_.device.c_str(),
                    o_.target.c_str(), o_.compare_rounds, bench_->measure().c_str());
        std::printf("| schedule | median | min | hand / this | logits vs hand |\n|---|---|---|---|---|\n");
        for (const Variant &v : vs) {
            if (v.times.empty()) {
                std::printf("| %s | failed | | | |\n", v.label.c_str());
                continue;
            }
            const Timing t = summarize(v.times);
            std::printf("| %s | %s | %s | %.2fx | %s |\n", v.label.c_str(), fmt_ms(t.median).c_str(),
                        fmt_ms(t.min).c_str(), hand > 0 ? hand / t.median : 0.0,
                        v.logits.c_str());
        }
        return 0;
    }

    bool link_bench(const fs::path &dir) const { return bench_->link(dir); }
    double run_bench(const fs::path &dir) const { return bench_->run(dir); }

    // The never-worse rule: before a winner is kept it runs against the hand schedule, in
    // alternation (the order rotated every round), for --confirm-rounds rounds through the
    // same harness; it is kept only when its median is at least --min-speedup times faster
    // and the gain is more than twice the run-to-run noise (the larger median absolute
    // deviation of the two). Otherwise the device keeps the hand schedule. --search hand
    // confirms the --confirm-top fastest choices of the search together and keeps the one with
    // the best median: one timing each in the search favours whichever was measured fast (the
    // winner's curse), and the runner-up is often the truly faster one.
    struct Contender {
        fs::path dir;
        std::string tunables;  // --search hand: its choice
        double search_s = 0;   // its time in the search
    };
    struct Confirmation {
        bool keep = true;
        int rounds = 0;
        double hand_s = 0, winner_s = 0, noise_s = 0;
        size_t winner = 0;        // which contender
        json contenders = json::array();  // each one's tunables, search time and median here
        std::string verdict;
        json to_json(bool winner_is_hand) const {
            if (winner_is_hand) return {{"kept", "hand"}, {"verdict", "the hand schedule's own choices were fastest"}};
            if (rounds == 0) return {{"kept", "winner"}, {"verdict", verdict}};
            json j = {{"kept", keep ? "winner" : "hand"}, {"rounds", rounds}, {"hand_ms", hand_s * 1e3},
                      {"winner_ms", winner_s * 1e3}, {"noise_ms", noise_s * 1e3},
                      {"speedup", winner_s > 0 ? hand_s / winner_s : 0.0}, {"verdict", verdict}};
            if (contenders.size() > 1 || contenders.at(0).contains("tunables")) {
                j["contenders"] = contenders;
                j["tunables"] = contenders.at(winner).value("tunables", "");
            }
            return j;
        }
    };

    // The hand schedule's benchmark: the first --search hand candidate, else compiled here.
    fs::path hand_bench_dir() {
        if (hand_search()) {
            const fs::path first = sample_dir(batch_dir(0), 0);
            const json r = read_result(first);
            if (r.is_object() && r.value("status", "") == "ok" && sample_tunables(first).empty()) return first;
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

    Confirmation confirm(const std::vector<Contender> &contenders) {
        const fs::path hand = hand_bench_dir();
        Confirmation c;
        const size_t n = contenders.size();
        // times[0]: hand; times[1 + i]: contender i.
        std::vector<std::vector<double>> times(n + 1);
        auto label = [&](size_t k) { return k == 0 ? std::string("hand") : n == 1 ? std::string("winner") : "#" + std::to_string(k); };
        std::printf("confirming %s against the hand schedule, %d rounds in alternation...\n",
                    n == 1 ? "the winner" : ("the fastest " + std::to_string(n) + " choices").c_str(), o_.confirm_rounds);
        for (size_t i = 0; i < n && n > 1; i++)
            std::printf("  #%zu %s (%s in the search)\n", i + 1, contenders[i].tunables.c_str(), fmt_ms(contenders[i].search_s).c_str());
        for (int r = 0; r < o_.confirm_rounds && !g_interrupted; r++) {
            std::string line;
            for (size_t j = 0; j <= n; j++) {
                const size_t k = (j + size_t(r)) % (n + 1);  // each round starts one further along
                const fs::path &dir = k == 0 ? hand : contenders[k - 1].dir;
                const double t = run_bench(dir);
                if (t <= 0) throw Failure("a confirmation benchmark failed: nothing kept (see " + (dir / "bench.txt").string() + ")");
                times[k].push_back(t);
            }
            for (size_t k = 0; k <= n; k++) line += (k ? ", " : "") + label(k) + " " + fmt_ms(times[k].back());
            std::printf("  round %d/%d: %s\n", r + 1, o_.confirm_rounds, line.c_str());
        }
        if (g_interrupted) return c;
        const Verdict v = judge(times[0], std::vector<std::vector<double>>(times.begin() + 1, times.end()), o_.min_speedup);
        for (size_t i = 0; i < n; i++) {
            json e = {{"search_ms", contenders[i].search_s * 1e3}, {"median_ms", v.medians[i] * 1e3}};
            if (hand_search()) e["tunables"] = contenders[i].tunables;
            c.contenders.push_back(e);
        }
        c.winner = v.winner;
        c.rounds = int(times[0].size());
        c.hand_s = v.hand;
        c.winner_s = v.best;
        c.noise_s = v.noise;
        c.keep = v.keep;
        char buf[512];
        std::snprintf(buf, sizeof buf, "median hand %s, %s%s%s %s: %.3fx, noise %s (median absolute deviation)",
                      fmt_ms(c.hand_s).c_str(), n == 1 ? "winner" : "the best of them, ",
                      n == 1 ? "" : contenders[c.winner].tunables.c_str(), n == 1 ? "" : ",", fmt_ms(c.winner_s).c_str(),
                      v.speedup, fmt_ms(c.noise_s).c_str());
        c.verdict = buf + v.why;
        std::printf("%s\n", c.verdict.c_str());
        return c;
    }

    int keep_best() {
        const std::vector<json> all = results();
        const json *b = best(all);
        if (!b) throw Failure("no sample compiled and ran: nothing to keep (see the logs in " + work_.string() + ")");
        const fs::path dir = sample_dir(batch_dir((*b)["batch"]), (*b)["sample"]);
        const double secs = score(*b);
        // The target as Halide spelled it out for the winner ("host" resolved to its features).
        std::string target = o_.target;
        try {
            target = json::parse(read_text(dir / (o_.pipeline + ".manifest.json")))["targets"][0];
        } catch (const std::exception &) {
        }
        const std::string header =
            hand_search() ? std::string() : kept_header(dir / (o_.pipeline + ".schedule.h"), secs, target);
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
                        contenders.push_back({sample_dir(batch_dir((*r)["batch"]), (*r)["sample"]), t, score(*r)});
                }
            }
            confirmed = confirm(contenders);
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
        const fs::path kept = kept_header_.parent_path();
        fs::create_directories(kept);
        // A pipeline keeps one kind of schedule for a device: this run's replaces the other kind.
        for (const fs::path &p : {kept_header_, kept_weights_, kept_tunables_}) fs::remove(p);
        if (hand_search() || !confirmed.keep) {
            // Tunables, or the hand schedule itself (no tunables line) when the winner did not
            // beat it in the confirmation: the device then builds the hand schedule.
            const std::string tunables = confirmed.keep ? best_tunables : "";
            const std::string what =
                hand_search() ? (confirmed.keep ? "the confirmed fastest" : "the hand schedule, confirmed against the fastest") +
                                    std::string(" of ") + std::to_string(all.size()) + " choices of the hand schedule's tunables"
                              : "the hand schedule: the best of " + std::to_string(all.size()) +
                                    " Adams2019 schedules did not beat it";
            write_text(kept_tunables_, "# ghostnet-autotune --search " + o_.search + ": " + what + " for " + o_.pipeline +
                                           " on '" + o_.device + "' (" + o_.pipeline +
                                           ".json has every time and the confirmation).\n# The line below holds the kept tunables; "
                                           "without one the device builds the hand schedule's own choices.\n" +
                                           tunables + "\n");
            write_text(kept_json_, record.dump(2) + "\n");
            std::printf("kept %s:\n  %s\n  %s\n",
                        tunables.empty() ? "the hand schedule's own choices" : tunables.c_str(), kept_tunables_.c_str(),
                        kept_json_.c_str());
            std::printf("build with it: cmake -DGHOSTNET_DEVICE=%s (reconfigure), or ghostnet-generate --schedule device:%s\n",
                        o_.device.c_str(), o_.device.c_str());
            return 0;
        }
        write_text(kept_header_, header);
        write_text(kept_json_, record.dump(2) + "\n");
        if (fs::exists(weights())) fs::copy_file(weights(), kept_weights_, fs::copy_options::overwrite_existing);
        std::printf("kept the best of %zu samples, %s:\n  %s\n  %s\n  %s\n", all.size(), fmt_ms(secs).c_str(),
                    kept_header_.c_str(), kept_json_.c_str(), kept_weights_.c_str());
        std::printf("build with it: cmake -DGHOSTNET_DEVICE=%s (reconfigure), or ghostnet-generate --schedule device:%s\n",
                    o_.device.c_str(), o_.device.c_str());
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
        "      --target hexagon-32-noos-hvx_128   # under qemu-hexagon: emulator time",
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
                   "--search hand: where compiled candidates are kept by their compile command, so a choice "
                   "compiled once is not compiled again (\"\": none)")
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
