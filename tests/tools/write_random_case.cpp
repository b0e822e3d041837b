// write_random_case <folder> [--width W] [--size S] [--classes K] [--seed N]: a checkpoint with
// random weights (BatchNorm far from identity) and a random input, as files, so that builds for
// different ISAs can run the same case with ghostnet-run and compare logits (cross_isa.cmake).
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>

#include "npy.h"
#include "safetensors.h"
#include "testutil.h"

int main(int argc, char **argv) {
    using namespace ghostnet;
    if (argc < 2 || argv[1][0] == '-') {
        std::fprintf(stderr, "usage: write_random_case <folder> [--width W] [--size S] [--classes K] [--seed N]\n");
        return 2;
    }
    NetworkConfig cfg;
    unsigned seed = 31;
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string opt = argv[i], val = argv[i + 1];
        if (opt == "--width") cfg.width = std::atof(val.c_str());
        else if (opt == "--size") cfg.input_size = std::atoi(val.c_str());
        else if (opt == "--classes") cfg.num_classes = std::atoi(val.c_str());
        else if (opt == "--seed") seed = unsigned(std::atoi(val.c_str()));
        else {
            std::fprintf(stderr, "write_random_case: unknown option %s\n", opt.c_str());
            return 2;
        }
    }
    try {
        const std::filesystem::path dir = argv[1];
        std::filesystem::create_directories(dir);
        const NetworkSpec spec = make_ghostnet_spec(cfg);
        write_safetensors((dir / "weights.safetensors").string(),
                          random_checkpoint(spec.tensors(), seed));
        std::mt19937 rng(seed + 1);
        NpyArray input;
        input.shape = {1, cfg.in_channels, cfg.input_size, cfg.input_size};
        input.data = test::random_normal(size_t(cfg.in_channels) * cfg.input_size * cfg.input_size, rng, 1.0f);
        write_npy((dir / "input.npy").string(), input);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "write_random_case: %s\n", e.what());
        return 1;
    }
    return 0;
}
