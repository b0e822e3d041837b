// ghostnet-stats: parameters and multiply-adds per layer and in total, for GhostNet at any
// configuration and for the paper's plug-and-play networks (VGG-16 and ResNet-56 on CIFAR-10,
// ResNet-50 on ImageNet, plain or with Ghost modules); --paper sets them beside the GhostNet
// paper's published figures. Conventions: runtime/complexity.h.
#include <cmath>
#include <cstdio>
#include <exception>

#include "cli_common.h"
#include "complexity.h"

int main(int argc, char **argv) {
    using namespace ghostnet;
    std::string network = "ghostnet";
    NetworkConfig cfg;
    GhostChoice g;
    bool json = false, layers = false, paper = false;

    CLI::App app("Parameters and multiply-adds (MACs) per layer and in total.\n"
                 "Counts MACs of convolutions and fully connected layers (the paper's FLOPs); "
                 "parameters as PyTorch counts them (weights, biases, BatchNorm gamma/beta).",
                 "ghostnet-stats");
    app.add_option("--network", network, "ghostnet, vgg16 (CIFAR-10), resnet56 (CIFAR-10) or resnet50 (ImageNet)")
        ->check(CLI::IsMember({"ghostnet", "vgg16", "resnet56", "resnet50"}))
        ->capture_default_str();
    add_network_options(app, &cfg);
    app.add_option("-s,--ratio", g.s, "vgg16/resnet56/resnet50: replace every conv but the first by a Ghost module with ratio s (0: plain)")
        ->capture_default_str()->check(CLI::Range(0, 64));
    app.add_option("-d,--dw-kernel", g.d, "the Ghost modules' cheap depthwise kernel d")->capture_default_str();
    app.add_flag("--layers", layers, "one row per layer, not only the totals");
    app.add_flag("--json", json, "JSON: totals and every layer");
    app.add_flag("--paper", paper, "every figure the GhostNet paper publishes, beside this count");
    CLI11_PARSE(app, argc, argv);

    try {
        if (paper) {
            std::printf("%-32s %22s %22s\n", "network", "params (paper / ours)", "MACs (paper / ours)");
            for (const PublishedFigure &f : published_figures()) {
                const NetworkCost c = figure_cost(f);
                std::printf("%-32s %9.*f M / %7.3f M %9.0f M / %7.1f M\n", f.label.c_str(), f.params_digits,
                            f.params_m, c.params() / 1e6, f.macs_m, c.macs() / 1e6);
            }
            return 0;
        }
        const NetworkCost c = network == "ghostnet" ? ghostnet_cost(make_ghostnet_spec(cfg))
                                                    : plug_and_play_cost(network, g);
        if (json) {
            std::printf("%s\n", c.json().c_str());
        } else if (layers) {
            std::printf("%s", c.table().c_str());
        } else {
            std::printf("%s: %.3f M parameters (%lld), %.1f M MACs (%lld)\n", c.name.c_str(), c.params() / 1e6,
                        (long long)c.params(), c.macs() / 1e6, (long long)c.macs());
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "ghostnet-stats: %s\n", e.what());
        return 1;
    }
    return 0;
}
