// ghostnet-run: the raw runner. A float32 NCHW tensor in (.npy), logits out (.npy); with
// --reference, also checks them against logits computed elsewhere (another machine, another
// ISA, PyTorch).
#include <cmath>
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
    std::string weights, input, output, reference;
    double atol = 1e-4;
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
    app.add_option("--reference", reference,
                   "logits to compare with (.npy, 1xK): exit 1 if any differs by more than --atol")
        ->check(CLI::ExistingFile);
    app.add_option("--atol", atol, "largest allowed absolute difference from --reference")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
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
        if (!reference.empty()) {
            const NpyArray want = read_npy(reference);
            if (want.data.size() != logits.data.size())
                throw Error(reference + ": " + std::to_string(want.data.size()) +
                            " values, the network gives " + std::to_string(logits.data.size()));
            double max_diff = 0;
            size_t at = 0;
            for (size_t i = 0; i < want.data.size(); i++) {
                const double d = std::fabs(double(logits.data[i]) - want.data[i]);
                if (!(d <= max_diff)) max_diff = d, at = i;  // NaN counts as the worst
            }
            std::printf("max abs diff from %s: %.3g (logit %zu)\n", reference.c_str(), max_diff, at);
            if (!(max_diff <= atol)) {
                std::fprintf(stderr, "ghostnet-run: logits differ from %s by %.3g > --atol %.3g\n",
                             reference.c_str(), max_diff, atol);
                return 1;
            }
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "ghostnet-run: %s\n", e.what());
        return 1;
    }
    return 0;
}
