#include "cost_model_weights.h"

#include <cstdint>
#include <cstring>
#include <random>

#include "process.h"

namespace ghostnet {
namespace autotune {

// The cost model Halide ships is baked into the Adams2019 plugin as a .weights image (Halide's
// src/autoschedulers/adams2019/Weights.cpp: 'hwf1', two feature versions, six float buffers,
// each with its dimensions). Debian ships no baseline.weights file, and retrain_cost_model needs
// initial weights, so the first batch starts from that image, found by its signature and
// checked by walking its structure.
std::string baseline_weights(const fs::path &plugin) {
    const std::string so = read_text(plugin);
    const auto u32 = [&](size_t at) {
        uint32_t v = 0;
        std::memcpy(&v, so.data() + at, 4);
        return v;
    };
    const char signature[4] = {0x31, 0x66, 0x77, 0x68};  // 0x68776631, little-endian
    for (size_t at = so.find(std::string(signature, 4)); at != std::string::npos;
         at = so.find(std::string(signature, 4), at + 1)) {
        size_t p = at + 4;
        if (p + 12 > so.size() || u32(p) > 100 || u32(p + 4) > 100 || u32(p + 8) != 6) continue;
        p += 12;
        bool ok = true;
        for (int b = 0; b < 6 && ok; b++) {
            const uint32_t dims = p + 4 <= so.size() ? u32(p) : 0;
            ok = dims >= 1 && dims <= 4 && p + 4 + 4 * dims <= so.size();
            if (!ok) break;
            size_t count = 1;
            for (uint32_t d = 0; d < dims; d++) {
                const uint32_t e = u32(p + 4 + 4 * d);
                ok = ok && e >= 1 && e <= 4096;
                count *= e;
            }
            p += 4 + 4 * dims + 4 * count;
            ok = ok && p <= so.size();
        }
        if (ok) return so.substr(at, p - at);
    }
    throw Failure(plugin.string() + " holds no cost-model weights image (Halide's baked-in baseline); "
                  "cannot start the cost model");
}

// A copy of a .weights image with every weight multiplied by (1 + scale * N(0, 1)), seeded.
// Why: Halide 14's random dropout cannot randomize a pipeline this large. It keeps a state
// unless (rng() % 100) >= 100 * (p / 100)^(1 / decisions), and with over ~460 decisions (a
// GhostNet has ~1100) that bound is above 99 for any whole percent p, so every beam-1 probe
// would be the same greedy schedule. A perturbed cost model makes each probe a different,
// still plausible, schedule for the samples to teach the model with.
std::string perturbed_weights(const std::string &image, uint32_t seed, double scale) {
    std::string out = image;
    std::mt19937 rng(seed);
    std::normal_distribution<float> noise(0.0f, 1.0f);
    size_t p = 16;  // signature, two versions, buffer count
    for (int b = 0; b < 6; b++) {
        uint32_t dims = 0;
        std::memcpy(&dims, out.data() + p, 4);
        size_t count = 1;
        for (uint32_t d = 0; d < dims; d++) {
            uint32_t e = 0;
            std::memcpy(&e, out.data() + p + 4 + 4 * d, 4);
            count *= e;
        }
        p += 4 + 4 * dims;
        if (p + 4 * count > out.size()) throw Failure("cost-model weights image is truncated");
        for (size_t i = 0; i < count; i++, p += 4) {
            float w;
            std::memcpy(&w, out.data() + p, 4);
            w *= 1.0f + float(scale) * noise(rng);
            std::memcpy(out.data() + p, &w, 4);
        }
    }
    return out;
}

}  // namespace autotune
}  // namespace ghostnet
