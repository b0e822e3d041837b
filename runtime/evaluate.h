// Accuracy of a compiled model on a labelled IDX test set (Fashion-MNIST's format), through
// the model's own preprocessing: what ghostnet-eval reports and the tests check.
#pragma once

#include <string>

#include "model.h"
#include "model_description.h"

namespace ghostnet {

struct Evaluation {
    int images = 0, correct = 0;
    int workers = 1;
    double seconds = 0;           // end to end (wall clock): preprocessing and pipeline
    double pipeline_seconds = 0;  // the compiled pipeline alone, summed over the workers
    double top1() const { return images ? 100.0 * correct / images : 0.0; }
    double images_per_second() const { return seconds > 0 ? images / seconds : 0.0; }
    // What the pipeline alone would sustain with the workers running side by side.
    double pipeline_images_per_second() const {
        return pipeline_seconds > 0 ? images * workers / pipeline_seconds : 0.0;
    }
};

// Evaluates the first `limit` images (0: all), `workers` images at a time (each worker thread
// takes every workers-th image; Model::classify may run from several threads at once). For
// throughput, give one worker per core and one thread per pipeline (set_num_threads(1)): a
// small network's loops are too short to split. Throws Error naming the file at fault.
Evaluation evaluate_idx(const Model &model, const Preprocess &preprocess,
                        const std::string &images_path, const std::string &labels_path,
                        int limit = 0, int workers = 1);

}  // namespace ghostnet
