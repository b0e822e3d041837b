// Where a q8 model departs from its float network: per activation point, the q8 network's
// values (the bit-exact integer forward pass, q8_reference.h) against the float network's
// (calibration.h's forward pass) over images. ghostnet-quantize --report prints it, worst
// first, so a user whose accuracy drops finds the layer.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "calibration.h"
#include "ghostnet_arch.h"
#include "quantization.h"

namespace ghostnet {

struct ActivationError {
    std::string point;  // ghostnet_arch.h's activation point name (e.g. blocks.6.3.dw)
    int64_t values = 0;  // compared, over all images
    // Signal to noise, 10 log10(sum f^2 / sum (f - q)^2): f the float values, q the q8
    // network's dequantized ones, with every error from the input on (accumulated).
    double sqnr_db = 0;
    // The same for this point's own rounding and clipping alone (the float values quantized
    // and dequantized): low here means the point's range is the problem, low only above means
    // what feeds it is.
    double own_sqnr_db = 0;
    // Float values more than half a step outside the point's range (saturated, not rounded).
    double clipped_percent = 0;
    q8::ActQuant quant;
};

struct QuantizationReport {
    std::string network;
    int images = 0;
    int top1_agree = 0;  // images whose q8 top-1 class is the float one's
    std::vector<ActivationError> points;  // lowest sqnr_db first
    std::string to_text(int rows = 0) const;  // a table (rows > 0: only the worst `rows`)
    std::string to_json() const;  // one line
};

class QuantizationReporter {
public:
    // Throws Error naming `source` when `tensors` or `q8` do not fit `spec`.
    QuantizationReporter(const NetworkSpec &spec, const TensorMap &tensors, const std::string &source,
                         const q8::QuantizedNetwork &q8);
    // One normalized NCHW input (spec's input_count floats) through both networks.
    void add(const float *chw);
    int images() const { return images_; }
    QuantizationReport report() const;

private:
    struct Sums {
        double signal = 0, noise = 0, own_noise = 0;
        int64_t values = 0, clipped = 0;
    };
    NetworkSpec spec_;
    Calibrator float_net_;
    q8::QuantizedNetwork q8_;
    std::map<std::string, Sums> sums_;
    std::vector<std::string> order_;  // points in network order
    int images_ = 0, top1_agree_ = 0;
};

}  // namespace ghostnet
