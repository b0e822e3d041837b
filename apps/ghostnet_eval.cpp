// ghostnet-eval: top-1 accuracy of the compiled pipeline on the Fashion-MNIST test set (IDX
// files read directly), with the model's own preprocessing, and images per second.
#include <chrono>
#include <cstdio>
#include <exception>

#include "cli_common.h"
#include "error.h"
#include "idx.h"
#include "image.h"
#include "model.h"
#include "model_description.h"

#ifndef GHOSTNET_DEFAULT_MODEL_DIR
#define GHOSTNET_DEFAULT_MODEL_DIR "models/fashion_mnist"
#endif

int main(int argc, char **argv) {
    using namespace ghostnet;
    std::string model_dir = GHOSTNET_DEFAULT_MODEL_DIR;
    std::string images_path = "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz";
    std::string labels_path = "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz";
    int limit = 0, threads = 0;
    bool json = false;
    CLI::App app("Top-1 accuracy of a model folder's compiled pipeline on IDX test files\n"
                 "(Fashion-MNIST by default: Debian package dataset-fashion-mnist).",
                 "ghostnet-eval");
    app.add_option("--model", model_dir, "model folder holding model.json")->capture_default_str();
    app.add_option("--images", images_path, "IDX images (uint8, N x H x W; .gz or plain)")->capture_default_str();
    app.add_option("--labels", labels_path, "IDX labels (uint8, N)")->capture_default_str();
    app.add_option("--limit", limit, "evaluate only the first N images (0: all)")->check(CLI::NonNegativeNumber);
    app.add_option("--threads", threads, "threads (0: one per core)")->capture_default_str();
    app.add_flag("--json", json, "print one JSON line");
    CLI11_PARSE(app, argc, argv);

    try {
        set_num_threads(threads);
        const ModelDescription d = read_model_description(model_dir);
        if (d.config.in_channels != 1)
            throw Error(model_dir + ": IDX images are grayscale; the model takes " +
                        std::to_string(d.config.in_channels) + " channels");
        const Model model = Model::load(d.weights_path, d.config);
        const IdxArray images = read_idx(images_path);
        const IdxArray labels = read_idx(labels_path);
        if (images.dims.size() != 3) throw Error(images_path + ": expected N x H x W images");
        if (labels.dims.size() != 1 || labels.dims[0] != images.dims[0])
            throw Error(labels_path + ": expected " + std::to_string(images.dims[0]) + " labels");
        const int n = limit > 0 ? std::min(limit, images.dims[0]) : images.dims[0];
        const int h = images.dims[1], w = images.dims[2];
        int correct = 0;
        double run_seconds = 0;
        const auto t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < n; i++) {
            Image img;
            img.width = w;
            img.height = h;
            img.channels = 1;
            img.pixels.assign(images.data.begin() + size_t(i) * w * h, images.data.begin() + size_t(i + 1) * w * h);
            const std::vector<float> x = preprocess(img, d.preprocess);
            const auto r0 = std::chrono::steady_clock::now();
            const std::vector<Prediction> p = model.classify(x.data(), x.size(), 1);
            run_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - r0).count();
            if (p[0].index == labels.data[i]) correct++;
        }
        const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const double top1 = 100.0 * correct / n;
        if (json)
            std::printf("{\"model\": \"%s\", \"images\": %d, \"correct\": %d, \"top1\": %.2f, "
                        "\"images_per_second\": %.1f, \"pipeline_images_per_second\": %.1f}\n",
                        d.name.c_str(), n, correct, top1, n / total, n / run_seconds);
        else
            std::printf("%s: top-1 %.2f%% (%d/%d), %.1f images/s end to end, %.1f images/s in the pipeline\n",
                        d.name.c_str(), top1, correct, n, n / total, n / run_seconds);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "ghostnet-eval: %s\n", e.what());
        return 1;
    }
    return 0;
}
