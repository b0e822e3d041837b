// What ghostnet-autotune keeps for a pipeline on a device, in schedules/autotuned/<device>/
// (--kept-dir): <pipeline>.tunables (--search hand, or the hand schedule when a winner lost
// the confirmation) or <pipeline>.schedule.h and .weights (an Adams2019 winner), and
// <pipeline>.json, the run's record. A pipeline keeps one kind: keeping one removes the other.
// CMake's registry (cmake/GhostNetAutotuned.cmake) builds what is kept here.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace ghostnet {
namespace autotune {

class KeptFiles {
public:
    KeptFiles() = default;
    KeptFiles(const std::filesystem::path &kept_dir, std::string device, std::string pipeline);

    const std::filesystem::path &header() const { return header_; }
    const std::filesystem::path &tunables() const { return tunables_; }

    // Throws Failure naming the first of the files that exists (a run replaces them only with
    // --overwrite).
    void refuse_overwrite() const;
    // The kept tunables ("" = the hand schedule's own choices), read as the generators read them
    // (schedules::kept_tunables_line); Failure naming the file when it is missing or malformed.
    // `use`: what wants them, for the message ("--start kept").
    std::string tunables_line(const std::string &use) const;

    // Keeps `tunables` (a choice of the hand schedule's tunables, "" for its own) under the
    // comment `what`, and the record; prints what was kept and how to build with it.
    void keep_tunables(const std::string &search, const std::string &what, const std::string &tunables,
                       const nlohmann::json &record) const;
    // Keeps an Adams2019 schedule header, the record and the cost model it was found with;
    // `what` says which it is, for the message.
    void keep_schedule(const std::string &what, const std::string &header, const nlohmann::json &record,
                       const std::filesystem::path &weights) const;

private:
    void clear() const;
    void print_build_hint() const;

    std::string device_, pipeline_;
    std::filesystem::path header_, record_, weights_, tunables_;
};

}  // namespace autotune
}  // namespace ghostnet
