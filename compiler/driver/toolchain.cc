// toolchain.cc — locating runtime files and external tools.
#include "driver/toolchain.h"

#include <dirent.h>
#include <stdlib.h>

#include <algorithm>
#include <vector>

#include "support/fs.h"
#include "support/process.h"

namespace molt::driver {

std::string lib_dir() {
  if (const char* env = getenv("MOLT_LIB_DIR"); env && *env) return env;
  // <prefix>/bin/molt -> <prefix>/lib/molt
  return support::dir_name(support::dir_name(support::executable_path())) + "/lib/molt";
}

std::string runtime_bitcode(bool wasm) { return lib_dir() + (wasm ? "/runtime-wasm32.bc" : "/runtime-native.bc"); }

std::string runtime_archive(bool wasm) {
  return lib_dir() + (wasm ? "/libmolt_runtime_wasm32.a" : "/libmolt_runtime_native.a");
}

std::string find_node() { return support::find_in_path("node"); }

namespace {

bool is_cpython_312(const std::string& exe) {
  support::ProcessOptions po;
  po.capture_stdout = true;
  po.capture_stderr = true;
  po.timeout_seconds = 20;
  support::ProcessResult r = support::run_process(
      {exe, "-c", "import sys; print(sys.implementation.name, sys.version_info[0], sys.version_info[1])"}, po);
  return r.started && r.exit_code == 0 && r.out == "cpython 3 12\n";
}

}  // namespace

std::string find_cpython(std::string* how) {
  static std::string cached, cached_how;
  static bool done = false;
  if (done) {
    if (how) *how = cached_how;
    return cached;
  }
  done = true;
  if (const char* env = getenv("MOLT_CPYTHON"); env && *env) {
    if (is_cpython_312(env)) {
      cached = env;
      cached_how = "$MOLT_CPYTHON";
    }
  }
  if (cached.empty()) {
    std::string p = support::find_in_path("python3.12");
    if (!p.empty() && is_cpython_312(p)) {
      cached = p;
      cached_how = "python3.12 on PATH";
    }
  }
  if (cached.empty()) {
    const char* home = getenv("HOME");
    std::string versions = std::string(home ? home : "/root") + "/.pyenv/versions";
    std::vector<std::string> found;
    if (DIR* d = opendir(versions.c_str())) {
      while (dirent* e = readdir(d)) {
        std::string name = e->d_name;
        if (name.rfind("3.12", 0) == 0) found.push_back(name);
      }
      closedir(d);
    }
    std::sort(found.begin(), found.end(), [](const std::string& a, const std::string& b) {
      // Numeric order of the patch level: 3.12.10 after 3.12.9.
      auto patch = [](const std::string& v) { return atoi(v.c_str() + 5); };
      return patch(a) < patch(b);
    });
    for (auto it = found.rbegin(); it != found.rend(); ++it) {
      std::string exe = versions + "/" + *it + "/bin/python3.12";
      if (is_cpython_312(exe)) {
        cached = exe;
        cached_how = "pyenv (" + *it + ")";
        break;
      }
    }
  }
  if (how) *how = cached_how;
  return cached;
}

std::string find_pypy() { return support::find_in_path("pypy3"); }

std::string cache_dir() {
  if (const char* env = getenv("MOLT_CACHE_DIR"); env && *env) return env;
  if (const char* xdg = getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/molt";
  const char* home = getenv("HOME");
  return std::string(home && *home ? home : "/tmp") + "/.cache/molt";
}

bool sanitize_build() {
#if MOLT_SANITIZE_BUILD
  return true;
#else
  return false;
#endif
}

}  // namespace molt::driver
