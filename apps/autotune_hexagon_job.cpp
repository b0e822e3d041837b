// ghostnet-autotune's Hexagon benchmark input: writes the job file hexagon/runner.c reads
// (hexagon/job_file.h) for a q8 network, with the random weights and input of
// autotune_network.h. Built by the tool with -DGHOSTNET_PIPELINE="<network name>"; run as
//   autotune_hexagon_job JOB
#include <HalideBuffer.h>

#include <cstdio>

#include "autotune_network.h"
#include "job_file.h"

int main(int argc, char **argv) {
    using namespace ghostnet;
    if (argc != 2) {
        std::fprintf(stderr, "usage: autotune_hexagon_job JOB\n");
        return 2;
    }
    try {
        autotune::RandomNetwork n = autotune::random_network(GHOSTNET_PIPELINE);
        if (!n.q8) throw std::runtime_error(std::string(GHOSTNET_PIPELINE) + " is not a q8 network (HVX runs q8 only)");
        const NetworkConfig &c = n.spec.config;
        Halide::Runtime::Buffer<uint8_t> in(n.input_q8.data(), c.input_size, c.input_size, c.in_channels);
        Halide::Runtime::Buffer<int8_t> w(n.packed_q8.weights.data(), int(n.packed_q8.weights.size()));
        Halide::Runtime::Buffer<int32_t> p(n.packed_q8.params.data(), int(n.packed_q8.params.size()));
        Halide::Runtime::Buffer<int32_t> out(c.num_classes);
        if (!hexagon::write_job_file(argv[1], {{in.raw_buffer(), false},
                                               {w.raw_buffer(), false},
                                               {p.raw_buffer(), false},
                                               {out.raw_buffer(), true}})) {
            std::fprintf(stderr, "autotune_hexagon_job: cannot write %s\n", argv[1]);
            return 1;
        }
        return 0;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "autotune_hexagon_job: %s\n", e.what());
        return 1;
    }
}
