// Calibration for q8: a plain C++ float forward pass of the folded network that records the
// range of every activation point (ghostnet_arch.h's act_in / act_out names) over calibration
// inputs, and turns the ranges into scales and zero points.
//
// Ranges: with percentile 100 (the default), the minimum and maximum over every value of every
// image. With percentile P < 100, per image the P-th percentile of the values (high side) and
// the (100 - P)-th (low side), averaged over the images: a few outliers then do not stretch
// the scale.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "ghostnet_arch.h"
#include "image.h"
#include "quantization.h"
#include "safetensors.h"
#include "weights.h"

namespace ghostnet {

// The first `limit` (0: all) calibration inputs of `source`: a folder of images, or an IDX file
// of grayscale images (e.g. Fashion-MNIST's train-images-idx3-ubyte.gz); each decoded for
// `channels` input channels, preprocessed by `pre` and passed to `each`. Returns how many.
// Throws Error naming `source` (no images, an IDX file for a colour network, ...).
int for_each_calibration_input(const std::string &source, int limit, int channels, const Preprocess &pre,
                               const std::function<void(const std::vector<float> &)> &each);

class Calibrator;

// What ghostnet-quantize does with a float checkpoint: `file` (read from `checkpoint`)
// calibrated on the inputs `feed` gives the calibrator (it returns how many), quantized, and
// written to `output` as a q8 model with its provenance (the network, the checkpoint's and
// `calibration`'s file names, the image count, the percentile), its grouped convs' weights in
// `grouped_weight_bits` (q8::QuantizedNetwork). Throws Error naming the file at fault (a q8
// model given as the checkpoint, tensors that do not fit `spec`, no inputs).
struct QuantizedCheckpoint {
    q8::QuantizedNetwork net;
    int images = 0;
    double seconds = 0;  // calibrating
};
QuantizedCheckpoint quantize_checkpoint(const NetworkSpec &spec, const SafetensorsFile &file,
                                        const std::string &checkpoint, double percentile,
                                        const std::string &calibration,
                                        const std::function<int(Calibrator &)> &feed,
                                        const std::string &output, int grouped_weight_bits = 8);

class Calibrator {
public:
    // Throws Error naming `source` when `tensors` do not fit `spec`, or when percentile is
    // outside [50, 100].
    Calibrator(const NetworkSpec &spec, const TensorMap &tensors, const std::string &source,
               double percentile = 100.0);

    // Sees each activation point's values ([c][h][w], vectors as [c]) as observe() makes them.
    using Hook = std::function<void(const std::string &point, const std::vector<float> &values)>;

    // Runs one normalized NCHW input (spec's input_count floats) and records its ranges;
    // returns the float logits. `hook`, if given, sees every activation point too.
    std::vector<float> observe(const float *chw, const Hook &hook = nullptr);

    int images() const { return images_; }
    // The scale and zero point of every activation point; Error before any observe().
    std::map<std::string, q8::ActQuant> act_quant() const;

private:
    struct Range {
        float lo = 0, hi = 0;          // percentile 100: extremes so far
        double lo_sum = 0, hi_sum = 0;  // otherwise: sums of the per-image percentiles
    };
    struct Plane;
    void record(const std::string &point, const std::vector<float> &values);
    Plane conv(const ConvSpec &c, const Plane &in, bool relu) const;

    const Hook *hook_ = nullptr;  // during observe()
    NetworkSpec spec_;
    std::map<std::string, FoldedConv> folded_;
    double percentile_;
    std::map<std::string, Range> ranges_;
    int images_ = 0;
};

}  // namespace ghostnet
