#include "quantization.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <sstream>

#include "error.h"

namespace ghostnet {
namespace q8 {

namespace {

int32_t saturate32(int64_t v) {
    return int32_t(std::clamp<int64_t>(v, std::numeric_limits<int32_t>::min(),
                                       std::numeric_limits<int32_t>::max()));
}

std::string prefix_of(const ConvSpec &c) {
    const std::string suffix = ".weight";
    return c.weight.substr(0, c.weight.size() - suffix.size());
}

template <typename T>
Tensor make_tensor(const char *dtype, std::vector<int64_t> shape, const std::vector<T> &v) {
    Tensor t;
    t.dtype = dtype;
    t.shape = std::move(shape);
    t.bytes.resize(v.size() * sizeof(T));
    std::memcpy(t.bytes.data(), v.data(), t.bytes.size());
    return t;
}

template <typename T>
std::vector<T> tensor_values(const SafetensorsFile &file, const std::string &name, const char *dtype,
                             const std::vector<int64_t> &shape) {
    if (!file.has(name))
        throw Error(file.path() + ": missing tensor '" + name + "' (a q8 model needs it)");
    const Tensor &t = file.get(name);
    if (t.dtype != dtype)
        throw Error(file.path() + ": tensor '" + name + "' has dtype " + t.dtype + ", expected " +
                    dtype);
    if (t.shape != shape)
        throw Error(file.path() + ": tensor '" + name + "' has shape " + shape_string(t.shape) +
                    ", expected " + shape_string(shape));
    std::vector<T> v(t.bytes.size() / sizeof(T));
    std::memcpy(v.data(), t.bytes.data(), v.size() * sizeof(T));
    return v;
}

}  // namespace

int32_t rounding_shift_right(int32_t a, int b) {
    if (b <= 0) return a;
    return saturate32((int64_t(a) + (int64_t(1) << (b - 1))) >> b);
}

int32_t clamped_shift_left(int32_t a, int b) {
    const int32_t lo = std::numeric_limits<int32_t>::min() >> b;
    const int32_t hi = std::numeric_limits<int32_t>::max() >> b;
    return int32_t(int64_t(std::clamp(a, lo, hi)) * (int64_t(1) << b));
}

int32_t rounding_mul_shift_right31(int32_t a, int32_t b) {
    return saturate32((int64_t(a) * b + (int64_t(1) << 30)) >> 31);
}

int32_t requantize(int32_t acc, int32_t multiplier, int32_t shift) {
    const int32_t pre = clamped_shift_left(acc, std::max(-shift, 0));
    return rounding_shift_right(rounding_mul_shift_right31(pre, multiplier), std::max(shift, 0));
}

int32_t saturate16(int64_t v) { return int32_t(std::clamp<int64_t>(v, -32768, 32767)); }

int32_t rounding_mul_shift_right15(int32_t t, int32_t b) {
    return saturate16((int64_t(t) * b + (1 << 14)) >> 15);
}

int32_t scale16(int32_t acc, int32_t multiplier, int32_t shift) {
    const int left = std::max(-shift, 0), right = std::max(shift, 0);
    const int64_t half = (int64_t(1) << right) >> 1;
    const int32_t lo = std::numeric_limits<int32_t>::min() >> left;
    const int32_t hi = int32_t((std::numeric_limits<int32_t>::max() >> left) - half);
    const int64_t pre = int64_t(std::clamp(acc, lo, hi)) * (int64_t(1) << left);
    const int32_t t = saturate16((pre + half) >> right);
    return rounding_mul_shift_right15(t, multiplier);
}

int32_t requantize16(int32_t acc, int32_t multiplier, int32_t shift) {
    return rounding_shift_right(scale16(acc, multiplier, shift), kQ8RequantFracBits);
}

namespace {
// real = multiplier * 2^-(bits + frac_bits + shift) with multiplier in [2^(bits-1), 2^bits),
// shift at most 31 (below that the multiplier keeps fewer bits, then is zero), for real in
// [0, 2^max_log2); Error otherwise.
void to_fixed_point(double real, int bits, int frac_bits, int max_log2, int32_t *multiplier, int32_t *shift) {
    if (!std::isfinite(real) || real < 0 || real >= std::ldexp(1.0, max_log2)) {
        std::ostringstream s;
        s << "requantization multiplier " << real << " is out of range [0, 2^" << max_log2 << ")";
        throw Error(s.str());
    }
    *multiplier = *shift = 0;
    if (real == 0) return;
    int e = 0;
    const double f = std::frexp(real, &e);  // real = f * 2^e, f in [0.5, 1)
    int64_t q = std::llround(std::ldexp(f, bits));
    if (q == (int64_t(1) << bits)) {
        q /= 2;
        e++;
    }
    int sh = -e - frac_bits;
    if (sh > 31) {
        if (sh > 31 + bits) return;
        q >>= (sh - 31);
        sh = 31;
    }
    *multiplier = int32_t(q);
    *shift = sh;
}
}  // namespace

Multiplier16 quantize_multiplier16(double real) {
    Multiplier16 m;
    to_fixed_point(real, 15, kQ8RequantFracBits, 15 - kQ8RequantFracBits, &m.multiplier, &m.shift);
    return m;
}

Multiplier quantize_multiplier(double real) {
    Multiplier m;
    to_fixed_point(real, 31, 0, 30, &m.multiplier, &m.shift);
    return m;
}

ActQuant choose_act_quant(float lo, float hi) {
    if (!std::isfinite(lo) || !std::isfinite(hi) || lo > hi)
        throw Error("activation range [" + std::to_string(lo) + ", " + std::to_string(hi) +
                    "] is not a finite range");
    lo = std::min(lo, 0.0f);
    hi = std::max(hi, 0.0f);
    ActQuant q;
    if (hi - lo < 1e-12f) return q;  // all zeros: any scale; keep 1 with zero point 0
    q.scale = float((double(hi) - lo) / 255.0);
    q.zero_point = int32_t(std::clamp<long>(std::lround(-lo / double(q.scale)), 0, 255));
    return q;
}

namespace {
// x times float(1 / scale), rounded half to even by adding and subtracting 1.5 * 2^52 in
// double (exact for |v| < 2^51 in the default rounding mode; larger values saturate anyway),
// the zero point, then a clamp written so NaN gives 0. The product of two floats is exact in
// double, so a compiler that fuses the multiply and the add (an FMA, as AArch64 compilers may)
// gives the same bytes as one that does not. Two selects and no calls: the compiler
// vectorizes the batch loop (nearbyint is a library call on baseline x86-64).
inline uint8_t quantize_one(float x, float inv_scale, float zero_point) {
    constexpr double kMagic = 6755399441055744.0;
    double r = (double(x) * double(inv_scale) + kMagic) - kMagic + double(zero_point);
    r = r > 0.0 ? r : 0.0;
    r = r < 255.0 ? r : 255.0;
    return uint8_t(int32_t(r));
}
}  // namespace

uint8_t quantize(float x, const ActQuant &q) {
    return quantize_one(x, float(1.0 / double(q.scale)), float(q.zero_point));
}

void quantize(const float *x, size_t n, const ActQuant &q, uint8_t *out) {
    const float inv = float(1.0 / double(q.scale)), zp = float(q.zero_point);
    for (size_t i = 0; i < n; i++) out[i] = quantize_one(x[i], inv, zp);
}

namespace {
// An add operand v (a uint8 minus its zero point) to the output scale: under a left shift, v is
// first clamped to [-2^15 >> left, (2^15 - 1) >> left], what int16 holds after the shift.
int32_t scale16_operand(int32_t v, int32_t multiplier, int32_t shift) {
    const int left = std::max(-shift, 0);
    return scale16(std::clamp(v, -32768 >> left, 32767 >> left), multiplier, shift);
}
}  // namespace

uint8_t add(uint8_t residual, uint8_t shortcut, const int32_t *p) {
    const int32_t a = scale16_operand(int32_t(residual) - p[0], p[3], p[4]);
    const int32_t b = scale16_operand(int32_t(shortcut) - p[1], p[5], p[6]);
    const int64_t v = int64_t(rounding_shift_right(saturate16(int64_t(a) + b), kQ8RequantFracBits)) + p[2];
    return uint8_t(std::clamp<int64_t>(v, 0, 255));
}

uint8_t gate(uint8_t v, int32_t zero_point, int32_t gate_q15) {
    return uint8_t(zero_point + rounding_shift_right((int32_t(v) - zero_point) * gate_q15, kQ8GateBits));
}

QuantizedConv quantize_conv(const ConvSpec &conv, const FoldedConv &folded, float input_scale) {
    QuantizedConv q;
    const size_t per_out = folded.weight.size() / conv.cout;
    q.weight.resize(folded.weight.size());
    q.weight_scale.resize(conv.cout);
    q.bias.resize(conv.cout);
    for (int o = 0; o < conv.cout; o++) {
        float mx = 0;
        for (size_t i = 0; i < per_out; i++) mx = std::max(mx, std::fabs(folded.weight[o * per_out + i]));
        if (!std::isfinite(mx))
            throw Error("weights of " + conv.weight + " are not finite at output channel " +
                        std::to_string(o));
        const float s = mx > 0 ? mx / 127.0f : 1.0f;
        q.weight_scale[o] = s;
        for (size_t i = 0; i < per_out; i++)
            q.weight[o * per_out + i] = int8_t(std::clamp<long>(
                std::lround(folded.weight[o * per_out + i] / double(s)), -127, 127));
        const double b = std::nearbyint(double(folded.bias[o]) / (double(input_scale) * s));
        q.bias[o] = saturate32(int64_t(std::clamp(b, -2147483648.0, 2147483647.0)));
    }
    return q;
}

std::vector<int32_t> sigmoid_table(const ActQuant &q) {
    std::vector<int32_t> t(kQ8SigmoidTable);
    for (int v = 0; v < kQ8SigmoidTable; v++) {
        const double x = double(q.scale) * (v - q.zero_point);
        t[v] = int32_t(std::lround(std::ldexp(1.0 / (1.0 + std::exp(-x)), kQ8GateBits)));
    }
    return t;
}

QuantizedNetwork quantize_network(const NetworkSpec &spec, const TensorMap &tensors,
                                  const std::string &source,
                                  const std::map<std::string, ActQuant> &acts) {
    check_tensors(spec, tensors, source);
    QuantizedNetwork net;
    for (const std::string &p : spec.activation_points()) {
        auto it = acts.find(p);
        if (it == acts.end()) throw Error("no calibration range for activation '" + p + "'");
        net.acts[p] = it->second;
    }
    for (const ConvSpec *c : spec.convs())
        net.convs[c->weight] = quantize_conv(*c, fold_conv(*c, tensors, source),
                                             net.acts.at(c->act_in).scale);
    return net;
}

void write_model(const std::string &path, const NetworkSpec &spec, const QuantizedNetwork &net,
                 std::map<std::string, std::string> metadata) {
    std::map<std::string, Tensor> t;
    for (const ConvSpec *c : spec.convs()) {
        const QuantizedConv &q = net.convs.at(c->weight);
        const std::string p = prefix_of(*c);
        t[p + ".weight"] = make_tensor("I8", c->weight_shape(), q.weight);
        t[p + ".weight_scale"] = make_tensor("F32", {c->cout}, q.weight_scale);
        t[p + ".bias"] = make_tensor("I32", {c->cout}, q.bias);
    }
    for (const auto &kv : net.acts) {
        t["act." + kv.first + ".scale"] = make_tensor("F32", {1}, std::vector<float>{kv.second.scale});
        t["act." + kv.first + ".zero_point"] =
            make_tensor("I32", {1}, std::vector<int32_t>{kv.second.zero_point});
    }
    metadata["format"] = kFormat;
    metadata["format_version"] = "1";
    write_safetensors(path, t, metadata);
}

bool is_q8_file(const SafetensorsFile &file) {
    auto it = file.metadata().find("format");
    return it != file.metadata().end() && it->second == kFormat;
}

QuantizedNetwork read_model(const NetworkSpec &spec, const SafetensorsFile &file) {
    if (!is_q8_file(file))
        throw Error(file.path() + ": not a q8 model (metadata \"format\" is not \"" + kFormat + "\")");
    QuantizedNetwork net;
    size_t expected = 0;
    for (const std::string &a : spec.activation_points()) {
        const std::string s = "act." + a + ".scale", z = "act." + a + ".zero_point";
        ActQuant q;
        q.scale = tensor_values<float>(file, s, "F32", {1})[0];
        q.zero_point = tensor_values<int32_t>(file, z, "I32", {1})[0];
        if (!std::isfinite(q.scale) || !(q.scale > 0))
            throw Error(file.path() + ": tensor '" + s + "' is " + std::to_string(q.scale) +
                        "; a scale must be finite and > 0");
        if (q.zero_point < 0 || q.zero_point > 255)
            throw Error(file.path() + ": tensor '" + z + "' is " + std::to_string(q.zero_point) +
                        "; a zero point must be in [0, 255]");
        net.acts[a] = q;
        expected += 2;
    }
    for (const ConvSpec *c : spec.convs()) {
        const std::string p = prefix_of(*c);
        QuantizedConv q;
        q.weight = tensor_values<int8_t>(file, p + ".weight", "I8", c->weight_shape());
        q.weight_scale = tensor_values<float>(file, p + ".weight_scale", "F32", {c->cout});
        q.bias = tensor_values<int32_t>(file, p + ".bias", "I32", {c->cout});
        for (int o = 0; o < c->cout; o++)
            if (!std::isfinite(q.weight_scale[o]) || !(q.weight_scale[o] > 0))
                throw Error(file.path() + ": tensor '" + p + ".weight_scale' has " +
                            std::to_string(q.weight_scale[o]) + " at channel " + std::to_string(o) +
                            "; a scale must be finite and > 0");
        net.convs[c->weight] = std::move(q);
        expected += 3;
    }
    if (file.tensors().size() != expected) {
        for (const auto &kv : file.tensors()) {
            const std::string &n = kv.first;
            bool known = false;
            if (n.rfind("act.", 0) == 0) {
                for (const std::string &a : spec.activation_points())
                    known = known || n == "act." + a + ".scale" || n == "act." + a + ".zero_point";
            } else {
                for (const ConvSpec *c : spec.convs()) {
                    const std::string p = prefix_of(*c);
                    known = known || n == p + ".weight" || n == p + ".weight_scale" || n == p + ".bias";
                }
            }
            if (!known)
                throw Error(file.path() + ": unexpected tensor '" + n + "' for q8 " +
                            spec.describe() + " (is the width, class count, variant or version right?)");
        }
    }
    return net;
}

void pack_conv_weights(const ConvSpec &c, const QuantizedConv &q, bool grouped, int8_t *dst) {
    if (!grouped) {
        pack_layout(c, q.weight.data(), dst);
        return;
    }
    if (!c.q8_grouped()) throw Error(c.weight + ": only dense convs and linear layers with cin % 4 == 0 pack grouped");
    // PyTorch [cout][cin][ky][kx] -> [ky][kx][cin / G][cout][G] (ghostnet_arch.h "q8 layout").
    const int k = c.k, groups = c.cin / kQ8Group;
    for (int o = 0; o < c.cout; o++)
        for (int i = 0; i < c.cin; i++)
            for (int ky = 0; ky < k; ky++)
                for (int kx = 0; kx < k; kx++)
                    dst[(((size_t(ky) * k + kx) * groups + i / kQ8Group) * c.cout + o) * kQ8Group +
                        i % kQ8Group] = q.weight[((size_t(o) * c.cin + i) * k + ky) * k + kx];
}

void pack_conv(const ConvSpec &c, const QuantizedConv &q, const ActQuant &in, const ActQuant *out,
               PackedQ8 *packed) {
    pack_conv_weights(c, q, c.q8_grouped(), packed->weights.data() + c.weight_offset);
    pack_conv_params(c, q, c.q8_grouped(), in, out, packed->params.data() + c.q_params_offset);
}

void pack_conv_params(const ConvSpec &c, const QuantizedConv &q, bool grouped,
                      const ActQuant &in, const ActQuant *out, int32_t *p) {
    if (grouped && !c.q8_grouped())
        throw Error(c.weight + ": grouped q8 parameters need a dense conv or linear layer with a multiple of " +
                    std::to_string(kQ8Group) + " input channels, got " + std::to_string(c.cin));
    p[0] = in.zero_point;
    if (c.gate) {
        // relu6(x + 3) / 6 in Q15: x / (6 / 2^15) + 2^14, clamped to [0, 2^15].
        p[1] = 1 << (kQ8GateBits - 1);
        p[2] = 0;
        p[3] = 1 << kQ8GateBits;
    } else if (out) {
        p[1] = out->zero_point;
        p[2] = c.relu ? out->zero_point : 0;
        p[3] = 255;
    } else {
        p[1] = p[2] = p[3] = 0;  // logits: the raw accumulator
    }
    const size_t per_out = q.weight.size() / c.cout;
    const double out_scale = c.gate ? 6.0 / (1 << kQ8GateBits) : out ? double(out->scale) : 0.0;
    for (int o = 0; o < c.cout; o++) {
        int64_t wsum = 0;
        for (size_t i = 0; i < per_out; i++) wsum += q.weight[o * per_out + i];
        p[kQ8ConvHeader + o] = saturate32(int64_t(q.bias[o]) - int64_t(in.zero_point) * wsum);
        if (grouped)
            p[kQ8ConvHeader + 3 * c.cout + o] =
                saturate32(int64_t(q.bias[o]) - int64_t(in.zero_point - kQ8GroupedInputOffset) * wsum);
        int32_t multiplier = 0, shift = 0;
        if (out_scale > 0) {
            const double real = double(in.scale) * q.weight_scale[o] / out_scale;
            try {
                if (c.gate) {
                    const Multiplier m = quantize_multiplier(real);
                    multiplier = m.multiplier;
                    shift = m.shift;
                } else {
                    const Multiplier16 m = quantize_multiplier16(real);
                    multiplier = m.multiplier;
                    shift = m.shift;
                }
            } catch (const Error &e) {
                throw Error(c.weight + " channel " + std::to_string(o) + ": " + e.what());
            }
        }
        p[kQ8ConvHeader + c.cout + o] = multiplier;
        p[kQ8ConvHeader + 2 * c.cout + o] = shift;
    }
}

void pack_add(const BottleneckSpec &b, const ActQuant &residual, const ActQuant &shortcut,
              const ActQuant &out, PackedQ8 *packed) {
    int32_t *p = packed->params.data() + b.q_add_offset;
    Multiplier16 r, s;
    try {
        r = quantize_multiplier16(double(residual.scale) / out.scale);
        s = quantize_multiplier16(double(shortcut.scale) / out.scale);
    } catch (const Error &e) {
        throw Error(b.name + " residual add: " + e.what());
    }
    const int32_t v[kQ8AddParams] = {residual.zero_point, shortcut.zero_point, out.zero_point,
                                     r.multiplier, r.shift, s.multiplier, s.shift, 0};
    std::copy(v, v + kQ8AddParams, p);
}

void pack_sigmoid_table(const GhostModuleSpec &g, const ActQuant &column, PackedQ8 *packed) {
    if (!g.dfc) throw Error("pack_sigmoid_table: " + g.primary.act_out + " has no DFC attention");
    const std::vector<int32_t> t = sigmoid_table(column);
    std::copy(t.begin(), t.end(), packed->params.begin() + std::ptrdiff_t(g.q_sigmoid_offset));
}

PackedGhostModuleQ8 pack_ghost_module(const GhostModuleSpec &g, const QuantizedConv &primary,
                                      const QuantizedConv &cheap, const ActQuant &in,
                                      const ActQuant &out) {
    PackedGhostModuleQ8 p;
    p.primary_weights.resize(g.primary.weight_count());
    p.cheap_weights.resize(g.cheap.weight_count());
    p.primary_params.resize(g.primary.q_params_count());
    p.cheap_params.resize(g.cheap.q_params_count());
    auto fits = [](const ConvSpec &c, const QuantizedConv &q) {
        return q.weight.size() == c.weight_count() && int(q.bias.size()) == c.cout &&
               int(q.weight_scale.size()) == c.cout;
    };
    if (!fits(g.primary, primary) || !fits(g.cheap, cheap))
        throw Error("pack_ghost_module: the quantized convs do not have the module's shapes");
    pack_conv_weights(g.primary, primary, false, p.primary_weights.data());
    pack_conv_weights(g.cheap, cheap, false, p.cheap_weights.data());
    pack_conv_params(g.primary, primary, false, in, &out, p.primary_params.data());
    pack_conv_params(g.cheap, cheap, false, out, &out, p.cheap_params.data());
    return p;
}

PackedQ8 pack_network(const NetworkSpec &spec, const QuantizedNetwork &net) {
    PackedQ8 packed;
    packed.weights.assign(spec.packed_size, 0);
    packed.params.assign(spec.q_params_size, 0);
    auto act = [&](const std::string &name) -> const ActQuant & {
        auto it = net.acts.find(name);
        if (it == net.acts.end()) throw Error("q8 model has no activation '" + name + "'");
        return it->second;
    };
    for (const ConvSpec *c : spec.convs()) {
        auto it = net.convs.find(c->weight);
        if (it == net.convs.end()) throw Error("q8 model has no conv '" + c->weight + "'");
        pack_conv(*c, it->second, act(c->act_in), c->act_out.empty() ? nullptr : &act(c->act_out),
                  &packed);
    }
    for (const BottleneckSpec &b : spec.blocks) {
        if (b.ghost1.dfc) pack_sigmoid_table(b.ghost1, act(b.ghost1.dfc_column.act_out), &packed);
        pack_add(b, act(b.act_residual), act(b.act_shortcut), act(b.act_out), &packed);
    }
    packed.input = act("input");
    const QuantizedConv &cls = net.convs.at(spec.classifier.weight);
    const float in_scale = act(spec.classifier.act_in).scale;
    for (float s : cls.weight_scale) packed.logit_scale.push_back(in_scale * s);
    return packed;
}

}  // namespace q8
}  // namespace ghostnet
