// process.cc — child processes via fork/exec with pipes and a poll loop.
#include "support/process.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char** environ;

namespace molt::support {

std::string find_in_path(const std::string& name) {
  if (name.find('/') != std::string::npos) return access(name.c_str(), X_OK) == 0 ? name : "";
  const char* path = getenv("PATH");
  if (path == nullptr) return "";
  std::string p = path;
  size_t start = 0;
  while (start <= p.size()) {
    size_t end = p.find(':', start);
    if (end == std::string::npos) end = p.size();
    std::string dir = p.substr(start, end - start);
    if (dir.empty()) dir = ".";
    std::string candidate = dir + "/" + name;
    struct stat st;
    if (stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(candidate.c_str(), X_OK) == 0)
      return candidate;
    start = end + 1;
  }
  return "";
}

namespace {

std::vector<char*> to_c_argv(const std::vector<std::string>& argv) {
  std::vector<char*> out;
  for (const std::string& a : argv) out.push_back(const_cast<char*>(a.c_str()));
  out.push_back(nullptr);
  return out;
}

double now_seconds() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options) {
  ProcessResult result;
  int out_pipe[2] = {-1, -1}, err_pipe[2] = {-1, -1}, in_pipe[2] = {-1, -1};
  if (options.capture_stdout && pipe(out_pipe) != 0) {
    result.error = strerror(errno);
    return result;
  }
  if (options.capture_stderr && pipe(err_pipe) != 0) {
    result.error = strerror(errno);
    return result;
  }
  bool feed_stdin = !options.stdin_data.empty();
  if (feed_stdin && pipe(in_pipe) != 0) {
    result.error = strerror(errno);
    return result;
  }
  int exec_pipe[2];  // reports exec failure to the parent
  if (pipe(exec_pipe) != 0) {
    result.error = strerror(errno);
    return result;
  }
  fcntl(exec_pipe[1], F_SETFD, FD_CLOEXEC);

  std::vector<std::string> env_storage;
  for (char** e = environ; *e; ++e) env_storage.emplace_back(*e);
  for (const std::string& extra : options.env) {
    std::string key = extra.substr(0, extra.find('='));
    for (auto it = env_storage.begin(); it != env_storage.end();) {
      it = it->compare(0, key.size() + 1, key + "=") == 0 ? env_storage.erase(it) : it + 1;
    }
    env_storage.push_back(extra);
  }
  std::vector<char*> envp = to_c_argv(env_storage);
  std::vector<char*> cargv = to_c_argv(argv);
  std::string program = find_in_path(argv[0]);
  if (program.empty()) program = argv[0];

  pid_t pid = fork();
  if (pid < 0) {
    result.error = strerror(errno);
    return result;
  }
  if (pid == 0) {
    setpgid(0, 0);
    if (options.capture_stdout) dup2(out_pipe[1], 1);
    if (options.capture_stderr) dup2(err_pipe[1], 2);
    if (feed_stdin) {
      dup2(in_pipe[0], 0);
    } else if (!options.inherit_stdin) {
      int devnull = open("/dev/null", O_RDONLY);
      if (devnull >= 0) dup2(devnull, 0);
    }
    for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1], in_pipe[0], in_pipe[1], exec_pipe[0]}) {
      if (fd >= 0) close(fd);
    }
    execve(program.c_str(), cargv.data(), envp.data());
    int e = errno;
    ssize_t ignored = write(exec_pipe[1], &e, sizeof e);
    (void)ignored;
    _exit(127);
  }
  close(exec_pipe[1]);
  if (out_pipe[1] >= 0) close(out_pipe[1]);
  if (err_pipe[1] >= 0) close(err_pipe[1]);
  if (in_pipe[0] >= 0) close(in_pipe[0]);

  int exec_errno = 0;
  if (read(exec_pipe[0], &exec_errno, sizeof exec_errno) == static_cast<ssize_t>(sizeof exec_errno)) {
    close(exec_pipe[0]);
    waitpid(pid, nullptr, 0);
    result.error = std::string("cannot run '") + argv[0] + "': " + strerror(exec_errno);
    return result;
  }
  close(exec_pipe[0]);
  result.started = true;

  size_t in_off = 0;
  if (feed_stdin) fcntl(in_pipe[1], F_SETFL, O_NONBLOCK);
  double deadline = options.timeout_seconds > 0 ? now_seconds() + options.timeout_seconds : 0;
  while (out_pipe[0] >= 0 || err_pipe[0] >= 0 || in_pipe[1] >= 0) {
    struct pollfd fds[3];
    int n = 0;
    int out_i = -1, err_i = -1, in_i = -1;
    if (out_pipe[0] >= 0) {
      fds[n] = {out_pipe[0], POLLIN, 0};
      out_i = n++;
    }
    if (err_pipe[0] >= 0) {
      fds[n] = {err_pipe[0], POLLIN, 0};
      err_i = n++;
    }
    if (in_pipe[1] >= 0) {
      fds[n] = {in_pipe[1], POLLOUT, 0};
      in_i = n++;
    }
    int wait_ms = 200;
    if (poll(fds, static_cast<nfds_t>(n), wait_ms) < 0 && errno != EINTR) break;
    char buf[65536];
    auto drain = [&](int idx, int& fd, std::string& sink) {
      if (idx < 0 || !(fds[idx].revents & (POLLIN | POLLHUP | POLLERR))) return;
      ssize_t r = read(fd, buf, sizeof buf);
      if (r > 0) {
        sink.append(buf, static_cast<size_t>(r));
      } else if (r == 0 || (errno != EINTR && errno != EAGAIN)) {
        close(fd);
        fd = -1;
      }
    };
    drain(out_i, out_pipe[0], result.out);
    drain(err_i, err_pipe[0], result.err);
    if (in_i >= 0 && (fds[in_i].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t w = write(in_pipe[1], options.stdin_data.data() + in_off, options.stdin_data.size() - in_off);
      if (w > 0) in_off += static_cast<size_t>(w);
      if (w < 0 && errno != EAGAIN && errno != EINTR) in_off = options.stdin_data.size();
      if (in_off >= options.stdin_data.size()) {
        close(in_pipe[1]);
        in_pipe[1] = -1;
      }
    }
    if (deadline > 0 && now_seconds() > deadline) {
      kill(-pid, SIGKILL);
      result.timed_out = true;
      break;
    }
  }
  for (int fd : {out_pipe[0], err_pipe[0], in_pipe[1]}) {
    if (fd >= 0) close(fd);
  }
  int status = 0;
  while (true) {
    pid_t w = waitpid(pid, &status, deadline > 0 ? WNOHANG : 0);
    if (w == pid) break;
    if (w < 0 && errno != EINTR) break;
    if (w == 0) {
      if (now_seconds() > deadline) {
        kill(-pid, SIGKILL);
        result.timed_out = true;
        waitpid(pid, &status, 0);
        break;
      }
      usleep(10000);
    }
  }
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.exit_code = 128 + WTERMSIG(status);
  }
  return result;
}

void exec_process(const std::vector<std::string>& argv) {
  std::vector<char*> cargv = to_c_argv(argv);
  execvp(cargv[0], cargv.data());
}

}  // namespace molt::support
