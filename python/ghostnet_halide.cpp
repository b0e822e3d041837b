// The Python module ghostnet_halide (pybind11): the compiled pipelines of this build, the
// runtime's loading, preprocessing and q8 calibration, with NumPy arrays in and out.
// Everything it does is the C++ runtime's (runtime/); this file only converts arguments and
// results, turns ghostnet::Error into ghostnet_halide.Error, and releases the GIL while a
// pipeline runs. docs/python.md is its manual; tests/python/ its tests.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <dlfcn.h>

#include <chrono>
#include <filesystem>
#include <optional>

#include "calibration.h"
#include "error.h"
#include "float_env.h"
#include "ghostnet_arch.h"
#include "image.h"
#include "model.h"
#include "model_description.h"
#include "quantization.h"
#include "safetensors.h"
#include "thread_pool.h"
#include "timing.h"

namespace py = pybind11;
using namespace ghostnet;

namespace {

// The bundled model folder: installed beside the module, else the source tree's.
std::string default_model_dir() {
    Dl_info info;
    if (!dladdr(reinterpret_cast<void *>(&default_model_dir), &info) || !info.dli_fname) return GHOSTNET_DEFAULT_MODEL_DIR;
    return bundled_model_dir(info.dli_fname, GHOSTNET_DEFAULT_MODEL_DIR);
}

NetworkConfig make_config(double width, int size, int channels, int classes, const std::string &variant,
                          const std::string &version) {
    NetworkConfig c;
    c.width = width;
    c.input_size = size;
    c.in_channels = channels;
    c.num_classes = classes;
    if (!parse_variant(variant, &c.variant))
        throw py::value_error("variant='" + variant + "': expected " + variant_choices());
    if (!parse_version(version, &c.version))
        throw py::value_error("version='" + version + "': expected " + version_choices());
    try {
        validate_config(c);
    } catch (const std::invalid_argument &e) {
        throw py::value_error(std::string("invalid network configuration: ") + e.what());
    }
    return c;
}

// "(2, 3)": an array's shape as Python prints it ("(5,)" for one dimension).
std::string shape_text(const py::array &a) {
    std::string t = "(";
    for (py::ssize_t i = 0; i < a.ndim(); i++) t += (i ? ", " : "") + std::to_string(a.shape(i));
    return t + (a.ndim() == 1 ? ",)" : ")");
}

// A float32 array of shape (C, H, W) or (N, C, H, W) matching `spec`, as a C-contiguous array
// (a non-contiguous one is copied); anything else is refused with the shape or dtype expected.
py::array_t<float, py::array::c_style> input_batch(const py::handle &x, const NetworkSpec &spec, int *n) {
    const NetworkConfig &c = spec.config;
    const std::string want = "(" + std::to_string(c.in_channels) + ", " + std::to_string(c.input_size) + ", " +
                             std::to_string(c.input_size) + ") or (N, " + std::to_string(c.in_channels) + ", " +
                             std::to_string(c.input_size) + ", " + std::to_string(c.input_size) + ")";
    if (!py::isinstance<py::array>(x))
        throw py::type_error("expected a float32 NumPy array of shape " + want + ", got " +
                             std::string(py::str(py::type::of(x))));
    py::array a = py::reinterpret_borrow<py::array>(x);
    if (!a.dtype().is(py::dtype::of<float>()))
        throw py::type_error("expected a float32 array, got " + std::string(py::str(a.dtype())) +
                             " (convert it with .astype(numpy.float32))");
    const bool chw = a.ndim() == 3, nchw = a.ndim() == 4;
    const py::ssize_t o = nchw ? 1 : 0;
    if (!(chw || nchw) || a.shape(o) != c.in_channels || a.shape(o + 1) != c.input_size || a.shape(o + 2) != c.input_size)
        throw py::value_error("expected an input of shape " + want + ", got " + shape_text(a));
    *n = nchw ? int(a.shape(0)) : 1;
    return py::array_t<float, py::array::c_style>::ensure(a);
}

// A str or os.PathLike (pathlib.Path) as a file name; nothing for anything else.
std::optional<std::string> file_name(const py::handle &x) {
    if (py::isinstance<py::str>(x)) return x.cast<std::string>();
    if (py::hasattr(x, "__fspath__")) return py::module_::import("os").attr("fspath")(x).cast<std::string>();
    return std::nullopt;
}

py::list predictions(const std::vector<Prediction> &top, const std::vector<std::string> &labels) {
    py::list out;
    for (const Prediction &p : top) {
        py::dict d;
        d["index"] = p.index;
        d["label"] = p.index < int(labels.size()) ? labels[p.index] : "class " + std::to_string(p.index);
        d["probability"] = p.probability;
        d["logit"] = p.logit;
        out.append(d);
    }
    return out;
}

// A loaded network with what a model folder tells about it (labels, preprocessing).
class PyModel {
public:
    PyModel(Model model, Preprocess pre, std::vector<std::string> labels, std::string source)
        : model_(std::move(model)), pre_(std::move(pre)), labels_(std::move(labels)), source_(std::move(source)) {}

    static PyModel load(const std::string &weights, double width, int size, int channels, int classes,
                        const std::string &variant, const std::string &version,
                        const std::optional<std::string> &labels, int resize, const std::vector<float> &mean,
                        const std::vector<float> &stdev) {
        const NetworkConfig c = make_config(width, size, channels, classes, variant, version);
        Preprocess pre = checkpoint_preprocess(c, resize, mean, stdev);
        std::vector<std::string> names = labels ? read_labels(*labels, c.num_classes) : std::vector<std::string>{};
        py::gil_scoped_release unlocked;
        return PyModel(Model::load(weights, c), std::move(pre), std::move(names), weights);
    }

    static PyModel from_folder(const std::optional<std::string> &folder, const std::string &precision) {
        if (precision != "fp32" && precision != "q8")
            throw py::value_error("precision='" + precision + "': expected 'fp32' or 'q8'");
        const ModelDescription d = read_model_description(folder ? *folder : default_model_dir());
        const std::string &weights = precision == "q8" ? d.q8_weights() : d.weights_path;
        std::vector<std::string> labels = read_labels(d.labels_path, d.config.num_classes);
        py::gil_scoped_release unlocked;
        return PyModel(Model::load(weights, d.config), d.preprocess, std::move(labels), d.dir);
    }

    // Logits (N, K) for a batch (N, C, H, W) or one image (C, H, W): N runs of the pipeline.
    py::array_t<float> run(const py::handle &x) const {
        int n = 0;
        const py::array_t<float, py::array::c_style> in = input_batch(x, model_.spec(), &n);
        const size_t count = model_.input_count(), k = size_t(model_.spec().config.num_classes);
        py::array_t<float> out({py::ssize_t(n), py::ssize_t(k)});
        const float *src = in.data();
        float *dst = out.mutable_data();
        {
            py::gil_scoped_release unlocked;
            for (int i = 0; i < n; i++) {
                const std::vector<float> logits = model_.run(src + size_t(i) * count, count);
                std::copy(logits.begin(), logits.end(), dst + size_t(i) * k);
            }
        }
        return out;
    }

    // The model's input for an image file, or for decoded pixels (H, W) / (H, W, C) uint8.
    py::array_t<float> preprocess_image(const py::handle &image) const {
        const std::vector<float> x = ghostnet_preprocess(image, pre_, model_.spec().config.in_channels);
        const int c = model_.spec().config.in_channels, s = pre_.crop;
        py::array_t<float> out({c, s, s});
        std::copy(x.begin(), x.end(), out.mutable_data());
        return out;
    }

    // Top-k answers for image files (a path or a list of paths) or model inputs (an array as
    // run() takes): a list of predictions for one, a list of such lists for several.
    py::object classify(const py::handle &images, int top) const {
        if (top < 1) throw py::value_error("top=" + std::to_string(top) + ": expected at least 1");
        const int k = std::min(top, model_.spec().config.num_classes);
        if (const auto path = file_name(images)) return classify_file(*path, k);
        if (py::isinstance<py::list>(images) || py::isinstance<py::tuple>(images)) {
            py::list all;
            for (const py::handle &f : images) {
                const auto path = file_name(f);
                if (!path) throw py::type_error("expected a list of image file names, got a " +
                                                std::string(py::str(py::type::of(f).attr("__name__"))) + " in it");
                all.append(classify_file(*path, k));
            }
            return all;
        }
        const py::array_t<float> logits = run(images);
        py::list all;
        for (py::ssize_t i = 0; i < logits.shape(0); i++) {
            const float *row = logits.data(i, 0);
            all.append(predictions(top_k(std::vector<float>(row, row + logits.shape(1)), k), labels_));
        }
        if (py::isinstance<py::array>(images) && py::reinterpret_borrow<py::array>(images).ndim() == 3) return all[0];
        return all;
    }

    std::string precision() const { return precision_name(model_.precision()); }
    py::tuple input_shape() const {
        const NetworkConfig &c = model_.spec().config;
        return py::make_tuple(c.in_channels, c.input_size, c.input_size);
    }
    int num_classes() const { return model_.spec().config.num_classes; }
    const std::vector<std::string> &labels() const { return labels_; }
    std::string network() const { return network_name(model_.spec().config, model_.precision() == Precision::Q8); }
    std::string repr() const { return "<ghostnet_halide.Model " + network() + " from " + source_ + ">"; }
    const Model &model() const { return model_; }

    static std::vector<float> ghostnet_preprocess(const py::handle &image, const Preprocess &pre, int channels) {
        if (const auto path = file_name(image)) {
            py::gil_scoped_release unlocked;
            return preprocess(load_image(*path, channels), pre);
        }
        if (!py::isinstance<py::array>(image))
            throw py::type_error("expected an image file name or a uint8 array (H, W) or (H, W, C)");
        const py::array a = py::reinterpret_borrow<py::array>(image);
        if (!a.dtype().is(py::dtype::of<uint8_t>()) || a.ndim() < 2 || a.ndim() > 3 ||
            (a.ndim() == 3 && a.shape(2) != channels)) {
            const std::string got = std::string(py::str(a.dtype())) + " " + shape_text(a);
            throw py::value_error("expected uint8 pixels of shape (H, W)" +
                                  std::string(channels == 1 ? "" : " or (H, W, " + std::to_string(channels) + ")") +
                                  " for a " + std::to_string(channels) + "-channel model, got " + got);
        }
        if (a.ndim() == 2 && channels != 1)
            throw py::value_error("a grayscale (H, W) image for a " + std::to_string(channels) + "-channel model");
        const auto px = py::array_t<uint8_t, py::array::c_style>::ensure(a);
        Image img;
        img.height = int(a.shape(0));
        img.width = int(a.shape(1));
        img.channels = channels;
        img.pixels.assign(px.data(), px.data() + px.size());
        py::gil_scoped_release unlocked;
        return preprocess(img, pre);
    }

private:
    py::list classify_file(const std::string &path, int k) const {
        std::vector<Prediction> top;
        {
            py::gil_scoped_release unlocked;
            const std::vector<float> x = preprocess(load_image(path, model_.spec().config.in_channels), pre_);
            top = model_.classify(x.data(), x.size(), k);
        }
        return predictions(top, labels_);
    }

    Model model_;
    Preprocess pre_;
    std::vector<std::string> labels_;
    std::string source_;
};

// ghostnet-quantize's calibration: the float checkpoint calibrated on `calibration` (a folder
// of images, an IDX file, or an array of model inputs (N, C, H, W)), written as a q8 model.
py::dict quantize(const std::string &weights, const py::handle &calibration, const std::string &output,
                  const std::optional<std::string> &folder, double width, int size, int channels, int classes,
                  const std::string &variant, const std::string &version, int images, double percentile,
                  int grouped_weight_bits, bool overwrite) {
    namespace fs = std::filesystem;
    if (!q8::valid_weight_bits(grouped_weight_bits))
        throw py::value_error("grouped_weight_bits=" + std::to_string(grouped_weight_bits) + ": expected 8 or 7");
    if (!overwrite && fs::exists(output)) throw Error(output + " exists; pass overwrite=True to replace it");
    NetworkConfig cfg;
    Preprocess pre;
    std::string checkpoint = weights;
    if (folder) {
        const ModelDescription d = read_model_description(*folder);
        cfg = d.config;
        pre = d.preprocess;
        if (checkpoint.empty()) checkpoint = d.weights_path;
    } else {
        if (checkpoint.empty()) throw py::value_error("give weights= (a float checkpoint) or folder= (a model folder)");
        cfg = make_config(width, size, channels, classes, variant, version);
        pre = checkpoint_preprocess(cfg);
    }
    const NetworkSpec spec = make_ghostnet_spec(cfg);
    const SafetensorsFile file = SafetensorsFile::read(checkpoint);
    QuantizedCheckpoint q;
    if (const auto path = file_name(calibration)) {
        const std::string source = *path;
        py::gil_scoped_release unlocked;
        q = quantize_checkpoint(spec, file, checkpoint, percentile, source, [&](Calibrator &cal) {
            return for_each_calibration_input(source, images, cfg.in_channels, pre,
                                              [&](const std::vector<float> &x) { cal.observe(x.data()); });
        }, output, grouped_weight_bits);
    } else {
        int n = 0;
        const py::array_t<float, py::array::c_style> in = input_batch(calibration, spec, &n);
        if (images > 0) n = std::min(n, images);
        const size_t count = size_t(cfg.in_channels) * cfg.input_size * cfg.input_size;
        py::gil_scoped_release unlocked;
        q = quantize_checkpoint(spec, file, checkpoint, percentile, "array", [&](Calibrator &cal) {
            for (int i = 0; i < n; i++) cal.observe(in.data() + size_t(i) * count);
            return n;
        }, output, grouped_weight_bits);
    }
    py::dict r;
    r["output"] = output;
    r["images"] = q.images;
    r["seconds"] = q.seconds;
    r["network"] = spec.describe();
    r["grouped_weight_bits"] = grouped_weight_bits;
    return r;
}

// Median and min of `runs` timed runs of one random input (after `warmup` untimed ones).
py::dict benchmark(const PyModel &m, int runs, int warmup) {
    if (runs < 1) throw py::value_error("runs=" + std::to_string(runs) + ": expected at least 1");
    if (warmup < 0) throw py::value_error("warmup=" + std::to_string(warmup) + ": expected 0 or more");
    const Model &model = m.model();
    std::vector<float> x(model.input_count());
    uint32_t seed = 1;
    for (float &v : x) v = float(int((seed = seed * 1664525u + 1013904223u) >> 9) % 2001 - 1000) / 1000.0f;
    std::vector<double> ms;
    {
        py::gil_scoped_release unlocked;
        for (int i = 0; i < warmup; i++) model.run(x.data(), x.size());
        for (int i = 0; i < runs; i++) {
            const auto t0 = std::chrono::steady_clock::now();
            model.run(x.data(), x.size());
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        }
    }
    const Timing t = summarize(ms);
    py::dict r;
    r["median_ms"] = t.median;
    r["min_ms"] = t.min;
    r["runs"] = runs;
    r["threads"] = thread_pool_threads();
    return r;
}

}  // namespace

PYBIND11_MODULE(ghostnet_halide, m) {
    m.doc() = "GhostNet pipelines compiled ahead of time with Halide (ghostnet-halide): load a checkpoint or a "
              "model folder, run NumPy arrays, classify images, quantize to q8, benchmark. See docs/python.md.";
    static py::exception<Error> error(m, "Error", PyExc_RuntimeError);
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const Error &e) {
            error(e.what());
        }
    });

    py::class_<PyModel>(m, "Model", "A compiled GhostNet with its weights (fp32 or q8).")
        .def_static("load", &PyModel::load, py::arg("weights"), py::kw_only(), py::arg("width") = 1.0,
                    py::arg("size") = 224, py::arg("channels") = 3, py::arg("classes") = 1000,
                    py::arg("variant") = "imagenet", py::arg("version") = "v1", py::arg("labels") = py::none(),
                    py::arg("resize") = 0,
                    py::arg("mean") = std::vector<float>{}, py::arg("std") = std::vector<float>{},
                    "Loads a float checkpoint (.safetensors, timm names; runs in fp32) or a q8 model file "
                    "(ghostnet-quantize; runs in q8) into the pipeline this build compiled for the network. "
                    "version: 'v1', 'v2' (GhostNetV2) or 'v3' (GhostNetV3, folded at load). "
                    "labels: a file of class names, one per line. resize/mean/std: the image preprocessing "
                    "(default: shorter side to size/0.875, centre crop, ImageNet's mean and std).")
        .def_static("from_folder", &PyModel::from_folder, py::arg("folder") = py::none(), py::kw_only(),
                    py::arg("precision") = "fp32",
                    "Loads a model folder (model.json: architecture, weights, labels, preprocessing); "
                    "default: the bundled Fashion-MNIST model. precision: 'fp32' or 'q8'.")
        .def("run", &PyModel::run, py::arg("x"),
             "Logits (N, classes) for a float32 array (N, C, H, W) or (C, H, W) of normalized inputs.")
        .def("classify", &PyModel::classify, py::arg("images"), py::arg("top") = 5,
             "Top answers (dicts: index, label, probability, logit) for an image file, a list of files "
             "(a list each), or model inputs as run() takes them.")
        .def("preprocess", &PyModel::preprocess_image, py::arg("image"),
             "The model's input (C, H, W) float32 for an image file or uint8 pixels (H, W[, C]), "
             "preprocessed as ghostnet-classify does.")
        .def_property_readonly("precision", &PyModel::precision, "'fp32' or 'q8'")
        .def_property_readonly("input_shape", &PyModel::input_shape, "(C, H, W)")
        .def_property_readonly("num_classes", &PyModel::num_classes)
        .def_property_readonly("labels", &PyModel::labels, "class names ([] if none were given)")
        .def_property_readonly("network", &PyModel::network, "the network's name (runtime/network_name.h), e.g. ghostnet_w100_s224 or ghostnet_w100_s224_q8")
        .def("__repr__", &PyModel::repr);

    m.def("quantize", &quantize, py::arg("weights") = "", py::kw_only(), py::arg("calibration"),
          py::arg("output"), py::arg("folder") = py::none(), py::arg("width") = 1.0, py::arg("size") = 224,
          py::arg("channels") = 3, py::arg("classes") = 1000, py::arg("variant") = "imagenet",
          py::arg("version") = "v1", py::arg("images") = 1000, py::arg("percentile") = 100.0,
          py::arg("grouped_weight_bits") = 8, py::arg("overwrite") = false,
          "Quantizes a float checkpoint (or a model folder's) to a q8 model file, calibrated on a folder of "
          "images, an IDX file or an array of inputs (N, C, H, W): what ghostnet-quantize does "
          "(grouped_weight_bits=7: its --grouped-weight-bits 7, for x86 without VNNI). Returns "
          "a dict (output, images, seconds, network, grouped_weight_bits).");
    m.def("benchmark", &benchmark, py::arg("model"), py::kw_only(), py::arg("runs") = 50, py::arg("warmup") = 5,
          "Times model.run on one input: a dict (median_ms, min_ms, runs, threads).");
    m.def(
        "preprocess",
        [](const py::handle &image, int size, int resize, std::vector<float> mean, std::vector<float> stdev,
           int channels) {
            Preprocess pre;
            pre.crop = size;
            pre.resize = resize > 0 ? resize : size;
            pre.mean = std::move(mean);
            pre.std = std::move(stdev);
            if (int(pre.mean.size()) != channels || int(pre.std.size()) != channels)
                throw py::value_error("mean and std need " + std::to_string(channels) + " values each");
            const std::vector<float> x = PyModel::ghostnet_preprocess(image, pre, channels);
            py::array_t<float> out({channels, size, size});
            std::copy(x.begin(), x.end(), out.mutable_data());
            return out;
        },
        py::arg("image"), py::kw_only(), py::arg("size"), py::arg("resize") = 0,
        py::arg("mean") = std::vector<float>{0.485f, 0.456f, 0.406f},
        py::arg("std") = std::vector<float>{0.229f, 0.224f, 0.225f}, py::arg("channels") = 3,
        "An image file or uint8 pixels to a normalized (C, size, size) float32 input: shorter side to "
        "resize (default size), centre crop, (x/255 - mean) / std.");
    m.def("set_num_threads", &set_num_threads, py::arg("n"),
          "Threads the pipelines use (0: one per core); call before running.");
    m.def("num_threads", &thread_pool_threads, "Threads a parallel loop is cut into (the calling thread included).");
    m.def("set_flush_denormals", &set_flush_denormals, py::arg("on"),
          "Whether fp32 pipelines flush denormal floats to zero while they run (default True, unless "
          "GHOSTNET_DENORMALS=keep); call before running.");
    m.def("flush_denormals", &flush_denormals, "Whether fp32 pipelines flush denormal floats to zero.");
    m.def(
        "pipelines",
        [] {
            py::list out;
            for (const PipelineEntry &e : compiled_pipelines()) out.append(e.name);
            return out;
        },
        "The networks this build compiled.");
    m.attr("bundled_model") = default_model_dir();
}
