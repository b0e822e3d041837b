#include "keep.h"

#include <cstdio>
#include <stdexcept>

#include "process.h"
#include "tunables.h"

namespace ghostnet {
namespace autotune {

KeptFiles::KeptFiles(const fs::path &kept_dir, std::string device, std::string pipeline)
    : device_(std::move(device)), pipeline_(std::move(pipeline)) {
    const fs::path dir = kept_dir / device_;
    header_ = dir / (pipeline_ + ".schedule.h");
    record_ = dir / (pipeline_ + ".json");
    weights_ = dir / (pipeline_ + ".weights");
    tunables_ = dir / (pipeline_ + ".tunables");
}

void KeptFiles::refuse_overwrite() const {
    for (const fs::path &p : {header_, record_, weights_, tunables_})
        if (fs::exists(p))
            throw Failure(p.string() + " exists: a schedule is already kept for " + pipeline_ + " on '" + device_ +
                          "'. Pass --overwrite to replace it with this run's winner, or another --device");
}

std::string KeptFiles::tunables_line(const std::string &use) const {
    if (!fs::exists(tunables_))
        throw Failure(use + ": no tunables are kept for " + pipeline_ + " on '" + device_ + "' (" + tunables_.string() +
                      " is missing)");
    try {
        return schedules::kept_tunables_line(read_text(tunables_));
    } catch (const std::invalid_argument &e) {
        throw Failure(tunables_.string() + ": " + e.what());
    }
}

void KeptFiles::clear() const {
    fs::create_directories(header_.parent_path());
    for (const fs::path &p : {header_, weights_, tunables_}) fs::remove(p);
}

void KeptFiles::print_build_hint() const {
    std::printf("build with it: cmake -DGHOSTNET_DEVICE=%s (reconfigure), or ghostnet-generate --schedule device:%s\n",
                device_.c_str(), device_.c_str());
}

void KeptFiles::keep_tunables(const std::string &search, const std::string &what, const std::string &tunables,
                              const nlohmann::json &record) const {
    clear();
    write_text(tunables_, "# ghostnet-autotune --search " + search + ": " + what + " for " + pipeline_ + " on '" +
                              device_ + "' (" + pipeline_ + ".json has every time and the confirmation).\n"
                              "# The line below holds the kept tunables; without one the device builds the hand "
                              "schedule's own choices.\n" + tunables + "\n");
    write_text(record_, record.dump(2) + "\n");
    std::printf("kept %s:\n  %s\n  %s\n", tunables.empty() ? "the hand schedule's own choices" : tunables.c_str(),
                tunables_.c_str(), record_.c_str());
    print_build_hint();
}

void KeptFiles::keep_schedule(const std::string &what, const std::string &header, const nlohmann::json &record,
                              const fs::path &weights) const {
    clear();
    write_text(header_, header);
    write_text(record_, record.dump(2) + "\n");
    if (fs::exists(weights)) fs::copy_file(weights, weights_, fs::copy_options::overwrite_existing);
    std::printf("kept %s:\n  %s\n  %s\n  %s\n", what.c_str(), header_.c_str(), record_.c_str(), weights_.c_str());
    print_build_hint();
}

}  // namespace autotune
}  // namespace ghostnet
