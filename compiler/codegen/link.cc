// link.cc — the final link, through the clang-19 driver (which knows where
// Debian keeps crt files, libstdc++/libc++, and the wasi sysroot).
#include <cstdlib>

#include "codegen/codegen.h"
#include "support/fs.h"
#include "support/process.h"

namespace molt::codegen {

std::string find_clang() {
  if (const char* env = getenv("MOLT_CLANG"); env && *env) return env;
  std::string p = support::find_in_path("clang++-19");
  if (!p.empty()) return p;
  if (support::file_exists("/usr/lib/llvm-19/bin/clang++")) return "/usr/lib/llvm-19/bin/clang++";
  return "";
}

bool link_program(const std::string& object_path, const std::string& output, const Options& options,
                  std::string* error) {
  std::string clang = find_clang();
  if (clang.empty()) {
    *error = "clang++-19 not found (install the clang-19 package; `molt doctor` checks)";
    return false;
  }
  std::vector<std::string> argv{clang};
  if (options.target == Target::Wasm32) {
    argv.insert(argv.end(), {"--target=wasm32-wasi", object_path, options.runtime_archive, "-o", output,
                             // Deep recursion needs more than wasm-ld's 64 KiB default stack.
                             "-Wl,-z,stack-size=8388608", "-Wl,--gc-sections"});
    const char* builtins = "/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a";
    if (support::file_exists(builtins)) argv.push_back(builtins);
    if (options.strip) argv.push_back("-Wl,--strip-all");
  } else {
    argv.insert(argv.end(), {object_path, options.runtime_archive, "-o", output, "-Wl,--gc-sections", "-lm"});
    if (options.sanitize) argv.push_back("-fsanitize=address,undefined");
    if (options.strip) argv.push_back("-s");
  }
  support::ProcessOptions po;
  po.capture_stdout = true;
  po.capture_stderr = true;
  support::ProcessResult r = support::run_process(argv, po);
  if (!r.started) {
    *error = r.error;
    return false;
  }
  if (r.exit_code != 0) {
    *error = "linking failed:\n" + r.err + r.out;
    return false;
  }
  return true;
}

}  // namespace molt::codegen
