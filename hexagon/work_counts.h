// The counts the QEMU plugin hexagon/hvx_work.c writes for one qemu-hexagon run (TSV with a
// header line: function, packets, instructions, HVX instructions; the function "*" is the whole
// program), read by ghostnet-hvx-work and by ghostnet-autotune's Hexagon benchmark. Host code.
#pragma once

#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>

namespace ghostnet {
namespace hexagon {

struct WorkCounts {
    uint64_t packets = 0, instructions = 0, hvx = 0;
};
using FunctionWorkCounts = std::map<std::string, WorkCounts>;  // "*": the whole program

// Throws std::runtime_error naming `path` when the file is missing or not the plugin's.
inline FunctionWorkCounts read_work_counts(const std::string &path) {
    std::ifstream f(path);
    if (!f) throw std::runtime_error(path + ": the counting plugin wrote no counts");
    FunctionWorkCounts c;
    std::string line;
    std::getline(f, line);  // header
    while (std::getline(f, line)) {
        std::istringstream row(line);
        std::string name;
        WorkCounts k;
        if (!std::getline(row, name, '\t') || !(row >> k.packets >> k.instructions >> k.hvx))
            throw std::runtime_error(path + ": not a counts line: " + line);
        c[name] = k;
    }
    if (!c.count("*")) throw std::runtime_error(path + ": no total line");
    return c;
}

}  // namespace hexagon
}  // namespace ghostnet
