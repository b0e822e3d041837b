#include "work_folder.h"

#include <cstdio>

#include "process.h"

namespace ghostnet {
namespace autotune {

using nlohmann::json;

namespace {
std::string numbered(const char *prefix, int n) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s_%03d", prefix, n);
    return buf;
}
}  // namespace

bool WorkFolder::claim(const json &choices) const {
    fs::create_directories(root_);
    const fs::path record = root_ / "autotune.json";
    if (!fs::exists(record)) {
        write_text(record, choices.dump(2) + "\n");
        return false;
    }
    json old;
    try {
        old = json::parse(read_text(record));
    } catch (const std::exception &e) {
        throw Failure(record.string() + " is not JSON (" + e.what() + "); remove the work folder or pass another --work");
    }
    if (old != choices)
        throw Failure("--work " + root_.string() + " holds a run started with other choices (" + old.dump() +
                      "); use the same choices to resume, or another --work folder");
    return true;
}

fs::path WorkFolder::batch(int b) const { return root_ / numbered("batch", b); }
fs::path WorkFolder::sample(int b, int s) const { return batch(b) / numbered("sample", s); }
fs::path WorkFolder::sample_of(const json &r) const { return sample(r.at("batch").get<int>(), r.at("sample").get<int>()); }

json WorkFolder::read_result(const fs::path &dir) {
    const fs::path p = dir / "result.json";
    if (!fs::exists(p)) return json();
    try {
        return json::parse(read_text(p));
    } catch (const std::exception &) {
        return json();
    }
}

std::string WorkFolder::sample_tunables(const fs::path &dir) {
    std::string t = read_text(dir / "tunables.txt");
    while (!t.empty() && t.back() == '\n') t.pop_back();
    return t;
}

void WorkFolder::each_sample(const std::function<void(int, int, const fs::path &)> &fn, int before_batch) const {
    for (int b = 0; (before_batch < 0 || b < before_batch) && fs::exists(batch(b)); b++)
        for (int s = 0; fs::exists(sample(b, s)); s++) fn(b, s, sample(b, s));
}

std::vector<json> WorkFolder::results() const {
    std::vector<json> all;
    each_sample([&](int, int, const fs::path &dir) {
        json r = read_result(dir);
        if (is_ok(r)) all.push_back(std::move(r));
    });
    return all;
}

double score(const json &r) { return r.contains("score") ? r["score"].get<double>() : r["seconds"].get<double>(); }

const json *best(const std::vector<json> &all) {
    const json *b = nullptr;
    for (const json &r : all)
        if (!b || score(r) < score(*b)) b = &r;
    return b;
}

std::string best_text(const std::vector<json> &all) {
    const json *b = best(all);
    if (!b) return "none";
    char buf[160];
    std::snprintf(buf, sizeof buf, "%s (batch %d sample %d)", fmt_ms(score(*b)).c_str(), (*b)["batch"].get<int>() + 1,
                  (*b)["sample"].get<int>() + 1);
    std::string text = buf;
    for (const json &r : all)
        if (is_hand(r)) {
            std::snprintf(buf, sizeof buf, ", %.3fx the hand schedule's %s", score(r) / score(*b), fmt_ms(score(r)).c_str());
            text += buf;
            break;
        }
    return text;
}

}  // namespace autotune
}  // namespace ghostnet
