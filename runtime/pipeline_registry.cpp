// The registry lookups and Model::load, which needs them. Compiled into the registry library
// CMake generates (ghostnet_write_registry), so the core runtime links without any pipeline.
#include <cmath>
#include <sstream>

#include "error.h"
#include "model.h"
#include "pipeline_registry.h"
#include "safetensors.h"
#include "weights.h"

namespace ghostnet {

namespace {
bool same_width(double a, double b) { return std::fabs(a - b) < 1e-6; }
}  // namespace

const PipelineEntry *find_pipeline(const NetworkConfig &c) {
    for (const PipelineEntry &e : compiled_pipelines()) {
        if (same_width(e.width, c.width) && e.input_size == c.input_size &&
            e.in_channels == c.in_channels && e.num_classes == c.num_classes &&
            std::string(e.variant) == variant_name(c.variant))
            return &e;
    }
    return nullptr;
}

std::string describe_compiled_pipelines() {
    std::ostringstream s;
    bool first = true;
    for (const PipelineEntry &e : compiled_pipelines()) {
        s << (first ? "" : "; ") << "width " << e.width << " size " << e.input_size << " channels "
          << e.in_channels << " classes " << e.num_classes << " (" << e.variant << ")";
        first = false;
    }
    return first ? std::string("none") : s.str();
}

const PipelineEntry &require_pipeline(const NetworkSpec &spec) {
    const PipelineEntry *entry = find_pipeline(spec.config);
    if (!entry)
        throw Error("no compiled pipeline for " + spec.describe() +
                    "; this build has: " + describe_compiled_pipelines() +
                    " (add one with ghostnet_add_network in CMakeLists.txt)");
    return *entry;
}

Model Model::load(const std::string &weights_path, const NetworkConfig &config) {
    NetworkSpec spec;
    try {
        spec = make_ghostnet_spec(config);
    } catch (const std::invalid_argument &e) {
        throw Error(std::string("invalid network configuration: ") + e.what());
    }
    const PipelineFn fn = require_pipeline(spec).fn;
    const SafetensorsFile file = SafetensorsFile::read(weights_path);
    return Model(spec, pack_network(spec, file.tensors(), weights_path), fn);
}

}  // namespace ghostnet
