// The q8 model file ghostnet-quantize writes and Model::load reads.
#pragma once

#include <map>
#include <string>

#include "ghostnet_arch.h"
#include "quantization.h"
#include "safetensors.h"

namespace ghostnet {
namespace q8 {

// The q8 model file (safetensors): for a conv whose weight is "<p>.weight",
//   "<p>.weight" I8 (PyTorch shape), "<p>.weight_scale" F32 [cout], "<p>.bias" I32 [cout];
// for each activation point a, "act.<a>.scale" F32 [1] and "act.<a>.zero_point" I32 [1];
// metadata "format": "ghostnet-q8", "format_version": "1", "grouped_weight_bits": "8" or "7"
// (QuantizedNetwork::grouped_weight_bits; a file without it has 8), plus what the caller adds.
constexpr const char *kFormat = "ghostnet-q8";
void write_model(const std::string &path, const NetworkSpec &spec, const QuantizedNetwork &net,
                 std::map<std::string, std::string> metadata);
bool is_q8_file(const SafetensorsFile &file);
// The file's grouped_weight_bits (8 when absent); Error names the file when it is not 7 or 8.
int grouped_weight_bits(const SafetensorsFile &file);
// Checks every tensor against `spec` (names, dtypes, shapes, finite positive scales, zero
// points in [0, 255], grouped convs' weights within grouped_weight_bits); Error names the file
// and tensor at fault.
QuantizedNetwork read_model(const NetworkSpec &spec, const SafetensorsFile &file);

}  // namespace q8
}  // namespace ghostnet
