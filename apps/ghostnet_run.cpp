// ghostnet-run: the raw runner. A float32 NCHW tensor in (.npy), logits out (.npy).
#include <cstdio>
#include <exception>
#include <filesystem>

#include "cli_common.h"
#include "error.h"
#include "model.h"
#include "npy.h"

int main(int argc, char **argv) {
    using namespace ghostnet;
    NetworkConfig cfg;
    std::string weights, input, output;
    int threads = 0;
    bool overwrite = false;
    CLI::App app("Runs the compiled GhostNet pipeline on a float32 NCHW tensor (.npy, shape\n"
                 "1xCxSxS or CxSxS) and writes the logits as a float32 .npy of shape 1xK.",
                 "ghostnet-run");
    app.add_option("--weights", weights, "checkpoint (.safetensors, timm/official names)")
        ->required()
        ->check(CLI::ExistingFile);
    add_network_options(app, &cfg);
    app.add_option("--input", input, "input tensor (.npy, float32 or float64)")
        ->required()
        ->check(CLI::ExistingFile);
    app.add_option("--output", output, "where to write the logits (.npy)")->required();
    app.add_option("--threads", threads, "threads (0: one per core)")->capture_default_str();
    app.add_flag("--overwrite", overwrite, "replace --output if it exists");
    CLI11_PARSE(app, argc, argv);

    try {
        if (!overwrite && std::filesystem::exists(output))
            throw Error(output + " exists; pass --overwrite to replace it");
        set_num_threads(threads);
        const Model model = Model::load(weights, cfg);
        const NpyArray x = read_npy(input);
        const int c = cfg.in_channels, s = cfg.input_size;
        const std::vector<int64_t> nchw = {1, c, s, s}, chw = {c, s, s};
        if (x.shape != nchw && x.shape != chw) {
            std::string got;
            for (size_t i = 0; i < x.shape.size(); i++) got += (i ? "x" : "") + std::to_string(x.shape[i]);
            throw Error(input + ": shape " + (got.empty() ? "()" : got) + ", expected 1x" +
                        std::to_string(c) + "x" + std::to_string(s) + "x" + std::to_string(s));
        }
        NpyArray logits;
        logits.data = model.run(x.data.data(), x.data.size());
        logits.shape = {1, int64_t(logits.data.size())};
        write_npy(output, logits);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "ghostnet-run: %s\n", e.what());
        return 1;
    }
    return 0;
}
