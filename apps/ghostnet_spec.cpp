// ghostnet-spec: prints the architecture the generators build for a configuration (any member of
// the family: --version), as a
// table or as JSON (the input of tools/ghostnet_torch.py); with --random-checkpoint, writes a
// checkpoint of random weights for it (to benchmark, or to quantize with ghostnet-quantize,
// without a trained model).
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>

#include "cli_common.h"
#include "ghostnet_arch.h"
#include "safetensors.h"
#include "weights.h"

int main(int argc, char **argv) {
    using namespace ghostnet;
    NetworkConfig cfg;
    bool json = false;
    std::string random_path;
    uint32_t seed = 31;
    CLI::App app("Prints the GhostNet architecture for a configuration: every block's channels and\n"
                 "strides, the parameter count, and (with --json) every tensor a checkpoint holds.",
                 "ghostnet-spec");
    add_network_options(app, &cfg);
    app.add_flag("--json", json, "print JSON (the format tools/ghostnet_torch.py reads)");
    app.add_option("--random-checkpoint", random_path,
                   "write a .safetensors checkpoint of random weights for this configuration (every tensor a "
                   "timm checkpoint holds, BatchNorm statistics far from identity) to this new file, for "
                   "benchmarks and ghostnet-quantize; refuses an existing file");
    app.add_option("--seed", seed, "--random-checkpoint: seeds the weights")->capture_default_str();
    CLI11_PARSE(app, argc, argv);
    try {
        const NetworkSpec spec = make_ghostnet_spec(cfg);
        if (!random_path.empty()) {
            if (std::filesystem::exists(random_path))
                throw Error("--random-checkpoint " + random_path + " exists; give a new file (nothing was overwritten)");
            write_safetensors(random_path, random_checkpoint(spec.tensors(), seed),
                              {{"source", "ghostnet-spec --random-checkpoint --seed " + std::to_string(seed)}});
            std::printf("wrote %s: random weights for %s (%lld parameters, seed %u)\n", random_path.c_str(),
                        spec.describe().c_str(), (long long)spec.parameter_count(), seed);
            return 0;
        }
        if (json) {
            std::fputs(spec.to_json().c_str(), stdout);
            return 0;
        }
        std::printf("%s\n", spec.describe().c_str());
        std::printf("stem: %d -> %d, 3x3 stride %d, output %dx%d\n", spec.stem.cin, spec.stem.cout,
                    spec.stem.stride, spec.stem_h, spec.stem_w);
        std::printf("%-12s %5s %5s %5s %3s %6s %5s %4s %9s\n", "block", "in", "mid", "out", "k",
                    "stride", "se", "dfc", "output");
        for (const BottleneckSpec &b : spec.blocks)
            std::printf("%-12s %5d %5d %5d %3d %6d %5d %4s %4dx%-4d\n", b.name.c_str(), b.in, b.mid,
                        b.out, b.k, b.stride, b.se.reduced, b.ghost1.dfc ? "yes" : "-", b.out_h, b.out_w);
        std::printf("head: %d -> %d (1x1) at %dx%d, pool, %d -> %d, classifier %d -> %d\n",
                    spec.head.cin, spec.head.cout, spec.head_h, spec.head_w, spec.conv_head.cin,
                    spec.conv_head.cout, spec.classifier.cin, spec.classifier.cout);
        std::printf("parameters: %lld%s, packed weights: %zu floats\n", (long long)spec.parameter_count(),
                    cfg.version == Version::V3 ? " (the checkpoint's training-time branches; folded at load)" : "",
                    spec.packed_size);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "ghostnet-spec: %s\n", e.what());
        return 2;
    }
    return 0;
}
