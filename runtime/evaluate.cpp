#include "evaluate.h"

#include <algorithm>
#include <chrono>

#include "error.h"
#include "idx.h"

namespace ghostnet {

Evaluation evaluate_idx(const Model &model, const Preprocess &preprocess,
                        const std::string &images_path, const std::string &labels_path, int limit) {
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
    const int h = images.dims[1], w = images.dims[2];
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < e.images; i++) {
        Image img;
        img.width = w;
        img.height = h;
        img.channels = 1;
        img.pixels.assign(images.data.begin() + size_t(i) * w * h,
                          images.data.begin() + size_t(i + 1) * w * h);
        const std::vector<float> x = ghostnet::preprocess(img, preprocess);
        const auto r0 = std::chrono::steady_clock::now();
        const std::vector<Prediction> p = model.classify(x.data(), x.size(), 1);
        e.pipeline_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - r0).count();
        if (p[0].index == labels.data[i]) e.correct++;
    }
    e.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return e;
}

}  // namespace ghostnet
