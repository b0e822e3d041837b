#include "model.h"

#include <HalideBuffer.h>
#include <HalideRuntime.h>

#include <algorithm>
#include <cmath>

#include "error.h"
#include "halide_allocator.h"
#include "halide_errors.h"
#include "pipeline_call.h"
#include "q8_model_file.h"
#include "thread_pool.h"
#include "weights.h"

namespace ghostnet {

Model::Model(NetworkSpec spec, std::vector<float> packed_weights, PipelineFn pipeline)
    : spec_(std::move(spec)), packed_(std::move(packed_weights)), pipeline_(pipeline) {
    if (packed_.size() != spec_.packed_size)
        throw Error("packed weights hold " + std::to_string(packed_.size()) + " floats, " +
                    spec_.describe() + " needs " + std::to_string(spec_.packed_size));
    install_pipeline_hooks();
}

Model::Model(NetworkSpec spec, q8::PackedQ8 packed, PipelineQ8Fn pipeline)
    : spec_(std::move(spec)), q8_(std::move(packed)), q8_pipeline_(pipeline) {
    if (q8_.weights.size() != spec_.packed_size || q8_.params.size() != spec_.q_params_size ||
        q8_.logit_scale.size() != size_t(spec_.config.num_classes))
        throw Error("q8 packed model does not fit " + spec_.describe() + ": " +
                    std::to_string(q8_.weights.size()) + " weights (expected " +
                    std::to_string(spec_.packed_size) + "), " + std::to_string(q8_.params.size()) +
                    " parameters (expected " + std::to_string(spec_.q_params_size) + ")");
    install_pipeline_hooks();
}

const char *precision_name(Precision p) { return p == Precision::Q8 ? "q8" : "fp32"; }

namespace {

NetworkSpec checked_spec(const NetworkConfig &config) {
    try {
        return make_ghostnet_spec(config);
    } catch (const std::invalid_argument &e) {
        throw Error(std::string("invalid network configuration: ") + e.what());
    }
}

}  // namespace

Model Model::from_file(const SafetensorsFile &file, const std::string &path, const NetworkSpec &spec,
                       PipelineFn fp32, PipelineQ8Fn q8_fn) {
    if (q8::is_q8_file(file)) {
        if (!q8_fn)
            throw Error(path + " is a q8 model file, and the pipeline given is fp32 (emit a q8 one: "
                        "ghostnet-generate --precision q8)");
        return Model(spec, q8::pack_network(spec, q8::read_model(spec, file)), q8_fn);
    }
    if (!fp32)
        throw Error(path + " is a float checkpoint, and the pipeline given is q8 (make a q8 model "
                    "with ghostnet-quantize, or emit an fp32 pipeline)");
    return Model(spec, pack_network(spec, file.tensors(), path), fp32);
}

Model Model::load(const std::string &weights_path, const NetworkConfig &config, PipelineFn pipeline) {
    const NetworkSpec spec = checked_spec(config);
    return from_file(SafetensorsFile::read(weights_path), weights_path, spec, pipeline, nullptr);
}

Model Model::load(const std::string &weights_path, const NetworkConfig &config, PipelineQ8Fn pipeline) {
    const NetworkSpec spec = checked_spec(config);
    return from_file(SafetensorsFile::read(weights_path), weights_path, spec, nullptr, pipeline);
}

size_t Model::input_count() const {
    const auto &c = spec_.config;
    return size_t(c.in_channels) * c.input_size * c.input_size;
}


std::vector<int32_t> Model::run_q8(const uint8_t *chw, size_t count) const {
    if (!q8_pipeline_) throw Error("run_q8: " + spec_.describe() + " is an fp32 model");
    check_input_count(count, spec_.config.in_channels, spec_.config.input_size, spec_.describe());
    const int s = spec_.config.input_size;
    std::vector<int32_t> logits(spec_.config.num_classes);
    // The pipeline only reads its inputs; Halide buffers are non-const by type alone.
    Halide::Runtime::Buffer<uint8_t> in(const_cast<uint8_t *>(chw), s, s, spec_.config.in_channels);
    Halide::Runtime::Buffer<int8_t> w(const_cast<int8_t *>(q8_.weights.data()), int(q8_.weights.size()));
    Halide::Runtime::Buffer<int32_t> p(const_cast<int32_t *>(q8_.params.data()), int(q8_.params.size()));
    Halide::Runtime::Buffer<int32_t> out(logits.data(), int(logits.size()));
    clear_halide_error();
    check_pipeline_result(q8_pipeline_(in.raw_buffer(), w.raw_buffer(), p.raw_buffer(), out.raw_buffer()),
                          "q8 pipeline for " + spec_.describe());
    return logits;
}

namespace {
// The q8 input quantized on the pipelines' threads, one contiguous part each (parts start on
// 64-byte lines of the output, so no two threads write one line).
struct QuantizeJob {
    const float *x;
    size_t n;
    const q8::ActQuant *q;
    uint8_t *out;
    int parts;
};

int quantize_part(void *, int part, uint8_t *closure) {
    const QuantizeJob &j = *reinterpret_cast<const QuantizeJob *>(closure);
    const auto boundary = [&](int p) { return p == j.parts ? j.n : j.n * p / j.parts / 64 * 64; };
    const size_t begin = boundary(part), end = boundary(part + 1);
    q8::quantize(j.x + begin, end - begin, *j.q, j.out + begin);
    return 0;
}

void quantize_input(const float *x, size_t n, const q8::ActQuant &q, uint8_t *out) {
    QuantizeJob job{x, n, &q, out, std::max(1, thread_pool_threads())};
    if (job.parts == 1 || n < size_t(job.parts) * 4096) {  // a small input: not worth a parallel loop
        q8::quantize(x, n, q, out);
        return;
    }
    halide_do_par_for(nullptr, quantize_part, 0, job.parts, reinterpret_cast<uint8_t *>(&job));
}
}  // namespace

std::vector<float> Model::run(const float *chw, size_t count) const {
    const NetworkConfig &c = spec_.config;
    if (!q8_pipeline_)
        return run_fp32_pipeline(pipeline_, chw, count, c.in_channels, c.input_size, packed_, c.num_classes,
                                 spec_.describe());
    check_input_count(count, c.in_channels, c.input_size, spec_.describe());
    thread_local std::vector<uint8_t> q;  // reused: no allocation per run
    q.resize(count);
    quantize_input(chw, count, q8_.input, q.data());
    const std::vector<int32_t> acc = run_q8(q.data(), q.size());
    std::vector<float> logits(acc.size());
    for (size_t i = 0; i < acc.size(); i++) logits[i] = float(acc[i]) * q8_.logit_scale[i];
    return logits;
}

std::vector<Prediction> Model::classify(const float *chw, size_t count, int k) const {
    return top_k(run(chw, count), k);
}

std::vector<Prediction> top_k(const std::vector<float> &logits, int k) {
    std::vector<Prediction> p(logits.size());
    if (logits.empty()) return p;
    const float mx = *std::max_element(logits.begin(), logits.end());
    double sum = 0;
    for (float l : logits) sum += std::exp(double(l) - mx);
    for (size_t i = 0; i < logits.size(); i++)
        p[i] = {int(i), float(std::exp(double(logits[i]) - mx) / sum), logits[i]};
    k = std::max(0, std::min<int>(k, int(p.size())));
    std::partial_sort(p.begin(), p.begin() + k, p.end(), [](const Prediction &a, const Prediction &b) {
        return a.probability > b.probability || (a.probability == b.probability && a.index < b.index);
    });
    p.resize(k);
    return p;
}

void set_num_threads(int n) {
    halide_set_num_threads(n);  // Halide's own pool, should GHOSTNET_THREAD_POOL=halide keep it
    set_thread_pool_threads(n);
}

void set_memory_limit(size_t bytes) {
    install_halide_allocator();  // first, so that it cannot replace this limit by the environment's
    set_pipeline_memory_limit(bytes);
}

}  // namespace ghostnet
