// process.h — running child processes (linker, programs, CPython, Node).
#pragma once

#include <string>
#include <vector>

namespace molt::support {

/// What to do with a child's standard streams.
struct ProcessOptions {
  bool capture_stdout = false;
  bool capture_stderr = false;
  /// Data written to the child's stdin (stdin is /dev/null when empty and
  /// `inherit_stdin` is false).
  std::string stdin_data;
  bool inherit_stdin = false;
  /// Extra environment entries ("NAME=value"), added to the parent's.
  std::vector<std::string> env;
  /// Kill the child after this many seconds (0 = no limit).
  int timeout_seconds = 0;
};

struct ProcessResult {
  bool started = false;  ///< false if the program could not be run at all
  int exit_code = -1;    ///< exit status, or 128 + signal number
  bool timed_out = false;
  std::string out;
  std::string err;
  std::string error;  ///< why it could not start
};

/// Runs argv[0] (searched in PATH) with `argv` and waits for it.
ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});

/// Replaces the current process with argv (execvp); returns only on failure
/// with errno set.
void exec_process(const std::vector<std::string>& argv);

/// Finds an executable in PATH; empty if absent.
std::string find_in_path(const std::string& name);

}  // namespace molt::support
