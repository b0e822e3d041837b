#include "target_info.h"

#include <algorithm>

namespace ghostnet {
namespace schedules {

namespace {
constexpr int kHvxVectorBytes = 128;  // hvx_128, the only HVX mode Halide has
}  // namespace

TargetInfo TargetInfo::of(const Halide::Target &t, const Tunables &tuned) {
    TargetInfo info;
    info.tuned = tuned;
    info.vector_floats = std::max(1, t.natural_vector_size<float>());
    info.stage_lanes = info.vector_floats;
    info.min_stage_lanes = info.min_lanes;
    if (t.has_feature(Halide::Target::HVX)) {
        // HVX, on the DSP itself or offloaded from an ARM host: a "float" lane here is any
        // 32-bit lane (an int32 accumulator, or from hvx_v68 on a float), 32 of them in a
        // 128-byte vector.
        // 32 vector registers. Not t.natural_vector_size: for an ARM host with HVX
        // (arm-64-android-hvx_128) Halide answers for the host's 16-byte NEON vectors, and the
        // offloaded stages would be scheduled in 4-lane vectors HVX cannot select.
        info.vector_floats = kHvxVectorBytes / 4;
        info.min_lanes = info.vector_floats;
        info.stage_lanes = info.min_stage_lanes = kHvxVectorBytes;
        info.masked_tails = true;
        info.store_slice_rows = true;
        info.cheap_pixels_model = 4;
        info.pixel_tails = false;
        info.stage_padded_rows = true;
        info.vector_registers = 32;
        info.fuse_expansion = false;
        info.pool_rows_in_parallel = false;
        return info;
    }
    switch (t.arch) {
    case Halide::Target::X86:
        info.vector_registers = t.has_feature(Halide::Target::AVX512) ? 32 : 16;
        info.fma = t.has_feature(Halide::Target::FMA) || t.has_feature(Halide::Target::AVX512);
        info.masked_tails = t.has_feature(Halide::Target::AVX512);
        info.q8_int8_products = false;
        info.dot4_u8i8 = t.has_feature(Halide::Target::AVX512_Zen4) || t.has_feature(Halide::Target::AVX512_Zen5) ||
                         t.has_feature(Halide::Target::AVX512_SapphireRapids);
        info.pair16_u8i8 = !info.dot4_u8i8;
        info.cheap_pixels_model = 8;
        break;
    case Halide::Target::ARM:
        info.vector_registers = t.bits == 64 ? 32 : 16;
        info.fma = true;
        break;
    default: break;
    }
    return info;
}

int TargetInfo::strips_for(int rows, int width) const {
    const int tuned_strips = tuned.at(&Tunables::strips, width);
    if (tuned_strips > 0) return std::max(1, std::min(tuned_strips, rows));
    const int strips = std::max(1, std::min(max_strips, rows / min_strip_rows));
    return strips % 2 == 1 ? std::min(strips + 1, rows) : strips;
}

int TargetInfo::lanes_for(int channels) const {
    int lanes = stage_lanes;
    // Half-width vectors waste less on small channel counts (8 channels on AVX-512).
    while (lanes > min_stage_lanes && channels <= lanes / 2) lanes /= 2;
    return lanes;
}

int TargetInfo::lanes_dividing(int extent) const {
    if (extent <= 0) return stage_lanes;
    if (masked_tails) return lanes_for(extent);
    for (int lanes = stage_lanes; lanes >= min_stage_lanes; lanes /= 2)
        if (extent % lanes == 0) return lanes;
    return lanes_for(extent);
}

TargetInfo::ConvTile TargetInfo::conv_tile(int cout, int width) const {
    ConvTile best{lanes_for(cout), 1, 4, parallel_rows(width)};
    double best_cost = 1e30;
    // Accumulators (vectors * pixels) + one register per weight vector + one broadcast.
    const int budget = vector_registers - 2;
    for (int lanes = vector_floats; lanes >= std::min(min_lanes, vector_floats); lanes /= 2) {
        for (int vectors = 1; vectors <= 4; vectors++) {
            for (int pixels = 2; pixels <= 14; pixels++) {
                if (vectors * pixels + vectors > budget) continue;
                const int ct = lanes * vectors;
                const int tiles_c = (cout + ct - 1) / ct;
                const int w = width > 0 ? width : pixels * 4;
                const int wpad = (w + pixels - 1) / pixels * pixels;
                // FMA instructions per useful output (a narrow vector costs as much as a full
                // one), plus a cost for loads per FMA: each reduction step loads `vectors`
                // weight vectors and broadcasts `pixels` input values.
                const double fmas = double(tiles_c * vectors) * wpad / (double(cout) * w);
                const double loads = double(vectors + pixels) / (vectors * pixels);
                const double cost = fmas * (1.0 + 0.6 * loads);
                if (cost < best_cost - 1e-9) {
                    best_cost = cost;
                    best = {lanes, vectors, pixels, best.parallel};
                }
                if (lanes == 1) break;
            }
        }
        if (lanes <= 1) break;
    }
    return tuned_tile(best, width);
}

TargetInfo::ConvTile TargetInfo::tuned_tile(ConvTile model, int width) const {
    const int vectors = tuned.at(&Tunables::conv_vectors, width), pixels = tuned.at(&Tunables::conv_pixels, width);
    if (vectors > 0) model.vectors = vectors;
    if (pixels > 0) model.pixels = pixels;
    return model;
}

}  // namespace schedules
}  // namespace ghostnet
