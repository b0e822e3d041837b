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
