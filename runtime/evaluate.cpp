#include "evaluate.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <thread>
#include <vector>

#include "error.h"
#include "idx.h"

namespace ghostnet {

Evaluation evaluate_idx(const Model &model, const Preprocess &preprocess,
                        const std::string &images_path, const std::string &labels_path, int limit,
                        int workers) {
    if (model.spec().config.in_channels != 1)
        throw Error(images_path + ": IDX images are grayscale; the model takes " +
                    std::to_string(model.spec().config.in_channels) + " channels");
    const IdxArray images = read_idx(images_path);
    const IdxArray labels = read_idx(labels_path);
    if (images.dims.size() != 3) throw Error(images_path + ": expected N x H x W images");
    if (labels.dims.size() != 1 || labels.dims[0] != images.dims[0])
        throw Error(labels_path + ": expected " + std::to_string(images.dims[0]) + " labels");
    Evaluation e;
    e.images = limit > 0 ? std::min(limit, images.dims[0]) : images.dims[0];
    e.workers = std::max(1, std::min(workers, std::max(1, e.images)));
    const int h = images.dims[1], w = images.dims[2];
    std::vector<int> correct(e.workers, 0);
    std::vector<double> pipeline(e.workers, 0.0);
    std::vector<std::exception_ptr> failed(e.workers);
    auto work = [&](int k) {
        try {
            for (int i = k; i < e.images; i += e.workers) {
                Image img;
                img.width = w;
                img.height = h;
                img.channels = 1;
                img.pixels.assign(images.data.begin() + size_t(i) * w * h,
                                  images.data.begin() + size_t(i + 1) * w * h);
                const std::vector<float> x = ghostnet::preprocess(img, preprocess);
                const auto r0 = std::chrono::steady_clock::now();
                const std::vector<Prediction> p = model.classify(x.data(), x.size(), 1);
                pipeline[k] += std::chrono::duration<double>(std::chrono::steady_clock::now() - r0).count();
                if (p[0].index == labels.data[i]) correct[k]++;
            }
        } catch (...) {
            failed[k] = std::current_exception();
        }
    };
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (int k = 1; k < e.workers; k++) threads.emplace_back(work, k);
    work(0);
    for (std::thread &t : threads) t.join();
    for (const std::exception_ptr &f : failed)
        if (f) std::rethrow_exception(f);
    for (int k = 0; k < e.workers; k++) {
        e.correct += correct[k];
        e.pipeline_seconds += pipeline[k];
    }
    e.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return e;
}

}  // namespace ghostnet
