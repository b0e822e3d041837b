// Running a pipeline compiled for hexagon-32-noos-hvx_128 from a host test: the arguments go
// to a job file (hexagon/job_file.h), a freestanding runner (hexagon/runner.c, linked with the
// pipeline) runs under qemu-hexagon, and the output buffers come back.
#pragma once

#include <HalideBuffer.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "job_file.h"
#include "temp_files.h"

namespace ghostnet {
namespace test {

using HexagonArg = hexagon::JobArg;

// Runs `runner` on `args` under `qemu`; fills the output buffers. Returns the pipeline's
// return code, or -1000 - status if the runner did not finish (its messages in *log).
inline int run_on_hexagon(const std::string &qemu, const std::string &runner,
                          const std::vector<HexagonArg> &args, std::string *log) {
    TempDir tmp("hexagon_job");
    const std::string job = tmp.file("job.bin"), out = tmp.file("out.bin"), err = tmp.file("log.txt");
    if (!hexagon::write_job_file(job, args)) return -3000;
    const std::string cmd = qemu + " " + runner + " " + job + " " + out + " 2> " + err;
    const int status = std::system(cmd.c_str());
    *log = read_file(err);
    const int rc = hexagon::read_job_output(out, args);
    return rc == -1000 ? -1000 - status : rc;
}

// Whether `qemu` executes HVX v68 float vectors: runs `probe` (hexagon/hvx_v68_float_probe.c);
// what it printed, or why it failed, in *log.
inline bool runs_hvx_v68_float(const std::string &qemu, const std::string &probe, std::string *log) {
    TempDir tmp("hexagon_probe");
    const std::string out = tmp.file("log.txt");
    const int status = std::system((qemu + " " + probe + " > " + out + " 2>&1").c_str());
    *log = read_file(out);
    return status == 0 && log->find("= 2.0") != std::string::npos;
}

}  // namespace test
}  // namespace ghostnet
