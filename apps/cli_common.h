// Command-line pieces every app shares: the network-shape flags and the exit path.
#pragma once

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "error.h"
#include "ghostnet_arch.h"
#include "image.h"
#include "model.h"
#include "model_description.h"
#include "thread_pool.h"

#ifndef GHOSTNET_DEFAULT_MODEL_DIR
#define GHOSTNET_DEFAULT_MODEL_DIR "models/fashion_mnist"
#endif

namespace ghostnet {

// The model folder the apps use when given none: the bundled model installed beside the
// program (`cmake --install`), else the source tree's the build was configured with.
inline std::string default_model_dir() { return bundled_model_dir("/proc/self/exe", GHOSTNET_DEFAULT_MODEL_DIR); }

// Name -> value for CLI11's CheckedTransformer, from the one spelling ghostnet_arch.h gives.
template <typename E, size_t N>
std::map<std::string, E> names_of(const E (&all)[N], const char *(*name)(E)) {
    std::map<std::string, E> m;
    for (E e : all) m[name(e)] = e;
    return m;
}

// --width, --size, --channels, --classes, --variant, --version: the GeneratorParams of the ghostnet
// generator.

inline void add_network_options(CLI::App &app, NetworkConfig *cfg) {
    app.add_option("--width", cfg->width, "width multiplier (0.5, 1.0, 1.3, ...)")
        ->capture_default_str();
    app.add_option("--size", cfg->input_size, "input height and width in pixels")
        ->capture_default_str();
    app.add_option("--channels", cfg->in_channels, "input channels (1 or 3)")->capture_default_str();
    app.add_option("--classes", cfg->num_classes, "number of classes")->capture_default_str();
    static const std::map<std::string, Variant> variants = names_of(kAllVariants, variant_name);
    app.add_option("--variant", cfg->variant, "cfg table: " + variant_choices())
        ->transform(CLI::CheckedTransformer(variants, CLI::ignore_case))
        ->default_str(variant_name(cfg->variant));
    static const std::map<std::string, Version> versions = names_of(kAllVersions, version_name);
    app.add_option("--version", cfg->version,
                   "family member: v1 (GhostNet), v2 (GhostNetV2: DFC attention), v3 (GhostNetV3: timm's "
                   "training-time branches, folded at load)")
        ->transform(CLI::CheckedTransformer(versions, CLI::ignore_case))
        ->default_str(version_name(cfg->version));
}

// Where an app's network, preprocessing and weights come from, the same in every app that reads
// a model (ghostnet-classify, -eval, -quantize):
//   --model DIR   a model folder (model.json: the network, preprocessing, labels and weights);
//                 the bundled model when neither --model nor --weights is given
//   --weights F   other weights: with --model (or in an app without network flags, the bundled
//                 folder) for that folder's network; alone, a checkpoint (or q8 model) for the
//                 network the flags describe, preprocessed as --resize/--mean/--std say
//   --q8          the folder's q8 model (model.json "weights_q8") instead of its float weights
struct ModelSource {
    std::string model_dir, weights;
    NetworkConfig cfg;  // the network flags
    int resize = 0;
    std::vector<float> mean, stdev;
    bool q8 = false;
    bool network_flags = true;  // whether the app took the network flags (a bare checkpoint)
};

// What a ModelSource names, resolved.
struct ResolvedModel {
    NetworkConfig config;
    std::string weights;      // the file Model::load reads
    Preprocess preprocess;
    std::string labels_path;  // "" for a bare checkpoint
    std::string name;         // the folder's model name; "" for a bare checkpoint
};

// Which of the model-source options an app takes besides --model and --weights.
struct ModelSourceFlags {
    bool network = true;  // the network flags and --resize/--mean/--std (a bare checkpoint)
    bool q8 = true;       // --q8
};

// Adds --model, --weights (`weights_help`: what this app takes there) and what `flags` say.
inline void add_model_source_options(CLI::App &app, ModelSource *s, const std::string &weights_help,
                                     ModelSourceFlags flags = {}) {
    s->network_flags = flags.network;
    app.add_option("--model", s->model_dir, "model folder holding model.json (default: the bundled model)");
    app.add_option("--weights", s->weights, weights_help)->check(CLI::ExistingFile);
    if (flags.q8)
        app.add_flag("--q8", s->q8, "the model folder's q8 model (model.json \"weights_q8\") instead of its float weights");
    if (!flags.network) return;
    add_network_options(app, &s->cfg);
    app.add_option("--resize", s->resize, "shorter side before the centre crop (with --weights alone; default size/0.875)");
    app.add_option("--mean", s->mean, "per-channel mean (with --weights alone; default ImageNet's)");
    app.add_option("--std", s->stdev, "per-channel std (with --weights alone; default ImageNet's)");
}

// Throws Error for options that do not go together, or a folder or field at fault.
inline ResolvedModel resolve_model_source(const ModelSource &s) {
    if (s.q8 && !s.weights.empty()) throw Error("give --q8 or --weights, not both");
    ResolvedModel r;
    if (!s.weights.empty() && s.model_dir.empty() && s.network_flags) {
        r.config = s.cfg;
        r.weights = s.weights;
        r.preprocess = checkpoint_preprocess(s.cfg, s.resize, s.mean, s.stdev);
        return r;
    }
    if (s.resize || !s.mean.empty() || !s.stdev.empty())
        throw Error("--resize, --mean and --std describe a bare checkpoint's preprocessing: give them with "
                    "--weights alone (a model folder's model.json has its own)");
    const ModelDescription d = read_model_description(s.model_dir.empty() ? default_model_dir() : s.model_dir);
    r.config = d.config;
    r.weights = s.q8 ? d.q8_weights() : s.weights.empty() ? d.weights_path : s.weights;
    r.preprocess = d.preprocess;
    r.labels_path = d.labels_path;
    r.name = d.name;
    return r;
}

// --parallel-images of the apps that run many images (ghostnet-classify, ghostnet-eval).
inline void add_parallel_images_option(CLI::App &app, int *parallel, const std::string &more = "") {
    app.add_option("--parallel-images", *parallel,
                   "images run side by side, each on threads / N threads (0: one image per thread, "
                   "the most images per second; 1: one image at a time on all the threads, the "
                   "lowest latency)" + more)
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
}

// How `count` images run for --threads `threads` (0: the pool's own count, one per core or
// HL_NUM_THREADS) and --parallel-images `parallel` (0: one per thread): `images` side by side,
// each pipeline on its share of the `threads` in all, which this sets (set_num_threads).
// Fewer images than threads split each image across the spare threads.
struct SideBySide {
    int threads = 1, images = 1;
};
inline SideBySide set_side_by_side(int threads, int parallel, int count) {
    set_num_threads(threads);
    SideBySide s;
    s.threads = thread_pool_threads();
    s.images = std::max(1, std::min({parallel > 0 ? parallel : s.threads, s.threads, std::max(1, count)}));
    set_num_threads(std::max(1, s.threads / s.images));
    return s;
}

}  // namespace ghostnet
