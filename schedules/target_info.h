// Every question a schedule asks about the target, answered in one place, so schedules read
// these numbers instead of testing target.arch or features themselves.
#pragma once

#include "Halide.h"
#include "tunables.h"

#include <algorithm>

namespace ghostnet {
namespace schedules {

struct TargetInfo {
    int vector_floats = 4;      // f32 lanes in one native vector (HVX: 32-bit lanes)
    int vector_registers = 16;  // architectural vector registers
    bool fma = false;
    // The narrowest vector a schedule may use. CPUs take half and quarter vectors; HVX only
    // whole ones (LLVM's Hexagon backend cannot select the narrower vectors Halide would make).
    int min_lanes = 4;
    // Lanes of an elementwise or depthwise stage (lanes_for, lanes_dividing): the widest and
    // the narrowest. CPUs: as the accumulators' (vector_floats, min_lanes). HVX: 128, its stages
    // being q8, 8-bit values a whole vector holds 128 of; 32 of them (a quarter vector) are
    // not a type LLVM's Hexagon backend has, and it loads and stores them a byte or a word at
    // a time (ghost1's cheap op: 132 packets per pixel and 32 channels, mostly assembling its
    // 9 taps' inputs with memd/vinsert/valign).
    int stage_lanes = 4, min_stage_lanes = 4;
    // Masked vector loads and stores (AVX-512's k registers; HVX's predicated vmem): a loop
    // over exactly n channels may take full vectors with a masked last one instead of
    // narrower vectors throughout.
    bool masked_tails = false;
    // The Ghost module's slices on HVX (Halide 21): what each slice copies (the cheap depthwise
    // op; with GhostNetV2's DFC attention both gated slices) made a row at a time and stored,
    // channel vectors rounded up, so that a slice's guarded last vector only copies. Halide 21
    // fails on guarded vectors that compute ("In Select, vector lanes of condition must be
    // equal to vector lanes of arguments", in the bounds its Hexagon shuffle optimization asks
    // of the predicated loads), which Halide 14 compiled.
    bool store_slice_rows = false;
    // strips_for: at most this many row strips, each at least this many rows high (before an odd
    // count is rounded up to an even one).
    int max_strips = 4, min_strip_rows = 4;
    // A Ghost bottleneck's expansion made row by row in its consumer (shared/ghost_bottleneck.cpp)
    // rather than stored whole. Off on HVX: a whole q8 network took 11-16 minutes to compile
    // there when this was chosen, and what the fused loops would do to the DSP is not measured.
    // (Squeeze-excite's gated row is made row by row everywhere.)
    bool fuse_expansion = true;
    // q8 grouped convs (runtime/q8_layout.h): products with the input read as int8
    // (ARM's sdot and HVX multiply int8 x int8), or the uint8 input as it is (x86: vpdpbusd
    // and pmaddwd take uint8 x int8).
    bool q8_int8_products = true;
    // A 4-way uint8 x int8 dot product into each 32-bit lane (x86 AVX-512 VNNI's vpdpbusd,
    // which Halide 21 emits for avx512_zen4, and for avx512_zen5 and avx512_sapphirerapids,
    // which imply it).
    bool dot4_u8i8 = false;
    // Without it, a 2-way uint8 x int8 product summed into int16 lanes (x86's pmaddubsw, which
    // saturates), which q8 grouped convs take for 7-bit weights only (DenseWeights::pair16):
    // x86 without VNNI.
    bool pair16_u8i8 = false;
    // Output pixels of a row that a Ghost module's cheap depthwise op makes together
    // (unrolled): neighbours share k - 1 input columns, loaded (q8: and widened) once.
    // x86: 8 (measured on GhostNet 1.0x: q8 1.10x, fp32 1.015x over 1); HVX: 4 (0.94x the
    // executed packets of GhostNet 1.0x q8, 0.97x the bundled model's); elsewhere 1, untimed.
    int cheap_pixels_model = 1;
    // Whether a row's last pixel tile may be partial (a guarded tail). Not on HVX: there the
    // cheap op's guarded tail with masked 128-byte vectors gave GhostNet 1.0x q8 other logits
    // than x86 (cheap_pixels:4 on its 7- and 14-wide maps, 2026-12-05), so the model takes the
    // widest power of two up to cheap_pixels_model that divides the width (1 if unknown).
    bool pixel_tails = true;
    // A depthwise conv of runtime width (an op pipeline's, not a network's) reads its zero-padded
    // input from rows stored first. HVX: its padding tests, scalar code in the loop over x,
    // left the q8 depthwise op's innermost loops 51% HVX instructions (88% with the rows);
    // in the networks, whose widths are known, the rows cost 1.006x the executed packets.
    bool stage_padded_rows = false;
    // Global average pooling sums each row on the thread that made it, then adds the row sums
    // (OpSchedules::global_avg_pool): CPUs, whose threads keep their rows in their own caches.
    // Not HVX, one DSP thread: the row sums are only more work there (1.032x the executed
    // packets of the bundled q8 model, 1.012x GhostNetV2 0.5x q8's, 2026-12-08).
    bool pool_rows_in_parallel = true;

    // What a device tuner chose instead of this model (tunables.h); unset ones leave it be.
    Tunables tuned;

    static TargetInfo of(const Halide::Target &t, const Tunables &tuned = {});

    // Register tile for a dense convolution's accumulators: `lanes` channels per vector,
    // `vectors` vectors of channels by `pixels` pixels, chosen to waste few lanes on `cout`
    // and to leave registers for weights and the broadcast input.
    struct ConvTile {
        int lanes, vectors, pixels;
        bool parallel = true;  // rows split among the threads (parallel_rows)
    };
    // Tunables conv_vectors and conv_pixels (for `width`) replace the tile's vectors and pixels.
    ConvTile conv_tile(int cout, int width) const;
    // `model` with the tunables conv_vectors and conv_pixels (for `width`) in place of its
    // vectors and pixels, where they are set.
    ConvTile tuned_tile(ConvTile model, int width) const;
    // The widest of most, most / 2, ..., 1 pixels that divides `width` (1 when `width` is
    // unknown, 0): a row tile without a partial last tile.
    static int pixels_dividing(int most, int width) {
        while (most > 1 && (width <= 0 || width % most != 0)) most /= 2;
        return std::max(most, 1);
    }
    // Parallel parts of a mat-vec: tunable linear_parts, else `otherwise`.
    int linear_parts(int otherwise) const { return tuned.linear_parts > 0 ? tuned.linear_parts : otherwise; }
    // Tunable cheap_pixels (for `width`), else cheap_pixels_model (see pixel_tails).
    int cheap_pixels(int width) const {
        const int tuned_pixels = tuned.at(&Tunables::cheap_pixels, width);
        if (tuned_pixels > 0) return tuned_pixels;
        return pixel_tails ? cheap_pixels_model : pixels_dividing(cheap_pixels_model, width);
    }
    // Parallel row strips of a stage `rows` x `width` whose producer slides along its rows (each
    // strip remakes the first window): tunable strips (for `width`, at most `rows`), else enough
    // for a few threads, each strip at least min_strip_rows high, in an even count where there
    // are rows for it: the thread pool then gives each of two threads as many strips (of 3, one
    // thread made two; of 1, the other had none).
    int strips_for(int rows, int width) const;
    // Whether a stage `width` pixels wide splits its rows among the threads: yes unless tunable
    // threads (for `width`) is 1. `width` 0 (unknown) takes the unscoped value.
    bool parallel_rows(int width) const { return tuned.at(&Tunables::threads, width) != 1; }
    // Whether a bottleneck `width` pixels wide (its output) stores its expansion whole: tunable
    // expansion (1: yes, 2: no), else `otherwise`.
    bool expansion_whole(int width, bool otherwise) const {
        const int e = tuned.at(&Tunables::expansion, width);
        return e == 0 ? otherwise : e == 1;
    }
    // Whether a squeeze-excite `width` pixels wide stores its gated map whole (tunable se_gate 2).
    bool se_gate_whole(int width) const { return tuned.at(&Tunables::se_gate, width) == 2; }
    // Lanes for an elementwise or depthwise stage over `channels` channels (RoundUp: the
    // stage is made past its last channel, up to a whole vector).
    int lanes_for(int channels) const;
    // Lanes for a loop over exactly `extent` channels that cannot compute past its end (a
    // reduction domain, vectorized with GuardWithIf): with masked tails the widest vector that
    // serves `extent` (the last one masked), else the widest that divides it, so no scalar
    // tail remains.
    int lanes_dividing(int extent) const;
};

}  // namespace schedules
}  // namespace ghostnet
