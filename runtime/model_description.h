// A model folder: model.json (architecture, preprocessing), the weights and the labels it
// names. models/fashion_mnist/ is the bundled one.
#pragma once

#include <string>
#include <vector>

#include "ghostnet_arch.h"
#include "image.h"

namespace ghostnet {

struct ModelDescription {
    std::string dir;           // folder holding model.json
    std::string name;
    NetworkConfig config;
    std::string weights_path;  // resolved against dir
    std::string weights_q8_path;  // the q8 model (ghostnet-quantize), "" if the folder has none
    std::string labels_path;
    Preprocess preprocess;
    double pytorch_test_top1 = -1;  // accuracy PyTorch measured for these weights (-1: unknown)

    // weights_q8_path, or Error naming model.json when the folder has no q8 model.
    const std::string &q8_weights() const;
};

// The preprocessing for a bare checkpoint (no model folder): resize the shorter side to
// `resize` (0: size / 0.875), centre crop, ImageNet's mean and std (0.5 / 0.5 for one channel)
// unless given. Throws Error unless mean and std (when given) have one value per channel.
Preprocess checkpoint_preprocess(const NetworkConfig &config, int resize = 0, const std::vector<float> &mean = {},
                                 const std::vector<float> &stdev = {});

// Reads DIR/model.json. Throws Error naming the file and the field at fault.
ModelDescription read_model_description(const std::string &dir);

// The bundled model folder for a program or module at `binary`: share/ghostnet-halide/models/
// fashion_mnist in the nearest of the 4 folders above `binary` that holds one (`cmake --install`
// puts programs in <prefix>/bin and the Python module in <prefix>/lib/python3.11/dist-packages),
// else `fallback` (the source tree's folder the build was configured with).
std::string bundled_model_dir(const std::string &binary, const std::string &fallback);

// One label per line; the count must equal `expected` (0: any). Throws Error naming the file.
std::vector<std::string> read_labels(const std::string &path, int expected);

}  // namespace ghostnet
