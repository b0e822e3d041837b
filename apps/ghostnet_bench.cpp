// ghostnet-bench: latency of the compiled pipeline, batch 1: median and min over --runs
// after warm-up. Random weights unless --weights is given (speed does not depend on them).
// With --baseline, a second model runs in the same process, interleaved run by run with the
// first, and the ratio of their medians is printed: the only comparison that means anything
// on a machine whose speed drifts.
// With --profile, the profiling variant of the pipeline runs instead (built beside the normal
// one for the networks CMake adds with PROFILE) and Halide's profiler gives each stage's time.
// With --fma-peak, the fp32 median is also given as a share of the cores' FMA peak, measured
// (apps/fma_peak.h) on the vectors the dispatched code uses.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <limits>
#include <memory>
#include <random>
#include <thread>

#include "cli_common.h"
#include "complexity.h"
#include "cpu_features.h"
#include "fma_peak.h"
#include "timing.h"
#include "error.h"
#include "model.h"
#include "pipeline_registry.h"
#include "profile.h"
#include "q8_model_file.h"
#include "safetensors.h"
#include "weights.h"

namespace {

using namespace ghostnet;

std::vector<float> random_packed(const NetworkSpec &spec, uint32_t seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> n(0.0f, 0.05f);
    std::vector<float> packed(spec.packed_size);
    for (float &v : packed) v = n(rng);
    return packed;
}

NetworkSpec checked_spec(const NetworkConfig &cfg) {
    try {
        return make_ghostnet_spec(cfg);
    } catch (const std::invalid_argument &e) {
        throw Error(std::string("invalid network configuration: ") + e.what());
    }
}

std::unique_ptr<Model> load(const std::string &weights, const NetworkConfig &cfg) {
    if (!weights.empty()) return std::make_unique<Model>(Model::load(weights, cfg));
    const NetworkSpec spec = checked_spec(cfg);
    return std::make_unique<Model>(spec, random_packed(spec, 1), require_pipeline(spec).fn);
}

// The same model on the pipeline's profiling variant, or Error naming the builds that have one.
std::unique_ptr<Model> load_profiling(const std::string &weights, const NetworkConfig &cfg,
                                      std::string *name) {
    const NetworkSpec spec = checked_spec(cfg);
    int bits = 8;
    Precision precision = Precision::F32;
    if (!weights.empty()) {
        const SafetensorsFile file = SafetensorsFile::read(weights);
        if (q8::is_q8_file(file)) {
            precision = Precision::Q8;
            bits = q8::grouped_weight_bits(file);
        }
    }
    const PipelineEntry &e = require_pipeline(spec, precision, bits);
    if (!e.profile.name) {
        std::string have;
        for (const PipelineEntry &p : compiled_pipelines())
            if (p.profile.name) have += (have.empty() ? "" : ", ") + std::string(p.name);
        throw Error(std::string("--profile: this build has no profiling variant of ") + e.name +
                    " (it has one of: " + (have.empty() ? "none" : have) +
                    "); add PROFILE to its ghostnet_add_network line in CMakeLists.txt, with "
                    "GHOSTNET_PROFILE_VARIANTS=ON");
    }
    *name = e.profile.name;
    if (weights.empty()) return std::make_unique<Model>(spec, random_packed(spec, 1), e.profile.fn);
    if (precision == Precision::Q8) return std::make_unique<Model>(Model::load(weights, cfg, e.profile.q8_fn));
    return std::make_unique<Model>(Model::load(weights, cfg, e.profile.fn));
}

void print_profile(const PipelineProfile &p, const std::string &net, int threads, bool json) {
    if (json) {
        std::printf("{\"pipeline\": \"%s\", \"network\": \"%s\", \"threads\": %d, \"runs\": %d, "
                    "\"ms_per_run\": %.4f, \"samples\": %d, \"stages\": [",
                    p.pipeline.c_str(), net.c_str(), threads, p.runs, p.ms_per_run, p.samples);
        for (size_t i = 0; i < p.stages.size(); i++) {
            const StageTime &s = p.stages[i];
            std::printf("%s{\"name\": \"%s\", \"ms\": %.5f, \"percent\": %.2f, \"threads\": %.2f}",
                        i ? ", " : "", s.name.c_str(), s.ms, s.percent, s.threads);
        }
        std::printf("]}\n");
        return;
    }
    std::printf("%s [%s], threads %d: %.3f ms per run over %d runs (Halide's profiler, %d samples)\n\n",
                net.c_str(), p.pipeline.c_str(), threads, p.ms_per_run, p.runs, p.samples);
    std::printf("%-44s %10s %7s %8s\n", "stage", "ms/run", "%", "threads");
    for (const StageTime &s : p.stages)
        std::printf("%-44s %10.4f %6.1f%% %8.2f\n", s.name.c_str(), s.ms, s.percent, s.threads);
}


// A cache line handed back and forth between two threads: the round trip in ns (median of
// 5 tries of 100000 round trips). It says how far apart the cores the threads got are, which
// decides what a 2-thread run gains (docs/performance.md).
double ping_pong_ns() {
    std::vector<double> tries;
    for (int t = 0; t < 5; t++) {
        alignas(64) std::atomic<int> ball{0};
        constexpr int kRounds = 100000;
        std::thread other([&] {
            for (int i = 0; i < kRounds; i++) {
                while (ball.load(std::memory_order_acquire) != 1) {
                }
                ball.store(0, std::memory_order_release);
            }
        });
        const auto t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < kRounds; i++) {
            ball.store(1, std::memory_order_release);
            while (ball.load(std::memory_order_acquire) != 0) {
            }
        }
        const double ns = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count();
        other.join();
        tries.push_back(ns / kRounds);
    }
    return summarize(tries).median;
}

// The widest vectors of the variant a dispatching pipeline took (cpu_features.h), in bits; a
// pipeline built for this machine alone (no dispatch asked) has this CPU's widest.
int dispatched_vector_bits() {
    if (dispatched_features().empty()) return 512;
    const std::string f = "-" + dispatched_features() + "-";
    if (f.find("-avx512-") != std::string::npos) return 512;
    if (f.find("-avx2-") != std::string::npos) return 256;
    return 128;
}

// --fma-peak: the fp32 run's flops (2 per multiply-add of ghostnet_cost) at its median against
// the FMA peak of `threads` cores (that many times one core's, measured now on the dispatched
// code's vectors; two vCPUs that share a physical core have less).
struct PeakShare {
    FmaPeak peak;
    double gflop_per_run = 0.0, gflops = 0.0, percent = 0.0;
    int cores = 1;
};
PeakShare peak_share(const Model &m, double median_ms, int threads) {
    PeakShare s;
    s.cores = threads > 0 ? threads : std::max(1u, std::thread::hardware_concurrency());
    s.peak = measure_fma_peak(dispatched_vector_bits());
    s.gflop_per_run = 2.0 * double(ghostnet_cost(m.spec()).macs()) / 1e9;
    s.gflops = s.gflop_per_run / (median_ms / 1e3);
    if (s.peak.gflops > 0) s.percent = 100.0 * s.gflops / (s.peak.gflops * s.cores);
    return s;
}

const char *pipeline_name(const Model &m) {
    const bool q8 = m.precision() == Precision::Q8;
    return require_pipeline(m.spec(), m.precision(), q8 ? m.q8_packed().grouped_weight_bits : 8).name;
}

}  // namespace

int main(int argc, char **argv) {
    NetworkConfig cfg;
    std::string weights, baseline;
    int threads = 0, runs = 100, warmup = 10;
    bool json = false, profile = false, ping_pong = false, throughput = false, fma_peak = false;
    CLI::App app("Measures the compiled GhostNet pipeline (batch 1): median and min latency.",
                 "ghostnet-bench");
    add_network_options(app, &cfg);
    app.add_option("--weights", weights,
                   "checkpoint (.safetensors), or a q8 model (ghostnet-quantize) to time q8; "
                   "random float weights if absent")
        ->check(CLI::ExistingFile);
    app.add_option("--baseline", baseline,
                   "a second model (checkpoint or q8 model) for the same network, timed in "
                   "alternation with the first; prints baseline median / this median")
        ->check(CLI::ExistingFile);
    app.add_option("--threads", threads, "threads (0: one per core)")->capture_default_str();
    app.add_option("--runs", runs, "timed runs")->capture_default_str()->check(CLI::Range(1, 1000000));
    app.add_option("--warmup", warmup, "untimed runs first")->capture_default_str()->check(CLI::NonNegativeNumber);
    app.add_flag("--json", json, "print one JSON line");
    app.add_flag("--profile", profile,
                 "time each stage instead: runs the pipeline's profiling variant (Halide's sampling "
                 "profiler, built beside the normal library for the networks CMakeLists.txt adds with "
                 "PROFILE: GhostNet 1.0x fp32 and q8, the bundled model, the test network) and prints "
                 "its stages, slowest first (with --json: a \"stages\" list). Give a few hundred runs: "
                 "the profiler samples about once a millisecond")
        ->excludes("--baseline");
    app.add_flag("--ping-pong", ping_pong,
                 "also measure a cache-line round trip between two threads (ns) before timing: how "
                 "far apart this machine's cores are now (with --json: \"ping_pong_ns\")");
    app.add_flag("--throughput", throughput,
                 "images per second with one image per thread instead (each of the --threads threads "
                 "runs --runs images on a one-thread pipeline, side by side): what classifying many "
                 "images gets, against latency's one image split across the threads")
        ->excludes("--baseline")
        ->excludes("--profile");
    app.add_flag("--fma-peak", fma_peak,
                 "also measure one core's fp32 multiply-add peak after timing (12 independent FMA chains "
                 "on the widest vectors the pipeline's dispatched code uses) and give the median run's "
                 "GFLOP/s (2 per multiply-add) as a share of the peak of the threads' cores (fp32 only; "
                 "with --json: \"fma_peak_gflops\", \"gflops\", \"percent_of_peak\")")
        ->excludes("--profile")
        ->excludes("--throughput");
    CLI11_PARSE(app, argc, argv);

    try {
        // --throughput: one image per thread, each pipeline on one thread.
        const int total = throughput ? set_side_by_side(threads, 0, std::numeric_limits<int>::max()).images : 0;
        if (!throughput) set_num_threads(threads);
        const double pp_ns = ping_pong ? ping_pong_ns() : 0.0;
        std::string profile_name;
        const std::unique_ptr<Model> model =
            profile ? load_profiling(weights, cfg, &profile_name) : load(weights, cfg);
        const std::unique_ptr<Model> base = baseline.empty() ? nullptr : load(baseline, cfg);
        if (fma_peak && model->precision() != Precision::F32)
            throw Error("--fma-peak: " + weights + " is a q8 model; the FMA peak is an fp32 figure (time an fp32 model)");
        std::vector<float> input(model->input_count());
        std::mt19937 rng(2);
        std::normal_distribution<float> n(0.0f, 1.0f);
        for (float &v : input) v = n(rng);

        auto time_one = [&](const Model &m) {
            const auto t0 = std::chrono::steady_clock::now();
            m.run(input.data(), input.size());
            return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        };
        for (int i = 0; i < warmup; i++) {
            time_one(*model);
            if (base) time_one(*base);
        }
        if (throughput) {
            std::vector<std::vector<double>> per(total);
            std::vector<std::thread> side;
            const auto t0 = std::chrono::steady_clock::now();
            for (int k = 0; k < total; k++)
                side.emplace_back([&, k] {
                    for (int i = 0; i < runs; i++) per[k].push_back(time_one(*model));
                });
            for (std::thread &th : side) th.join();
            const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            std::vector<double> all;
            for (const auto &v : per) all.insert(all.end(), v.begin(), v.end());
            const Timing t = summarize(all);
            const double ips = total * runs / wall;
            const std::string net = model->spec().describe();
            if (json)
                std::printf("{\"pipeline\": \"%s\", \"network\": \"%s\", \"parallel_images\": %d, \"runs\": %d, "
                            "\"images_per_second\": %.1f, \"median_ms\": %.4f, \"min_ms\": %.4f}\n",
                            pipeline_name(*model), net.c_str(), total, runs, ips, t.median, t.min);
            else
                std::printf("%s [%s], %d images side by side (one thread each): %.1f images/s; per image "
                            "median %.3f ms, min %.3f ms over %d runs each\n",
                            net.c_str(), pipeline_name(*model), total, ips, t.median, t.min, runs);
            return 0;
        }
        if (profile) {
            reset_profiles();
            for (int i = 0; i < runs; i++) model->run(input.data(), input.size());
            print_profile(take_profile(profile_name), model->spec().describe(), threads, json);
            return 0;
        }
        std::vector<double> ms, base_ms;
        for (int i = 0; i < runs; i++) {
            ms.push_back(time_one(*model));
            if (base) base_ms.push_back(time_one(*base));
        }
        const Timing t = summarize(ms);
        const std::string net = model->spec().describe();
        const PeakShare share = fma_peak ? peak_share(*model, t.median, threads) : PeakShare{};
        if (fma_peak && share.peak.gflops <= 0)
            throw Error("--fma-peak: no FMA loop for this CPU (x86-64 with AVX2+FMA or AVX-512, or AArch64)");
        if (json) {
            std::printf("{\"pipeline\": \"%s\", \"network\": \"%s\", \"threads\": %d, \"runs\": %d, "
                        "\"median_ms\": %.4f, \"min_ms\": %.4f",
                        pipeline_name(*model), net.c_str(), threads, runs, t.median, t.min);
            if (ping_pong) std::printf(", \"ping_pong_ns\": %.1f", pp_ns);
            if (fma_peak)
                std::printf(", \"fma_peak_gflops\": %.2f, \"fma_peak_isa\": \"%s\", \"gflops\": %.2f, "
                            "\"percent_of_peak\": %.1f",
                            share.peak.gflops, share.peak.isa, share.gflops, share.percent);
            if (base) {
                const Timing b = summarize(base_ms);
                std::printf(", \"baseline_pipeline\": \"%s\", \"baseline_median_ms\": %.4f, "
                            "\"baseline_min_ms\": %.4f, \"speedup\": %.4f",
                            pipeline_name(*base), b.median, b.min, b.median / t.median);
            }
            std::printf("}\n");
        } else {
            std::printf("%s [%s], threads %d: median %.3f ms, min %.3f ms over %d runs\n",
                        net.c_str(), pipeline_name(*model), threads, t.median, t.min, runs);
            if (ping_pong) std::printf("cache-line round trip between two threads: %.0f ns\n", pp_ns);
            if (fma_peak)
                std::printf("fp32 FMA peak of one core (%s, %d-bit vectors): %.1f GFLOP/s; this network does "
                            "%.3f GFLOP a run, at the median %.1f GFLOP/s: %.1f%% of the peak of %d core%s\n",
                            share.peak.isa, share.peak.vector_bits, share.peak.gflops, share.gflop_per_run,
                            share.gflops, share.percent, share.cores, share.cores == 1 ? "" : "s");
            if (base) {
                const Timing b = summarize(base_ms);
                std::printf("%s [%s] (baseline, interleaved): median %.3f ms, min %.3f ms\n"
                            "speed-up over the baseline: %.2fx (median), %.2fx (min)\n",
                            net.c_str(), pipeline_name(*base), b.median, b.min, b.median / t.median,
                            b.min / t.min);
            }
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "ghostnet-bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
