// Command-line pieces every app shares: the network-shape flags and the exit path.
#pragma once

#include <CLI/CLI.hpp>

#include <map>
#include <string>

#include "ghostnet_arch.h"

namespace ghostnet {

// --width, --size, --channels, --classes, --variant: the GeneratorParams of the ghostnet generator.
inline void add_network_options(CLI::App &app, NetworkConfig *cfg) {
    app.add_option("--width", cfg->width, "width multiplier (0.5, 1.0, 1.3, ...)")
        ->capture_default_str();
    app.add_option("--size", cfg->input_size, "input height and width in pixels")
        ->capture_default_str();
    app.add_option("--channels", cfg->in_channels, "input channels (1 or 3)")->capture_default_str();
    app.add_option("--classes", cfg->num_classes, "number of classes")->capture_default_str();
    static const std::map<std::string, Variant> variants = {{"imagenet", Variant::ImageNet},
                                                            {"small", Variant::Small}};
    app.add_option("--variant", cfg->variant, "cfg table: imagenet or small")
        ->transform(CLI::CheckedTransformer(variants, CLI::ignore_case))
        ->default_str("imagenet");
}

}  // namespace ghostnet
