// Accuracy of a compiled model on a labelled IDX test set (Fashion-MNIST's format), through
// the model's own preprocessing: what ghostnet-eval reports and the tests check.
#pragma once

#include <string>

#include "model.h"
#include "model_description.h"

namespace ghostnet {

struct Evaluation {
    int images = 0, correct = 0;
    double seconds = 0;           // end to end: preprocessing and pipeline
    double pipeline_seconds = 0;  // the compiled pipeline alone
    double top1() const { return images ? 100.0 * correct / images : 0.0; }
};

// Evaluates the first `limit` images (0: all). Throws Error naming the file at fault.
Evaluation evaluate_idx(const Model &model, const Preprocess &preprocess,
                        const std::string &images_path, const std::string &labels_path,
                        int limit = 0);

}  // namespace ghostnet
