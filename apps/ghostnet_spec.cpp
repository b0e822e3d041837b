// ghostnet-spec: prints the architecture the generators build for a configuration, as a
// table or as JSON (the input of tools/ghostnet_torch.py).
#include <cstdio>
#include <exception>

#include "cli_common.h"
#include "ghostnet_arch.h"

int main(int argc, char **argv) {
    using namespace ghostnet;
    NetworkConfig cfg;
    bool json = false;
    CLI::App app("Prints the GhostNet architecture for a configuration: every block's channels and\n"
                 "strides, the parameter count, and (with --json) every tensor a checkpoint holds.",
                 "ghostnet-spec");
    add_network_options(app, &cfg);
    app.add_flag("--json", json, "print JSON (the format tools/ghostnet_torch.py reads)");
    CLI11_PARSE(app, argc, argv);
    try {
        const NetworkSpec spec = make_ghostnet_spec(cfg);
        if (json) {
            std::fputs(spec.to_json().c_str(), stdout);
            return 0;
        }
        std::printf("%s\n", spec.describe().c_str());
        std::printf("stem: %d -> %d, 3x3 stride %d, output %dx%d\n", spec.stem.cin, spec.stem.cout,
                    spec.stem.stride, spec.stem_h, spec.stem_w);
        std::printf("%-12s %5s %5s %5s %3s %6s %5s %9s\n", "block", "in", "mid", "out", "k",
                    "stride", "se", "output");
        for (const BottleneckSpec &b : spec.blocks)
            std::printf("%-12s %5d %5d %5d %3d %6d %5d %4dx%-4d\n", b.name.c_str(), b.in, b.mid,
                        b.out, b.k, b.stride, b.se.reduced, b.out_h, b.out_w);
        std::printf("head: %d -> %d (1x1) at %dx%d, pool, %d -> %d, classifier %d -> %d\n",
                    spec.head.cin, spec.head.cout, spec.head_h, spec.head_w, spec.conv_head.cin,
                    spec.conv_head.cout, spec.classifier.cin, spec.classifier.cout);
        std::printf("parameters: %lld, packed weights: %zu floats\n",
                    (long long)spec.parameter_count(), spec.packed_size);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "ghostnet-spec: %s\n", e.what());
        return 2;
    }
    return 0;
}
