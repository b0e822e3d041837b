// The bundled Fashion-MNIST model end to end: each sample image through the same path as
// ghostnet-classify (decode, preprocess, compiled pipeline) must get the label PyTorch gave
// it when the model was trained (models/fashion_mnist/samples/expected.tsv), with the same
// top probability to within 1e-3.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

#include "evaluate.h"
#include "image.h"
#include "model.h"
#include "model_description.h"

using namespace ghostnet;

TEST_CASE("bundled samples get the labels PyTorch gave them", "[fashion][pytorch]") {
    const std::string dir = GHOSTNET_MODEL_DIR;
    const ModelDescription d = read_model_description(dir);
    const Model model = Model::load(d.weights_path, d.config);
    const std::vector<std::string> labels = read_labels(d.labels_path, d.config.num_classes);

    std::ifstream tsv(dir + "/samples/expected.tsv");
    REQUIRE(tsv.good());
    std::string line;
    std::getline(tsv, line);  // header
    int samples = 0, correct = 0;
    while (std::getline(tsv, line)) {
        if (line.empty()) continue;
        std::istringstream row(line);
        std::string file, truth, predicted, prob;
        std::getline(row, file, '\t');
        std::getline(row, truth, '\t');
        std::getline(row, predicted, '\t');
        std::getline(row, prob, '\t');
        CAPTURE(file, truth, predicted, prob);
        const Image img = load_image(dir + "/samples/" + file, d.config.in_channels);
        const std::vector<float> x = preprocess(img, d.preprocess);
        const std::vector<Prediction> p = model.classify(x.data(), x.size(), 1);
        CHECK(labels[p[0].index] == predicted);
        CHECK(p[0].probability == Approx(std::stod(prob)).margin(1e-3));
        correct += labels[p[0].index] == truth;
        samples++;
    }
    CHECK(samples >= 30);
    // The samples are real test images, so most must be right; exact count is the model's.
    CHECK(correct >= samples * 8 / 10);
}

TEST_CASE("the pipeline's Fashion-MNIST accuracy equals PyTorch's", "[fashion][pytorch][eval]") {
    const ModelDescription d = read_model_description(GHOSTNET_MODEL_DIR);
    REQUIRE(d.pytorch_test_top1 > 0);
    const Model model = Model::load(d.weights_path, d.config);
    const Evaluation e = evaluate_idx(model, d.preprocess,
                                      "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz",
                                      "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz");
    INFO("Halide " << e.top1() << "%, PyTorch " << d.pytorch_test_top1 << "%");
    CHECK(e.images == 10000);
    CHECK(std::fabs(e.top1() - d.pytorch_test_top1) <= 0.1);
}
