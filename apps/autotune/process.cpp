#include "process.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <thread>

namespace ghostnet {
namespace autotune {

volatile sig_atomic_t g_interrupted = 0;

namespace {
void on_interrupt(int) { g_interrupted = 1; }
}  // namespace

void install_interrupt_handler() {
    struct sigaction sa {};
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

std::string read_text(const fs::path &p) {
    std::ifstream in(p);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void write_text(const fs::path &p, const std::string &text) {
    const fs::path tmp = p.string() + ".part";
    {
        std::ofstream out(tmp);
        out << text;
        if (!out) throw Failure("cannot write " + tmp.string());
    }
    fs::rename(tmp, p);  // whole or not at all: an interrupted write leaves no half file
}

std::string shell_quote(const std::string &s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

void write_command(const fs::path &dir, const std::vector<std::string> &argv) {
    std::string line;
    for (const std::string &a : argv) line += shell_quote(a) + " ";
    write_text(dir / "command.txt", line + "\n");
}

std::string fmt_ms(double seconds) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f ms", seconds * 1e3);
    return buf;
}

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::string tail(const fs::path &log, int lines) {
    const std::string text = read_text(log);
    size_t pos = text.size();
    for (int n = 0; n <= lines && pos != std::string::npos && pos > 0; n++) pos = text.rfind('\n', pos - 1);
    return text.substr(pos == std::string::npos ? 0 : pos + 1);
}

std::string find_tool(const std::string &name) {
    const char *path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "");
    for (std::string d; std::getline(dirs, d, ':');)
        if (!d.empty() && ::access((fs::path(d) / name).c_str(), X_OK) == 0) return (fs::path(d) / name).string();
    return "";
}

Child spawn(const std::vector<std::string> &argv, const std::vector<std::string> &env, const fs::path &log,
            double timeout) {
    Child c;
    c.start = Clock::now();
    c.timeout = timeout;
    c.pid = fork();
    if (c.pid < 0) throw Failure("fork failed");
    if (c.pid == 0) {
        setpgid(0, 0);
        const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
            close(fd);
        }
        for (const std::string &e : env) putenv(strdup(e.c_str()));
        std::vector<char *> args;
        for (const std::string &a : argv) args.push_back(const_cast<char *>(a.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        std::fprintf(stderr, "cannot run %s: %s\n", args[0], std::strerror(errno));
        _exit(127);
    }
    setpgid(c.pid, c.pid);
    return c;
}

int poll(Child &c) {
    int status = 0;
    const pid_t r = waitpid(c.pid, &status, WNOHANG);
    if (r == c.pid) return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    const double elapsed = seconds_since(c.start);
    if (g_interrupted || (c.timeout > 0 && elapsed > c.timeout)) {
        kill(-c.pid, SIGKILL);
        waitpid(c.pid, &status, 0);
        return g_interrupted ? 130 : 124;
    }
    return -1;
}

int run(const std::vector<std::string> &argv, const std::vector<std::string> &env, const fs::path &log,
        double timeout) {
    Child c = spawn(argv, env, log, timeout);
    for (;;) {
        const int rc = poll(c);
        if (rc >= 0) return rc;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

void run_pool(size_t n, int jobs, const std::function<std::optional<Child>(size_t)> &start,
              const std::function<void(size_t, int, double)> &done) {
    struct Running {
        size_t item;
        Child child;
    };
    std::vector<Running> running;
    size_t next = 0;
    while ((next < n && !g_interrupted) || !running.empty()) {
        while (next < n && !g_interrupted && int(running.size()) < std::max(jobs, 1)) {
            const size_t i = next++;
            if (std::optional<Child> c = start(i)) running.push_back({i, *c});
        }
        for (size_t k = 0; k < running.size();) {
            const int rc = poll(running[k].child);
            if (rc < 0) {
                k++;
                continue;
            }
            const Running r = running[k];
            running.erase(running.begin() + long(k));
            done(r.item, rc, seconds_since(r.child.start));
        }
        if (!running.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
}

}  // namespace autotune
}  // namespace ghostnet
