// Adams2019's cost model weights for ghostnet-autotune's first batch and its probes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace ghostnet {
namespace autotune {

// The .weights image baked into the Adams2019 plugin (Debian ships no baseline.weights);
// throws Failure when the plugin holds none.
std::string baseline_weights(const std::filesystem::path &plugin);
// A copy of a .weights image with every weight multiplied by (1 + scale * N(0, 1)), seeded.
std::string perturbed_weights(const std::string &image, uint32_t seed, double scale);

}  // namespace autotune
}  // namespace ghostnet
