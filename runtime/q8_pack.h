// A q8 network or Ghost module packed into the buffers its pipeline reads, laid out as
// runtime/q8_layout.h says.
#pragma once

#include <cstdint>
#include <vector>

#include "ghostnet_arch.h"
#include "quantization.h"

namespace ghostnet {
namespace q8 {

// What a q8 pipeline reads, packed per runtime/q8_layout.h.
struct PackedQ8 {
    std::vector<int8_t> weights;   // spec.packed_size
    std::vector<int32_t> params;   // spec.q_params_size
    ActQuant input;
    std::vector<float> logit_scale;  // logits = int32 output * logit_scale[k]
    int grouped_weight_bits = 8;     // the model's (QuantizedNetwork::grouped_weight_bits)
};

// One conv's int8 weights in the q8 layout, from `dst` on: grouped by kQ8Group input
// channels when `grouped` (only for conv.q8_grouped()), else the fp32 layout.
void pack_conv_weights(const ConvSpec &conv, const QuantizedConv &q, bool grouped, int8_t *dst);
// One conv's conv.q_params_count() parameters, from `dst` on, for weights packed `grouped`
// or not (grouped ones also get the bias for int8 input products; `grouped` needs
// conv.q8_grouped()). `out` is null for the logits.
void pack_conv_params(const ConvSpec &conv, const QuantizedConv &q, bool grouped,
                      const ActQuant &in, const ActQuant *out, int32_t *dst);
// Packs one conv as a network does: weights at conv.weight_offset (grouped when
// conv.q8_grouped()), parameters at conv.q_params_offset.
void pack_conv(const ConvSpec &conv, const QuantizedConv &q, const ActQuant &in,
               const ActQuant *out, PackedQ8 *packed);
// Packs one residual add's parameters (at block.q_add_offset).
void pack_add(const BottleneckSpec &block, const ActQuant &residual, const ActQuant &shortcut,
              const ActQuant &out, PackedQ8 *packed);
// Packs one DFC attention's sigmoid table (at g.q_sigmoid_offset) for its dfc_column output
// quantization `column`.
void pack_sigmoid_table(const GhostModuleSpec &g, const ActQuant &column, PackedQ8 *packed);
PackedQ8 pack_network(const NetworkSpec &spec, const QuantizedNetwork &net);

// What the ghost_module_q8 generator's library takes for one Ghost module (plug-and-play):
// weights in the fp32 layouts (its shapes are runtime values), each conv's parameters in the
// q8 layout. `in` and `out` are the module's input and output activation quantization (the
// cheap op reads and writes `out`).
struct PackedGhostModuleQ8 {
    std::vector<int8_t> primary_weights, cheap_weights;
    std::vector<int32_t> primary_params, cheap_params;
};
PackedGhostModuleQ8 pack_ghost_module(const GhostModuleSpec &g, const QuantizedConv &primary,
                                      const QuantizedConv &cheap, const ActQuant &in,
                                      const ActQuant &out);

}  // namespace q8
}  // namespace ghostnet
