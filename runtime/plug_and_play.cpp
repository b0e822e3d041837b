#include "plug_and_play.h"

#include "error.h"
#include "pipeline_call.h"
#include "safetensors.h"

namespace ghostnet {

PlugAndPlayModel::PlugAndPlayModel(PlugAndPlaySpec spec, std::vector<float> packed, PipelineFn pipeline)
    : spec_(std::move(spec)), packed_(std::move(packed)), pipeline_(pipeline) {
    if (!pipeline_) throw Error("no compiled pipeline given for " + spec_.describe());
    install_pipeline_hooks();
}

PlugAndPlayModel PlugAndPlayModel::from_tensors(const PlugAndPlaySpec &spec, const TensorMap &tensors,
                                                const std::string &source, PipelineFn pipeline) {
    check_tensors(spec.tensors(), spec.describe(), tensors, source,
                  " (is the network, Ghost ratio s or cheap kernel d right?)");
    return PlugAndPlayModel(spec, pack_convs(spec.convs(), spec.packed_size, tensors, source), pipeline);
}

PlugAndPlayModel PlugAndPlayModel::load(const PlugAndPlaySpec &spec, const std::string &path,
                                        PipelineFn pipeline) {
    const SafetensorsFile f = SafetensorsFile::read(path);
    return from_tensors(spec, f.tensors(), path, pipeline);
}

size_t PlugAndPlayModel::input_count() const {
    return size_t(spec_.in_channels) * spec_.input_size * spec_.input_size;
}

std::vector<float> PlugAndPlayModel::run(const float *chw, size_t count) const {
    return run_fp32_pipeline(pipeline_, chw, count, spec_.in_channels, spec_.input_size, packed_, spec_.num_classes,
                             spec_.describe());
}

}  // namespace ghostnet
