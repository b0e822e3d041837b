// The registry lookups and Model::load, which needs them. Compiled into the registry library
// CMake generates (ghostnet_write_registry), so the core runtime links without any pipeline.
#include <cmath>
#include <sstream>

#include "error.h"
#include "model.h"
#include "pipeline_registry.h"
#include "q8_model_file.h"
#include "quantization.h"
#include "safetensors.h"
#include "weights.h"

namespace ghostnet {

namespace {
bool same_width(double a, double b) { return std::fabs(a - b) < 1e-6; }

// GhostNetV3 is V2's network at inference (its training-time branches are folded into V2's
// convs at load, runtime/weights.cpp), so a V2 pipeline serves a V3 configuration and the
// other way round: a build need not compile the same code twice.
Version inference_member(Version v) { return v == Version::V3 ? Version::V2 : v; }

bool same_member(const char *compiled, Version wanted) {
    Version v;
    return parse_version(compiled, &v) && inference_member(v) == inference_member(wanted);
}
}  // namespace

const PipelineEntry *find_pipeline(const NetworkConfig &c, Precision precision, int grouped_weight_bits) {
    const PipelineEntry *best = nullptr;
    for (const PipelineEntry &e : compiled_pipelines()) {
        if (same_width(e.width, c.width) && e.input_size == c.input_size &&
            e.in_channels == c.in_channels && e.num_classes == c.num_classes &&
            std::string(e.variant) == variant_name(c.variant) &&
            same_member(e.version, c.version) && e.precision == precision &&
            e.grouped_weight_bits >= grouped_weight_bits &&
            (!best || e.grouped_weight_bits < best->grouped_weight_bits))
            best = &e;
    }
    return best;
}

std::string describe_compiled_pipelines() {
    std::ostringstream s;
    bool first = true;
    for (const PipelineEntry &e : compiled_pipelines()) {
        s << (first ? "" : "; ") << "width " << e.width << " size " << e.input_size << " channels "
          << e.in_channels << " classes " << e.num_classes << " (" << e.variant << ", " << e.version << ", "
          << precision_name(e.precision) << (e.grouped_weight_bits < 8 ? " for 7-bit grouped weights" : "") << ")";
        first = false;
    }
    return first ? std::string("none") : s.str();
}

const PipelineEntry &require_pipeline(const NetworkSpec &spec, Precision precision, int grouped_weight_bits) {
    const PipelineEntry *entry = find_pipeline(spec.config, precision, grouped_weight_bits);
    if (!entry)
        throw Error("no compiled pipeline for " + spec.describe() + " in " +
                    precision_name(precision) + "; this build has: " + describe_compiled_pipelines() +
                    " (add one with ghostnet_add_network in CMakeLists.txt)");
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
