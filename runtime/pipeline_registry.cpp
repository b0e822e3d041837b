// The registry lookups and Model::load, which needs them. Compiled into the registry library
// CMake generates (ghostnet_write_registry), so the core runtime links without any pipeline.
#include <cmath>
#include <string>
#include <vector>

#include "error.h"
#include "model.h"
#include "pipeline_registry.h"
#include "q8_model_file.h"
#include "quantization.h"
#include "safetensors.h"
#include "weights.h"

namespace ghostnet {

namespace {
// GhostNetV3 is V2's network at inference (its training-time branches are folded into V2's
// convs at load, runtime/weights.cpp), so a V2 pipeline serves a V3 configuration and the
// other way round: a build need not compile the same code twice.
Version inference_member(Version v) { return v == Version::V3 ? Version::V2 : v; }

// The name of `c`'s network as it would have been compiled: V3 as V2.
std::string compiled_name(NetworkConfig c, Precision precision) {
    c.version = inference_member(c.version);
    return network_name(c, precision == Precision::Q8);
}

// Whether a pipeline compiled for `a` runs `b`. (Not by names alone: a name rounds the width to
// hundredths.)
bool same_network(const NetworkConfig &a, const NetworkConfig &b) {
    return std::fabs(a.width - b.width) < 1e-6 && a.input_size == b.input_size && a.in_channels == b.in_channels &&
           a.num_classes == b.num_classes && a.variant == b.variant &&
           inference_member(a.version) == inference_member(b.version);
}
}  // namespace

NetworkConfig PipelineEntry::config() const {
    NetworkConfig c;
    bool q8 = false;
    if (!parse_network_name(network, &c, &q8) || q8 != (precision() == Precision::Q8))
        throw Error(std::string("the build's pipeline registry lists ") + name + " as network '" + network +
                    "', which is not a " + precision_name(precision()) + " network name (" + network_name_rule() + ")");
    return c;
}

namespace {
// Each entry's configuration, parsed once rather than at every lookup (a parse also checks that
// the name spells a buildable network: ~60 us on a Xeon, and Model::load looks up three times).
const std::vector<NetworkConfig> &compiled_configs() {
    static const std::vector<NetworkConfig> configs = [] {
        std::vector<NetworkConfig> c;
        for (const PipelineEntry &e : compiled_pipelines()) c.push_back(e.config());
        return c;
    }();
    return configs;
}
}  // namespace

const PipelineEntry *find_pipeline(const NetworkConfig &c, Precision precision, int grouped_weight_bits) {
    const std::vector<PipelineEntry> &entries = compiled_pipelines();
    const std::vector<NetworkConfig> &configs = compiled_configs();
    const PipelineEntry *best = nullptr;
    for (size_t i = 0; i < entries.size(); i++) {
        const PipelineEntry &e = entries[i];
        if (e.precision() == precision && same_network(configs[i], c) &&
            e.grouped_weight_bits >= grouped_weight_bits &&
            (!best || e.grouped_weight_bits < best->grouped_weight_bits))
            best = &e;
    }
    return best;
}

std::string describe_compiled_pipelines() {
    std::string s;
    for (const PipelineEntry &e : compiled_pipelines())
        s += (s.empty() ? "" : ", ") + std::string(e.network) +
             (e.grouped_weight_bits < 8 ? " (for 7-bit grouped weights)" : "");
    return s.empty() ? std::string("none") : s;
}

const PipelineEntry &require_pipeline(const NetworkSpec &spec, Precision precision, int grouped_weight_bits) {
    const PipelineEntry *entry = find_pipeline(spec.config, precision, grouped_weight_bits);
    if (!entry) {
        const std::string name = compiled_name(spec.config, precision);
        throw Error("no compiled pipeline for " + spec.describe() + " in " + precision_name(precision) + " (" +
                    name + "); this build has: " + describe_compiled_pipelines() +
                    " (add one with ghostnet_add_network(" + name + ") in CMakeLists.txt)");
    }
    return *entry;
}

const PlugAndPlayEntry &require_plug_and_play(const PlugAndPlaySpec &spec) {
    std::string have;
    for (const PlugAndPlayEntry &e : compiled_plug_and_play()) {
        if (spec.name() == e.name) return e;
        have += (have.empty() ? "" : ", ") + std::string(e.name);
    }
    throw Error("no compiled pipeline for " + spec.describe() + " (" + spec.name() +
                "); this build has: " + (have.empty() ? "none" : have) +
                " (add one with ghostnet_add_plug_and_play in CMakeLists.txt)");
}

Model Model::load(const std::string &weights_path, const NetworkConfig &config) {
    NetworkSpec spec;
    try {
        spec = make_ghostnet_spec(config);
    } catch (const std::invalid_argument &e) {
        throw Error(std::string("invalid network configuration: ") + e.what());
    }
    // A configuration this build has in no precision is the error to report, before the file.
    if (!find_pipeline(spec.config, Precision::F32) && !find_pipeline(spec.config, Precision::Q8))
        require_pipeline(spec);
    const SafetensorsFile file = SafetensorsFile::read(weights_path);
    const bool q8 = q8::is_q8_file(file);
    const PipelineEntry &e = require_pipeline(spec, q8 ? Precision::Q8 : Precision::F32,
                                              q8 ? q8::grouped_weight_bits(file) : 8);
    return from_file(file, weights_path, spec, e.fn, e.q8_fn);
}

}  // namespace ghostnet
