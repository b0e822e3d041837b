#include "q8_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "error.h"
#include "q8_reference.h"

namespace ghostnet {

namespace {

double db(double signal, double noise) {
    if (noise <= 0) return signal > 0 ? 999.0 : 0.0;  // exact
    if (signal <= 0) return -999.0;
    return 10.0 * std::log10(signal / noise);
}

std::string json_escape(const std::string &s) {
    std::string out;
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

}  // namespace

QuantizationReporter::QuantizationReporter(const NetworkSpec &spec, const TensorMap &tensors,
                                           const std::string &source, const q8::QuantizedNetwork &q8)
    : spec_(spec), float_net_(spec, tensors, source), q8_(q8) {
    for (const std::string &p : spec.activation_points())
        if (!q8_.acts.count(p)) throw Error(source + ": the q8 model has no activation point '" + p + "'");
}

void QuantizationReporter::add(const float *chw) {
    std::map<std::string, std::vector<float>> f;
    const std::vector<float> float_logits =
        float_net_.observe(chw, [&](const std::string &point, const std::vector<float> &v) { f[point] = v; });
    const q8::ActQuant &in_q = q8_.acts.at("input");
    const int s = spec_.config.input_size;
    q8ref::Q8Tensor x(spec_.config.in_channels, s, s);
    q8::quantize(chw, x.d.size(), in_q, x.d.data());
    const std::vector<int32_t> q8_logits =
        q8ref::ghostnet(x, spec_, q8_, [&](const std::string &point, const q8ref::Q8Tensor &t) {
            auto it = f.find(point);
            if (it == f.end() || it->second.size() != t.d.size())
                throw Error("q8 report: activation point '" + point + "' has no float counterpart of its size");
            const q8::ActQuant &q = q8_.acts.at(point);
            if (!sums_.count(point)) order_.push_back(point);
            Sums &sum = sums_[point];
            // Beyond half a step past either end: values the 8 bits cannot hold.
            const double lo = q8::dequantize(0, q) - 0.5 * q.scale, hi = q8::dequantize(255, q) + 0.5 * q.scale;
            for (size_t i = 0; i < t.d.size(); i++) {
                const double fv = it->second[i];
                const double e = fv - q8::dequantize(t.d[i], q);
                const double own = fv - q8::dequantize(q8::quantize(float(fv), q), q);
                sum.signal += fv * fv;
                sum.noise += e * e;
                sum.own_noise += own * own;
                sum.clipped += fv < lo || fv > hi;
            }
            sum.values += int64_t(t.d.size());
        });
    // The logits' order: the q8 ones are float ones times a positive scale per class, so
    // compare the dequantized values.
    const q8::QuantizedConv &cls = q8_.convs.at(spec_.classifier.weight);
    const float in_scale = q8_.acts.at(spec_.classifier.act_in).scale;
    size_t best_f = 0, best_q = 0;
    for (size_t k = 1; k < float_logits.size(); k++) {
        if (float_logits[k] > float_logits[best_f]) best_f = k;
        if (double(q8_logits[k]) * in_scale * cls.weight_scale[k] >
            double(q8_logits[best_q]) * in_scale * cls.weight_scale[best_q])
            best_q = k;
    }
    top1_agree_ += best_f == best_q;
    images_++;
}

QuantizationReport QuantizationReporter::report() const {
    if (images_ == 0) throw Error("q8 report: no images");
    QuantizationReport r;
    r.network = spec_.describe();
    r.images = images_;
    r.top1_agree = top1_agree_;
    for (const std::string &p : order_) {
        const Sums &s = sums_.at(p);
        ActivationError e;
        e.point = p;
        e.values = s.values;
        e.sqnr_db = db(s.signal, s.noise);
        e.own_sqnr_db = db(s.signal, s.own_noise);
        e.clipped_percent = s.values ? 100.0 * double(s.clipped) / double(s.values) : 0.0;
        e.quant = q8_.acts.at(p);
        r.points.push_back(e);
    }
    std::stable_sort(r.points.begin(), r.points.end(),
                     [](const ActivationError &a, const ActivationError &b) { return a.sqnr_db < b.sqnr_db; });
    return r;
}

std::string QuantizationReport::to_text(int rows) const {
    std::ostringstream o;
    char line[256];
    std::snprintf(line, sizeof line, "%s: q8 against fp32 on %d images; top-1 agrees on %d (%.1f%%)\n",
                  network.c_str(), images, top1_agree, images ? 100.0 * top1_agree / images : 0.0);
    o << line;
    o << "SQNR: 10 log10(signal / error) in dB, higher is better; 'own' is the point's own rounding and\n"
         "clipping alone, 'q8' every error from the input on. Worst first.\n\n";
    std::snprintf(line, sizeof line, "%-34s %9s %9s %9s %11s %5s\n", "activation point", "q8 dB", "own dB",
                  "clipped%", "scale", "zp");
    o << line;
    int n = 0;
    for (const ActivationError &e : points) {
        if (rows > 0 && n++ >= rows) break;
        std::snprintf(line, sizeof line, "%-34s %9.2f %9.2f %9.3f %11.4g %5d\n", e.point.c_str(), e.sqnr_db,
                      e.own_sqnr_db, e.clipped_percent, double(e.quant.scale), int(e.quant.zero_point));
        o << line;
    }
    return o.str();
}

std::string QuantizationReport::to_json() const {
    std::ostringstream o;
    o << "{\"network\": \"" << json_escape(network) << "\", \"images\": " << images
      << ", \"top1_agree\": " << top1_agree << ", \"points\": [";
    char buf[320];
    for (size_t i = 0; i < points.size(); i++) {
        const ActivationError &e = points[i];
        std::snprintf(buf, sizeof buf,
                      "%s{\"point\": \"%s\", \"values\": %lld, \"sqnr_db\": %.3f, \"own_sqnr_db\": %.3f, "
                      "\"clipped_percent\": %.4f, \"scale\": %.6g, \"zero_point\": %d}",
                      i ? ", " : "", json_escape(e.point).c_str(), (long long)e.values, e.sqnr_db, e.own_sqnr_db,
                      e.clipped_percent, double(e.quant.scale), int(e.quant.zero_point));
        o << buf;
    }
    o << "]}";
    return o.str();
}

}  // namespace ghostnet
