// libFuzzer target: a model folder's model.json (architecture, preprocessing, file names) and
// the labels file it names.
#include "fuzz_input.h"
#include "model_description.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    // The labels file the bundled model.json names, so an accepted description reaches it.
    static const std::string labels = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
    static const bool wrote = (ghostnet_fuzz::write_input(
        "labels.txt", reinterpret_cast<const uint8_t *>(labels.data()), labels.size()), true);
    (void)wrote;
    ghostnet_fuzz::write_input("model.json", data, size);
    ghostnet_fuzz::expect_clean([&] {
        const ghostnet::ModelDescription d = ghostnet::read_model_description(ghostnet_fuzz::scratch_dir());
        ghostnet::read_labels(d.labels_path, d.config.num_classes);
    });
    return 0;
}
