// doctor.cc — `molt doctor`: reports each external piece molt relies on,
// found or missing, with the command that fixes it.
#include <stdio.h>

#include "codegen/codegen.h"
#include "driver/commands.h"
#include "driver/toolchain.h"
#include "llvm/Config/llvm-config.h"
#include "support/fs.h"
#include "support/process.h"

namespace molt::driver {

namespace {

const char kDoctorHelp[] =
    "usage: molt doctor\n"
    "\n"
    "Check the toolchain molt uses (LLVM, clang-19, the wasm sysroot, Node.js)\n"
    "and the interpreters it compares against (CPython 3.12, PyPy).\n"
    "Exits 1 if something required is missing.\n";

std::string first_line(const std::string& s) {
  size_t nl = s.find('\n');
  return nl == std::string::npos ? s : s.substr(0, nl);
}

std::string version_of(const std::string& exe, const std::string& flag) {
  support::ProcessOptions po;
  po.capture_stdout = true;
  po.capture_stderr = true;
  po.timeout_seconds = 20;
  support::ProcessResult r = support::run_process({exe, flag}, po);
  if (!r.started) return "";
  return first_line(r.out.empty() ? r.err : r.out);
}

struct Report {
  int missing_required = 0;
  void line(bool ok, bool required, const std::string& what, const std::string& detail, const std::string& fix) {
    printf("  [%s] %-24s %s\n", ok ? " ok " : (required ? "MISS" : "skip"), what.c_str(), detail.c_str());
    if (!ok) {
      printf("         fix: %s\n", fix.c_str());
      if (required) ++missing_required;
    }
  }
};

}  // namespace

int cmd_doctor(const Args& args) {
  for (const std::string& a : args) {
    if (a == "-h" || a == "--help") {
      fputs(kDoctorHelp, stdout);
      return 0;
    }
    return usage_error("doctor", "unexpected argument '" + a + "'");
  }
  Report r;
  const std::string apt = "apt-get install -y ";
  printf("molt " MOLT_VERSION " toolchain check\n\n");
  r.line(true, true, "LLVM (linked)", LLVM_VERSION_STRING, "");
  std::string clang = codegen::find_clang();
  r.line(!clang.empty(), true, "clang++-19 (linker)", clang.empty() ? "not found" : clang + " — " + version_of(clang, "--version"),
         apt + "clang-19 lld-19");
  std::string native_bc = runtime_bitcode(false);
  r.line(support::file_exists(native_bc) && support::file_exists(runtime_archive(false)), true, "runtime (native)",
         native_bc, "rebuild molt (ninja -C build)");
  std::string wasm_bc = runtime_bitcode(true);
  r.line(support::file_exists(wasm_bc), false, "runtime (wasm32)", wasm_bc,
         "rebuild molt with -DMOLT_WASM=ON after installing the wasm packages");
  bool sysroot = support::file_exists("/usr/include/wasm32-wasi/stdio.h") ||
                 support::file_exists("/usr/share/wasi-sysroot/include/stdio.h");
  r.line(sysroot, false, "wasi-libc sysroot", sysroot ? "/usr/include/wasm32-wasi" : "not found", apt + "wasi-libc");
  bool libcxx = support::file_exists("/usr/lib/llvm-19/lib/wasm32-wasi/libc++.a");
  r.line(libcxx, false, "libc++ for wasm32", libcxx ? "/usr/lib/llvm-19/lib/wasm32-wasi/libc++.a" : "not found",
         apt + "libc++-19-dev-wasm32 libc++abi-19-dev-wasm32");
  const char* builtins = "/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a";
  r.line(support::file_exists(builtins), false, "compiler-rt for wasm32", builtins, apt + "libclang-rt-19-dev-wasm32");
  std::string node = find_node();
  r.line(!node.empty(), false, "Node.js (runs wasm)", node.empty() ? "not found" : node + " " + version_of(node, "--version"),
         apt + "nodejs");
  std::string how;
  std::string cpython = find_cpython(&how);
  r.line(!cpython.empty(), false, "CPython 3.12 (oracle)", cpython.empty() ? "not found" : cpython + " (" + how + ")",
         "install Python 3.12 (e.g. `pyenv install 3.12`) or set MOLT_CPYTHON=/path/to/python3.12");
  std::string pypy = find_pypy();
  r.line(!pypy.empty(), false, "PyPy (benchmarks)", pypy.empty() ? "not found (optional)" : pypy, apt + "pypy3");
  printf("\ncache: %s\n", cache_dir().c_str());
  if (r.missing_required > 0) {
    printf("\n%d required component%s missing.\n", r.missing_required, r.missing_required == 1 ? " is" : "s are");
    return 1;
  }
  printf("\nEverything required is present.\n");
  return 0;
}

}  // namespace molt::driver
