// ghostnet-quantize: post-training quantization. Runs the float network (plain C++) over
// calibration images, records every activation's range, and writes a q8 model file
// (runtime/quantization.h documents the format) that every app loads like a checkpoint.
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>

#include "calibration.h"
#include "cli_common.h"
#include "error.h"
#include "idx.h"
#include "image.h"
#include "model_description.h"
#include "q8_report.h"
#include "quantization.h"
#include "safetensors.h"

namespace {

using namespace ghostnet;

bool is_idx_name(const std::string &path) {
    for (const char *s : {"-idx3-ubyte", "-idx3-ubyte.gz", ".idx", ".idx.gz"}) {
        const std::string suffix(s);
        if (path.size() >= suffix.size() &&
            path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0)
            return true;
    }
    return false;
}

// Calls `each` with up to `limit` (0: all) preprocessed calibration inputs.
template <typename F>
int for_each_input(const std::string &source, int limit, const NetworkConfig &cfg,
                   const Preprocess &pre, F each) {
    int n = 0;
    if (!std::filesystem::is_directory(source) && is_idx_name(source)) {
        if (cfg.in_channels != 1)
            throw Error(source + ": IDX images are grayscale; the model takes " +
                        std::to_string(cfg.in_channels) + " channels");
        const IdxArray images = read_idx(source);
        if (images.dims.size() != 3) throw Error(source + ": expected N x H x W images");
        const int count = limit > 0 ? std::min(limit, images.dims[0]) : images.dims[0];
        const size_t hw = size_t(images.dims[1]) * images.dims[2];
        for (; n < count; n++) {
            Image img;
            img.width = images.dims[2];
            img.height = images.dims[1];
            img.channels = 1;
            img.pixels.assign(images.data.begin() + n * hw, images.data.begin() + (n + 1) * hw);
            each(preprocess(img, pre));
        }
        return n;
    }
    const std::vector<std::string> files = image_files({source});
    if (files.empty()) throw Error(source + ": no image files (or an IDX file ending in -idx3-ubyte[.gz])");
    for (const std::string &f : files) {
        if (limit > 0 && n >= limit) break;
        each(preprocess(load_image(f, cfg.in_channels), pre));
        n++;
    }
    return n;
}

}  // namespace

int main(int argc, char **argv) {
    std::string model_dir, weights, calibration, output;
    NetworkConfig cfg;
    int limit = 1000, resize = 0;
    double percentile = 100.0;
    bool overwrite = false, report = false, report_json = false;
    int report_images = 100, report_rows = 0;
    std::vector<float> mean, stdev;

    CLI::App app("Quantizes a float GhostNet to q8 (int8 weights, uint8 activations) with\n"
                 "ranges measured on calibration images, and writes a q8 model file that\n"
                 "ghostnet-classify, -eval, -run and -bench load like a checkpoint.",
                 "ghostnet-quantize");
    app.add_option("--model", model_dir, "model folder holding model.json (default: the bundled model)");
    app.add_option("--weights", weights, "float checkpoint (.safetensors) instead of a model folder's")
                            ->check(CLI::ExistingFile);
    add_network_options(app, &cfg);
    app.add_option("--resize", resize, "shorter side before the centre crop (with --weights alone; default size/0.875)");
    app.add_option("--mean", mean, "per-channel mean (with --weights alone; default ImageNet's)");
    app.add_option("--std", stdev, "per-channel std (with --weights alone; default ImageNet's)");
    app.add_option("--calibration", calibration,
                   "calibration images: a folder of images, or an IDX file (e.g. Fashion-MNIST's train-images-idx3-ubyte.gz)")
        ->required()
        ->check(CLI::ExistingPath);
    app.add_option("--images", limit, "calibrate on the first N images (0: all)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    app.add_option("--percentile", percentile,
                   "range per activation: 100 = min/max over all images; P < 100 = the P-th and "
                   "(100-P)-th percentiles per image, averaged")
        ->capture_default_str()
        ->check(CLI::Range(50.0, 100.0));
    app.add_option("-o,--output", output, "q8 model file to write (.safetensors)")->required();
    app.add_flag("--overwrite", overwrite, "replace --output if it exists");
    app.add_flag("--report", report,
                 "then run the q8 model (the bit-exact integer forward pass) and the float network on the "
                 "calibration images and print, per activation point, the error of q8 against fp32 (SQNR in "
                 "dB, worst first; also each point's own rounding and clipping, and how many values clip)");
    app.add_option("--report-images", report_images, "with --report: the first N calibration images (0: all of them)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    app.add_option("--report-rows", report_rows, "with --report: print only the worst N points (0: all)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    app.add_flag("--json", report_json, "with --report: print the report as one JSON line instead");
    CLI11_PARSE(app, argc, argv);

    try {
        if ((report_json || app.count("--report-images") || app.count("--report-rows")) && !report)
            throw Error("--json, --report-images and --report-rows go with --report");
        if (!overwrite && std::filesystem::exists(output))
            throw Error(output + " exists; pass --overwrite to replace it");
        Preprocess pre;
        if (!weights.empty() && model_dir.empty()) {
            pre = checkpoint_preprocess(cfg, resize, mean, stdev);
        } else {
            const ModelDescription d =
                read_model_description(model_dir.empty() ? default_model_dir() : model_dir);
            cfg = d.config;
            pre = d.preprocess;
            if (weights.empty()) weights = d.weights_path;
        }
        NetworkSpec spec;
        try {
            spec = make_ghostnet_spec(cfg);
        } catch (const std::invalid_argument &e) {
            throw Error(std::string("invalid network configuration: ") + e.what());
        }
        const SafetensorsFile file = SafetensorsFile::read(weights);
        if (q8::is_q8_file(file)) throw Error(weights + " is already a q8 model; give the float checkpoint");
        Calibrator cal(spec, file.tensors(), weights, percentile);
        const auto t0 = std::chrono::steady_clock::now();
        const int n = for_each_input(calibration, limit, cfg, pre, [&](const std::vector<float> &x) {
            cal.observe(x.data());
        });
        const double secs =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const q8::QuantizedNetwork net =
            q8::quantize_network(spec, file.tensors(), weights, cal.act_quant());
        char pct[32];
        std::snprintf(pct, sizeof pct, "%g", percentile);
        q8::write_model(output, spec, net,
                        {{"network", spec.describe()},
                         {"float_weights", std::filesystem::path(weights).filename().string()},
                         {"calibration", std::filesystem::path(calibration).filename().string()},
                         {"calibration_images", std::to_string(n)},
                         {"percentile", pct}});
        std::fprintf(report_json ? stderr : stdout,
                     "%s: calibrated on %d images from %s in %.1f s (percentile %s); wrote %s (%.1f KiB)\n",
                     spec.describe().c_str(), n, calibration.c_str(), secs, pct, output.c_str(),
                     std::filesystem::file_size(output) / 1024.0);
        if (report) {
            std::fflush(stdout);
            QuantizationReporter reporter(spec, file.tensors(), weights, net);
            const int count = report_images > 0 ? std::min(report_images, n) : n;
            const auto r0 = std::chrono::steady_clock::now();
            auto last = r0;
            for_each_input(calibration, count, cfg, pre, [&](const std::vector<float> &x) {
                reporter.add(x.data());
                const auto now = std::chrono::steady_clock::now();
                if (std::chrono::duration<double>(now - last).count() > 5.0) {
                    std::fprintf(stderr, "ghostnet-quantize --report: %d / %d images\n", reporter.images(), count);
                    last = now;
                }
            });
            const QuantizationReport r = reporter.report();
            if (report_json) {
                std::printf("%s\n", r.to_json().c_str());
            } else {
                std::printf("\n%s", r.to_text(report_rows).c_str());
                std::printf("(%d images in %.1f s)\n", r.images,
                            std::chrono::duration<double>(std::chrono::steady_clock::now() - r0).count());
            }
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "ghostnet-quantize: %s\n", e.what());
        return 1;
    }
    return 0;
}
