// ghostnet-bench-plug-and-play: the paper's plug-and-play claim, measured. For VGG-16 and
// ResNet-56 (CIFAR-10, batch 1) it times the plain network and every Ghost version this build
// compiled, interleaved run by run in one process, and prints each one's multiply-adds, the
// MAC ratio to the plain network (the paper's theoretical speed-up, about s) and the measured
// speed-up of the median and min latency. Random weights loaded through the runtime (speed does
// not depend on their values).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <random>
#include <string>
#include <vector>

#include "cli_common.h"
#include "timing.h"
#include "complexity.h"
#include "error.h"
#include "model.h"
#include "pipeline_registry.h"
#include "plug_and_play.h"

namespace {

using namespace ghostnet;

struct Row {
    PlugAndPlaySpec spec;
    PlugAndPlayModel model;
    int64_t params = 0, macs = 0;
    std::vector<double> ms;
    Timing t;
};

// The plain network first, then its Ghost versions by s, d.
std::vector<PlugAndPlayEntry> family(PlugAndPlayNetwork network) {
    std::vector<PlugAndPlayEntry> v;
    for (const PlugAndPlayEntry &e : compiled_plug_and_play())
        if (e.network == std::string(network_name(network))) v.push_back(e);
    std::sort(v.begin(), v.end(), [](const PlugAndPlayEntry &a, const PlugAndPlayEntry &b) {
        return a.ghost_ratio != b.ghost_ratio ? a.ghost_ratio < b.ghost_ratio : a.ghost_dw < b.ghost_dw;
    });
    return v;
}

}  // namespace

int main(int argc, char **argv) {
    std::string which = "all";
    int threads = 0, runs = 50, warmup = 5;
    bool json = false;
    CLI::App app("Times VGG-16 and ResNet-56 (CIFAR-10, batch 1) against their Ghost versions and "
                 "prints the measured speed-up next to the MAC ratio (the theoretical one).",
                 "ghostnet-bench-plug-and-play");
    app.add_option("--network", which, "vgg16, resnet56 or all")
        ->capture_default_str()
        ->check(CLI::IsMember({"all", "vgg16", "resnet56"}));
    app.add_option("--threads", threads, "threads (0: one per core)")->capture_default_str();
    app.add_option("--runs", runs, "timed runs of each network")->capture_default_str()->check(CLI::Range(1, 1000000));
    app.add_option("--warmup", warmup, "untimed runs first")->capture_default_str()->check(CLI::NonNegativeNumber);
    app.add_flag("--json", json, "one JSON line per network");
    CLI11_PARSE(app, argc, argv);

    try {
        set_num_threads(threads);
        std::vector<float> input(3 * 32 * 32);
        std::mt19937 rng(2);
        std::normal_distribution<float> n(0.0f, 1.0f);
        for (float &v : input) v = n(rng);

        if (!json)
            std::printf("%-38s %9s %9s %10s %10s %9s %13s %10s\n", "network (CIFAR-10, batch 1)", "params",
                        "MACs", "MAC ratio", "median ms", "min ms", "speed-up med", "(min)");
        for (PlugAndPlayNetwork network : {PlugAndPlayNetwork::Vgg16, PlugAndPlayNetwork::Resnet56}) {
            if (which != "all" && which != network_name(network)) continue;
            std::vector<Row> rows;
            for (const PlugAndPlayEntry &e : family(network)) {
                PlugAndPlayConfig cfg;
                cfg.network = network;
                cfg.ghost_ratio = e.ghost_ratio;
                cfg.ghost_dw = e.ghost_dw;
                const PlugAndPlaySpec spec = make_plug_and_play_spec(cfg);
                const NetworkCost cost = plug_and_play_cost(spec);
                rows.push_back({spec,
                                PlugAndPlayModel::from_tensors(spec, random_checkpoint(spec.tensors(), 1),
                                                               "random weights", e.fn),
                                cost.params(), cost.macs(), {}, 0, 0});
            }
            if (rows.empty() || rows.front().spec.config.ghost_ratio != 0)
                throw Error(std::string("this build has no plain ") + network_name(network) +
                            " to compare with (ghostnet_add_plug_and_play in CMakeLists.txt)");
            auto time_one = [&](const Row &r) {
                const auto t0 = std::chrono::steady_clock::now();
                r.model.run(input.data(), input.size());
                return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
            };
            for (int i = 0; i < warmup; i++)
                for (const Row &r : rows) time_one(r);
            // Round by round, every network once per round: drift hits them all alike.
            for (int i = 0; i < runs; i++)
                for (Row &r : rows) r.ms.push_back(time_one(r));
            for (Row &r : rows) r.t = summarize(r.ms);
            const Row &base = rows.front();
            for (const Row &r : rows) {
                const double mac_ratio = double(base.macs) / double(r.macs);
                const double speedup = base.t.median / r.t.median, speedup_min = base.t.min / r.t.min;
                const std::string name = r.spec.describe().substr(0, r.spec.describe().find(", CIFAR"));
                if (json)
                    std::printf("{\"network\": \"%s\", \"pipeline\": \"%s\", \"threads\": %d, \"runs\": %d, "
                                "\"params\": %lld, \"macs\": %lld, \"mac_ratio\": %.4f, \"median_ms\": %.4f, "
                                "\"min_ms\": %.4f, \"speedup_median\": %.4f, \"speedup_min\": %.4f}\n",
                                name.c_str(), r.spec.name().c_str(), threads, runs, (long long)r.params,
                                (long long)r.macs, mac_ratio, r.t.median, r.t.min, speedup, speedup_min);
                else
                    std::printf("%-38s %7.2f M %7.1f M %9.2fx %10.3f %9.3f %12.2fx %9.2fx\n", name.c_str(),
                                r.params / 1e6, r.macs / 1e6, mac_ratio, r.t.median, r.t.min, speedup, speedup_min);
            }
        }
        if (!json)
            std::printf("(interleaved, %d runs each after %d warm-up, threads %d; speed-up = plain / Ghost)\n", runs,
                        warmup, threads);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "ghostnet-bench-plug-and-play: %s\n", e.what());
        return 1;
    }
    return 0;
}
