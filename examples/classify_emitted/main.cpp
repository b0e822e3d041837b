// classify_emitted MODEL_DIR IMAGE...: the bundled Fashion-MNIST model run by two libraries
// this application emitted itself (fp32 `fashion`, q8 `fashion_q8`; see CMakeLists.txt),
// through the installed runtime's Model API. One line per image: file, fp32 label, q8 label.
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "fashion.h"     // int fashion(input, weights, logits): ghostnet-generate --name fashion
#include "fashion_q8.h"  // int fashion_q8(input, weights, params, logits): --precision q8
#include "image.h"
#include "model.h"
#include "model_description.h"

int main(int argc, char **argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s MODEL_DIR IMAGE...\n", argv[0]);
        return 2;
    }
    try {
        const ghostnet::ModelDescription d = ghostnet::read_model_description(argv[1]);
        const ghostnet::Model fp32 = ghostnet::Model::load(d.weights_path, d.config, fashion);
        const ghostnet::Model q8 = ghostnet::Model::load(d.q8_weights(), d.config, fashion_q8);
        const std::vector<std::string> labels = ghostnet::read_labels(d.labels_path, d.config.num_classes);
        for (int i = 2; i < argc; i++) {
            const ghostnet::Image img = ghostnet::load_image(argv[i], d.config.in_channels);
            const std::vector<float> x = ghostnet::preprocess(img, d.preprocess);
            const ghostnet::Prediction a = fp32.classify(x.data(), x.size(), 1)[0];
            const ghostnet::Prediction b = q8.classify(x.data(), x.size(), 1)[0];
            std::printf("%s  %s (%.1f%%)  q8: %s (%.1f%%)\n", argv[i], labels[a.index].c_str(),
                        100.0 * a.probability, labels[b.index].c_str(), 100.0 * b.probability);
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "classify_emitted: %s\n", e.what());
        return 1;
    }
    return 0;
}
