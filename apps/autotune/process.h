// ghostnet-autotune's child processes and files: each compile, check and benchmark is a child
// in its own process group (an interrupt or a timeout stops everything it started), with its
// output in a log; files are written whole or not at all, so a resumed run never reads half a
// record.
#pragma once

#include <signal.h>
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace ghostnet {
namespace autotune {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// What the tool reports and stops on (the message says what to do).
struct Failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Set by SIGINT/SIGTERM (install_interrupt_handler): running children are killed, the work
// folder keeps what finished, and the same command resumes.
extern volatile sig_atomic_t g_interrupted;
void install_interrupt_handler();

std::string read_text(const fs::path &p);
void write_text(const fs::path &p, const std::string &text);  // via a .part file, then renamed
std::string shell_quote(const std::string &s);
// Writes `argv`, shell-quoted, to dir/command.txt: how to run a candidate's compile by hand.
void write_command(const fs::path &dir, const std::vector<std::string> &argv);
std::string fmt_ms(double seconds);  // "1.234 ms"
double seconds_since(Clock::time_point t);
// The last lines of a log, for an error message.
std::string tail(const fs::path &log, int lines = 6);
// `name` on PATH, or "".
std::string find_tool(const std::string &name);

struct Child {
    pid_t pid = -1;
    Clock::time_point start;
    double timeout = 0;  // seconds; 0: none
};
// Starts argv (with env added) in its own process group, stdout and stderr to `log`.
Child spawn(const std::vector<std::string> &argv, const std::vector<std::string> &env, const fs::path &log,
            double timeout);
// Exit status of a finished child, or -1 while it runs; kills it past its timeout (status 124)
// or on interrupt (status 130).
int poll(Child &c);
// The process pool: works through items 0..n-1 with up to `jobs` children at once, in order.
// start(i) spawns item i's child, or returns nothing when the item needs none (done earlier);
// done(i, status, seconds) is called as each child ends (status as poll's). Starts nothing
// more after an interrupt, and returns once every started child has ended.
void run_pool(size_t n, int jobs, const std::function<std::optional<Child>(size_t)> &start,
              const std::function<void(size_t, int, double)> &done);
// spawn, then wait: the exit status.
int run(const std::vector<std::string> &argv, const std::vector<std::string> &env, const fs::path &log,
        double timeout);

}  // namespace autotune
}  // namespace ghostnet
