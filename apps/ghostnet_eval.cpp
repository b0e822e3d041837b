// ghostnet-eval: top-1 accuracy of the compiled pipeline on the Fashion-MNIST test set (IDX
// files read directly), with the model's own preprocessing, and images per second. Images run
// side by side, one per thread, unless --parallel-images says otherwise.
#include <cstdio>
#include <exception>
#include <limits>

#include "cli_common.h"
#include "error.h"
#include "evaluate.h"
#include "model.h"
#include "model_description.h"

int main(int argc, char **argv) {
    using namespace ghostnet;
    ModelSource source;
    std::string images_path = "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz";
    std::string labels_path = "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz";
    int limit = 0, threads = 0, parallel = 0;
    bool json = false;
    CLI::App app("Top-1 accuracy of a model folder's compiled pipeline on IDX test files\n"
                 "(Fashion-MNIST by default: Debian package dataset-fashion-mnist).",
                 "ghostnet-eval");
    add_model_source_options(app, &source,
                             "weights instead of the folder's: a float checkpoint, or a q8 model (ghostnet-quantize)",
                             {/*network=*/false, /*q8=*/true});
    app.add_option("--images", images_path, "IDX images (uint8, N x H x W; .gz or plain)")->capture_default_str();
    app.add_option("--labels", labels_path, "IDX labels (uint8, N)")->capture_default_str();
    app.add_option("--limit", limit, "evaluate only the first N images (0: all)")->check(CLI::NonNegativeNumber);
    app.add_option("--threads", threads, "threads in all (0: one per core)")->capture_default_str();
    add_parallel_images_option(app, &parallel);
    app.add_flag("--json", json, "print one JSON line");
    CLI11_PARSE(app, argc, argv);

    try {
        const SideBySide side = set_side_by_side(threads, parallel, limit > 0 ? limit : std::numeric_limits<int>::max());
        const ResolvedModel d = resolve_model_source(source);
        const Model model = Model::load(d.weights, d.config);
        const Evaluation e = evaluate_idx(model, d.preprocess, images_path, labels_path, limit, side.images);
        if (json)
            std::printf("{\"model\": \"%s\", \"precision\": \"%s\", \"images\": %d, \"correct\": %d, \"top1\": %.2f, "
                        "\"parallel_images\": %d, \"threads\": %d, "
                        "\"images_per_second\": %.1f, \"pipeline_images_per_second\": %.1f}\n",
                        d.name.c_str(), precision_name(model.precision()), e.images, e.correct,
                        e.top1(), e.workers, side.threads, e.images_per_second(), e.pipeline_images_per_second());
        else
            std::printf("%s (%s): top-1 %.2f%% (%d/%d), %.1f images/s end to end, %.1f images/s in the pipeline "
                        "(%d images at a time, %d threads)\n",
                        d.name.c_str(), precision_name(model.precision()), e.top1(), e.correct, e.images,
                        e.images_per_second(), e.pipeline_images_per_second(), e.workers, side.threads);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "ghostnet-eval: %s\n", e.what());
        return 1;
    }
    return 0;
}
