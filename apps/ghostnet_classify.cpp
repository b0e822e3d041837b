// ghostnet-classify: labelled top-K answers for images (JPEG, PNG, BMP, GIF, TGA, ...), with
// the bundled Fashion-MNIST GhostNet by default, or any model folder / checkpoint. Images are
// classified side by side, one per thread, unless --parallel-images says otherwise; the output
// keeps the order of the files.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

#include "cli_common.h"
#include "error.h"
#include "image.h"
#include "model.h"
#include "model_description.h"

namespace {

using namespace ghostnet;
namespace fs = std::filesystem;

std::string json_escape(const std::string &s) {
    std::string o;
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') o += '\\', o += char(c);
        else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            o += buf;
        } else o += char(c);
    }
    return o;
}

}  // namespace

int main(int argc, char **argv) {
    ModelSource source;
    std::string labels_path;
    int top = 5, threads = 0, parallel = 0;
    bool json = false;
    std::vector<std::string> inputs;

    CLI::App app("Classifies images with a compiled GhostNet and prints the top-K labels.\n"
                 "With no --model and no --weights it uses the bundled Fashion-MNIST model.",
                 "ghostnet-classify");
    add_model_source_options(app, &source, "weights instead of the folder's: a float checkpoint (.safetensors), or a q8 model (ghostnet-quantize)");
    app.add_option("--labels", labels_path, "labels file, one per line (default: the model folder's)");
    app.add_option("--top", top, "labels to print per image (1: one line per image)")->capture_default_str()->check(CLI::Range(1, 100000));
    app.add_option("--threads", threads, "threads in all (0: one per core)")->capture_default_str();
    add_parallel_images_option(app, &parallel, "; the output keeps the files' order");
    app.add_flag("--json", json, "one JSON object per image");
    app.add_option("images", inputs, "image files or folders")->required();
    CLI11_PARSE(app, argc, argv);

    std::unique_ptr<Model> model;
    std::vector<std::string> labels;
    NetworkConfig cfg;
    Preprocess pre;
    try {
        const ResolvedModel r = resolve_model_source(source);
        cfg = r.config;
        pre = r.preprocess;
        model = std::make_unique<Model>(Model::load(r.weights, cfg));
        if (labels_path.empty()) labels_path = r.labels_path;
        if (!labels_path.empty()) labels = read_labels(labels_path, cfg.num_classes);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "ghostnet-classify: %s\n", e.what());
        return 2;
    }

    int failures = 0;
    const std::vector<std::string> files = image_files(inputs);
    if (files.empty()) {
        std::fprintf(stderr, "ghostnet-classify: no image files found in the given folders\n");
        return 1;
    }
    // Workers classify files side by side (Model::classify may run from several threads);
    // this thread prints each file's result in the files' order as soon as it is there.
    struct Result {
        bool done = false;
        std::vector<Prediction> top;
        std::string error;
    };
    std::vector<Result> results(files.size());
    std::mutex m;
    std::condition_variable ready;
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i; (i = next++) < files.size();) {
            Result r;
            try {
                const Image img = load_image(files[i], cfg.in_channels);
                const std::vector<float> x = preprocess(img, pre);
                r.top = model->classify(x.data(), x.size(), top);
            } catch (const std::exception &e) {
                r.error = e.what();
            }
            r.done = true;
            std::lock_guard<std::mutex> lock(m);
            results[i] = std::move(r);
            ready.notify_all();
        }
    };
    const int workers = set_side_by_side(threads, parallel, int(files.size())).images;
    std::vector<std::thread> pool;
    for (int k = 0; k < workers; k++) pool.emplace_back(work);
    auto label = [&](int i) { return i < int(labels.size()) ? labels[i] : "class " + std::to_string(i); };
    for (size_t i = 0; i < files.size(); i++) {
        Result r;
        {
            std::unique_lock<std::mutex> lock(m);
            ready.wait(lock, [&] { return results[i].done; });
            r = std::move(results[i]);
        }
        const std::string &file = files[i];
        if (!r.error.empty()) {
            failures++;
            if (json) std::printf("{\"file\": \"%s\", \"error\": \"%s\"}\n", json_escape(file).c_str(), json_escape(r.error).c_str());
            std::fprintf(stderr, "ghostnet-classify: %s\n", r.error.c_str());
        } else if (json) {
            std::printf("{\"file\": \"%s\", \"top\": [", json_escape(file).c_str());
            for (size_t j = 0; j < r.top.size(); j++)
                std::printf("%s{\"index\": %d, \"label\": \"%s\", \"probability\": %.6f}", j ? ", " : "",
                            r.top[j].index, json_escape(label(r.top[j].index)).c_str(), r.top[j].probability);
            std::printf("]}\n");
        } else if (top == 1) {
            std::printf("%s  %s (%.1f%%)\n", file.c_str(), label(r.top[0].index).c_str(), 100.0 * r.top[0].probability);
        } else {
            std::printf("%s\n", file.c_str());
            for (const Prediction &q : r.top)
                std::printf("  %6.2f%%  %s\n", 100.0 * q.probability, label(q.index).c_str());
        }
        std::fflush(stdout);
    }
    for (std::thread &t : pool) t.join();
    if (failures) std::fprintf(stderr, "ghostnet-classify: %d of %zu images failed\n", failures, files.size());
    return failures ? 1 : 0;
}
