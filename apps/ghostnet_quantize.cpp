// ghostnet-quantize: post-training quantization. Runs the float network (plain C++) over
// calibration images, records every activation's range, and writes a q8 model file
// (runtime/q8_model_file.h documents the format) that every app loads like a checkpoint.
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>

#include "calibration.h"
#include "cli_common.h"
#include "error.h"
#include "model_description.h"
#include "q8_report.h"
#include "quantization.h"
#include "safetensors.h"

using namespace ghostnet;

int main(int argc, char **argv) {
    ModelSource source;
    std::string calibration, output;
    int limit = 1000;
    double percentile = 100.0;
    bool overwrite = false, report = false, report_json = false;
    int report_images = 100, report_rows = 0, grouped_weight_bits = 8;

    CLI::App app("Quantizes a float GhostNet to q8 (int8 weights, uint8 activations) with\n"
                 "ranges measured on calibration images, and writes a q8 model file that\n"
                 "ghostnet-classify, -eval, -run and -bench load like a checkpoint.",
                 "ghostnet-quantize");
    add_model_source_options(app, &source, "float checkpoint (.safetensors) instead of a model folder's",
                             {/*network=*/true, /*q8=*/false});
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
    app.add_option("--grouped-weight-bits", grouped_weight_bits,
                   "bits of the weights of grouped convs (1x1 and dense convs, linear layers, whose input channels are "
                   "a multiple of 4): 8, or 7 (|w| <= 63), which x86 CPUs without VNNI run faster (products added "
                   "in int16 pairs) at some accuracy: compare with --report")
        ->capture_default_str()
        ->check(CLI::IsMember({7, 8}));
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
        const ResolvedModel m = resolve_model_source(source);
        const NetworkConfig &cfg = m.config;
        const Preprocess &pre = m.preprocess;
        const std::string &weights = m.weights;
        NetworkSpec spec;
        try {
            spec = make_ghostnet_spec(cfg);
        } catch (const std::invalid_argument &e) {
            throw Error(std::string("invalid network configuration: ") + e.what());
        }
        const SafetensorsFile file = SafetensorsFile::read(weights);
        const QuantizedCheckpoint q = quantize_checkpoint(spec, file, weights, percentile, calibration, [&](Calibrator &cal) {
            return for_each_calibration_input(calibration, limit, cfg.in_channels, pre,
                                              [&](const std::vector<float> &x) { cal.observe(x.data()); });
        }, output, grouped_weight_bits);
        const q8::QuantizedNetwork &net = q.net;
        const int n = q.images;
        char pct[32];
        std::snprintf(pct, sizeof pct, "%g", percentile);
        std::fprintf(report_json ? stderr : stdout,
                     "%s: calibrated on %d images from %s in %.1f s (percentile %s, grouped weights %d-bit); "
                     "wrote %s (%.1f KiB)\n",
                     spec.describe().c_str(), n, calibration.c_str(), q.seconds, pct, grouped_weight_bits, output.c_str(),
                     std::filesystem::file_size(output) / 1024.0);
        if (report) {
            std::fflush(stdout);
            QuantizationReporter reporter(spec, file.tensors(), weights, net);
            const int count = report_images > 0 ? std::min(report_images, n) : n;
            const auto r0 = std::chrono::steady_clock::now();
            auto last = r0;
            for_each_calibration_input(calibration, count, cfg.in_channels, pre, [&](const std::vector<float> &x) {
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
