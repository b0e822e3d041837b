// ghostnet-bench: latency of the compiled pipeline, batch 1: median and min over --runs
// after warm-up. Random weights unless --weights is given (speed does not depend on them).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <random>

#include "cli_common.h"
#include "error.h"
#include "model.h"
#include "pipeline_registry.h"
#include "weights.h"

namespace {

std::vector<float> random_packed(const ghostnet::NetworkSpec &spec, uint32_t seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> n(0.0f, 0.05f);
    std::vector<float> packed(spec.packed_size);
    for (float &v : packed) v = n(rng);
    return packed;
}

}  // namespace

int main(int argc, char **argv) {
    using namespace ghostnet;
    NetworkConfig cfg;
    std::string weights;
    int threads = 0, runs = 100, warmup = 10;
    bool json = false;
    CLI::App app("Measures the compiled GhostNet pipeline (batch 1): median and min latency.",
                 "ghostnet-bench");
    add_network_options(app, &cfg);
    app.add_option("--weights", weights,
                   "checkpoint (.safetensors), or a q8 model (ghostnet-quantize) to time q8; "
                   "random float weights if absent")
        ->check(CLI::ExistingFile);
    app.add_option("--threads", threads, "threads (0: one per core)")->capture_default_str();
    app.add_option("--runs", runs, "timed runs")->capture_default_str()->check(CLI::Range(1, 1000000));
    app.add_option("--warmup", warmup, "untimed runs first")->capture_default_str()->check(CLI::NonNegativeNumber);
    app.add_flag("--json", json, "print one JSON line");
    CLI11_PARSE(app, argc, argv);

    try {
        set_num_threads(threads);
        Model model = weights.empty() ? [&] {
            const NetworkSpec spec = make_ghostnet_spec(cfg);
            return Model(spec, random_packed(spec, 1), require_pipeline(spec).fn);
        }()
                                      : Model::load(weights, cfg);
        std::vector<float> input(model.input_count());
        std::mt19937 rng(2);
        std::normal_distribution<float> n(0.0f, 1.0f);
        for (float &v : input) v = n(rng);

        for (int i = 0; i < warmup; i++) model.run(input.data(), input.size());
        std::vector<double> ms(runs);
        for (int i = 0; i < runs; i++) {
            const auto t0 = std::chrono::steady_clock::now();
            model.run(input.data(), input.size());
            ms[i] = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        }
        std::sort(ms.begin(), ms.end());
        const double median = runs % 2 ? ms[runs / 2] : 0.5 * (ms[runs / 2 - 1] + ms[runs / 2]);
        const double mn = ms.front();
        const char *name = require_pipeline(model.spec(), model.precision()).name;
        if (json)
            std::printf("{\"pipeline\": \"%s\", \"network\": \"%s\", \"threads\": %d, \"runs\": %d, "
                        "\"median_ms\": %.4f, \"min_ms\": %.4f}\n",
                        name, model.spec().describe().c_str(), threads, runs, median, mn);
        else
            std::printf("%s [%s], threads %d: median %.3f ms, min %.3f ms over %d runs\n",
                        model.spec().describe().c_str(), name, threads, median, mn, runs);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "ghostnet-bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
