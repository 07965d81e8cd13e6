// codegen.h — SSA to LLVM IR, runtime bitcode linking, optimisation, object
// emission and the final link.
//
// The pipeline for one program:
//   1. load the runtime bitcode for the target (lib/molt/runtime-*.bc) and
//      take its triple and data layout;
//   2. emit the program's functions, constants and `main` into a module
//      with that layout (module_emitter.cc, function_emitter.cc);
//   3. link the runtime's entry points in with LinkOnlyNeeded and
//      internalize everything but `main`, so their fast paths inline
//      (optimize.cc);
//   4. run LLVM's default O2/O3 pipeline and emit an object file;
//   5. link with clang-19 and the precompiled runtime archive into an
//      executable or a .wasm module (link.cc).
#pragma once

#include <string>

#include "ssa/ir.h"

namespace molt::codegen {

enum class Target { Native, Wasm32 };

struct Options {
  Target target = Target::Native;
  /// 0 = no LLVM optimisation (fast compiles), 2 = default, 3 = --release.
  int opt_level = 2;
  /// Path of the runtime bitcode (the inlinable ABI entry points) for `target`.
  std::string runtime_bitcode;
  /// Path of the precompiled runtime archive for `target`.
  std::string runtime_archive;
  /// The runtime bitcode was built with ASan/UBSan: link with them.
  bool sanitize = false;
  /// Strip symbols from the output.
  bool strip = false;
};

/// Program IR before the runtime is linked in (for --emit=llvm).
bool emit_llvm_text(ssa::Module& module, const Options& options, std::string* out, std::string* error);

/// Full code generation: writes an object file to `object_path`.
bool emit_object(ssa::Module& module, const Options& options, const std::string& object_path, std::string* error);

/// Links an object file into an executable (native) or a .wasm module.
bool link_program(const std::string& object_path, const std::string& output, const Options& options,
                  std::string* error);

/// The clang driver used for linking ("clang++-19" or an absolute path),
/// empty if none is installed.
std::string find_clang();

}  // namespace molt::codegen
