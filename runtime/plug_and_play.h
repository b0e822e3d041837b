// Running the plug-and-play networks (plug_and_play_arch.h) that the `plug_and_play`
// generator compiles: a checkpoint with their PyTorch tensor names is checked, folded and
// packed by the same code as GhostNet's (weights.h), then the compiled pipeline runs on it.
#pragma once

#include <string>
#include <vector>

#include "pipeline_registry.h"
#include "plug_and_play_arch.h"
#include "weights.h"

namespace ghostnet {

class PlugAndPlayModel {
public:
    // Reads a .safetensors checkpoint; throws Error naming the file and the tensor when it
    // does not fit `spec` (missing, unexpected, wrong shape or dtype, bad BatchNorm variance).
    static PlugAndPlayModel load(const PlugAndPlaySpec &spec, const std::string &path, PipelineFn pipeline);
    // The same from tensors already in memory; `source` names them in errors.
    static PlugAndPlayModel from_tensors(const PlugAndPlaySpec &spec, const TensorMap &tensors,
                                         const std::string &source, PipelineFn pipeline);

    // One 32x32x3 image, planar (CHW) floats -> the logits. Throws Error on a wrong input
    // size or a pipeline error (with Halide's message).
    std::vector<float> run(const float *chw, size_t count) const;
    size_t input_count() const;
    const PlugAndPlaySpec &spec() const { return spec_; }

private:
    PlugAndPlayModel(PlugAndPlaySpec spec, std::vector<float> packed, PipelineFn pipeline);
    PlugAndPlaySpec spec_;
    std::vector<float> packed_;
    PipelineFn pipeline_;
};

}  // namespace ghostnet
