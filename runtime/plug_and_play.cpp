#include "plug_and_play.h"

#include <HalideBuffer.h>

#include "error.h"
#include "halide_allocator.h"
#include "thread_pool.h"
#include "halide_errors.h"
#include "safetensors.h"

namespace ghostnet {

PlugAndPlayModel::PlugAndPlayModel(PlugAndPlaySpec spec, std::vector<float> packed, PipelineFn pipeline)
    : spec_(std::move(spec)), packed_(std::move(packed)), pipeline_(pipeline) {
    if (!pipeline_) throw Error("no compiled pipeline given for " + spec_.describe());
    install_halide_error_capture();
    install_halide_allocator();
    install_thread_pool();
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
    if (count != input_count())
        throw Error("input tensor has " + std::to_string(count) + " values; " + spec_.describe() +
                    " expects " + std::to_string(input_count()));
    const int s = spec_.input_size;
    std::vector<float> logits(spec_.num_classes);
    // The pipeline only reads its inputs; Halide buffers are non-const by type alone.
    Halide::Runtime::Buffer<float> in(const_cast<float *>(chw), s, s, spec_.in_channels);
    Halide::Runtime::Buffer<float> w(const_cast<float *>(packed_.data()), int(packed_.size()));
    Halide::Runtime::Buffer<float> out(logits.data(), int(logits.size()));
    clear_halide_error();
    const int rc = pipeline_(in.raw_buffer(), w.raw_buffer(), out.raw_buffer());
    if (rc != 0)
        throw Error("pipeline for " + spec_.describe() + " failed (Halide error " + std::to_string(rc) +
                    "): " + last_halide_error());
    return logits;
}

}  // namespace ghostnet
