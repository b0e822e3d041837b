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
// The pieces live in apps/autotune/, one job each: options.h (the command line, the build's
// tools, and the checks that refuse bad choices by name), work_folder.h (the batches and
// samples on disk, the folder's identity, their results and ranking), process.h (children and
// the pool that runs them, logs, whole-file writes, interrupts), logits_check.h (every
// candidate's logits against the hand schedule's before it is timed), benchmark.h (the runtime,
// RunGen and Hexagon benchmark backends behind one interface, run through the runner template),
// hand_search.h (the hand schedule's search space and the descent and random strategies),
// adams2019.h and cost_model_weights.h (Adams2019's candidates, training samples, retraining,
// weights files and kept header), compile_cache.h (compiled candidates by their command),
// never_worse.h (the confirmation against the hand schedule and the keep-or-refuse rule),
// keep.h (the files kept in schedules/autotuned/<device>/) and compare.h (--compare). This file
// is the loop around them: per batch, compile the candidates, check and time each (a --search
// hand candidate paired with the hand schedule), and at the end confirm and keep the winner
// with its record (what it was tuned on: target, CPU, Halide version, date).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "autotune/adams2019.h"
#include "autotune/benchmark.h"
#include "autotune/compare.h"
#include "autotune/compile_cache.h"
#include "autotune/cost_model_weights.h"
#include "autotune/hand_search.h"
#include "autotune/keep.h"
#include "autotune/layer_groups.h"
#include "autotune/logits_check.h"
#include "autotune/never_worse.h"
#include "autotune/options.h"
#include "autotune/process.h"
#include "autotune/work_folder.h"
#include "cpu_identity.h"
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
#ifndef GHOSTNET_HVX_WORK_PLUGIN
#define GHOSTNET_HVX_WORK_PLUGIN "hvx_work.so"
#endif

namespace {

using namespace ghostnet;
using namespace ghostnet::autotune;
using nlohmann::json;

class Tuner {
public:
    Tuner(Options o, Tools tools) : o_(std::move(o)), tools_(std::move(tools)) {}

    int main() {
        resolve_options(o_, tools_);
        kept_ = KeptFiles(o_.kept_dir, o_.device, o_.pipeline);
        cache_ = CompileCache(o_.cache_dir);
        if (!o_.overwrite && o_.compare_rounds == 0) kept_.refuse_overwrite();
        if (o_.compare_rounds > 0) return compare();
        work_ = o_.work_dir.empty() ? fs::path("autotune") / o_.device / o_.pipeline : fs::path(o_.work_dir);
        folder_ = WorkFolder(work_);
        if (folder_.claim(o_.run_choices())) std::printf("resuming the run in %s\n", work_.c_str());
        std::printf("ghostnet-autotune: %s on device '%s' (%s), %d batch(es) of %d samples, %d compile jobs\n"
                    "  work folder %s\n",
                    o_.pipeline.c_str(), o_.device.c_str(), o_.target.c_str(), o_.batches, o_.samples, o_.jobs,
                    work_.c_str());
        if (o_.hand_search()) read_knobs();  // first: a bad --start fails before anything compiles
        prepare_benchmark_harness();
        const auto start = Clock::now();  // --time-budget counts the layer groups too
        // On Hexagon the reference is the first candidate, the hand schedule as written (its
        // output on the benchmark's job; a whole q8 network takes minutes to compile for HVX).
        check_ = LogitsCheck(o_, tools_, o_.hexagon ? folder_.sample(0, 0) : work_ / "check_reference", cache_);
        check_.prepare();
        if (!o_.hand_search() && !fs::exists(weights())) {
            const fs::path plugin = fs::path(tools_.adams2019_plugin);
            write_text(weights(), baseline_weights(plugin));
            std::printf("starting from the cost model baked into %s\n", plugin.c_str());
        }
        if (o_.layer_groups_min > 0) {
            groups_ = search_groups();  // interrupted: no batch runs below
            start_ = groups_.assembled;
        }
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
    Options o_;
    const Tools tools_;
    fs::path work_;
    WorkFolder folder_;  // work_'s samples
    KeptFiles kept_;     // what the device keeps for the pipeline
    HandSearchSpace space_{{}};  // --search hand
    std::string start_;          // --search hand: where the descent starts ("": the hand schedule)
    GroupSearchResult groups_;   // --layer-groups: what they found
    // Each batch's candidates, once worked out (earlier batches' results no longer change).
    mutable std::map<int, std::vector<std::string>> candidates_;

    std::unique_ptr<Benchmark> bench_;
    CompileCache cache_;  // --search hand's compiled candidates
    LogitsCheck check_;

    bool hand_search() const { return o_.hand_search(); }
    bool checking() const { return o_.checking(); }

    fs::path weights() const { return work_ / "updated.weights"; }

    // The benchmark backend (apps/autotune/benchmark.h) for the work folder, its pieces made.
    void prepare_benchmark_harness() {
        const BenchmarkSetup setup = benchmark_setup();
        bench_ = o_.hexagon ? hexagon_benchmark(setup)
                 : o_.bench == "runtime" ? runtime_benchmark(setup) : rungen_benchmark(setup);
        bench_->prepare();
    }

    // --layer-groups (apps/autotune/layer_groups.h): each width's tunables on its layer group
    // alone, timed as --bench says; the assembled winners, where the whole-network descent starts.
    GroupSearchResult search_groups() {
        std::map<int, std::unique_ptr<Benchmark>> benches;  // per width, made when first asked for
        GroupSearchSetup g;
        g.options = &o_;
        g.work = work_ / "groups";
        g.cache = &cache_;
        g.budget_s = 60 * o_.layer_groups_min;
        g.bench = [&](int width) -> const Benchmark & {
            std::unique_ptr<Benchmark> &b = benches[width];
            if (!b) {
                BenchmarkSetup setup = benchmark_setup();
                setup.work = g.work / ("w" + std::to_string(width));
                setup.group = width;
                setup.runs = 4 * o_.bench_runs;  // a group runs in a fraction of the network's time
                fs::create_directories(setup.work);
                b = o_.bench == "runtime" ? runtime_benchmark(setup) : rungen_benchmark(setup);
                b->prepare();
            }
            return *b;
        };
        return search_layer_groups(g, space_);
    }

    BenchmarkSetup benchmark_setup() const {
        BenchmarkSetup setup;
        setup.work = work_;
        setup.runner = o_.runner;
        setup.timeout = o_.bench_timeout;
        setup.cxx = o_.cxx;
        setup.cxx_flags = o_.cxx_flags;
        setup.source_dir = tools_.source_dir;
        setup.halide_include = tools_.halide_include;
        setup.rungen_main = tools_.rungen_main;
        setup.clang = o_.clang;
        setup.lld = o_.lld;
        setup.hexagon_cflags = tools_.hexagon_cflags;
        setup.pipeline = o_.pipeline;
        setup.host_libs = tools_.runtime_libs();
        setup.packet_counter = o_.packet_counter;
        setup.q8 = o_.q8;
        setup.runs = o_.bench_runs;
        setup.threads = o_.threads;
        return setup;
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
            std::vector<std::string> extra = bench_->generate_flags();
            if (!tunables.empty()) extra.insert(extra.end(), {"--tunables", tunables});
            std::vector<std::string> cmd = generate_command(o_, "hand", extra);
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
            write_command(dir, cmd);
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
        std::vector<std::string> cmd =
            generate_command(o_, "Adams2019", {"--also", "schedule,featurization,registration", "-o", dir.string()});
        const std::vector<std::string> params = candidate_params(seed, beam_sample, o_.beam, o_.parallelism, model);
        cmd.insert(cmd.end(), params.begin(), params.end());
        write_command(dir, cmd);
        return spawn(cmd, {}, dir / "compile.log", o_.compile_timeout);
    }

    // The hand schedule's tunables for this network: ghostnet-generate --list-tunables, one
    // "name min max meaning" a line (a per-width knob once for all widths, then once per width).
    void read_knobs() {
        const fs::path list = work_ / "tunables.list";
        std::vector<std::string> cmd = {o_.generate, "--list-tunables"};
        const std::vector<std::string> net = o_.network_flags();
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
        if (checking() && !o_.hexagon) {
            const std::string wrong = check_.check(dir);
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
        if (checking() && o_.hexagon) {
            const std::string wrong = check_.check(dir);
            if (!wrong.empty()) return fail("rejected, " + wrong, dir / "bench.txt");
        }
        json result = {{"status", "ok"}, {"seconds", secs}, {"batch", b}, {"sample", s}, {"benchmark_s", seconds_since(start)}};
        if (hand_search()) {
            const std::string tunables = WorkFolder::sample_tunables(dir);
            result["tunables"] = tunables;
            // Scored against the hand schedule as written (never_worse.h, pair_with_hand).
            std::string paired;
            const std::vector<json> before = folder_.results();
            const json *hand = nullptr;
            for (const json &r : before)
                if (is_hand(r)) hand = &r;
            if (hand) {
                const Paired p = pair_with_hand(*bench_, dir, folder_.sample_of(*hand), secs, o_.pair_rounds);
                if (g_interrupted) return;
                if (p.complete) {
                    result["seconds"] = p.median_s;
                    result["hand"] = {{"batch", (*hand)["batch"]}, {"sample", (*hand)["sample"]}, {"seconds", p.hand_median_s}};
                    result["ratios"] = p.ratios;
                    result["score"] = (*hand)["seconds"].get<double>() * p.ratio;
                    char text[200];
                    std::snprintf(text, sizeof text,
                                  "; against the hand schedule (%s) in %d alternated rounds: %.3fx its speed (median), scored %s",
                                  fmt_ms(p.hand_median_s).c_str(), o_.pair_rounds, 1.0 / p.ratio,
                                  fmt_ms(result["score"].get<double>()).c_str());
                    paired = text;
                }
            }
            write_text(dir / "result.json", result.dump() + "\n");
            std::printf("[batch %d/%d] sample %d/%d: %s with %s%s (best so far %s)\n", b + 1, o_.batches, s + 1,
                        batch_size(b), fmt_ms(result["seconds"].get<double>()).c_str(), tunables.empty() ? "the hand schedule's own choices" : tunables.c_str(),
                        paired.c_str(), best_text().c_str());
            return;
        }
        if (!write_training_sample(tools_.featurization_to_sample, dir, o_.pipeline, b, s, secs))
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
        autotune::retrain(tools_.retrain_cost_model, samples, work_, weights(), o_.epochs, o_.jobs);
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
        c.network_flags = o_.network_flags();
        c.q8 = o_.q8;
        c.beam = o_.beam;
        c.parallelism = o_.parallelism;
        c.jobs = o_.jobs;
        c.rounds = o_.compare_rounds;
        c.compile_timeout = o_.compile_timeout;
        c.only = o_.compare_only;
        c.kept = kept_;
        c.bench = bench_.get();
        // The hand variant --compare compiles is the library the check compares with.
        check_ = LogitsCheck(o_, tools_, work_ / "hand", CompileCache());
        if (checking()) c.check = [this](const fs::path &dir) { return check_.check(dir); };
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
        std::vector<std::string> cmd = generate_command(o_, "hand", bench_->generate_flags());
        cmd.insert(cmd.end(), {"-o", dir.string()});
        std::printf("compiling the hand schedule to confirm the winner against...\n");
        if (run(cmd, {}, dir / "compile.log", o_.compile_timeout) != 0)
            throw Failure("compiling the hand schedule failed: nothing kept (see " + (dir / "compile.log").string() + ")");
        if (!link_bench(dir)) throw Failure("linking the hand schedule's benchmark failed: nothing kept");
        return dir;
    }

    // The CPU the candidates were timed on, for the record (runtime/cpu_identity.h): as the
    // benchmark in `dir` reported it, else this machine's when the benchmarks ran here; null
    // when neither can tell (RunGen through a runner; Hexagon, timed by packets).
    json timed_cpu(const fs::path &dir) const {
        const std::string reported = bench_->cpu(dir);
        if (!reported.empty()) return json::parse(reported);
        if (o_.local && !o_.hexagon) return json::parse(this_cpu().to_json());
        return nullptr;
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
        json record = o_.run_choices();
        record["target_requested"] = o_.target;
        record["target"] = target;
        record["date"] = date;
        record["halide"] = tools_.halide_version;
        const json cpu = timed_cpu(dir);
        if (!cpu.is_null()) record["cpu"] = cpu;
        record["autoscheduler"] = hand_search() ? "none: the hand schedule's tunables, " + o_.strategy + " search" : "Adams2019";
        record["batches"] = o_.batches;
        record["samples_measured"] = all.size();
        record["best"] = {{"ms", secs * 1e3}, {"batch", (*b)["batch"]}, {"sample", (*b)["sample"]}};
        record["measure"] = bench_->measure();
        record["times"] = times;
        if (hand_search()) record["best"]["tunables"] = (*b).value("tunables", "");
        record["confirmation"] = confirmed.to_json(winner_is_hand);
        if (o_.layer_groups_min > 0)
            record["layer_groups"] = {{"seconds", groups_.seconds}, {"start", groups_.assembled}, {"widths", groups_.record}};
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
    Tools tools;
    tools.source_dir = GHOSTNET_SOURCE_DIR;
    tools.cxx = GHOSTNET_CXX;
    tools.halide_include = GHOSTNET_HALIDE_INCLUDE;
    tools.halide_version = GHOSTNET_HALIDE_VERSION;
    tools.rungen_main = GHOSTNET_RUNGEN_MAIN;
    tools.adams2019_plugin = GHOSTNET_ADAMS2019_PLUGIN;
    tools.featurization_to_sample = GHOSTNET_FEATURIZATION_TO_SAMPLE;
    tools.retrain_cost_model = GHOSTNET_RETRAIN_COST_MODEL;
    std::istringstream libs(GHOSTNET_CHECK_LIBS);
    for (std::string lib; std::getline(libs, lib, '|');)
        if (!lib.empty()) tools.check_libs.push_back(lib);
    tools.hexagon_cflags = GHOSTNET_HEXAGON_CFLAGS;
    tools.hvx_work_plugin = GHOSTNET_HVX_WORK_PLUGIN;
    add_options(app, o, tools);
    CLI11_PARSE(app, argc, argv);

    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress lines as they happen, also into a log
    install_interrupt_handler();
    try {
        return Tuner(o, tools).main();
    } catch (const std::exception &e) {
        std::fprintf(stderr, "ghostnet-autotune: %s\n", e.what());
        return 1;
    }
}
