// Run by CMake at configure time (ghostnet_model_network_name in GhostNetLibraries.cmake): prints
// the network name (runtime/network_name.h) of the model folder given, from its model.json as the
// runtime reads it, so CMake adds a model's network by name without knowing the architecture's
// fields or the name rule. On a bad model.json: the runtime's message on stderr, exit status 1.
#include <cstdio>
#include <exception>

#include "model_description.h"
#include "network_name.h"

int main(int argc, char **argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <model folder>\n", argv[0]);
        return 2;
    }
    try {
        std::printf("%s", ghostnet::network_name(ghostnet::read_model_description(argv[1]).config, false).c_str());
        return 0;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
}
